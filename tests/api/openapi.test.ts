// The OpenAPI document is for real clients: an independent validator and a linter accept it, every
// reference resolves inside it, and every operation is named and says what key it needs.
import SwaggerParser from '@apidevtools/swagger-parser';
import { createConfig, lintDocument, Source, BaseResolver } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { buildOpenApi } from '../../src/api/openapi.js';
import { ROUTES } from '../../src/api/routes.js';

const document = () => JSON.parse(JSON.stringify(buildOpenApi(ROUTES, { version: '1.0.0' })));

describe('the OpenAPI document', () => {
  it('passes an independent OpenAPI 3.1 validator, every $ref resolving in the document', async () => {
    await expect(SwaggerParser.validate(document())).resolves.toBeTruthy();
  });

  it('has no errors under the recommended lint rules', async () => {
    const doc = document();
    const config = await createConfig({ extends: ['recommended'] });
    const results = await lintDocument({
      document: { source: new Source('openapi.json', JSON.stringify(doc)), parsed: doc },
      externalRefResolver: new BaseResolver(),
      config,
    });
    const errors = results.filter((r) => r.severity === 'error').map((r) => `${r.ruleId}: ${r.message} at ${r.location[0]?.pointer}`);
    expect(errors).toEqual([]);
  });

  it('names every operation once and states its security', () => {
    const doc = document();
    const operations = Object.values(doc.paths as Record<string, Record<string, { operationId: string; security: unknown[] }>>).flatMap((p) =>
      Object.values(p),
    );
    expect(operations.length).toBe(ROUTES.length);
    const ids = operations.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(operations.every((o) => Array.isArray(o.security))).toBe(true);
    expect(doc.servers.length).toBeGreaterThan(0);
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Cluster', 'Problem']));
  });

  it('gives every 2xx answer a schema', () => {
    type Operation = { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> };
    const doc = document();
    const untyped = Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(([path, operations]) =>
      Object.entries(operations).flatMap(([method, o]) =>
        Object.entries(o.responses)
          .filter(([status, r]) => Number(status) < 300 && !Object.values(r.content ?? {}).some((c) => c.schema))
          .map(([status]) => `${method} ${path} ${status}`),
      ),
    );
    expect(untyped).toEqual([]);
  });
});
