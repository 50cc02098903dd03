import { type Browser, type Page } from 'playwright-core';
import { collectPageErrors } from './browser';
import { interruptibleWebSocket } from './interruptible-web-socket';

/** The page's WebSocket through a proxy the test can cut and restore. */
export type CuttableConnection = Awaited<ReturnType<typeof interruptibleWebSocket>>;

export interface ConsolePageOptions {
  /** The window of the screenshots people look at, 1360×900, rather than Playwright's 1280×720. */
  wide?: boolean;
  /** Puts the page's WebSocket through a proxy the test can cut (see `interruptibleWebSocket`). */
  interruptible?: boolean;
  /** The connection state to wait for once loaded: `unauthorized` on a gateway that wants a key not given yet. */
  until?: 'live' | 'unauthorized';
}

/** The agent console at `/live/` in a new page, loaded. */
export interface ConsolePage {
  page: Page;
  /** What the page logged as errors; a test expects none. */
  errors: string[];
  /** Every URL the page asked for, and those on another host, which were refused: the page works air-gapped. */
  requests: { seen: string[]; refused: string[] };
  /** Reloads the page and waits until it is live again. */
  reload(): Promise<void>;
}

const waitForConnection = (page: Page, state: string) =>
  page.locator(`#connection[data-state="${state}"]`).waitFor();

/** Lets through only what stays on the gateway's origin (and data: and blob: URLs the page makes itself). */
async function keepOnOrigin(page: Page, gatewayUrl: string): Promise<ConsolePage['requests']> {
  const requests = { seen: [] as string[], refused: [] as string[] };
  const origin = new URL(gatewayUrl).origin;
  await page.route('**/*', (route) => {
    const url = route.request().url();
    requests.seen.push(url);
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    requests.refused.push(url);
    return route.abort();
  });
  return requests;
}

/**
 * Opens the agent console of `gateway` in a new page of `browser` and waits until it is live (or asks
 * for a key, with `until: 'unauthorized'`). Errors and requests are recorded from before the page loads.
 */
export function openConsole(
  browser: Browser,
  gateway: { url: string },
  options: ConsolePageOptions & { interruptible: true },
): Promise<ConsolePage & { connection: CuttableConnection }>;
export function openConsole(
  browser: Browser,
  gateway: { url: string },
  options?: ConsolePageOptions,
): Promise<ConsolePage>;
export async function openConsole(
  browser: Browser,
  gateway: { url: string },
  { wide = false, interruptible = false, until = 'live' }: ConsolePageOptions = {},
): Promise<ConsolePage & { connection?: CuttableConnection }> {
  const page = await browser.newPage(wide ? { viewport: { width: 1360, height: 900 } } : {});
  const errors = collectPageErrors(page);
  const requests = await keepOnOrigin(page, gateway.url);
  const connection = interruptible ? await interruptibleWebSocket(page) : undefined;
  await page.goto(`${gateway.url}/live/`);
  await waitForConnection(page, until);
  const reload = async (): Promise<void> => {
    await page.reload();
    await waitForConnection(page, 'live');
  };
  return { page, errors, requests, reload, ...(connection && { connection }) };
}
