// What the console knows, in one object every view reads, and the changes that several parts of the page
// make to it. Nothing here touches the page or the network: the callers redraw and ask the gateway.
import { LOCALES } from '/live/texts.js';

export const VIEWS = ['conversations', 'messages'];

/** A choice saved by an earlier visit, if it is still one the page offers. */
function saved(key, choices) {
  const value = localStorage.getItem(key);
  return choices.includes(value) ? value : choices[0];
}

export const state = {
  locale: saved('live.locale', LOCALES),
  connection: 'connecting',
  messages: new Map(),
  selectedId: null,
  client: null,
  subscription: null,
  detailsRequest: 0,
  view: saved('live.view', VIEWS),
  contacts: new Map(),
  /** Customers' messages per contact id since the agent last opened that conversation (page memory). */
  unread: new Map(),
  /** Inbound ids already counted, so that a replayed event is not counted twice. */
  seenInbound: new Set(),
  selectedContactId: null,
  /** The picked contact's items by id: outbound `Message`s and `InboundMessage`s. */
  conversation: new Map(),
  conversationRequest: 0,
  inboundSubscription: null,
  /** What the agent typed, by message id: the gateway keeps statuses, not the text sent. */
  sentTexts: new Map(),
  /** Media fetched with the key, by media id: `{ state: 'loading' | 'ready' | 'failed', url, status }`. */
  media: new Map(),
  /** The conversation's rendered bubbles by item id, reused while the item is unchanged. */
  bubbles: new Map(),
  /** Set when a conversation opens: its newest message shows, whatever the scroll position was. */
  scrollToBottom: false,
};

/**
 * Keeps the fuller of two views of a message: its history only grows, so the longer one is newer.
 * Returns false when the view already kept is the fuller one, so that nothing needs redrawing.
 */
export function applyMessage(message) {
  const known = state.messages.get(message.id);
  if (known && known.statusHistory.length > message.statusHistory.length) return false;
  state.messages.set(message.id, message);
  const contact = state.contacts.get(state.selectedContactId);
  if (contact && isTo(message, contact)) state.conversation.set(message.id, asItem(message));
  return true;
}

/** A `Message` as an item of the conversation, which also holds `InboundMessage`s and `CallEvent`s. */
export function asItem(message) {
  return { ...message, __typename: 'Message' };
}

/** A message goes to a contact known by number, by BSUID or both. */
function isTo(message, contact) {
  return Boolean(
    (message.recipient && message.recipient === contact.phone) ||
    (message.recipientUserId && message.recipientUserId === contact.userId),
  );
}

/** A customer wrote: the contact moves up, and its unread count grows unless its conversation is open. */
export function applyInbound(event) {
  const { from: contact, ...message } = event.message;
  state.contacts.set(contact.id, contact);
  const item = { ...message, __typename: 'InboundMessage' };
  if (contact.id === state.selectedContactId) {
    state.conversation.set(item.id, item);
    applyChange(item);
  } else if (!state.seenInbound.has(item.id)) {
    state.unread.set(contact.id, (state.unread.get(contact.id) ?? 0) + 1);
  }
  state.seenInbound.add(item.id);
}

/**
 * An edit or deletion that arrives live changes the message on screen as the gateway's reads show it: the
 * latest edit's text and medium, and when.
 */
function applyChange(change) {
  const original = change.changes && state.conversation.get(change.changes);
  if (!original) return;
  if (change.inboundType === 'REVOKE') {
    state.conversation.set(original.id, { ...original, revokedAt: change.timestamp });
    return;
  }
  // A later edit already shown stays (the gateway's ISO times compare as text).
  if (change.inboundType !== 'EDIT' || original.editedAt > change.timestamp) return;
  const text = change.text ?? (change.media ? null : original.text);
  const media = change.media ?? original.media;
  state.conversation.set(original.id, { ...original, text, media, editedAt: change.timestamp });
}

/**
 * Makes `id` the open conversation, empty until its items are read, with no more unread. Returns whether
 * it is another contact than the one open before.
 */
export function openContact(id) {
  const switched = id !== state.selectedContactId;
  state.selectedContactId = id;
  state.unread.set(id, 0);
  state.conversation = new Map();
  state.scrollToBottom = true;
  return switched;
}

/** The items the gateway read for the open conversation; events that arrived meanwhile keep their fuller view. */
export function mergeConversation(items) {
  for (const item of items) {
    const known = state.conversation.get(item.id);
    const newer = !known || (item.statusHistory?.length ?? 0) >= (known.statusHistory?.length ?? 0);
    if (newer) state.conversation.set(item.id, item);
    if (item.__typename === 'InboundMessage') state.seenInbound.add(item.id);
  }
  state.scrollToBottom = true;
}
