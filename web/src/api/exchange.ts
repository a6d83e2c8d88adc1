import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { ApiError, requestJson } from './client'

// Hand-written mirror of the exchange's API shapes (src/modules/exchange/*.schema.ts); keep them in step.

export type EmploymentType = 'permanent' | 'temporary' | 'seasonal' | 'shift' | 'remote'
export const employmentTypes: readonly EmploymentType[] = ['permanent', 'temporary', 'seasonal', 'shift', 'remote']
export type Schedule = 'full_day' | 'part_time' | 'flexible' | 'shift_work' | 'rotation'
export type EducationLevel = 'none' | 'secondary' | 'vocational' | 'higher' | 'postgraduate'
export const educationLevels: readonly EducationLevel[] = ['none', 'secondary', 'vocational', 'higher', 'postgraduate']
export type LanguageCode = 'kk' | 'ru' | 'en'
export type LanguageLevel = 'basic' | 'intermediate' | 'fluent' | 'native'
export const languageLevels: readonly LanguageLevel[] = ['basic', 'intermediate', 'fluent', 'native']
export type SearchSort = 'relevance' | 'date' | 'wage'
/** ISCO-08 major groups, the first digit of an occupation code (0 = armed forces). */
export const occupationMajors = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'] as const

export interface LanguageRequirement {
  lang: LanguageCode
  level: LanguageLevel
}

export interface VacancySummary {
  id: number
  title: string
  employerName: string
  occupationCode: string
  regionCode: string
  districtCode: string | null
  katoCode: string
  wageMin: number
  wageMax: number
  employmentType: EmploymentType
  schedule: Schedule
  experienceYears: number
  positions: number
  positionsFilled: number
  projectId: number | null
  fairId: number | null
  publishedAt: string
  expiresAt: string
}

export type Facet = Record<string, number>

export interface SearchResult {
  total: number
  page: number
  pageSize: number
  /** fuzzy: the words matched nothing, so similar words or titles were searched instead. */
  matchedBy: 'all' | 'fulltext' | 'fuzzy'
  correctedQuery?: string
  items: VacancySummary[]
  facets: { region: Facet; employment_type: Facet; occupation_major: Facet }
}

export interface Suggestion {
  kind: 'occupation' | 'title'
  text: string
  occupationCode: string | null
  count: number | null
}

export interface Vacancy {
  id: number
  employerBin: string
  employerName: string
  title: string
  occupationCode: string
  description: string
  requirements: {
    educationLevel: EducationLevel
    experienceYears: number
    skills: string[]
    languages: LanguageRequirement[]
    drivingLicence: string[]
  }
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
  state: 'draft' | 'published' | 'closed' | 'filled' | 'expired'
  publishedAt: string | null
  expiresAt: string | null
  closedAt: string | null
  createdAt: string
  updatedAt: string
}

export type ApplicationState =
  | 'submitted'
  | 'viewed'
  | 'shortlisted'
  | 'interview'
  | 'offer'
  | 'hired'
  | 'rejected'
  | 'withdrawn'

/** Where an application can still go; hired, rejected and withdrawn are final (application.rules.ts). */
export const finalApplicationStates: readonly ApplicationState[] = ['hired', 'rejected', 'withdrawn']

export interface ApplicationEvent {
  state: ApplicationState
  reason: string | null
  by: 'seeker' | 'employer' | 'system'
  at: string
}

export interface Application {
  id: number
  vacancyId: number
  vacancyTitle: string
  employerName: string
  seekerName: string
  state: ApplicationState
  coverLetter: string | null
  createdAt: string
  updatedAt: string
  /** Every step, oldest first. */
  events: ApplicationEvent[]
}

export type ProfileVisibility = 'private' | 'officers' | 'employers'
export const profileVisibilities: readonly ProfileVisibility[] = ['private', 'officers', 'employers']

export interface EducationEntry {
  level: EducationLevel
  field: string
  institution: string
  year: number
}

export interface ExperienceEntry {
  occupationCode: string
  title: string
  employerName: string
  from: string
  to: string | null
}

export interface ProfileInput {
  education: EducationEntry[]
  experience: ExperienceEntry[]
  skills: string[]
  languages: LanguageRequirement[]
  desiredOccupations: string[]
  desiredWage: number | null
  regionCode: string | null
  districtCode: string | null
  willingToRelocate: boolean
  visibility: ProfileVisibility
}

export interface Profile extends ProfileInput {
  updatedAt: string
}

/** The parameters of GET /api/vacancies that a saved search keeps (no page, page size or sort). */
export interface SavedSearchParams {
  q?: string
  region?: string[]
  district?: string[]
  occupation?: string[]
  wage_min?: number
  employment_type?: EmploymentType[]
  no_experience?: boolean
  remote?: boolean
  project?: number
  fair?: number
  posted_since?: string
}

