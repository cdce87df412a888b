// The staff digest: per company, the opportunities added since a date that fit it well enough to
// mail out. Computed from the opportunity side (whom does each new opening fit?) and regrouped
// by company, so the cost follows the number of new openings, not the number of members.
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { decimalInt, decimalNumber, IsoDateSchema, isOpen, type Company, type Opportunity } from '../domain/index.js';
import type { Engine } from '../engine/index.js';
import type { ScoredResult } from './hybrid-results.js';
import { describeOpening, rankAudience, type AudienceResult } from './recommend-opportunities.js';
import { storedVectors } from '../index-lifecycle/index.js';

// A fit at or above this score is worth a mail. On the development set every judged-relevant
// company-opportunity pair scores at least 0.333 (hybrid score), while 90% of the other
// cross-border pairs score below 0.313 (`npm run eval` prints both); see README, "Matching quality".
export const DEFAULT_DIGEST_THRESHOLD = 0.33;

/** The digest's query: since when, how good a fit, how many per company and per opportunity. */
export const DigestQuerySchema = z.strictObject({
  since: z
    .union([IsoDateSchema, z.iso.datetime({ offset: true })])
    .meta({ description: 'Opportunities added on or after this date (YYYY-MM-DD, from midnight UTC) or moment (ISO 8601)' }),
  threshold: decimalNumber(0, 1).default(DEFAULT_DIGEST_THRESHOLD).meta({ description: 'Lowest score worth mailing, 0..1' }),
  perCompany: decimalInt(1, 50).default(10).meta({ description: 'At most this many opportunities per company' }),
  perOpportunity: decimalInt(1, 5_000).default(500).meta({ description: 'At most this many companies per opportunity' }),
});

/** A digest query as sent (numbers may come as query-string text). */
export type DigestQuery = z.input<typeof DigestQuerySchema>;

/** A digest query once parsed (the edge or the CLI parses it): defaults applied. */
export type ParsedDigestQuery = z.output<typeof DigestQuerySchema>;

/** A digest line: the scored-result shape without the per-signal scores and relevance. */
export type DigestMatch = Pick<ScoredResult<'opportunity', Opportunity>, 'opportunity' | 'score' | 'strength' | 'reasons'>;

/** A company and the new opportunities that fit it, best first. */
export interface DigestEntry {
  /** Staff-only: the contact fields are what the mail goes to. */
  company: Company;
  matches: DigestMatch[];
}

/** The digest: per company abroad, the new open opportunities that fit it. */
export interface Digest {
  since: string;
  threshold: number;
  generatedAt: string;
  /** New opportunities still open, each matched against every company abroad. */
  newOpportunities: number;
  companies: DigestEntry[];
}

const PAGE = 500;

/** Per company, the opportunities added since `since` that are still open and fit it above the threshold. */
export async function opportunityDigest(engine: Engine, q: ParsedDigestQuery, now = new Date()): Promise<Digest> {
  const since = new Date(q.since.length === 10 ? `${q.since}T00:00:00Z` : q.since);
  const fresh = (await newOpportunities(engine, since)).filter((o) => isOpen(o.deadline, o.country, now));
  const byCompany = new Map<string, { opportunity: Opportunity; fit: AudienceResult }[]>();
  for (const o of fresh) {
    for (const fit of await rankAudience(engine, o, await storedVectors(engine, 'opportunity', o.id), { limit: q.perOpportunity })) {
      if (fit.score < q.threshold) break;
      byCompany.set(fit.company.id, [...(byCompany.get(fit.company.id) ?? []), { opportunity: o, fit }]);
    }
  }
  const companies = new Map((await engine.repo.getMany('company', [...byCompany.keys()])).map((c) => [c.id, c]));
  const entries: DigestEntry[] = [];
  for (const [id, list] of byCompany) {
    const company = companies.get(id);
    if (!company) continue;
    list.sort((a, b) => b.fit.score - a.fit.score || (a.opportunity.id < b.opportunity.id ? -1 : 1));
    const matches: DigestMatch[] = list.slice(0, q.perCompany).map(({ opportunity, fit }) => ({
      opportunity,
      score: fit.score,
      strength: fit.strength,
      reasons: [describeOpening(opportunity, now), ...fit.reasons],
    }));
    entries.push({ company, matches });
  }
  entries.sort((a, b) => a.company.country.localeCompare(b.company.country) || a.company.name.localeCompare(b.company.name));
  return { since: q.since, threshold: q.threshold, generatedAt: now.toISOString(), newOpportunities: fresh.length, companies: entries };
}

async function newOpportunities(engine: Engine, since: Date): Promise<Opportunity[]> {
  const out: Opportunity[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await engine.repo.list('opportunity', { limit: PAGE, offset, createdSince: since });
    out.push(...page.items);
    if (page.items.length < PAGE) return out;
  }
}

/** The columns of the digest CSV, in order. */
export const DIGEST_COLUMNS = [
  'company_id',
  'company',
  'company_country',
  'contact_email',
  'opportunity_id',
  'opportunity',
  'opportunity_country',
  'type',
  'deadline',
  'score',
  'strength',
  'url',
  'reasons',
] as const;

/** One row per company and opportunity, ready for a mail merge. */
export function digestRows(d: Digest): string[][] {
  return d.companies.flatMap(({ company: c, matches }) =>
    matches.map((m) => [
      c.id,
      c.name,
      c.country,
      c.contactEmail ?? '',
      m.opportunity.id,
      m.opportunity.title,
      m.opportunity.country,
      m.opportunity.type,
      m.opportunity.deadline ?? '',
      m.score.toFixed(3),
      m.strength,
      m.opportunity.url ?? '',
      m.reasons.join(' | '),
    ]),
  );
}

/** The digest as CSV for a mail merge, one row per company and opportunity. */
export function digestCsv(d: Digest): string {
  return stringify(digestRows(d), { header: true, columns: [...DIGEST_COLUMNS], escape_formulas: true });
}
