import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { ApiError, requestJson } from './client'
import type { Application, ApplicationState } from './exchange'

// The employer cabinet (vacancies, the candidate pipeline) and the officer's referral page. A hand-written
// mirror of src/modules/exchange/{vacancy,application,match,profile,referral}.schema.ts.

export type VacancyState = 'draft' | 'published' | 'closed' | 'filled' | 'expired'
export const vacancyStates: readonly VacancyState[] = ['draft', 'published', 'closed', 'filled', 'expired']
export type EducationLevel = 'none' | 'secondary' | 'vocational' | 'higher' | 'postgraduate'
export const educationLevels: readonly EducationLevel[] = ['none', 'secondary', 'vocational', 'higher', 'postgraduate']
export type EmploymentType = 'permanent' | 'temporary' | 'seasonal' | 'shift' | 'remote'
export const employmentTypes: readonly EmploymentType[] = ['permanent', 'temporary', 'seasonal', 'shift', 'remote']
export type Schedule = 'full_day' | 'part_time' | 'flexible' | 'shift_work' | 'rotation'
export const schedules: readonly Schedule[] = ['full_day', 'part_time', 'flexible', 'shift_work', 'rotation']
export type LanguageCode = 'kk' | 'ru' | 'en'
export const languageCodes: readonly LanguageCode[] = ['kk', 'ru', 'en']
export type LanguageLevel = 'basic' | 'intermediate' | 'fluent' | 'native'
export const languageLevels: readonly LanguageLevel[] = ['basic', 'intermediate', 'fluent', 'native']

export interface LanguageRequirement {
  lang: LanguageCode
  level: LanguageLevel
}

export interface Requirements {
  educationLevel: EducationLevel
  experienceYears: number
  skills: string[]
  languages: LanguageRequirement[]
  drivingLicence: string[]
}

export interface Vacancy {
  id: number
  employerBin: string
  employerName: string
  title: string
  occupationCode: string
  description: string
  requirements: Requirements
  wageMin: number
  wageMax: number
  employmentType: EmploymentType
  schedule: Schedule
  katoCode: string
  regionCode: string
  districtCode: string | null
  positions: number
  positionsFilled: number
  projectId: number | null
  fairId: number | null
  programCode: string | null
  state: VacancyState
  publishedAt: string | null
  expiresAt: string | null
  closedAt: string | null
  createdAt: string
  updatedAt: string
}

export interface WordingFlag {
  phrase: string
  category: 'age' | 'sex' | 'ethnicity'
  lang: LanguageCode
}

export interface VacancyWithChecks extends Vacancy {
  duplicateOf: number[]
  wordingFlags: WordingFlag[]
}

export interface OwnVacancy extends Vacancy {
  applicants: number
}

/** What the employer writes; a number left empty is left out, so that the API names it as missing. */
export interface VacancyInput {
  title: string
  occupationCode: string
  description: string
  requirements: Requirements
  wageMin?: number
  wageMax?: number
  employmentType: EmploymentType
  schedule: Schedule
  katoCode: string
  positions?: number
  expiresAt: string | null
}

// The seeker's and the employer's pages read the same application records (the exchange's application schema).
export type { Application, ApplicationEvent, ApplicationState } from './exchange'

export type MatchPartName = 'occupation' | 'skills' | 'experience' | 'region' | 'wage'

/** The seeker's occupation that came closest to the vacancy's: a desired one (no title) or a past job. */
export interface ClosestOccupation {
  via: 'desired' | 'experience'
  code: string
  title: string | null
  vacancyOccupation: string
}

interface WageParams {
  desired: number
  offeredMin: number
  offeredMax: number
}

type Empty = Record<string, never>

