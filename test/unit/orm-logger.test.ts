import { describe, expect, it } from '@jest/globals';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { observeSql, pinoOrmLoggerFactory, sqlTallies } from '../../src/db/orm-logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, log: pino({ level: 'info' }, stream) };
}

describe('MikroORM lines through pino', () => {
  it('writes the migrator’s lines as JSON, without colour codes', () => {
    const { lines, log } = capture();
    const logger = pinoOrmLoggerFactory(log)({ writer: () => {}, debugMode: false });
    // As MikroORM's migrator calls it (AbstractMigrator), whatever the debug setting.
    logger.log('migrator', "Applied 'Migration20261202153454TrustedDocuments'", {
      enabled: true,
    });
    logger.warn('discovery', 'something odd', { enabled: true });
    logger.log('query', 'not enabled: not written');
    expect(lines.map((l) => JSON.parse(l) as Record<string, unknown>)).toEqual([
      expect.objectContaining({
        level: 30,
        component: 'orm',
        namespace: 'migrator',
        msg: "Applied 'Migration20261202153454TrustedDocuments'",
      }),
      expect.objectContaining({ level: 40, namespace: 'discovery', msg: 'something odd' }),
    ]);
    expect(lines.join('\n')).not.toContain(String.fromCharCode(27));
  });

  it('counts each statement in the current request’s tally, and only there', () => {
    const { lines, log } = capture();
    const logger = observeSql(pinoOrmLoggerFactory(log))({ writer: () => {}, debugMode: false });
    const tally = { statements: 0, millis: 0 };
    sqlTallies.run(tally, () => {
      logger.logQuery({ query: 'select 1', took: 3 });
      logger.logQuery({ query: 'select 2', took: 4 });
    });
    logger.logQuery({ query: 'select 3', took: 5 });
    expect(tally).toEqual({ statements: 2, millis: 7 });
    // Debug off: SQL is counted, not written.
    expect(lines).toEqual([]);
  });
});
