import { readAccountChange } from '../../../src/account-events';
import { type AccountEventEvidence, Locale, summariseAccountEvent } from '../../../src/diagnosis';

/** A `user_preferences` account event whose one choice has these fields (Meta's shape of the value). */
function preferenceEvent(choice: Record<string, unknown>): AccountEventEvidence {
  return readAccountChange('user_preferences', {
    messaging_product: 'whatsapp',
    metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
    user_preferences: [
      { wa_id: '447700900123', category: 'marketing_messages', timestamp: 1_760_100_000, ...choice },
    ],
  });
}

describe('summariseAccountEvent: user_preferences', () => {
  it.each<[string, Record<string, unknown>, string, string]>([
    ['stop', { value: 'stop' }, '447700900123 stopped marketing messages', '447700900123 停止接收行銷訊息'],
    [
      'resume',
      { value: 'resume' },
      '447700900123 resumed marketing messages',
      '447700900123 恢復接收行銷訊息',
    ],
    [
      'signup',
      { value: 'signup', signup_id: '20931847561029384' },
      '447700900123 signed up for marketing messages through a signup link',
      '447700900123 透過註冊連結訂閱行銷訊息',
    ],
    [
      'a word in capitals',
      { value: 'Resume' },
      '447700900123 resumed marketing messages',
      '447700900123 恢復接收行銷訊息',
    ],
    [
      'a word it does not know (shown as Meta sent it)',
      { value: 'pause_30_days' },
      '447700900123 chose "pause_30_days" for marketing messages',
      '447700900123 將行銷訊息偏好設為「pause_30_days」',
    ],
    [
      'no word at all',
      {},
      '447700900123 changed their marketing message preference',
      '447700900123 變更了行銷訊息偏好設定',
    ],
    [
      'a customer known by BSUID only',
      { wa_id: undefined, user_id: 'GB.88120394857', value: 'stop' },
      'GB.88120394857 stopped marketing messages',
      'GB.88120394857 停止接收行銷訊息',
    ],
  ])('says what %s is, in both locales', (_name, choice, en, zh) => {
    const event = preferenceEvent(choice);
    expect(summariseAccountEvent(event, Locale.EN)).toBe(en);
    expect(summariseAccountEvent(event, Locale.ZH_TW)).toBe(zh);
  });

  it('keeps Meta’s own sentence about the choice, quoted', () => {
    const event = preferenceEvent({
      value: 'signup',
      detail: 'User signed up via signup link',
      signup_id: '20931847561029384',
    });
    expect(summariseAccountEvent(event, Locale.EN)).toBe(
      '447700900123 signed up for marketing messages through a signup link (Meta says: “User signed up via signup link”)',
    );
    expect(summariseAccountEvent(event, Locale.ZH_TW)).toBe(
      '447700900123 透過註冊連結訂閱行銷訊息（Meta 說明：「User signed up via signup link」）',
    );
  });
});
