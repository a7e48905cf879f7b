import { describe, expect, it } from '@jest/globals';
import { GraphQLError } from 'graphql';
import { pino } from 'pino';
import { BadInputError, ErrorCode } from '../../src/common/errors.js';
import { createFormatError } from '../../src/server/format-error.js';

function capture() {
  const lines: string[] = [];
  const log = pino({ level: 'error' }, { write: (line: string) => lines.push(line) });
  return { lines, format: createFormatError(log) };
}

describe('formatError', () => {
  it('masks an unexpected error: no message, stack or SQL reaches the client, all of it reaches the log', () => {
    const { lines, format } = capture();
    const driverError = new Error(
      'insert into "registry_enterprise" ("uscc") values ($1) - duplicate key value',
    );
    const wrapped = new GraphQLError(driverError.message, {
      originalError: driverError,
      path: ['enterprise'],
    });
    const out = format(
      { message: driverError.message, path: ['enterprise'], extensions: { stacktrace: ['x'] } },
      wrapped,
    );
    expect(out).toEqual({
      message: 'Internal server error',
      path: ['enterprise'],
      locations: undefined,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    });
    expect(JSON.stringify(out)).not.toContain('registry_enterprise');
    expect(lines.join('')).toContain('registry_enterprise');
  });

  it('passes a coded hub error with its message and details', () => {
    const { format } = capture();
    const original = new BadInputError('first must be between 1 and 1000, got 0', { argument: 'first' });
    const wrapped = new GraphQLError(original.message, { originalError: original });
    expect(format({ message: original.message }, wrapped)).toMatchObject({
      message: 'first must be between 1 and 1000, got 0',
      extensions: { code: 'BAD_USER_INPUT', argument: 'first' },
    });
  });

  it('keeps the code of errors Apollo already classified', () => {
    const { format } = capture();
    const err = new GraphQLError('Syntax Error: Expected Name', {
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
    expect(format({ message: err.message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } }, err)).toMatchObject(
      {
        extensions: { code: 'GRAPHQL_PARSE_FAILED' },
      },
    );
  });
});
