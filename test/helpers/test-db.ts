import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { postgresTemplate } from './db-template.js';

/**
 * Which database a test file runs on: PostgreSQL when DATABASE_URL is set (a fresh
 * database per test file, created here and dropped afterwards), else in-memory PGlite.
 */
export interface TestDatabase {
  readonly kind: 'postgresql' | 'pglite';
  readonly url: string | undefined;
  /** Copied from the run's migrated template (test/helpers/db-template.ts): no migration needed. */
  readonly migrated: boolean;
  drop(): Promise<void>;
}

/** The shared server the CI and this machine run (see .ci/run). */
export const LOCAL_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabaseOptions {
  /**
   * Copy the run's migrated template when there is one on that server (an empty database
   * otherwise, and always when false). PGlite has no server: see startTestHub.
   */
  readonly fromTemplate?: boolean;
}

/** `adminUrl`: a PostgreSQL server to create the database on; defaults to DATABASE_URL. */
export async function createTestDatabase(
  adminUrl = process.env.DATABASE_URL,
  options: TestDatabaseOptions = {},
): Promise<TestDatabase> {
  if (!adminUrl) return { kind: 'pglite', url: undefined, migrated: false, drop: async () => {} };
  const name = `hub_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const template = options.fromTemplate ? postgresTemplate(adminUrl) : undefined;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await createDatabase(admin, name, template);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    kind: 'postgresql',
    url: url.toString(),
    migrated: template !== undefined,
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * CREATE DATABASE, optionally as a copy of `template`. PostgreSQL refuses to copy a database
 * somebody is connected to; the template has no user after set-up, but a copy started by
 * another worker at the same moment can hold it briefly, so that refusal is retried.
 */
async function createDatabase(admin: pg.Client, name: string, template: string | undefined): Promise<void> {
  const target = admin.escapeIdentifier(name);
  if (!template) {
    await admin.query(`create database ${target}`);
    return;
  }
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.query(`create database ${target} template ${admin.escapeIdentifier(template)}`);
      return;
    } catch (err) {
      const busy = (err as { code?: string }).code === '55006'; // object_in_use
      if (!busy || attempt >= 50) throw err;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
