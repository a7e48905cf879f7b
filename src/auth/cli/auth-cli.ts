import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { ConfigError, DEVELOPMENT_JWT_SECRET, loadConfig, type HubConfig } from '../../config/config.js';
import { ErrorCode, HubError } from '../../common/errors.js';
import { migrate } from '../../db/bootstrap.js';
import { createOrm, describeDatabase, type HubOrm } from '../../db/orm.js';
import { EXIT_UNREACHABLE, unreachableLine } from '../../db/tool-errors.js';
import { createApiKey, listApiKeys, revokeApiKey } from '../api-keys/index.js';
import type { ApiKeyEntity } from '../api-keys/api-key.entity.js';
import { mintToken, type TokenClaims } from '../authenticate.js';
import { PrincipalKind, isDepartment } from '../principal.js';
import type { Hub } from '../../server/hub-module.js';

export const usage = (demoNames: readonly string[]) => `Usage: npm run -s auth -- <command>

  token --kind <KIND> --org <ORG> --sub <SUBJECT> [--scopes a,b] [--expires 8h]
  token --demo <NAME> [--expires 8h]
  api-key create --kind <KIND> --org <ORG> --sub <SUBJECT> --name <LABEL> [--scopes a,b] [--by <ADMIN>]
  api-key list [--include-revoked]
  api-key revoke <ID> [--by <ADMIN>]

KIND is one of ${Object.values(PrincipalKind).join(', ')}; a DEPARTMENT's ORG is a Department code.
${demoNames.length > 0 ? `Demo NAMEs: ${demoNames.join(', ')}.` : 'No demo NAMEs: this entry carries no demo data (npm run auth does).'}
--expires takes a number and a unit s, m, h, d or w (default 8h).
`;

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  /** The hub the tool works on (src/hub.ts `HUB`): the entities it maps, the schema it checks against. */
  readonly hub: Hub;
  /** Opens the hub database; tests pass their own. */
  readonly openOrm?: (config: HubConfig) => Promise<HubOrm>;
}

/**
 * The auth CLI's inputs. `demoPrincipals` are the names `token --demo` takes: demo data,
 * given by the demo entry (seeds/auth.ts, `npm run auth`); the production entry
 * (src/auth/cli/auth.ts) gives none.
 */
export interface AuthCliIo extends CliIo {
  readonly demoPrincipals?: Readonly<Record<string, TokenClaims>>;
}

/** Wrong arguments: print usage, exit 2. */
class UsageError extends Error {}

const EXPIRES = /^[1-9]\d{0,5}[smhdw]$/;

const principalOptions = {
  kind: { type: 'string' },
  org: { type: 'string' },
  sub: { type: 'string' },
  scopes: { type: 'string' },
} as const;

function parse<T extends ParseArgsOptionsConfig>(args: string[], options: T, positionals = 0) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (parsed.positionals.length !== positionals) {
    throw new UsageError(`expected ${positionals} argument(s), got ${parsed.positionals.length}`);
  }
  return parsed;
}

