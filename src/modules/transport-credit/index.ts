import { Department } from '../../common/department.js';
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
  // Staleness: from each department's fastest regular update cycle (risk class and
  // social insurance monthly, tax grades and transport ratings yearly).
  departments: [
    { code: Department.TRANSPORT, description: 'Transport bureau (交通运输局)', staleAfterDays: 400 },
  ],
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
