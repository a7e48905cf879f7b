import { beforeAll, describe, expect, it } from '@jest/globals';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isObjectType,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import {
  domainFields,
  hubArguments,
  hubCatalog,
  hubSignalRecords,
  rootFieldsServingCatalogue,
} from '../../src/auth/hub-catalog.js';
import { MODULES } from '../../src/modules/index.js';
import { riskDeclarations } from '../../src/modules/risk/risk.declarations.js';
import { platformTypeNames } from '../../src/server/platform.js';
import { buildHubSchema } from '../../src/server/schema.js';
import { HUB } from '../../src/hub.js';

/**
 * The input counterpart of catalog-coverage: every input reaching catalogued
 * data (an argument of a root field that serves it, and every field of the input
 * objects it takes) has a catalog entry saying how the policy decides it. A new
 * filter on catalogued data without one fails here, and is denied at run time.
 */

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildHubSchema(HUB);
});

/** Schema coordinates of every input of the root fields serving catalogued data, with their types. */
function inputCoordinates(): Map<string, GraphQLInputType> {
  const out = new Map<string, GraphQLInputType>();
  const visit = (coordinate: string, type: GraphQLInputType, seen: Set<string>) => {
    out.set(coordinate, type);
    const named = getNamedType(type);
    if (!isInputObjectType(named) || seen.has(named.name)) return;
    for (const field of Object.values(named.getFields()))
      visit(`${named.name}.${field.name}`, field.type, new Set([...seen, named.name]));
  };
  for (const { parent, field } of rootFieldsServingCatalogue(schema, hubCatalog(MODULES)))
    for (const arg of field.args) visit(`${parent}.${field.name}(${arg.name}:)`, arg.type, new Set());
  return out;
}

describe('input catalog', () => {
  it('has an entry for every input of every root field serving catalogued data', () => {
    const missing = [...inputCoordinates().keys()].filter((c) => !hubArguments(MODULES).has(c)).sort();
    expect(missing).toEqual([]);
  });

  it('has no entry for an input the schema does not have', () => {
    const inSchema = new Set(inputCoordinates().keys());
    expect([...hubArguments(MODULES).keys()].filter((c) => !inSchema.has(c))).toEqual([]);
  });

  it('decides each input as a catalogued field, listing every value of an enum input', () => {
    const types = inputCoordinates();
    for (const [coordinate, rule] of hubArguments(MODULES)) {
      if ('open' in rule) continue;
      if ('byValue' in rule) {
        const named = getNamedType(types.get(coordinate)!);
        expect({ coordinate, enum: isEnumType(named) }).toEqual({ coordinate, enum: true });
        const values = isEnumType(named) ? named.getValues().map((v) => v.name) : [];
        expect({ coordinate, values: Object.keys(rule.byValue).sort() }).toEqual({
          coordinate,
          values: values.sort(),
        });
        for (const key of Object.values(rule.byValue))
          expect({ coordinate, key, known: hubCatalog(MODULES).has(key) }).toEqual({
            coordinate,
            key,
            known: true,
          });
      } else
        expect({ coordinate, key: rule.sameAs, known: hubCatalog(MODULES).has(rule.sameAs) }).toEqual({
          coordinate,
          key: rule.sameAs,
          known: true,
        });
    }
  });

  it('decides the arguments of every other field with that field: the field is catalogued', () => {
    const platform = platformTypeNames(HUB);
    const withArgs = domainFields(schema, platform).filter((key) => {
      const [typeName, fieldName] = key.split('.') as [string, string];
      const type = schema.getType(typeName);
      return isObjectType(type) && (type.getFields()[fieldName]?.args.length ?? 0) > 0;
    });
    expect(withArgs.length).toBeGreaterThan(10);
    expect(withArgs.filter((key) => !hubCatalog(MODULES).has(key))).toEqual([]);
  });

  it('knows the record type behind every signal code of the risk model, and that record is catalogued', () => {
    const codes = [...riskDeclarations(MODULES).codes.keys()].sort();
    expect(codes.filter((c) => !hubSignalRecords(MODULES).has(c))).toEqual([]);
    for (const [code, recordType] of hubSignalRecords(MODULES))
      expect({
        code,
        catalogued: hubCatalog(MODULES).has(`${recordType}.provenance`),
      }).toEqual({ code, catalogued: true });
  });
});
