import { type PhoneNumberResponse } from '../upstream';

/** Meta's throughput levels and their rates (messages a second; Meta, "Throughput"). */
const RATE_OF_LEVEL: Readonly<Record<string, number>> = { STANDARD: 80, HIGH: 1_000 };

/** Numbers in use with both the WhatsApp Business app and Cloud API (coexistence) are fixed at 20/s. */
const COEXISTENCE_RATE = 20;

/** How long a learnt rate is trusted: Meta upgrades a number's throughput on its own. */
const DEFAULT_TTL_MS = 60 * 60 * 1000;

export interface SenderThroughputOptions {
  /** `GET /{phone-number-id}` (the fields the gateway reads, throughput among them). */
  lookup: (
    phoneNumberId: string,
  ) => Promise<Pick<PhoneNumberResponse, 'throughput'> & { is_on_biz_app?: unknown }>;
  ttlMs?: number;
  now?: () => number;
  onLookupFailed?: (phoneNumberId: string, error: unknown) => void;
}

/**
 * Each sender's send rate as Meta sets it: 80/s at the standard level, 1,000/s once upgraded, 20/s for a
 * number shared with the WhatsApp Business app. Answered from memory without waiting: an unknown or stale
 * number is looked up in the background (one lookup at a time per number), and until then the sender is
 * held to the configured fallback rate.
 */
export class SenderThroughput {
  private readonly known = new Map<string, { rate: number | undefined; at: number }>();
  private readonly looking = new Set<string>();
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(private readonly options: SenderThroughputOptions) {
    this.ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    this.now = options.now ?? Date.now;
  }

  /** The sender's own rate, or undefined while it is not known (the caller's fallback applies). */
  rateOf(phoneNumberId: string): number | undefined {
    const entry = this.known.get(phoneNumberId);
    if (entry === undefined || this.now() - entry.at > this.ttlMs) this.refresh(phoneNumberId);
    return entry?.rate;
  }

  /** Learns from a phone number the gateway read anyway (the `phoneNumber` query). */
  learn(
    phoneNumberId: string,
    phoneNumber: Pick<PhoneNumberResponse, 'throughput'> & { is_on_biz_app?: unknown },
  ): void {
    this.known.set(phoneNumberId, { rate: rateOf(phoneNumber), at: this.now() });
  }

  private refresh(phoneNumberId: string): void {
    if (this.looking.has(phoneNumberId)) return;
    this.looking.add(phoneNumberId);
    this.options
      .lookup(phoneNumberId)
      .then(
        (phoneNumber) => this.learn(phoneNumberId, phoneNumber),
        (error: unknown) => {
          // Not asked again for a while: a number the token cannot read must not cost a lookup per send.
          this.known.set(phoneNumberId, { rate: this.known.get(phoneNumberId)?.rate, at: this.now() });
          this.options.onLookupFailed?.(phoneNumberId, error);
        },
      )
      .finally(() => this.looking.delete(phoneNumberId));
  }
}

function rateOf(
  phoneNumber: Pick<PhoneNumberResponse, 'throughput'> & { is_on_biz_app?: unknown },
): number | undefined {
  // Meta says of a coexistence number only that it is on the Business app; its throughput field may still read STANDARD.
  if (phoneNumber.is_on_biz_app === true) return COEXISTENCE_RATE;
  const level = phoneNumber.throughput?.level;
  return level === undefined ? undefined : RATE_OF_LEVEL[level.toUpperCase()];
}
