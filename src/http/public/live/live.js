// The agent console: contacts with their service window and unread count, the picked contact's conversation
// with a reply box, and every message's status, all kept current by two subscriptions (status changes and
// customers' messages); a message's history and diagnosis on the side.
//
// This module only wires the page's events to the modules that do the work: state.js holds what the page
// knows, connection.js follows the gateway, updates.js takes in what it says, one module draws each view
// (contacts-view.js, conversation-view.js, messages-view.js, details.js; page.js for the rest of the page)
// and forms.js sends.
import { connectWithSavedKey, useApiKey } from '/live/connection.js';
import { renderContacts } from '/live/contacts-view.js';
import { renderConversation, selectContact } from '/live/conversation-view.js';
import { showDetails } from '/live/details.js';
import { $ } from '/live/dom.js';
import { clearSendOutcomes, sendFromForm, sendOnEnter, sendReply } from '/live/forms.js';
import { renderList } from '/live/messages-view.js';
import { renderStaticTexts, setLocale, setView } from '/live/page.js';
import { scheduleRender, setRenderers } from '/live/render-schedule.js';
import { state, VIEWS } from '/live/state.js';

/** How often windows are checked against the clock: a window closes without any event saying so. */
const WINDOW_CHECK_MS = 30_000;

/** An item of a list is picked by a click anywhere on it, or by Enter while it has the focus. */
function onPick(list, selector, pick) {
  list.addEventListener('click', (event) => {
    const item = event.target.closest(selector);
    if (item) pick(item.dataset);
  });
  list.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && event.target.matches(selector)) pick(event.target.dataset);
  });
}

setRenderers(renderList, renderContacts, renderConversation);

$('locale').addEventListener('change', (event) => {
  setLocale(event.target.value);
  clearSendOutcomes();
  scheduleRender();
  if (state.selectedId) void showDetails(state.selectedId);
});

for (const view of VIEWS) $(`view-${view}`).addEventListener('click', () => setView(view));

onPick($('message-rows'), 'tr', ({ messageId }) => void showDetails(messageId));
onPick($('contact-list'), 'li', ({ contactId }) => void selectContact(contactId));
// An outbound bubble opens the message's history and diagnosis on the side, as a row of the list does.
onPick($('conversation'), 'li[data-direction="outbound"]', ({ messageId }) => void showDetails(messageId));

$('reply-form').addEventListener('submit', sendReply);
$('reply-text').addEventListener('keydown', sendOnEnter);
$('send-form').addEventListener('submit', sendFromForm);

$('api-key-form').addEventListener('submit', (event) => {
  event.preventDefault();
  useApiKey($('api-key').value.trim());
});

setInterval(scheduleRender, WINDOW_CHECK_MS);

renderStaticTexts();
connectWithSavedKey();
