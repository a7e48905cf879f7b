import type { PlatformComponent } from '../hub-module.js';
import { IdempotencyKeyEntity } from './idempotency.entity.js';

export { IdempotencyKeyEntity } from './idempotency.entity.js';
export { IDEMPOTENCY_HEADER, REPLAYED_HEADER, idempotencyPlugin } from './idempotency.plugin.js';

export const idempotencyComponent: PlatformComponent = {
  name: 'idempotency',
  entities: [IdempotencyKeyEntity],
  resolvers: [],
  types: [],
};
