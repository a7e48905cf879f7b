import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { RejectionCode } from './codes.js';
import {
  authorizeWrite,
  checkOne,
  contractFor,
  type CheckedPart,
  logWrites,
  preparePart,
  writeSummary,
  type IngestDeps,
  type PartOutcome,
  type WriteContext,
} from './ingest.service.js';
import { PgliteDriver } from '@mikro-orm/pglite';
import { KeySet } from './key-set.js';
import { failAbandonedJobs, type JobGuard, type JobHold } from './job-guard.js';
import { IngestJobStatus } from './job.entity.js';
import type { ParsedItem } from './parse.js';
import { chunks } from './store.js';
import { lastWriteTurn, othersWroteSince, takeWriteTurn } from './write-turn.js';

/** The job's row is no longer RUNNING: another hub found it abandoned and failed it. */
class JobTakenError extends Error {
  constructor() {
    super('the job was marked failed by another hub');
  }
}

export interface JobView {
  readonly id: string;
  readonly recordType: string;
  readonly department: string;
  readonly format: string;
  readonly status: IngestJobStatus;
  readonly recordsRead: number;
  readonly accepted: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
  /** Last line whose chunk is stored: after a failure, resending the file completes the job. */
  readonly lastLine: number;
  readonly error: string | null;
  readonly startedAt: Date;
  readonly finishedAt: Date | null;
}

interface JobRow {
  id: string;
  record_type: string;
  department: string;
  format: string;
  status: IngestJobStatus;
  records_read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  last_line: number;
  error: string | null;
  started_at: Date | string;
  updated_at: Date | string;
  finished_at: Date | string | null;
}

function toView(r: JobRow): JobView {
  return {
    id: r.id,
    recordType: r.record_type,
    department: r.department,
    format: r.format,
    status: r.status,
    recordsRead: r.records_read,
    accepted: r.inserted + r.updated + r.unchanged,
    inserted: r.inserted,
    updated: r.updated,
    unchanged: r.unchanged,
    rejected: r.rejected,
    lastLine: r.last_line,
    error: r.error,
    startedAt: new Date(r.started_at),
    finishedAt: r.finished_at ? new Date(r.finished_at) : null,
  };
}

export async function findJob(em: SqlEntityManager, id: string): Promise<JobView | null> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  const read = async () => (await em.execute<JobRow[]>('select * from ingest_job where id = ?', [id]))[0];
  const row = await read();
  if (!row) return null;
  // A job that says it is running but that no live hub holds stopped with its hub: say so now.
  if (row.status === IngestJobStatus.RUNNING || row.status === IngestJobStatus.RECEIVING) {
    if ((await failAbandonedJobs(em, id)).length > 0) return toView((await read())!);
  }
  return toView(row);
}

export interface JobReject {
  readonly line: number;
  readonly sourceRecordId: string | null;
  readonly code: string;
  readonly field: string | null;
  readonly message: string;
}

/** Rejects of a job in line order, a page at a time (`after` is a line number). */
export async function jobRejects(
  em: SqlEntityManager,
  id: string,
  after: number,
  limit: number,
): Promise<JobReject[]> {
  return em.execute<JobReject[]>(
    `select line, source_record_id as "sourceRecordId", code, field, message from ingest_job_reject
      where job_id = ? and line > ? order by line, id limit ?`,
    [id, after, limit],
  );
}

export interface OpenedJob {
  readonly id: string;
  /** Held until the job has ended (see JobGuard): release it after the job's last update. */
  readonly hold: JobHold;
}

/**
 * Checks the writer and opens the job; nothing is read from the body before this
 * succeeds. The job is claimed (JobGuard) before its row exists, so no hub's sweep
 * can take it for abandoned.
 */
export async function openJob(
  em: SqlEntityManager,
  deps: IngestDeps,
  guard: JobGuard,
  principal: WriteContext['principal'],
  recordType: string,
  format: string,
  status: IngestJobStatus.RUNNING | IngestJobStatus.RECEIVING = IngestJobStatus.RUNNING,
): Promise<OpenedJob> {
  const contract = contractFor(deps, recordType);
  const department = authorizeWrite(principal, contract);
  const id = randomUUID();
  const hold = await guard.hold(id);
  try {
    const now = new Date();
    await em.execute(
      `insert into ingest_job (id, record_type, department, principal_id, format, status, records_read, inserted, updated,
         unchanged, rejected, last_line, error, started_at, updated_at, finished_at)
       values (?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, null, ?, ?, null)`,
      [id, contract.recordType, department, principal.id, format, status, now, now],
    );
  } catch (err) {
    await hold.release();
    throw err;
  }
  return { id, hold };
}

