import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { MODULE_SEEDERS } from '../../../seeds/seeders.js';
import { DEFAULT_SEED, generateChunk } from '../../../seeds/seed-database.js';
import { HUB } from '../../../src/hub.js';

describe('the seeds-side list of module seeders', () => {
  const names = HUB.modules.map((m) => m.name);

  it('names only modules of the hub (a typo would silently seed nothing)', () => {
    for (const module of MODULE_SEEDERS.keys()) expect(names).toContain(module);
  });

  it('has a seeder for every module that holds department records (ingest contracts)', () => {
    const withRecords = HUB.modules.filter((m) => (m.ingest ?? []).length > 0).map((m) => m.name);
    expect(withRecords.length).toBeGreaterThan(0);
    expect(withRecords.filter((m) => !MODULE_SEEDERS.has(m))).toEqual([]);
  });

  it("fills each seeded module's own tables and no other module's", () => {
    const sink = generateChunk(HUB.modules, DEFAULT_SEED, 0, 50);
    for (const module of HUB.modules) {
      const seeded = module.entities.filter((e) => (sink.rows.get(e)?.length ?? 0) > 0);
      if (MODULE_SEEDERS.has(module.name)) expect(seeded.length).toBeGreaterThan(0);
      else expect(seeded).toEqual([]);
    }
    const known = new Set(HUB.modules.flatMap((m) => m.entities));
    expect([...sink.rows.keys()].filter((e) => !known.has(e))).toEqual([]);
  });
});
