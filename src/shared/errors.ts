export type ErrorCode = 'invalid' | 'not_found' | 'conflict' | 'forbidden' | 'unauthorized' | 'too_many'

export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_many: 429,
}

/** The one error type of the platform; the HTTP layer maps `code` to a status and a JSON body. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'AppError'
  }
}

export const invalid = (message: string, details?: unknown) => new AppError('invalid', message, details)
export const notFound = (message: string) => new AppError('not_found', message)
export const forbidden = (message: string) => new AppError('forbidden', message)
