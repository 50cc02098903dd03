import { GraphQLJSON } from 'graphql-scalars';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

/** The customer's answer to a call permission request; `UNKNOWN` keeps Meta's word in `rawResponse`. */
export enum CallPermissionResponse {
  ACCEPT = 'ACCEPT',
  REJECT = 'REJECT',
  UNKNOWN = 'UNKNOWN',
}

registerEnumType(CallPermissionResponse, {
  name: 'CallPermissionResponse',
  description: 'How the customer answered a request to let the business call them.',
  valuesConfig: {
    ACCEPT: { description: 'The customer lets the business call them.' },
    REJECT: { description: 'The customer declined.' },
    UNKNOWN: { description: 'A word this gateway does not know yet; `rawResponse` has Meta’s word.' },
  },
});

@ObjectType({ description: 'A WhatsApp Flow the customer completed (Meta’s `nfm_reply`).' })
export class InboundFlowReply {
  @Field(() => String, { nullable: true, description: 'Meta’s `name` of the reply (`flow` for Flows).' })
  name!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The text the customer’s bubble shows, e.g. `Sent`.',
  })
  body!: string | null;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description:
      'The customer’s answers: Meta’s `response_json` parsed; the text as sent when it is not valid JSON.',
  })
  response!: unknown;

  @Field(() => String, {
    nullable: true,
    description: 'The `flow_token` the business sent the Flow with, when the answers carry it.',
  })
  flowToken!: string | null;
}

@ObjectType({
  description: 'The customer’s answer to a call permission request (Meta’s `call_permission_reply`).',
})
export class InboundCallPermissionReply {
  @Field(() => CallPermissionResponse, { nullable: true, description: 'Accepted or declined.' })
  response!: CallPermissionResponse | null;

  @Field(() => String, { nullable: true, description: 'Meta’s `response` as sent, e.g. `accept`.' })
  rawResponse!: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When a temporary permission ends (Meta’s `expiration_timestamp`); null when none was sent.',
  })
  expiresAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description:
      'What gave the answer (Meta’s `response_source`): `user_action`, or `automatic` when the customer called first.',
  })
  source!: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the permission has no end (Meta’s `is_permanent`); null when not sent.',
  })
  isPermanent!: boolean | null;
}
