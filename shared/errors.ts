/**
 * Named errors of the domain. Adapters map them: a RejectedArticleError becomes a rejection record,
 * a BadParameterError a 400, a NotFoundError a 404. Anything else is a bug or a transient failure.
 */
export class RejectedArticleError extends Error {
  override readonly name = 'RejectedArticleError';
}

export class BadParameterError extends Error {
  override readonly name = 'BadParameterError';
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}

export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** The store could not serve a read in time (throttled past every retry): a 503, try again later. */
export class UnavailableError extends Error {
  override readonly name = 'UnavailableError';
  constructor(
    message: string,
    readonly retryAfterSeconds = 1,
  ) {
    super(message);
  }
}
