import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import { UnauthenticatedError, type Authenticator } from '../../auth/authenticate.js';
import { PrincipalKind, type Principal } from '../../auth/principal.js';
import { ErrorCode, HubError } from '../../common/errors.js';
import type { HubOrm } from '../../db/orm.js';
import { findJob, jobRejects, openJob, runJob, type JobView } from '../../db/ingest/bulk.service.js';
import type { IngestDeps } from '../../db/ingest/ingest.service.js';
import { csvItems, ndjsonItems } from '../../db/ingest/parse.js';

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
}

/**
 * Bulk loads: POST /ingest/<recordType> with an NDJSON or CSV body (gzip
 * accepted), streamed and stored chunk by chunk; the answer is the finished job.
 * GET /ingest/jobs/<id> and /ingest/jobs/<id>/rejects (NDJSON) report on it.
 */
export function registerIngestRoutes(http: FastifyInstance, deps: IngestRouteDeps): void {
  // The body stays a stream: the loader reads it chunk by chunk, whatever its size.
  http.addContentTypeParser(
    Object.keys(FORMATS),
    { bodyLimit: Number.MAX_SAFE_INTEGER },
    (_req, payload, done) => done(null, payload),
  );

  http.post<{ Params: { recordType: string } }>('/ingest/:recordType', async (req, reply) => {
    try {
      const principal = await deps.authenticator.authenticate(req.headers);
      const mediaType = String(req.headers['content-type'] ?? '')
        .split(';')[0]!
        .trim()
        .toLowerCase();
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
      const encoding = String(req.headers['content-encoding'] ?? 'identity').toLowerCase();
      if (encoding !== 'identity' && encoding !== 'gzip') {
        return await reply.code(415).send({
          errors: [
            { message: 'Content-Encoding must be gzip or none', extensions: { code: ErrorCode.BAD_REQUEST } },
          ],
        });
      }
      const em = deps.orm.em.fork();
      const job = await openJob(em, deps.ingest, principal, req.params.recordType, format);
      const raw = req.body as Readable;
      const body = encoding === 'gzip' ? raw.pipe(createGunzip()) : raw;
      if (body !== raw) raw.on('error', (err) => body.destroy(err));
      const items = format === 'csv' ? csvItems(body) : ndjsonItems(body);
      const view = await runJob(
        em,
        deps.ingest,
        { principal, job, operationName: `POST /ingest/${req.params.recordType}` },
        req.params.recordType,
        items,
        deps.chunkSize,
        (err) => deps.log.error({ err, job }, 'ingest job failed'),
        deps.refreshProfiles,
      );
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
