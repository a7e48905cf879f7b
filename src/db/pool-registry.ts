import type { Pool } from 'pg';

/** The pg pool of each ORM, found from the ORM or any of its EntityManager forks (they share its configuration). */
const pools = new WeakMap<object, () => Pool | undefined>();

/** Called by createOrm: `pool` returns the pool once it exists (it is created on first use). */
export function registerPool(config: object, pool: () => Pool | undefined): void {
  pools.set(config, pool);
}

/** The pg pool behind `em` (PostgreSQL), or undefined (PGlite, or an ORM not opened by createOrm). */
export function poolOf(em: { readonly config: object }): Pool | undefined {
  return pools.get(em.config)?.();
}
