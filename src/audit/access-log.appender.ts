import type { SqlEntityManager } from '@mikro-orm/sql';
import {
  accessLogColumns,
  type AccessLogEntry,
  type AppendedAccessLog,
  type PendingAccessLog,
} from './access-log.append.js';
import { appendAccessLogBatch } from './access-log.batch.js';
import { canonicalJson, isoUtcMillis } from './access-log.hash.js';

export interface AppenderOptions {
  /** Longest a record waits for others to join its batch while no batch is being written (ms). */
  readonly maxWaitMs: number;
  /** Most records written in one transaction. */
  readonly maxBatch: number;
}

interface Waiting {
  readonly columns: PendingAccessLog;
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
  private writing: Promise<void> | undefined;

  constructor(
    /** A fresh EntityManager for each batch's transaction. */
    private readonly em: () => SqlEntityManager,
    private readonly options: AppenderOptions,
  ) {}

  /** Resolves with the record once its batch has committed. */
  append(entry: AccessLogEntry): Promise<AppendedAccessLog> {
    const columns = accessLogColumns(entry);
    // What could make hashing throw is checked now, so one bad record fails only its own operation.
    isoUtcMillis(columns.occurredAt);
    canonicalJson(columns.decisions);
    return new Promise((resolve, reject) => {
      this.queue.push({ columns, resolve, reject });
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
    if (this.queue.length >= this.options.maxBatch || this.options.maxWaitMs === 0) {
      this.startWriting();
      return;
    }
    this.timer ??= setTimeout(() => this.startWriting(), this.options.maxWaitMs);
  }

  private startWriting(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
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
          batch.map((w) => w.columns),
        );
        batch.forEach((w, i) => w.resolve(written[i]!));
      } catch (err) {
        // The transaction rolled back: none of these records is on file, so none of their reads is answered.
        for (const w of batch) w.reject(err);
      }
    }
  }
}
