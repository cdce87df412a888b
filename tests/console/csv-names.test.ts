// Reading company names from a pasted list or the first column of a CSV file.
import { describe, expect, it } from 'vitest';
import { namesFromCsv, namesFromLines } from '../../src/console/client/csv-names.js';

describe('namesFromCsv', () => {
  it('takes the first column and drops a name header and a byte-order mark', () => {
    expect(namesFromCsv('\uFEFFname,country\nLaxøga AS,NO\r\nPahvi Oy,FI\n')).toEqual(['Laxøga AS', 'Pahvi Oy']);
  });

  it('understands quoted names with commas, quotes and semicolon or tab separators', () => {
    expect(namesFromCsv('"Smith, Jones & Co",GB\n"The ""Best"" Oy";FI\nKodverket AB\tSE')).toEqual(['Smith, Jones & Co', 'The "Best" Oy', 'Kodverket AB']);
  });

  it('skips empty records', () => {
    expect(namesFromCsv('\n\nA\n,\nB\n')).toEqual(['A', 'B']);
  });
});

describe('namesFromLines', () => {
  it('trims lines and drops empty ones', () => {
    expect(namesFromLines(' Laxoga \r\n\n  Pahvi Oy')).toEqual(['Laxoga', 'Pahvi Oy']);
  });
});
