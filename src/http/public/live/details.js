// The side panel: one message's status history and the gateway's diagnosis of it, in the chosen language.
import { statusBadge, verdictBadge } from '/live/badges.js';
import { $, customerOf, element, formatTime, t } from '/live/dom.js';
import { askForKey, isKeyRefused } from '/live/page.js';
import { scheduleRender } from '/live/render-schedule.js';
import { state } from '/live/state.js';

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
      statusBadge(event.status),
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
      element('dd', {}, [statusBadge(message.status)]),
    ]),
    ...(message.conflict ? [element('p', { textContent: t('conflict') })] : []),
    element('h3', { textContent: t('history') }),
    element('ol', { className: 'history' }, history),
    element(
      'section',
      { id: 'diagnosis' },
      [
        element('h3', { textContent: t('diagnosis') }),
        verdictBadge(diagnosis.verdict),
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

/** Picks message `id` and reads its history and diagnosis; also called again when the message changes. */
export async function showDetails(id) {
  state.selectedId = id;
  scheduleRender();
  const request = ++state.detailsRequest;
  try {
    const message = await state.client.messageDetails(id, state.locale);
    // A later pick or a newer event asked again meanwhile: that answer wins.
    if (request === state.detailsRequest) renderDetails(message);
  } catch (error) {
    if (isKeyRefused(error)) return askForKey();
    $('details').replaceChildren(element('p', { className: 'empty', textContent: error.message }));
  }
}

/** Back to the panel's invitation; an answer still on its way for the message shown before is dropped. */
export function closeDetails() {
  state.selectedId = null;
  state.detailsRequest++;
  $('details').replaceChildren(
    element('p', { className: 'empty', textContent: t('pick') }, [], { text: 'pick' }),
  );
}
