import { MODULES } from './modules/index.js';
import type { Hub } from './server/hub-module.js';
import { assembleHub } from './server/platform.js';

/**
 * The composition root: the one place the department modules (`src/modules/index.ts`)
 * and the machinery meet. Entry points (src/main.ts, the CLIs, seeds/, tests, bench/)
 * import this and hand it to the machinery (createOrm, buildApp, buildHubSchema);
 * machinery itself never imports a module or this file.
 */
export const HUB: Hub = assembleHub(MODULES);
