// How a live UI uses the gateway: queries and mutations over HTTP, status changes and customers' messages
// over graphql-ws, and `since` to resume after a dropped connection without a gap or a duplicate.
import { createClient } from '/live/vendor/graphql-ws/client.js';

const MESSAGE_SUMMARY = /* GraphQL */ `
  fragment MessageSummary on Message {
    id
    recipient
    recipientUserId
    type
    origin
    text
    status
    conflict
    createdAt
    errors {
      code
    }
    statusHistory {
      cursor
      receivedAt
    }
    diagnosis {
      verdict
    }
  }
`;

const RECENT_MESSAGES = /* GraphQL */ `
  query LiveRecentMessages($first: Int!) {
    messages(first: $first) {
      nodes {
        ...MessageSummary
      }
    }
  }
  ${MESSAGE_SUMMARY}
`;

const STATUS_CHANGES = /* GraphQL */ `
  subscription LiveStatusChanges($since: String) {
    messageStatusChanged(since: $since) {
      cursor
      message {
        ...MessageSummary
      }
    }
  }
  ${MESSAGE_SUMMARY}
`;

const MESSAGE_DETAILS = /* GraphQL */ `
  query LiveMessageDetails($id: ID!, $locale: Locale!) {
    message(id: $id) {
      id
      recipient
      recipientUserId
      phoneNumberId
      createdAt
      status
      conflict
      statusHistory {
        status
        timestamp
        receivedAt
        errors {
          code
          title
          details
        }
      }
      diagnosis(locale: $locale) {
        verdict
        cause
        code
        title
        explanation
        possibleCauses
        solutions
        endUserSteps
        retryable
        retryAfterSeconds
        links {
          title
          url
        }
        evidence
      }
    }
  }
`;

const SEND_TEXT = /* GraphQL */ `
  mutation LiveSendText($input: SendMessageInput!, $locale: Locale!) {
    sendMessage(input: $input) {
      message {
        ...MessageSummary
      }
      warnings
      error {
        code
        title
        message
        diagnosis(locale: $locale) {
          title
          explanation
          solutions
        }
      }
    }
  }
  ${MESSAGE_SUMMARY}
`;

const CONTACT_SUMMARY = /* GraphQL */ `
  fragment ContactSummary on Contact {
    id
    phone
    userId
    username
    profileName
    lastInboundAt
    lastSeenAt
    serviceWindow {
      open
      expiresAt
    }
    marketingOptOut
  }
`;

const INBOUND_SUMMARY = /* GraphQL */ `
  fragment InboundSummary on InboundMessage {
    id
    # Aliased: in the conversation's union, Message has a \`type\` of another GraphQL type.
    inboundType: type
    timestamp
    receivedAt
    text
    media {
      id
      url
      mimeType
      caption
      filename
    }
    reply {
      id
      title
    }
    reaction {
      emoji
      messageId
    }
    replyTo
    changes
    editedAt
    revokedAt
    errors {
      code
      title
    }
  }
`;

const CALL_SUMMARY = /* GraphQL */ `
  fragment CallSummary on CallEvent {
    id
    kind
    # Aliased: in the conversation's union, Message has a \`status\` of another GraphQL type.
    callStatus: status
    direction
    timestamp
    durationSeconds
    errors {
      code
      title
    }
  }
`;

const CONTACTS = /* GraphQL */ `
  query LiveContacts($first: Int!, $after: String, $filter: ContactFilter) {
    contacts(first: $first, after: $after, filter: $filter) {
      nodes {
        ...ContactSummary
      }
    }
  }
  ${CONTACT_SUMMARY}
`;

const CONVERSATION = /* GraphQL */ `
  query LiveConversation($contact: String!, $first: Int!, $after: String) {
    conversation(contact: $contact, first: $first, after: $after) {
      nodes {
        __typename
        ... on Message {
          ...MessageSummary
        }
        ... on InboundMessage {
          ...InboundSummary
        }
        ... on CallEvent {
          ...CallSummary
        }
      }
    }
  }
  ${MESSAGE_SUMMARY}
  ${INBOUND_SUMMARY}
  ${CALL_SUMMARY}
`;

const MESSAGES_RECEIVED = /* GraphQL */ `
  subscription LiveMessagesReceived($since: String) {
    messageReceived(since: $since) {
      cursor
      message {
        ...InboundSummary
        from {
          ...ContactSummary
        }
      }
    }
  }
  ${INBOUND_SUMMARY}
  ${CONTACT_SUMMARY}
`;

/** A GraphQL error answer, with the gateway's `extensions.code` (UNAUTHENTICATED, RATE_LIMITED, …). */
export class GatewayError extends Error {
  constructor(error) {
    super(error.message);
    this.code = error.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
    this.reason = error.extensions?.reason;
  }
}

