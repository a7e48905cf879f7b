import { Department } from '../../common/department.js';
import {
  SignalCategory,
  SignalSeverity,
  type RiskSignal,
  type SignalSource,
} from '../../common/risk-signal.js';
import { TechCertificationStatus, TechCertificationType } from './sci-tech.enums.js';
import { batchedSignalLoad, latestAsOf, selectRecordsFor, sqlDay } from '../../db/index.js';

export interface CertificationSignalRow {
  readonly id: string;
  readonly certificationType: TechCertificationType;
  readonly validFrom: string;
  /** Inclusive. */
  readonly validTo: string;
  readonly status: TechCertificationStatus;
}

export interface RdSpendingSignalRow {
  readonly id: string;
  readonly year: number;
  readonly rdExpenditure: number;
  readonly operatingRevenue: number;
}

export interface PatentCountSignalRow {
  readonly id: string;
  readonly year: number;
  readonly inventionPatentsGranted: number;
}

export interface SciTechSignalInput {
  readonly certifications: readonly CertificationSignalRow[];
  readonly rdSpending: readonly RdSpendingSignalRow[];
  readonly patentCounts: readonly PatentCountSignalRow[];
}

/** R&D expenditure as a percentage of operating revenue from which intensity is high. */
export const RD_INTENSITY_HIGH_PERCENT = 5;
/** Invention patents held from which the patent signal is MEDIUM rather than LOW. */
export const INVENTION_PATENTS_MEDIUM_COUNT = 5;

const DEPARTMENT = Department.SCIENCE_TECHNOLOGY;

// OTHER recognitions vary too much by issuer to carry a uniform weight.
const CERTIFICATION_RULES: Partial<
  Record<TechCertificationType, { code: string; severity: SignalSeverity }>
> = {
  HIGH_TECH_ENTERPRISE: { code: 'HIGH_TECH_CERTIFIED', severity: SignalSeverity.HIGH },
  TECH_SME: { code: 'TECH_SME_CERTIFIED', severity: SignalSeverity.MEDIUM },
  SPECIALISED_NEW: { code: 'SPECIALISED_NEW_CERTIFIED', severity: SignalSeverity.MEDIUM },
};

function certificationSignal(c: CertificationSignalRow, today: string): RiskSignal[] {
  const rule = CERTIFICATION_RULES[c.certificationType];
  if (!rule) return [];
  // The issuer's status can lag: a VALID certificate past its last day is expired all the same.
  const active = c.status === TechCertificationStatus.VALID && c.validFrom <= today && today <= c.validTo;
  return [
    {
      ...rule,
      category: SignalCategory.POSITIVE,
      department: DEPARTMENT,
      recordType: 'TechCertification',
      recordId: c.id,
      occurredOn: c.validFrom,
      active,
      detail: `${c.certificationType} valid ${c.validFrom} to ${c.validTo}, reported ${c.status}`,
    },
  ];
}

function latestByYear<T extends { readonly id: string; readonly year: number }>(
  rows: readonly T[],
): T | undefined {
  let latest: T | undefined;
  for (const r of rows) {
    if (!latest || r.year > latest.year || (r.year === latest.year && BigInt(r.id) > BigInt(latest.id)))
      latest = r;
  }
  return latest;
}

/** Compared in whole cents so that exactly 5 % is not lost to floating point. */
function rdIntensitySignal(rows: readonly RdSpendingSignalRow[]): RiskSignal[] {
  const latest = latestByYear(rows);
  if (!latest || latest.operatingRevenue <= 0) return [];
  const rdCents = Math.round(latest.rdExpenditure * 100);
  const revenueCents = Math.round(latest.operatingRevenue * 100);
  if (rdCents * 100 < revenueCents * RD_INTENSITY_HIGH_PERCENT) return [];
  const percent = ((rdCents / revenueCents) * 100).toFixed(1);
  return [
    {
      code: 'RD_INTENSITY_HIGH',
      category: SignalCategory.POSITIVE,
      severity: SignalSeverity.MEDIUM,
      department: DEPARTMENT,
      recordType: 'RdSpending',
      recordId: latest.id,
      occurredOn: `${latest.year}-12-31`,
      active: true,
      detail: `R&D expenditure ${percent} % of operating revenue in ${latest.year}`,
    },
  ];
}

