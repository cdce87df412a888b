// OpenAPI 3.1 generated from the route table's zod schemas (JSON Schema 2020-12, as 3.1 uses).
import { z } from 'zod';
import type { RouteDef } from './http.js';
import { ProblemSchema } from './schemas.js';

const toSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any', reused: 'inline' });

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!(schema instanceof z.ZodObject)) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => {
    const { $schema: _, ...json } = toSchema(field, 'input') as Record<string, unknown>;
    return { name, in: where, required: where === 'path' || !field.safeParse(undefined).success, schema: json, ...(json['description'] ? { description: json['description'] } : {}) };
  });
}

function body(schema: z.ZodType) {
  const { $schema: _, ...json } = toSchema(schema, 'input') as Record<string, unknown>;
  return { required: true, content: { 'application/json': { schema: json } } };
}

function response(description: string, schema: z.ZodType | undefined, status: number) {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  const s = schema ?? (status >= 400 ? ProblemSchema : undefined);
  if (!s) return { description };
  const { $schema: _, ...json } = toSchema(s, 'output') as Record<string, unknown>;
  return { description, content: { [type]: { schema: json } } };
}

// Routes that can answer 412 take the version they were computed from (see README, Concurrency).
const IF_MATCH = {
  name: 'If-Match', in: 'header', required: false, schema: { type: 'string' },
  description: 'The ETag the change was made from, e.g. `"3"`: applied only if the entity is still at that version, else 412',
};

export function buildOpenApi(routes: readonly RouteDef[], info: { version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const responses: Record<string, unknown> = {};
    for (const [status, res] of Object.entries(r.responses)) responses[status] = response(res.description, res.schema, Number(status));
    if (r.role !== 'public') responses['401'] = response(`Missing or wrong ${r.role} key`, undefined, 401);
    (paths[r.path] ??= {})[r.method] = {
      summary: r.summary,
      tags: [r.tag],
      parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query'), ...(r.responses[412] ? [IF_MATCH] : [])],
      ...(r.body ? { requestBody: body(r.body) } : {}),
      ...(r.role !== 'public' ? { security: [{ bearer: [] }], 'x-role': r.role } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'NordicHub Partner Match',
      version: info.version,
      description: 'Cross-border Nordic partner and export-opportunity recommendations. Write endpoints need `Authorization: Bearer <admin key>`.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    paths,
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
  };
}
