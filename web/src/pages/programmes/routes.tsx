import { lazy, type ReactNode } from 'react'
import { Route } from 'react-router'
import { type Section, sectionPaths } from '../../session/workspaces'
import './programmes.css'

// The pages come in one chunk with the area's words; the app shell shows a loading state meanwhile.
const pages = () => import('./pages')
const EnrolmentsPage = lazy(async () => ({ default: (await pages()).EnrolmentsPage }))
const ProgrammesPage = lazy(async () => ({ default: (await pages()).ProgrammesPage }))

/** Routes anyone may open, signed in or not (a fragment of <Route> elements). */
export const programmesPublicRoutes: ReactNode = null

/** Routes for signed-in accounts (a fragment of <Route> elements). */
export const programmesSessionRoutes: ReactNode = (
  <>
    <Route path={sectionPaths.programmes} element={<ProgrammesPage />} />
    <Route path={sectionPaths.enrolments} element={<EnrolmentsPage />} />
  </>
)

/** The menu sections these routes build, so the app stops showing them as "being built". */
export const programmesSections: readonly Section[] = ['programmes', 'enrolments']
