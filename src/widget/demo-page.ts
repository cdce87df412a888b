// The page at /widget/demo: the snippet a partner site copies, and the live widget under it.
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function demoPage(o: { origin: string; demoKey: string; lang: string }): string {
  const lang = ['en', 'sv', 'fi', 'nb', 'da', 'is'].includes(o.lang) ? o.lang : 'en';
  const snippet = `<div id="nordichub-widget"></div>\n<script src="${o.origin}/widget.js" data-key="pk_…your site key…" data-lang="${lang}" data-country="FI" data-target="#nordichub-widget" async></script>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>NordicHub partner widget: demo</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 880px; padding: 1rem; color: #1b1b1b; }
  pre { background: #f3f4f6; padding: 1rem; overflow-x: auto; white-space: pre-wrap; word-break: break-all; }
  nav a { margin-right: .75rem; }
</style>
</head>
<body>
<main>
<h1>NordicHub partner widget</h1>
<p>Put this on your page, with the site key NordicHub staff created for your site
(<code>npm run keys -- create --site "Your site" --origins https://your.site</code>):</p>
<pre><code>${escapeHtml(snippet)}</code></pre>
<nav aria-label="Language">${['en', 'sv', 'fi', 'nb', 'da', 'is'].map((l) => `<a href="?lang=${l}"${l === lang ? ' aria-current="page"' : ''}>${l}</a>`).join('')}</nav>
<h2>Live</h2>
<div id="nordichub-widget"></div>
</main>
<script src="/widget.js" data-key="${escapeHtml(o.demoKey)}" data-lang="${lang}" data-country="FI" data-target="#nordichub-widget" data-api="${escapeHtml(o.origin)}" async></script>
</body>
</html>`;
}
