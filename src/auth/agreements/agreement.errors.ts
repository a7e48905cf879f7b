import { HubError, type ErrorCode, type ErrorDetails } from '../../common/errors.js';

/** Raised by the sharing-agreement workflow; the code decides what the client sees. */
export class AgreementError extends HubError {
  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(code, message, details);
  }
}
