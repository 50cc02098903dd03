// The agent console: contacts with their service window and unread count, the picked contact's conversation
// with a reply box, and every message's status, all kept current by two subscriptions (status changes and
// customers' messages); a message's history and diagnosis on the side. Everything is written with
// textContent: no text from the gateway is parsed as HTML.
import { GatewayClient, latestCursor } from '/live/api.js';
import { LOCALES, languageTag, text } from '/live/texts.js';

const LIST_SIZE = 100;
const CONTACT_LIST_SIZE = 100;
const CONVERSATION_SIZE = 50;
/** How often windows are checked against the clock: a window closes without any event saying so. */
const WINDOW_CHECK_MS = 30_000;
const VIEWS = ['conversations', 'messages'];
/** After a failure that is neither about the key nor the connection (which retries by itself). */
const RESTART_AFTER_MS = 5_000;
const STATUS_TONES = {
  ACCEPTED: 'pending',
  HELD: 'pending',
  SENT: 'pending',
  DELIVERED: 'ok',
  READ: 'ok',
  PLAYED: 'ok',
  FAILED: 'bad',
  DELETED: 'info',
  WARNING: 'bad',
};
const VERDICT_TONES = { OK: 'ok', PENDING: 'pending', AT_RISK: 'bad', FAILED: 'bad', UNKNOWN: 'info' };

const state = {
  locale: LOCALES.includes(localStorage.getItem('live.locale')) ? localStorage.getItem('live.locale') : 'EN',
  connection: 'connecting',
  messages: new Map(),
  selectedId: null,
  client: null,
  subscription: null,
  detailsRequest: 0,
  view: VIEWS.includes(localStorage.getItem('live.view')) ? localStorage.getItem('live.view') : VIEWS[0],
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

const $ = (id) => document.getElementById(id);
const t = (id, values) => text(state.locale, id, values);

function element(tag, properties = {}, children = [], data = {}) {
  const node = Object.assign(document.createElement(tag), properties);
  Object.assign(node.dataset, data);
  node.append(...children);
  return node;
}

function badge(kind, value, tone) {
  return element('span', { className: 'badge', textContent: t(`${kind}.${value}`) }, [], { tone, value });
}

function formatTime(iso) {
  return new Intl.DateTimeFormat(languageTag(state.locale), {
    dateStyle: 'short',
    timeStyle: 'medium',
  }).format(new Date(iso));
}

function lastUpdate(message) {
  return message.statusHistory.at(-1)?.receivedAt ?? message.createdAt;
}

// Rendering --------------------------------------------------------------------------------------------

let renderScheduled = false;
function scheduleRender() {
  if (renderScheduled) return;
  renderScheduled = true;
  requestAnimationFrame(() => {
    renderScheduled = false;
    renderList();
    renderContacts();
    renderConversation();
  });
}

function renderStaticTexts() {
  document.documentElement.lang = languageTag(state.locale);
  document.title = t('title');
  for (const node of document.querySelectorAll('[data-text]')) node.textContent = t(node.dataset.text);
  $('locale').value = state.locale;
  $('main').dataset.view = state.view;
  for (const view of VIEWS) $(`view-${view}`).setAttribute('aria-selected', String(view === state.view));
  $('reply-text').placeholder = t('replyPlaceholder');
  const connection = $('connection');
  connection.dataset.state = state.connection;
  connection.textContent = t(`connection.${state.connection}`);
}

function renderList() {
  const messages = [...state.messages.values()]
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, LIST_SIZE);
  const rows = messages.map((message) => {
    const row = element(
      'tr',
      { tabIndex: 0 },
      [
        element('td', { textContent: customerOf(message) }),
        element('td', { className: 'wamid', textContent: message.id.slice(-12), title: message.id }),
        element('td', {}, [badge('status', message.status, STATUS_TONES[message.status])]),
        element('td', { textContent: formatTime(lastUpdate(message)) }),
        element('td', {}, [
          badge('verdict', message.diagnosis.verdict, VERDICT_TONES[message.diagnosis.verdict]),
        ]),
      ],
      { messageId: message.id, status: message.status },
    );
    row.setAttribute('aria-selected', String(message.id === state.selectedId));
    return row;
  });
  $('message-rows').replaceChildren(...rows);
  $('empty').hidden = messages.length > 0;
}

function contactName(contact) {
  return contact.profileName ?? contact.username ?? contact.phone ?? contact.userId ?? contact.id;
}

