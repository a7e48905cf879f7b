import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { WebhookDeliveryStatus } from './webhook.entity.js';
import { Purpose } from '../../auth/index.js';
import { PageInfo } from '../../server/index.js';
import { PortfolioItemOutcome, RiskEventKind } from './monitoring.enums.js';

@ObjectType('Portfolio', {
  description:
    'A watch list of the caller’s organisation: the enterprises it holds and the purpose it watches them under.',
})
export class PortfolioType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Purpose, {
    description: 'Every event is authorised for this purpose of use, at delivery time.',
  })
  purpose!: Purpose;

  @Field(() => Float, { description: 'SCORE_MOVED events under this many points are not delivered.' })
  scoreThreshold!: number;

  @Field(() => Int)
  memberCount!: number;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}

@InputType('CreatePortfolioInput')
export class CreatePortfolioInput {
  @Field(() => String, { description: 'Unique within the organisation, at most 200 characters.' })
  name!: string;

  @Field(() => Purpose)
  purpose!: Purpose;

  @Field(() => Float, { nullable: true, description: 'Default 5 score points; 1 to 100.' })
  scoreThreshold?: number;
}

@ObjectType('PortfolioItemReport', { description: 'A code of a batch that was not taken as asked, and why.' })
export class PortfolioItemReportType {
  @Field(() => Int, { description: 'Position in the `usccs` argument, from 0.' })
  index!: number;

  @Field(() => String)
  input!: string;

  @Field(() => PortfolioItemOutcome)
  outcome!: PortfolioItemOutcome;

  @Field(() => String, {
    nullable: true,
    description:
      'For INVALID_USCC the failed check: LENGTH, CHARACTER, ORG_CODE_CHECK_DIGIT, CHECK_CHARACTER.',
  })
  reason!: string | null;

  @Field(() => String, { nullable: true })
  message!: string | null;
}

@ObjectType('PortfolioChange', { description: 'What a batch added to or removed from a portfolio did.' })
export class PortfolioChangeType {
  @Field(() => PortfolioType)
  portfolio!: PortfolioType;

  @Field(() => Int, { description: 'Codes added (or removed).' })
  accepted!: number;

  @Field(() => Int, { description: 'Codes reported in `items` instead.' })
  unchanged!: number;

  @Field(() => [PortfolioItemReportType])
  items!: PortfolioItemReportType[];
}

@ObjectType('RiskEvent', {
  description:
    'A change of a watched enterprise’s risk. Delivered only if the watcher may read, now and for the ' +
    'portfolio’s purpose, what it reveals.',
})
export class RiskEventType {
  @Field(() => ID, { description: 'The event’s id, unique and stable: the idempotency key of a delivery.' })
  id!: string;

  @Field(() => String, { description: 'Pass as `after` to continue after this event.' })
  cursor!: string;

  @Field(() => String)
  uscc!: string;

  @Field(() => RiskEventKind)
  kind!: RiskEventKind;

  @Field(() => Date, { description: 'When the change was committed.' })
  occurredAt!: Date;

  @Field(() => String, { nullable: true, description: 'Signal events: the signal code.' })
  signalCode!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Signal events: GraphQL type of the record behind it.',
  })
  recordType!: string | null;

  @Field(() => String, { nullable: true, description: 'Signal events: the department that reported it.' })
  department!: string | null;

  @Field(() => String, { nullable: true, description: 'Signal events: what happened, in words.' })
  detail!: string | null;

  @Field(() => String, { nullable: true, description: 'Grade, score or status before the change.' })
  from!: string | null;

  @Field(() => String, { nullable: true, description: 'Grade, score or status after the change.' })
  to!: string | null;
}

@ObjectType('RiskEventEdge')
export class RiskEventEdge {
  @Field(() => RiskEventType)
  node!: RiskEventType;

  @Field(() => String)
  cursor!: string;
}

/** No totalCount: how many events were withheld from a watcher is itself not theirs to know. */
@ObjectType('RiskEventConnection')
export class RiskEventConnection {
  @Field(() => [RiskEventEdge])
  edges!: RiskEventEdge[];

  @Field(() => PageInfo, {
    description: '`endCursor` is past every event looked at, so a reader always moves forward.',
  })
  pageInfo!: PageInfo;
}

export const MONITORING_PLATFORM_TYPES: string[] = ['Portfolio', 'PortfolioItemReport', 'PortfolioChange'];

@ObjectType('WebhookEndpoint')
export class WebhookEndpointType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  portfolio!: string;

  @Field(() => String)
  url!: string;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType('WebhookRegistration')
export class WebhookRegistrationType {
  @Field(() => WebhookEndpointType)
  endpoint!: WebhookEndpointType;

  @Field(() => String, {
    description:
      'HMAC-SHA256 key of this endpoint’s signatures. Shown only in this answer: store it now; it cannot be read again.',
  })
  secret!: string;
}

@ObjectType('WebhookDelivery')
export class WebhookDeliveryType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The event’s id, sent as the Idempotency-Key header.' })
  eventId!: string;

  @Field(() => WebhookDeliveryStatus)
  status!: WebhookDeliveryStatus;

  @Field(() => Int)
  attempts!: number;

  @Field(() => Date, { nullable: true })
  nextAttemptAt!: Date | null;

  @Field(() => String, { nullable: true })
  lastError!: string | null;

  @Field(() => Date, { nullable: true })
  deliveredAt!: Date | null;
}

registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  valuesConfig: {
    PENDING: { description: 'Queued or waiting for its next try.' },
    DELIVERED: { description: 'The receiver answered 2xx.' },
    DEAD: { description: 'Failed WEBHOOK_MAX_ATTEMPTS times; re-deliverable with redeliverWebhook.' },
  },
});

MONITORING_PLATFORM_TYPES.push('WebhookEndpoint', 'WebhookRegistration', 'WebhookDelivery');
