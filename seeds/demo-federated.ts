import 'reflect-metadata';
import { FEDERATION_PARTS } from '../src/federated-parts.js';
import { runFederated } from '../src/server/federation/federated.cli.js';
import { seedDemoOnEmpty } from './demo-on-empty.js';

/**
 * `npm run start:federated`: the federated hub of src/federated.ts plus the demo data
 * set, written into a database holding no enterprise before the subgraphs start
 * (SEED_ON_EMPTY, as npm start does).
 */
try {
  process.exitCode = await runFederated(process.argv.slice(2), {
    ...FEDERATION_PARTS,
    onEmptyDatabase: seedDemoOnEmpty,
  });
} catch (err) {
  process.stderr.write(
    `The federated hub could not start: ${err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exitCode = 1;
}
