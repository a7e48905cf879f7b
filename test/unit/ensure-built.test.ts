import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';

/*
 * scripts/ensure-built.mjs in a project of its own whose `build` script only counts its
 * runs, so the test sees when the CLIs' wrapper builds and when it does not.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const project = mkdtempSync(join(tmpdir(), 'ensure-built-'));
mkdirSync(join(project, 'scripts'));
mkdirSync(join(project, 'src'));
copyFileSync(join(ROOT, 'scripts/ensure-built.mjs'), join(project, 'scripts/ensure-built.mjs'));
writeFileSync(
  join(project, 'package.json'),
  JSON.stringify({
    name: 'ensure-built-fixture',
    private: true,
    scripts: {
      build:
        "node -e \"const fs=require('node:fs');fs.mkdirSync('dist',{recursive:true});fs.appendFileSync('builds','x');fs.writeFileSync('dist/.built','')\"",
    },
  }),
);
writeFileSync(join(project, 'src/a.ts'), 'export const a = 1;\n');
const past = new Date(Date.now() - 60_000);
utimesSync(join(project, 'package.json'), past, past);
utimesSync(join(project, 'src/a.ts'), past, past);
utimesSync(join(project, 'src'), past, past);

/** Runs the wrapper; returns how many builds have run so far. */
function ensure(): number {
  const out = execFileSync(process.execPath, ['scripts/ensure-built.mjs'], {
    cwd: project,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  expect(out).toBe('');
  const counter = join(project, 'builds');
  return existsSync(counter) ? readFileSync(counter, 'utf8').length : 0;
}

afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('ensure-built', () => {
  it('builds when dist/ was never built, then not again while nothing changed', () => {
    expect(ensure()).toBe(1);
    expect(ensure()).toBe(1);
  });

  it('builds again once a source is newer than the stamp', () => {
    const future = new Date(Date.now() + 60_000);
    utimesSync(join(project, 'src/a.ts'), future, future);
    expect(ensure()).toBe(2);
    utimesSync(join(project, 'src/a.ts'), past, past);
    expect(ensure()).toBe(2);
    // A file added to a folder counts too (the folder's time changes).
    const later = new Date(Date.now() + 120_000);
    writeFileSync(join(project, 'src/b.ts'), 'export const b = 2;\n');
    utimesSync(join(project, 'src/b.ts'), past, past);
    utimesSync(join(project, 'src'), later, later);
    expect(ensure()).toBe(3);
  });
});
