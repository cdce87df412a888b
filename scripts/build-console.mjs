// Bundles the staff console (src/console/client, Preact + Chart.js) into dist/console at install
// and before tests: the service serves these files and fetches nothing from a CDN at run time.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const out = path.resolve('dist/console');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const result = await build({
  entryPoints: { app: 'src/console/client/main.tsx' },
  bundle: true,
  minify: true,
  sourcemap: true,
  format: 'esm',
  target: ['es2022'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  entryNames: '[name]-[hash]',
  outdir: out,
  metafile: true,
  legalComments: 'linked',
  logLevel: 'warning',
});
const files = Object.keys(result.metafile.outputs).map((f) => path.basename(f));
const manifest = { js: files.find((f) => f.endsWith('.js')), css: files.find((f) => f.endsWith('.css')) };
if (!manifest.js || !manifest.css) throw new Error(`console build produced ${files.join(', ')}`);
writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest));
const kb = (name) => (result.metafile.outputs[path.relative(process.cwd(), path.join(out, name))]?.bytes ?? 0) / 1024;
console.log(`console: dist/console/${manifest.js} (${kb(manifest.js).toFixed(0)} KB), ${manifest.css} (${kb(manifest.css).toFixed(0)} KB)`);
