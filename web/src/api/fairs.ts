import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { ApiError, requestJson } from './client'

// Hand-written mirror of src/modules/fairs/fair.schema.ts; keep them in step.

export type FairState = 'planned' | 'open' | 'closed'

export interface TargetGroup {
  maxAge: number | null
  graduatedWithinYears: number | null
  allowedStatuses: string[]
  regionCodes: string[]
}

export interface Fair {
  id: number
  title: string
  description: string
  organiserName: string
  startsAt: string
  endsAt: string
  state: FairState
  recurrence: 'none' | 'monthly'
  templateId: number | null
  targetGroup: TargetGroup
}

export interface BoothVacancy {
  vacancyId: number
  title: string
  regionCode: string
}

export interface Booth {
  id: number
  fairId: number
  employerBin: string
  employerName: string
  state: 'pending' | 'approved' | 'rejected'
  decisionReason: string | null
  vacancies: BoothVacancy[]
}

export interface Eligibility {
  isEligible: boolean
  reasons: string[]
  unchecked: string[]
}

export interface Registration {
  fairId: number
  registeredAt: string
  eligibility: Eligibility
}

export interface Slot {
  id: number
  boothId: number
  startsAt: string
  endsAt: string
  meetingLink: string | null
  isBooked: boolean
  isMine: boolean
}

export interface Booking {
  id: number
  slotId: number
  boothId: number
  startsAt: string
  endsAt: string
  meetingLink: string
}

export interface QueuePlace {
  boothId: number
  place: number | null
  waiting: number
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

/** Where the employer may move an application next (the exchange's rules, mirrored for the buttons). */
export const nextStates: Record<ApplicationState, readonly ApplicationState[]> = {
  submitted: ['interview', 'rejected'],
  viewed: ['interview', 'rejected'],
  shortlisted: ['interview', 'offer', 'rejected'],
  interview: ['offer', 'hired', 'rejected'],
  offer: ['hired', 'rejected'],
  hired: [],
  rejected: [],
  withdrawn: [],
}

export interface FairApplication {
  fairId: number
  boothId: number
  application: { id: number; vacancyId: number; vacancyTitle: string; state: ApplicationState }
}

export interface BoothApplicant {
  applicationId: number
  registrationId: number | null
  vacancyId: number
  vacancyTitle: string
  seekerName: string
  state: ApplicationState
  matchScore: number | null
  appliedAt: string
  interview: { slotId: number; startsAt: string; endsAt: string } | null
}

export interface Counts {
  visitors: number
  registrations: number
  applications: number
  interviews: number
  offers: number
  hires: number
}

export const funnelSteps: readonly (keyof Counts)[] = [
  'visitors',
  'registrations',
  'applications',
  'interviews',
  'offers',
  'hires',
]

export interface Funnel {
  fairId: number
  state: FairState
  isLive: boolean
  total: Counts
  byEmployer: (Counts & { employerBin: string; employerName: string })[]
  byRegion: (Counts & { regionCode: string })[]
  byVacancy: (Counts & { vacancyId: number; title: string })[]
}

export interface FairNotification {
  id: number
  fairId: number
  fairTitle: string
  kind: 'registration.confirmed' | 'booking.confirmed' | 'booking.cancelled' | 'booking.reminder'
  payload: { employerName?: string; startsAt?: string; endsAt?: string; meetingLink?: string }
  createdAt: string
  readAt: string | null
}

/** An employer's own vacancy as the exchange lists it (only what the booth page needs). */
export interface OwnVacancy {
  id: number
  title: string
  regionCode: string
  state: string
  fairId: number | null
}

const fairsKey = ['fairs'] as const
const fairKey = (id: number) => [...fairsKey, id] as const

export function useFairs() {
  return useQuery({
    queryKey: [...fairsKey, 'list'],
    queryFn: async () => (await requestJson<{ items: Fair[] }>('/api/fairs')).items,
  })
}

export function useFair(id: number) {
  return useQuery({ queryKey: fairKey(id), queryFn: () => requestJson<Fair>(`/api/fairs/${id}`) })
}

export function useBooths(fairId: number) {
  return useQuery({
    queryKey: [...fairKey(fairId), 'booths'],
    queryFn: async () => (await requestJson<{ items: Booth[] }>(`/api/fairs/${fairId}/booths`)).items,
  })
}

export function useEligibility(fairId: number, enabled: boolean) {
  return useQuery({
    queryKey: [...fairKey(fairId), 'eligibility'],
    queryFn: () => requestJson<Eligibility>(`/api/fairs/${fairId}/eligibility`),
    enabled,
    retry: false,
  })
}

/** Counts one page view for the funnel; once per page load, and a failure is not the reader's concern. */
export function recordVisit(fairId: number, boothId?: number) {
  void requestJson<void>(`/api/fairs/${fairId}/visits`, {
    method: 'POST',
    body: boothId === undefined ? {} : { boothId },
  }).catch(() => undefined)
}

export function useRegister(fairId: number) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => requestJson<Registration>(`/api/fairs/${fairId}/registrations`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: fairKey(fairId) }),
  })
}

