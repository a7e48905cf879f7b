import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TokenClaims } from '../../src/auth/authenticate.js';
import { completeUscc } from '../../src/common/uscc.js';
import { transactionClient } from '../../src/db/copy.js';
import { runIngestCli } from '../../src/server/cli/ingest-cli.js';
import { enterpriseRecord, SAMPLES } from '../helpers/ingest-samples.js';
import { PRINCIPALS } from '../helpers/principals.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

const ENTERPRISES = Array.from({ length: 40 }, (_, i) =>
  completeUscc(`91350200MA${String(i).padStart(6, '0')}`),
);
const UNREGISTERED = completeUscc('91350200MB999999');

let hub: TestHub;
const SPOOL = mkdtempSync(join(tmpdir(), 'ingest-spool-'));
beforeAll(async () => {
  hub = await startTestHub({
    env: {
      INGEST_CHUNK_SIZE: '1000',
      INGEST_BULK_PROFILES: 'chunk',
      INGEST_SPOOL_DIR: SPOOL,
      INGEST_INLINE_MAX_BYTES: String(2 * 1024 * 1024),
    },
  });
  const res = await hub.as({ principal: PRINCIPALS.marketRegulation })<{ ingest: { inserted: number } }>(
    `mutation($r: [JSONObject!]!) { ingest(recordType: Enterprise, records: $r) { inserted } }`,
    { r: ENTERPRISES.map((u) => enterpriseRecord(u)) },
  );
  expect(res.body.data?.ingest.inserted).toBe(ENTERPRISES.length);
});
afterAll(async () => {
  await hub?.close();
});

interface Job {
  id: string;
  status: string;
  recordsRead: number;
  accepted: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  lastLine: number;
  error: string | null;
}

async function post(
  path: string,
  principal: TokenClaims,
  body: Buffer | string,
  headers: Record<string, string>,
) {
  const res = await fetch(`${hub.url}${path}`, {
    method: 'POST',
    headers: { ...(await hub.headersFor({ principal })), ...headers },
    body,
  });
  return {
    status: res.status,
    json: (await res.json()) as Job & { errors?: { message: string; extensions: { code: string } }[] },
  };
}

/** A body of unknown length (chunked): always spooled and answered 202, however small. */
async function postSpooled(
  path: string,
  principal: TokenClaims,
  body: Buffer | string,
  headers: Record<string, string>,
) {
  const res = await fetch(`${hub.url}${path}`, {
    method: 'POST',
    headers: { ...(await hub.headersFor({ principal })), ...headers },
    body: Readable.toWeb(Readable.from([Buffer.from(body)])) as ReadableStream<Uint8Array>,
    duplex: 'half',
  });
  return { status: res.status, location: res.headers.get('location'), json: (await res.json()) as Job };
}

