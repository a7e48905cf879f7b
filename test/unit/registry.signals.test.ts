import { describe, expect, it } from '@jest/globals';
import { Department } from '../../src/common/department.js';
import { SignalCategory, SignalSeverity } from '../../src/common/risk-signal.js';
import { EnterpriseStatus } from '../../src/modules/registry/enterprise.enums.js';
import { registrySignals } from '../../src/modules/registry/registry.signals.js';

const TODAY = '2026-11-01';
const USCC = '91350100M000100Y43';
const enterprise = (status: EnterpriseStatus) => ({
  uscc: USCC,
  status,
  asOf: new Date('2026-06-30T00:00:00Z'),
});

describe('registrySignals', () => {
  it.each([
    [EnterpriseStatus.REVOKED, 'ENTERPRISE_REVOKED', SignalSeverity.CRITICAL],
    [EnterpriseStatus.LIQUIDATING, 'ENTERPRISE_LIQUIDATING', SignalSeverity.HIGH],
    [EnterpriseStatus.CANCELLED, 'ENTERPRISE_CANCELLED', SignalSeverity.CRITICAL],
  ])('status %s gives %s (%s), pointing at the Enterprise by USCC', (status, code, severity) => {
    expect(registrySignals({ enterprise: enterprise(status) }, TODAY)).toEqual([
      {
        code,
        category: SignalCategory.OPERATING,
        severity,
        department: Department.MARKET_REGULATION,
        recordType: 'Enterprise',
        recordId: USCC,
        occurredOn: '2026-06-30',
        active: true,
        detail: `registration status ${status} as of 2026-06-30`,
      },
    ]);
  });

  it.each([EnterpriseStatus.OPERATING, EnterpriseStatus.SUSPENDED, EnterpriseStatus.MOVED_OUT])(
    'status %s gives no signal',
    (status) => {
      expect(registrySignals({ enterprise: enterprise(status) }, TODAY)).toEqual([]);
    },
  );

  it('an enterprise the registry does not know gives no signal', () => {
    expect(registrySignals({ enterprise: null }, TODAY)).toEqual([]);
  });
});
