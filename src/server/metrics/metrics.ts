import type { ApolloServerPlugin } from '@apollo/server';
import { getOperationAST } from 'graphql';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { sqlTallies } from '../../db/orm-logger.js';
import { poolStats, type HubOrm } from '../../db/orm.js';
import type { HubContext } from '../context.js';
import { operationLabel, type OperationNames } from './operation-label.js';

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** What a response said: every error-free answer is a success, data with errors is partial. */
export type Outcome = 'success' | 'partial' | 'error';

/**
 * The hub's Prometheus metrics, one registry per app (so two apps in one process,
 * as in the benchmark and the tests, never share series). Labels carry operation
 * names of known operations only (see operationLabel), error codes, catalog resource
 * names, denial reasons and principal kinds: never a data value, USCC or credential.
 */
export class HubMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'operation' | 'outcome'>;
  private readonly duration: Histogram<'operation' | 'outcome'>;
  private readonly errors: Counter<'code'>;
  private readonly denials: Counter<'resource' | 'reason'>;
  private readonly sqlStatements: Counter<'operation'>;
  private readonly sqlSeconds: Counter<'operation'>;
  private readonly accessLogAppend: Histogram<'outcome'>;
  private readonly cost: Histogram<'operation'>;
  private readonly rateLimits: Counter<'principal_kind'>;

  constructor(
    private readonly known: OperationNames,
    orm?: HubOrm,
  ) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: 'hub_graphql_requests_total',
      help: 'GraphQL operations answered, by operation name and outcome (success, partial, error).',
      labelNames: ['operation', 'outcome'],
      registers,
    });
    this.duration = new Histogram({
      name: 'hub_graphql_request_duration_seconds',
      help: 'Time from receiving a GraphQL operation to sending its response.',
      labelNames: ['operation', 'outcome'],
      buckets: SECONDS,
      registers,
    });
    this.errors = new Counter({
      name: 'hub_graphql_errors_total',
      help: 'Errors sent to clients, by extensions.code.',
      labelNames: ['code'],
      registers,
    });
    this.denials = new Counter({
      name: 'hub_authorization_denials_total',
      help: 'Values withheld by the sharing rules, by catalog resource and reason.',
      labelNames: ['resource', 'reason'],
      registers,
    });
    this.sqlStatements = new Counter({
      name: 'hub_sql_statements_total',
      help: 'SQL statements run on behalf of GraphQL operations, by operation name.',
      labelNames: ['operation'],
      registers,
    });
    this.sqlSeconds = new Counter({
      name: 'hub_sql_seconds_total',
      help: 'Time spent in SQL statements on behalf of GraphQL operations, by operation name.',
      labelNames: ['operation'],
      registers,
    });
    this.accessLogAppend = new Histogram({
      name: 'hub_access_log_append_duration_seconds',
      help: 'Time to append one access-log record (hash chain, advisory lock, insert), by outcome.',
      labelNames: ['outcome'],
      buckets: SECONDS,
      registers,
    });
    this.cost = new Histogram({
      name: 'hub_operation_cost_estimated',
      help: 'Estimated cost of operations before execution, by operation name.',
      labelNames: ['operation'],
      buckets: [1, 10, 50, 100, 500, 1_000, 5_000, 10_000, 50_000, 100_000],
      registers,
    });
    this.rateLimits = new Counter({
      name: 'hub_rate_limited_total',
      help: 'Operations refused with RATE_LIMITED, by principal kind.',
      labelNames: ['principal_kind'],
      registers,
    });
    if (orm) this.poolGauge(orm);
  }

  private poolGauge(orm: HubOrm): void {
    new Gauge({
      name: 'hub_db_pool_connections',
      help: 'Database connections by state: total, idle and waiting (requests queued for one), and the pool maximum. PGlite is one connection.',
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        const stats = poolStats(orm) ?? { total: 1, idle: 0, waiting: 0, max: 1 };
        for (const state of ['total', 'idle', 'waiting', 'max'] as const) this.set({ state }, stats[state]);
      },
    });
  }

  /** Cost analysis calls this with each operation's estimate, before execution. */
  operationCost(operationName: string | null | undefined, estimated: number): void {
    if (!Number.isFinite(estimated) || estimated < 0) return;
    this.cost.observe({ operation: operationLabel(operationName, this.known) }, estimated);
  }

  /** Rate limiting calls this for each refusal. `principalKind` is a PrincipalKind (or 'anonymous'). */
  rateLimited(principalKind: string): void {
    this.rateLimits.inc({
      principal_kind: /^[A-Za-z_]{1,32}$/.test(principalKind) ? principalKind : 'other',
    });
  }

  /**
   * A request refused before Apollo's request pipeline (trusted documents: in the
   * preHandler or the context factory), so the plugin never sees it: counted here as an
   * `error` outcome of the operation name the client gave, and by its code.
   */
  refusedBeforeExecution(code: string, operationName?: string, seconds?: number): void {
    this.errors.inc({ code });
    const labels = { operation: operationLabel(operationName, this.known), outcome: 'error' };
    this.requests.inc(labels);
    if (seconds !== undefined) this.duration.observe(labels, seconds);
  }

  /** The audit plugin calls this after each append, written or failed. */
  accessLogAppended(seconds: number, ok: boolean): void {
    this.accessLogAppend.observe({ outcome: ok ? 'written' : 'failed' }, seconds);
  }

  /** Counts requests, latency, errors, denials and SQL per operation. */
  plugin(): ApolloServerPlugin<HubContext> {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const metrics = this;
    return {
      async requestDidStart() {
        const started = process.hrtime.bigint();
        return {
          async willSendResponse({ response, operationName, request, document, contextValue: ctx }) {
            // Read first: the access-log append that follows has its own metric.
            const sql = sqlTallies.getStore();
            const statements = sql?.statements ?? 0;
            const sqlMillis = sql?.millis ?? 0;
            // A document that failed validation has no resolved operation; its own name still says which it was.
            const named =
              operationName ??
              request.operationName ??
              (document ? getOperationAST(document)?.name?.value : undefined);
            const operation = operationLabel(named, metrics.known);
            const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
            const errors = result?.errors ?? [];
            const outcome: Outcome =
              errors.length === 0 ? 'success' : result?.data != null ? 'partial' : 'error';
            const seconds = Number(process.hrtime.bigint() - started) / 1e9;
            metrics.requests.inc({ operation, outcome });
            metrics.duration.observe({ operation, outcome }, seconds);
            for (const error of errors) {
              const code = error.extensions?.code;
              metrics.errors.inc({ code: typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR' });
            }
            // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- Apollo passes an empty contextValue when creating the context failed (e.g. UNAUTHENTICATED)
            for (const denial of ctx?.audit?.summary().denials ?? []) {
              metrics.denials.inc(
                { resource: denial.resource ?? 'unknown', reason: denial.reason },
                denial.count,
              );
            }
            if (statements > 0) {
              metrics.sqlStatements.inc({ operation }, statements);
              metrics.sqlSeconds.inc({ operation }, sqlMillis / 1000);
            }
          },
        };
      },
    };
  }
}