/** Follows a job until it has ended. */
async function finished(id: string, principal: TokenClaims = PRINCIPALS.marketRegulation): Promise<Job> {
  for (;;) {
    const res = await get(`/ingest/jobs/${id}`, principal);
    const job = JSON.parse(res.text) as Job;
    if (job.status !== 'RUNNING' && job.status !== 'RECEIVING') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function get(path: string, principal: TokenClaims) {
  const res = await fetch(`${hub.url}${path}`, { headers: await hub.headersFor({ principal }) });
  return { status: res.status, text: await res.text() };
}

const count = async (where: string, params: unknown[] = []) => {
  const [row] = await hub.orm.em
    .fork()
    .execute<
      { n: string }[]
    >(`select count(*)::text as n from credit_risk_classification where ${where}`, params);
  return Number(row!.n);
};

const KINDS = ['bad JSON', 'wrong type', 'bad USCC', 'unknown enterprise', 'duplicate'] as const;
const EXPECTED_CODE: Record<(typeof KINDS)[number], [string, string | null]> = {
  'bad JSON': ['MALFORMED_RECORD', null],
  'wrong type': ['INVALID_VALUE', 'riskClass'],
  'bad USCC': ['INVALID_USCC', 'uscc'],
  'unknown enterprise': ['UNKNOWN_ENTERPRISE', 'uscc'],
  duplicate: ['DUPLICATE_IN_BATCH', 'sourceRecordId'],
};

/** 10,000 lines; every tenth is malformed, cycling through every kind. */
function bigFile(prefix: string): { text: string; bad: Map<number, (typeof KINDS)[number]> } {
  const lines: string[] = [];
  const bad = new Map<number, (typeof KINDS)[number]>();
  for (let i = 0; i < 10_000; i++) {
    const record = {
      sourceRecordId: `${prefix}-${i}`,
      asOf: '2026-01-10',
      uscc: ENTERPRISES[i % ENTERPRISES.length]!,
      month: `2025-${String((i % 12) + 1).padStart(2, '0')}`,
      riskClass: ['A', 'B', 'C', 'D'][i % 4],
    };
    if (i % 10 !== 9) {
      lines.push(JSON.stringify(record));
      continue;
    }
    const kind = KINDS[Math.floor(i / 10) % KINDS.length]!;
    bad.set(i + 1, kind);
    if (kind === 'bad JSON') lines.push(`{"sourceRecordId": "${prefix}-${i}", "asOf": `);
    else if (kind === 'wrong type') lines.push(JSON.stringify({ ...record, riskClass: 5 }));
    else if (kind === 'bad USCC') lines.push(JSON.stringify({ ...record, uscc: '91350100M000100Y44' }));
    else if (kind === 'unknown enterprise') lines.push(JSON.stringify({ ...record, uscc: UNREGISTERED }));
    else lines.push(JSON.stringify({ ...record, sourceRecordId: `${prefix}-${i - 1}` }));
  }
  return { text: `${lines.join('\n')}\n`, bad };
}

describe('POST /ingest/<recordType>', () => {
  it('a gzipped NDJSON file of 10,000 lines with 1,000 malformed: exactly those reported by line, 9,000 stored', async () => {
    const { text, bad } = bigFile('BIG');
    const res = await post('/ingest/CreditRiskClassification', PRINCIPALS.marketRegulation, gzipSync(text), {
      'content-type': 'application/x-ndjson',
      'content-encoding': 'gzip',
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      status: 'SUCCEEDED',
      recordsRead: 10_000,
      accepted: 9_000,
      inserted: 9_000,
      rejected: 1_000,
      lastLine: 10_000,
    });
    expect(await count("source_record_id like 'BIG-%'")).toBe(9_000);
    // INGEST_BULK_PROFILES=chunk: each chunk left the touched profiles recomputed.
    const [dirty] = await hub.orm.em
      .fork()
      .execute<{ n: string }[]>('select count(*)::text as n from risk_profile where dirty');
    expect(dirty!.n).toBe('0');
    const rejects = await get(`/ingest/jobs/${res.json.id}/rejects`, PRINCIPALS.marketRegulation);
    expect(rejects.status).toBe(200);
    const lines = rejects.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { line: number; code: string; field: string | null });
    expect(lines.map((l) => l.line)).toEqual([...bad.keys()]);
    for (const l of lines) expect([l.code, l.field]).toEqual(EXPECTED_CODE[bad.get(l.line)!]);
    const job = await get(`/ingest/jobs/${res.json.id}`, PRINCIPALS.auditor);
    expect(JSON.parse(job.text)).toMatchObject({ status: 'SUCCEEDED', rejected: 1_000 });
  });

  it("the bulk path COPYs on the transaction's own connection on PostgreSQL, and batches on PGlite", async () => {
    const seen = await hub.orm.em.fork().transactional(async (tx) => {
      const client = await transactionClient(tx);
      if (!client) return null;
      // The client found is the transaction's: it sees the transaction's own uncommitted write.
      await tx.execute('create temp table copy_probe (n int) on commit drop');
      const { rows } = await client.query<{ n: string }>(
        "select count(*)::text as n from pg_class where relname = 'copy_probe'",
      );
      return rows[0]!.n;
    });
    expect(seen).toBe(process.env.DATABASE_URL ? '1' : null);
  });

  it('every record type survives the bulk path (COPY on PostgreSQL) value for value: a resend is unchanged', async () => {
    const uscc = ENTERPRISES[0]!;
    for (const sample of SAMPLES(uscc)) {
      const line = `${JSON.stringify({ ...sample.record, sourceRecordId: `COPY-${sample.recordType}` })}\n`;
      const headers = { 'content-type': 'application/x-ndjson' };
      const first = await post(`/ingest/${sample.recordType}`, sample.writer, line, headers);
      expect([sample.recordType, first.json.status, first.json.inserted]).toEqual([
        sample.recordType,
        'SUCCEEDED',
        1,
      ]);
      // Unchanged means every stored column compared equal to what was sent.
      const again = await post(`/ingest/${sample.recordType}`, sample.writer, line, headers);
      expect([sample.recordType, again.json.unchanged, again.json.rejected]).toEqual([
        sample.recordType,
        1,
        0,
      ]);
    }
  });

  it('text with tabs, newlines, backslashes, quotes and \\N is stored exactly as sent', async () => {
    const reason = 'tab\there\nnew line \\ back\\slash "quoted" \\N not null 虚假宣传';
    const penalty = SAMPLES(ENTERPRISES[1]!).find((s) => s.recordType === 'AdministrativePenalty')!;
    const line = `${JSON.stringify({ ...penalty.record, sourceRecordId: 'COPY-ESCAPES', reason })}\n`;
    const res = await post('/ingest/AdministrativePenalty', penalty.writer, line, {
      'content-type': 'application/x-ndjson',
    });
    expect(res.json.inserted).toBe(1);
    const [row] = await hub.orm.em
      .fork()
      .execute<
        { reason: string }[]
      >("select reason from credit_penalty where source_record_id = 'COPY-ESCAPES'");
    expect(row!.reason).toBe(reason);
  });

  it('a CSV file: bad quoting and a short row are reported with their lines, the rest stored', async () => {
    const u = ENTERPRISES[0]!;
    const csv = [
      'sourceRecordId,asOf,uscc,month,riskClass',
      `CSV-1,2026-01-10,${u},2025-01,A`,
      `CSV-2,2026-01-10,9135"0100M,2025-01,B`,
      `CSV-3,2026-01-10`,
      `"CSV-4","2026-01-10","${u}","2025-02","C"`,
      `CSV-5,2026-01-10,${u},2025-13,C`,
    ].join('\r\n');
    const res = await post('/ingest/CreditRiskClassification', PRINCIPALS.marketRegulation, csv, {
      'content-type': 'text/csv; charset=utf-8',
    });
    expect(res.json).toMatchObject({ status: 'SUCCEEDED', inserted: 2, rejected: 3 });
    const rejects = (await get(`/ingest/jobs/${res.json.id}/rejects`, PRINCIPALS.marketRegulation)).text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { line: number; code: string; field: string | null });
    expect(rejects.map((r) => [r.line, r.code, r.field])).toEqual([
      [3, 'MALFORMED_RECORD', null],
      [4, 'MALFORMED_RECORD', null],
      [6, 'INVALID_VALUE', 'month'],
    ]);
    expect(await count("source_record_id like 'CSV-%'")).toBe(2);
  });

  it('a foreign department is refused before anything is read: 403, no job, nothing stored', async () => {
    const before = await hub.orm.em
      .fork()
      .execute<{ n: string }[]>('select count(*)::text as n from ingest_job');
    const res = await post(
      '/ingest/CreditRiskClassification',
      PRINCIPALS.tax,
      JSON.stringify({
        sourceRecordId: 'T-1',
        asOf: '2026-01-10',
        uscc: ENTERPRISES[0],
        month: '2025-01',
        riskClass: 'A',
      }),
      { 'content-type': 'application/x-ndjson' },
    );
    expect(res.status).toBe(403);
    expect(res.json.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const after = await hub.orm.em
      .fork()
      .execute<{ n: string }[]>('select count(*)::text as n from ingest_job');
    expect(after[0]!.n).toBe(before[0]!.n);
    expect(await count("source_record_id = 'T-1'")).toBe(0);
  });

  it('refuses other content types and hides jobs from other callers', async () => {
    const res = await post('/ingest/CreditRiskClassification', PRINCIPALS.marketRegulation, '{}', {
      'content-type': 'application/json',
    });
    expect(res.status).toBe(415);
    const [job] = await hub.orm.em.fork().execute<{ id: string }[]>('select id from ingest_job limit 1');
    expect((await get(`/ingest/jobs/${job!.id}`, PRINCIPALS.bank)).status).toBe(404);
    expect((await get(`/ingest/jobs/${job!.id}`, PRINCIPALS.tax)).status).toBe(404);
    expect((await get(`/ingest/jobs/${job!.id}`, PRINCIPALS.marketRegulation)).status).toBe(200);
  });

  it('a client that disconnects mid-file (a small body, loaded inline) leaves the committed chunks; resending completes it without duplicates', async () => {
    const { text } = bigFile('CUT');
    const headers = await hub.headersFor({ principal: PRINCIPALS.marketRegulation });
    const url = new URL(`${hub.url}/ingest/CreditRiskClassification`);
    const half = text.split('\n').slice(0, 3_500).join('\n') + '\n';
    // Declared under INGEST_INLINE_MAX_BYTES: loaded while the client sends.
    expect(Buffer.byteLength(text)).toBeLessThan(2 * 1024 * 1024);
    await new Promise<void>((resolve) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: {
            ...headers,
            'content-type': 'application/x-ndjson',
            'content-length': String(Buffer.byteLength(text)),
          },
        },
        () => resolve(),
      );
      req.on('error', () => resolve());
      req.write(half, () => setTimeout(() => req.destroy(), 300));
    });
    // The job notices the aborted body and fails, keeping what it committed.
    let job: { status: string; last_line: number; error: string | null } | undefined;
    for (let i = 0; i < 100 && job?.status !== 'FAILED'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      [job] = await hub.orm.em
        .fork()
        .execute<
          { status: string; last_line: number; error: string | null }[]
        >('select status, last_line, error from ingest_job order by started_at desc limit 1');
    }
    expect(job!.status).toBe('FAILED');
    expect(job!.error).toMatch(/^the body could not be read to the end/);
    // However far it got, it stopped at a chunk boundary with exactly that chunk's records stored.
    expect(job!.last_line % 1_000).toBe(0);
    expect(job!.last_line).toBeLessThan(3_500);
    const stored = await count("source_record_id like 'CUT-%'");
    expect(stored).toBe(job!.last_line * 0.9);
    const res = await post('/ingest/CreditRiskClassification', PRINCIPALS.marketRegulation, text, {
      'content-type': 'application/x-ndjson',
    });
    expect(res.json).toMatchObject({
      status: 'SUCCEEDED',
      inserted: 9_000 - stored,
      unchanged: stored,
      rejected: 1_000,
    });
    expect(await count("source_record_id like 'CUT-%'")).toBe(9_000);
  });

  it('a RUNNING job no live hub holds (its hub died) is reported FAILED with where it stopped', async () => {
    const id = '00000000-0000-4000-8000-000000000001';
    await hub.orm.em.fork().execute(
      `insert into ingest_job (id, record_type, department, principal_id, format, status, records_read, inserted, updated,
         unchanged, rejected, last_line, started_at, updated_at) values (?, 'CreditRiskClassification', 'MARKET_REGULATION',
         'x', 'ndjson', 'RUNNING', 5000, 5000, 0, 0, 0, 5000, now(), now())`,
      [id],
    );
    const res = await hub.as({ principal: PRINCIPALS.marketRegulation })<{
      ingestionJob: { status: string; lastLine: number; error: string };
    }>(`{ ingestionJob(id: "${id}") { status lastLine error } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.ingestionJob).toEqual({
      status: 'FAILED',
      lastLine: 5000,
      error:
        'the hub working on the job stopped after line 5000 (5000 records read; every chunk up to that line is stored); ' +
        'resend the file to complete it',
    });
    const [row] = await hub.orm.em
      .fork()
      .execute<{ status: string }[]>('select status from ingest_job where id = ?', [id]);
    expect(row!.status).toBe('FAILED');
  });

  it('a job this hub is running is not taken for abandoned by a sweep', async () => {
    const { text } = bigFile('LIVE');
    const res = await postSpooled('/ingest/CreditRiskClassification', PRINCIPALS.marketRegulation, text, {
      'content-type': 'application/x-ndjson',
    });
    expect(res.status).toBe(202);
    // Looked at (and swept) while it runs: it goes on to its end.
    const seen = JSON.parse(
      (await get(`/ingest/jobs/${res.json.id}`, PRINCIPALS.marketRegulation)).text,
    ) as Job;
    expect(['RUNNING', 'SUCCEEDED']).toContain(seen.status);
    expect(await finished(res.json.id)).toMatchObject({
      status: 'SUCCEEDED',
      inserted: 9_000,
      rejected: 1_000,
    });
  });
});

describe('spooled bulk jobs (202 Accepted)', () => {
  it('a body of unknown length is spooled: 202 with the job at once, loaded in the background, spool removed', async () => {
    const { text, bad } = bigFile('SPOOL');
    const res = await postSpooled('/ingest/CreditRiskClassification', PRINCIPALS.marketRegulation, text, {
      'content-type': 'application/x-ndjson',
    });
    expect(res.status).toBe(202);
    expect(res.location).toBe(`/ingest/jobs/${res.json.id}`);
    expect(res.json.status).toBe('RUNNING');
    const job = await finished(res.json.id);
    expect(job).toMatchObject({
      status: 'SUCCEEDED',
      recordsRead: 10_000,
      inserted: 9_000,
      rejected: 1_000,
      lastLine: 10_000,
    });
    expect(await count("source_record_id like 'SPOOL-%'")).toBe(9_000);
    const rejects = (await get(`/ingest/jobs/${job.id}/rejects`, PRINCIPALS.marketRegulation)).text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { line: number });
    expect(rejects.map((r) => r.line)).toEqual([...bad.keys()]);
    expect(readdirSync(SPOOL)).toEqual([]);
    // Owner only: another department and a bank do not see it.
    expect((await get(`/ingest/jobs/${job.id}`, PRINCIPALS.tax)).status).toBe(404);
    expect((await get(`/ingest/jobs/${job.id}`, PRINCIPALS.bank)).status).toBe(404);
  });

  it('a CSV file of 10,000 rows with 1,000 malformed of every kind (bad quoting, wrong type, bad USCC, unknown enterprise, duplicate), gzipped and spooled: exactly those by line, 9,000 stored', async () => {
    const kinds = ['bad quoting', 'wrong type', 'bad USCC', 'unknown enterprise', 'duplicate'] as const;
    const expected: Record<(typeof kinds)[number], [string, string | null]> = {
      'bad quoting': ['MALFORMED_RECORD', null],
      'wrong type': ['INVALID_VALUE', 'riskClass'],
      'bad USCC': ['INVALID_USCC', 'uscc'],
      'unknown enterprise': ['UNKNOWN_ENTERPRISE', 'uscc'],
      duplicate: ['DUPLICATE_IN_BATCH', 'sourceRecordId'],
    };
    const rows = ['sourceRecordId,asOf,uscc,month,riskClass'];
    const bad = new Map<number, (typeof kinds)[number]>();
    for (let i = 0; i < 10_000; i++) {
      const u = ENTERPRISES[i % ENTERPRISES.length]!;
      const month = `2025-${String((i % 12) + 1).padStart(2, '0')}`;
      const cls = ['A', 'B', 'C', 'D'][i % 4]!;
      const row = (id: string, uscc: string, riskClass: string) =>
        `${id},2026-01-10,${uscc},${month},${riskClass}`;
      if (i % 10 !== 9) {
        rows.push(row(`CSVBIG-${i}`, u, cls));
        continue;
      }
      const kind = kinds[Math.floor(i / 10) % kinds.length]!;
      bad.set(i + 2, kind); // line 1 is the header
      if (kind === 'bad quoting') rows.push(`CSVBIG-${i},2026-01-10,9135"0100M,${month},${cls}`);
      else if (kind === 'wrong type') rows.push(row(`CSVBIG-${i}`, u, '5'));
      else if (kind === 'bad USCC') rows.push(row(`CSVBIG-${i}`, '91350100M000100Y44', cls));
      else if (kind === 'unknown enterprise') rows.push(row(`CSVBIG-${i}`, UNREGISTERED, cls));
      else rows.push(row(`CSVBIG-${i - 1}`, u, cls));
    }
    const res = await postSpooled(
      '/ingest/CreditRiskClassification',
      PRINCIPALS.marketRegulation,
      gzipSync(`${rows.join('\r\n')}\r\n`),
      { 'content-type': 'text/csv', 'content-encoding': 'gzip' },
    );
    expect(res.status).toBe(202);
    const job = await finished(res.json.id);
    expect(job).toMatchObject({ status: 'SUCCEEDED', recordsRead: 10_000, inserted: 9_000, rejected: 1_000 });
    expect(await count("source_record_id like 'CSVBIG-%'")).toBe(9_000);
    const rejects = (await get(`/ingest/jobs/${job.id}/rejects`, PRINCIPALS.marketRegulation)).text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { line: number; code: string; field: string | null });
    expect(rejects.map((r) => r.line)).toEqual([...bad.keys()]);
    for (const r of rejects) expect([r.code, r.field]).toEqual(expected[bad.get(r.line)!]);
  });

  it('a client that disconnects after the 202 does not affect the job: it completes', async () => {
    const { text } = bigFile('AFTER');
    const headers = await hub.headersFor({ principal: PRINCIPALS.marketRegulation });
    const url = new URL(`${hub.url}/ingest/CreditRiskClassification`);
    const accepted = await new Promise<{ status: number; id: string }>((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/x-ndjson', 'transfer-encoding': 'chunked' },
        },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => {
            // Gone the moment the answer is in: the connection is torn down, not kept alive.
            req.destroy();
            res.socket?.destroy();
            resolve({ status: res.statusCode!, id: (JSON.parse(body) as Job).id });
          });
        },
      );
      req.on('error', reject);
      req.end(text);
    });
    expect(accepted.status).toBe(202);
    const job = await finished(accepted.id);
    expect(job).toMatchObject({ status: 'SUCCEEDED', inserted: 9_000, rejected: 1_000, lastLine: 10_000 });
    expect(await count("source_record_id like 'AFTER-%'")).toBe(9_000);
  });

  it('a client that disconnects during the upload fails the job with nothing stored; resending completes it', async () => {
    const { text } = bigFile('UPCUT');
    const headers = await hub.headersFor({ principal: PRINCIPALS.marketRegulation });
    const url = new URL(`${hub.url}/ingest/CreditRiskClassification`);
    const half = text.split('\n').slice(0, 3_500).join('\n') + '\n';
    await new Promise<void>((resolve) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/x-ndjson', 'transfer-encoding': 'chunked' },
        },
        () => resolve(),
      );
      req.on('error', () => resolve());
      req.write(half, () => setTimeout(() => req.destroy(), 300));
    });
    let job: { id: string; status: string; last_line: number; error: string | null } | undefined;
    for (let i = 0; i < 100 && job?.status !== 'FAILED'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      [job] = await hub.orm.em
        .fork()
        .execute<
          { id: string; status: string; last_line: number; error: string | null }[]
        >('select id, status, last_line, error from ingest_job order by started_at desc limit 1');
    }
    expect(job!.status).toBe('FAILED');
    expect(job!.error).toMatch(
      /^the upload broke off after \d+ bytes \(.*\); nothing was stored; resend the file$/,
    );
    expect(job!.last_line).toBe(0);
    expect(await count("source_record_id like 'UPCUT-%'")).toBe(0);
    expect(readdirSync(SPOOL)).toEqual([]);
    const res = await postSpooled('/ingest/CreditRiskClassification', PRINCIPALS.marketRegulation, text, {
      'content-type': 'application/x-ndjson',
    });
    expect(await finished(res.json.id)).toMatchObject({ status: 'SUCCEEDED', inserted: 9_000 });
    expect(await count("source_record_id like 'UPCUT-%'")).toBe(9_000);
  });
});

