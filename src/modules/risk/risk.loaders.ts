import DataLoader from 'dataloader';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { readRows, sql, sqlTextArray } from '../../db/index.js';
import type { RiskSignal } from '../../common/risk-signal.js';
import type { DimensionScore, SourceStatus } from './risk-model.js';
import { MODEL_VERSION } from './risk-model.v1.js';
import type { HubModule } from '../../server/hub-module.js';
import { riskDeclarations } from './risk.declarations.js';
import { recomputeProfiles, type StoredProfile } from './risk.service.js';

/** A profile as served: computed now or read back from risk_profile. */
export interface ProfileValue {
  readonly uscc: string;
  readonly score: number;
  readonly grade: string;
  readonly cappedBy: string | null;
  readonly modelVersion: string;
  readonly computedAt: Date;
  readonly dimensions: DimensionScore[];
  readonly signals: RiskSignal[];
  readonly sources: SourceStatus[];
}

interface StoredRow {
  uscc: string;
  stored: string | null;
  // numeric column: node-postgres returns numeric as a string
  score: number | string;
  grade: string;
  capped_by: string | null;
  model_version: string;
  computed_at: Date | string;
  /** Absent when the query does not select them (ProfileParts). */
  dimensions?: DimensionScore[] | string;
  signals: RiskSignal[] | string;
  sources?: SourceStatus[] | string;
  dirty: boolean;
}

const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

function fromComputed(uscc: string, p: StoredProfile): ProfileValue {
  return { uscc, ...p };
}

/** The JSON columns a query reads besides the signals, which every served profile needs (its derived use is logged). */
export interface ProfileParts {
  readonly dimensions: boolean;
  readonly sources: boolean;
}

const ALL_PARTS: ProfileParts = { dimensions: true, sources: true };

/** A column the loader was told not to read: reaching it is a bug, never an empty list. */
function notRead(part: string): never {
  throw new Error(`risk profile ${part} were not selected by this query, so they were not read`);
}

/** The JSON columns arrive as text and are parsed on first use: most queries need one of them at most. */
function fromRow(row: StoredRow): ProfileValue {
  let dimensions: DimensionScore[] | undefined;
  let signals: RiskSignal[] | undefined;
  let sources: SourceStatus[] | undefined;
  return {
    uscc: row.uscc,
    score: Number(row.score),
    grade: row.grade,
    cappedBy: row.capped_by,
    modelVersion: row.model_version,
    computedAt: new Date(row.computed_at),
    get dimensions() {
      return (dimensions ??= row.dimensions === undefined ? notRead('dimensions') : json(row.dimensions));
    },
    get signals() {
      return (signals ??= json(row.signals));
    },
    get sources() {
      return (sources ??= row.sources === undefined ? notRead('sources') : json(row.sources));
    },
  };
}

/**
 * Risk profiles by USCC (null for an unknown enterprise). Stored profiles are
 * served as they are; missing, dirty (a source record changed) or outdated
 * (older model) ones are recomputed for the whole batch first, so a page or
 * portfolio of N enterprises costs the same statements as one. Only the JSON
 * columns the query selects are read: turning jsonb into text is most of the
 * statement's cost (1,000 profiles: 16 ms with dimensions and sources, 9 without).
 */
export function riskProfileLoader(
  em: SqlEntityManager,
  modules: readonly HubModule[],
  parts: ProfileParts = ALL_PARTS,
): DataLoader<string, ProfileValue | null> {
  const declared = riskDeclarations(modules);
  const optional = sql`${parts.dimensions ? sql`, p.dimensions::text as dimensions` : sql``}${parts.sources ? sql`, p.sources::text as sources` : sql``}`;
  return new DataLoader<string, ProfileValue | null>(
    async (usccs) => {
      // One index probe per key (see sqlTextArray), in the order asked.
      const statement = sql`select e.uscc, p.uscc as stored, p.score, p.grade, p.capped_by, p.model_version, p.computed_at,
                p.signals::text as signals${optional}, p.dirty
           from unnest(${sqlTextArray(usccs)}) as k(hub_key) join registry_enterprise e on e.uscc = k.hub_key
           left join risk_profile p on p.uscc = e.uscc`;
      const rows = await readRows<StoredRow & Record<string, unknown>>(em, statement);
      const byUscc = new Map<string, ProfileValue>();
      const stale: string[] = [];
      for (const row of rows) {
        if (!row.stored || row.dirty || row.model_version !== MODEL_VERSION) stale.push(row.uscc);
        else byUscc.set(row.uscc, fromRow(row));
      }
      if (stale.length > 0) {
        const computed = await recomputeProfiles(em, declared, stale);
        for (const [uscc, profile] of computed) byUscc.set(uscc, fromComputed(uscc, profile));
      }
      return usccs.map((u) => byUscc.get(u) ?? null);
    },
    { maxBatchSize: 1000 },
  );
}

const byParts = new Map<
  string,
  (em: SqlEntityManager, modules: readonly HubModule[]) => DataLoader<string, ProfileValue | null>
>();

/**
 * The request's loader of profiles with these parts (one per combination, so
 * ctx.loaders keeps one instance of each and batches within it).
 */
export function riskProfileLoaderOf(
  parts: ProfileParts,
): (em: SqlEntityManager, modules: readonly HubModule[]) => DataLoader<string, ProfileValue | null> {
  const key = `${parts.dimensions}/${parts.sources}`;
  let factory = byParts.get(key);
  if (!factory) {
    factory = (em, modules) => riskProfileLoader(em, modules, parts);
    byParts.set(key, factory);
  }
  return factory;
}
