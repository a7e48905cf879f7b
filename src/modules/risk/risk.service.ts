import type { SqlEntityManager } from '@mikro-orm/sql';
import {
  SignalCategory,
  type EnterpriseSignals,
  type ProfileFacets,
  type RiskSignal,
  type SignalSource,
  type SourceFreshness,
} from '../../common/risk-signal.js';
import { joinSql, sql, sqlList } from '../../db/index.js';
import { computeProfile, type ComputedProfile } from './risk-model.js';
import { MODEL_VERSION } from './risk-model.v1.js';
import type { RiskDeclarations } from './risk.declarations.js';

export const RECOMPUTE_BATCH = 1000;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export const todayUtc = (): string => new Date().toISOString().slice(0, 10);

/** Signals of a batch of enterprises: a fixed number of statements per source. */
export async function loadSignals(
  em: SqlEntityManager,
  usccs: readonly string[],
  today: string,
  sources: readonly SignalSource[],
): Promise<Map<string, EnterpriseSignals>> {
  const merged = new Map<
    string,
    { signals: RiskSignal[]; freshness: SourceFreshness[]; facets: Mutable<ProfileFacets> }
  >(usccs.map((u) => [u, { signals: [], freshness: [], facets: {} }]));
  const results = await Promise.all(sources.map((s) => s.load(em, usccs, today)));
  for (const result of results) {
    for (const [uscc, part] of result) {
      const into = merged.get(uscc);
      if (!into) continue;
      into.signals.push(...part.signals);
      into.freshness.push(...part.freshness);
      const facets: ProfileFacets = part.facets ?? {};
      for (const [facet, value] of Object.entries(facets)) {
        if (value === undefined) continue;
        // Each facet has one owning module; two claiming it is a wiring mistake, not data.
        if (facet in into.facets) throw new Error(`profile facet ${facet} is supplied by two signal sources`);
        into.facets[facet] = value;
      }
    }
  }
  return merged;
}

/** A computed profile with the time it was stored, as later reads will report it. */
export type StoredProfile = ComputedProfile & { readonly computedAt: Date };

const count = (p: ComputedProfile, c: SignalCategory) =>
  p.signals.filter((s) => s.active && s.category === c).length;

/** The declared facets' values of one enterprise, as stored in risk_profile.facets (nulls left out). */
function facetJson(declared: RiskDeclarations, facets: ProfileFacets | undefined): string {
  const out: Record<string, string> = {};
  for (const { key } of declared.facets) {
    const value = facets?.[key];
    if (value !== undefined && value !== null) out[key] = value;
  }
  return JSON.stringify(out);
}

/** Computes and upserts the profiles of the given enterprises (one upsert statement). */
export async function recomputeProfiles(
  em: SqlEntityManager,
  declared: RiskDeclarations,
  requested: readonly string[],
  today = todayUtc(),
): Promise<Map<string, StoredProfile>> {
  const out = new Map<string, StoredProfile>();
  if (requested.length === 0) return out;
  // Rows are upserted in key order: two recomputes of overlapping batches (a
  // statistics refresh and a profile read in one request) then lock rows in the
  // same order and one waits, instead of deadlocking on PostgreSQL.
  const usccs = [...new Set(requested)].sort();
  const signals = await loadSignals(em, usccs, today, declared.sources);
  const now = new Date();
  const rows = usccs.map((uscc) => {
    const input = signals.get(uscc)!;
    const profile = computeProfile(input.signals, input.freshness, today, declared);
    out.set(uscc, { ...profile, computedAt: now });
    const values: unknown[] = [
      uscc,
      profile.score,
      profile.grade,
      JSON.stringify(profile.dimensions),
      JSON.stringify(profile.signals),
      `{${profile.signals
        .filter((s) => s.active)
        .map((s) => s.code)
        .join(',')}}`,
      count(profile, SignalCategory.JUDICIAL),
      count(profile, SignalCategory.OPERATING),
      count(profile, SignalCategory.SECTOR_COMPLIANCE),
      count(profile, SignalCategory.POSITIVE),
      facetJson(declared, input.facets),
      input.facets?.regionCode ?? null,
      input.facets?.industrySection ?? null,
      JSON.stringify(profile.sources),
      profile.cappedBy,
      MODEL_VERSION,
      now,
    ];
    return sql`(${sqlList(values)}, false)`;
  });
  const statement = sql`insert into risk_profile (uscc, score, grade, dimensions, signals, signal_codes, judicial_count,
       operating_count, sector_compliance_count, positive_count, facets, region_code, industry_section, sources,
       capped_by, model_version, computed_at, dirty)
     values ${joinSql(rows, ', ')}
     on conflict (uscc) do update set score = excluded.score, grade = excluded.grade, dimensions = excluded.dimensions,
       signals = excluded.signals, signal_codes = excluded.signal_codes, judicial_count = excluded.judicial_count,
       operating_count = excluded.operating_count, sector_compliance_count = excluded.sector_compliance_count,
       positive_count = excluded.positive_count, facets = excluded.facets,
       region_code = excluded.region_code, industry_section = excluded.industry_section,
       sources = excluded.sources, capped_by = excluded.capped_by, model_version = excluded.model_version,
       computed_at = excluded.computed_at, dirty = false`;
  await em.execute(statement.sql, [...statement.params]);
  return out;
}

/** Recomputes every enterprise's profile (or only dirty/missing/outdated ones), in batches. */
export async function recomputeAll(
  em: SqlEntityManager,
  declared: RiskDeclarations,
  options: { onlyNeeded?: boolean; onProgress?: (done: number) => void } = {},
): Promise<number> {
  let after = '';
  let done = 0;
  for (;;) {
    const rows = await em.execute<{ uscc: string }[]>(
      // New enterprises get a dirty placeholder from the trigger, so "needed" is an
      // index probe on dirty profiles; a model change is `npm run risk:recompute`.
      options.onlyNeeded
        ? 'select uscc from risk_profile where dirty and uscc > ? order by uscc limit ?'
        : 'select uscc from registry_enterprise where uscc > ? order by uscc limit ?',
      [after, RECOMPUTE_BATCH],
    );
    if (rows.length === 0) {
      // A full recompute rewrites every row: refresh the visibility map and
      // statistics so grouping queries keep their index-only scans.
      if (!options.onlyNeeded && done > 0) await em.execute('vacuum analyze risk_profile');
      return done;
    }
    await recomputeProfiles(
      em,
      declared,
      rows.map((r) => r.uscc),
    );
    done += rows.length;
    after = rows.at(-1)!.uscc;
    options.onProgress?.(done);
  }
}
