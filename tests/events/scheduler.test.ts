// The scheduler's hard rules, objective and pins, each checked by the independent validator.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { agendaStatistics, agendaViolations, objectiveUpperBound, schedule, type AgendaProblem } from '../../src/events/index.js';
import { person, problemBuilder } from './problem-fixture.js';

const slots = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ start: `2027-03-10T0${Math.floor(i / 3) + 8}:${String((i % 3) * 20).padStart(2, '0')}:00+02:00`, minutes: 20 }));
const problem = problemBuilder({ slots: slots(4) });

const pairs = (p: AgendaProblem) => schedule(p).meetings.map((m) => [m.a, m.b].sort().join('+'));

function scheduled(p: AgendaProblem) {
  const result = schedule(p);
  expect(agendaViolations(p, result.meetings)).toEqual([]);
  return result.meetings;
}

describe('hard rules', () => {
  it('meets only in slots both can attend', () => {
    const p = problem([person('fi', 'FI', { availability: [0] }), person('se', 'SE', { availability: [1] }), person('no', 'NO', { availability: [0, 1] })]);
    const meetings = scheduled(p);
    expect(meetings.map((m) => [m.a, m.b].sort().join('+')).sort()).toEqual(['fi+no', 'no+se']);
    expect(meetings.find((m) => m.a === 'fi' || m.b === 'fi')!.slot).toBe(0);
  });

  it('never puts anyone in two meetings at once, nor more meetings in a slot than tables', () => {
    const p = problem(
      ['FI', 'SE', 'NO', 'DK', 'IS', 'AX'].map((c) => person(c.toLowerCase(), c)),
      { tables: 1 },
    );
    const meetings = scheduled(p);
    expect(meetings).toHaveLength(4); // one table, four slots
    expect(new Set(meetings.map((m) => m.slot)).size).toBe(4);
  });

  it('respects blocks and removed pairs, even for the best-scoring pair', () => {
    const score = (a: string, b: string) => ([a, b].sort().join('+') === 'fi+se' ? 1 : 0.1);
    expect(pairs(problem([person('fi', 'FI', { blocks: ['se'] }), person('se', 'SE'), person('no', 'NO')], {}, { score }))).not.toContain('fi+se');
    expect(pairs(problem([person('fi', 'FI'), person('se', 'SE', { blocks: ['fi'] }), person('no', 'NO')], {}, { score }))).not.toContain('fi+se');
    expect(pairs(problem([person('fi', 'FI'), person('se', 'SE'), person('no', 'NO')], {}, { score, removed: [['se', 'fi']] }))).not.toContain('fi+se');
  });

  it('respects the cap on meetings per participant', () => {
    const p = problem(
      ['FI', 'SE', 'NO', 'DK', 'IS'].map((c) => person(c.toLowerCase(), c)),
      { maxMeetings: 2 },
    );
    const stats = agendaStatistics(p, scheduled(p));
    expect(stats.perParticipant.max).toBe(2);
  });

  it('keeps meetings cross-border unless the event allows same-country ones', () => {
    const people = [person('fi1', 'FI'), person('fi2', 'FI'), person('se', 'SE')];
    expect(pairs(problem(people))).not.toContain('fi1+fi2');
    expect(pairs(problem(people, { allowSameCountry: true }))).toContain('fi1+fi2');
  });

  it('never breaks a rule on random events with pins, blocks, removals and wishes (property)', () => {
    const countries = ['FI', 'SE', 'NO', 'DK', 'IS'];
    const arbitrary = fc.record({
      n: fc.integer({ min: 2, max: 24 }),
      slotCount: fc.integer({ min: 1, max: 8 }),
      tables: fc.integer({ min: 1, max: 6 }),
      cap: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
      minMeetings: fc.integer({ min: 0, max: 3 }),
      sameCountry: fc.boolean(),
      seed: fc.integer(),
    });
    fc.assert(
      fc.property(arbitrary, ({ n, slotCount, tables, cap, minMeetings, sameCountry, seed }) => {
        let s = seed >>> 0;
        const random = () => {
          s = (s * 1664525 + 1013904223) >>> 0;
          return s / 2 ** 32;
        };
        const ids = Array.from({ length: n }, (_, i) => `p${i}`);
        const attendees = ids.map((id, i) =>
          person(id, countries[i % countries.length]!, {
            availability: Array.from({ length: slotCount }, (_, k) => k).filter(() => random() < 0.8),
            wishes: ids.filter((x) => x !== id && random() < 0.15).map((target) => ({ target, priority: (1 + Math.floor(random() * 3)) as 1 | 2 | 3 })),
            blocks: ids.filter((x) => x !== id && random() < 0.05),
          }),
        );
        const p = problem(
          attendees,
          { slots: slots(slotCount), tables, maxMeetings: cap, allowSameCountry: sameCountry, minMeetings },
          {
            score: (a, b) => ((a.length * 7 + b.length * 13 + a.charCodeAt(1) * b.charCodeAt(1)) % 100) / 100,
            removed: ids.length > 3 ? [[ids[0]!, ids[3]!]] : [],
          },
        );
        const result = schedule(p);
        expect(agendaViolations(p, result.meetings)).toEqual([]);
        expect(result.objective).toBeLessThanOrEqual(objectiveUpperBound(p).bound + 1e-6);
      }),
      { numRuns: 150, seed: 42 },
    );
  });
});

