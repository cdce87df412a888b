// The copy of an introduction request that goes to the visitor, in the widget's language. It
// repeats what the visitor sent and nothing about the company beyond its public name.
import type { Introduction } from '../domain/index.js';

/**
 * The one part of the mail seam (src/mail `Mailer`) this needs: a structurally compatible `send`,
 * so any `Mailer` can be passed without this file depending on how mail is delivered.
 */
export interface VisitorCopyMailer {
  send(message: { to: string; subject: string; text: string }): Promise<unknown>;
}

type Language = 'en' | 'sv' | 'fi' | 'nb' | 'da' | 'is';

interface CopyWords {
  subject: (company: string) => string;
  greeting: (name: string) => string;
  received: (company: string) => string;
  yourCompany: string;
  yourMessage: string;
}

const WORDS: Record<Language, CopyWords> = {
  en: {
    subject: (c) => `Your introduction request: ${c}`,
    greeting: (n) => `Hello ${n},`,
    received: (c) => `NordicHub has received your request for an introduction to ${c} and will be in touch.`,
    yourCompany: 'Your company',
    yourMessage: 'Your message',
  },
  sv: {
    subject: (c) => `Din förfrågan om introduktion: ${c}`,
    greeting: (n) => `Hej ${n},`,
    received: (c) => `NordicHub har tagit emot din förfrågan om en introduktion till ${c} och hör av sig.`,
    yourCompany: 'Ditt företag',
    yourMessage: 'Ditt meddelande',
  },
  fi: {
    subject: (c) => `Esittelypyyntösi: ${c}`,
    greeting: (n) => `Hei ${n},`,
    received: (c) => `NordicHub on vastaanottanut esittelypyyntösi yritykseen ${c} ja on yhteydessä.`,
    yourCompany: 'Yrityksesi',
    yourMessage: 'Viestisi',
  },
  nb: {
    subject: (c) => `Din forespørsel om introduksjon: ${c}`,
    greeting: (n) => `Hei ${n},`,
    received: (c) => `NordicHub har mottatt forespørselen din om en introduksjon til ${c} og tar kontakt.`,
    yourCompany: 'Din bedrift',
    yourMessage: 'Din melding',
  },
  da: {
    subject: (c) => `Din anmodning om introduktion: ${c}`,
    greeting: (n) => `Hej ${n},`,
    received: (c) => `NordicHub har modtaget din anmodning om en introduktion til ${c} og vender tilbage.`,
    yourCompany: 'Din virksomhed',
    yourMessage: 'Din besked',
  },
  is: {
    subject: (c) => `Beiðni þín um kynningu: ${c}`,
    greeting: (n) => `Halló ${n},`,
    received: (c) => `NordicHub hefur móttekið beiðni þína um kynningu við ${c} og hefur samband.`,
    yourCompany: 'Fyrirtækið þitt',
    yourMessage: 'Skilaboðin þín',
  },
};

/** The visitor's copy of a stored request, in the request's language (else English). */
export function visitorCopy(intro: Introduction, companyName: string): { to: string; subject: string; text: string } {
  const w = WORDS[(intro.language ?? 'en') as Language] ?? WORDS.en;
  const lines = [w.greeting(intro.visitorName), '', w.received(companyName), ''];
  if (intro.visitorCompany) lines.push(`${w.yourCompany}: ${intro.visitorCompany}`, '');
  lines.push(`${w.yourMessage}:`, intro.message, '', '— NordicHub');
  return { to: intro.visitorEmail, subject: w.subject(companyName), text: lines.join('\n') };
}
