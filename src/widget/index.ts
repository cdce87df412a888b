// Serves the embeddable widget (one script, compiled from ./client at first request) and its demo page.
import path from 'node:path';
import { build } from 'esbuild';
import { Router, type Request } from 'express';
import { demoPage } from './demo-page.js';

const ENTRY = path.join(import.meta.dirname, 'client', 'widget.ts');

let bundle: Promise<string> | undefined;

/** The widget as one minified script (no framework runtime). */
export function widgetScript(): Promise<string> {
  bundle ??= build({ entryPoints: [ENTRY], bundle: true, minify: true, format: 'iife', target: ['es2020'], write: false, legalComments: 'none' })
    .then((r) => r.outputFiles[0]!.text)
    .catch((err: unknown) => {
      bundle = undefined;
      throw err;
    });
  return bundle;
}

export function widgetRoutes(options: { demoKey: string }): Router {
  const router = Router();
  router.get('/widget.js', async (_req, res, next) => {
    try {
      res.type('text/javascript').set('Cache-Control', 'public, max-age=300').set('Cross-Origin-Resource-Policy', 'cross-origin').send(await widgetScript());
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
