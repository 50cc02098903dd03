import { MessageStatus, type MessageRecord } from '../../../src/messages';
import {
  applySendToRecord,
  applyStatusToRecord,
  isPlausibleTimestamp,
  nextEffectiveStatus,
  statusRank,
} from '../../../src/messages/status-rules';
import { SEQUENCE_BASE_MS, sequenceSend, sequenceUpdate, STATUS_SEQUENCES } from './status-sequences';

describe('status rules', () => {
  it.each(STATUS_SEQUENCES.map((s) => [s.name, s] as const))('%s', (_name, sequence) => {
    let record: MessageRecord | null = null;
    let cursor = 0;
    if (sequence.sent) {
      const sent = applySendToRecord(null, sequenceSend('wamid.A'), SEQUENCE_BASE_MS, `1-${cursor++}`);
      if (sent === 'duplicate') throw new Error('a first send cannot be a duplicate');
      record = sent.record;
    }
    const applied: boolean[] = [];
    for (const step of sequence.steps) {
      const outcome = applyStatusToRecord(
        record,
        sequenceUpdate('wamid.A', step),
        SEQUENCE_BASE_MS + 9000,
        `1-${cursor++}`,
      );
      applied.push(outcome !== 'duplicate');
      if (outcome !== 'duplicate') record = outcome.record;
    }
    expect(record).not.toBeNull();
    const final = record as MessageRecord;
    expect(final.status).toBe(sequence.expected.status);
    expect(final.conflict).toBe(sequence.expected.conflict);
    expect(final.statusHistory.map((h) => h.status)).toEqual(sequence.expected.history);
    expect(applied).toEqual(sequence.expected.applied);
    expect(final.errors.map((e) => e.code)).toEqual(sequence.expected.errorCodes);
  });

  it('creates a record from a webhook for an unknown wamid', () => {
    const outcome = applyStatusToRecord(
      null,
      sequenceUpdate('wamid.B', { status: MessageStatus.SENT, at: 1 }),
      SEQUENCE_BASE_MS + 1500,
      '5-0',
    );
    if (outcome === 'duplicate') throw new Error('unexpected duplicate');
    expect(outcome.record).toEqual({
      id: 'wamid.B',
      phoneNumberId: '106540352242922',
      recipient: '+16505551234',
      waId: '16505551234',
      type: 'unknown',
      createdAt: SEQUENCE_BASE_MS + 1000,
      status: MessageStatus.SENT,
      conflict: false,
      statusHistory: [
        {
          status: MessageStatus.SENT,
          timestamp: SEQUENCE_BASE_MS + 1000,
          receivedAt: SEQUENCE_BASE_MS + 1500,
          errors: [],
          cursor: '5-0',
        },
      ],
      errors: [],
      updatedAt: SEQUENCE_BASE_MS + 1500,
    });
    expect(outcome.event).toEqual({
      cursor: '5-0',
      messageId: 'wamid.B',
      phoneNumberId: '106540352242922',
      recipient: '+16505551234',
      status: MessageStatus.SENT,
      previousStatus: null,
      effectiveStatus: MessageStatus.SENT,
      timestamp: SEQUENCE_BASE_MS + 1000,
      receivedAt: SEQUENCE_BASE_MS + 1500,
      errors: [],
    });
  });

  it('reports the previous and effective status in the event', () => {
    const first = applyStatusToRecord(
      null,
      sequenceUpdate('wamid.C', { status: MessageStatus.READ, at: 3 }),
      1,
      '1-0',
    );
    if (first === 'duplicate') throw new Error('unexpected duplicate');
    const late = applyStatusToRecord(
      first.record,
      sequenceUpdate('wamid.C', { status: MessageStatus.SENT, at: 1 }),
      2,
      '1-1',
    );
    if (late === 'duplicate') throw new Error('unexpected duplicate');
    expect(late.event).toMatchObject({
      status: MessageStatus.SENT,
      previousStatus: MessageStatus.READ,
      effectiveStatus: MessageStatus.READ,
    });
  });

  it('does not modify the record it is given', () => {
    const first = applyStatusToRecord(
      null,
      sequenceUpdate('wamid.D', { status: MessageStatus.SENT, at: 1 }),
      1,
      '1-0',
    );
    if (first === 'duplicate') throw new Error('unexpected duplicate');
    const snapshot = structuredClone(first.record);
    applyStatusToRecord(
      first.record,
      sequenceUpdate('wamid.D', { status: MessageStatus.FAILED, at: 2, errors: [{ code: 131026 }] }),
      2,
      '1-1',
    );
    expect(first.record).toEqual(snapshot);
  });

  it('keeps the latest non-empty conversation and pricing', () => {
    const withPricing = {
      ...sequenceUpdate('wamid.E', { status: MessageStatus.SENT, at: 1 }),
      conversation: { id: 'c1', originType: 'utility' },
      pricing: { billable: true, category: 'utility' },
    };
    const first = applyStatusToRecord(null, withPricing, 1, '1-0');
    if (first === 'duplicate') throw new Error('unexpected duplicate');
    const bare = applyStatusToRecord(
      first.record,
      { ...sequenceUpdate('wamid.E', { status: MessageStatus.DELIVERED, at: 2 }), conversation: {} },
      2,
      '1-1',
    );
    if (bare === 'duplicate') throw new Error('unexpected duplicate');
    expect(bare.record.conversation).toEqual({ id: 'c1', originType: 'utility' });
    const newer = applyStatusToRecord(
      bare.record,
      { ...sequenceUpdate('wamid.E', { status: MessageStatus.READ, at: 3 }), pricing: { billable: false } },
      3,
      '1-2',
    );
    if (newer === 'duplicate') throw new Error('unexpected duplicate');
    expect(newer.record.pricing).toEqual({ billable: false });
  });

  it('lets a send overwrite the facts guessed from an earlier webhook', () => {
    const early = applyStatusToRecord(
      null,
      sequenceUpdate('wamid.F', { status: MessageStatus.DELIVERED, at: 2 }),
      1,
      '1-0',
    );
    if (early === 'duplicate') throw new Error('unexpected duplicate');
    const sent = applySendToRecord(early.record, { ...sequenceSend('wamid.F'), type: 'template' }, 2, '1-1');
    if (sent === 'duplicate') throw new Error('unexpected duplicate');
    expect(sent.record).toMatchObject({
      type: 'template',
      createdAt: SEQUENCE_BASE_MS,
      status: MessageStatus.DELIVERED,
    });
    expect(sent.record.statusHistory.map((h) => h.status)).toEqual([
      MessageStatus.ACCEPTED,
      MessageStatus.DELIVERED,
    ]);
  });

  it('ranks every status and never lets FAILED beat DELIVERED', () => {
    for (const status of Object.values(MessageStatus)) expect(() => statusRank(status)).not.toThrow();
    expect(
      nextEffectiveStatus({ status: MessageStatus.READ, conflict: false }, MessageStatus.FAILED),
    ).toEqual({
      status: MessageStatus.READ,
      conflict: true,
    });
    expect(
      nextEffectiveStatus({ status: MessageStatus.HELD, conflict: false }, MessageStatus.FAILED),
    ).toEqual({
      status: MessageStatus.FAILED,
      conflict: false,
    });
  });
});

