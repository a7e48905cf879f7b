import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

/**
 * Reads what test/global-setup.mjs publishes once per run: a migrated, empty database that
 * each test file's database is copied from (PostgreSQL `CREATE DATABASE … TEMPLATE …`, or a
 * PGlite instance loaded from its dumped data directory), so a file does not run every
 * migration again. jest's workers inherit the environment variables set there.
 */

/** The server part of a PostgreSQL URL (same as serverOf in test/global-setup.mjs). */
function serverOf(url: string): string {
  const u = new URL(url);
  return `${u.username}@${u.hostname}:${u.port || '5432'}`;
}

/** The PostgreSQL template to copy on the server of `adminUrl`, if this run built one there. */
export function postgresTemplate(adminUrl: string): string | undefined {
  const name = process.env.HUB_TEST_PG_TEMPLATE;
  return name && process.env.HUB_TEST_PG_TEMPLATE_SERVER === serverOf(adminUrl) ? name : undefined;
}

let pgliteDump: Uint8Array<ArrayBuffer> | undefined;

/** The PGlite template's data directory (read once per worker), if this run built one. */
export function pgliteTemplate(): Blob | undefined {
  const file = process.env.HUB_TEST_PGLITE_TEMPLATE;
  if (!file) return undefined;
  pgliteDump ??= new Uint8Array(readFileSync(file));
  return new Blob([pgliteDump]);
}

/**
 * Fills `dir`, the PGlite data folder of a hub process a test starts, with the run's migrated
 * template (its dumped data directory, unpacked), so that hub opens a migrated database instead
 * of running initdb and every migration at start-up (about 10 s on this machine). Returns
 * false, leaving `dir` alone, when this run built no PGlite template.
 */
export function unpackPgliteTemplate(dir: string): boolean {
  const file = process.env.HUB_TEST_PGLITE_TEMPLATE;
  if (!file) return false;
  mkdirSync(dir, { recursive: true });
  // The dump's member names start with "/", which tar strips (and says so on stderr).
  execFileSync('tar', ['-xf', file, '-C', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
  return true;
}
