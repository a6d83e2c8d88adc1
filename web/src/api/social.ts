import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { requestJson, type UploadProgress, uploadFile } from './client'

/** The social module (platform incomes, contributions, benefits) and the hotline, as the web app uses them. */

export type Regime = 'standard' | 'platform_4pct'
export type BenefitKind = 'job_loss' | 'maternity' | 'childcare'
export const benefitKinds: readonly BenefitKind[] = ['job_loss', 'maternity', 'childcare']

export interface BenefitParameter {
  key: string
  validFrom: string
  value: number
  isVerified: boolean
  /** What the parameter did in the calculation, e.g. "replacement rate" (the server's words). */
  role: string
}

export interface BenefitResult {
  kind: BenefitKind
  date: string
  eligible: boolean
  reasons: string[]
  months: { month: string; income: number }[]
  windowMonths: number
  totalIncome: number
  averageIncome: number
  contributionMonths: number
  parameters: BenefitParameter[]
  coefficient: number | null
  durationMonths: number | null
  durationDays: number | null
  monthlyAmount: number
  totalAmount: number
  explanation: string[]
}

export interface ContributionRow {
  platformBin: string
  platformName: string
  month: string
  regime: Regime
  income: number
  pension: number
  employerPension: number
  social: number
  healthEmployee: number
  healthEmployer: number
  total: number
  parameters: { key: string; validFrom: string; value: number }[]
}

export interface MySocial {
  platforms: { bin: string; name: string; regime: Regime; registeredAt: string }[]
  contributions: ContributionRow[]
  totals: { income: number; contributions: number; months: number }
  coverage: BenefitResult[]
}

const socialKey = ['social'] as const

export function useMySocial() {
  return useQuery({
    queryKey: [...socialKey, 'me'],
    queryFn: () => requestJson<MySocial>('/api/me/social'),
  })
}

/** One officer's lookup; `attempt` makes a repeated lookup a new, separately audited read. */
export interface BenefitLookup {
  iin: string
  purpose: string
  kind: BenefitKind
  date: string
  attempt: number
}

/** What is due to a person: an audited staff read, so it runs only when asked and is not kept afterwards. */
export function useStaffBenefit(lookup: BenefitLookup | null) {
  return useQuery({
    queryKey: [...socialKey, 'staff-benefit', lookup],
    queryFn: () => {
      if (!lookup) throw new Error('no lookup requested')
      const query = new URLSearchParams({ kind: lookup.kind, purpose: lookup.purpose })
      if (lookup.date) query.set('date', lookup.date)
      return requestJson<BenefitResult>(`/api/social/people/${encodeURIComponent(lookup.iin)}/benefits?${query}`)
    },
    enabled: lookup !== null,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
  })
}

// ---------------------------------------------------------------------------------------------------------------
// Platforms

export interface Worker {
  platformBin: string
  iin: string
  regime: Regime
  registeredAt: string
}

export interface IncomeBatch {
  id: number
  platformBin: string
  state: 'received' | 'done' | 'failed'
  format: string
  fileName: string | null
  createdAt: string
  finishedAt: string | null
  error: string | null
  counts: { received: number; accepted: number; duplicate: number; rejected: number }
}

export interface RegistryAnswer {
  events: number
  applied: number
  superseded: number
  duplicate: number
  rejected: number
  error?: string
}

export interface IncomeRejection {
  line: number
  reason: string
  raw: string | null
}

/** The platform's workers; a 404 means the organisation is not registered as a platform yet. */
export function usePlatformWorkers(bin: string | null) {
  return useQuery({
    queryKey: [...socialKey, 'workers', bin],
    queryFn: async () =>
      (await requestJson<{ items: Worker[] }>(`/api/social/platforms/${bin}/workers?limit=100`)).items,
    enabled: bin !== null,
    retry: false,
    placeholderData: keepPreviousData,
  })
}

export function useRegisterPlatform() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (bin: string) => requestJson<unknown>('/api/social/platforms', { method: 'POST', body: { bin } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...socialKey, 'workers'] }),
  })
}

