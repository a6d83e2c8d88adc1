import type { ReactNode } from 'react'
import type { Section } from '../../session/workspaces'

/** Routes anyone may open, signed in or not (a fragment of <Route> elements). */
export const socialPublicRoutes: ReactNode = null

/** Routes for signed-in accounts (a fragment of <Route> elements). */
export const socialSessionRoutes: ReactNode = null

/** The menu sections these routes build, so the app stops showing them as "being built". */
export const socialSections: readonly Section[] = []
