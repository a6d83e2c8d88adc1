import { lazy, type ReactNode, Suspense } from 'react'
import { Route } from 'react-router'
import { LoadingPanel } from '../../layout/status-panels'
import type { Section } from '../../session/workspaces'
import './projects.css'

// The pages come in one chunk with the area's words; the app shell shows a loading state meanwhile.
const pages = () => import('./pages')
const words = () => import('../../i18n/projects')
const ProjectPage = lazy(async () => ({ default: (await pages()).ProjectPage }))
const ProjectsPage = lazy(async () => ({ default: (await pages()).ProjectsPage }))

// The charts library is most of these pages' weight; only those who open them download it.
const RegionsPage = lazy(async () => {
  const [page] = await Promise.all([import('./regions-page'), words()])
  return { default: page.RegionsPage }
})
const DashboardsPage = lazy(async () => {
  const [page] = await Promise.all([import('./dashboards-page'), words()])
  return { default: page.DashboardsPage }
})

const charted = (page: ReactNode) => <Suspense fallback={<LoadingPanel />}>{page}</Suspense>

/** Routes anyone may open, signed in or not (a fragment of <Route> elements). */
export const projectsPublicRoutes: ReactNode = null

/** Routes for signed-in accounts (a fragment of <Route> elements). */
export const projectsSessionRoutes: ReactNode = (
  <>
    <Route path="/regions" element={charted(<RegionsPage />)} />
    <Route path="/regions/:code" element={charted(<RegionsPage />)} />
    <Route path="/dashboards" element={charted(<DashboardsPage />)} />
    <Route path="/projects" element={<ProjectsPage />} />
    <Route path="/projects/:id" element={<ProjectPage />} />
  </>
)

/** The menu sections these routes build, so the app stops showing them as "being built". */
export const projectsSections: readonly Section[] = ['regions', 'dashboards', 'projects']
