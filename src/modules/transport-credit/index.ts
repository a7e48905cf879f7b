import type { HubModule } from '../../server/hub-module.js';
import { transportCreditIngest } from './transport-credit.ingest.js';
import { transportCreditSignalSource } from './transport-credit.signals.js';
import { transportCreditCatalog } from './transport-credit.catalog.js';
import {
  TransportCreditRatingResolver,
  TransportEnforcementResolver,
  TransportEnterpriseResolver,
  TransportLicenceResolver,
  TransportVehicleResolver,
} from './transport-credit.resolver.js';
import { TransportCreditRatingEntity } from './transport-credit-rating.entity.js';
import { TransportEnforcementEntity } from './transport-enforcement.entity.js';
import { TransportLicenceEntity } from './transport-licence.entity.js';
import { VehicleEntity } from './vehicle.entity.js';

export {
  transportCreditRatingsLoader,
  transportEnforcementsLoader,
  transportLicencesLoader,
  vehiclesLoader,
} from './transport-credit.loaders.js';
export { transportGrade } from './transport-grade.js';
export { TransportCreditGrade } from './transport-credit.enums.js';

export { transportCreditSignalSource } from './transport-credit.signals.js';

export const transportCreditModule: HubModule = {
  name: 'transport-credit',
  entities: [TransportLicenceEntity, VehicleEntity, TransportCreditRatingEntity, TransportEnforcementEntity],
  resolvers: [
    TransportEnterpriseResolver,
    TransportLicenceResolver,
    TransportVehicleResolver,
    TransportCreditRatingResolver,
    TransportEnforcementResolver,
  ],
  catalog: transportCreditCatalog,
  signals: transportCreditSignalSource,
  ingest: transportCreditIngest,
  records: {
    TransportLicence: TransportLicenceEntity,
    TransportVehicle: VehicleEntity,
    TransportCreditRating: TransportCreditRatingEntity,
    TransportEnforcement: TransportEnforcementEntity,
  },
};
