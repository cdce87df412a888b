// The mailing aggregate: agendas mailed to event participants. Kept in its own interface so
// the Repository seam grows by one `extends`./
import type { AgendaMailing } from '../domain/index.js';

export interface MailingStore {
  /** Every agenda mailed for the event, one row per participant (the latest mailing). */
  agendaMailings(eventId: string): Promise<AgendaMailing[]>;
  /** Records a mailing, replacing the previous one of the same event and company. */
  recordAgendaMailing(mailing: AgendaMailing): Promise<void>;
  /** GDPR export: every agenda mailed to the company, in any event. */
  agendaMailingsOf(companyId: string): Promise<AgendaMailing[]>;
  /** Erasure: removes every agenda mailing of the company; returns how many. */
  deleteAgendaMailingsFor(companyId: string): Promise<number>;
  /** A deleted event keeps no record of whom it mailed (those rows hold contact e-mails); returns how many. */
  deleteAgendaMailingsOfEvent(eventId: string): Promise<number>;
}

/** The columns of an `AgendaMailing` row as Prisma reads them. */
export interface AgendaMailingRow {
  eventId: string;
  companyId: string;
  agendaHash: string;
  toAddress: string;
  transport: string;
  messageId: string;
  sentAt: Date;
}

export const mailingFromRow = (r: AgendaMailingRow): AgendaMailing => ({
  eventId: r.eventId,
  companyId: r.companyId,
  agendaHash: r.agendaHash,
  to: r.toAddress,
  transport: r.transport as AgendaMailing['transport'],
  messageId: r.messageId,
  sentAt: r.sentAt.toISOString(),
});

export const mailingToRow = (m: AgendaMailing): AgendaMailingRow => ({
  eventId: m.eventId,
  companyId: m.companyId,
  agendaHash: m.agendaHash,
  toAddress: m.to,
  transport: m.transport,
  messageId: m.messageId,
  sentAt: new Date(m.sentAt),
});
