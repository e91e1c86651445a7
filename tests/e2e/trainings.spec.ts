// Trainings in a browser, in Kazakh. A facilitator of the Kordai CLC opens the
// app in a Russian browser and switches to Kazakh, adds a course of her centre,
// schedules a training of it (two seats, herself as trainer), adds a meeting
// (a date outside the training is refused first), enrols three learners at
// once (two get a seat, the third waits), marks the meeting's attendance by
// keyboard and saves it with Ctrl+S in one request, marks a learner completed,
// issues a certificate in Kazakh and downloads its PDF. Then a stranger — a
// fresh browser, not signed in — opens the certificate's /verify/<code> link
// and sees it valid. axe runs on every page; screenshots in Kazakh, and the
// attendance sheet on a 375 px phone.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  expectNoSeriousA11yViolations, newPage, screenshot, settled, signIn, demoJourney, look,
} from './support.js';

const FACILITATOR = 'facilitator.kordai';
const SWITCHER = 'Тіл · Язык · Language';
const COURSE = 'Компьютерлік сауаттылық негіздері';
const LEARNERS = [
  { lastName: 'Әбдірахманова', firstName: 'Гүлнар', sex: 'female', birthDate: '1994-03-08' },
  { lastName: 'Жұмабеков', firstName: 'Нұрлан', sex: 'male', birthDate: '1999-07-21' },
  { lastName: 'Оспанова', firstName: 'Айгүл', sex: 'female', birthDate: '2001-01-15' },
];
const name = (l: (typeof LEARNERS)[number]) => `${l.lastName} ${l.firstName}`;

const journey = demoJourney();

/** Register learners at the facilitator's centre through the API (the demo has none at Kordai). */
async function registerLearners(page: Page): Promise<void> {
  await page.evaluate(async (people) => {
    const me = await fetch('/api/auth/me').then((r) => r.json());
    for (const person of people) {
      const res = await fetch('/api/learners', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ ...person, centreId: 'CLC-KORDAI', consent: { date: '2026-11-02', version: 'kerege-consent-1' } }),
      });
      if (res.status !== 201) throw new Error(`register ${res.status}: ${await res.text()}`);
    }
  }, LEARNERS);
}

/** Pick an option of a Mantine select by its visible label, and see that it was taken. */
async function choose(page: Page, label: string | RegExp, option: string): Promise<void> {
  const box = page.getByRole('combobox', { name: label }).first();
  await box.click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect.poll(() => box.inputValue(), { timeout: 10_000 }).toBe(option);
}