export type AlertFrequency = 'instant' | 'daily'

export interface SavedSearch {
  id: number
  name: string
  params: SavedSearchParams
  frequency: AlertFrequency
  createdAt: string
  checkedUntil: string
}

export interface MatchPayload {
  savedSearchId: number
  savedSearchName: string
  vacancies: { id: number; title: string; employerName: string; wageMin: number; wageMax: number }[]
}

export interface MovedPayload {
  applicationId: number
  vacancyId: number
  vacancyTitle: string
  employerName: string
  state: ApplicationState
  reason: string | null
}

export type Notification =
  | { id: number; kind: 'saved_search.match'; payload: MatchPayload; createdAt: string; readAt: string | null }
  | { id: number; kind: 'application.moved'; payload: MovedPayload; createdAt: string; readAt: string | null }

const exchangeKey = ['exchange'] as const
const myKey = [...exchangeKey, 'me'] as const

/** Vacancy search; `query` is the API's own query string (the page keeps it in its URL, so it is shareable). */
export function useVacancySearch(query: string) {
  return useQuery({
    queryKey: [...exchangeKey, 'search', query],
    queryFn: () => requestJson<SearchResult>(`/api/vacancies${query ? `?${query}` : ''}`),
    // The previous results stay on screen while the next page or filter loads, so the list does not jump.
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  })
}

export function useSuggestions(text: string) {
  const q = text.trim()
  return useQuery({
    queryKey: [...exchangeKey, 'suggest', q],
    queryFn: async () =>
      (await requestJson<{ items: Suggestion[] }>(`/api/vacancies/suggest?${new URLSearchParams({ q, limit: '8' })}`))
        .items,
    enabled: q.length >= 2,
    staleTime: 60_000,
  })
}

export function useVacancy(id: number) {
  return useQuery({
    queryKey: [...exchangeKey, 'vacancy', id],
    queryFn: () => requestJson<Vacancy>(`/api/vacancies/${id}`),
    // A missing or withdrawn vacancy is an answer, not a glitch to retry.
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  })
}

export function useMyApplications(enabled = true) {
  return useQuery({
    queryKey: [...myKey, 'applications'],
    queryFn: async () => (await requestJson<{ items: Application[] }>('/api/me/applications')).items,
    enabled,
    // The employer may move an application at any time; a seeker looking at the page sees it without reloading.
    refetchInterval: 60_000,
  })
}

export function useApply(vacancyId: number) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (coverLetter: string) =>
      requestJson<Application>(`/api/vacancies/${vacancyId}/applications`, {
        method: 'POST',
        body: coverLetter.trim() ? { coverLetter: coverLetter.trim() } : {},
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...myKey, 'applications'] }),
  })
}

export function useWithdraw() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (applicationId: number) =>
      requestJson<Application>(`/api/applications/${applicationId}/events`, {
        method: 'POST',
        body: { state: 'withdrawn' },
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...myKey, 'applications'] }),
  })
}

/** My seeker profile, or null when I have none yet. */
export function useMyProfile() {
  return useQuery({
    queryKey: [...myKey, 'profile'],
    queryFn: async () => {
      try {
        return await requestJson<Profile>('/api/me/profile')
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null
        throw error
      }
    },
  })
}

export function useSaveProfile() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: ProfileInput) => requestJson<Profile>('/api/me/profile', { method: 'PUT', body: input }),
    onSuccess: (profile) => queryClient.setQueryData([...myKey, 'profile'], profile),
  })
}

export function useSavedSearches(enabled = true) {
  return useQuery({
    queryKey: [...myKey, 'saved-searches'],
    queryFn: async () => (await requestJson<{ items: SavedSearch[] }>('/api/me/saved-searches')).items,
    enabled,
  })
}

export function useCreateSavedSearch() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { name: string; params: SavedSearchParams; frequency: AlertFrequency }) =>
      requestJson<SavedSearch>('/api/me/saved-searches', { method: 'POST', body: input }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...myKey, 'saved-searches'] }),
  })
}

export function useDeleteSavedSearch() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: number) => requestJson<void>(`/api/me/saved-searches/${id}`, { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...myKey, 'saved-searches'] }),
  })
}

export function useNotifications() {
  return useQuery({
    queryKey: [...myKey, 'notifications'],
    queryFn: () => requestJson<{ unread: number; items: Notification[] }>('/api/me/notifications?limit=100'),
    refetchInterval: 60_000,
  })
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: number) => requestJson<Notification>(`/api/me/notifications/${id}/read`, { method: 'POST' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...myKey, 'notifications'] }),
  })
}
