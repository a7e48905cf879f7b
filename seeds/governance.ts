import type { SqlEntityManager } from '@mikro-orm/sql';
import { createAgreementRecord, createApprovedAgreement } from '../src/auth/agreements/agreement.service.js';
import { SharingAgreementStatus } from '../src/auth/agreements/agreement.enums.js';
import { SharingClass } from '../src/auth/catalog.js';
import { hubCatalogResources } from '../src/auth/hub-catalog.js';
import { Purpose } from '../src/auth/purpose.js';

const DAY = 86_400_000;

/**
 * Demo sharing agreements, so every sharing behaviour can be tried against
 * `npm start` with a demo token (README): active grants for two banks, a
 * statistics grant, one expired and one revoked agreement, and one pending
 * application. Validity is relative to now, since "active" is about the clock.
 */
export async function seedGovernance(em: SqlEntityManager, now = new Date()): Promise<number> {
  const t = now.getTime();
  const active = { validFrom: new Date(t - 30 * DAY), validTo: new Date(t + 365 * DAY) };
  const approved = (consumerOrg: string, resource: string, purposes: Purpose[], owner: string) =>
    createApprovedAgreement(em, {
      consumerOrg,
      resource,
      purposes,
      ...active,
      approvedBy: `${owner}/${owner.toLowerCase()}-system`,
      reason: `${consumerOrg} assesses enterprise credit for lending without collateral`,
    });
  await approved('BANK_XM_001', 'credit.taxGrades', [Purpose.CREDIT_ASSESSMENT], 'TAX');
  await approved('BANK_XM_001', 'credit.taxArrears', [Purpose.CREDIT_ASSESSMENT], 'TAX');
  await approved('BANK_XM_001', 'credit.riskClasses', [Purpose.CREDIT_ASSESSMENT], 'MARKET_REGULATION');
  await approved(
    'BANK_XM_001',
    'medicalInsurance.socialInsuranceAccounts',
    [Purpose.CREDIT_ASSESSMENT],
    'MEDICAL_INSURANCE',
  );
  await approved('BANK_GZ_002', 'sciTech.rdSpending', [Purpose.CREDIT_ASSESSMENT], 'SCIENCE_TECHNOLOGY');
  await approved('STATS_BUREAU', 'credit.riskClasses', [Purpose.STATISTICS], 'MARKET_REGULATION');
  await approved('BANK_XM_001', 'risk.profile', [Purpose.CREDIT_ASSESSMENT], 'MARKET_REGULATION');
  await approved('BANK_GZ_002', 'risk.profile', [Purpose.CREDIT_ASSESSMENT], 'MARKET_REGULATION');
  await approved('MEDICAL_INSURANCE', 'credit.taxArrears', [Purpose.SUPERVISION], 'TAX');
  await createApprovedAgreement(em, {
    consumerOrg: 'BANK_GZ_002',
    resource: 'transport.vehicles',
    purposes: [Purpose.CREDIT_ASSESSMENT],
    validFrom: new Date(t - 400 * DAY),
    validTo: new Date(t - 35 * DAY),
    approvedBy: 'TRANSPORT/transport-system',
    reason: 'Fleet collateral assessment for a 2025 loan programme (expired)',
  });
  await createAgreementRecord(em, {
    consumerOrg: 'BANK_GZ_002',
    resource: 'credit.taxGrades',
    purposes: [Purpose.CREDIT_ASSESSMENT],
    status: SharingAgreementStatus.REVOKED,
    ...active,
    decidedBy: 'TAX/tax-system',
    decidedAt: active.validFrom,
    revokedBy: 'TAX/tax-system',
    revokedAt: new Date(t - 2 * DAY),
    revocationReason: 'Consumer used tax grades outside the agreed purpose',
    reason: 'BANK_GZ_002 assesses enterprise credit for lending',
  });
  await createAgreementRecord(em, {
    consumerOrg: 'BANK_XM_001',
    resource: 'transport.vehicles',
    purposes: [Purpose.CREDIT_ASSESSMENT],
    status: SharingAgreementStatus.PENDING,
    reason: 'Vehicle fleet as evidence of operating capacity for transport-sector loans',
  });
  return 12;
}

/** Approved agreements of `org` for every conditional resource it does not own (tests, benchmarks). */
export async function grantEveryConditionalResource(
  em: SqlEntityManager,
  org: string,
  purposes: readonly Purpose[] = [Purpose.CREDIT_ASSESSMENT],
  now = new Date(),
): Promise<void> {
  for (const resource of hubCatalogResources()) {
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