export function useSlots(fairId: number, boothId: number) {
  return useQuery({
    queryKey: [...fairKey(fairId), 'booth', boothId, 'slots'],
    queryFn: async () => (await requestJson<{ items: Slot[] }>(`/api/fairs/${fairId}/booths/${boothId}/slots`)).items,
  })
}

export function useMyBookings(fairId: number, enabled: boolean) {
  return useQuery({
    queryKey: [...fairKey(fairId), 'my-bookings'],
    queryFn: async () => (await requestJson<{ items: Booking[] }>(`/api/fairs/${fairId}/my-bookings`)).items,
    enabled,
  })
}

export function useBookSlot(fairId: number) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (slotId: number) =>
      requestJson<Booking>(`/api/fairs/${fairId}/slots/${slotId}/bookings`, { method: 'POST' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: fairKey(fairId) }),
  })
}

export function useCancelBooking(fairId: number) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (bookingId: number) =>
      requestJson<void>(`/api/fairs/${fairId}/bookings/${bookingId}`, { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: fairKey(fairId) }),
  })
}

export function useApplyAtFair(fairId: number) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (vacancyId: number) =>
      requestJson<FairApplication>(`/api/fairs/${fairId}/vacancies/${vacancyId}/applications`, {
        method: 'POST',
        body: {},
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: fairKey(fairId) }),
  })
}

export function useQueuePlace(fairId: number, boothId: number, enabled: boolean) {
  return useQuery({
    queryKey: [...fairKey(fairId), 'booth', boothId, 'queue'],
    queryFn: () => requestJson<QueuePlace>(`/api/fairs/${fairId}/booths/${boothId}/queue`),
    enabled,
    // The place moves as the booth calls people in.
    refetchInterval: 15_000,
  })
}

export function useJoinQueue(fairId: number, boothId: number) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => requestJson<QueuePlace>(`/api/fairs/${fairId}/booths/${boothId}/queue`, { method: 'POST' }),
    onSuccess: (place) => queryClient.setQueryData([...fairKey(fairId), 'booth', boothId, 'queue'], place),
  })
}

export function useMyFairNotifications(enabled: boolean) {
  return useQuery({
    queryKey: [...fairsKey, 'notifications'],
    queryFn: async () => (await requestJson<{ items: FairNotification[] }>('/api/me/fair-notifications')).items,
    enabled,
  })
}

// ---- the employer's booth

export function useOwnVacancies(enabled: boolean) {
  return useQuery({
    queryKey: [...fairsKey, 'own-vacancies'],
    queryFn: async () => (await requestJson<{ items: OwnVacancy[] }>('/api/me/vacancies')).items,
    enabled,
  })
}

export function useJoinFair(fairId: number) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (vacancyIds: number[]) =>
      requestJson<Booth>(`/api/fairs/${fairId}/booths`, { method: 'POST', body: { vacancyIds } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: fairKey(fairId) }),
  })
}

export function useOpenSlot(fairId: number, boothId: number) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (slot: { startsAt: string; endsAt: string; meetingLink: string }) =>
      requestJson<Slot>(`/api/fairs/${fairId}/booths/${boothId}/slots`, { method: 'POST', body: slot }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: fairKey(fairId) }),
  })
}

