// Request and response shapes of the HTTP API. Request schemas come from the domain; these add
// the HTTP-only parts (query strings, pages, problems) and describe responses for OpenAPI.
import { z } from 'zod';
import {
  decimalInt, MAX_SEARCH_CHARS, MAX_SEARCH_WORDS, searchWords,
  ClusterInputSchema, CompanyInputSchema, CountrySchema, IdSchema, OpportunityInputSchema,
  OpportunityTypeSchema, PartnerTypeSchema, SectorSchema,
} from '../domain/index.js';
import { DigestQuerySchema } from '../use-cases/opportunity-digest.js';
import { READER_LANGUAGES } from '../matching/index.js';

/** `a,b,c` or a repeated parameter, as a checked list. */
export const csv = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item).max(50))
    .meta({ description: 'Comma-separated list' });

export const IdParams = z.object({ id: IdSchema });

export const ListQuerySchema = z.strictObject({
  limit: decimalInt(1, 500).default(50).meta({ description: 'Page size (1-500)' }),
  offset: decimalInt(0, 10_000_000).default(0),
  country: CountrySchema.optional(),
  sector: SectorSchema.optional(),
  q: z
    .string()
    .max(MAX_SEARCH_CHARS)
    // Counted after the split the search itself uses: punctuation, % and _ separate words too.
    .refine((q) => searchWords(q).length <= MAX_SEARCH_WORDS, `at most ${MAX_SEARCH_WORDS} words (letters and digits; anything else separates words)`)
    .optional()
    .meta({
      description: `Up to ${MAX_SEARCH_WORDS} words (${MAX_SEARCH_CHARS} characters) that must all appear in the name (title), description, offers, needs or id; any letter case, accents and Nordic letters folded (ø = o, æ = ae); words of 2+ letters match as prefixes ("batter" finds "battery")`,
    }),
});

export const CompanyListQuerySchema = ListQuerySchema.extend({
  cluster: IdSchema.optional().meta({ description: 'Only members of this cluster' }),
});

const ReaderLanguageSchema = z
  .enum(READER_LANGUAGES)
  .optional()
  .meta({ description: 'Language of the reasons (en, sv, fi, nb, da, is); else the Accept-Language header, else English' });

export const PartnerQuerySchema = z.strictObject({
  limit: decimalInt(1, 100).default(10),
  countries: csv(CountrySchema).optional(),
  sectors: csv(SectorSchema).optional(),
  partnerTypes: csv(PartnerTypeSchema).optional().meta({ description: 'Only companies looking for a partner of these types' }),
  language: ReaderLanguageSchema,
});

export const OpportunityQuerySchema = z.strictObject({
  limit: decimalInt(1, 100).default(10),
  types: csv(OpportunityTypeSchema).optional().meta({ description: 'Only these opportunity types' }),
  sectors: csv(SectorSchema).optional(),
  countries: csv(CountrySchema).optional(),
  language: ReaderLanguageSchema,
});

export const AudienceQuerySchema = z.strictObject({
  limit: decimalInt(1, 500).default(50),
  countries: csv(CountrySchema).optional(),
  sectors: csv(SectorSchema).optional(),
  partnerTypes: csv(PartnerTypeSchema).optional(),
});

export const ClusterPartnerQuerySchema = z.strictObject({
  limit: decimalInt(1, 50).default(10),
  countries: csv(CountrySchema).optional(),
});

export const DigestHttpQuerySchema = DigestQuerySchema.extend({
  format: z.enum(['json', 'csv']).default('json').meta({ description: '`csv` answers text/csv, one row per company and opportunity' }),
});

const nullable = <T extends z.ZodType>(s: T) => s.nullable();

/** On answers about one entity (GET one, POST, PATCH); the same number as their ETag. */
export const VersionField = z.number().int().min(1).optional().meta({ description: 'The entity’s version (+1 on every write), as in the ETag `"<version>"`; on single-entity answers only' });

