import { Locale, Verdict } from '../../diagnosis';
import { MessageStatus, type MessageStore } from '../../messages';
import { primeMessages, type Loaders } from '../loaders';
import { type FailureBucket } from '../types/catalog.type';
import { type DiagnosisService } from './diagnosis-service';

const DAY = 24 * 3600 * 1000;
/** Statuses that can hide a problem: failed, never delivered, or delivered to one device and failed on another. */
const SUSPECT_STATUSES = [
  MessageStatus.FAILED,
  MessageStatus.SENT,
  MessageStatus.ACCEPTED,
  MessageStatus.HELD,
  MessageStatus.DELIVERED,
];

export interface FailureSummaryOptions {
  store: MessageStore;
  diagnosis: DiagnosisService;
  clock: () => number;
  /** The most messages one summary reads; a dashboard wants an answer, not a full scan. */
  maxScanned?: number;
  /** A message pending for longer than this counts as stuck. */
  stuckAfterMillis?: number;
}

/** Counts failed and stuck messages by the cause their diagnosis names. */
export class FailureSummaryService {
  constructor(private readonly options: FailureSummaryOptions) {}

  async summarise(
    since: number | null,
    phoneNumberId: string | null,
    loaders: Loaders,
  ): Promise<FailureBucket[]> {
    const now = this.options.clock();
    const stuckBefore = now - (this.options.stuckAfterMillis ?? DAY);
    const maxScanned = this.options.maxScanned ?? 10_000;
    const buckets = new Map<string, FailureBucket>();
    let after: string | null = null;
    let scanned = 0;
    do {
      const page = await this.options.store.list(
        { status: SUSPECT_STATUSES, from: since ?? now - 7 * DAY, ...(phoneNumberId && { phoneNumberId }) },
        100,
        after,
      );
      primeMessages(loaders, page.records);
      for (const record of page.records) {
        const diagnosis = await this.options.diagnosis.forMessage(record, Locale.EN, loaders);
        const stuck = diagnosis.verdict === Verdict.PENDING && record.createdAt < stuckBefore;
        if (diagnosis.verdict !== Verdict.FAILED && diagnosis.verdict !== Verdict.AT_RISK && !stuck) continue;
        const bucket = buckets.get(diagnosis.cause) ?? { cause: diagnosis.cause, count: 0, messageIds: [] };
        bucket.count += 1;
        bucket.messageIds.push(record.id);
        buckets.set(diagnosis.cause, bucket);
      }
      scanned += page.records.length;
      after = page.hasNextPage ? page.endCursor : null;
    } while (after !== null && scanned < maxScanned);
    return [...buckets.values()].sort((a, b) => b.count - a.count);
  }
}
