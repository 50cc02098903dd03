// Following the gateway: one client per API key, the first reads, both subscriptions, and what the page
// does when the connection drops or a request fails.
import { GatewayClient, latestCursor } from '/live/api.js';
import { selectContact } from '/live/conversation-view.js';
import { LIST_SIZE } from '/live/messages-view.js';
import { askForKey, hideKeyForm, isKeyRefused, showConnection } from '/live/page.js';
import { scheduleRender } from '/live/render-schedule.js';
import { state } from '/live/state.js';
import { receiveInbound, receiveMessage } from '/live/updates.js';

const CONTACT_LIST_SIZE = 100;
/** After a failure that is neither about the key nor the connection (which retries by itself). */
const RESTART_AFTER_MS = 5_000;

/**
 * Reads the newest messages, then follows every change after the newest event they include: the
 * subscription replays what happened between the two, so the list has no gap.
 */
async function startFollowing() {
  state.subscription?.stop();
  state.subscription = null;
  state.inboundSubscription?.stop();
  state.inboundSubscription = null;
  try {
    const messages = await state.client.recentMessages(LIST_SIZE);
    state.messages = new Map(messages.map((message) => [message.id, message]));
    scheduleRender();
    state.subscription = state.client.followStatusChanges(latestCursor(messages), {
      next: (event) => receiveMessage(event.message),
      error: onGatewayError,
    });
    // Customers' messages from now on, then the contacts as they are: one written in between shows in
    // both, and counts once.
    state.inboundSubscription = state.client.followMessagesReceived(null, {
      next: receiveInbound,
      error: onGatewayError,
    });
    await refreshContacts();
    if (state.selectedContactId) void selectContact(state.selectedContactId);
  } catch (error) {
    onGatewayError(error);
  }
}

/** Reads the newest messages again, keeping what the subscription already brought. */
async function refreshList() {
  try {
    for (const message of await state.client.recentMessages(LIST_SIZE)) receiveMessage(message);
  } catch (error) {
    onGatewayError(error);
  }
}

async function refreshContacts() {
  try {
    for (const contact of await state.client.contacts(CONTACT_LIST_SIZE)) {
      state.contacts.set(contact.id, contact);
    }
    scheduleRender();
  } catch (error) {
    onGatewayError(error);
  }
}

function onGatewayError(error) {
  if (isKeyRefused(error) || state.connection === 'unauthorized') return askForKey();
  // The cursor is older than the stream keeps: start over from a fresh read. (A query the gateway cannot
  // validate would fail again at once: it waits like any other failure.)
  if (error?.code === 'BAD_USER_INPUT' && error.reason !== 'GRAPHQL_VALIDATION_FAILED') {
    return void startFollowing();
  }
  showConnection('failed');
  console.warn('live status:', error);
  setTimeout(() => void startFollowing(), RESTART_AFTER_MS);
}

/** The client's `onConnection`: each state of the WebSocket, and whether it came back after a drop. */
function onConnection(connection, wasRetry = false) {
  showConnection(connection);
  // A subscription that has seen no event yet resumes without a cursor, so nothing missed while the
  // connection was down would be replayed: the list is read again instead.
  if (wasRetry && state.subscription && state.subscription.cursor() === null) void refreshList();
  if (wasRetry && state.inboundSubscription && state.inboundSubscription.cursor() === null) {
    void refreshContacts();
    if (state.selectedContactId) void selectContact(state.selectedContactId);
  }
}

function connect(apiKey) {
  state.client?.close();
  // A medium refused for want of a key may load with this one.
  for (const [id, media] of state.media) if (media.state === 'failed') state.media.delete(id);
  state.client = new GatewayClient({ apiKey, onConnection });
  void startFollowing();
}

/** The key the agent typed in the key form, from now on. */
export function useApiKey(apiKey) {
  // The session keeps the key, so a reload does not ask again; closing the tab forgets it.
  sessionStorage.setItem('live.apiKey', apiKey);
  hideKeyForm();
  showConnection('connecting');
  connect(apiKey);
}

/** The first connection, with the key this tab was given before, if any. */
export function connectWithSavedKey() {
  connect(sessionStorage.getItem('live.apiKey') ?? '');
}
