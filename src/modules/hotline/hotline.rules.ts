/** The hotline's rules: the SLA in working days and the status transitions. Pure. */

export type ReportStatus = 'new' | 'assigned' | 'inspecting' | 'resolved' | 'unfounded'
export type ReportCategory = 'envelope_wages' | 'unpaid_pension' | 'no_contract' | 'other'
export const CATEGORIES: readonly ReportCategory[] = ['envelope_wages', 'unpaid_pension', 'no_contract', 'other']
/** Where a report came from: the public web form, or staff entering a caller's report (`entered_by`). */
export type ReportSource = 'web' | 'contact_centre'
/**
 * The registry channels whose staff are a contact centre that takes hotline calls for every region. 1414 is the
 * e-government contact centre; other channels (banks, schools, clinics) have no business entering reports.
 */
export const CONTACT_CENTRE_CHANNELS: readonly string[] = ['contact1414']
export const OPEN_STATUSES: readonly ReportStatus[] = ['new', 'assigned', 'inspecting']

/** `days` working days (Monday to Friday) after `date` ('YYYY-MM-DD'). Public holidays are not counted yet. */
export function addWorkingDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  let left = days
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1)
    const weekday = d.getUTCDay()
    if (weekday !== 0 && weekday !== 6) left--
  }
  return d.toISOString().slice(0, 10)
}

const NEXT: Record<ReportStatus, readonly ReportStatus[]> = {
  new: ['assigned'],
  assigned: ['inspecting'],
  inspecting: ['resolved', 'unfounded'],
  resolved: [],
  unfounded: [],
}

/** Why a move is not allowed, or null when it is. */
export function refuseTransition(from: ReportStatus, to: ReportStatus): string | null {
  if (NEXT[from].includes(to)) return null
  const allowed = NEXT[from]
  return allowed.length === 0
    ? `the report is ${from}; it is closed`
    : `a ${from} report can move only to ${allowed.join(' or ')}, not to ${to}`
}

export function isOverdue(status: ReportStatus, dueDate: string, today: string): boolean {
  return OPEN_STATUSES.includes(status) && dueDate < today
}
