import { Arg, Args, ArgsType, Ctx, Field, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../server/context.js';
import {
  PageArgs,
  connectionType,
  decodeOffsetCursor,
  offsetConnection,
  pageSize,
  type Connection,
} from '../../server/pagination.js';
import { SharingAgreementStatus } from './agreement.enums.js';
import { apply, approve, list, reject, revoke } from './agreement.service.js';
import { ApplyForSharingInput, SharingAgreement, toSharingAgreement } from './agreement.type.js';

export const SharingAgreementConnection = connectionType(SharingAgreement, 'SharingAgreement');

@ArgsType()
class SharingAgreementArgs extends PageArgs {
  @Field(() => SharingAgreementStatus, {
    nullable: true,
    description: 'EXPIRED selects approved agreements past validTo.',
  })
  status?: SharingAgreementStatus;

  @Field(() => String, { nullable: true, description: 'Catalog resource code.' })
  resource?: string;
}

/** Each operation checks who may call it in the service; nothing here reads department data. */
// Mutation results are nullable so that in a document of several mutations a failed
// one is null beside its error and the others' results are still returned.
@Resolver(() => SharingAgreement)
export class SharingAgreementResolver {
  @Query(() => SharingAgreementConnection, {
    description:
      'Agreements the caller may see: its organisation’s applications, for a department also those for its ' +
      'resources, and for ADMIN and AUDITOR all. Newest first.',
  })
  async sharingAgreements(
    @Args(() => SharingAgreementArgs) args: SharingAgreementArgs,
    @Ctx() ctx: HubContext,
  ): Promise<Connection<SharingAgreement>> {
    const limit = pageSize(args.first, ctx.limits);
    const offset = decodeOffsetCursor(args.after);
    const result = await list(
      ctx.em,
      ctx.principal,
      { status: args.status ?? null, resource: args.resource ?? null },
      { limit, offset },
    );
    const now = new Date();
    return offsetConnection(
      result.items.map((a) => toSharingAgreement(ctx.modules, a, now)),
      offset,
      result.totalCount,
    );
  }

  @Mutation(() => SharingAgreement, {
    nullable: true,
    description:
      'Applies, for the caller’s organisation, to read a conditionally shared resource (有条件共享).',
  })
  async applyForSharing(
    @Arg('input', () => ApplyForSharingInput) input: ApplyForSharingInput,
    @Ctx() ctx: HubContext,
  ): Promise<SharingAgreement> {
    return toSharingAgreement(ctx.modules, await apply(ctx.em, ctx.principal, input, ctx.requestId));
  }

  @Mutation(() => SharingAgreement, {
    nullable: true,
    description: 'The owning department approves a pending application for the window [validFrom, validTo).',
  })
  async approveSharingAgreement(
    @Arg('id', () => ID) id: string,
    @Arg('validFrom', () => Date) validFrom: Date,
    @Arg('validTo', () => Date) validTo: Date,
    @Ctx() ctx: HubContext,
  ): Promise<SharingAgreement> {
    return toSharingAgreement(
      ctx.modules,
      await approve(ctx.em, ctx.principal, id, { validFrom, validTo }, ctx.requestId),
    );
  }

  @Mutation(() => SharingAgreement, {
    nullable: true,
    description: 'The owning department refuses a pending application; a reason is required.',
  })
  async rejectSharingAgreement(
    @Arg('id', () => ID) id: string,
    // Nullable so that a missing reason is answered with the rule it breaks, as BAD_USER_INPUT.
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: HubContext,
  ): Promise<SharingAgreement> {
    return toSharingAgreement(
      ctx.modules,
      await reject(ctx.em, ctx.principal, id, { reason }, ctx.requestId),
    );
  }

  @Mutation(() => SharingAgreement, {
    nullable: true,
    description:
      'The owning department or the hub operator withdraws an approved agreement; reads stop from the next request.',
  })
  async revokeSharingAgreement(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: HubContext,
  ): Promise<SharingAgreement> {
    return toSharingAgreement(
      ctx.modules,
      await revoke(ctx.em, ctx.principal, id, { reason }, ctx.requestId),
    );
  }
}
