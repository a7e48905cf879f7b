import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mintToken } from '../../src/auth/authenticate.js';
import { completeUscc } from '../../src/common/uscc.js';
import { loadConfig } from '../../src/config/config.js';
import { createOrm } from '../../src/db/orm.js';
import { ensureBuilt, startHubProcess, type HubProcess } from '../helpers/hub-process.js';
import { PRINCIPALS } from '../helpers/principals.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.js';
import { HUB } from '../../src/hub.js';
import { unpackPgliteTemplate } from '../helpers/db-template.js';

/*
 * The built hub (started as npm start starts it) as a process of its own, on
 * PostgreSQL (DATABASE_URL) or a PGlite folder, stopped in the middle of a bulk job:
 * killed with SIGKILL (no shutdown code runs, the job's row still says RUNNING; the
 * next hub must tell it was abandoned), or sent SIGTERM (the hub stops the job after
 * its chunk in flight, says so in the job and exits 0). Either way a resend after a
 * restart must complete the load exactly.
 */
const dir = mkdtempSync(join(tmpdir(), 'hub-ingest-crash-'));
const spoolDir = join(dir, 'spool');
let db: TestDatabase;
const hubs: ChildProcess[] = [];

type Hub = HubProcess;

const hubEnv = () => ({
  PATH: process.env.PATH,
  NODE_ENV: 'test',
  LOG_LEVEL: 'info',
  PORT: '0',
  SEED_ON_EMPTY: 'false',
  PGLITE_DIR: join(dir, 'pglite'),
  INGEST_SPOOL_DIR: spoolDir,
  INGEST_CHUNK_SIZE: '1000',
  ...(db.url ? { DATABASE_URL: db.url } : {}),
});

async function startHub(): Promise<Hub> {
  return startHubProcess(hubEnv(), (child) => hubs.push(child));
}

const USCCS = Array.from({ length: 200 }, (_, i) => completeUscc(`91350200MK${String(i).padStart(6, '0')}`));
const LINES = 40_000;
/** Every 20th line repeats the line before it exactly: rejected as DUPLICATE_IN_BATCH. */
const isRepeat = (line: number) => line % 20 === 0;
const DISTINCT = LINES - LINES / 20;

const penalty = (i: number, prefix: string) =>
  JSON.stringify({
    sourceRecordId: `${prefix}-${i}`,
    asOf: '2026-01-10',
    uscc: USCCS[i % USCCS.length],
    decisionNumber: `厦市监罚〔2025〕${i}号`,
    decisionDate: '2025-11-01',
    authority: 'Xiamen AMR',
    penaltyType: 'FINE',
    severity: i % 3 === 0 ? 'SERIOUS' : 'GENERAL',
    reason: 'Crash test',
    amount: (i % 1000) / 100,
    publicityEndDate: '2026-11-01',
  });

/** `prefix` of the source record ids: each test loads keys of its own. */
function penaltyFile(prefix: string): string {
  const lines: string[] = [];
  for (let line = 1; line <= LINES; line++) lines.push(penalty(isRepeat(line) ? line - 1 : line, prefix));
  return `${lines.join('\n')}\n`;
}

interface Job {
  id: string;
  status: string;
  recordsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  lastLine: number;
  error: string | null;
}

let token: string;
const auth = () => ({ authorization: `Bearer ${token}` });

/** A body of unknown length: spooled, answered 202. */
async function postSpooled(base: string, recordType: string, text: string): Promise<Job> {
  const res = await fetch(`${base}/ingest/${recordType}`, {
    method: 'POST',
    headers: { ...auth(), 'content-type': 'application/x-ndjson' },
    body: new Blob([text]).stream(),
    duplex: 'half',
  });
  expect(res.status).toBe(202);
  return (await res.json()) as Job;
}

const readJob = async (base: string, id: string): Promise<Job> =>
  (await (await fetch(`${base}/ingest/jobs/${id}`, { headers: auth() })).json()) as Job;

