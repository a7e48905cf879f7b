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
export { onRiskFilteredList } from './enterprise.query.js';
