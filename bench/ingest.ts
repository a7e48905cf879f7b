import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { mintToken } from '../src/auth/authenticate.js';
import { PrincipalKind } from '../src/auth/principal.js';
import { loadConfig } from '../src/config/config.js';
import { migrate } from '../src/db/bootstrap.js';
import { createOrm } from '../src/db/orm.js';
import { completeUscc } from '../src/common/uscc.js';
import { buildApp } from '../src/server/app.js';
import { createLogger } from '../src/server/logger.js';

/**
 * Bulk ingestion throughput: registers enterprises, then streams a generated
 * NDJSON file of penalties to POST /ingest/AdministrativePenalty on a hub in this
 * process (risk triggers on, profiles refreshed per chunk), and reports
 * records/s and the process's peak RSS. Runs on a fresh PostgreSQL database
 * made from DATABASE_URL and dropped afterwards. Not a test: nothing passes or fails.
 */
const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '200000' },
    enterprises: { type: 'string', default: '20000' },
  },
});
const records = Number(values.records);
const enterprises = Number(values.enterprises);
const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  process.stderr.write(
    'bench:ingest needs DATABASE_URL (a PostgreSQL server to create a scratch database on)\n',
  );
  process.exit(2);
}
const name = `hub_bench_ingest_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`create database "${name}"`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;

const config = loadConfig({
  ...process.env,
  DATABASE_URL: url.toString(),
  NODE_ENV: 'production',
  JWT_SECRET: randomBytes(32).toString('hex'),
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
});
const orm = await createOrm(config);
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 100);
try {
  await migrate(orm);
  const app = await buildApp({ orm, config, log: createLogger(config) });
  const base = await app.http.listen({ port: 0, host: '127.0.0.1' });
  const token = await mintToken(config, {
    sub: 'bench',
    org: 'MARKET_REGULATION',
    kind: PrincipalKind.DEPARTMENT,
  });
  const codes = Array.from({ length: enterprises }, (_, i) =>
    completeUscc(`91350200MC${String(i).padStart(6, '0')}`),
  );

  /** `count` NDJSON lines made by `line`, generated as they are sent, never held. */
  const ndjson = (count: number, line: (i: number) => object) =>
    Readable.from(
      (function* () {
        const block: string[] = [];
        for (let i = 0; i < count; i++) {
          block.push(JSON.stringify(line(i)));
          if (block.length === 1000) yield `${block.splice(0).join('\n')}\n`;
        }
        if (block.length > 0) yield `${block.join('\n')}\n`;
      })(),
    );

  // node:http with pipeline: the generator waits for the socket, so the file never piles up in memory.
  const load = async (recordType: string, count: number, line: (i: number) => object) => {
    const started = process.hrtime.bigint();
    const target = new URL(`${base}/ingest/${recordType}`);
    const job = await new Promise<{ status: string; accepted: number; rejected: number }>(
      (resolve, reject) => {
        const req = request(
          {
            host: target.hostname,
            port: target.port,
            path: target.pathname,
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
          },
          (res) => {
            const parts: Buffer[] = [];
            res.on('data', (c: Buffer) => parts.push(c));
            res.on('end', () => resolve(JSON.parse(Buffer.concat(parts).toString('utf8')) as never));
          },
        );
        req.on('error', reject);
        pipeline(ndjson(count, line), req).catch(reject);
      },
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { job, seconds };
  };

  const ent = await load('Enterprise', enterprises, (i) => ({
    sourceRecordId: `E-${i}`,
    asOf: '2026-01-01',
    uscc: codes[i],
    name: `Bench Co ${i}`,
    enterpriseType: 'LIMITED_LIABILITY',
    status: 'OPERATING',
    establishedDate: '2015-01-01',
    registeredCapital: 1000000,
    regionCode: '350200',
    industrySection: 'C',
    industryCode: '3511',
    address: 'Bench Road',
    businessScope: 'Benchmarking',
    legalRepresentativeName: '李四',
    legalRepresentativeIdNumber: '350200198001011234',
  }));
  process.stdout.write(
    `enterprises: ${ent.job.accepted} in ${ent.seconds.toFixed(1)} s (${(ent.job.accepted / ent.seconds).toFixed(0)}/s)\n`,
  );
  peakRss = 0;
  const rssBefore = process.memoryUsage.rss();
  const pen = await load('AdministrativePenalty', records, (i) => ({
    sourceRecordId: `P-${i}`,
    asOf: '2026-01-10',
    uscc: codes[i % enterprises],
    decisionNumber: `厦市监罚〔2025〕${i}号`,
    decisionDate: '2025-11-01',
    authority: 'Xiamen AMR',
    penaltyType: 'FINE',
    severity: i % 3 === 0 ? 'SERIOUS' : 'GENERAL',
    reason: 'Benchmark violation',
    amount: (i % 100000) / 100,
    publicityEndDate: '2026-11-01',
  }));
  process.stdout.write(
    `penalties: ${pen.job.status}, ${pen.job.accepted} accepted, ${pen.job.rejected} rejected in ${pen.seconds.toFixed(1)} s = ` +
      `${(pen.job.accepted / pen.seconds).toFixed(0)} records/s; RSS ${(rssBefore / 1e6).toFixed(0)} MB before, ` +
      `peak ${(peakRss / 1e6).toFixed(0)} MB during the load\n`,
  );
  await app.http.close();
} finally {
  clearInterval(sampler);
  await orm.close(true);
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.end();
}
