import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { verifyChain } from '../../src/audit/access-log.verify.js';
import { mintToken } from '../../src/auth/authenticate.js';
import { completeUscc } from '../../src/common/uscc.js';
import { loadConfig } from '../../src/config/config.js';
import { createOrm, type HubOrm } from '../../src/db/orm.js';
import { HUB } from '../../src/hub.js';
import { ensureBuilt, startHubProcess, type HubProcess } from '../helpers/hub-process.js';
import { PRINCIPALS } from '../helpers/principals.js';
import { createTestDatabase, LOCAL_POSTGRES_URL, type TestDatabase } from '../helpers/test-db.js';

/*
 * Two real hub processes (node dist/src/main.js, as npm start starts them) on one
 * PostgreSQL database (PGlite is one process's, so this runs on PostgreSQL whatever
 * DATABASE_URL says), loading the same keys at the same time: the same file sent
 * to both, then two newer versions of it, one to each. Nothing may be lost, stored
 * twice, counted twice or replaced by an older version, and neither hub may take the
 * other's running job for abandoned (each polls the other's job, which runs the
 * abandoned-job check, and both sweep every second).
 */
const dir = mkdtempSync(join(tmpdir(), 'hub-ingest-two-'));
let db: TestDatabase;
let orm: HubOrm;
let token: string;
const children: ChildProcess[] = [];
let a: HubProcess;
let b: HubProcess;

const USCCS = Array.from({ length: 100 }, (_, i) => completeUscc(`91350200MT${String(i).padStart(6, '0')}`));
const N = 12_000;

const hubEnv = (name: string) => ({
  PATH: process.env.PATH,
  NODE_ENV: 'test',
  LOG_LEVEL: 'info',
  PORT: '0',
  SEED_ON_EMPTY: 'false',
  DATABASE_URL: db.url,
  INGEST_SPOOL_DIR: join(dir, name),
  // Small chunks: many turns to interleave; a sweep every second to try the job guard often.
  INGEST_CHUNK_SIZE: '500',
  INGEST_SWEEP_SECONDS: '1',
});

const penalties = (asOf: string, amount: (i: number) => number) => {
  const lines: string[] = [];
  for (let i = 0; i < N; i++)
    lines.push(
      JSON.stringify({
        sourceRecordId: `T-${i}`,
        asOf,
        uscc: USCCS[i % USCCS.length],
        decisionNumber: `厦市监罚〔2025〕${i}号`,
        decisionDate: '2025-11-01',
        authority: 'Xiamen AMR',
        penaltyType: 'FINE',
        severity: i % 3 === 0 ? 'SERIOUS' : 'GENERAL',
        reason: 'Two hubs',
        amount: amount(i),
        publicityEndDate: '2026-11-01',
      }),
    );
  return `${lines.join('\n')}\n`;
};

interface Job {
  id: string;
  status: string;
  recordsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  error: string | null;
}

const auth = () => ({ authorization: `Bearer ${token}` });

async function post(hub: HubProcess, recordType: string, text: string): Promise<Job> {
  const res = await fetch(`${hub.base}/ingest/${recordType}`, {
    method: 'POST',
    headers: { ...auth(), 'content-type': 'application/x-ndjson' },
    // No Content-Length: spooled and answered 202, the job runs in the background.
    body: new Blob([text]).stream(),
    duplex: 'half',
  });
  expect(res.status).toBe(202);
  return (await res.json()) as Job;
}

const readJob = async (via: HubProcess, id: string): Promise<Job> =>
  (await (await fetch(`${via.base}/ingest/jobs/${id}`, { headers: auth() })).json()) as Job;

/** Follows both jobs to their end, each read through the other hub (its abandoned-job check runs on each read). */
async function bothFinished(jobA: string, jobB: string): Promise<[Job, Job]> {
  for (;;) {
    const [x, y] = await Promise.all([readJob(b, jobA), readJob(a, jobB)]);
    const done = (j: Job) => j.status !== 'RUNNING' && j.status !== 'RECEIVING';
    if (done(x) && done(y)) return [x, y];
    await new Promise((r) => setTimeout(r, 50));
  }
}

const count = async (sql: string): Promise<number> =>
  Number((await orm.em.fork().execute<{ n: string }[]>(sql))[0]!.n);

