import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { checkEnum, checkOrganisation } from '../../common/input.js';
import { actorOf, type HubContext } from '../../server/context.js';
import { PrincipalKind } from '../principal.js';
import { AdminOnlyError } from './api-key.errors.js';
import { checkMayMint } from './api-key.policy.js';
import { createApiKey, listApiKeys, revokeApiKey } from './api-key.service.js';
import { ApiKey, CreateApiKeyInput, CreatedApiKey, toApiKey } from './api-key.type.js';

function requireAdmin(ctx: HubContext, operation: string): string {
  if (ctx.principal.kind !== PrincipalKind.ADMIN) throw new AdminOnlyError(operation);
  return ctx.principal.id;
}

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Query(() => [ApiKey], { description: 'API keys, newest first (ADMIN only). Secrets are never returned.' })
  async apiKeys(
    @Arg('includeRevoked', () => Boolean, {
      nullable: true,
      description: 'Also list revoked keys (default false).',
    })
    includeRevoked: boolean | undefined,
    @Ctx() ctx: HubContext,
  ): Promise<ApiKey[]> {
    requireAdmin(ctx, 'apiKeys');
    return (await listApiKeys(ctx.em, { includeRevoked })).map(toApiKey);
  }

  // Mutation results are nullable so that in a document of several mutations a failed
  // one is null beside its error and the others' results are still returned.
  @Mutation(() => CreatedApiKey, {
    nullable: true,
    description:
      'Creates an API key; the key is in this response only. A key cannot outrank its issuer: the hub operator ' +
      '(ADMIN) issues ADMIN keys for its own organisation, an organisation’s administrator (scope api-keys:manage) ' +
      'keys of its own kind for its own organisation.',
  })
  async createApiKey(
    @Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput,
    @Ctx() ctx: HubContext,
  ): Promise<CreatedApiKey> {
    // Input first: the issuer rule's message names the organisation, so it must be well-formed.
    checkMayMint(
      ctx.principal,
      checkEnum('kind', input.kind, Object.values(PrincipalKind)),
      checkOrganisation('organisation', input.organisation),
    );
    const { key, record } = await createApiKey(
      ctx.em,
      // The input class's fields as a plain object: its prototype carries nothing.
      // eslint-disable-next-line @typescript-eslint/no-misused-spread
      { ...input, principalId: input.subject },
      ctx.principal.id,
      actorOf(ctx),
    );
    return { key, apiKey: toApiKey(record) };
  }

  @Mutation(() => ApiKey, {
    nullable: true,
    description: 'Revokes an API key (ADMIN only); it is refused from the next request on.',
  })
  async revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext): Promise<ApiKey> {
    const admin = requireAdmin(ctx, 'revokeApiKey');
    return toApiKey(await revokeApiKey(ctx.em, id, admin, actorOf(ctx)));
  }
}
