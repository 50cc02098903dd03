import { type Browser, type Page } from 'playwright-core';
import { flushDatabase, redisDatabaseUrl } from '../../integration/live/support/live-gateway';
import { describeInBrowser, launchBrowser, saveScreenshot } from '../../support/browser';
import { type CuttableConnection, openConsole } from '../../support/console-page';
import { startTestGateway, type TestGateway } from '../../support/gateway-harness';

const REDIS_URL = redisDatabaseUrl(13);
const ORDINARY = '+12025550100';
const UNDELIVERABLE = '+12025550130';
const CONSOLE_KEY = 'live-page-console-key-01';

/** Cuts the page's connection, sends a message meanwhile, restores it, and expects the message to show. */
async function expectToCatchUpAfterDrop(
  page: Page,
  connection: CuttableConnection,
  gateway: TestGateway,
): Promise<void> {
  await connection.drop();
  await page.locator('#connection[data-state="reconnecting"]').waitFor();
  const sent = await gateway.graphql<{ sendMessage: { message: { id: string } } }>(
    `mutation { sendMessage(input: { to: "+12025550139", text: { body: "Back in stock" } }) { message { id } } }`,
  );
  await gateway.simulator!.flushWebhooks();
  const missedId = sent.body.data!.sendMessage.message.id;

  connection.restore();
  await page.locator('#connection[data-state="live"]').waitFor();
  await page.locator(`#message-rows tr[data-message-id="${missedId}"][data-status="READ"]`).waitFor();
}

/**
 * Starts noting every status each row shows, as the page renders it; the returned function reads the
 * statuses one message went through. (A script text: this project compiles without the DOM's types.)
 */
async function recordStatusesShown(page: Page): Promise<(messageId: string) => Promise<string[]>> {
  await page.evaluate(`(() => {
    window.statusesShown = {};
    const note = () => {
      for (const row of document.querySelectorAll('#message-rows tr')) {
        const seen = (window.statusesShown[row.dataset.messageId] ??= []);
        if (seen.at(-1) !== row.dataset.status) seen.push(row.dataset.status);
      }
    };
    new MutationObserver(note).observe(document.getElementById('message-rows'), { childList: true });
  })()`);
  return async (messageId) =>
    (await page.evaluate(`window.statusesShown[${JSON.stringify(messageId)}]`)) as string[];
}

const valuesOf = (badges: Array<{ getAttribute(name: string): string | null }>) =>
  badges.map((badge) => badge.getAttribute('data-value'));

/** The console opens on conversations; the list of every message is the other view. */
async function openMessageList(page: Page): Promise<void> {
  await page.click('#view-messages');
  await page.locator('#main[data-view="messages"]').waitFor();
  await page.locator('#message-rows').waitFor({ state: 'attached' });
}

/** Sends from the page's own form and waits until the message it sent shows `status`. */
async function sendFromPage(page: Page, to: string, status: string): Promise<string> {
  await page.fill('#send-to', to);
  await page.click('#send-form button[type="submit"]');
  const result = page.locator('#send-result', { hasText: /wamid\.\S+/ });
  await result.waitFor();
  const id = /wamid\.\S+/.exec((await result.textContent())!)![0];
  await page.locator(`#message-rows tr[data-message-id="${id}"][data-status="${status}"]`).waitFor();
  return id;
}

