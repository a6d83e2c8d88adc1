import type { ColumnType, Generated } from 'kysely'

/** Kysely types of the fairs' own tables (schema `fairs`); only this module's repositories query them. */

type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
type Instant = ColumnType<Date, Date | string, Date | string>

export type FairState = 'planned' | 'open' | 'closed'
export type Recurrence = 'none' | 'monthly'
export type BoothState = 'pending' | 'approved' | 'rejected'
export type Sender = 'booth' | 'seeker'

export interface FairTable {
  id: Generated<number>
  title: string
  description: ColumnType<string, string | undefined, string>
  organiser_account_id: number
  organiser_name: string
  starts_at: Instant
  ends_at: Instant
  state: ColumnType<FairState, FairState | undefined, FairState>
  recurrence: ColumnType<Recurrence, Recurrence | undefined, Recurrence>
  template_id: number | null
  max_age: number | null
  graduated_within_years: number | null
  allowed_statuses: ColumnType<string[], string[] | undefined, string[]>
  region_codes: ColumnType<string[], string[] | undefined, string[]>
  created_at: Generated<Date>
}

export interface BoothTable {
  id: Generated<number>
  fair_id: number
  employer_bin: string
  employer_name: string
  state: ColumnType<BoothState, BoothState | undefined, BoothState>
  decision_reason: string | null
  decided_at: NullableTimestamp
  created_at: Generated<Date>
}

export interface BoothVacancyTable {
  fair_id: number
  vacancy_id: number
  booth_id: number
  title: string
  region_code: string
  created_at: Generated<Date>
}

export interface RegistrationTable {
  id: Generated<number>
  fair_id: number
  seeker_iin: string
  seeker_name: string
  region_code: string | null
  created_at: Generated<Date>
}

export interface FairApplicationTable {
  application_id: number
  fair_id: number
  booth_id: number
  vacancy_id: number
  seeker_iin: string
  region_code: string | null
  created_at: Generated<Date>
}

export interface SlotTable {
  id: Generated<number>
  fair_id: number
  booth_id: number
  starts_at: Instant
  ends_at: Instant
  meeting_link: string
  created_at: Generated<Date>
}

export interface BookingTable {
  id: Generated<number>
  slot_id: number
  fair_id: number
  booth_id: number
  seeker_iin: string
  starts_at: Instant
  ends_at: Instant
  created_at: Generated<Date>
}

export interface QueueEntryTable {
  id: Generated<number>
  booth_id: number
  seeker_iin: string
  joined_at: Generated<Date>
  served_at: NullableTimestamp
}

export interface MessageTable {
  id: Generated<number>
  fair_id: number
  booth_id: number
  seeker_iin: string
  sender: Sender
  body: string
  sent_at: Generated<Date>
}

export interface VisitTable {
  fair_id: number
  booth_id: ColumnType<number, number | undefined, number>
  day: string
  views: ColumnType<number, number | undefined, number>
}

export type NotificationKind = 'registration.confirmed' | 'booking.confirmed' | 'booking.cancelled' | 'booking.reminder'

export interface NotificationTable {
  id: Generated<number>
  fair_id: number
  recipient_iin: string
  kind: NotificationKind
  booking_id: number | null
  payload: ColumnType<Record<string, unknown>, string, string>
  created_at: Generated<Date>
  read_at: NullableTimestamp
}

/** identity's published view (identity.person_facts), read-only here. */
export interface PersonFactsView {
  iin: string
  birth_date: string | null
  region_code: string
  kato_code: string | null
}

// A type alias, not an interface: withTables<T> needs an index-signature-compatible type.
export type FairTables = {
  'fairs.fairs': FairTable
  'fairs.booths': BoothTable
  'fairs.booth_vacancies': BoothVacancyTable
  'fairs.registrations': RegistrationTable
  'fairs.applications': FairApplicationTable
  'fairs.slots': SlotTable
  'fairs.bookings': BookingTable
  'fairs.queue_entries': QueueEntryTable
  'fairs.messages': MessageTable
  'fairs.visits': VisitTable
  'fairs.notifications': NotificationTable
  'identity.person_facts': PersonFactsView
}
