import type { HubModule } from '../../server/hub-module.js';
import { RECOMPUTE_BATCH, recomputeAll, recomputeProfiles } from './risk.service.js';
import { riskArguments, riskCatalog } from './risk.catalog.js';
import { riskDeclarations } from './risk.declarations.js';
import { RiskProfileEntity } from './risk-profile.entity.js';
import { RiskEnterpriseResolver, RiskQueryResolver, RiskSignalResolver } from './risk.resolver.js';
import { riskSchema } from './risk.schema.js';
import { installRefreshTriggers } from './risk.triggers.js';

export { recomputeAll, recomputeProfiles } from './risk.service.js';
export { riskDeclarations, type RiskDeclarations } from './risk.declarations.js';
export { riskProfileLoader } from './risk.loaders.js';
export { declaredTriggers, installedTriggers } from './risk.triggers.js';

/**
 * The integrated risk view, built from the other modules' declarations: their
 * signal sources (codes with points and caps, facets, refresh tables), their
 * departments' staleness and their record entities. It owns no department data
 * and stores derived profiles.
 */
export function createRiskModule(modules: readonly HubModule[]): HubModule {
  const declared = riskDeclarations(modules);
  return {
    name: 'risk',
    entities: [RiskProfileEntity],
    resolvers: [RiskEnterpriseResolver, RiskSignalResolver, RiskQueryResolver],
    catalog: riskCatalog(declared.facets),
    arguments: riskArguments(declared.facets),
    // One batched recompute for all enterprises a write touched, never one at a time.
    afterWrite: async (em, usccs) => {
      for (let i = 0; i < usccs.length; i += RECOMPUTE_BATCH)
        await recomputeProfiles(em, declared, usccs.slice(i, i + RECOMPUTE_BATCH));
    },
    // A list filtered or ordered by stored profiles reads them up to date.
    refreshDerived: async (em) => {
      await recomputeAll(em, declared, { onlyNeeded: true });
    },
    afterMigrate: async (em) => {
      await installRefreshTriggers(em, declared.tables);
    },
    transformSchema: (schema) => riskSchema(declared, schema),
  };
}
