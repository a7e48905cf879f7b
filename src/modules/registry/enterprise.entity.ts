import { Entity, Enum, Formula, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { DecimalType } from '@mikro-orm/core';
import { ProvenanceEntity } from '../../db/index.js';
import { EnterpriseStatus, EnterpriseType } from './enterprise.enums.js';

/** The enterprise master record, owned by market regulation and keyed by USCC. */
@Entity({ tableName: 'registry_enterprise' })
@Index({ properties: ['regionCode'] })
@Index({ properties: ['industrySection', 'industryCode'] })
@Index({ properties: ['establishedDate'] })
@Index({ properties: ['name'] })
export class EnterpriseEntity extends ProvenanceEntity {
  @PrimaryKey({ type: 'string', length: 18 })
  uscc!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Enum({ items: () => EnterpriseType })
  enterpriseType!: EnterpriseType;

  @Enum({ items: () => EnterpriseStatus })
  status!: EnterpriseStatus;

  @Property({ type: 'date' })
  establishedDate!: string;

  /** In yuan. */
  @Property({ type: new DecimalType('number'), precision: 18, scale: 2 })
  registeredCapital!: number;

  @Property({ type: 'string', length: 6 })
  regionCode!: string;

  @Property({ type: 'string', length: 1 })
  industrySection!: string;

  @Property({ type: 'string', length: 4 })
  industryCode!: string;

  @Property({ type: 'string', length: 300 })
  address!: string;

  @Property({ type: 'text' })
  businessScope!: string;

  @Property({ type: 'string', length: 50 })
  legalRepresentativeName!: string;

  /** Resident identity card number: personal data. */
  @Property({ type: 'string', length: 18 })
  legalRepresentativeIdNumber!: string;

  // Read from the risk module's stored profile, for risk filters and ordering on
  // enterprise lists; never exposed as fields of Enterprise (riskProfile is).
  @Formula<EnterpriseEntity>((c) => `(select rp.score from risk_profile rp where rp.uscc = ${c.uscc})`, {
    type: 'double',
    nullable: true,
  })
  riskScore?: number | null;

  @Formula<EnterpriseEntity>((c) => `(select rp.grade from risk_profile rp where rp.uscc = ${c.uscc})`, {
    type: 'string',
    nullable: true,
  })
  riskGrade?: string | null;

  @Formula<EnterpriseEntity>(
    (c) => `(select rp.signal_codes from risk_profile rp where rp.uscc = ${c.uscc})`,
    { type: 'text[]', nullable: true, lazy: true },
  )
  riskSignalCodes?: string[] | null;
}
