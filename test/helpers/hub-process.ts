import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { hubStartArgs, npmStartArgs } from '../../bench/hub-command.js';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Builds dist/ if a source is newer than the last build (scripts/ensure-built.mjs, as the CLIs
 * do): the run's global setup has built it already, so this costs a directory walk, where
 * `npm run build` rebuilt everything in each file that starts a hub process.
 */
export function ensureBuilt(): void {
  execFileSync(process.execPath, ['scripts/ensure-built.mjs'], { cwd: ROOT, stdio: 'ignore' });
}

/** A real hub process, started as `npm start` starts it (its node flags, then `dist/src/main.js`). */
export interface HubProcess {
  readonly child: ChildProcess;
  /** e.g. http://127.0.0.1:41234 */
  readonly base: string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts the built hub with `env` and resolves once it logs "hub is ready" (rejects if it
 * exits first): the production entry with npm start's node flags, or with `asNpmStart`
 * exactly what `npm start` runs (the demo entry, which seeds an empty database).
 */
export async function startHubProcess(
  env: NodeJS.ProcessEnv,
  onSpawn: (child: ChildProcess) => void,
  { asNpmStart = false }: { asNpmStart?: boolean } = {},
): Promise<HubProcess> {
  const child = spawn(process.execPath, asNpmStart ? npmStartArgs(ROOT) : hubStartArgs(ROOT), {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  onSpawn(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const address = await new Promise<string>((ok, fail) => {
    let rest = '';
    child.stdout.on('data', (chunk: Buffer) => {
      rest += chunk.toString();
      const parts = rest.split('\n');
      rest = parts.pop()!;
      for (const part of parts.filter((p) => p.startsWith('{'))) {
        const line = JSON.parse(part) as { msg?: string; address?: string };
        if (line.msg === 'hub is ready') ok(line.address!);
      }
    });
    void exited.then(() => fail(new Error(`the hub exited before it was ready: ${stderr}`)));
  });
  return { child, base: new URL(address).origin, exited };
}
