import { HUB } from './hub.js';
import { enterpriseByUsccLoader } from './modules/registry/index.js';
import type { FederationParts } from './server/federation/federation.js';

/**
 * The composition root of the federated hub: the assembled hub (src/hub.ts) and the
 * owner's reference loader go in here, and nowhere else in the federation machinery.
 */
export const FEDERATION_PARTS: FederationParts = {
  hub: HUB,
  resolveEnterprise: (uscc, ctx) => ctx.loaders.get(enterpriseByUsccLoader).load(uscc),
};
