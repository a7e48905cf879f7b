import { creditSeeder } from './credit/credit.seed.js';
import { medicalInsuranceSeeder } from './medical-insurance/medical-insurance.seed.js';
import { registrySeeder } from './registry/registry.seed.js';
import { sciTechSeeder } from './sci-tech/sci-tech.seed.js';
import type { ModuleSeeder } from './seed-types.js';
import { transportCreditSeeder } from './transport-credit/transport-credit.seed.js';

/**
 * Each department module's share of the demo data (`seeds/<module>/`), by the module's
 * name (`HubModule.name`). The modules do not know their demo data: production code
 * never imports `seeds/`. A module without an entry seeds nothing: risk derives its
 * profiles from the others' records, monitoring holds consumers' own watch lists.
 */
export const MODULE_SEEDERS: ReadonlyMap<string, ModuleSeeder> = new Map([
  ['registry', registrySeeder],
  ['credit', creditSeeder],
  ['medical-insurance', medicalInsuranceSeeder],
  ['transport-credit', transportCreditSeeder],
  ['sci-tech', sciTechSeeder],
]);