/** Why a part scored what it did, as a code with its parameters (match.schema.ts), for the page to word. */
export type MatchReason =
  | { part: 'occupation'; reasonCode: 'occupation_none'; reasonParams: Empty }
  | {
      part: 'occupation'
      reasonCode: 'occupation_other_major'
      reasonParams: { major: string; vacancyOccupation: string }
    }
  | { part: 'occupation'; reasonCode: 'occupation_same' | 'occupation_nested'; reasonParams: ClosestOccupation }
  | {
      part: 'occupation'
      reasonCode: 'occupation_shared_group'
      reasonParams: ClosestOccupation & { level: 'major' | 'sub_major' | 'minor'; group: string }
    }
  | { part: 'skills'; reasonCode: 'skills_none_required'; reasonParams: Empty }
  | {
      part: 'skills'
      reasonCode: 'skills_matched'
      reasonParams: { has: number; required: number; matched: string[]; missing: string[] }
    }
  | { part: 'experience'; reasonCode: 'experience_none_required'; reasonParams: Empty }
  | {
      part: 'experience'
      reasonCode: 'experience_none_related'
      reasonParams: { group: string; requiredYears: number }
    }
  | {
      part: 'experience'
      reasonCode: 'experience_related'
      reasonParams: { years: number; group: string; requiredYears: number }
    }
  | { part: 'region'; reasonCode: 'region_remote'; reasonParams: Empty }
  | { part: 'region'; reasonCode: 'region_same_district'; reasonParams: { district: string } }
  | { part: 'region'; reasonCode: 'region_same_region'; reasonParams: { region: string } }
  | {
      part: 'region'
      reasonCode: 'region_relocate' | 'region_elsewhere'
      reasonParams: { seekerRegion: string | null; vacancyRegion: string }
    }
  | { part: 'wage'; reasonCode: 'wage_none_stated'; reasonParams: Empty }
  | { part: 'wage'; reasonCode: 'wage_within'; reasonParams: WageParams }
  | { part: 'wage'; reasonCode: 'wage_above'; reasonParams: WageParams & { percent: number } }

/** One part of the score; `reason` is the server's English sentence, kept for a code the page does not know. */
export type MatchPart = MatchReason & {
  points: number
  max: number
  reason: string
}

export interface Match {
  score: number
  parts: MatchPart[]
}

export interface RankedApplication extends Application {
  match: Match | null
}

/**
 * Where the employer may move an application from each state (application.rules.ts, without the seeker's
 * withdrawal): steps forward may be skipped, never taken back.
 */
export const employerMoves: Record<ApplicationState, readonly ApplicationState[]> = {
  submitted: ['viewed', 'shortlisted', 'interview', 'rejected'],
  viewed: ['shortlisted', 'interview', 'rejected'],
  shortlisted: ['interview', 'offer', 'rejected'],
  interview: ['offer', 'hired', 'rejected'],
  offer: ['hired', 'rejected'],
  hired: [],
  rejected: [],
  withdrawn: [],
}

export interface SeekerProfile {
  education: { level: EducationLevel; field: string; institution: string; year: number }[]
  experience: { occupationCode: string; title: string; employerName: string; from: string; to: string | null }[]
  skills: string[]
  languages: LanguageRequirement[]
  desiredOccupations: string[]
  desiredWage: number | null
  regionCode: string | null
  districtCode: string | null
  willingToRelocate: boolean
  updatedAt: string
}

export interface ApplicantProfile {
  applicationId: number
  seekerName: string
  profile: SeekerProfile
}

export type ReferralOutcome = 'hired' | 'not_hired' | 'no_show'
export const referralOutcomes: readonly ReferralOutcome[] = ['hired', 'not_hired', 'no_show']

export interface Referral {
  id: number
  vacancyId: number
  vacancyTitle: string
  seekerIin: string
  regionCode: string
  year: number
  note: string | null
  outcome: ReferralOutcome | null
  outcomeReason: string | null
  outcomeAt: string | null
  createdAt: string
}

export interface ReferralLimit {
  regionCode: string
  year: number
  total: number
  used: number
  remaining: number
}

/** One region's referrals for a year: outcomes, and the yearly limit with what is spent and left. */
export interface ReferralStatsRow {
  regionCode: string
  limit: number
  used: number
  remaining: number
  referrals: number
  hired: number
  notHired: number
  noShow: number
  pending: number
}

export interface ReferralStats {
  year: number
  items: ReferralStatsRow[]
}

