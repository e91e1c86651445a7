// Visits and follow-ups in a browser, in Kazakh. The Kordai facilitator counts a
// day's walk-ins by keyboard (type, ↑, Enter) and by clicks (−/+, save), records a
// registered learner's visit and sees visits and users apart in the summary. Then
// they open the follow-up worklist, where a learner of a training that ended four
// months ago is overdue, record an outcome (refused first without evidence), find
// it in the outcomes and the seeds' figures, correct it, archive it (with a question) and see
// the follow-up due again. The page switches to Russian and back. A national
// coordinator changes the follow-up intervals. The learner form's settlement picker
// finds a city in another oblast. axe on every page; screenshots in Kazakh at
// desktop size and at 375 px.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  expectNoSeriousA11yViolations, newPage, screenshot, followNavLink, landed, settled, signIn, DEMO_PASSWORD, expectNoHorizontalOverflow, demoJourney,
} from './support.js';

const FACILITATOR = 'facilitator.kordai';
const SWITCHER = 'Тіл · Язык · Language';
const FOLLOWED = 'Тұрсынова Әсел';
const VISITOR = 'Бекболатов Нұрлан';

/** Today in Kazakhstan (UTC+5), as the server counts. */
const kzToday = () => new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 10);
const daysBefore = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

const journey = demoJourney();

/** An answer of the API: JSON of many shapes, as in tests/api/harness.ts. */
interface Answer { status: number; body: any }

/** A request from the signed-in page, with its session and CSRF token. */
async function api(page: Page, method: string, path: string, body?: unknown): Promise<Answer> {
  return page.evaluate(async ([m, p, b]) => {
    const me = await (await fetch('/api/auth/me')).json();
    const res = await fetch(p as string, {
      method: m as string,
      headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
      body: b === undefined ? undefined : JSON.stringify(b),
    });
    return { status: res.status, body: await res.json().catch(() => null) };
  }, [method, path, body] as const);
}

/** Close the notices of earlier actions: they would cover the picture. */
async function dismissNotices(page: Page): Promise<void> {
  const close = page.locator('.mantine-Notification-root').getByRole('button', { name: 'Жабу' });
  while (await close.count()) await close.first().click();
}

