/**
 * `npm run simulator:inbound -- <customer> [text]`: makes a simulated customer write to the business. It
 * posts to the simulator's control endpoint, served by a gateway running its embedded simulator (the
 * default, http://127.0.0.1:4000) or by `npm run simulator` (`--url http://127.0.0.1:4010`).
 */
import { parseArgs } from 'node:util';
import { request } from 'undici';
import { INBOUND_INJECTION_PATH, type InboundInjection } from '..';

const USAGE = `Usage: npm run simulator:inbound -- <customer> [text] [options]

  <customer>            the customer's number (+12025550100) or business-scoped user id (US.1000…)
  [text]                what they write (a text message)

Options (instead of a text):
  --image [caption]     a photo the simulator serves (caption optional)
  --document [name]     a PDF the simulator serves
  --voice               a voice note
  --button id:title     a quick-reply button they tap
  --reaction wamid:emoji
Other options:
  --name <profile name> --username <username> --reply-to <wamid>
  --url <base URL>      where the simulator's control endpoint is (default http://127.0.0.1:4000)
`;

function injectionFrom(argv: readonly string[]): { url: string; injection: InboundInjection } {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      image: { type: 'boolean' },
      document: { type: 'boolean' },
      voice: { type: 'boolean' },
      button: { type: 'string' },
      reaction: { type: 'string' },
      name: { type: 'string' },
      username: { type: 'string' },
      'reply-to': { type: 'string' },
      url: { type: 'string', default: 'http://127.0.0.1:4000' },
      help: { type: 'boolean' },
    },
  });
  const [customer, ...words] = positionals;
  if (values.help || customer === undefined) throw new Error(USAGE);
  const text = words.join(' ');
  const who = {
    ...(/^[A-Z]{2}\./.test(customer) ? { fromUserId: customer } : { from: customer }),
    ...(values.name !== undefined && { profileName: values.name }),
    ...(values.username !== undefined && { username: values.username }),
    ...(values['reply-to'] !== undefined && { replyTo: values['reply-to'] }),
  };
  const pair = (value: string, what: string): [string, string] => {
    const at = value.indexOf(':');
    if (at < 1) throw new Error(`${what} must look like a:b\n\n${USAGE}`);
    return [value.slice(0, at), value.slice(at + 1)];
  };
  let injection: InboundInjection;
  if (values.image) injection = { ...who, image: text === '' ? {} : { caption: text } };
  else if (values.document) injection = { ...who, document: text === '' ? {} : { filename: text } };
  else if (values.voice) injection = { ...who, voice: {} };
  else if (values.button !== undefined) {
    const [id, title] = pair(values.button, '--button');
    injection = { ...who, button: { id, title } };
  } else if (values.reaction !== undefined) {
    const [messageId, emoji] = pair(values.reaction, '--reaction');
    injection = { ...who, reaction: { messageId, emoji } };
  } else if (text !== '') injection = { ...who, text };
  else throw new Error(`Say what the customer writes.\n\n${USAGE}`);
  return { url: values.url, injection };
}

async function main(): Promise<void> {
  const { url, injection } = injectionFrom(process.argv.slice(2));
  const response = await request(new URL(INBOUND_INJECTION_PATH, url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(injection),
  });
  const answer = await response.body.text();
  if (response.statusCode !== 200) throw new Error(`${response.statusCode}: ${answer}`);
  process.stdout.write(`${answer}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
