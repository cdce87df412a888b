// The widget script as partner pages load it: one file, small, no framework, no private fields.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { STRINGS, LANGS } from '../../src/widget/client/i18n.js';
import { widgetScript } from '../../src/widget/index.js';

describe('the widget bundle', () => {
  it('is one script under 25 KB gzipped', async () => {
    const js = await widgetScript();
    expect(gzipSync(js).length).toBeLessThan(25 * 1024);
    expect(js).not.toMatch(/^import |require\(/m);
  });

  it('never names a private field', async () => {
    expect(await widgetScript()).not.toMatch(/contactEmail|contactPhone|notes/);
  });

  it('speaks English, Swedish, Finnish, Norwegian, Danish and Icelandic, with no text left out', () => {
    expect([...LANGS].sort()).toEqual(['da', 'en', 'fi', 'is', 'nb', 'sv']);
    const keys = Object.keys(STRINGS.en).sort();
    for (const lang of LANGS) {
      expect(Object.keys(STRINGS[lang]).sort()).toEqual(keys);
      for (const [key, value] of Object.entries(STRINGS[lang])) {
        if (typeof value === 'string') expect(value.trim(), `${lang}.${key}`).not.toBe('');
      }
      if (lang !== 'en') expect(STRINGS[lang].search).not.toBe(STRINGS.en.search);
    }
  });
});
