// OpenAPI 3.1 generated from the route table's zod schemas (JSON Schema 2020-12, as 3.1 uses).
// Schemas named with `.meta({ id })` become `components.schemas` entries that every operation
// refers to, so real clients and validators resolve each `$ref` in the one document.
import { z } from 'zod';
import type { RouteDef } from './http.js';
import { ProblemSchema } from './schemas.js';

type Json = Record<string, unknown>;

/** Named schemas met while converting, by id, for `components.schemas`. */
class NamedSchemas {
  readonly byId: Record<string, Json> = {};

  /** A JSON Schema with its `$defs` moved to the components and references pointed there. */
  convert(schema: z.ZodType, io: 'input' | 'output'): Json {
    const json = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any', reused: 'inline' }) as Json;
    const { $schema: _, $defs, ...rest } = json as Json & { $defs?: Record<string, Json> };
    for (const [id, def] of Object.entries($defs ?? {})) this.byId[componentName(id, io)] ??= repoint(def, io);
    return repoint(rest, io);
  }
}

// Input and output forms differ where defaults apply (a default makes a field optional on input).
const componentName = (id: string, io: 'input' | 'output') => (io === 'input' ? `${id}Input` : id);

function repoint(json: Json, io: 'input' | 'output'): Json {
  return JSON.parse(
    JSON.stringify(json).replace(/"#\/\$defs\/([^"]+)"/g, (_m, id: string) => JSON.stringify(`#/components/schemas/${componentName(id, io)}`)),
  ) as Json;
}

function parameters(named: NamedSchemas, schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!(schema instanceof z.ZodObject)) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => {
    const json = named.convert(field, 'input');
    return {
      name,
      in: where,
      required: where === 'path' || !field.safeParse(undefined).success,
      schema: json,
      ...(json['description'] ? { description: json['description'] } : {}),
    };
  });
}

function body(named: NamedSchemas, schema: z.ZodType) {
  return { required: true, content: { 'application/json': { schema: named.convert(schema, 'input') } } };
}

function response(named: NamedSchemas, description: string, schema: z.ZodType | undefined, status: number) {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  const s = schema ?? (status >= 400 ? ProblemSchema : undefined);
  if (!s) return { description };
  return { description, content: { [type]: { schema: named.convert(s, 'output') } } };
}

/** `get /api/v1/companies/{id}/partners` -> `getCompanyPartners`-like ids, unique per operation. */
function operationId(method: string, path: string): string {
  const words = path
    .replace(/^\/api\/v1\//, '')
    .split('/')
    .map((part) => (part.startsWith('{') ? `by-${part.slice(1, -1)}` : part))
    .flatMap((part) => part.split(/[^A-Za-z0-9]+/))
    .filter(Boolean);
  return [method, ...words].map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('');
}

// Routes that can answer 412 take the version they were computed from (see README, Concurrency).
const IF_MATCH = {
  name: 'If-Match',
  in: 'header',
  required: false,
  schema: { type: 'string' },
  description: 'The ETag the change was made from, e.g. `"3"`: applied only if the entity is still at that version, else 412',
};

export function buildOpenApi(routes: readonly RouteDef[], info: { version: string }) {
  const named = new NamedSchemas();
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const responses: Record<string, unknown> = {};
    for (const [status, res] of Object.entries(r.responses)) responses[status] = response(named, res.description, res.schema, Number(status));
    if (r.role !== 'public') responses['401'] = response(named, `Missing or wrong ${r.role} key`, undefined, 401);
    const operations = paths[r.path] ?? {};
    paths[r.path] = operations;
    operations[r.method] = {
      operationId: operationId(r.method, r.path),
      summary: r.summary,
      tags: [r.tag],
      parameters: [...parameters(named, r.params, 'path'), ...parameters(named, r.query, 'query'), ...(r.responses[412] ? [IF_MATCH] : [])],
      ...(r.body ? { requestBody: body(named, r.body) } : {}),
      // Public routes say so explicitly: no key is needed (the site key only unlocks introductions).
      security: r.role === 'public' ? [] : [{ bearer: [] }],
      ...(r.role !== 'public' ? { 'x-role': r.role } : {}),
      responses,
    };
  }
  const tags = [...new Set(routes.map((r) => r.tag))].map((name) => ({ name }));
  return {
    openapi: '3.1.0',
    info: {
      title: 'NordicHub Partner Match',
      version: info.version,
      description: 'Cross-border Nordic partner and export-opportunity recommendations. Write endpoints need `Authorization: Bearer <admin key>`.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/', description: 'This service' }],
    tags,
    paths,
    components: { schemas: named.byId, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
  };
}
