import { ErrorCode, HubError, type ErrorDetails } from '../../common/errors.js';

/** The request is valid but the key is not in a state that allows it (e.g. revoked twice). */
export class ApiKeyConflictError extends HubError {
  constructor(message: string, details: ErrorDetails = {}) {
    super(ErrorCode.CONFLICT, message, details);
  }
}

/** API keys are managed by ADMIN principals only. */
export class AdminOnlyError extends HubError {
  constructor(operation: string) {
    super(ErrorCode.FORBIDDEN, `${operation} is reserved to ADMIN principals`, { operation });
  }
}
