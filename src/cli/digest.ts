// `npm run digest -- --since 2027-01-01`: the staff digest as a table on the terminal and as CSV.
import { writeFile } from 'node:fs/promises';
import { plainTable } from './table.js';
import type { Config } from '../config.js';
import { parseOrThrow } from '../validation/index.js';
import { DigestQuerySchema, digestCsv, opportunityDigest, type Digest, type DigestQuery } from '../use-cases/opportunity-digest.js';
import { withEngine } from './engine.js';

export function buildDigest(config: Config, query: DigestQuery): Promise<Digest> {
  const parsed = parseOrThrow(DigestQuerySchema, query, 'digest query');
  return withEngine(config, (engine) => opportunityDigest(engine, parsed));
}

export function digestTable(d: Digest, width = process.stdout.columns ?? 120): string {
  const summary = `${d.newOpportunities} open opportunities added since ${d.since}; ${d.companies.length} companies with a fit of at least ${d.threshold}.`;
  if (d.companies.length === 0) return summary;
  const title = Math.max(24, Math.min(60, width - 90));
  const table = plainTable({
    head: ['Company', 'Contact', 'Opportunity', 'Type', 'Deadline', 'Fit'],
    colWidths: [30, 28, title, 20, 12, 18],
    wordWrap: true,
  });
  for (const { company, matches } of d.companies) {
    matches.forEach((m, i) => {
      const who = i === 0 ? [`${company.name} (${company.country})`, company.contactEmail ?? '-'] : ['', ''];
      table.push([
        ...who,
        `${m.opportunity.title} (${m.opportunity.country})`,
        m.opportunity.type,
        m.opportunity.deadline ?? '-',
        `${m.score.toFixed(2)} ${m.strength}`,
      ]);
    });
  }
  return `${summary}\n${table.toString()}`;
}

export async function writeDigestCsv(d: Digest, file: string): Promise<void> {
  await writeFile(file, digestCsv(d));
}
