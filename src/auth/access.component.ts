import type { PlatformComponent } from '../server/hub-module.js';
import { AccessResolver } from './access.resolver.js';
import { ACCESS_TYPES } from './access.type.js';

/** `me` and `myAccess`: the only introspection of rights a consumer needs. */
export const accessComponent: PlatformComponent = {
  name: 'access',
  entities: [],
  resolvers: [AccessResolver],
  types: ACCESS_TYPES,
};
