import type { ApolloServerPlugin } from '@apollo/server';
import type { HubContext } from '../server/context.js';

/**
 * Loads the caller's active agreements once, after the operation validated and
 * before it executes. Every field decision is then synchronous: without this the
 * first wave of fields (a page of 200 enterprises' columns) would all wait for
 * the same grant query and each become a promise.
 */
export const preloadGrantsPlugin: ApolloServerPlugin<HubContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue }) {
        await contextValue.access.activeGrants();
      },
    };
  },
};
