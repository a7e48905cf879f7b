import 'reflect-metadata';
import { MODULES } from './modules/index.js';
import { enterpriseByUsccLoader } from './modules/registry/index.js';
import type { FederationParts } from './server/federation/federation.js';
import { runFederated } from './server/federation/federated.cli.js';
import { PLATFORM } from './server/platform.js';

/**
 * The composition root of the federated hub: the module list and the owner's
 * reference loader go in here, and nowhere else in the federation machinery.
 */
const parts: FederationParts = {
  modules: MODULES,
  platform: PLATFORM,
  resolveEnterprise: (uscc, ctx) => ctx.loaders.get(enterpriseByUsccLoader).load(uscc),
};

try {
  process.exitCode = await runFederated(process.argv.slice(2), parts);
} catch (err) {
  process.stderr.write(
    `The federated hub could not start: ${err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exitCode = 1;
}
