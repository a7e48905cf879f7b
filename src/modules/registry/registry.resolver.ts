import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { NotFoundError } from '../../common/errors.js';
import { UsccScalar } from '../../common/scalars.js';
import type { HubContext } from '../../server/index.js';
import { type Connection, connectionType, PageArgs, pageSize } from '../../server/index.js';
import { EnterpriseEntity } from './enterprise.entity.js';
import { EnterpriseFilter, EnterpriseOrder } from './enterprise.inputs.js';
import {
  checkEnterpriseCursor,
  enterpriseOrder,
  enterpriseWhere,
  leanEnterprisePage,
  refreshRiskIfUsed,
} from './enterprise.query.js';
import { Enterprise, LegalRepresentative } from './enterprise.type.js';
import { enterpriseByUsccLoader } from './registry.loaders.js';

export const EnterpriseConnection = connectionType(Enterprise, 'Enterprise');

@Resolver(() => Enterprise)
export class RegistryResolver {
  @Query(() => Enterprise, {
    nullable: true,
    description: 'One enterprise by its USCC; an unknown code is a NOT_FOUND error.',
  })
  async enterprise(
    @Arg('uscc', () => UsccScalar) uscc: string,
    @Ctx() ctx: HubContext,
  ): Promise<EnterpriseEntity> {
    ctx.audit.touchUscc(uscc);
    const found = await ctx.loaders.get(enterpriseByUsccLoader).load(uscc);
    if (!found) throw new NotFoundError(`No enterprise with USCC ${uscc} is registered in the hub`, { uscc });
    return found;
  }

  @Query(() => EnterpriseConnection, {
    nullable: true,
    description:
      'Enterprises matching a filter, in pages; null with FORBIDDEN when a filter or ordering tests data you may not read.',
  })
  async enterprises(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => EnterpriseFilter, { nullable: true }) filter: EnterpriseFilter | undefined,
    @Arg('orderBy', () => EnterpriseOrder, { nullable: true }) orderBy: EnterpriseOrder | undefined,
    @Ctx() ctx: HubContext,
  ): Promise<Connection<EnterpriseEntity>> {
    const first = pageSize(page.first, ctx.limits);
    const where = enterpriseWhere(filter);
    const order = enterpriseOrder(orderBy);
    checkEnterpriseCursor(page.after ?? undefined, order);
    await refreshRiskIfUsed(() => ctx.refreshDerived(), filter, orderBy);
    const cursor = await leanEnterprisePage(ctx.em, where, order, first, page.after ?? undefined);
    const loader = ctx.loaders.get(enterpriseByUsccLoader);
    const edges = cursor.items.map((node) => {
      loader.prime(node.uscc, node);
      // Encoded only if the query selects it (most pages ask for pageInfo.endCursor alone).
      return {
        node,
        get cursor() {
          return cursor.from(node);
        },
      };
    });
    return {
      edges,
      pageInfo: {
        hasNextPage: cursor.hasNextPage,
        hasPreviousPage: cursor.hasPrevPage,
        startCursor: cursor.startCursor,
        endCursor: cursor.endCursor,
      },
      get totalCount() {
        return ctx.em.count(EnterpriseEntity, where);
      },
    };
  }

  @FieldResolver(() => LegalRepresentative, { nullable: true })
  legalRepresentative(
    // A structural type, not the entity class: type-graphql would copy each parent into a new entity instance.
    @Root()
    enterprise: Pick<EnterpriseEntity, 'uscc' | 'legalRepresentativeName' | 'legalRepresentativeIdNumber'>,
  ): LegalRepresentative & { uscc: string } {
    // The USCC travels with the object (not exposed in GraphQL) so that the access
    // log can name the enterprise whose representative's ID number was read.
    return {
      uscc: enterprise.uscc,
      name: enterprise.legalRepresentativeName,
      idNumber: enterprise.legalRepresentativeIdNumber,
    };
  }
}
