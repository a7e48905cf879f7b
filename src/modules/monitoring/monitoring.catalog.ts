import { type CatalogArgument, type CatalogResource, SharingClass, UpdateCycle } from '../../auth/index.js';
import { Department } from '../../common/department.js';

const BASIS = '《社会信用体系建设规划纲要（2014—2020年）》; 《政务数据共享条例》(2025)';

/**
 * A risk event's fields are the envelope of a value decided per event: whether
 * an event reaches a watcher at all is decided at delivery time as a read of
 * what it reveals (the profile's signals and the record behind a signal, the
 * grade, the score, the status: see event-policy.ts), under the portfolio's
 * purpose. The envelope itself adds nothing to what was decided, so it is
 * catalogued unconditional, like the portfolio status of `portfolioRisk`.
 */
export const monitoringCatalog: readonly CatalogResource[] = [
  {
    code: 'monitoring.riskEvents',
    name: 'Risk change events (风险变动提醒)',
    description:
      'Signal raised / cleared, grade changed, score moved, status changed, for watched enterprises; each event ' +
      'is delivered only if the watcher may read what it reveals.',
    owner: Department.MARKET_REGULATION,
    sharing: SharingClass.UNCONDITIONAL,
    legalBasis: BASIS,
    updateCycle: UpdateCycle.REAL_TIME,
    fields: {
      RiskEvent: [
        'id',
        'cursor',
        'uscc',
        'kind',
        'occurredAt',
        'signalCode',
        'recordType',
        'department',
        'detail',
        'from',
        'to',
      ],
    },
  },
];

export const monitoringArguments: readonly CatalogArgument[] = [
  {
    coordinate: 'Query.riskEvents(portfolio:)',
    rule: { open: 'one of the caller’s own portfolios; its members are the caller’s own list' },
  },
  { coordinate: 'Query.riskEvents(after:)', rule: { open: 'pagination' } },
  { coordinate: 'Query.riskEvents(first:)', rule: { open: 'pagination' } },
  {
    coordinate: 'Subscription.riskEventAdded(portfolio:)',
    rule: { open: 'one of the caller’s own portfolios; its members are the caller’s own list' },
  },
  { coordinate: 'Subscription.riskEventAdded(after:)', rule: { open: 'pagination' } },
];
