import { Property } from '@mikro-orm/decorators/legacy';
import { Department } from '../common/department.js';

/**
 * Columns every department record carries: whose it is, the department's own id
 * for it, when the fact was true (`asOf`) and when the hub received it.
 */
export abstract class ProvenanceEntity {
  @Property({ type: 'string', length: 32 })
  department!: Department;

  @Property({ type: 'string', length: 64 })
  sourceRecordId!: string;

  @Property({ type: 'datetime' })
  asOf!: Date;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  receivedAt!: Date;

  get provenance(): ProvenanceValue {
    return provenanceOf(this);
  }
}

/** The GraphQL `provenance` value of a record. */
export interface ProvenanceValue {
  readonly department: Department;
  readonly sourceRecordId: string;
  readonly asOf: Date;
  readonly receivedAt: Date;
}

export function provenanceOf(record: ProvenanceValue): ProvenanceValue {
  return {
    department: record.department,
    sourceRecordId: record.sourceRecordId,
    asOf: record.asOf,
    receivedAt: record.receivedAt,
  };
}