/** The other names of a contact, after the one shown first. */
function contactAliases(contact) {
  const name = contactName(contact);
  return [contact.username && `@${contact.username}`, contact.phone, contact.userId]
    .filter((value) => value && value !== name && `@${value}` !== name)
    .join(' · ');
}

/** Open while the clock is before `expiresAt`: a window closes without an event saying so. */
function windowOpen(contact) {
  const { expiresAt } = contact.serviceWindow;
  return expiresAt !== null && Date.parse(expiresAt) > Date.now();
}

function windowBadge(contact) {
  const open = windowOpen(contact);
  const label = open
    ? t('window.open', { time: formatTime(contact.serviceWindow.expiresAt) })
    : contact.lastInboundAt
      ? t('window.closed')
      : t('window.never');
  return element('span', { className: 'window', textContent: label }, [], { open: String(open) });
}

function lastActivity(contact) {
  return contact.lastInboundAt ?? contact.lastSeenAt ?? '';
}

function renderContacts() {
  const contacts = [...state.contacts.values()].sort((a, b) =>
    lastActivity(b).localeCompare(lastActivity(a)),
  );
  const rows = contacts.map((contact) => {
    const unread = state.unread.get(contact.id) ?? 0;
    const row = element(
      'li',
      { tabIndex: 0 },
      [
        element('span', { className: 'contact-name', textContent: contactName(contact) }),
        unread > 0
          ? element('span', {
              className: 'unread',
              textContent: String(unread),
              title: t('unread', { count: unread }),
            })
          : element('span'),
        element('span', { className: 'contact-sub', textContent: contactAliases(contact) }),
        ...(contact.marketingOptOut
          ? [element('span', { className: 'contact-sub', textContent: t('optedOut') })]
          : [element('span')]),
        windowBadge(contact),
      ],
      { contactId: contact.id, unread: String(unread), windowOpen: String(windowOpen(contact)) },
    );
    row.setAttribute('aria-selected', String(contact.id === state.selectedContactId));
    return row;
  });
  $('contact-list').replaceChildren(...rows);
  $('no-contacts').hidden = contacts.length > 0;
}

/**
 * When an item happened, in milliseconds. Meta times a customer's message to the second only: within that
 * second, the moment the gateway received it says where it goes (a photo sent right after reading comes
 * after the message read); a message received later (a redelivery, an old one) stays in its own second.
 */
function itemTime(item) {
  if (item.__typename === 'Message') return Date.parse(item.createdAt);
  if (item.__typename === 'CallEvent') return Date.parse(item.timestamp);
  const sent = Date.parse(item.timestamp);
  return Math.max(sent, Math.min(Date.parse(item.receivedAt), sent + 999));
}

function renderConversation() {
  const contact = state.contacts.get(state.selectedContactId);
  $('pick-contact').hidden = Boolean(contact);
  $('conversation-view').hidden = !contact;
  if (!contact) return;

  $('conversation-header').replaceChildren(
    element('h2', { textContent: contactName(contact) }),
    element('span', { className: 'contact-sub', textContent: contactAliases(contact) }),
    windowBadge(contact),
  );
  $('window-closed').hidden = windowOpen(contact);

  const chat = $('conversation');
  // Follow new messages only when the agent is at the bottom already, as chat apps do.
  const atBottom = chat.scrollHeight - chat.scrollTop - chat.clientHeight < 40;
  const items = [...state.conversation.values()]
    .filter((item) => !shownOnItsMessage(item))
    .sort((a, b) => itemTime(a) - itemTime(b) || a.id.localeCompare(b.id));
  const bubbles = new Map();
  const nodes = items.map((item) => {
    const signature = bubbleSignature(item);
    const known = state.bubbles.get(item.id);
    const node = known?.signature === signature ? known.node : renderBubble(item);
    node.setAttribute('aria-selected', String(item.id === state.selectedId));
    bubbles.set(item.id, { signature, node });
    return node;
  });
  state.bubbles = bubbles;
  chat.replaceChildren(...nodes);
  if (!items.length) chat.append(element('li', { className: 'empty', textContent: t('noItems') }));
  if (atBottom || state.scrollToBottom) {
    chat.scrollTop = chat.scrollHeight;
    state.scrollToBottom = false;
  }
}

