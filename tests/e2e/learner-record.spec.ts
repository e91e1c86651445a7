// The learner's record in a browser (issue 4). The IT-Yurt's centre manager, working in
// Kazakh, finds a person of the demo who completed a training and holds a certificate (looked
// up through the API, then searched by full name as staff would), sees their trainings on
// the record, revokes the certificate after confirming with a reason, and sees it revoked —
// in Russian too, and on the public verification answer. Then, on a 375 px phone, the same
// record shows its trainings as cards and "Also served at" the Kordai centre (a link made
// through the API); the manager removes that link after confirming. axe on every page and
// dialog; screenshots in tests/e2e/out.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  newPage, settled, signIn, DEMO_PASSWORD, demoJourney, look,
} from './support.js';

const MANAGER = 'manager.ityurt';
const MANAGER_PASSWORD = 'yurt-manager-2026';
const SWITCHER = 'Тіл · Язык · Language';
const CONSENT = { date: '2026-01-15', version: 'kerege-consent-1' };

const journey = demoJourney();
const person = { id: '', name: '', code: '' };

/** A signed-in API client (cookie and CSRF token), as a script or an integration would use. */
async function apiAs(username: string, password: string) {
  const login = await fetch(`${journey.server.url}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
  });
  expect(login.status).toBe(200);
  const cookie = String(login.headers.get('set-cookie')).split(';')[0];
  const { csrfToken } = await login.json() as { csrfToken: string };
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${journey.server.url}${path}`, {
      method, headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() as any };
  };
  return {
    get: (path: string) => call('GET', path), post: (path: string, body: unknown = {}) => call('POST', path, body),
    put: (path: string, body: unknown) => call('PUT', path, body),
  };
}

/**
 * The IT-Yurt gets a centre manager account (the demo has none), and one of its people with
 * a certificate in Kazakh is picked; Kordai links the same person (the duplicate check's
 * token and the person's consent), so the record has a link to show and remove.
 */
async function seed(): Promise<void> {
  const admin = await apiAs('admin', DEMO_PASSWORD);
  const made = await admin.post('/api/users', {
    username: MANAGER, displayName: 'IT-киіз үй басшысы', password: MANAGER_PASSWORD, role: 'centre_manager', orgUnitId: 'MOB-VOS-ITYURT', locale: 'kk',
  });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  const manager = await apiAs(MANAGER, MANAGER_PASSWORD);
  const certificates = (await manager.get('/api/certificates?limit=50')).body.items as Array<{ learnerId: string; language: string; revokedAt: string | null; code: string }>;
  const certificate = certificates.find((c) => c.language === 'kk' && !c.revokedAt);
  expect(certificate, 'the demo has a Kazakh certificate at the IT-Yurt').toBeDefined();
  const learner = (await manager.get(`/api/learners/${certificate!.learnerId}`)).body;
  Object.assign(person, { id: learner.id, name: `${learner.lastName} ${learner.firstName}`, code: certificate!.code });
  const kordai = await apiAs('facilitator.kordai', DEMO_PASSWORD);
  const query = new URLSearchParams({ lastName: learner.lastName, firstName: learner.firstName, birthDate: learner.birthDate });
  const match = (await kordai.get(`/api/learners/matches?${query}`)).body.items.find((m: { inScope: boolean }) => !m.inScope);
  const link = await kordai.post('/api/learners/links', { linkToken: match.linkToken, centreId: 'CLC-KORDAI', consent: CONSENT });
  expect(link.status, JSON.stringify(link.body)).toBe(201);
}

beforeAll(async () => {
  await seed();
});

