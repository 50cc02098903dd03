// The contacts who wrote, most recent first, each with its unread count and service window.
import { $, element, formatTime, t } from '/live/dom.js';
import { state } from '/live/state.js';

export function contactName(contact) {
  return contact.profileName ?? contact.username ?? contact.phone ?? contact.userId ?? contact.id;
}

/** The other names of a contact, after the one shown first. */
export function contactAliases(contact) {
  const name = contactName(contact);
  return [contact.username && `@${contact.username}`, contact.phone, contact.userId]
    .filter((value) => value && value !== name && `@${value}` !== name)
    .join(' · ');
}

/** Open while the clock is before `expiresAt`: a window closes without an event saying so. */
export function windowOpen(contact) {
  const { expiresAt } = contact.serviceWindow;
  return expiresAt !== null && Date.parse(expiresAt) > Date.now();
}

export function windowBadge(contact) {
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

export function renderContacts() {
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