describe('objective', () => {
  it('puts mutual wishes before one-sided ones, and those before match scores', () => {
    // Two slots, one table: only two meetings fit.
    const score = (a: string, b: string) => ([a, b].sort().join('+') === 'dk+no' ? 1 : 0.1);
    const p = problem(
      [
        person('fi', 'FI', { wishes: [{ target: 'se', priority: 3 }] }),
        person('se', 'SE', { wishes: [{ target: 'fi', priority: 3 }] }),
        person('no', 'NO', { wishes: [{ target: 'is', priority: 1 }] }),
        person('is', 'IS'),
        person('dk', 'DK'),
      ],
      { slots: slots(2), tables: 1, minMeetings: 0 },
      { score },
    );
    expect(pairs(p).sort()).toEqual(['fi+se', 'is+no']);
  });

  it('gives everyone who can meet someone the minimum before anyone gets many', () => {
    // Everyone scores best with the hub; the hub alone could fill every slot.
    const score = (a: string, b: string) => (a === 'hub' || b === 'hub' ? 1 : 0.2);
    const others = ['SE', 'NO', 'DK', 'IS'].flatMap((c) => [person(`${c}1`, c), person(`${c}2`, c)]);
    const p = problem([person('hub', 'FI', { availability: [0, 1, 2, 3] }), ...others], { slots: slots(4), tables: 4, minMeetings: 2 }, { score });
    const stats = agendaStatistics(p, scheduled(p));
    expect(stats.perParticipant.min).toBeGreaterThanOrEqual(2);
  });
});

describe('pins', () => {
  const people = () => ['FI', 'SE', 'NO', 'DK'].map((c) => person(c.toLowerCase(), c));

  it('keeps pinned meetings exactly where staff put them', () => {
    const p = problem(people(), { tables: 2 }, { pinned: [{ a: 'fi', b: 'dk', slot: 3, table: 1 }] });
    const meetings = scheduled(p);
    expect(meetings).toContainEqual({ a: 'fi', b: 'dk', slot: 3, table: 1, pinned: true });
  });

  it('refuses pins that cannot all hold, naming each, and schedules nothing', () => {
    const tooMany = problem(
      people(),
      { tables: 1 },
      {
        pinned: [
          { a: 'fi', b: 'se', slot: 0, table: 0 },
          { a: 'no', b: 'dk', slot: 0, table: 0 },
        ],
      },
    );
    const err = (() => {
      try {
        schedule(tooMany);
      } catch (e) {
        return e;
      }
    })() as AppError;
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('infeasible');
    expect(err.issues).toEqual([{ path: 'pinned[1]', message: 'table 0 in slot 0 is pinned twice' }]);
    const unavailable = problem([person('fi', 'FI', { availability: [1] }), person('se', 'SE')], {}, { pinned: [{ a: 'fi', b: 'se', slot: 0, table: 0 }] });
    expect(() => schedule(unavailable)).toThrow(/cannot all hold/);
    const twice = problem(
      people(),
      {},
      {
        pinned: [
          { a: 'fi', b: 'se', slot: 0, table: 0 },
          { a: 'fi', b: 'no', slot: 0, table: 1 },
        ],
      },
    );
    expect(() => schedule(twice)).toThrow(AppError);
  });
});