export interface PersonRecord {
  iin: string
  surname: string
  givenName: string
  patronymic: string | null
  birthDate: string | null
  sex: 'M' | 'F' | null
  regionCode: string
  katoCode: string | null
}

export interface VacancySummary {
  id: number
  title: string
  employerName: string
  occupationCode: string
  regionCode: string
  wageMin: number
  wageMax: number
  employmentType: EmploymentType
  positions: number
  positionsFilled: number
  expiresAt: string
}

const hiringKey = ['hiring'] as const
const ownVacanciesKey = [...hiringKey, 'own-vacancies'] as const
const vacancyKey = (id: number) => [...hiringKey, 'vacancy', id] as const
const applicantsKey = (vacancyId: number) => [...hiringKey, 'applicants', vacancyId] as const
const applicationKey = (id: number) => [...hiringKey, 'application', id] as const

export function useOwnVacancies() {
  return useQuery({
    queryKey: ownVacanciesKey,
    queryFn: async () => (await requestJson<{ items: OwnVacancy[] }>('/api/me/vacancies')).items,
  })
}

/** One of my vacancies, in any state (the API shows its employer drafts and closed ones too). */
export function useOwnVacancy(id: number | null) {
  return useQuery({
    queryKey: vacancyKey(id ?? 0),
    queryFn: () => requestJson<Vacancy>(`/api/vacancies/${id}`),
    enabled: id !== null,
    retry: false,
  })
}

function useVacancyMutation<TInput, TResult extends Vacancy>(call: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: call,
    onSuccess: (vacancy) => {
      queryClient.setQueryData(vacancyKey(vacancy.id), vacancy)
      void queryClient.invalidateQueries({ queryKey: ownVacanciesKey })
    },
  })
}

/** Creates a draft (no id) or edits one of my vacancies; the answer carries the duplicate and wording checks. */
export function useSaveVacancy() {
  return useVacancyMutation(({ id, input }: { id: number | null; input: VacancyInput }) =>
    id === null
      ? requestJson<VacancyWithChecks>('/api/vacancies', { method: 'POST', body: input })
      : requestJson<VacancyWithChecks>(`/api/vacancies/${id}`, { method: 'PATCH', body: input }),
  )
}

export function usePublishVacancy() {
  return useVacancyMutation((id: number) =>
    requestJson<VacancyWithChecks>(`/api/vacancies/${id}/publish`, { method: 'POST' }),
  )
}

export function useCloseVacancy() {
  return useVacancyMutation((id: number) => requestJson<Vacancy>(`/api/vacancies/${id}/close`, { method: 'POST' }))
}

/** A project this employer is the contractor of: the only projects its vacancies may be attached to. */
export interface ContractorProject {
  id: number
  title: string
  regionCode: string
}

/** GET /api/projects answers an employer with exactly the projects it is the contractor of. */
export function useContractorProjects() {
  return useQuery({
    queryKey: ['projects', 'list', 'contractor'],
    queryFn: async () => (await requestJson<{ items: ContractorProject[] }>('/api/projects')).items,
  })
}

/**
 * Moves one of my vacancies to another project, or out of its project, through the projects API, which owns the
 * link (only the contractor attaches; a vacancy is in at most one project). The vacancy's projectId, and so the
 * search filter `project`, follows in the link's own transaction.
 */
export function useSetVacancyProject() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async ({ vacancyId, from, to }: { vacancyId: number; from: number | null; to: number | null }) => {
      if (from !== null) await requestJson<void>(`/api/projects/${from}/vacancies/${vacancyId}`, { method: 'DELETE' })
      if (to !== null) await requestJson(`/api/projects/${to}/vacancies`, { method: 'POST', body: { vacancyId } })
      // The vacancy as it is now, so a page that opens next never starts from its old project.
      return requestJson<Vacancy>(`/api/vacancies/${vacancyId}`)
    },
    onSuccess: (vacancy) => queryClient.setQueryData(vacancyKey(vacancy.id), vacancy),
    onError: (_error, { vacancyId }) => void queryClient.invalidateQueries({ queryKey: vacancyKey(vacancyId) }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ownVacanciesKey })
      void queryClient.invalidateQueries({ queryKey: ['projects'] })
    },
  })
}

