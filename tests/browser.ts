// Real Chromium for the browser tests and the checks they share: axe-core's WCAG 2.1 AA rules,
// and a folder for screenshots.
//
// The browser is the headless Chromium that the @sparticuz/chromium devDependency ships inside its
// npm package (brotli-compressed, with the NSS libraries it links against), so `npm install` is
// all a fresh machine needs: no apt step, no download at install time. We inflate the files
// ourselves rather than call its executablePath(): that writes to the shared /tmp/chromium and
// hands a half-written file to a second test worker asking at the same moment; here each version
// is inflated once into node_modules/.cache, in a private folder renamed into place when complete.
// Its args() are not used either: they target Lambda (--single-process, --disable-web-security)
// and would switch off the Content-Security-Policy and CORS checks these tests make.
// CHROMIUM_PATH=/usr/bin/chromium runs the tests on another Chromium instead.
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { ROOT } from './helpers.js';

export const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const AXE = readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const PACKAGE = path.join(ROOT, 'node_modules/@sparticuz/chromium');

/** Decompresses `<file>.br` to `to`, or unpacks `<file>.tar.br` into the folder `to`. */
async function inflate(file: string, to: string): Promise<void> {
  const decompress = (into: string) =>
    pipeline(createReadStream(path.join(PACKAGE, 'bin', file)), createBrotliDecompress(), createWriteStream(into, { mode: 0o755 }));
  if (!file.endsWith('.tar.br')) return decompress(to);
  // Through a file: tar stops reading at the end-of-archive marker, which a pipe sees as a premature close.
  const archive = path.join(to, file.replace(/\.br$/, ''));
  await decompress(archive);
  const result = spawnSync('tar', ['-x', '--no-same-owner', '-f', archive, '-C', to], { stdio: ['ignore', 'ignore', 'inherit'] });
  rmSync(archive);
  if (result.status !== 0) throw new Error(`tar exited with ${result.status ?? result.signal} unpacking ${file}`);
}

/** The packaged Chromium inflated once per version: its folder holds `chromium`, `lib/` and `fonts/`. */
export async function packagedChromium(): Promise<string> {
  const { version } = JSON.parse(readFileSync(path.join(PACKAGE, 'package.json'), 'utf8')) as { version: string };
  const dir = path.join(ROOT, 'node_modules/.cache/sparticuz-chromium', version);
  if (existsSync(path.join(dir, 'chromium'))) return dir;
  const staging = `${dir}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    await Promise.all([
      inflate('chromium.br', path.join(staging, 'chromium')),
      inflate('al2023.tar.br', staging), // lib/: libnss3, libnspr4, libexpat, built for Amazon Linux 2023
      inflate('fonts.tar.br', staging), // fonts/: Open Sans
    ]);
    // Only the packaged fonts, the system's ignored: text measures and screenshots look the same on
    // every machine (Debian's Chromium pulled in fonts-liberation; a bare machine has no fonts).
    writeFileSync(
      path.join(staging, 'fonts.conf'),
      `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>${path.join(dir, 'fonts')}</dir>
  <cachedir>${path.join(dir, 'fonts-cache')}</cachedir>
</fontconfig>
`,
    );
    renameSync(staging, dir);
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    // Another worker finished first: its copy is as good as ours.
    if (!existsSync(path.join(dir, 'chromium'))) throw err;
  }
  return dir;
}

export async function launchChromium(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  const custom = process.env['CHROMIUM_PATH'];
  if (custom) return chromium.launch({ executablePath: custom, args });
  const dir = await packagedChromium();
  const libraries = [path.join(dir, 'lib'), process.env['LD_LIBRARY_PATH']].filter(Boolean).join(':');
  return chromium.launch({
    executablePath: path.join(dir, 'chromium'),
    args,
    env: { ...process.env, LD_LIBRARY_PATH: libraries, FONTCONFIG_FILE: path.join(dir, 'fonts.conf') },
  });
}

/** WCAG 2.0/2.1 A and AA violations on the page as it is now, as `rule: selectors` lines. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  // Evaluated, not added as a <script>: the page's Content-Security-Policy stays in force.
  if (!(await page.evaluate('typeof axe !== "undefined"'))) await page.evaluate(AXE);
  return (await page.evaluate(
    `axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa'] }).then(r => r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')))`,
  )) as string[];
}

/** One Chromium for the whole test file: launched before its tests, closed after them. */
export function chromiumForFile(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}

/** What every console page test does: a full-page screenshot, the axe check, a menu click. */
export function consolePageChecks(page: () => Page, width: number) {
  return {
    shot: (name: string) => page().screenshot({ path: path.join(ARTIFACTS, `console-${name}-${width}.png`), fullPage: true }),
    expectAccessible: async () => expect(await accessibilityViolations(page())).toEqual([]),
    nav: (name: string) => page().getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click(),
  };
}
