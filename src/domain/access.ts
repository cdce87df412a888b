// API keys and widget introduction requests: who may call what, and what visitors ask staff for.
import { z } from 'zod';
import { CountrySchema, IdSchema, plainText, singleLine } from './schemas.js';

export const KEY_ROLES = ['site', 'staff', 'admin'] as const;
export type KeyRole = (typeof KEY_ROLES)[number];

export interface ApiKeyRecord {
  id: string;
  role: KeyRole;
  /** Who holds it: a person, or the partner site. */
  label: string;
  /** Site keys: the web origins (scheme://host[:port]) the widget may call from. */
  origins: string[];
  /** The first characters of the secret, to tell keys apart; never enough to use it. */
  prefix: string;
  createdAt: string;
  revokedAt: string | null;
}

const OriginSchema = z
  .string()
  .max(200)
  .regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i, 'must be an origin: scheme://host[:port], without a path');

export const ApiKeyInputSchema = z
  .strictObject({
    role: z.enum(KEY_ROLES),
    label: singleLine(plainText(200, 1)),
    origins: z.array(OriginSchema).max(50).default([]),
  })
  .refine((k) => k.role !== 'site' || k.origins.length > 0, { message: 'a site key needs at least one allowed origin', path: ['origins'] });

export const INTRODUCTION_STATUSES = ['new', 'in-progress', 'introduced', 'declined'] as const;

export interface Introduction {
  id: string;
  companyId: string;
  visitorName: string;
  visitorEmail: string;
  visitorCompany: string | null;
  visitorCountry: string | null;
  message: string;
  consentAt: string;
  siteKeyId: string | null;
  origin: string | null;
  language: string | null;
  status: (typeof INTRODUCTION_STATUSES)[number];
  staffNote: string | null;
  /** When staff mailed the request to the company, and to which (private) address; null until then. */
  forwardedAt: string | null;
  forwardedTo: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Staff forward a request to the company, with an optional note of their own above it. */
export const IntroductionForwardSchema = z.strictObject({
  note: plainText(2_000).optional(),
});

const plain = (max: number) => plainText(max, 1).transform((s) => s.trim());

export const IntroductionInputSchema = z.strictObject({
  companyId: IdSchema,
  name: singleLine(plainText(200, 1)).transform((s) => s.trim()),
  email: z.email().max(254),
  message: plain(2_000),
  visitorCompany: plain(200).optional(),
  country: CountrySchema.optional(),
  language: z.enum(['en', 'sv', 'fi', 'nb', 'da', 'is']).optional(),
  /** The visitor agreed that NordicHub stores the request and passes it on. */
  consent: z.literal(true, { error: 'consent is required to pass your request on' }),
});

export const IntroductionPatchSchema = z.strictObject({
  status: z.enum(INTRODUCTION_STATUSES).optional(),
  staffNote: plainText(5_000).nullable().optional(),
});
