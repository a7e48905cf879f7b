import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../../src/config/config.js';

describe('loadConfig', () => {
  it('defaults to embedded PGlite in ./.data/pglite', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.pgliteDir).toMatch(/\.data\/pglite$/);
    expect(config.port).toBe(4000);
    expect(config.maxPageSize).toBe(1000);
    expect(config.defaultPageSize).toBe(50);
    expect(config.explorer).toBe(true);
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/hub' }).databaseUrl).toBe(
      'postgres://u@h:5432/hub',
    );
  });

  it('names every bad setting and the rule it broke', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', MAX_PAGE_SIZE: '0', DATABASE_URL: 'mysql://x/y' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining("PORT must be a whole number, got 'eighty'"),
        expect.stringContaining('LOG_LEVEL must be one of'),
        expect.stringContaining('MAX_PAGE_SIZE must be between 1 and 10000, got 0'),
        expect.stringContaining('DATABASE_URL must use the postgres:// scheme'),
      ]),
    );
  });

  it('never echoes a secret setting in its error', () => {
    expect(() => loadConfig({ DATABASE_URL: 'not a url with password hunter2' })).toThrow(ConfigError);
    try {
      loadConfig({ DATABASE_URL: 'not a url with password hunter2' });
    } catch (err) {
      expect((err as Error).message).not.toContain('hunter2');
    }
  });

  it('rejects a default page size above the cap', () => {
    expect(() => loadConfig({ DEFAULT_PAGE_SIZE: '200', MAX_PAGE_SIZE: '100' })).toThrow(
      /DEFAULT_PAGE_SIZE \(200\) must not exceed MAX_PAGE_SIZE \(100\)/,
    );
  });

  it('turns the explorer off by default in production', () => {
    const secret = { JWT_SECRET: 'a-production-secret-of-at-least-32-chars' };
    expect(loadConfig({ NODE_ENV: 'production', ...secret }).explorer).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', GRAPHQL_EXPLORER: 'true', ...secret }).explorer).toBe(true);
  });

  it('refuses production without a token secret or key set, and never uses the public development secret there', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /JWT_SECRET, JWKS_URL or JWKS_FILE must be set in production/,
    );
    expect(
      loadConfig({ NODE_ENV: 'production', JWKS_URL: 'https://idp.example/jwks.json' }).jwtSecret,
    ).toBeUndefined();
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET must be at least 32 characters/);
  });
});
