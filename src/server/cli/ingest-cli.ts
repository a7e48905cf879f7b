import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * `npm run ingest -- <recordType> <file>`: streams a file to a running hub's
 * POST /ingest/<recordType> with an API key, shows progress, prints the job and
 * writes the rejected lines to <file>.rejects.ndjson.
 */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly isTty: boolean;
}

export const USAGE =
  'usage: npm run ingest -- <recordType> <file.ndjson|file.csv[.gz]>\n' +
  '  HUB_URL (default http://127.0.0.1:4000), HUB_API_KEY (a key of the owning department) or HUB_TOKEN\n';

interface Job {
  id?: string;
  status?: string;
  recordsRead?: number;
  accepted?: number;
  rejected?: number;
  errors?: { message: string; extensions?: { code?: string } }[];
}

function contentTypeOf(file: string): { type: string; gzip: boolean } | null {
  const gzip = file.endsWith('.gz');
  const base = gzip ? file.slice(0, -3) : file;
  if (/\.(ndjson|jsonl)$/i.test(base)) return { type: 'application/x-ndjson', gzip };
  if (/\.csv$/i.test(base)) return { type: 'text/csv', gzip };
  return null;
}

const bar = (done: number, total: number): string => {
  const share = total > 0 ? Math.min(done / total, 1) : 1;
  const filled = Math.round(share * 30);
  return `[${'#'.repeat(filled)}${'.'.repeat(30 - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${(done / 1e6).toFixed(1)} MB`;
};

/** Returns the exit code: 0 all stored, 1 some lines rejected, 2 refused or failed. */
export async function runIngestCli(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  io: CliIo,
  pollMs = 500,
): Promise<number> {
  const [recordType, file] = args;
  if (!recordType || !file || args.length !== 2) {
    io.err(USAGE);
    return 2;
  }
  const kind = contentTypeOf(file);
  if (!kind) {
    io.err(`${file}: the file name must end in .ndjson, .jsonl or .csv (optionally .gz)\n`);
    return 2;
  }
  const auth = env.HUB_API_KEY
    ? { 'x-api-key': env.HUB_API_KEY }
    : env.HUB_TOKEN
      ? { authorization: `Bearer ${env.HUB_TOKEN}` }
      : null;
  if (!auth) {
    io.err('set HUB_API_KEY (or HUB_TOKEN) to a credential of the owning department\n');
    return 2;
  }
  const base = (env.HUB_URL ?? 'http://127.0.0.1:4000').replace(/\/$/, '');
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    io.err(`${file}: cannot read the file\n`);
    return 2;
  }
  let sent = 0;
  let lastDraw = 0;
  const progress = new Transform({
    transform(chunk: Buffer, _enc, done) {
      sent += chunk.length;
      const now = Date.now();
      if (io.isTty && now - lastDraw > 200) {
        lastDraw = now;
        io.err(`\r${bar(sent, size)}`);
      }
      done(null, chunk);
    },
  });
  const body = Readable.toWeb(createReadStream(file).pipe(progress)) as ReadableStream<Uint8Array>;
  const res = await fetch(`${base}/ingest/${encodeURIComponent(recordType)}`, {
    method: 'POST',
    headers: { ...auth, 'content-type': kind.type, ...(kind.gzip ? { 'content-encoding': 'gzip' } : {}) },
    body,
    duplex: 'half',
  });
  if (io.isTty) io.err(`\r${bar(size, size)}\n`);
  let job = (await res.json()) as Job;
  if (!res.ok || !job.id) {
    io.err(`refused (${res.status}): ${job.errors?.[0]?.message ?? 'no job'}\n`);
    return 2;
  }
  // 202: the hub has the whole file and loads it in the background; follow the job to its end.
  while (job.status === 'RUNNING' || job.status === 'RECEIVING') {
    await new Promise((r) => setTimeout(r, pollMs));
    const next = await fetch(`${base}/ingest/jobs/${job.id}`, { headers: auth });
    if (!next.ok) {
      io.err(`lost the job ${job.id} (${next.status})\n`);
      return 2;
    }
    job = (await next.json()) as Job;
    if (io.isTty) io.err(`\rloading: ${job.recordsRead ?? 0} records read, ${job.rejected ?? 0} rejected`);
  }
  if (io.isTty) io.err('\n');
  io.out(`${JSON.stringify(job, null, 2)}\n`);
  if ((job.rejected ?? 0) > 0) {
    const rejects = await fetch(`${base}/ingest/jobs/${job.id}/rejects`, { headers: auth });
    const target = `${file}.rejects.ndjson`;
    await pipeline(Readable.fromWeb(rejects.body as never), createWriteStream(target));
    io.err(`${job.rejected} rejected lines written to ${target}\n`);
  }
  if (job.status !== 'SUCCEEDED') return 2;
  return (job.rejected ?? 0) > 0 ? 1 : 0;
}
