import { GraphQLString, type GraphQLSchema } from 'graphql';
import { withAddedFields, withEnumValues } from '../../common/declared-schema.js';
import type { RiskDeclarations } from './risk.declarations.js';
import { RiskGroupBy } from './risk.enums.js';

/**
 * The parts of the risk schema the module list declares: one RiskGroupBy value and
 * one RiskStatisticsBucket field per profile facet, in module order, after the
 * risk module's own. Deterministic for a given list, so schema:emit is stable.
 */
export function riskSchema(declared: Pick<RiskDeclarations, 'facets'>, schema: GraphQLSchema): GraphQLSchema {
  const withGroupings = withEnumValues(schema, 'RiskGroupBy', [
    ...Object.values(RiskGroupBy).map((name) => ({ name, description: undefined })),
    ...declared.facets.map((f) => ({ name: f.groupBy, description: undefined })),
  ]);
  return withAddedFields(
    withGroupings,
    'RiskStatisticsBucket',
    declared.facets.map((f) => ({ name: f.key, type: GraphQLString, description: f.description })),
    'riskGrade',
  );
}
