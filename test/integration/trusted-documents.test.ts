import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/config/config.js';
import { buildApp } from '../../src/server/app.js';
import { exampleOperations } from '../../src/server/example-operations.js';
import { createLogger } from '../../src/server/logger.js';
import type { TokenClaims } from '../../src/auth/authenticate.js';
import { createApiKey } from '../../src/auth/api-keys/index.js';
import { PrincipalKind } from '../../src/auth/principal.js';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { HubOrm } from '../../src/db/orm.js';
import { runTrustedDocumentsCli } from '../../src/server/trusted-documents/trusted-documents.command.js';
import { codegenManifest, documentId } from '../../src/server/trusted-documents/trusted-documents.js';
import { PRINCIPALS } from '../helpers/principals.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';
import { HUB } from '../../src/hub.js';

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
    const app = await buildApp({ hub: HUB, orm: hub.orm, config, log: createLogger(config) });
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

async function postWith(base: string, headers: Record<string, string>, body: unknown): Promise<Reply> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Reply['body'] };
}

async function postAs(base: string, principal: TokenClaims, body: unknown): Promise<Reply> {
  return postWith(base, await hub.headersFor({ principal }), body);
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

describe('a registered document belongs to the client it was registered for', () => {
  // Reads enterprise data, so that "no SQL for data ran" means something.
  const OWNED = 'query OwnedPage { enterprises(first: 2) { totalCount edges { node { uscc } } } }';
  const KEY_BOUND = 'query KeyBound { me { organisation via } }';
  const NEVER = 'query NeverRegistered { me { id } }';
  let keyA1: { key: string; id: string };
  let keyA2: { key: string; id: string };
  const withKey = (base: string, key: string, body: unknown) => postWith(base, { 'x-api-key': key }, body);
  const dataSql = () => hub.counter.statements.filter((sql) => /enterprise/i.test(sql));

  /** The CLI on the test hub's own ORM (in-memory PGlite is one database per open). */
  async function cli(argv: string[]) {
    let out = '';
    let err = '';
    const shared = Object.create(hub.orm, { close: { value: async () => {} } }) as HubOrm;
    const code = await runTrustedDocumentsCli(argv, {
      out: (t) => (out += t),
      err: (t) => (err += t),
      env: {
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        USER: 'ops',
        ...(hub.db.url ? { DATABASE_URL: hub.db.url } : {}),
      },
      hub: HUB,
      openOrm: async () => shared,
    });
    return { code, out, err };
  }

  beforeAll(async () => {
    const em = hub.orm.em.fork() as SqlEntityManager;
    const make = async (name: string) => {
      const { key, record } = await createApiKey(
        em,
        { name, principalId: name, organisation: 'TEST_READER', kind: PrincipalKind.BANK },
        'test',
      );
      return { key, id: record.id };
    };
    keyA1 = await make('engine-1');
    keyA2 = await make('engine-2');
  });

  describe('npm run trusted-documents (the CLI)', () => {
    it('registers the documents of a file for an organisation and prints their ids', async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'trusted-')), 'owned.graphql');
      writeFileSync(file, OWNED);
      const res = await cli(['--organisation', 'TEST_READER', file]);
      expect(res).toEqual({ code: 0, out: `${documentId(OWNED)} OwnedPage\n`, err: '' });
    });

    it('registers a JSON manifest tied to one API key', async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'trusted-')), 'persisted-documents.json');
      writeFileSync(file, JSON.stringify({ [documentId(KEY_BOUND).slice(7)]: KEY_BOUND }));
      const res = await cli(['--organisation', 'TEST_READER', '--api-key', keyA1.id, file]);
      expect(res).toEqual({ code: 0, out: `${documentId(KEY_BOUND)} KeyBound\n`, err: '' });
    });

    it('exits 1 with the code when the hub refuses, 2 on bad usage', async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'trusted-')), 'bad.graphql');
      writeFileSync(file, 'query Bad { noSuchField }');
      const bad = await cli(['--organisation', 'TEST_READER', file]);
      expect(bad.code).toBe(1);
      expect(bad.err).toMatch(/^BAD_USER_INPUT: documents\[0\] is not valid/);
      const wrongKey = await cli(['--organisation', 'BANK_XM_001', '--api-key', keyA1.id, file]);
      expect(wrongKey.code).toBe(1);
      expect(wrongKey.err).toMatch(/^BAD_USER_INPUT: apiKeyId is not an API key of organisation BANK_XM_001/);
      expect((await cli([file])).code).toBe(2);
      expect((await cli(['--organisation', 'TEST_READER', '/nonexistent/x.graphql'])).code).toBe(2);
    });
  });

  it('runs for its organisation, by id and by text, reading data', async () => {
    hub.counter.reset();
    const byId = await post(hub.url, { documentId: documentId(OWNED) });
    expect(byId.body.errors).toBeUndefined();
    expect(byId.body.data?.enterprises).toMatchObject({ totalCount: 2 });
    expect(dataSql().length).toBeGreaterThan(0);
    const byText = await post(hub.url, { query: OWNED });
    expect(byText.body.data).toEqual(byId.body.data);
  });

  it('by id from another organisation: PERSISTED_QUERY_NOT_FOUND, as for an id never registered, and no SQL for data', async () => {
    const never = await postAs(hub.url, PRINCIPALS.bank, { documentId: documentId(NEVER) });
    for (const base of [hub.url, other.allow!]) {
      hub.counter.reset();
      const res = await postAs(base, PRINCIPALS.bank, { documentId: documentId(OWNED) });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        errors: [
          {
            message: never.body.errors![0]!.message.replace(documentId(NEVER), documentId(OWNED)),
            extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
          },
        ],
      });
      expect(dataSql()).toEqual([]);
      expect(hub.counter.statements.every((sql) => /hub_trusted_document/.test(sql))).toBe(true);
    }
    // The same refusal for the bare hex and the APQ form.
    const hex = documentId(OWNED).slice('sha256:'.length);
    const apq = await postAs(hub.url, PRINCIPALS.bank, {
      extensions: { persistedQuery: { version: 1, sha256Hash: hex } },
    });
    expect(apq.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(apq.body.data).toBeUndefined();
  });

  it('by text from another organisation in required mode: TRUSTED_DOCUMENT_REQUIRED, as for any unknown text', async () => {
    hub.counter.reset();
    const res = await postAs(hub.url, PRINCIPALS.bank, { query: OWNED });
    const unknown = await postAs(hub.url, PRINCIPALS.bank, { query: NEVER });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(unknown.body);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
    expect(dataSql()).toEqual([]);
    // allow accepts any text, so there the other organisation could have written it itself.
    expect((await postAs(other.allow!, PRINCIPALS.bank, { query: OWNED })).body.errors).toBeUndefined();
  });

  it('without credentials, a registered and an unknown id are both UNAUTHENTICATED', async () => {
    const registered = await postWith(hub.url, {}, { documentId: documentId(OWNED) });
    const unknown = await postWith(hub.url, {}, { documentId: documentId(NEVER) });
    expect(registered.status).toBe(401);
    expect(registered.body).toEqual(unknown.body);
    expect(registered.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('tied to an API key: runs through that key only, not another key or a token of its organisation', async () => {
    const body = { documentId: documentId(KEY_BOUND) };
    const through = await withKey(hub.url, keyA1.key, body);
    expect(through.body.data).toEqual({ me: { organisation: 'TEST_READER', via: 'api-key' } });
    expect((await withKey(hub.url, keyA1.key, { query: KEY_BOUND })).body.errors).toBeUndefined();
    for (const res of [
      await withKey(hub.url, keyA2.key, body),
      await post(hub.url, body),
      await withKey(other.allow!, keyA2.key, body),
    ]) {
      expect(res.status).toBe(400);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      expect(res.body.data).toBeUndefined();
    }
    const byText = await withKey(hub.url, keyA2.key, { query: KEY_BOUND });
    expect(byText.body.errors?.[0]?.extensions?.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
  });

  it('the operations of queries/ still run for every organisation and key', async () => {
    for (const res of [
      await postAs(hub.url, PRINCIPALS.bank, {
        documentId: documentId(what.document),
        variables: what.variables,
      }),
      await postAs(hub.url, PRINCIPALS.otherBank, { query: what.document, variables: what.variables }),
      await withKey(hub.url, keyA2.key, { documentId: documentId(what.document), variables: what.variables }),
    ]) {
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data?.me).toMatchObject({ kind: 'BANK' });
    }
  });

  it('counts the refusals in the per-operation request series', async () => {
    const metrics = await (await fetch(`${hub.url}/metrics`)).text();
    expect(metrics).toMatch(
      /^hub_graphql_requests_total\{operation="\(anonymous\)",outcome="error"\} [1-9]\d*$/m,
    );
    expect(metrics).toMatch(/^hub_graphql_errors_total\{code="PERSISTED_QUERY_NOT_FOUND"\} [1-9]\d*$/m);
    const named = await postAs(hub.url, PRINCIPALS.bank, {
      documentId: documentId(OWNED),
      operationName: 'OwnedPage',
    });
    expect(named.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const after = await (await fetch(`${hub.url}/metrics`)).text();
    expect(after).toMatch(/^hub_graphql_requests_total\{operation="OwnedPage",outcome="error"\} 1$/m);
  });
});
