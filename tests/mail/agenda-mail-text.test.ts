// The agenda mail's words: the participant's language or English, times in the venue's zone.
import { describe, expect, it } from 'vitest';
import { agendaMailText, type AgendaMailInput } from '../../src/mail/agenda-mail-text.js';

const INPUT: AgendaMailInput = {
  eventName: 'Helsinki Cleantech Day',
  timeZone: 'Europe/Helsinki',
  participantName: 'Fjordlaks AS',
  // Given in UTC: the mail must show Helsinki's clock (UTC+3 in summer).
  meetings: [{ start: '2027-06-15T07:00:00.000Z', end: '2027-06-15T07:20:00.000Z', table: 0, with: { name: 'Kartonki Packaging Oy', country: 'FI' } }],
  update: false,
};

describe('agendaMailText', () => {
  it('writes the meetings at the venue’s local time with 1-based tables', () => {
    const { subject, text } = agendaMailText(INPUT, 'en');
    expect(subject).toBe('Your meetings at Helsinki Cleantech Day');
    expect(text).toContain('Tue 15 Jun 10:00–10:20, table 1: Kartonki Packaging Oy (FI)');
    expect(text).toContain("Times are in the venue's time zone (Europe/Helsinki).");
  });

  it('speaks the participant’s language, with local day names', () => {
    const { subject, text } = agendaMailText(INPUT, 'nb');
    expect(subject).toBe('Dine møter på Helsinki Cleantech Day');
    expect(text).toMatch(/^Hei Fjordlaks AS,/);
    expect(text).toContain('du har 1 møte på Helsinki Cleantech Day:');
    expect(text).toMatch(/tir\.? 15\.? jun\.? 10:00–10:20, bord 1/);
  });

  it('falls back to English when the language is unknown', () => {
    expect(agendaMailText(INPUT, null).subject).toBe('Your meetings at Helsinki Cleantech Day');
  });

  it('marks a resend as an update and says so when no meeting is left', () => {
    const { subject, text } = agendaMailText({ ...INPUT, meetings: [], update: true }, 'sv');
    expect(subject).toBe('Uppdaterat: dina möten på Helsinki Cleantech Day');
    expect(text).toContain('du har för närvarande inga möten inbokade på Helsinki Cleantech Day.');
  });

  it('keeps the subject on one line whatever the event name holds', () => {
    expect(agendaMailText({ ...INPUT, eventName: 'Day\r\nBcc: x@example.org' }, 'en').subject).toBe('Your meetings at Day Bcc: x@example.org');
  });
});
