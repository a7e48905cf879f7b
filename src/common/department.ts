import { registerEnumType } from 'type-graphql';

/** Providers that own data in the hub. Banks and other consumers are organisations, not departments. */
export enum Department {
  MARKET_REGULATION = 'MARKET_REGULATION',
  TAX = 'TAX',
  COURT = 'COURT',
  MEDICAL_INSURANCE = 'MEDICAL_INSURANCE',
  TRANSPORT = 'TRANSPORT',
  SCIENCE_TECHNOLOGY = 'SCIENCE_TECHNOLOGY',
}

registerEnumType(Department, {
  name: 'Department',
  description: 'A government department that provides and owns data in the hub.',
  valuesConfig: {
    MARKET_REGULATION: { description: 'Market regulation administration (市场监督管理局)' },
    TAX: { description: 'Tax bureau (税务局)' },
    COURT: { description: 'People’s courts (法院)' },
    MEDICAL_INSURANCE: { description: 'Healthcare security / medical insurance bureau (医保局)' },
    TRANSPORT: { description: 'Transport bureau (交通运输局)' },
    SCIENCE_TECHNOLOGY: { description: 'Science and technology bureau (科技局)' },
  },
});
