// What every view draws with. Everything is written with textContent: no text from the gateway is parsed
// as HTML.
import { state } from '/live/state.js';
import { languageTag, text } from '/live/texts.js';

export const $ = (id) => document.getElementById(id);

/** The page's words in the chosen language. */
export const t = (id, values) => text(state.locale, id, values);

export function element(tag, properties = {}, children = [], data = {}) {
  const node = Object.assign(document.createElement(tag), properties);
  Object.assign(node.dataset, data);
  node.append(...children);
  return node;
}

export function formatTime(iso) {
  return new Intl.DateTimeFormat(languageTag(state.locale), {
    dateStyle: 'short',
    timeStyle: 'medium',
  }).format(new Date(iso));
}

/** A customer with a WhatsApp username may be known by BSUID only; show whichever names we have. */
export function customerOf(message) {
  return [message.recipient, message.recipientUserId].filter(Boolean).join(' · ');
}
