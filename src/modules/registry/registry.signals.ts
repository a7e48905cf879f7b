import { Department } from '../../common/department.js';
import {
  SignalCategory,
  SignalSeverity,
  type RiskSignal,
  type SignalSource,
} from '../../common/risk-signal.js';
import { batchedSignalLoad, usccIn } from '../../db/index.js';
import { EnterpriseStatus } from './enterprise.enums.js';

/** The columns of the enterprise master record that signals need (never the legal representative). */
export interface EnterpriseSignalRow {
  readonly uscc: string;
  readonly status: EnterpriseStatus;
  /** When the status was last true at source; the record keeps no date of the status change itself. */
  readonly asOf: Date;
}

export interface RegistrySignalInput {
  readonly enterprise: EnterpriseSignalRow | null;
}

const STATUS_SIGNALS: Partial<Record<EnterpriseStatus, { code: string; severity: SignalSeverity }>> = {
  [EnterpriseStatus.REVOKED]: { code: 'ENTERPRISE_REVOKED', severity: SignalSeverity.CRITICAL },
  [EnterpriseStatus.LIQUIDATING]: { code: 'ENTERPRISE_LIQUIDATING', severity: SignalSeverity.HIGH },
  [EnterpriseStatus.CANCELLED]: { code: 'ENTERPRISE_CANCELLED', severity: SignalSeverity.CRITICAL },
};

/** The registration status is current by definition, so its signal is always active. */
export function registrySignals(records: RegistrySignalInput, _today: string): RiskSignal[] {
  const enterprise = records.enterprise;
  if (!enterprise) return [];
  const rule = STATUS_SIGNALS[enterprise.status];
  if (!rule) return [];
  const asOf = enterprise.asOf.toISOString().slice(0, 10);
  return [
    {
      code: rule.code,
      category: SignalCategory.OPERATING,
      severity: rule.severity,
      department: Department.MARKET_REGULATION,
      recordType: 'Enterprise',
      recordId: enterprise.uscc,
      occurredOn: asOf,
      active: true,
      detail: `registration status ${enterprise.status} as of ${asOf}`,
    },
  ];
}

const TABLE = 'registry_enterprise';

const load = batchedSignalLoad(
  async (em, keys) => {
    const rows = await em.execute<
      {
        uscc: string;
        status: EnterpriseStatus;
        asOf: Date | string;
        regionCode: string | null;
        industrySection: string | null;
      }[]
    >(
      `select uscc, status, as_of as "asOf", region_code as "regionCode", industry_section as "industrySection"
         from "${TABLE}" where ${usccIn(keys)}`,
      [...keys],
    );
    return new Map(rows.map((r) => [r.uscc, { ...r, asOf: new Date(r.asOf) }]));
  },
  (byUscc, uscc, today) => {
    const enterprise = byUscc.get(uscc) ?? null;
    return {
      signals: registrySignals({ enterprise }, today),
      freshness: [{ department: Department.MARKET_REGULATION, asOf: enterprise?.asOf ?? null }],
      facets: {
        regionCode: enterprise?.regionCode ?? null,
        industrySection: enterprise?.industrySection ?? null,
      },
    };
  },
);

export const registrySignalSource: SignalSource = {
  module: 'registry',
  tables: [TABLE],
  load,
  codes: {
    ENTERPRISE_REVOKED: {
      record: 'Enterprise',
      points: { OVERALL_RISK: -25, GROWTH_POTENTIAL: -25 },
      cap: 39,
    },
    ENTERPRISE_LIQUIDATING: { record: 'Enterprise', points: { OVERALL_RISK: -20, GROWTH_POTENTIAL: -25 } },
    ENTERPRISE_CANCELLED: {
      record: 'Enterprise',
      points: { OVERALL_RISK: -25, GROWTH_POTENTIAL: -25 },
      cap: 39,
    },
  },
};
