import type { HubModule } from '../server/hub-module.js';
import { creditModule } from './credit/index.js';
import { medicalInsuranceModule } from './medical-insurance/index.js';
import { monitoringModule } from './monitoring/index.js';
import { registryModule } from './registry/index.js';
import { registerRecordEntities, registerSignalSources, riskModule } from './risk/index.js';
import { sciTechModule } from './sci-tech/index.js';
import { transportCreditModule } from './transport-credit/index.js';

/**
 * The department modules that make up the hub. Adding a department means adding
 * its folder and one line here. The registry comes first: it owns the Enterprise
 * key every other module's records point at.
 */
export const MODULES: readonly HubModule[] = [
  registryModule,
  creditModule,
  medicalInsuranceModule,
  transportCreditModule,
  sciTechModule,
  riskModule,
  monitoringModule,
];

// The risk view reads the other modules only through what they export.
registerSignalSources(MODULES.flatMap((m) => (m.signals ? [m.signals] : [])));
registerRecordEntities(new Map(MODULES.flatMap((m) => Object.entries(m.records ?? {}))));
