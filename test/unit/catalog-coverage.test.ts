import { beforeAll, describe, expect, it } from '@jest/globals';
import type { GraphQLSchema } from 'graphql';
import { CatalogError, SharingClass, UpdateCycle, indexCatalog } from '../../src/auth/catalog.js';
import { domainFields, hubCatalog, hubCatalogResources } from '../../src/auth/hub-catalog.js';
import { DEPARTMENT_MODULES, MODULES } from '../../src/modules/index.js';
import { declaredDepartments } from '../../src/server/schema.js';
import { Department } from '../../src/common/department.js';
import { buildHubSchema } from '../../src/server/schema.js';
import { platformTypeNames } from '../../src/server/platform.js';
import { HUB } from '../../src/hub.js';

const PLATFORM_TYPES = platformTypeNames(HUB);

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildHubSchema(HUB);
});

describe('catalog', () => {
  it('has an entry for every field of every domain type in the schema', () => {
    const missing = domainFields(schema, PLATFORM_TYPES).filter((key) => !hubCatalog(MODULES).has(key));
    expect(missing).toEqual([]);
  });

  it('has no entry for a field the schema does not have', () => {
    const inSchema = new Set(domainFields(schema, PLATFORM_TYPES));
    const stale = [...hubCatalog(MODULES).keys()].filter((key) => !inSchema.has(key));
    expect(stale).toEqual([]);
  });

  it('covers every department module with a resource it owns, and names only declared departments as owners', () => {
    const declared = new Set(declaredDepartments(MODULES).map((d) => d.code));
    const owners = new Set(hubCatalogResources(MODULES).map((r) => r.owner));
    const departmentModules = MODULES.filter((m) => (m.departments ?? []).length > 0);
    expect(departmentModules.map((m) => m.name)).toEqual(DEPARTMENT_MODULES.map((m) => m.name));
    for (const m of departmentModules)
      expect({
        module: m.name,
        owns: m.catalog.some((r) => m.departments!.some((d) => d.code === r.owner)),
      }).toEqual({
        module: m.name,
        owns: true,
      });
    expect([...owners].filter((o) => !declared.has(o))).toEqual([]);
  });

  it('marks the legal representative ID number as personal data', () => {
    expect(hubCatalog(MODULES).get('LegalRepresentative.idNumber')).toMatchObject({
      personal: true,
      sharing: SharingClass.CONDITIONAL,
    });
  });

  it('refuses a field in two resources and a resource without legal basis', () => {
    const base = {
      name: 'x',
      description: 'x',
      owner: Department.TAX,
      sharing: SharingClass.CONDITIONAL,
      legalBasis: 'law',
      updateCycle: UpdateCycle.DAILY,
    };
    expect(() =>
      indexCatalog([
        { ...base, code: 'a', fields: { T: ['f'] } },
        { ...base, code: 'b', fields: { T: ['f'] } },
      ]),
    ).toThrow(new CatalogError('T.f is in both a and b'));
    expect(() => indexCatalog([{ ...base, code: 'c', legalBasis: ' ', fields: { T: ['g'] } }])).toThrow(
      'catalog resource c must cite its legal basis',
    );
  });
});