function patentSignal(rows: readonly PatentCountSignalRow[]): RiskSignal[] {
  const latest = latestByYear(rows);
  if (!latest || latest.inventionPatentsGranted <= 0) return [];
  return [
    {
      code: 'INVENTION_PATENTS',
      category: SignalCategory.POSITIVE,
      severity:
        latest.inventionPatentsGranted >= INVENTION_PATENTS_MEDIUM_COUNT
          ? SignalSeverity.MEDIUM
          : SignalSeverity.LOW,
      department: DEPARTMENT,
      recordType: 'PatentCount',
      recordId: latest.id,
      occurredOn: `${latest.year}-12-31`,
      active: true,
      detail: `${latest.inventionPatentsGranted} invention patents held at the end of ${latest.year}`,
    },
  ];
}

/** Signals of one enterprise from its science and technology records; `today` is YYYY-MM-DD. */
export function sciTechSignals(records: SciTechSignalInput, today: string): RiskSignal[] {
  return [
    ...records.certifications.flatMap((c) => certificationSignal(c, today)),
    ...rdIntensitySignal(records.rdSpending),
    ...patentSignal(records.patentCounts),
  ];
}

const TABLES = {
  certifications: 'st_certification',
  rdSpending: 'st_rd_spending',
  patentCounts: 'st_patent_count',
} as const;

/** A date column as YYYY-MM-DD text whatever the server's DateStyle, so pg and PGlite agree. */
const day = sqlDay;

const COLUMNS: Record<keyof SciTechSignalInput, string> = {
  certifications: [
    'certification_type as "certificationType"',
    day('valid_from', 'validFrom'),
    day('valid_to', 'validTo'),
    'status',
  ].join(', '),
  // float8: pg returns numeric as a string, float8 as a number.
  rdSpending: [
    'year',
    'rd_expenditure::float8 as "rdExpenditure"',
    'operating_revenue::float8 as "operatingRevenue"',
  ].join(', '),
  patentCounts: ['year', 'invention_patents_granted as "inventionPatentsGranted"'].join(', '),
};

const load = batchedSignalLoad(
  (em, keys) =>
    Promise.all([
      selectRecordsFor<CertificationSignalRow>(em, TABLES.certifications, COLUMNS.certifications, keys),
      selectRecordsFor<RdSpendingSignalRow>(em, TABLES.rdSpending, COLUMNS.rdSpending, keys),
      selectRecordsFor<PatentCountSignalRow>(em, TABLES.patentCounts, COLUMNS.patentCounts, keys),
    ]),
  ([certifications, rdSpending, patentCounts], uscc, today) => {
    const input: SciTechSignalInput = {
      certifications: certifications.get(uscc) ?? [],
      rdSpending: rdSpending.get(uscc) ?? [],
      patentCounts: patentCounts.get(uscc) ?? [],
    };
    return {
      signals: sciTechSignals(input, today),
      freshness: [{ department: DEPARTMENT, asOf: latestAsOf(Object.values(input).flat()) }],
    };
  },
);

export const sciTechSignalSource: SignalSource = {
  module: 'sci-tech',
  tables: Object.values(TABLES),
  load,
  codes: {
    HIGH_TECH_CERTIFIED: {
      record: 'TechCertification',
      points: { TECHNOLOGICAL_INNOVATION: 20, GROWTH_POTENTIAL: 10 },
    },
    TECH_SME_CERTIFIED: {
      record: 'TechCertification',
      points: { TECHNOLOGICAL_INNOVATION: 15, GROWTH_POTENTIAL: 5 },
    },
    SPECIALISED_NEW_CERTIFIED: {
      record: 'TechCertification',
      points: { TECHNOLOGICAL_INNOVATION: 15, GROWTH_POTENTIAL: 10 },
    },
    RD_INTENSITY_HIGH: {
      record: 'RdSpending',
      points: { TECHNOLOGICAL_INNOVATION: 15, GROWTH_POTENTIAL: 15 },
    },
    INVENTION_PATENTS: {
      record: 'PatentCount',
      points: { TECHNOLOGICAL_INNOVATION: 10, GROWTH_POTENTIAL: 5 },
    },
  },
};
