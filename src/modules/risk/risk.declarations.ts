import type { EntityClass } from '@mikro-orm/core';
import type { Department } from '../../common/department.js';
import type {
  ProfileFacetDeclaration,
  SignalCodeDeclaration,
  SignalSource,
} from '../../common/risk-signal.js';
import type { HubModule } from '../../server/hub-module.js';

/**
 * Everything the risk view needs from the other modules, read from their
 * declarations: the signal sources, the points and caps of every code, each
 * department's staleness, the profile facets, the tables whose changes make a
 * stored profile stale, and the entity behind each record type.
 */
export interface RiskDeclarations {
  readonly sources: readonly SignalSource[];
  readonly codes: ReadonlyMap<string, SignalCodeDeclaration>;
  readonly staleAfterDays: ReadonlyMap<Department, number | null>;
  readonly facets: readonly ProfileFacetDeclaration[];
  /** Distinct, in module order. */
  readonly tables: readonly string[];
  readonly records: ReadonlyMap<string, EntityClass<object>>;
}

/** Two modules claiming one name is a wiring mistake; the hub refuses to assemble. */
export class RiskAssemblyError extends Error {}

function claim<T>(into: Map<string, T>, key: string, value: T, what: string): void {
  if (into.has(key)) throw new RiskAssemblyError(`${what} ${key} is declared by two modules`);
  into.set(key, value);
}

const GROUP_BY = /^[A-Z][A-Z0-9_]*$/;
const FACET_KEY = /^[a-z][A-Za-z0-9]*$/;
/** Groupings of the risk module itself (region and industry are the registry's columns). */
export const CORE_GROUP_BY = ['REGION_PROVINCE', 'REGION_CITY', 'INDUSTRY_SECTION', 'RISK_GRADE'] as const;
const CORE_BUCKET_FIELDS = ['regionProvince', 'regionCity', 'industrySection', 'riskGrade'];

function build(modules: readonly HubModule[]): RiskDeclarations {
  const sources = modules.flatMap((m) => (m.signals ? [m.signals] : []));
  const codes = new Map<string, SignalCodeDeclaration>();
  const facets = new Map<string, ProfileFacetDeclaration>();
  const groupBys = new Set<string>(CORE_GROUP_BY);
  for (const source of sources) {
    for (const [code, declaration] of Object.entries(source.codes))
      claim(codes, code, declaration, 'signal code');
    for (const facet of source.facets ?? []) {
      if (!FACET_KEY.test(facet.key) || CORE_BUCKET_FIELDS.includes(facet.key))
        throw new RiskAssemblyError(`profile facet key ${facet.key} must be a new camelCase name`);
      if (!GROUP_BY.test(facet.groupBy) || groupBys.has(facet.groupBy))
        throw new RiskAssemblyError(`profile facet groupBy ${facet.groupBy} must be a new UPPER_SNAKE name`);
      groupBys.add(facet.groupBy);
      claim(facets, facet.key, facet, 'profile facet');
    }
  }
  const staleAfterDays = new Map<Department, number | null>();
  for (const m of modules)
    for (const d of m.departments ?? []) claim(staleAfterDays, d.code, d.staleAfterDays, 'department');
  const records = new Map<string, EntityClass<object>>();
  for (const m of modules)
    for (const [type, entity] of Object.entries(m.records ?? {})) claim(records, type, entity, 'record type');
  return {
    sources,
    codes,
    staleAfterDays,
    facets: [...facets.values()],
    tables: [...new Set(sources.flatMap((s) => s.tables))],
    records,
  };
}

const cache = new WeakMap<readonly HubModule[], RiskDeclarations>();

/** The risk declarations of a module list, read once per list. */
export function riskDeclarations(modules: readonly HubModule[]): RiskDeclarations {
  let found = cache.get(modules);
  if (!found) cache.set(modules, (found = build(modules)));
  return found;
}
