// Fairness: nobody ends below the minimum they could reach, checked against the proven bound
// (reachable.ts) and the independent validator, on hand-made traps and realistic events.
import { describe, expect, it } from 'vitest';
import { agendaViolations, belowReachableMinimum, meetingCountBound, reachableMeetings, schedule } from '../../src/events/index.js';
import { syntheticEvent } from '../../scripts/lib/synthetic-event.js';
import { person, problemBuilder } from './problem-fixture.js';

const slots = (n: number) => Array.from({ length: n }, (_, i) => ({ start: `2027-03-10T${String(8 + i).padStart(2, '0')}:00:00+02:00`, minutes: 20 }));
const problem = problemBuilder({ slots: slots(4), minMeetings: 2 });
const countOf = (meetings: readonly { a: string; b: string }[], id: string) => meetings.filter((m) => m.a === id || m.b === id).length;

describe('what a participant could reach', () => {
  it('is bounded by their partners, their slots shared with partners, and their cap', () => {
    const p = problem(
      [
        person('fi', 'FI', { availability: [0, 1] }),
        person('se', 'SE', { availability: [0] }),
        person('no', 'NO', { availability: [0] }),
        person('dk', 'DK', { availability: [3] }),
        person('fi2', 'FI'),
      ],
      { maxMeetings: 3 },
    );
    const reach = reachableMeetings(p);
    // fi: partners se, no (both only slot 0) and dk (slot 3, which fi lacks): one meeting at most.
    expect(reach[0]).toBe(1);
    // fi2 has se, no, dk in slots 0, 0 and 3: two at most.
    expect(reach[4]).toBe(2);
    expect(meetingCountBound(p)).toBeLessThanOrEqual(4 * 10);
  });
});

describe('the minimum', () => {
  it('goes to the participant everyone else outscores and who can come for one slot only', () => {
    // Only the Finnish hub can meet the Swedes; the late Swede's one slot is taken by a heavier pair.
    const score = (a: string, b: string) => ([a, b].includes('se-late') ? 0 : 1);
    const p = problem(
      [
        person('fi', 'FI', { availability: [0, 1, 2] }),
        person('se1', 'SE', { availability: [0, 1, 2] }),
        person('se2', 'SE', { availability: [0, 1, 2] }),
        person('se-late', 'SE', { availability: [1] }),
      ],
      { minMeetings: 1, maxMeetings: 3 },
      { score },
    );
    const { meetings } = schedule(p);
    expect(agendaViolations(p, meetings)).toEqual([]);
    expect(countOf(meetings, 'se-late')).toBe(1);
    expect(belowReachableMinimum(p, meetings)).toEqual([]);
  });

  it('is met on realistic events (40 % Finnish, cross-border only), with no rule broken', () => {
    for (const [n, seed] of [
      [60, 1],
      [120, 2],
      [300, 4],
    ] as const) {
      const p = syntheticEvent(n, 16, seed);
      const { meetings } = schedule(p);
      expect(agendaViolations(p, meetings)).toEqual([]);
      expect(belowReachableMinimum(p, meetings)).toEqual([]);
      expect(meetings.length).toBeGreaterThanOrEqual(0.9 * meetingCountBound(p));
    }
  });

  it('never lifts one participant by dropping another below their own minimum', () => {
    // One table, two slots: four people who each could meet two, but only two meetings fit.
    const p = problem(
      ['FI', 'SE', 'NO', 'DK'].map((c) => person(c.toLowerCase(), c, { availability: [0, 1] })),
      { slots: slots(2), tables: 1, minMeetings: 1 },
    );
    const { meetings } = schedule(p);
    expect(meetings).toHaveLength(2);
    expect(['fi', 'se', 'no', 'dk'].map((id) => countOf(meetings, id)).sort()).toEqual([1, 1, 1, 1]);
  });
});
