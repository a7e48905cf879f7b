import { childPageLoader, sql } from '../../db/index.js';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { CreditListEntryEntity } from './credit-list-entry.entity.js';
import { LicenceEntity } from './licence.entity.js';
import { PenaltyEntity } from './penalty.entity.js';
import { RiskClassificationEntity } from './risk-classification.entity.js';
import { TaxArrearsEntity } from './tax-arrears.entity.js';
import { TaxCreditEvaluationEntity } from './tax-credit-evaluation.entity.js';

export const penaltiesLoader = (em: SqlEntityManager) =>
  childPageLoader(em, { entity: PenaltyEntity, orderBy: sql`t.decision_date desc, t.id desc` });

export const licencesLoader = (em: SqlEntityManager) =>
  childPageLoader(em, { entity: LicenceEntity, orderBy: sql`t.decision_date desc, t.id desc` });

export const creditListEntriesLoader = (em: SqlEntityManager) =>
  childPageLoader(em, { entity: CreditListEntryEntity, orderBy: sql`t.listed_date desc, t.id desc` });

export const taxCreditEvaluationsLoader = (em: SqlEntityManager) =>
  childPageLoader(em, { entity: TaxCreditEvaluationEntity, orderBy: sql`t.year desc, t.id desc` });

export const taxArrearsLoader = (em: SqlEntityManager) =>
  childPageLoader(em, { entity: TaxArrearsEntity, orderBy: sql`t.arrears_since desc, t.id desc` });

export const riskClassificationsLoader = (em: SqlEntityManager) =>
  childPageLoader(em, { entity: RiskClassificationEntity, orderBy: sql`t.month desc, t.id desc` });
