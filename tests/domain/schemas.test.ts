import { describe, expect, it } from 'vitest';
import { CompanyInputSchema, CompanyPatchSchema, DatasetSchema } from '../../src/domain/index.js';
import { company } from '../fixtures/small-set.js';

const issuesOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => r.error?.issues.map((i) => i.path.join('.')) ?? [];

describe('company input', () => {
  it('accepts a minimal company and fills defaults', () => {
    const parsed = CompanyInputSchema.parse({ id: 'x-1', name: 'X', country: 'FI', description: 'Makes things.' });
    expect(parsed).toMatchObject({ clusterIds: [], offers: '', needs: '', sectors: [], partnerTypes: [] });
  });

  it.each([
    ['country', { country: 'DE' }],
    ['country', { country: 'fi' }],
    ['sectors.0', { sectors: ['space-mining'] }],
    ['partnerTypes.0', { partnerTypes: ['friend'] }],
    ['id', { id: '../etc/passwd' }],
    ['name', { name: '   ' }],
    ['description', { description: 'bell\u0007' }],
    ['description', { description: 'broken \uD800 surrogate' }],
    ['contactEmail', { contactEmail: 'not-an-email' }],
    ['employees', { employees: -3 }],
    ['employees', { employees: '40' }],
    ['website', { website: 'javascript:alert(1)' }],
    ['sectors', { sectors: ['ict', 'ict'] }],
    ['description', { description: 'x'.repeat(10_001) }],
  ])('rejects a bad %s', (path, change) => {
    const result = CompanyInputSchema.safeParse({ ...company({ id: 'c1', country: 'SE' }), ...change });
    expect(result.success).toBe(false);
    expect(issuesOf(result)).toContain(path);
  });

  it('rejects unknown fields instead of silently dropping them', () => {
    const result = CompanyInputSchema.safeParse({ ...company({ id: 'c1', country: 'SE' }), contact_email: 'a@example.org' });
    expect(result.success).toBe(false);
  });

  it('keeps newlines and tabs in text', () => {
    expect(CompanyInputSchema.safeParse({ ...company({ id: 'c1', country: 'SE' }), description: 'Line one\n\tLine two' }).success).toBe(true);
  });
});

describe('company patch', () => {
  it('takes any subset of fields but never the id', () => {
    expect(CompanyPatchSchema.safeParse({ needs: 'new needs' }).success).toBe(true);
    expect(CompanyPatchSchema.safeParse({ id: 'other' }).success).toBe(false);
  });
});

describe('data set', () => {
  it('accepts and ignores relevance judgments', () => {
    const parsed = DatasetSchema.parse({ companies: [], judgments: { partners: { a: { b: 3 } } } });
    expect(parsed.clusters).toEqual([]);
  });

  it('names the failing element by its index', () => {
    const result = DatasetSchema.safeParse({ companies: [company({ id: 'a', country: 'FI' }), company({ id: 'b', country: 'XX' as never })] });
    expect(issuesOf(result)).toContain('companies.1.country');
  });
});