export function useRegisterWorker(bin: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ iin, regime }: { iin: string; regime: Regime }) =>
      requestJson<Worker>(`/api/social/platforms/${bin}/workers/${encodeURIComponent(iin)}`, {
        method: 'PUT',
        body: { regime },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...socialKey, 'workers', bin] }),
  })
}

export function useUploadIncomes() {
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: File; onProgress: (progress: UploadProgress) => void }) =>
      uploadFile<{ batch: IncomeBatch; registry: RegistryAnswer }>('/api/social/incomes/file', file, {
        method: 'POST',
        contentType: 'text/csv',
        // Header values must be Latin-1, and file names are often Kazakh or Russian: the server decodes it.
        headers: { 'X-File-Name': encodeURIComponent(file.name) },
        onProgress,
      }),
  })
}

export function useIncomeRejections(batchId: number | null, hasRejections: boolean) {
  return useQuery({
    queryKey: [...socialKey, 'rejections', batchId],
    queryFn: async () =>
      (await requestJson<{ items: IncomeRejection[] }>(`/api/social/income-batches/${batchId}/rejections`)).items,
    enabled: batchId !== null && hasRejections,
  })
}

// ---------------------------------------------------------------------------------------------------------------
// Hotline

export type HotlineCategory = 'envelope_wages' | 'unpaid_pension' | 'no_contract' | 'other'
export const hotlineCategories: readonly HotlineCategory[] = [
  'envelope_wages',
  'unpaid_pension',
  'no_contract',
  'other',
]
export type HotlineStatus = 'new' | 'assigned' | 'inspecting' | 'resolved' | 'unfounded'
export const hotlineStatuses: readonly HotlineStatus[] = ['new', 'assigned', 'inspecting', 'resolved', 'unfounded']

export interface NewHotlineReport {
  category: HotlineCategory
  region: string
  employerBin?: string
  employerName?: string
  description: string
  contact?: string
  anonymous: boolean
}

export interface FiledReport {
  id: number
  status: HotlineStatus
  region: string
  dueDate: string
  /** Shown once: with the reference number it follows the report at /hotline/follow. */
  followCode: string
}

export interface HotlineReport {
  id: number
  category: HotlineCategory
  employerBin: string | null
  employerName: string | null
  region: string
  description: string
  isAnonymous: boolean
  reporter: { iin: string | null; name: string | null; contact: string | null } | null
  source: 'web' | 'contact_centre'
  enteredBy: number | null
  status: HotlineStatus
  assignedTo: number | null
  dueDate: string
  isOverdue: boolean
  outcome: {
    contractsConcluded: number
    contributionsRecovered: number
    note: string | null
    replyToReporter: string | null
  } | null
  createdAt: string
  closedAt: string | null
}

export interface HotlineReportWithEvents extends HotlineReport {
  events: { at: string; status: HotlineStatus; actorId: number | null; note: string | null }[]
}

export function useFileReport() {
  return useMutation({
    mutationFn: (report: NewHotlineReport) =>
      requestJson<FiledReport>('/api/hotline/reports', { method: 'POST', body: report }),
  })
}

const hotlineKey = ['hotline'] as const

/** A caller's report as a contact-centre operator (or a region's officer) enters it. */
export interface CallerReport extends Omit<NewHotlineReport, 'contact'> {
  caller?: { iin?: string; name?: string; contact?: string }
}

export function useEnterCall() {
  return useMutation({
    mutationFn: (report: CallerReport) =>
      requestJson<FiledReport>('/api/hotline/contact-centre/reports', { method: 'POST', body: report }),
  })
}

export interface FollowedReport {
  id: number
  category: HotlineCategory
  region: string
  status: HotlineStatus
  createdAt: string
  dueDate: string
  isOverdue: boolean
  closedAt: string | null
  outcome: { contractsConcluded: number; contributionsRecovered: number; reply: string | null } | null
  steps: { at: string; status: HotlineStatus }[]
}

