import 'reflect-metadata';
import { HUB } from '../../hub.js';
import { runTrustedDocumentsCli } from './trusted-documents.command.js';

/** Entry of `npm run trusted-documents` (see trusted-documents.command.ts). */
process.exitCode = await runTrustedDocumentsCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
  hub: HUB,
});
