import { ErrorCode, HubError } from '../../common/errors.js';

/** An operation past OPERATION_TIMEOUT_MS: its fields not yet started, and its cancelled SQL. */
export class OperationTimeoutError extends HubError {
  constructor(timeoutMs: number) {
    super(
      ErrorCode.OPERATION_TIMEOUT,
      `The operation ran past its deadline of ${timeoutMs} ms and was stopped`,
      {
        timeoutMs,
      },
    );
  }
}
