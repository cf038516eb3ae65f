import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Browser, Page } from 'playwright-core';
import { DynamoStateStore } from '../functions/adapters/dynamodb/dynamo-state-store.ts';
import { DEPARTMENT_CODE } from '../functions/demo/province-units.ts';
import { LOCAL_NAMES } from '../functions/local/stack/local-names.ts';
import { demoUsers } from '../functions/local/web/demo-users.ts';
import { launchChromium, signInAs } from '../test/browser/chromium.ts';
import { scaleArg, startDemoLocal } from './demo-local.ts';

/**
 * `npm run screenshots`: every view of the dashboard on the demo province, as the README
 * shows them, into docs/screenshots/. The department sees the province; the drill-down and
 * the unit page follow the first district office to its most overdue school; the uploads
 * page shows a school's rejected file.
 */
const OUT = join(import.meta.dirname, '..', 'docs', 'screenshots');
const VIEWPORT = { width: 1280, height: 900 };
const BAD_FILE = 'unit_code,student_code,level,class_name,id_verification,status\n{unit},HS-MOI-1,THCS,6A,co le,studying\n{unit},HS-MOI-2,THCS,6A,verified,hoc\n';

async function shoot(page: Page, name: string, ready: string): Promise<void> {
  await page.locator(ready).first().waitFor({ timeout: 60_000 });
  /* Charts animate in; the picture should show them drawn. */
  await page.waitForTimeout(800);
  await page.screenshot({ path: join(OUT, `${name}.png`) });
  process.stderr.write(`📸 docs/screenshots/${name}.png\n`);
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  return context.newPage();
}

const running = await startDemoLocal(scaleArg());
const browser = await launchChromium();
try {
  await mkdir(OUT, { recursive: true });
  const url = running.web.url;
  const users = await demoUsers(new DynamoStateStore(DynamoDBDocumentClient.from(running.stack.dynamodb), LOCAL_NAMES.table), DEPARTMENT_CODE);
  const office = users.find((u) => u.scope.kind === 'district_office')?.scope.code;
  const school = users.find((u) => u.scope.kind === 'unit' && u.parent === office)?.scope.code;
  if (office === undefined || school === undefined) throw new Error('the demo province has no district office with a school');

  const page = await newPage(browser);
  await page.goto(`${url}/local/sign-in`);
  await shoot(page, 'sign-in', '[data-testid^="sign-in-"]');
  await signInAs(page, url, DEPARTMENT_CODE);
  await shoot(page, 'overview', '[data-testid="req-card"] [data-testid="fig-overdue"]');
  await page.goto(`${url}/phu-luc`);
  await shoot(page, 'appendix', '[data-testid="appendix-table-1-total"]');
  await page.goto(`${url}/don-vi/${office}`);
  await shoot(page, 'drill-down', '[data-testid="drill-link"]');
  await page.locator('[data-testid="drill-link"]').first().click();
  await shoot(page, 'unit', '[data-testid="unit-page"]');
  await page.goto(`${url}/qua-han`);
  await shoot(page, 'overdue', '[data-testid="overdue-link"]');
  await page.goto(`${url}/lich`);
  await shoot(page, 'calendar', '[data-testid="calendar-entry"], [data-testid="calendar-week"]');

  const schoolPage = await newPage(browser);
  await signInAs(schoolPage, url, school);
  await schoolPage.goto(`${url}/tai-len`);
  await schoolPage.selectOption('[data-testid="upload-entity"]', 'students');
  await schoolPage.setInputFiles('[data-testid="upload-file"]', { name: 'hoc-sinh-6A.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_FILE.replaceAll('{unit}', school)) });
  await schoolPage.click('[data-testid="upload-submit"]');
  await shoot(schoolPage, 'uploads', '[data-testid="upload-rejected"]');
} finally {
  await browser.close();
  await running.stop();
}
