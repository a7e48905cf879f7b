import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/config/config.js';
import { buildApp } from '../../src/server/app.js';
import { exampleOperations } from '../../src/server/example-operations.js';
import { createLogger } from '../../src/server/logger.js';
import type { TokenClaims } from '../../src/auth/authenticate.js';
import { codegenManifest, documentId } from '../../src/server/trusted-documents/trusted-documents.js';
import { PRINCIPALS } from '../helpers/principals.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub;
const other: Record<string, string> = {};
const closers: (() => Promise<void>)[] = [];
beforeAll(async () => {
  hub = await startTestHub({ enterprises: 2, env: { TRUSTED_DOCUMENTS: 'required' } });
  for (const mode of ['allow', 'off']) {
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      TRUSTED_DOCUMENTS: mode,
      ...(hub.db.url ? { DATABASE_URL: hub.db.url } : {}),
    });
    const app = await buildApp({ orm: hub.orm, config, log: createLogger(config) });
    other[mode] = await app.http.listen({ port: 0, host: '127.0.0.1' });
    closers.push(() => app.http.close());
  }
});
afterAll(async () => {
  for (const close of closers) await close();
  await hub?.close();
});

const what = exampleOperations().find((e) => e.name === 'WhatMayIRead')!;
const UNLISTED = 'query Unlisted { me { organisation } }';

type Reply = {
  status: number;
  body: { data?: Record<string, unknown>; errors?: { message: string; extensions?: { code?: string } }[] };
};

async function postAs(base: string, principal: TokenClaims, body: unknown): Promise<Reply> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await hub.headersFor({ principal })) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Reply['body'] };
}

const post = (base: string, body: unknown) => postAs(base, PRINCIPALS.reader, body);

describe('TRUSTED_DOCUMENTS=required', () => {
  it('runs an operation of queries/ addressed by its documentId', async () => {
    const res = await post(hub.url, { documentId: documentId(what.document), variables: what.variables });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.me).toEqual({ organisation: 'TEST_READER', kind: 'BANK' });
  });

  it('runs the exact text of a trusted document, and a hash-only APQ request for it', async () => {
    expect(
      (await post(hub.url, { query: what.document, variables: what.variables })).body.data?.me,
    ).toBeDefined();
    const apq = await post(hub.url, {
      variables: what.variables,
      extensions: {
        persistedQuery: { version: 1, sha256Hash: documentId(what.document).slice('sha256:'.length) },
      },
    });
    expect(apq.body.errors).toBeUndefined();
    expect(apq.body.data?.me).toEqual({ organisation: 'TEST_READER', kind: 'BANK' });
  });

  it('refuses any other operation with TRUSTED_DOCUMENT_REQUIRED', async () => {
    const res = await post(hub.url, { query: UNLISTED });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
    expect(res.body.data).toBeUndefined();
    const metrics = await (await fetch(`${hub.url}/metrics`)).text();
    expect(metrics).toMatch(/^hub_graphql_errors_total\{code="TRUSTED_DOCUMENT_REQUIRED"\} 1$/m);
  });

  it('refuses an unknown documentId with PERSISTED_QUERY_NOT_FOUND', async () => {
    const res = await post(hub.url, { documentId: documentId(UNLISTED) });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});

describe('TRUSTED_DOCUMENTS=allow and off', () => {
  it('allow: the same unlisted operation is answered, and documentId works too', async () => {
    expect((await post(other.allow!, { query: UNLISTED })).body.data).toEqual({
      me: { organisation: 'TEST_READER' },
    });
    const byId = await post(other.allow!, {
      documentId: documentId(what.document),
      variables: what.variables,
    });
    expect(byId.body.data?.me).toEqual({ organisation: 'TEST_READER', kind: 'BANK' });
  });

  it('off: documentId is refused with PERSISTED_QUERY_NOT_SUPPORTED, text is answered', async () => {
    const res = await post(other.off!, { documentId: documentId(what.document) });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
    expect((await post(other.off!, { query: UNLISTED })).body.data).toEqual({
      me: { organisation: 'TEST_READER' },
    });
  });
});

describe('the codegen manifest of queries/', () => {
  it('is trusted: each id of trusted-documents/persisted-documents.json runs, bare hex or sha256:', async () => {
    const manifest = codegenManifest();
    const entry = Object.entries(manifest).find(([, text]) => text.includes('WhatMayIRead'))!;
    expect(Object.keys(manifest)).toHaveLength(exampleOperations().length);
    for (const id of [entry[0], `sha256:${entry[0]}`]) {
      const res = await post(hub.url, { documentId: id, variables: what.variables });
      expect(res.body.data?.me).toEqual({ organisation: 'TEST_READER', kind: 'BANK' });
    }
    expect((await post(hub.url, { query: entry[1], variables: what.variables })).body.errors).toBeUndefined();
  });
});

describe('registering a client’s documents (ADMIN)', () => {
  const REGISTER =
    'mutation Register($input: RegisterTrustedDocumentsInput!) { registerTrustedDocuments(input: $input) { documentId operationName organisation apiKeyId registeredBy } }';
  const asAdmin = (body: unknown) => postAs(other.allow!, PRINCIPALS.admin, body);

  it('is refused to anyone but an ADMIN', async () => {
    const res = await postAs(other.allow!, PRINCIPALS.bank, {
      query: REGISTER,
      variables: { input: { organisation: 'TEST_READER', documents: [UNLISTED] } },
    });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await post(hub.url, { query: UNLISTED })).body.errors?.[0]?.extensions?.code).toBe(
      'TRUSTED_DOCUMENT_REQUIRED',
    );
  });

  it('refuses a document that does not validate, naming it', async () => {
    const res = await asAdmin({
      query: REGISTER,
      variables: { input: { organisation: 'TEST_READER', documents: ['query Bad { noSuchField }'] } },
    });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0]?.message).toMatch(/documents\[0\] is not valid/);
  });

  it('stores the document for its organisation; a required hub then runs it, by text and by id', async () => {
    const res = await asAdmin({
      query: REGISTER,
      variables: { input: { organisation: 'TEST_READER', documents: [UNLISTED] } },
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.registerTrustedDocuments).toEqual([
      {
        documentId: documentId(UNLISTED),
        operationName: 'Unlisted',
        organisation: 'TEST_READER',
        apiKeyId: null,
        registeredBy: PRINCIPALS.admin.sub,
      },
    ]);
    expect((await post(hub.url, { query: UNLISTED })).body.data).toEqual({
      me: { organisation: 'TEST_READER' },
    });
    expect((await post(hub.url, { documentId: documentId(UNLISTED) })).body.data).toEqual({
      me: { organisation: 'TEST_READER' },
    });
    const metrics = await (await fetch(`${hub.url}/metrics`)).text();
    expect(metrics).toMatch(/hub_graphql_requests_total\{operation="Unlisted",outcome="success"\} 2/);
  });

  it('refuses the same document for another organisation with CONFLICT', async () => {
    const res = await asAdmin({
      query: REGISTER,
      variables: { input: { organisation: 'BANK_GZ_002', documents: [UNLISTED] } },
    });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const list = await asAdmin({
      query: '{ trustedDocuments(organisation: "TEST_READER") { operationName } }',
    });
    expect(list.body.data).toEqual({ trustedDocuments: [{ operationName: 'Unlisted' }] });
  });
});
