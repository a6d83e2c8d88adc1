import { sectionPaths } from '../../session/workspaces'

/** The seeker cabinet's pages, in its sub-menu's order; apart from seeker-frame.tsx so routes.tsx stays light. */
export const seekerPaths = {
  applications: sectionPaths.applications,
  profile: '/profile',
  alerts: '/alerts',
} as const

export type SeekerPage = keyof typeof seekerPaths
