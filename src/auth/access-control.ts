import { SharingClass, type CatalogFieldEntry } from './catalog.js';
import type { Department } from '../common/department.js';
import { PrincipalKind, type Principal } from './principal.js';
import type { Purpose } from './purpose.js';

/** An active sharing agreement held by the caller's organisation. */
export interface Grant {
  readonly agreementId: string;
  readonly resource: string;
  readonly purposes: readonly Purpose[];
}

export type GrantLoader = (organisation: string) => Promise<readonly Grant[]>;

/** An organisation's grants as a process-wide source has them (src/auth/agreements/grant-cache.ts). */
export interface SourcedGrants {
  readonly grants: readonly Grant[];
  /** The database's fingerprint of exactly these grants. */
  readonly fingerprint: string;
  /** Kept from an earlier request: to be confirmed before any answer decided from them is served. */
  readonly cached: boolean;
}

export interface GrantSource {
  /** `fresh`: read them now, whatever is kept. */
  grantsOf(organisation: string, fresh: boolean): Promise<SourcedGrants>;
  /** The organisation's fingerprint now. */
  fingerprintOf(organisation: string): Promise<string>;
  forget(organisation: string): void;
}

export enum DenyReason {
  NOT_CATALOGUED = 'NOT_CATALOGUED',
  NOT_SHARED = 'NOT_SHARED',
  NO_AGREEMENT = 'NO_AGREEMENT',
  PURPOSE_REQUIRED = 'PURPOSE_REQUIRED',
  PURPOSE_NOT_GRANTED = 'PURPOSE_NOT_GRANTED',
}

export type Decision =
  | {
      readonly allow: true;
      /** Personal data read by someone other than its owner: served masked. */
      readonly mask: boolean;
      readonly entry: CatalogFieldEntry;
      readonly agreementId: string | undefined;
    }
  | { readonly allow: false; readonly reason: DenyReason; readonly entry: CatalogFieldEntry | undefined };

export const isOwner = (principal: Principal, owner: Department): boolean =>
  principal.kind === PrincipalKind.DEPARTMENT && principal.department === owner;

/**
 * The sharing rule of 政务信息资源共享管理暂行办法 for one field: owners read their
 * own data; unconditional data is read by any authenticated caller; conditional
 * data needs an active agreement of the caller's organisation that lists the
 * declared purpose; not-shared data is read by its owner only. Being ADMIN or
 * AUDITOR grants no data.
 */
export function decide(
  entry: CatalogFieldEntry | undefined,
  principal: Principal,
  purpose: Purpose | undefined,
  grants: readonly Grant[],
): Decision {
  if (!entry) return { allow: false, reason: DenyReason.NOT_CATALOGUED, entry };
  if (isOwner(principal, entry.owner)) return { allow: true, mask: false, entry, agreementId: undefined };
  switch (entry.sharing) {
    case SharingClass.UNCONDITIONAL:
      return { allow: true, mask: entry.personal, entry, agreementId: undefined };
    case SharingClass.NOT_SHARED:
      return { allow: false, reason: DenyReason.NOT_SHARED, entry };
    case SharingClass.CONDITIONAL: {
      const forResource = grants.filter((g) => g.resource === entry.resource);
      if (forResource.length === 0) return { allow: false, reason: DenyReason.NO_AGREEMENT, entry };
      if (!purpose) return { allow: false, reason: DenyReason.PURPOSE_REQUIRED, entry };
      const grant = forResource.find((g) => g.purposes.includes(purpose));
      if (!grant) return { allow: false, reason: DenyReason.PURPOSE_NOT_GRANTED, entry };
      return { allow: true, mask: entry.personal, entry, agreementId: grant.agreementId };
    }
  }
}

/** Explains a denial without revealing any value. */
export function denialMessage(
  typeName: string,
  fieldName: string,
  decision: Decision & { allow: false },
): string {
  const what = `${typeName}.${fieldName}`;
  const resource = decision.entry?.resource;
  switch (decision.reason) {
    case DenyReason.NOT_CATALOGUED:
      return `${what} is not in the data catalog, so nobody may read it`;
    case DenyReason.NOT_SHARED:
      return `${what} belongs to resource ${resource}, which its owner does not share`;
    case DenyReason.NO_AGREEMENT:
      return `${what} belongs to conditionally shared resource ${resource}; your organisation holds no active sharing agreement for it`;
    case DenyReason.PURPOSE_REQUIRED:
      return `${what} belongs to conditionally shared resource ${resource}; declare the purpose of use in the X-Purpose header`;
    case DenyReason.PURPOSE_NOT_GRANTED:
      return `${what} belongs to conditionally shared resource ${resource}; your agreement does not cover the declared purpose`;
  }
}