describe('isPlausibleTimestamp (docs/reliability.md, case 51)', () => {
  const receivedAt = SEQUENCE_BASE_MS;
  const DAY_MS = 24 * 60 * 60 * 1000;

  it.each([
    ['the first instant of 2009', Date.UTC(2009, 0, 1), true],
    ['the last second of 2008', Date.UTC(2009, 0, 1) - 1000, false],
    ['0 (a missing timestamp read as 1970)', 0, false],
    ['the arrival itself', receivedAt, true],
    ['exactly a day ahead (clock skew)', receivedAt + DAY_MS, true],
    ['a second more than a day ahead', receivedAt + DAY_MS + 1000, false],
  ])('%s → %s', (_name, timestamp, plausible) => {
    expect(isPlausibleTimestamp(timestamp, receivedAt)).toBe(plausible);
  });

  it('keeps an impossible timestamp in the history but takes the arrival as createdAt', () => {
    const update = { ...sequenceUpdate('wamid.odd', { status: MessageStatus.SENT, at: 0 }), timestamp: 0 };
    const applied = applyStatusToRecord(null, update, receivedAt, '1-0');
    if (applied === 'duplicate') throw new Error('not a duplicate');
    expect(applied.record.createdAt).toBe(receivedAt);
    expect(applied.record.statusHistory.map((h) => h.timestamp)).toEqual([0]);
    expect(applied.event.timestamp).toBe(0);
  });
});
