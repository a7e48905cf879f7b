import { runIngestCli } from './ingest-cli.js';

process.exitCode = await runIngestCli(process.argv.slice(2), process.env, {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  isTty: process.stderr.isTTY,
});
