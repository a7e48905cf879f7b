import { readFileSync } from 'node:fs';

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
