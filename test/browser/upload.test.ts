import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserStack, type BrowserStack } from './browser-stack.ts';

/* Row 3 as a spreadsheet numbers it (the header is row 1): a verification no one defined. */
const BAD_FILE = ['unit_code,student_code,level,class_name,id_verification,status', 'THCS-A1,THCS-A1-HS1,THCS,6A,verified,studying', 'THCS-A1,THCS-A1-HS2,THCS,6A,maybe,studying'].join('\n');

describe('the uploads page in a browser', () => {
  let env: BrowserStack;

  beforeAll(async () => {
    env = await startBrowserStack();
  });

  afterAll(async () => {
    await env?.stop();
  });

  it('sends a bad file straight to the bucket and shows its report by row, column and value', async () => {
    const page = await env.pageAs('THCS-A1');
    await page.goto(`${env.url}/tai-len`);
    await page.selectOption('[data-testid="upload-entity"]', 'students');
    await page.setInputFiles('[data-testid="upload-file"]', { name: 'hoc-sinh-6A.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_FILE) });
    await page.click('[data-testid="upload-submit"]');
    await page.locator('[data-testid="upload-rejected"]').waitFor({ timeout: 60_000 });
    const row = page.locator('[data-testid="upload-report-row"]', { hasText: 'maybe' });
    expect((await row.locator('[data-col="row"]').textContent())?.trim()).toBe('3');
    expect((await row.locator('[data-col="column"]').textContent())?.trim()).toBe('id_verification');
  });
});
