import type { SqlEntityManager } from '@mikro-orm/sql';
import { Kind, parse, validate, type GraphQLSchema } from 'graphql';
import { ApiKeyEntity } from '../../auth/api-keys/index.js';
import { BadInputError, ErrorCode, HubError } from '../../common/errors.js';
import { TrustedDocumentEntity } from './trusted-document.entity.js';
import { toTrustedDocument, type TrustedDocument } from './trusted-document.type.js';
import { sha256Hex } from './trusted-documents.js';

export interface RegisterDocumentsFields {
  readonly organisation: string;
  readonly apiKeyId?: string | null;
  readonly documents: readonly string[];
}

const MAX_DOCUMENTS = 200;
const MAX_DOCUMENT_CHARS = 100_000;

/** Parses and validates one document; returns its operation name (the first operation's). */
function checkDocument(schema: GraphQLSchema, text: string, index: number): string | null {
  if (text.length > MAX_DOCUMENT_CHARS) {
    throw new BadInputError(`documents[${index}] is longer than ${MAX_DOCUMENT_CHARS} characters`, {
      argument: `input.documents[${index}]`,
    });
  }
  let document;
  try {
    document = parse(text);
  } catch (err) {
    throw new BadInputError(`documents[${index}] does not parse: ${(err as Error).message}`, {
      argument: `input.documents[${index}]`,
    });
  }
  const errors = validate(schema, document);
  if (errors.length > 0) {
    throw new BadInputError(`documents[${index}] is not valid against the schema: ${errors[0]!.message}`, {
      argument: `input.documents[${index}]`,
    });
  }
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  return operation?.name?.value ?? null;
}

async function checkApiKey(em: SqlEntityManager, apiKeyId: string, organisation: string): Promise<void> {
  const key = /^[0-9a-f-]{36}$/i.test(apiKeyId) ? await em.findOne(ApiKeyEntity, { id: apiKeyId }) : null;
  if (!key || key.organisation !== organisation) {
    throw new BadInputError(`apiKeyId is not an API key of organisation ${organisation}`, { argument: 'input.apiKeyId' });
  }
}

/**
 * Stores documents as trusted for one client (organisation, optionally one API key),
 * after checking each against the schema. Used by the ADMIN mutation and the CLI.
 */
export async function registerDocuments(
  em: SqlEntityManager,
  schema: GraphQLSchema,
  input: RegisterDocumentsFields,
  admin: string,
): Promise<TrustedDocument[]> {
    if (input.documents.length === 0 || input.documents.length > MAX_DOCUMENTS) {
      throw new BadInputError(`documents must hold 1 to ${MAX_DOCUMENTS} operations`, { argument: 'input.documents' });
    }
    if (!/^[A-Z0-9_]{1,64}$/.test(input.organisation)) {
      throw new BadInputError('organisation must be 1 to 64 of A-Z, 0-9 and _', { argument: 'input.organisation' });
    }
    if (input.apiKeyId) await checkApiKey(em, input.apiKeyId, input.organisation);
    const checked = input.documents.map((text, i) => ({
      text,
      hash: sha256Hex(text),
      operationName: checkDocument(schema, text, i),
    }));
    return em.transactional(async (tx) => {
      const out: TrustedDocument[] = [];
      for (const doc of checked) {
        const existing = await tx.findOne(TrustedDocumentEntity, { hash: doc.hash });
        if (existing) {
          if (existing.organisation !== input.organisation || existing.apiKeyId !== (input.apiKeyId ?? null)) {
            throw new HubError(
              ErrorCode.CONFLICT,
              `document ${doc.operationName ?? doc.hash.slice(0, 12)} is already registered for another client`,
              { documentId: `sha256:${doc.hash}` },
            );
          }
          out.push(toTrustedDocument(existing));
          continue;
        }
        const row = tx.create(TrustedDocumentEntity, {
          hash: doc.hash,
          document: doc.text,
          operationName: doc.operationName,
          organisation: input.organisation,
          apiKeyId: input.apiKeyId ?? null,
          registeredBy: admin,
          registeredAt: new Date(),
        });
        out.push(toTrustedDocument(row));
      }
      await tx.flush();
      return out;
    });
}
