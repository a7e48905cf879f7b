import type { FastifyInstance } from 'fastify';
import {
  GraphQLError,
  getOperationAST,
  parse,
  validate,
  type ExecutionArgs,
  type GraphQLSchema,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { AccessControl } from '../auth/access-control.js';
import type { Purpose } from '../auth/purpose.js';
import type { HubConfig } from '../config/config.js';
import { ChangeListener } from '../db/change-listener.js';
import type { HubOrm } from '../db/orm.js';
import { ErrorCode } from '../common/errors.js';
import { createContext, type ContextDeps, type HubContext, type RequestHeaders } from './context.js';
import { inBackground } from '../db/background-work.js';
import type { HubModule } from './hub-module.js';

/**
 * What a subscription's resolver gets beyond a request's context: wake-ups when
 * the outbox changes (on any hub instance), and fresh access decisions for each
 * delivery, so a revoked agreement stops events from the next one.
 */
export interface SubscriptionContext extends HubContext {
  readonly changes: ChangeListener;
  accessFor(purpose: Purpose): AccessControl;
}

export const isSubscriptionContext = (ctx: HubContext): ctx is SubscriptionContext =>
  'changes' in ctx && 'accessFor' in ctx;

export interface SubscriptionDeps {
  readonly orm: HubOrm;
  readonly config: HubConfig;
  readonly log: Logger;
  readonly schema: GraphQLSchema;
  readonly contextDeps: ContextDeps;
  /** The hub's modules: each one's background work runs beside the subscriptions. */
  readonly modules: readonly HubModule[];
}

/** connectionParams as the headers authentication reads (`authorization`, `x-api-key`). */
function headersOf(params: Readonly<Record<string, unknown>> | undefined): RequestHeaders {
  const headers: RequestHeaders = {};
  for (const [key, value] of Object.entries(params ?? {}))
    if (typeof value === 'string') headers[key.toLowerCase()] = value;
  return headers;
}

const coded = (message: string, code: ErrorCode) => new GraphQLError(message, { extensions: { code } });

/**
 * GraphQL subscriptions over graphql-ws on the HTTP server's port, path /graphql
 * (an HTTP GET/POST there is still Apollo's). The connection is authenticated
 * once, when it opens (connectionParams carry the same Bearer token or API key as
 * HTTP headers), and again for each operation, so an expired token ends there.
 * Only subscriptions run here: queries and mutations go over HTTP, through the
 * limits, the authorization pipeline and the audit. The modules' background work
 * (webhook deliveries) starts here too, woken by the same notifications.
 */
export async function attachSubscriptions(
  http: FastifyInstance,
  deps: SubscriptionDeps,
): Promise<{ changes: ChangeListener }> {
  const { schema, log } = deps;
  const changes = await inBackground(() => ChangeListener.start(deps.orm, deps.config, log));
  const wss = new WebSocketServer({ noServer: true });
  let sequence = 0;
  const server = useServer<Record<string, unknown>, { requestId: string }>(
    {
      schema,
      onConnect: async (ctx) => {
        try {
          await deps.contextDeps.authenticator.authenticate(headersOf(ctx.connectionParams));
          ctx.extra.requestId = `ws-${process.pid}-${++sequence}`;
          return true;
        } catch (err) {
          log.info(
            { err: (err as Error).message },
            'a subscription connection was refused at authentication',
          );
          return false;
        }
      },
      context: async (ctx): Promise<SubscriptionContext> => {
        const base = await createContext(
          deps.contextDeps,
          headersOf(ctx.connectionParams),
          ctx.extra.requestId ?? `ws-${process.pid}`,
        );
        const grants = deps.contextDeps.grants;
        return Object.assign(base, {
          changes,
          accessFor: (purpose: Purpose) =>
            new AccessControl(base.principal, purpose, deps.contextDeps.catalog, grants(base.em.fork())),
        });
      },
      onSubscribe: (_ctx, _id, payload): ExecutionArgs | readonly GraphQLError[] => {
        let document;
        try {
          document = parse(payload.query, { maxTokens: deps.config.maxTokens });
        } catch (err) {
          return [coded((err as Error).message, ErrorCode.GRAPHQL_PARSE_FAILED)];
        }
        const invalid = validate(schema, document);
        if (invalid.length > 0)
          return invalid.map((e) => coded(e.message, ErrorCode.GRAPHQL_VALIDATION_FAILED));
        const operation = getOperationAST(document, payload.operationName);
        if (operation?.operation !== 'subscription')
          return [
            coded(
              'only subscriptions run over WebSocket; send queries and mutations over HTTP',
              ErrorCode.BAD_REQUEST,
            ),
          ];
        return {
          schema,
          document,
          variableValues: payload.variables ?? undefined,
          operationName: payload.operationName ?? undefined,
        };
      },
    },
    wss,
  );
  http.server.on('upgrade', (request, socket, head) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== '/graphql') {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });
  const background = deps.modules.flatMap((m) => {
    const start = m.background;
    return start
      ? [
          inBackground(() =>
            start({
              em: () => deps.orm.em.fork(),
              modules: deps.contextDeps.modules,
              config: deps.config,
              log,
              changes,
              accessFor: (principal, purpose, em) =>
                new AccessControl(principal, purpose, deps.contextDeps.catalog, deps.contextDeps.grants(em)),
            }),
          ),
        ]
      : [];
  });
  http.addHook('onClose', async () => {
    await server.dispose();
    const stopping = background.map((b) => b.stop());
    // Closing wakes every waiter at once, so the loops see they are stopped.
    await changes.close();
    await Promise.all(stopping);
  });
  return { changes };
}
