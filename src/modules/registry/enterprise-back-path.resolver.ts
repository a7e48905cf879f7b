import { Ctx, FieldResolver, Resolver, Root, type ClassType } from 'type-graphql';
import type { HubContext } from '../../server/index.js';
import { Enterprise } from './enterprise.type.js';
import { enterpriseByUsccLoader } from './registry.loaders.js';

/**
 * The `enterprise` field of a department record: the way back from the record to
 * the Enterprise it is about, through the request's batched loader. Every module's
 * record types get it from here, so the back path is built (and governed) alike.
 * Its result is an ordinary Enterprise, so each of its fields is checked again.
 */
export function enterpriseBackPath(recordType: ClassType, description: string): ClassType {
  @Resolver(() => recordType)
  class EnterpriseBackPathResolver {
    @FieldResolver(() => Enterprise, { nullable: true, description })
    enterprise(@Root() record: { uscc: string }, @Ctx() ctx: HubContext): Promise<unknown> {
      return ctx.loaders.get(enterpriseByUsccLoader).load(record.uscc);
    }
  }
  Object.defineProperty(EnterpriseBackPathResolver, 'name', {
    value: `${recordType.name}EnterpriseResolver`,
  });
  return EnterpriseBackPathResolver;
}