/** The spooled body is complete: the job is the hub's to run, whatever the client does now. */
export async function markReceived(em: SqlEntityManager, id: string): Promise<void> {
  await em.execute(
    `update ingest_job set status = 'RUNNING', updated_at = ? where id = ? and status = 'RECEIVING'`,
    [new Date(), id],
  );
}

/** The upload broke off before its end: nothing was stored, and the job says so. */
export async function failUpload(
  em: SqlEntityManager,
  id: string,
  bytes: number,
  why: string,
): Promise<void> {
  await em.execute(
    `update ingest_job set status = 'FAILED', error = ?, finished_at = ?, updated_at = ? where id = ? and status = 'RECEIVING'`,
    [
      `the upload broke off after ${bytes} bytes (${why.slice(0, 120)}); nothing was stored; resend the file`,
      new Date(),
      new Date(),
      id,
    ],
  );
}

/**
 * Loads the records chunk by chunk. Each chunk commits its records, its rejects,
 * the job's progress, its access-log record and the profile refresh in one
 * transaction, so a job that stops leaves exactly the committed chunks, and a
 * resend of the file finds them `unchanged`.
 */
export async function runJob(
  em: SqlEntityManager,
  deps: IngestDeps,
  ctx: WriteContext,
  recordType: string,
  /** The parsed body in batches (see parse.ts): each batch is checked without an await per line. */
  items: AsyncIterable<readonly ParsedItem[]>,
  chunkSize: number,
  logError: (err: unknown) => void,
  /** False: leave the touched profiles to the triggers' dirty mark, recomputed on the next read. */
  refreshProfiles = true,
  /** Aborted when the hub shuts down: the job stops after its chunk in flight. */
  signal?: AbortSignal,
): Promise<JobView> {
  const contract = contractFor(deps, recordType);
  const department = authorizeWrite(ctx.principal, contract);
  // Every key of the file so far, for DUPLICATE_IN_BATCH across chunks: compact, not a million heap strings.
  const seen = new KeySet();
  /**
   * A chunk being read: each line is checked against the contract (no database) as
   * it is parsed, so the parsed input object dies young and only the normalised
   * record is kept until the chunk is written.
   */
  class Chunk {
    /** Line of each readable record, by its index in `part`. */
    readonly lines: number[] = [];
    readonly malformed: { line: number; error: string }[] = [];
    readonly part: CheckedPart = { rejections: [], valid: [] };
    private readonly now = new Date();
    count = 0;
    lastLine = 0;
    add(item: ParsedItem): void {
      this.count++;
      this.lastLine = item.line;
      if ('error' in item) {
        this.malformed.push({ line: item.line, error: item.error });
        return;
      }
      const index = this.lines.length;
      this.lines.push(item.line);
      checkOne(contract, department, item.value, index, seen, this.now, this.part);
    }
  }
  // Classification reads (known enterprises, stored versions, withdrawals) run outside the
  // write transaction, on connections of their own, while the previous chunk is being written:
  // the file's keys are distinct across chunks (KeySet), so no chunk's write changes what the
  // next one reads, and reads inside the transaction would take no locks either (READ COMMITTED).
  // PGlite has one session, which the open transaction holds: there the reads stay inside it.
  const reader = em.getDriver() instanceof PgliteDriver ? null : em.fork();
  /** Turns of this record type this job's own chunks took (see write-turn.ts). */
  const ownTurns = new Set<number>();
  interface Prepared {
    /** The last committed write of the type before the classification began. */
    readonly seen: number;
    readonly outcome: PartOutcome;
  }
  const prepare = (chunk: Chunk): Promise<Prepared> | null =>
    chunk.count === 0 || !reader
      ? null
      : (async () => {
          const seen = await lastWriteTurn(reader, contract.recordType);
          const outcome = await preparePart(reader, contract, department, ctx, chunk.part, new Set(), 0);
          return { seen, outcome };
        })();
  const flush = async (chunk: Chunk, prepared: Promise<Prepared> | null) => {
    if (chunk.count === 0) return;
    const turn = await em.transactional(async (tx) => {
      const early = prepared ? await prepared : null;
      const turn = await takeWriteTurn(tx, contract.recordType);
      // Another writer (another hub, a mutation) wrote the type after the early classification
      // began: classify again, now in turn, so no count, version or history entry is stale.
      const part =
        early && !othersWroteSince(early.seen, turn, ownTurns)
          ? early.outcome
          : await preparePart(tx, contract, department, ctx, chunk.part, new Set(), 0);
      await part.write(tx);
      const rejects = [
        ...chunk.malformed.map((m) => ({
          line: m.line,
          sourceRecordId: null,
          code: RejectionCode.MALFORMED_RECORD,
          field: null,
          message: m.error,
        })),
        ...part.report.rejections.map((r) => ({ ...r, line: chunk.lines[r.index]! })),
      ];
      for (const rows of chunks(rejects, 2000)) {
        await tx.execute(
          `insert into ingest_job_reject (job_id, line, source_record_id, code, field, message)
           values ${rows.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
          rows.flatMap((r) => [ctx.job, r.line, r.sourceRecordId, r.code, r.field, r.message]),
        );
      }
      const { inserted, updated, unchanged } = part.report;
      const mine = await tx.execute<{ id: string }[]>(
        `update ingest_job set records_read = records_read + ?, inserted = inserted + ?, updated = updated + ?,
           unchanged = unchanged + ?, rejected = rejected + ?, last_line = ?, updated_at = ?
         where id = ? and status = 'RUNNING' returning id`,
        [chunk.count, inserted, updated, unchanged, rejects.length, chunk.lastLine, new Date(), ctx.job],
      );
      // Another hub failed the job (this hub's lock connection broke): this chunk is not committed.
      if (mine.length === 0) throw new JobTakenError();
      await logWrites(
        tx,
        ctx,
        [
          writeSummary(contract, department, ctx.job, {
            inserted,
            updated,
            unchanged,
            rejected: rejects.length,
          }),
        ],
        part.usccs,
      );
      if (refreshProfiles && part.usccs.length > 0) await deps.afterWrite(tx, [...new Set(part.usccs)]);
      return turn;
    });
    ownTurns.add(turn);
  };
  let status = IngestJobStatus.SUCCEEDED;
  let error: string | null = null;
  const input = items[Symbol.asyncIterator]();
  let batch = new Chunk();
  // A pipeline: while one chunk is written, the next is read, parsed and checked, then
  // classified (the hub's CPU and the database's work overlap). At most one chunk is
  // in flight and one being read, so memory stays bounded by two chunks: the body
  // is not read further until the chunk in flight has committed.
  // Assigned in submit(), so not narrowed to null where the catch below awaits it.
  let inFlight = null as Promise<unknown> | null;
  const settle = async () => {
    const outcome = await inFlight;
    inFlight = null;
    if (outcome instanceof Error) throw outcome;
  };
  const submit = async (full: Chunk) => {
    const prepared = prepare(full);
    // Its failure is the chunk's, reported through flush below.
    prepared?.catch(() => {});
    await settle();
    // Kept as a value, not a rejection: an error is rethrown by the next settle().
    inFlight = flush(full, prepared).then(
      () => null,
      (err: unknown) => (err instanceof Error ? err : new Error(String(err))),
    );
  };
  const shutDown = async () => {
    await settle();
    status = IngestJobStatus.FAILED;
    error =
      'the hub was shut down while running the job; every chunk up to last_line is stored; resend the file to complete it';
  };
  try {
    reading: for (;;) {
      if (signal?.aborted) {
        await shutDown();
        break;
      }
      let next: IteratorResult<readonly ParsedItem[]>;
      try {
        next = await input.next();
      } catch (err) {
        // The body itself failed (client gone, bad gzip, a line too long): the client's side, said as it is.
        await settle();
        status = IngestJobStatus.FAILED;
        const why = err instanceof Error ? err.message.slice(0, 120) : 'unreadable';
        error = `the body could not be read to the end (${why}); resend the file to complete the job`;
        break;
      }
      if (next.done) {
        await submit(batch);
        await settle();
        break;
      }
      for (const item of next.value) {
        // Before every line, as when lines came one by one: a shutdown stops after the chunk in flight.
        if (signal?.aborted) {
          await shutDown();
          break reading;
        }
        batch.add(item);
        if (batch.count >= chunkSize) {
          await submit(batch);
          batch = new Chunk();
        }
      }
    }
  } catch (err) {
    await inFlight; // never rejects (see submit); the job's end is written after its last chunk
    status = IngestJobStatus.FAILED;
    error = 'the job stopped on an internal error; resend the file to complete it';
    logError(err);
  }
  await em.execute(
    `update ingest_job set status = ?, error = ?, finished_at = ?, updated_at = ? where id = ? and status = 'RUNNING'`,
    [status, error, new Date(), new Date(), ctx.job],
  );
  return (await findJob(em, ctx.job))!;
}
