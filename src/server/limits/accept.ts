import type { RequestHeaders } from '../context.js';

const GRAPHQL_RESPONSE = 'application/graphql-response+json';

/**
 * Whether a response goes out as legacy `application/json`, following Apollo's
 * choice: application/graphql-response+json only when the Accept header ranks
 * it at least as high as application/json. GraphQL over HTTP then wants
 * request errors (a document that fails to parse or validate, or a refused
 * one) answered 200 for application/json and 400 for the new media type.
 */
export function answersAsLegacyJson(accept: string | undefined): boolean {
  if (!accept) return true;
  const json = bestMatch(accept, 'application/json');
  const graphql = bestMatch(accept, GRAPHQL_RESPONSE);
  if (!graphql || graphql.q <= 0) return true;
  if (!json || json.q <= 0) return false;
  // As the negotiator Apollo uses: quality, then specificity, then order in the header.
  if (graphql.q !== json.q) return json.q > graphql.q;
  if (graphql.specificity !== json.specificity) return json.specificity > graphql.specificity;
  return json.index <= graphql.index;
}

interface Match {
  readonly q: number;
  readonly specificity: number;
  readonly index: number;
}

function bestMatch(accept: string, mediaType: string): Match | undefined {
  const [type, subtype] = mediaType.split('/');
  let best: Match | undefined;
  accept.split(',').forEach((part, index) => {
    const [range = '', ...params] = part.trim().toLowerCase().split(';');
    const [t, s] = range.trim().split('/');
    const specificity = t === type && s === subtype ? 2 : t === type && s === '*' ? 1 : t === '*' ? 0 : -1;
    if (specificity < 0) return;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    const match = { q: Number.isFinite(q) ? q : 0, specificity, index };
    if (!best || match.specificity > best.specificity) best = match;
  });
  return best;
}

export function acceptOf(
  headers: RequestHeaders | { get(name: string): string | undefined },
): string | undefined {
  if (typeof (headers as { get?: unknown }).get === 'function') {
    return (headers as { get(name: string): string | undefined }).get('accept');
  }
  const value = (headers as RequestHeaders).accept;
  return Array.isArray(value) ? value[0] : value;
}

/** 400 for application/graphql-response+json, 200 for application/json (GraphQL over HTTP). */
export function requestErrorStatus(accept: string | undefined): number {
  return answersAsLegacyJson(accept) ? 200 : 400;
}
