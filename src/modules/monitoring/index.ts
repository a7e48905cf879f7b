import type { HubModule } from '../../server/hub-module.js';
import { monitoringArguments, monitoringCatalog } from './monitoring.catalog.js';
import { MonitoringResolver } from './monitoring.resolver.js';
import { RiskEventSubscriptionResolver } from './monitoring.subscription.js';
import { WebhookResolver } from './webhook.resolver.js';
import { setWebhookUrlPolicy } from './webhook.policy.js';
import { startWebhookWorker } from './webhook.worker.js';
import { MONITORING_PLATFORM_TYPES } from './monitoring.type.js';
import { PortfolioEntity, PortfolioMemberEntity } from './portfolio.entity.js';
import { WebhookDeliveryEntity, WebhookEndpointEntity } from './webhook.entity.js';
import { RiskEventEntity } from './risk-event.entity.js';

export { RiskEventKind } from './monitoring.enums.js';

/**
 * Portfolio monitoring: watch lists of consumer organisations and the risk events
 * of the enterprises they hold. The events are written by database triggers on
 * the stored profiles and the registry (Migration20261203090000Monitoring), so
 * this module reads no other module's tables.
 */
export const monitoringModule: HubModule = {
  name: 'monitoring',
  entities: [
    PortfolioEntity,
    PortfolioMemberEntity,
    RiskEventEntity,
    WebhookEndpointEntity,
    WebhookDeliveryEntity,
  ],
  resolvers: [MonitoringResolver, RiskEventSubscriptionResolver, WebhookResolver],
  catalog: monitoringCatalog,
  arguments: monitoringArguments,
  platformTypes: MONITORING_PLATFORM_TYPES,
  background: (deps) => {
    setWebhookUrlPolicy(deps.config.webhookAllowLoopbackHttp);
    return deps.config.webhookWorker ? startWebhookWorker(deps) : { stop: async () => {} };
  },
};
