import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserStack, type BrowserStack } from './browser-stack.ts';

describe('scopes in a browser', () => {
  let env: BrowserStack;

  beforeAll(async () => {
    env = await startBrowserStack();
  });

  afterAll(async () => {
    await env?.stop();
  });

  it('refuses a district office another district’s school: the page says so and the API answers 403', async () => {
    const page = await env.pageAs('PGD-A');
    const [api] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/units/THCS-B1')), page.goto(`${env.url}/units/THCS-B1`)]);
    expect(api.status()).toBe(403);
    await page.locator('[data-testid="error-banner"]').waitFor();
    expect(await page.locator('[data-testid="error-banner"]').textContent()).toContain('THCS-B1');
    expect(await page.locator('[data-testid="unit-page"]').count()).toBe(0);
  });

  it('opens the district office its own school', async () => {
    const page = await env.pageAs('PGD-A');
    await page.goto(`${env.url}/units/THCS-A1`);
    await page.locator('[data-testid="unit-page"][data-unit="THCS-A1"]').waitFor();
  });
});
