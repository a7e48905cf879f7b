import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TrustedDocumentsMode } from '../../config/config.js';
import { ErrorCode } from '../../common/errors.js';
import type { ExampleOperation } from '../example-operations.js';

/** `sha256:<hex>` of the document text, byte for byte: the id clients send as `documentId`. */
export const documentId = (text: string): string =>
  `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;

/**
 * The allow-list: documentId → document text. Built from queries/ at start-up (the
 * same texts `npm run codegen` compiles); `add` takes further documents.
 */
export class TrustedDocumentManifest {
  private readonly byId = new Map<string, string>();

  static fromExamples(examples: readonly ExampleOperation[]): TrustedDocumentManifest {
    const manifest = new TrustedDocumentManifest();
    for (const example of examples) manifest.add(example.document);
    return manifest;
  }

  add(text: string): string {
    const id = documentId(text);
    this.byId.set(id, text);
    return id;
  }

  get(id: string): string | undefined {
    return this.byId.get(id);
  }

  hasText(text: string): boolean {
    return this.byId.has(documentId(text));
  }

  /** The manifest as JSON: `{ "sha256:…": "query …" }`. */
  toJSON(): Record<string, string> {
    return Object.fromEntries(this.byId);
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
): void {
  http.addHook('preHandler', async (request, reply) => {
    if (!request.url.startsWith('/graphql')) return;
    const body = (request.method === 'POST' ? request.body : request.query) as GraphQLBody | undefined;
    if (!body || typeof body !== 'object') return;
    const apqHash = body.extensions?.persistedQuery?.sha256Hash;
    const id =
      typeof body.documentId === 'string'
        ? body.documentId
        : typeof apqHash === 'string' && body.query === undefined
          ? `sha256:${apqHash}`
          : undefined;
    if (id !== undefined) {
      if (mode === 'off' && typeof body.documentId === 'string') {
        return refuse(
          reply,
          400,
          ErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
          'documentId is not accepted: TRUSTED_DOCUMENTS=off',
        );
      }
      const text = manifest.get(id);
      if (text === undefined) {
        if (mode === 'off') return; // Apollo's own APQ answers PERSISTED_QUERY_NOT_FOUND.
        return refuse(
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
    if (mode === 'required' && typeof body.query === 'string' && !manifest.hasText(body.query)) {
      return refuse(
        reply,
        400,
        ErrorCode.TRUSTED_DOCUMENT_REQUIRED,
        'this hub executes only trusted documents: send the documentId of a registered operation',
      );
    }
  });
}
