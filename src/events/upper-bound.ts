// A proven upper bound on the scheduler's objective, to say how far from optimal an agenda is.
// Any agenda is a set of distinct allowed pairs in which nobody exceeds their meeting cap and
// which has at most tables x slots meetings. So its weight is at most (a) half the sum, over
// participants, of their `cap` heaviest allowed pairs (each meeting counted at both ends), and
// (b) the weight of the tables x slots heaviest pairs. (scripts/bench-events.ts also solves the
// LP relaxation of both constraints together, which is tighter.)
import type { AgendaProblem } from './agenda.js';
import { allowedEdges, meetingCap, type Edge } from './edges.js';

export interface UpperBound {
  byParticipants: number;
  byTables: number;
  bound: number;
}

export function objectiveUpperBound(problem: AgendaProblem, edges: readonly Edge[] = allowedEdges(problem)): UpperBound {
  const incident: number[][] = problem.attendees.map(() => []);
  for (const e of edges) {
    incident[e.a]!.push(e.weight);
    incident[e.b]!.push(e.weight);
  }
  let byParticipants = 0;
  incident.forEach((weights, p) => {
    weights.sort((x, y) => y - x);
    const cap = meetingCap(problem, problem.attendees[p]!.availability);
    for (let i = 0; i < Math.min(cap, weights.length); i++) byParticipants += weights[i]! / 2;
  });
  const capacity = problem.setup.tables * problem.setup.slots.length;
  const byTables = [...edges]
    .map((e) => e.weight)
    .sort((x, y) => y - x)
    .slice(0, capacity)
    .reduce((s, w) => s + w, 0);
  return { byParticipants, byTables, bound: Math.min(byParticipants, byTables) };
}
