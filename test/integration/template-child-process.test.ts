import { describe, expect, it } from '@jest/globals';
import { getMetadataStorage } from 'type-graphql';
import { MODULES } from '../../src/modules/index.js';

/*
 * test/global-setup.mjs builds the run's migrated template with the built code (dist/). When it
 * did so inside the jest process, that process held the built classes beside the sources the
 * tests load, and type-graphql's metadata declared every type twice (PageInfo, Provenance, …,
 * with different field lists). It now migrates in a child process (test/build-template.mjs).
 */
describe('the test template is built outside the jest process', () => {
  it('each GraphQL object type is declared once in the test process', () => {
    expect(MODULES.length).toBeGreaterThan(0); // the modules' classes are loaded
    const names = getMetadataStorage().objectTypes.map((o) => o.name);
    expect(names).toContain('Enterprise');
    const declaredTwice = [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
    expect(declaredTwice).toEqual([]);
  });
});
