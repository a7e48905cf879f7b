import { Department } from '../../src/common/department.js';
import { PrincipalKind } from '../../src/auth/principal.js';
import type { TokenClaims } from '../../src/auth/authenticate.js';

/** Principals the tests act as; tokens are minted per request with the development secret. */
export const department = (dept: Department): TokenClaims => ({
  sub: `${dept.toLowerCase()}-system`,
  org: dept,
  kind: PrincipalKind.DEPARTMENT,
});

export const PRINCIPALS = {
  marketRegulation: department(Department.MARKET_REGULATION),
  tax: department(Department.TAX),
  court: department(Department.COURT),
  medicalInsurance: department(Department.MEDICAL_INSURANCE),
  transport: department(Department.TRANSPORT),
  sciTech: department(Department.SCIENCE_TECHNOLOGY),
  bank: { sub: 'risk-engine', org: 'BANK_XM_001', kind: PrincipalKind.BANK } as TokenClaims,
  otherBank: { sub: 'risk-engine', org: 'BANK_GZ_002', kind: PrincipalKind.BANK } as TokenClaims,
  analyst: { sub: 'dashboard', org: 'STATS_BUREAU', kind: PrincipalKind.ANALYST } as TokenClaims,
  auditor: { sub: 'auditor-1', org: 'AUDIT_OFFICE', kind: PrincipalKind.AUDITOR } as TokenClaims,
  /** Holds agreements for every conditional resource (see startTestHub). */
  reader: { sub: 'test-reader', org: 'TEST_READER', kind: PrincipalKind.BANK } as TokenClaims,
  admin: { sub: 'hub-admin', org: 'HUB_OPERATOR', kind: PrincipalKind.ADMIN } as TokenClaims,
} as const;
