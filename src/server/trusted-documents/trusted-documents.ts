import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

/** Whom a registered document belongs to: only principals of `organisation` (through `apiKeyId`, if set) may run it. */
export interface DocumentOwner {
  readonly organisation: string;
  readonly apiKeyId: string | null;
}

/** Looks a registered document up by hash (the database, in the hub). */
export type RegisteredDocumentLookup = (
  hash: string,
) => Promise<{ document: string; operationName: string | null; organisation: string; apiKeyId: string | null } | null>;

/** A document of the allow-list: the project's own (no owner, usable by everyone) or a client's. */
export interface ResolvedDocument {
  readonly text: string;
  readonly owner: DocumentOwner | undefined;
}

/**
 * The allow-list, by hex SHA-256 of the exact text. The project's own documents are
 * built at start-up from queries/ (the texts as in the files, and as printed by
 * `npm run codegen` into trusted-documents/persisted-documents.json) and may be run by
 * anyone. Documents that ADMINs register belong to one client: they are looked up in the
 * database on every use (one primary-key read), so that a known and an unknown id cost
 * the same and every hub process sees a registration at once.
 */
export class TrustedDocumentManifest {
  private readonly byHash = new Map<string, string>();

  constructor(
    private readonly lookup?: RegisteredDocumentLookup,
    private readonly onName?: (operationName: string) => void,
  ) {}

  static fromExamples(
    examples: readonly ExampleOperation[],
    codegenManifest: Record<string, string> = {},
    lookup?: RegisteredDocumentLookup,
    onName?: (name: string) => void,
  ): TrustedDocumentManifest {
    const manifest = new TrustedDocumentManifest(lookup, onName);
    for (const example of examples) manifest.add(example.document);
    for (const text of Object.values(codegenManifest)) manifest.add(text);
    return manifest;
  }

  /** Adds a project document (usable by everyone). */
  add(text: string): string {
    const hash = sha256Hex(text);
    this.byHash.set(hash, text);
    return `sha256:${hash}`;
  }

  /**
   * A trusted document by documentId (or bare hash), with its owner; undefined if none.
   * `registered: false` consults the project's documents only.
   */
  async resolve(id: string, { registered = true } = {}): Promise<ResolvedDocument | undefined> {
    const hash = hashOf(id);
    if (hash === undefined) return undefined;
    const known = this.byHash.get(hash);
    if (known !== undefined) return { text: known, owner: undefined };
    if (!registered || !this.lookup) return undefined;
    const found = await this.lookup(hash);
    if (!found) return undefined;
    if (found.operationName) this.onName?.(found.operationName);
    return { text: found.document, owner: { organisation: found.organisation, apiKeyId: found.apiKeyId } };
  }

  /** The text of a trusted document, by documentId (or bare hash), whoever owns it. */
  async get(id: string): Promise<string | undefined> {
    return (await this.resolve(id))?.text;
  }

  /** The trusted document whose text is exactly `text`, if any. */
  async resolveText(text: string): Promise<ResolvedDocument | undefined> {
    const found = await this.resolve(sha256Hex(text));
    return found?.text === text ? found : undefined;
  }

  /** The start-up part of the manifest (the project's documents) as JSON: `{ "sha256:…": "query …" }`. */
  toJSON(): Record<string, string> {
    return Object.fromEntries([...this.byHash].map(([hash, text]) => [`sha256:${hash}`, text]));
  }
}
