/**
 * Sends a WhatsApp text through the gateway and follows it until WhatsApp reports a final status, then
 * says why when it did not arrive. Every operation is a typed document from `./gql`, so the compiler
 * checks each field used here against the gateway's schema.
 *
 *   GATEWAY_URL=http://127.0.0.1:4000/graphql npm run example -- +12025550100 "Your order has shipped"
 */
import { createSubscriptionClient, execute, type GatewayTarget, subscribe } from './gateway-client';
import { type DiagnosisFieldsFragment, type Locale, type MessageStatus } from './gql/graphql';
import { FollowMessageStatus, MessageDiagnosis, SendTextMessage } from './operations';

export { GatewayRequestError } from './gateway-client';

export type Diagnosis = DiagnosisFieldsFragment;

export interface StatusUpdate {
  status: MessageStatus;
  /** Meta's time of the status (ISO 8601). */
  timestamp: string;
}

/** `apiKey`, when the gateway asks for one, needs the `send`, `read` and `subscribe` scopes. */
export interface SendAndFollowOptions extends GatewayTarget {
  /** The recipient in E.164. */
  to: string;
  text: string;
  /** The language of the diagnosis. Default `EN`. */
  locale?: Locale;
  /** Called with every status in the order WhatsApp reported them, starting with the send's own. */
  onStatus?: (update: StatusUpdate) => void;
  /**
   * How long to wait for a final status, in milliseconds; default 60 000. The wait ends without error:
   * a customer with read receipts off never gets past DELIVERED, and one who is offline stays at SENT.
   */
  timeoutMs?: number;
}

export type SendAndFollowResult =
  /** WhatsApp refused the send; nothing was sent. */
  | { kind: 'rejected'; code: number; message: string; diagnosis: Diagnosis }
  | {
      kind: 'sent';
      messageId: string;
      /** Every status seen, in order. */
      statuses: MessageStatus[];
      /** The effective status at the end: it stays DELIVERED when one of several devices failed. */
      status: MessageStatus;
      /** False when `timeoutMs` passed before a final status. */
      settled: boolean;
      /** Why the message is where it is; present when a status was FAILED or none was final. */
      diagnosis: Diagnosis | null;
    };

/** Statuses after which WhatsApp reports nothing more. */
const FINAL_STATUSES: ReadonlySet<MessageStatus> = new Set<MessageStatus>([
  'READ',
  'PLAYED',
  'FAILED',
  'DELETED',
]);

export async function sendAndFollow(options: SendAndFollowOptions): Promise<SendAndFollowResult> {
  const locale = options.locale ?? 'EN';
  const { sendMessage } = await execute(options, SendTextMessage, {
    input: { to: options.to, text: { body: options.text } },
    locale,
  });
  if (sendMessage.error) {
    const { code, message, diagnosis } = sendMessage.error;
    return { kind: 'rejected', code, message, diagnosis };
  }
  const message = sendMessage.message;
  // Webhooks that raced ahead of the answer are already in the history. Following the stream from the
  // newest cursor of that history therefore misses nothing and repeats nothing, which subscribing before
  // the send cannot promise (graphql-ws does not say when the server has started a subscription).
  const newest = message?.statusHistory.at(-1);
  if (!message || !newest)
    throw new Error('The gateway answered a send with neither a message nor an error.');

  const statuses: MessageStatus[] = [];
  const report = ({ status, timestamp }: StatusUpdate) => {
    statuses.push(status);
    options.onStatus?.({ status, timestamp });
  };
  message.statusHistory.forEach(report);
  let status = message.status;
  let settled = statuses.some((s) => FINAL_STATUSES.has(s));
  if (!settled) {
    const followed = await follow(options, message.id, newest.cursor, report);
    status = followed.status ?? status;
    settled = followed.settled;
  }

  const needsDiagnosis = statuses.includes('FAILED') || !settled;
  const diagnosis = needsDiagnosis ? await diagnose(options, message.id, locale) : null;
  return { kind: 'sent', messageId: message.id, statuses, status, settled, diagnosis };
}

/** Follows one message from the event at `since` until a final status, the timeout, or an error. */
function follow(
  options: SendAndFollowOptions,
  messageId: string,
  since: string,
  onStatus: (update: StatusUpdate) => void,
): Promise<{ status?: MessageStatus; settled: boolean }> {
  const client = createSubscriptionClient(options);
  return new Promise((resolve, reject) => {
    let status: MessageStatus | undefined;
    let done = false;
    const finish = (settle: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      stop();
      void client.dispose();
      settle();
    };
    const timer = setTimeout(
      () => finish(() => resolve({ status, settled: false })),
      options.timeoutMs ?? 60_000,
    );
    const stop = subscribe(
      client,
      FollowMessageStatus,
      { messageId, since },
      {
        next: ({ messageStatusChanged: event }) => {
          status = event.message.status;
          onStatus(event);
          if (FINAL_STATUSES.has(event.status)) finish(() => resolve({ status, settled: true }));
        },
        error: (error) => finish(() => reject(error)),
        complete: () => finish(() => resolve({ status, settled: false })),
      },
    );
  });
}

async function diagnose(options: SendAndFollowOptions, id: string, locale: Locale): Promise<Diagnosis> {
  const { message } = await execute(options, MessageDiagnosis, { id, locale });
  if (!message) throw new Error(`The gateway no longer knows message ${id}.`);
  return message.diagnosis;
}

const LOCALES: readonly Locale[] = ['EN', 'ZH_TW'];

/** `node send-and-follow.js <to> <text…>`, configured by GATEWAY_URL, GATEWAY_API_KEY and GATEWAY_LOCALE. */
async function main(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const [to, ...words] = args;
  const locale = LOCALES.find((l) => l === (env.GATEWAY_LOCALE ?? 'EN'));
  if (!to || words.length === 0 || !locale) {
    console.error('Usage: npm run example -- <to> <text>');
    console.error(
      '  env GATEWAY_URL (http://127.0.0.1:4000/graphql), GATEWAY_API_KEY, GATEWAY_LOCALE (EN | ZH_TW)',
    );
    return 2;
  }
  const httpUrl = env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql';
  const result = await sendAndFollow({
    httpUrl,
    wsUrl: httpUrl.replace(/^http/, 'ws'),
    apiKey: env.GATEWAY_API_KEY || undefined,
    to,
    text: words.join(' '),
    locale,
    onStatus: ({ status, timestamp }) => console.log(`${timestamp}  ${status}`),
  });

  if (result.kind === 'rejected') {
    console.log(`Rejected with code ${result.code}: ${result.message}`);
  } else {
    console.log(`${result.messageId} is ${result.status}${result.settled ? '' : ' (no final status yet)'}`);
  }
  if (result.diagnosis) printDiagnosis(result.diagnosis);
  const arrived = result.kind === 'sent' && ['DELIVERED', 'READ', 'PLAYED'].includes(result.status);
  return arrived ? 0 : 1;
}

function printDiagnosis(diagnosis: Diagnosis): void {
  const code = diagnosis.code === null ? '' : ` (${diagnosis.code})`;
  console.log(
    `\n${diagnosis.verdict} · ${diagnosis.cause}${code}\n${diagnosis.title}\n${diagnosis.explanation}`,
  );
  const lists = [
    ['What to do', diagnosis.solutions],
    ['Ask the customer', diagnosis.endUserSteps],
  ] as const;
  for (const [heading, lines] of lists) {
    if (lines.length > 0) console.log(`\n${heading}:\n${lines.map((line) => `  - ${line}`).join('\n')}`);
  }
}

if (require.main === module) {
  main(process.argv.slice(2), process.env).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