async function finished(base: string, id: string): Promise<Job> {
  for (;;) {
    const job = await readJob(base, id);
    if (job.status !== 'RUNNING' && job.status !== 'RECEIVING') return job;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Registers USCCS (a resend is all unchanged). */
async function registerEnterprises(hub: Hub): Promise<Job> {
  const enterprises = USCCS.map((uscc, i) =>
    JSON.stringify({
      sourceRecordId: `KE-${i}`,
      asOf: '2026-01-01',
      uscc,
      name: `Crash Co ${i}`,
      enterpriseType: 'LIMITED_LIABILITY',
      status: 'OPERATING',
      establishedDate: '2015-01-01',
      registeredCapital: 1000000,
      regionCode: '350200',
      industrySection: 'C',
      industryCode: '3511',
      address: 'Crash Road',
      businessScope: 'Testing',
      legalRepresentativeName: '李四',
      legalRepresentativeIdNumber: '350200198001011234',
    }),
  ).join('\n');
  return finished(hub.base, (await postSpooled(hub.base, 'Enterprise', enterprises)).id);
}

/** Stored penalties with the prefix, and how many distinct ids (the hub must be stopped: PGlite is one process's). */
async function stored(prefix: string): Promise<{ n: string; distinct_ids: string }> {
  const orm = await createOrm(HUB, loadConfig(hubEnv()));
  try {
    const [row] = await orm.em.fork().execute<{ n: string; distinct_ids: string }[]>(
      `select count(*)::text as n, count(distinct source_record_id)::text as distinct_ids
         from credit_penalty where source_record_id like ?`,
      [`${prefix}-%`],
    );
    return row!;
  } finally {
    await orm.close(true);
  }
}

beforeAll(async () => {
  ensureBuilt();
  // Migrated already: the run's template (a PostgreSQL copy, or the PGlite folder unpacked from it).
  db = await createTestDatabase(undefined, { fromTemplate: true });
  if (!db.url) unpackPgliteTemplate(join(dir, 'pglite'));
  token = await mintToken(loadConfig({ NODE_ENV: 'test' }), PRINCIPALS.marketRegulation);
});

afterAll(async () => {
  for (const child of hubs) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await db?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a hub killed (SIGKILL) in the middle of a bulk job', () => {
  it('leaves the job FAILED with where it stopped, every committed chunk stored; a resend completes it exactly', async () => {
    let hub = await startHub();
    expect(await registerEnterprises(hub)).toMatchObject({ status: 'SUCCEEDED', inserted: USCCS.length });

    const file = penaltyFile('K');
    const accepted = await postSpooled(hub.base, 'AdministrativePenalty', file);
    expect(accepted.status).toBe('RUNNING');
    // Killed once a few chunks are committed, well before the end.
    for (;;) {
      const job = await readJob(hub.base, accepted.id);
      expect(job.status).toBe('RUNNING');
      if (job.lastLine >= 3_000) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    hub.child.kill('SIGKILL');
    expect(await hub.exited).toEqual({ code: null, signal: 'SIGKILL' });

    hub = await startHub();
    // The new hub found the job abandoned at start-up (its lock free / no process of this folder runs it).
    const failed = await readJob(hub.base, accepted.id);
    expect(failed.status).toBe('FAILED');
    const stoppedAt = failed.lastLine;
    expect(stoppedAt % 1_000).toBe(0);
    expect(stoppedAt).toBeGreaterThanOrEqual(3_000);
    expect(stoppedAt).toBeLessThan(LINES);
    expect(failed.error).toBe(
      `the hub working on the job stopped after line ${stoppedAt} (${stoppedAt} records read; every chunk up to ` +
        'that line is stored); resend the file to complete it',
    );
    // What it says was committed is what the committed chunks hold.
    expect([failed.recordsRead, failed.inserted, failed.rejected]).toEqual([
      stoppedAt,
      stoppedAt - stoppedAt / 20,
      stoppedAt / 20,
    ]);
    // The killed hub's spool file is gone: its job is over.
    expect(readdirSync(spoolDir)).toEqual([]);

    const resent = await finished(hub.base, (await postSpooled(hub.base, 'AdministrativePenalty', file)).id);
    expect(resent).toMatchObject({
      status: 'SUCCEEDED',
      recordsRead: LINES,
      unchanged: stoppedAt - stoppedAt / 20,
      inserted: DISTINCT - (stoppedAt - stoppedAt / 20),
      updated: 0,
      rejected: LINES / 20,
    });

    hub.child.kill('SIGTERM');
    expect(await hub.exited).toEqual({ code: 0, signal: null });
    // Nothing lost, nothing twice.
    expect(await stored('K')).toEqual({ n: String(DISTINCT), distinct_ids: String(DISTINCT) });
  });
});

describe('a hub stopped (SIGTERM) in the middle of a bulk job', () => {
  it('exits cleanly after its chunk in flight, the job FAILED saying where it stopped; a resend after restart completes it exactly', async () => {
    let hub = await startHub();
    expect((await registerEnterprises(hub)).status).toBe('SUCCEEDED');
    const file = penaltyFile('G');
    const accepted = await postSpooled(hub.base, 'AdministrativePenalty', file);
    for (;;) {
      const job = await readJob(hub.base, accepted.id);
      expect(job.status).toBe('RUNNING');
      if (job.lastLine >= 3_000) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    hub.child.kill('SIGTERM');
    // A clean shutdown: the job's background work ended, the database closed, exit code 0.
    expect(await hub.exited).toEqual({ code: 0, signal: null });
    // The stopping hub removed its spool file itself.
    expect(readdirSync(spoolDir)).toEqual([]);

    hub = await startHub();
    const stopped = await readJob(hub.base, accepted.id);
    expect(stopped.status).toBe('FAILED');
    const stoppedAt = stopped.lastLine;
    // Stopped on a chunk boundary, after the chunk in flight committed, well before the end.
    expect(stoppedAt % 1_000).toBe(0);
    expect(stoppedAt).toBeGreaterThanOrEqual(3_000);
    expect(stoppedAt).toBeLessThan(LINES);
    expect(stopped.error).toBe(
      'the hub was shut down while running the job; every chunk up to last_line is stored; resend the file to complete it',
    );
    expect([stopped.recordsRead, stopped.inserted, stopped.unchanged, stopped.rejected]).toEqual([
      stoppedAt,
      stoppedAt - stoppedAt / 20,
      0,
      stoppedAt / 20,
    ]);

    const resent = await finished(hub.base, (await postSpooled(hub.base, 'AdministrativePenalty', file)).id);
    expect(resent).toMatchObject({
      status: 'SUCCEEDED',
      recordsRead: LINES,
      unchanged: stoppedAt - stoppedAt / 20,
      inserted: DISTINCT - (stoppedAt - stoppedAt / 20),
      updated: 0,
      rejected: LINES / 20,
    });
    hub.child.kill('SIGTERM');
    expect(await hub.exited).toEqual({ code: 0, signal: null });
    expect(await stored('G')).toEqual({ n: String(DISTINCT), distinct_ids: String(DISTINCT) });
  });
});
