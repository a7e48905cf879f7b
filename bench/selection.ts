import { TypeInfo, parse, print, visit, visitWithTypeInfo, type GraphQLSchema } from 'graphql';
import { SharingClass } from '../src/auth/catalog.js';
import { hubCatalog } from '../src/auth/hub-catalog.js';
import { MODULES } from '../src/modules/index.js';

/**
 * The same operation without the fields of conditionally shared resources, so a
 * read serves only unconditional data and appends no access-log record: the
 * "without conditional data" side of the concurrent scenarios.
 */
export function withoutConditionalData(schema: GraphQLSchema, query: string): string {
  const catalog = hubCatalog(MODULES);
  const typeInfo = new TypeInfo(schema);
  const document = visit(
    parse(query),
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        const entry = parent ? catalog.get(`${parent.name}.${node.name.value}`) : undefined;
        return entry?.sharing === SharingClass.CONDITIONAL ? null : undefined;
      },
    }),
  );
  return print(document);
}
