// Mail sent to participants: what was last mailed to whom, so unchanged agendas are not sent again.

/** The agenda last mailed to one participant of one event. `to` is private (the contact e-mail). */
export interface AgendaMailing {
  eventId: string;
  companyId: string;
  /** Hash of the agenda's content as mailed (meetings, times, tables, partners). */
  agendaHash: string;
  to: string;
  transport: 'smtp' | 'outbox';
  messageId: string;
  sentAt: string;
}
