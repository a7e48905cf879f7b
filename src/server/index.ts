/**
 * The GraphQL server machinery as department modules see it: the module contract
 * (hub-module.ts), the request context, pagination, child connections and the
 * subscription context. Modules import server only through this file
 * (eslint.config.js enforces it).
 */
export { childConnection } from './child-connection.js';
export { actorOf, type HubContext } from './context.js';
export type { BackgroundDeps, HubModule } from './hub-module.js';
export {
  PageArgs,
  PageInfo,
  connectionType,
  decodeOffsetCursor,
  offsetConnection,
  pageSize,
  type Connection,
} from './pagination.js';
export { selectedFieldNames } from './selection.js';
export { isSubscriptionContext, type SubscriptionContext } from './subscriptions.js';
