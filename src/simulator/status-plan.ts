import { randomBytes } from 'node:crypto';
import { serializeMetaJson } from './meta-json';
import { type CustomerNaming, SIMULATED_USERNAME, simulatedUserId, type StatusStep } from './scenarios';
import {
  buildInboundMessageWebhook,
  buildStatusWebhook,
  buildWireStatus,
  type PricingCategory,
  type WebhookAccount,
} from './webhook-payload';

export interface StatusPlanInput {
  steps: readonly StatusStep[];
  messageId: string;
  waId: string;
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
  const byNumber = naming !== 'user-id';
  const userId = naming === 'number' ? undefined : simulatedUserId(input.waId);
  if (input.inboundFirst === true) {
    const inbound = buildInboundMessageWebhook({
      ...input.account,
      ...(byNumber && { from: input.waId }),
      ...(userId !== undefined && { fromUserId: userId, username: SIMULATED_USERNAME }),
      text: INBOUND_SCENARIO_TEXT,
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
          ...(byNumber && { recipientId: input.waId }),
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
  return bodies;
}

function assertNever(value: never): never {
  throw new Error(`Unhandled status step: ${JSON.stringify(value)}`);
}