describe('the independent validator', () => {
  const p = problem(
    [person('fi', 'FI', { availability: [0, 1], blocks: ['dk'] }), person('se', 'SE'), person('no', 'NO'), person('dk', 'DK'), person('fi2', 'FI')],
    { tables: 1, maxMeetings: 1 },
  );
  it.each([
    [
      'double booking',
      [
        { a: 'fi', b: 'se', slot: 0, table: 0 },
        { a: 'fi', b: 'no', slot: 0, table: 1 },
      ],
      /fi has two meetings at once/,
    ],
    ['unavailable slot', [{ a: 'fi', b: 'se', slot: 3, table: 0 }], /fi is not available/],
    [
      'table overbooked',
      [
        { a: 'fi', b: 'se', slot: 0, table: 0 },
        { a: 'no', b: 'dk', slot: 0, table: 0 },
      ],
      /table already taken/,
    ],
    ['table that does not exist', [{ a: 'no', b: 'se', slot: 0, table: 1 }], /no such table/],
    ['blocked pair', [{ a: 'fi', b: 'dk', slot: 0, table: 0 }], /blocked pair/],
    [
      'over the cap',
      [
        { a: 'fi', b: 'se', slot: 0, table: 0 },
        { a: 'fi', b: 'no', slot: 1, table: 0 },
      ],
      /over the cap/,
    ],
    ['same country', [{ a: 'fi', b: 'fi2', slot: 0, table: 0 }], /same country/],
    [
      'pair twice',
      [
        { a: 'no', b: 'se', slot: 0, table: 0 },
        { a: 'se', b: 'no', slot: 1, table: 0 },
      ],
      /meets twice/,
    ],
  ])('catches %s', (_name, meetings, message) => {
    expect(agendaViolations(p, meetings).join('\n')).toMatch(message);
  });

  it('catches a missing pin', () => {
    const pinned = { ...p, pinned: [{ a: 'no', b: 'se', slot: 2, table: 0 }] };
    expect(agendaViolations(pinned, [])).toEqual(['pinned no+se in slot 2 is missing']);
  });
});

describe('the upper bound', () => {
  it('is at least the best agenda found by brute force on a tiny event', () => {
    const score = (a: string, b: string) =>
      ({ 'fi+se': 0.9, 'fi+no': 0.8, 'no+se': 0.7, 'dk+fi': 0.1, 'dk+se': 0.2, 'dk+no': 0.3 })[[a, b].sort().join('+')] ?? 0;
    const p = problem(
      ['FI', 'SE', 'NO', 'DK'].map((c) => person(c.toLowerCase(), c, { availability: [0, 1] })),
      { slots: slots(2), tables: 2, minMeetings: 0 },
      { score },
    );
    const result = schedule(p);
    // Two slots of two disjoint pairs: the best is {fi+se, dk+no} + {fi+no, dk+se} = 90+30+80+20.
    expect(result.objective).toBeCloseTo(220, 6);
    expect(objectiveUpperBound(p).bound).toBeGreaterThanOrEqual(220 - 1e-9);
  });
});
