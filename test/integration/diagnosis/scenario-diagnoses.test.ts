import { useTestGateway } from '../../support/use-test-gateway';
import {
  allText,
  type BilingualDiagnosis,
  expectBilingual,
  MESSAGE,
  type MessageResult,
  scenario,
  SEND,
  type SendResult,
} from './diagnosis-queries';

const TOS = 'https://wa.me/tos/20210210';
const VERSIONS = ['2.21.15.15', '2.21.170.4', '2.2130.10', '2.2132.6'];

describe('diagnosis through the gateway: each simulator scenario, in EN and ZH_TW', () => {
  const gateway = useTestGateway();
  const send = async (to: string): Promise<SendResult['sendMessage']> => {
    const { body } = await gateway.graphql<SendResult>(SEND, { input: { to, text: { body: 'Hello' } } });
    expect(body.errors).toBeUndefined();
    return body.data!.sendMessage;
  };

  const rejected = async (to: string): Promise<BilingualDiagnosis & { code: number }> => {
    const { message, error } = await send(to);
    expect(message).toBeNull();
    expect(error).not.toBeNull();
    return error!;
  };

  /** Sends, lets the simulator post every webhook of the scenario, then reads the message back. */
  const afterWebhooks = async (to: string): Promise<NonNullable<MessageResult['message']>> => {
    const { message, error } = await send(to);
    expect(error).toBeNull();
    await gateway.simulator!.flushWebhooks();
    const { body } = await gateway.graphql<MessageResult>(MESSAGE, { id: message!.id });
    expect(body.errors).toBeUndefined();
    return body.data!.message!;
  };

  describe('failures reported by webhook', () => {
    it('30 undeliverable → RECIPIENT_UNREACHABLE, terms and old client among the possible causes, the ToS link', async () => {
      const message = await afterWebhooks(scenario(30));
      expect(message.status).toBe('FAILED');
      expectBilingual(message, { verdict: 'FAILED', cause: 'RECIPIENT_UNREACHABLE', code: 131026 });
      for (const diagnosis of [message.en, message.zh]) {
        const possible = diagnosis.possibleCauses.join('\n');
        expect(possible).toContain(TOS);
        for (const version of VERSIONS) expect(possible).toContain(version);
        expect(diagnosis.links.map((link) => link.url)).toContain(TOS);
        expect(diagnosis.endUserSteps.length).toBeGreaterThan(0);
      }
      // The two seed candidates are weaker findings, named in the evidence.
      expect(message.en.evidence.join('\n')).toMatch(/not accepted the new WhatsApp terms/);
      expect(message.en.evidence.join('\n')).toMatch(/WhatsApp is too old/);
      expect(message.en.possibleCauses.join('\n')).toMatch(/Terms of Service/);
      expect(message.en.possibleCauses.join('\n')).toMatch(/old WhatsApp version/);
      expect(message.zh.possibleCauses.join('\n')).toMatch(/服務條款/);
      expect(message.en.endUserSteps.join('\n')).toContain('Settings > Privacy > Blocked contacts');
      expect(message.zh.endUserSteps.join('\n')).toContain('設定 > 隱私 > 已封鎖聯絡人');
    });

    it('31 → MARKETING_LIMIT, not retried at once', async () => {
      const message = await afterWebhooks(scenario(31));
      expectBilingual(message, {
        verdict: 'FAILED',
        cause: 'MARKETING_LIMIT',
        code: 131049,
        retryable: false,
      });
    });

    it('32 → EXPERIMENT_GROUP', async () => {
      const message = await afterWebhooks(scenario(32));
      expectBilingual(message, { verdict: 'FAILED', cause: 'EXPERIMENT_GROUP', code: 130472 });
    });

    it('33 → REENGAGEMENT_WINDOW (no inbound message known: no window was ever opened)', async () => {
      const message = await afterWebhooks(scenario(33));
      expectBilingual(message, { verdict: 'FAILED', cause: 'REENGAGEMENT_WINDOW', code: 131047 });
      expect(message.en.evidence.join('\n')).toContain('no window was ever opened');
      expect(message.zh.evidence.join('\n')).toContain('服務時段從未開啟');
    });

    it('34 → SERVICE_DOWNTIME, retry after 300 s, not the customer’s fault', async () => {
      const message = await afterWebhooks(scenario(34));
      expectBilingual(message, {
        cause: 'SERVICE_DOWNTIME',
        code: 2,
        retryable: true,
        retryAfterSeconds: 300,
      });
      expect(message.en.endUserSteps).toEqual([]);
    });

    it('35 → MEDIA', async () => {
      const message = await afterWebhooks(scenario(35));
      expectBilingual(message, { verdict: 'FAILED', cause: 'MEDIA', code: 131053 });
    });

    it('36 offline → PENDING RECIPIENT_OFFLINE, the 30 days and the undisclosed block', async () => {
      const message = await afterWebhooks(scenario(36));
      expect(message.status).toBe('SENT');
      expectBilingual(message, { verdict: 'PENDING', cause: 'RECIPIENT_OFFLINE', code: null });
      expect(allText(message.en)).toContain('30');
      expect(allText(message.en)).toContain('does not reveal');
      expect(allText(message.zh)).toContain('不會透露');
    });

    it('37 delivered and failed → AT_RISK MULTI_DEVICE_CONFLICT, effective status DELIVERED', async () => {
      const message = await afterWebhooks(scenario(37));
      expect(message).toMatchObject({ status: 'DELIVERED', conflict: true });
      expectBilingual(message, { verdict: 'AT_RISK', cause: 'MULTI_DEVICE_CONFLICT' });
      expect(message.en.evidence.join('\n')).toContain('131026');
    });

    it('38 out of order → OK', async () => {
      const message = await afterWebhooks(scenario(38));
      expect(message.status).toBe('READ');
      expectBilingual(message, { verdict: 'OK', cause: 'NONE', code: null, retryable: false });
    });

    it('00 ordinary → OK once read', async () => {
      const message = await afterWebhooks(scenario(0));
      expectBilingual(message, { verdict: 'OK', cause: 'NONE' });
    });
  });

  describe('rejections at send time (sendMessage { error { diagnosis } })', () => {
    it('12 → RECIPIENT_UNREACHABLE with the ToS link', async () => {
      const error = await rejected(scenario(12));
      expectBilingual(error, { verdict: 'FAILED', cause: 'RECIPIENT_UNREACHABLE', code: 131026 });
      expect(error.en.possibleCauses.join('\n')).toContain(TOS);
    });

    it('10 → INVALID_REQUEST naming the parameter Meta named', async () => {
      const error = await rejected(scenario(10));
      expectBilingual(error, { verdict: 'FAILED', cause: 'INVALID_REQUEST', code: 100 });
      const { details } = (await send(scenario(10))).error!;
      expect(details).toBeTruthy();
      expect(allText(error.en)).toContain(details!);
      expect(allText(error.zh)).toContain(details!);
    });

    it.each([
      [11, 'ACCESS_TOKEN', 190],
      [13, 'EXPERIMENT_GROUP', 130472],
      [14, 'MARKETING_LIMIT', 131049],
      [15, 'REENGAGEMENT_WINDOW', 131047],
      [16, 'SANCTIONED_REGION', 130497],
      [18, 'RATE_LIMITED', 131056],
      [19, 'TEMPLATE', 132001],
    ])('%i → %s (%i)', async (lastTwo, cause, code) => {
      const error = await rejected(scenario(lastTwo));
      expect(error.code).toBe(code);
      expectBilingual(error, { verdict: 'FAILED', cause, code });
    });

    it('17 code 2 → SERVICE_DOWNTIME, retry after 300 s', async () => {
      const error = await rejected(scenario(17));
      expectBilingual(error, { cause: 'SERVICE_DOWNTIME', code: 2, retryable: true, retryAfterSeconds: 300 });
      expect(allText(error.en)).toContain('5 minutes');
    });
  });

  describe('sanctioned recipients', () => {
    it.each([
      ['Cuba', '+5352345678', 'Cuba', '古巴'],
      ['Iran', '+989121234567', 'Iran', '伊朗'],
      ['Crimea by area code', '+380652123456', 'Crimea', '克里米亞'],
      ['Donetsk by area code', '+380622123456', 'Donetsk', '頓涅茨克'],
    ])(
      '%s: refused before the API (no send reaches the simulator), SANCTIONED_REGION',
      async (_, to, en, zh) => {
        const sendsBefore = gateway.simulator!.sendCount();
        const error = await rejected(to);
        expect(gateway.simulator!.sendCount()).toBe(sendsBefore);
        expect(gateway.simulator!.sendCount(to)).toBe(0);
        expectBilingual(error, { verdict: 'FAILED', cause: 'SANCTIONED_REGION', retryable: false });
        expect(allText(error.en)).toContain(en);
        expect(allText(error.zh)).toContain(zh);
      },
    );

    it('Turkey (+90) is sent normally: restrictions lifted on 2024-05-15', async () => {
      const sendsBefore = gateway.simulator!.sendCount();
      const { message, error } = await send('+905321234567');
      expect(error).toBeNull();
      expect(message).not.toBeNull();
      expect(gateway.simulator!.sendCount()).toBe(sendsBefore + 1);
    });
  });
});
