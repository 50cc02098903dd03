import { AccountEventKind, readAccountChange, readAccountEvent } from '../../../src/account-events';

const PHONE_NUMBER_ID = '106540352242922';
const METADATA = { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID };
const T = 1_751_247_548;

describe('readAccountChange: Meta’s values in the gateway’s terms', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    [
      'message_template_status_update',
      {
        event: 'PAUSED',
        message_template_id: 1689556908129832,
        message_template_name: 'order_update',
        message_template_language: 'en_US',
        message_template_category: 'MARKETING',
        reason: 'NONE',
        other_info: { title: 'FIRST_PAUSE', description: 'Paused for 3 hours.' },
        disable_info: { disable_date: T },
      },
      {
        kind: AccountEventKind.TEMPLATE_STATUS,
        event: 'PAUSED',
        templateId: '1689556908129832',
        templateName: 'order_update',
        templateLanguage: 'en_US',
        templateCategory: 'MARKETING',
        reason: 'NONE',
        otherInfo: { title: 'FIRST_PAUSE', description: 'Paused for 3 hours.' },
        disabledAt: T * 1000,
      },
    ],
    [
      'message_template_status_update',
      {
        event: 'REJECTED',
        message_template_name: 'abandoned_cart',
        reason: 'INVALID_FORMAT',
        rejection_info: { reason: 'Parameters next to each other.', recommendation: 'Separate them.' },
      },
      {
        kind: AccountEventKind.TEMPLATE_STATUS,
        event: 'REJECTED',
        templateName: 'abandoned_cart',
        reason: 'INVALID_FORMAT',
        rejectionInfo: { reason: 'Parameters next to each other.', recommendation: 'Separate them.' },
      },
    ],
    [
      'template_category_update',
      {
        message_template_id: 1689556908129834,
        message_template_name: 'receipt',
        message_template_language: 'en_US',
        previous_category: 'UTILITY',
        new_category: 'MARKETING',
        correct_category: 'MARKETING',
      },
      {
        kind: AccountEventKind.TEMPLATE_CATEGORY,
        templateId: '1689556908129834',
        templateName: 'receipt',
        templateLanguage: 'en_US',
        previousCategory: 'UTILITY',
        newCategory: 'MARKETING',
        correctCategory: 'MARKETING',
      },
    ],
    [
      'message_template_quality_update',
      {
        previous_quality_score: 'GREEN',
        new_quality_score: 'RED',
        message_template_id: 1689556908129835,
        message_template_name: 'abandoned_cart',
        message_template_language: 'en',
      },
      {
        kind: AccountEventKind.TEMPLATE_QUALITY,
        previousQualityScore: 'GREEN',
        newQualityScore: 'RED',
        templateId: '1689556908129835',
        templateName: 'abandoned_cart',
        templateLanguage: 'en',
      },
    ],
    [
      'phone_number_quality_update',
      { display_phone_number: '15550783881', event: 'DOWNGRADE', current_limit: 'TIER_1K' },
      {
        kind: AccountEventKind.PHONE_NUMBER_QUALITY,
        displayPhoneNumber: '15550783881',
        event: 'DOWNGRADE',
        currentLimit: 'TIER_1K',
      },
    ],
    [
      'phone_number_quality_update',
      { display_phone_number: '15550783881', event: 'UPGRADE', max_daily_conversations_per_business: 10000 },
      {
        kind: AccountEventKind.PHONE_NUMBER_QUALITY,
        displayPhoneNumber: '15550783881',
        event: 'UPGRADE',
        maxDailyConversationsPerBusiness: '10000',
      },
    ],
    [
      'phone_number_name_update',
      {
        display_phone_number: '15550783881',
        decision: 'APPROVED',
        requested_verified_name: 'Lucky Shrub',
        rejection_reason: null,
      },
      {
        kind: AccountEventKind.PHONE_NUMBER_NAME,
        displayPhoneNumber: '15550783881',
        decision: 'APPROVED',
        requestedVerifiedName: 'Lucky Shrub',
      },
    ],
    [
      'account_update',
      {
        phone_number: '15550783881',
        event: 'ACCOUNT_RESTRICTION',
        restriction_info: [{ restriction_type: 'RESTRICTED_BIZ_INITIATED_MESSAGING', expiration: T }],
      },
      {
        kind: AccountEventKind.ACCOUNT_UPDATE,
        phoneNumber: '15550783881',
        event: 'ACCOUNT_RESTRICTION',
        restrictions: [{ type: 'RESTRICTED_BIZ_INITIATED_MESSAGING', expiresAt: T * 1000 }],
      },
    ],
    [
      'account_alerts',
      {
        entity_type: 'WABA',
        entity_id: '102290129340398',
        alert_info: {
          alert_severity: 'WARNING',
          alert_status: 'ACTIVE',
          alert_type: 'OBA_APPROVED',
          alert_description: 'Your official business account request was approved.',
        },
      },
      {
        kind: AccountEventKind.ACCOUNT_ALERT,
        entityType: 'WABA',
        entityId: '102290129340398',
        alert: {
          severity: 'WARNING',
          status: 'ACTIVE',
          type: 'OBA_APPROVED',
          description: 'Your official business account request was approved.',
        },
      },
    ],
    [
      'business_capability_update',
      { max_daily_conversations_per_business: 2000, max_phone_numbers_per_business: 2 },
      {
        kind: AccountEventKind.BUSINESS_CAPABILITY,
        maxDailyConversationsPerBusiness: '2000',
        maxPhoneNumbersPerBusiness: '2',
      },
    ],
    [
      'security',
      { display_phone_number: '15550783881', event: 'PIN_CHANGED', requester: '2233445566' },
      {
        kind: AccountEventKind.SECURITY,
        displayPhoneNumber: '15550783881',
        event: 'PIN_CHANGED',
        requester: '2233445566',
      },
    ],
    [
      'user_preferences',
      {
        messaging_product: 'whatsapp',
        metadata: METADATA,
        contacts: [{ wa_id: '16505559876', profile: { name: 'Pablo' } }],
        user_preferences: [
          {
            wa_id: '16505559876',
            detail: 'User requested to stop marketing messages',
            category: 'marketing_messages',
            value: 'stop',
            timestamp: T,
          },
        ],
      },
      {
        kind: AccountEventKind.USER_PREFERENCE,
        phoneNumberId: PHONE_NUMBER_ID,
        preferences: [
          {
            waId: '16505559876',
            detail: 'User requested to stop marketing messages',
            category: 'marketing_messages',
            value: 'stop',
            at: T * 1000,
          },
        ],
      },
    ],
  ])('reads %s', (field, value, expected) => {
    expect(readAccountChange(field, value)).toEqual(expected);
  });

  it('reads a field it does not model as OTHER, with the business number its metadata names', () => {
    expect(
      readAccountChange('smb_app_state_sync', {
        messaging_product: 'whatsapp',
        metadata: METADATA,
        state_sync: [],
      }),
    ).toEqual({ kind: AccountEventKind.OTHER, field: 'smb_app_state_sync', phoneNumberId: PHONE_NUMBER_ID });
  });

  it.each<[string, unknown]>([
    ['a string', 'PAUSED'],
    ['null', null],
    ['an array', [{ event: 'PAUSED' }]],
    ['a number', 7],
    ['nothing', undefined],
  ])('reads a value that is %s as OTHER, never throwing', (_name, value) => {
    expect(readAccountChange('message_template_status_update', value)).toEqual({
      kind: AccountEventKind.OTHER,
      field: 'message_template_status_update',
    });
  });

  it('reads a field of an unexpected type, or an empty text, as absent and keeps the rest', () => {
    expect(
      readAccountChange('message_template_status_update', {
        event: { word: 'PAUSED' },
        message_template_name: '',
        message_template_language: 'en',
        other_info: 'FIRST_PAUSE',
        disable_info: { disable_date: 'yesterday' },
        metadata: { phone_number_id: 42 },
      }),
    ).toEqual({ kind: AccountEventKind.TEMPLATE_STATUS, templateLanguage: 'en' });
  });

  it('keeps the place of each marketing choice, an unreadable one reading as empty', () => {
    expect(
      readAccountChange('user_preferences', {
        user_preferences: ['stop', { user_id: 'GB.88120394857', value: 'stop' }],
      }),
    ).toEqual({
      kind: AccountEventKind.USER_PREFERENCE,
      preferences: [{}, { userId: 'GB.88120394857', value: 'stop' }],
    });
    expect(readAccountChange('user_preferences', { user_preferences: 'stop' })).toEqual({
      kind: AccountEventKind.USER_PREFERENCE,
      preferences: [],
    });
  });
});

