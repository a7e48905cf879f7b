import { Department } from '../src/common/department.js';
import type { TokenClaims } from '../src/auth/authenticate.js';
import { PrincipalKind } from '../src/auth/principal.js';

export interface DemoPrincipal extends TokenClaims {
  readonly description: string;
}

const departmentSystem = (dept: Department, description: string): DemoPrincipal => ({
  sub: `${dept.toLowerCase()}-system`,
  org: dept,
  kind: PrincipalKind.DEPARTMENT,
  description,
});

/**
 * The demo callers, by the name `npm run auth -- token --demo <name>` takes. The
 * seeds, the README and the tests act as these, so one table keeps them in step.
 */
export const DEMO_PRINCIPALS = {
  'market-regulation': departmentSystem(Department.MARKET_REGULATION, 'Market regulation department system'),
  tax: departmentSystem(Department.TAX, 'Tax bureau system'),
  court: departmentSystem(Department.COURT, 'People’s court system'),
  'medical-insurance': departmentSystem(Department.MEDICAL_INSURANCE, 'Medical insurance bureau system'),
  transport: departmentSystem(Department.TRANSPORT, 'Transport bureau system'),
  'sci-tech': departmentSystem(Department.SCIENCE_TECHNOLOGY, 'Science and technology bureau system'),
  'bank-xiamen': {
    sub: 'risk-engine',
    org: 'BANK_XM_001',
    kind: PrincipalKind.BANK,
    description: 'Xiamen bank risk engine',
  },
  'bank-guangzhou': {
    sub: 'risk-engine',
    org: 'BANK_GZ_002',
    kind: PrincipalKind.BANK,
    description: 'Guangzhou bank risk engine',
  },
  analyst: {
    sub: 'dashboard',
    org: 'STATS_BUREAU',
    kind: PrincipalKind.ANALYST,
    description: 'Statistics dashboard',
  },
  auditor: {
    sub: 'auditor-1',
    org: 'AUDIT_OFFICE',
    kind: PrincipalKind.AUDITOR,
    description: 'Oversight auditor',
  },
  admin: {
    sub: 'hub-admin',
    org: 'HUB_OPERATOR',
    kind: PrincipalKind.ADMIN,
    description: 'Hub operator (API keys, agreements)',
  },
} as const satisfies Record<string, DemoPrincipal>;

export type DemoPrincipalName = keyof typeof DEMO_PRINCIPALS;

export const isDemoPrincipalName = (name: string): name is DemoPrincipalName =>
  Object.hasOwn(DEMO_PRINCIPALS, name);
