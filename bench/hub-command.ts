import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The arguments of `node` in `npm start` (package.json `scripts.start`, e.g. its V8
 * flags then `dist/src/main.js`), so that a bench or test starts the hub exactly as a
 * user does, flags included, and a figure measured on it is the started hub's.
 */
export function hubStartArgs(root: string): string[] {
  const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const [command, ...args] = pkg.scripts.start!.trim().split(/\s+/);
  if (command !== 'node' || !args.includes('dist/src/main.js'))
    throw new TypeError(`scripts.start must be 'node [flags] dist/src/main.js', got '${pkg.scripts.start!}'`);
  return args;
}
