// What staff report about an agenda: meetings per participant, wishes met, cross-border share.
import { pairKey, type AgendaProblem, type Meeting } from './agenda.js';
import { allowedEdges, type Edge } from './edges.js';

export interface AgendaStatistics {
  meetings: number;
  /** Over participants who could meet someone at all. */
  perParticipant: { min: number; median: number; max: number };
  /** Wished pairs, met, and how many of them the rules allow at all (same country, blocks, no common slot). */
  wishes: { mutualPairs: number; mutualMet: number; mutualPossible: number; oneSided: number; oneSidedMet: number; oneSidedPossible: number };
  crossBorderShare: number;
  /** Sum of the match scores of the scheduled pairs. */
  totalScore: number;
}

export function agendaStatistics(problem: AgendaProblem, meetings: readonly Meeting[], allowed: readonly Edge[] = allowedEdges(problem)): AgendaStatistics {
  const country = new Map(problem.attendees.map((a) => [a.id, a.country]));
  const met = new Set(meetings.map((m) => pairKey(m.a, m.b)));
  const count = new Map<string, number>();
  for (const m of meetings) for (const id of [m.a, m.b]) count.set(id, (count.get(id) ?? 0) + 1);
  const ids = problem.attendees.map((a) => a.id);
  const canMeet = new Set(allowed.flatMap((e) => [ids[e.a]!, ids[e.b]!]));
  const possible = new Set(allowed.map((e) => pairKey(ids[e.a]!, ids[e.b]!)));
  const counts = [...canMeet].map((id) => count.get(id) ?? 0).sort((a, b) => a - b);
  const wishPairs = new Map<string, number>();
  for (const a of problem.attendees) for (const w of a.wishes) wishPairs.set(pairKey(a.id, w.target), (wishPairs.get(pairKey(a.id, w.target)) ?? 0) + 1);
  const wishes = { mutualPairs: 0, mutualMet: 0, mutualPossible: 0, oneSided: 0, oneSidedMet: 0, oneSidedPossible: 0 };
  for (const [key, n] of wishPairs) {
    const kind = n === 2 ? 'mutual' : 'oneSided';
    wishes[kind === 'mutual' ? 'mutualPairs' : 'oneSided']++;
    if (met.has(key)) wishes[`${kind}Met`]++;
    if (possible.has(key)) wishes[`${kind}Possible`]++;
  }
  return {
    meetings: meetings.length,
    perParticipant: { min: counts[0] ?? 0, median: counts[Math.floor(counts.length / 2)] ?? 0, max: counts.at(-1) ?? 0 },
    wishes,
    crossBorderShare: meetings.length ? meetings.filter((m) => country.get(m.a) !== country.get(m.b)).length / meetings.length : 0,
    totalScore: meetings.reduce((s, m) => s + Math.max(0, Math.min(1, problem.score(m.a, m.b))), 0),
  };
}