export const ClusterSchema = ClusterInputSchema.extend({ website: nullable(z.string()), version: VersionField }).meta({ id: 'Cluster' });
export const OpportunitySchema = OpportunityInputSchema.extend({ deadline: nullable(z.string()), url: nullable(z.string()), version: VersionField }).meta({ id: 'Opportunity' });

const companyBase = CompanyInputSchema.extend({
  language: nullable(z.string()),
  employees: nullable(z.number()),
  website: nullable(z.string()),
  contactEmail: nullable(z.string()),
  contactPhone: nullable(z.string()),
  notes: nullable(z.string()),
  version: VersionField,
});
export const CompanySchema = companyBase.meta({ id: 'Company', description: 'Private fields (contact, notes) appear only for staff and admin keys.' });
export const PublicCompanySchema = companyBase.omit({ contactEmail: true, contactPhone: true, notes: true }).meta({ id: 'PublicCompany' });

export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

const scoredFields = {
  score: z.number().min(0).max(1).meta({ description: 'The fused ranking score (dense signals, lexical concepts, country fit); comparable within one answer' }),
  relevance: z.number().min(0).max(1).meta({ description: 'Calibrated probability that a person judges this result relevant (isotonic fit on judged data)' }),
  strength: z.enum(['very strong', 'strong', 'good', 'some']).meta({ description: 'The relevance in words: very strong >= 0.95, strong >= 0.9, good >= 0.5' }),
};

export const PartnerResponseSchema = z
  .object({
    results: z.array(
      z.object({
        company: PublicCompanySchema,
        ...scoredFields,
        scores: z.record(z.string(), z.number()).meta({ description: 'Per signal, 0..1: needsOffers, offersNeeds, profile, sectors, lexical' }),
        reasons: z.array(z.string()),
      }),
    ),
    model: z.string(),
  })
  .meta({ id: 'PartnerResponse' });

const scored = {
  ...scoredFields,
  scores: z.record(z.string(), z.number()).meta({ description: 'Per signal, 0..1' }),
  reasons: z.array(z.string()),
};

export const OpportunityResponseSchema = z
  .object({ results: z.array(z.object({ opportunity: OpportunitySchema, ...scored })), model: z.string() })
  .meta({ id: 'OpportunityResponse' });

export const AudienceResponseSchema = z
  .object({
    opportunity: OpportunitySchema.extend({ open: z.boolean() }),
    results: z.array(z.object({ company: CompanySchema, ...scored })),
    model: z.string(),
  })
  .meta({ id: 'AudienceResponse', description: 'Staff only: companies carry their contact fields for alerting.' });

const memberRef = z.object({ id: z.string(), name: z.string(), country: z.string() });

export const ClusterPartnerResponseSchema = z
  .object({
    results: z.array(
      z.object({
        cluster: ClusterSchema,
        score: z.number().min(0).max(1),
        strength: z.enum(['very strong', 'strong', 'good', 'some']).meta({ description: 'The score in words' }),
        scores: z.record(z.string(), z.number()).meta({ description: 'Per signal, 0..1' }),
        reasons: z.array(z.string()),
        memberPairs: z.array(z.object({ member: memberRef, partner: memberRef, score: z.number(), reason: z.string() })).meta({
          description: 'The member pairs that make the match strongest: a member of the asking cluster and one of the suggested cluster',
        }),
      }),
    ),
    model: z.string(),
  })
  .meta({ id: 'ClusterPartnerResponse' });

export const DigestSchema = z
  .object({
    since: z.string(),
    threshold: z.number(),
    generatedAt: z.string(),
    newOpportunities: z.number().int(),
    companies: z.array(
      z.object({
        company: CompanySchema,
        matches: z.array(z.object({ opportunity: OpportunitySchema, score: z.number(), strength: z.string(), reasons: z.array(z.string()) })),
      }),
    ),
  })
  .meta({ id: 'Digest' });

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

export const ImportReportSchema = z.object({
  clusters: z.object({ created: z.number(), updated: z.number() }),
  companies: z.object({ created: z.number(), updated: z.number() }),
  opportunities: z.object({ created: z.number(), updated: z.number() }),
  embedded: z.number(),
  ms: z.number(),
});
