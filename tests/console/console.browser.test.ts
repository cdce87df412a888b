// The staff console in real Chromium, as staff use it: sign in with a staff key, find and open a
// company, judge its suggestions, edit its profile, import a file, handle an introduction
// request, and prepare an event end to end down to the downloaded agenda and calendars. Every
// step is checked in the database, not only on screen; pages pass axe-core (WCAG 2.1 AA); the
// flows run at 1280 px (desktop) and 768 px (tablet) and leave screenshots in test-artifacts/.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, hashKey } from '../../src/api/index.js';
import { createApiKey } from '../../src/use-cases/create-api-key.js';
import { requestIntroduction } from '../../src/use-cases/request-introduction.js';
import { patchEntity } from '../../src/use-cases/write-entities.js';
import { chromiumForFile, consolePageChecks } from '../browser.js';
import { exportSet } from '../fixtures/export-set.js';
import { company } from '../fixtures/small-set.js';
import { createTestEngine, serve, tempDir, type TestEngine } from '../helpers.js';

const ADMIN = 'test-admin-key-console-0123456789';

const browser = chromiumForFile();

describe.each([1280, 768])('the staff console at %i px', (width) => {
  let t: TestEngine;
  let api: Awaited<ReturnType<typeof serve>>;
  let staffKey: string;
  let siteKey: string;
  let page: Page;
  const { shot, expectAccessible, nav } = consolePageChecks(() => page, width);

  beforeAll(async () => {
    t = await createTestEngine({ data: exportSet() });
    api = await serve(buildApp({ engine: () => t.engine, adminKeyHash: hashKey(ADMIN) }));
    staffKey = (await createApiKey(t.repo, { role: 'staff', label: 'Console tester' })).secret;
    siteKey = (await createApiKey(t.repo, { role: 'site', label: 'A partner site', origins: ['https://partner.example'] })).secret;
    await requestIntroduction(
      t.engine,
      {
        companyId: 'se-dist',
        name: 'Liisa Meri',
        email: 'liisa@example.fi',
        country: 'FI',
        message: 'We would like to meet Nordpack about distribution.',
        consent: true,
      },
      { siteKeyId: null, origin: null },
    );
    page = await browser().newPage({ viewport: { width, height: 900 } });
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (err) => {
      throw err;
    });
  }, 60_000);

  afterAll(async () => {
    await page?.close();
    await api?.close();
    await t?.close();
  });

  it('lets in staff keys only', async () => {
    await page.goto(`${api.base}/console/companies`);
    await page.getByLabel('Staff key').fill(siteKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('Could not sign in.').waitFor();
    await expect(page.getByRole('navigation', { name: 'Main' }).count()).resolves.toBe(0);
    await page.getByLabel('Staff key').fill(staffKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Companies' }).waitFor();
  });

  it('shows the funders’ figures as charts', async () => {
    await nav('Dashboard');
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.getByText('Companies per country').waitFor();
    // Five charts; one with nothing counted yet (no introductions in this data) says so instead of drawing a bare axis.
    expect(await page.locator('figure.chart').count()).toBe(5);
    const empty = page.locator('figure.chart').filter({ hasText: 'No data yet.' });
    expect(await empty.count()).toBeGreaterThan(0);
    expect(await empty.locator('canvas').count()).toBe(0);
    expect((await page.locator('figure.chart canvas').count()) + (await empty.count())).toBe(5);
    expect(await page.locator('.tile').first().innerText()).toMatch(new RegExp(`^${await t.repo.count('company')}\\s+companies`));
    await page.getByText('Show the numbers').first().click();
    const byCountry = (await page.locator('figure.chart').first().locator('tbody tr').allInnerTexts()).map((r) => r.replace(/\s+/g, ' '));
    const companies = (await t.repo.list('company', { limit: 500, offset: 0 })).items;
    const sweden = companies.filter((c) => c.country === 'SE').length;
    expect(sweden).toBeGreaterThan(0);
    expect(byCountry).toContain(`Sweden ${sweden}`);
    await expectAccessible();
    await shot('dashboard');
  });

  it('finds companies by words and country, and opens one with suggestions beside both profiles', async () => {
    await nav('Companies');
    await page.getByLabel('Words in name or description').fill('packaging');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: 'Nordpack Wholesale AB' }).waitFor();
    const rows = page.locator('table.list tbody tr');
    const found = await rows.allInnerTexts();
    expect(found.some((r) => r.includes('Kartonki Packaging Oy'))).toBe(true);
    expect(found.some((r) => r.includes('Kodverket'))).toBe(false); // a software house: no packaging
    await page.getByLabel('Country').selectOption('SE');
    await page.waitForURL(/country=SE/);
    await page.getByText(/^1 company found/).waitFor();
    expect(await rows.allInnerTexts()).toEqual([expect.stringMatching(/Nordpack Wholesale AB\s+SE/)]);
    await page.getByLabel('Country').selectOption('');
    await page.getByText(`${found.length} companies found`).waitFor();
    await expectAccessible();
    await page.getByRole('link', { name: 'Kartonki Packaging Oy' }).click();

    await page.getByRole('heading', { level: 1, name: /Kartonki Packaging Oy/ }).waitFor();
    const partners = page.getByRole('region', { name: 'Partners abroad' });
    const first = partners.locator('ol.suggestions > li').first();
    await expect(first.locator('.name').innerText()).resolves.toMatch(/Nordpack Wholesale AB/);
    // The chosen suggestion's full profile (staff see its contact) beside the company's own.
    const detail = page.getByRole('region', { name: 'Nordpack Wholesale AB' });
    await detail.getByText('sven@example.org').waitFor();
    await expect(detail.getByRole('heading', { name: 'Why' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('region', { name: 'Profile' }).getByText('anna.virtanen@example.org').isVisible()).resolves.toBe(true);
    const opportunities = page.getByRole('region', { name: 'Export opportunities' });
    await opportunities.getByText('Swedish grocery chain seeks packaging supplier').waitFor();
    await expect(opportunities.getByText('Finnish grocery chain seeks packaging supplier').count()).resolves.toBe(0); // same country
    await expectAccessible();
    await shot('company');
  });

  it('opens a cluster with its sister clusters abroad, and an opportunity with the companies it fits', async () => {
    await nav('Clusters');
    await page.getByRole('link', { name: 'Finnish Packaging Cluster' }).click();
    await page.getByRole('heading', { level: 1, name: /Finnish Packaging Cluster/ }).waitFor();
    await page.getByRole('region', { name: 'Profile' }).getByRole('link', { name: 'Kartonki Packaging Oy' }).waitFor();
    const sisters = page.getByRole('region', { name: 'Clusters abroad to work with' }).locator('ol.cards > li');
    await sisters.first().waitFor();
    const countries = await sisters.locator('h3 abbr').allInnerTexts();
    expect(countries.length).toBeGreaterThan(0);
    expect(countries).not.toContain('FI'); // across the border only
    await expectAccessible();

    await nav('Opportunities');
    await page.getByRole('link', { name: 'Swedish grocery chain seeks packaging supplier' }).click();
    const fits = page.getByRole('region', { name: 'Companies abroad it fits' });
    await fits.getByRole('link', { name: 'Kartonki Packaging Oy' }).waitFor();
    await fits.getByText('anna.virtanen@example.org').waitFor(); // staff see whom to alert
    await expectAccessible();
    // Back to the company by its address (a reload: the tab keeps the sign-in).
    await page.goto(`${api.base}/console/companies/fi-pack`);
    await page.getByRole('heading', { level: 1, name: /Kartonki Packaging Oy/ }).waitFor();
  });

  it('stores a verdict per suggestion, and withdraws it when pressed again', async () => {
    const partners = page.getByRole('region', { name: 'Partners abroad' });
    const good = partners.locator('ol.suggestions > li').first().getByRole('button', { name: 'Good match' });
    await good.click();
    await expect.poll(() => good.getAttribute('aria-pressed')).toBe('true');
    const opp = page.getByRole('region', { name: 'Export opportunities' }).locator('ol.suggestions > li').first();
    const oppId = (await opp.locator('.name').innerText()).includes('Swedish grocery') ? 'op-se-boxes' : undefined;
    await opp.getByRole('button', { name: 'Wrong' }).click();
    await expect.poll(() => opp.getByRole('button', { name: 'Wrong' }).getAttribute('aria-pressed')).toBe('true');
    const stored = (await t.repo.listFeedback({ companyId: 'fi-pack', limit: 10, offset: 0 })).items;
    expect(stored.map((f) => [f.kind, f.candidateId, f.verdict]).sort()).toEqual([
      ['opportunity', oppId ?? expect.any(String), 'wrong'],
      ['partner', 'se-dist', 'good'],
    ]);
    expect(stored.find((f) => f.kind === 'partner')!.score).toBeGreaterThan(0);

    await opp.getByRole('button', { name: 'Wrong' }).click();
    await expect.poll(() => opp.getByRole('button', { name: 'Wrong' }).getAttribute('aria-pressed')).toBe('false');
    expect((await t.repo.listFeedback({ companyId: 'fi-pack', limit: 10, offset: 0 })).items.map((f) => f.verdict)).toEqual(['good']);
  });

  it('edits a profile: field errors next to the field and nothing saved, then saved', async () => {
    await page.getByRole('link', { name: 'Edit profile' }).click();
    await page.getByRole('heading', { level: 1, name: 'Edit Kartonki Packaging Oy' }).waitFor();
    await page.getByLabel('Needs').fill('A distributor of paper packaging in Norway.');
    await page.getByLabel('Contact e-mail (private)').fill('not an address');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('alert').getByText('Nothing was saved.').waitFor();
    await expect(page.getByLabel('Contact e-mail (private)').getAttribute('aria-invalid')).resolves.toBe('true');
    expect((await t.repo.get('company', 'fi-pack'))!.needs).toMatch(/^A wholesale distributor/);
    await expectAccessible();
    await shot('edit');

    await page.getByLabel('Contact e-mail (private)').fill('anna@kartonki.example');
    await page.getByRole('group', { name: 'Sectors' }).getByLabel('Food').check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    // Saved: back on the company's page (its heading alone would also match the edit page's).
    await page.waitForURL(/\/console\/companies\/fi-pack$/);
    const saved = (await t.repo.get('company', 'fi-pack'))!;
    expect(saved).toMatchObject({ needs: 'A distributor of paper packaging in Norway.', contactEmail: 'anna@kartonki.example' });
    expect(saved.sectors).toContain('food');
    await page.getByText('A distributor of paper packaging in Norway.').waitFor();
  });

  it('tells staff when someone else changed the profile meanwhile: nothing overwritten, a reload offered', async () => {
    await page.getByRole('link', { name: 'Edit profile' }).click();
    await page.getByRole('heading', { level: 1, name: 'Edit Kartonki Packaging Oy' }).waitFor();
    // A colleague saves a note while this form is open.
    await patchEntity(t.engine, 'company', 'fi-pack', { notes: 'Changed by a colleague.' });
    await page.getByLabel('Phone (private)').fill('+358 40 555 0101');
    await page.getByRole('button', { name: 'Save changes' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('Someone else changed this company meanwhile.').waitFor();
    expect((await t.repo.get('company', 'fi-pack'))!).toMatchObject({ notes: 'Changed by a colleague.', contactPhone: '+358 40 000 0001' });
    await alert.getByRole('button', { name: 'Reload the profile' }).click();
    await expect.poll(() => page.getByLabel('Staff notes (private)').inputValue()).toBe('Changed by a colleague.');
    await page.getByLabel('Phone (private)').fill('+358 40 555 0101');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(/\/console\/companies\/fi-pack$/);
    expect((await t.repo.get('company', 'fi-pack'))!).toMatchObject({ notes: 'Changed by a colleague.', contactPhone: '+358 40 555 0101' });
  });

  it('imports a file with progress, and lists every problem of a bad one without importing it', async () => {
    const dir = tempDir('nh-console-import-');
    const bad = path.join(dir.dir, 'bad.json');
    const good = path.join(dir.dir, 'good.json');
    writeFileSync(
      bad,
      JSON.stringify({ companies: [company({ id: 'fo-new', country: 'XX' as never }), company({ id: 'is-new', country: 'IS', description: '' })] }),
    );
    // Large enough that the import takes seconds and the page shows it under way.
    const many = Array.from({ length: 5_999 }, (_, i) =>
      company({ id: `gen-${i}`, country: (['FI', 'SE', 'NO', 'DK', 'IS'] as const)[i % 5]!, description: `Generated maker ${i} of sensors and packaging.` }),
    );
    writeFileSync(
      good,
      JSON.stringify({
        companies: [company({ id: 'fo-new', country: 'FO', name: 'Føroya Fisk', description: 'Fish exporter in the Faroe Islands.' }), ...many],
      }),
    );
    await nav('Import');
    await page.getByLabel('Data set file').setInputFiles(bad);
    await page.getByRole('button', { name: 'Import' }).click();
    const problem = page.getByRole('alert');
    await problem.getByText('Nothing was imported.').waitFor();
    await expect(problem.innerText()).resolves.toMatch(/companies\[0\]\.country/);
    await expect(problem.innerText()).resolves.toMatch(/companies\[1\]\.description/);
    expect(await t.repo.get('company', 'fo-new')).toBeNull();
    await expectAccessible();

    await page.getByLabel('Data set file').setInputFiles(good);
    // Every progress line the page shows, however briefly.
    await page.evaluate(`window.progressSeen = new Set();
      new MutationObserver(() => document.querySelectorAll('.progress .count').forEach((e) => window.progressSeen.add(e.textContent)))
        .observe(document.body, { subtree: true, childList: true, characterData: true });`);
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByRole('heading', { name: 'Imported' }).waitFor({ timeout: 60_000 });
    await page.getByText('Companies: 6000 new, 0 updated.').waitFor();
    const seen = (await page.evaluate('[...window.progressSeen]')) as string[];
    expect(seen.some((line) => /^[\d,]+ of 6,000 profiles$/.test(line))).toBe(true);
    expect((await t.repo.get('company', 'fo-new'))?.name).toBe('Føroya Fisk');
    await shot('import');
    dir.cleanup();
  });

  it('handles an introduction request from the widget', async () => {
    await nav('Introductions');
    const card = page.locator('ol.cards > li').filter({ hasText: 'Liisa Meri' });
    await card.getByText('We would like to meet Nordpack about distribution.').waitFor();
    await card.getByLabel('Status').selectOption('introduced');
    await card.getByLabel('Staff note').fill('Introduced by e-mail to Sven.');
    await card.getByRole('button', { name: 'Save' }).click();
    await card.getByText('Saved.').waitFor();
    const [stored] = (await t.repo.listIntroductions({ limit: 1, offset: 0 })).items;
    expect(stored).toMatchObject({ status: 'introduced', staffNote: 'Introduced by e-mail to Sven.' });
    await expectAccessible();
  });

  it('prepares an event end to end: participants, wishes, schedule, pin, remove, re-run, downloads', async () => {
    await nav('Events');
    await page.getByRole('heading', { level: 1, name: 'Events' }).waitFor();
    await expectAccessible();
    await page.getByLabel('Name').fill('Nordic Packaging Day');
    await expect(page.getByLabel('Id').inputValue()).resolves.toBe('nordic-packaging-day');
    await page.getByLabel('Date').fill('2027-03-10');
    await page.getByLabel('Venue time zone').selectOption('Europe/Stockholm');
    await page.getByLabel('Meeting slots').fill('4');
    await page.getByLabel('Tables').fill('3');
    await page.getByLabel('Meetings each, at least').fill('1');
    await page.getByRole('button', { name: 'Create event' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nordic Packaging Day' }).waitFor();
    expect((await t.repo.getEvent('nordic-packaging-day'))?.slots.map((s) => s.start.slice(11, 16))).toEqual(['09:00', '09:25', '09:50', '10:15']);

    for (const name of ['Kartonki', 'Nordpack', 'Fjordlaks', 'Mælir', 'Smørrebrød', 'Kodverket']) {
      await page.getByLabel('Add a company').fill(name);
      await page.getByRole('button', { name: 'Find' }).click();
      await page.getByRole('button', { name: new RegExp(`^Add ${name}`) }).click();
      await page.getByRole('row').filter({ hasText: name }).waitFor();
    }
    expect((await t.repo.getEvent('nordic-packaging-day'))?.participants).toHaveLength(6);

    await page.getByRole('button', { name: 'Suggestions for Kartonki Packaging Oy' }).click();
    const suggestion = page.getByRole('region', { name: 'Suggested meetings' }).locator('ol.cards > li').filter({ hasText: 'Nordpack Wholesale AB' });
    await suggestion.getByLabel('Wish').selectOption('1');
    await expect
      .poll(async () => (await t.repo.getEvent('nordic-packaging-day'))?.participants.find((p) => p.companyId === 'fi-pack')?.wishes)
      .toEqual([{ companyId: 'se-dist', priority: 1 }]);
    await expectAccessible();

    await page.getByRole('button', { name: 'Generate the schedule' }).click();
    const grid = page.locator('table.grid');
    await grid.waitFor();
    let event = (await t.repo.getEvent('nordic-packaging-day'))!;
    expect(event.agenda!.length).toBeGreaterThan(2);
    expect(event.agenda!.some((m) => [m.a, m.b].sort().join() === 'fi-pack,se-dist')).toBe(true);
    await page.getByRole('status').filter({ hasText: 'wishes met' }).waitFor();
    await expect(grid.locator('tbody tr').count()).resolves.toBe(4);
    await shot('event');

    // Pin the first meeting in the grid, remove another, re-run: the pin holds, the pair is gone.
    const pinButton = grid.getByRole('button', { name: /^Pin / }).first();
    const pinLabel = (await pinButton.getAttribute('aria-label'))!;
    await pinButton.click();
    // The pinned cell's button now unpins, and says so.
    await grid.getByRole('button', { name: `Unpin${pinLabel.slice(3)}`, exact: true }).waitFor();
    await page
      .locator('#announcer')
      .getByText(/^Pinned the meeting of/)
      .waitFor();
    event = (await t.repo.getEvent('nordic-packaging-day'))!;
    expect(event.pins).toHaveLength(1);
    const pin = event.pins[0]!;
    const other = event.agenda!.find((m) => !m.pinned && [m.a, m.b].sort().join() !== [pin.a, pin.b].sort().join())!;
    const names = new Map((await t.repo.getMany('company', [other.a, other.b])).map((c) => [c.id, c.name]));
    await grid.getByRole('button', { name: `Remove the meeting of ${names.get(other.a)} and ${names.get(other.b)}` }).click();
    await page.getByRole('heading', { name: 'Removed pairs' }).waitFor();
    await page.getByRole('button', { name: 'Re-run the schedule' }).click();
    await expect.poll(async () => (await t.repo.getEvent('nordic-packaging-day'))!.scheduledAt).not.toBe(event.scheduledAt);
    event = (await t.repo.getEvent('nordic-packaging-day'))!;
    expect(event.agenda).toContainEqual({ ...pin, pinned: true });
    expect(event.agenda!.some((m) => [m.a, m.b].sort().join() === [other.a, other.b].sort().join())).toBe(false);

    const csvDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download agenda (CSV)' }).click();
    const csv = await csvDownload;
    expect(csv.suggestedFilename()).toBe('nordic-packaging-day-agenda.csv');
    const rows = parse(readFileSync((await csv.path())!, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(event.agenda!.length);

    const icsDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Calendar file for Kartonki Packaging Oy' }).click();
    const ics = readFileSync((await (await icsDownload).path())!, 'utf8');
    expect(ics).toMatch(/BEGIN:VCALENDAR/);
    expect(ics).toMatch(/TZID=Europe\/Stockholm/);
    expect(ics.match(/BEGIN:VEVENT/g)?.length).toBe(event.agenda!.filter((m) => m.a === 'fi-pack' || m.b === 'fi-pack').length);
    await expectAccessible();
    await shot('event-rerun');
  });

  it('counts the work in the dashboard', async () => {
    await nav('Dashboard');
    await page.getByText('Cross-border matches, suggested and accepted').waitFor();
    await page.locator('figure.chart').nth(1).getByText('Show the numbers').click();
    const rows = (await page.locator('figure.chart').nth(1).locator('tbody tr').allInnerTexts()).map((r) => r.replace(/\s+/g, ' '));
    // One introduction request (introduced), one suggestion reviewed and judged good; the event's
    // meetings are suggested, and not accepted while the event has not yet taken place.
    expect(rows).toContain('Introductions 1 1');
    expect(rows).toContain('Reviewed in the console 1 1');
    expect(rows.find((r) => r.startsWith('Event meetings'))).toMatch(/^Event meetings [1-9]\d* 0$/);
  });
});
