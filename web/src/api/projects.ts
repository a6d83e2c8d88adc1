import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { requestJson } from './client'
import type { ProgrammesOverview } from './programmes'

export const tenderStates = ['in_tender', 'contracted', 'under_way', 'done'] as const
export type TenderState = (typeof tenderStates)[number]
export const sectors = [
  'industry',
  'energy',
  'construction',
  'transport',
  'agriculture',
  'mining',
  'water',
  'housing',
  'social',
  'tourism',
  'digital',
  'other',
] as const
export type Sector = (typeof sectors)[number]
export type ProjectAction = 'needs_contractor' | 'no_vacancies'

export interface NationalProgramme {
  id: number
  code: string
  name: string
}

export interface ProjectSummary {
  id: number
  programmeId: number
  programmeName: string
  title: string
  regionCode: string
  districtCode: string | null
  sector: Sector
  investment: number
  tenderState: TenderState
  contractorBin: string | null
  contractorName: string | null
  startsOn: string
  endsOn: string
  plannedPermanent: number
  plannedTemporary: number
  vacancies: number
  positions: number
  hires: number
  createdPermanent: number
  createdTemporary: number
}

export interface ProjectVacancy {
  projectId: number
  vacancyId: number
  title: string
  occupationCode: string
  employmentType: string
  state: string
  positions: number
  applications: number
  hires: number
  publishedAt: string | null
}

export interface PlannedYear {
  year: number
  permanent: number
  temporary: number
}

export interface ProjectDetail extends ProjectSummary {
  plannedJobs: PlannedYear[]
  vacancyList: ProjectVacancy[]
}

export interface RegionJobs {
  regionCode: string
  projects: number
  inTender: number
  plannedPermanent: number
  plannedTemporary: number
  planned: number
  vacancies: number
  hires: number
  createdPermanent: number
  createdTemporary: number
  created: number
  percent: number
}

export interface JobMap {
  year: number
  regions: RegionJobs[]
  total: Omit<RegionJobs, 'regionCode'>
}

export interface RegionDrillDown {
  year: number
  regionCode: string
  projects: (ProjectSummary & { vacancyList: ProjectVacancy[] })[]
}

export interface ProjectFilters {
  region?: string
  state?: TenderState
  action?: ProjectAction
  q?: string
}

export interface ProjectInput {
  programmeId: number
  title: string
  regionCode: string
  districtCode: string | null
  sector: Sector
  investment: number
  tenderState: TenderState
  contractorBin: string | null
  startsOn: string
  endsOn: string
  plannedJobs: PlannedYear[]
}

export interface Overview {
  year: number
  registry: {
    regions: { regionCode: string; people: number; known: number; unknown: number; stale: number }[]
    total: { people: number; known: number; unknown: number; stale: number }
    plans: { regionCode: string; category: string; target: number; done: number; percent: number }[]
  }
  exchange: {
    regions: {
      regionCode: string
      vacancies: number
      positions: number
      applications: number
      hires: number
      seekers: number
    }[]
    total: { vacancies: number; positions: number; applications: number; hires: number; seekers: number }
  }
  fairs: {
    fairs: number
    open: number
    closed: number
    booths: number
    registrations: number
    applications: number
    hires: number
  }
  projects: JobMap
  programmes: ProgrammesOverview
}

export interface BalanceItem {
  regionCode: string
  occupationCode: string
  title: { en: string | null; ru: string | null; kk: string | null }
  vacancies: number
  openPositions: number
  seekers: number
  youthSeekers: number
  gap: number
  youthGap: number
  seekersPerPosition: number | null
}

export interface Balance {
  youthAgeLimit: number
  total: { openPositions: number; seekers: number; youthSeekers: number }
  regions: {
    regionCode: string
    openPositions: number
    seekers: number
    youthSeekers: number
    scarcest: BalanceItem[]
    oversupplied: BalanceItem[]
    youthOversupplied: BalanceItem[]
  }[]
  items: BalanceItem[]
}

const key = ['projects'] as const

const query = (params: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams()
  for (const [name, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(name, String(value))
  const text = search.toString()
  return text === '' ? '' : `?${text}`
}

/** The address of a table view's download: the same query with `format=csv|xlsx`. */
export function downloadUrl(path: string, params: Record<string, string | number | undefined>, format: 'csv' | 'xlsx') {
  return `${path}${query({ ...params, format })}`
}

export function useJobMap(year: number) {
  return useQuery({
    queryKey: [...key, 'map', year],
    queryFn: () => requestJson<JobMap>(`/api/projects/map${query({ year })}`),
    placeholderData: keepPreviousData,
  })
}

export function useRegionProjects(regionCode: string | null, year: number) {
  return useQuery({
    queryKey: [...key, 'region', regionCode, year],
    queryFn: () => requestJson<RegionDrillDown>(`/api/projects/map/regions/${regionCode}${query({ year })}`),
    enabled: regionCode !== null,
  })
}

export function useProjects(filters: ProjectFilters) {
  return useQuery({
    queryKey: [...key, 'list', filters],
    queryFn: async () =>
      (await requestJson<{ items: ProjectSummary[] }>(`/api/projects${query({ ...filters })}`)).items,
    placeholderData: keepPreviousData,
  })
}

export function useProject(id: number | null) {
  return useQuery({
    queryKey: [...key, 'one', id],
    queryFn: () => requestJson<ProjectDetail>(`/api/projects/${id}`),
    enabled: id !== null,
  })
}

export function useNationalProgrammes() {
  return useQuery({
    queryKey: [...key, 'programmes'],
    queryFn: async () => (await requestJson<{ items: NationalProgramme[] }>('/api/projects/programmes')).items,
    staleTime: 10 * 60_000,
  })
}

export function useSaveProject(id: number | null) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: ProjectInput) =>
      id === null
        ? requestJson<ProjectDetail>('/api/projects', { method: 'POST', body: input })
        : requestJson<ProjectDetail>(`/api/projects/${id}`, { method: 'PATCH', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  })
}

export function useOverview(year: number) {
  return useQuery({
    queryKey: ['overview', year],
    queryFn: () => requestJson<Overview>(`/api/overview${query({ year })}`),
    placeholderData: keepPreviousData,
  })
}

export function useLabourBalance(region: string | undefined) {
  return useQuery({
    queryKey: ['overview', 'balance', region],
    queryFn: () => requestJson<Balance>(`/api/overview/labour-balance${query({ region })}`),
    placeholderData: keepPreviousData,
  })
}
