import 'reflect-metadata';
import { HUB } from '../src/hub.js';
import { runHub } from '../src/server/start.js';
import { seedDemoOnEmpty } from './demo-on-empty.js';

/**
 * `npm start`: the hub of src/main.ts plus the demo data set, which it writes into a
 * database holding no enterprise when SEED_ON_EMPTY is on (the default unless
 * NODE_ENV=production). The dependency points from the demo to the hub: nothing under
 * src/ knows this file or the data it writes.
 */
runHub(HUB, { onEmptyDatabase: seedDemoOnEmpty });
