/**
 * Every environment variable the gateway and its standalone simulator read, in the groups `.env.example`
 * shows them in. `loadConfig` can only ask for a name listed here (its reader takes a
 * `ConfigVariableName`), and tests hold `.env.example` and `docker-compose.yml` to this list.
 */
const GROUPS = [
  {
    group: 'Server',
    variables: [
      { name: 'PORT', meaning: 'TCP port for HTTP and WebSocket', default: '4000' },
      { name: 'HOST', meaning: 'Interface to listen on (0.0.0.0 in a container)', default: '127.0.0.1' },
      {
        name: 'NODE_ENV',
        meaning: 'development, production or test; production turns introspection and Sandbox off by default',
        default: 'development',
      },
      { name: 'LOG_LEVEL', meaning: 'fatal, error, warn, info, debug, trace or silent', default: 'info' },
      {
        name: 'GRAPHQL_INTROSPECTION',
        meaning: 'Answer introspection queries and suggest field names (true or false)',
        default: 'true, false when NODE_ENV=production',
      },
      {
        name: 'GRAPHQL_LANDING_PAGE',
        meaning: 'Show Apollo Sandbox on a browser GET /graphql (true or false)',
        default: 'true, false when NODE_ENV=production',
      },
    ],
  },
  {
    group: 'Redis',
    variables: [
      {
        name: 'REDIS_URL',
        meaning: 'Redis for the status store, the event stream and pub/sub (redis:// or rediss://)',
        default: 'unset (the embedded in-process store and bus)',
      },
      {
        name: 'REDIS_CLUSTER_NODES',
        meaning: 'Redis Cluster seed nodes as host:port,host:port; wins over REDIS_URL',
        default: 'unset',
      },
      {
        name: 'REDIS_KEY_PREFIX',
        meaning: 'Start of every key and channel; gateways with the same prefix share state',
        default: 'wa:',
      },
      { name: 'STREAM_MAX_LENGTH', meaning: 'Status events kept for `since` replays', default: '100000' },
      {
        name: 'MESSAGE_RETENTION_DAYS',
        meaning:
          'Days a message, inbound message or contact is kept after it was last written (a decimal, e.g. 0.5)',
        default: '30',
      },
      {
        name: 'REDIS_COMMAND_TIMEOUT_MS',
        meaning:
          'How long one Redis command may go unanswered before it fails (a hung Redis answers 503), in ms',
        default: '2000',
      },
    ],
  },
  {
    group: 'WhatsApp Cloud API',
    variables: [
      {
        name: 'WHATSAPP_ACCESS_TOKEN',
        meaning: 'The system-user token the gateway sends with',
        default: 'unset (the embedded Cloud API simulator is started and used)',
        secret: true,
      },
      {
        name: 'WHATSAPP_PHONE_NUMBER_ID',
        meaning: 'The default sender (digits)',
        default: "the simulator's number when simulated; otherwise required",
      },
      {
        name: 'WHATSAPP_BUSINESS_ACCOUNT_ID',
        meaning:
          'The WhatsApp Business Account: its templates are synced, and it is named in status and health',
        default: "the simulator's account when simulated; otherwise unset (templates are not synced)",
      },
      { name: 'WHATSAPP_APP_ID', meaning: 'The Meta app, for token debugging', default: 'unset' },
      {
        name: 'WHATSAPP_APP_SECRET',
        meaning: 'HMAC key of X-Hub-Signature-256 (the standalone simulator signs with it)',
        default: 'random per process when simulated; otherwise required',
        secret: true,
      },
      {
        name: 'WHATSAPP_VERIFY_TOKEN',
        meaning: "The secret of Meta's webhook verification handshake",
        default: 'random per process when simulated; otherwise required',
        secret: true,
      },
      {
        name: 'GRAPH_API_BASE_URL',
        meaning: 'The upstream; point it at `npm run simulator` to try real mode',
        default: 'https://graph.facebook.com',
      },
      { name: 'GRAPH_API_VERSION', meaning: 'The Graph API version in every path', default: 'v26.0' },
      {
        name: 'TEMPLATE_SYNC_INTERVAL_SECONDS',
        meaning:
          'Seconds between full syncs of the template catalogue, behind the template webhooks; 0 = never',
        default: '900',
      },
      { name: 'UPSTREAM_TIMEOUT_MS', meaning: 'Bound of one Graph API call, in ms', default: '10000' },
      {
        name: 'UPSTREAM_BREAKER_FAILURES',
        meaning: 'Consecutive Graph API failures that open the circuit breaker',
        default: '5',
      },
      {
        name: 'UPSTREAM_BREAKER_OPEN_MS',
        meaning: 'How long the open breaker refuses calls before it tries one, in ms',
        default: '10000',
      },
    ],
  },
  {
    group: 'Callers',
    variables: [
      {
        name: 'GATEWAY_API_KEYS',
        meaning:
          "The callers' keys: key:scope+scope,key2:scope (keys of 16+ characters; scopes send, read, subscribe, admin)",
        default: 'unset (open to every caller when simulated, with a loud log line); otherwise required',
        secret: true,
      },
    ],
  },
  {
    group: 'Limits',
    variables: [
      { name: 'GRAPHQL_MAX_DEPTH', meaning: 'Deepest selection a query may have', default: '10' },
      { name: 'GRAPHQL_MAX_ALIASES', meaning: 'Aliases in one operation', default: '30' },
      { name: 'GRAPHQL_MAX_COST', meaning: 'Estimated cost of one operation', default: '20000' },
      { name: 'GRAPHQL_MAX_TOKENS', meaning: 'Tokens in one document', default: '2000' },
      { name: 'GRAPHQL_MAX_DIRECTIVES', meaning: 'Directives in one operation', default: '20' },
      {
        name: 'GRAPHQL_MAX_SUBSCRIPTIONS_PER_CONNECTION',
        meaning: 'Subscriptions one WebSocket may hold',
        default: '20',
      },
      {
        name: 'GRAPHQL_MAX_BODY_BYTES',
        meaning: 'Largest /graphql request body (100 KiB)',
        default: '102400',
      },
      {
        name: 'GRAPHQL_WS_INIT_TIMEOUT_MS',
        meaning: 'How long a WebSocket may wait before connection_init, in ms',
        default: '10000',
      },
      { name: 'WEBHOOK_BODY_LIMIT_BYTES', meaning: 'Largest webhook body (1 MiB)', default: '1048576' },
      {
        name: 'MEDIA_MAX_BYTES',
        meaning: 'Largest inbound medium GET /media/{id} passes on (100 MiB, WhatsApp’s own limit)',
        default: '104857600',
      },
      {
        name: 'SEND_RATE_LIMIT_PER_SECOND',
        meaning:
          'Sends per second per sender; when set, a cap on every sender. Unset, each follows its throughput level (80/s standard, 1,000/s high, 20/s coexistence)',
        default: 'unset (80 until a sender’s level is known)',
      },
      {
        name: 'IDEMPOTENCY_TTL_SECONDS',
        meaning: 'How long an idempotencyKey returns its first result (24 h)',
        default: '86400',
      },
    ],
  },
  {
    group: 'Shutdown',
    variables: [
      {
        name: 'SHUTDOWN_DRAIN_DELAY_MS',
        meaning: 'After SIGTERM, how long to keep serving with /readyz at 503 so balancers move away, in ms',
        default: '0',
      },
      {
        name: 'SHUTDOWN_TIMEOUT_MS',
        meaning: 'Bound of the whole shutdown; past it the process exits with 1, in ms',
        default: '10000',
      },
    ],
  },
  {
    group: 'Simulator',
    variables: [
      {
        name: 'SIMULATOR_HOST',
        meaning: '`npm run simulator`: interface to listen on',
        default: '127.0.0.1',
      },
      { name: 'SIMULATOR_PORT', meaning: '`npm run simulator`: port to listen on', default: '4010' },
      {
        name: 'SIMULATOR_WEBHOOK_URL',
        meaning: '`npm run simulator`: where it posts webhooks, or off',
        default: "the gateway's /webhooks/whatsapp on PORT",
      },
      {
        name: 'SIMULATOR_WEBHOOK_DELAY_MS',
        meaning: "The simulator's gap between a message's webhooks (sent, delivered, read), in ms",
        default: '150',
      },
      {
        name: 'SIMULATOR_TEMPLATE_COUNT',
        meaning:
          "Templates in the simulator's business account: its seed templates, then fillers up to this count",
        default: '60',
      },
      {
        name: 'SIMULATOR_TEMPLATE_REVIEW_DELAY_MS',
        meaning: "How long the simulator's review of a created template takes before its webhook, in ms",
        default: '1000',
      },
    ],
  },
] as const;

export type ConfigVariableName = (typeof GROUPS)[number]['variables'][number]['name'];

export interface ConfigVariable {
  readonly name: ConfigVariableName;
  /** The heading it sits under in `.env.example`. */
  readonly group: (typeof GROUPS)[number]['group'];
  /** One line: what it sets. */
  readonly meaning: string;
  /** What applies when it is unset: the literal value, or a phrase when there is none. */
  readonly default: string;
  /** A credential: nothing may log or echo it, and `.env.example` gives it no example value. */
  readonly secret: boolean;
}

export const CONFIG_VARIABLES: readonly ConfigVariable[] = Object.freeze(
  GROUPS.flatMap(({ group, variables }) =>
    variables.map((variable) => Object.freeze({ secret: false, ...variable, group })),
  ),
);
