// The live status page: a list of messages kept current by one subscription, and the details of the
// message picked. Everything is written with textContent: no text from the gateway is parsed as HTML.
import { GatewayClient, latestCursor } from '/live/api.js';
import { LOCALES, languageTag, text } from '/live/texts.js';

const LIST_SIZE = 100;
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
  });
}

function renderStaticTexts() {
  document.documentElement.lang = languageTag(state.locale);
  document.title = t('title');
  for (const node of document.querySelectorAll('[data-text]')) node.textContent = t(node.dataset.text);
  $('locale').value = state.locale;
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
  scheduleRender();
  if (message.id === state.selectedId) void showDetails(message.id);
}

/**
 * Reads the newest messages, then follows every change after the newest event they include: the
 * subscription replays what happened between the two, so the list has no gap.
 */
async function startFollowing() {
  state.subscription?.stop();
  state.subscription = null;
  try {
    const messages = await state.client.recentMessages(LIST_SIZE);
    state.messages = new Map(messages.map((message) => [message.id, message]));
    scheduleRender();
    state.subscription = state.client.followStatusChanges(latestCursor(messages), {
      next: (event) => applyMessage(event.message),
      error: onGatewayError,
    });
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
  // The cursor is older than the stream keeps: start over from a fresh read.
  if (error?.code === 'BAD_USER_INPUT') return void startFollowing();
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
}

function connect(apiKey) {
  state.client?.close();
  state.client = new GatewayClient({ apiKey, onConnection: setConnection });
  void startFollowing();
}

// Wiring -----------------------------------------------------------------------------------------------

$('locale').addEventListener('change', (event) => {
  state.locale = event.target.value;
  localStorage.setItem('live.locale', state.locale);
  // The last send's outcome was written in the previous language (a refusal's title comes from the gateway).
  $('send-result').textContent = '';
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
