import type { WebhookDeliveryStats } from './webhook-dispatcher';
import { isBusinessScopedUserId } from './send-validator';

/** Endpoint labels requests are counted under. */
export enum SimulatorEndpoint {
  MESSAGES = 'messages',
  PHONE_NUMBER = 'phone_number',
  DEBUG_TOKEN = 'debug_token',
  MEDIA = 'media',
  MEDIA_DOWNLOAD = 'media_download',
  INBOUND_INJECTION = 'inbound_injection',
  TEMPLATES = 'templates',
  TEMPLATE = 'template',
  TEMPLATE_EVENT = 'template_event',
  UNKNOWN = 'unknown',
}

/** A live view of what the simulator has seen; counters only grow. */
export interface SimulatorStats {
  /** Every request, by endpoint label (failed ones included). */
  readonly requests: Readonly<Record<SimulatorEndpoint, number>>;
  /** Well-formed send requests (mark-as-read excluded), whatever their outcome. */
  readonly sendsReceived: number;
  /** Sends answered 200 with a message id. */
  readonly sendsAccepted: number;
  /** Sends answered with an error (scenario or validation). */
  readonly sendsRejected: number;
  /** Mark-as-read requests answered `{ success: true }`. */
  readonly markedRead: number;
  /** Message requests refused by validation (code 100) before any scenario applied. */
  readonly invalidRequests: number;
  readonly webhooks: Readonly<WebhookDeliveryStats>;
}

/** The mutable side of the stats, owned by the server. */
export class SimulatorStatsRecorder implements SimulatorStats {
  readonly requests: Record<SimulatorEndpoint, number> = {
    [SimulatorEndpoint.MESSAGES]: 0,
    [SimulatorEndpoint.PHONE_NUMBER]: 0,
    [SimulatorEndpoint.DEBUG_TOKEN]: 0,
    [SimulatorEndpoint.MEDIA]: 0,
    [SimulatorEndpoint.MEDIA_DOWNLOAD]: 0,
    [SimulatorEndpoint.INBOUND_INJECTION]: 0,
    [SimulatorEndpoint.TEMPLATES]: 0,
    [SimulatorEndpoint.TEMPLATE]: 0,
    [SimulatorEndpoint.TEMPLATE_EVENT]: 0,
    [SimulatorEndpoint.UNKNOWN]: 0,
  };
  sendsReceived = 0;
  sendsAccepted = 0;
  sendsRejected = 0;
  markedRead = 0;
  invalidRequests = 0;
  private readonly sendsByRecipient = new Map<string, number>();

  constructor(readonly webhooks: Readonly<WebhookDeliveryStats>) {}

  countRequest(endpoint: SimulatorEndpoint): void {
    this.requests[endpoint] += 1;
  }

  /**
   * Counts a well-formed send; returns how many sends this recipient (a wa_id, or a BSUID) has had,
   * this one included.
   */
  countSend(recipientKey: string): number {
    this.sendsReceived += 1;
    const count = (this.sendsByRecipient.get(recipientKey) ?? 0) + 1;
    this.sendsByRecipient.set(recipientKey, count);
    return count;
  }

  /** Sends received in all, or to one recipient: a BSUID as it is, a number in any format (its digits). */
  sendCount(to?: string): number {
    if (to === undefined) return this.sendsReceived;
    return this.sendsByRecipient.get(isBusinessScopedUserId(to) ? to : to.replace(/\D/g, '')) ?? 0;
  }
}
