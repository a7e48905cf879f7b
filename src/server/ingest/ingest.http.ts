import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import { UnauthenticatedError, type Authenticator } from '../../auth/authenticate.js';
import { PrincipalKind, type Principal } from '../../auth/principal.js';
import { ErrorCode, HubError } from '../../common/errors.js';
import type { HubOrm } from '../../db/orm.js';
import {
  failUpload,
  findJob,
  jobRejects,
  markReceived,
  openJob,
  runJob,
  type JobView,
} from '../../db/ingest/bulk.service.js';
import { failAbandonedJobs, JobGuard, type JobHold } from '../../db/ingest/job-guard.js';
import { IngestJobStatus } from '../../db/ingest/job.entity.js';
import type { IngestDeps } from '../../db/ingest/ingest.service.js';
import { csvItems, ndjsonItems } from '../../db/ingest/parse.js';
import { inBackground } from '../../db/background-work.js';

const FORMATS: Record<string, 'ndjson' | 'csv'> = {
  'application/x-ndjson': 'ndjson',
  'application/ndjson': 'ndjson',
  'text/csv': 'csv',
};

const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.NOT_FOUND]: 404,
};

function sendError(reply: FastifyReply, log: Logger, err: unknown): FastifyReply {
  if (err instanceof UnauthenticatedError) {
    return reply
      .code(401)
      .header('www-authenticate', 'Bearer realm="inter-agency-data-hub"')
      .send({ errors: [{ message: err.message, extensions: { code: ErrorCode.UNAUTHENTICATED } }] });
  }
  if (err instanceof HubError && err.code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    return reply
      .code(STATUS[err.code] ?? 400)
      .send({ errors: [{ message: err.message, extensions: { code: err.code, ...err.details } }] });
  }
  log.error({ err }, 'ingest request failed');
  return reply.code(500).send({
    errors: [{ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }],
  });
}

/** Spool files whose job no hub runs any more (this hub was killed while running it). */
async function removeStaleSpools(deps: IngestRouteDeps): Promise<void> {
  const files = (await readdir(deps.spoolDir).catch(() => [] as string[])).filter((f) => f.endsWith('.body'));
  for (const f of files) {
    const job = await findJob(deps.orm.em.fork(), f.slice(0, -'.body'.length));
    if (!job || (job.status !== IngestJobStatus.RUNNING && job.status !== IngestJobStatus.RECEIVING))
      await unlink(join(deps.spoolDir, f)).catch(() => {});
  }
}

/** A job is shown to the department that runs it and to auditors; to anyone else it does not exist. */
export function mayReadJob(principal: Principal, job: JobView): boolean {
  return (
    principal.kind === PrincipalKind.AUDITOR ||
    (principal.kind === PrincipalKind.DEPARTMENT && principal.department === job.department)
  );
}

export interface IngestRouteDeps {
  readonly orm: HubOrm;
  readonly authenticator: Authenticator;
  readonly ingest: IngestDeps;
  readonly chunkSize: number;
  readonly refreshProfiles: boolean;
  readonly log: Logger;
  /** PostgreSQL URL (job locks on connections of their own); undefined on PGlite. */
  readonly databaseUrl: string | undefined;
  /** Folder of the spooled bodies. */
  readonly spoolDir: string;
  /** Bodies with a Content-Length up to this many bytes are loaded while the client waits (200 and the report). */
  readonly inlineMaxBytes: number;
  /** How often abandoned jobs (their hub died) are looked for and marked FAILED. */
  readonly sweepSeconds: number;
}

type Format = 'ndjson' | 'csv';

const itemsOf = (body: Readable, format: Format) => (format === 'csv' ? csvItems(body) : ndjsonItems(body));

/**
 * The bulk jobs this hub runs in the background, from their spool files. On close
 * each stops after its chunk in flight (FAILED, where it stopped) and the spool is removed.
 */
