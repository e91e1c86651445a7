// A learner's own page, in a browser. A coordinator (through the API) schedules a one-seat
// training at the IT-Yurt and enrols someone, then the demo's learner (Нұрлан Серікбаев), who
// waits; the first person drops out, so the seat goes to Нұрлан. He signs in in Kazakh, lands
// on "My learning", is told of the seat once, reads the page in Russian, and on his next visit
// the notice is gone. axe on every view; a 375 px phone too. Then one of seed 003's librarians,
// a facilitator who took a course herself, finds her learning from the menu.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  followNavLink, newPage, landed, signIn, demoJourney, look,
} from './support.js';

const SWITCHER = 'Тіл · Язык · Language';

const journey = demoJourney();

describe('my learning', () => {
  it('a learner is told once that a seat came free for him, in Kazakh and in Russian', async () => {
    // The coordinator's part, through the API.
    const staff = await newPage(journey.browser, `${journey.server.url}/login`, { locale: 'kk-KZ' });
    await signIn(staff, 'admin');
    await landed(staff);
    await staff.evaluate(async () => {
      const me = await fetch('/api/auth/me').then((r) => r.json());
      const send = async (path: string, body: unknown) => {
        const res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: JSON.stringify(body) });
        if (!res.ok) throw new Error(`${path} ${res.status}: ${await res.text()}`);
        return res.json();
      };
      const account = (await fetch('/api/users?q=learner.demo').then((r) => r.json())).items[0];
      const found = await fetch(`/api/learners?${new URLSearchParams({ q: 'Серікбаев Нұрлан', centre: 'MOB-VOS-ITYURT' })}`).then((r) => r.json());
      const nurlan = found.items.find((l: { userId: string | null }) => l.userId === account.id);
      const other = await send('/api/learners', {
        centreId: 'MOB-VOS-ITYURT', lastName: 'Қалиева', firstName: 'Жанар', sex: 'female', birthDate: '1996-03-11',
        consent: { date: '2026-11-20', version: 'kerege-consent-1' },
      });
      const course = (await fetch('/api/courses?limit=1').then((r) => r.json())).items[0];
      const training = await send('/api/trainings', {
        courseId: course.id, centreId: 'MOB-VOS-ITYURT', place: 'Үржар', kind: 'training', startDate: '2026-12-07', endDate: '2026-12-11', capacity: 1, language: 'kk',
      });
      await send(`/api/trainings/${training.id}/enrolments`, { learnerIds: [other.id, nurlan.id] });
      const list = await fetch(`/api/trainings/${training.id}/enrolments`).then((r) => r.json());
      const first = list.items.find((e: { learnerId: string }) => e.learnerId === other.id);
      await send(`/api/enrolments/${first.id}/drop`, { version: first.version });
    });
    await staff.context().close();

    // Нұрлан signs in and lands on his own page.
    const page = await newPage(journey.browser, `${journey.server.url}/login`, { locale: 'kk-KZ', viewport: { width: 1280, height: 900 } });
    await signIn(page, 'learner.demo');
    await page.waitForURL(/\/my$/);
    await page.getByRole('heading', { level: 1, name: 'Менің оқуым' }).waitFor();
    const notice = page.getByRole('status').filter({ hasText: 'Сізге орын босады' });
    await notice.waitFor();
    expect(await notice.innerText()).toContain('2026 ж. 7 желтоқсан');
    const trainings = page.getByRole('list', { name: 'Менің тренингтерім' });
    expect(await trainings.getByRole('listitem').first().innerText()).toContain('Жазылды');
    // the IT-Yurt course he completed in 2012 is there too, with its hours
    await trainings.getByText(/Қатысқаныңыз: \d+ сағаттың \d+/).first().waitFor();
    await look(page, 'my-learning-kk-desktop', { fits: true });

    // The same page in Russian: the notice stays for this visit.
    await page.getByLabel(SWITCHER).selectOption('ru');
    await page.getByRole('heading', { level: 1, name: 'Моё обучение' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Для вас освободилось место' }).waitFor();
    await look(page, 'my-learning-ru-desktop', { fits: true });

    // His next visit: told once, the notice is gone; the phone view.
    await page.setViewportSize({ width: 375, height: 812 });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Моё обучение' }).waitFor();
    await page.getByRole('list', { name: 'Мои тренинги' }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'Для вас освободилось место' }).count()).toBe(0);
    await look(page, 'my-learning-ru-375', { fits: true });
    await page.context().close();
  });

  it('a librarian, staff who learn too, finds her own learning from the menu, in Kazakh and in Russian', async () => {
    const page = await newPage(journey.browser, `${journey.server.url}/login`, { locale: 'kk-KZ', viewport: { width: 1280, height: 900 } });
    await signIn(page, 'aktobe.lib01');
    await landed(page);
    expect(new URL(page.url()).pathname).toMatch(/^\/centres\//); // staff land at their centre
    await followNavLink(page, 'Менің оқуым', false);
    await page.getByRole('heading', { level: 1, name: 'Менің оқуым' }).waitFor();
    const trainings = page.getByRole('list', { name: 'Менің тренингтерім' });
    await trainings.getByText('Кітапханашыларға арналған медиа және ақпараттық сауаттылық').waitFor();
    await look(page, 'my-learning-librarian-kk', { fits: true });
    await page.getByLabel(SWITCHER).selectOption('ru');
    await page.getByRole('list', { name: 'Мои тренинги' }).getByText('Медийная и информационная грамотность для библиотекарей').waitFor();
    await page.context().close();
  });
});