/** What a bubble shows depends on: a new status, a loaded medium or another language redraws it. */
function bubbleSignature(item) {
  const media = item.media ? state.media.get(item.media.id)?.state : '';
  const history = item.statusHistory?.length ?? 0;
  const changed = [item.editedAt ?? '', item.revokedAt ?? ''];
  return [state.locale, item.status, history, media, state.sentTexts.has(item.id), ...changed].join('|');
}

/** A customer's edit or deletion of a message on screen is shown on that message, not as a bubble of its own. */
function shownOnItsMessage(item) {
  return Boolean(item.changes && state.conversation.has(item.changes));
}

function renderBubble(item) {
  if (item.__typename === 'CallEvent') return callBubble(item);
  return item.__typename === 'Message' ? outboundBubble(item) : inboundBubble(item);
}

function outboundBubble(message) {
  const verdict = message.diagnosis.verdict;
  return element(
    'li',
    { tabIndex: 0 },
    [
      element('div', {
        className: 'body',
        // What the agent typed here, or what the business wrote in the WhatsApp Business app.
        textContent: state.sentTexts.get(message.id) ?? message.text ?? t('sentText', { type: message.type }),
      }),
      element('div', { className: 'meta' }, [
        element('span', { textContent: formatTime(message.createdAt) }),
        ...(message.origin === 'BUSINESS_APP' ? [element('span', { textContent: t('fromApp') })] : []),
        badge('status', message.status, STATUS_TONES[message.status]),
        ...(verdict === 'OK' || verdict === 'PENDING'
          ? []
          : [badge('verdict', verdict, VERDICT_TONES[verdict])]),
      ]),
    ],
    { direction: 'outbound', messageId: message.id, status: message.status },
  );
}

function inboundBubble(message) {
  const parts = [];
  // A deleted message reads as WhatsApp shows it; a deletion of a message not on screen says what it was.
  if (message.revokedAt || message.inboundType === 'REVOKE') {
    const deleted = message.revokedAt ? t('deleted') : t('deletedEarlier');
    parts.push(element('div', { className: 'body deleted', textContent: deleted }));
  } else parts.push(...inboundContent(message));
  const meta = [
    element('span', { textContent: formatTime(message.timestamp) }),
    element('span', { textContent: t(`inbound.${message.inboundType}`) }),
  ];
  if (message.editedAt && !message.revokedAt) {
    meta.push(element('span', { textContent: t('edited', { time: formatTime(message.editedAt) }) }));
  }
  if (message.replyTo) {
    meta.push(element('span', { textContent: t('inReplyTo', { id: message.replyTo.slice(-12) }) }));
  }
  return element('li', {}, [...parts, element('div', { className: 'meta' }, meta)], {
    direction: 'inbound',
    messageId: message.id,
    type: message.inboundType,
  });
}

function inboundContent(message) {
  const parts = [];
  if (message.media) parts.push(mediaPreview(message.media));
  if (message.reply?.title)
    parts.push(element('div', { textContent: t('chose', { title: message.reply.title }) }));
  else if (message.text) parts.push(element('div', { className: 'body', textContent: message.text }));
  if (message.reaction) {
    const reaction = message.reaction.emoji
      ? t('reacted', { emoji: message.reaction.emoji })
      : t('reactionRemoved');
    parts.push(element('div', { textContent: reaction }));
  }
  for (const error of message.errors) {
    parts.push(element('div', { textContent: `${error.code} ${error.title ?? ''}`.trim() }));
  }
  return parts;
}

/** One event of a call with the customer: who called, what became of it, how long it lasted. */
function callBubble(call) {
  const phase = call.callStatus ?? call.kind;
  const parts = [
    element('div', {
      className: 'body',
      textContent: t('callLine', {
        call: t(`call.${call.direction ?? 'UNKNOWN'}`),
        state: t(`callState.${phase}`),
      }),
    }),
  ];
  for (const error of call.errors) {
    parts.push(element('div', { textContent: `${error.code} ${error.title ?? ''}`.trim() }));
  }
  const meta = [element('span', { textContent: formatTime(call.timestamp) })];
  if (call.durationSeconds !== null) {
    meta.push(element('span', { textContent: t('callDuration', { seconds: call.durationSeconds }) }));
  }
  return element('li', {}, [...parts, element('div', { className: 'meta' }, meta)], {
    direction: 'call',
    callEventId: call.id,
    state: phase,
  });
}

