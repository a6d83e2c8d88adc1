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
export async function requestJson<T>(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    // Lets the server word its messages in the reader's language once it learns to.
    'Accept-Language': i18n.language,
    ...init.headers,
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
  if (!response.ok) throw toApiError(path, response.status, response.statusText, body)
  return body as T
}

function toApiError(path: string, status: number, statusText: string, body: unknown): ApiError {
  if (isErrorBody(body)) return new ApiError(status, body.error.code, body.error.message, body.error.details)
  return new ApiError(status, 'http_error', `${path} answered ${status} ${statusText}`)
}

/** How much of a request body has been sent; `total` is the body's size in bytes. */
export interface UploadProgress {
  loaded: number
  total: number
}

/**
 * Sends a file as the raw request body and parses the JSON answer like requestJson. XMLHttpRequest rather
 * than fetch because only it reports upload progress; the promise settles when the server has answered,
 * which for a batch file is after processing, not after the last byte was sent.
 */
export function uploadFile<T>(
  path: string,
  file: Blob,
  init: {
    method?: string
    contentType: string
    headers?: Record<string, string>
    onProgress?: (progress: UploadProgress) => void
  },
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open(init.method ?? 'PUT', path)
    xhr.withCredentials = true
    xhr.responseType = 'text'
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.setRequestHeader('Accept-Language', i18n.language)
    xhr.setRequestHeader('Content-Type', init.contentType)
    for (const [name, value] of Object.entries(init.headers ?? {})) xhr.setRequestHeader(name, value)

    if (init.onProgress) {
      const onProgress = init.onProgress
      xhr.upload.addEventListener('progress', (event) => {
        onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size })
      })
    }
    xhr.addEventListener('load', () => {
      let body: unknown
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined
      } catch {
        body = undefined
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T)
      else reject(toApiError(path, xhr.status, xhr.statusText, body))
    })
    // Not an ApiError: the server never answered, so pages explain it as a connection problem.
    xhr.addEventListener('error', () => reject(new Error(`${path}: the connection failed during the upload`)))
    xhr.addEventListener('abort', () => reject(new Error(`${path}: the upload was cancelled`)))
    xhr.send(file)
  })
}
