import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  DatabaseLockedError,
  acquirePgliteLock,
  parseLock,
  processStartTime,
} from '../../src/db/pglite-lock.js';

let dir: string;
let other: ReturnType<typeof spawn>;
let otherPid: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hub-lock-'));
  // An unrelated live process whose PID a stale lock file may name.
  other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 600000)'], { stdio: 'ignore' });
  await new Promise<void>((ok) => other.once('spawn', () => ok()));
  otherPid = other.pid!;
});

afterAll(() => {
  other.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

const lockPath = () => join(dir, 'hub.lock');

describe('the PGlite lock', () => {
  it('records the PID and the process start time', () => {
    const release = acquirePgliteLock(dir);
    try {
      const owner = parseLock(readFileSync(lockPath(), 'utf8'));
      expect(owner).toEqual({ pid: process.pid, startTime: processStartTime(process.pid) });
      expect(owner?.startTime).toMatch(/^\d+$/);
    } finally {
      release();
    }
    expect(existsSync(lockPath())).toBe(false);
  });

  it('is refused while the process that holds it runs (same PID, same start time)', () => {
    const startTime = processStartTime(otherPid);
    expect(startTime).toMatch(/^\d+$/);
    writeFileSync(lockPath(), JSON.stringify({ pid: otherPid, startTime }));
    expect(() => acquirePgliteLock(dir)).toThrow(DatabaseLockedError);
    expect(() => acquirePgliteLock(dir)).toThrow(`in use by process ${otherPid}`);
    rmSync(lockPath());
  });

  it('is taken over when its PID now belongs to another process (reused PID: other start time)', () => {
    const startTime = processStartTime(otherPid)!;
    writeFileSync(lockPath(), JSON.stringify({ pid: otherPid, startTime: String(Number(startTime) - 1) }));
    const release = acquirePgliteLock(dir);
    expect(parseLock(readFileSync(lockPath(), 'utf8'))).toMatchObject({ pid: process.pid });
    release();
  });

  it('is taken over when its process is gone', async () => {
    const gone = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    const pid = gone.pid!;
    await new Promise<void>((ok) => gone.once('exit', () => ok()));
    writeFileSync(lockPath(), JSON.stringify({ pid, startTime: '1' }));
    const release = acquirePgliteLock(dir);
    expect(parseLock(readFileSync(lockPath(), 'utf8'))).toMatchObject({ pid: process.pid });
    release();
  });

  it('reads a lock in the old format (a bare PID) and still honours a live holder', () => {
    writeFileSync(lockPath(), String(otherPid));
    expect(parseLock(String(otherPid))).toEqual({ pid: otherPid, startTime: null });
    expect(() => acquirePgliteLock(dir)).toThrow(DatabaseLockedError);
    rmSync(lockPath());
  });

  it('reads the start time after a command name holding spaces and parentheses', () => {
    // Field 2 of /proc/<pid>/stat is "(comm)"; ours is node's, so compare with a manual parse.
    const stat = readFileSync(`/proc/${process.pid}/stat`, 'utf8');
    expect(processStartTime(process.pid)).toBe(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    expect(processStartTime(2 ** 22 + 1)).toBeNull();
  });
});
