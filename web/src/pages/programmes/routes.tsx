import type { ReactNode } from 'react'
import { Route } from 'react-router'
import { type Section, sectionPaths } from '../../session/workspaces'
import { EnrolmentsPage } from './enrolments-page'
import { ProgrammesPage } from './programmes-page'
import './programmes.css'

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
