import { GraphQLError, Kind, type FieldNode } from 'graphql';
import { toGatewayError, withGatewayCause } from '../../../src/graphql';
import { SubscriberTooSlowError } from '../../../src/live';
import { CursorAheadError, CursorExpiredError, InvalidCursorError } from '../../../src/store-kit';

describe('the live streams’ errors, as the client gets them', () => {
  it.each([
    ['a malformed since', new InvalidCursorError('nonsense')],
    ['a since older than the stream', new CursorExpiredError('1-0', '5-0')],
    ['a since ahead of the stream', new CursorAheadError('9-0', '5-0')],
  ])('%s is the client’s input error on `since`', (_case, error) => {
    expect(toGatewayError(error)).toMatchObject({
      message: error.message,
      extensions: { code: 'BAD_USER_INPUT', field: 'since' },
    });
  });

  it('a subscriber that stopped reading is rate limited', () => {
    expect(toGatewayError(new SubscriberTooSlowError(10_000))).toMatchObject({
      message: expect.stringContaining('resubscribe with `since`'),
      extensions: { code: 'RATE_LIMITED' },
    });
  });

  it('anything else is left for the formatter to mask', () => {
    const failure = new Error('redis went away');
    expect(toGatewayError(failure)).toBe(failure);
  });

  it('keeps the path and locations of the error graphql-ws or graphql-js wrapped', () => {
    const node: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: 'messageStatusChanged' } };
    const wrapped = new GraphQLError('wrapped', {
      nodes: [node],
      path: ['messageStatusChanged'],
      originalError: new InvalidCursorError('nonsense'),
    });
    const mapped = withGatewayCause(wrapped);
    expect(mapped.path).toEqual(['messageStatusChanged']);
    expect(mapped.nodes).toEqual([node]);
    expect(mapped.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'since' });
  });
});
