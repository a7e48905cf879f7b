import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../server/context.js';
import { decide } from './access-control.js';
import { hubCatalog, hubCatalogResources } from './hub-catalog.js';
import { MeType, ResourceAccessType } from './access.type.js';
import { Purpose } from './purpose.js';

@Resolver()
export class AccessResolver {
  @Query(() => MeType, { description: 'Who the hub thinks you are.' })
  me(@Ctx() ctx: HubContext): MeType {
    const p = ctx.principal;
    return {
      id: p.id,
      organisation: p.organisation,
      kind: p.kind,
      department: p.department ?? null,
      scopes: [...p.scopes],
      via: p.via,
      purpose: ctx.purpose ?? null,
    };
  }

  @Query(() => [ResourceAccessType], {
    description:
      'What may I read? The data catalog with, for you and a purpose (default: the X-Purpose header), ' +
      'whether each resource is readable and under which agreement.',
  })
  async myAccess(
    @Arg('purpose', () => Purpose, { nullable: true }) purpose: Purpose | undefined,
    @Ctx() ctx: HubContext,
  ): Promise<ResourceAccessType[]> {
    const grants = await ctx.access.activeGrants();
    const asked = purpose ?? ctx.purpose;
    const catalog = hubCatalog(ctx.modules);
    return hubCatalogResources(ctx.modules).map((resource) => {
      const fields = Object.entries(resource.fields).flatMap(([typeName, specs]) =>
        specs.map((spec) => ({
          typeName,
          fieldName: typeof spec === 'string' ? spec : spec.field,
          personal: typeof spec === 'string' ? false : (spec.personal ?? false),
        })),
      );
      const decisions = fields.map((f) =>
        decide(catalog.get(`${f.typeName}.${f.fieldName}`), ctx.principal, asked, grants),
      );
      const denied = decisions.find((d) => !d.allow);
      const granted = decisions.find((d) => d.allow && d.agreementId);
      return {
        code: resource.code,
        name: resource.name,
        description: resource.description,
        owner: resource.owner,
        sharing: resource.sharing,
        legalBasis: resource.legalBasis,
        updateCycle: resource.updateCycle,
        fields,
        readable: !denied,
        masked: decisions.some((d) => d.allow && d.mask),
        deniedReason: denied ? denied.reason : null,
        agreementId: granted && granted.allow ? (granted.agreementId ?? null) : null,
        grantedPurposes: [
          ...new Set(grants.filter((g) => g.resource === resource.code).flatMap((g) => g.purposes)),
        ],
      };
    });
  }
}
