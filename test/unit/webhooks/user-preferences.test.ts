import { type ContactSighting } from '../../../src/contacts';
import { parseWebhookPayload } from '../../../src/webhooks';
import { change, type Json, notification, PHONE_NUMBER_ID } from './meta-payload.fixtures';

/** Unix seconds of the choices below. */
const T = 1_760_100_000;

/** A `user_preferences` change in Meta's shape: metadata, the customer's contact, and their choices. */
function preferencesBody(choices: Array<Record<string, Json>>): Json {
  return notification([
    [
      change(
        {
          messaging_product: 'whatsapp',
          metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID },
          contacts: [{ profile: { name: 'Inês' }, wa_id: '351912345678', user_id: 'PT.4471029384756' }],
          user_preferences: choices,
        },
        'user_preferences',
      ),
    ],
  ]);
}

function sightingsOf(choices: Array<Record<string, Json>>): ContactSighting[] {
  const payload = parseWebhookPayload(preferencesBody(choices));
  expect(payload.unreadable).toEqual([]);
  return payload.contacts;
}

describe('parseWebhookPayload: user_preferences', () => {
  it.each<[string, Record<string, Json>, boolean]>([
    ['stop', { value: 'stop', detail: 'User requested to stop marketing messages' }, true],
    ['resume', { value: 'resume', detail: 'User requested to resume marketing messages' }, false],
    [
      'signup (an opt-in through a signup link)',
      { value: 'signup', detail: 'User signed up via signup link', signup_id: '20931847561029384' },
      false,
    ],
    ['a choice in capitals', { value: 'SIGNUP' }, false],
  ])('reads %s as the contact’s marketing opt-out', (_name, choice, optOut) => {
    expect(
      sightingsOf([{ wa_id: '351912345678', category: 'marketing_messages', timestamp: T, ...choice }]),
    ).toEqual([{ waId: '351912345678', marketingOptOut: optOut, marketingPreferenceAt: T * 1000 }]);
  });

  it('leaves the contact’s choice alone for a word it does not know, and keeps the change as an event', () => {
    const body = preferencesBody([
      { wa_id: '351912345678', category: 'marketing_messages', value: 'pause_30_days', timestamp: T },
    ]);
    const payload = parseWebhookPayload(body);
    expect(payload.unreadable).toEqual([]);
    expect(payload.contacts).toEqual([]);
    expect(payload.accountChanges).toEqual([
      expect.objectContaining({
        field: 'user_preferences',
        value: expect.objectContaining({
          user_preferences: [expect.objectContaining({ value: 'pause_30_days' })],
        }),
      }),
    ]);
  });

  it('keeps the latest of several choices of one customer in one body, whatever their order', () => {
    expect(
      sightingsOf([
        { user_id: 'PT.4471029384756', value: 'signup', signup_id: '20931847561029384', timestamp: T + 60 },
        { user_id: 'PT.4471029384756', value: 'stop', timestamp: T },
      ]),
    ).toEqual([
      { userId: 'PT.4471029384756', marketingOptOut: false, marketingPreferenceAt: (T + 60) * 1000 },
    ]);
  });
});
