import 'reflect-metadata';
import { HUB } from '../../hub.js';
import { runAuthCli } from './auth-cli.js';

// The production entry (node dist/src/auth/cli/auth.js): API keys and tokens for explicit
// claims. `token --demo` needs the demo principals, which only `npm run auth` (seeds/auth.ts) has.
process.exitCode = await runAuthCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
  hub: HUB,
});
