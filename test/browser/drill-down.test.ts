import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserStack, type BrowserStack } from './browser-stack.ts';
import { DEPARTMENT, IDENTITY, SCHOOLS_OF_OFFICE, unverifiedCodes } from './fixture-province.ts';

describe('drilling down in a browser', () => {
  let env: BrowserStack;

  beforeAll(async () => {
    env = await startBrowserStack();
  });

  afterAll(async () => {
    await env?.stop();
  });

  it('goes province → district office → school and reaches the failing record codes', async () => {
    const page = await env.pageAs(DEPARTMENT);
    await page.goto(`${env.url}/don-vi`);
    await page.locator('[data-testid="drill-link"]', { hasText: 'PGD-B' }).click();
    await page.locator('[data-testid="drill-link"]', { hasText: 'THCS-B1' }).click();
    await page.locator('[data-testid="unit-page"][data-unit="THCS-B1"]').waitFor();
    const requirement = page.locator('[data-testid="unit-requirement"]', { has: page.locator('[data-testid="failing-records"]') }).filter({ hasText: 'xác thực' });
    const codes = await requirement.first().locator('[data-testid="failing-code"]').allTextContents();
    expect(codes.map((c) => c.trim()).sort()).toEqual([...(unverifiedCodes().get('THCS-B1') ?? [])].sort());
    const change = page.locator('[data-testid="unit-history-row"]').filter({ hasText: 'xác thực' });
    expect(await change.first().locator('[data-col="to"]').textContent()).toBe('Quá hạn');
  });

  it('goes from an overview figure to the overdue schools, then to one school’s failing records', async () => {
    const page = await env.pageAs(DEPARTMENT);
    const card = page.locator(`[data-testid="req-card"][data-requirement="${IDENTITY}"]`);
    await card.locator('[data-testid="fig-overdue"] a').click();
    const listed = page.locator('[data-testid="drill-link"]');
    await listed.first().waitFor();
    expect((await listed.allTextContents()).map((c) => c.trim()).sort()).toEqual([...unverifiedCodes().keys()].sort());
    await listed.filter({ hasText: 'THPT-01' }).click();
    await page.locator('[data-testid="unit-page"][data-unit="THPT-01"]').waitFor();
    const codes = await page.locator('[data-testid="failing-code"]').allTextContents();
    expect(codes.map((c) => c.trim())).toEqual(expect.arrayContaining(unverifiedCodes().get('THPT-01') ?? ['?']));
  });

  it('narrows the overdue list to one district office picked by the department', async () => {
    const page = await env.pageAs(DEPARTMENT);
    await page.goto(`${env.url}/qua-han`);
    const units = page.locator('[data-testid="overdue-link"]');
    await units.first().waitFor();
    const everywhere = new Set((await units.allTextContents()).map((c) => c.trim()));
    await page.locator('[data-testid="office-picker"] option', { hasText: 'Kiến Thụy' }).waitFor({ state: 'attached' });
    await page.locator('[data-testid="office-picker"]').selectOption('PGD-B');
    await page.waitForURL(/\/qua-han\?office=PGD-B$/);
    const expected = [...everywhere].filter((u) => u === 'PGD-B' || SCHOOLS_OF_OFFICE['PGD-B']?.includes(u)).sort();
    await expect.poll(async () => [...new Set((await units.allTextContents()).map((c) => c.trim()))].sort(), { timeout: 15_000 }).toEqual(expected);
    const narrowed = new Set(expected);
    expect(narrowed.has('THCS-B1')).toBe(true);
    expect(everywhere.size).toBeGreaterThan(narrowed.size);
  });
});
