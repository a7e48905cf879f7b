import { Department } from '../../common/department.js';
import type { HubModule } from '../../server/hub-module.js';
import { creditIngest } from './credit.ingest.js';
import { creditSignalSource } from './credit.signals.js';
import { creditCatalog } from './credit.catalog.js';
import { CreditListEntryEntity } from './credit-list-entry.entity.js';
import {
  CreditEnterpriseResolver,
  CreditListEntryResolver,
  LicenceResolver,
  PenaltyResolver,
  RiskClassificationResolver,
  TaxArrearsResolver,
  TaxCreditEvaluationResolver,
} from './credit.resolver.js';
import { LicenceEntity } from './licence.entity.js';
import { PenaltyEntity } from './penalty.entity.js';
import { RiskClassificationEntity } from './risk-classification.entity.js';
import { TaxArrearsEntity } from './tax-arrears.entity.js';
import { TaxCreditEvaluationEntity } from './tax-credit-evaluation.entity.js';

export {
  creditListEntriesLoader,
  licencesLoader,
  penaltiesLoader,
  riskClassificationsLoader,
  taxArrearsLoader,
  taxCreditEvaluationsLoader,
} from './credit.loaders.js';

export { creditSignalSource } from './credit.signals.js';

export const creditModule: HubModule = {
  name: 'credit',
  // Staleness: from each department's fastest regular update cycle (risk class and
  // social insurance monthly, tax grades and transport ratings yearly).
  departments: [
    { code: Department.TAX, description: 'Tax bureau (税务局)', staleAfterDays: 400 },
    // Courts publish by event: never stale.
    { code: Department.COURT, description: 'People’s courts (法院)', staleAfterDays: null },
  ],
  entities: [
    PenaltyEntity,
    LicenceEntity,
    CreditListEntryEntity,
    TaxCreditEvaluationEntity,
    TaxArrearsEntity,
    RiskClassificationEntity,
  ],
  resolvers: [
    CreditEnterpriseResolver,
    PenaltyResolver,
    LicenceResolver,
    CreditListEntryResolver,
    TaxCreditEvaluationResolver,
    TaxArrearsResolver,
    RiskClassificationResolver,
  ],
  catalog: creditCatalog,
  signals: creditSignalSource,
  ingest: creditIngest,
  records: {
    AdministrativePenalty: PenaltyEntity,
    AdministrativeLicence: LicenceEntity,
    CreditListEntry: CreditListEntryEntity,
    TaxCreditEvaluation: TaxCreditEvaluationEntity,
    TaxArrears: TaxArrearsEntity,
    CreditRiskClassification: RiskClassificationEntity,
  },
};
