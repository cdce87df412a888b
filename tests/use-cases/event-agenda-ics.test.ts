// Participant .ics files: every text property escaped (a line break in a name cannot start a
// property or a VEVENT), DTSTAMP in UTC, the venue's VTIMEZONE kept.
import { describe, expect, it } from 'vitest';
import { participantIcs, type ParticipantAgenda } from '../../src/use-cases/event-agenda.js';

const INJECTED = 'Evil\r\nEND:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Injected\r\nEND:VEVENT\nX-INJECTED:1';

function agenda(eventName: string, companyName: string): ParticipantAgenda {
  const meeting = { slot: 0, start: '2027-03-28T09:00:00.000+03:00', end: '2027-03-28T09:20:00.000+03:00', table: 0, pinned: false, score: 0.5, wish: null };
  return {
    event: { id: 'ev-1', name: eventName, timeZone: 'Europe/Helsinki', slots: [{ start: meeting.start, minutes: 20 }], tables: 1, scheduledAt: null },
    participant: { id: 'fi-a', name: companyName, country: 'FI' },
    meetings: [{ ...meeting, with: { id: 'se-b', name: companyName, country: 'SE' } }],
  } as ParticipantAgenda;
}

/** RFC 5545 content lines: unfolded, split at CRLF only. */
const contentLines = (ics: string) =>
  ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);

describe('participant iCalendar', () => {
  it('escapes line breaks in event and company names instead of writing them raw', () => {
    const lines = contentLines(participantIcs(agenda(INJECTED, INJECTED)));
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines.filter((l) => l === 'END:VCALENDAR')).toHaveLength(1);
    expect(lines.some((l) => /^(X-INJECTED|SUMMARY:Injected)/.test(l))).toBe(false);
    // No bare CR or LF anywhere but in the CRLF line ends.
    expect(participantIcs(agenda(INJECTED, INJECTED)).replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const name = lines.find((l) => l.startsWith('X-WR-CALNAME:'))!;
    expect(name).toBe(
      'X-WR-CALNAME:Evil\\nEND:VCALENDAR\\nBEGIN:VEVENT\\nSUMMARY:Injected\\nEND:VEVENT\\nX-INJECTED:1: Evil\\nEND:VCALENDAR\\nBEGIN:VEVENT\\nSUMMARY:Injected\\nEND:VEVENT\\nX-INJECTED:1',
    );
  });

  it('escapes commas and semicolons in names', () => {
    const lines = contentLines(participantIcs(agenda('Day; one, two', 'A, B; C')));
    expect(lines).toContain('NAME:Day\\; one\\, two: A\\, B\\; C');
  });

  it('writes DTSTAMP in UTC and keeps the venue time zone', () => {
    const lines = contentLines(participantIcs(agenda('Nordic Day', 'Acme')));
    const stamps = lines.filter((l) => l.startsWith('DTSTAMP'));
    expect(stamps.length).toBeGreaterThan(0);
    for (const s of stamps) expect(s).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
    expect(lines).toContain('BEGIN:VTIMEZONE');
    expect(lines).toContain('TZID:Europe/Helsinki');
    expect(lines).toContain('DTSTART;TZID=Europe/Helsinki:20270328T090000');
  });
});
