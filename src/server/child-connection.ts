import type DataLoader from 'dataloader';
import type { SqlEntityManager } from '@mikro-orm/sql';
import {
  andConditions,
  type ChildPage,
  type ChildPageKey,
  type SqlCondition,
} from '../db/child-page.loader.js';
import type { HubContext } from './context.js';
import {
  decodeOffsetCursor,
  offsetConnection,
  pageSize,
  type Connection,
  type PageArgs,
} from './pagination.js';

export type ChildPageLoaderFactory<T> = (
  em: SqlEntityManager,
) => DataLoader<ChildPageKey, ChildPage<T>, string>;

/**
 * One page of an enterprise's records through the request's loader, so sibling
 * enterprises in a list share one statement; `first` and `after` are checked
 * here so every list rejects them alike.
 */
export async function childConnection<T>(
  ctx: HubContext,
  factory: ChildPageLoaderFactory<T>,
  uscc: string,
  page: PageArgs,
  conditions: SqlCondition | readonly SqlCondition[] | undefined,
): Promise<Connection<T>> {
  const first = pageSize(page.first, ctx.limits);
  const offset = decodeOffsetCursor(page.after);
  const condition = Array.isArray(conditions)
    ? andConditions(conditions)
    : (conditions as SqlCondition | undefined);
  const result = await ctx.loaders.get(factory).load({ uscc, first, offset, condition });
  return offsetConnection(result.items, result.offset, result.totalCount);
}
