import { execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startHubProcess, type HubProcess } from '../helpers/hub-process.js';
import { freePort } from '../helpers/ports.js';
import { readmeBlock, readmeBlocks, readmeText } from '../helpers/readme-snippets.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.js';

/*
 * The README followed blind, as a newcomer does: a fresh data folder (on a PostgreSQL run, a
 * fresh empty database, the README's `DATABASE_URL=… npm start`), the hub started the way
 * `npm start` starts it (after its build: its node flags, dist/seeds/demo-hub.js) on the port in PORT, and
 * then, in "another terminal" while it runs, the README's own shell blocks, taken from
 * README.md and run by bash as written: the quick start call, the token command the
 * examples need and every example's curl, the denied-caller example, the token and API-key
 * commands, `npm run audit:verify` with and without an anchor, `npm run risk:recompute`.
 * Each output is compared with what the README says it prints or returns, read from the
 * README too (the stated FORBIDDEN errors per example, the commented answer of the denial
 * example, the line-by-line output of audit:verify), so a README that drifts from the hub
 * fails here. readme-examples.test.ts checks the example files against an in-process hub;
 * this file checks the commands themselves against a real one.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const README = readmeText();

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

let dir: string;
let db: TestDatabase | undefined;
let hub: HubProcess | undefined;
let child: ChildProcess | undefined;
/** The environment of "another terminal": no test settings, only where the hub is. */
let terminal: NodeJS.ProcessEnv;
let port: number;

