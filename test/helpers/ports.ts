import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * Ports for a process the test starts on a fixed PORT. They are taken below the kernel's
 * ephemeral range: a port in that range, free when checked, can be handed to any outgoing
 * connection (a pool's PostgreSQL socket, a fetch) before the started process binds it,
 * which CI once saw as `EADDRINUSE` on the gateway's port. Below the range only listeners
 * compete, and each is checked here.
 */
function ephemeralLow(): number {
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(low) && low > 2_048 ? low : 32_768;
  } catch {
    return 32_768;
  }
}

async function portFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}

/** `count` consecutive free loopback ports outside the ephemeral range; returns the first. */
export async function freePortRange(count: number): Promise<number> {
  const low = 10_000;
  const high = ephemeralLow() - count;
  for (;;) {
    const base = low + Math.floor(Math.random() * (high - low));
    let free = true;
    for (let p = base; p < base + count && free; p++) free = await portFree(p);
    if (free) return base;
  }
}

export async function freePort(): Promise<number> {
  return freePortRange(1);
}
