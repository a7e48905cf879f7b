import { randomBytes } from 'node:crypto';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import pg from 'pg';
import { mintToken } from '../src/auth/authenticate.js';
import { PrincipalKind } from '../src/auth/principal.js';
import { loadConfig } from '../src/config/config.js';
import { benchHubEnv, hubReady, hubStartArgs, procStatus } from './hub-command.js';

/**
 * Bulk ingestion throughput: starts a hub process the way `npm start` does (its
 * node flags included, see bench/hub-command.ts), registers enterprises, then
 * streams a generated NDJSON file of penalties to POST /ingest/AdministrativePenalty
 * (risk triggers on), and reports records/s and the hub process's peak RSS (the
 * kernel's VmHWM of that process, reset before the load). The file is generated
 * and sent by another child process (bench/ingest-client.ts), so neither its
 * memory nor this script's is in the figure. Runs on a fresh PostgreSQL database
 * made from DATABASE_URL and dropped afterwards. Not a test: nothing passes or fails.
 */
const ROOT = resolve(import.meta.dirname, '../..');

/** CPU seconds (user + system) the process has used so far, from /proc/<pid>/stat; 0 without /proc. */
function cpuSeconds(pid: number): number {
  // Fields after the command name: utime and stime are the 12th and 13th.
  const fields = statFields(pid);
  return fields ? (Number(fields[11]) + Number(fields[12])) / 100 : 0;
}

/** The fields of /proc/<pid>/stat after the command name (which may hold spaces), or null. */
function statFields(pid: number): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  } catch {
    return null;
  }
}

/** Whether `pid` is a PostgreSQL process of this machine (a remote server's pid may name anything here). */
function isPostgres(pid: number): boolean {
  try {
    return /^\d+ \(postgres/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/**
 * CPU seconds the PostgreSQL server has used so far, when it runs on this machine and
 * /proc shows it: the postmaster's children that are alive (utime + stime) plus those
 * it has reaped (its cutime + cstime), so backends that ended during the load count too.
 */
function serverCpuSeconds(postmaster: number): number | null {
  const own = statFields(postmaster);
  if (!own) return null;
  let ticks = Number(own[13]) + Number(own[14]);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    if (fields && Number(fields[1]) === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / 100;
}

/** Resets the process's VmHWM to its current RSS (Linux: clear_refs 5), so the peak is the load's alone. */
function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '200000' },
    enterprises: { type: 'string', default: '20000' },
  },
});
const run = promisify(execFile);
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
// The server's postmaster: the parent of this connection's backend (null if the server is elsewhere).
const backend = (await admin.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
const postmasterPid = isPostgres(backend) ? Number(statFields(backend)?.[1] ?? NaN) : NaN;
const postmaster = Number.isInteger(postmasterPid) && isPostgres(postmasterPid) ? postmasterPid : null;
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const spool = mkdtempSync(join(tmpdir(), 'hub-bench-ingest-'));
const env = benchHubEnv(url.toString(), { INGEST_SPOOL_DIR: spool });
for (const [k, v] of Object.entries(process.env)) if (k.startsWith('INGEST_') && v) env[k] = v;
const config = loadConfig(env);
const args = hubStartArgs(ROOT);
const hub = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
const exited = new Promise<number | null>((done) => hub.once('exit', done));
let sampled = 0;
const sampler = setInterval(() => (sampled = Math.max(sampled, procStatus(hub.pid!, 'VmRSS'))), 100);
try {
  const base = await hubReady(hub, exited);
  process.stdout.write(`hub: node ${args.join(' ')} (as npm start), pid ${String(hub.pid)}\n`);
  const token = await mintToken(config, {
    sub: 'bench',
    org: 'MARKET_REGULATION',
    kind: PrincipalKind.DEPARTMENT,
  });
  const client = fileURLToPath(new URL('./ingest-client.js', import.meta.url));
  const load = async (recordType: string, count: number) => {
    const started = process.hrtime.bigint();
    const { stdout } = await run(process.execPath, [
      client,
      base,
      token,
      recordType,
      String(count),
      String(enterprises),
    ]);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { job: JSON.parse(stdout) as { status: string; accepted: number; rejected: number }, seconds };
  };

  const ent = await load('Enterprise', enterprises);
  process.stdout.write(
    `enterprises: ${ent.job.accepted} in ${ent.seconds.toFixed(1)} s (${(ent.job.accepted / ent.seconds).toFixed(0)}/s)\n`,
  );
  const rssBefore = procStatus(hub.pid!, 'VmRSS');
  const reset = resetPeakRss(hub.pid!);
  sampled = 0;
  const cpuBefore = cpuSeconds(hub.pid!);
  const serverBefore = postmaster ? serverCpuSeconds(postmaster) : null;
  const pen = await load('AdministrativePenalty', records);
  const cpu = cpuSeconds(hub.pid!) - cpuBefore;
  const serverAfter = postmaster ? serverCpuSeconds(postmaster) : null;
  const server =
    serverBefore !== null && serverAfter !== null
      ? `; PostgreSQL CPU ${(serverAfter - serverBefore).toFixed(1)} s (${(((serverAfter - serverBefore) / pen.job.accepted) * 1e6).toFixed(0)} µs per record, the whole server)`
      : '';
  const peak = Math.max(sampled, procStatus(hub.pid!, 'VmHWM'));
  process.stdout.write(
    `penalties: ${pen.job.status}, ${pen.job.accepted} accepted, ${pen.job.rejected} rejected in ${pen.seconds.toFixed(1)} s = ` +
      `${(pen.job.accepted / pen.seconds).toFixed(0)} records/s; hub RSS ${(rssBefore / 1e6).toFixed(0)} MB before, ` +
      `peak ${(peak / 1e6).toFixed(0)} MB during the load (kernel VmHWM${reset ? '' : ' since start'}), hub process only; ` +
      `hub CPU ${cpu.toFixed(1)} s (${((cpu / pen.job.accepted) * 1e6).toFixed(0)} µs per record)${server}; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}\n`,
  );
} finally {
  clearInterval(sampler);
  hub.kill('SIGTERM');
  await exited;
  rmSync(spool, { recursive: true, force: true });
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.end();
}
