import { Department } from '../../common/department.js';
import {
  SignalCategory,
  SignalSeverity,
  type RiskSignal,
  type SignalSource,
} from '../../common/risk-signal.js';
import { TransportCreditGrade, TransportLicenceStatus } from './transport-credit.enums.js';
import {
  batchedSignalLoad,
  latestAsOf,
  latestAsOfOf,
  latestBy,
  type ProvenanceRow,
  selectRecordsFor,
  sqlDay,
} from '../../db/index.js';

export interface TransportLicenceSignalRow {
  readonly id: string;
  readonly status: TransportLicenceStatus;
  readonly validFrom: string;
  /** The licence keeps no date of revocation; when the bureau last reported it stands in for one. */
  readonly asOf: Date;
}

export interface TransportRatingSignalRow {
  readonly id: string;
  readonly year: number;
  readonly grade: TransportCreditGrade;
  readonly score: number;
  /** The rating carries no issue date; when the bureau published it stands in for one. */
  readonly asOf: Date;
}

export interface TransportEnforcementSignalRow {
  readonly id: string;
  readonly decisionDate: string;
  readonly penaltyPoints: number;
  readonly authority: string;
  readonly repairedDate: string | null;
}

export interface TransportSignalInput {
  readonly licences: readonly TransportLicenceSignalRow[];
  readonly ratings: readonly TransportRatingSignalRow[];
  readonly enforcements: readonly TransportEnforcementSignalRow[];
}

/**
 * Penalty points of one decision from which it is a MEDIUM signal: 20 points in a year
 * cap the grade at C (GRADE_CAP_POINTS), so a decision worth 6 or more is a real step towards it.
 */
export const ENFORCEMENT_MEDIUM_POINTS = 6;

const DEPARTMENT = Department.TRANSPORT;
const CATEGORY = SignalCategory.SECTOR_COMPLIANCE;
const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

function latestRatingSignal(ratings: readonly TransportRatingSignalRow[]): RiskSignal[] {
  const latest = latestBy(ratings, (r) => r.year);
  if (!latest) return [];
  const common = {
    department: DEPARTMENT,
    recordType: 'TransportCreditRating',
    recordId: latest.id,
    occurredOn: isoDay(latest.asOf),
    active: true,
    detail: `transport credit grade ${latest.grade} for ${latest.year} (score ${latest.score})`,
  };
  switch (latest.grade) {
    case TransportCreditGrade.D:
    case TransportCreditGrade.C:
      return [
        {
          ...common,
          code: 'TRANSPORT_GRADE_C_OR_D',
          category: CATEGORY,
          severity: latest.grade === TransportCreditGrade.D ? SignalSeverity.HIGH : SignalSeverity.MEDIUM,
        },
      ];
    case TransportCreditGrade.AA:
      return [
        {
          ...common,
          code: 'TRANSPORT_GRADE_AA',
          category: SignalCategory.POSITIVE,
          severity: SignalSeverity.MEDIUM,
        },
      ];
    default:
      return [];
  }
}

function enforcementSignal(e: TransportEnforcementSignalRow): RiskSignal {
  const active = e.repairedDate === null;
  return {
    code: 'TRANSPORT_ENFORCEMENT',
    category: CATEGORY,
    severity: e.penaltyPoints >= ENFORCEMENT_MEDIUM_POINTS ? SignalSeverity.MEDIUM : SignalSeverity.LOW,
    department: DEPARTMENT,
    recordType: 'TransportEnforcement',
    recordId: e.id,
    occurredOn: e.decisionDate,
    active,
    detail:
      `decided ${e.decisionDate} by ${e.authority}, ${e.penaltyPoints} penalty points` +
      (active ? '' : `; repaired ${e.repairedDate}`),
  };
}

