// Download names: an ASCII slug for old clients and the exact UTF-8 name (RFC 6266 / 5987).
import { describe, expect, it } from 'vitest';
import { attachmentDisposition, slug } from '../../src/formats/index.js';

describe('download names', () => {
  it('spell Nordic letters out in the ASCII slug', () => {
    expect(slug('Fiskó Ægir ehf.')).toBe('fisko-aegir-ehf');
    expect(slug('Ørsted & Søn ApS')).toBe('orsted-son-aps');
    expect(slug('Þórður Ðór')).toBe('thordur-dor');
    expect(slug('Malmö Åkeri AB')).toBe('malmo-akeri-ab');
    expect(slug('!!!')).toBe('file');
  });

  it('carry the exact name, percent-encoded, and nothing that breaks the header or a path', () => {
    expect(attachmentDisposition(['Nordic Day', 'Fiskó ehf.'], 'csv')).toBe(
      `attachment; filename="nordic-day-fisko-ehf.csv"; filename*=UTF-8''Nordic%20Day%20-%20Fisk%C3%B3%20ehf..csv`,
    );
    const hostile = attachmentDisposition(['a/b\\c"d\r\ne'], 'ics');
    expect(hostile).not.toMatch(/[\r\n]/);
    expect(hostile).toBe(`attachment; filename="a-b-c-d-e.ics"; filename*=UTF-8''a%20b%20c%20d%20e.ics`);
  });
});
