// The event pages of the staff console in real Chromium, as staff prepare a 30-company event:
// bulk add from a pasted list (names typed without Nordic letters), availability, blocks, a
// wish for a participant outside the suggestions, the schedule, a late registration, moving a
// meeting, editing the event (with a concurrent change), sending agendas and printing the
// hand-outs. Every step is checked in the database; the new views pass axe-core (WCAG 2.1 AA).
// Mail goes over SMTP_URL to a real local SMTP server, which parses what it receives.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, hashKey } from '../../src/api/index.js';
import { loadConfig } from '../../src/config.js';
import { createMailer, type Mailer } from '../../src/mail/index.js';
import { foldText } from '../../src/domain/search-words.js';
import type { CompanyInput, DatasetInput } from '../../src/domain/index.js';
import { createApiKey } from '../../src/use-cases/create-api-key.js';
import { createEvent, patchEvent, patchParticipant } from '../../src/use-cases/events.js';
import { accessibilityViolations, ARTIFACTS, launchChromium } from '../browser.js';
import { exportSet } from '../fixtures/export-set.js';
import { company } from '../fixtures/small-set.js';
import { createTestEngine, serve, type TestEngine } from '../helpers.js';
import { startTestSmtpServer, type TestSmtpServer } from '../mail/smtp-test-server.js';

const ADMIN = 'test-admin-key-event-console-0123456789';
const EVENT_ID = 'fjord-day';

const WORDS = [
  'Laxøga',
  'Fjärdsjö',
  'Ísfirðingur',
  'Smørbakke',
  'Åsbrekka',
  'Kärrhöök',
  'Þórsnes',
  'Bølgetek',
  'Hafgæði',
  'Mölnbacka',
  'Jökulsá',
  'Skärgårds',
  'Sæból',
  'Ørneredet',
  'Trævarer',
  'Væröy',
  'Söderkött',
  'Næringsliv',
  'Grønnkraft',
  'Sjöström',
  'Höfðabakki',
  'Åkerö',
  'Fiskebåt',
  'Dýrafjörður',
  'Lövånger',
  'Rødberg',
  'Bjørkelund',
  'Kärnkraft',
  'Vesturbær',
  'Tørrfisk',
];
const COUNTRIES = [
  ['FI', 'Oy'],
  ['SE', 'AB'],
  ['NO', 'AS'],
  ['DK', 'ApS'],
  ['IS', 'ehf'],
] as const;
const SECTORS = ['aquaculture', 'food', 'ict', 'energy', 'maritime', 'logistics'] as const;
const GUESTS: CompanyInput[] = WORDS.map((word, i) => {
  const [country, form] = COUNTRIES[i % COUNTRIES.length]!;
  return company({
    id: `guest-${i + 1}`,
    country,
    name: `${word} ${form}`,
    sectors: [SECTORS[i % SECTORS.length]!],
    description: `${word} works in ${SECTORS[i % SECTORS.length]} and looks for partners across the Nordics.`,
    offers: `Services in ${SECTORS[(i + 1) % SECTORS.length]}.`,
    needs: `Partners in ${SECTORS[(i + 2) % SECTORS.length]}.`,
    // Two in three keep a contact e-mail: the others are skipped when agendas are mailed.
    ...(i % 3 === 2 ? {} : { contactEmail: `events@${foldText(word).replace(/[^a-z]/g, '')}.example` }),
  });
});
const dataset = (): DatasetInput => {
  const base = exportSet();
  return { ...base, companies: [...(base.companies ?? []), ...GUESTS] };
};
// As staff would type them from a printed list: no Nordic letters, no accents, one without its form.
const PASTED = GUESTS.map((c, i) => (i === 3 ? foldText(c.name).split(' ')[0]! : foldText(c.name)));

let browser: Browser;
let t: TestEngine;
let api: Awaited<ReturnType<typeof serve>>;
let page: Page;
let smtp: TestSmtpServer;
let mailer: Mailer;
const event = async () => (await t.repo.getEvent(EVENT_ID))!;
const participant = async (id: string) => (await event()).participants.find((p) => p.companyId === id)!;
const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `event-console-${name}.png`), fullPage: true });
const openBulkAdd = async () => {
  if ((await page.locator('details.bulk-add').getAttribute('open')) === null) await page.getByText('Add many companies').click();
};
const expectAccessible = async () => expect(await accessibilityViolations(page)).toEqual([]);

