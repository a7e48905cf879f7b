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
