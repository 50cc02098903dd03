import { hashSendCommand, stableJson } from '../../../src/sending';

describe('stableJson', () => {
  it.each([
    [{ b: 1, a: { d: [3, { f: 1, e: 2 }], c: null } }, '{"a":{"c":null,"d":[3,{"e":2,"f":1}]},"b":1}'],
    [{ a: undefined, b: 'x' }, '{"b":"x"}'],
    [[undefined, 'é🙂'], '[null,"é🙂"]'],
    ['text', '"text"'],
  ])('writes %j as %s', (value, expected) => {
    expect(stableJson(value)).toBe(expected);
  });
});

describe('hashSendCommand', () => {
  const body = { to: '12025550100', type: 'text', text: { body: 'Hi', preview_url: false } };

  it('ignores the order of fields', () => {
    const reordered = { text: { preview_url: false, body: 'Hi' }, type: 'text', to: '12025550100' };
    expect(hashSendCommand({ phoneNumberId: '1', body: reordered })).toBe(
      hashSendCommand({ phoneNumberId: '1', body }),
    );
  });

  it.each([
    ['another sender', { phoneNumberId: '2', body }],
    ['another text', { phoneNumberId: '1', body: { ...body, text: { body: 'Hi!', preview_url: false } } }],
    ['another recipient', { phoneNumberId: '1', body: { ...body, to: '12025550101' } }],
  ])('tells %s apart', (_name, other) => {
    expect(hashSendCommand(other)).not.toBe(hashSendCommand({ phoneNumberId: '1', body }));
  });
});
