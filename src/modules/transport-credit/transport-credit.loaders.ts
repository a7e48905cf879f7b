import { childPageLoader, sql } from '../../db/index.js';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { TransportCreditRatingEntity } from './transport-credit-rating.entity.js';
import { TransportEnforcementEntity } from './transport-enforcement.entity.js';
import { TransportLicenceEntity } from './transport-licence.entity.js';
import { VehicleEntity } from './vehicle.entity.js';

export const transportLicencesLoader = (em: SqlEntityManager) =>
  childPageLoader(em, { entity: TransportLicenceEntity, orderBy: sql`t.valid_from desc, t.id desc` });

export const vehiclesLoader = (em: SqlEntityManager) =>
  childPageLoader(em, { entity: VehicleEntity, orderBy: sql`t.registration_date desc, t.id desc` });

export const transportCreditRatingsLoader = (em: SqlEntityManager) =>
  childPageLoader(em, { entity: TransportCreditRatingEntity, orderBy: sql`t.year desc, t.id desc` });

export const transportEnforcementsLoader = (em: SqlEntityManager) =>
  childPageLoader(em, { entity: TransportEnforcementEntity, orderBy: sql`t.decision_date desc, t.id desc` });
