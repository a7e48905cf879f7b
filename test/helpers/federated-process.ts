import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePortRange } from './ports.js';

const ROOT = resolve(import.meta.dirname, '../..');

export interface FederatedProcess {
  readonly child: ChildProcess;
  /** e.g. http://127.0.0.1:41234 */
  readonly gateway: string;
  /** The first subgraph's port; the others follow in subgraph order. */
  readonly subgraphPort: number;
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null; groupAlive: boolean }>;
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The federated hub as a user starts it, `npm run start:federated` (which builds dist/ if a source is newer, then
 * runs `node dist/src/federated.js start`: the subgraph processes and the gateway).
 * Resolves once the gateway's /readyz answers.
 */
export async function startFederatedProcess(
  env: NodeJS.ProcessEnv,
  subgraphs: number,
): Promise<FederatedProcess> {
  const base = await freePortRange(subgraphs + 1);
  // Under `npm test`, npm itself runs the script (it checks the build, then starts); jest started
  // some other way runs what the script runs after its build.
  const npm = process.env.npm_execpath;
  const command = npm ? [npm, 'run', '-s', 'start:federated'] : ['dist/src/federated.js', 'start'];
  // Its own process group, as in a terminal: stopping it is Ctrl-C, SIGINT to the group.
  const child = spawn(process.execPath, command, {
    cwd: ROOT,
    env: { ...env, PORT: String(base), FEDERATION_SUBGRAPH_PORT: String(base + 1) },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  const gateway = `http://127.0.0.1:${base}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`the federated hub exited before it was ready: ${stderr}`);
    if (i > 600) throw new Error(`the federated hub was not ready within 120 s: ${stderr}`);
    try {
      if ((await fetch(`${gateway}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  return {
    child,
    gateway,
    subgraphPort: base + 1,
    stop: async () => {
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGINT');
      const result = await exited;
      // Every process of the group (npm, the launcher, the subgraphs, the gateway) is gone.
      for (let i = 0; groupAlive(child.pid!) && i < 150; i++) await sleep(200);
      return { ...result, groupAlive: groupAlive(child.pid!) };
    },
  };
}
