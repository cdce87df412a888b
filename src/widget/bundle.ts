// Bundles the embeddable widget (./client) into one minified script with esbuild, a development
// dependency: `npm run build` writes it to dist/public/widget.js, and a server running from source
// (`npm run dev`, the tests) calls this on the first request. Built code only reads the file.
import path from 'node:path';

const ENTRY = path.join(import.meta.dirname, 'client', 'widget.ts');

/** The widget as one minified script (no framework runtime). */
export async function bundleWidget(): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build({ entryPoints: [ENTRY], bundle: true, minify: true, format: 'iife', target: ['es2020'], write: false, legalComments: 'none' });
  return result.outputFiles[0]!.text;
}
