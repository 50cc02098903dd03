// The open conversation: the contact's messages, the agent's replies and calls as chat bubbles, oldest at
// the top, with the contact's names and service window above them.
import { statusBadge, verdictBadge } from '/live/badges.js';
import { contactAliases, contactName, windowBadge, windowOpen } from '/live/contacts-view.js';
import { closeDetails } from '/live/details.js';
import { $, element, formatTime, t } from '/live/dom.js';
import { mediaPreview } from '/live/media-preview.js';
import { askForKey, isKeyRefused } from '/live/page.js';
import { scheduleRender } from '/live/render-schedule.js';
import { mergeConversation, openContact, state } from '/live/state.js';

/** How many of the newest items an opened conversation reads. */
const CONVERSATION_SIZE = 50;

/** Opens a contact's conversation: its newest items, oldest at the top, and no more unread. */
export async function selectContact(id) {
  // The side panel showed a message of the previous conversation.
  if (openContact(id)) closeDetails();
  $('reply-result').replaceChildren();
  scheduleRender();
  const request = ++state.conversationRequest;
  try {
    const items = await state.client.conversation(id, CONVERSATION_SIZE);
    if (request !== state.conversationRequest) return;
    mergeConversation(items);
    scheduleRender();
  } catch (error) {
    if (isKeyRefused(error)) return askForKey();
    $('conversation').replaceChildren(element('li', { className: 'empty', textContent: error.message }));
  }
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

export function renderConversation() {
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
        statusBadge(message.status),
        ...(verdict === 'OK' || verdict === 'PENDING' ? [] : [verdictBadge(verdict)]),
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
