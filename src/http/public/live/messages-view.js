// "All messages": the newest messages, one row each with its status and verdict, newest first.
import { statusBadge, verdictBadge } from '/live/badges.js';
import { $, customerOf, element, formatTime } from '/live/dom.js';
import { state } from '/live/state.js';

/** How many messages the view reads and shows. */
export const LIST_SIZE = 100;

function lastUpdate(message) {
  return message.statusHistory.at(-1)?.receivedAt ?? message.createdAt;
}

export function renderList() {
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
        element('td', {}, [statusBadge(message.status)]),
        element('td', { textContent: formatTime(lastUpdate(message)) }),
        element('td', {}, [verdictBadge(message.diagnosis.verdict)]),
      ],
      { messageId: message.id, status: message.status },
    );
    row.setAttribute('aria-selected', String(message.id === state.selectedId));
    return row;
  });
  $('message-rows').replaceChildren(...rows);
  $('empty').hidden = messages.length > 0;
}
