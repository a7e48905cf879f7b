import { HubError, type ErrorCode, type ErrorDetails } from '../../common/errors.js';

/** Raised by watch lists and the event feed; the code decides what the client sees. */
export class MonitoringError extends HubError {
  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(code, message, details);
  }
}
