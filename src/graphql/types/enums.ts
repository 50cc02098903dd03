import { registerEnumType } from 'type-graphql';
import { AccountEventKind } from '../../account-events';
import { DiagnosisCause, Locale, Verdict } from '../../diagnosis';
import { MessageOrigin, MessageStatus } from '../../messages';

registerEnumType(MessageStatus, {
  name: 'MessageStatus',
  description:
    'Where a message is, after the ordering and conflict rules are applied to every status Meta reported.',
  valuesConfig: {
    ACCEPTED: { description: 'The Cloud API accepted the send; no delivery status yet.' },
    HELD: { description: 'Held by Meta for a quality assessment before sending (marketing templates).' },
    SENT: { description: "Left Meta's servers; not yet on the customer's device." },
    DELIVERED: { description: 'Reached at least one of the customer’s devices.' },
    READ: { description: 'The customer opened it.' },
    PLAYED: { description: 'The customer played the voice message.' },
    FAILED: { description: 'Could not be delivered; see `errors` and `diagnosis`.' },
    DELETED: { description: 'The customer deleted it.' },
    WARNING: { description: 'Meta reported a warning (for example about a catalogue item).' },
  },
});

registerEnumType(Verdict, {
  name: 'Verdict',
  description: 'The one-word answer of a diagnosis.',
  valuesConfig: {
    OK: { description: 'Nothing is wrong.' },
    PENDING: { description: 'Not delivered yet, and it still may be.' },
    AT_RISK: { description: 'Partly delivered or likely to fail; worth a look.' },
    FAILED: { description: 'It will not arrive as it is.' },
    UNKNOWN: { description: 'The evidence does not say; the raw facts are listed.' },
  },
});

registerEnumType(DiagnosisCause, {
  name: 'DiagnosisCause',
  description: 'The most likely reason a message is where it is. Stable: dashboards group by it.',
});

registerEnumType(Locale, {
  name: 'Locale',
  description: 'The language of human-readable texts.',
  valuesConfig: { EN: { description: 'English' }, ZH_TW: { description: 'Traditional Chinese (Taiwan)' } },
});

export { DiagnosisCause, Locale, MessageOrigin, MessageStatus, Verdict };

registerEnumType(AccountEventKind, {
  name: 'AccountEventKind',
  description: 'What an account event is about: one kind per webhook field Meta sends besides messages.',
  valuesConfig: {
    TEMPLATE_STATUS: {
      description: '`message_template_status_update`: approved, rejected, paused, disabled, …',
    },
    TEMPLATE_CATEGORY: { description: '`template_category_update`: Meta changed a template’s category.' },
    TEMPLATE_QUALITY: {
      description: '`message_template_quality_update`: a template’s quality score changed.',
    },
    PHONE_NUMBER_QUALITY: {
      description: '`phone_number_quality_update`: the number’s quality or messaging limit changed.',
    },
    PHONE_NUMBER_NAME: { description: '`phone_number_name_update`: the display name review.' },
    ACCOUNT_UPDATE: { description: '`account_update`: the account was verified, restricted, banned, …' },
    ACCOUNT_ALERT: { description: '`account_alerts`: an alert about the account.' },
    BUSINESS_CAPABILITY: { description: '`business_capability_update`: limits of the business changed.' },
    USER_PREFERENCE: { description: '`user_preferences`: a customer stopped or resumed marketing messages.' },
    WEBHOOK_ERROR: {
      description:
        'A webhook part the gateway could not read (kept whole), or an error Meta reported for the account.',
    },
    SECURITY: { description: '`security`: a security setting of the number changed.' },
    OTHER: { description: 'Any other field; its `payload` is kept as sent.' },
  },
});

registerEnumType(MessageOrigin, {
  name: 'MessageOrigin',
  description: 'Who sent an outbound message: the gateway, or the business from its phone.',
  valuesConfig: {
    API: { description: 'Sent through the gateway (`sendMessage`, the Cloud API).' },
    BUSINESS_APP: {
      description:
        'Sent from the WhatsApp Business app on a number that is on the app and the Cloud API at once (coexistence); Meta echoed it in an `smb_message_echoes` webhook. The gateway never sends these: it only records them.',
    },
  },
});
