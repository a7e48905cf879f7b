import type { HubModule } from '../../server/hub-module.js';
import { onRiskFilteredList } from '../registry/index.js';
import { RECOMPUTE_BATCH, recomputeAll, recomputeProfiles } from './risk.service.js';
import { riskArguments, riskCatalog } from './risk.catalog.js';
import { RiskProfileEntity } from './risk-profile.entity.js';
import { RiskEnterpriseResolver, RiskQueryResolver, RiskSignalResolver } from './risk.resolver.js';

export { recomputeAll, recomputeProfiles, registerSignalSources } from './risk.service.js';
export { registerRecordEntities } from './risk.records.js';
export { riskProfileLoader } from './risk.loaders.js';

/**
 * The integrated risk view. It owns no department data: it reads the other
 * modules through the signal sources they export and stores derived profiles.
 */
onRiskFilteredList(async (em) => {
  await recomputeAll(em, { onlyNeeded: true });
});

export const riskModule: HubModule = {
  name: 'risk',
  entities: [RiskProfileEntity],
  resolvers: [RiskEnterpriseResolver, RiskSignalResolver, RiskQueryResolver],
  catalog: riskCatalog,
  arguments: riskArguments,
  // One batched recompute for all enterprises a write touched, never one at a time.
  afterWrite: async (em, usccs) => {
    for (let i = 0; i < usccs.length; i += RECOMPUTE_BATCH)
      await recomputeProfiles(em, usccs.slice(i, i + RECOMPUTE_BATCH));
  },
};