describe('trainings journey', () => {
  it('a facilitator schedules a training, enrols, marks attendance by keyboard and issues a certificate; a stranger verifies it', async () => {
    const page = await newPage(journey.browser, `${journey.server.url}/login`, { locale: 'ru-RU', viewport: { width: 1280, height: 900 } });

    // A Russian browser, a facilitator who works in Kazakh.
    await page.getByRole('heading', { name: 'Вход в систему' }).waitFor();
    await page.getByLabel(SWITCHER).selectOption('kk');
    await page.getByRole('heading', { name: 'Жүйеге кіру' }).waitFor();
    await signIn(page, FACILITATOR);
    expect(await page.getAttribute('html', 'lang')).toBe('kk');
    await registerLearners(page);
    const me = await page.getByTestId('user-name').first().innerText();

    // The course catalogue, then a course of her own centre.
    const nav = page.getByRole('navigation', { name: 'Негізгі мәзір' });
    await nav.getByRole('link', { name: 'Курстар', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Курстар' }).waitFor();
    await look(page, 'trainings-courses-kk-desktop');
    await page.getByRole('main').getByRole('link', { name: 'Жаңа курс' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Жаңа курс' }).waitFor();
    await page.getByLabel('Атауы (қазақша)').fill(COURSE);
    await page.getByLabel('Атауы (орысша)').fill('Основы компьютерной грамотности');
    await page.getByLabel('Атауы (ағылшынша)').fill('Computer literacy basics');
    await page.getByLabel('Сипаттамасы (қазақша)').fill('Word, Excel, интернет және электрондық пошта.');
    await choose(page, /^Санат/, 'АКТ негіздері (Word, Excel, интернет)');
    await page.getByLabel(/^Жоспарланған сағат/).fill('24');
    await page.getByLabel('Жұмыссыз жастар').check();
    await look(page, 'trainings-course-new-kk-desktop');
    await page.getByRole('button', { name: 'Сақтау', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: COURSE }).waitFor();
    await page.getByText('сағаттың кемінде 80 %-ына қатысу').waitFor();
    await look(page, 'trainings-course-kk-desktop');

    // A training of the course: two seats, the facilitator herself as trainer.
    await page.getByRole('link', { name: 'Тренинг жоспарлау' }).click();
    await page.getByRole('heading', { level: 1, name: 'Тренинг жоспарлау' }).waitFor();
    await expect.poll(() => page.getByRole('combobox', { name: /^Курс/ }).inputValue(), { timeout: 15_000 }).toBe(COURSE);
    await page.getByLabel(/^Бірінші күні/).fill('2026-11-16');
    await page.getByLabel(/^Соңғы күні/).fill('2026-11-20');
    await page.getByLabel(/^Орын саны/).fill('2');
    await page.getByRole('combobox', { name: 'Тренерлер' }).click();
    await page.getByRole('option', { name: `${me} (мен)` }).click();
    await page.keyboard.press('Escape');
    await look(page, 'trainings-training-new-kk-desktop');
    await page.getByRole('button', { name: 'Сақтау', exact: true }).click();
    await page.waitForURL((url) => /^\/trainings\/[0-9a-f-]{36}$/.test(url.pathname));
    await page.getByRole('heading', { level: 1, name: COURSE }).waitFor();
    const trainingUrl = page.url();

    // A meeting outside the training's days is refused under the date; then the right one.
    const addForm = page.getByRole('form', { name: 'Сабақ қосу' });
    await addForm.getByLabel(/^Күні/).fill('2026-12-01');
    await addForm.getByRole('button', { name: 'Сабақ қосу' }).click();
    await addForm.getByRole('alert').first().waitFor();
    expect(await addForm.locator('[aria-invalid="true"]').count()).toBeGreaterThan(0);
    await addForm.getByLabel(/^Күні/).fill('2026-11-16');
    await addForm.getByLabel(/^Басталуы/).fill('10:00');
    await addForm.getByLabel(/^Сағат/).fill('2');
    await addForm.getByRole('button', { name: 'Сабақ қосу' }).click();
    await page.getByText('1 сабақ, жоспарда 2 сағ.').waitFor();

    // A second meeting (the form proposes the next day), archived again after a question: its hours stop counting.
    await addForm.getByRole('button', { name: 'Сабақ қосу' }).click();
    await page.getByText('2 сабақ, жоспарда 4 сағ.').waitFor();
    const meetings = page.getByRole('table', { name: 'Сабақтар' });
    await meetings.getByRole('row', { name: /17 қараша/ }).getByRole('button', { name: 'Мұрағатқа жіберу' }).click();
    const ask = page.getByRole('dialog', { name: 'Мұрағатқа жіберу керек пе?' });
    await ask.getByRole('button', { name: 'Мұрағатқа жіберу' }).click();
    await ask.waitFor({ state: 'detached' });
    await page.getByText('1 сабақ, жоспарда 2 сағ.').waitFor();
    // The first meeting starts half an hour earlier.
    await meetings.getByRole('row', { name: /16 қараша/ }).getByRole('button', { name: 'Өңдеу' }).click();
    const edit = page.getByRole('dialog', { name: 'Сабақты өзгерту' });
    await edit.getByLabel(/^Басталуы/).fill('09:30');
    await edit.getByRole('button', { name: 'Сақтау' }).click();
    await edit.waitFor({ state: 'detached' });
    await meetings.getByRole('row', { name: /16 қараша/ }).getByText('09:30').waitFor();

    // Enrol three at once: two seats, the third goes to the waiting list.
    await page.getByRole('button', { name: 'Тыңдаушыларды жазу' }).click();
    const dialog = page.getByRole('dialog', { name: 'Тыңдаушыларды жазу' });
    await dialog.waitFor();
    // The demo's Kordai register holds hundreds of people: find each by name, tick, go on.
    for (const l of LEARNERS) {
      await dialog.getByLabel('Тыңдаушыны іздеу').fill(name(l));
      await dialog.getByLabel('Тыңдаушыны іздеу').press('Enter');
      await dialog.getByRole('checkbox', { name: new RegExp(name(l)) }).check();
    }
    await dialog.getByText('Орын жетпейді: соңғы 1 адам күту тізіміне түседі.').waitFor();
    await look(page, 'trainings-enrol-kk-desktop');
    await dialog.getByRole('button', { name: '3 адамды жазу' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('жазылғаны: 2, аяқтағаны: 0, күтуде: 1, шыққаны: 0').waitFor();
    await page.getByText('Күтуде, № 1').waitFor();
    await look(page, 'trainings-training-kk-desktop');

    // The same page in Russian, then back to Kazakh (the switcher in the header).
    await page.getByLabel(SWITCHER).selectOption('ru');
    await page.getByRole('heading', { level: 2, name: 'Занятия' }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Основы компьютерной грамотности' }).waitFor();
    await page.getByText('В ожидании, № 1').waitFor();
    await look(page, 'trainings-training-ru-desktop');
    await page.getByLabel(SWITCHER).selectOption('kk');
    await page.getByRole('heading', { level: 2, name: 'Сабақтар' }).waitFor();

    // "My schedule" finds the training she leads.
    await page.getByRole('navigation', { name: 'Негізгі мәзір' }).getByRole('link', { name: 'Тренингтер', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Тренингтер' }).waitFor();
    await settled(page);
    await page.getByLabel('Менің кестем').click();
    await page.waitForURL(/mine=1/);
    await page.getByRole('table', { name: 'Тренингтер' }).getByRole('link', { name: COURSE }).waitFor();
    await look(page, 'trainings-list-mine-kk-desktop');
    await page.goto(trainingUrl);

    // The attendance sheet: by keyboard, one save.
    await page.getByRole('link', { name: 'Қатысу', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Сабаққа қатысу' }).waitFor();
    await settled(page);
    const first = page.getByTestId('toggle-0');
    expect(await first.innerText()).toContain(name(LEARNERS[0]));
    expect(await page.getByTestId('toggle-1').innerText()).toContain(name(LEARNERS[1]));
    expect(await page.getByTestId('toggle-2').count()).toBe(0); // the waiting learner is not on the sheet
    await first.focus();
    await page.keyboard.press('Space'); // present
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space'); // present
    await page.keyboard.press('Space'); // absent
    expect(await first.getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('toggle-1').getAttribute('aria-pressed')).toBe('false');
    await page.getByText('қатысқаны: 1 · қатыспағаны: 1 · белгіленбегені: 0').waitFor();
    await page.getByText('2 өзгеріс сақталмаған').waitFor();
    await look(page, 'trainings-attendance-kk-desktop');

    // Leaving with unsaved marks asks first; staying keeps them.
    await page.getByRole('main').getByRole('link', { name: COURSE }).click();
    const leave = page.getByRole('dialog', { name: 'Сақтамай шығасыз ба?' });
    await leave.waitFor();
    await leave.getByRole('button', { name: 'Болдырмау' }).click();
    await leave.waitFor({ state: 'detached' });
    expect(new URL(page.url()).pathname).toMatch(/^\/meetings\/.+\/attendance$/);

    // Hours per person: more than the meeting lasted is refused before anything is sent.
    await page.getByRole('button', { name: 'Әркімнің сағаты' }).click();
    const hours = page.getByLabel(`${name(LEARNERS[0])} қатысқан сағат`);
    await hours.fill('3');
    await page.getByText('Ең көбі 2').waitFor();
    expect(await page.getByRole('button', { name: 'Сақтау', exact: true }).isDisabled()).toBe(true);
    await hours.fill('');
    await page.getByRole('button', { name: 'Сағатты жасыру' }).click();

    // The phone view of the sheet, as a facilitator with a tablet or phone sees it.
    await page.setViewportSize({ width: 375, height: 812 });
    await settled(page);
    // Give the layout a moment to follow the new width before measuring it.
    await page.waitForFunction(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth, null, { timeout: 5_000 })
      .catch(() => undefined);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) {
      await screenshot(page, 'trainings-attendance-kk-375-overflow');
      console.log(await page.evaluate(() => [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 || e.scrollWidth > e.clientWidth + 1)
        .slice(0, 8).map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`).join('\n')));
    }
    expect(overflow, 'the sheet is wider than a 375 px phone').toBeLessThanOrEqual(0);
    await look(page, 'trainings-attendance-kk-375');
    await page.setViewportSize({ width: 1280, height: 900 });

    // Meanwhile someone else saves the same sheet: ours is refused (409) and says so; loading
    // theirs keeps our marks on top.
    await page.evaluate(async () => {
      const path = `/api${location.pathname.replace(/^\/meetings/, '/meetings')}`;
      const sheet = await fetch(path).then((r) => r.json());
      const me = await fetch('/api/auth/me').then((r) => r.json());
      const res = await fetch(path, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ version: sheet.meeting.version, marks: [{ learnerId: sheet.items[1].learnerId, present: true }] }),
      });
      if (!res.ok) throw new Error(`the other save: ${res.status}`);
    });
    await first.focus();
    await page.keyboard.press('Control+s');
    const conflict = page.getByRole('alert').filter({ hasText: 'Бұл парақты басқа біреу сақтады' });
    await conflict.waitFor();
    await look(page, 'trainings-attendance-conflict-kk-desktop');
    await conflict.getByRole('button', { name: 'Оның парағын жүктеп, менің өзгерістерімді қалдыру' }).click();
    await conflict.waitFor({ state: 'detached' });
    expect(await page.getByTestId('toggle-1').getAttribute('aria-pressed')).toBe('false'); // our "absent" stays

    // Ctrl+S: one PUT for the whole sheet.
    const puts: string[] = [];
    page.on('request', (r) => { if (r.method() === 'PUT' && r.url().includes('/attendance')) puts.push(r.url()); });
    await first.focus();
    await page.keyboard.press('Control+s');
    await page.getByText('Қатысу сақталды: 2 белгі жазылды.').waitFor();
    await page.getByText('Барлығы сақталды').waitFor();
    expect(puts).toHaveLength(1);

    // Completion (100 % of the scheduled hours) and the certificate in Kazakh.
    await page.getByRole('main').getByRole('link', { name: COURSE }).click();
    await page.getByRole('heading', { level: 1, name: COURSE }).waitFor();
    await settled(page);
    const row = page.getByRole('row', { name: new RegExp(name(LEARNERS[0])) });
    await row.getByText('100 %').waitFor();
    await row.getByRole('button', { name: 'Аяқтады деп белгілеу' }).click();
    await page.getByText(`${name(LEARNERS[0])} курсты аяқтады.`).waitFor();
    await row.getByText('Аяқтады', { exact: true }).waitFor();
    await row.getByRole('button', { name: 'Сертификат беру' }).click();
    const issue = page.getByRole('dialog', { name: 'Сертификат' });
    await issue.waitFor();
    await look(page, 'trainings-certificate-kk-desktop');
    await issue.getByRole('button', { name: 'Сертификат беру' }).click();
    await issue.getByText('Сертификат берілді').waitFor();
    const downloading = page.waitForEvent('download');
    await issue.getByRole('link', { name: 'PDF (KK)' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^certificate-[2-9A-Z]{12}\.pdf$/);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const verifyUrl = await issue.getByRole('link', { name: /тексеру$/ }).getAttribute('href');
    expect(verifyUrl).toMatch(/\/verify\/[2-9A-Z]{12}$/);
    await issue.getByRole('button', { name: 'Жабу' }).first().click();
    await row.getByRole('link', { name: 'PDF (KK)' }).waitFor();

    // The learner's page lists the certificate, with a link back to the training.
    await row.getByRole('link', { name: name(LEARNERS[0]) }).click();
    await page.getByRole('heading', { level: 1, name: name(LEARNERS[0]) }).waitFor();
    const certificates = page.getByRole('table', { name: 'Сертификаттар' });
    await certificates.getByRole('link', { name: 'PDF (KK)' }).waitFor();
    await look(page, 'trainings-learner-certificates-kk-desktop');
    await certificates.getByRole('link', { name: COURSE }).click();
    await page.getByRole('heading', { level: 1, name: COURSE }).waitFor();

    // The training page on a 375 px phone: cards instead of tables, nothing wider than the screen.
    await page.setViewportSize({ width: 375, height: 812 });
    await page.getByText('Әбдірахманова Гүлнар').first().waitFor();
    await page.waitForFunction(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth, null, { timeout: 5_000 });
    await look(page, 'trainings-training-kk-375');
    await page.context().close();

    // A stranger opens the QR link: no session, the certificate is valid.
    const stranger = await newPage(journey.browser, verifyUrl!, { locale: 'kk-KZ' });
    await stranger.getByRole('heading', { level: 1, name: 'Сертификатты тексеру' }).waitFor();
    expect(await stranger.getByRole('status').innerText()).toContain('Сертификат жарамды');
    const text = await stranger.locator('body').innerText();
    expect(text).toContain(name(LEARNERS[0]));
    expect(text).toContain(COURSE);
    for (const leak of ['1994', 'CLC-KORDAI']) expect(text).not.toContain(leak);
    await expectNoSeriousA11yViolations(stranger);
    await screenshot(stranger, 'trainings-verify-kk');
    await stranger.context().close();
  });

  it('the course and training pages work on a 375 px phone in Kazakh', async () => {
    const page = await newPage(journey.browser, `${journey.server.url}/login`, { locale: 'kk-KZ', viewport: { width: 375, height: 812 } });
    await page.getByRole('heading', { name: 'Жүйеге кіру' }).waitFor();
    await signIn(page, FACILITATOR);

    const phoneLook = async (shot: string) => {
      await settled(page);
      await page.waitForFunction(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth, null, { timeout: 5_000 });
      await look(page, shot);
    };
    await page.goto(`${journey.server.url}/courses`);
    await page.getByRole('heading', { level: 1, name: 'Курстар' }).waitFor();
    await page.getByRole('list', { name: 'Курстар' }).getByRole('link', { name: COURSE }).waitFor();
    await phoneLook('trainings-courses-kk-375');
    await page.getByRole('link', { name: COURSE }).click();
    await page.getByRole('heading', { level: 1, name: COURSE }).waitFor();
    await phoneLook('trainings-course-kk-375');
    await page.getByRole('link', { name: 'Өңдеу' }).click();
    await page.getByLabel('Атауы (қазақша)').waitFor();
    await phoneLook('trainings-course-edit-kk-375');
    await page.goto(`${journey.server.url}/trainings`);
    await page.getByRole('list', { name: 'Тренингтер' }).getByRole('link', { name: COURSE }).waitFor();
    await phoneLook('trainings-list-kk-375');
    await page.getByRole('link', { name: COURSE }).click();
    await page.getByRole('link', { name: 'Өңдеу' }).click();
    await page.getByLabel(/^Бірінші күні/).waitFor();
    await phoneLook('trainings-edit-kk-375');
    await page.context().close();
  });
});
