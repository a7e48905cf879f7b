import 'reflect-metadata';
import { FEDERATION_PARTS } from './federated-parts.js';
import { runFederated } from './server/federation/federated.cli.js';

/** `npm run start:federated`, `npm run supergraph:emit|check`: see runFederated for the commands. */
try {
  process.exitCode = await runFederated(process.argv.slice(2), FEDERATION_PARTS);
} catch (err) {
  process.stderr.write(
    `The federated hub could not start: ${err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exitCode = 1;
}