describe("the learner's record", () => {
  it('a centre manager sees a learner\'s trainings and revokes their certificate, in Kazakh and then Russian', async () => {
    const page = await newPage(journey.browser, `${journey.server.url}/login`, { locale: 'kk-KZ', viewport: { width: 1280, height: 900 } });
    await signIn(page, MANAGER, MANAGER_PASSWORD);

    // Find the person by full name, as staff do (the demo is large).
    await page.getByRole('navigation', { name: 'Негізгі мәзір' }).getByRole('link', { name: 'Тыңдаушылар', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Тыңдаушылар' }).waitFor();
    await settled(page);
    await page.getByLabel('Іздеу').fill(person.name);
    const searched = page.waitForResponse((r) => r.url().includes('/api/learners?') && r.url().includes('q='));
    await page.keyboard.press('Enter');
    await searched;
    // the demo may hold namesakes: the row of this record (its address holds only the id)
    await page.locator(`main a[href="/learners/${person.id}"]`).first().click();
    await page.waitForURL(new RegExp(`/learners/${person.id}$`));
    expect(page.url()).not.toContain(encodeURIComponent(person.name.split(' ')[0]));

    // The trainings: at least the completed one, linked to its page; the link to Kordai.
    const trainings = page.getByTestId('learner-trainings');
    await trainings.getByRole('heading', { name: 'Тренингтер' }).waitFor();
    await trainings.getByText('Аяқтады').first().waitFor();
    expect(await trainings.getByRole('link').count()).toBeGreaterThan(0);
    await page.getByTestId('learner-links').getByText('Қызмет көрсететін басқа орталықтар').waitFor();
    await look(page, 'learner-record-kk-desktop');

    // Revoke: a reason is required; confirmed, the certificate shows as revoked.
    const certificates = page.getByRole('region', { name: 'Сертификаттар' });
    await certificates.getByTestId('certificate-revoke').first().click();
    const dialog = page.getByRole('dialog', { name: 'Сертификатты кері қайтару керек пе?' });
    await dialog.waitFor();
    await dialog.getByTestId('certificate-revoke-confirm').click();
    await dialog.getByText('Міндетті өріс').waitFor();
    await look(page, 'learner-record-revoke-kk-desktop');
    await dialog.getByTestId('certificate-revoke-reason').fill('Сағаттары қате есептелген');
    await dialog.getByTestId('certificate-revoke-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    await certificates.getByTestId('certificate-revoked').first().waitFor();
    expect(await certificates.getByTestId('certificate-revoked').first().innerText()).toMatch(/кері қайтарылды/);
    await trainings.getByText(/кері қайтарылды/).first().waitFor();
    const verified = await (await fetch(`${journey.server.url}/api/certificates/verify/${person.code}`)).json() as { valid: boolean; revoked: boolean };
    expect(verified).toMatchObject({ valid: false, revoked: true });
    await look(page, 'learner-record-revoked-kk-desktop');

    // In Russian: the same record, the certificate revoked.
    await page.getByLabel(SWITCHER).selectOption('ru');
    await page.getByRole('heading', { name: 'Тренинги' }).waitFor();
    await page.getByRole('region', { name: 'Сертификаты' }).getByText(/Отозван/).first().waitFor();
    await page.getByTestId('learner-trainings').getByText('отозван', { exact: false }).first().waitFor();
    // the trainings are named in Russian now (the server answers in the reader's language)
    await page.getByTestId('learner-trainings').getByText(/Молодёжная IT-юрта/).first().waitFor();
    await look(page, 'learner-record-revoked-ru-desktop');
    // back to Kazakh: the account keeps the language it was left in
    await page.getByLabel(SWITCHER).selectOption('kk');
    await page.getByRole('heading', { name: 'Тренингтер' }).waitFor();
    await page.context().close();
  });

  it('on a 375 px phone: trainings as cards, and removing the link to another centre', async () => {
    // the manager works in Kazakh (whatever language the first journey left the account in)
    expect((await (await apiAs(MANAGER, MANAGER_PASSWORD)).put('/api/auth/me/locale', { locale: 'kk' })).status).toBeLessThan(300);
    const page = await newPage(journey.browser, `${journey.server.url}/login`, { locale: 'kk-KZ', viewport: { width: 375, height: 812 } });
    await signIn(page, MANAGER, MANAGER_PASSWORD);
    await page.goto(`${journey.server.url}/learners/${person.id}`);
    const trainings = page.getByTestId('learner-trainings');
    await trainings.getByRole('heading', { name: 'Тренингтер' }).waitFor();
    await trainings.getByRole('listitem').first().waitFor(); // the heading comes before the trainings load
    expect(await trainings.getByRole('table').count()).toBe(0);
    expect(await trainings.getByRole('listitem').count()).toBeGreaterThan(0);
    const links = page.getByTestId('learner-links');
    await links.waitFor();
    await look(page, 'learner-record-kk-phone', { fits: true });

    await links.getByRole('button', { name: /^Байланысты алып тастау/ }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Байланысты алып тастау керек пе?' });
    await dialog.waitFor();
    await look(page, 'learner-record-unlink-kk-phone', { fits: true });
    await dialog.getByRole('button', { name: 'Байланысты алып тастау' }).click();
    await dialog.waitFor({ state: 'detached' });
    await links.waitFor({ state: 'detached' });
    await page.getByText(/байланыс алып тасталды/).first().waitFor();
    // Kordai no longer sees the person.
    const kordai = await apiAs('facilitator.kordai', DEMO_PASSWORD);
    expect((await kordai.get(`/api/learners/${person.id}`)).status).toBe(404);
    await page.context().close();
  });
});