class BackgroundJobs {
  private readonly running = new Set<Promise<void>>();
  private readonly stop = new AbortController();

  constructor(private readonly deps: IngestRouteDeps) {}

  start(args: {
    id: string;
    hold: JobHold;
    principal: Principal;
    recordType: string;
    format: Format;
    gzip: boolean;
    spool: string;
  }): void {
    const { deps } = this;
    const task = (async () => {
      try {
        const file = createReadStream(args.spool);
        const body = args.gzip ? file.pipe(createGunzip()) : file;
        if (body !== file) file.on('error', (err) => body.destroy(err));
        await runJob(
          deps.orm.em.fork(),
          deps.ingest,
          { principal: args.principal, job: args.id, operationName: `POST /ingest/${args.recordType}` },
          args.recordType,
          itemsOf(body, args.format),
          deps.chunkSize,
          (err) => deps.log.error({ err, job: args.id }, 'ingest job failed'),
          deps.refreshProfiles,
          this.stop.signal,
        );
      } catch (err) {
        deps.log.error({ err, job: args.id }, 'ingest job failed');
      } finally {
        await args.hold.release();
        await unlink(args.spool).catch(() => {});
      }
    })();
    this.running.add(task);
    void task.finally(() => this.running.delete(task));
  }

  async close(): Promise<void> {
    this.stop.abort();
    await Promise.all([...this.running]);
  }
}

/**
 * Bulk loads: POST /ingest/<recordType> with an NDJSON or CSV body (gzip
 * accepted), streamed and stored chunk by chunk; the answer is the finished job.
 * GET /ingest/jobs/<id> and /ingest/jobs/<id>/rejects (NDJSON) report on it.
 */
