import { expect } from '@jest/globals';
import { AccessLogEntity } from '../../src/audit/access-log.entity.js';
import type { GraphQLResponse, TestHub } from './test-hub.js';

/**
 * Access-log probes for a test hub (passed as a getter, since hubs start in
 * beforeAll): how many records there are, and which records one operation wrote.
 */
export function accessLogProbe(hub: () => TestHub) {
  const sql = <T>(query: string) => hub().orm.em.fork().execute<T[]>(query);

  async function logCount(): Promise<number> {
    const [row] = await sql<{ n: string | number }>('select count(*) as n from audit_access_log');
    return Number(row!.n);
  }

  /** Runs one operation and returns its response and the log records written meanwhile. */
  async function withLog<T>(
    call: () => Promise<GraphQLResponse<T>>,
  ): Promise<{ res: GraphQLResponse<T>; records: AccessLogEntity[] }> {
    const before = await logCount();
    const [head] = await sql<{ id: string | number | null }>('select max(id) as id from audit_access_log');
    const res = await call();
    const after = await logCount();
    const records = await hub()
      .orm.em.fork()
      .find(AccessLogEntity, head!.id === null ? {} : { id: { $gt: String(head!.id) } }, {
        orderBy: { id: 'asc' },
      });
    expect(records).toHaveLength(after - before);
    return { res, records };
  }

  return { logCount, withLog };
}
