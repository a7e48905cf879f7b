import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Mutation, Query, Resolver } from 'type-graphql';
import { AdminOnlyError } from '../../auth/api-keys/index.js';
import { PrincipalKind } from '../../auth/principal.js';
import { actorOf, type HubContext } from '../context.js';
import { TrustedDocumentEntity } from './trusted-document.entity.js';
import { registerDocuments } from './trusted-document.service.js';
import { RegisterTrustedDocumentsInput, TrustedDocument, toTrustedDocument } from './trusted-document.type.js';

function requireAdmin(ctx: HubContext, operation: string): string {
  if (ctx.principal.kind !== PrincipalKind.ADMIN) throw new AdminOnlyError(operation);
  return ctx.principal.id;
}

@Resolver(() => TrustedDocument)
export class TrustedDocumentResolver {
  @Query(() => [TrustedDocument], { description: 'Registered trusted documents, newest first (ADMIN only).' })
  async trustedDocuments(
    @Arg('organisation', () => String, { nullable: true, description: 'Only this organisation’s.' })
    organisation: string | undefined,
    @Ctx() ctx: HubContext,
  ): Promise<TrustedDocument[]> {
    requireAdmin(ctx, 'trustedDocuments');
    const rows = await ctx.em.find(
      TrustedDocumentEntity,
      organisation ? { organisation } : {},
      { orderBy: { registeredAt: 'desc', hash: 'asc' }, limit: 1000 },
    );
    return rows.map(toTrustedDocument);
  }

  // Nullable like every mutation: in a document of several, a failed one is null beside its error.
  @Mutation(() => [TrustedDocument], {
    nullable: true,
    description:
      'Registers a client’s operations as trusted documents (ADMIN only), tied to its organisation and optionally one API key. Registering a document again for the same organisation returns it unchanged.',
  })
  async registerTrustedDocuments(
    @Arg('input', () => RegisterTrustedDocumentsInput) input: RegisterTrustedDocumentsInput,
    @Ctx() ctx: HubContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TrustedDocument[]> {
    const admin = requireAdmin(ctx, 'registerTrustedDocuments');
    return registerDocuments(ctx.em, info.schema, input, admin, actorOf(ctx));
  }
}