/**
 * An image as <img>, anything else as a download link; both through a blob: URL of bytes fetched with
 * the key. (The caption is the message's text, shown below.)
 */
function mediaPreview(media) {
  const loaded = state.media.get(media.id);
  if (!loaded) void loadMedia(media);
  if (!loaded || loaded.state === 'loading') {
    return element('div', { className: 'media', textContent: t('mediaLoading') });
  }
  if (loaded.state === 'failed') {
    return element('div', { className: 'media', textContent: t('mediaFailed', { status: loaded.status }) });
  }
  if (media.mimeType?.startsWith('image/')) {
    return element('figure', { className: 'media' }, [
      element('img', { src: loaded.url, alt: media.caption ?? t('inbound.IMAGE') }, [], {
        mediaId: media.id,
      }),
    ]);
  }
  const name = media.filename ?? `${media.id}${extensionOf(media.mimeType)}`;
  return element('div', { className: 'media' }, [
    element('a', { href: loaded.url, download: name, textContent: t('download', { name }) }, [], {
      mediaId: media.id,
    }),
  ]);
}

function extensionOf(mimeType) {
  const subtype = mimeType?.split('/')[1]?.split(';')[0];
  return subtype ? `.${subtype}` : '';
}

async function loadMedia(media) {
  state.media.set(media.id, { state: 'loading' });
  try {
    const blob = await state.client.mediaBlob(media.url);
    state.media.set(media.id, { state: 'ready', url: URL.createObjectURL(blob) });
  } catch (error) {
    state.media.set(media.id, { state: 'failed', status: error.status ?? error.message });
  }
  scheduleRender();
}

function section(titleId, items) {
  if (!items.length) return [];
  return [element('h3', { textContent: t(titleId) }), element('ul', {}, items)];
}

