import { MessageStatus, type StatusChangeEvent } from '../../../src/messages';
import {
  decodeStatusEvent,
  encodeStatusEvent,
  StatusEventDecodeError,
} from '../../../src/messages/status-event-codec';
import { decodeMessageRecord } from '../../../src/messages/redis/record-codec';

const event: StatusChangeEvent = {
  cursor: '1750263773000-0',
  messageId: 'wamid.A',
  phoneNumberId: '106540352242922',
  recipient: '+16505551234',
  status: MessageStatus.FAILED,
  previousStatus: MessageStatus.SENT,
  effectiveStatus: MessageStatus.FAILED,
  timestamp: 1750263772000,
  receivedAt: 1750263773000,
  errors: [{ code: 131026, title: 'Message undeliverable' }],
};

describe('status event codec', () => {
  it('round-trips with the cursor inside (pub/sub) and outside (stream entry id)', () => {
    expect(decodeStatusEvent(encodeStatusEvent(event, true))).toEqual(event);
    const streamForm = encodeStatusEvent(event, false);
    expect(JSON.parse(streamForm)).not.toHaveProperty('cursor');
    expect(decodeStatusEvent(streamForm, '9-9')).toEqual({ ...event, cursor: '9-9' });
  });

  it('writes version 1', () => {
    expect(JSON.parse(encodeStatusEvent(event, true))).toMatchObject({ v: 1 });
  });

  it('reads what the Lua script writes: `{}` for an empty list, null previous status', () => {
    const fromLua = JSON.stringify({ ...event, v: 1, errors: {}, previousStatus: null });
    expect(decodeStatusEvent(fromLua)).toEqual({ ...event, errors: [], previousStatus: null });
  });

  it.each([
    ['an unknown version', JSON.stringify({ ...event, v: 2 }), /unknown version 2/],
    ['no version', JSON.stringify({ ...event, v: undefined }), /unknown version/],
    ['not JSON', '{', /not JSON/],
    ['not an object', '"text"', /not an object/],
    ['an unknown status', JSON.stringify({ ...event, v: 1, status: 'LOST' }), /mistyped/],
    ['no cursor at all', JSON.stringify({ ...event, v: 1, cursor: undefined }), /mistyped/],
  ])('refuses %s', (_name, raw, message) => {
    expect(() => decodeStatusEvent(raw)).toThrow(StatusEventDecodeError);
    expect(() => decodeStatusEvent(raw)).toThrow(message);
  });
});

describe('message record codec', () => {
  it('turns the `{}` that cjson writes for empty lists back into lists and drops empty objects', () => {
    const stored = JSON.stringify({
      id: 'wamid.A',
      phoneNumberId: '1',
      recipient: '+16505551234',
      waId: '16505551234',
      type: 'text',
      createdAt: 1,
      status: MessageStatus.SENT,
      conflict: false,
      statusHistory: [{ status: MessageStatus.SENT, timestamp: 1, receivedAt: 2, errors: {}, cursor: '2-0' }],
      errors: {},
      conversation: {},
      updatedAt: 2,
    });
    const record = decodeMessageRecord(stored);
    expect(record.errors).toEqual([]);
    expect(record.statusHistory[0].errors).toEqual([]);
    expect(record).not.toHaveProperty('conversation');
  });
});
