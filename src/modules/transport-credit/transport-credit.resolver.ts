import { sql } from '../../db/index.js';
import { requireRepairedAccess } from '../../auth/index.js';
import type { SqlCondition } from '../../db/index.js';
import type { HubContext } from '../../server/index.js';
import { childConnection, type Connection, connectionType, PageArgs } from '../../server/index.js';
import { Department } from '../../common/department.js';
import { Args, ArgsType, Ctx, Field, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { BadInputError } from '../../common/errors.js';
import { DateScalar } from '../../common/scalars.js';
import { Enterprise, enterpriseBackPath } from '../registry/index.js';
import { TransportLicenceStatus } from './transport-credit.enums.js';
import {
  transportCreditRatingsLoader,
  transportEnforcementsLoader,
  transportLicencesLoader,
  vehiclesLoader,
} from './transport-credit.loaders.js';
import { TransportCreditRatingEntity } from './transport-credit-rating.entity.js';
import { TransportCreditRating } from './transport-credit-rating.type.js';
import { TransportEnforcementEntity } from './transport-enforcement.entity.js';
import { TransportEnforcement } from './transport-enforcement.type.js';
import { TransportLicenceEntity } from './transport-licence.entity.js';
import { TransportLicence } from './transport-licence.type.js';
import { VehicleEntity } from './vehicle.entity.js';
import { TransportVehicle } from './vehicle.type.js';

export const TransportLicenceConnection = connectionType(TransportLicence, 'TransportLicence');
export const TransportVehicleConnection = connectionType(TransportVehicle, 'TransportVehicle');
export const TransportCreditRatingConnection = connectionType(TransportCreditRating, 'TransportCreditRating');
export const TransportEnforcementConnection = connectionType(TransportEnforcement, 'TransportEnforcement');

/** Rating years outside this range cannot be meant; rejecting them beats an empty list. */
const MIN_RATING_YEAR = 1990;
const MAX_RATING_YEAR = 2100;

@ArgsType()
class TransportLicenceArgs extends PageArgs {
  @Field(() => TransportLicenceStatus, { nullable: true, description: 'Only licences in this status.' })
  status?: TransportLicenceStatus;
}

@ArgsType()
class VehicleArgs extends PageArgs {
  @Field(() => Boolean, {
    nullable: true,
    description: 'Only key vehicles (两客一危) when true (default false).',
  })
  keyVehiclesOnly?: boolean;
}

@ArgsType()
class TransportCreditRatingArgs extends PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Only evaluation years from this one on (${MIN_RATING_YEAR}–${MAX_RATING_YEAR}).`,
  })
  sinceYear?: number;
}

@ArgsType()
class TransportEnforcementArgs extends PageArgs {
  @Field(() => DateScalar, { nullable: true, description: 'Only decisions on or after this date.' })
  since?: string;

  @Field(() => Boolean, { nullable: true, description: 'Include repaired records (default false).' })
  includeRepaired?: boolean;
}

function checkSinceYear(sinceYear: number | undefined | null): void {
  if (sinceYear === undefined || sinceYear === null) return;
  if (sinceYear < MIN_RATING_YEAR || sinceYear > MAX_RATING_YEAR) {
    throw new BadInputError(
      `sinceYear must be a year between ${MIN_RATING_YEAR} and ${MAX_RATING_YEAR}, got ${sinceYear}`,
      { argument: 'sinceYear', min: MIN_RATING_YEAR, max: MAX_RATING_YEAR },
    );
  }
}

/** The transport module's fields on Enterprise. */
@Resolver(() => Enterprise)
export class TransportEnterpriseResolver {
  @FieldResolver(() => TransportLicenceConnection, {
    nullable: true,
    description: 'Road transport operating licences, latest first.',
  })
  async transportLicences(
    @Root() enterprise: { uscc: string },
    @Args(() => TransportLicenceArgs) args: TransportLicenceArgs,
    @Ctx() ctx: HubContext,
  ): Promise<Connection<TransportLicenceEntity>> {
    const conditions: SqlCondition[] = [];
    if (args.status) conditions.push(sql`t.status = ${args.status}`);
    return childConnection(ctx, transportLicencesLoader, enterprise.uscc, args, conditions);
  }

  @FieldResolver(() => TransportVehicleConnection, {
    nullable: true,
    description: 'Commercial vehicles, most recently registered first.',
  })
  async vehicles(
    @Root() enterprise: { uscc: string },
    @Args(() => VehicleArgs) args: VehicleArgs,
    @Ctx() ctx: HubContext,
  ): Promise<Connection<VehicleEntity>> {
    const conditions: SqlCondition[] = [];
    if (args.keyVehiclesOnly) conditions.push(sql`t.key_vehicle = true`);
    return childConnection(ctx, vehiclesLoader, enterprise.uscc, args, conditions);
  }

  @FieldResolver(() => TransportCreditRatingConnection, {
    nullable: true,
    description: 'Yearly transport credit evaluations, latest year first.',
  })
  async transportCreditRatings(
    @Root() enterprise: { uscc: string },
    @Args(() => TransportCreditRatingArgs) args: TransportCreditRatingArgs,
    @Ctx() ctx: HubContext,
  ): Promise<Connection<TransportCreditRatingEntity>> {
    checkSinceYear(args.sinceYear);
    const conditions: SqlCondition[] = [];
    if (args.sinceYear != null) conditions.push(sql`t.year >= ${args.sinceYear}`);
    return childConnection(ctx, transportCreditRatingsLoader, enterprise.uscc, args, conditions);
  }

  @FieldResolver(() => TransportEnforcementConnection, {
    nullable: true,
    description: 'Transport enforcement decisions, newest first; repaired ones only on request.',
  })
  async transportEnforcements(
    @Root() enterprise: { uscc: string },
    @Args(() => TransportEnforcementArgs) args: TransportEnforcementArgs,
    @Ctx() ctx: HubContext,
  ): Promise<Connection<TransportEnforcementEntity>> {
    const conditions: SqlCondition[] = [];
    if (args.since) conditions.push(sql`t.decision_date >= ${args.since}`);
    // A repaired record stops being shared, so it is hidden unless the caller asks for it.
    if (args.includeRepaired) requireRepairedAccess(ctx, Department.TRANSPORT);
    else conditions.push(sql`t.repaired_date is null`);
    return childConnection(ctx, transportEnforcementsLoader, enterprise.uscc, args, conditions);
  }
}

export const TransportLicenceResolver = enterpriseBackPath(TransportLicence, 'The licence holder.');

export const TransportVehicleResolver = enterpriseBackPath(TransportVehicle, 'The operator of the vehicle.');

export const TransportCreditRatingResolver = enterpriseBackPath(
  TransportCreditRating,
  'The evaluated enterprise.',
);

export const TransportEnforcementResolver = enterpriseBackPath(
  TransportEnforcement,
  'The enterprise the decision was made against.',
);
