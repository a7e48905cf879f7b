import { registerEnumType } from 'type-graphql';

export enum EnterpriseStatus {
  OPERATING = 'OPERATING',
  SUSPENDED = 'SUSPENDED',
  LIQUIDATING = 'LIQUIDATING',
  REVOKED = 'REVOKED',
  CANCELLED = 'CANCELLED',
  MOVED_OUT = 'MOVED_OUT',
}

export enum EnterpriseType {
  LIMITED_LIABILITY = 'LIMITED_LIABILITY',
  JOINT_STOCK = 'JOINT_STOCK',
  SOLE_PROPRIETORSHIP = 'SOLE_PROPRIETORSHIP',
  PARTNERSHIP = 'PARTNERSHIP',
  STATE_OWNED = 'STATE_OWNED',
  FOREIGN_INVESTED = 'FOREIGN_INVESTED',
  INDIVIDUAL_BUSINESS = 'INDIVIDUAL_BUSINESS',
  FARMERS_COOPERATIVE = 'FARMERS_COOPERATIVE',
}

export enum EnterpriseOrderField {
  USCC = 'USCC',
  NAME = 'NAME',
  ESTABLISHED_DATE = 'ESTABLISHED_DATE',
  REGISTERED_CAPITAL = 'REGISTERED_CAPITAL',
  /** Lowest (riskiest) first with ASC. */
  RISK_SCORE = 'RISK_SCORE',
}

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(EnterpriseStatus, {
  name: 'EnterpriseStatus',
  valuesConfig: {
    OPERATING: { description: '存续/在业' },
    SUSPENDED: { description: '停业 (suspended by the enterprise)' },
    LIQUIDATING: { description: '清算中' },
    REVOKED: { description: '吊销 (business licence revoked)' },
    CANCELLED: { description: '注销 (deregistered)' },
    MOVED_OUT: { description: '迁出 (moved to another registration authority)' },
  },
});
registerEnumType(EnterpriseType, {
  name: 'EnterpriseType',
  description: 'Legal form of the registered entity.',
});
registerEnumType(EnterpriseOrderField, { name: 'EnterpriseOrderField' });
registerEnumType(SortDirection, { name: 'SortDirection' });
