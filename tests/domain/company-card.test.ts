// A result card's glance at a company: the first sentences of its own description, and its size class.
import { describe, expect, it } from 'vitest';
import { employeeBand, shortDescription, SUMMARY_MAX_CHARS } from '../../src/domain/company-card.js';

describe('the short description on a result card', () => {
  it('keeps the first two sentences, untranslated', () => {
    const text = 'Vi tillverkar kartonger. Vi levererar i hela Norden. Vi grundades 1952 i Borås.';
    expect(shortDescription(text)).toBe('Vi tillverkar kartonger. Vi levererar i hela Norden.');
  });

  it('stops before a sentence that would pass the bound', () => {
    const second = `${'Lang '.repeat(60).trim()}.`;
    expect(shortDescription(`Short first. ${second}`)).toBe('Short first.');
  });

  it('cuts one very long sentence at a word, within the bound, and marks the cut', () => {
    const summary = shortDescription(`We make ${'very '.repeat(80)}good boxes.`);
    expect(summary.length).toBeLessThanOrEqual(SUMMARY_MAX_CHARS);
    expect(summary).toMatch(/very…$/);
  });

  it('folds line breaks and runs of spaces', () => {
    expect(shortDescription('  Boxes\n\nand   trays.  ')).toBe('Boxes and trays.');
  });
});

describe('the employee band', () => {
  it.each([
    [1, '1-9'],
    [9, '1-9'],
    [10, '10-49'],
    [49, '10-49'],
    [50, '50-249'],
    [249, '50-249'],
    [250, '250+'],
    [12_000, '250+'],
  ] as const)('puts %i people in %s', (employees, band) => {
    expect(employeeBand(employees)).toBe(band);
  });

  it('says nothing when the head count is unknown or not a count', () => {
    expect(employeeBand(null)).toBeNull();
    expect(employeeBand(0)).toBeNull();
    expect(employeeBand(Number.NaN)).toBeNull();
  });
});
