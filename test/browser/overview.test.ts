import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserStack, type BrowserStack } from './browser-stack.ts';
import { DEPARTMENT, IDENTITY, identityOutcome, PERSONAL_DATA, SCHOOLS_OF_OFFICE } from './fixture-province.ts';

async function identityFigures(page: Page): Promise<{ compliant: number; overdue: number }> {
  const card = page.locator(`[data-testid="req-card"][data-requirement="${IDENTITY}"]`);
  await card.waitFor();
  const figure = async (id: string) => Number(await card.locator(`[data-testid="fig-${id}"]`).getAttribute('data-value'));
  return { compliant: await figure('compliant'), overdue: await figure('overdue') };
}

describe('the overview in a browser', () => {
  let env: BrowserStack;

  beforeAll(async () => {
    env = await startBrowserStack();
  });

  afterAll(async () => {
    await env?.stop();
  });

  it('shows the department the province’s schools by status, as counted from the fixture', async () => {
    const page = await env.pageAs(DEPARTMENT);
    expect(await identityFigures(page)).toEqual(identityOutcome());
    expect(await page.locator('[data-testid="trend-chart"]').count()).toBeGreaterThan(0);
  });

  it('shows a district office only its own schools', async () => {
    const page = await env.pageAs('PGD-B');
    expect(await identityFigures(page)).toEqual(identityOutcome(SCHOOLS_OF_OFFICE['PGD-B']));
  });

  it('never shows a student’s name or national ID number, on the overview or a school’s page', async () => {
    const page = await env.pageAs(DEPARTMENT);
    await identityFigures(page);
    const overview = await page.content();
    await page.goto(`${env.url}/units/THCS-A1`);
    await page.locator('[data-testid="failing-code"]').first().waitFor();
    const unit = await page.content();
    expect(unit).toContain('THCS-A1-HS3');
    for (const value of PERSONAL_DATA) {
      expect(overview).not.toContain(value);
      expect(unit).not.toContain(value);
    }
  });
});
