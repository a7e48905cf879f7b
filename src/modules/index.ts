import type { HubModule } from '../server/hub-module.js';
import { creditModule } from './credit/index.js';
import { medicalInsuranceModule } from './medical-insurance/index.js';
import { monitoringModule } from './monitoring/index.js';
import { registryModule } from './registry/index.js';
import { createRiskModule } from './risk/index.js';
import { sciTechModule } from './sci-tech/index.js';
import { transportCreditModule } from './transport-credit/index.js';

/**
 * The department modules. Adding a department means adding its folder and one
 * line here: everything the hub needs from it is in its declaration. The
 * registry comes first: it owns the Enterprise key every other module's records
 * point at.
 */
export const DEPARTMENT_MODULES: readonly HubModule[] = [
  registryModule,
  creditModule,
  medicalInsuranceModule,
  transportCreditModule,
  sciTechModule,
];

/**
 * The hub's module list, assembled in this one place: the department modules, the
 * risk view built from their declarations, and portfolio monitoring on top of it.
 */
export function assembleModules(departments: readonly HubModule[]): readonly HubModule[] {
  return [...departments, createRiskModule(departments), monitoringModule];
}

export const MODULES: readonly HubModule[] = assembleModules(DEPARTMENT_MODULES);
