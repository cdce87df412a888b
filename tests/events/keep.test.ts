// Re-scheduling with `keep`: every meeting of the previous agenda that the rules still allow stays
// in its slot at its table; new capacity is filled around them.
import { describe, expect, it } from 'vitest';
import { agendaViolations, belowReachableMinimum, schedule, type Meeting } from '../../src/events/index.js';
import { syntheticEvent } from '../../scripts/lib/synthetic-event.js';

const place = (m: Meeting) => `${[m.a, m.b].sort().join('+')}@${m.slot}#${m.table}`;

describe('keeping the agenda', () => {
  const full = syntheticEvent(41, 16, 11);
  const late = full.attendees[40]!.id;
  const before = {
    ...full,
    attendees: full.attendees
      .slice(0, 40)
      .map((a) => ({ ...a, wishes: a.wishes.filter((w) => w.target !== late), blocks: a.blocks.filter((b) => b !== late) })),
  };
  const first = schedule(before).meetings;

  it('keeps at least 95 % of meetings unchanged after one late registration, and gives the newcomer their minimum', () => {
    const second = schedule({ ...full, keep: first }).meetings;
    expect(agendaViolations(full, second)).toEqual([]);
    const now = new Set(second.map(place));
    expect(first.filter((m) => now.has(place(m))).length / first.length).toBeGreaterThanOrEqual(0.95);
    expect(second.filter((m) => m.a === late || m.b === late).length).toBeGreaterThanOrEqual(full.setup.minMeetings);
    expect(belowReachableMinimum(full, second)).toEqual([]);
  });

  it('keeps everything when nothing changed', () => {
    const again = schedule({ ...before, keep: first }).meetings;
    expect(new Set(again.map(place))).toEqual(new Set(first.map(place)));
  });

  it('drops only the meetings the rules no longer allow (a withdrawal, a new block)', () => {
    const gone = before.attendees[0]!.id;
    const [x, y] = [first.find((m) => m.a !== gone && m.b !== gone)!.a, first.find((m) => m.a !== gone && m.b !== gone)!.b];
    const changed = {
      ...before,
      attendees: before.attendees.filter((a) => a.id !== gone).map((a) => (a.id === x ? { ...a, blocks: [...a.blocks, y] } : a)),
    };
    const next = schedule({ ...changed, keep: first }).meetings;
    expect(agendaViolations(changed, next)).toEqual([]);
    const now = new Set(next.map(place));
    const stillAllowed = first.filter((m) => m.a !== gone && m.b !== gone && [m.a, m.b].sort().join('+') !== [x, y].sort().join('+'));
    const lost = stillAllowed.filter((m) => !now.has(place(m)));
    // Only to lift someone to their minimum may a kept meeting give way.
    expect(lost.length).toBeLessThanOrEqual(changed.setup.minMeetings * 2);
  });

  it('plans from scratch without `keep`', () => {
    const replanned = schedule(full).meetings;
    expect(agendaViolations(full, replanned)).toEqual([]);
  });
});
