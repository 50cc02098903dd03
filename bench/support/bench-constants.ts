/** Logical Redis database the benchmarks own; flushed before every scenario. */
export const BENCH_REDIS_DB = 14;
export const BENCH_REDIS_URL = `redis://127.0.0.1:6379/${BENCH_REDIS_DB}`;

/** The gateway's key prefix (fixed in the composition root). */
export const GATEWAY_KEY_PREFIX = 'wa:';

/** One API key with every scope; production runs require keys. */
export const BENCH_API_KEY = 'bench-api-key-0123456789';
export const BENCH_APP_SECRET = 'bench-app-secret';
export const BENCH_VERIFY_TOKEN = 'bench-verify-token';

/** The business number every webhook and send speaks for (the simulator's default). */
export const BENCH_PHONE_NUMBER_ID = '106540352242922';

/** Recipients in the simulator's fictional range; outside its scenario table so they behave ordinarily. */
export const BENCH_RECIPIENT = '+12025550150';
export const BENCH_OTHER_RECIPIENT = '+12025550151';

export const SEND_DOCUMENT =
  'mutation Send($input: SendMessageInput!) { sendMessage(input: $input) { message { id status } error { code message } } }';

export const SEND_VARIABLES = { input: { to: BENCH_RECIPIENT, text: { body: 'Your order has shipped' } } };

export const SUBSCRIPTION_DOCUMENT =
  'subscription Watch($recipient: String, $since: String) { messageStatusChanged(recipient: $recipient, since: $since) { cursor status message { id } } }';
