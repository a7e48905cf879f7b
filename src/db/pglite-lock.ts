import { openSync, closeSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { HubError, ErrorCode } from '../common/errors.js';

export class DatabaseLockedError extends HubError {
  constructor(
    dir: string,
    readonly pid: number,
  ) {
    super(
      ErrorCode.CONFLICT,
      `The embedded database at ${dir} is in use by process ${pid}. PGlite cannot be opened by two processes ` +
        'at once (the second one’s writes would be lost). Stop that process, or set DATABASE_URL to use PostgreSQL.',
    );
  }
}

/** What a lock file holds: who took it, and when that process started. */
export interface LockOwner {
  readonly pid: number;
  /** Field 22 of /proc/<pid>/stat (clock ticks since boot); null where /proc is missing. */
  readonly startTime: string | null;
}

/**
 * When process `pid` started, from /proc/<pid>/stat. The command name (field 2) is in
 * parentheses and may itself hold spaces or parentheses, so fields are counted from
 * the last ')'. Null when the process does not exist or /proc is not there.
 */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state), so field 22 (starttime) is fields[19].
    return fields[19] ?? null;
  } catch {
    return null;
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

/** Reads a lock file: JSON {pid, startTime}, or a bare PID as older hubs wrote it. */
export function parseLock(text: string): LockOwner | null {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed), startTime: null };
  try {
    const value = JSON.parse(trimmed) as { pid?: unknown; startTime?: unknown };
    if (!Number.isInteger(value.pid) || (value.pid as number) <= 0) return null;
    return {
      pid: value.pid as number,
      startTime: typeof value.startTime === 'string' ? value.startTime : null,
    };
  } catch {
    return null;
  }
}

/**
 * Is the process that wrote the lock still running? A PID alone is not enough: after
 * a crash and a reboot (or a busy machine) the PID can belong to an unrelated process,
 * so where /proc tells when a process started, the lock's owner is the process with
 * that PID *and* that start time.
 */
export function ownerAlive(owner: LockOwner): boolean {
  if (owner.pid === process.pid) return false;
  if (!alive(owner.pid)) return false;
  if (owner.startTime === null) return true;
  const now = processStartTime(owner.pid);
  return now === null || now === owner.startTime;
}

/**
 * Takes an exclusive lock file in the PGlite data folder. A lock left by a process
 * that no longer runs (or whose PID now belongs to another process) is taken over.
 * Returns the release function.
 */
export function acquirePgliteLock(dir: string): () => void {
  const path = join(dir, 'hub.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      const owner: LockOwner = { pid: process.pid, startTime: processStartTime(process.pid) };
      writeSync(fd, JSON.stringify(owner));
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
      const owner = parseLock(readFileSync(path, 'utf8'));
      if (owner && ownerAlive(owner)) throw new DatabaseLockedError(dir, owner.pid);
      rmSync(path, { force: true });
    }
  }
  throw new DatabaseLockedError(dir, -1);
}
