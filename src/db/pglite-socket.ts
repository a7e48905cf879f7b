import { chmodSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * The hub's PGlite database served to local operator tools (audit:verify, auth api-key,
 * risk:recompute, trusted-documents) while the hub runs: PGlite is one process's, so the
 * tools speak the PostgreSQL protocol to the hub over a Unix socket in the data folder.
 * The socket is owner-only (0600): whoever may use it may read the data folder anyway.
 * `pg` finds it as host = the data folder, port 5432 (`<dir>/.s.PGSQL.5432`).
 */
export const SOCKET_PORT = 5432;
export const socketPath = (dir: string): string => join(dir, `.s.PGSQL.${SOCKET_PORT}`);

/** Unix socket paths are limited to 107 bytes on Linux (sun_path). */
const MAX_SOCKET_PATH = 107;

const QUERY = 0x51; // 'Q'
const SYNC = 0x53; // 'S'
const TERMINATE = 0x58; // 'X'

function simpleQuery(sql: string): Uint8Array {
  const text = Buffer.from(`${sql}\0`, 'utf8');
  const message = Buffer.alloc(5 + text.length);
  message[0] = QUERY;
  message.writeInt32BE(4 + text.length, 1);
  text.copy(message, 5);
  return message;
}

const SYNC_MESSAGE = Uint8Array.from([SYNC, 0, 0, 0, 4]);

/**
 * PGlite has one backend session, shared by the hub and every socket client. The socket
 * server alone takes only PGlite's per-query lock, so a tool's statements could land inside
 * one of the hub's transactions, between the Parse and Bind of another exchange, or the hub's
 * inside a tool's BEGIN…COMMIT. This view of the instance holds PGlite's transaction lock
 * (the one the hub's queries and transactions take) from a client's first message until it
 * ends an exchange (Sync or simple Query) outside a transaction block; and it reports that
 * hold as "in transaction", which makes the socket server's queue keep to that client.
 */
class SessionGuard {
  private release: (() => void) | null = null;
  private lastType = 0;

  constructor(private readonly db: PGlite) {}

  get waitReady(): Promise<void> {
    return this.db.waitReady;
  }

  isInTransaction(): boolean {
    return this.release !== null;
  }

  private async hold(): Promise<void> {
    if (this.release) return;
    await new Promise<void>((held) => {
      void this.db._runExclusiveTransaction(
        () =>
          new Promise<void>((done) => {
            this.release = done;
            held();
          }),
      );
    });
  }

  private letGo(): void {
    const release = this.release;
    this.release = null;
    release?.();
  }

  async runExclusive<T>(fn: () => Promise<T>): Promise<T> {
    await this.hold();
    try {
      return await this.db._runExclusiveQuery(fn);
    } finally {
      const endsExchange =
        this.lastType === SYNC ||
        this.lastType === QUERY ||
        this.lastType === TERMINATE ||
        this.lastType < 0x41;
      if (endsExchange && !this.db.isInTransaction()) this.letGo();
    }
  }

  execProtocolRawStream(message: Uint8Array, options: Parameters<PGlite['execProtocolRawStream']>[1]) {
    // A startup message begins with its length (first byte 0), a typed message with its letter.
    this.lastType = message[0] ?? 0;
    return this.db.execProtocolRawStream(message, options);
  }

  /** Called by the socket server when a client leaves mid-transaction: end its exchange, roll back. */
  async exec(sql: string): Promise<void> {
    if (!this.release) return;
    try {
      await this.db._runExclusiveQuery(async () => {
        await this.db.execProtocolRaw(SYNC_MESSAGE);
        await this.db.execProtocolRaw(simpleQuery(sql));
      });
    } finally {
      this.letGo();
    }
  }
}

export interface ServedSocket {
  readonly path: string;
  stop(): Promise<void>;
}

/**
 * Serves `db` on `<dir>/.s.PGSQL.5432`. Null (with the reason) when the path is too long for
 * a Unix socket; the hub then runs as before and tools report that they cannot connect.
 */
export async function servePgliteSocket(
  db: PGlite,
  dir: string,
): Promise<{ served: ServedSocket } | { reason: string }> {
  const path = socketPath(dir);
  if (Buffer.byteLength(path) > MAX_SOCKET_PATH) {
    return { reason: `the socket path ${path} is longer than ${MAX_SOCKET_PATH} bytes` };
  }
  // We hold the data folder's lock, so a socket file left here is a crashed hub's.
  if (existsSync(path)) rmSync(path, { force: true });
  const server = new PGLiteSocketServer({
    db: new SessionGuard(db) as unknown as PGlite,
    path,
    maxConnections: 16,
    // A tool that stops talking mid-transaction would hold the hub's database: drop it.
    idleTimeout: 60_000,
  });
  try {
    await server.start();
    chmodSync(path, 0o600);
  } catch (err) {
    await server.stop().catch(() => undefined);
    return { reason: `cannot listen on ${path}: ${(err as Error).message}` };
  }
  return {
    served: {
      path,
      stop: async () => {
        await server.stop();
        rmSync(path, { force: true });
      },
    },
  };
}
