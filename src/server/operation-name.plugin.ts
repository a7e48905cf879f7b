import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { OPERATION_NAME_MAX } from '../audit/access-log.append.js';
import { ErrorCode } from '../common/errors.js';
import { charLength } from '../common/input.js';

/**
 * Operation names are input too, and the access log keeps them: a name longer
 * than its column is refused before anything runs (BAD_USER_INPUT, rule maxLength).
 */
export const operationNamePlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operationName }) {
        if (operationName && charLength(operationName) > OPERATION_NAME_MAX) {
          throw new GraphQLError(
            `the operation name must be at most ${OPERATION_NAME_MAX} characters, got ${charLength(operationName)}`,
            {
              extensions: {
                code: ErrorCode.BAD_USER_INPUT,
                argument: 'operationName',
                rule: 'maxLength',
                http: { status: 400 },
              },
            },
          );
        }
      },
    };
  },
};
