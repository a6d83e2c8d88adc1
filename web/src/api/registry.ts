import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { requestJson, type UploadProgress, uploadFile } from './client'
import type {
  Batch,
  BatchFormat,
  Channel,
  CheckState,
  PersonStatus,
  PlanProgress,
  RecordOutcome,
  RegionSummary,
} from './types'

const registryKey = ['registry'] as const

export function useChannels() {
  return useQuery({
    queryKey: [...registryKey, 'channels'],
    queryFn: async () => (await requestJson<{ items: Channel[] }>('/api/registry/channels')).items,
    staleTime: 10 * 60_000,
  })
}

/** One lookup as the officer submitted it; `attempt` makes a repeated lookup a new, separately audited read. */
export interface PersonLookup {
  iin: string
  purpose: string
  attempt: number
}

/**
 * A person's current status and history. Every fetch is an audited read, so it runs only when the officer
 * asks, and the answer is not kept once the page stops showing it.
 */
export function usePersonStatus(lookup: PersonLookup | null) {
  return useQuery({
    queryKey: [...registryKey, 'person', lookup],
    queryFn: () => {
      if (!lookup) throw new Error('no lookup requested')
      const query = new URLSearchParams({ purpose: lookup.purpose })
      return requestJson<PersonStatus>(`/api/registry/people/${encodeURIComponent(lookup.iin)}?${query}`)
    },
    enabled: lookup !== null,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    // 400/403/404 are answers, not glitches; repeating them would only write more refusals to the audit log.
    retry: false,
  })
}

export function isFinished(batch: Pick<Batch, 'state'>): boolean {
  return batch.state === 'done' || batch.state === 'failed'
}

const batchKey = (id: number) => [...registryKey, 'batch', id] as const

/** One batch, polled every second until it is done or failed. */
export function useBatch(id: number | null) {
  return useQuery({
    queryKey: batchKey(id ?? 0),
    queryFn: () => requestJson<Batch>(`/api/registry/batches/${id}`),
    enabled: id !== null,
    refetchInterval: (query) => {
      const batch = query.state.data
      return batch && isFinished(batch) ? false : 1000
    },
  })
}

export function useBatches(channel: string) {
  return useQuery({
    queryKey: [...registryKey, 'batches', channel],
    queryFn: async () => {
      const query = channel ? `?${new URLSearchParams({ channel })}` : ''
      return (await requestJson<{ items: Batch[] }>(`/api/registry/batches${query}`)).items
    },
    placeholderData: keepPreviousData,
  })
}

export const contentTypes: Record<BatchFormat, string> = {
  csv: 'text/csv',
  jsonl: 'application/x-ndjson',
}

export interface BatchUpload {
  /** The channel the file comes from; null for a channel's own account, which the server knows. */
  channel: string | null
  format: BatchFormat
  file: File
  /** Called with the new batch's id as soon as the server has opened it, before the file is sent. */
  onCreated: (id: number) => void
  onProgress: (progress: UploadProgress) => void
}

/**
 * Opens a batch, then sends the file into it. The batch is opened first so that the page can poll its
 * state while the upload request is still running: the server answers that request only when it is done.
 */
export function useUploadBatch() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async ({ channel, format, file, onCreated, onProgress }: BatchUpload) => {
      const query = new URLSearchParams({ format })
      if (channel !== null) query.set('channel', channel)
      // Header values must be Latin-1, and file names are often Kazakh or Russian: the server decodes it.
      const fileNameHeader = { 'X-File-Name': encodeURIComponent(file.name) }
      // Only the id is relied on: the batch itself is read by polling, like any other.
      const opened = await requestJson<{ id: number }>(`/api/registry/batches/new?${query}`, {
        method: 'POST',
        headers: fileNameHeader,
      })
      onCreated(opened.id)
      void queryClient.invalidateQueries({ queryKey: [...registryKey, 'batches'] })
      return uploadFile<Batch>(`/api/registry/batches/${opened.id}/file`, file, {
        method: 'PUT',
        contentType: contentTypes[format],
        headers: fileNameHeader,
        onProgress,
      })
    },
    onSuccess: (batch) => {
      queryClient.setQueryData(batchKey(batch.id), batch)
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...registryKey, 'batches'] }),
  })
}

export function rejectionsUrl(batchId: number): string {
  return `/api/registry/batches/${batchId}/rejections.csv`
}

function regionQuery(params: Record<string, string | number | null>): string {
  const query = new URLSearchParams()
  for (const [name, value] of Object.entries(params)) if (value !== null) query.set(name, String(value))
  const text = query.toString()
  return text ? `?${text}` : ''
}

export function useRegistrySummary(region: string | null) {
  return useQuery({
    queryKey: [...registryKey, 'summary', region],
    queryFn: async () =>
      (await requestJson<{ items: RegionSummary[] }>(`/api/registry/summary${regionQuery({ region })}`)).items,
  })
}

export function usePlans(year: number, region: string | null) {
  return useQuery({
    queryKey: [...registryKey, 'plans', year, region],
    queryFn: async () =>
      (await requestJson<{ items: PlanProgress[] }>(`/api/registry/plans${regionQuery({ year, region })}`)).items,
    placeholderData: keepPreviousData,
  })
}

/** Point-of-service check: only whether a status is missing, stale or current, nothing else about the person. */
export function useStatusCheck() {
  return useMutation({
    mutationFn: (iin: string) =>
      requestJson<{ iin: string; state: CheckState }>('/api/registry/check', { method: 'POST', body: { iin } }),
  })
}

export function useRecordStatus() {
  return useMutation({
    mutationFn: (input: { iin: string; status: string; validFrom: string }) =>
      requestJson<{ outcome: RecordOutcome; reason?: string }>('/api/registry/point-of-service', {
        method: 'POST',
        body: input,
      }),
  })
}
