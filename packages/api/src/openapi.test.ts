/**
 * The served OpenAPI document says what the app answers (audit s24), checked over every
 * operation so that a new one is held to it too:
 * - a component a request body references admits no null the API refuses (a response's null
 *   goes at its use site, `orNull`), or generated clients would send it;
 * - a JSON body sent as another Content-Type is a 415 `unsupported_media_type` (the domain's
 *   own 415 code), and every operation that takes a JSON body declares it;
 * - every operation that reaches a dependency declares its 503 `service_unavailable`.
 * Through `app.request()`; every request here is refused before a handler reaches the store.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';

interface Schema {
  $ref?: string;
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
}
interface Operation {
  security?: unknown[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, unknown> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/**
 * Request components that may be null because their route takes null. None today: a field
 * that may be sent as null says so where it is used (`focalPointId: null` clears a focal point).
 */
const NULL_ACCEPTED = new Set<string>([]);

/** The operations that answer without any dependency (no store, runner, renderer or scan). */
const NO_DEPENDENCY = new Set(['get /health', 'get /v1/complaints/challenge']);

const CENTRAL = `Bearer ${JSON.stringify({ sub: 'o1', agency: 'setneg', role: 'central_officer' })}`;
const CASE = { channel: 'letter', complainant: { name: 'S' }, subject: 's', description: 'd' };

let app: ReturnType<typeof createApp>;
let doc: Document;

beforeAll(async () => {
  app = createApp({
    store: {} as never, // nothing here reaches it
    verifier: async (token) => JSON.parse(token),
    clock: () => new Date(),
    logger: new Logger({ logLevel: 'SILENT' }),
  });
  doc = (await (await app.request('/openapi.json')).json()) as Document;
});

const componentOf = (ref: string) => ref.split('/').at(-1)!;
const resolve = (s: Schema): Schema =>
  s.$ref ? resolve(doc.components.schemas[componentOf(s.$ref)]!) : s;

/** Whether a value of null passes the schema (its references followed). */
function admitsNull(schema: Schema): boolean {
  const s = resolve(schema);
  if (s.type === 'null' || (Array.isArray(s.type) && s.type.includes('null'))) return true;
  if (s.const === null || s.enum?.includes(null)) return true;
  if ([...(s.anyOf ?? []), ...(s.oneOf ?? [])].some(admitsNull)) return true;
  return s.allOf !== undefined && s.allOf.length > 0 && s.allOf.every(admitsNull);
}

/** Every component `value` references, and the ones those reference, by name. */
function referenced(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) referenced(v, into);
  else if (value && typeof value === 'object') {
    const ref = (value as Schema).$ref;
    if (typeof ref === 'string') {
      const name = componentOf(ref);
      if (!into.has(name)) {
        into.add(name);
        referenced(doc.components.schemas[name], into);
      }
    }
    for (const v of Object.values(value)) referenced(v, into);
  }
  return into;
}

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => [`${method} ${path}`, op] as const),
  );

describe('request bodies in the document', () => {
  it('reference no component that admits null, unless the route takes null', () => {
    const inRequests = new Set<string>();
    for (const [, op] of operations()) referenced(op.requestBody, inRequests);
    expect(inRequests).toContain('Complainant');
    const nullable = [...inRequests].filter(
      (name) => !NULL_ACCEPTED.has(name) && admitsNull(doc.components.schemas[name]!),
    );
    expect(nullable).toEqual([]);
  });

  it('say of CreateCase what the API does: no null complainant or location; a Case may have them null', async () => {
    const res = await app.request('/v1/cases', {
      method: 'POST',
      headers: { authorization: CENTRAL, 'content-type': 'application/json' },
      body: JSON.stringify({ ...CASE, complainant: null, location: null }),
    });
    expect(res.status).toBe(400);
    const { errors } = (await res.json()) as { errors: { path: string }[] };
    expect(errors.map((e) => e.path).sort()).toEqual(['complainant', 'location']);

    const create = resolve(
      doc.paths['/v1/cases']!.post!.requestBody!.content['application/json']!.schema,
    );
    expect(admitsNull(create.properties!.complainant!)).toBe(false);
    expect(admitsNull(create.properties!.location!)).toBe(false);
    // An agency reads a case whose complainant is hidden as `complainant: null`.
    const view = doc.components.schemas.Case!;
    expect(admitsNull(view.properties!.complainant!)).toBe(true);
    expect(admitsNull(view.properties!.location!)).toBe(true);
  });
});

describe('a JSON body sent as another Content-Type', () => {
  it('is a 415 `unsupported_media_type` problem, on a token route and a public one', async () => {
    const requests: [string, RequestInit][] = [
      [
        '/v1/cases',
        {
          method: 'POST',
          headers: { authorization: CENTRAL, 'content-type': 'text/plain' },
          body: JSON.stringify(CASE),
        },
      ],
      // No Content-Type given: what fetch sends for a string body (text/plain).
      ['/v1/track', { method: 'POST', body: JSON.stringify({ code: 'ZZZZ-ZZZZ-ZZZZZ' }) }],
    ];
    for (const [path, init] of requests) {
      const res = await app.request(path, init);
      expect(res.status, path).toBe(415);
      expect(res.headers.get('content-type'), path).toContain('application/problem+json');
      expect(await res.json(), path).toMatchObject({
        type: 'urn:pantau:problem:unsupported_media_type',
        status: 415,
        code: 'unsupported_media_type',
      });
    }
  });

  it('is declared by every operation that takes a JSON body', () => {
    const withBody = operations().filter(([, op]) => op.requestBody?.content['application/json']);
    expect(withBody.length).toBeGreaterThan(20);
    const missing = withBody
      .filter(([, op]) => !op.responses['415']?.content?.['application/problem+json'])
      .map(([name]) => name);
    expect(missing).toEqual([]);
  });
});

describe('a dependency throttled or failing (503 `service_unavailable`)', () => {
  it('is declared by every operation that reaches one', () => {
    const missing = operations()
      .filter(([name]) => !NO_DEPENDENCY.has(name))
      .filter(([, op]) => !op.responses['503']?.content?.['application/problem+json'])
      .map(([name]) => name);
    expect(missing).toEqual([]);
    // README's retry protocol for the settings edits is about their 503.
    expect(doc.paths['/v1/policies/{id}']!.put!.responses).toHaveProperty('503');
    expect(doc.paths['/v1/calendars/{id}/days/{date}']!.put!.responses).toHaveProperty('503');
  });

  it('and the merged queue declares the 422 its cursor can answer', () => {
    expect(doc.paths['/v1/queue']!.get!.responses['422']).toMatchObject({
      content: { 'application/problem+json': {} },
    });
  });
});
