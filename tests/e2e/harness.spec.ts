// Proves the e2e harness itself: a static page from a throw-away node:http
// server (not Kerege), opened in Chromium, clicked, checked with axe, captured.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { stat } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectNoSeriousA11yViolations, launchBrowser, newPage, screenshot } from './support.js';

const goodPage = `<!doctype html>
<html lang="kk">
<head><meta charset="utf-8"><title>Kerege harness</title></head>
<body>
  <main>
    <h1>Кереге: сынақ беті</h1>
    <p>Қазақ әріптері: Ә ә Ғ ғ Қ қ Ң ң Ө ө Ұ ұ Ү ү Һ һ І і</p>
    <button type="button" id="go">Басу</button>
    <p id="status" role="status">дайын</p>
  </main>
  <script>
    document.getElementById('go').addEventListener('click', () => {
      document.getElementById('status').textContent = 'басылды: ' + navigator.language;
    });
  </script>
</body>
</html>`;

// An image without alt text and an unlabelled input: axe calls these critical.
const badPage = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Bad page</title></head>
<body><main><h1>Bad</h1><img src="/x.png"><input type="text"></main></body>
</html>`;

let server: http.Server;
let base = '';
let browser: Browser;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/' || req.url === '/bad') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(req.url === '/' ? goodPage : badPage);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

describe('e2e harness', () => {
  it('opens a page, clicks, passes axe and takes a screenshot', async () => {
    const page = await newPage(browser, `${base}/`, { locale: 'kk-KZ', viewport: { width: 800, height: 500 } });
    await expect(page.title()).resolves.toBe('Kerege harness');
    await page.getByRole('button', { name: 'Басу' }).click();
    await expect(page.locator('#status').textContent()).resolves.toBe('басылды: kk-KZ');

    const results = await expectNoSeriousA11yViolations(page);
    expect(results.passes.length).toBeGreaterThan(0);

    const file = await screenshot(page, 'harness');
    expect((await stat(file)).size).toBeGreaterThan(1000);
    await page.context().close();
  });

  it('the axe helper throws on serious violations', async () => {
    const page = await newPage(browser, `${base}/bad`);
    await expect(expectNoSeriousA11yViolations(page)).rejects.toThrow(/image-alt/);
    await page.context().close();
  });
});
