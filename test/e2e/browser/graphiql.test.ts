import { type Browser, type Locator, type Page, type WebSocket } from 'playwright-core';
import { collectPageErrors, describeInBrowser, launchBrowser, saveScreenshot } from '../../support/browser';
import { startTestGateway, type TestGateway, waitFor } from '../../support/gateway-harness';
import { GRAPHIQL_EXAMPLE_VARIABLES } from '../../../src/http/pages/graphiql-examples';

const ORDINARY = '+12025550100';
const UNDELIVERABLE = '+12025550130';
const API_KEY = 'graphiql-browser-key-01';
const SEND = /* GraphQL */ `
  mutation ($to: String!) {
    sendMessage(input: { to: $to, text: { body: "sent beside GraphiQL" } }) {
      message {
        id
      }
    }
  }
`;

interface Watched {
  /** URLs the page asked for on another host; the request was refused. */
  offHost: string[];
  /** WebSockets the page opened, with every frame it sent. */
  sockets: Array<{ url: string; sent: string[] }>;
}

/** GraphiQL must work air-gapped: every request and WebSocket stays on 127.0.0.1. */
async function watchTraffic(page: Page): Promise<Watched> {
  const watched: Watched = { offHost: [], sockets: [] };
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:') return route.continue();
    watched.offHost.push(url.href);
    return route.abort();
  });
  page.on('websocket', (socket: WebSocket) => {
    const entry = { url: socket.url(), sent: [] as string[] };
    watched.sockets.push(entry);
    socket.on('framesent', (frame) => entry.sent.push(String(frame.payload)));
  });
  return watched;
}

/**
 * The text a monaco editor shows, as one line: it renders spaces as U+00A0 and indents the lines it
 * wraps, so line breaks and the indentation after them are dropped (`{\n  "a": 1` reads `{"a": 1`).
 */
async function editorText(editor: Locator): Promise<string> {
  const text = await editor.locator('.view-lines').first().innerText();
  return text.replace(/\u00a0/g, ' ').replace(/\n */g, '');
}

const resultPanel = (page: Page): Locator => page.locator('section.result-window');

