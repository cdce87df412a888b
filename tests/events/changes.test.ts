// The calendar and change list of a schedule run: one entry per pair, SEQUENCE up on each change.
import { describe, expect, it } from 'vitest';
import { calendarAfter, scheduleChanges } from '../../src/events/index.js';

const slots = ['09', '10', '11'].map((hour) => ({ start: `2027-03-10T${hour}:00:00.000+02:00`, minutes: 20 }));

describe('the calendar after a run', () => {
  const first = calendarAfter(
    [],
    [
      { a: 'fi', b: 'se', slot: 0, table: 0 },
      { a: 'fi', b: 'no', slot: 1, table: 0 },
      { a: 'se', b: 'no', slot: 2, table: 1 },
    ],
    slots,
  );

  it('starts every new pair at SEQUENCE 0 with its times', () => {
    expect(first.map((e) => e.sequence)).toEqual([0, 0, 0]);
    expect(first[0]).toMatchObject({ start: '2027-03-10T09:00:00.000+02:00', end: '2027-03-10T09:20:00.000+02:00', cancelled: false });
  });

  it('keeps an unchanged meeting, bumps a moved one, cancels a dropped one, and lists each side', () => {
    // fi+se unchanged (written the other way round), fi+no moved to another table, se+no dropped, dk+fi new.
    const secondAgenda = [
      { a: 'se', b: 'fi', slot: 0, table: 0 },
      { a: 'fi', b: 'no', slot: 1, table: 1 },
      { a: 'dk', b: 'fi', slot: 2, table: 0 },
    ];
    const second = calendarAfter(first, secondAgenda, slots);
    const entry = (a: string, b: string) => second.find((e) => [e.a, e.b].sort().join('+') === [a, b].sort().join('+'))!;
    expect(entry('fi', 'se')).toMatchObject({ sequence: 0, cancelled: false });
    expect(entry('fi', 'no')).toMatchObject({ sequence: 1, cancelled: false, table: 1 });
    expect(entry('se', 'no')).toMatchObject({ sequence: 1, cancelled: true, slot: 2, table: 1 });
    expect(entry('dk', 'fi')).toMatchObject({ sequence: 0, cancelled: false });

    const changes = scheduleChanges(first, second);
    expect(changes).toMatchObject({ kept: 1, moved: 1, cancelled: 1, added: 1 });
    expect(changes.participants.map((p) => p.companyId)).toEqual(['dk', 'fi', 'no', 'se']);
    const fi = changes.participants.find((p) => p.companyId === 'fi')!;
    expect(fi.moved).toEqual([
      {
        before: { with: 'no', slot: 1, table: 0, start: slots[1]!.start, end: '2027-03-10T10:20:00.000+02:00' },
        after: { with: 'no', slot: 1, table: 1, start: slots[1]!.start, end: '2027-03-10T10:20:00.000+02:00' },
      },
    ]);
    expect(fi.added).toEqual([expect.objectContaining({ with: 'dk', slot: 2, table: 0 })]);
    expect(changes.participants.find((p) => p.companyId === 'se')!.cancelled).toEqual([expect.objectContaining({ with: 'no', slot: 2, table: 1 })]);

    // The same agenda again: a cancelled meeting stays cancelled without a new SEQUENCE, and comes back one up.
    const third = calendarAfter(second, secondAgenda, slots);
    expect(third.find((e) => e.a === 'se' && e.b === 'no')).toMatchObject({ sequence: 1, cancelled: true });
    expect(scheduleChanges(second, third)).toEqual({ kept: 3, added: 0, moved: 0, cancelled: 0, participants: [] });
    const back = calendarAfter(third, [{ a: 'no', b: 'se', slot: 0, table: 1 }], slots);
    expect(back.find((e) => e.a === 'se' && e.b === 'no')).toMatchObject({ sequence: 2, cancelled: false, slot: 0, table: 1 });
  });
});