function required(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} is required`);
  return value;
}

const splitScopes = (raw: string | undefined): string[] =>
  (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function claimsFrom(values: Record<string, unknown>): TokenClaims {
  const kind = required(values, 'kind');
  const org = required(values, 'org');
  if (!(Object.values(PrincipalKind) as string[]).includes(kind)) {
    throw new UsageError(`--kind must be one of ${Object.values(PrincipalKind).join(', ')}, got '${kind}'`);
  }
  if (kind === PrincipalKind.DEPARTMENT && !isDepartment(org)) {
    throw new UsageError(`--org of a DEPARTMENT must be a Department code, got '${org}'`);
  }
  return {
    kind: kind as PrincipalKind,
    org,
    sub: required(values, 'sub'),
    scopes: splitScopes(values.scopes as string | undefined),
  };
}

async function token(args: string[], io: AuthCliIo): Promise<number> {
  const { values } = parse(args, {
    ...principalOptions,
    demo: { type: 'string' },
    expires: { type: 'string' },
  });
  const expires = values.expires ?? '8h';
  if (!EXPIRES.test(expires))
    throw new UsageError(`--expires must look like 30m, 8h or 7d, got '${expires}'`);
  let claims: TokenClaims;
  if (values.demo !== undefined) {
    if (values.kind || values.org || values.sub)
      throw new UsageError('--demo cannot be combined with --kind/--org/--sub');
    const demo = io.demoPrincipals ?? {};
    if (!Object.hasOwn(demo, values.demo)) {
      const names = Object.keys(demo);
      throw new UsageError(
        names.length > 0
          ? `unknown demo principal '${values.demo}'; use one of ${names.join(', ')}`
          : `unknown demo principal '${values.demo}': this entry carries no demo principals (npm run auth does)`,
      );
    }
    const { sub, org, kind } = demo[values.demo]!;
    claims = { sub, org, kind, scopes: splitScopes(values.scopes) };
  } else {
    claims = claimsFrom(values);
  }
  const config = loadConfig(io.env);
  if (!config.jwtSecret) {
    io.err(
      'Cannot mint a token: no JWT_SECRET is configured (production uses tokens from the identity provider behind JWKS_URL/JWKS_FILE).\n',
    );
    return 1;
  }
  if (config.jwtSecret === DEVELOPMENT_JWT_SECRET) {
    io.err('Note: signed with the published development secret; a production hub refuses it.\n');
  }
  io.out(`${await mintToken(config, claims, expires)}\n`);
  return 0;
}

function describeKey(k: ApiKeyEntity): string {
  const state = k.revokedAt ? `revoked ${k.revokedAt.toISOString()} by ${k.revokedBy}` : 'active';
  return [
    k.id,
    `hub_${k.prefix}_…`,
    JSON.stringify(k.name),
    `${k.kind} ${k.organisation}/${k.principalId}`,
    `scopes=[${k.scopes.split(' ').filter(Boolean).join(',')}]`,
    `created ${k.createdAt.toISOString()} by ${k.createdBy}`,
    `last used ${k.lastUsedAt?.toISOString() ?? 'never'}`,
    state,
  ].join('  ');
}

async function withDatabase(
  io: CliIo,
  work: (orm: HubOrm, config: HubConfig) => Promise<number>,
): Promise<number> {
  const config = loadConfig(io.env);
  // Migration progress goes to stderr so stdout carries only the result (e.g. the new key).
  const open =
    io.openOrm ??
    ((c: HubConfig) => createOrm(io.hub, c, { logger: (line) => io.err(`${line}\n`), viaRunningHub: true }));
  const orm = await open(config);
  try {
    await migrate(orm);
    return await work(orm, config);
  } finally {
    await orm.close(true);
  }
}

const operator = (io: CliIo, by: string | undefined): string => by ?? `cli:${io.env.USER ?? 'unknown'}`;

async function apiKey(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'create': {
      const { values } = parse(rest, {
        ...principalOptions,
        name: { type: 'string' },
        by: { type: 'string' },
      });
      const claims = claimsFrom(values);
      const name = required(values, 'name');
      return withDatabase(io, async (orm, config) => {
        const { key, record } = await createApiKey(
          orm.em.fork(),
          {
            name,
            principalId: claims.sub,
            organisation: claims.org,
            kind: claims.kind,
            scopes: claims.scopes,
          },
          operator(io, values.by),
        );
        io.err(`Created API key ${record.id} in ${describeDatabase(config)}. The key below is shown once:\n`);
        io.out(`${key}\n`);
        return 0;
      });
    }
    case 'list': {
      const { values } = parse(rest, { 'include-revoked': { type: 'boolean' } });
      return withDatabase(io, async (orm) => {
        const keys = await listApiKeys(orm.em.fork(), { includeRevoked: values['include-revoked'] ?? false });
        io.out(keys.length === 0 ? 'No API keys.\n' : keys.map((k) => `${describeKey(k)}\n`).join(''));
        return 0;
      });
    }
    case 'revoke': {
      const { values, positionals } = parse(rest, { by: { type: 'string' } }, 1);
      return withDatabase(io, async (orm) => {
        const record = await revokeApiKey(orm.em.fork(), positionals[0]!, operator(io, values.by));
        io.out(`Revoked ${describeKey(record)}\n`);
        return 0;
      });
    }
    default:
      throw new UsageError(
        sub ? `unknown api-key command '${sub}'` : 'api-key needs a command: create, list or revoke',
      );
  }
}

/** Runs one command; returns the exit code (2 for bad arguments). */
export async function runAuthCli(argv: readonly string[], io: AuthCliIo): Promise<number> {
  const USAGE = usage(Object.keys(io.demoPrincipals ?? {}));
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'token':
        return await token(rest, io);
      case 'api-key':
        return await apiKey(rest, io);
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return 0;
      default:
        throw new UsageError(command ? `unknown command '${command}'` : 'no command given');
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message}\n\n${USAGE}`);
      return 2;
    }
    if (err instanceof HubError) {
      io.err(`${err.message}\n`);
      return err.code === ErrorCode.BAD_USER_INPUT ? 2 : 1;
    }
    if (err instanceof ConfigError) {
      io.err(`${err.message}\n`);
      return 1;
    }
    const unreachable = unreachableLine(err);
    if (unreachable) {
      io.err(`${unreachable}\n`);
      return EXIT_UNREACHABLE;
    }
    throw err;
  }
}
