import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { findSecrets } from '../../support/secret-scan';

const MAIN = join(__dirname, '../../../dist/main.js');

/** Runs the built gateway with exactly `env` (and PATH) and collects its exit code and output. */
function run(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH ?? '', PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const LIVE = {
  WHATSAPP_ACCESS_TOKEN: 'EAAG-e2e-config-token-6c1d',
  WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
  WHATSAPP_APP_SECRET: 'e2e-config-app-secret-91ab',
  WHATSAPP_VERIFY_TOKEN: 'e2e-config-verify-token-3f0e',
  GATEWAY_API_KEYS: 'e2e-config-console-key-01:send+read',
};

describe('configuration errors stop the built process (RELIABILITY.md 38)', () => {
  const { WHATSAPP_APP_SECRET: _secret, ...withoutSecret } = LIVE;
  const { WHATSAPP_VERIFY_TOKEN: _verify, ...withoutVerify } = LIVE;
  const { GATEWAY_API_KEYS: _keys, ...withoutKeys } = LIVE;
  const { WHATSAPP_PHONE_NUMBER_ID: _phone, ...withoutPhone } = LIVE;

  it.each([
    ['WHATSAPP_APP_SECRET', withoutSecret],
    ['WHATSAPP_VERIFY_TOKEN', withoutVerify],
    ['GATEWAY_API_KEYS', withoutKeys],
    ['WHATSAPP_PHONE_NUMBER_ID', withoutPhone],
    ['WHATSAPP_PHONE_NUMBER_ID', { ...LIVE, WHATSAPP_PHONE_NUMBER_ID: 'not-digits' }],
    ['GATEWAY_API_KEYS', { ...LIVE, GATEWAY_API_KEYS: 'short:send' }],
    ['REDIS_URL', { ...LIVE, REDIS_URL: 'http://wrong' }],
    ['PORT', { ...LIVE, PORT: '70000' }],
    ['GRAPHQL_WS_INIT_TIMEOUT_MS', { ...LIVE, GRAPHQL_WS_INIT_TIMEOUT_MS: 'soon' }],
    ['SHUTDOWN_TIMEOUT_MS', { ...LIVE, SHUTDOWN_TIMEOUT_MS: '-1' }],
  ])('%s missing or malformed → exit 1, one line naming it, no secret echoed', async (name, env) => {
    const result = await run(env as Record<string, string>);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Configuration error: ${name}: `));
    expect(result.stdout).toBe('');
    const secrets = { ...LIVE, key: 'e2e-config-console-key-01' } as Record<string, string>;
    delete secrets.WHATSAPP_PHONE_NUMBER_ID;
    delete secrets.GATEWAY_API_KEYS;
    expect(findSecrets(secrets, [{ where: 'stderr', text: result.stderr }])).toEqual([]);
  });
});
