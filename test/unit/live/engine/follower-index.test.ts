import { MessageStatus, type StatusChangeEvent } from '../../../../src/messages';
import { FollowerIndex } from '../../../../src/live/engine/follower-index';
import { type StatusEventFilter, statusEventFilter } from '../../../../src/live/streams/status';

interface TestFollower {
  readonly name: string;
  readonly subscriber: { readonly filter: StatusEventFilter };
}

function follower(name: string, filter: StatusEventFilter): TestFollower {
  return { name, subscriber: { filter } };
}

function statusOf(fields: Partial<StatusChangeEvent>): StatusChangeEvent {
  return {
    cursor: '1-0',
    messageId: 'wamid.A',
    phoneNumberId: '111',
    recipient: '+886912345678',
    status: MessageStatus.DELIVERED,
    previousStatus: MessageStatus.SENT,
    effectiveStatus: MessageStatus.DELIVERED,
    timestamp: 1,
    receivedAt: 1,
    errors: [],
    ...fields,
  };
}

function namesMatching(
  index: FollowerIndex<StatusChangeEvent, StatusEventFilter, TestFollower>,
  event: StatusChangeEvent,
): string[] {
  return index
    .matching(event)
    .flatMap((audience) => audience.members.map((found) => found.name))
    .sort();
}

describe('FollowerIndex', () => {
  it('tells apart followers filed under one key whose other fields differ', () => {
    const index = new FollowerIndex<StatusChangeEvent, StatusEventFilter, TestFollower>(statusEventFilter);
    index.add(follower('any number', { recipient: '+886912345678' }));
    index.add(follower('same, again', { recipient: '+886912345678' }));
    index.add(follower('number 111 only', { recipient: '+886912345678', phoneNumberId: '111' }));
    index.add(follower('number 222 only', { recipient: '+886912345678', phoneNumberId: '222' }));
    index.add(follower('everything', {}));

    expect(namesMatching(index, statusOf({ phoneNumberId: '111' }))).toEqual([
      'any number',
      'everything',
      'number 111 only',
      'same, again',
    ]);
    expect(namesMatching(index, statusOf({ phoneNumberId: '222' }))).toEqual([
      'any number',
      'everything',
      'number 222 only',
      'same, again',
    ]);
    expect(namesMatching(index, statusOf({ recipient: '+886900000000' }))).toEqual(['everything']);
  });

  it('forgets a deleted follower and keeps the others of its group', () => {
    const index = new FollowerIndex<StatusChangeEvent, StatusEventFilter, TestFollower>(statusEventFilter);
    const first = follower('first', { recipient: '+886912345678' });
    const second = follower('second', { recipient: '+886912345678' });
    index.add(first);
    index.add(second);

    expect(index.delete(first)).toBe(true);
    expect(index.delete(first)).toBe(false);
    expect(index.size).toBe(1);
    expect(namesMatching(index, statusOf({}))).toEqual(['second']);

    expect(index.delete(second)).toBe(true);
    expect(index.size).toBe(0);
    expect(namesMatching(index, statusOf({}))).toEqual([]);
  });

  it('hands out one audience per filter group until its membership changes', () => {
    const index = new FollowerIndex<StatusChangeEvent, StatusEventFilter, TestFollower>(statusEventFilter);
    const first = follower('first', { recipient: '+886912345678' });
    index.add(first);
    index.add(follower('everything', {}));
    const [before] = index.matching(statusOf({ cursor: '1-0' }));

    expect(index.matching(statusOf({ cursor: '2-0' }))[0]).toBe(before);

    index.add(follower('second', { recipient: '+886912345678' }));
    const [after] = index.matching(statusOf({ cursor: '3-0' }));
    expect(after).not.toBe(before);
    expect(after?.group).toBe(before?.group);
    expect(after?.members.map((found) => found.name)).toEqual(['first', 'second']);
    expect(before?.members.map((found) => found.name)).toEqual(['first']);

    index.delete(first);
    expect(index.matching(statusOf({ cursor: '4-0' }))[0]?.members.map((found) => found.name)).toEqual([
      'second',
    ]);
  });
});
