import { parse, type GraphQLSchema } from 'graphql';
import { CostEstimateCache, costEstimators, estimateCost } from '../src/server/limits/cost.js';
import { checkStructure, checkTokens, type StructureLimits } from '../src/server/limits/structure.js';
import { summarise, type Summary } from './stats.js';

/**
 * Time of the limits' own work per request, measured in-process: what every
 * request pays (token count and cost estimate; the shape check runs once per
 * distinct document and is shown apart).
 */
export function costAnalysisMicros(
  schema: GraphQLSchema,
  limits: StructureLimits,
  defaultPageSize: number,
  body: { query: string; variables: Record<string, unknown> },
  iterations = 200,
): { perRequest: number; remembered: number; shapeOnce: number } {
  const estimators = costEstimators(defaultPageSize);
  const document = parse(body.query);
  const time = (run: () => void) => {
    for (let i = 0; i < 20; i++) run();
    const t = performance.now();
    for (let i = 0; i < iterations; i++) run();
    return ((performance.now() - t) * 1000) / iterations;
  };
  // Worked out: the first request of a document with these variables.
  const perRequest = time(() => {
    checkTokens(body.query, limits.maxTokens);
    estimateCost(schema, document, undefined, body.variables, estimators);
  });
  // As the hub pays it for the same document and variables again (CostEstimateCache).
  const cache = new CostEstimateCache(schema, estimators);
  const remembered = time(() => {
    checkTokens(body.query, limits.maxTokens);
    cache.estimate(document, undefined, body.variables);
  });
  const t = performance.now();
  for (let i = 0; i < iterations; i++) checkStructure(schema, parse(body.query), limits);
  const shapeOnce = ((performance.now() - t) * 1000) / iterations;
  return { perRequest, remembered, shapeOnce };
}

export interface LoadResult {
  readonly heavy: { answered: number; rateLimited: number; other: number; codes: Record<string, number> };
  readonly small: Summary;
  readonly healthz: Summary;
}

/**
 * `clients` heavy clients (each its own principal) ask for pages of 1,000 with
 * every list in a loop; meanwhile one other client sends a one-field request and
 * /healthz is polled, one at a time, and their latencies are recorded.
 */
export async function heavyLoad(options: {
  readonly url: string;
  readonly clients: number;
  readonly seconds: number;
  readonly heavyHeaders: (client: number) => Promise<Record<string, string>>;
  readonly smallHeaders: Record<string, string>;
  readonly heavyBody: unknown;
  readonly smallBody: unknown;
}): Promise<LoadResult> {
  const until = performance.now() + options.seconds * 1000;
  const heavy = { answered: 0, rateLimited: 0, other: 0, codes: {} as Record<string, number> };
  const heavyLoop = async (client: number) => {
    const headers = await options.heavyHeaders(client);
    while (performance.now() < until) {
      const res = await fetch(`${options.url}/graphql`, {
        method: 'POST',
        headers,
        body: JSON.stringify(options.heavyBody),
      });
      const json = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
      const code = json.errors?.[0]?.extensions?.code;
      if (res.status === 429 || code === 'RATE_LIMITED') {
        heavy.rateLimited++;
        const wait = Number(res.headers.get('retry-after') ?? 1);
        await new Promise((r) => setTimeout(r, Math.min(wait, 2) * 1000));
      } else if (code) {
        heavy.other++;
        heavy.codes[code] = (heavy.codes[code] ?? 0) + 1;
      } else heavy.answered++;
    }
  };
  const probe = async (send: () => Promise<Response>, into: number[]) => {
    // Let the heavy clients get going first.
    await new Promise((r) => setTimeout(r, 1000));
    while (performance.now() < until) {
      const t = performance.now();
      const res = await send();
      await res.arrayBuffer();
      into.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const small: number[] = [];
  const health: number[] = [];
  const started = performance.now();
  await Promise.all([
    ...Array.from({ length: options.clients }, (_, c) => heavyLoop(c)),
    probe(
      () =>
        fetch(`${options.url}/graphql`, {
          method: 'POST',
          headers: options.smallHeaders,
          body: JSON.stringify(options.smallBody),
        }),
      small,
    ),
    probe(() => fetch(`${options.url}/healthz`), health),
  ]);
  const wall = performance.now() - started;
  return { heavy, small: summarise(small, wall), healthz: summarise(health, wall) };
}
