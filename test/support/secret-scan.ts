/**
 * Case 39 of RELIABILITY.md: no configured secret may appear in a response, an error, a log line or a
 * metric. A suite records what it saw (`record`) and checks it once (`expectNoSecrets`), or calls
 * `findSecrets` on its own texts.
 */

/** A secret as the gateway might leak it: as configured, URL-encoded, or inside a JSON string. */
function spellings(secret: string): string[] {
  const forms = new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]);
  return [...forms];
}

export interface SecretFinding {
  /** The name the secret was registered under (never its value). */
  secret: string;
  /** The label of the text it was found in. */
  where: string;
}

/** Every (secret, text) pair where the text holds the secret in any spelling. Secrets shorter than 8 are skipped. */
export function findSecrets(
  secrets: Readonly<Record<string, string>>,
  texts: Iterable<{ where: string; text: string }>,
): SecretFinding[] {
  const needles = Object.entries(secrets)
    .filter(([, value]) => value.length >= 8)
    .map(([name, value]) => ({ name, forms: spellings(value) }));
  const findings: SecretFinding[] = [];
  for (const { where, text } of texts) {
    for (const needle of needles) {
      if (needle.forms.some((form) => text.includes(form))) findings.push({ secret: needle.name, where });
    }
  }
  return findings;
}

/** The API keys of a `GATEWAY_API_KEYS` value, named `apiKey#1`, `apiKey#2`, … */
export function apiKeySecrets(gatewayApiKeys: string): Record<string, string> {
  return Object.fromEntries(
    gatewayApiKeys
      .split(',')
      .map((item) => item.slice(0, item.lastIndexOf(':')).trim())
      .map((key, index) => [`apiKey#${index + 1}`, key]),
  );
}

/** The secrets of an environment as the gateway reads it: token, app secret, verify token, callers' keys. */
export function secretsOfEnvironment(
  env: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  const secrets: Record<string, string> = {};
  for (const name of ['WHATSAPP_ACCESS_TOKEN', 'WHATSAPP_APP_SECRET', 'WHATSAPP_VERIFY_TOKEN']) {
    const value = env[name];
    if (value) secrets[name] = value;
  }
  return env.GATEWAY_API_KEYS ? { ...secrets, ...apiKeySecrets(env.GATEWAY_API_KEYS) } : secrets;
}

/** Collects texts as a suite runs, to be scanned once at its end. */
export class SecretScanner {
  private readonly texts: Array<{ where: string; text: string }> = [];

  constructor(private readonly secrets: Readonly<Record<string, string>>) {}

  /** Records a response body, a header block, a log line or a metrics page. */
  record(where: string, text: string | Buffer): void {
    this.texts.push({ where, text: Buffer.isBuffer(text) ? text.toString('utf8') : text });
  }

  /** How many texts were recorded (a scan of nothing proves nothing). */
  get size(): number {
    return this.texts.length;
  }

  findings(extra: Iterable<{ where: string; text: string }> = []): SecretFinding[] {
    return findSecrets(this.secrets, [...this.texts, ...extra]);
  }
}