/** Check the page and keep a picture of it. */
async function look(page: Page, name: string, where: string, phone = false): Promise<void> {
  await settled(page);
  await dismissNotices(page);
  // Once transitions are over (contrast is measured on the final colours).
  await page.waitForFunction(() => document.getAnimations().length === 0);
  if (phone) await expectNoHorizontalOverflow(page, where);
  await expectNoSeriousA11yViolations(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

/** Open a page from the navigation (behind the burger on a phone). */
async function openFromNav(page: Page, link: string, heading: string, phone = false): Promise<void> {
  await followNavLink(page, link, phone);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await settled(page);
}

/** A learner, and a training of the centre's own course that ended about four months ago, with the learner enrolled. */
async function seedFollowUp(page: Page): Promise<{ learnerId: string; visitorId: string }> {
  const learner = (lastName: string, firstName: string) => api(page, 'POST', '/api/learners', {
    centreId: 'CLC-KORDAI', lastName, firstName, sex: 'female', birthDate: '1994-03-08',
    consent: { date: daysBefore(kzToday(), 200), version: 'kerege-consent-1' },
  });
  const [last, first] = FOLLOWED.split(' ');
  const followed = await learner(last, first);
  expect(followed.status, JSON.stringify(followed.body)).toBe(201);
  const [vLast, vFirst] = VISITOR.split(' ');
  const visitor = await learner(vLast, vFirst);
  expect(visitor.status, JSON.stringify(visitor.body)).toBe(201);
  const course = await api(page, 'POST', '/api/courses', {
    code: 'E2E-JOB-SEARCH', category: 'job_search', plannedHours: 12,
    name: { kk: 'Жұмыс іздеу негіздері', ru: 'Основы поиска работы', en: 'Job search basics' },
  });
  expect(course.status, JSON.stringify(course.body)).toBe(201);
  const end = daysBefore(kzToday(), 130);
  const training = await api(page, 'POST', '/api/trainings', {
    courseId: course.body.id, centreId: 'CLC-KORDAI', startDate: daysBefore(end, 11), endDate: end, capacity: 12, language: 'kk',
  });
  expect(training.status, JSON.stringify(training.body)).toBe(201);
  const enrolled = await api(page, 'POST', `/api/trainings/${training.body.id}/enrolments`, { learnerIds: [followed.body.id] });
  expect(enrolled.status, JSON.stringify(enrolled.body)).toBe(201);
  return { learnerId: followed.body.id, visitorId: visitor.body.id };
}

describe('visits and outcomes journey', () => {
  it('a facilitator tallies a day, records a visit and an outcome, in Kazakh', async () => {
    const page = await newPage(journey.browser, `${journey.server.url}/login`, { locale: 'kk-KZ', viewport: { width: 1280, height: 900 } });
    await signIn(page, FACILITATOR);
    const { learnerId } = await seedFollowUp(page);
    const today = kzToday();

    // ---------------------------------------------------------------- visits
    await openFromNav(page, 'Келулер', 'Келулер');
    expect(await page.getByTestId('own-centre').innerText()).toMatch(/Қордай/);
    await page.getByText('Әзірге келулер саналмаған.').waitFor();
    await look(page, 'visits-empty-kk-desktop', 'visits (empty)');

    // By keyboard: type a count, Tab, ↑ three times, Enter saves the day.
    await page.getByLabel('Интернетке кіру', { exact: true }).focus();
    await page.keyboard.type('12');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('visits-count-consultation');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowUp');
    expect(await page.getByLabel('Кеңес алу', { exact: true }).inputValue()).toBe('3');
    await page.keyboard.press('Enter');
    await page.getByText('сақталды, барлығы 15 келу.').waitFor();
    await page.getByText('Бәрі сақталды.').waitFor();

    // By clicks: two more for the reading room, one fewer for the internet, then save.
    await page.getByRole('button', { name: 'Біреуге көбейту: Оқу залы' }).click();
    await page.getByRole('button', { name: 'Біреуге көбейту: Оқу залы' }).click();
    await page.getByRole('button', { name: 'Біреуге азайту: Интернетке кіру' }).click();
    await page.getByText('Сақталмаған өзгерістер бар').waitFor();
    await page.getByRole('button', { name: 'Күнді сақтау' }).click();
    await page.getByText('сақталды, барлығы 16 келу.').waitFor();

    // A registered learner came for the internet.
    const learnerBox = page.getByRole('combobox', { name: 'Тыңдаушы', exact: true });
    await learnerBox.click();
    await learnerBox.fill('Бекболатов');
    await page.getByRole('option', { name: new RegExp(VISITOR) }).click();
    await page.getByRole('button', { name: 'Келуді тіркеу' }).click();
    await page.getByText(`${VISITOR}: келу тіркелді`, { exact: false }).waitFor();

    const day = await api(page, 'GET', `/api/visits/day?centre=CLC-KORDAI&date=${today}`);
    expect(day.body).toMatchObject({
      counts: { internet: 11, consultation: 3, event: 0, reading_room: 2, other: 0 },
      registered: { internet: 1 }, visits: 17,
    });
    await page.getByTestId('visits-day-total').filter({ hasText: '17' }).waitFor();

    // The summary keeps visits (every time) and users (distinct people) apart, as the server counts them.
    const summary = await api(page, 'GET', `/api/visits/summary?centre=CLC-KORDAI&from=${today.slice(0, 8)}01&to=${today}`);
    expect(summary.body.visits).toBeGreaterThanOrEqual(17);
    expect(summary.body.users).toBeGreaterThanOrEqual(1);
    await page.getByTestId('visits-summary-visits').filter({ hasText: String(summary.body.visits) }).waitFor();
    await page.getByTestId('visits-summary-users').filter({ hasText: String(summary.body.users) }).waitFor();
    await page.getByRole('region', { name: 'Соңғы күндер' }).getByText('17 келу', { exact: false }).first().waitFor();
    await look(page, 'visits-kk-desktop', 'visits');

    // The language switch: the same page in Russian, then back.
    await page.getByLabel(SWITCHER).selectOption('ru');
    await page.getByRole('heading', { level: 1, name: 'Посещения' }).waitFor();
    await page.getByText('Пользователи (разные люди)').waitFor();
    await page.getByLabel(SWITCHER).selectOption('kk');
    await page.getByRole('heading', { level: 1, name: 'Келулер' }).waitFor();

    // ---------------------------------------------------------------- follow-ups
    await openFromNav(page, 'Кейінгі бақылау', 'Кейінгі бақылау');
    expect(await page.getByTestId('followup-intervals').innerText()).toContain('3, 6 және 12');
    expect(await page.getByRole('button', { name: 'Мерзімдерді өзгерту' }).count()).toBe(0); // the network's rule: admin, national
    const recordButton = page.getByRole('button', { name: `Нәтижені жазу: ${FOLLOWED}` });
    await recordButton.waitFor();
    const row = page.getByRole('row').filter({ hasText: FOLLOWED });
    expect(await row.innerText()).toMatch(/кешікті/);
    await look(page, 'followups-kk-desktop', 'follow-ups');

    await recordButton.click();
    const dialog = page.getByRole('dialog', { name: 'Нәтижені жазу' });
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: 'Жұмысқа орналасты' }).check();
    await dialog.getByRole('textbox', { name: 'Жұмыс беруші' }).fill('«Қордай Агро» ЖШС');
    // Evidence is required unless the person could not be reached: asked before anything is sent.
    await dialog.getByRole('button', { name: 'Жазу', exact: true }).click();
    await dialog.getByText('Дерек көзін көрсетіңіз', { exact: false }).waitFor();
    await look(page, 'followups-record-errors-kk-desktop', 'record an outcome (errors)');
    await dialog.getByRole('radio', { name: 'Жұмыс беруші' }).check();
    await dialog.getByRole('button', { name: 'Жазу', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(`${FOLLOWED}: нәтиже жазылды.`).waitFor();
    await recordButton.waitFor({ state: 'detached' });

    const outcomes = await api(page, 'GET', `/api/outcomes?learner=${learnerId}`);
    expect(outcomes.body.items).toHaveLength(1);
    expect(outcomes.body.items[0]).toMatchObject({ status: 'employed', employer: '«Қордай Агро» ЖШС', evidence: 'employer', recordedOn: today });

    // The outcome in the list, and in both seeds' figures.
    await page.getByRole('tab', { name: 'Нәтижелер' }).click();
    const item = page.getByTestId('outcome-item').filter({ hasText: FOLLOWED });
    await item.getByText('Жұмысқа орналасты').waitFor();
    await look(page, 'outcomes-kk-desktop', 'outcomes');
    await page.getByRole('tab', { name: 'Қорытынды' }).click();
    const figures = await api(page, 'GET', `/api/outcomes/summary?centre=CLC-KORDAI&from=${today.slice(0, 4)}-01-01&to=${today}`);
    expect(figures.body.foundJob).toBeGreaterThanOrEqual(1);
    await page.getByTestId('outcomes-found-job').filter({ hasText: String(figures.body.foundJob) }).waitFor();
    await page.getByTestId('outcomes-work-business-job').filter({ hasText: String(figures.body.foundWorkOrBusinessOrBetterJob) }).waitFor();
    await look(page, 'outcomes-summary-kk-desktop', 'outcome summary');

    // Corrected: a business of her own rather than a job (the employer's field becomes the business's).
    await page.getByRole('tab', { name: 'Нәтижелер' }).click();
    await item.getByRole('button', { name: `Өңдеу: ${FOLLOWED}` }).click();
    const edit = page.getByRole('dialog', { name: 'Нәтижені түзету' });
    await edit.getByRole('radio', { name: 'Өз ісін ашты немесе өзін-өзі жұмыспен қамтыды' }).check();
    await edit.getByRole('textbox', { name: 'Кәсіпорын' }).fill('«Әсел» тігін шеберханасы');
    await edit.getByRole('radio', { name: 'Адамның өз сөзі' }).check();
    await edit.getByRole('button', { name: 'Сақтау' }).click();
    await edit.waitFor({ state: 'detached' });
    await item.getByText('«Әсел» тігін шеберханасы').waitFor();
    expect((await api(page, 'GET', `/api/outcomes?learner=${learnerId}`)).body.items[0])
      .toMatchObject({ status: 'self_employed', employer: '«Әсел» тігін шеберханасы', evidence: 'self_report' });

    // Archived after a question: the follow-up is due again.
    await item.getByRole('button', { name: 'Мұрағатқа жіберу' }).click();
    const confirm = page.getByRole('dialog', { name: 'Мұрағатқа жіберу керек пе?' });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: 'Мұрағатқа жіберу' }).click();
    await confirm.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'Мерзімі жеткендер' }).click();
    await recordButton.waitFor();
    await page.context().close();
  });

  it('works on a 375 px phone in Kazakh, and a national coordinator sets the intervals', async () => {
    const page = await newPage(journey.browser, `${journey.server.url}/login`, { locale: 'kk-KZ', viewport: { width: 375, height: 812 } });
    await signIn(page, FACILITATOR);
    await openFromNav(page, 'Келулер', 'Келулер', true);
    await page.getByRole('button', { name: 'Біреуге көбейту: Іс-шара' }).click();
    await page.getByRole('button', { name: 'Күнді сақтау' }).click();
    await page.getByText('сақталды, барлығы 18 келу.').waitFor();
    await look(page, 'visits-kk-375', 'visits', true);

    await openFromNav(page, 'Кейінгі бақылау', 'Кейінгі бақылау', true);
    await page.getByRole('button', { name: `Нәтижені жазу: ${FOLLOWED}` }).waitFor();
    await look(page, 'followups-kk-375', 'follow-ups', true);
    await page.getByRole('button', { name: `Нәтижені жазу: ${FOLLOWED}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Нәтижені жазу' });
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: 'Хабарласу мүмкін болмады' }).check();
    await look(page, 'followups-record-kk-375', 'record an outcome', true);
    await dialog.getByRole('button', { name: 'Болдырмау' }).click();

    // Registering a learner who lives far from Kordai: the settlement picker searches the whole country (GET /api/places).
    await page.goto(`${journey.server.url}/learners/new`);
    const settlement = page.getByRole('combobox', { name: 'Тұратын елді мекені' });
    await settlement.click();
    await settlement.fill('Oskemen');
    await page.getByRole('option', { name: 'Өскемен · Қала (Шығыс Қазақстан облысы)' }).click();
    expect(await settlement.inputValue()).toBe('Өскемен · Қала (Шығыс Қазақстан облысы)');
    await page.context().close();

    const national = await newPage(journey.browser, `${journey.server.url}/login`, { locale: 'kk-KZ', viewport: { width: 1280, height: 900 } });
    await signIn(national, 'national');
    await openFromNav(national, 'Кейінгі бақылау', 'Кейінгі бақылау');
    await national.getByRole('button', { name: 'Мерзімдерді өзгерту' }).click();
    const settings = national.getByRole('dialog', { name: 'Кейінгі бақылау мерзімдері' });
    const field = settings.getByLabel('Оқыту аяқталғаннан кейінгі айлар');
    await field.fill('3, 6, 99');
    await settings.getByRole('button', { name: 'Сақтау' }).click();
    await settings.getByText('1-ден 60-қа дейінгі 1–6 бүтін санды', { exact: false }).waitFor();
    await field.fill('24, 3 6 12');
    await settings.getByRole('button', { name: 'Сақтау' }).click();
    await settings.waitFor({ state: 'detached' });
    await national.getByTestId('followup-intervals').filter({ hasText: '3, 6, 12 және 24' }).waitFor();
    expect((await api(national, 'GET', '/api/settings/follow-ups')).body).toEqual({ months: [3, 6, 12, 24], isDefault: false });
    await look(national, 'followups-national-kk-desktop', 'follow-ups (national)');
    await national.context().close();
  });
});
