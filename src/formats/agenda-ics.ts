// A participant's agenda as iCalendar: the venue's time zone (VTIMEZONE included), one VEVENT per
// meeting whose UID names the event and the pair (not the slot or table), so importing a newer
// file updates the entry; SEQUENCE counts the meeting's changes and a meeting called off goes
// out as STATUS:CANCELLED. METHOD:PUBLISH tells calendars the file replaces what they hold.
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { escape as icalEscape, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import type { ParticipantAgenda } from './agenda-view.js';

/** The stable UID of a pair's meeting at an event. */
export function meetingUid(eventId: string, a: string, b: string): string {
  const [x, y] = a < b ? [a, b] : [b, a];
  return `${eventId}.${x}.${y}@nordichub`;
}

export function participantIcs(agenda: ParticipantAgenda): string {
  const zone = agenda.event.timeZone;
  // ical-generator writes the calendar name raw into NAME and X-WR-CALNAME (its other text
  // properties are escaped): a line break in a name would start a property, or a whole VEVENT.
  const calendar = ical({
    name: icalEscape(`${agenda.event.name}: ${agenda.participant.name}`, false),
    prodId: { company: 'NordicHub', product: 'Partner Match' },
    method: ICalCalendarMethod.PUBLISH,
  });
  // No calendar-wide zone name: ical-generator would write DTSTAMP in it without the `Z` RFC 5545
  // requires. The VTIMEZONE still comes from the events' own zone.
  calendar.timezone({ name: null, generator: getVtimezoneComponent });
  calendar.x('X-WR-TIMEZONE', zone);
  const entry = (
    m: { with: { id: string; name: string; country: string }; start: string; end: string; table: number; sequence?: number | undefined },
    status: ICalEventStatus,
  ) => {
    calendar.createEvent({
      id: meetingUid(agenda.event.id, agenda.participant.id, m.with.id),
      sequence: m.sequence ?? 0,
      status,
      // Luxon times, not JS Dates: ical-generator writes a Date's UTC clock under the TZID.
      start: DateTime.fromISO(m.start).setZone(zone),
      end: DateTime.fromISO(m.end).setZone(zone),
      timezone: zone,
      summary: `${status === ICalEventStatus.CANCELLED ? 'Cancelled: ' : ''}Meeting: ${m.with.name} (${m.with.country})`,
      location: `${agenda.event.name}, table ${m.table + 1}`,
      description: `B2B meeting with ${m.with.name} (${m.with.country}) at table ${m.table + 1}.`,
    });
  };
  for (const m of agenda.meetings) entry(m, ICalEventStatus.CONFIRMED);
  for (const m of agenda.cancelled ?? []) entry(m, ICalEventStatus.CANCELLED);
  return calendar.toString();
}
