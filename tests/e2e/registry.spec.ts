// The network registry in a browser: an English browser switches to Kazakh,
// the East Kazakhstan regional coordinator signs in, sees only their oblast's
// centres, edits the Pushkin library's opening hours and finds the edit in
// the audit trail. axe runs on every page; screenshots at desktop and 375 px.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  expectNoSeriousA11yViolations, newPage, screenshot, followNavLink, landed, settled, DEMO_PASSWORD, expectNoHorizontalOverflow, demoJourney,
} from './support.js';

const USER = 'regional.vko';
const PUSHKIN = 'А.С. Пушкин атындағы Шығыс Қазақстан облыстық кітапханасы';
const SWITCHER = 'Тіл · Язык · Language';

const journey = demoJourney();

/** Wait until nothing is loading (no "Жүктелуде…" status and no pending requests). */

async function signIn(page: Page): Promise<void> {
  await page.getByLabel('Пайдаланушы аты').fill(USER);
  await page.getByLabel('Құпиясөз', { exact: false }).first().fill(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await landed(page);
  // On a phone the name is in the (closed) navigation drawer: present, not visible.
  await page.getByTestId('user-name').first().waitFor({ state: 'attached' });
  expect(await page.getByTestId('user-name').first().textContent()).toBe('Айгүл Қасымова');
}

describe('network registry journey', () => {
  it('switches to Kazakh, signs in, sees only its oblast, edits a centre, finds the edit in the audit trail', async () => {
    const page = await newPage(journey.browser, `${journey.server.url}/login`, { locale: 'en-US', viewport: { width: 1280, height: 900 } });

    // An English browser gets the English page.
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByTestId('demo-banner').waitFor();
    await expectNoSeriousA11yViolations(page);

    // The language switcher turns the page Kazakh.
    await page.getByLabel(SWITCHER).selectOption('kk');
    await page.getByRole('heading', { name: 'Жүйеге кіру' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('kk');
    expect(await page.getByRole('button', { name: 'Кіру' }).isVisible()).toBe(true);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'registry-login-kk-desktop');

    // A wrong password is refused in Kazakh, then the right one signs in.
    await page.getByLabel('Пайдаланушы аты').fill(USER);
    await page.getByLabel('Құпиясөз', { exact: false }).first().fill('not-the-password');
    await page.keyboard.press('Enter');
    await page.getByTestId('login-error').waitFor();
    expect(await page.getByTestId('login-error').innerText()).toContain('қате');
    await signIn(page);
    expect(await page.getAttribute('html', 'lang')).toBe('kk');

    // The network page opens at the coordinator's oblast.
    await page.getByRole('heading', { name: 'Шығыс Қазақстан облысы' }).waitFor();
    await settled(page);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'registry-network-kk-desktop');

    // Centres: only East Kazakhstan ones.
    await page.getByRole('link', { name: 'Орталықтар', exact: true }).click();
    await page.getByRole('link', { name: PUSHKIN }).waitFor();
    await settled(page);
    const table = await page.getByRole('table').innerText();
    expect(table).not.toContain('Қордай');
    const inScope = await page.evaluate(async () => {
      const answer = await fetch('/api/centres?limit=200').then((r) => r.json());
      return answer.items.map((c: { ancestors: { code: string }[] }) => c.ancestors.map((a) => a.code));
    });
    expect(inScope.length).toBeGreaterThan(0);
    for (const codes of inScope) expect(codes).toContain('KZ-VOS');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'registry-centres-kk-desktop');

    // Searching for a centre of another oblast finds nothing; the filter is in the URL.
    await page.getByLabel('Іздеу').fill('Kordai');
    await page.keyboard.press('Enter');
    await page.getByText('Сүзгілерге сай орталық табылмады.').waitFor();
    expect(page.url()).toContain('q=Kordai');
    await page.getByRole('button', { name: 'Сүзгілерді тазарту' }).click();
    await page.getByRole('link', { name: PUSHKIN }).waitFor();

    // The centre page, then its edit form.
    await page.getByRole('link', { name: PUSHKIN }).click();
    await page.getByRole('heading', { name: PUSHKIN }).waitFor();
    await settled(page);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'registry-centre-kk-desktop');

    await page.getByRole('link', { name: 'Өңдеу' }).click();
    const hours = page.getByLabel('Жұмыс уақыты');
    await hours.waitFor();
    await expectNoSeriousA11yViolations(page);
    const newHours = `Сс–Жс 09:00–19:00 (${Date.now() % 100000})`;
    await hours.fill(newHours);
    await page.getByRole('button', { name: 'Сақтау' }).click();
    await page.waitForURL((url) => /\/centres\/[^/]+$/.test(url.pathname));
    await page.getByText(newHours).waitFor();

    // The audit trail shows the edit, with the new value in its changes.
    await page.getByRole('link', { name: 'Өзгерістер журналы', exact: true }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await settled(page);
    // The newest change by the coordinator to a centre (an update entry carries
    // only the changed fields, so the row may show the record's id, not its name).
    const row = page.getByRole('row').filter({ hasText: USER }).filter({ hasText: 'Орталықтар' }).first();
    await row.waitFor();
    await row.locator('button[aria-expanded]').click();
    await page.getByText(newHours).first().waitFor();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'registry-audit-kk-desktop');

    await page.context().close();
  });

  it('on a phone, the menu opened while the first page appears stays open until a link is followed', async () => {
    const page = await newPage(journey.browser, `${journey.server.url}/login`, { locale: 'kk-KZ', viewport: { width: 375, height: 812 } });
    await signIn(page);
    await landed(page); // the address is there; the page's code may still be on its way
    const burger = page.getByRole('button', { name: 'Мәзірді ашу' });
    await burger.click();
    const menuOpen = () => page.evaluate(() => document.getElementById('kerege-nav')?.inert === false);
    // it used to close again when the page, loaded late, was shown
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    expect(await menuOpen()).toBe(true);
    expect(await page.getByRole('button', { name: 'Мәзірді жабу' }).getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('navigation', { name: 'Негізгі мәзір' }).getByRole('link', { name: 'Орталықтар', exact: true }).click();
    await page.waitForURL(/\/centres$/);
    await page.waitForFunction(() => document.getElementById('kerege-nav')?.inert === true);
    await page.context().close();
  });

  it('works on a 375 px phone in Kazakh', async () => {
    const page = await newPage(journey.browser, `${journey.server.url}/login`, { locale: 'kk-KZ', viewport: { width: 375, height: 812 } });
    // A Kazakh browser gets Kazakh at once.
    await page.getByRole('heading', { name: 'Жүйеге кіру' }).waitFor();
    await expectNoHorizontalOverflow(page, 'login');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'registry-login-kk-375');
    await signIn(page);
    await settled(page);
    await expectNoHorizontalOverflow(page, 'network');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'registry-network-kk-375');

    // The navigation hides behind the burger on a phone.
    await followNavLink(page, 'Орталықтар', true);
    await page.getByRole('link', { name: PUSHKIN }).waitFor();
    await settled(page);
    await expectNoHorizontalOverflow(page, 'centres');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'registry-centres-kk-375');

    await page.getByRole('link', { name: PUSHKIN }).click();
    await page.getByRole('heading', { name: PUSHKIN }).waitFor();
    await settled(page);
    await expectNoHorizontalOverflow(page, 'centre');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'registry-centre-kk-375');

    await page.getByRole('link', { name: 'Өңдеу' }).click();
    await page.getByLabel('Жұмыс уақыты').waitFor();
    await expectNoHorizontalOverflow(page, 'centre edit');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'registry-centre-edit-kk-375');

    await page.context().close();
  });
});
