/**
 * The authorization machinery as department modules see it: catalog declarations,
 * principals and purposes, and the policy's answers for derived values and repairs.
 * Modules import auth only through this file (eslint.config.js enforces it).
 */
export { denialMessage, type AccessControl, type Decision } from './access-control.js';
export {
  SharingClass,
  UpdateCycle,
  type CatalogArgument,
  type CatalogFieldEntry,
  type CatalogResource,
} from './catalog.js';
export { derivedView, recordDerivedUse, redactedDetail, type DerivedView } from './derived-policy.js';
export { ForbiddenError } from './forbidden.js';
export { PrincipalKind, departmentsOf, isDepartment, type Principal } from './principal.js';
export { DECLARES_PURPOSE } from './purpose-argument.js';
export { Purpose } from './purpose.js';
export { requireRepairedAccess } from './repair.js';