function licenceSignal(l: TransportLicenceSignalRow): RiskSignal[] {
  if (l.status !== TransportLicenceStatus.REVOKED) return [];
  return [
    {
      code: 'TRANSPORT_LICENCE_REVOKED',
      category: CATEGORY,
      severity: SignalSeverity.HIGH,
      department: DEPARTMENT,
      recordType: 'TransportLicence',
      recordId: l.id,
      occurredOn: isoDay(l.asOf),
      active: true,
      detail: `operating licence valid from ${l.validFrom} reported revoked as of ${isoDay(l.asOf)}`,
    },
  ];
}

/** Signals of one enterprise from its road transport records; `today` is YYYY-MM-DD. */
export function transportCreditSignals(records: TransportSignalInput, _today: string): RiskSignal[] {
  return [
    ...latestRatingSignal(records.ratings),
    ...records.enforcements.map(enforcementSignal),
    ...records.licences.flatMap(licenceSignal),
  ];
}

const TABLES = {
  licences: 'tc_licence',
  ratings: 'tc_credit_rating',
  enforcements: 'tc_enforcement',
  vehicles: 'tc_vehicle',
} as const;

/** A date column as YYYY-MM-DD text whatever the server's DateStyle, so pg and PGlite agree. */
const day = sqlDay;

const COLUMNS: Record<keyof TransportSignalInput, string> = {
  licences: ['status', day('valid_from', 'validFrom')].join(', '),
  // float8: pg returns numeric as a string, float8 as a number.
  ratings: ['year', 'grade', 'score::float8 as score'].join(', '),
  enforcements: [
    day('decision_date', 'decisionDate'),
    'penalty_points as "penaltyPoints"',
    'authority',
    day('repaired_date', 'repairedDate'),
  ].join(', '),
};

const load = batchedSignalLoad(
  (em, keys) =>
    Promise.all([
      selectRecordsFor<TransportLicenceSignalRow>(em, TABLES.licences, COLUMNS.licences, keys),
      selectRecordsFor<TransportRatingSignalRow>(em, TABLES.ratings, COLUMNS.ratings, keys),
      selectRecordsFor<TransportEnforcementSignalRow>(em, TABLES.enforcements, COLUMNS.enforcements, keys),
      // Vehicles raise no signal but are transport data, so they count towards its freshness.
      latestAsOfOf(em, TABLES.vehicles, keys),
    ]),
  ([licences, ratings, enforcements, vehicles], uscc, today) => {
    // Kept as loaded (with uscc and asOf) for the freshness below.
    const rows = {
      licences: licences.get(uscc) ?? [],
      ratings: ratings.get(uscc) ?? [],
      enforcements: enforcements.get(uscc) ?? [],
    };
    const input: TransportSignalInput = rows;
    const all: ProvenanceRow[] = [
      ...rows.licences,
      ...rows.ratings,
      ...rows.enforcements,
      ...(vehicles.get(uscc) ?? []),
    ];
    return {
      signals: transportCreditSignals(input, today),
      freshness: [{ department: DEPARTMENT, asOf: latestAsOf(all) }],
      facets: { transportGrade: latestBy(input.ratings, (r) => r.year)?.grade ?? null },
    };
  },
);

export const transportCreditSignalSource: SignalSource = {
  codes: {
    TRANSPORT_GRADE_C_OR_D: {
      record: 'TransportCreditRating',
      points: { OVERALL_RISK: -8, OPERATING_EFFICIENCY: -8 },
    },
    TRANSPORT_GRADE_AA: { record: 'TransportCreditRating', points: { OPERATING_EFFICIENCY: 10 } },
    TRANSPORT_ENFORCEMENT: { record: 'TransportEnforcement', points: { OVERALL_RISK: -3 } },
    TRANSPORT_LICENCE_REVOKED: {
      record: 'TransportLicence',
      points: { OVERALL_RISK: -10, GROWTH_POTENTIAL: -10 },
    },
  },
  module: 'transport-credit',
  facets: [
    {
      key: 'transportGrade',
      groupBy: 'TRANSPORT_GRADE',
      description: 'Latest transport credit grade (交通运输局), when grouped by it.',
    },
  ],
  tables: Object.values(TABLES),
  load,
};
