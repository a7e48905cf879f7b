import type { SqlEntityManager } from '@mikro-orm/sql';
import { createAgreementRecord, createApprovedAgreement } from '../src/auth/agreements/agreement.service.js';
import { SharingAgreementStatus } from '../src/auth/agreements/agreement.enums.js';
import { SharingClass } from '../src/auth/catalog.js';
import { hubCatalogResources } from '../src/auth/hub-catalog.js';
import { modulesOfEm } from '../src/db/orm-modules.js';
import { MODULES } from '../src/modules/index.js';
import { Purpose } from '../src/auth/purpose.js';

const DAY = 86_400_000;

/** What a demo agreement is at seeding time: its validity is relative to now. */
export type DemoAgreementState = 'approved' | 'expired' | 'revoked' | 'pending';

export interface DemoAgreement {
  readonly consumerOrg: string;
  readonly resource: string;
  readonly purposes: readonly Purpose[];
  readonly state: DemoAgreementState;
  /** The owner department that decided (approved, expired, revoked). */
  readonly decidedBy?: string;
  readonly reason: string;
  readonly revocationReason?: string;
}

const credit = (org: string) => `${org} assesses enterprise credit for lending without collateral`;
const grant = (consumerOrg: string, resource: string, owner: string, purpose = Purpose.CREDIT_ASSESSMENT) =>
  ({
    consumerOrg,
    resource,
    purposes: [purpose],
    state: 'approved',
    decidedBy: owner,
    reason: credit(consumerOrg),
  }) as const;

/**
 * Demo sharing agreements, so every sharing behaviour can be tried against `npm start`
 * with a demo token (README, whose table is generated from this list): active grants for
 * two banks, a statistics grant, one expired and one revoked agreement, and one pending
 * application.
 */
export const DEMO_AGREEMENTS: readonly DemoAgreement[] = [
  grant('BANK_XM_001', 'credit.taxGrades', 'TAX'),
  grant('BANK_XM_001', 'credit.taxArrears', 'TAX'),
  grant('BANK_XM_001', 'credit.riskClasses', 'MARKET_REGULATION'),
  grant('BANK_XM_001', 'medicalInsurance.socialInsuranceAccounts', 'MEDICAL_INSURANCE'),
  grant('BANK_GZ_002', 'sciTech.rdSpending', 'SCIENCE_TECHNOLOGY'),
  grant('STATS_BUREAU', 'credit.riskClasses', 'MARKET_REGULATION', Purpose.STATISTICS),
  grant('BANK_XM_001', 'risk.profile', 'MARKET_REGULATION'),
  grant('BANK_GZ_002', 'risk.profile', 'MARKET_REGULATION'),
  grant('MEDICAL_INSURANCE', 'credit.taxArrears', 'TAX', Purpose.SUPERVISION),
  {
    consumerOrg: 'BANK_GZ_002',
    resource: 'transport.vehicles',
    purposes: [Purpose.CREDIT_ASSESSMENT],
    state: 'expired',
    decidedBy: 'TRANSPORT',
    reason: 'Fleet collateral assessment for a 2025 loan programme (expired)',
  },
  {
    consumerOrg: 'BANK_GZ_002',
    resource: 'credit.taxGrades',
    purposes: [Purpose.CREDIT_ASSESSMENT],
    state: 'revoked',
    decidedBy: 'TAX',
    reason: 'BANK_GZ_002 assesses enterprise credit for lending',
    revocationReason: 'Consumer used tax grades outside the agreed purpose',
  },
  {
    consumerOrg: 'BANK_XM_001',
    resource: 'transport.vehicles',
    purposes: [Purpose.CREDIT_ASSESSMENT],
    state: 'pending',
    reason: 'Vehicle fleet as evidence of operating capacity for transport-sector loans',
  },
];

const system = (owner = '') => `${owner}/${owner.toLowerCase()}-system`;

/** Writes DEMO_AGREEMENTS; returns how many. */
export async function seedGovernance(em: SqlEntityManager, now = new Date()): Promise<number> {
  const t = now.getTime();
  const active = { validFrom: new Date(t - 30 * DAY), validTo: new Date(t + 365 * DAY) };
  for (const a of DEMO_AGREEMENTS) {
    const base = {
      consumerOrg: a.consumerOrg,
      resource: a.resource,
      purposes: [...a.purposes],
      reason: a.reason,
    };
    switch (a.state) {
      case 'approved':
        await createApprovedAgreement(em, { ...base, ...active, approvedBy: system(a.decidedBy) });
        break;
      case 'expired':
        await createApprovedAgreement(em, {
          ...base,
          validFrom: new Date(t - 400 * DAY),
          validTo: new Date(t - 35 * DAY),
          approvedBy: system(a.decidedBy),
        });
        break;
      case 'revoked':
        await createAgreementRecord(em, {
          ...base,
          status: SharingAgreementStatus.REVOKED,
          ...active,
          decidedBy: system(a.decidedBy),
          decidedAt: active.validFrom,
          revokedBy: system(a.decidedBy),
          revokedAt: new Date(t - 2 * DAY),
          revocationReason: a.revocationReason ?? null,
        });
        break;
      case 'pending':
        await createAgreementRecord(em, { ...base, status: SharingAgreementStatus.PENDING });
        break;
    }
  }
  return DEMO_AGREEMENTS.length;
}

/** Approved agreements of `org` for every conditional resource it does not own (tests, benchmarks). */
export async function grantEveryConditionalResource(
  em: SqlEntityManager,
  org: string,
  purposes: readonly Purpose[] = [Purpose.CREDIT_ASSESSMENT],
  now = new Date(),
): Promise<void> {
  for (const resource of hubCatalogResources(modulesOfEm(em) ?? MODULES)) {
    if (resource.sharing !== SharingClass.CONDITIONAL || resource.owner === org) continue;
    await createApprovedAgreement(em, {
      consumerOrg: org,
      resource: resource.code,
      purposes,
      validFrom: new Date(now.getTime() - DAY),
      validTo: new Date(now.getTime() + 365 * DAY),
      approvedBy: `${resource.owner}/test`,
    });
  }
}
