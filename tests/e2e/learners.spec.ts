// Learners in a browser, in Kazakh. A facilitator opens the app in a Russian
// browser, switches to Kazakh, signs in, finds no learners yet, registers
// «Ерлан Серікұлы» by keyboard (birth date, phone, consent) and finds him by
// typing "Yerlan Serikuly". Then the East Kazakhstan coordinator starts
// registering "Yerlan Serikuly" with the same birth date at one of their
// centres and, before saving, is told only that this person is already
// registered at another centre — no name, date, phone or centre. axe runs on
// every page; screenshots in Kazakh at desktop and 375 px.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  expectNoSeriousA11yViolations, newPage, screenshot, followNavLink, landed, settled, signIn, DEMO_PASSWORD, expectNoHorizontalOverflow, demoJourney,
} from './support.js';

const FACILITATOR = 'facilitator.kordai';
const REGIONAL = 'regional.vko';
const SWITCHER = 'Тіл · Язык · Language';
const BIRTH_DATE = '1990-05-12';
const PUSHKIN = 'А.С. Пушкин атындағы Шығыс Қазақстан облыстық кітапханасы';

const journey = demoJourney();

/** The login page is Kazakh already; sign in and wait for the shell. */

async function openLearners(page: Page, phone = false): Promise<void> {
  await followNavLink(page, 'Тыңдаушылар', phone);
  await page.getByRole('heading', { level: 1, name: 'Тыңдаушылар' }).waitFor();
  await settled(page);
}

