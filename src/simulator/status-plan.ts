import { randomBytes } from 'node:crypto';
import { serializeMetaJson } from './meta-json';
import { sha256Of, SIMULATED_MEDIA, SimulatorMediaId } from './media-library';
import {
  type CustomerNaming,
  type CustomerReply,
  SIMULATED_USERNAME,
  simulatedUserId,
  type StatusStep,
} from './scenarios';
import type { WireInboundContent } from './wire-types';
import {
  buildInboundMessageWebhook,
  buildStatusWebhook,
  buildUserPreferencesWebhook,
  buildWireStatus,
  type PricingCategory,
  type WebhookAccount,
} from './webhook-payload';

export interface StatusPlanInput {
  steps: readonly StatusStep[];
  messageId: string;
  /** The customer's number (digits); absent for a send to a business-scoped user id. */
  waId?: string;
  /** The BSUID a send named; its statuses then name the customer by it alone. */
  userId?: string;
  /** When the send was accepted (ms since epoch). */
  acceptedAtMs: number;
  /** Gap between successive statuses; Meta's timestamps follow the order the statuses occurred in. */
  delayMs: number;
  category: PricingCategory;
  account: WebhookAccount;
  /** Prepend an inbound customer text (the customer wrote first). */
  inboundFirst?: boolean;
  /** How the webhooks name the customer. Default `number`. */
  naming?: CustomerNaming;
  /** What the customer writes back after the last status. */
  reply?: CustomerReply;
}

/** The text the "customer writes first" scenario posts: non-ASCII on purpose (Meta escapes it). */
export const INBOUND_SCENARIO_TEXT = '¿Dónde está mi pedido? 📦';
export const INBOUND_SCENARIO_PROFILE = 'José Müller';

/**
 * The serialised webhook bodies an accepted send produces, in posting order. Bodies are built once, so
 * a repeated step is byte-identical to the one it repeats.
 */
export function planWebhookBodies(input: StatusPlanInput): string[] {
  const bodies: string[] = [];
  const conversationId = randomBytes(16).toString('hex');
  const secondsAt = (occursAt: number): number =>
    Math.floor((input.acceptedAtMs + input.delayMs * (occursAt + 1)) / 1000);
  const naming = input.naming ?? 'number';
  const waId = input.waId;
  const byNumber = naming !== 'user-id' && waId !== undefined;
  const userId =
    input.userId ?? (naming === 'number' || waId === undefined ? undefined : simulatedUserId(waId));
  if (input.inboundFirst === true) {
    const inbound = buildInboundMessageWebhook({
      ...input.account,
      ...(byNumber && { from: waId }),
      ...(userId !== undefined && { fromUserId: userId, username: SIMULATED_USERNAME }),
      content: INBOUND_SCENARIO_TEXT,
      profileName: INBOUND_SCENARIO_PROFILE,
      timestamp: Math.floor(input.acceptedAtMs / 1000),
    });
    bodies.push(serializeMetaJson(inbound));
  }
  for (const step of input.steps) {
    switch (step.kind) {
      case 'status': {
        const status = buildWireStatus({
          messageId: input.messageId,
          status: step.status,
          ...(byNumber && { recipientId: waId }),
          ...(userId !== undefined && { recipientUserId: userId }),
          timestamp: secondsAt(step.occursAt),
          category: input.category,
          conversationId,
          ...(step.errorCode === undefined ? {} : { errorCode: step.errorCode }),
        });
        bodies.push(serializeMetaJson(buildStatusWebhook({ ...input.account, statuses: [status] })));
        break;
      }
      case 'repeat-previous': {
        const previous = bodies.at(-1);
        if (previous !== undefined) bodies.push(previous);
        break;
      }
      default:
        return assertNever(step);
    }
  }
  if (input.reply !== undefined) {
    const wroteAt = secondsAt(
      Math.max(0, ...input.steps.map((s) => (s.kind === 'status' ? s.occursAt : 0))) + 1,
    );
    const customer = {
      ...input.account,
      ...(byNumber && { from: waId }),
      ...(userId !== undefined && { fromUserId: userId }),
      profileName: INBOUND_SCENARIO_PROFILE,
      replyTo: input.messageId,
      timestamp: wroteAt,
    };
    bodies.push(
      serializeMetaJson(buildInboundMessageWebhook({ ...customer, content: replyContent(input.reply) })),
    );
    if (input.reply.kind === 'stop' && waId !== undefined) {
      bodies.push(
        serializeMetaJson(
          buildUserPreferencesWebhook({
            ...input.account,
            from: waId,
            value: 'stop',
            timestamp: wroteAt,
          }),
        ),
      );
    }
  }
  return bodies;
}

function replyContent(reply: CustomerReply): WireInboundContent {
  switch (reply.kind) {
    case 'text':
      return { type: 'text', text: { body: reply.text } };
    case 'image': {
      const image = SIMULATED_MEDIA.get(SimulatorMediaId.IMAGE)!;
      return {
        type: 'image',
        image: {
          id: image.id,
          mime_type: image.mimeType,
          sha256: sha256Of(image.bytes()),
          caption: reply.caption,
        },
      };
    }
    case 'button':
      return { type: 'button', button: { payload: reply.id, text: reply.title } };
    case 'stop':
      return { type: 'text', text: { body: 'STOP' } };
    default:
      return assertNever(reply);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unhandled status step: ${JSON.stringify(value)}`);
}
