// Staff read introduction requests by the name of the company asked for, as it is now, newest
// first, filtered by company for its own page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listIntroductions } from '../../src/use-cases/list-introductions.js';
import { requestIntroduction } from '../../src/use-cases/request-introduction.js';
import { patchEntity } from '../../src/use-cases/write-entities.js';
import { smallSet } from '../fixtures/small-set.js';
import { createTestEngine, type TestEngine } from '../helpers.js';

let t: TestEngine;
beforeAll(async () => {
  t = await createTestEngine({ data: smallSet() });
  // A few milliseconds apart: "newest first" needs distinct times.
  const ask = async (companyId: string, name: string) => {
    await new Promise((r) => setTimeout(r, 5));
    return requestIntroduction(
      t.engine,
      { companyId, name, email: `${name.toLowerCase()}@example.se`, message: 'Hej', consent: true },
      { siteKeyId: null, origin: null },
    );
  };
  await ask('fi-pack', 'Karin');
  await ask('se-dist', 'Ola');
  await ask('fi-pack', 'Aino');
});
afterAll(() => t.close());

describe('listing introduction requests', () => {
  it('names the company of each request, newest first', async () => {
    const page = await listIntroductions(t.engine, { limit: 10, offset: 0 });
    expect(page.total).toBe(3);
    expect(page.items.map((i) => [i.visitorName, i.companyName])).toEqual([
      ['Aino', 'Kartonki Packaging Oy'],
      ['Ola', 'Nordpack Wholesale AB'],
      ['Karin', 'Kartonki Packaging Oy'],
    ]);
  });

  it('lists one company’s requests for its page', async () => {
    const page = await listIntroductions(t.engine, { companyId: 'se-dist', limit: 10, offset: 0 });
    expect(page.items.map((i) => i.visitorName)).toEqual(['Ola']);
  });

  it('follows a renamed company', async () => {
    await patchEntity(t.engine, 'company', 'se-dist', { name: 'Nordpack Logistics AB' });
    const [ola] = (await listIntroductions(t.engine, { companyId: 'se-dist', limit: 10, offset: 0 })).items;
    expect(ola?.companyName).toBe('Nordpack Logistics AB');
  });
});