/**
 * Per-request access decisions. Grants are loaded once (one SQL statement) and a
 * decision is made once per type and field, whatever the number of values, so
 * authorisation cost does not grow with list length.
 */
export class AccessControl {
  private grants: readonly Grant[] | undefined;
  private grantsPromise: Promise<readonly Grant[]> | undefined;
  private readonly decisions = new Map<string, Decision>();
  private unconfirmed: string | undefined;

  constructor(
    readonly principal: Principal,
    private declared: Purpose | undefined,
    private readonly catalog: ReadonlyMap<string, CatalogFieldEntry>,
    private readonly loadGrants: GrantLoader,
    /** The process's kept grants, for queries (absent: every request reads its own). */
    private readonly source?: { readonly grants: GrantSource; readonly fresh: boolean },
  ) {}

  /**
   * Loads the grants before execution: for a query (`mayUseKept`), through the
   * process's source when there is one, kept copy included. An operation decided
   * from a kept copy carries its fingerprint (`unconfirmedGrants`) and is not
   * answered until the database confirms it (src/audit/audit.plugin.ts).
   */
  async preloadGrants(mayUseKept: boolean): Promise<void> {
    const { source } = this;
    if (!this.grantsPromise && mayUseKept && source) {
      this.grantsPromise = source.grants
        .grantsOf(this.principal.organisation, source.fresh)
        .then(({ grants, fingerprint, cached }) => {
          if (cached) this.unconfirmed = fingerprint;
          return grants;
        });
    }
    await this.activeGrants();
  }

  /** The fingerprint of kept grants this operation was decided from, until the database confirms it. */
  get unconfirmedGrants(): string | undefined {
    return this.unconfirmed;
  }

  /** For an operation with no access-log record: one statement comparing the fingerprint. */
  async confirmGrants(): Promise<boolean> {
    if (this.unconfirmed === undefined || !this.source) return true;
    return (await this.source.grants.fingerprintOf(this.principal.organisation)) === this.unconfirmed;
  }

  /** The kept copy was out of date: the next request reads the grants again. */
  forgetKeptGrants(): void {
    this.source?.grants.forget(this.principal.organisation);
  }

  /** The operation's purpose of use: the X-Purpose header, or a field's `purpose` argument. */
  get purpose(): Purpose | undefined {
    return this.declared;
  }

  /**
   * Sets the purpose an operation declares in an argument rather than the header.
   * Only before anything is decided: decisions are memoised per request.
   */
  declarePurpose(purpose: Purpose): void {
    if (this.decisions.size > 0)
      throw new Error('the purpose of use was declared after access decisions were made');
    this.declared = purpose;
  }

  /** The catalog decisions are made from (for derived values: which record types an owner has). */
  get catalogIndex(): ReadonlyMap<string, CatalogFieldEntry> {
    return this.catalog;
  }

  get grantsLoaded(): boolean {
    return this.grants !== undefined;
  }

  async activeGrants(): Promise<readonly Grant[]> {
    if (this.grants) return this.grants;
    this.grantsPromise ??= this.loadGrants(this.principal.organisation);
    this.grants = await this.grantsPromise;
    return this.grants;
  }

  /** Synchronous once grants are loaded; callers on hot paths check `decideNow` first. */
  decideNow(typeName: string, fieldName: string, key = `${typeName}.${fieldName}`): Decision | undefined {
    const cached = this.decisions.get(key);
    if (cached || !this.grants) return cached;
    const decision = decide(this.catalog.get(key), this.principal, this.purpose, this.grants);
    this.decisions.set(key, decision);
    return decision;
  }

  async decideField(typeName: string, fieldName: string): Promise<Decision> {
    const now = this.decideNow(typeName, fieldName);
    if (now) return now;
    await this.activeGrants();
    return this.decideNow(typeName, fieldName)!;
  }

  /**
   * The same caller's decisions under another purpose of use, sharing the grants
   * already loaded: a watch list is read under the purpose it was registered for,
   * whatever the operation declares.
   */
  withPurpose(purpose: Purpose): AccessControl {
    return new AccessControl(this.principal, purpose, this.catalog, () => this.activeGrants());
  }

  /** Repaired or early-removed records are served to their owner and to auditors only. */
  mayReadRepaired(owner: Department): boolean {
    return isOwner(this.principal, owner) || this.principal.kind === PrincipalKind.AUDITOR;
  }
}
