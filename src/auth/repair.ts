import type { Department } from '../common/department.js';
import type { HubContext } from '../server/context.js';
import { ForbiddenError } from './forbidden.js';

/**
 * 信用修复: once a record is repaired (or a dishonest debtor is removed early for
 * performing), it stops being shared with departments and third parties. Only
 * its owner and auditors may still ask for it; anyone else asking gets a
 * FORBIDDEN error that says so, rather than a silently shorter list.
 */
export function requireRepairedAccess(
  ctx: HubContext,
  owner: Department,
  argument = 'includeRepaired',
): void {
  if (!ctx.access.mayReadRepaired(owner)) {
    throw new ForbiddenError(
      `${argument}: repaired records are shared only with their owner (${owner}) and auditors`,
      { reason: 'CREDIT_REPAIRED', argument },
    );
  }
}
