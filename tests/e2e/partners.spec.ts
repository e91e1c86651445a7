// Partners in a browser: a regional coordinator working in Kazakh opens the partners from the
// menu, tries to save an empty partner (told what to fix, nothing saved), adds one with its
// names in the three languages, lands on its page, reads it in Russian, records a partnership
// with a centre there, and finds the partner again by search. axe on each view; the partner's page on a 375 px phone too.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  followNavLink, newPage, settled, signIn, demoJourney, look,
} from './support.js';

const SWITCHER = 'Тіл · Язык · Language';
const PUSHKIN_RU = 'Восточно-Казахстанская областная библиотека имени А.С. Пушкина';
const NAME = { kk: 'Өскемен жастар орталығы', ru: 'Усть-Каменогорский молодёжный центр', en: 'Oskemen Youth Centre' };

const journey = demoJourney();

describe('partners', () => {
  it('a regional coordinator adds a partner in Kazakh and reads it in Russian', async () => {
    const page = await newPage(journey.browser, `${journey.server.url}/login`, { locale: 'kk-KZ', viewport: { width: 1280, height: 900 } });
    await signIn(page, 'regional.vko');
    await followNavLink(page, 'Серіктестер', false);
    await page.getByRole('heading', { level: 1, name: 'Серіктестер' }).waitFor();
    await page.getByRole('list', { name: 'Серіктестер' }).getByRole('listitem').first().waitFor();
    await settled(page);
    const shown = await page.getByRole('list', { name: 'Серіктестер' }).getByRole('listitem').count();

    // An empty partner: told what to fix, in Kazakh; nothing is saved.
    await page.getByRole('button', { name: 'Жаңа серіктес' }).click();
    const dialog = page.getByRole('dialog', { name: 'Жаңа серіктес ұйым' });
    await dialog.getByRole('button', { name: 'Сақтау' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'белгіленген өрістерді түзетіңіз' }).waitFor();
    expect(await dialog.getByText('Міндетті өріс').count()).toBe(3);
    await look(page, 'partners-new-errors-kk', { fits: true });

    // The names in the three languages; the kind and the area keep their defaults.
    await dialog.getByLabel('Атауы (қазақша)').fill(NAME.kk);
    await dialog.getByLabel('Атауы (орысша)').fill(NAME.ru);
    await dialog.getByLabel('Атауы (ағылшынша)').fill(NAME.en);
    await dialog.getByLabel('Телефон').fill('+7 723 255 55 55');
    await dialog.getByRole('button', { name: 'Сақтау' }).click();
    await page.getByRole('heading', { level: 1, name: NAME.kk }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/partners\/[0-9a-f-]{36}$/);
    await look(page, 'partners-partner-kk', { fits: true });

    // The same page in Russian.
    await page.getByLabel(SWITCHER).selectOption('ru');
    await page.getByRole('heading', { level: 1, name: NAME.ru }).waitFor();
    await look(page, 'partners-partner-ru', { fits: true });

    // A partnership with a centre of the oblast, from the partner's page.
    await page.getByRole('button', { name: 'Добавить партнёрство' }).click();
    const add = page.getByRole('dialog', { name: 'Новое партнёрство' });
    await add.getByRole('combobox', { name: /^Центр/ }).fill('Пушкин');
    await page.getByRole('option', { name: PUSHKIN_RU }).click();
    await add.getByLabel(/^Роль партнёра/).fill('Направляет безработную молодёжь на курсы');
    await add.getByLabel(/^Дата начала/).fill('2026-11-01');
    await add.getByRole('button', { name: 'Сохранить' }).click();
    await add.waitFor({ state: 'detached' });
    await page.getByText(PUSHKIN_RU).first().waitFor();
    await page.getByText('Направляет безработную молодёжь на курсы').waitFor();

    // Back to the list: one more partner, found by a word of its name in any script.
    await followNavLink(page, 'Партнёры', false);
    await page.getByRole('heading', { level: 1, name: 'Партнёры' }).waitFor();
    await expect.poll(() => page.getByRole('list', { name: 'Партнёры' }).getByRole('listitem').count(), { timeout: 15_000 }).toBe(shown + 1);
    await page.getByLabel('Поиск').fill('Oskemen jastar');
    await expect.poll(() => page.getByRole('list', { name: 'Партнёры' }).getByRole('listitem').count(), { timeout: 15_000 }).toBe(1);
    await page.getByRole('list', { name: 'Партнёры' }).getByRole('link', { name: NAME.ru }).waitFor();

    // A phone: the partner's page fits.
    await page.getByRole('list', { name: 'Партнёры' }).getByRole('link', { name: NAME.ru }).click();
    await page.getByRole('heading', { level: 1, name: NAME.ru }).waitFor();
    await page.setViewportSize({ width: 375, height: 812 });
    await look(page, 'partners-partner-ru-375', { fits: true });
    await page.context().close();
  });
});
