import 'reflect-metadata';
import { HUB } from './hub.js';
import { runHub } from './server/start.js';

// The production entry (node dist/src/main.js): the hub and nothing else. It carries no
// demo data, so an empty database stays empty; `npm start` runs seeds/demo-hub.ts instead.
runHub(HUB);