/** Waits until the result panel holds `expected`, and returns its text. */
async function resultContaining(page: Page, expected: string, timeoutMs = 10_000): Promise<string> {
  let last = '';
  try {
    return await waitFor(
      async () => {
        last = await editorText(resultPanel(page));
        return last.includes(expected) ? last : undefined;
      },
      `the result panel to show ${expected}`,
      timeoutMs,
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}\nThe panel showed: ${last}`);
  }
}

/** ▶ lists the document's operations when it holds several; this runs the one named. */
async function runOperation(page: Page, name: string): Promise<void> {
  await page.locator('.graphiql-execute-button').click();
  await page.getByRole('menuitem', { name, exact: true }).click();
}

/**
 * Replaces the text of the variables or the headers editor the way a person would: select all, paste.
 * (Typing would be completed by the editor's auto-closing brackets.)
 */
async function fillEditorTool(page: Page, tool: 'Variables' | 'Headers', text: string): Promise<void> {
  await page.locator('.graphiql-editor-tools').getByRole('button', { name: tool, exact: true }).click();
  const editor = page.locator('section.graphiql-editor-tool .graphiql-editor:not(.hidden)');
  await editor.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  // A script text: this project compiles without the DOM's types.
  await page.evaluate(`(() => {
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', ${JSON.stringify(text)});
    document.activeElement.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }),
    );
  })()`);
  const expected = text.replace(/\s/g, '');
  let shown = '';
  await waitFor(async () => {
    shown = (await editorText(editor)).replace(/\s/g, '');
    return shown === expected;
  }, `the ${tool} editor to hold the new text`).catch((error: Error) => {
    throw new Error(`${error.message}\nIt shows: ${shown}`);
  });
}

/** Opens the page and waits for its examples, and for the schema it learns by introspection like Sandbox. */
async function openGraphiql(page: Page, gateway: TestGateway): Promise<void> {
  const introspection = page.waitForResponse(
    (response) =>
      response.url().endsWith('/graphql') && !!response.request().postData()?.includes('__schema'),
  );
  await page.goto(`${gateway.url}/graphiql`);
  const answer = await introspection;
  expect(answer.status()).toBe(200);
  expect(await answer.text()).toContain('"name":"messageStatusChanged"');
  await waitFor(
    async () =>
      (await page.locator('.graphiql-query-editor .view-lines').count()) > 0 &&
      (await editorText(page.locator('.graphiql-query-editor'))).includes('mutation SendMessage'),
    'the query editor to show the example operations',
    15_000,
  );
}

const stopButton = (page: Page): Locator => page.getByRole('button', { name: /^Stop query/ });

describeInBrowser('GraphiQL at /graphiql in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe('on an open gateway', () => {
    let gateway: TestGateway;
    beforeAll(async () => {
      gateway = await startTestGateway();
    });
    afterAll(async () => {
      await gateway?.close();
    });

    it('follows statuses over WebSocket, sends, and explains the message in both locales', async () => {
      const page = await browser.newPage({ viewport: { width: 1500, height: 2000 } });
      const errors = collectPageErrors(page);
      const traffic = await watchTraffic(page);
      await openGraphiql(page, gateway);

      // The subscription first: a message sent by another client shows up as its webhooks arrive.
      await runOperation(page, 'FollowStatus');
      await stopButton(page).waitFor();
      await waitFor(
        () => traffic.sockets.some((socket) => socket.sent.some((frame) => frame.includes('"subscribe"'))),
        'the subscription to be sent over the WebSocket',
      );
      const sent = await gateway.graphql<{ sendMessage: { message: { id: string } } }>(SEND, {
        to: ORDINARY,
      });
      const followedId = sent.body.data!.sendMessage.message.id;
      const followed = await resultContaining(page, '"status": "READ"');
      expect(followed).toContain('"messageStatusChanged": {');
      expect(followed).toContain(`"id": "${followedId}"`);
      await stopButton(page).click();
      await page.getByRole('button', { name: /^Execute query/ }).waitFor();

      // A send from GraphiQL to a number whose webhook reports 131026.
      await fillEditorTool(
        page,
        'Variables',
        JSON.stringify({ ...GRAPHIQL_EXAMPLE_VARIABLES, to: UNDELIVERABLE }, null, 2),
      );
      await runOperation(page, 'SendMessage');
      const accepted = await resultContaining(page, '"status": "ACCEPTED"');
      const id = /"id": "(wamid\.[^"]+)"/.exec(accepted)?.[1];
      expect(id).toBeDefined();
      expect(accepted).toContain('"error": null');
      await waitFor(async () => {
        const answer = await gateway.graphql<{ message: { status: string } }>(
          'query ($id: ID!) { message(id: $id) { status } }',
          { id },
        );
        return answer.body.data?.message.status === 'FAILED';
      }, 'the failed webhook to reach the gateway');

      await fillEditorTool(page, 'Variables', JSON.stringify({ ...GRAPHIQL_EXAMPLE_VARIABLES, id }, null, 2));
      await runOperation(page, 'MessageWithDiagnosis');
      const explained = await resultContaining(page, '"zhTW": {');
      expect(explained).toContain(`"id": "${id}"`);
      expect(explained).toContain('"status": "FAILED"');
      const causes = [...explained.matchAll(/"cause": "([A-Z_]+)"/g)].map((match) => match[1]);
      expect(causes).toEqual(['RECIPIENT_UNREACHABLE', 'RECIPIENT_UNREACHABLE']);
      const [english, chinese] = explained.split('"zhTW": {') as [string, string];
      expect(english).toContain('"en": {');
      expect(english).not.toMatch(/[\u4e00-\u9fff]/);
      expect(chinese).toMatch(/"explanation": "[^"]*[\u4e00-\u9fff]/);

      expect(traffic.offHost).toEqual([]);
      expect(traffic.sockets.map((socket) => new URL(socket.url).host)).toEqual([new URL(gateway.url).host]);
      expect(errors).toEqual([]);
      await saveScreenshot(page, 'graphiql');
      await page.close();
    });
  });

  describe('on a gateway with API keys', () => {
    let gateway: TestGateway;
    beforeAll(async () => {
      gateway = await startTestGateway({ GATEWAY_API_KEYS: `${API_KEY}:send+read+subscribe` });
    });
    afterAll(async () => {
      await gateway?.close();
    });

    it('sends the Authorization header of the headers editor over HTTP and in connection_init', async () => {
      const page = await browser.newPage({ viewport: { width: 1500, height: 1200 } });
      const errors = collectPageErrors(page);
      const traffic = await watchTraffic(page);
      await openGraphiql(page, gateway);

      await runOperation(page, 'SendMessage');
      await resultContaining(page, '"code": "UNAUTHENTICATED"');

      await fillEditorTool(page, 'Headers', JSON.stringify({ Authorization: `Bearer ${API_KEY}` }));
      await runOperation(page, 'SendMessage');
      await resultContaining(page, '"status": "ACCEPTED"');

      await runOperation(page, 'FollowStatus');
      await waitFor(
        () => traffic.sockets.some((socket) => socket.sent.some((frame) => frame.includes('"subscribe"'))),
        'the subscription to be sent over the WebSocket',
      );
      const init = traffic.sockets[0]?.sent.find((frame) => frame.includes('"connection_init"'));
      expect(JSON.parse(init!)).toEqual({
        type: 'connection_init',
        payload: { authorization: `Bearer ${API_KEY}` },
      });
      await gateway.graphql(SEND, { to: ORDINARY }, { authorization: `Bearer ${API_KEY}` });
      await resultContaining(page, '"status": "READ"');
      await stopButton(page).click();

      expect(traffic.offHost).toEqual([]);
      // The keyless send above was answered 401 with an UNAUTHENTICATED error, which the browser logs as
      // one failed load; nothing else may complain.
      const unauthorized = errors.filter((error) => /status of 401/.test(error));
      expect(unauthorized).toHaveLength(1);
      expect(errors.filter((error) => !unauthorized.includes(error))).toEqual([]);
      await page.close();
    });
  });
});
