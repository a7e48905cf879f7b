import { agreementsComponent } from '../auth/agreements/index.js';
import { apiKeysComponent } from '../auth/api-keys/index.js';
import { auditComponent } from '../audit/index.js';
import { accessComponent } from '../auth/access.component.js';
import type { Hub, HubModule, PlatformComponent } from './hub-module.js';
import { trustedDocumentsComponent } from './trusted-documents/index.js';
import { idempotencyComponent } from './idempotency/index.js';
import { limitsComponent } from './limits/index.js';
import { ingestComponent } from './ingest/index.js';

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

/** The hub of these department modules beside the platform (its composition root calls this once). */
export function assembleHub(modules: readonly HubModule[]): Hub {
  return {
    modules,
    platform: PLATFORM,
    entities: [...modules.flatMap((m) => m.entities), ...PLATFORM.flatMap((c) => c.entities)],
  };
}

/** Object types read under the rule of the operation that led to them: the platform's and the modules' own. */
export const platformTypeNames = (hub: Hub): ReadonlySet<string> =>
  new Set([...hub.platform.flatMap((c) => c.types), ...hub.modules.flatMap((m) => m.platformTypes ?? [])]);
