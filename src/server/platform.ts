import { agreementsComponent } from '../auth/agreements/index.js';
import { apiKeysComponent } from '../auth/api-keys/index.js';
import { auditComponent } from '../audit/index.js';
import { accessComponent } from '../auth/access.component.js';
import type { HubModule, PlatformComponent } from './hub-module.js';
import { trustedDocumentsComponent } from './trusted-documents/index.js';
import { idempotencyComponent } from './idempotency/index.js';
import { limitsComponent } from './limits/index.js';
import { ingestComponent } from './ingest/index.js';
import { MODULES } from '../modules/index.js';

/** The hub's own machinery, beside the department modules. */
export const PLATFORM: readonly PlatformComponent[] = [
  apiKeysComponent,
  agreementsComponent,
  auditComponent,
  accessComponent,
  trustedDocumentsComponent,
  idempotencyComponent,
  limitsComponent,
  ingestComponent,
];

/** Object types read under the rule of the operation that led to them: the platform's and the modules' own. */
export const platformTypeNames = (modules: readonly HubModule[] = MODULES): ReadonlySet<string> =>
  new Set([...PLATFORM.flatMap((c) => c.types), ...modules.flatMap((m) => m.platformTypes ?? [])]);