beforeAll(async () => {
  browser = await launchChromium();
  t = await createTestEngine({ data: dataset() });
  smtp = await startTestSmtpServer();
  // The mailer the service builds from its settings, as `SMTP_URL=… MAIL_FROM=… npm start` would.
  const config = loadConfig({ ...process.env, DATA_DIR: t.dir, SMTP_URL: smtp.url, MAIL_FROM: 'NordicHub Events <events@nordichub.test>' });
  mailer = createMailer(config.mail, config.dataDir);
  api = await serve(buildApp({ engine: () => ({ ...t.engine, mailer }), adminKeyHash: hashKey(ADMIN) }));
  const staffKey = (await createApiKey(t.repo, { role: 'staff', label: 'Event console tester' })).secret;
  await createEvent(t.engine, {
    id: EVENT_ID,
    name: 'Fjord Day',
    timeZone: 'Europe/Oslo',
    date: '2030-05-14',
    start: '09:00',
    slotMinutes: 20,
    slotCount: 6,
    gapMinutes: 5,
    tables: 10,
    minMeetings: 2,
    maxMeetings: 3,
  }); // at most 45 meetings in 60 places: room to move one
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (err) => {
    throw err;
  });
  page.on('dialog', (d) => void d.accept());
  await page.goto(`${api.base}/console/events/${EVENT_ID}`);
  await page.getByLabel('Staff key').fill(staffKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Fjord Day' }).waitFor();
}, 120_000);

afterAll(async () => {
  await page?.close();
  await browser?.close();
  await api?.close();
  await mailer?.close();
  await smtp?.close();
  await t?.close();
});

