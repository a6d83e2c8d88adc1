import type { ReactNode } from 'react'
import type { Section } from '../../session/workspaces'

/** Routes anyone may open, signed in or not (a fragment of <Route> elements). */
export const exchangePublicRoutes: ReactNode = null

/** Routes for signed-in accounts (a fragment of <Route> elements). */
export const exchangeSessionRoutes: ReactNode = null

/** The menu sections these routes build, so the app stops showing them as "being built". */
export const exchangeSections: readonly Section[] = []