export function useApplicants(fairId: number, boothId: number, enabled: boolean) {
  return useQuery({
    queryKey: [...fairKey(fairId), 'booth', boothId, 'applicants'],
    queryFn: async () =>
      (await requestJson<{ items: BoothApplicant[] }>(`/api/fairs/${fairId}/booths/${boothId}/applicants`)).items,
    enabled,
  })
}

/** The employer's decision goes through the exchange's pipeline, so the seeker sees it among their applications. */
export function useDecideApplication(fairId: number) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (move: { applicationId: number; state: ApplicationState; reason?: string }) =>
      requestJson<unknown>(`/api/applications/${move.applicationId}/events`, {
        method: 'POST',
        body: move.reason === undefined ? { state: move.state } : { state: move.state, reason: move.reason },
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: fairKey(fairId) }),
  })
}

// ---- the organiser

export function useDecideBooth(fairId: number) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (decision: { boothId: number; state: 'approved' | 'rejected'; reason?: string }) =>
      requestJson<Booth>(`/api/fairs/${fairId}/booths/${decision.boothId}/decision`, {
        method: 'POST',
        body:
          decision.reason === undefined
            ? { state: decision.state }
            : { state: decision.state, reason: decision.reason },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: fairKey(fairId) }),
  })
}

export function useFunnel(fairId: number, live: boolean) {
  return useQuery({
    queryKey: [...fairKey(fairId), 'funnel'],
    queryFn: () => requestJson<Funnel>(`/api/fairs/${fairId}/funnel`),
    // Live for the organiser while the fair runs.
    refetchInterval: live ? 30_000 : false,
    retry: false,
  })
}

/** The seeker's registration at the fair, or null when they have not registered. */
export function useMyRegistration(fairId: number, enabled: boolean) {
  return useQuery({
    queryKey: [...fairKey(fairId), 'registration'],
    queryFn: async () => {
      try {
        return await requestJson<Registration>(`/api/fairs/${fairId}/registrations/mine`)
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null
        throw error
      }
    },
    enabled,
  })
}

export interface NewFair {
  title: string
  description?: string
  startsAt: string
  endsAt: string
  recurrence: 'none' | 'monthly'
  targetGroup: Partial<TargetGroup>
}

export function useCreateFair() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (fair: NewFair) => requestJson<Fair>('/api/fairs', { method: 'POST', body: fair }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: fairsKey }),
  })
}

// ---- messages between a booth and one seeker

/** The API's limit on one message (NewMessage.body in fair.schema.ts). */
export const messageMaxLength = 5000

export interface Message {
  id: number
  boothId: number
  sender: 'booth' | 'seeker'
  body: string
  sentAt: string
}

export interface Thread {
  registrationId: number
  seekerName: string
  lastAt: string
  messages: number
  lastSender: 'booth' | 'seeker'
  isAwaitingReply: boolean
}

/** New messages arrive while the page is open; TanStack Query stops polling when the tab is hidden. */
const messagePolling = 15_000

const messagesKey = (fairId: number, boothId: number) => [...fairKey(fairId), 'booth', boothId, 'messages']

/** One conversation: the seeker's own (no registrationId), or the booth's with one seeker. */
export function useMessages(fairId: number, boothId: number, registrationId: number | null, enabled: boolean) {
  const query = registrationId === null ? '' : `?registrationId=${registrationId}`
  return useQuery({
    queryKey: [...messagesKey(fairId, boothId), registrationId],
    queryFn: async () =>
      (await requestJson<{ items: Message[] }>(`/api/fairs/${fairId}/booths/${boothId}/messages${query}`)).items,
    enabled,
    refetchInterval: messagePolling,
  })
}

export function useThreads(fairId: number, boothId: number, enabled: boolean) {
  return useQuery({
    queryKey: [...messagesKey(fairId, boothId), 'threads'],
    queryFn: async () =>
      (await requestJson<{ items: Thread[] }>(`/api/fairs/${fairId}/booths/${boothId}/threads`)).items,
    enabled,
    refetchInterval: messagePolling,
  })
}

export function useSendMessage(fairId: number, boothId: number, registrationId: number | null) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: string) =>
      requestJson<Message>(`/api/fairs/${fairId}/booths/${boothId}/messages`, {
        method: 'POST',
        body: registrationId === null ? { body } : { body, registrationId },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: messagesKey(fairId, boothId) }),
  })
}
