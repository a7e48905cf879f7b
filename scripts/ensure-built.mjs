// Runs before each CLI (`npm run auth`, `audit:verify`, ...): builds dist/ only when it is
// missing or older than a source, so a CLI call costs a directory walk (a few ms) instead of
// a full swc build. `npm start` and `npm run start:federated` run it too; `npm run build`
// builds on demand.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import process from 'node:process';

const root = resolve(import.meta.dirname, '..');
const stamp = join(root, 'dist', '.built');
const SOURCES = ['src', 'seeds', 'bench', 'scripts', '.swcrc', 'package.json'];

function newest(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs; // a deleted or renamed file changes its folder's time
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

let built = 0;
try {
  built = statSync(stamp).mtimeMs;
} catch {
  built = 0;
}
const changed = Math.max(...SOURCES.map((s) => newest(join(root, s))));
if (built === 0 || changed > built) {
  process.stderr.write(
    built === 0 ? 'building dist/ (not built yet)\n' : 'building dist/ (sources changed)\n',
  );
  const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