describe('the event console', () => {
  it('adds 30 participants from a pasted list after a review of the matches', async () => {
    await openBulkAdd();
    await page.getByLabel('Company names, one per line').fill(PASTED.join('\n'));
    await page.getByRole('button', { name: 'Match names' }).click();
    await page.getByRole('heading', { name: 'Review the matches' }).waitFor();
    const chosen = await page.locator('.review select[id^="bulk-choice-"]').evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value));
    expect(chosen).toEqual(GUESTS.map((c) => c.id));
    await expectAccessible();
    await shot('bulk-review');
    await page.getByRole('button', { name: 'Add 30 companies' }).click();
    await page.locator('#announcer').getByText('30 companies added.').waitFor();
    expect((await event()).participants.map((p) => p.companyId)).toEqual(GUESTS.map((c) => c.id));
  });

  it('sets one participant’s availability and blocks', async () => {
    await page.getByRole('button', { name: 'Suggestions for Laxøga Oy' }).click();
    const settings = page.getByRole('region', { name: 'Availability, blocks and wishes of Laxøga Oy' });
    await settings.getByLabel('09:00').uncheck();
    await settings.getByRole('button', { name: 'Save availability' }).click();
    await expect.poll(async () => (await participant('guest-1')).availability).toEqual([1, 2, 3, 4, 5]);
    await settings.getByLabel('Block', { exact: true }).selectOption({ label: 'Fjärdsjö AB' });
    await settings.getByRole('button', { name: 'Block', exact: true }).click();
    await expect.poll(async () => (await participant('guest-1')).blocks).toEqual(['guest-2']);
    await settings.getByRole('button', { name: 'Allow Fjärdsjö AB again' }).waitFor();
    await expectAccessible();
  });

  it('records a wish for a participant outside the suggestions, shown as received on the other side', async () => {
    const suggested = page.getByRole('region', { name: 'Suggested meetings' }).locator('ol.cards > li h3');
    await suggested.first().waitFor();
    const shown = (await suggested.allInnerTexts()).join('\n');
    const target = GUESTS.find((c) => c.id !== 'guest-1' && c.id !== 'guest-2' && !shown.includes(c.name))!;
    expect(target).toBeDefined();
    const settings = page.getByRole('region', { name: 'Availability, blocks and wishes of Laxøga Oy' });
    await settings.getByLabel('Wish to meet (search participants)').fill(foldText(target.name).slice(0, 6));
    await settings.getByLabel('Priority').selectOption('1');
    await settings.getByRole('button', { name: `Wish to meet ${target.name}` }).click();
    await expect.poll(async () => (await participant('guest-1')).wishes).toEqual([{ companyId: target.id, priority: 1 }]);
    await page.getByRole('button', { name: `Suggestions for ${target.name}` }).click();
    await page.getByRole('list', { name: 'Wishes received' }).getByText('Laxøga Oy').waitFor();
  });

  it('schedules with every table on screen at 1280 px', async () => {
    await page.getByRole('button', { name: 'Generate the schedule' }).click();
    const grid = page.locator('table.grid');
    await grid.waitFor();
    await page.getByRole('status').filter({ hasText: 'wishes met' }).waitFor();
    const e = await event();
    expect(e.agenda!.length).toBeGreaterThan(30);
    expect(e.agenda!.some((m) => [m.a, m.b].includes('guest-1') && [m.a, m.b].includes('guest-2'))).toBe(false);
    expect(e.agenda!.some((m) => [m.a, m.b].includes('guest-1') && m.slot === 0)).toBe(false);
    const lastTable = await grid.getByRole('columnheader', { name: 'Table 10' }).boundingBox();
    expect(lastTable!.x + lastTable!.width).toBeLessThanOrEqual(1280);
    // A larger event scrolls inside the grid's box: the time column and the table header stay in view.
    // Runs in the page, where globalThis is the window (this file is compiled without the DOM library).
    const positionOf = (cell: ReturnType<typeof grid.locator>) =>
      cell.evaluate((e) => (globalThis as unknown as { getComputedStyle(el: unknown): { position: string } }).getComputedStyle(e).position);
    await expect(positionOf(grid.locator('tbody th').first())).resolves.toBe('sticky');
    await expect(positionOf(grid.getByRole('columnheader', { name: 'Table 1', exact: true }))).resolves.toBe('sticky');
    await shot('scheduled');
    await expectAccessible();
  });

  it('moves a meeting to a free place, checked by the service', async () => {
    const before = await event();
    const meeting = before.agenda!.find((m) => ![m.a, m.b].includes('guest-1'))!;
    const names = new Map(GUESTS.map((c) => [c.id, c.name]));
    const label = `${names.get(meeting.a)} and ${names.get(meeting.b)}`;
    await page.getByRole('button', { name: `Move the meeting of ${label}`, exact: true }).click();
    const target = page.getByLabel('Move to');
    const option = (await target.locator('option').allInnerTexts())[1]!;
    await target.selectOption({ label: option });
    await page.getByRole('button', { name: 'Move here' }).click();
    await page.locator('#announcer').getByText(`Moved the meeting of ${label}`).waitFor();
    const after = await event();
    const pin = after.pins.find((p) => p.a === meeting.a && p.b === meeting.b)!;
    expect(after.agenda).toContainEqual({ ...pin, pinned: true });
    expect(`${option}`).toContain(`table ${pin.table + 1}`);
  });

  it('refuses a move that breaks a rule, saying why, and changes nothing', async () => {
    // Laxøga is (or becomes, behind the page) unavailable at a time that still has a free table.
    const before = await event();
    const ofLaxoga = before.agenda!.filter((m) => [m.a, m.b].includes('guest-1'));
    const slot = before.slots.findIndex((_, s) => !ofLaxoga.some((m) => m.slot === s) && before.agenda!.filter((m) => m.slot === s).length < before.tables);
    expect(slot).toBeGreaterThanOrEqual(0);
    await patchParticipant(t.engine, EVENT_ID, 'guest-1', { availability: (await participant('guest-1')).availability.filter((s) => s !== slot) });
    await page.reload();
    const meeting = ofLaxoga[0]!;
    const other = GUESTS.find((c) => c.id === (meeting.a === 'guest-1' ? meeting.b : meeting.a))!.name;
    const label = meeting.a === 'guest-1' ? `Laxøga Oy and ${other}` : `${other} and Laxøga Oy`;
    await page.getByRole('button', { name: `Move the meeting of ${label}`, exact: true }).click();
    const target = page.getByLabel('Move to');
    const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Oslo' }).format(new Date(before.slots[slot]!.start));
    const offered = (await target.locator('option').allInnerTexts()).find((o) => o.startsWith(time))!;
    await target.selectOption({ label: offered });
    await page.getByRole('button', { name: 'Move here' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Not moved.' });
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(/availab/i);
    const after = await event();
    expect([after.pins, after.agenda]).toEqual([before.pins, before.agenda]);
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('takes a late registration, re-runs keeping the meetings, lists the changes and mails the agendas', async () => {
    await page.getByLabel('Add a company').fill('Kodverket');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('button', { name: /^Add Kodverket/ }).click();
    await page.getByRole('row').filter({ hasText: 'Kodverket AB' }).waitFor();
    const before = await event();
    await page.getByLabel('Keep meetings where they are').check();
    await page.getByRole('button', { name: 'Re-run the schedule' }).click();
    await expect.poll(async () => (await event()).scheduledAt).not.toBe(before.scheduledAt);
    const e = await event();
    expect(e.agenda!.some((m) => m.a === 'se-soft' || m.b === 'se-soft')).toBe(true);
    await page
      .locator('#announcer')
      .getByText(/^Schedule re-run/)
      .waitFor();
    // The change list names the newcomer with its new meetings, and every participant the run changed.
    const changeList = page.getByRole('region', { name: 'What the last run changed' });
    await changeList.getByRole('heading', { name: 'Kodverket AB' }).waitFor();
    await expect(changeList.getByText(/^New: /).count()).resolves.toBeGreaterThan(0);
    const changed = e.changes!.participants.map((p) => p.companyId);
    expect(changed).toContain('se-soft');
    await expect(changeList.getByRole('heading', { level: 3 }).count()).resolves.toBe(changed.length);
    const kept = before.agenda!.filter((m) => e.agenda!.some((n) => n.a === m.a && n.b === m.b && n.slot === m.slot && n.table === m.table));
    expect(kept.length / before.agenda!.length).toBeGreaterThanOrEqual(0.9);

    // Nobody was mailed before: every participant with a contact e-mail gets its agenda with the .ics.
    const addresses = new Map(
      (
        await t.repo.getMany(
          'company',
          e.participants.map((p) => p.companyId),
        )
      ).flatMap((c) => (c.contactEmail ? [[c.contactEmail, c.id] as const] : [])),
    );
    expect(addresses.size).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Send agendas' }).click();
    await page.getByText(`Sent ${addresses.size}, skipped ${e.participants.length - addresses.size}.`).waitFor();
    await smtp.waitForCount(addresses.size);
    expect(smtp.received.map((m) => m.envelopeTo[0]).sort()).toEqual([...addresses.keys()].sort());
    for (const mail of smtp.received) {
      const id = addresses.get(mail.envelopeTo[0]!)!;
      const meetings = e.agenda!.filter((m) => m.a === id || m.b === id);
      const calendar = mail.attachments.find((a) => a.filename?.endsWith('.ics'))!.content.toString('utf8');
      // One entry per meeting, beside any the re-run cancelled (sent as cancelled so calendars drop them).
      const cancelled = (calendar.match(/STATUS:CANCELLED/g) ?? []).length;
      expect((calendar.match(/BEGIN:VEVENT/g) ?? []).length - cancelled).toBe(meetings.length);
      expect(calendar).toContain('TZID=Europe/Oslo');
    }
    await expectAccessible();
    await shot('rerun');
  });

  it('edits the event with If-Match: a concurrent change is not overwritten, a past date is flagged', async () => {
    await page.getByText('Edit or delete the event').click();
    await page.getByLabel('Event name').fill('Fjord Day 2030');
    await page.getByRole('button', { name: 'Add a break' }).click();
    await page.getByLabel('Break 1 after meeting').fill('3');
    await page.getByLabel('Break 1 minutes').fill('15');
    await page.getByRole('button', { name: 'Save the event' }).click();
    await page.getByRole('heading', { level: 1, name: 'Fjord Day 2030' }).waitFor();
    const e = await event();
    expect(e.plan.breaks).toEqual([{ afterSlot: 2, minutes: 15 }]);
    expect(e.participants).toHaveLength(31);

    await page.getByText('Edit or delete the event').click();
    await page.getByLabel('Event date').fill('2020-01-10');
    await page.getByText('This date has already passed in Europe/Oslo').waitFor();
    await patchEvent(t.engine, EVENT_ID, { tables: 9 }); // someone else, meanwhile
    await page.getByRole('button', { name: 'Save the event' }).click();
    await page
      .getByRole('alert')
      .getByText(/Someone else changed this event meanwhile/)
      .waitFor();
    expect((await event()).plan.date).toBe('2030-05-14');
    await expectAccessible();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Fjord Day 2030' }).waitFor();
  });

  it('prints one agenda page per participant in the venue’s time, without the console around it', async () => {
    await page.getByRole('button', { name: 'Generate the schedule' }).click();
    await page.locator('table.grid').waitFor();
    const e = await event();
    await page.getByRole('link', { name: 'Hand-outs to print' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hand-outs: Fjord Day 2030' }).waitFor();
    await expectAccessible();
    const sheets = page.locator('section.handout');
    await expect(sheets.count()).resolves.toBe(31);
    await page.emulateMedia({ media: 'print' });
    const breaks = await sheets.evaluateAll((els) =>
      els.map((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { breakBefore: string } }).getComputedStyle(el).breakBefore),
    );
    expect(breaks).toEqual(['auto', ...Array(30).fill('page')]);
    await expect(page.locator('header.top').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: 'Print' }).isVisible()).resolves.toBe(false);
    const laxoga = sheets.filter({ hasText: 'Laxøga Oy' }).first();
    const first = e.agenda!.filter((m) => m.a === 'guest-1' || m.b === 'guest-1').sort((x, y) => x.slot - y.slot)[0]!;
    const oslo = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Oslo' }).format(new Date(e.slots[first.slot]!.start));
    await expect(laxoga.locator('tbody tr').first().innerText()).resolves.toMatch(new RegExp(`^${oslo}–\\d\\d:\\d\\d\\s+${first.table + 1}\\s`));
    const pdf = await page.pdf({ format: 'A4' });
    writeFileSync(path.join(ARTIFACTS, 'event-console-agendas.pdf'), pdf);
    await page.setViewportSize({ width: 800, height: 1100 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'event-console-agenda-print.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBe(31);
    await page.emulateMedia({ media: 'screen' });
    await page.getByLabel('Print').selectOption('cards');
    await expect(page.locator('section.table-card').count()).resolves.toBe(9);
    await expectAccessible();
    await shot('handouts');
  });

  it('creates a company for a line that matches none, and skips one already registered', async () => {
    await page.getByRole('link', { name: 'Back to the event' }).click();
    await page.getByRole('heading', { level: 1, name: 'Fjord Day 2030' }).waitFor();
    await openBulkAdd();
    await page.getByLabel('Company names, one per line').fill('Qvist Fjordbrew Cidery\nlaxoga oy');
    await page.getByRole('button', { name: 'Match names' }).click();
    await page.getByRole('heading', { name: 'Review the matches' }).waitFor();
    await expect(page.getByLabel('Company for “Qvist Fjordbrew Cidery”').inputValue()).resolves.toBe(':create');
    await page.getByLabel('Country of “Qvist Fjordbrew Cidery”').selectOption('NO');
    await page.getByLabel('What “Qvist Fjordbrew Cidery” does').fill('Cider from fjord apples, looking for Nordic distributors.');
    await expectAccessible();
    await page.getByRole('button', { name: 'Add 2 companies' }).click();
    await page.locator('#announcer').getByText('1 company added (1 new); 1 skipped (already registered or listed twice).').waitFor();
    const created = await t.repo.get('company', 'qvist-fjordbrew-cidery');
    expect(created).toMatchObject({ name: 'Qvist Fjordbrew Cidery', country: 'NO', description: 'Cider from fjord apples, looking for Nordic distributors.' });
    expect((await event()).participants.map((p) => p.companyId)).toContain('qvist-fjordbrew-cidery');
  });

  it('reads the names from an uploaded CSV file, first column only', async () => {
    await openBulkAdd();
    const csv = '\uFEFFname,country\n"Pahvi Oy",FI\nKartonki Packaging Oy;FI\n';
    await page.getByLabel('Or a CSV file (first column: name)').setInputFiles({ name: 'guests.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('heading', { name: 'Review the matches' }).waitFor();
    await expect(page.getByLabel('Company names, one per line').inputValue()).resolves.toBe('Pahvi Oy\nKartonki Packaging Oy');
    await page.getByRole('button', { name: 'Add 2 companies' }).click();
    await page.locator('#announcer').getByText('2 companies added.').waitFor();
    expect((await event()).participants.map((p) => p.companyId)).toEqual(expect.arrayContaining(['fi-pack2', 'fi-pack']));
  });

  it('deletes the event after asking', async () => {
    await page.getByText('Edit or delete the event').click();
    await page.getByRole('button', { name: 'Delete the event' }).click();
    await page.getByRole('heading', { level: 1, name: 'Events' }).waitFor();
    expect(await t.repo.getEvent(EVENT_ID)).toBeNull();
  });
});
