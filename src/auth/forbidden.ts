import { ErrorCode, HubError } from '../common/errors.js';

export class ForbiddenError extends HubError {
  constructor(message: string, details: Record<string, string | null> = {}) {
    super(ErrorCode.FORBIDDEN, message, details);
  }
}
