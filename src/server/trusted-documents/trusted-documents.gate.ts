import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError } from 'graphql';
import type { Principal } from '../../auth/principal.js';
import type { TrustedDocumentsMode } from '../../config/config.js';
import { ErrorCode } from '../../common/errors.js';
import type { DocumentOwner, TrustedDocumentManifest } from './trusted-documents.js';

/** Told of each refusal (metrics): its code, the operation name the client gave, and seconds since the preHandler. */
export type RefusalListener = (code: ErrorCode, operationName: string | undefined, seconds: number) => void;

interface GraphQLBody {
  query?: unknown;
  documentId?: unknown;
  operationName?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } };
}

/**
 * What the preHandler found, decided once the caller is known: refuse outright (an
 * unknown id or text), or let only the owner of a client's registered document run it.
 * Either way the refusal is the same code and message, so a caller cannot tell another
 * client's document from no document at all.
 */
interface Decision {
  readonly owner: DocumentOwner | undefined;
  readonly code: ErrorCode;
  readonly message: string;
}

interface Pending {
  readonly decisions: Decision[];
  readonly operationName: string | undefined;
  readonly started: bigint;
}

const REQUIRED_MESSAGE = 'this hub executes only trusted documents: send the documentId of a registered operation';
const notFound = (id: string) => `no trusted document with documentId ${id.slice(0, 80)}`;

/** Whether `principal` may run a document registered for `owner`. */
export function mayRun(owner: DocumentOwner, principal: Principal): boolean {
  return (
    principal.organisation === owner.organisation &&
    (owner.apiKeyId === null || principal.apiKeyId === owner.apiKeyId)
  );
}

export interface TrustedDocumentGate {
  /**
   * Call after authentication, before Apollo parses the operation (the context factory):
   * throws a GraphQLError (PERSISTED_QUERY_NOT_FOUND or TRUSTED_DOCUMENT_REQUIRED, 400)
   * when the request may not run what the preHandler resolved, so that no resolver runs.
   */
  check(request: FastifyRequest, principal: Principal): void;
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
 * manifest before Apollo sees the body, and with TRUSTED_DOCUMENTS=required checks that
 * operation text is in it. Whether the caller may run what was found is decided after
 * authentication, by the returned gate's `check`: the project's documents by anyone, a
 * registered document only by its client, unknown ids and texts by no one.
 */
export function registerTrustedDocuments(
  http: FastifyInstance,
  manifest: TrustedDocumentManifest,
  mode: TrustedDocumentsMode,
  onRefuse?: RefusalListener,
): TrustedDocumentGate {
  const pending = new WeakMap<FastifyRequest, Pending>();
  const secondsSince = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e9;

  /** One operation of the body: a decision to take after authentication, 'off' to refuse now, or nothing. */
  async function inspect(body: GraphQLBody, rewrite: boolean): Promise<Decision | 'off' | undefined> {
    const apqHash = body.extensions?.persistedQuery?.sha256Hash;
    const id =
      typeof body.documentId === 'string'
        ? body.documentId
        : typeof apqHash === 'string' && body.query === undefined
          ? apqHash
          : undefined;
    if (id !== undefined) {
      if (mode === 'off' && typeof body.documentId === 'string') return 'off';
      // With trusted documents off, APQ finds the project's documents only; Apollo's APQ answers the rest.
      const found = await manifest.resolve(id, { registered: mode !== 'off' });
      if (found === undefined) {
        if (mode === 'off') return undefined;
        if (rewrite) delete body.documentId;
        return { owner: undefined, code: ErrorCode.PERSISTED_QUERY_NOT_FOUND, message: notFound(id) };
      }
      if (rewrite) {
        body.query = found.text;
        delete body.documentId;
      }
      if (found.owner === undefined) return undefined;
      return { owner: found.owner, code: ErrorCode.PERSISTED_QUERY_NOT_FOUND, message: notFound(id) };
    }
    if (mode !== 'required' || typeof body.query !== 'string') return undefined;
    const found = await manifest.resolveText(body.query);
    if (found !== undefined && found.owner === undefined) return undefined; // the project's own
    return { owner: found?.owner, code: ErrorCode.TRUSTED_DOCUMENT_REQUIRED, message: REQUIRED_MESSAGE };
  }

  http.addHook('preHandler', async (request, reply) => {
    if (!request.url.startsWith('/graphql')) return;
    const started = process.hrtime.bigint();
    const raw = request.method === 'POST' ? request.body : request.query;
    if (!raw || typeof raw !== 'object') return;
    const bodies = (Array.isArray(raw) ? raw : [raw]).filter(
      (b): b is GraphQLBody => !!b && typeof b === 'object',
    );
    const decisions: Decision[] = [];
    for (const body of bodies) {
      const decision = await inspect(body, request.method === 'POST');
      if (decision === 'off') {
        const name = typeof body.operationName === 'string' ? body.operationName : undefined;
        onRefuse?.(ErrorCode.PERSISTED_QUERY_NOT_SUPPORTED, name, secondsSince(started));
        return refuse(
          reply,
          400,
          ErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
          'documentId is not accepted: TRUSTED_DOCUMENTS=off',
        );
      }
      if (decision) decisions.push(decision);
    }
    if (decisions.length === 0) return;
    const first = bodies[0]!;
    pending.set(request, {
      decisions,
      operationName: typeof first.operationName === 'string' ? first.operationName : undefined,
      started,
    });
  });

  return {
    check(request, principal) {
      const found = pending.get(request);
      if (!found) return;
      const refused = found.decisions.find((d) => d.owner === undefined || !mayRun(d.owner, principal));
      if (!refused) return;
      onRefuse?.(refused.code, found.operationName, secondsSince(found.started));
      throw new GraphQLError(refused.message, {
        extensions: { code: refused.code, http: { status: 400 } },
      });
    },
  };
}
