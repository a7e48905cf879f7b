import { Department } from '../../common/department.js';
import type { HubModule } from '../../server/hub-module.js';
import { medicalInsuranceIngest } from './medical-insurance.ingest.js';
import { medicalInsuranceSignalSource } from './medical-insurance.signals.js';
import { DesignatedInstitutionEntity } from './designated-institution.entity.js';
import { MedicalFundViolationEntity } from './fund-violation.entity.js';
import { InstitutionCreditGradeEntity } from './institution-credit-grade.entity.js';
import { medicalInsuranceCatalog } from './medical-insurance.catalog.js';
import {
  DesignatedMedicalInstitutionResolver,
  MedicalFundViolationResolver,
  MedicalInstitutionCreditGradeResolver,
  MedicalInsuranceEnterpriseResolver,
  SocialInsuranceAccountResolver,
} from './medical-insurance.resolver.js';
import { SocialInsuranceAccountEntity } from './social-insurance-account.entity.js';

export {
  designatedInstitutionsLoader,
  institutionCreditGradesLoader,
  medicalFundViolationsLoader,
  socialInsuranceAccountsLoader,
} from './medical-insurance.loaders.js';

export { medicalInsuranceSignalSource } from './medical-insurance.signals.js';

export const medicalInsuranceModule: HubModule = {
  name: 'medical-insurance',
  // Staleness: from each department's fastest regular update cycle (risk class and
  // social insurance monthly, tax grades and transport ratings yearly).
  departments: [
    {
      code: Department.MEDICAL_INSURANCE,
      description: 'Healthcare security / medical insurance bureau (医保局)',
      staleAfterDays: 45,
    },
  ],
  entities: [
    SocialInsuranceAccountEntity,
    DesignatedInstitutionEntity,
    InstitutionCreditGradeEntity,
    MedicalFundViolationEntity,
  ],
  resolvers: [
    MedicalInsuranceEnterpriseResolver,
    SocialInsuranceAccountResolver,
    DesignatedMedicalInstitutionResolver,
    MedicalInstitutionCreditGradeResolver,
    MedicalFundViolationResolver,
  ],
  catalog: medicalInsuranceCatalog,
  signals: medicalInsuranceSignalSource,
  ingest: medicalInsuranceIngest,
  records: {
    SocialInsuranceAccount: SocialInsuranceAccountEntity,
    DesignatedMedicalInstitution: DesignatedInstitutionEntity,
    MedicalInstitutionCreditGrade: InstitutionCreditGradeEntity,
    MedicalFundViolation: MedicalFundViolationEntity,
  },
};
