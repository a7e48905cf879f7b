import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/*
 * The README's JavaScript snippets of "Portfolio monitoring", taken from README.md
 * and run as they stand (only the import lines are replaced by the same modules),
 * so the snippets a bank copies cannot drift from what the hub does.
 */
const README = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');

/** The one ```js block of the README that contains `marker`, without its import lines. */
function jsBlock(marker: string): string {
  const blocks = [...README.matchAll(/```js\n([\s\S]*?)```/g)]
    .map((m) => m[1]!)
    .filter((b) => b.includes(marker));
  if (blocks.length !== 1)
    throw new Error(`expected one js block with ${marker} in README.md, found ${blocks.length}`);
  return blocks[0]!.replace(/^import .*$/gm, '');
}

type Verify = (secret: string, header: string, body: string, toleranceSeconds?: number) => boolean;

/** The webhook verification snippet's `verify`. */
export function readmeVerify(): Verify {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the README's own code, run as documented
  const make = new Function(
    'createHmac',
    'timingSafeEqual',
    `${jsBlock('function verify(')}\nreturn verify;`,
  ) as (...modules: unknown[]) => Verify;
  return make(createHmac, timingSafeEqual);
}

/** The graphql-ws client snippet, pointed at `url` instead of the README's ws://127.0.0.1:4000. */
export function readmeSubscribe(
  url: string,
  token: string,
  portfolioId: string,
  handle: (event: Record<string, unknown>) => void,
  onError: (error: unknown) => void,
): Client {
  const code = jsBlock('createClient(').replace("'ws://127.0.0.1:4000/graphql'", JSON.stringify(url));
  if (!code.includes(JSON.stringify(url)))
    throw new Error('the README snippet no longer names ws://127.0.0.1:4000/graphql');
  // The snippet reports errors with console.error; the test wants to see them.
  const consoleLike = { error: onError };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the README's own code, run as documented
  const make = new Function(
    'createClient',
    'WebSocket',
    'token',
    'portfolioId',
    'handle',
    'console',
    `${code}\nreturn client;`,
  ) as (...args: unknown[]) => Client;
  return make(createClient, WebSocket, token, portfolioId, handle, consoleLike);
}
