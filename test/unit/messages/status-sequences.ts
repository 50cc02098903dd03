import {
  MessageStatus,
  type MessageErrorDetail,
  type NewMessage,
  type StatusUpdate,
} from '../../../src/messages';

/** One webhook status of a sequence: a status at `at` seconds after the send, optionally with errors. */
export interface SequenceStep {
  status: MessageStatus;
  at: number;
  errors?: MessageErrorDetail[];
}

export interface StatusSequence {
  name: string;
  /** Whether the message was sent through the gateway first (`ACCEPTED` at 0) or first seen in a webhook. */
  sent: boolean;
  steps: SequenceStep[];
  expected: {
    status: MessageStatus;
    conflict: boolean;
    /** Statuses in history order (Meta's timestamp, then arrival). */
    history: MessageStatus[];
    /** Per step: true when applied, false when dropped as a duplicate. */
    applied: boolean[];
    errorCodes: number[];
  };
}

const S = MessageStatus;
const undeliverable: MessageErrorDetail = { code: 131026, title: 'Message undeliverable' };
const expired: MessageErrorDetail = { code: 131047, title: 'Re-engagement message' };

/** The table both the pure rules and every store implementation must agree on. */
export const STATUS_SEQUENCES: StatusSequence[] = [
  {
    name: 'sent, delivered, read in order → READ',
    sent: true,
    steps: [
      { status: S.SENT, at: 1 },
      { status: S.DELIVERED, at: 2 },
      { status: S.READ, at: 3 },
    ],
    expected: {
      status: S.READ,
      conflict: false,
      history: [S.ACCEPTED, S.SENT, S.DELIVERED, S.READ],
      applied: [true, true, true],
      errorCodes: [],
    },
  },
  {
    name: 'read, sent, delivered out of order → READ, history by timestamp',
    sent: false,
    steps: [
      { status: S.READ, at: 3 },
      { status: S.SENT, at: 1 },
      { status: S.DELIVERED, at: 2 },
    ],
    expected: {
      status: S.READ,
      conflict: false,
      history: [S.SENT, S.DELIVERED, S.READ],
      applied: [true, true, true],
      errorCodes: [],
    },
  },
  {
    name: 'exact duplicates are dropped',
    sent: true,
    steps: [
      { status: S.SENT, at: 1 },
      { status: S.SENT, at: 1 },
      { status: S.DELIVERED, at: 2 },
      { status: S.DELIVERED, at: 2 },
    ],
    expected: {
      status: S.DELIVERED,
      conflict: false,
      history: [S.ACCEPTED, S.SENT, S.DELIVERED],
      applied: [true, false, true, false],
      errorCodes: [],
    },
  },
  {
    name: 'the same status at another time is not a duplicate',
    sent: true,
    steps: [
      { status: S.DELIVERED, at: 2 },
      { status: S.DELIVERED, at: 5 },
    ],
    expected: {
      status: S.DELIVERED,
      conflict: false,
      history: [S.ACCEPTED, S.DELIVERED, S.DELIVERED],
      applied: [true, true],
      errorCodes: [],
    },
  },
  {
    name: 'failed then delivered → DELIVERED with conflict',
    sent: true,
    steps: [
      { status: S.FAILED, at: 2, errors: [undeliverable] },
      { status: S.DELIVERED, at: 3 },
    ],
    expected: {
      status: S.DELIVERED,
      conflict: true,
      history: [S.ACCEPTED, S.FAILED, S.DELIVERED],
      applied: [true, true],
      errorCodes: [131026],
    },
  },
  {
    name: 'delivered then failed → DELIVERED with conflict',
    sent: true,
    steps: [
      { status: S.DELIVERED, at: 2 },
      { status: S.FAILED, at: 3, errors: [undeliverable] },
    ],
    expected: {
      status: S.DELIVERED,
      conflict: true,
      history: [S.ACCEPTED, S.DELIVERED, S.FAILED],
      applied: [true, true],
      errorCodes: [131026],
    },
  },
  {
    name: 'failed alone → FAILED, errors kept',
    sent: true,
    steps: [
      { status: S.SENT, at: 1 },
      { status: S.FAILED, at: 2, errors: [expired] },
    ],
    expected: {
      status: S.FAILED,
      conflict: false,
      history: [S.ACCEPTED, S.SENT, S.FAILED],
      applied: [true, true],
      errorCodes: [131047],
    },
  },
  {
    name: 'a late sent after failed keeps FAILED',
    sent: false,
    steps: [
      { status: S.FAILED, at: 2, errors: [undeliverable] },
      { status: S.SENT, at: 1 },
    ],
    expected: {
      status: S.FAILED,
      conflict: false,
      history: [S.SENT, S.FAILED],
      applied: [true, true],
      errorCodes: [131026],
    },
  },
  {
    name: 'two failures accumulate their errors in arrival order',
    sent: true,
    steps: [
      { status: S.FAILED, at: 3, errors: [undeliverable] },
      { status: S.FAILED, at: 2, errors: [expired] },
    ],
    expected: {
      status: S.FAILED,
      conflict: false,
      history: [S.ACCEPTED, S.FAILED, S.FAILED],
      applied: [true, true],
      errorCodes: [131026, 131047],
    },
  },
  {
    name: 'unknown wamid: a delivered creates the record',
    sent: false,
    steps: [{ status: S.DELIVERED, at: 2 }],
    expected: {
      status: S.DELIVERED,
      conflict: false,
      history: [S.DELIVERED],
      applied: [true],
      errorCodes: [],
    },
  },
  {
    name: 'played after read → PLAYED; read after played keeps PLAYED',
    sent: true,
    steps: [
      { status: S.READ, at: 3 },
      { status: S.PLAYED, at: 4 },
      { status: S.READ, at: 5 },
    ],
    expected: {
      status: S.PLAYED,
      conflict: false,
      history: [S.ACCEPTED, S.READ, S.PLAYED, S.READ],
      applied: [true, true, true],
      errorCodes: [],
    },
  },
  {
    name: 'sent after read keeps READ',
    sent: true,
    steps: [
      { status: S.READ, at: 3 },
      { status: S.SENT, at: 1 },
    ],
    expected: {
      status: S.READ,
      conflict: false,
      history: [S.ACCEPTED, S.SENT, S.READ],
      applied: [true, true],
      errorCodes: [],
    },
  },
  {
    name: 'deleted and warning are recorded without changing the status',
    sent: true,
    steps: [
      { status: S.DELIVERED, at: 2 },
      { status: S.WARNING, at: 3 },
      { status: S.DELETED, at: 4 },
    ],
    expected: {
      status: S.DELIVERED,
      conflict: false,
      history: [S.ACCEPTED, S.DELIVERED, S.WARNING, S.DELETED],
      applied: [true, true, true],
      errorCodes: [],
    },
  },
  {
    name: 'a record first seen through a warning takes the next progress status',
    sent: false,
    steps: [
      { status: S.WARNING, at: 1 },
      { status: S.SENT, at: 2 },
    ],
    expected: {
      status: S.SENT,
      conflict: false,
      history: [S.WARNING, S.SENT],
      applied: [true, true],
      errorCodes: [],
    },
  },
  {
    name: 'equal timestamps keep arrival order in the history',
    sent: true,
    steps: [
      { status: S.DELIVERED, at: 2 },
      { status: S.SENT, at: 2 },
    ],
    expected: {
      status: S.DELIVERED,
      conflict: false,
      history: [S.ACCEPTED, S.DELIVERED, S.SENT],
      applied: [true, true],
      errorCodes: [],
    },
  },
];

/** The wall-clock base of every sequence (Meta's timestamps are whole seconds). */
export const SEQUENCE_BASE_MS = 1_750_263_770_000;

export function sequenceUpdate(messageId: string, step: SequenceStep): StatusUpdate {
  return {
    messageId,
    status: step.status,
    timestamp: SEQUENCE_BASE_MS + step.at * 1000,
    recipientId: '16505551234',
    phoneNumberId: '106540352242922',
    errors: step.errors ?? [],
  };
}

/** A send to the sequences' customer, accepted at the sequences' base time. */
export function sequenceSend(id: string): NewMessage {
  return {
    id,
    phoneNumberId: '106540352242922',
    recipient: '+16505551234',
    waId: '16505551234',
    type: 'text',
    status: MessageStatus.ACCEPTED,
    createdAt: SEQUENCE_BASE_MS,
  };
}
