import type { EntityManager } from '@mikro-orm/core';
import { Seeder } from '@mikro-orm/seeder';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { loadConfig } from '../src/config/config.js';
import { HUB } from '../src/hub.js';
import { recomputeAll, riskDeclarations } from '../src/modules/risk/index.js';
import { seedGovernance } from './governance.js';
import { DEFAULT_SEED, seedDatabase, type SeedReport } from './seed-database.js';

export interface DemoSeedContext {
  /** Enterprises to generate; SEED_ENTERPRISES when absent. */
  readonly enterprises?: number;
  readonly seed?: number;
  readonly onProgress?: (what: 'enterprises' | 'risk profiles', done: number, total: number) => void;
}

export interface DemoSeedResult {
  readonly report: SeedReport;
  readonly agreements: number;
  readonly profiles: number;
  readonly profileMillis: number;
}

/**
 * The demo data set as a MikroORM seeder: generated enterprises with every module's
 * records, the demo sharing agreements, and their risk profiles. `npm run seed` runs it
 * with its arguments; `npm run orm -- seeder:run` runs it with the settings' count.
 * Into an empty database: `npm run seed -- --reset` replaces existing data.
 */
export class DemoSeeder extends Seeder<DemoSeedContext> {
  /** What the last run wrote (the CLI prints it). */
  result: DemoSeedResult | undefined;

  override async run(em: EntityManager, context: DemoSeedContext = {}): Promise<void> {
    const sql = em as SqlEntityManager;
    const enterprises = context.enterprises ?? loadConfig().seedEnterprises;
    const report = await seedDatabase(sql.fork(), HUB.modules, {
      enterprises,
      seed: context.seed ?? DEFAULT_SEED,
      onProgress: (done, total) => context.onProgress?.('enterprises', done, total),
    });
    const agreements = await seedGovernance(sql.fork());
    const started = performance.now();
    const profiles = await recomputeAll(sql.fork(), riskDeclarations(HUB.modules), {
      onProgress: (done) => context.onProgress?.('risk profiles', done, enterprises),
    });
    this.result = { report, agreements, profiles, profileMillis: performance.now() - started };
  }
}
