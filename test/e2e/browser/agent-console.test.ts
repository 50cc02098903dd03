import { type Browser, type Page } from 'playwright-core';
import { request } from 'undici';
import { buildInboundMessageWebhook } from '../../../src/simulator';
import { flushDatabase, redisDatabaseUrl } from '../../integration/live/support/live-gateway';
import { APP_SECRET, postSignedJson, VERIFY_TOKEN } from '../../integration/live/support/live-webhooks';
import { describeInBrowser, launchBrowser, saveScreenshot } from '../../support/browser';
import { openConsole } from '../../support/console-page';
import { startTestGateway, type TestGateway, waitFor } from '../../support/gateway-harness';

const REDIS_URL = redisDatabaseUrl(3);
const WRITES_FIRST = '+12025550150';
/** The simulator's scenario 44: after reading the business's message, the customer sends a 64×48 photo. */
const SENDS_A_PHOTO = '+12025550144';
const WROTE_LONG_AGO = '+12025550151';
const WRITES_TWICE = '+12025550153';
/** The simulator's scenario 12: Meta refuses the send with 131026. */
const REFUSED_AT_SEND = '+12025550112';
const CONSOLE_KEY = 'agent-console-key-0001';

/** A customer writes, through the embedded simulator's `POST /simulator/inbound-messages`. */
async function customerWrites(gateway: TestGateway, message: Record<string, unknown>): Promise<void> {
  const response = await request(`${gateway.url}/simulator/inbound-messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(message),
  });
  const answer = await response.body.text();
  if (response.statusCode !== 200)
    throw new Error(`inbound message answered ${response.statusCode}: ${answer}`);
}

/**
 * Starts noting every status each outbound bubble of the open conversation shows; the returned function
 * reads the statuses one message went through. (A script text: this project compiles without the DOM's types.)
 */
async function recordBubbleStatuses(page: Page): Promise<(messageId: string) => Promise<string[]>> {
  await page.evaluate(`(() => {
    window.bubbleStatuses = {};
    const note = () => {
      for (const bubble of document.querySelectorAll('#conversation li[data-direction="outbound"]')) {
        const seen = (window.bubbleStatuses[bubble.dataset.messageId] ??= []);
        if (seen.at(-1) !== bubble.dataset.status) seen.push(bubble.dataset.status);
      }
    };
    new MutationObserver(note).observe(document.getElementById('conversation'), { childList: true });
  })()`);
  return async (messageId) =>
    (await page.evaluate(`window.bubbleStatuses[${JSON.stringify(messageId)}]`)) as string[];
}

/** Waits until the open conversation shows a decoded photo, and returns its natural width. */
async function photoWidth(page: Page): Promise<number> {
  const photo = page.locator('#conversation li[data-type="IMAGE"] img');
  await photo.waitFor();
  // Typed loosely: this project compiles without the DOM's types.
  const width = () => photo.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth);
  return waitFor(async () => (await width()) || false, 'the photo to decode', 10_000);
}

const contactRow = (page: Page, id: string) => page.locator(`#contact-list li[data-contact-id="${id}"]`);

/** Types a reply in the open conversation, sends it, and returns the id of the bubble it adds. */
async function reply(page: Page, body: string): Promise<string> {
  const before = await page.locator('#conversation li[data-direction="outbound"]').count();
  await page.fill('#reply-text', body);
  await page.click('#reply-form button[type="submit"]');
  const bubble = page.locator('#conversation li[data-direction="outbound"]', { hasText: body });
  await bubble.waitFor();
  expect(await page.locator('#conversation li[data-direction="outbound"]').count()).toBe(before + 1);
  return (await bubble.getAttribute('data-message-id'))!;
}

describeInBrowser('the agent console in Chromium', () => {
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
      gateway = await startTestGateway({
        REDIS_URL,
        REDIS_KEY_PREFIX: 'agent-console:',
        WHATSAPP_APP_SECRET: APP_SECRET,
        WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
      });
    });
    afterAll(async () => {
      await gateway?.close();
      await flushDatabase(REDIS_URL);
    });

    it('shows who wrote, opens the conversation, sends a reply that ticks to read, and previews a photo', async () => {
      const { page, errors, requests } = await openConsole(browser, gateway, { wide: true });
      expect(await page.locator('#no-contacts').isVisible()).toBe(true);

      // A customer writes while the console is open: the contact appears, unread, with an open window.
      await customerWrites(gateway, {
        from: WRITES_FIRST,
        profileName: 'Mei Lin',
        text: 'Where is my order?',
      });
      const meiLin = contactRow(page, WRITES_FIRST);
      await meiLin.and(page.locator('[data-unread="1"][data-window-open="true"]')).waitFor();
      expect(await meiLin.locator('.contact-name').textContent()).toBe('Mei Lin');
      expect(await meiLin.locator('.unread').textContent()).toBe('1');
      expect(await meiLin.locator('.window').textContent()).toMatch(/^window open until /);

      // Opening it shows the message and clears the count.
      await meiLin.click();
      await page
        .locator('#conversation li[data-direction="inbound"][data-type="TEXT"]', {
          hasText: 'Where is my order?',
        })
        .waitFor();
      await meiLin.and(page.locator('[data-unread="0"]')).waitFor();
      expect(await meiLin.locator('.unread').count()).toBe(0);
      expect(await page.locator('#window-closed').isHidden()).toBe(true);

      // The reply goes below the customer's message and its statuses tick up to read.
      const shown = await recordBubbleStatuses(page);
      const replyId = await reply(page, 'It ships today');
      await page.locator(`#conversation li[data-message-id="${replyId}"][data-status="READ"]`).waitFor();
      const statuses = await shown(replyId);
      expect(statuses.at(-1)).toBe('READ');
      expect(['ACCEPTED', 'SENT', 'DELIVERED', 'READ'].filter((status) => statuses.includes(status))).toEqual(
        statuses,
      );
      expect(
        await page
          .locator('#conversation li[data-message-id]')
          .evaluateAll((bubbles) => bubbles.map((bubble) => bubble.getAttribute('data-direction'))),
      ).toEqual(['inbound', 'outbound']);
      expect(await page.locator('#reply-result').textContent()).toBe('');
      expect(await page.locator('#reply-text').inputValue()).toBe('');

      // Picking the reply shows its history on the side, as a row of the message list does.
      await page.locator(`#conversation li[data-message-id="${replyId}"]`).click();
      await page.locator('#details .history li').nth(3).waitFor();
      expect(await page.locator('#details h2').first().textContent()).toBe(replyId);

      // A customer of scenario 44 writes; the agent answers; once read, the customer sends a photo, which
      // arrives live in the open conversation and shows through the key-authenticated media route.
      await customerWrites(gateway, {
        from: SENDS_A_PHOTO,
        profileName: 'Chen Wei',
        text: 'Is this the right part?',
      });
      const chenWei = contactRow(page, SENDS_A_PHOTO);
      await chenWei.and(page.locator('[data-unread="1"]')).waitFor();
      await chenWei.click();
      await page.locator('#conversation li[data-direction="inbound"]', { hasText: 'right part' }).waitFor();
      // The side panel no longer shows the other conversation's message.
      expect(await page.locator('#details').textContent()).toBe(
        'Pick a message to see its history and why it failed.',
      );
      const photoRequestId = await reply(page, 'Can you send a photo of it?');
      const photo = page.locator('#conversation li[data-type="IMAGE"] img');
      expect(await photoWidth(page)).toBe(64);
      expect(await photo.getAttribute('src')).toMatch(/^blob:/);
      expect(await chenWei.getAttribute('data-unread')).toBe('0');
      // Oldest at the top: the question, the agent's answer, the photo sent once it was read.
      expect(
        await page
          .locator('#conversation li[data-message-id]')
          .evaluateAll((bubbles) =>
            bubbles.map(
              (bubble) =>
                `${bubble.getAttribute('data-direction')} ${bubble.getAttribute('data-type') ?? ''}`,
            ),
          ),
      ).toEqual(['inbound TEXT', 'outbound ', 'inbound IMAGE']);
      await page.locator(`#conversation li[data-message-id="${photoRequestId}"]`).click();
      await page.locator('#details .history li').nth(3).waitFor();
      expect(requests.seen.filter((url) => url.includes('/media/'))).toEqual([
        `${gateway.url}/media/900000000000001`,
      ]);
      await saveScreenshot(page, 'agent-console');

      expect(errors).toEqual([]);
      expect(requests.refused).toEqual([]);
      await page.close();
    });

    it('explains a refused reply, warns about a closed window, in English and Traditional Chinese', async () => {
      const { page, errors, reload } = await openConsole(browser, gateway, { wide: true });

      // Meta refuses a reply: the box says so, with the diagnosis's explanation and what to do.
      await customerWrites(gateway, { from: REFUSED_AT_SEND, text: 'Did my order go through?' });
      await contactRow(page, REFUSED_AT_SEND).click();
      await page.locator('#conversation li[data-direction="inbound"]', { hasText: 'my order' }).waitFor();
      await page.fill('#reply-text', 'Yes, it did');
      await page.click('#reply-form button[type="submit"]');
      await page.locator('#reply-result[data-outcome="refused"]').waitFor();
      expect(await page.locator('#reply-result [data-kind="refused"]').textContent()).toMatch(
        /^Refused by WhatsApp \(131026\): /,
      );
      expect(await page.locator('#reply-result [data-kind="explanation"]').textContent()).not.toBe('');
      expect(await page.locator('#reply-result [data-kind="solution"]').count()).toBeGreaterThan(0);
      expect(await page.locator('#conversation li[data-direction="outbound"]').count()).toBe(0);
      // The text stays in the box, to send again once the cause is fixed.
      expect(await page.locator('#reply-text').inputValue()).toBe('Yes, it did');

      // The customer's last message is two days old: Meta's webhook says so with its timestamp.
      const webhook = buildInboundMessageWebhook({
        phoneNumberId: gateway.simulator!.phoneNumberId,
        from: WROTE_LONG_AGO,
        profileName: 'Lin Yu',
        content: 'Do you ship to Taipei?',
        timestamp: Math.floor(Date.now() / 1000) - 2 * 24 * 3600,
      });
      expect((await postSignedJson(gateway.url, webhook)).status).toBe(200);
      const linYu = contactRow(page, WROTE_LONG_AGO);
      await linYu.and(page.locator('[data-window-open="false"]')).waitFor();
      expect(await linYu.locator('.window').textContent()).toBe('window closed');

      await linYu.click();
      await page.locator('#conversation li[data-direction="inbound"]', { hasText: 'Taipei' }).waitFor();
      await page.locator('#window-closed').waitFor({ state: 'visible' });
      expect(await page.locator('#window-closed').textContent()).toContain('131047');

      await reply(page, 'Yes, we do');
      const warning = page.locator('#reply-result [data-kind="warning"]');
      await warning.waitFor();
      expect(await warning.textContent()).toMatch(
        /^Warning: The customer's 24-hour service window closed at /,
      );

      await page.selectOption('#locale', 'ZH_TW');
      await page.locator('html[lang="zh-TW"]').waitFor();
      await page.locator('#contact-list li .window', { hasText: '服務時段已關閉' }).first().waitFor();
      expect(await page.locator('#view-conversations').textContent()).toBe('對話');
      expect(await page.locator('#view-messages').textContent()).toBe('所有訊息');
      expect(await page.locator('#contacts-panel h2').textContent()).toBe('聯絡人');
      expect(await page.locator('#window-closed').textContent()).toContain('24 小時服務時段已關閉');
      expect(await page.locator('#reply-form button').textContent()).toBe('傳送');
      expect(await page.locator('#reply-text').getAttribute('placeholder')).toBe('輸入回覆…');
      expect(
        await page.locator('#conversation li[data-direction="inbound"] .meta').first().textContent(),
      ).toContain('文字');
      expect(await page.locator('#connection').textContent()).toBe('即時');
      await saveScreenshot(page, 'agent-console-zh-tw');

      // The next visit opens in the language chosen.
      await reload();
      expect(await page.locator('#contacts-panel h2').textContent()).toBe('聯絡人');
      await page.selectOption('#locale', 'EN');
      expect(errors).toEqual([]);
      await page.close();
    });
  });

  describe('on a gateway whose connection drops', () => {
    let gateway: TestGateway;
    beforeAll(async () => {
      gateway = await startTestGateway();
    });
    afterAll(async () => {
      await gateway?.close();
    });

    it('counts what a customer wrote while the connection was down, resuming from the last message seen', async () => {
      const { page, connection } = await openConsole(browser, gateway, { interruptible: true });
      await customerWrites(gateway, { from: WRITES_TWICE, text: 'Hello?' });
      const row = contactRow(page, WRITES_TWICE);
      await row.and(page.locator('[data-unread="1"]')).waitFor();
      const lastSeen = connection.cursors('messageReceived').at(-1);
      expect(lastSeen).toBeDefined();

      await connection.drop();
      await page.locator('#connection[data-state="reconnecting"]').waitFor();
      await customerWrites(gateway, { from: WRITES_TWICE, text: 'Anyone there?' });
      connection.restore();
      await page.locator('#connection[data-state="live"]').waitFor();

      await row.and(page.locator('[data-unread="2"]')).waitFor();
      expect(connection.subscriptionStarts('messageReceived').at(-1)).toBe(lastSeen);
      await row.click();
      await page
        .locator('#conversation li[data-direction="inbound"]', { hasText: 'Anyone there?' })
        .waitFor();
      expect(await page.locator('#conversation li[data-direction="inbound"]').count()).toBe(2);
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

    it('fetches a photo with the key as a bearer token, never with the key in a URL', async () => {
      const { page, errors, requests } = await openConsole(browser, gateway, { until: 'unauthorized' });
      const mediaAuthorization: Array<string | undefined> = [];
      page.on('request', (sent) => {
        if (sent.url().includes('/media/')) mediaAuthorization.push(sent.headers().authorization);
      });
      await page.fill('#api-key', CONSOLE_KEY);
      await page.click('#api-key-form button');
      await page.locator('#connection[data-state="live"]').waitFor();

      await customerWrites(gateway, {
        from: '+12025550152',
        image: { mediaId: '900000000000001', caption: 'The broken part' },
      });
      await contactRow(page, '+12025550152').click();
      expect(await photoWidth(page)).toBe(64);
      expect(await page.locator('#conversation li[data-type="IMAGE"]').textContent()).toContain(
        'The broken part',
      );
      expect(mediaAuthorization).toEqual([`Bearer ${CONSOLE_KEY}`]);
      expect(requests.seen.filter((url) => url.includes(CONSOLE_KEY))).toEqual([]);
      // The first read, before the key was given, was refused: that is how the page learns to ask.
      expect(errors.filter((error) => !error.includes('status of 401'))).toEqual([]);
      await page.close();
    });
  });
});
