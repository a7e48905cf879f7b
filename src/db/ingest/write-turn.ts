import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { SqlEntityManager } from '@mikro-orm/sql';

/**
 * Whose turn it is to write a record type, across every hub on the database.
 * Each write transaction of a record type (a bulk chunk, an `ingest` batch, a
 * withdrawal, a repair) first bumps that type's row: the row lock makes writers of
 * one type take turns until commit, and `seq` numbers the committed writes, so a
 * bulk chunk classified ahead of its turn (outside its transaction, while the
 * previous chunk was written) can tell whether anyone else wrote the type meanwhile,
 * and classify again inside its turn if so. Without this, two hubs loading the same
 * keys both saw "new" (double counts), or an older version overwrote a newer one.
 */
@Entity({ tableName: 'ingest_write_seq' })
export class IngestWriteSeqEntity {
  @PrimaryKey({ type: 'string', length: 64 })
  recordType!: string;

  /** Write transactions of the type committed so far. */
  @Property({ type: 'bigint' })
  seq!: string;
}

/** Waits for and takes `recordType`'s turn in the open transaction; returns its number. */
export async function takeWriteTurn(tx: SqlEntityManager, recordType: string): Promise<number> {
  const [row] = await tx.execute<{ seq: string | number }[]>(
    `insert into ingest_write_seq (record_type, seq) values (?, 1)
       on conflict (record_type) do update set seq = ingest_write_seq.seq + 1 returning seq`,
    [recordType],
  );
  return Number(row!.seq);
}

/** The number of the last committed write of `recordType` (0: none yet). */
export async function lastWriteTurn(em: SqlEntityManager, recordType: string): Promise<number> {
  const [row] = await em.execute<{ seq: string | number }[]>(
    'select seq from ingest_write_seq where record_type = ?',
    [recordType],
  );
  return row ? Number(row.seq) : 0;
}

/**
 * Whether writes other than `own` committed between a classification that began
 * after turn `seen` and the turn `taken` (so what it read may be out of date).
 */
export const othersWroteSince = (seen: number, taken: number, own: ReadonlySet<number>): boolean => {
  for (let s = seen + 1; s < taken; s++) if (!own.has(s)) return true;
  return false;
};
