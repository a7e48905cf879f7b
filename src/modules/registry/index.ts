import { Department } from '../../common/department.js';
import type { HubModule } from '../../server/hub-module.js';
import { registryIngest } from './registry.ingest.js';
import { registrySignalSource } from './registry.signals.js';
import { EnterpriseEntity } from './enterprise.entity.js';
import { registryArguments, registryCatalog } from './registry.catalog.js';
import { RegistryResolver } from './registry.resolver.js';

// Public surface for other modules: the Enterprise type they extend and the loader to reach it.
export { Enterprise } from './enterprise.type.js';
export { enterpriseByUsccLoader } from './registry.loaders.js';
export { enterpriseBackPath } from './enterprise-back-path.resolver.js';

export { registrySignalSource } from './registry.signals.js';

export const registryModule: HubModule = {
  name: 'registry',
  // Staleness: from each department's fastest regular update cycle (risk class and
  // social insurance monthly, tax grades and transport ratings yearly).
  departments: [
    {
      code: Department.MARKET_REGULATION,
      description: 'Market regulation administration (市场监督管理局)',
      staleAfterDays: 45,
    },
  ],
  entities: [EnterpriseEntity],
  resolvers: [RegistryResolver],
  catalog: registryCatalog,
  arguments: registryArguments,
  signals: registrySignalSource,
  ingest: registryIngest,
  records: { Enterprise: EnterpriseEntity },
};
export { EnterpriseRecordEntity } from './enterprise-record.entity.js';
export { EnterpriseEntity } from './enterprise.entity.js';
