import { verifySubscription } from '../../../src/webhooks';

const TOKEN = 'verify-token-8d2e';

describe('verifySubscription (case 14)', () => {
  it('returns the challenge exactly as sent when the mode is subscribe and the token matches', () => {
    const query = { 'hub.mode': 'subscribe', 'hub.challenge': '1158201444', 'hub.verify_token': TOKEN };
    expect(verifySubscription(query, TOKEN)).toEqual({ ok: true, challenge: '1158201444' });
  });

  it('returns a non-numeric challenge unchanged, as text', () => {
    const query = { 'hub.mode': 'subscribe', 'hub.challenge': ' abc 001 ', 'hub.verify_token': TOKEN };
    expect(verifySubscription(query, TOKEN)).toEqual({ ok: true, challenge: ' abc 001 ' });
  });

  it('reads the nested object a qs-style parser produces', () => {
    const query = { hub: { mode: 'subscribe', challenge: '42', verify_token: TOKEN } };
    expect(verifySubscription(query, TOKEN)).toEqual({ ok: true, challenge: '42' });
  });

  it.each([
    ['a wrong token', { 'hub.verify_token': 'wrong' }],
    ['a token with a matching prefix', { 'hub.verify_token': TOKEN.slice(0, -1) }],
    ['a token with extra characters', { 'hub.verify_token': `${TOKEN}x` }],
    ['a token in another case', { 'hub.verify_token': TOKEN.toUpperCase() }],
    ['no token', { 'hub.verify_token': undefined }],
    ['a repeated token parameter', { 'hub.verify_token': [TOKEN, TOKEN] }],
  ])('refuses %s', (_name, override) => {
    const query = { 'hub.mode': 'subscribe', 'hub.challenge': '1158201444', ...override };
    expect(verifySubscription(query, TOKEN)).toEqual({ ok: false, reason: 'token' });
  });

  it.each([
    ['no mode', undefined],
    ['another mode', 'unsubscribe'],
    ['a mode in another case', 'SUBSCRIBE'],
  ])('refuses %s', (_name, mode) => {
    const query = { 'hub.mode': mode, 'hub.challenge': '1158201444', 'hub.verify_token': TOKEN };
    expect(verifySubscription(query, TOKEN)).toEqual({ ok: false, reason: 'mode' });
  });

  it.each([
    ['a missing challenge', undefined],
    ['an empty challenge', ''],
    ['a repeated challenge', ['1', '2']],
  ])('refuses %s', (_name, challenge) => {
    const query = { 'hub.mode': 'subscribe', 'hub.challenge': challenge, 'hub.verify_token': TOKEN };
    expect(verifySubscription(query, TOKEN)).toEqual({ ok: false, reason: 'challenge' });
  });

  it('never matches when no verify token is configured', () => {
    const query = { 'hub.mode': 'subscribe', 'hub.challenge': '1', 'hub.verify_token': '' };
    expect(verifySubscription(query, '')).toEqual({ ok: false, reason: 'token' });
  });

  it('refuses an empty query', () => {
    expect(verifySubscription({}, TOKEN)).toEqual({ ok: false, reason: 'mode' });
  });
});
