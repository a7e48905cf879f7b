import type { Department } from '../../common/department.js';
import type { RiskSignal, SourceFreshness } from '../../common/risk-signal.js';
import type { RiskDeclarations } from './risk.declarations.js';
import {
  DIMENSIONS,
  DIMENSION_MODEL,
  GRADE_BANDS,
  MODEL_VERSION,
  SEVERITY_FACTOR,
  type Dimension,
  type RiskGradeLetter,
} from './risk-model.v1.js';

export interface Contribution {
  readonly signalIndex: number;
  readonly code: string;
  readonly points: number;
}

export interface DimensionScore {
  readonly dimension: Dimension;
  readonly score: number;
  readonly weight: number;
  readonly base: number;
  readonly contributions: Contribution[];
}

export interface SourceStatus {
  readonly department: Department;
  readonly asOf: string | null;
  readonly staleAfterDays: number | null;
  readonly stale: boolean;
}

export interface ComputedProfile {
  readonly score: number;
  readonly grade: RiskGradeLetter;
  readonly modelVersion: string;
  readonly dimensions: DimensionScore[];
  /** Every signal, active or not, in a stable order; contributions point into it. */
  readonly signals: RiskSignal[];
  readonly cappedBy: string | null;
  readonly sources: SourceStatus[];
}

const clamp = (n: number) => Math.max(0, Math.min(100, n));
const round1 = (n: number) => Math.round(n * 10) / 10;

export function gradeFor(score: number): RiskGradeLetter {
  for (const band of GRADE_BANDS) if (score >= band.min) return band.grade;
  return 'E';
}

const DAY = 86_400_000;

/** What the model reads from the modules' declarations. */
export type ModelDeclarations = Pick<RiskDeclarations, 'codes' | 'staleAfterDays'>;

export function sourceStatus(
  freshness: readonly SourceFreshness[],
  today: string,
  staleAfterDays: ModelDeclarations['staleAfterDays'],
): SourceStatus[] {
  const now = Date.parse(`${today}T00:00:00Z`);
  // Several modules may report one department (registry and credit both read
  // market regulation's data): its freshness is that of its newest record.
  const latest = new Map<Department, Date | null>();
  for (const f of freshness) {
    const seen = latest.get(f.department);
    if (seen === undefined || (f.asOf && (!seen || f.asOf > seen))) latest.set(f.department, f.asOf);
  }
  return [...latest]
    .map(([department, asOf]) => ({ department, asOf }))
    .sort((a, b) => a.department.localeCompare(b.department))
    .map((f) => {
      const limit = staleAfterDays.get(f.department) ?? null;
      const stale = limit !== null && f.asOf !== null && (now - f.asOf.getTime()) / DAY > limit;
      return {
        department: f.department,
        asOf: f.asOf ? f.asOf.toISOString() : null,
        staleAfterDays: limit,
        stale,
      };
    });
}

/** The model, as a pure function: same signals, freshness and day give the same profile. */
export function computeProfile(
  signalsIn: readonly RiskSignal[],
  freshness: readonly SourceFreshness[],
  today: string,
  declared: ModelDeclarations,
): ComputedProfile {
  const signals = [...signalsIn].sort(
    (a, b) =>
      a.code.localeCompare(b.code) ||
      b.occurredOn.localeCompare(a.occurredOn) ||
      a.recordId.localeCompare(b.recordId),
  );
  const contributions = new Map<Dimension, Contribution[]>(DIMENSIONS.map((d) => [d, []]));
  let cap = 100;
  let cappedBy: string | null = null;
  signals.forEach((signal, signalIndex) => {
    if (!signal.active) return;
    const declaration = declared.codes.get(signal.code);
    if (!declaration) return;
    for (const [dimension, points] of Object.entries(declaration.points) as [Dimension, number][]) {
      contributions
        .get(dimension)!
        .push({ signalIndex, code: signal.code, points: round1(points * SEVERITY_FACTOR[signal.severity]) });
    }
    const signalCap = declaration.cap;
    if (signalCap !== undefined && signalCap < cap) {
      cap = signalCap;
      cappedBy = signal.code;
    }
  });
  const dimensions = DIMENSIONS.map((dimension): DimensionScore => {
    const { base, weight } = DIMENSION_MODEL[dimension];
    const list = contributions.get(dimension)!;
    return {
      dimension,
      base,
      weight,
      contributions: list,
      score: round1(clamp(base + list.reduce((s, c) => s + c.points, 0))),
    };
  });
  const weighted = round1(dimensions.reduce((s, d) => s + d.score * d.weight, 0));
  const score = Math.min(weighted, cap);
  return {
    score,
    grade: gradeFor(score),
    modelVersion: MODEL_VERSION,
    dimensions,
    signals,
    cappedBy: score < weighted ? cappedBy : null,
    sources: sourceStatus(freshness, today, declared.staleAfterDays),
  };
}
