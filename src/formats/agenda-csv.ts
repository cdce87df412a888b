// The agenda as a spreadsheet to hand out: local date and times in the venue's zone (not ISO
// stamps), 1-based slot and table numbers, company names, and a UTF-8 byte-order mark so Excel
// reads ø, ð and å right. The ISO times and the match score stay in the last columns for tools.
import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import type { AgendaView, ParticipantAgenda } from './agenda-view.js';

const BOM = '\uFEFF';

function local(iso: string, zone: string): { date: string; time: string } {
  const at = DateTime.fromISO(iso, { setZone: true }).setZone(zone);
  return { date: at.toFormat('yyyy-MM-dd'), time: at.toFormat('HH:mm') };
}

const AGENDA_COLUMNS = [
  'slot',
  'date',
  'start_time',
  'end_time',
  'time_zone',
  'table',
  'company_a',
  'country_a',
  'company_b',
  'country_b',
  'pinned',
  'wish',
  'score',
  'start',
  'end',
];

/** slot, date, start_time, end_time, time_zone, table: 1-based, in the venue's local time. */
function placeColumns(m: { slot: number; table: number; start: string; end: string }, zone: string): (string | number)[] {
  const from = local(m.start, zone);
  return [m.slot + 1, from.date, from.time, local(m.end, zone).time, zone, m.table + 1];
}

export function agendaCsv(view: AgendaView): string {
  const zone = view.event.timeZone;
  const rows = view.meetings.map((m) => {
    return [...placeColumns(m, zone), m.a.name, m.a.country, m.b.name, m.b.country, m.pinned ? 'yes' : '', m.wish ?? '', m.score.toFixed(3), m.start, m.end];
  });
  return BOM + stringify(rows, { header: true, columns: AGENDA_COLUMNS, escape_formulas: true });
}

const PARTICIPANT_COLUMNS = ['participant', 'slot', 'date', 'start_time', 'end_time', 'time_zone', 'table', 'meeting_with', 'country', 'wish', 'start', 'end'];

export function participantCsv(agenda: ParticipantAgenda): string {
  const zone = agenda.event.timeZone;
  const rows = agenda.meetings.map((m) => {
    return [agenda.participant.name, ...placeColumns(m, zone), m.with.name, m.with.country, m.wish ?? '', m.start, m.end];
  });
  return BOM + stringify(rows, { header: true, columns: PARTICIPANT_COLUMNS, escape_formulas: true });
}
