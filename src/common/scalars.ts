import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { ErrorCode } from './errors.js';
import { quote } from './input.js';
import { checkUscc } from './uscc.js';

function parseUscc(value: unknown): string {
  const result = checkUscc(value);
  if (!result.valid) {
    throw new GraphQLError(`Invalid USCC ${quote(value)}: ${result.message}`, {
      extensions: { code: ErrorCode.BAD_USER_INPUT, rule: 'uscc', reason: result.failure },
    });
  }
  return result.code;
}

export const UsccScalar = new GraphQLScalarType<string, string>({
  name: 'USCC',
  description:
    'Unified Social Credit Code (统一社会信用代码, GB 32100-2015): 18 characters from 0-9 and A-Z without I, O, S, V, Z; ' +
    'position 17 is the GB 11714 check digit, position 18 the GB 32100 check character. Both are verified.',
  serialize: (value) => value as string,
  parseValue: parseUscc,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError('Invalid USCC: a USCC must be a string of 18 characters', {
        extensions: { code: ErrorCode.BAD_USER_INPUT, rule: 'uscc', reason: 'NOT_A_STRING' },
      });
    }
    return parseUscc(ast.value);
  },
});

/** Re-throws a scalar's parse error as bad input with a message that names the scalar. */
function coded<T>(name: string, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    throw new GraphQLError(`Invalid ${name}: ${(err as Error).message}`, {
      extensions: { code: ErrorCode.BAD_USER_INPUT },
    });
  }
}

/** Calendar date without time zone, YYYY-MM-DD (decision dates, validity dates). */
export const DateScalar = new GraphQLScalarType<string, string>({
  ...LocalDateResolver.toConfig(),
  parseValue: (value) => coded('LocalDate', () => LocalDateResolver.parseValue(value)),
  parseLiteral: (ast, variables) => coded('LocalDate', () => LocalDateResolver.parseLiteral(ast, variables)),
  serialize: (value) => LocalDateResolver.serialize(value),
});
