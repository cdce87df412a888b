// Partner search by free text as visitors type it: the need read from the text, the named country
// preferred, honest strength words and reasons in the reader's language.
import { describe, expect, it } from 'vitest';
import { recordFeedback } from '../../src/use-cases/record-feedback.js';
import { withdrawFeedback } from '../../src/use-cases/withdraw-feedback.js';
import { PartnerSearchSchema, partnersForCompany, partnersForText } from '../../src/use-cases/recommend-partners.js';
import { smallSet } from '../fixtures/small-set.js';
import { engineForFile } from '../engine-per-file.js';

const t = engineForFile(smallSet);

// One need, "a salmon farm seeks oxygen sensors", as people write it in the six languages; and
// the words a reason in that language must name for the sensors that meet it.
const SALMON_FARM_NEEDS = [
  ['en', 'We farm salmon in Norway and are looking for oxygen sensors for our fish cages.', /sensor|oxygen/],
  ['sv', 'Vi har en laxodling i Norge och söker syresensorer till våra kassar.', /sensor|syre/],
  ['fi', 'Kasvatamme lohta Norjassa ja etsimme happiantureita kalankasvatukseen.', /anturi|happi/],
  ['nb', 'Vi driver lakseoppdrett i Norge og ser etter oksygensensorer til merdene.', /sensor|oksygen/],
  ['da', 'Vi opdrætter laks i Norge og søger iltsensorer til vores havbrug.', /sensor|ilt/],
  ['is', 'Við erum með laxeldi í Noregi og leitum að súrefnisnemum fyrir kvíarnar.', /skynjar|nem|súrefn|kví/i],
] as const;

describe('partner search by free text', () => {
  it.each(SALMON_FARM_NEEDS)('finds the sensor maker for a need written in %s, with a reason in that language', async (language, text, named) => {
    const r = await partnersForText(t.engine, PartnerSearchSchema.parse({ text, country: 'NO', limit: 5, language }));
    expect(r.results[0]!.company.id).toBe('is-sensor');
    const reasons = r.results[0]!.reasons;
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons[0]).toMatch(named);
    // Codes never reach a person: partner types and sectors are in words.
    expect(reasons.join(' ')).not.toMatch(/pilot-site|ai-data|joint-venture/);
  });

  it('gives every result a reason, in the reader’s language, and a relevance', async () => {
    const r = await partnersForText(
      t.engine,
      PartnerSearchSchema.parse({ text: 'Vi söker leverantörer av kartonglådor.', country: 'SE', limit: 10, language: 'sv' }),
    );
    expect(r.results.length).toBeGreaterThan(0);
    for (const result of r.results) {
      expect(result.reasons.length).toBeGreaterThan(0);
      expect(result.reasons.join(' ')).not.toMatch(/\b(They|which you|Shared sectors)\b/);
      expect(result.relevance).toBeGreaterThanOrEqual(0);
      expect(result.relevance).toBeLessThanOrEqual(1);
    }
  });

  it('prefers the country the text names, without filtering the others out', async () => {
    const text = 'We make ready meals and seek suppliers of cardboard food packaging';
    const named = await partnersForText(t.engine, PartnerSearchSchema.parse({ text: `${text} in Finland.`, country: 'DK', limit: 10 }));
    const unnamed = await partnersForText(t.engine, PartnerSearchSchema.parse({ text: `${text}.`, country: 'DK', limit: 10 }));
    const score = (r: typeof named, id: string) => r.results.find((x) => x.company.id === id)!.score;
    expect(score(named, 'fi-pack')).toBeGreaterThan(score(unnamed, 'fi-pack'));
    expect(named.results.map((x) => x.company.country)).toContain('SE');
    expect(named.results.find((x) => x.company.id === 'fi-pack')!.reasons).toContain('Based in Finland, which you named.');
  });

  it('does not rank a competitor seeking the same thing above the supplier of it', async () => {
    // The distributor needs cardboard boxes as the asker does; the box makers offer them.
    const r = await partnersForText(
      t.engine,
      PartnerSearchSchema.parse({ text: 'We need recyclable cardboard boxes for our ready meals.', country: 'DK', limit: 5 }),
    );
    const ids = r.results.map((x) => x.company.id);
    expect(ids.indexOf('fi-pack')).toBeLessThan(ids.indexOf('se-dist') === -1 ? Infinity : ids.indexOf('se-dist'));
  });

  it('calls a match that shares only generic words no more than "some"', async () => {
    const r = await partnersForText(
      t.engine,
      PartnerSearchSchema.parse({ text: 'We are a company looking for a partner for our business.', country: 'FI', limit: 10 }),
    );
    expect(r.results.every((x) => x.strength === 'some')).toBe(true);
  });

  it('explains a stored profile’s partners in the language asked for', async () => {
    const r = await partnersForCompany(t.engine, 'no-fish', { limit: 3, language: 'fi' });
    expect(r.results[0]!.company.id).toBe('is-sensor');
    expect(r.results[0]!.reasons[0]).toMatch(/^He tarjoavat sitä, mitä etsitte: .*(anturi|happi)/);
  });

  it('moves a suggestion that staff judged: a wrong one down, a good one up', async () => {
    const before = (await partnersForCompany(t.engine, 'no-fish', { limit: 5 })).results.map((x) => x.company.id);
    expect(before[0]).toBe('is-sensor');
    await recordFeedback(t.engine, 'no-fish', { kind: 'partner', candidateId: 'is-sensor', verdict: 'wrong' }, null);
    await recordFeedback(t.engine, 'no-fish', { kind: 'partner', candidateId: before[2]!, verdict: 'good' }, null);
    const after = (await partnersForCompany(t.engine, 'no-fish', { limit: 5 })).results.map((x) => x.company.id);
    expect(after.indexOf('is-sensor')).toBeGreaterThan(0);
    expect(after.indexOf(before[2]!)).toBeLessThan(2);
    const unmoved = (await partnersForCompany(t.engine, 'no-fish', { limit: 5 }, undefined, { verdicts: false })).results.map((x) => x.company.id);
    expect(unmoved).toEqual(before);
    await withdrawFeedback(t.engine, 'no-fish', 'partner', 'is-sensor');
    await withdrawFeedback(t.engine, 'no-fish', 'partner', before[2]!);
  });
});
