/**
 * One error type for the whole code base, with a closed set of codes. Services throw it; the HTTP
 * layer maps it to a status and an RFC 9457 problem document in the caller's language.
 */

export const ERROR_STATUS = {
  validation: 400,
  bad_request: 400,
  unauthenticated: 401,
  csrf: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_transition: 409,
  payload_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  rate_limited: 429,
  locked: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** One offending input field: a JSON-pointer-like path (`/body/email`) and a machine code. */
export type FieldError = { path: string; code: string; params?: Record<string, unknown> };

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Interpolation values for the translated message. */
  readonly params: Record<string, unknown>;
  readonly fields: FieldError[];
  /** Seconds after which the client may retry (rate limits, lockouts). */
  readonly retryAfter: number | undefined;
  /** Message key of the detail sentence under `detail.`; defaults to the code. */
  readonly detailKey: string;

  constructor(
    code: ErrorCode,
    options: {
      params?: Record<string, unknown>;
      fields?: FieldError[];
      retryAfter?: number;
      detailKey?: string;
      cause?: unknown;
    } = {},
  ) {
    super(code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.params = options.params ?? {};
    this.fields = options.fields ?? [];
    this.retryAfter = options.retryAfter;
    this.detailKey = options.detailKey ?? code;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** Shorthand for a 404 that says what was not found (never whether it exists elsewhere). */
export function notFound(entity: string): AppError {
  return new AppError('not_found', { params: { entity } });
}

/** Shorthand for a 400 on one or more fields. */
export function invalid(...fields: FieldError[]): AppError {
  return new AppError('validation', { fields });
}
