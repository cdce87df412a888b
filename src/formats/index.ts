// Hand-out formats of an agenda: CSV, iCalendar, and the download names they go out under.
export type { AgendaMeeting, AgendaView, CancelledMeeting, CompanyRef, ParticipantAgenda, ParticipantMeeting, ScheduledAgenda } from './agenda-view.js';
export { agendaCsv, participantCsv } from './agenda-csv.js';
export { meetingUid, participantIcs } from './agenda-ics.js';
export { attachmentDisposition, slug } from './file-names.js';
