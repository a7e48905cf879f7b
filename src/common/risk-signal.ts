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
 * group and filter profiles by them in SQL (riskStatistics). Each module states
 * its own (`SignalSource.facets`): the risk module reads no other module's tables.
 * The registry's region and industry are the enterprise's own coordinates.
 */
export interface ProfileFacets {
  /** GB/T 2260 region code (registry). */
  readonly regionCode?: string | null;
  /** GB/T 4754 section letter (registry). */
  readonly industrySection?: string | null;
  /** A declared facet (ProfileFacetDeclaration.key) → its value, e.g. taxGrade → 'A'. */
  readonly [facet: string]: string | null | undefined;
}

/** The dimensions of the risk model; a signal code's points name the ones it moves. */
export const RISK_DIMENSIONS = [
  'TECHNOLOGICAL_INNOVATION',
  'OPERATING_EFFICIENCY',
  'GROWTH_POTENTIAL',
  'OVERALL_RISK',
  'SOCIAL_VALUE',
] as const;
export type RiskDimensionName = (typeof RISK_DIMENSIONS)[number];

/** What the risk model does with one signal code a module emits. */
export interface SignalCodeDeclaration {
  /** GraphQL type of the record it comes from: a `hasSignal` filter is decided as a read of it. */
  readonly record: string;
  /** Points per dimension at severity MEDIUM (negative = worse); scaled by the signal's severity. */
  readonly points: Readonly<Partial<Record<RiskDimensionName, number>>>;
  /** An active signal caps the overall score at this, whatever else the enterprise has going for it. */
  readonly cap?: number;
}

/** A profile attribute dashboards group by, stored with the profile (risk_profile.facets). */
export interface ProfileFacetDeclaration {
  /** Key in the source's `facets` and field of RiskStatisticsBucket, e.g. taxGrade. */
  readonly key: string;
  /** Value of the RiskGroupBy enum, e.g. TAX_GRADE. */
  readonly groupBy: string;
  /** Description of the bucket field and the enum value. */
  readonly description: string;
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
   * Every signal code this source emits: the record type it comes from, its points
   * in the risk model's dimensions and the score cap it imposes, if any. A code not
   * declared here counts for nothing (and the assembly refuses a source emitting one).
   */
  readonly codes: Readonly<Record<string, SignalCodeDeclaration>>;
  /** The profile facets this source supplies (each facet has one owning source). */
  readonly facets?: readonly ProfileFacetDeclaration[];
}
