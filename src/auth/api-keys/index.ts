import type { PlatformComponent } from '../../server/hub-module.js';
import { ApiKeyEntity } from './api-key.entity.js';
import { ApiKeyResolver } from './api-key.resolver.js';

export { ApiKeyEntity } from './api-key.entity.js';
export { AdminOnlyError, ApiKeyConflictError } from './api-key.errors.js';
export {
  createApiKey,
  listApiKeys,
  revokeApiKey,
  type ApiKeyFilter,
  type CreateApiKeyFields,
} from './api-key.service.js';
export { apiKeyVerifier } from './api-key.verifier.js';

export const apiKeysComponent: PlatformComponent = {
  name: 'api-keys',
  entities: [ApiKeyEntity],
  resolvers: [ApiKeyResolver],
  types: ['ApiKey', 'CreatedApiKey'],
};
