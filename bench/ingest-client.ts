import { request } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { completeUscc } from '../src/common/uscc.js';

/**
 * The load client of bench:ingest, run as a child process so that the hub's RSS
 * (the parent's) does not include generating and sending the file. Generates
 * `count` NDJSON records of one kind as they are sent (never held), posts them to
 * `<url>/ingest/<recordType>` and prints the hub's answer (the job) on stdout.
 * Usage: node ingest-client.js <url> <token> <Enterprise|AdministrativePenalty> <count> <enterprises>
 */
const [url, token, recordType, countText, enterprisesText] = process.argv.slice(2);
const count = Number(countText);
const enterprises = Number(enterprisesText);
const uscc = (i: number) => completeUscc(`91350200MC${String(i % enterprises).padStart(6, '0')}`);

const RECORDS: Record<string, (i: number) => object> = {
  Enterprise: (i) => ({
    sourceRecordId: `E-${i}`,
    asOf: '2026-01-01',
    uscc: uscc(i),
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
  }),
  AdministrativePenalty: (i) => ({
    sourceRecordId: `P-${i}`,
    asOf: '2026-01-10',
    uscc: uscc(i),
    decisionNumber: `厦市监罚〔2025〕${i}号`,
    decisionDate: '2025-11-01',
    authority: 'Xiamen AMR',
    penaltyType: 'FINE',
    severity: i % 3 === 0 ? 'SERIOUS' : 'GENERAL',
    reason: 'Benchmark violation',
    amount: (i % 100000) / 100,
    publicityEndDate: '2026-11-01',
  }),
};
const line = RECORDS[recordType!]!;

const body = Readable.from(
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
const target = new URL(`${url}/ingest/${recordType}`);
const answer = await new Promise<string>((resolve, reject) => {
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
      res.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    },
  );
  req.on('error', reject);
  pipeline(body, req).catch(reject);
});
// 202: the body is spooled and loads in the background; follow the job to its end.
let job = JSON.parse(answer) as { id: string; status: string };
while (job.status === 'RUNNING' || job.status === 'RECEIVING') {
  await new Promise((r) => setTimeout(r, 200));
  const res = await fetch(`${url}/ingest/jobs/${job.id}`, { headers: { authorization: `Bearer ${token}` } });
  job = (await res.json()) as typeof job;
}
process.stdout.write(`${JSON.stringify(job)}\n`);
