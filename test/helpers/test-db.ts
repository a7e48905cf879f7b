import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Which database a test file runs on: PostgreSQL when DATABASE_URL is set (a fresh
 * database per test file, created here and dropped afterwards), else in-memory PGlite.
 */
export interface TestDatabase {
  readonly kind: 'postgresql' | 'pglite';
  readonly url: string | undefined;
  drop(): Promise<void>;
}

/** The shared server the CI and this machine run (see .ci/run). */
export const LOCAL_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** `adminUrl`: a PostgreSQL server to create the database on; defaults to DATABASE_URL. */
export async function createTestDatabase(adminUrl = process.env.DATABASE_URL): Promise<TestDatabase> {
  if (!adminUrl) return { kind: 'pglite', url: undefined, drop: async () => {} };
  const name = `hub_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    kind: 'postgresql',
    url: url.toString(),
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
