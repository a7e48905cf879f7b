import 'reflect-metadata';
import { runAuthCli } from './auth-cli.js';

process.exitCode = await runAuthCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
});
