import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { member, startTestServer } from './helpers';
import { createApiToken } from '../src/companies';
import { ensureDemo } from '../src/demo';
import { workspaceOf } from '../src/commands/run';

/*
 * API fuzzing over the whole OpenAPI document: every operation, with bodies and parameters drawn from
 * its own schemas (valid ones) or from anything JSON (invalid ones). Whatever comes in: no 5xx, and every
 * answer is one the operation declares, in the shape it declares.
 */

type Schema = Record<string, unknown> & { $ref?: string; type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; items?: Schema; enum?: unknown[]; anyOf?: Schema[]; oneOf?: Schema[]; allOf?: Schema[] };
interface Operation {
  method: string;
  path: string;
  access: string;
  parameters: { name: string; in: 'path' | 'query' | 'header'; schema?: Schema; required?: boolean }[];
  body: Schema | null;
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
interface Doc { paths: Record<string, Record<string, Omit<Operation, 'method' | 'path' | 'access' | 'body'> & { 'x-access': string; requestBody?: { content: Record<string, { schema: Schema }> } }>>; components: { schemas: Record<string, Schema> } }

let server: Awaited<ReturnType<typeof startTestServer>>;
let doc: Doc;
let operations: Operation[];
let owner: string;
let cookie: string;
let ids: string[];

beforeAll(async () => {
  // No per-address budget: the fuzzer is one address sending hundreds of requests.
  server = await startTestServer(undefined, { env: { FACTURO_API_LIMIT_PER_ADDRESS: '0', FACTURO_API_LIMIT_PER_TOKEN: '0' } });
  const companyId = (await ensureDemo(server.services)).companyId;
  owner = (await createApiToken(server.services.db, companyId, 'owner', 'fuzz', server.services.now())).token;
  const person = await member(server.services, companyId, 'owner', 'Fuzz');
  cookie = person.cookie;
  const { ws } = await workspaceOf(server.services, companyId);
  ids = [companyId, person.userId, ws.listCustomerEntries()[0]!.id, ws.listProducts()[0]!.id, ws.listInvoiceDocuments()[0]!.id, ws.listQuoteDocuments()[0]!.id, 'zz_nothing0000', 'cr_nothing0000'];
  doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as Doc;
  operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({
    method: method.toUpperCase(), path: path.replace(/^\/v1/, ''), access: op['x-access'], parameters: (op.parameters ?? []) as Operation['parameters'],
    body: op.requestBody?.content['application/json']?.schema ?? null, responses: op.responses,
  })));
});
afterAll(() => server.close());

const resolve = (s: Schema): Schema => (s.$ref ? resolve(doc.components.schemas[s.$ref.split('/').at(-1)!]!) : s);

/** Values a schema accepts (roughly: patterns and formats are not honoured, which makes some invalid too). */
function arbitrary(raw: Schema, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(raw);
  if (s.enum) return fc.constantFrom(...s.enum);
  if ('const' in s) return fc.constant(s.const);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((a) => arbitrary(a, depth + 1)));
  if (s.allOf) return arbitrary(s.allOf[0]!, depth + 1);
  const type = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (type.length > 1) return fc.oneof(...type.map((t) => arbitrary({ ...s, type: t }, depth + 1)));
  switch (type[0]) {
    case 'null': return fc.constant(null);
    case 'boolean': return fc.boolean();
    case 'integer': return fc.integer({ min: -5, max: 100_000 });
    case 'number': return fc.oneof(fc.integer({ min: -5, max: 100_000 }), fc.double({ noNaN: true, min: -1e6, max: 1e6 }));
    case 'string':
      return fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('', '0', '12.50', '20', 'FR7630006000011234567890189', 'a@b.fr', '2026-12-01', ...ids));
    case 'array': return depth > 3 ? fc.constant([]) : fc.array(arbitrary(s.items ?? {}, depth + 1), { maxLength: 3 });
    case 'object': {
      if (depth > 3 || !s.properties) return fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 });
      const keys = Object.keys(s.properties);
      return fc.record(Object.fromEntries(keys.map((k) => [k, arbitrary(s.properties![k]!, depth + 1)])), { requiredKeys: (s.required ?? []).filter((k) => keys.includes(k)) });
    }
    default: return fc.jsonValue({ maxDepth: 2 });
  }
}