/** The applicants of one of my vacancies, best match first. */
export function useApplicants(vacancyId: number | null) {
  return useQuery({
    queryKey: applicantsKey(vacancyId ?? 0),
    queryFn: async () =>
      (await requestJson<{ items: RankedApplication[] }>(`/api/vacancies/${vacancyId}/applications`)).items,
    enabled: vacancyId !== null,
    retry: false,
  })
}

/** One application; the employer's first look records "viewed" for the seeker to see. */
export function useApplication(id: number | null) {
  return useQuery({
    queryKey: applicationKey(id ?? 0),
    queryFn: () => requestJson<Application>(`/api/applications/${id}`),
    enabled: id !== null,
    retry: false,
  })
}

/**
 * The applicant's profile when the seeker shares it with employers; null when they do not (403) or have none
 * (404): that is an answer to show, not a failure.
 */
export function useApplicantProfile(applicationId: number | null) {
  return useQuery({
    queryKey: [...hiringKey, 'applicant-profile', applicationId],
    queryFn: async () => {
      try {
        return await requestJson<ApplicantProfile>(`/api/applications/${applicationId}/profile`)
      } catch (error) {
        if (error instanceof ApiError && (error.status === 403 || error.status === 404)) return null
        throw error
      }
    },
    enabled: applicationId !== null,
    retry: false,
  })
}

export function useMoveApplication() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, state, reason }: { id: number; state: ApplicationState; reason?: string }) =>
      requestJson<Application>(`/api/applications/${id}/events`, {
        method: 'POST',
        body: reason === undefined ? { state } : { state, reason },
      }),
    onSuccess: (application) => {
      queryClient.setQueryData(applicationKey(application.id), application)
      void queryClient.invalidateQueries({ queryKey: applicantsKey(application.vacancyId) })
      void queryClient.invalidateQueries({ queryKey: ownVacanciesKey })
      void queryClient.invalidateQueries({ queryKey: vacancyKey(application.vacancyId) })
    },
  })
}

// Referrals.

const referralKey = [...hiringKey, 'referrals'] as const

export function useReferralLimit() {
  return useQuery({
    queryKey: [...referralKey, 'limit'],
    queryFn: async () => (await requestJson<{ items: ReferralLimit[] }>('/api/referral-limits')).items,
  })
}

/** Every region's limit for a year (an administrator's view: national roles see all regions). */
export function useReferralLimits(year: number) {
  return useQuery({
    queryKey: [...referralKey, 'limits', year],
    queryFn: async () => (await requestJson<{ items: ReferralLimit[] }>(`/api/referral-limits?year=${year}`)).items,
    placeholderData: keepPreviousData,
  })
}

/** Sets one region's yearly limit; the API refuses a total below what the region has already used. */
export function useSetReferralLimit() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ regionCode, year, total }: { regionCode: string; year: number; total: number }) =>
      requestJson<ReferralLimit>(`/api/referral-limits/${regionCode}/${year}`, { method: 'PUT', body: { total } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: referralKey }),
  })
}

export function useReferrals(mine: boolean) {
  return useQuery({
    queryKey: [...referralKey, 'list', mine],
    queryFn: async () => (await requestJson<{ items: Referral[] }>(`/api/referrals${mine ? '?mine=true' : ''}`)).items,
    placeholderData: keepPreviousData,
  })
}

/** The referral year as the API counts it: the calendar year in Kazakhstan's time (UTC+5). */
export function currentReferralYear(now = Date.now()): number {
  return new Date(now + 5 * 3_600_000).getUTCFullYear()
}

/** Referrals by region for a year: an officer's or manager's own region, every region for analysts and admins. */
export function useReferralStats(year: number) {
  return useQuery({
    queryKey: [...referralKey, 'stats', year],
    queryFn: () => requestJson<ReferralStats>(`/api/referrals/stats?year=${year}`),
    placeholderData: keepPreviousData,
  })
}

