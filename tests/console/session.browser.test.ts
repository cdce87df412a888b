// The console's sign-in, key management and introductions in real Chromium: staff sign in once and
// a second tab is signed in too (the HttpOnly session cookie, not the key, is what the browser
// keeps); signing out ends the session for every tab; an admin creates a key (its secret shown
// once) and revokes it, which also ends the sessions signed in with it; introduction requests show
// the company's name, the visitor's company and country, a badge counts the new ones, and the
// company page lists its own. Checked in the database and over the API, not only on screen; pages
// pass axe-core; screenshots in test-artifacts/.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, hashKey } from '../../src/api/index.js';
import { createApiKey } from '../../src/use-cases/create-api-key.js';
import { OutboxMailer, outboxDir } from '../../src/mail/index.js';
import { requestIntroduction } from '../../src/use-cases/request-introduction.js';
import { request } from '../api/client.js';
import { accessibilityViolations, ARTIFACTS, chromiumForFile } from '../browser.js';
import { exportSet } from '../fixtures/export-set.js';
import { createTestEngine, serve, type TestEngine } from '../helpers.js';

const ADMIN = 'test-admin-key-session-browser-0123456789';

const browser = chromiumForFile();

describe.each([1280, 768])('console sign-in, keys and introductions at %i px', (width) => {
  let t: TestEngine;
  let api: Awaited<ReturnType<typeof serve>>;
  let staffKey: string;
  let adminKey: string;
  const contexts: BrowserContext[] = [];

  /** A fresh browser profile: no cookie, no storage. */
  async function freshPage(): Promise<Page> {
    const context = await browser().newContext({ viewport: { width, height: 900 } });
    contexts.push(context);
    return preparedPage(context);
  }
  async function preparedPage(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (err) => {
      throw err;
    });
    page.on('dialog', (dialog) => void dialog.accept());
    return page;
  }
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `console-${name}-${width}.png`), fullPage: true });
  const expectAccessible = async (page: Page) => expect(await accessibilityViolations(page)).toEqual([]);
  const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' });
  const nav = (page: Page, name: string) => mainNav(page).getByRole('link', { name, exact: true }).click();

  async function signIn(page: Page, key: string, at = '/console') {
    await page.goto(`${api.base}${at}`);
    await page.getByLabel('Staff key').fill(key);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await mainNav(page).waitFor();
  }

  beforeAll(async () => {
    t = await createTestEngine({ data: exportSet() });
    // Mail goes to the outbox folder, as in a service without SMTP_URL: the forwarded request is read there.
    const mailer = new OutboxMailer(outboxDir(t.dir), 'NordicHub <hello@nordichub.test>');
    api = await serve(buildApp({ engine: () => ({ ...t.engine, mailer }), adminKeyHash: hashKey(ADMIN) }));
    staffKey = (await createApiKey(t.repo, { role: 'staff', label: 'Console tester' })).secret;
    adminKey = (await createApiKey(t.repo, { role: 'admin', label: 'Key keeper' })).secret;
    const ask = (companyId: string, name: string, visitorCompany: string, country: string) =>
      requestIntroduction(
        t.engine,
        { companyId, name, email: `${name.split(' ')[0]!.toLowerCase()}@example.se`, visitorCompany, country, message: `Hello from ${name}.`, consent: true },
        { siteKeyId: null, origin: null },
      );
    await ask('se-dist', 'Karin Lindqvist', 'Fjällfisk AB', 'SE');
    await ask('fi-pack', 'Ola Nordmann', 'Fisk AS', 'NO');
  }, 60_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await api?.close();
    await t?.close();
  });

  it('signs in once: a second tab is signed in, the page never holds the key, and sign-out ends the session for both', async () => {
    const first = await freshPage();
    await signIn(first, staffKey, '/console/introductions');
    await first.getByRole('heading', { level: 1, name: 'Introduction requests' }).waitFor();
    const [cookie] = await first.context().cookies();
    expect(cookie).toMatchObject({ name: 'nordichub_session', httpOnly: true, sameSite: 'Strict', path: '/api' });
    expect(cookie!.expires * 1000 - Date.now()).toBeGreaterThan(11 * 3600_000);
    const pageHolds = (await first.evaluate('JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }) + document.cookie')) as string;
    expect(pageHolds, 'neither storage nor a script-readable cookie holds the key').not.toContain(staffKey.slice(0, 12));
    expect(pageHolds).not.toContain(cookie!.value);

    // A new tab (as Ctrl+click opens one) on a deep link: no sign-in form.
    const second = await preparedPage(first.context());
    await second.goto(`${api.base}/console/companies/se-dist`);
    await second.getByRole('heading', { level: 1, name: /Nordpack Wholesale AB/ }).waitFor();
    expect(await second.getByLabel('Staff key').count()).toBe(0);
    await expectAccessible(second);

    await second.getByRole('button', { name: 'Sign out' }).click();
    await second.getByLabel('Staff key').waitFor();
    // The first tab's cookie is gone with the session: its next step asks for the key again.
    await nav(first, 'Companies');
    await first.getByLabel('Staff key').waitFor();
    await first.getByText(/Your session has ended/).waitFor();
    const replayed = await request(api.base, 'GET', '/api/v1/me', { headers: { cookie: `${cookie!.name}=${cookie!.value}` } });
    expect(replayed.status, 'the old cookie, sent again, is no one').toBe(401);
    await expectAccessible(first);
    await shot(first, 'signed-out');
  });

  it('lists introductions by company name with the visitor’s company and country, counts the new ones, and shows them on the company page', async () => {
    const page = await freshPage();
    await signIn(page, staffKey);
    const badge = mainNav(page).getByTestId('new-introductions');
    // The badge refreshes on each navigation: read it until the refresh has landed.
    await expect.poll(() => badge.innerText()).toMatch(/^2\s*new$/);
    await nav(page, 'Introductions');
    const karin = page.locator('ol.cards > li').filter({ hasText: 'Karin Lindqvist' });
    await expect(karin.getByRole('heading').innerText()).resolves.toBe('Karin Lindqvist (Fjällfisk AB, Sweden) would like to meet Nordpack Wholesale AB');
    const ola = page.locator('ol.cards > li').filter({ hasText: 'Ola Nordmann' });
    await expect(ola.getByRole('heading').innerText()).resolves.toBe('Ola Nordmann (Fisk AS, Norway) would like to meet Kartonki Packaging Oy');
    await expectAccessible(page);
    await shot(page, 'introductions');

    await karin.getByLabel('Status').selectOption('in-progress');
    await karin.getByRole('button', { name: 'Save' }).click();
    await karin.getByText('Saved.').waitFor();
    const [stored] = (await t.repo.listIntroductions({ companyId: 'se-dist', limit: 1, offset: 0 })).items;
    expect(stored?.status).toBe('in-progress');

    await karin.getByText('Forward to the company').click();
    await karin.getByLabel('Note to the company (optional)').fill('Karin runs a fish farm near Umeå.');
    await karin.getByRole('button', { name: 'Forward by e-mail' }).click();
    await karin.getByText('Forwarded to sven@example.org.').waitFor();
    const mails = readdirSync(outboxDir(t.dir)).filter((f) => f.endsWith('.eml'));
    const forwarded = mails.map((f) => readFileSync(path.join(outboxDir(t.dir), f), 'utf8')).find((m) => /^To: sven@example.org/m.test(m));
    expect(forwarded, 'the request went to the company by mail').toMatch(/Karin runs a fish farm near Ume/);
    expect((await t.repo.getIntroduction(stored!.id))?.status).toBe('introduced');

    await karin.getByRole('link', { name: 'Nordpack Wholesale AB' }).click();
    await page.getByRole('heading', { level: 1, name: /Nordpack Wholesale AB/ }).waitFor();
    await expect.poll(() => badge.innerText(), { message: 'one fewer waits after the change' }).toMatch(/^1\s*new$/);
    const own = page.getByRole('region', { name: 'Introduction requests' });
    await own.getByText('Hello from Karin Lindqvist.').waitFor();
    expect(await own.getByText('Ola Nordmann').count(), 'only this company’s requests').toBe(0);
    await expectAccessible(page);
    expect(await mainNav(page).getByRole('link', { name: 'Keys' }).count(), 'staff manage no keys').toBe(0);
  });

  it('lets an admin create a key (secret shown once) and revoke it, which ends that key’s sessions', async () => {
    const admin = await freshPage();
    await signIn(admin, adminKey);
    await nav(admin, 'Keys');
    await admin.getByRole('heading', { level: 1, name: 'API keys' }).waitFor();
    await expectAccessible(admin);

    await admin.getByLabel('Role').selectOption('staff');
    await admin.getByLabel('Holder').fill(`Sven Svensson ${width}`);
    await admin.getByRole('button', { name: 'Create key' }).click();
    const secret = await admin.getByLabel('Secret').inputValue();
    expect(secret).toMatch(/^sk_/);
    const created = (await t.repo.listApiKeys()).find((k) => k.label === `Sven Svensson ${width}`);
    expect(created).toMatchObject({ role: 'staff', revokedAt: null });
    await admin.getByRole('row', { name: new RegExp(`Sven Svensson ${width}`) }).waitFor();
    expect(await admin.locator('table').innerText(), 'the list shows only the prefix').not.toContain(secret);
    await expectAccessible(admin);
    await shot(admin, 'keys');

    // A site key needs its origins: refused without one, with the field named.
    await admin.getByLabel('Role').selectOption('site');
    await admin.getByLabel('Holder').fill('Partner site');
    await admin.getByLabel('Allowed origins').fill('https://partner.example');
    await admin.getByRole('button', { name: 'Create key' }).click();
    await expect(admin.getByLabel('Secret').inputValue()).resolves.toMatch(/^pk_/);

    // The new holder signs in elsewhere with the secret.
    const sven = await freshPage();
    await signIn(sven, secret);

    await admin.getByRole('button', { name: `Revoke the key of Sven Svensson ${width}` }).click();
    await admin.getByText(`Key of Sven Svensson ${width} revoked.`).waitFor();
    expect((await t.repo.listApiKeys()).find((k) => k.id === created!.id)?.revokedAt).not.toBeNull();
    expect((await request(api.base, 'GET', '/api/v1/me', { key: secret })).status).toBe(403);
    // Sven's next page finds the session gone (the console may already have noticed on its own).
    await sven.goto(`${api.base}/console/companies`);
    await sven.getByLabel('Staff key').waitFor();
    await expectAccessible(admin);
  });
});
