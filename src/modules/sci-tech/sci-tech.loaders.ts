import { childPageLoader, sql } from '../../db/index.js';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { TechCertificationEntity } from './certification.entity.js';
import { PatentCountEntity } from './patent-count.entity.js';
import { RdSpendingEntity } from './rd-spending.entity.js';

export const techCertificationsLoader = (em: SqlEntityManager) =>
  childPageLoader(em, { entity: TechCertificationEntity, orderBy: sql`t.valid_from desc, t.id desc` });

export const rdSpendingLoader = (em: SqlEntityManager) =>
  childPageLoader(em, { entity: RdSpendingEntity, orderBy: sql`t.year desc, t.id desc` });

export const patentCountsLoader = (em: SqlEntityManager) =>
  childPageLoader(em, { entity: PatentCountEntity, orderBy: sql`t.year desc, t.id desc` });
