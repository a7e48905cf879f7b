import { openSync, closeSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { HubError, ErrorCode } from '../common/errors.js';

export class DatabaseLockedError extends HubError {
  constructor(dir: string, pid: number) {
    super(
      ErrorCode.CONFLICT,
      `The embedded database at ${dir} is in use by process ${pid}. PGlite cannot be opened by two processes ` +
        'at once (the second one’s writes would be lost). Stop that process, or set DATABASE_URL to use PostgreSQL.',
    );
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes an exclusive lock file in the PGlite data folder. A lock left by a
 * process that no longer runs is taken over. Returns the release function.
 */
export function acquirePgliteLock(dir: string): () => void {
  const path = join(dir, 'hub.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
        process.off('exit', release);
      };
      process.on('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new DatabaseLockedError(dir, pid);
      }
      rmSync(path, { force: true });
    }
  }
  throw new DatabaseLockedError(dir, -1);
}
