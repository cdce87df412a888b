// The widget in real Chromium: embedded by a page from a second local origin, searched, an
// introduction requested and found in the database; refused from an origin the key does not
// allow and after the key is revoked; checked with axe-core; screenshots at 1280 and 375 px.
import path from 'node:path';
import express from 'express';
import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, hashKey } from '../../src/api/index.js';
import { createApiKey } from '../../src/use-cases/create-api-key.js';
import { exportSet } from '../fixtures/export-set.js';
import { accessibilityViolations, ARTIFACTS, launchChromium } from '../browser.js';
import { createTestEngine, serve, type TestEngine } from '../helpers.js';

const ADMIN = 'test-admin-key-widget-0123456789';

let t: TestEngine;
let api: Awaited<ReturnType<typeof serve>>;
let allowedSite: Awaited<ReturnType<typeof serve>>;
let otherSite: Awaited<ReturnType<typeof serve>>;
let browser: Browser;
let siteKey: { id: string; secret: string };

// A partner page with hostile CSS: none of it may reach inside the widget.
const hostPage = (apiBase: string, key: string) => `<!doctype html><html lang="sv"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Handelskammaren</title>
<style>* { font-size: 31px !important; color: rgb(200, 0, 0) !important; } button { display: none !important; } h2 { color: rgb(128, 0, 128) !important; }</style>
</head><body><main><h1>Handelskammaren</h1><h2 id="host-h2">Hitta partner</h2><div id="nh"></div></main>
<script src="${apiBase}/widget.js" data-key="${key}" data-lang="sv" data-country="FI" data-target="#nh" async></script></body></html>`;

async function site(html: () => string) {
  const app = express();
  app.get('/', (_req, res) => res.type('html').send(html()));
  const s = await serve(app);
  // Another port on localhost: a different origin from the API at 127.0.0.1.
  return { ...s, base: s.base.replace('127.0.0.1', 'localhost') };
}

beforeAll(async () => {
  t = await createTestEngine({ data: exportSet() });
  api = await serve(buildApp({ engine: () => t.engine, adminKeyHash: hashKey(ADMIN) }));
  allowedSite = await site(() => hostPage(api.base, siteKey.secret));
  otherSite = await site(() => hostPage(api.base, siteKey.secret));
  const created = await createApiKey(t.repo, { role: 'site', label: 'Handelskammaren', origins: [allowedSite.base] });
  siteKey = { id: created.key.id, secret: created.secret };
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  for (const s of [allowedSite, otherSite, api]) await s?.close();
  await t?.close();
});

async function openPage(width: number, base: string): Promise<{ page: Page; apiBodies: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const apiBodies: string[] = [];
  page.on('response', (r: Response) => {
    if (r.url().startsWith(`${api.base}/api/`)) void r.text().then((b) => apiBodies.push(b), () => undefined);
  });
  await page.goto(base);
  await page.getByRole('heading', { name: 'Hitta en nordisk partner' }).waitFor();
  return { page, apiBodies };
}

// Runs in the browser: the computed value of a CSS property of an element.
const computed = (el: { ownerDocument: { defaultView: { getComputedStyle(e: unknown): Record<string, string> } } }, property: string) =>
  el.ownerDocument.defaultView.getComputedStyle(el)[property];

const DESCRIPTION = 'Vi tillverkar återvinningsbara kartonger och pappersförpackningar och söker en grossist för förpackningar.';