/** The newest event cursor in `messages`' histories: where a subscription picks up after a list read. */
export function latestCursor(messages) {
  let latest = null;
  for (const message of messages) {
    for (const event of message.statusHistory) {
      if (latest === null || compareCursors(event.cursor, latest) > 0) latest = event.cursor;
    }
  }
  return latest;
}

// Cursors are stream entry ids, `<milliseconds>-<sequence>`; they order numerically, part by part.
function compareCursors(a, b) {
  const [aTime, aSequence] = a.split('-').map(BigInt);
  const [bTime, bSequence] = b.split('-').map(BigInt);
  if (aTime !== bTime) return aTime < bTime ? -1 : 1;
  return aSequence === bSequence ? 0 : aSequence < bSequence ? -1 : 1;
}

export class GatewayClient {
  /** @param apiKey sent as `Authorization: Bearer` over HTTP and as `apiKey` in `connection_init`. */
  constructor({ apiKey, onConnection }) {
    this.apiKey = apiKey;
    const socketUrl = new URL('/graphql', location.href);
    socketUrl.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
    this.socket = createClient({
      url: socketUrl.href,
      connectionParams: () => (this.apiKey ? { apiKey: this.apiKey } : {}),
      retryAttempts: Infinity,
      // Back off up to ten seconds between attempts; a gateway restart or deploy is usually shorter.
      retryWait: (retries) =>
        new Promise((resolve) =>
          setTimeout(resolve, Math.min(10_000, 500 * 2 ** retries) * (0.5 + Math.random())),
        ),
      // The gateway closes with 4401/4403 for a missing, unknown or under-scoped key: retrying cannot help.
      shouldRetry: (event) => !(event && (event.code === 4401 || event.code === 4403)),
      on: {
        connecting: (isRetry) => onConnection(isRetry ? 'reconnecting' : 'connecting'),
        connected: (_socket, _payload, wasRetry) => onConnection('live', wasRetry),
        closed: (event) => {
          if (event?.code === 4401 || event?.code === 4403) onConnection('unauthorized');
        },
      },
    });
  }

  async recentMessages(first) {
    const data = await this.request(RECENT_MESSAGES, { first });
    return data.messages.nodes;
  }

  messageDetails(id, locale) {
    return this.request(MESSAGE_DETAILS, { id, locale }).then((data) => data.message);
  }

  async contacts(first) {
    const data = await this.request(CONTACTS, { first });
    return data.contacts.nodes;
  }

  /** A contact's newest `first` items (`Message`s, `InboundMessage`s and `CallEvent`s), newest first. */
  async conversation(contact, first) {
    const data = await this.request(CONVERSATION, { contact, first });
    return data.conversation.nodes;
  }

  /**
   * An inbound medium through the gateway's `/media/{id}`, which wants the key as a bearer token: the
   * bytes are fetched here and shown through a `blob:` URL, so the key never sits in a URL.
   */
  async mediaBlob(url) {
    const headers = this.apiKey ? { authorization: `Bearer ${this.apiKey}` } : {};
    const response = await fetch(new URL(url, location.href).pathname, { headers });
    if (!response.ok) throw Object.assign(new Error(String(response.status)), { status: response.status });
    return response.blob();
  }

  sendText(to, body, locale) {
    // A fresh key per click: a retried or double-submitted request still reaches WhatsApp once.
    const input = { to, text: { body }, idempotencyKey: crypto.randomUUID() };
    return this.request(SEND_TEXT, { input, locale }).then((data) => data.sendMessage);
  }

  /**
   * Every status change after `since`, then live ones. On a reconnect the client sends the same payload
   * again, so `since` is moved along as events arrive: the server replays exactly what was missed.
   * Returns the subscription's `stop` and its latest `cursor()` (null until the first event).
   */
  followStatusChanges(since, handlers) {
    return this.follow(STATUS_CHANGES, 'messageStatusChanged', since, handlers);
  }

  /** Every message a customer wrote after `since`, then live ones; resumes like `followStatusChanges`. */
  followMessagesReceived(since, handlers) {
    return this.follow(MESSAGES_RECEIVED, 'messageReceived', since, handlers);
  }

  follow(query, field, since, { next, error }) {
    const payload = { query, variables: { since } };
    const stop = this.socket.subscribe(payload, {
      next: (result) => {
        if (result.errors?.length) return error(new GatewayError(result.errors[0]));
        const event = result.data[field];
        payload.variables.since = event.cursor;
        next(event);
      },
      error: (reason) => error(Array.isArray(reason) ? new GatewayError(reason[0]) : reason),
      complete: () => {},
    });
    return { stop, cursor: () => payload.variables.since };
  }

  close() {
    return this.socket.dispose();
  }

  async request(query, variables) {
    const headers = { 'content-type': 'application/json' };
    if (this.apiKey) headers.authorization = `Bearer ${this.apiKey}`;
    const response = await fetch('/graphql', {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.json();
    if (body.errors?.length) throw new GatewayError(body.errors[0]);
    return body.data;
  }
}
