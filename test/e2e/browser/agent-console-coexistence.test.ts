import { type Browser } from 'playwright-core';
import { APP_SECRET, postSignedJson, VERIFY_TOKEN } from '../../integration/live/support/live-webhooks';
import { describeInBrowser, launchBrowser, saveScreenshot } from '../../support/browser';
import { openConsole } from '../../support/console-page';
import { startTestGateway, type TestGateway } from '../../support/gateway-harness';
import {
  CALL_ERROR_12455,
  callsBody,
  completedTerminate,
  type Customer,
  echoesBody,
  failedTerminate,
  textEcho,
  userCallConnect,
} from '../../unit/webhooks/coexistence-and-calls.fixtures';
import { change, messagesValue, notification } from '../../unit/webhooks/meta-payload.fixtures';

const CUSTOMER: Customer & { waId: string } = { waId: '16505550801', name: 'Lucía Torres' };

describeInBrowser('the agent console with the business app’s messages and calls', () => {
  let browser: Browser;
  let gateway: TestGateway;
  beforeAll(async () => {
    browser = await launchBrowser();
    gateway = await startTestGateway({
      WHATSAPP_APP_SECRET: APP_SECRET,
      WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await browser?.close();
  });

  const post = async (body: unknown): Promise<void> => {
    expect(await postSignedJson(gateway.url, body)).toEqual({ status: 200, body: 'OK' });
  };

  it('shows what the business sent from the app and each call in the conversation, oldest at the top', async () => {
    const now = Math.floor(Date.now() / 1000);
    await post(
      notification([
        [
          change(
            messagesValue({
              contacts: [{ profile: { name: 'Lucía Torres' }, wa_id: CUSTOMER.waId }],
              messages: [
                {
                  from: CUSTOMER.waId,
                  id: 'wamid.IN.801',
                  timestamp: String(now - 300),
                  type: 'text',
                  text: { body: 'Can you call me?' },
                },
              ],
            }),
          ),
        ],
      ]),
    );
    await post(echoesBody(CUSTOMER, [textEcho(CUSTOMER, 'wamid.APP.801', now - 240, 'Calling you now')]));
    await post(callsBody(CUSTOMER, { calls: [userCallConnect(CUSTOMER, 'wacid.801.a', now - 200)] }));
    await post(
      callsBody(CUSTOMER, {
        calls: [failedTerminate(CUSTOMER, 'wacid.801.a', now - 190)],
        errors: [CALL_ERROR_12455],
      }),
    );
    await post(callsBody(CUSTOMER, { calls: [completedTerminate(CUSTOMER, 'wacid.801.b', now - 120, 75)] }));

    const { page, errors } = await openConsole(browser, gateway, { wide: true });
    await page.locator(`#contact-list li[data-contact-id="+${CUSTOMER.waId}"]`).click();
    await page.locator('#conversation li[data-direction="call"]').nth(2).waitFor();

    const bubbles = await page
      .locator('#conversation li')
      .evaluateAll((items) =>
        items.map(
          (item) =>
            `${item.getAttribute('data-direction')}: ${item.querySelector('.body')?.textContent ?? ''}`,
        ),
      );
    expect(bubbles).toEqual([
      'inbound: Can you call me?',
      'outbound: Calling you now',
      'call: Incoming call: connecting',
      'call: Incoming call: failed',
      'call: Outgoing call: ended',
    ]);
    const echo = page.locator('#conversation li[data-message-id="wamid.APP.801"]');
    expect(await echo.locator('.meta').textContent()).toContain('from the WhatsApp Business app');
    const failed = page.locator('#conversation li[data-direction="call"][data-state="FAILED"]');
    expect(await failed.textContent()).toContain('12455 Call failed');
    const ended = page.locator('#conversation li[data-direction="call"][data-state="COMPLETED"]');
    expect(await ended.locator('.meta').textContent()).toContain('75 s');

    await saveScreenshot(page, 'agent-console-coexistence');
    expect(errors).toEqual([]);
    await page.close();
  });
});