/** The reporter's look at their report: a POST, so the code never sits in a URL, a log line or the history. */
export function useFollowReport() {
  return useMutation({
    mutationFn: (lookup: { reference: string; code: string }) =>
      requestJson<FollowedReport>('/api/hotline/follow', { method: 'POST', body: lookup }),
  })
}

export function useHotlineQueue(filter: { status: HotlineStatus | ''; overdue: boolean }) {
  return useQuery({
    queryKey: [...hotlineKey, 'queue', filter],
    queryFn: async () => {
      const query = new URLSearchParams()
      if (filter.status) query.set('status', filter.status)
      if (filter.overdue) query.set('overdue', 'true')
      const suffix = query.size > 0 ? `?${query}` : ''
      return (await requestJson<{ items: HotlineReport[] }>(`/api/hotline/reports${suffix}`)).items
    },
    placeholderData: keepPreviousData,
  })
}

/** One report; the reporter is in it only for its inspector, and that read is audited by the server. */
export function useHotlineReport(id: number) {
  return useQuery({
    queryKey: [...hotlineKey, 'report', id],
    queryFn: () => requestJson<HotlineReportWithEvents>(`/api/hotline/reports/${id}`),
    retry: false,
  })
}

export interface StatusChange {
  status: 'inspecting' | 'resolved' | 'unfounded'
  contractsConcluded?: number
  contributionsRecovered?: number
  note?: string
  replyToReporter?: string
}

export function useMoveReport(id: number) {
  const queryClient = useQueryClient()
  const settle = (report: HotlineReportWithEvents) => {
    queryClient.setQueryData([...hotlineKey, 'report', id], report)
    void queryClient.invalidateQueries({ queryKey: [...hotlineKey, 'queue'] })
  }
  return {
    assign: useMutation({
      mutationFn: () => requestJson<HotlineReportWithEvents>(`/api/hotline/reports/${id}/assign`, { method: 'POST' }),
      onSuccess: settle,
    }),
    move: useMutation({
      mutationFn: (change: StatusChange) =>
        requestJson<HotlineReportWithEvents>(`/api/hotline/reports/${id}/status`, { method: 'POST', body: change }),
      onSuccess: settle,
    }),
  }
}

export interface HotlineStatisticsRow {
  region: string
  category: HotlineCategory
  total: number
  open: number
  overdue: number
  resolved: number
  unfounded: number
  contactCentre: number
  contractsConcluded: number
  contributionsRecovered: number
}

export interface RepeatedEmployer {
  employerBin: string | null
  employerName: string | null
  reports: number
  regions: string[]
  lastReportAt: string
}

export interface HotlineStatistics {
  byRegionAndCategory: HotlineStatisticsRow[]
  repeatedEmployers: RepeatedEmployer[]
}

/** A statistics period: report received dates (YYYY-MM-DD), both ends inclusive; an empty end is open. */
export interface HotlinePeriod {
  from: string
  to: string
}

/** The period as query parameters (`from=…&to=…`), empty when the period is all time. */
export function hotlinePeriodQuery(period: HotlinePeriod): string {
  const params = new URLSearchParams()
  if (period.from !== '') params.set('from', period.from)
  if (period.to !== '') params.set('to', period.to)
  return params.toString()
}

/** Reports by region and category and the repeated employers: the officer's region, national for analysts. */
export function useHotlineStatistics(period: HotlinePeriod = { from: '', to: '' }) {
  const query = hotlinePeriodQuery(period)
  return useQuery({
    queryKey: [...hotlineKey, 'statistics', query],
    queryFn: () => requestJson<HotlineStatistics>(`/api/hotline/statistics${query === '' ? '' : `?${query}`}`),
    placeholderData: keepPreviousData,
  })
}

/** The same tables as downloads: the API answers `format=csv|xlsx` with a file. */
export const hotlineDownloads = {
  statistics: '/api/hotline/statistics',
  employers: '/api/hotline/statistics/employers',
} as const
