// Scheduling an event and reading its agenda: JSON, CSV for the whole event, and per
// participant CSV and iCalendar with the venue's time zone. One verb per file in ./events/; the
// CSV and iCalendar writers live in src/formats.
export { agendaCsv, participantCsv, participantIcs } from '../formats/index.js';
export type { AgendaMeeting, AgendaView, CompanyRef, ParticipantAgenda, ScheduledAgenda } from '../formats/index.js';
export { agendaView } from './events/agenda-view.js';
export { participantAgenda } from './events/participant-agenda.js';
export { scheduleEvent } from './events/schedule-event.js';
