import 'reflect-metadata';
import { runAuthCli } from '../src/auth/cli/auth-cli.js';
import { HUB } from '../src/hub.js';
import { DEMO_PRINCIPALS } from './demo-principals.js';

/** `npm run auth`: the hub's auth CLI, plus `token --demo <name>` for the demo principals. */
process.exitCode = await runAuthCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
  hub: HUB,
  demoPrincipals: DEMO_PRINCIPALS,
});
