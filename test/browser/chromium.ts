import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserServer, type Page } from 'playwright-core';

/* Debian's chromium (.ci/run installs it): no browser download, no sandbox in a container, no
   update checks or other background traffic to skew what a page load transfers. */
export const CHROMIUM_PATH = process.env.DONDOC_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-background-networking'];

/** Whether the browser is there to launch: only `.ci/run` installs it, `npm ci` cannot. */
export function chromiumInstalled(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}

/** One browser for a whole test run; each test file connects to it. */
export function launchChromiumServer(): Promise<BrowserServer> {
  return chromium.launchServer({ executablePath: CHROMIUM_PATH, args: ARGS });
}

export function connectChromium(wsEndpoint: string): Promise<Browser> {
  return chromium.connect(wsEndpoint);
}

/** Signs in on the local sign-in page as the unit `code` and waits for the dashboard to show who is signed in. */
export async function signInAs(page: Page, baseUrl: string, code: string): Promise<void> {
  await page.goto(`${baseUrl}/local/sign-in`);
  await Promise.all([page.waitForURL(`${baseUrl}/`), page.click(`[data-testid="sign-in-${code}"]`)]);
  await page.waitForSelector('[data-testid="current-user-name"]');
}