describe('npm run ingest (CLI)', () => {
  it('posts a file, prints the job, writes the rejects beside it and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ingest-cli-'));
    const file = join(dir, 'classes.ndjson');
    const u = ENTERPRISES[1]!;
    writeFileSync(
      file,
      [
        JSON.stringify({
          sourceRecordId: 'CLI-1',
          asOf: '2026-01-10',
          uscc: u,
          month: '2025-03',
          riskClass: 'A',
        }),
        JSON.stringify({
          sourceRecordId: 'CLI-2',
          asOf: '2026-01-10',
          uscc: u,
          month: '2025-03',
          riskClass: 'Z',
        }),
      ].join('\n'),
    );
    const out: string[] = [];
    const err: string[] = [];
    const { authorization } = await hub.headersFor({ principal: PRINCIPALS.marketRegulation });
    const code = await runIngestCli(
      ['CreditRiskClassification', file],
      { HUB_URL: hub.url, HUB_TOKEN: authorization!.replace('Bearer ', '') },
      { out: (t) => out.push(t), err: (t) => err.push(t), isTty: false },
    );
    expect(code).toBe(1);
    expect(JSON.parse(out.join(''))).toMatchObject({ status: 'SUCCEEDED', inserted: 1, rejected: 1 });
    const rejects = readFileSync(`${file}.rejects.ndjson`, 'utf8').trim().split('\n');
    expect(rejects.map((l) => JSON.parse(l) as unknown)).toEqual([
      expect.objectContaining({
        line: 2,
        sourceRecordId: 'CLI-2',
        code: 'INVALID_VALUE',
        field: 'riskClass',
      }),
    ]);
    expect(err.join('')).toBe(`1 rejected lines written to ${file}.rejects.ndjson\n`);
  });

  it('refuses without a credential and exits 2', async () => {
    const err: string[] = [];
    const code = await runIngestCli(
      ['CreditRiskClassification', 'x.ndjson'],
      { HUB_URL: hub.url },
      {
        out: () => {},
        err: (t) => err.push(t),
        isTty: false,
      },
    );
    expect(code).toBe(2);
    expect(err.join('')).toMatch(/HUB_API_KEY/);
  });
});
