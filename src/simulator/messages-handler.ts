import { buildGraphError, type GraphErrorSpec } from './graph-error';
import type { HandlerResult } from './http-io';
import { newMessageId } from './message-id';
import { unsupportedRequest } from './phone-number-handler';
import { isKnownPhoneNumberId } from './phone-number-profiles';
import {
  type CustomerNaming,
  type CustomerReply,
  findRecipientScenario,
  isSanctionedRecipient,
  ORDINARY_STEPS,
  SANCTIONED_ERROR,
  SimulatorToken,
  type RecipientBehaviour,
  type StatusStep,
} from './scenarios';
import { validateSendRequest, type ValidatedRequest } from './send-validator';
import type { TemplateAccount } from './template-account';
import { checkTemplateSend } from './template-send-check';
import type { ResolvedSimulatorOptions } from './simulator-options';
import type { SimulatorStatsRecorder } from './simulator-stats';
import { planWebhookBodies } from './status-plan';
import type { WebhookDispatcher } from './webhook-dispatcher';
import type { WireMessageStatus, WireSendResponse } from './wire-types';

/** What the messages handler needs from the running simulator. */
export interface MessagesContext {
  options: ResolvedSimulatorOptions;
  stats: SimulatorStatsRecorder;
  dispatcher: WebhookDispatcher;
  /** Posts what a customer writes (the simulator's control endpoint). */
  injectInbound: (json: unknown) => HandlerResult;
  /** The business account's templates: what template sends are checked against. */
  templates: TemplateAccount;
}

/** A handler result that may be held back (`delayMs`) and has effects once it is written. */
export interface SendOutcome extends HandlerResult {
  delayMs?: number;
  /** Run after the answer is written (never when the caller left before a held answer). */
  onAnswered?: () => void;
}

type SendRequest = Extract<ValidatedRequest, { kind: 'send' }>;

const errorResult = (spec: GraphErrorSpec): SendOutcome => {
  const error = buildGraphError(spec);
  return { status: error.httpStatus, body: error.body };
};

/** `POST /{version}/{phone-number-id}/messages`: validation, scenarios, then acceptance and webhooks. */
export function handleMessages(
  phoneNumberId: string,
  token: string,
  rawBody: Buffer,
  context: MessagesContext,
): SendOutcome {
  if (!isKnownPhoneNumberId(phoneNumberId, context.options)) return unsupportedRequest('post', phoneNumberId);
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody.toString('utf8'));
  } catch {
    context.stats.invalidRequests += 1;
    return errorResult({ code: 100, details: 'The request body is not valid JSON.' });
  }
  const validation = validateSendRequest(parsed);
  if (!validation.ok) {
    context.stats.invalidRequests += 1;
    return errorResult({ code: 100, details: validation.details });
  }
  const request = validation.request;
  if (token === SimulatorToken.MISSING_MESSAGING) {
    if (request.kind === 'send') context.stats.countSend(recipientKey(request));
    return reject(context, {
      code: 10,
      details: 'The token lacks the whatsapp_business_messaging permission.',
    });
  }
  switch (request.kind) {
    case 'mark-read':
      context.stats.markedRead += 1;
      return { status: 200, body: { success: true } };
    case 'send': {
      if (request.type === 'template') {
        const refusal = checkTemplateSend(
          (parsed as { template: Record<string, unknown> }).template,
          context.templates.catalogue,
        );
        if (refusal !== undefined) {
          context.stats.countSend(recipientKey(request));
          return reject(context, refusal);
        }
      }
      return handleSend(request, phoneNumberId, context);
    }
    default:
      return assertNever(request);
  }
}

/** What sends are counted under: the wa_id of a number, or the BSUID as given. */
function recipientKey(request: SendRequest): string {
  return request.recipient.kind === 'phone' ? request.recipient.waId : request.recipient.userId;
}

function handleSend(request: SendRequest, phoneNumberId: string, context: MessagesContext): SendOutcome {
  const sendNumber = context.stats.countSend(recipientKey(request));
  const { recipient } = request;
  // Scenarios are keyed by number; a BSUID recipient behaves ordinarily.
  if (recipient.kind === 'phone' && isSanctionedRecipient(recipient.waId)) {
    return reject(context, SANCTIONED_ERROR);
  }
  const scenario = recipient.kind === 'phone' ? findRecipientScenario(recipient.waId) : undefined;
  const behaviour: RecipientBehaviour = scenario?.behaviour ?? {
    kind: 'deliver',
    steps: ORDINARY_STEPS,
  };
  const isTemplate = request.type === 'template';
  switch (behaviour.kind) {
    case 'deliver':
      return accept(request, phoneNumberId, context, behaviour.steps, {
        messageStatus: behaviour.messageStatus ?? (isTemplate ? 'accepted' : undefined),
        inboundFirst: behaviour.inboundFirst ?? false,
        naming: behaviour.naming ?? 'number',
        ...(behaviour.reply !== undefined && { reply: behaviour.reply }),
        isTemplate,
      });
    case 'reject':
      return reject(context, behaviour.error);
    case 'fail-once':
      if (sendNumber === 1) return reject(context, behaviour.error);
      return accept(request, phoneNumberId, context, behaviour.steps, acceptedAs(isTemplate));
    case 'hang':
      return {
        ...accept(request, phoneNumberId, context, behaviour.steps, acceptedAs(isTemplate)),
        delayMs: context.options.hangMs,
      };
    default:
      return assertNever(behaviour);
  }
}

interface AcceptOptions {
  messageStatus: WireMessageStatus | undefined;
  inboundFirst: boolean;
  naming: CustomerNaming;
  reply?: CustomerReply;
  isTemplate: boolean;
}

const acceptedAs = (isTemplate: boolean): AcceptOptions => ({
  messageStatus: isTemplate ? 'accepted' : undefined,
  inboundFirst: false,
  naming: 'number',
  isTemplate,
});

function reject(context: MessagesContext, spec: GraphErrorSpec): SendOutcome {
  context.stats.sendsRejected += 1;
  return errorResult(spec);
}

function accept(
  request: SendRequest,
  phoneNumberId: string,
  context: MessagesContext,
  steps: readonly StatusStep[],
  accepted: AcceptOptions,
): SendOutcome {
  const { recipient } = request;
  const messageId = newMessageId(recipientKey(request));
  const body: WireSendResponse = {
    messaging_product: 'whatsapp',
    contacts: [
      recipient.kind === 'phone'
        ? { input: recipient.to, wa_id: recipient.waId }
        : { input: recipient.userId, user_id: recipient.userId },
    ],
    messages: [
      accepted.messageStatus === undefined
        ? { id: messageId }
        : { id: messageId, message_status: accepted.messageStatus },
    ],
  };
  const { options, dispatcher, stats } = context;
  return {
    status: 200,
    body,
    onAnswered: () => {
      stats.sendsAccepted += 1;
      if (dispatcher.url === undefined) return;
      dispatcher.enqueue(
        planWebhookBodies({
          steps,
          messageId,
          // Statuses of a send to a BSUID name the customer by it alone (`recipient_user_id`).
          ...(recipient.kind === 'phone' ? { waId: recipient.waId } : { userId: recipient.userId }),
          acceptedAtMs: Date.now(),
          delayMs: options.webhookDelayMs,
          category: accepted.isTemplate ? 'utility' : 'service',
          account: { wabaId: options.wabaId, phoneNumberId, displayPhoneNumber: options.displayPhoneNumber },
          inboundFirst: accepted.inboundFirst,
          naming: accepted.naming,
          ...(accepted.reply !== undefined && { reply: accepted.reply }),
        }),
      );
    },
  };
}

function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
