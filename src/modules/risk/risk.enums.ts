import { registerEnumType } from 'type-graphql';

export { RiskGrade } from '../../common/risk-grade.js';

export enum RiskDimension {
  TECHNOLOGICAL_INNOVATION = 'TECHNOLOGICAL_INNOVATION',
  OPERATING_EFFICIENCY = 'OPERATING_EFFICIENCY',
  GROWTH_POTENTIAL = 'GROWTH_POTENTIAL',
  OVERALL_RISK = 'OVERALL_RISK',
  SOCIAL_VALUE = 'SOCIAL_VALUE',
}

export enum PortfolioItemStatus {
  OK = 'OK',
  INVALID_USCC = 'INVALID_USCC',
  NOT_FOUND = 'NOT_FOUND',
}

/**
 * What statistics group by: these four, then one value per declared profile facet
 * (TAX_GRADE, TRANSPORT_GRADE, ...), given to the schema's enum from the modules'
 * declarations (risk.schema.ts).
 */
export enum RiskGroupBy {
  REGION_PROVINCE = 'REGION_PROVINCE',
  REGION_CITY = 'REGION_CITY',
  INDUSTRY_SECTION = 'INDUSTRY_SECTION',
  RISK_GRADE = 'RISK_GRADE',
}

registerEnumType(RiskDimension, { name: 'RiskDimension' });
registerEnumType(PortfolioItemStatus, { name: 'PortfolioItemStatus' });
registerEnumType(RiskGroupBy, { name: 'RiskGroupBy' });