beforeAll(async () => {
  // Not `npm run build`: rebuilding dist/ here raced other files running its scripts (a CLI saw a half-written module).
  ensureBuilt();
  db = await createTestDatabase(process.env.DATABASE_URL ?? LOCAL_POSTGRES_URL);
  token = await mintToken(loadConfig({ NODE_ENV: 'test' }), PRINCIPALS.marketRegulation);
  // One after the other: the first migrates the empty database.
  a = await startHubProcess(hubEnv('a'), (c) => children.push(c));
  b = await startHubProcess(hubEnv('b'), (c) => children.push(c));
  orm = await createOrm(HUB, loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url }));
  const enterprises = USCCS.map((uscc, i) =>
    JSON.stringify({
      sourceRecordId: `TE-${i}`,
      asOf: '2026-01-01',
      uscc,
      name: `Two Hubs Co ${i}`,
      enterpriseType: 'LIMITED_LIABILITY',
      status: 'OPERATING',
      establishedDate: '2015-01-01',
      registeredCapital: 1000000,
      regionCode: '350200',
      industrySection: 'C',
      industryCode: '3511',
      address: 'Two Hubs Road',
      businessScope: 'Testing',
      legalRepresentativeName: '李四',
      legalRepresentativeIdNumber: '350200198001011234',
    }),
  ).join('\n');
  const registered = await post(a, 'Enterprise', enterprises);
  const [done] = await bothFinished(registered.id, registered.id);
  expect(done).toMatchObject({ status: 'SUCCEEDED', inserted: USCCS.length });
});

afterAll(async () => {
  await orm?.close(true);
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await db?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('two hub processes loading the same keys at once', () => {
  it('the same file sent to both: every record stored once, inserted by exactly one job and unchanged in the other', async () => {
    const file = penalties('2026-01-10', (i) => (i % 1000) / 100);
    const [jobA, jobB] = await Promise.all([
      post(a, 'AdministrativePenalty', file),
      post(b, 'AdministrativePenalty', file),
    ]);
    const [x, y] = await bothFinished(jobA.id, jobB.id);
    for (const job of [x, y])
      expect(job).toMatchObject({
        status: 'SUCCEEDED',
        recordsRead: N,
        updated: 0,
        rejected: 0,
        error: null,
      });
    expect(x.inserted + y.inserted).toBe(N);
    expect(x.unchanged + y.unchanged).toBe(N);
    expect(await count(`select count(*) as n from credit_penalty where source_record_id like 'T-%'`)).toBe(N);
    expect(
      await count(
        `select count(distinct source_record_id) as n from credit_penalty where source_record_id like 'T-%'`,
      ),
    ).toBe(N);
    expect(
      await count(`select count(*) as n from ingest_record_version where source_record_id like 'T-%'`),
    ).toBe(0);
  });

  it('two newer versions at once, one to each: the newest wins everywhere, the older is applied before it or refused as stale, history exact', async () => {
    const newest = penalties('2026-01-20', (i) => ((i % 1000) + 200) / 100);
    const newer = penalties('2026-01-15', (i) => ((i % 1000) + 100) / 100);
    const [jobA, jobB] = await Promise.all([
      post(a, 'AdministrativePenalty', newest),
      post(b, 'AdministrativePenalty', newer),
    ]);
    const [x, y] = await bothFinished(jobA.id, jobB.id);
    expect(x).toMatchObject({
      status: 'SUCCEEDED',
      recordsRead: N,
      inserted: 0,
      updated: N,
      unchanged: 0,
      rejected: 0,
    });
    expect(y).toMatchObject({ status: 'SUCCEEDED', recordsRead: N, inserted: 0, unchanged: 0 });
    // Each record of B's file was either applied (before A's version of it) or refused as stale (after).
    expect(y.updated + y.rejected).toBe(N);
    const stale = await count(
      `select count(*) as n from ingest_job_reject where job_id = '${y.id}' and code = 'STALE_VERSION' and field = 'asOf'`,
    );
    expect(stale).toBe(y.rejected);
    // Every stored record is the newest version, with its amount.
    expect(
      await count(
        `select count(*) as n from credit_penalty where source_record_id like 'T-%' and as_of = '2026-01-20'
           and amount = ((substring(source_record_id from 3)::int % 1000) + 200) / 100.0`,
      ),
    ).toBe(N);
    // History: each record's 01-10 version once, and its 01-15 version once where B's was applied.
    expect(
      await count(`select count(*) as n from ingest_record_version where source_record_id like 'T-%'`),
    ).toBe(N + y.updated);
    expect(
      await count(
        `select count(*) as n from (select distinct source_record_id, as_of from ingest_record_version
           where source_record_id like 'T-%') v`,
      ),
    ).toBe(N + y.updated);
    expect(
      await count(
        `select count(*) as n from ingest_record_version where source_record_id like 'T-%' and as_of = '2026-01-10'`,
      ),
    ).toBe(N);
    // Both hubs' chunks are in the one hash chain, intact.
    const chain = await verifyChain(orm.em.fork());
    expect(chain.ok).toBe(true);
  });
});
