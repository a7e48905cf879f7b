// Once per jest run: a migrated, empty database that every test file's database is copied
// from (see test/helpers/db-template.ts, which reads what this publishes), so a file starts
// from it instead of running every migration again (about 4 s a file on PGlite). Each file
// still gets its own database: a PostgreSQL `CREATE DATABASE … TEMPLATE …`, or a PGlite
// instance loaded from the template's dumped data directory.
//
// The migrations run in a child process (test/build-template.mjs) on the built code (dist/,
// rebuilt here when a source is newer: the same migrations the tests import from src/), so
// jest processes, in which the test files run (its workers, or jest itself in band), never load the built
// classes beside the sources.
//
// The template is rebuilt on each run, so it cannot go stale. Its name carries the jest
// process id; a template left behind by a killed run is dropped by the next run once that
// process is gone (other runs on the same server are left alone).
// HUB_TEST_TEMPLATE=off skips it: each file then migrates its own database as before.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { URL } from 'node:url';
import pg from 'pg';

const root = resolve(import.meta.dirname, '..');
const PREFIX = 'hub_tpl_';

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

async function onServer(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The server part of a PostgreSQL URL; test/helpers/db-template.ts compares it. */
export function serverOf(url) {
  const u = new URL(url);
  return `${u.username}@${u.hostname}:${u.port || '5432'}`;
}

/** Runs test/build-template.mjs with `args`; rejects with its stderr when it fails. */
function buildInChild(args) {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [join(root, 'test/build-template.mjs'), ...args], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c.toString()));
    child.once('error', fail);
    child.once('exit', (code) =>
      code === 0 ? ok() : fail(new Error(`migrating the test template failed (exit ${code}): ${stderr}`)),
    );
  });
}

async function postgresTemplate(adminUrl) {
  const name = `${PREFIX}${process.pid}_${randomBytes(4).toString('hex')}`;
  await onServer(adminUrl, async (client) => {
    const { rows } = await client.query('select datname from pg_database where datname like $1', [
      `${PREFIX}%`,
    ]);
    for (const { datname } of rows) {
      const pid = Number(/^hub_tpl_(\d+)_/.exec(datname)?.[1]);
      if (Number.isInteger(pid) && !isAlive(pid)) {
        await client.query(`drop database if exists ${client.escapeIdentifier(datname)} with (force)`);
      }
    }
    await client.query(`create database ${client.escapeIdentifier(name)}`);
  });
  const drop = () =>
    onServer(adminUrl, (client) =>
      client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`),
    );
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    await buildInChild(['postgres', url.toString()]);
  } catch (err) {
    await drop();
    throw err;
  }
  process.env.HUB_TEST_PG_TEMPLATE = name;
  process.env.HUB_TEST_PG_TEMPLATE_SERVER = serverOf(adminUrl);
  return { what: `PostgreSQL database ${name}`, drop };
}

async function pgliteTemplate() {
  const dir = mkdtempSync(join(tmpdir(), 'hub-test-template-'));
  const file = join(dir, 'pglite.tar');
  try {
    await buildInChild(['pglite', file]);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  process.env.HUB_TEST_PGLITE_TEMPLATE = file;
  return {
    what: `PGlite data directory ${file}`,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

export default async function globalSetup(globalConfig) {
  // HUB_TEST_TEMPLATE=off: every file migrates its own database (to compare, or to debug).
  if (process.env.HUB_TEST_TEMPLATE === 'off') return;
  // A run of unit test files only (`npm test -- test/unit/…`) needs no database.
  const patterns = globalConfig?.testPathPatterns?.patterns ?? [];
  if (patterns.length > 0 && patterns.every((p) => p.includes('test/unit/'))) return;
  const started = performance.now();
  process.env.NODE_ENV = 'test';
  process.env.LOG_LEVEL ??= 'silent';
  const build = spawnSync(process.execPath, [join(root, 'scripts/ensure-built.mjs')], {
    cwd: root,
    stdio: ['ignore', 2, 2],
  });
  if (build.status !== 0)
    throw new Error(`building dist/ for the test template failed (exit ${build.status})`);
  const adminUrl = process.env.DATABASE_URL;
  // A PostgreSQL run builds the PGlite template too, at the same time: the files that start
  // hub processes on a PGlite folder of their own (shutdown, crash tests) unpack it there.
  const templates = await Promise.allSettled(
    adminUrl ? [postgresTemplate(adminUrl), pgliteTemplate()] : [pgliteTemplate()],
  );
  const built = templates.filter((t) => t.status === 'fulfilled').map((t) => t.value);
  globalThis.__hubTemplateDrop = () => Promise.all(built.map((t) => t.drop()));
  const failed = templates.find((t) => t.status === 'rejected');
  if (failed) {
    await globalThis.__hubTemplateDrop();
    throw failed.reason;
  }
  process.stderr.write(
    `\ntest template: migrated ${built.map((t) => t.what).join(' and ')} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
}

export async function teardown() {
  await globalThis.__hubTemplateDrop?.();
}
