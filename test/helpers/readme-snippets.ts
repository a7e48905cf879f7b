import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/*
 * The README's snippets, taken from README.md and run as they stand: the JavaScript of
 * "Portfolio monitoring" (only the import lines are replaced by the same modules), and
 * the fenced blocks the walk-through (test/integration/readme-walkthrough.test.ts) runs,
 * so what a reader copies cannot drift from what the hub does.
 */
const README = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');

/** README.md as it is on disk. */
export function readmeText(): string {
  return README;
}

/** The README's fenced blocks of `lang` (```sh, ```text, …), their contents in order. */
export function readmeBlocks(lang: string, text = README): string[] {
  return [...text.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
}

/** The one ````lang` block of the README that contains `marker` (throws if none or several). */
export function readmeBlock(lang: string, marker: string, text = README): string {
  const blocks = readmeBlocks(lang, text).filter((b) => b.includes(marker));
  if (blocks.length !== 1)
    throw new Error(`expected one ${lang} block with ${marker} in README.md, found ${blocks.length}`);
  return blocks[0]!;
}

/** The one ```js block of the README that contains `marker`, without its import lines. */
function jsBlock(marker: string): string {
  return readmeBlock('js', marker).replace(/^import .*$/gm, '');
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