function renderDetails(message) {
  const details = $('details');
  if (!message) {
    details.replaceChildren(element('p', { className: 'empty', textContent: t('notFound') }));
    return;
  }
  const { diagnosis } = message;
  const history = message.statusHistory.map((event) =>
    element('li', {}, [
      badge('status', event.status, STATUS_TONES[event.status]),
      element('span', { textContent: formatTime(event.timestamp) }),
      element('span', { textContent: t('receivedAt', { time: formatTime(event.receivedAt) }) }),
      ...event.errors.map((error) =>
        element('div', { textContent: `${error.code} ${error.title ?? ''} ${error.details ?? ''}`.trim() }),
      ),
    ]),
  );
  const listItems = (texts) => texts.map((value) => element('li', { textContent: value }));
  const links = diagnosis.links
    .filter((link) => /^https?:\/\//.test(link.url))
    .map((link) =>
      element('li', {}, [
        element('a', { href: link.url, textContent: link.title, target: '_blank', rel: 'noopener' }),
      ]),
    );
  const retry = diagnosis.retryable
    ? diagnosis.retryAfterSeconds
      ? t('retryAfter', { seconds: diagnosis.retryAfterSeconds })
      : ''
    : t('notRetryable');

  details.replaceChildren(
    element('h2', { textContent: message.id }),
    element('dl', {}, [
      element('dt', { textContent: t('recipient') }),
      element('dd', { textContent: customerOf(message) }),
      element('dt', { textContent: t('from') }),
      element('dd', { textContent: message.phoneNumberId }),
      element('dt', { textContent: t('sentAt') }),
      element('dd', { textContent: formatTime(message.createdAt) }),
      element('dt', { textContent: t('status') }),
      element('dd', {}, [badge('status', message.status, STATUS_TONES[message.status])]),
    ]),
    ...(message.conflict ? [element('p', { textContent: t('conflict') })] : []),
    element('h3', { textContent: t('history') }),
    element('ol', { className: 'history' }, history),
    element(
      'section',
      { id: 'diagnosis' },
      [
        element('h3', { textContent: t('diagnosis') }),
        badge('verdict', diagnosis.verdict, VERDICT_TONES[diagnosis.verdict]),
        element('h2', { className: 'diagnosis-title', textContent: diagnosis.title }),
        element('p', { className: 'explanation', textContent: diagnosis.explanation }),
        ...(retry ? [element('p', { textContent: retry })] : []),
        ...section('possibleCauses', listItems(diagnosis.possibleCauses)),
        ...section('solutions', listItems(diagnosis.solutions)),
        ...section('endUserSteps', listItems(diagnosis.endUserSteps)),
        ...section('links', links),
        ...section('evidence', listItems(diagnosis.evidence)),
      ],
      { cause: diagnosis.cause, locale: state.locale },
    ),
  );
}

// Data -------------------------------------------------------------------------------------------------

async function showDetails(id) {
  state.selectedId = id;
  scheduleRender();
  const request = ++state.detailsRequest;
  try {
    const message = await state.client.messageDetails(id, state.locale);
    // A later pick or a newer event asked again meanwhile: that answer wins.
    if (request === state.detailsRequest) renderDetails(message);
  } catch (error) {
    if (isKeyRefused(error)) return onGatewayError(error);
    $('details').replaceChildren(element('p', { className: 'empty', textContent: error.message }));
  }
}

/** Keeps the fuller of two views of a message: its history only grows, so the longer one is newer. */
function applyMessage(message) {
  const known = state.messages.get(message.id);
  if (known && known.statusHistory.length > message.statusHistory.length) return;
  state.messages.set(message.id, message);
  const contact = state.contacts.get(state.selectedContactId);
  if (contact && isTo(message, contact)) state.conversation.set(message.id, asItem(message));
  scheduleRender();
  if (message.id === state.selectedId) void showDetails(message.id);
}

function asItem(message) {
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
function applyInbound(event) {
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
  scheduleRender();
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

/** Opens a contact's conversation: its newest items, oldest at the top, and no more unread. */
async function selectContact(id) {
  const switched = id !== state.selectedContactId;
  state.selectedContactId = id;
  state.unread.set(id, 0);
  state.conversation = new Map();
  state.scrollToBottom = true;
  if (switched) {
    // The side panel showed a message of the previous conversation.
    state.selectedId = null;
    state.detailsRequest++;
    $('details').replaceChildren(
      element('p', { className: 'empty', textContent: t('pick') }, [], { text: 'pick' }),
    );
  }
  $('reply-result').replaceChildren();
  scheduleRender();
  const request = ++state.conversationRequest;
  try {
    const items = await state.client.conversation(id, CONVERSATION_SIZE);
    if (request !== state.conversationRequest) return;
    // Events that arrived while the page read keep their fuller view.
    for (const item of items) {
      const known = state.conversation.get(item.id);
      const newer = !known || (item.statusHistory?.length ?? 0) >= (known.statusHistory?.length ?? 0);
      if (newer) state.conversation.set(item.id, item);
      if (item.__typename === 'InboundMessage') state.seenInbound.add(item.id);
    }
    state.scrollToBottom = true;
    scheduleRender();
  } catch (error) {
    if (isKeyRefused(error)) return onGatewayError(error);
    $('conversation').replaceChildren(element('li', { className: 'empty', textContent: error.message }));
  }
}

function setView(view) {
  state.view = view;
  localStorage.setItem('live.view', view);
  renderStaticTexts();
}

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
      next: (event) => applyMessage(event.message),
      error: onGatewayError,
    });
    // Customers' messages from now on, then the contacts as they are: one written in between shows in
    // both, and counts once.
    state.inboundSubscription = state.client.followMessagesReceived(null, {
      next: applyInbound,
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
    for (const message of await state.client.recentMessages(LIST_SIZE)) applyMessage(message);
  } catch (error) {
    onGatewayError(error);
  }
}

function isKeyRefused(error) {
  return error?.code === 'UNAUTHENTICATED' || error?.code === 'FORBIDDEN';
}

function onGatewayError(error) {
  if (isKeyRefused(error) || state.connection === 'unauthorized') {
    setConnection('unauthorized');
    $('api-key-form').hidden = false;
    return;
  }
  // The cursor is older than the stream keeps: start over from a fresh read. (A query the gateway cannot
  // validate would fail again at once: it waits like any other failure.)
  if (error?.code === 'BAD_USER_INPUT' && error.reason !== 'GRAPHQL_VALIDATION_FAILED') {
    return void startFollowing();
  }
  setConnection('failed');
  console.warn('live status:', error);
  setTimeout(() => void startFollowing(), RESTART_AFTER_MS);
}

function setConnection(connection, wasRetry = false) {
  state.connection = connection;
  renderStaticTexts();
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
  state.client = new GatewayClient({ apiKey, onConnection: setConnection });
  void startFollowing();
}

// Wiring -----------------------------------------------------------------------------------------------

$('locale').addEventListener('change', (event) => {
  state.locale = event.target.value;
  localStorage.setItem('live.locale', state.locale);
  // The last send's outcome was written in the previous language (a refusal's title comes from the gateway).
  $('send-result').textContent = '';
  $('reply-result').replaceChildren();
  renderStaticTexts();
  scheduleRender();
  if (state.selectedId) void showDetails(state.selectedId);
});

$('message-rows').addEventListener('click', (event) => {
  const row = event.target.closest('tr');
  if (row) void showDetails(row.dataset.messageId);
});

$('message-rows').addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && event.target.dataset.messageId)
    void showDetails(event.target.dataset.messageId);
});

