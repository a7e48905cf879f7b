import { pino, type Logger } from 'pino';
import type { HubConfig } from '../config/config.js';

/** Structured JSON logs; credentials never reach a log line. */
export function createLogger(config: Pick<HubConfig, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'inter-agency-data-hub' },
    redact: {
      paths: ['req.headers.authorization', 'req.headers["x-api-key"]', 'databaseUrl'],
      censor: '[redacted]',
    },
  });
}
