import { CONFIG_VARIABLES, type Environment, loadConfig } from '../../../src/config';
import { simulatorOptionsFromEnv } from '../../../src/simulator';
import { resolveSimulatorOptions } from '../../../src/simulator/simulator-options';

const LIVE = {
  WHATSAPP_ACCESS_TOKEN: 'EAAG-live-token-value',
  WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
  WHATSAPP_APP_SECRET: 'app-secret-value',
  WHATSAPP_VERIFY_TOKEN: 'verify-token-value',
  GATEWAY_API_KEYS: 'console-key-0123456789:send+read',
};
const SIMULATOR_ENV = { WHATSAPP_APP_SECRET: 'simulator-secret' };

const names = CONFIG_VARIABLES.map((variable) => variable.name);

/** Runs `consume` on an environment that notes every name asked of it. */
function namesRead(env: Environment, consume: (env: Environment) => unknown): string[] {
  const read = new Set<string>();
  const recording = new Proxy(env, {
    get(target, key) {
      if (typeof key === 'string') read.add(key);
      return Reflect.get(target, key);
    },
  });
  consume(recording);
  return [...read];
}

const gatewayReads = new Set([
  ...namesRead({}, loadConfig),
  ...namesRead(LIVE, loadConfig),
  ...namesRead({ REDIS_CLUSTER_NODES: '127.0.0.1:7001' }, loadConfig),
]);
const simulatorReads = new Set(namesRead(SIMULATOR_ENV, simulatorOptionsFromEnv));

/** The config with the secrets that are random per call (simulated mode) blanked. */
function configOf(env: Environment): unknown {
  const result = loadConfig(env);
  if (!result.ok) throw new Error(`unexpected problems: ${result.problems.join('; ')}`);
  return { ...result.config, webhook: { ...result.config.webhook, appSecret: '', verifyToken: '' } };
}

function simulatorOptionsOf(env: Environment): unknown {
  const result = simulatorOptionsFromEnv(env);
  if (!result.ok) throw new Error(`unexpected problems: ${result.problems.join('; ')}`);
  return resolveSimulatorOptions(result.options);
}

/** A default that is a value to write, not a phrase such as "unset (…)". */
const literalDefaults = CONFIG_VARIABLES.filter(
  (variable) => variable.default !== 'unset' && !/\s/.test(variable.default),
);

describe('CONFIG_VARIABLES', () => {
  it('names each variable once, in upper snake case, with a meaning and a default', () => {
    expect(new Set(names).size).toBe(names.length);
    for (const variable of CONFIG_VARIABLES) {
      expect(variable.name).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
      expect(variable.meaning.trim()).not.toBe('');
      expect(variable.default.trim()).not.toBe('');
    }
  });

  it('is exactly what loadConfig and the standalone simulator read', () => {
    expect([...new Set([...gatewayReads, ...simulatorReads])].sort()).toEqual([...names].sort());
  });

  it('marks the credentials as secrets, and nothing else', () => {
    expect(CONFIG_VARIABLES.filter((variable) => variable.secret).map((variable) => variable.name)).toEqual([
      'WHATSAPP_ACCESS_TOKEN',
      'WHATSAPP_APP_SECRET',
      'WHATSAPP_VERIFY_TOKEN',
      'GATEWAY_API_KEYS',
    ]);
  });

  it.each(literalDefaults.filter((variable) => gatewayReads.has(variable.name)).map((v) => [v.name, v]))(
    'states the default loadConfig applies to %s',
    (_name, variable) => {
      for (const base of [{}, LIVE]) {
        expect(configOf({ ...base, [variable.name]: variable.default })).toEqual(configOf(base));
      }
    },
  );

  it.each(literalDefaults.filter((variable) => simulatorReads.has(variable.name)).map((v) => [v.name, v]))(
    'states the default the standalone simulator applies to %s',
    (_name, variable) => {
      expect(simulatorOptionsOf({ ...SIMULATOR_ENV, [variable.name]: variable.default })).toEqual(
        simulatorOptionsOf(SIMULATOR_ENV),
      );
    },
  );
});
