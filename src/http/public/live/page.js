// The page around the views: its own words in the chosen language, which view shows, the connection
// indicator and the API key form.
import { $, t } from '/live/dom.js';
import { state, VIEWS } from '/live/state.js';
import { languageTag } from '/live/texts.js';

export function renderStaticTexts() {
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

/** The next visit opens in the same language and view. */
export function setLocale(locale) {
  state.locale = locale;
  localStorage.setItem('live.locale', locale);
  renderStaticTexts();
}

export function setView(view) {
  state.view = view;
  localStorage.setItem('live.view', view);
  renderStaticTexts();
}

export function showConnection(connection) {
  state.connection = connection;
  renderStaticTexts();
}

export function isKeyRefused(error) {
  return error?.code === 'UNAUTHENTICATED' || error?.code === 'FORBIDDEN';
}

export function showKeyForm() {
  $('api-key-form').hidden = false;
}

export function hideKeyForm() {
  $('api-key-form').hidden = true;
}

/** The gateway refused the key (or got none): nothing loads until the agent gives one. */
export function askForKey() {
  showConnection('unauthorized');
  showKeyForm();
}
