import type { HubModule } from '../../server/hub-module.js';
import { onRiskFilteredList } from '../registry/index.js';
import { recomputeAll } from './risk.service.js';
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
  seeder: { seed: () => {} },
};
