// The browser code of `npm run build` (which then compiles the server with tsc): the staff console
// (src/console/client, Preact + Chart.js) into dist/public/console with a manifest naming its
// hashed files, and the widget into dist/public/widget.js. Built code serves these files as they
// are: it needs neither esbuild nor a CDN at run time.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { bundleWidget } from '../src/widget/bundle.js';

const dist = path.resolve('dist');
rmSync(dist, { recursive: true, force: true }); // nothing stale from a deleted source file
const out = path.join(dist, 'public/console');
mkdirSync(out, { recursive: true });

const [result, widget] = await Promise.all([
  build({
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
  }),
  bundleWidget(),
]);
const files = Object.keys(result.metafile.outputs).map((f) => path.basename(f));
const manifest = { js: files.find((f) => f.endsWith('.js')), css: files.find((f) => f.endsWith('.css')) };
if (!manifest.js || !manifest.css) throw new Error(`console build produced ${files.join(', ')}`);
writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest));
writeFileSync(path.join(dist, 'public/widget.js'), widget);
const kb = (name: string) => (result.metafile.outputs[path.relative(process.cwd(), path.join(out, name))]?.bytes ?? 0) / 1024;
console.log(
  `console: dist/public/console/${manifest.js} (${kb(manifest.js).toFixed(0)} KB), ${manifest.css} (${kb(manifest.css).toFixed(0)} KB); widget: dist/public/widget.js (${(Buffer.byteLength(widget) / 1024).toFixed(0)} KB)`,
);
