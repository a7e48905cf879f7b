import { Department } from '../../common/department.js';
import type { HubModule } from '../../server/hub-module.js';
import { sciTechIngest } from './sci-tech.ingest.js';
import { sciTechSignalSource } from './sci-tech.signals.js';
import { TechCertificationEntity } from './certification.entity.js';
import { PatentCountEntity } from './patent-count.entity.js';
import { RdSpendingEntity } from './rd-spending.entity.js';
import { sciTechCatalog } from './sci-tech.catalog.js';
import {
  PatentCountResolver,
  RdSpendingEnterpriseResolver,
  RdSpendingResolver,
  SciTechEnterpriseResolver,
  TechCertificationResolver,
} from './sci-tech.resolver.js';

export { patentCountsLoader, rdSpendingLoader, techCertificationsLoader } from './sci-tech.loaders.js';

export { sciTechSignalSource } from './sci-tech.signals.js';

export const sciTechModule: HubModule = {
  name: 'sci-tech',
  // Staleness: from each department's fastest regular update cycle (risk class and
  // social insurance monthly, tax grades and transport ratings yearly).
  departments: [
    {
      code: Department.SCIENCE_TECHNOLOGY,
      description: 'Science and technology bureau (科技局)',
      staleAfterDays: 400,
    },
  ],
  entities: [TechCertificationEntity, RdSpendingEntity, PatentCountEntity],
  resolvers: [
    SciTechEnterpriseResolver,
    TechCertificationResolver,
    RdSpendingResolver,
    RdSpendingEnterpriseResolver,
    PatentCountResolver,
  ],
  catalog: sciTechCatalog,
  signals: sciTechSignalSource,
  ingest: sciTechIngest,
  records: {
    TechCertification: TechCertificationEntity,
    RdSpending: RdSpendingEntity,
    PatentCount: PatentCountEntity,
  },
};