const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: false });
const validators = new Map<Schema, ReturnType<typeof ajv.compile>>();
function validate(schema: Schema, value: unknown): string | null {
  let v = validators.get(schema);
  if (!v) {
    // The document's components, reachable from the response's $refs.
    const rewritten = JSON.parse(JSON.stringify({ ...schema, $defs: doc.components.schemas }).replaceAll('#/components/schemas/', '#/$defs/')) as Schema;
    v = ajv.compile(rewritten);
    validators.set(schema, v);
  }
  return v(value) ? null : ajv.errorsText(v.errors);
}

describe('API fuzzing over the OpenAPI document', () => {
  it('never answers 5xx, and every answer is declared by its operation, in its declared shape', { timeout: 240_000 }, async () => {
    expect(operations.length).toBeGreaterThan(40);
    const problems = new Set<string>();
    const seen = new Set<string>();
    const request = fc.constantFrom(...operations).chain((op) => fc.record({
      op: fc.constant(op),
      params: fc.record(Object.fromEntries(op.parameters.filter((p) => p.in !== 'header').map((p) => [p.name, p.in === 'path'
        ? fc.oneof(fc.constantFrom(...ids), fc.string({ minLength: 1, maxLength: 12 }))
        : fc.option(arbitrary(p.schema ?? {}), { nil: undefined })]))),
      body: op.body ? fc.oneof({ weight: 3, arbitrary: arbitrary(op.body) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) }) : fc.constant(undefined),
      asPerson: fc.boolean(),
    }));
    await fc.assert(fc.asyncProperty(request, async ({ op, params, body, asPerson }) => {
      let path = op.path;
      const query = new URLSearchParams();
      for (const p of op.parameters) {
        const v = (params as Record<string, unknown>)[p.name];
        if (p.in === 'path') path = path.replace(`{${p.name}}`, encodeURIComponent(String(v)));
        else if (p.in === 'query' && v !== undefined && v !== null) query.set(p.name, typeof v === 'object' ? JSON.stringify(v) : String(v));
      }
      // Signed-in routes need a person; the rest are tried as a person or with the owner's token.
      const person = asPerson || op.access === 'signed-in' || op.access === 'owner';
      const headers: Record<string, string> = { 'content-type': 'application/json', origin: server.url, ...(person ? { cookie } : { authorization: `Bearer ${owner}` }) };
      if (!path.startsWith('/companies/') && person) headers['x-company'] = ids[0]!;
      // Never sign the fuzzing person out of the rest of the run.
      if (op.path === '/auth/logout' || (op.path.startsWith('/me/sessions') && op.method === 'DELETE')) return;
      const res = await fetch(`${server.url}/api/v1${path}${query.size ? `?${query}` : ''}`, { method: op.method, headers, body: body === undefined || op.method === 'GET' ? undefined : JSON.stringify(body) });
      const text = await res.text();
      const where = `${op.method} ${op.path} → ${res.status}`;
      seen.add(`${op.method} ${op.path}`);
      if (res.status >= 500) problems.add(`${where}: ${text.slice(0, 200)}`);
      const declared = op.responses[String(res.status)];
      if (!declared) problems.add(`${where}: status not declared (${text.slice(0, 120)})`);
      const schema = declared?.content?.['application/json']?.schema;
      if (schema && res.headers.get('content-type')?.includes('application/json')) {
        const error = validate(schema, JSON.parse(text));
        if (error) problems.add(`${where}: answer does not match its schema: ${error}`);
      }
    }), { numRuns: 600, seed: 20261201 });
    expect([...problems].sort()).toEqual([]);
    expect(seen.size).toBeGreaterThan(operations.length * 0.8);
  });
});