export function registerIngestRoutes(http: FastifyInstance, deps: IngestRouteDeps): void {
  const guard = new JobGuard(deps.databaseUrl);
  const background = new BackgroundJobs(deps);
  let sweeper: NodeJS.Timeout | undefined;
  const sweep = async () => {
    try {
      const failed = await failAbandonedJobs(deps.orm.em.fork());
      if (failed.length > 0) deps.log.warn({ jobs: failed }, 'ingest jobs of a stopped hub marked failed');
    } catch (err) {
      deps.log.warn({ err }, 'looking for abandoned ingest jobs failed');
    }
  };
  http.addHook('onReady', async () => {
    await inBackground(sweep);
    await removeStaleSpools(deps).catch(() => {});
    sweeper = setInterval(() => void inBackground(sweep), deps.sweepSeconds * 1000);
    sweeper.unref();
  });
  http.addHook('onClose', async () => {
    clearInterval(sweeper);
    await background.close();
  });
  // The body stays a stream: the loader reads it chunk by chunk, whatever its size.
  http.addContentTypeParser(
    Object.keys(FORMATS),
    { bodyLimit: Number.MAX_SAFE_INTEGER },
    (_req, payload, done) => done(null, payload),
  );

  http.post<{ Params: { recordType: string } }>('/ingest/:recordType', async (req, reply) => {
    try {
      const principal = await deps.authenticator.authenticate(req.headers);
      const mediaType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      const format = FORMATS[mediaType];
      if (!format) {
        return await reply.code(415).send({
          errors: [
            {
              message: `Content-Type must be application/x-ndjson or text/csv, got '${mediaType.slice(0, 64)}'`,
              extensions: { code: ErrorCode.BAD_REQUEST },
            },
          ],
        });
      }
      const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
      if (encoding !== 'identity' && encoding !== 'gzip') {
        return await reply.code(415).send({
          errors: [
            { message: 'Content-Encoding must be gzip or none', extensions: { code: ErrorCode.BAD_REQUEST } },
          ],
        });
      }
      const em = deps.orm.em.fork();
      const raw = req.body as Readable;
      const gzip = encoding === 'gzip';
      const recordType = req.params.recordType;
      const length = Number(req.headers['content-length'] ?? NaN);
      if (!(length <= deps.inlineMaxBytes)) {
        // Spooled: the body goes to a file first (bounded memory, at the disk's pace), then the
        // job runs from the file in the background and the answer is 202 with the job.
        const job = await openJob(
          em,
          deps.ingest,
          guard,
          principal,
          recordType,
          format,
          IngestJobStatus.RECEIVING,
        );
        const spool = join(deps.spoolDir, `${job.id}.body`);
        let bytes = 0;
        const count = new Transform({
          transform(chunk: Buffer, _enc, done) {
            bytes += chunk.length;
            done(null, chunk);
          },
        });
        try {
          await mkdir(deps.spoolDir, { recursive: true, mode: 0o700 });
          await pipeline(raw, count, createWriteStream(spool, { mode: 0o600 }));
        } catch (err) {
          // The client went away (or the disk failed) before the end of the body: nothing is stored.
          await failUpload(em, job.id, bytes, err instanceof Error ? err.message : 'unreadable').catch(
            () => {},
          );
          await job.hold.release();
          await unlink(spool).catch(() => {});
          // Fastify's idiom for "the handler has taken over the response" (the client is gone and
          // nothing will be sent); awaiting the unsent reply would wait on a response that never comes.
          // eslint-disable-next-line @typescript-eslint/return-await
          if (raw.destroyed || req.raw.socket.destroyed) return reply;
          throw err;
        }
        await markReceived(em, job.id);
        background.start({ id: job.id, hold: job.hold, principal, recordType, format, gzip, spool });
        return await reply
          .code(202)
          .header('location', `/ingest/jobs/${job.id}`)
          .send(await findJob(em, job.id));
      }
      const job = await openJob(em, deps.ingest, guard, principal, recordType, format);
      const body = gzip ? raw.pipe(createGunzip()) : raw;
      if (body !== raw) raw.on('error', (err) => body.destroy(err));
      let view: JobView;
      try {
        view = await runJob(
          em,
          deps.ingest,
          { principal, job: job.id, operationName: `POST /ingest/${recordType}` },
          recordType,
          itemsOf(body, format),
          deps.chunkSize,
          (err) => deps.log.error({ err, job: job.id }, 'ingest job failed'),
          deps.refreshProfiles,
        );
      } finally {
        await job.hold.release();
      }
      return await reply.code(200).send(view);
    } catch (err) {
      return sendError(reply, deps.log, err);
    }
  });

  http.get<{ Params: { id: string } }>('/ingest/jobs/:id', async (req, reply) => {
    try {
      const principal = await deps.authenticator.authenticate(req.headers);
      const job = await findJob(deps.orm.em.fork(), req.params.id);
      if (!job || !mayReadJob(principal, job))
        throw new HubError(ErrorCode.NOT_FOUND, 'no such ingestion job');
      return await reply.send(job);
    } catch (err) {
      return sendError(reply, deps.log, err);
    }
  });

  http.get<{ Params: { id: string } }>('/ingest/jobs/:id/rejects', async (req, reply) => {
    try {
      const principal = await deps.authenticator.authenticate(req.headers);
      const em = deps.orm.em.fork();
      const job = await findJob(em, req.params.id);
      if (!job || !mayReadJob(principal, job))
        throw new HubError(ErrorCode.NOT_FOUND, 'no such ingestion job');
      // Paged from the database, written as NDJSON: the rejects of a big file never sit in memory at once.
      const lines = Readable.from(
        (async function* () {
          let after = 0;
          for (;;) {
            const page = await jobRejects(em, job.id, after, 5000);
            for (const r of page) yield `${JSON.stringify(r)}\n`;
            if (page.length < 5000) return;
            after = page[page.length - 1]!.line;
          }
        })(),
      );
      return await reply.type('application/x-ndjson').send(lines);
    } catch (err) {
      return sendError(reply, deps.log, err);
    }
  });
}