/** The statistics as a file: the same address with `format=`, which the API answers with a download. */
export function referralStatsDownload(year: number, format: 'csv' | 'xlsx'): string {
  return `/api/referrals/stats?year=${year}&format=${format}`
}

/**
 * Records whether a referred seeker was hired (a reason unless hired). The answer replaces the row in the
 * cached lists, so the outcome shows at once; the statistics are read again.
 */
export function useRecordOutcome() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, outcome, reason }: { id: number; outcome: ReferralOutcome; reason?: string }) =>
      requestJson<Referral>(`/api/referrals/${id}/outcome`, {
        method: 'POST',
        body: reason === undefined ? { outcome } : { outcome, reason },
      }),
    onSuccess: (referral) => {
      queryClient.setQueriesData<Referral[]>({ queryKey: [...referralKey, 'list'] }, (items) =>
        items?.map((item) => (item.id === referral.id ? { ...referral, seekerIin: item.seekerIin } : item)),
      )
      void queryClient.invalidateQueries({ queryKey: [...referralKey, 'stats'] })
    },
  })
}

export interface SeekerLookup {
  iin: string
  purpose: string
  attempt: number
}

/** A person's record: an audited read with the officer's stated purpose, so it runs only when asked. */
export function useSeekerLookup(lookup: SeekerLookup | null) {
  return useQuery({
    // Outside referralKey on purpose: refreshing the referral figures must never repeat this audited read.
    queryKey: [...hiringKey, 'seeker-lookup', lookup],
    queryFn: () => {
      if (!lookup) throw new Error('no lookup requested')
      const query = new URLSearchParams({ purpose: lookup.purpose })
      return requestJson<PersonRecord>(`/api/people/${encodeURIComponent(lookup.iin)}?${query}`)
    },
    enabled: lookup !== null,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
  })
}

/** Open vacancies to refer to, from the public search. */
export function useVacancySearch(q: string) {
  return useQuery({
    queryKey: [...referralKey, 'vacancies', q],
    queryFn: async () => {
      const query = new URLSearchParams({ page_size: '10' })
      if (q) query.set('q', q)
      return requestJson<{ total: number; items: VacancySummary[] }>(`/api/vacancies?${query}`)
    },
    placeholderData: keepPreviousData,
  })
}

export function useRefer() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { vacancyId: number; iin: string; note?: string }) =>
      requestJson<Referral>('/api/referrals', { method: 'POST', body: input }),
    // A refusal may mean the limit moved under us, so the figures are read again either way.
    onSettled: () => queryClient.invalidateQueries({ queryKey: referralKey }),
  })
}

/**
 * The API's per-field problems, keyed by the form's field names: a schema error names `body/wageMin` or
 * `body/requirements/skills/0`, a rule names `wageMin`; both become `wageMin` / `skills`.
 */
export function fieldErrors(error: unknown): Map<string, string> {
  const found = new Map<string, string>()
  if (!(error instanceof ApiError)) return found
  const details = error.details
  const add = (path: string, reason: string) => {
    const parts = path.split('/').filter((part) => part !== '' && part !== 'body')
    const field = parts[0] === 'requirements' && parts[1] ? parts[1] : parts[0]
    if (field && !found.has(field)) found.set(field, reason)
  }
  if (Array.isArray(details)) {
    for (const item of details) {
      if (typeof item === 'object' && item !== null && 'field' in item) {
        const { field, reason } = item as { field: unknown; reason?: unknown }
        if (typeof field === 'string') add(field, typeof reason === 'string' ? reason : error.message)
      }
    }
  } else if (typeof details === 'object' && details !== null && 'field' in details) {
    const { field } = details as { field: unknown }
    if (typeof field === 'string') add(field, error.message)
  }
  return found
}

/** The excluding phrases a refused publication names (AppError details.phrases). */
export function refusedPhrases(error: unknown): WordingFlag[] {
  if (!(error instanceof ApiError)) return []
  const details = error.details
  if (typeof details !== 'object' || details === null || !('phrases' in details)) return []
  const phrases = (details as { phrases: unknown }).phrases
  return Array.isArray(phrases) ? (phrases as WordingFlag[]) : []
}
