import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { ConfigError, loadConfig, type HubConfig } from '../../config/config.js';
import { prepareDatabase } from '../../db/bootstrap.js';
import type { HubOrm } from '../../db/orm.js';
import { openDatabase } from '../../db/startup.js';
import { createLogger } from '../logger.js';
import { platformTypeNames } from '../platform.js';
import { buildHubSchema } from '../schema.js';
import {
  federationSubgraphs,
  subgraphNames,
  subgraphPort,
  supergraphSdl,
  type FederationParts,
} from './federation.js';
import { buildGatewayApp } from './gateway.server.js';
import { buildSubgraphApp } from './subgraph.server.js';
import { emitSupergraph } from './supergraph.cli.js';

const USAGE = `usage: node dist/src/federated.js <command>
  start                 migrate (and seed an empty database), then start every subgraph and the gateway
  subgraph <name>       start one subgraph
  gateway               start the gateway
  supergraph [--check]  write (or check) schema/supergraph.graphql
`;

/** Refusals before anything starts: exit code 2 and one line naming the setting. */
class Refusal extends Error {}

function federatedConfig(): HubConfig {
  const config = loadConfig();
  if (!config.databaseUrl) {
    throw new Refusal(
      "federated mode needs PostgreSQL: set DATABASE_URL. The subgraphs and the gateway are separate processes, and PGlite is one process's database",
    );
  }
  if (!config.federationSecret) {
    throw new Refusal('FEDERATION_SECRET must be set in production (the development key is public)');
  }
  return config;
}

/** Serves until SIGTERM/SIGINT, then drains HTTP and closes the pool. */
function serveUntilStopped(
  stop: () => Promise<void>,
  orm: HubOrm,
  log: Logger,
  readiness: { draining: boolean },
): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    readiness.draining = true;
    log.info({ signal }, 'shutting down');
    void (async () => {
      let code = 0;
      await stop().catch((err: unknown) => {
        code = 1;
        log.error({ err }, 'could not stop the HTTP server cleanly');
      });
      await orm.close(true).catch((err: unknown) => {
        code = 1;
        log.error({ err }, 'could not close the database cleanly');
      });
      log.flush(() => process.exit(code));
    })();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

async function runSubgraph(parts: FederationParts, name: string | undefined): Promise<number> {
  const names = subgraphNames(parts);
  if (name === undefined || !names.includes(name)) {
    process.stderr.write(`name a subgraph: one of ${names.join(', ')}\n`);
    return 2;
  }
  const config = federatedConfig();
  const log = createLogger(config).child({ subgraph: name });
  const orm = await openDatabase(parts.hub, config, log);
  const hubSchema = await buildHubSchema(parts.hub, { ingestMaxBatch: config.ingestMaxBatch });
  const definition = federationSubgraphs(parts, hubSchema).find((d) => d.name === name)!;
  const platformTypes = platformTypeNames(parts.hub);
  const app = await buildSubgraphApp({ orm, config, log, definition, platformTypes });
  const port = subgraphPort(config, names, name);
  const address = await app.http.listen({ port, host: config.federationSubgraphHost });
  log.info({ address: `${address}/graphql` }, 'subgraph is ready');
  serveUntilStopped(() => app.apollo.stop(), orm, log, app.readiness);
  return 0;
}

async function runGateway(parts: FederationParts): Promise<number> {
  const config = federatedConfig();
  const log = createLogger(config).child({ component: 'gateway' });
  const orm = await openDatabase(parts.hub, config, log);
  const hubSchema = await buildHubSchema(parts.hub, { ingestMaxBatch: config.ingestMaxBatch });
  const app = await buildGatewayApp({
    orm,
    config,
    log,
    hubSchema,
    supergraphSdl: supergraphSdl(parts, hubSchema, config),
  });
  const address = await app.http.listen({ port: config.port, host: config.host });
  log.info({ address: `${address}/graphql` }, 'gateway is ready');
  serveUntilStopped(() => app.apollo.stop(), orm, log, app.readiness);
  return 0;
}

const running = (child: ChildProcess): boolean => child.exitCode === null && child.signalCode === null;

/** Polls a child's /readyz until it answers 200; rejects if the child exits first. */
async function ready(child: ChildProcess, url: string, log: Logger): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    if (!running(child)) throw new Error(`exited with code ${String(child.exitCode)} before it was ready`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (attempt > 0 && attempt % 50 === 0) log.info({ url }, 'still waiting for a process to be ready');
    await sleep(200);
  }
}

/**
 * `npm run start:federated`: prepares the database once (migrations, the demo seed
 * on an empty database), then starts each subgraph and, once they all serve, the
 * gateway, each its own process on the one PostgreSQL. A child that dies stops
 * the others; SIGTERM/SIGINT stops the gateway first, then the subgraphs.
 */
async function runAll(parts: FederationParts): Promise<number> {
  const config = federatedConfig();
  const log = createLogger(config).child({ component: 'federated' });
  const orm = await openDatabase(parts.hub, config, log);
  const onEmpty = parts.onEmptyDatabase;
  await prepareDatabase(orm, log, onEmpty && ((db) => onEmpty(db, config, log)));
  await orm.close(true);

  const entry = process.argv[1]!;
  const names = subgraphNames(parts);
  const children: { name: string; child: ChildProcess }[] = [];
  let stopping = false;
  const stopAll = async (code: number): Promise<number> => {
    stopping = true;
    for (const { child } of [...children].reverse()) {
      if (!running(child)) continue;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await Promise.race([
        exited,
        sleep(config.shutdownGraceSeconds * 1000 + 5000, undefined, { ref: false }),
      ]);
      if (running(child)) child.kill('SIGKILL');
    }
    return code;
  };
  const start = async (name: string, args: string[], readyz: string) => {
    const child = spawn(process.execPath, [entry, ...args], { stdio: ['ignore', 'inherit', 'inherit'] });
    children.push({ name, child });
    child.once('exit', (code, signal) => {
      if (stopping) return;
      log.error({ process: name, code, signal }, 'a federated process stopped; stopping the others');
      void stopAll(1).then((c) => process.exit(c));
    });
    await ready(child, readyz, log);
  };
  const finished = new Promise<number>((done) => {
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) return;
      log.info({ signal }, 'stopping the gateway and the subgraphs');
      void stopAll(0).then(done);
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
  try {
    await Promise.all(
      names.map((name) =>
        start(
          name,
          ['subgraph', name],
          `http://${config.federationSubgraphHost}:${subgraphPort(config, names, name)}/readyz`,
        ),
      ),
    );
    await start('gateway', ['gateway'], `http://${config.host}:${config.port}/readyz`);
  } catch (err) {
    log.error({ err }, 'the federated hub could not start');
    return stopAll(1);
  }
  log.info(
    { address: `http://${config.host}:${config.port}/graphql`, subgraphs: children.length - 1 },
    'federated hub is ready',
  );
  return finished;
}

/** The federated hub's commands; resolves to the exit code (servers keep the process alive). */
export async function runFederated(args: readonly string[], parts: FederationParts): Promise<number> {
  const [command, ...rest] = args;
  try {
    switch (command) {
      case 'supergraph':
        return await emitSupergraph(parts, rest.includes('--check'));
      case 'subgraph':
        return await runSubgraph(parts, rest[0]);
      case 'gateway':
        return await runGateway(parts);
      case 'start':
        return await runAll(parts);
      default:
        process.stderr.write(USAGE);
        return 2;
    }
  } catch (err) {
    if (err instanceof Refusal || err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
}
