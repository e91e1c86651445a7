// The map and the administrator's pages in a browser. The admin signs in
// (the page turns Kazakh: the account's language), opens the offline map,
// zooms into a cluster and opens a centre from its marker; then creates a
// facilitator's account, resets its password, deactivates it, reads the
// account's history in the audit trail and sees the pages in Russian.
// axe runs on every page; screenshots at desktop and 375 px, in Kazakh too.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoSeriousA11yViolations, newPage, screenshot, landed, settled, DEMO_PASSWORD, expectNoHorizontalOverflow, demoJourney,
} from './support.js';

const SWITCHER = 'Тіл · Язык · Language';
const MAP = 'svg[aria-roledescription]';
const NEW_USER = 'aigerim.facilitator';
const FIRST_PASSWORD = 'first-password-2026';
const SECOND_PASSWORD = 'second-password-2026';

const journey = demoJourney();
let page: Page;

beforeAll(async () => {
  page = await newPage(journey.browser, `${journey.server.url}/login`, { locale: 'en-US', viewport: { width: 1280, height: 900 } });
});

/** "Картаның осы бөлігінде 81 орталық" → 81 */
async function centresInView(target: Page): Promise<number> {
  const text = await target.locator('details summary').first().innerText();
  return Number(/\d+/.exec(text)?.[0] ?? NaN);
}

/** Switch the page's language; the account remembers it (wait for that, or a reload may undo it). */
async function switchLanguage(target: Page, lang: 'kk' | 'ru' | 'en'): Promise<void> {
  const saved = target.waitForResponse((r) => r.url().endsWith('/api/auth/me/locale') && r.request().method() === 'PUT');
  await target.getByLabel(SWITCHER).selectOption(lang);
  await saved;
  await target.waitForFunction((l) => document.documentElement.lang === l, lang);
}

