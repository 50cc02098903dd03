import { createHmac } from 'node:crypto';
import { signBody, verifySignature } from '../../../src/webhooks';
import { metaBytes, REFERENCE_DELIVERED_BODY } from './meta-payload.fixtures';

const SECRET = 'app-secret-3f1c9a';

describe('verifySignature', () => {
  it('accepts the HMAC-SHA256 of the raw body keyed with the app secret', () => {
    const header = `sha256=${createHmac('sha256', SECRET).update(REFERENCE_DELIVERED_BODY).digest('hex')}`;
    expect(signBody(REFERENCE_DELIVERED_BODY, SECRET)).toBe(header);
    expect(verifySignature(REFERENCE_DELIVERED_BODY, header, SECRET)).toBe('valid');
  });

  it('reports a missing header (case 1)', () => {
    expect(verifySignature(REFERENCE_DELIVERED_BODY, undefined, SECRET)).toBe('missing');
    expect(verifySignature(REFERENCE_DELIVERED_BODY, '', SECRET)).toBe('missing');
    expect(verifySignature(REFERENCE_DELIVERED_BODY, '   ', SECRET)).toBe('missing');
  });

  it('refuses a signature made with another secret (case 2)', () => {
    const header = signBody(REFERENCE_DELIVERED_BODY, 'another-secret');
    expect(verifySignature(REFERENCE_DELIVERED_BODY, header, SECRET)).toBe('mismatch');
  });

  it('refuses a body changed by one byte (case 3)', () => {
    const header = signBody(REFERENCE_DELIVERED_BODY, SECRET);
    const changed = Buffer.from(REFERENCE_DELIVERED_BODY);
    const at = changed.indexOf('delivered');
    changed[at] = 'D'.charCodeAt(0);
    expect(verifySignature(changed, header, SECRET)).toBe('mismatch');
    expect(verifySignature(Buffer.concat([REFERENCE_DELIVERED_BODY, Buffer.from(' ')]), header, SECRET)).toBe(
      'mismatch',
    );
  });

  it.each([
    ['a wrong prefix', (hex: string) => `sha1=${hex}`],
    ['an upper-case prefix', (hex: string) => `SHA256=${hex}`],
    ['no prefix', (hex: string) => hex],
    ['an odd length', (hex: string) => `sha256=${hex.slice(0, 63)}`],
    ['one hex digit too many', (hex: string) => `sha256=${hex}0`],
    ['a truncated digest', (hex: string) => `sha256=${hex.slice(0, 40)}`],
    ['a non-hex character', (hex: string) => `sha256=${hex.slice(0, 63)}g`],
    ['an empty digest', () => 'sha256='],
    ['two signatures', (hex: string) => `sha256=${hex},sha256=${hex}`],
  ])('reports %s as malformed without throwing (case 4)', (_name, make) => {
    const hex = signBody(REFERENCE_DELIVERED_BODY, SECRET).slice('sha256='.length);
    expect(verifySignature(REFERENCE_DELIVERED_BODY, make(hex), SECRET)).toBe('malformed');
  });

  it('accepts the digest in upper-case hex and with surrounding spaces (the same bytes)', () => {
    const hex = signBody(REFERENCE_DELIVERED_BODY, SECRET).slice('sha256='.length);
    expect(verifySignature(REFERENCE_DELIVERED_BODY, `sha256=${hex.toUpperCase()}`, SECRET)).toBe('valid');
    expect(verifySignature(REFERENCE_DELIVERED_BODY, ` sha256=${hex} `, SECRET)).toBe('valid');
  });

  it('checks non-ASCII content escaped as \\uXXXX on the raw bytes, not on a re-serialised object (case 5)', () => {
    const raw = metaBytes({ name: 'Zoë Ångström 😀 你好', path: 'a/b' });
    expect(raw.toString('utf8')).toContain('Zo\\u00eb');
    expect(raw.toString('utf8')).toContain('\\ud83d\\ude00');
    const header = signBody(raw, SECRET);
    expect(verifySignature(raw, header, SECRET)).toBe('valid');
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(raw.toString('utf8'))), 'utf8');
    expect(verifySignature(reserialised, header, SECRET)).toBe('mismatch');
  });

  it('checks raw UTF-8 emoji bytes as they are (case 5)', () => {
    const raw = Buffer.from('{"text":"ok 😀 ✅"}', 'utf8');
    const header = signBody(raw, SECRET);
    expect(verifySignature(raw, header, SECRET)).toBe('valid');
    expect(signBody(raw.toString('utf8'), SECRET)).toBe(header);
    expect(verifySignature(Buffer.from(raw.toString('utf8'), 'latin1'), header, SECRET)).toBe('mismatch');
  });

  it('never validates with an empty app secret, even a signature keyed with the empty string', () => {
    const header = signBody(REFERENCE_DELIVERED_BODY, '');
    expect(verifySignature(REFERENCE_DELIVERED_BODY, header, '')).toBe('mismatch');
  });

  it('accepts an empty body signed correctly (the check does not depend on content)', () => {
    const empty = Buffer.alloc(0);
    expect(verifySignature(empty, signBody(empty, SECRET), SECRET)).toBe('valid');
  });
});
