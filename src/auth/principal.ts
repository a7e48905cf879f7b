import { registerEnumType } from 'type-graphql';
import { Department } from '../common/department.js';
import { modulesOfEm } from '../db/orm-modules.js';
import type { HubModule } from '../server/hub-module.js';

export enum PrincipalKind {
  DEPARTMENT = 'DEPARTMENT',
  BANK = 'BANK',
  ANALYST = 'ANALYST',
  AUDITOR = 'AUDITOR',
  ADMIN = 'ADMIN',
}

registerEnumType(PrincipalKind, {
  name: 'PrincipalKind',
  valuesConfig: {
    DEPARTMENT: { description: 'A government department system; its organisation is a Department code.' },
    BANK: { description: 'A bank or guarantee company risk engine.' },
    ANALYST: { description: 'A dashboard or analyst.' },
    AUDITOR: { description: 'Oversight: reads the access log.' },
    ADMIN: { description: 'Manages API keys and agreements; reads no conditional data by being admin.' },
  },
});

/** Who is asking. Built once per request by authentication; never cached across requests. */
export interface Principal {
  /** Subject: a user or system id, unique within the organisation. */
  readonly id: string;
  /** A Department code for DEPARTMENT principals, else an institution id such as BANK_XM_001. */
  readonly organisation: string;
  readonly kind: PrincipalKind;
  readonly scopes: readonly string[];
  /** Set only for DEPARTMENT principals. */
  readonly department: Department | undefined;
  readonly via: 'jwt' | 'api-key';
  /** The id of the API key that authenticated the request (via 'api-key' only). */
  readonly apiKeyId?: string;
}

const BUILT_IN_DEPARTMENTS: ReadonlySet<string> = new Set(Object.values(Department));

/** The departments declared by a module list. */
export const departmentsOf = (modules: readonly Pick<HubModule, 'departments'>[]): ReadonlySet<string> =>
  new Set(modules.flatMap((m) => (m.departments ?? []).map((d) => d.code)));

/** The declared departments of the hub an EntityManager belongs to (the built-in ones outside a hub's ORM). */
export const hubDepartments = (em: { readonly config: object }): ReadonlySet<string> => {
  const modules = modulesOfEm(em);
  return modules ? departmentsOf(modules) : BUILT_IN_DEPARTMENTS;
};

/**
 * Whether `value` is a department of the hub: `known` is the assembled hub's declared
 * departments; callers without a hub at hand (CLIs, stored API keys) check against
 * the built-in modules' departments.
 */
export const isDepartment = (value: string, known: ReadonlySet<string> = BUILT_IN_DEPARTMENTS): boolean =>
  known.has(value);
