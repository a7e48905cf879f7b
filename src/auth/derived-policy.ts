import type { Department } from '../common/department.js';
import type { HubContext } from '../server/context.js';
import type { CatalogFieldEntry } from './catalog.js';

/**
 * Derived values (a signal's text and date, a dimension's contributions, a
 * source's freshness) repeat values of the records they come from. They carry
 * those values only when the caller may read the record behind them, decided as
 * a read of the record's `provenance` (every record type has one, in its resource); otherwise a value-free stand-in.
 */
export interface DerivedView {
  /** Whether the caller may read records of this GraphQL type. */
  mayRead(recordType: string): boolean;
  /** Whether the caller may read every record type this department owns (its freshness is theirs). */
  mayReadDepartment(department: Department): boolean;
}

/** Record types (types with a catalogued `provenance`) per owning department. */
function recordTypesByOwner(catalog: ReadonlyMap<string, CatalogFieldEntry>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const entry of catalog.values())
    if (entry.fieldName === 'provenance')
      out.set(entry.owner, [...(out.get(entry.owner) ?? []), entry.typeName]);
  return out;
}

let byOwner: Map<string, string[]> | undefined;

/**
 * The caller's view of derived values, after the grants are loaded. Every
 * signal a served profile is computed from is logged under its record's
 * resource (readable or not), so an owner's "who used my data" shows derived use.
 */
export async function derivedView(ctx: HubContext): Promise<DerivedView> {
  await ctx.access.activeGrants();
  byOwner ??= recordTypesByOwner(ctx.access.catalogIndex);
  const mayRead = (recordType: string): boolean =>
    ctx.access.decideNow(recordType, 'provenance')?.allow === true;
  return {
    mayRead,
    mayReadDepartment: (department) => (byOwner!.get(department) ?? []).every(mayRead),
  };
}

/** Logs that a profile served to the caller was computed from a record of `recordType`. */
export function recordDerivedUse(ctx: HubContext, recordType: string, code: string, uscc: string): void {
  const decision = ctx.access.decideNow(recordType, 'provenance');
  if (!decision?.entry) return;
  ctx.audit.recordDerived(
    `RiskProfile.signals:${code}`,
    decision.entry,
    decision.allow ? (decision.agreementId ?? null) : null,
    uscc,
  );
}

/** A value-free description of a signal whose record the caller may not read. */
export const redactedDetail = (code: string, department: Department): string =>
  `${code.toLowerCase().replace(/_/g, ' ')} reported by ${department}; the record behind it is not shared with you`;
