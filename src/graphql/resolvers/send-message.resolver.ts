import { type GraphQLFieldResolver } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Scope } from '../../config';
import { type Diagnosis, Locale } from '../../diagnosis';
import {
  detectorOf,
  isWamid,
  parseSendCommand,
  type SendHandler,
  type SendMessageFields,
  type SendRejection,
  type ServiceWindowCheck,
} from '../../sending';
import { UnknownTemplatePolicy } from '../../templates';
import { type GraphApiClient } from '../../upstream';
import { assertScope } from '../auth-checker';
import { type GatewayContext } from '../context';
import { toGatewayError } from '../domain-errors';
import { badInput } from '../gateway-error';
import { SendMessageInput } from '../inputs/send-message.input';
import { toMessage } from '../mappers/message-mappers';
import { type DiagnosisService } from '../services/diagnosis-service';
import { type TemplateSendChecks } from '../services/template-send-check';
import { Diagnosis as DiagnosisType } from '../types/diagnosis.type';
import { SendMessagePayload } from '../types/send-message-payload.type';
import { ErrorDetector, UpstreamError } from '../types/upstream-error.type';

/**
 * A thin resolver over the sending domain: it parses the input once into a `SendCommand`, hands it to
 * the send pipeline, and turns the outcome into the payload and the domain's errors into GraphQL ones.
 */
@Resolver(() => SendMessagePayload)
export class SendMessageResolver {
  constructor(
    private readonly sender: SendHandler,
    private readonly upstream: GraphApiClient,
    private readonly defaultPhoneNumberId: string,
    private readonly serviceWindow: ServiceWindowCheck,
    private readonly templateChecks: TemplateSendChecks,
  ) {}

  @Authorized(Scope.SEND)
  @Mutation(() => SendMessagePayload, {
    description:
      "Sends a message through the Cloud API. Meta's refusal is the payload's `error` (with a diagnosis), not a GraphQL error.",
  })
  async sendMessage(
    @Arg('input', () => SendMessageInput, { description: 'The message.' }) input: SendMessageFields,
    @Ctx() context: GatewayContext,
  ): Promise<SendMessagePayload> {
    try {
      // The auth checker ran first: there is a caller.
      const callerId = context.caller?.keyId ?? 'open';
      const command = parseSendCommand(input, this.defaultPhoneNumberId, callerId);
      // A template is checked against the local catalogue first: what Meta would refuse is answered
      // here, before the idempotency key is claimed, so that the corrected send may reuse the key. A
      // template the gateway does not know yet is sent as before (the catalogue may lag behind Meta).
      const templateCheck =
        command.kind === 'template' && input.template
          ? this.templateChecks.run(command, input.template, UnknownTemplatePolicy.SEND)
          : null;
      const templateWarnings = templateCheck === null ? [] : this.templateChecks.warningsOf(templateCheck);
      const refusal = templateCheck === null ? null : this.templateChecks.refusalOf(templateCheck);
      if (refusal !== null) return { message: null, error: refusal, warnings: templateWarnings };
      const outcome = await this.sender.send(command);
      // The store reads the customer's window with the send; it is looked up only when it could not.
      const warning = await this.serviceWindow.warningFor(command, outcome);
      const warnings = warning === null ? templateWarnings : [...templateWarnings, warning];
      if (outcome.kind === 'sent') return { message: toMessage(outcome.message), error: null, warnings };
      const error =
        templateCheck === null
          ? outcome.rejection
          : this.templateChecks.withMetaEvidence(outcome.rejection, templateCheck);
      return { message: null, error, warnings };
    } catch (error) {
      throw toGatewayError(error);
    }
  }

  /**
   * `sendMessage` as a plain graphql-js resolver, installed over type-graphql's own one (see
   * `installPlainResolvers`): the same scope check and method, without type-graphql converting the
   * input into class instances and running its middleware chain on the hottest mutation. graphql-js
   * has already coerced and checked the input against the schema; `parseSendCommand` does the rest.
   */
  readonly plainSendMessage: GraphQLFieldResolver<unknown, GatewayContext, { input: SendMessageFields }> = (
    _root,
    args,
    context,
  ) => {
    assertScope(context, Scope.SEND);
    return this.sendMessage(args.input, context);
  };

  @Authorized(Scope.SEND)
  @Mutation(() => Boolean, {
    description: 'Marks a message the customer sent as read (blue ticks on their side).',
  })
  async markMessageRead(
    @Arg('messageId', () => ID, { description: 'The wamid of the inbound message.' }) messageId: string,
    @Arg('phoneNumberId', () => ID, { nullable: true, description: 'The business number it was sent to.' })
    phoneNumberId: string | null,
  ): Promise<boolean> {
    if (!isWamid(messageId)) throw badInput('messageId', 'messageId must be a message id (wamid.…).');
    const sender = phoneNumberId ?? this.defaultPhoneNumberId;
    if (!/^\d{1,32}$/.test(sender)) throw badInput('phoneNumberId', 'phoneNumberId must be digits.');
    try {
      return await this.upstream.markRead(sender, messageId);
    } catch (error) {
      throw toGatewayError(error);
    }
  }
}

@Resolver(() => UpstreamError)
export class UpstreamErrorResolver {
  constructor(private readonly diagnoses: DiagnosisService) {}

  @FieldResolver(() => ErrorDetector, {
    description:
      '`GATEWAY` when the gateway refused the send before calling Meta (no upstream call was made); `META` when Meta answered it.',
  })
  detectedBy(@Root() rejection: SendRejection): ErrorDetector {
    return detectorOf(rejection) === 'GATEWAY' ? ErrorDetector.GATEWAY : ErrorDetector.META;
  }

  @FieldResolver(() => DiagnosisType, { description: 'What the error means and what to do about it.' })
  diagnosis(
    @Root() rejection: SendRejection,
    @Arg('locale', () => Locale, { defaultValue: Locale.EN, description: 'The language of the texts.' })
    locale: Locale,
    @Arg('withTokenCheck', () => Boolean, {
      defaultValue: false,
      description:
        "For an authentication or permission error: also inspect the gateway's own access token (as `debugToken` does) to name exactly which permission is missing or when it expired. Needs the admin scope.",
    })
    withTokenCheck: boolean,
    @Ctx() context: GatewayContext,
  ): Promise<Diagnosis> {
    // The token's description is what `debugToken` shows, and that needs the admin scope.
    if (withTokenCheck) assertScope(context, Scope.ADMIN);
    return this.diagnoses.forRejection(rejection, locale, context.loaders, { withTokenCheck });
  }
}
