import { Department } from '../../common/department.js';
import { defineContract, f, ordered } from '../../db/index.js';
import {
  TransportBusinessScope,
  TransportCreditGrade,
  TransportLicenceStatus,
  VehicleCategory,
} from './transport-credit.enums.js';

const addMonths = (date: string, months: number): string => {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};

export const transportLicenceContract = defineContract({
  recordType: 'TransportLicence',
  description: 'Road transport operating licence (道路运输经营许可证) with its business scopes.',
  owners: [Department.TRANSPORT],
  resource: 'transport.licences',
  table: 'tc_licence',
  key: 'sourceRecordId',
  fields: [
    f.uscc(),
    f.text('licenceNumber', 64),
    f.enumArray('businessScopes', TransportBusinessScope, { description: 'In CSV: values separated by |.' }),
    f.date('validFrom', { future: true }),
    f.date('validTo', { future: true }),
    f.enum('status', TransportLicenceStatus),
  ],
  rules: [ordered('validFrom', 'validTo')],
});

export const vehicleContract = defineContract({
  recordType: 'TransportVehicle',
  description: 'Operating vehicle, incl. "two passenger one dangerous" key vehicles (两客一危).',
  owners: [Department.TRANSPORT],
  resource: 'transport.vehicles',
  table: 'tc_vehicle',
  key: 'sourceRecordId',
  fields: [
    f.uscc(),
    f.text('plateNumber', 16),
    f.enum('category', VehicleCategory),
    f.boolean('keyVehicle'),
    f.date('registrationDate'),
    f.text('transportCertificateNumber', 64),
  ],
});

export const transportCreditRatingContract = defineContract({
  recordType: 'TransportCreditRating',
  description: 'Transport credit grade for a year (AA/A/B/C/D).',
  owners: [Department.TRANSPORT],
  resource: 'transport.creditRatings',
  table: 'tc_credit_rating',
  key: 'sourceRecordId',
  fields: [
    f.uscc(),
    f.int('year', 1990, 9999),
    f.amount('score', { scale: 1, precision: 4 }),
    f.int('penaltyPoints', 0, 1000),
    f.enum('grade', TransportCreditGrade),
  ],
  rules: [
    {
      description: 'score is at most 100',
      check: (r) =>
        Number(r.score) > 100 ? { field: 'score', message: 'score must be between 0 and 100' } : null,
    },
  ],
});

export const transportEnforcementContract = defineContract({
  recordType: 'TransportEnforcement',
  description: 'Transport enforcement decision published under 双公示.',
  owners: [Department.TRANSPORT],
  resource: 'transport.enforcements',
  table: 'tc_enforcement',
  key: 'sourceRecordId',
  fields: [
    f.uscc(),
    f.text('decisionNumber', 64),
    f.date('decisionDate'),
    f.text('violation', 2000),
    f.int('penaltyPoints', 0, 1000),
    f.amount('fine'),
    f.text('authority', 100),
  ],
  // No publicity end is stored: the shortest period for a general decision (3 months) applies.
  repair: { dateColumn: 'repaired_date', earliest: (row) => addMonths(String(row.decision_date), 3) },
});

export const transportCreditIngest = [
  transportLicenceContract,
  vehicleContract,
  transportCreditRatingContract,
  transportEnforcementContract,
];
