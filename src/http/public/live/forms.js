// The two ways to send a text: the reply box of the open conversation, and the form above the list of all
// messages (to any number, e.g. one of the simulator's scenarios).
import { $, element, t } from '/live/dom.js';
import { isKeyRefused, showKeyForm } from '/live/page.js';
import { asItem, state } from '/live/state.js';
import { receiveMessage } from '/live/updates.js';

/** One line of the reply's outcome; `kind` says which (tests and styles tell them apart by it). */
const line = (kind, value) => element('p', { textContent: value }, [], { kind });

/** Sends the reply box's text to the open conversation's contact; the `submit` of `#reply-form`. */
export async function sendReply(event) {
  event.preventDefault();
  const contact = state.contacts.get(state.selectedContactId);
  // One send per click: the button waits for the answer (Enter submits too, hence the check).
  const button = $('reply-form').querySelector('button[type="submit"]');
  if (!contact || button.disabled) return;
  const result = $('reply-result');
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
      receiveMessage(payload.message);
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
    if (isKeyRefused(error)) showKeyForm();
  } finally {
    button.disabled = false;
  }
}

/** Enter sends, Shift+Enter starts a new line, as in chat apps. */
export function sendOnEnter(event) {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    $('reply-form').requestSubmit();
  }
}

/** Sends the text of `#send-form` to the number it names; its `submit`. */
export async function sendFromForm(event) {
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
      receiveMessage(payload.message);
      result.textContent = t('accepted', { id: payload.message.id });
    } else {
      result.textContent = t('rejected', { code: payload.error.code, title: payload.error.diagnosis.title });
    }
  } catch (error) {
    result.textContent = t('sendFailed', { message: error.message });
    if (isKeyRefused(error)) showKeyForm();
  }
}

/** The last sends' outcomes were written in the previous language (a refusal's title comes from the gateway). */
export function clearSendOutcomes() {
  $('send-result').textContent = '';
  $('reply-result').replaceChildren();
}