/** Check the page and keep a picture of it. */
async function look(page: Page, name: string, where: string, phone = false): Promise<void> {
  await settled(page);
  if (phone) await expectNoHorizontalOverflow(page, where);
  await expectNoSeriousA11yViolations(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

describe('learners journey', () => {
  it('a facilitator registers a learner in Kazakh; another oblast sees only "registered at another centre"', async () => {
    const page = await newPage(journey.browser, `${journey.server.url}/login`, { locale: 'ru-RU', viewport: { width: 1280, height: 900 } });

    // A Russian browser gets the Russian page; the facilitator works in Kazakh.
    await page.getByRole('heading', { name: 'Вход в систему' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    await page.getByLabel(SWITCHER).selectOption('kk');
    await page.getByRole('heading', { name: 'Жүйеге кіру' }).waitFor();
    await signIn(page, FACILITATOR);
    expect(await page.getAttribute('html', 'lang')).toBe('kk');

    // Learners: none yet at Kordai (unless the demo data has grown some: then the list, not the empty state).
    await openLearners(page);
    const before = await page.evaluate(async () => (await fetch('/api/learners?limit=1').then((r) => r.json())).items.length);
    if (before === 0) await page.getByText('Әзірге тіркелген тыңдаушы жоқ.').waitFor();
    else await page.getByRole('table', { name: 'Тыңдаушылар тізімі' }).waitFor();
    await look(page, before === 0 ? 'learners-empty-kk-desktop' : 'learners-start-kk-desktop', 'learners (start)');

    // Register: the first field has the focus; everything by keyboard.
    await page.getByRole('main').getByRole('link', { name: 'Тыңдаушыны тіркеу' }).last().click();
    await page.getByRole('heading', { level: 1, name: 'Тыңдаушыны тіркеу' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'learner-lastName');
    expect(await page.getByTestId('consent-version').innerText()).toMatch(/\S/);
    await page.keyboard.type('Серікұлы');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Ерлан');
    await page.getByText('Ер', { exact: true }).click(); // sex: a big touch target
    await page.getByLabel('Туған күні').fill(BIRTH_DATE);
    await page.getByLabel('Телефон').fill('8 701 555 12 34');
    await page.getByText('Сақталатын нөмір: +7 701 555 12 34').waitFor();
    await page.getByLabel('Адам келісім мәтінімен танысып, келісімін берді').check();
    // The duplicate check ran on name + birth date + phone and found no one.
    await page.getByText('Ұқсас адам тіркелмеген.').waitFor();
    // An IIN that does not add up is refused at once (here: a wrong check digit).
    await page.getByLabel('ЖСН').fill('900512300002');
    await page.getByText('ЖСН-да қате бар: бақылау цифры сәйкес келмейді.').waitFor();
    await page.getByLabel('ЖСН').fill('');
    await look(page, 'learners-new-kk-desktop', 'register');

    // Enter in a text field saves.
    await page.getByLabel('Телефон').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => /^\/learners\/[0-9a-f-]{36}$/.test(url.pathname));
    await page.getByRole('heading', { level: 1, name: 'Серікұлы Ерлан' }).waitFor();
    await page.getByText('«Серікұлы Ерлан» тіркелді.').waitFor();
    expect(await page.title()).not.toContain('Ерлан'); // window titles end up in the history
    expect(await page.getByText('+7 701 555 12 34').count()).toBeGreaterThan(0);
    await look(page, 'learners-learner-kk-desktop', 'learner');

    // In the list, and found by a Latin spelling; the search term stays out of the address bar.
    await openLearners(page);
    if (before === 0) await page.getByRole('link', { name: 'Серікұлы Ерлан' }).waitFor();
    await page.getByLabel('Іздеу').fill('Yerlan Serikuly');
    const searched = page.waitForResponse((r) => r.url().includes('/api/learners?') && r.url().includes('q='));
    await page.keyboard.press('Enter');
    await searched;
    await page.getByRole('link', { name: 'Серікұлы Ерлан' }).waitFor();
    expect(page.url()).not.toMatch(/yerlan|serikuly|q=/i);
    await look(page, 'learners-list-kk-desktop', 'learners (found)');
    await page.context().close();

    // East Kazakhstan: the same person, typed in Latin letters, at another centre.
    const other = await newPage(journey.browser, `${journey.server.url}/login`, { locale: 'kk-KZ', viewport: { width: 1280, height: 900 } });
    await other.getByRole('heading', { name: 'Жүйеге кіру' }).waitFor();
    await signIn(other, REGIONAL);
    await openLearners(other);
    await other.getByRole('main').getByRole('link', { name: 'Тыңдаушыны тіркеу' }).first().click();
    await other.getByLabel('Тегі').fill('Serikuly');
    await other.getByLabel(/^Аты\s*\*?$/).fill('Yerlan');
    await other.getByLabel('Туған күні').fill(BIRTH_DATE);
    const warning = other.getByTestId('learner-match-elsewhere');
    await warning.waitFor();
    expect(await warning.innerText()).toContain('Осы адам басқа орталықта тіркелген.');
    // Nothing about the person or where they are: no name, date, phone, centre, nor a link to the record.
    const panel = await other.getByTestId('learner-matches').innerText();
    for (const leak of ['Серікұлы', 'Ерлан', 'Қордай', '1990', '555', 'мамыр']) expect(panel).not.toContain(leak);
    expect(await other.getByTestId('learner-matches').locator('a').count()).toBe(0);
    await look(other, 'learners-duplicate-elsewhere-kk-desktop', 'duplicate warning');

    // Saving without "a different person" ticked asks first; cancelling saves nothing.
    await other.getByText('Ер', { exact: true }).click();
    const centre = other.getByRole('combobox', { name: 'Орталық', exact: true });
    await centre.click();
    await centre.fill('Пушкин');
    await other.getByRole('option', { name: PUSHKIN }).click();
    await other.getByLabel('Адам келісім мәтінімен танысып, келісімін берді').check();
    await other.getByRole('button', { name: 'Тіркеу', exact: true }).click();
    const dialog = other.getByRole('dialog', { name: 'Бәрібір тіркеу керек пе?' });
    await dialog.waitFor();
    // Once the opening transition is over (contrast is measured on the final colours).
    await other.waitForFunction(() => document.getAnimations().length === 0);
    await expectNoSeriousA11yViolations(other);
    await screenshot(other, 'learners-duplicate-confirm-kk-desktop');
    await dialog.getByRole('button', { name: 'Болдырмау' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(new URL(other.url()).pathname).toBe('/learners/new');
    await other.context().close();
  });

  it('works on a 375 px phone in Kazakh', async () => {
    const page = await newPage(journey.browser, `${journey.server.url}/login`, { locale: 'kk-KZ', viewport: { width: 375, height: 812 } });
    await page.getByRole('heading', { name: 'Жүйеге кіру' }).waitFor();
    await signIn(page, FACILITATOR);
    await openLearners(page, true);
    await page.getByLabel('Іздеу').fill('Серікұлы');
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Серікұлы Ерлан' }).waitFor();
    await look(page, 'learners-list-kk-375', 'learners', true);

    await page.getByRole('link', { name: 'Серікұлы Ерлан' }).click();
    await page.getByRole('heading', { level: 1, name: 'Серікұлы Ерлан' }).waitFor();
    await look(page, 'learners-learner-kk-375', 'learner', true);

    // The edit form, then a minor's registration: the guardian's name appears and is required.
    await page.getByRole('link', { name: 'Өңдеу' }).click();
    await page.getByLabel('Тегі').waitFor();
    await look(page, 'learners-edit-kk-375', 'edit', true);

    await page.goto(`${journey.server.url}/learners/new`);
    await page.getByLabel('Тегі').waitFor();
    await page.getByLabel('Тегі').fill('Серікқызы');
    await page.getByLabel(/^Аты\s*\*?$/).fill('Айгерім');
    await page.getByText('Әйел', { exact: true }).click();
    await page.getByLabel('Туған күні').fill('2012-09-01');
    await page.getByLabel('Ата-анасының немесе қамқоршысының аты-жөні').waitFor();
    await page.getByLabel('Ата-анасының немесе қамқоршысының аты-жөні').fill('Серікұлы Ерлан');
    await page.getByLabel('Аз қамтылған отбасылардың балалары').check();
    await look(page, 'learners-new-minor-kk-375', 'register (minor)', true);

    // Saving without consent ticked: the summary at the top names the field.
    await page.getByRole('button', { name: 'Тіркеу', exact: true }).click();
    const summary = page.locator('#learner-error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Келісімсіз тіркеуге болмайды');
    await look(page, 'learners-new-errors-kk-375', 'register (errors)', true);
    await page.getByLabel('Ата-анасы немесе қамқоршысы келісім мәтінімен танысып, келісімін берді').check();
    await page.getByRole('button', { name: 'Тіркеу', exact: true }).click();
    await page.waitForURL((url) => /^\/learners\/[0-9a-f-]{36}$/.test(url.pathname));
    await page.getByRole('heading', { level: 1, name: 'Серікқызы Айгерім' }).waitFor();
    await page.getByText('Серікұлы Ерлан').first().waitFor(); // the guardian

    // The same person typed again at the same centre: named, with a way to open the record.
    await page.goto(`${journey.server.url}/learners/new`);
    await page.getByLabel('Тегі').fill('Serikuly');
    await page.getByLabel(/^Аты\s*\*?$/).fill('Erlan');
    await page.getByLabel('Туған күні').fill(BIRTH_DATE);
    const matches = page.getByTestId('learner-matches');
    await matches.getByText('Серікұлы Ерлан').waitFor();
    expect(await matches.innerText()).toContain('1990 ж. 12 мамыр');
    expect(await page.getByTestId('learner-match-elsewhere').count()).toBe(0);
    await look(page, 'learners-duplicate-here-kk-375', 'duplicate here', true);
    await matches.getByRole('link', { name: 'Жазбаны ашу' }).click();
    await page.getByRole('heading', { level: 1, name: 'Серікұлы Ерлан' }).waitFor();
    await page.context().close();
  });
});
