import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { requestJson } from './client'

export type EnrolmentState = 'proposed' | 'refused' | 'active' | 'completed' | 'dropped'

export interface Programme {
  code: string
  name: { kk: string; ru: string; en: string }
  targetGroup: string
  durationMonths: number
  payment: 'monthly' | 'once'
  costPerPlace: number
  isVerified: boolean
  parameters: { key: string; validFrom: string; value: number; unit: string }[]
}

export interface PlanFact {
  id: number
  region: string
  year: number
  programme: string
  programmeName: { kk: string; ru: string; en: string }
  places: number
  budget: number
  placesCommitted: number
  placesSpent: number
  placesLeft: number
  budgetCommitted: number
  budgetSpent: number
  budgetLeft: number
  peopleEnrolled: number
  peopleCompleted: number
  peopleDropped: number
  followedUp: number
  employedAfter6m: number
  placesExecutedPct: number | null
  budgetExecutedPct: number | null
  employedAfter6mPct: number | null
}

export interface Enrolment {
  id: number
  programme: string
  region: string
  year: number
  iin: string
  startDate: string
  endDate: string
  state: EnrolmentState
  cost: number
  spent: number | null
  proposedBy: number
  decidedBy: number | null
  refusalReason: string | null
  exitDate: string | null
  eligibility: { facts: { age?: number | null; status?: string | null } }
}

export interface EligibilityAnswer {
  iin: string
  programme: string
  startDate: string
  isEligible: boolean
  reasons: string[]
  facts: { age: number | null; birthDate: string | null; status: string | null; region: string; flags: string[] }
  cost: number
}

export interface EnrolmentRequest {
  iin: string
  programme: string
  startDate: string
  purpose: string
}

const key = ['programmes'] as const

/** The URL of a table view's download. */
export function downloadUrl(view: 'report' | 'plans' | 'enrolments', year: number, format: 'csv' | 'xlsx') {
  return `/api/programmes/${view}?${new URLSearchParams({ year: String(year), format })}`
}

export function useProgrammes(on: string) {
  return useQuery({
    queryKey: [...key, 'catalogue', on],
    queryFn: async () => (await requestJson<{ items: Programme[] }>(`/api/programmes?on=${on}`)).items,
    staleTime: 10 * 60_000,
  })
}

export function usePlanVsFact(year: number) {
  return useQuery({
    queryKey: [...key, 'report', year],
    queryFn: async () => (await requestJson<{ items: PlanFact[] }>(`/api/programmes/report?year=${year}`)).items,
  })
}

export function useEnrolments(year: number, state?: EnrolmentState) {
  return useQuery({
    queryKey: [...key, 'enrolments', year, state ?? 'all'],
    queryFn: async () => {
      const query = new URLSearchParams({ year: String(year), ...(state ? { state } : {}) })
      return (await requestJson<{ items: Enrolment[] }>(`/api/programmes/enrolments?${query}`)).items
    },
  })
}

function useInvalidate() {
  const client = useQueryClient()
  return () => client.invalidateQueries({ queryKey: key })
}

export function useSetPlan() {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: (input: { region: string; year: number; programme: string; places: number; budget: number }) =>
      requestJson<PlanFact>(`/api/programmes/plans/${input.region}/${input.year}/${input.programme}`, {
        method: 'PUT',
        body: { places: input.places, budget: input.budget },
      }),
    onSuccess: invalidate,
  })
}

export function useDecide() {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: (input: { id: number; action: 'approve' | 'refuse' | 'complete' | 'drop'; reason?: string }) =>
      requestJson<Enrolment>(`/api/programmes/enrolments/${input.id}/${input.action}`, {
        method: 'POST',
        body: input.reason === undefined ? {} : { reason: input.reason },
      }),
    onSettled: invalidate,
  })
}

export function useCheckEligibility() {
  return useMutation({
    mutationFn: (input: EnrolmentRequest) =>
      requestJson<EligibilityAnswer>('/api/programmes/eligibility', { method: 'POST', body: input }),
  })
}

export function usePropose() {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: (input: EnrolmentRequest) =>
      requestJson<Enrolment>('/api/programmes/enrolments', { method: 'POST', body: input }),
    onSuccess: invalidate,
  })
}

export const FLAGS = ['disability', 'large_family', 'single_parent', 'pre_retirement'] as const
export type Flag = (typeof FLAGS)[number]

export interface FlagRequest {
  iin: string
  flag: Flag
  note?: string
  purpose: string
  remove?: boolean
}

/** An officer records (or removes) a target-group flag seen on a document; the answer is the person's flags now. */
export function useRecordFlag() {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: (input: FlagRequest) =>
      requestJson<{ iin: string; flags: Flag[] }>('/api/programmes/flags', { method: 'POST', body: input }),
    onSuccess: invalidate,
  })
}

/** The programmes panel of the analysts' national overview (`GET /api/overview` → `programmes`), aggregates only. */
export interface ProgrammesOverviewFigures {
  places: number
  placesTaken: number
  budget: number
  budgetCommitted: number
  budgetSpent: number
  peopleEnrolled: number
  peopleCompleted: number
  employedAfter6m: number
  followedUp: number
}
export interface ProgrammesOverview {
  regions: (ProgrammesOverviewFigures & { regionCode: string })[]
  total: ProgrammesOverviewFigures
}
