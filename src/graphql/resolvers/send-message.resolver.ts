import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Scope } from '../../config';
import { type Diagnosis, Locale } from '../../diagnosis';
import { type GraphApiClient } from '../../upstream';
import { assertScope } from '../auth-checker';
import { type GatewayContext } from '../context';
import { badInput } from '../gateway-error';
import { SendMessageInput } from '../inputs/send-message.input';
import { toMessage } from '../mappers';
import { type DiagnosisService } from '../services/diagnosis-service';
import { type SendMessageHandler } from '../services/send-message-handler';
import { type SendRejection } from '../services/send-rejection';
import { toGatewayError } from '../services/message-sender';
import { Diagnosis as DiagnosisType } from '../types/diagnosis.type';
import { SendMessagePayload } from '../types/send-message-payload.type';
import { UpstreamError } from '../types/upstream-error.type';

const WAMID = /^wamid\.[A-Za-z0-9+/=_-]{4,512}$/;

@Resolver(() => SendMessagePayload)
export class SendMessageResolver {
  constructor(
    private readonly sender: SendMessageHandler,
    private readonly upstream: GraphApiClient,
    private readonly defaultPhoneNumberId: string,
  ) {}

  @Authorized(Scope.SEND)
  @Mutation(() => SendMessagePayload, {
    description:
      "Sends a message through the Cloud API. Meta's refusal is the payload's `error` (with a diagnosis), not a GraphQL error.",
  })
  async sendMessage(
    @Arg('input', () => SendMessageInput, { description: 'The message.' }) input: SendMessageInput,
  ): Promise<SendMessagePayload> {
    const outcome = await this.sender.send(input);
    return outcome.kind === 'sent'
      ? { message: toMessage(outcome.message), error: null }
      : { message: null, error: outcome.rejection };
  }

  @Authorized(Scope.SEND)
  @Mutation(() => Boolean, {
    description: 'Marks a message the customer sent as read (blue ticks on their side).',
  })
  async markMessageRead(
    @Arg('messageId', () => ID, { description: 'The wamid of the inbound message.' }) messageId: string,
    @Arg('phoneNumberId', () => ID, { nullable: true, description: 'The business number it was sent to.' })
    phoneNumberId: string | null,
  ): Promise<boolean> {
    if (!WAMID.test(messageId)) throw badInput('messageId', 'messageId must be a message id (wamid.…).');
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
