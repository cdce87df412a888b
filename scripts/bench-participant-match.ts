/**
 * Cost of matching pasted participant names (POST /api/v1/events/{id}/participants/match)
 * against table size: fills a fresh SQLite database with synthetic companies at each size and
 * times one request of pasted lines (names without Nordic letters, some with a typo, some
 * unknown). Each line costs at most seven word-index searches, each capped (MAX_SEARCH_MATCHES)
 * and paged to 20 rows, so the time per line should stay roughly flat as the table grows.
 *
 *   tsx scripts/bench-participant-match.ts --companies 10000,100000 --lines 200
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { openRepository, type Repository } from '../src/db/index.js';
import { CompanyInputSchema, foldText, toCompany, toMatchEvent, EventInputSchema } from '../src/domain/index.js';

import type { Engine } from '../src/engine/index.js';
import { matchParticipantLines } from '../src/use-cases/event-participants-bulk.js';
import { syntheticCompanies } from './lib/synthetic.js';

const { values } = parseArgs({ options: { companies: { type: 'string', default: '10000,100000' }, lines: { type: 'string', default: '200' } } });
const sizes = values.companies.split(',').map(Number);
const lineCount = Number(values.lines);

async function fill(repo: Repository, n: number): Promise<string[]> {
  const companies = syntheticCompanies(n).map((c) => toCompany(CompanyInputSchema.parse(c)));
  for (let i = 0; i < companies.length; i += 5_000) await repo.write({ companies: companies.slice(i, i + 5_000) });
  return companies.map((c) => c.name);
}

/** Every fifth line has a typo (a letter dropped), every tenth names no company at all. */
function pastedLines(names: string[], n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    if (i % 10 === 9) return `Qwzx Unheard Of ${i} Ltd`;
    const name = foldText(names[(i * 7919) % names.length]!);
    return i % 5 === 4 ? name.slice(0, 3) + name.slice(4) : name;
  });
}

const rows: string[] = [];
for (const size of sizes) {
  const dir = mkdtempSync(path.join(tmpdir(), 'nh-bench-match-'));
  const repo = await openRepository(`file:${path.join(dir, 'bench.db')}`);
  try {
    const names = await fill(repo, size);
    await repo.createEvent(
      toMatchEvent(
        EventInputSchema.parse({
          id: 'bench',
          name: 'Bench',
          timeZone: 'Europe/Helsinki',
          date: '2030-01-01',
          start: '09:00',
          slotMinutes: 20,
          slotCount: 8,
          tables: 10,
        }),
      ),
    );
    // Only the repository is used by matching: no model or vector index is needed to time it.
    const engine = { repo } as unknown as Engine;
    const lines = pastedLines(names, lineCount);
    await matchParticipantLines(engine, 'bench', { lines: lines.slice(0, 5) }); // warm the caches
    const started = performance.now();
    const { matches } = await matchParticipantLines(engine, 'bench', { lines });
    const ms = performance.now() - started;
    const exact = matches.filter((m, i) => i % 10 !== 9 && i % 5 !== 4 && m.candidates[0] && foldText(m.candidates[0].name) === m.line).length;
    const typos = matches.filter((m, i) => i % 10 !== 9 && i % 5 === 4 && m.candidates.length > 0).length;
    rows.push(
      `| ${size.toLocaleString('en')} | ${lineCount} | ${ms.toFixed(0)} | ${(ms / lineCount).toFixed(1)} | ${exact} of ${lines.filter((_, i) => i % 10 !== 9 && i % 5 !== 4).length} | ${typos} of ${lines.filter((_, i) => i % 10 !== 9 && i % 5 === 4).length} |`,
    );
  } finally {
    await repo.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log('Participant name matching, one request (SQLite)\n');
console.log('| companies | lines | ms | ms per line | exact names found first | typo lines with a candidate |\n|---|---|---|---|---|---|');
console.log(rows.join('\n'));