describeInBrowser('the live status page in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe('on an open gateway with Redis', () => {
    let gateway: TestGateway;
    beforeAll(async () => {
      await flushDatabase(REDIS_URL);
      gateway = await startTestGateway({ REDIS_URL, REDIS_KEY_PREFIX: 'live-page:' });
    });
    afterAll(async () => {
      await gateway?.close();
      await flushDatabase(REDIS_URL);
    });

    it('shows sends go from accepted to read, and explains a failed one in both locales', async () => {
      const { page, errors, requests } = await openConsole(browser, gateway, { wide: true });
      await openMessageList(page);
      expect(await page.locator('#empty').isVisible()).toBe(true);

      // A send from the page itself: its row shows each status as the webhooks arrive.
      const shown = await recordStatusesShown(page);
      const ordinaryId = await sendFromPage(page, ORDINARY, 'READ');
      expect(await page.locator('#send-result').textContent()).toMatch(/^Accepted by WhatsApp as wamid\./);
      // The page draws once per frame: on a loaded machine two statuses may share one. Their order may not
      // change, and the message's history has them all.
      const statuses = await shown(ordinaryId);
      expect(statuses[0]).toBe('ACCEPTED');
      expect(statuses.at(-1)).toBe('READ');
      expect(['ACCEPTED', 'SENT', 'DELIVERED', 'READ'].filter((status) => statuses.includes(status))).toEqual(
        statuses,
      );
      await page.locator(`#message-rows tr[data-message-id="${ordinaryId}"]`).click();
      await page.locator('#details .history li').nth(3).waitFor();
      expect(await page.locator('#details .history li [data-value]').evaluateAll(valuesOf)).toEqual([
        'ACCEPTED',
        'SENT',
        'DELIVERED',
        'READ',
      ]);

      // A send from another client: it appears through the subscription alone.
      const sent = await gateway.graphql<{ sendMessage: { message: { id: string } } }>(
        `mutation ($to: String!) { sendMessage(input: { to: $to, text: { body: "Your code is 1234" } }) { message { id } } }`,
        { to: UNDELIVERABLE },
      );
      const failedId = sent.body.data!.sendMessage.message.id;
      const failedRow = page.locator(`#message-rows tr[data-message-id="${failedId}"][data-status="FAILED"]`);
      await failedRow.waitFor();
      expect(await failedRow.locator('[data-value="FAILED"]').count()).toBe(2);

      await failedRow.click();
      const diagnosis = page.locator('#diagnosis[data-cause="RECIPIENT_UNREACHABLE"][data-locale="EN"]');
      await diagnosis.waitFor();
      expect(await page.locator('#details .history li').allTextContents()).toEqual([
        expect.stringContaining('accepted'),
        expect.stringContaining('failed'),
      ]);
      expect(await page.locator('#details .history li').last().textContent()).toContain('131026');
      const english = await diagnosis.textContent();
      expect(english).toContain('What you can do');
      expect(english).toContain('What to ask the customer');
      expect(english).toContain('wa.me/tos/20210210');

      await saveScreenshot(page, 'live-page');

      await page.selectOption('#locale', 'ZH_TW');
      const chinese = page.locator('#diagnosis[data-cause="RECIPIENT_UNREACHABLE"][data-locale="ZH_TW"]');
      await chinese.waitFor();
      expect(await chinese.textContent()).toContain('錯誤代碼 131026');
      expect(await chinese.textContent()).toContain('請顧客協助的事項');
      expect(await page.locator('thead').textContent()).toContain('收件人');
      expect(await page.locator('#connection').textContent()).toBe('即時');

      await saveScreenshot(page, 'live-page-zh-tw');
      expect(errors).toEqual([]);
      expect(requests.refused).toEqual([]);
      await page.close();
    });

    it('replays what happened while its connection was down, from the last event it saw', async () => {
      const { page, connection } = await openConsole(browser, gateway, { interruptible: true });
      await openMessageList(page);
      await sendFromPage(page, ORDINARY, 'READ');

      const lastSeen = connection.cursors('messageStatusChanged').at(-1);

      await expectToCatchUpAfterDrop(page, connection, gateway);
      expect(connection.subscriptionStarts('messageStatusChanged').at(-1)).toBe(lastSeen);
      const replayed = connection
        .cursors('messageStatusChanged')
        .slice(connection.cursors('messageStatusChanged').indexOf(lastSeen!) + 1);
      expect(replayed.length).toBeGreaterThan(0);
      expect(replayed).not.toContain(lastSeen);
      await page.close();
    });
  });

  describe('on an empty gateway', () => {
    let gateway: TestGateway;
    beforeAll(async () => {
      gateway = await startTestGateway();
    });
    afterAll(async () => {
      await gateway?.close();
    });

    it('reads the list again after a drop before any event, when there is no cursor to resume from', async () => {
      const { page, connection } = await openConsole(browser, gateway, { interruptible: true });
      await openMessageList(page);

      await expectToCatchUpAfterDrop(page, connection, gateway);
      await page.close();
    });
  });

  describe('on a gateway that requires API keys', () => {
    let gateway: TestGateway;
    beforeAll(async () => {
      gateway = await startTestGateway({ GATEWAY_API_KEYS: `${CONSOLE_KEY}:send+read+subscribe` });
    });
    afterAll(async () => {
      await gateway?.close();
    });

    it('asks for a key, refuses a wrong one, and goes live with the right one', async () => {
      const { page } = await openConsole(browser, gateway, { until: 'unauthorized' });
      await page.locator('#api-key-form').waitFor({ state: 'visible' });

      await page.fill('#api-key', 'not-a-key-of-this-gateway');
      await page.click('#api-key-form button');
      await page.locator('#connection[data-state="unauthorized"]').waitFor();
      await page.locator('#api-key-form').waitFor({ state: 'visible' });

      await page.fill('#api-key', CONSOLE_KEY);
      await page.click('#api-key-form button');
      await page.locator('#connection[data-state="live"]').waitFor();
      await openMessageList(page);
      await sendFromPage(page, ORDINARY, 'READ');
      expect(await page.locator('#api-key-form').isHidden()).toBe(true);
      await page.close();
    });
  });
});
