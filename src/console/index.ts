// Serves the staff console: the bundle `npm run build` writes to dist/public/console (at install
// and before tests) and one HTML shell for every /console path, so deep links and reloads work.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';

const DIST = path.resolve(import.meta.dirname, '../../dist/public/console');

interface Manifest {
  js: string;
  css: string;
}

let manifest: Manifest | undefined;

/** Read once it exists: the bundle does not change under a running service. */
function readManifest(): Manifest | undefined {
  const file = path.join(DIST, 'manifest.json');
  if (!manifest && existsSync(file)) manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  return manifest;
}

const shell = (m: Manifest) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>NordicHub staff console</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/console/assets/${m.css}">
<script type="module" src="/console/assets/${m.js}"></script>
</head>
<body>
<div id="app"><p class="boot">Loading the staff console…</p></div>
<noscript>The staff console needs JavaScript.</noscript>
</body>
</html>
`;

export function consoleRoutes(): Router {
  const router = Router();
  // File names carry a content hash, so browsers may keep them for good.
  router.use('/console/assets', express.static(DIST, { immutable: true, maxAge: '365d', index: false, fallthrough: false }));
  router.get(['/console', '/console/{*rest}'], (_req, res) => {
    const manifest = readManifest();
    if (!manifest) {
      res.status(503).type('text/plain').send('The console is not built: run `npm run build`.');
      return;
    }
    res.set('Cache-Control', 'no-cache').type('html').send(shell(manifest));
  });
  return router;
}