describe('readAccountEvent: the gateway’s own WEBHOOK_ERROR payloads', () => {
  const read = (payload: Record<string, unknown>) =>
    readAccountEvent({ kind: AccountEventKind.WEBHOOK_ERROR, field: 'messages', payload });

  it('reads an unreadable part: where it was and why', () => {
    expect(read({ path: 'entry[0].changes[0].value.statuses[1]', reason: 'id: required', raw: {} })).toEqual({
      kind: AccountEventKind.WEBHOOK_ERROR,
      path: 'entry[0].changes[0].value.statuses[1]',
      reason: 'id: required',
    });
    expect(read({ path: '', reason: 'entry: required', raw: 'x' })).toEqual({
      kind: AccountEventKind.WEBHOOK_ERROR,
      reason: 'entry: required',
    });
  });

  it('reads an error Meta reported for the account, its details wherever Meta put them', () => {
    expect(
      read({
        path: 'entry[0].changes[0].value.errors[0]',
        error: {
          code: 130429,
          title: 'Rate limit hit',
          details: 'Cloud API message throughput has been reached.',
        },
      }),
    ).toEqual({
      kind: AccountEventKind.WEBHOOK_ERROR,
      path: 'entry[0].changes[0].value.errors[0]',
      error: {
        code: 130429,
        title: 'Rate limit hit',
        details: 'Cloud API message throughput has been reached.',
      },
    });
    expect(read({ error: { code: '131047', error_data: { details: 'Re-engagement message' } } })).toEqual({
      kind: AccountEventKind.WEBHOOK_ERROR,
      error: { code: 131047, details: 'Re-engagement message' },
    });
    expect(read({ error: { code: 'not a code', title: 'x' } })).toEqual({
      kind: AccountEventKind.WEBHOOK_ERROR,
      error: { title: 'x' },
    });
  });

  it('reads a kind it does not know as OTHER', () => {
    expect(
      readAccountEvent({ kind: 'NEW_KIND' as AccountEventKind, field: 'new_field', payload: {} }),
    ).toEqual({
      kind: AccountEventKind.OTHER,
      field: 'new_field',
    });
  });
});
