import { registerEnumType } from 'type-graphql';

/** Declared purpose of use (X-Purpose header); conditional data is granted per purpose. */
export enum Purpose {
  CREDIT_ASSESSMENT = 'CREDIT_ASSESSMENT',
  SUPERVISION = 'SUPERVISION',
  LAW_ENFORCEMENT = 'LAW_ENFORCEMENT',
  STATISTICS = 'STATISTICS',
  PUBLIC_SERVICE = 'PUBLIC_SERVICE',
}

registerEnumType(Purpose, {
  name: 'Purpose',
  valuesConfig: {
    CREDIT_ASSESSMENT: { description: 'Lending and guarantee decisions (banks, guarantee companies).' },
    SUPERVISION: { description: 'Regulatory supervision by a department.' },
    LAW_ENFORCEMENT: { description: 'Enforcement of a law or a court judgment.' },
    STATISTICS: { description: 'Aggregate statistics and dashboards.' },
    PUBLIC_SERVICE: { description: 'Delivering a public service to the enterprise.' },
  },
});

export const PURPOSE_HEADER = 'x-purpose';

export const isPurpose = (value: string): value is Purpose =>
  (Object.values(Purpose) as string[]).includes(value);