for (const view of VIEWS) $(`view-${view}`).addEventListener('click', () => setView(view));

$('contact-list').addEventListener('click', (event) => {
  const row = event.target.closest('li');
  if (row) void selectContact(row.dataset.contactId);
});

$('contact-list').addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && event.target.dataset.contactId)
    void selectContact(event.target.dataset.contactId);
});

// An outbound bubble opens the message's history and diagnosis on the side, as a row of the list does.
$('conversation').addEventListener('click', (event) => {
  const bubble = event.target.closest('li[data-direction="outbound"]');
  if (bubble) void showDetails(bubble.dataset.messageId);
});

$('conversation').addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && event.target.dataset?.direction === 'outbound')
    void showDetails(event.target.dataset.messageId);
});

$('reply-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const contact = state.contacts.get(state.selectedContactId);
  // One send per click: the button waits for the answer (Enter submits too, hence the check).
  const button = $('reply-form').querySelector('button[type="submit"]');
  if (!contact || button.disabled) return;
  const result = $('reply-result');
  const line = (kind, value) => element('p', { textContent: value }, [], { kind });
  result.replaceChildren(line('progress', t('sending')));
  delete result.dataset.outcome;
  const body = $('reply-text').value;
  button.disabled = true;
  try {
    const payload = await state.client.sendText(contact.phone ?? contact.userId, body, state.locale);
    const warnings = payload.warnings.map((warning) => line('warning', t('warning', { text: warning })));
    if (payload.message) {
      state.sentTexts.set(payload.message.id, body);
      state.conversation.set(payload.message.id, asItem(payload.message));
      applyMessage(payload.message);
      $('reply-text').value = '';
      result.replaceChildren(...warnings);
      result.dataset.outcome = 'accepted';
    } else {
      const { diagnosis } = payload.error;
      result.replaceChildren(
        ...warnings,
        line('refused', t('rejected', { code: payload.error.code, title: diagnosis.title })),
        line('explanation', diagnosis.explanation),
        ...diagnosis.solutions.map((solution) => line('solution', solution)),
      );
      result.dataset.outcome = 'refused';
    }
  } catch (error) {
    result.replaceChildren(line('failed', t('sendFailed', { message: error.message })));
    result.dataset.outcome = 'failed';
    if (isKeyRefused(error)) $('api-key-form').hidden = false;
  } finally {
    button.disabled = false;
  }
});

// Enter sends, Shift+Enter starts a new line, as in chat apps.
$('reply-text').addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    $('reply-form').requestSubmit();
  }
});

setInterval(scheduleRender, WINDOW_CHECK_MS);

$('api-key-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const apiKey = $('api-key').value.trim();
  // The session keeps the key, so a reload does not ask again; closing the tab forgets it.
  sessionStorage.setItem('live.apiKey', apiKey);
  $('api-key-form').hidden = true;
  setConnection('connecting');
  connect(apiKey);
});

$('send-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const result = $('send-result');
  result.textContent = t('sending');
  try {
    const payload = await state.client.sendText(
      $('send-to').value.trim(),
      $('send-text').value,
      state.locale,
    );
    if (payload.message) {
      applyMessage(payload.message);
      result.textContent = t('accepted', { id: payload.message.id });
    } else {
      result.textContent = t('rejected', { code: payload.error.code, title: payload.error.diagnosis.title });
    }
  } catch (error) {
    result.textContent = t('sendFailed', { message: error.message });
    if (isKeyRefused(error)) $('api-key-form').hidden = false;
  }
});

renderStaticTexts();
connect(sessionStorage.getItem('live.apiKey') ?? '');

/** A customer with a WhatsApp username may be known by BSUID only; show whichever names we have. */
function customerOf(message) {
  return [message.recipient, message.recipientUserId].filter(Boolean).join(' · ');
}
