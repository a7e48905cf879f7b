import { describe, expect, it } from '@jest/globals';
import { ConnectionException, DriverException, UniqueConstraintViolationException } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import { pino } from 'pino';
import { BadInputError } from '../../src/common/errors.js';
import { DatabaseUnavailableError, deadlineCancelMs, isDatabaseUnavailable } from '../../src/db/outage.js';
import { DEADLINE_MARK } from '../../src/db/statement-cancel.js';
import { createFormatError } from '../../src/server/format-error.js';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable: one classification of driver errors', () => {
  it.each([
    ['connection refused', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['connection reset', withCode('read ECONNRESET', 'ECONNRESET')],
    ['connection lost', new Error('Connection terminated unexpectedly')],
    ['connect timeout', new Error('Connection terminated due to connection timeout')],
    ['pool acquire timeout', new Error('timeout exceeded when trying to connect')],
    ['frozen server (client query timeout)', new Error('Query read timeout')],
    ['statement timeout', withCode('canceling statement due to statement timeout', '57014')],
    ['server shutting down', withCode('terminating connection due to administrator command', '57P01')],
    ['server starting up', withCode('the database system is starting up', '57P03')],
    ['too many connections', withCode('sorry, too many clients already', '53300')],
    ['connection exception class 08', withCode('connection failure', '08006')],
    ['PGlite closed', new Error('PGlite is closed')],
    ['MikroORM-wrapped', new DriverException(withCode('connect ECONNREFUSED 127.0.0.1:1', 'ECONNREFUSED'))],
    [
      'wrapped as a cause',
      new Error('query failed', { cause: new Error('Connection terminated unexpectedly') }),
    ],
    [
      'wrapped by GraphQL',
      new GraphQLError('x', { originalError: new ConnectionException(new Error('EPIPE')) }),
    ],
    ['thrown on purpose', new DatabaseUnavailableError()],
  ])('%s is an outage', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', new UniqueConstraintViolationException(withCode('duplicate key value', '23505'))],
    ['invalid input (NUL byte)', withCode('invalid byte sequence for encoding "UTF8": 0x00', '22021')],
    ['a date out of range', withCode('date/time field value out of range', '22008')],
    ['a value too long', withCode('value too long for type character varying(64)', '22001')],
    ['a coded hub error', new BadInputError('bad')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['not an error', 'ECONNREFUSED'],
  ])('%s is not an outage', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe('the error formatter and outages', () => {
  const format = createFormatError(pino({ level: 'silent' }));
  const located = (original: Error) =>
    new GraphQLError(original.message, { originalError: original, path: ['x'] });

  it('codes an outage SERVICE_UNAVAILABLE, retryable, with no driver text', () => {
    const error = located(withCode('connect ECONNREFUSED 10.0.0.7:5432', 'ECONNREFUSED'));
    const formatted = format({ message: error.message, path: ['x'] }, error);
    expect(formatted.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryable: true, retryAfter: 5 });
    expect(formatted.message).not.toContain('10.0.0.7');
    expect(formatted.path).toEqual(['x']);
  });

  it('still masks a genuine bug as INTERNAL_SERVER_ERROR', () => {
    const error = located(new TypeError('boom'));
    expect(format({ message: 'boom' }, error).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });
});

describe('a statement the hub cancelled at the operation deadline', () => {
  const format = createFormatError(pino({ level: 'silent' }));
  const cancelled = () =>
    Object.assign(withCode('canceling statement due to user request', '57014'), {
      [DEADLINE_MARK]: 1000,
    });

  it('is the operation timing out, not an outage, also wrapped by MikroORM and GraphQL', () => {
    const wrapped = new GraphQLError('x', { originalError: new DriverException(cancelled()) });
    expect(deadlineCancelMs(wrapped)).toBe(1000);
    expect(isDatabaseUnavailable(wrapped)).toBe(false);
    expect(format({ message: 'x', path: ['enterprises'] }, wrapped)).toEqual({
      message: 'The operation ran past its deadline of 1000 ms and was stopped',
      path: ['enterprises'],
      locations: undefined,
      extensions: { code: 'OPERATION_TIMEOUT', timeoutMs: 1000 },
    });
  });

  it('leaves the same SQLSTATE without the mark (the statement timeout) an outage', () => {
    const timeout = new GraphQLError('x', {
      originalError: new DriverException(withCode('canceling statement due to statement timeout', '57014')),
    });
    expect(deadlineCancelMs(timeout)).toBeUndefined();
    expect(isDatabaseUnavailable(timeout)).toBe(true);
    expect(format({ message: 'x' }, timeout).extensions?.code).toBe('SERVICE_UNAVAILABLE');
  });
});
