import { Entity, Index, OneToOne, Property } from '@mikro-orm/decorators/legacy';
import { EnterpriseEntity } from '../registry/index.js';

/**
 * The stored risk profile of one enterprise, so dashboards can group and filter
 * by grade in SQL over the whole population. Database triggers on every source
 * table mark it dirty when a record of the enterprise changes; it is recomputed
 * before it is next read (and by `npm run risk:recompute`).
 */
@Entity({ tableName: 'risk_profile' })
@Index({ properties: ['grade', 'score'] })
@Index({ properties: ['score'] })
// Covering index: statistics group by region and grade with an index-only scan,
// never reading the wide JSON columns of the profiles.
@Index({
  name: 'risk_profile_statistics_index',
  expression:
    'create index "risk_profile_statistics_index" on "risk_profile" ("region_code", "grade") include ("score", ' +
    '"industry_section", "facets", "judicial_count", "operating_count", "sector_compliance_count", "positive_count")',
})
@Index({
  name: 'risk_profile_dirty_index',
  expression: 'create index "risk_profile_dirty_index" on "risk_profile" ("uscc") where "dirty"',
})
export class RiskProfileEntity {
  @OneToOne(() => EnterpriseEntity, {
    primary: true,
    mapToPk: true,
    fieldName: 'uscc',
    deleteRule: 'cascade',
  })
  uscc!: string;

  @Property({ type: 'double' })
  score!: number;

  @Property({ type: 'string', length: 1 })
  grade!: string;

  @Property({ type: 'json' })
  dimensions!: unknown;

  @Property({ type: 'json' })
  signals!: unknown;

  /** Codes of the active signals, for `hasSignal` filters. */
  @Property({ type: 'text[]' })
  signalCodes!: string[];

  @Property({ type: 'integer' })
  judicialCount!: number;

  @Property({ type: 'integer' })
  operatingCount!: number;

  @Property({ type: 'integer' })
  sectorComplianceCount!: number;

  @Property({ type: 'integer' })
  positiveCount!: number;

  /**
   * The modules' declared profile facets (latest tax grade, transport grade, ...),
   * key → value, denormalised for grouping: one generic column, so a module that
   * declares a facet adds no column here.
   */
  @Property({ type: 'jsonb', default: "'{}'" })
  facets!: Record<string, string>;

  @Property({ type: 'json' })
  sources!: unknown;

  /**
   * Copied from the registry when the profile is computed (a change of the
   * enterprise marks it dirty), so statistics group one table, without a join.
   */
  @Property({ type: 'string', length: 6, nullable: true })
  regionCode!: string | null;

  @Property({ type: 'string', length: 1, nullable: true })
  industrySection!: string | null;

  @Property({ type: 'string', length: 32, nullable: true })
  cappedBy!: string | null;

  @Property({ type: 'string', length: 32 })
  modelVersion!: string;

  @Property({ type: 'datetime' })
  computedAt!: Date;

  @Property({ type: 'boolean', default: false })
  dirty!: boolean;
}