describe('the widget on a partner page', () => {
  it('searches, shows readable results and takes an introduction request into the database', async () => {
    const { page, apiBodies } = await openPage(1280, allowedSite.base);
    await page.getByLabel('Beskriv ditt företag och vad du söker').fill(DESCRIPTION);
    await page.getByRole('button', { name: 'Sök' }).click();
    const results = page.locator('ol.results > li');
    await results.first().waitFor();
    const first = results.first();
    await expect(first.locator('h3').textContent()).resolves.toBe('Nordpack Wholesale AB');
    const text = (await page.locator('ol.results').innerText()).toLowerCase();
    expect(text).toMatch(/matchning/);
    expect(text).not.toMatch(/0\.\d{3}/); // scores in words, not floats
    await page.screenshot({ path: path.join(ARTIFACTS, 'widget-1280.png'), fullPage: true });

    // Page CSS stays out and the widget stays in.
    expect(await first.getByRole('button', { name: 'Be om en introduktion' }).evaluate(computed as never, 'display')).toBe('inline-block');
    expect(await first.locator('h3').evaluate(computed as never, 'color')).toBe('rgb(27, 27, 27)');
    expect(await page.locator('#host-h2').evaluate(computed as never, 'color')).toBe('rgb(128, 0, 128)');

    await first.getByRole('button', { name: 'Be om en introduktion' }).click();
    expect(await page.evaluate('document.querySelector("#nh").shadowRoot.activeElement.getAttribute("autocomplete")')).toBe('name');
    await first.getByLabel('Ditt namn').fill('Anna Lind');
    await first.getByLabel('Din e-post').fill('anna.lind@example.se');
    await first.getByLabel('Meddelande till NordicHub').fill('Vi vill gärna träffa er om distribution i Sverige.');
    await first.getByRole('button', { name: 'Skicka förfrågan' }).click();
    await expect(first.getByText('Fyll i alla fält och kryssa i samtycket.').waitFor()).resolves.toBeUndefined();
    await first.getByLabel(/Jag godkänner/).check();
    await first.getByRole('button', { name: 'Skicka förfrågan' }).click();
    await first.getByText('Tack! NordicHub har tagit emot din förfrågan och hör av sig.').waitFor();

    const stored = await t.repo.listIntroductions({ limit: 10, offset: 0 });
    expect(stored.items).toHaveLength(1);
    expect(stored.items[0]).toMatchObject({ companyId: 'se-dist', visitorName: 'Anna Lind', visitorEmail: 'anna.lind@example.se', siteKeyId: siteKey.id, origin: allowedSite.base, language: 'sv', status: 'new' });
    // Nothing private ever reached the browser.
    expect(apiBodies.length).toBeGreaterThanOrEqual(2);
    for (const body of apiBodies) expect(body).not.toMatch(/contactEmail|contactPhone|notes|sven@example\.org|anna\.virtanen@example\.org/);
    await page.close();
  }, 60_000);

  it('works with the keyboard alone and passes an automated accessibility check', async () => {
    const { page } = await openPage(1280, allowedSite.base);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Vi gör undervattenssensorer för fiskodlingar.');
    await page.keyboard.press('Tab'); // country
    await page.keyboard.press('Tab'); // what to show
    await page.keyboard.press('Tab'); // search
    await page.keyboard.press('Enter');
    await page.locator('ol.results > li').first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  }, 60_000);

  it('fits the narrowest phones, 320 px, without sideways scrolling', async () => {
    const { page } = await openPage(320, allowedSite.base);
    await page.getByLabel('Beskriv ditt företag och vad du söker').fill(DESCRIPTION);
    await page.getByRole('button', { name: 'Sök' }).click();
    await page.locator('ol.results > li').first().waitFor();
    await page.locator('ol.results > li').first().getByRole('button', { name: 'Be om en introduktion' }).click();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
    await page.close();
  }, 60_000);

  it('fits a 375 px phone without sideways scrolling', async () => {
    const { page } = await openPage(375, allowedSite.base);
    await page.getByLabel('Beskriv ditt företag och vad du söker').fill(DESCRIPTION);
    await page.getByRole('radio', { name: 'Exportmöjligheter' }).check();
    await page.getByRole('button', { name: 'Sök' }).click();
    await page.locator('ol.results > li').first().waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await page.screenshot({ path: path.join(ARTIFACTS, 'widget-375.png'), fullPage: true });
    await page.close();
  }, 60_000);

  it('is refused from an origin its key does not allow, with a friendly message', async () => {
    const { page } = await openPage(1280, otherSite.base);
    await page.getByLabel('Beskriv ditt företag och vad du söker').fill(DESCRIPTION);
    await page.getByRole('button', { name: 'Sök' }).click();
    await page.getByText('Sökningen är inte tillgänglig på den här webbplatsen just nu.').waitFor();
    expect(await page.locator('ol.results > li').count()).toBe(0);
    await page.close();
  }, 60_000);

  it('stops working once staff revoke the key', async () => {
    const revoke = await fetch(`${api.base}/api/v1/keys/${siteKey.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${ADMIN}` } });
    expect(revoke.status).toBe(200);
    const { page } = await openPage(1280, allowedSite.base);
    await page.getByLabel('Beskriv ditt företag och vad du söker').fill(DESCRIPTION);
    await page.getByRole('button', { name: 'Sök' }).click();
    await page.getByText('Sökningen är inte tillgänglig på den här webbplatsen just nu.').waitFor();
    await page.close();
  }, 60_000);
});

describe('the demo page', () => {
  it('shows the snippet and a live widget', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${api.base}/widget/demo?lang=fi`);
    await expect(page.locator('pre').innerText()).resolves.toContain('data-key="pk_');
    await page.getByLabel('Kuvaile yritystäsi ja mitä etsit').fill('Valmistamme kierrätettäviä pahvilaatikoita ja etsimme jakelijaa.');
    await page.getByRole('button', { name: 'Hae' }).click();
    await page.locator('ol.results > li').first().waitFor();
    await page.close();
  }, 60_000);
});
