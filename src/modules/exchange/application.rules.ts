import type { ApplicationState } from './exchange.tables.js'

/**
 * Where an application may go from each state. The employer may skip steps forward (a short interview can end
 * in a hire on the spot) but never back; hired, rejected and withdrawn are final.
 */
export const NEXT_STATES: Readonly<Record<ApplicationState, readonly ApplicationState[]>> = {
  submitted: ['viewed', 'shortlisted', 'interview', 'rejected', 'withdrawn'],
  viewed: ['shortlisted', 'interview', 'rejected', 'withdrawn'],
  shortlisted: ['interview', 'offer', 'rejected', 'withdrawn'],
  interview: ['offer', 'hired', 'rejected', 'withdrawn'],
  offer: ['hired', 'rejected', 'withdrawn'],
  hired: [],
  rejected: [],
  withdrawn: [],
}

/** Only the seeker withdraws; every other step is the employer's. */
export const SEEKER_STATES: readonly ApplicationState[] = ['withdrawn']

export const canMove = (from: ApplicationState, to: ApplicationState): boolean => NEXT_STATES[from].includes(to)

export const isFinal = (state: ApplicationState): boolean => NEXT_STATES[state].length === 0
