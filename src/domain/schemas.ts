// Validation of what enters the domain. The same schemas type the API and describe it in OpenAPI.
import { z } from 'zod';
import { COUNTRIES, LANGUAGES, OPPORTUNITY_TYPES, PARTNER_TYPES, SECTORS } from './vocabulary.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this pattern's purpose.
const controlChars = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Plain text: no control characters (newlines and tabs allowed), valid Unicode, trimmed length. */
const text = (max: number, min = 0) =>
  z
    .string()
    .max(max)
    .refine((s) => !controlChars.test(s), 'must not contain control characters')
    .refine((s) => !loneSurrogate.test(s), 'must be valid Unicode (no lone surrogates)')
    .refine((s) => s.trim().length >= min, min > 0 ? `must not be empty` : 'ok');

/** Free text as every schema accepts it; for schemas outside this file. */
export const plainText = text;

// Names end up on one line in places we do not control (calendar files, CSV, e-mail subjects):
// no line breaks or other C0/C1 controls, and no bidi controls that could reorder what is shown.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this pattern's purpose.
const nameBreakers = /[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** A refinement for any string schema that holds a name or a title. */
export const singleLine = <S extends z.ZodString>(schema: S) =>
  schema.refine((s) => !nameBreakers.test(s), 'must be one line without control or bidi characters (U+202A-202E, U+2066-2069, U+200E/F)');

/** A name or title: plain text on one line. */
export const nameText = (max: number) => singleLine(text(max, 1));

/**
 * A count in a query string: plain decimal digits only. `z.coerce.number()` would read `0x10`
 * as 16, `1e2` as 100 and ` 5` or `+5` as 5; such values are refused instead.
 */
export const decimalInt = (min: number, max: number) =>
  z.union([z.number(), z.string().regex(/^[0-9]{1,15}$/, 'must be a whole number in plain decimal digits')]).transform((v, ctx) => {
    const n = Number(v);
    if (Number.isSafeInteger(n) && n >= min && n <= max) return n;
    ctx.addIssue({ code: 'custom', message: `must be a whole number from ${min} to ${max}` });
    return z.NEVER;
  });

/** A decimal fraction in a query string (`0.5`, `1`): no exponents, signs, hex or spaces. */
export const decimalNumber = (min: number, max: number) =>
  z.union([z.number(), z.string().regex(/^[0-9]{1,15}(\.[0-9]{1,15})?$/, 'must be a number in plain decimal notation')]).transform((v, ctx) => {
    const n = Number(v);
    if (Number.isFinite(n) && n >= min && n <= max) return n;
    ctx.addIssue({ code: 'custom', message: `must be a number from ${min} to ${max}` });
    return z.NEVER;
  });

/**
 * A list filter, as a query string sends it (`a,b,c` or a repeated parameter) or as a JSON array:
 * one schema for HTTP, the CLI and the use cases, so every caller meets the same limit and error.
 */
export const listFilter = <T extends z.ZodType<unknown, string>>(item: T, max: number) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) =>
      (Array.isArray(v) ? v : [v])
        .flatMap((s) => s.split(','))
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(max))
    .meta({ description: `Comma-separated list (at most ${max})` });

export const IdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,79}$/, 'must be 1-80 characters: letters, digits, . _ : - (not starting with punctuation)');

const url = z.url({ protocol: /^https?$/ }).max(500);
const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((xs) => new Set(xs).size === xs.length, 'must not contain duplicates');

export const CountrySchema = z.enum(COUNTRIES);
export const SectorSchema = z.enum(SECTORS);
export const PartnerTypeSchema = z.enum(PARTNER_TYPES);
export const OpportunityTypeSchema = z.enum(OPPORTUNITY_TYPES);

export const ClusterInputSchema = z.strictObject({
  id: IdSchema,
  name: nameText(200),
  country: CountrySchema,
  description: text(10_000, 1),
  sectors: uniqueList(SectorSchema, SECTORS.length).default([]),
  website: url.nullish(),
});

export const CompanyInputSchema = z.strictObject({
  id: IdSchema,
  name: nameText(200),
  country: CountrySchema,
  clusterIds: uniqueList(IdSchema, 20).default([]),
  description: text(10_000, 1),
  offers: text(5_000).default(''),
  needs: text(5_000).default(''),
  sectors: uniqueList(SectorSchema, SECTORS.length).default([]),
  partnerTypes: uniqueList(PartnerTypeSchema, PARTNER_TYPES.length).default([]),
  language: z.enum(LANGUAGES).nullish(),
  employees: z.number().int().min(0).max(10_000_000).nullish(),
  website: url.nullish(),
  contactEmail: z.email().max(254).nullish(),
  contactPhone: z
    .string()
    .regex(/^\+?[0-9 ()-]{5,30}$/, 'must be a phone number such as +358 40 123 4567')
    .nullish(),
  notes: text(5_000).nullish(),
});

export const IsoDateSchema = z.iso.date();
const isoDate = IsoDateSchema;

export const OpportunityInputSchema = z.strictObject({
  id: IdSchema,
  title: nameText(300),
  country: CountrySchema,
  description: text(10_000, 1),
  sectors: uniqueList(SectorSchema, SECTORS.length).default([]),
  type: OpportunityTypeSchema,
  deadline: isoDate.nullish(),
  url: url.nullish(),
});

/**
 * A PATCH body: any subset of the fields except the id. Defaults are removed, so a field the body
 * leaves out stays out of the parsed patch (and keeps its stored value, see `mergePatch`).
 */
export const patchOf = <S extends z.ZodObject>(schema: S) => {
  const shape = Object.fromEntries(
    Object.entries(schema.shape)
      .filter(([key]) => key !== 'id')
      .map(([key, field]) => [key, (field instanceof z.ZodDefault ? field.removeDefault() : field).optional()]),
  );
  return z.strictObject(shape) as unknown as z.ZodObject<
    { [K in Exclude<keyof S['shape'], 'id'>]: z.ZodOptional<UnwrapDefault<S['shape'][K]>> },
    z.core.$strict
  >;
};

type UnwrapDefault<T> = T extends z.ZodDefault<infer Inner> ? Inner : T;

/**
 * The one merge of a PATCH onto what is stored, for every entity and for events: keys present in
 * the patch replace the stored value (`null` clears an optional field); absent keys keep theirs.
 */
export function mergePatch<T extends object>(current: T, patch: object): T {
  const next = { ...current } as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) if (value !== undefined) next[key] = value;
  return next as T;
}

export const ClusterPatchSchema = patchOf(ClusterInputSchema);
export const CompanyPatchSchema = patchOf(CompanyInputSchema);
export const OpportunityPatchSchema = patchOf(OpportunityInputSchema);

export const DatasetSchema = z.strictObject({
  clusters: z.array(ClusterInputSchema).max(100_000).default([]),
  companies: z.array(CompanyInputSchema).max(2_000_000).default([]),
  opportunities: z.array(OpportunityInputSchema).max(200_000).default([]),
  /** Relevance judgments of evaluation sets: accepted and ignored by the importer. */
  judgments: z.unknown().optional(),
});

export type CompanyInput = z.input<typeof CompanyInputSchema>;
export type OpportunityInput = z.input<typeof OpportunityInputSchema>;
export type DatasetInput = z.input<typeof DatasetSchema>;
export type Dataset = z.output<typeof DatasetSchema>;
