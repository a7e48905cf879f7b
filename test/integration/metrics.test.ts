import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FastifyRequest } from 'fastify';
import { loadConfig } from '../../src/config/config.js';
import { PrincipalKind } from '../../src/auth/principal.js';
import { Purpose } from '../../src/auth/purpose.js';
import { buildApp } from '../../src/server/app.js';
import { exampleOperations } from '../../src/server/example-operations.js';
import { createLogger } from '../../src/server/logger.js';
import { mayScrape } from '../../src/server/metrics/metrics.route.js';
import { PRINCIPALS } from '../helpers/principals.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';
import { HUB } from '../../src/hub.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ enterprises: 3 });
});
afterAll(async () => {
  await hub?.close();
});

const example = (name: string) => {
  const found = exampleOperations().find((e) => e.name === name);
  if (!found) throw new Error(`no example operation ${name}`);
  return found;
};

async function scrape(): Promise<string> {
  const res = await fetch(`${hub.url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
}

/** The value of one series, e.g. value(text, 'hub_graphql_requests_total', { operation: 'X' }). */
function value(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const got: Record<string, string | undefined> = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m): [string, string | undefined] => [
        m[1]!,
        m[2],
      ]),
    );
    if (Object.entries(labels).every(([k, v]) => got[k] === v)) return Number(match[3]);
  }
  return undefined;
}

describe('GET /metrics', () => {
  it('counts operations by name and outcome, errors by code, and SQL per operation', async () => {
    const what = example('WhatMayIRead');
    for (let i = 0; i < 2; i++) {
      const res = await hub.graphql(what.document, what.variables);
      expect(res.body.errors).toBeUndefined();
    }
    const invalid = await hub.graphql('query NoSuchField { noSuchField }');
    expect(invalid.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    hub.counter.reset();
    const page = example('EnterprisePageAllDomains');
    const answered = await hub.graphql(page.document, { first: 3 });
    expect(answered.body.errors).toBeUndefined();
    const statementsSeen = hub.counter.statements.filter(
      (sql) => !/access_log|advisory|^(begin|commit)/i.test(sql),
    );

    const text = await scrape();
    expect(value(text, 'hub_graphql_requests_total', { operation: 'WhatMayIRead', outcome: 'success' })).toBe(
      2,
    );
    expect(
      value(text, 'hub_graphql_request_duration_seconds_count', {
        operation: 'WhatMayIRead',
        outcome: 'success',
      }),
    ).toBe(2);
    expect(value(text, 'hub_graphql_requests_total', { operation: '(unregistered)', outcome: 'error' })).toBe(
      1,
    );
    expect(value(text, 'hub_graphql_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    expect(statementsSeen.length).toBeGreaterThan(0);
    expect(value(text, 'hub_sql_statements_total', { operation: 'EnterprisePageAllDomains' })).toBe(
      statementsSeen.length,
    );
    expect(
      value(text, 'hub_sql_seconds_total', { operation: 'EnterprisePageAllDomains' }),
    ).toBeGreaterThanOrEqual(0);
  });

  it('counts authorization denials by resource and reason, and FORBIDDEN errors', async () => {
    const profile = example('EnterpriseProfile');
    const before = await scrape();
    const res = await hub.as({ principal: PRINCIPALS.bank, purpose: Purpose.CREDIT_ASSESSMENT })(
      profile.document,
      profile.variables,
    );
    const forbidden = (res.body.errors ?? []).filter((e) => e.extensions?.code === 'FORBIDDEN').length;
    expect(forbidden).toBeGreaterThan(0);
    const text = await scrape();
    const delta = (name: string, labels: Record<string, string>) =>
      (value(text, name, labels) ?? 0) - (value(before, name, labels) ?? 0);
    expect(delta('hub_graphql_errors_total', { code: 'FORBIDDEN' })).toBe(forbidden);
    expect(delta('hub_graphql_requests_total', { operation: 'EnterpriseProfile', outcome: 'partial' })).toBe(
      1,
    );
    const denials = text
      .split('\n')
      .filter((l) => l.startsWith('hub_authorization_denials_total{'))
      .map((l) => Number(l.split(' ')[1]))
      .reduce((a, b) => a + b, 0);
    expect(denials).toBeGreaterThanOrEqual(forbidden);
    expect(text).toMatch(/hub_authorization_denials_total\{resource="[a-z]+\.\w+",reason="[A-Z_]+"\} \d+/);
  });

  it('times access-log appends and reports pool use and the default process metrics', async () => {
    const profile = example('EnterpriseProfile');
    await hub.graphql(profile.document, profile.variables);
    const text = await scrape();
    expect(
      value(text, 'hub_access_log_append_duration_seconds_count', { outcome: 'written' }),
    ).toBeGreaterThanOrEqual(1);
    expect(value(text, 'hub_db_pool_connections', { state: 'max' })).toBe(
      hub.db.kind === 'postgresql' ? 10 : 1,
    );
    expect(value(text, 'process_cpu_user_seconds_total', {})).toBeGreaterThan(0);
    expect(value(text, 'nodejs_heap_size_total_bytes', {})).toBeGreaterThan(0);
  });

  it('records cost estimates and rate-limit refusals through the observer methods', async () => {
    // Operations before this test were priced by the real limits plugin: compare differences.
    const before = await scrape();
    const delta = (text: string, name: string, labels: Record<string, string>) =>
      (value(text, name, labels) ?? 0) - (value(before, name, labels) ?? 0);
    hub.app.metrics.operationCost('EnterprisePageAllDomains', 120);
    hub.app.metrics.operationCost('EnterprisePageAllDomains', 30);
    hub.app.metrics.operationCost('Q91350100M000100Y43', 7);
    hub.app.metrics.rateLimited(PrincipalKind.BANK);
    hub.app.metrics.rateLimited(PrincipalKind.BANK);
    hub.app.metrics.rateLimited('not a kind {"}');
    const text = await scrape();
    const page = { operation: 'EnterprisePageAllDomains' };
    expect(delta(text, 'hub_operation_cost_estimated_sum', page)).toBe(150);
    expect(delta(text, 'hub_operation_cost_estimated_count', page)).toBe(2);
    expect(delta(text, 'hub_operation_cost_estimated_sum', { operation: '(unregistered)' })).toBe(7);
    expect(delta(text, 'hub_rate_limited_total', { principal_kind: PrincipalKind.BANK })).toBe(2);
    expect(delta(text, 'hub_rate_limited_total', { principal_kind: 'other' })).toBe(1);
  });

  it('is told the estimated cost of every operation the limits price', async () => {
    const before = await scrape();
    const res = await hub.graphql<unknown>('query WhatMayIRead { myAccess { code } }');
    const estimated = (res.body as { extensions?: { cost?: { estimated?: number } } }).extensions?.cost
      ?.estimated;
    expect(estimated).toBeGreaterThan(0);
    const text = await scrape();
    const op = { operation: 'WhatMayIRead' };
    const delta = (name: string) => (value(text, name, op) ?? 0) - (value(before, name, op) ?? 0);
    expect(delta('hub_operation_cost_estimated_count')).toBe(1);
    expect(delta('hub_operation_cost_estimated_sum')).toBe(estimated);
  });

  it('never puts a USCC or an unregistered operation name in a label', async () => {
    await hub.graphql('query Q91350100M000100Y43 { enterprise(uscc: "91350100M000100Y43") { uscc } }');
    const text = await scrape();
    expect(text).not.toMatch(/91350100M000100Y43/);
    expect(text).not.toMatch(/Q9135/);
  });
});

describe('who may scrape', () => {
  const request = (remoteAddress: string, authorization?: string) =>
    ({
      socket: { remoteAddress },
      headers: authorization ? { authorization } : {},
    }) as unknown as FastifyRequest;

  it('without METRICS_TOKEN: loopback callers only', () => {
    expect(mayScrape(request('127.0.0.1'), undefined)).toBe(true);
    expect(mayScrape(request('::1'), undefined)).toBe(true);
    expect(mayScrape(request('10.1.2.3'), undefined)).toBe(false);
    expect(mayScrape(request('::ffff:192.168.1.5'), undefined)).toBe(false);
  });

  it('with METRICS_TOKEN: the bearer token, from anywhere, loopback included', async () => {
    const token = 'm'.repeat(40);
    expect(mayScrape(request('10.1.2.3', `Bearer ${token}`), token)).toBe(true);
    expect(mayScrape(request('127.0.0.1'), token)).toBe(false);
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      METRICS_TOKEN: token,
      ...(hub.db.url ? { DATABASE_URL: hub.db.url } : {}),
    });
    const app = await buildApp({ hub: HUB, orm: hub.orm, config, log: createLogger(config) });
    const url = await app.http.listen({ port: 0, host: '127.0.0.1' });
    try {
      expect((await fetch(`${url}/metrics`)).status).toBe(404);
      expect((await fetch(`${url}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(
        404,
      );
      const ok = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toMatch(/^# HELP /m);
    } finally {
      await app.http.close();
    }
  });
});
