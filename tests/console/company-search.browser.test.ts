// Finding and adding companies in the console, in real Chromium at 1280 and 768 px: a search
// that finds what staff mean ("fish farming" finds the aquaculture companies), the closest
// profiles in meaning labelled as such, a hint and a create link when nothing is found, the New
// company form, and member lists from XLSX and CSV with the bad row shown before anything is
// written. Every step is checked in the database; pages pass axe-core.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, hashKey } from '../../src/api/index.js';
import { createApiKey } from '../../src/use-cases/create-api-key.js';
import { chromiumForFile, consolePageChecks } from '../browser.js';
import { company } from '../fixtures/small-set.js';
import { createTestEngine, serve, tempDir, type TestEngine } from '../helpers.js';

const ADMIN = 'test-admin-key-console-search-0123456789';

const COMPANIES = [
  company({ id: 'no-salmon', country: 'NO', name: 'Fjordlaks AS', description: 'Salmon pens and feed barges along the fjords.', sectors: ['aquaculture'] }),
  company({ id: 'is-char', country: 'IS', name: 'Heiðarmjólk ehf', description: 'Arctic char hatchery in the highlands.', sectors: ['aquaculture'] }),
  company({ id: 'fi-batteries', country: 'FI', name: 'Akkutehdas Oy', description: 'Batteries for forklifts and boats.', sectors: ['batteries'] }),
];

const browser = chromiumForFile();

describe.each([1280, 768])('finding and adding companies at %i px', (width) => {
  let t: TestEngine;
  let api: Awaited<ReturnType<typeof serve>>;
  let page: Page;
  const files = tempDir();
  const { shot, expectAccessible, nav } = consolePageChecks(() => page, width);
  const searchFor = async (words: string) => {
    await page.getByLabel('Words in name or description').fill(words);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
  };

  beforeAll(async () => {
    t = await createTestEngine({ data: { companies: COMPANIES } });
    api = await serve(buildApp({ engine: () => t.engine, adminKeyHash: hashKey(ADMIN) }));
    const staffKey = (await createApiKey(t.repo, { role: 'staff', label: 'Console tester' })).secret;
    page = await browser().newPage({ viewport: { width, height: 900 } });
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (err) => {
      throw err;
    });
    await page.goto(`${api.base}/console/companies`);
    await page.getByLabel('Staff key').fill(staffKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Companies' }).waitFor();
  }, 60_000);

  afterAll(async () => {
    await page?.close();
    await api?.close();
    await t?.close();
    files.cleanup();
  });

  it('finds the aquaculture companies by "fish farming", and names typed without Nordic letters', async () => {
    await searchFor('fish farming');
    await page.getByText(/^2 companies found \(words or sector: /).waitFor();
    await page.getByRole('link', { name: 'Fjordlaks AS' }).waitFor();
    await page.getByRole('link', { name: 'Heiðarmjólk ehf' }).waitFor();
    await searchFor('Heidarmjolk');
    await page.getByText(/^1 company found/).waitFor();
    await page.getByRole('link', { name: 'Heiðarmjólk ehf' }).waitFor();
    await expectAccessible();
  });

  it('offers the closest profiles in meaning when no company has the words, and links to a new company', async () => {
    await searchFor('trout');
    const hint = page.locator('.search-hint');
    await hint.getByText('No company has these words.').waitFor();
    await hint.getByText(/Closest in meaning/).waitFor();
    await page.getByRole('columnheader', { name: 'Closeness' }).waitFor();
    expect(await page.locator('table.list tbody tr').count()).toBeGreaterThan(0);
    await expectAccessible();
    await shot('search-meaning');
    await page.getByRole('link', { name: 'Create a company named “trout”' }).waitFor();
  });

  it('creates a company with New company, id proposed from the name, field errors shown first', async () => {
    await nav('Companies');
    await page.getByRole('link', { name: 'New company' }).click();
    await page.getByRole('heading', { level: 1, name: 'New company' }).waitFor();
    await page.getByLabel('Name').fill(`Sæbýli ${width} hf`);
    await expect(page.getByLabel('Id', { exact: false }).first().inputValue()).resolves.toBe(`saebyli-${width}-hf`);
    await page.getByRole('button', { name: 'Create company' }).click();
    // No description yet: the service names the field, nothing is written.
    await page.locator('#f-description-error').waitFor();
    expect(await t.repo.get('company', `saebyli-${width}-hf`)).toBeNull();
    await expectAccessible();
    await page.getByLabel('Description').fill('Sea cucumber farming in the north.');
    await page.getByLabel('Country').selectOption('IS');
    await page.getByRole('button', { name: 'Create company' }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`Sæbýli ${width} hf`) }).waitFor();
    expect(await t.repo.get('company', `saebyli-${width}-hf`)).toMatchObject({ country: 'IS', description: 'Sea cucumber farming in the north.' });
  });

  it('imports an XLSX member list once its bad row is fixed, showing the problem by row and column first', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Members');
    sheet.addRow(['Member no', 'Company', 'Country', 'About']);
    sheet.addRow([`x-${width}-1`, 'Cellverket AB', 'SE', 'Battery recycling.']);
    sheet.addRow([`x-${width}-2`, 'Broken Oy', 'Finland', 'Boats.']);
    const bad = path.join(files.dir, 'members.xlsx');
    await book.xlsx.writeFile(bad);
    await nav('Import');
    await page.getByLabel('Spreadsheet (CSV or XLSX)').setInputFiles(bad);
    const problems = page.locator('.sheet-import .problem');
    await problems.getByText(/Row 3, column “Country” \(country\)/).waitFor();
    await expect(page.getByRole('button', { name: /^Import 2 companies/ }).isDisabled()).resolves.toBe(true);
    await page.getByLabel('Member no').selectOption('id');
    await expect.poll(() => page.locator('table.preview tbody tr').first().innerText()).toContain(`x-${width}-1`);
    await expectAccessible();
    await shot('sheet-import');
    expect(await t.repo.get('company', `x-${width}-1`)).toBeNull();

    sheet.getRow(3).getCell(3).value = 'FI';
    const good = path.join(files.dir, 'members-fixed.xlsx');
    await book.xlsx.writeFile(good);
    await page.getByLabel('Spreadsheet (CSV or XLSX)').setInputFiles(good);
    await page.getByText('Every row is valid.').waitFor();
    await page.getByLabel('Member no').selectOption('id');
    await page.getByRole('button', { name: /^Import 2 companies/ }).click();
    await page.getByText('Imported: 2 new, 0 updated companies.').waitFor();
    expect(await t.repo.get('company', `x-${width}-2`)).toMatchObject({ name: 'Broken Oy', country: 'FI' });
  });

  it('shows the bad row of a CSV member list and imports nothing', async () => {
    const csv = path.join(files.dir, 'members.csv');
    writeFileSync(csv, `Name;Land;Beskrivning;E-post\nKodverket ${width} AB;SE;Software.;hej@kodverket.example\nTrasig ${width} AB;SE;Broken.;not-an-email\n`);
    await nav('Dashboard');
    await nav('Import');
    await page.getByLabel('Spreadsheet (CSV or XLSX)').setInputFiles(csv);
    await page
      .locator('.sheet-import .problem')
      .getByText(/Row 3, column “E-post” \(contactEmail\)/)
      .waitFor();
    await expect(page.locator('td.cell-problem').count()).resolves.toBe(1);
    await expectAccessible();
    expect(await t.repo.get('company', `kodverket-${width}-ab`)).toBeNull();
  });
});
