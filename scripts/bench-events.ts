// `npm run bench:events`: schedules synthetic matchmaking events of 100, 300 and 1,000 participants
// (16 slots, random availability, wishes and blocks; match scores from synthetic profile vectors;
// countries as at a real NordicHub event: 40 % Finnish, the rest Swedish, Norwegian, Danish and
// Icelandic) and prints the time, the agenda statistics, hard-rule violations found by the
// independent validator, participants below a minimum they could reach (reachable.ts proves the
// bound), meetings against their proven bound, and the gap to two objective bounds: the proven
// combinatorial one and the LP relaxation solved by HiGHS. Then one late registration into an
// event of 40, re-scheduled keeping the agenda: the share of meetings left unchanged.
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import type { Highs } from 'highs';
import {
  agendaStatistics,
  agendaViolations,
  allowedEdges,
  belowReachableMinimum,
  meetingCap,
  meetingCountBound,
  objectiveUpperBound,
  schedule,
  type AgendaProblem,
  type Edge,
} from '../src/events/index.js';
import { syntheticEvent } from './lib/synthetic-event.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,300,1000' },
    slots: { type: 'string', default: '16' },
    seed: { type: 'string', default: '7' },
    'lp-max-pairs': { type: 'string', default: '100000' },
  },
});

// highs is CommonJS whose typings declare an ES default export; require gives the loader itself.
const highsLoader = createRequire(import.meta.url)('highs') as () => Promise<Highs>;

async function lpBound(problem: AgendaProblem, edges: readonly Edge[]): Promise<{ value: number; ms: number } | undefined> {
  if (edges.length > Number(values['lp-max-pairs'])) return undefined;
  const started = performance.now();
  const highs = await highsLoader();
  const incident: string[][] = problem.attendees.map(() => []);
  const terms: string[] = [];
  edges.forEach((e, i) => {
    terms.push(`${e.weight.toFixed(6)} x${i}`);
    incident[e.a]!.push(`x${i}`);
    incident[e.b]!.push(`x${i}`);
  });
  const rows = incident
    .map((xs, p) => (xs.length ? ` p${p}: ${xs.join(' + ')} <= ${meetingCap(problem, problem.attendees[p]!.availability)}` : ''))
    .filter(Boolean);
  rows.push(` tables: ${edges.map((_, i) => `x${i}`).join(' + ')} <= ${problem.setup.tables * problem.setup.slots.length}`);
  const lp = `Maximize\n obj: ${terms.join(' + ')}\nSubject To\n${rows.join('\n')}\nBounds\n${edges.map((_, i) => ` 0 <= x${i} <= 1`).join('\n')}\nEnd\n`;
  const result = highs.solve(lp, { presolve: 'on' });
  if (result.Status !== 'Optimal') throw new Error(`LP: ${result.Status}`);
  return { value: result.ObjectiveValue, ms: performance.now() - started };
}

const fmt = (x: number, d = 0) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const pct = (x: number) => `${(100 * x).toFixed(2)} %`;

console.log(
  `Matchmaking scheduler on synthetic events (${values.slots} slots, tables = 30 % of participants, cap 10, minimum 3, cross-border only, 40 % FI, seed ${values.seed})`,
);
for (const n of values.sizes.split(',').map(Number)) {
  const problem = syntheticEvent(n, Number(values.slots), Number(values.seed) + n);
  const started = performance.now();
  const edges = allowedEdges(problem);
  const result = schedule(problem, undefined, edges);
  const ms = performance.now() - started;
  const violations = agendaViolations(problem, result.meetings);
  const stats = agendaStatistics(problem, result.meetings, edges);
  const short = belowReachableMinimum(problem, result.meetings, edges);
  const countBound = meetingCountBound(problem, edges);
  const proven = objectiveUpperBound(problem, edges);
  const lp = await lpBound(problem, edges);
  const w = stats.wishes;
  console.log(`\n== ${n} participants, ${problem.setup.tables} tables, ${fmt(edges.length)} allowed pairs`);
  console.log(`  time to schedule           ${fmt(ms)} ms`);
  console.log(`  hard-rule violations       ${violations.length}${violations.length ? `: ${violations.slice(0, 3).join('; ')}` : ''}`);
  console.log(`  below a reachable minimum  ${short.length}${short.length ? ` (${short.slice(0, 5).join(', ')})` : ''}`);
  console.log(
    `  meetings                   ${fmt(stats.meetings)} (per participant min ${stats.perParticipant.min}, median ${stats.perParticipant.median}, max ${stats.perParticipant.max})`,
  );
  console.log(`  meetings vs their bound    ${fmt(stats.meetings)}/${fmt(countBound)} (${pct(stats.meetings / countBound)})`);
  console.log(
    `  wishes met                 mutual ${w.mutualMet}/${w.mutualPairs} (${pct(w.mutualMet / w.mutualPairs)}; of those the rules allow ${w.mutualMet}/${w.mutualPossible}, ${pct(w.mutualMet / w.mutualPossible)})`,
  );
  console.log(
    `                             one-sided ${w.oneSidedMet}/${w.oneSided} (${pct(w.oneSidedMet / w.oneSided)}; of those the rules allow ${w.oneSidedMet}/${w.oneSidedPossible}, ${pct(w.oneSidedMet / w.oneSidedPossible)})`,
  );
  console.log(`  cross-border share         ${pct(stats.crossBorderShare)}`);
  console.log(`  total match score          ${fmt(stats.totalScore, 1)}`);
  console.log(`  objective                  ${fmt(result.objective, 1)}`);
  console.log(`  proven bound               ${fmt(proven.bound, 1)} (gap ${pct(1 - result.objective / proven.bound)})`);
  if (lp) console.log(`  LP relaxation bound        ${fmt(lp.value, 1)} (gap ${pct(1 - result.objective / lp.value)}; HiGHS ${fmt(lp.ms)} ms)`);
  else console.log(`  LP relaxation bound        skipped (more than ${values['lp-max-pairs']} pairs)`);
}

// One late registration: an event of 40 is scheduled, one more company registers, and the
// re-run keeps the agenda (what `POST /events/{id}/schedule` does by default).
{
  const full = syntheticEvent(41, Number(values.slots), Number(values.seed) + 41);
  const before = {
    ...full,
    attendees: full.attendees.slice(0, 40).map((a) => ({
      ...a,
      wishes: a.wishes.filter((w) => w.target !== full.attendees[40]!.id),
      blocks: a.blocks.filter((b) => b !== full.attendees[40]!.id),
    })),
  };
  const first = schedule(before).meetings;
  const started = performance.now();
  const second = schedule({ ...full, keep: first }).meetings;
  const ms = performance.now() - started;
  const at = new Set(second.map((m) => `${[m.a, m.b].sort().join('+')}@${m.slot}#${m.table}`));
  const unchanged = first.filter((m) => at.has(`${[m.a, m.b].sort().join('+')}@${m.slot}#${m.table}`)).length;
  const late = full.attendees[40]!.id;
  console.log(`\n== one late registration into an event of 40 (${full.setup.tables} tables), re-scheduled keeping the agenda`);
  console.log(`  meetings unchanged         ${unchanged}/${first.length} (${pct(unchanged / first.length)}) in ${fmt(ms)} ms`);
  console.log(
    `  the late company's         ${second.filter((m) => m.a === late || m.b === late).length} meetings; violations ${agendaViolations(full, second).length}; below a reachable minimum ${belowReachableMinimum(full, second).length}`,
  );
}
