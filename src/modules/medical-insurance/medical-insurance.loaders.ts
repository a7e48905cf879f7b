import { childPageLoader, sql } from '../../db/index.js';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { DesignatedInstitutionEntity } from './designated-institution.entity.js';
import { MedicalFundViolationEntity } from './fund-violation.entity.js';
import { InstitutionCreditGradeEntity } from './institution-credit-grade.entity.js';
import { SocialInsuranceAccountEntity } from './social-insurance-account.entity.js';

export const socialInsuranceAccountsLoader = (em: SqlEntityManager) =>
  childPageLoader(em, { entity: SocialInsuranceAccountEntity, orderBy: sql`t.period desc, t.id desc` });

export const designatedInstitutionsLoader = (em: SqlEntityManager) =>
  childPageLoader(em, {
    entity: DesignatedInstitutionEntity,
    orderBy: sql`t.designated_from desc, t.id desc`,
  });

// Within a year the institution code keeps a chain's stores in a stable, readable order.
export const institutionCreditGradesLoader = (em: SqlEntityManager) =>
  childPageLoader(em, {
    entity: InstitutionCreditGradeEntity,
    orderBy: sql`t.year desc, t.institution_code asc, t.id desc`,
  });

export const medicalFundViolationsLoader = (em: SqlEntityManager) =>
  childPageLoader(em, { entity: MedicalFundViolationEntity, orderBy: sql`t.found_date desc, t.id desc` });
