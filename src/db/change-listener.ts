import pg from 'pg';
import type { PgliteConnection } from '@mikro-orm/pglite';
import type { Logger } from 'pino';
import type { HubConfig } from '../config/config.js';
import type { HubOrm } from './orm.js';

/**
 * Wakes waiters when the database NOTIFYs a channel: on PostgreSQL one dedicated
 * connection LISTENs (so every hub instance on the database hears every commit);
 * on PGlite its own `listen`. A waiter also wakes after `pollMs` anyway, so a
 * notification lost while the connection was down delays, never loses, work.
 *
 * A waiter passes the generation it last saw: if a notification came in between
 * (while it was reading), it does not wait at all.
 */
export const RISK_EVENTS_CHANNEL = 'hub_risk_events';

export class ChangeListener {
  private generationCount = 0;
  private readonly waiters = new Set<() => void>();
  private stop: () => Promise<void> = async () => {};
  private closed = false;

  private constructor(private readonly pollMs: number) {}

  get generation(): number {
    return this.generationCount;
  }

  /** Resolves on the next notification after `seen`, after `pollMs`, or at close. */
  wait(seen: number): Promise<void> {
    if (this.closed || seen !== this.generationCount) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, this.pollMs);
      this.waiters.add(done);
    });
  }

  /** Tests and benchmarks: wakes waiters as a notification would. */
  notify(): void {
    this.generationCount++;
    for (const w of [...this.waiters]) w();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.notify();
    await this.stop();
  }

  /** Listens on RISK_EVENTS_CHANNEL, which the outbox triggers notify (Migration20261203090000Monitoring). */
  static async start(orm: HubOrm, config: HubConfig, log: Logger): Promise<ChangeListener> {
    const channel = RISK_EVENTS_CHANNEL;
    const listener = new ChangeListener(config.monitoringPollMs);
    if (!config.databaseUrl) {
      const pglite = await (orm.em.getConnection() as unknown as PgliteConnection).getNativeClient();
      const unlisten = await pglite.listen(channel, () => listener.notify());
      listener.stop = async () => unlisten();
      return listener;
    }
    let client: pg.Client | undefined;
    let retry: NodeJS.Timeout | undefined;
    const connect = async (): Promise<void> => {
      const c = new pg.Client({ connectionString: config.databaseUrl });
      c.on('notification', () => listener.notify());
      c.on('error', (err) => {
        log.warn({ err }, `the ${channel} listener lost its connection; reconnecting`);
        client = undefined;
        void c.end().catch(() => {});
        if (!listener.closed) retry = setTimeout(() => void connect().catch(() => {}), listener.pollMs);
      });
      try {
        await c.connect();
        // LISTEN takes no parameters; the statement is a constant.
        await c.query('listen hub_risk_events');
        client = c;
        // Whatever was committed while not listening is picked up now.
        listener.notify();
      } catch (err) {
        log.warn({ err }, `the ${channel} listener could not connect; retrying`);
        void c.end().catch(() => {});
        if (!listener.closed) retry = setTimeout(() => void connect().catch(() => {}), listener.pollMs);
      }
    };
    await connect();
    listener.stop = async () => {
      clearTimeout(retry);
      await client?.end().catch(() => {});
    };
    return listener;
  }
}