async function login(username: string, password: string): Promise<number> {
  const answer = await fetch(`${journey.server.url}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
  });
  return answer.status;
}

describe('map and administration journey', () => {
  it('signs in and opens a centre from the offline map', async () => {
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password', { exact: false }).first().fill(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await landed(page);
    // The admin's account speaks Kazakh.
    await page.waitForFunction(() => document.documentElement.lang === 'kk');

    await page.getByRole('link', { name: 'Карта', exact: true }).click();
    await page.getByRole('heading', { name: 'Орталықтар картасы' }).waitFor();
    const map = page.locator(MAP);
    await map.locator('a, g[role=button]').first().waitFor();
    await settled(page);

    // The outline is drawn from the bundled file: no tile server, no other host.
    expect(await map.locator('path').count()).toBeGreaterThan(0);
    expect(await map.getAttribute('aria-labelledby')).toBeTruthy();
    const hosts = await page.evaluate(() => [...new Set(performance.getEntriesByType('resource').map((e) => new URL(e.name).host))]);
    expect(hosts).toEqual([new URL(journey.server.url).host]);

    // Oblasts are labelled, types have a legend, the list counts every centre.
    expect(await map.locator('text', { hasText: 'Жамбыл облысы' }).count()).toBe(1);
    await page.getByRole('button', { name: /Қоғамдастық оқу орталығы/ }).waitFor();
    const all = await centresInView(page);
    expect(all).toBeGreaterThan(50);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'map-kk-desktop');

    // A cluster zooms in when clicked: fewer centres in view afterwards.
    const clusters = map.locator('g[role=button]');
    const labels = await clusters.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    const sizes = labels.map((l) => Number(/\d+/.exec(l)?.[0] ?? 0));
    await clusters.nth(sizes.indexOf(Math.max(...sizes))).click();
    await expect.poll(() => centresInView(page), { timeout: 15_000 }).toBeLessThan(all);
    await screenshot(page, 'map-kk-zoomed');

    // The keyboard zooms and resets; the reset button shows the whole country again.
    await map.focus();
    await page.keyboard.press('-');
    await page.getByRole('button', { name: 'Бүкіл елді көрсету' }).click();
    await expect.poll(() => centresInView(page), { timeout: 15_000 }).toBe(all);

    // A marker is a link to the centre's page.
    const marker = map.locator('a[data-centre-id]').first();
    const id = await marker.getAttribute('data-centre-id');
    const name = (await marker.getAttribute('aria-label'))!.split(' — ')[0];
    await marker.click();
    await page.waitForURL(new RegExp(`/centres/${id}$`));
    await page.getByRole('heading', { level: 1, name }).waitFor();

    // On a phone the map fits the screen and the list alternative opens.
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goBack();
    await map.locator('a, g[role=button]').first().waitFor();
    await settled(page);
    await expectNoHorizontalOverflow(page, 'map at 375 px');
    await screenshot(page, 'map-kk-375');
    await page.locator('details summary').first().click();
    await page.locator('details').getByRole('link').first().waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('creates a facilitator account, resets its password and deactivates it', async () => {
    await switchLanguage(page, 'en');
    await page.goto(`${journey.server.url}/admin/users`);
    await page.getByRole('heading', { name: 'Users' }).waitFor();
    await page.getByRole('cell', { name: 'regional.vko', exact: true }).waitFor();
    await settled(page);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'users-en-desktop');

    await page.getByRole('button', { name: 'New account' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Username/).fill(NEW_USER);
    await dialog.getByLabel(/^Full name/).fill('Айгерім Сейітқызы');
    await dialog.getByLabel(/^Password/).fill('too-short');
    await dialog.getByLabel(/^Role/).click();
    await page.getByRole('option', { name: 'Facilitator' }).click();
    await dialog.getByLabel(/^Org unit/).fill('Kordai');
    await page.getByRole('option', { name: /Kordai Community Learning Centre/ }).click();
    // The minimum length is said before and checked before sending.
    await dialog.getByText('At least 10 characters.').waitFor();
    await dialog.getByRole('button', { name: 'Create account' }).click();
    await dialog.getByText('The password must be at least 10 characters long.').waitFor();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'users-create-modal');
    await dialog.getByLabel(/^Password/).fill(FIRST_PASSWORD);
    await dialog.getByRole('button', { name: 'Create account' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: NEW_USER, exact: true }).waitFor();
    expect(await login(NEW_USER, FIRST_PASSWORD)).toBe(200);

    // The same username again: the server's field error shows under the input.
    await page.getByRole('button', { name: 'New account' }).first().click();
    await dialog.getByLabel(/^Username/).fill(NEW_USER);
    await dialog.getByLabel(/^Full name/).fill('Someone else');
    await dialog.getByLabel(/^Password/).fill(FIRST_PASSWORD);
    await dialog.getByLabel(/^Role/).click();
    await page.getByRole('option', { name: 'Facilitator' }).click();
    await dialog.getByLabel(/^Org unit/).fill('Kordai');
    await page.getByRole('option', { name: /Kordai Community Learning Centre/ }).click();
    await dialog.getByRole('button', { name: 'Create account' }).click();
    await dialog.getByText('This username is already taken.').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Reset the password: the old one stops working, the new one works.
    await page.getByRole('button', { name: `Actions: ${NEW_USER}` }).click();
    await page.getByRole('menuitem', { name: 'Reset password' }).click();
    await dialog.getByLabel(/^New password/).fill(SECOND_PASSWORD);
    await dialog.getByLabel(/^Repeat the new password/).fill(SECOND_PASSWORD);
    await dialog.getByRole('button', { name: 'Set the new password' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(`The password of ${NEW_USER} was reset.`).waitFor();
    expect(await login(NEW_USER, FIRST_PASSWORD)).toBe(401);
    expect(await login(NEW_USER, SECOND_PASSWORD)).toBe(200);

    // Deactivate, after a confirmation: the account leaves the list and cannot sign in.
    await page.getByRole('button', { name: `Actions: ${NEW_USER}` }).click();
    await page.getByRole('menuitem', { name: 'Deactivate' }).click();
    await dialog.getByText(/will be signed out at once/).waitFor();
    await dialog.getByRole('button', { name: 'Deactivate' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: NEW_USER, exact: true }).waitFor({ state: 'detached' });
    expect(await login(NEW_USER, SECOND_PASSWORD)).toBe(401);
    await page.getByLabel('Show deactivated accounts').check();
    const row = page.getByRole('row').filter({ hasText: NEW_USER });
    await row.getByText('Deactivated').waitFor();
  });

  it('shows the account in the audit trail and the pages in Russian', async () => {
    const users = await page.evaluate(async (name) => {
      const answer = await fetch(`/api/users?q=${name}&includeArchived=true`).then((r) => r.json());
      return answer.items as { id: string; username: string; active: boolean }[];
    }, NEW_USER);
    const account = users.find((u) => u.username === NEW_USER)!;
    expect(account.active).toBe(false);

    await switchLanguage(page, 'ru');
    await page.getByRole('heading', { name: 'Пользователи' }).waitFor();
    await page.getByRole('columnheader', { name: 'Логин' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'users-ru-desktop');

    // The centre page's "history" link is /audit?recordId=…; the same works for an account.
    await page.goto(`${journey.server.url}/audit?recordId=${account.id}`);
    await page.getByRole('heading', { name: 'Журнал изменений' }).waitFor();
    const table = page.getByRole('table').first();
    await table.getByText('Отключение').waitFor();
    await table.getByText('Смена пароля').waitFor();
    await table.getByText('Создание').waitFor();
    expect(await page.getByLabel('Идентификатор записи').inputValue()).toBe(account.id);
    // Newest first: the deactivation is the first row; its diff shows active yes → no.
    const first = page.getByRole('button', { name: /1 поле/ }).first();
    await first.click();
    await page.getByRole('rowheader', { name: 'Активна' }).waitFor();
    await settled(page);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'audit-ru-desktop');

    // Filters in Kazakh on a phone, behind a button.
    await switchLanguage(page, 'kk');
    await page.setViewportSize({ width: 375, height: 800 });
    await page.getByRole('heading', { name: 'Өзгерістер журналы' }).waitFor();
    await page.getByRole('button', { name: /Сүзгілер/ }).click();
    await page.getByLabel('Жазба түрі').first().waitFor();
    await expectNoHorizontalOverflow(page, 'audit at 375 px');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'audit-kk-375');

    await page.goto(`${journey.server.url}/admin/users`);
    await page.getByRole('heading', { name: 'Пайдаланушылар' }).waitFor();
    await page.getByText('regional.vko', { exact: false }).first().waitFor();
    await expectNoHorizontalOverflow(page, 'users at 375 px');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'users-kk-375');
  });
});
