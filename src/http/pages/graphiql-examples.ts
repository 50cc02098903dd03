/**
 * A number of the embedded simulator that is accepted, then sent, delivered and read. The other
 * scenario numbers (`+12025550110` … `+12025550139`) are listed in docs/simulator.md.
 */
const ORDINARY_RECIPIENT = '+12025550100';

/**
 * The document `/graphiql` opens with: send a message, follow its statuses, ask why it is where it is,
 * and check the access token. One document rather than one tab per operation: in GraphiQL 5.2, tabs
 * preloaded with `defaultTabs` ignore the first click on each of them (all but the last), and that
 * click is the first thing a newcomer does. A test
 * validates the document against the schema, so a renamed field fails the build rather than the person
 * trying the explorer. Lines stay under 60 characters: the editor is half the window wide.
 */
export const GRAPHIQL_EXAMPLE_DOCUMENT = `# Four operations to try. Press ▶ and pick one, or put
# the cursor in one and press Ctrl-Enter. Their variables
# are all in Variables below; each uses its own.
#
# When the gateway has API keys (GATEWAY_API_KEYS), put
# your key in Headers below; subscriptions use it too:
#   { "Authorization": "Bearer <your key>" }

# Sends a text message. With the embedded simulator (no
# WHATSAPP_ACCESS_TOKEN) the recipient decides the outcome:
#   +12025550100  accepted, then sent, delivered, read
#   +12025550112  refused by Meta with 131026
#   +12025550130  accepted, then failed in a webhook
#
# Meta's refusal is not a GraphQL error: it comes back
# in \`error\`, with a diagnosis. Copy \`message.id\` into
# the "id" variable for MessageWithDiagnosis.
mutation SendMessage($to: String!, $body: String!) {
  sendMessage(input: { to: $to, text: { body: $body } }) {
    message {
      id
      recipient
      status
      createdAt
    }
    error {
      httpStatus
      code
      title
      details
      diagnosis(locale: EN) {
        verdict
        cause
        explanation
        solutions
      }
    }
  }
}

# Follows status changes over a WebSocket. Start it, then
# send a message from another window or client: sent,
# delivered and read appear here as Meta's webhooks arrive.
#
# Every event has a \`cursor\`. Put the last one you saw
# in "since" to replay what came after it, then go live
# again: no gap, no duplicate. With "since" null, only
# new events come.
subscription FollowStatus($recipient: String, $since: String) {
  messageStatusChanged(recipient: $recipient, since: $since) {
    cursor
    status
    previousStatus
    timestamp
    errors {
      code
      title
    }
    message {
      id
      status
    }
  }
}

# One message, its status history, and why it is where it
# is, in English and Traditional Chinese: the aliases en:
# and zhTW: ask for one field twice with different
# arguments.
query MessageWithDiagnosis($id: ID!) {
  message(id: $id) {
    id
    recipient
    status
    statusHistory {
      status
      timestamp
    }
    en: diagnosis(locale: EN) {
      verdict
      cause
      title
      explanation
      solutions
      endUserSteps
      retryable
    }
    zhTW: diagnosis(locale: ZH_TW) {
      verdict
      cause
      title
      explanation
      solutions
      endUserSteps
      retryable
    }
  }
}

# What Meta says about an access token: validity, expiry,
# permissions. With "token" null it inspects the gateway's
# own. The token never appears in the answer. With the
# simulator, try SIM_TOKEN_EXPIRED as the token.
query DebugToken($token: String) {
  debugToken(token: $token) {
    isValid
    type
    appId
    expiresAt
    scopes
    missingPermissions
    diagnosis(locale: EN) {
      verdict
      cause
      explanation
      solutions
    }
  }
}
`;

/** The variables of every operation above; GraphQL ignores those an operation does not declare. */
export const GRAPHIQL_EXAMPLE_VARIABLES: Readonly<Record<string, unknown>> = Object.freeze({
  to: ORDINARY_RECIPIENT,
  body: 'Hello from GraphiQL',
  recipient: ORDINARY_RECIPIENT,
  since: null,
  id: 'wamid.PASTE_THE_ID_SENDMESSAGE_RETURNED',
  token: null,
});
