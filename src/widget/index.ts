// Serves the embeddable widget (one script, built from ./client) and its demo page.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Router, type Request } from 'express';
import { demoPage } from './demo-page.js';

// Built code (dist/widget/index.js) serves dist/public/widget.js, bundled by `npm run build`;
// source run by tsx or vitest (`npm run dev`, the tests) bundles ./client itself, so edits show up.
const FROM_SOURCE = import.meta.filename.endsWith('.ts');
const BUILT = path.resolve(import.meta.dirname, '../../dist/public/widget.js');

let bundle: Promise<string> | undefined;

/** The widget as one minified script (no framework runtime). */
export function widgetScript(): Promise<string> {
  bundle ??= (FROM_SOURCE ? import('./bundle.js').then((m) => m.bundleWidget()) : readFile(BUILT, 'utf8')).catch((err: unknown) => {
    bundle = undefined;
    throw err;
  });
  return bundle;
}

export function widgetRoutes(options: { demoKey: string }): Router {
  const router = Router();
  router.get('/widget.js', async (_req, res, next) => {
    try {
      res
        .type('text/javascript')
        .set('Cache-Control', 'public, max-age=300')
        .set('Cross-Origin-Resource-Policy', 'cross-origin')
        .send(await widgetScript());
    } catch (err) {
      next(err);
    }
  });
  router.get('/widget/demo', (req: Request, res) => {
    const origin = `${req.protocol}://${req.get('host') ?? 'localhost'}`;
    const lang = typeof req.query['lang'] === 'string' ? req.query['lang'] : 'en';
    res.type('html').send(demoPage({ origin, demoKey: options.demoKey, lang }));
  });
  return router;
}
