import i18n from '../i18n'
import type { ErrorBody } from './types'

/** An API answer other than 2xx, carrying the server's `{ error: { code, message } }` when it sent one. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly details: unknown

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.details = details
  }
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false
  const error = (value as { error: unknown }).error
  return typeof error === 'object' && error !== null && 'message' in error && 'code' in error
}

/**
 * Calls the API with the session cookie and returns the parsed JSON body (undefined for 204).
 * Throws ApiError for any non-2xx answer.
 */
export async function requestJson<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    // Lets the server word its messages in the reader's language once it learns to.
    'Accept-Language': i18n.language,
  }
  if (init.body !== undefined) headers['Content-Type'] = 'application/json'

  const response = await fetch(path, {
    method: init.method ?? 'GET',
    headers,
    credentials: 'same-origin',
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })

  if (response.status === 204) return undefined as T
  const body: unknown = await response.json().catch(() => undefined)
  if (!response.ok) {
    if (isErrorBody(body)) {
      throw new ApiError(response.status, body.error.code, body.error.message, body.error.details)
    }
    throw new ApiError(response.status, 'http_error', `${path} answered ${response.status} ${response.statusText}`)
  }
  return body as T
}
