import { describe, expect, it } from '@jest/globals';
import { AccessRecorder } from '../../src/audit/access-recorder.js';
import { SharingClass, UpdateCycle, type CatalogFieldEntry } from '../../src/auth/catalog.js';
import { Department } from '../../src/common/department.js';

const entry = (resource: string): CatalogFieldEntry => ({
  typeName: 'RiskProfile',
  fieldName: 'signals',
  resource,
  owner: Department.TAX,
  sharing: SharingClass.CONDITIONAL,
  legalBasis: 'test',
  personal: false,
  updateCycle: UpdateCycle.DAILY,
});

describe('the summary an access-log record is written from', () => {
  it('orders resources and fields by code units, whatever the locale would say', () => {
    const recorder = new AccessRecorder();
    // localeCompare puts "credit.taxArrears" before "credit.TaxX" and "b" before "B...";
    // code units put every upper-case letter first.
    for (const resource of ['credit.taxArrears', 'credit.TaxX', 'credit.Tax'])
      recorder.recordDerived(`RiskProfile.signals:b`, entry(resource), null, '91350100M000100Y43');
    recorder.recordDerived('RiskProfile.signals:B_CODE', entry('credit.Tax'), null, '91350100M000100Y43');
    recorder.recordDerived('RiskProfile.signals:a', entry('credit.Tax'), null, '91350100M000100Y43');
    const summary = recorder.summary();
    expect(summary.resources.map((r) => r.resource)).toEqual([
      'credit.Tax',
      'credit.TaxX',
      'credit.taxArrears',
    ]);
    expect(Object.keys(summary.resources[0]!.fields)).toEqual([
      'RiskProfile.signals:B_CODE',
      'RiskProfile.signals:a',
      'RiskProfile.signals:b',
    ]);
    expect(summary.usccs).toEqual(['91350100M000100Y43']);
  });
});
