import { registerEnumType } from 'type-graphql';

/**
 * A department code: a government department that provides and owns data in the
 * hub. The set of departments is what the modules declare (`HubModule.departments`);
 * the GraphQL `Department` enum is built from those declarations when the hub is
 * assembled. Banks and other consumers are organisations, not departments.
 */
export type Department = string;

/**
 * Codes of the departments the hub's own modules declare, for their code (and the
 * demo principals) to name them. A new department does not add itself here: its
 * module declares it, with its description and staleness.
 */
export const Department = {
  MARKET_REGULATION: 'MARKET_REGULATION',
  TAX: 'TAX',
  COURT: 'COURT',
  MEDICAL_INSURANCE: 'MEDICAL_INSURANCE',
  TRANSPORT: 'TRANSPORT',
  SCIENCE_TECHNOLOGY: 'SCIENCE_TECHNOLOGY',
} as const;

/** What a module declares about a department whose data it serves. */
export interface DepartmentDeclaration {
  /** Upper snake case, e.g. TAX; the value of the GraphQL Department enum. */
  readonly code: string;
  /** The description of the enum value, e.g. 'Tax bureau (税务局)'. */
  readonly description: string;
  /**
   * How old the department's newest record about an enterprise may be before its
   * data counts as stale in a risk profile (from its fastest regular update cycle);
   * null: the department publishes by event and is never stale.
   */
  readonly staleAfterDays: number | null;
}

export const DEPARTMENT_ENUM_DESCRIPTION = 'A government department that provides and owns data in the hub.';

// The classes' `() => Department` fields point at this registration; the assembled
// schema replaces its values with the declared departments (src/server/schema.ts).
registerEnumType(Department, { name: 'Department', description: DEPARTMENT_ENUM_DESCRIPTION });
