import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CallEventKind } from '../../calls';
import { Contact } from './contact.type';
import { PageInfo } from './message-connection.type';
import { MessageError } from './message-error.type';

registerEnumType(CallEventKind, {
  name: 'CallEventKind',
  description: 'What a call event reports (the `calls` webhook field).',
  valuesConfig: {
    CONNECT: {
      description:
        '`connect`: the call is being set up: a customer calls the business, or the customer’s phone answers a business-initiated call.',
    },
    STATUS: {
      description:
        'A status of a business-initiated call: it rings at the customer (`RINGING`), or the customer took (`ACCEPTED`) or refused (`REJECTED`) it.',
    },
    TERMINATE: {
      description: '`terminate`: the call ended, `COMPLETED` or `FAILED`, with its times and errors.',
    },
    UNKNOWN: { description: 'An event this gateway does not know yet; `rawEvent` has Meta’s word.' },
  },
});

/** Where a call is, by Meta's word; `UNKNOWN` keeps Meta's word in `rawStatus`. */
export enum CallStatus {
  RINGING = 'RINGING',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
  UNKNOWN = 'UNKNOWN',
}

registerEnumType(CallStatus, {
  name: 'CallStatus',
  description: 'Where a call is, as Meta reported it.',
  valuesConfig: {
    RINGING: { description: 'A business-initiated call rings on the customer’s phone.' },
    ACCEPTED: { description: 'The customer took a business-initiated call.' },
    REJECTED: { description: 'The customer refused a business-initiated call.' },
    COMPLETED: { description: 'The call ended after it was connected.' },
    FAILED: { description: 'The call ended without connecting, or broke; see `errors`.' },
    UNKNOWN: { description: 'A status this gateway does not know yet; `rawStatus` has Meta’s word.' },
  },
});

/** Who started a call; `UNKNOWN` keeps Meta's word in `rawDirection`. */
export enum CallDirection {
  BUSINESS_INITIATED = 'BUSINESS_INITIATED',
  USER_INITIATED = 'USER_INITIATED',
  UNKNOWN = 'UNKNOWN',
}

registerEnumType(CallDirection, {
  name: 'CallDirection',
  description: 'Who started a call.',
  valuesConfig: {
    BUSINESS_INITIATED: { description: 'The business called the customer.' },
    USER_INITIATED: { description: 'The customer called the business.' },
    UNKNOWN: { description: 'A direction this gateway does not know yet; `rawDirection` has Meta’s word.' },
  },
});

@ObjectType({
  description:
    'One event of a WhatsApp call between the business and a customer (the `calls` webhook field): a call connecting, ringing, taken or refused, or ended.',
})
export class CallEvent {
  @Field(() => ID, {
    description:
      'This event’s id in the gateway (Meta’s call id, what happened and when); Meta’s redeliveries of the event share it.',
  })
  id!: string;

  @Field(() => ID, { description: "Meta's call id (`wacid.…`), shared by every event of one call." })
  callId!: string;

  @Field({
    description:
      'Its place in the call event stream: pass as `since` to `callEventReceived` to resume after it.',
  })
  cursor!: string;

  @Field(() => ID, { description: 'The business phone number id of the call.' })
  phoneNumberId!: string;

  @Field(() => Contact, { description: 'The customer on the other end of the call.' })
  contact!: Contact;

  @Field(() => CallEventKind, { description: 'What this event reports.' })
  kind!: CallEventKind;

  @Field(() => String, {
    nullable: true,
    description: "Meta's `event` word (`connect`, `terminate`); null for a call status.",
  })
  rawEvent!: string | null;

  @Field(() => CallStatus, {
    nullable: true,
    description: 'The call’s status, when the event carries one (statuses and terminations).',
  })
  status!: CallStatus | null;

  @Field(() => String, { nullable: true, description: "Meta's status word as sent." })
  rawStatus!: string | null;

  @Field(() => CallDirection, {
    nullable: true,
    description:
      'Who started the call. Call statuses come only for business-initiated calls, so they are `BUSINESS_INITIATED`; null when Meta did not say.',
  })
  direction!: CallDirection | null;

  @Field(() => String, {
    nullable: true,
    description: "Meta's `direction` as sent; null when it sent none.",
  })
  rawDirection!: string | null;

  @Field(() => Date, { description: 'When it happened (Meta’s time).' })
  timestamp!: Date;

  @Field(() => Date, { description: 'When the gateway received it.' })
  receivedAt!: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'When the call was picked up, for an ended call that was.',
  })
  startedAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the call ended, for an ended call that was picked up.',
  })
  endedAt!: Date | null;

  @Field(() => Int, { nullable: true, description: 'How long the call lasted, in seconds.' })
  durationSeconds!: number | null;

  @Field(() => [MessageError], {
    description: 'What went wrong with the call, as Meta reported it (for example 12455).',
  })
  errors!: MessageError[];

  @Field(() => String, {
    nullable: true,
    description: 'The tracker the business gave the call when it started it (`biz_opaque_callback_data`).',
  })
  bizOpaqueCallbackData!: string | null;

  @Field(() => GraphQLJSONObject, {
    description: 'The call (or status) item as Meta sent it, the session description included.',
  })
  raw!: Record<string, unknown>;
}

@ObjectType({ description: 'A call event in a page of results.' })
export class CallEventEdge {
  @Field({ description: 'Pass as `after` to continue after this event.' })
  cursor!: string;

  @Field(() => CallEvent, { description: 'The event.' })
  node!: CallEvent;
}

@ObjectType({ description: 'A page of call events, newest first.' })
export class CallEventConnection {
  @Field(() => [CallEventEdge], { description: 'The events of this page with their cursors.' })
  edges!: CallEventEdge[];

  @Field(() => [CallEvent], { description: 'The events of this page.' })
  nodes!: CallEvent[];

  @Field(() => PageInfo, { description: 'Pagination state.' })
  pageInfo!: PageInfo;
}
