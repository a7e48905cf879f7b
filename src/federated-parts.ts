import { MODULES } from './modules/index.js';
import { enterpriseByUsccLoader } from './modules/registry/index.js';
import type { FederationParts } from './server/federation/federation.js';
import { PLATFORM } from './server/platform.js';

/**
 * The composition root of the federated hub: the module list and the owner's
 * reference loader go in here, and nowhere else in the federation machinery.
 */
export const FEDERATION_PARTS: FederationParts = {
  modules: MODULES,
  platform: PLATFORM,
  resolveEnterprise: (uscc, ctx) => ctx.loaders.get(enterpriseByUsccLoader).load(uscc),
};
