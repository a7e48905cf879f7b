import { registerEnumType } from 'type-graphql';
import { Department } from '../common/department.js';

/** 政务信息资源共享管理暂行办法 (2016): every data item has one of these sharing types. */
export enum SharingClass {
  UNCONDITIONAL = 'UNCONDITIONAL',
  CONDITIONAL = 'CONDITIONAL',
  NOT_SHARED = 'NOT_SHARED',
}

export enum UpdateCycle {
  REAL_TIME = 'REAL_TIME',
  DAILY = 'DAILY',
  WEEKLY = 'WEEKLY',
  MONTHLY = 'MONTHLY',
  QUARTERLY = 'QUARTERLY',
  YEARLY = 'YEARLY',
}

registerEnumType(SharingClass, {
  name: 'SharingClass',
  valuesConfig: {
    UNCONDITIONAL: { description: '无条件共享: readable by every authenticated department and consumer.' },
    CONDITIONAL: {
      description: '有条件共享: readable by named consumers under an agreement, for stated purposes.',
    },
    NOT_SHARED: { description: '不予共享: readable only by the owner.' },
  },
});
registerEnumType(UpdateCycle, { name: 'UpdateCycle' });

/** A field of the catalog; a bare string is a field with the resource's defaults. */
export type CatalogFieldSpec = string | { readonly field: string; readonly personal?: boolean };

/** A resource catalogue entry (信息资源目录): a named group of fields with one owner and sharing class. */
export interface CatalogResource {
  readonly code: string;
  readonly name: string;
  readonly description: string;
  readonly owner: Department;
  readonly sharing: SharingClass;
  readonly legalBasis: string;
  readonly updateCycle: UpdateCycle;
  /** Fields by GraphQL type name. */
  readonly fields: Readonly<Record<string, readonly CatalogFieldSpec[]>>;
}

export interface CatalogFieldEntry {
  readonly typeName: string;
  readonly fieldName: string;
  readonly resource: string;
  readonly owner: Department;
  readonly sharing: SharingClass;
  readonly legalBasis: string;
  readonly personal: boolean;
  readonly updateCycle: UpdateCycle;
}

export class CatalogError extends Error {}

/** Flattens resources to one entry per `Type.field`; a field in two resources or a missing basis is an error. */
export function indexCatalog(resources: readonly CatalogResource[]): ReadonlyMap<string, CatalogFieldEntry> {
  const index = new Map<string, CatalogFieldEntry>();
  const codes = new Set<string>();
  for (const resource of resources) {
    if (codes.has(resource.code))
      throw new CatalogError(`catalog resource ${resource.code} is declared twice`);
    codes.add(resource.code);
    if (resource.legalBasis.trim() === '') {
      throw new CatalogError(`catalog resource ${resource.code} must cite its legal basis`);
    }
    for (const [typeName, specs] of Object.entries(resource.fields)) {
      for (const spec of specs) {
        const fieldName = typeof spec === 'string' ? spec : spec.field;
        const key = `${typeName}.${fieldName}`;
        const existing = index.get(key);
        if (existing) {
          throw new CatalogError(`${key} is in both ${existing.resource} and ${resource.code}`);
        }
        index.set(key, {
          typeName,
          fieldName,
          resource: resource.code,
          owner: resource.owner,
          sharing: resource.sharing,
          legalBasis: resource.legalBasis,
          personal: typeof spec === 'string' ? false : (spec.personal ?? false),
          updateCycle: resource.updateCycle,
        });
      }
    }
  }
  return index;
}

/**
 * How the policy decides an input (an argument or an input-object field): inputs
 * that test a catalogued value reveal that value through what they select, count
 * or order, so they are decided exactly as a field is.
 *
 * - `sameAs`: decided as that catalogued field (`RiskProfile.grade`).
 * - `byValue`: an enum input whose values test different fields (an ordering);
 *   every value must be listed.
 * - `signalCode`: the value is a risk-signal code; decided as `sameAs` and as the
 *   record the signal comes from (the tax bureau's arrears for `TAX_ARREARS`).
 * - `open`: tests no catalogued value (pagination, a purpose of use); the reason
 *   says why.
 */
export type CatalogArgumentRule =
  | { readonly sameAs: string }
  | { readonly byValue: Readonly<Record<string, string>> }
  | { readonly sameAs: string; readonly signalCode: true }
  | { readonly open: string };

/**
 * A catalogued input, named by its schema coordinate: `Query.enterprises(first:)`
 * for an argument, `EnterpriseFilter.riskGrades` for an input-object field.
 */
export interface CatalogArgument {
  readonly coordinate: string;
  readonly rule: CatalogArgumentRule;
}

/** One entry per coordinate; a coordinate declared twice is an error. */
export function indexArguments(args: readonly CatalogArgument[]): ReadonlyMap<string, CatalogArgumentRule> {
  const index = new Map<string, CatalogArgumentRule>();
  for (const arg of args) {
    if (index.has(arg.coordinate)) throw new CatalogError(`argument ${arg.coordinate} is declared twice`);
    index.set(arg.coordinate, arg.rule);
  }
  return index;
}
