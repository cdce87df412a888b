// An independent check of every hard rule of an agenda. It shares nothing with the scheduler
// but the problem's shapes, so a scheduler bug cannot hide behind its own bookkeeping.
import { pairKey, type AgendaProblem, type Meeting } from './agenda.js';

export function agendaViolations(problem: AgendaProblem, meetings: readonly Meeting[]): string[] {
  const out: string[] = [];
  const { setup } = problem;
  const byId = new Map(problem.attendees.map((a) => [a.id, a]));
  const busy = new Set<string>();
  const tableUse = new Set<string>();
  const count = new Map<string, number>();
  const pairs = new Set<string>();
  const removed = new Set(problem.removed.map(([a, b]) => pairKey(a, b)));
  const cap = setup.maxMeetings ?? Infinity;
  for (const m of meetings) {
    const where = `${m.a}+${m.b} in slot ${m.slot} at table ${m.table}`;
    const a = byId.get(m.a);
    const b = byId.get(m.b);
    if (!a || !b) {
      out.push(`${where}: unknown participant`);
      continue;
    }
    if (m.a === m.b) out.push(`${where}: a participant meets itself`);
    if (!Number.isInteger(m.slot) || m.slot < 0 || m.slot >= setup.slots.length) out.push(`${where}: no such slot`);
    if (!Number.isInteger(m.table) || m.table < 0 || m.table >= setup.tables) out.push(`${where}: no such table`);
    for (const p of [a, b]) {
      if (!p.availability.includes(m.slot)) out.push(`${where}: ${p.id} is not available then`);
      const key = `${p.id}@${m.slot}`;
      if (busy.has(key)) out.push(`${where}: ${p.id} has two meetings at once`);
      busy.add(key);
      count.set(p.id, (count.get(p.id) ?? 0) + 1);
    }
    const table = `${m.slot}#${m.table}`;
    if (tableUse.has(table)) out.push(`${where}: table already taken`);
    tableUse.add(table);
    if (a.blocks.includes(b.id) || b.blocks.includes(a.id)) out.push(`${where}: blocked pair`);
    if (!setup.allowSameCountry && a.country === b.country) out.push(`${where}: same country`);
    const key = pairKey(m.a, m.b);
    if (pairs.has(key)) out.push(`${where}: the pair meets twice`);
    pairs.add(key);
    if (removed.has(key) && !m.pinned) out.push(`${where}: staff removed this pair`);
  }
  for (const [id, n] of count) if (n > cap) out.push(`${id} has ${n} meetings, over the cap of ${cap}`);
  for (const p of problem.pinned) {
    if (!meetings.some((m) => pairKey(m.a, m.b) === pairKey(p.a, p.b) && m.slot === p.slot && m.table === p.table))
      out.push(`pinned ${p.a}+${p.b} in slot ${p.slot} is missing`);
  }
  return out;
}
