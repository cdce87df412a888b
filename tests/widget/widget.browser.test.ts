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
import { company } from '../fixtures/small-set.js';
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

// The export set, with Nordpack's size and website filled in and companies enough for a second page.
function widgetSet() {
  const set = exportSet();
  const fillers = (['SE', 'NO', 'DK', 'IS', 'SE', 'NO', 'DK', 'IS'] as const).map((country, i) =>
    company({
      id: `filler-${i}`,
      country,
      name: `Filler ${i} Ltd`,
      description: `A furniture workshop, number ${i}. It makes chairs and tables.`,
      sectors: ['manufacturing'],
    }),
  );
  const companies = (set.companies ?? []).map((c) => (c.id === 'se-dist' ? { ...c, employees: 35, website: 'https://www.nordpack.example/en' } : c));
  return { ...set, companies: [...companies, ...fillers] };
}

beforeAll(async () => {
  t = await createTestEngine({ data: widgetSet() });
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

/** Types the visitor's description and presses Sök, as a visitor does. */
async function searchDescription(page: Page): Promise<void> {
  await page.getByLabel('Beskriv ditt företag och vad du söker').fill(DESCRIPTION);
  await page.getByRole('button', { name: 'Sök' }).click();
}

async function openPage(width: number, base: string): Promise<{ page: Page; apiBodies: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const apiBodies: string[] = [];
  page.on('response', (r: Response) => {
    if (r.url().startsWith(`${api.base}/api/`))
      void r.text().then(
        (b) => apiBodies.push(b),
        () => undefined,
      );
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
    await searchDescription(page);
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
    await first.getByLabel('Ditt företag').fill('Lind Kartong Oy');
    await first.getByLabel(/Jag godkänner/).check();
    await first.getByRole('button', { name: 'Skicka förfrågan' }).click();
    await first.getByText('Tack! NordicHub har tagit emot din förfrågan och hör av sig.').waitFor();

    const stored = await t.repo.listIntroductions({ limit: 10, offset: 0 });
    expect(stored.items).toHaveLength(1);
    expect(stored.items[0]).toMatchObject({
      companyId: 'se-dist',
      visitorName: 'Anna Lind',
      visitorEmail: 'anna.lind@example.se',
      visitorCompany: 'Lind Kartong Oy',
      visitorCountry: 'FI',
      siteKeyId: siteKey.id,
      origin: allowedSite.base,
      language: 'sv',
      status: 'new',
    });
    // Nothing private ever reached the browser.
    // Bodies are read as their responses arrive: wait until both answers have been read.
    await expect.poll(() => apiBodies.length).toBeGreaterThanOrEqual(2);
    for (const body of apiBodies) expect(body).not.toMatch(/contactEmail|contactPhone|notes|sven@example\.org|anna\.virtanen@example\.org/);
    await page.close();
  }, 60_000);

  it('works with the keyboard alone and passes an automated accessibility check', async () => {
    const { page } = await openPage(1280, allowedSite.base);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Vi gör undervattenssensorer för fiskodlingar.');
    await page.keyboard.press('Tab'); // country
    for (let i = 0; i < 7; i++) await page.keyboard.press('Tab'); // target countries: the Nordic ones but Finland, the visitor's own
    await page.keyboard.press('Tab'); // what to show
    await page.keyboard.press('Tab'); // search
    await page.keyboard.press('Enter');
    await page.locator('ol.results > li').first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  }, 60_000);

  it('fits the narrowest phones, 320 px, without sideways scrolling', async () => {
    const { page } = await openPage(320, allowedSite.base);
    await searchDescription(page);
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

  describe.each([375, 1280])('at %i px', (width) => {
    it('shows cards with a short description, size and website, reasons in Swedish, and more on request', async () => {
      const { page } = await openPage(width, allowedSite.base);
      await searchDescription(page);
      const results = page.locator('ol.results > li');
      await results.first().waitFor();
      const first = results.first();
      await expect(first.locator('h3').textContent()).resolves.toBe('Nordpack Wholesale AB');
      // The description as the company wrote it, marked with its language for screen readers.
      const summary = first.locator('.summary');
      await expect(summary.textContent()).resolves.toBe('A wholesale distributor of packaging materials serving shops and food producers across Sweden.');
      await expect(summary.getAttribute('lang')).resolves.toBe('en');
      await expect(first.locator('.meta').first().textContent()).resolves.toBe('Sverige · 10–49 anställda');
      const site = first.getByRole('link', { name: 'nordpack.example' });
      await expect(site.getAttribute('href')).resolves.toBe('https://www.nordpack.example/en');

      // Reasons in the widget's language, not English.
      await first.getByText('Varför').click();
      const reasons = await first.locator('details li').allInnerTexts();
      expect(reasons.length).toBeGreaterThan(0);
      expect(reasons.join(' ')).toMatch(/De söker|De erbjuder|Ni arbetar|Gemensamma branscher|Deras beskrivning/);
      expect(reasons.join(' ')).not.toMatch(/\b(They|which you|Shared sectors|Based in|in other words)\b/);

      // Show more: the next page joins the list, without repeats, until the list ends.
      expect(await results.count()).toBe(8);
      const more = page.getByRole('button', { name: 'Visa fler' });
      while (await more.isVisible()) {
        const before = await results.count();
        await more.click();
        await page.waitForFunction(`document.querySelector('#nh').shadowRoot.querySelectorAll('ol.results > li').length > ${before}`);
        // Focus moves to the first new result, so keyboard users go on from there.
        expect(await page.evaluate('document.querySelector("#nh").shadowRoot.activeElement.textContent')).toBe(
          await results.nth(before).locator('h3').textContent(),
        );
      }
      const names = await page.locator('ol.results > li h3').allTextContents();
      expect(names.length).toBeGreaterThan(8);
      expect(new Set(names).size).toBe(names.length);
      await expect(page.getByRole('status').first().textContent()).resolves.toBe(`${names.length} träffar.`);
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
      await page.screenshot({ path: path.join(ARTIFACTS, `widget-cards-${width}.png`), fullPage: true });

      // An empty search clears the old results instead of leaving them under the hint.
      await page.getByLabel('Beskriv ditt företag och vad du söker').fill('');
      await page.getByRole('button', { name: 'Sök' }).click();
      await page.getByText('Skriv minst några ord.').waitFor();
      expect(await results.count()).toBe(0);
      expect(await more.isVisible()).toBe(false);
      await page.close();
    }, 90_000);

    it('takes target countries from the text and from the visitor, and searches only there', async () => {
      const { page } = await openPage(width, allowedSite.base);
      const searches: { countries?: string[] }[] = [];
      page.on('request', (r) => {
        if (r.url().endsWith('/api/v1/partners/search') && r.method() === 'POST') searches.push(r.postDataJSON() as { countries?: string[] });
      });
      const text = page.getByLabel('Beskriv ditt företag och vad du söker');
      const norway = page.getByRole('checkbox', { name: 'Norge' });
      // The visitor's own country is never a target.
      expect(await page.getByRole('checkbox', { name: 'Finland' }).count()).toBe(0);
      await text.fill('Vi tillverkar kartonger och söker en grossist i Norge.');
      expect(await norway.isChecked()).toBe(true);
      await text.fill('Vi tillverkar kartonger och söker en grossist.');
      expect(await norway.isChecked()).toBe(false);
      await text.fill('Vi tillverkar kartonger och söker en grossist i Norge.');
      await page.getByRole('checkbox', { name: 'Danmark' }).check();
      await page.getByRole('button', { name: 'Sök' }).click();
      await page.locator('ol.results > li').first().waitFor();
      expect(searches.at(-1)?.countries).toEqual(['NO', 'DK']);
      const metas = await page.locator('ol.results > li .meta:first-of-type').allTextContents();
      expect(metas.length).toBeGreaterThan(0);
      for (const meta of metas) expect(meta).toMatch(/^(Norge|Danmark)\b/);
      await page.screenshot({ path: path.join(ARTIFACTS, `widget-countries-${width}.png`), fullPage: true });

      // Another own country: Sweden leaves the targets and Finland joins them.
      await page.getByLabel('Ditt land').selectOption('SE');
      expect(await page.getByRole('checkbox', { name: 'Sverige' }).count()).toBe(0);
      expect(await page.getByRole('checkbox', { name: 'Finland' }).count()).toBe(1);
      await page.close();
    }, 90_000);

    it('checks the e-mail with its own message, sends once per company and remembers the visitor', async () => {
      const { page } = await openPage(width, allowedSite.base);
      const email = `karin.${width}@lindqvist.example`;
      let posted = 0;
      // Slow the answer down, so the form is seen while it is sending.
      await page.route(`${api.base}/api/v1/introductions`, async (route) => {
        if (route.request().method() === 'POST') {
          posted++;
          await new Promise((resolve) => setTimeout(resolve, 800));
        }
        await route.continue();
      });
      await searchDescription(page);
      const card = page.locator('ol.results > li').nth(1);
      await card.waitFor();
      const companyName = (await card.locator('h3').textContent())!;
      await card.getByRole('button', { name: 'Be om en introduktion' }).click();
      await card.getByLabel('Ditt namn').fill('Karin Lindqvist');
      await card.getByLabel('Din e-post').fill('karin@');
      await card.getByLabel('Ditt företag').fill('Lindqvist Förpackning AB');
      await card.getByLabel('Meddelande till NordicHub').fill('Vi vill gärna träffas.');
      await card.getByLabel(/Jag godkänner/).check();
      const send = card.getByRole('button', { name: 'Skicka förfrågan' });
      await send.click();
      await card.getByText('Skriv en giltig e-postadress, till exempel namn@foretag.se.').waitFor();
      await expect(card.getByLabel('Din e-post').getAttribute('aria-invalid')).resolves.toBe('true');
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(ARTIFACTS, `widget-form-${width}.png`), fullPage: true });
      expect(posted).toBe(0);

      await card.getByLabel('Din e-post').fill(email);
      await send.dblclick();
      await card.getByRole('button', { name: 'Skickar…' }).waitFor();
      expect(await card.getByRole('button', { name: 'Skickar…' }).isDisabled()).toBe(true);
      await card.getByText('Tack! NordicHub har tagit emot din förfrågan och hör av sig.').waitFor();
      expect(posted).toBe(1);
      const requested = card.getByRole('button', { name: 'Introduktion begärd' });
      expect(await requested.isDisabled()).toBe(true);
      const stored = (await t.repo.listIntroductions({ limit: 50, offset: 0 })).items.filter((i) => i.visitorEmail === email);
      expect(stored).toEqual([expect.objectContaining({ visitorCompany: 'Lindqvist Förpackning AB', visitorCountry: 'FI', language: 'sv' })]);

      // The next company's form already knows the visitor.
      const next = page.locator('ol.results > li').nth(2);
      await next.getByRole('button', { name: 'Be om en introduktion' }).click();
      await expect(next.getByLabel('Ditt namn').inputValue()).resolves.toBe('Karin Lindqvist');
      await expect(next.getByLabel('Din e-post').inputValue()).resolves.toBe(email);
      await expect(next.getByLabel('Ditt företag').inputValue()).resolves.toBe('Lindqvist Förpackning AB');

      // A new search still shows the company as asked for.
      await page.getByRole('button', { name: 'Sök' }).click();
      const again = page.locator('ol.results > li', { has: page.locator('h3', { hasText: companyName }) });
      await again.first().waitFor();
      expect(await again.first().getByRole('button', { name: 'Introduktion begärd' }).isDisabled()).toBe(true);
      await page.close();
    }, 90_000);
  });

  it('is refused from an origin its key does not allow, with a friendly message', async () => {
    const { page } = await openPage(1280, otherSite.base);
    await searchDescription(page);
    await page.getByText('Sökningen är inte tillgänglig på den här webbplatsen just nu.').waitFor();
    expect(await page.locator('ol.results > li').count()).toBe(0);
    await page.close();
  }, 60_000);

  it('stops working once staff revoke the key', async () => {
    const revoke = await fetch(`${api.base}/api/v1/keys/${siteKey.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${ADMIN}` } });
    expect(revoke.status).toBe(200);
    const { page } = await openPage(1280, allowedSite.base);
    await searchDescription(page);
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
