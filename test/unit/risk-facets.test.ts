import { describe, expect, it } from '@jest/globals';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { Department } from '../../src/common/department.js';
import type { EnterpriseSignals, ProfileFacets, SignalSource } from '../../src/common/risk-signal.js';
import { loadSignals } from '../../src/modules/risk/risk.service.js';

const USCC = '91350100M000100Y43';
const em = {} as SqlEntityManager;

/** A signal source that reads nothing and states the given facets. */
const source = (module: string, facets?: ProfileFacets): SignalSource => ({
  module,
  tables: [],
  codes: {},
  load: async (_em, usccs) =>
    new Map(
      usccs.map((u): [string, EnterpriseSignals] => [
        u,
        {
          signals: [],
          freshness: [{ department: Department.TAX, asOf: null }],
          ...(facets ? { facets } : {}),
        },
      ]),
    ),
});

describe('profile facets from signal sources', () => {
  it('merges each module’s own facets, keeping a null, ignoring an absent one', async () => {
    const merged = await loadSignals(em, [USCC], '2026-11-22', [
      source('registry', { regionCode: '350100', industrySection: 'C' }),
      source('credit', { taxGrade: null, transportGrade: undefined }),
      source('transport-credit', { transportGrade: 'AA' }),
      source('sci-tech'),
    ]);
    expect(merged.get(USCC)!.facets).toEqual({
      regionCode: '350100',
      industrySection: 'C',
      taxGrade: null,
      transportGrade: 'AA',
    });
    expect(merged.get(USCC)!.freshness).toHaveLength(4);
  });

  it('refuses two sources stating the same facet instead of letting the later one win', async () => {
    const sources = [source('credit', { taxGrade: 'A' }), source('other', { taxGrade: 'D' })];
    await expect(loadSignals(em, [USCC], '2026-11-22', sources)).rejects.toThrow(
      'profile facet taxGrade is supplied by two signal sources',
    );
  });
});
