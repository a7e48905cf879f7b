import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/config/config.js';
import { buildApp } from '../../src/server/app.js';
import {
  BenchmarkSwitchError,
  unlockBenchmarkWithoutAuthorization,
} from '../../src/server/benchmark-switch.js';
import { createLogger } from '../../src/server/logger.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';
import { HUB } from '../../src/hub.js';

const PROD = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) };

describe('SEED_ON_EMPTY', () => {
  it('defaults to false in production, so an empty database gets no demo enterprises or agreements', () => {
    expect(loadConfig(PROD).seedOnEmpty).toBe(false);
  });

  it('defaults to true in development and test', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).seedOnEmpty).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).seedOnEmpty).toBe(true);
  });

  it('is honoured when set explicitly, either way', () => {
    expect(loadConfig({ ...PROD, SEED_ON_EMPTY: 'true' }).seedOnEmpty).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development', SEED_ON_EMPTY: 'false' }).seedOnEmpty).toBe(false);
  });
});

describe('the benchmark switch that turns authorisation off', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(async () => {
    await hub?.close();
  });

  const build = (nodeEnv: 'production' | 'development', off: boolean) => {
    // The app is built on the test hub's ORM, so its configuration names the same database.
    const database = hub.config.databaseUrl ? { DATABASE_URL: hub.config.databaseUrl } : {};
    const config = loadConfig({ ...PROD, ...database, NODE_ENV: nodeEnv, LOG_LEVEL: 'silent' });
    return buildApp({
      hub: HUB,
      orm: hub.orm,
      config,
      log: createLogger(config),
      benchmarkWithoutAuthorization: off,
    });
  };

  it('is refused in production and in development unless the bench entry unlocked it', async () => {
    await expect(build('production', true)).rejects.toBeInstanceOf(BenchmarkSwitchError);
    await expect(build('development', true)).rejects.toThrow(/only the benchmark entry/);
  });

  it('the same app without the switch builds (the refusal is the switch, nothing else)', async () => {
    const app = await build('production', false);
    expect(app.schema.getQueryType()?.name).toBe('Query');
    await app.http.close();
  });

  it('builds once this process unlocked it, as bench/run.ts does', async () => {
    unlockBenchmarkWithoutAuthorization();
    const app = await build('production', true);
    expect(app.schema.getQueryType()?.name).toBe('Query');
    await app.http.close();
  });
});