/** Runs `script` with bash in the project folder, as a reader pastes it into a terminal. */
async function sh(script: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((ok) => {
    execFile(
      'bash',
      ['-c', script],
      { cwd: ROOT, env: { ...terminal, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        ok({ code, stdout, stderr });
      },
    );
  });
}

/** The command lines of a shell block: comments dropped, `\`-continued lines joined. */
function commands(block: string): string[] {
  return block
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((l) => l.replace(/\s+#.*$/, '').trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/** A JSON value the README shows as a matcher, "…" standing for any non-empty string. */
function shownAsMatcher(shown: unknown): unknown {
  if (shown === '…') return expect.stringMatching(/./);
  if (Array.isArray(shown)) return shown.map(shownAsMatcher);
  if (shown && typeof shown === 'object') {
    return Object.fromEntries(Object.entries(shown).map(([k, v]) => [k, shownAsMatcher(v)]));
  }
  return shown;
}

/** What `describeDatabase` names the walk's database as (the first word of audit:verify's lines). */
function databaseName(): string {
  if (!db?.url) return `PGlite at ${terminal.PGLITE_DIR ?? ''}`;
  const url = new URL(db.url);
  return `PostgreSQL at ${url.hostname}:${url.port || '5432'}${url.pathname}`;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A line the README shows a tool printing, as a pattern: its numbers, hashes and counts by action taken as any. */
function shownLinePattern(line: string): string {
  return line
    .split(/(PGlite at \.\/\.data\/pglite|\([A-Z_]+ \d+(?:, [A-Z_]+ \d+)*\)|[0-9a-f]{64}|\d+)/)
    .map((part, i) => {
      if (i % 2 === 0) return escape(part);
      if (part.startsWith('PGlite at')) return escape(databaseName());
      if (part.startsWith('(')) return '\\([A-Z_]+ \\d+(?:, [A-Z_]+ \\d+)*\\)';
      if (part.length === 64) return '[0-9a-f]{64}';
      return '\\d+';
    })
    .join('');
}

let token: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hub-readme-walk-'));
  port = await freePort();
  // A reader's shell: PATH (npm puts node_modules/.bin, with its Node 24, first), HOME, no
  // NODE_ENV, LOG_LEVEL or test settings; the database is the README's default or its
  // PostgreSQL command's.
  terminal = { PATH: process.env.PATH, HOME: process.env.HOME ?? dir, PORT: String(port) };
  if (process.env.DATABASE_URL) {
    // On PostgreSQL the README's "The database must exist; the hub creates its tables": an
    // empty database, not the suite's migrated template.
    db = await createTestDatabase(process.env.DATABASE_URL);
    terminal.DATABASE_URL = db.url;
  } else {
    terminal.PGLITE_DIR = join(dir, 'pglite');
  }
  hub = await startHubProcess({ ...terminal, LOG_LEVEL: 'info' }, (c) => (child = c), { asNpmStart: true });
});

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await hub?.exited;
  }
  await db?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the README walked through on a fresh data folder, with the hub running', () => {
  it('serves GraphQL on 127.0.0.1 at the port in PORT, as the quick start says', () => {
    expect(README).toContain('serves GraphQL at\n<http://127.0.0.1:4000/graphql> (the port is `PORT`');
    expect(hub!.base).toBe(`http://127.0.0.1:${port}`);
  });

  it('the token command the examples need prints a token the hub accepts', async () => {
    // The one-line block before the examples ("They need a token").
    const before = README.slice(0, README.indexOf('<!-- examples:start -->'));
    const block = readmeBlocks('sh', before).at(-1)!;
    expect(commands(block)).toEqual(['TOKEN=$(npm run -s auth -- token --demo bank-xiamen)']);
    const run = await sh(`${block}\nprintf %s "$TOKEN"`);
    // The note is the README's "Outside production the hub accepts a published development secret".
    expect(README).toContain('Outside production the hub accepts a published');
    expect(run).toMatchObject({
      code: 0,
      stderr: 'Note: signed with the published development secret; a production hub refuses it.\n',
    });
    token = run.stdout;
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('the quick start call answers bank-xiamen with the enterprise and its risk profile, no errors', async () => {
    const block = readmeBlock('sh', 'riskProfile { score grade signals');
    const run = await sh(block);
    expect(run.code).toBe(0);
    const body = JSON.parse(run.stdout) as {
      data?: { enterprise?: Record<string, unknown> };
      errors?: unknown;
    };
    expect(body.errors).toBeUndefined();
    expect(body.data?.enterprise?.name).toEqual(expect.any(String));
    expect(body.data?.enterprise?.riskProfile).toMatchObject({ score: expect.any(Number) });
  });

  // Each example: its heading, its curl block and the sentence that says what bank-xiamen gets.
  const section = README.slice(
    README.indexOf('<!-- examples:start -->'),
    README.indexOf('<!-- examples:end -->'),
  );
  const examples = section
    .split(/^#### /m)
    .slice(1)
    .map((part) => ({
      file: /^`([^`]+)`/.exec(part)?.[1] ?? '?',
      curl: readmeBlock('sh', 'curl ', part),
      stated: /^As `bank-xiamen`.*$/m.exec(part)?.[0] ?? '',
    }));

  it('the examples section has an example per query file, each with a stated outcome', () => {
    expect(examples.map((e) => e.file).sort()).toEqual(
      readdirSync(join(ROOT, 'queries'))
        .filter((f) => f.endsWith('.graphql'))
        .sort(),
    );
    for (const e of examples)
      expect({ file: e.file, stated: e.stated }).toEqual({
        file: e.file,
        stated: expect.stringMatching(/^As `bank-xiamen`/),
      });
  });

  it.each(examples.map((e) => [e.file, e] as const))(
    '%s: its curl, run with $TOKEN, returns what the README states',
    async (_file, example) => {
      const run = await sh(example.curl, { TOKEN: token });
      expect(run.code).toBe(0);
      const body = JSON.parse(run.stdout) as {
        data?: unknown;
        errors?: { extensions?: { code?: string; reason?: string; resource?: string } }[];
      };
      expect(body.data).toBeTruthy();
      const errors = body.errors ?? [];
      const count = /with ([\d,]+) `FORBIDDEN` errors/.exec(example.stated)?.[1];
      // "`medicalInsurance.fundViolations` (NO_AGREEMENT)": the denied resources and reasons.
      const statedDenials = [...example.stated.matchAll(/`([a-zA-Z]+\.[a-zA-Z]+)` \(([A-Z_]+)\)/g)]
        .map((m) => `${m[1]!} ${m[2]!}`)
        .sort();
      const denials = [
        ...new Set(errors.map((e) => `${e.extensions?.resource ?? '?'} ${e.extensions?.reason ?? '?'}`)),
      ].sort();
      expect({
        errors: errors.length,
        codes: [...new Set(errors.map((e) => e.extensions?.code))],
        denials,
      }).toEqual(
        count === undefined
          ? { errors: 0, codes: [], denials: [] }
          : { errors: Number(count.replaceAll(',', '')), codes: ['FORBIDDEN'], denials: statedDenials },
      );
      if (count === undefined) expect(example.stated).toContain('`data` and no errors');
    },
  );

  it('the denied-caller example (bank-guangzhou) returns the answer shown under it', async () => {
    const block = readmeBlock('sh', 'token --demo bank-guangzhou)');
    const shown = block
      .split('\n')
      .filter((l) => l.startsWith('# '))
      .map((l) => l.replace(/^#\s+/, ''))
      .join(' ');
    const run = await sh(block);
    expect(run.code).toBe(0);
    const body = JSON.parse(run.stdout) as unknown;
    expect(body).toEqual(shownAsMatcher(JSON.parse(shown)));
  });

  it('a retried mutation with an Idempotency-Key gets the first answer again', async () => {
    const block = readmeBlock('sh', "-H 'idempotency-key:");
    const first = await sh(block, { TOKEN: token });
    const again = await sh(block, { TOKEN: token });
    expect(first.code).toBe(0);
    const body = JSON.parse(first.stdout) as {
      data?: { applyForSharing?: { id?: string } };
      errors?: unknown;
    };
    expect(body.errors).toBeUndefined();
    expect(body.data?.applyForSharing?.id).toEqual(expect.any(String));
    expect(again.stdout).toBe(first.stdout);
  });

  describe('operator tools beside the running hub', () => {
    const block = readmeBlock('sh', 'npm run -s auth -- api-key create');
    const lines = commands(block);
    const line = (start: string): string => {
      const found = lines.filter((l) => l.startsWith(start));
      expect(found).toHaveLength(1);
      return found[0]!;
    };
    const me = async (headers: Record<string, string>) => {
      const res = await fetch(`${hub!.base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ me { organisation kind } }' }),
      });
      return { status: res.status, body: (await res.json()) as { data?: { me?: unknown } } };
    };

    it('the token commands print tokens of the principals they name', async () => {
      const demo = line('TOKEN=$(');
      const run = await sh(`${demo}\nprintf %s "$TOKEN"`);
      expect((await me({ authorization: `Bearer ${run.stdout}` })).body.data?.me).toEqual({
        organisation: 'BANK_XM_001',
        kind: 'BANK',
      });
      const own = await sh(line('npm run -s auth -- token --kind'));
      expect(own.code).toBe(0);
      expect((await me({ authorization: `Bearer ${own.stdout.trim()}` })).body.data?.me).toEqual({
        organisation: /--org (\S+)/.exec(line('npm run -s auth -- token --kind'))![1],
        kind: /--kind (\S+)/.exec(line('npm run -s auth -- token --kind'))![1],
      });
    });

    it('api-key create prints the key once, list shows it, revoke <id> revokes it, and the hub follows', async () => {
      const create = line('npm run -s auth -- api-key create');
      const created = await sh(create);
      expect(created.code).toBe(0);
      const key = created.stdout.trim();
      expect(key).toMatch(/^hub_\S+$/);
      const id = /Created API key (\S+) /.exec(created.stderr)?.[1];
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect((await me({ 'x-api-key': key })).body.data?.me).toEqual({
        organisation: /--org (\S+)/.exec(create)![1],
        kind: /--kind (\S+)/.exec(create)![1],
      });

      const listed = await sh(line('npm run -s auth -- api-key list'));
      expect(listed.code).toBe(0);
      const name = /--name ("[^"]+")/.exec(create)![1]!;
      expect(listed.stdout.split('\n').filter((l) => l.startsWith(`${id!} `))).toEqual([
        expect.stringContaining(`${name} `),
      ]);
      expect(listed.stdout).not.toContain(key);

      const revokeLine = line('npm run -s auth -- api-key revoke');
      expect(revokeLine).toContain('<id>');
      const revoked = await sh(revokeLine.replace('<id>', id!));
      expect(revoked.code).toBe(0);
      expect(revoked.stdout).toMatch(new RegExp(`^Revoked ${id!} `));
      expect((await me({ 'x-api-key': key })).status).toBe(401);
    });

    it('npm run audit:verify prints the lines the README shows, and its anchor verifies', async () => {
      const verifyLines = commands(readmeBlock('sh', 'npm run audit:verify   # walks the chain'));
      expect(verifyLines).toEqual([
        'npm run audit:verify',
        expect.stringMatching(/^npm run audit:verify -- --anchor /),
      ]);
      const run = await sh(verifyLines[0]!);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      // "What it prints, line by line": each shown line, its numbers and hash taken as any.
      const shown = readmeBlock('text', 'access log intact')
        .trim()
        .split('\n')
        .map((l) => l.replace(/\s+#.*$/, ''));
      const patterns = shown.map((l) => new RegExp(`^${shownLinePattern(l)}$`));
      // npm's own lines ("> inter-agency-data-hub@… audit:verify", the script) are not the tool's.
      const printed = run.stdout.split('\n').filter((l) => l !== '' && !l.startsWith('> '));
      expect(printed).toHaveLength(patterns.length);
      printed.forEach((p, i) => expect(p).toMatch(patterns[i]!));

      const anchor = /^anchor: (\S+)$/m.exec(run.stdout)![1]!;
      const anchored = await sh(verifyLines[1]!.replace(/--anchor \S+/, `--anchor ${anchor}`));
      expect(anchored.code).toBe(0);
      expect(anchored.stdout).toContain('1 anchor(s) present and unchanged');
    });

    it('npm run risk:recompute [-- --only-needed] recomputes every seeded profile, then only the dirty ones', async () => {
      const cell = /\| `(npm run risk:recompute) \[(-- --only-needed)\]` \|/.exec(README);
      expect(cell).not.toBeNull();
      const seeded = Number(/seeds ([\d,]+) demo enterprises/.exec(README)![1]!.replaceAll(',', ''));
      const all = await sh(cell![1]!);
      expect(all.code).toBe(0);
      expect(all.stdout).toMatch(
        new RegExp(
          `^${databaseName().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: recomputed ${seeded} risk profiles in [\\d.]+ s$`,
          'm',
        ),
      );
      const needed = await sh(`${cell![1]!} ${cell![2]!}`);
      expect(needed.code).toBe(0);
      expect(needed.stdout).toMatch(/: recomputed 0 risk profiles in/);
    });
  });
});
