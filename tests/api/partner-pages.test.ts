// The widget's "show more" over real HTTP: a paged free-text search answers a page and where the
// next one starts; a page out of bounds is a 400 problem naming the field, and writes nothing.
import { describe, expect, it } from 'vitest';
import { smallSet } from '../fixtures/small-set.js';
import { problemPaths, servedApp, typedClient } from './client.js';

const app = servedApp(smallSet, 'test-admin-key-pages-0123456789');
const api = typedClient(() => app.base);
/** Sent as is: the refused pages are not valid searches, which is what the test checks. */
const search = (body: object) => api.post('/api/v1/partners/search', { body: body as never });
const TEXT = { text: 'We make cardboard boxes and seek a packaging wholesaler.', country: 'FI', language: 'sv' };

describe('POST /api/v1/partners/search with offset', () => {
  it('answers a page with card fields and the next offset', async () => {
    const first = await search({ ...TEXT, limit: 3, offset: 0 });
    expect(first.status).toBe(200);
    expect(first.body.results).toHaveLength(3);
    expect(first.body.nextOffset).toBe(3);
    for (const r of first.body.results) {
      expect(r.summary).toEqual(expect.any(String));
      expect(r).toHaveProperty('employeeBand');
    }
    const rest = await search({ ...TEXT, limit: 20, offset: 3 });
    expect(rest.body.nextOffset).toBeNull();
    const ids = [...first.body.results, ...rest.body.results].map((r) => r.company.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('refuses a page past the bound or too large with a problem naming the field', async () => {
    for (const [body, path] of [
      [{ ...TEXT, offset: 40 }, 'offset'],
      [{ ...TEXT, limit: 50, offset: 0 }, 'limit'],
      [{ ...TEXT, offset: 'next' }, 'offset'],
    ] as const) {
      const r = await search(body);
      expect(r.status).toBe(400);
      expect(r.type).toContain('application/problem+json');
      expect(problemPaths(r)).toContain(path);
    }
  });
});
