import type { SqlEntityManager } from '@mikro-orm/sql';
import { accessLogColumns, type AccessLogEntry, type AppendedAccessLog } from './access-log.append.js';
import {
  appendAccessLogBatch,
  prepareAccessLog,
  StaleGrantsError,
  type PreparedAccessLog,
} from './access-log.batch.js';

export interface AppenderOptions {
  /** Longest a record waits for others to join its batch while no batch is being written (ms). */
  readonly maxWaitMs: number;
  /** Most records written in one transaction. */
  readonly maxBatch: number;
  /**
   * Longest a record waits for operations still running in this process (begun with
   * `begin()`) to hand over theirs (ms); a record is written as soon as none is
   * running. Absent or 0: records do not wait for running operations.
   */
  readonly runningWaitMs?: number;
}

interface Waiting {
  readonly record: PreparedAccessLog;
  readonly resolve: (record: AppendedAccessLog) => void;
  readonly reject: (err: unknown) => void;
}

/**
 * Group commit for the access-log records of reads: one appender per hub process
 * collects the records of concurrent operations and writes them to the chain in
 * one statement and transaction (appendAccessLogBatch: lock, head, ids, hashes
 * and inserts in the database, one round trip including the commit), each hash
 * computed from its predecessor in arrival order. A caller's
 * promise settles only when its batch has committed, or rejects with the batch's
 * error, so a read is never answered unless its record is durable.
 *
 * One batch is in flight at a time: records arriving meanwhile form the next
 * batch, written as soon as the current one commits. The lock is held only for
 * that one transaction, so hub processes sharing the database interleave batches
 * and still build one chain.
 */
export class AccessLogAppender {
  private queue: Waiting[] = [];
  private timer: NodeJS.Timeout | undefined;
  private immediate: NodeJS.Immediate | undefined;
  /** Operations begun and not yet over: each may still hand over a record. */
  private running = 0;
  private writing: Promise<void> | undefined;

  constructor(
    /** A fresh EntityManager for each batch's transaction. */
    private readonly em: () => SqlEntityManager,
    private readonly options: AppenderOptions,
  ) {}

  /**
   * An operation that may append a record has started. Until the returned function
   * is called (by `append` when given it, or by the caller when there is nothing to
   * log), waiting records hold their batch open for it, at most `runningWaitMs`:
   * under load an operation's record shares the statement of those running beside
   * it, while a record with no operation running beside it is written at once.
   * Calling it more than once is harmless.
   */
  begin(): () => void {
    this.running++;
    let over = false;
    return () => {
      if (over) return;
      over = true;
      this.running--;
      if (this.queue.length > 0) this.schedule();
    };
  }

  /** Operations begun and not over (tests, metrics). */
  get runningOperations(): number {
    return this.running;
  }

  /**
   * Resolves with the record once its batch has committed. `end`, the function
   * `begin()` returned for this operation, is called once the record is queued.
   * `grants`: the fingerprint of kept grants the operation was decided from; if
   * it is no longer in force the record is not appended and this rejects with a
   * StaleGrantsError.
   */
  append(entry: AccessLogEntry, end?: () => void, grants?: string): Promise<AppendedAccessLog> {
    let record: PreparedAccessLog;
    try {
      // Serialised and checked now, once: what could make hashing throw fails only this operation.
      record = prepareAccessLog(accessLogColumns(entry), grants);
    } catch (err) {
      end?.();
      throw err;
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ record, resolve, reject });
      end?.();
      this.schedule();
    });
  }

  /** Records waiting or being written (tests, metrics). */
  get pending(): number {
    return this.queue.length;
  }

  /** Writes whatever is waiting and resolves when nothing is left (shutdown). */
  async drain(): Promise<void> {
    while (this.queue.length > 0 || this.writing) {
      if (!this.writing) this.startWriting();
      await this.writing;
    }
  }

  private schedule(): void {
    if (this.writing) return; // picked up when the batch in flight commits
    if (this.queue.length >= this.options.maxBatch) {
      this.startWriting();
      return;
    }
    const runningWaitMs = this.options.runningWaitMs ?? 0;
    if (this.running > 0 && runningWaitMs > 0) {
      // Written when the last running operation is over (begin's function), or at the latest after runningWaitMs.
      this.timer ??= setTimeout(() => this.startWriting(), runningWaitMs);
      return;
    }
    if (this.options.maxWaitMs === 0) {
      // One turn of the event loop, not a timer: the operations whose answers became
      // ready in the same turn (database replies read in one poll) hand over their
      // records before it runs, so they share a statement; a lone record waits for
      // nothing but the rest of the current turn.
      this.immediate ??= setImmediate(() => this.startWriting());
      return;
    }
    this.timer ??= setTimeout(() => this.startWriting(), this.options.maxWaitMs);
  }

  private startWriting(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    clearImmediate(this.immediate);
    this.immediate = undefined;
    if (this.writing || this.queue.length === 0) return;
    this.writing = this.writeAll().finally(() => {
      this.writing = undefined;
      // Records that arrived after the last batch was taken.
      if (this.queue.length > 0) this.schedule();
    });
  }

  private async writeAll(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      try {
        const written = await appendAccessLogBatch(
          this.em(),
          batch.map((w) => w.record),
        );
        batch.forEach((w, i) => {
          const outcome = written[i]!;
          if (outcome instanceof StaleGrantsError) w.reject(outcome);
          else w.resolve(outcome);
        });
      } catch (err) {
        // The transaction rolled back: none of these records is on file, so none of their reads is answered.
        for (const w of batch) w.reject(err);
      }
    }
  }
}
