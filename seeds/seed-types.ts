import type { EntityClass } from '@mikro-orm/core';
import type { Rng } from './rng.js';

/** Facts about a generated enterprise that other modules' seeders condition on. */
export interface SeedEnterprise {
  readonly index: number;
  readonly uscc: string;
  readonly regionCode: string;
  readonly industrySection: string;
  readonly industryCode: string;
  readonly establishedDate: string;
  /** 0 = clean, 1 = some issues, 2 = troubled, 3 = seriously dishonest: keeps records across modules coherent. */
  readonly troubleLevel: 0 | 1 | 2 | 3;
  readonly registeredCapital: number;
}

export interface SeedContext {
  /** The date the demo data is "as of"; fixed so that seeds are reproducible. */
  readonly today: string;
  readonly receivedAt: Date;
}

export type SeedRow = Record<string, unknown>;

export interface SeedSink {
  add<T extends object>(entity: EntityClass<T>, row: SeedRow): void;
}

export interface ModuleSeeder {
  /** Adds this module's rows for one enterprise; must use only `rng` for randomness. */
  seed(enterprise: SeedEnterprise, rng: Rng, sink: SeedSink, ctx: SeedContext): void;
}
