import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TrustedDocumentsMode } from '../../config/config.js';
import { ErrorCode } from '../../common/errors.js';
import { projectRoot, type ExampleOperation } from '../example-operations.js';

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** `sha256:<hex>` of the document text, byte for byte: the id clients send as `documentId`. */
export const documentId = (text: string): string => `sha256:${sha256Hex(text)}`;

/** The hex hash of a documentId: `sha256:<hex>`, or the bare hex that codegen's manifest uses as key. */
export function hashOf(id: string): string | undefined {
  const match = /^(?:sha256:)?([0-9a-f]{64})$/.exec(id);
  return match?.[1];
}

/** trusted-documents/persisted-documents.json, written by `npm run codegen` from queries/. */
export function codegenManifest(root = projectRoot()): Record<string, string> {
  return JSON.parse(readFileSync(join(root, 'trusted-documents', 'persisted-documents.json'), 'utf8')) as Record<
    string,
    string
  >;
}

/** Looks a registered document up by hash (the database, in the hub). */
export type RegisteredDocumentLookup = (hash: string) => Promise<{ document: string; operationName: string | null } | null>;

/**
 * The allow-list, by hex SHA-256 of the exact text. Built at start-up from queries/ (the
 * texts as in the files, and as printed by `npm run codegen` into
 * trusted-documents/persisted-documents.json); documents that ADMINs register are found
 * in the database on first use and kept here after.
 */
export class TrustedDocumentManifest {
  private readonly byHash = new Map<string, string>();

  constructor(
    private readonly lookup?: RegisteredDocumentLookup,
    private readonly onName?: (operationName: string) => void,
  ) {}

  static fromExamples(examples: readonly ExampleOperation[], codegenManifest: Record<string, string> = {}, lookup?: RegisteredDocumentLookup, onName?: (name: string) => void): TrustedDocumentManifest {
    const manifest = new TrustedDocumentManifest(lookup, onName);
    for (const example of examples) manifest.add(example.document);
    for (const text of Object.values(codegenManifest)) manifest.add(text);
    return manifest;
  }

  add(text: string): string {
    const hash = sha256Hex(text);
    this.byHash.set(hash, text);
    return `sha256:${hash}`;
  }

  /** The text of a trusted document, by documentId (or bare hash); undefined if none. */
  async get(id: string): Promise<string | undefined> {
    const hash = hashOf(id);
    if (hash === undefined) return undefined;
    const known = this.byHash.get(hash);
    if (known !== undefined || !this.lookup) return known;
    const found = await this.lookup(hash);
    if (!found) return undefined;
    this.byHash.set(hash, found.document);
    if (found.operationName) this.onName?.(found.operationName);
    return found.document;
  }

  async hasText(text: string): Promise<boolean> {
    return (await this.get(sha256Hex(text))) === text;
  }

  /** The start-up part of the manifest as JSON: `{ "sha256:…": "query …" }`. */
  toJSON(): Record<string, string> {
    return Object.fromEntries([...this.byHash].map(([hash, text]) => [`sha256:${hash}`, text]));
  }
}

interface GraphQLBody {
  query?: unknown;
  documentId?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } };
}

function refuse(reply: FastifyReply, status: number, code: ErrorCode, message: string) {
  return reply
    .code(status)
    .header('content-type', 'application/json; charset=utf-8')
    .send({ errors: [{ message, extensions: { code } }] });
}

/**
 * Resolves `documentId` (GraphQL over HTTP persisted documents) and hash-only Apollo APQ
 * requests (`extensions.persistedQuery.sha256Hash`, the same SHA-256) against the
 * manifest before Apollo sees the body, and with TRUSTED_DOCUMENTS=required refuses any
 * operation text that is not in it. Runs on POST /graphql; GET carries `query` text only,
 * which `required` checks the same way.
 */
export function registerTrustedDocuments(
  http: FastifyInstance,
  manifest: TrustedDocumentManifest,
  mode: TrustedDocumentsMode,
  /** Told the code of each refusal (metrics: these never reach Apollo). */
  onRefuse?: (code: ErrorCode) => void,
): void {
  const refuseCounted = (reply: FastifyReply, status: number, code: ErrorCode, message: string) => {
    onRefuse?.(code);
    return refuse(reply, status, code, message);
  };
  http.addHook('preHandler', async (request, reply) => {
    if (!request.url.startsWith('/graphql')) return;
    const body = (request.method === 'POST' ? request.body : request.query) as GraphQLBody | undefined;
    if (!body || typeof body !== 'object') return;
    const apqHash = body.extensions?.persistedQuery?.sha256Hash;
    const id =
      typeof body.documentId === 'string'
        ? body.documentId
        : typeof apqHash === 'string' && body.query === undefined
          ? apqHash
          : undefined;
    if (id !== undefined) {
      if (mode === 'off' && typeof body.documentId === 'string') {
        return refuseCounted(
          reply,
          400,
          ErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
          'documentId is not accepted: TRUSTED_DOCUMENTS=off',
        );
      }
      const text = await manifest.get(id);
      if (text === undefined) {
        if (mode === 'off') return; // Apollo's own APQ answers PERSISTED_QUERY_NOT_FOUND.
        return refuseCounted(
          reply,
          400,
          ErrorCode.PERSISTED_QUERY_NOT_FOUND,
          `no trusted document with documentId ${id.slice(0, 80)}`,
        );
      }
      if (request.method !== 'POST') return;
      body.query = text;
      delete body.documentId;
      return;
    }
    if (mode === 'required' && typeof body.query === 'string' && !(await manifest.hasText(body.query))) {
      return refuseCounted(
        reply,
        400,
        ErrorCode.TRUSTED_DOCUMENT_REQUIRED,
        'this hub executes only trusted documents: send the documentId of a registered operation',
      );
    }
  });
}
