import type { HubModule } from '../server/hub-module.js';

/**
 * The module list each ORM was created for (createOrm), keyed by its configuration,
 * which every EntityManager forked from it shares: code that holds only an
 * EntityManager (the agreement workflow checking a resource code) reads the
 * catalog of the hub it runs in. A leaf: it imports nothing at run time.
 */
const byConfig = new WeakMap<object, readonly HubModule[]>();

export function bindOrmModules(config: object, modules: readonly HubModule[]): void {
  byConfig.set(config, modules);
}

/** The module list of the ORM this EntityManager belongs to; undefined outside createOrm's ORMs. */
export const modulesOfEm = (em: { readonly config: object }): readonly HubModule[] | undefined =>
  byConfig.get(em.config);
