import { type Browser, type Page } from 'playwright-core';
import { type Json } from '../../unit/webhooks/meta-payload.fixtures';
import {
  customerBody,
  editItem,
  type ItemHead,
  revokeItem,
  textItem,
} from '../../unit/webhooks/message-change.fixtures';
import { APP_SECRET, postSignedJson, VERIFY_TOKEN } from '../../integration/live/support/live-webhooks';
import { describeInBrowser, launchBrowser, saveScreenshot } from '../../support/browser';
import { openConsole } from '../../support/console-page';
import { startTestGateway, type TestGateway } from '../../support/gateway-harness';

const CUSTOMER = '12025550160';

describeInBrowser('the agent console shows a customer’s edits and deletions', () => {
  let browser: Browser;
  let gateway: TestGateway;
  beforeAll(async () => {
    [browser, gateway] = await Promise.all([
      launchBrowser(),
      startTestGateway({ WHATSAPP_APP_SECRET: APP_SECRET, WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), gateway?.close()]);
  });

  const now = Math.floor(Date.now() / 1000);
  const head = (id: string, secondsAgo: number): ItemHead => ({
    id,
    timestamp: now - secondsAgo,
    from: CUSTOMER,
  });
  const customerSends = async (item: Json): Promise<void> => {
    expect(await postSignedJson(gateway.url, customerBody(CUSTOMER, [item]))).toEqual({
      status: 200,
      body: 'OK',
    });
  };
  const bubble = (page: Page, id: string) => page.locator(`#conversation li[data-message-id="${id}"]`);
  const inboundIds = (page: Page) =>
    page
      .locator('#conversation li[data-direction="inbound"]')
      .evaluateAll((bubbles) => bubbles.map((node) => node.getAttribute('data-message-id')));

  it('live and after a reload, on the message changed, or on its own when that message is not shown', async () => {
    const { page, errors, reload } = await openConsole(browser, gateway, { wide: true });

    await customerSends(textItem(head('wamid.console.first', 60), 'See you at 5'));
    await customerSends(textItem(head('wamid.console.second', 50), 'My card is 4111'));
    await page.locator(`#contact-list li[data-contact-id="+${CUSTOMER}"]`).click();
    await bubble(page, 'wamid.console.second').waitFor();

    // Live: the edit and the deletion change the bubbles already shown, and add none.
    await customerSends(
      editItem(head('wamid.console.first.edit', 40), 'wamid.console.first', {
        type: 'text',
        text: { body: 'See you at 6' },
      }),
    );
    await customerSends(revokeItem(head('wamid.console.second.revoke', 30), 'wamid.console.second'));
    // And an edit of a message this conversation never showed, on its own.
    await customerSends(
      editItem(head('wamid.console.orphan.edit', 20), 'wamid.console.unknown', {
        type: 'text',
        text: { body: 'I meant Tuesday' },
      }),
    );
    await bubble(page, 'wamid.console.orphan.edit').waitFor();

    const expectChangesShown = async (): Promise<void> => {
      await bubble(page, 'wamid.console.first').locator('.body', { hasText: 'See you at 6' }).waitFor();
      expect(await bubble(page, 'wamid.console.first').locator('.meta').textContent()).toContain('edited ');
      expect(await bubble(page, 'wamid.console.second').locator('.body').textContent()).toBe(
        'This message was deleted',
      );
      expect(await bubble(page, 'wamid.console.second').textContent()).not.toContain('4111');
      expect(await bubble(page, 'wamid.console.orphan.edit').textContent()).toContain('I meant Tuesday');
      expect(await bubble(page, 'wamid.console.orphan.edit').textContent()).toContain(
        'edit of an earlier message',
      );
      expect(await inboundIds(page)).toEqual([
        'wamid.console.first',
        'wamid.console.second',
        'wamid.console.orphan.edit',
      ]);
    };
    await expectChangesShown();
    await saveScreenshot(page, 'agent-console-changes');

    // Read back from the gateway: the same.
    await reload();
    await page.locator(`#contact-list li[data-contact-id="+${CUSTOMER}"]`).click();
    await bubble(page, 'wamid.console.orphan.edit').waitFor();
    await expectChangesShown();

    await page.selectOption('#locale', 'ZH_TW');
    await bubble(page, 'wamid.console.second').locator('.body', { hasText: '此訊息已刪除' }).waitFor();
    await page.selectOption('#locale', 'EN');
    expect(errors).toEqual([]);
    await page.close();
  });
});
