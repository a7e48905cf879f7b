import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import type { Logger } from 'pino';
import { canonicalJson, sha256Hex } from '../../audit/access-log.hash.js';
import { ErrorCode, HubError } from '../../common/errors.js';
import { checkToken } from '../../common/input.js';
import type { HubOrm } from '../../db/orm.js';
import type { HubContext } from '../context.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotent-replayed';
const KEY_PATTERN = /^[A-Za-z0-9._:-]+$/;
const KEY_MAX = 128;
/** A first request that has not finished after this long is taken to have died with its process. */
const ABANDONED_AFTER_MS = 10 * 60_000;

/** Codes after which nothing was done and the same request may succeed later: the key is released. */
const RETRYABLE = new Set<string>([ErrorCode.INTERNAL_SERVER_ERROR, 'SERVICE_UNAVAILABLE']);

type Claim = { readonly principal: string; readonly key: string };

function errorResponse(status: number, message: string, extensions: Record<string, string>): GraphQLResponse {
  return {
    http: { status, headers: new HeaderMap() },
    body: {
      kind: 'single',
      singleResult: { errors: [{ message, extensions: { argument: 'Idempotency-Key', ...extensions } }] },
    },
  };
}

/** Keep a result unless nothing was done and a retry could succeed (an outage, a server fault). */
function worthKeeping(result: FormattedExecutionResult): boolean {
  const anyData = Object.values(result.data ?? {}).some((v) => v !== null);
  if (anyData) return true;
  return !(result.errors ?? []).some((e) => RETRYABLE.has(String(e.extensions?.code)));
}

/**
 * Makes mutations safe to retry. A mutation sent with `Idempotency-Key: <key>` is
 * claimed for the caller before it runs; its response is stored when it is sent;
 * the same caller sending the same key again within the window gets the stored
 * response (header Idempotent-Replayed: true) and nothing is executed. The same key
 * with a different request, or while the first is still running, is CONFLICT.
 * Queries ignore the header.
 */
export function idempotencyPlugin({
  orm,
  log,
  windowSeconds,
}: {
  orm: HubOrm;
  log: Logger;
  windowSeconds: number;
}): ApolloServerPlugin<HubContext> {
  const sql = <T>(query: string, params: unknown[]) => orm.em.fork().execute<T[]>(query, params);
  return {
    async requestDidStart({ request }) {
      const raw = request.http?.headers.get(IDEMPOTENCY_HEADER);
      if (raw === undefined) return {};
      let claim: Claim | undefined;
      return {
        async responseForOperation(rc) {
          if (rc.operation.operation !== 'mutation') return null;
          let key: string;
          try {
            key = checkToken(
              'Idempotency-Key',
              raw,
              KEY_MAX,
              KEY_PATTERN,
              `1 to ${KEY_MAX} of A-Z a-z 0-9 . _ : -`,
            );
          } catch (err) {
            const details = err instanceof HubError ? err.details : {};
            return errorResponse(400, (err as Error).message, {
              code: ErrorCode.BAD_USER_INPUT,
              rule: String(details.rule ?? 'format'),
            });
          }
          const p = rc.contextValue.principal;
          const principal = `${p.kind}:${p.organisation}/${p.id}`;
          const requestHash = sha256Hex(
            canonicalJson({
              query: rc.source,
              operationName: rc.request.operationName ?? null,
              variables: rc.request.variables ?? {},
            }),
          );
          const now = new Date();
          await sql(
            `delete from hub_idempotency_key where expires_at < ?
                or (principal = ? and idempotency_key = ? and response is null and created_at < ?)`,
            [now, principal, key, new Date(now.getTime() - ABANDONED_AFTER_MS)],
          );
          const inserted = await sql<{ principal: string }>(
            `insert into hub_idempotency_key
               (principal, idempotency_key, request_hash, response, http_status, created_at, expires_at)
             values (?, ?, ?, null, null, ?, ?) on conflict do nothing returning principal`,
            [principal, key, requestHash, now, new Date(now.getTime() + windowSeconds * 1000)],
          );
          if (inserted.length === 1) {
            claim = { principal, key };
            return null;
          }
          const [stored] = await sql<{
            request_hash: string;
            response: string | null;
            http_status: number | null;
          }>(
            `select request_hash, response, http_status from hub_idempotency_key
              where principal = ? and idempotency_key = ?`,
            [principal, key],
          );
          if (!stored) {
            return errorResponse(409, 'the Idempotency-Key was released meanwhile; send the request again', {
              code: ErrorCode.CONFLICT,
              rule: 'inProgress',
            });
          }
          if (stored.request_hash !== requestHash) {
            return errorResponse(
              422,
              'this Idempotency-Key was used for a different request; use a new key for a new request',
              { code: ErrorCode.CONFLICT, rule: 'sameRequest' },
            );
          }
          if (stored.response === null) {
            return errorResponse(409, 'a request with this Idempotency-Key is still running; retry later', {
              code: ErrorCode.CONFLICT,
              rule: 'inProgress',
            });
          }
          const headers = new HeaderMap();
          headers.set(REPLAYED_HEADER, 'true');
          return {
            http: { status: stored.http_status ?? 200, headers },
            body: { kind: 'single', singleResult: JSON.parse(stored.response) as FormattedExecutionResult },
          };
        },

        async willSendResponse(rc) {
          if (!claim) return;
          const { body, http } = rc.response;
          // A response holding governed reads is not kept: a replay would serve data the
          // access log has no record of serving (and the audit plugin may still withhold it).
          // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- Apollo passes an empty contextValue when creating the context failed (e.g. UNAUTHENTICATED)
          const governed = rc.contextValue.audit?.hasEntries ?? false;
          // The work is done: failing to keep its result must not lose the result itself.
          try {
            await keep(
              !governed && body.kind === 'single' && worthKeeping(body.singleResult)
                ? body.singleResult
                : null,
            );
          } catch (err) {
            log.error({ err, requestId: rc.contextValue.requestId }, 'could not store an idempotent result');
          }
          async function keep(result: FormattedExecutionResult | null) {
            if (result) {
              await sql(
                `update hub_idempotency_key set response = ?, http_status = ?
                where principal = ? and idempotency_key = ?`,
                [JSON.stringify(result), http.status ?? 200, claim!.principal, claim!.key],
              );
            } else {
              await sql('delete from hub_idempotency_key where principal = ? and idempotency_key = ?', [
                claim!.principal,
                claim!.key,
              ]);
            }
          }
        },
      };
    },
  };
}
