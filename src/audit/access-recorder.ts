import { SharingClass, type CatalogFieldEntry } from '../auth/catalog.js';
import { DenyReason, type Decision } from '../auth/access-control.js';

/**
 * The access log itself, as the resource its readers are logged under. It is not
 * department data, so its owner is the hub's audit function: auditors see who read
 * the log; departments, whose view is the records touching their own resources,
 * do not.
 */
export const ACCESS_LOG_RESOURCE = 'audit.accessLog';
export const ACCESS_LOG_OWNER = 'AUDIT';

export interface ResourceRead {
  readonly resource: string;
  readonly sharing: SharingClass;
  readonly owner: string;
  /** Fields read (Type.field) and how many values of each. */
  readonly fields: Record<string, number>;
  readonly masked: boolean;
  readonly agreementId: string | null;
}

export interface Denial {
  readonly field: string;
  readonly resource: string | null;
  readonly owner: string | null;
  readonly reason: string;
  readonly count: number;
}

/** A batch a department pushed, withdrew or repaired (see src/db/ingest). */
export interface WriteSummary {
  readonly recordType: string;
  readonly resource: string;
  readonly owner: string;
  readonly action: 'INGEST' | 'WITHDRAW' | 'REPAIR';
  /** Request id or bulk job id the write ran under. */
  readonly job: string;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
  readonly withdrawn: number;
  readonly repaired: number;
}

export interface AccessSummary {
  readonly usccs: string[];
  readonly resources: ResourceRead[];
  readonly denials: Denial[];
  /** Present only for writes. */
  readonly writes?: WriteSummary[];
}

/**
 * Collects, during one operation, what the access log must say about it: which
 * enterprises were touched, which conditional or not-shared resources were read,
 * and every denial. One log record is written per operation from this summary.
 */
export class AccessRecorder {
  private readonly usccs = new Set<string>();
  private readonly reads = new Map<
    string,
    { read: Omit<ResourceRead, 'fields'>; fields: Map<string, number> }
  >();
  private readonly denials = new Map<string, { denial: Omit<Denial, 'count'>; count: number }>();

  /** `field` is `Type.field`, passed in so the hot path does not build it per value. */
  record(field: string, decision: Decision, parent: unknown): void {
    // Unconditional reads are not logged: they are open to every department by law.
    if (decision.allow && decision.entry.sharing === SharingClass.UNCONDITIONAL && !decision.mask) return;
    if (decision.allow) {
      this.touch(parent);
      const key = decision.entry.resource;
      let entry = this.reads.get(key);
      if (!entry) {
        entry = {
          read: {
            resource: key,
            sharing: decision.entry.sharing,
            owner: decision.entry.owner,
            masked: decision.mask,
            agreementId: decision.agreementId ?? null,
          },
          fields: new Map(),
        };
        this.reads.set(key, entry);
      }
      entry.fields.set(field, (entry.fields.get(field) ?? 0) + 1);
      return;
    }
    this.touch(parent);
    const existing = this.denials.get(field);
    if (existing) existing.count++;
    else {
      this.denials.set(field, {
        denial: {
          field,
          resource: decision.entry?.resource ?? null,
          owner: decision.entry?.owner ?? null,
          reason: decision.reason,
        },
        count: 1,
      });
    }
  }

  /**
   * Notes that a value served (a risk profile) was derived from a record of a
   * conditional or not-shared resource, whether or not the caller may read the
   * record itself: the owner's view of who used its data includes derived use.
   */
  recordDerived(field: string, entry: CatalogFieldEntry, agreementId: string | null, uscc: string): void {
    if (entry.sharing === SharingClass.UNCONDITIONAL) return;
    this.usccs.add(uscc);
    let read = this.reads.get(entry.resource);
    if (!read) {
      read = {
        read: {
          resource: entry.resource,
          sharing: entry.sharing,
          owner: entry.owner,
          masked: false,
          agreementId,
        },
        fields: new Map(),
      };
      this.reads.set(entry.resource, read);
    }
    read.fields.set(field, (read.fields.get(field) ?? 0) + 1);
  }

  /** Notes a denial that refused a whole operation before it ran (AUTHZ_MODE=reject). */
  recordRefusal(field: string, decision: Decision & { allow: false }): void {
    if (!this.denials.has(field)) {
      this.denials.set(field, {
        denial: {
          field,
          resource: decision.entry?.resource ?? null,
          owner: decision.entry?.owner ?? null,
          reason: decision.reason,
        },
        count: 1,
      });
    }
  }

  /**
   * Notes a read of the access log: who read who-read-what is itself on file.
   * `records` is how many log records the page returned.
   */
  recordLogRead(records: number): void {
    const existing = this.reads.get(ACCESS_LOG_RESOURCE);
    const fields = existing?.fields ?? new Map<string, number>();
    fields.set('Query.accessLog', (fields.get('Query.accessLog') ?? 0) + records);
    if (!existing) {
      this.reads.set(ACCESS_LOG_RESOURCE, {
        read: {
          resource: ACCESS_LOG_RESOURCE,
          sharing: SharingClass.NOT_SHARED,
          owner: ACCESS_LOG_OWNER,
          masked: false,
          agreementId: null,
        },
        fields,
      });
    }
  }

  /** Notes a caller refused the access log: like every denial, it is on file. */
  recordLogDenial(): void {
    if (this.denials.has('Query.accessLog')) return;
    this.denials.set('Query.accessLog', {
      denial: {
        field: 'Query.accessLog',
        resource: ACCESS_LOG_RESOURCE,
        owner: ACCESS_LOG_OWNER,
        reason: DenyReason.NOT_SHARED,
      },
      count: 1,
    });
  }

  /** Adds USCCs an operation asked about directly (arguments), even if nothing was returned. */
  touchUscc(uscc: string): void {
    this.usccs.add(uscc);
  }

  get hasEntries(): boolean {
    return this.reads.size > 0 || this.denials.size > 0;
  }

  summary(): AccessSummary {
    return {
      usccs: [...this.usccs].sort(),
      resources: [...this.reads.values()]
        .map(({ read, fields }) => ({
          ...read,
          fields: Object.fromEntries([...fields].sort(([a], [b]) => byCodeUnits(a, b))),
        }))
        .sort((a, b) => byCodeUnits(a.resource, b.resource)),
      denials: [...this.denials.values()]
        .map(({ denial, count }) => ({ ...denial, count }))
        .sort((a, b) => byCodeUnits(a.field, b.field)),
    };
  }

  private touch(parent: unknown): void {
    const uscc = (parent as { uscc?: unknown } | null)?.uscc;
    if (typeof uscc === 'string') this.usccs.add(uscc);
  }
}

/**
 * The order of a record's lists: by UTF-16 code units, like the default sort of its
 * USCCs. Not localeCompare: that asks ICU on every comparison (a fortieth of a
 * risk profile's CPU) and its order depends on the process's locale.
 */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
