import type { SqlEntityManager } from '@mikro-orm/sql';
import { registerEnumType } from 'type-graphql';
import type { Department } from './department.js';

/** How bank risk products group signals (DOMAIN.md, "Risk views"). */
export enum SignalCategory {
  JUDICIAL = 'JUDICIAL',
  OPERATING = 'OPERATING',
  SECTOR_COMPLIANCE = 'SECTOR_COMPLIANCE',
  POSITIVE = 'POSITIVE',
}

/** For risk signals how bad; for positive signals how strong. */
export enum SignalSeverity {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
  CRITICAL = 'CRITICAL',
}

registerEnumType(SignalCategory, { name: 'SignalCategory' });
registerEnumType(SignalSeverity, { name: 'SignalSeverity' });

/**
 * One fact that moves an enterprise's risk, derived from one department record.
 * A signal keeps pointing at its record (type and id) so a consumer allowed to
 * read the record can follow it; `active` is false once the record was repaired,
 * removed, paid or expired, and inactive signals do not count in a score.
 */
export interface RiskSignal {
  /** e.g. DISHONEST_JUDGMENT_DEBTOR, TAX_ARREARS, HIGH_TECH_CERTIFIED */
  readonly code: string;
  readonly category: SignalCategory;
  readonly severity: SignalSeverity;
  readonly department: Department;
  /** GraphQL type name of the source record, e.g. CreditListEntry. */
  readonly recordType: string;
  /** The hub's id of the source record. */
  readonly recordId: string;
  /** When it happened (YYYY-MM-DD). */
  readonly occurredOn: string;
  readonly active: boolean;
  /** Short human explanation, e.g. "listed 2025-03-02 by the court". */
  readonly detail: string;
}

/** When a department's data about an enterprise was last true at source. */
export interface SourceFreshness {
  readonly department: Department;
  /** Latest asOf of that department's records for the enterprise, if any. */
  readonly asOf: Date | null;
}

/**
 * Attributes a module contributes to the stored profile so that dashboards can
 * group and filter profiles by them in SQL (riskStatistics, list filters). Each
 * module states its own: the risk module reads no other module's tables.
 */
export interface ProfileFacets {
  /** GB/T 2260 region code (registry). */
  readonly regionCode?: string | null;
  /** GB/T 4754 section letter (registry). */
  readonly industrySection?: string | null;
  /** Latest tax credit grade (tax, in the credit module). */
  readonly taxGrade?: string | null;
  /** Latest transport credit grade (transport). */
  readonly transportGrade?: string | null;
}

export interface EnterpriseSignals {
  readonly signals: RiskSignal[];
  readonly freshness: SourceFreshness[];
  readonly facets?: ProfileFacets;
}

/**
 * What a department module contributes to risk profiles: it loads its records
 * for a batch of enterprises in a fixed number of statements and turns them into
 * signals with its pure signal function. `today` is YYYY-MM-DD.
 */
export interface SignalSource {
  readonly module: string;
  load(
    em: SqlEntityManager,
    usccs: readonly string[],
    today: string,
  ): Promise<Map<string, EnterpriseSignals>>;
  /** Tables whose changes must trigger recomputation of the enterprise's profile. */
  readonly tables: readonly string[];
  /**
   * Every signal code this source emits, with the GraphQL type of the record it
   * comes from: the policy decides a `hasSignal` filter as a read of that record.
   */
  readonly codes: Readonly<Record<string, string>>;
}
