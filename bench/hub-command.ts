import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * `node` arguments that start the hub the way `npm start` does: the V8 flags of
 * package.json `scripts.start` (`node [flags] dist/seeds/demo-hub.js`), then `entry`
 * — by default the production entry `dist/src/main.js`, which the demo entry wraps
 * with its seeder. A bench or test started this way measures the started hub, flags
 * included.
 */
export function hubStartArgs(root: string, entry = 'dist/src/main.js'): string[] {
  return [...npmStartArgs(root).slice(0, -1), entry];
}

/** The arguments of `node` in `npm start` exactly: its V8 flags, then the demo entry it runs. */
export function npmStartArgs(root: string): string[] {
  const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const [command, ...args] = pkg.scripts.start!.trim().split(/\s+/);
  const script = args.at(-1) ?? '';
  const flags = args.slice(0, -1);
  if (command !== 'node' || !/^dist\/.+\.js$/.test(script) || flags.some((f) => !f.startsWith('--')))
    throw new TypeError(
      `scripts.start must be 'node [--flags] dist/<entry>.js', got '${pkg.scripts.start!}'`,
    );
  return [...flags, script];
}
