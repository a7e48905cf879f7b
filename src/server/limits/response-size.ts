import { ErrorCode } from '../../common/errors.js';

/**
 * Apollo's `stringifyResult` with a cap: a result larger than `maxBytes` is
 * replaced by one RESPONSE_TOO_LARGE error (the caller should ask for smaller
 * pages). Compact JSON: indentation would only add bytes.
 */
export function sizeCappedStringify(maxBytes: number) {
  return (value: unknown): string => {
    const text = JSON.stringify(value);
    // Characters are at most 3 bytes each in UTF-8; count bytes only when it could matter.
    if (text.length * 3 <= maxBytes || Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
    return JSON.stringify({
      errors: [
        {
          message: `The response would be larger than the limit of ${maxBytes} bytes; ask for smaller pages or fewer fields`,
          extensions: { code: ErrorCode.RESPONSE_TOO_LARGE, maximum: maxBytes },
        },
      ],
    });
  };
}
