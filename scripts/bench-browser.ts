// `npm run bench:browser`: how long the browser tests wait for Chromium. Launches the packaged
// Chromium the way tests/browser.ts does (inflating it first when node_modules/.cache has no
// copy, or with --cold), renders a page with text and a canvas, takes a screenshot, closes; n runs.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { launchChromium, packagedChromium } from '../tests/browser.js';

const runs = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 3);
if (process.argv.includes('--cold')) rmSync(path.dirname(await packagedChromium()), { recursive: true, force: true });

const ms = (from: number) => Math.round(performance.now() - from);
let t = performance.now();
const dir = await packagedChromium();
console.log(`inflate: ${ms(t)} ms (${dir})`);
for (let i = 0; i < runs; i++) {
  t = performance.now();
  const browser = await launchChromium();
  const launched = ms(t);
  const page = await browser.newPage();
  await page.setContent(
    '<h1>Hei Åland, Þórshöfn, Ærø</h1><canvas id="c" width="200" height="100"></canvas><script>document.getElementById("c").getContext("2d").fillRect(10, 10, 80, 40)</script>',
  );
  await page.screenshot();
  console.log(`run ${i + 1}: Chromium ${browser.version()}, launch ${launched} ms, render + screenshot ${ms(t) - launched} ms, total ${ms(t)} ms`);
  await browser.close();
}
