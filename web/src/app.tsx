import { lazy, type ReactNode } from 'react'
import { Route, Routes } from 'react-router'
import { AppLayout } from './layout/app-layout'
import { exchangePublicRoutes, exchangeSections, exchangeSessionRoutes } from './pages/exchange/routes'
import { fairsPublicRoutes, fairsSections, fairsSessionRoutes } from './pages/fairs/routes'
import { hiringPublicRoutes, hiringSections, hiringSessionRoutes } from './pages/hiring/routes'
import { HomePage } from './pages/home-page'
import { LoginPage } from './pages/login-page'
import { NotFoundPage } from './pages/not-found-page'
import { programmesPublicRoutes, programmesSections, programmesSessionRoutes } from './pages/programmes/routes'
import { projectsPublicRoutes, projectsSections, projectsSessionRoutes } from './pages/projects/routes'
import { RegistryFrame } from './pages/registry/registry-frame'
import { SectionPage } from './pages/section-page'
import { socialPublicRoutes, socialSections, socialSessionRoutes } from './pages/social/routes'
import { RequireSession } from './session/require-session'
import { builtSections, type RegistryPage, registryPages, type Section, sectionPaths } from './session/workspaces'

// Each area of the interface declares its own routes and the menu sections they build (pages/<area>/routes.tsx).
const areaSections: ReadonlySet<Section> = new Set([
  ...exchangeSections,
  ...hiringSections,
  ...fairsSections,
  ...socialSections,
  ...programmesSections,
  ...projectsSections,
])

const plannedSections = (Object.entries(sectionPaths) as [Section, string][]).filter(
  ([section]) => !builtSections.has(section) && !areaSections.has(section),
)

// Staff pages load on first use (AppLayout shows a loading state meanwhile); the charts library is most of the
// formalisation dashboard's weight, so it stays in a chunk of its own.
const loadRegistryPages = () => import('./pages/registry/pages')
const BatchUploadPage = lazy(async () => ({ default: (await loadRegistryPages()).BatchUploadPage }))
const PersonLookupPage = lazy(async () => ({ default: (await loadRegistryPages()).PersonLookupPage }))
const PointOfServicePage = lazy(async () => ({ default: (await loadRegistryPages()).PointOfServicePage }))
const FormalisationPage = lazy(async () => ({
  default: (await import('./pages/registry/formalisation-page')).FormalisationPage,
}))

const registryElements: Record<RegistryPage, ReactNode> = {
  lookup: <PersonLookupPage />,
  batches: <BatchUploadPage />,
  formalisation: <FormalisationPage />,
  check: <PointOfServicePage />,
  channelBatches: <BatchUploadPage />,
}
const registryPageList = Object.keys(registryPages) as RegistryPage[]

export function App() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route path="/login" element={<LoginPage />} />
        {exchangePublicRoutes}
        {hiringPublicRoutes}
        {fairsPublicRoutes}
        {socialPublicRoutes}
        {programmesPublicRoutes}
        {projectsPublicRoutes}
        <Route element={<RequireSession />}>
          <Route index element={<HomePage />} />
          {plannedSections.map(([section, path]) => (
            <Route key={section} path={path} element={<SectionPage section={section} />} />
          ))}
          {exchangeSessionRoutes}
          {hiringSessionRoutes}
          {fairsSessionRoutes}
          {socialSessionRoutes}
          {programmesSessionRoutes}
          {projectsSessionRoutes}
          {registryPageList.map((page) => (
            <Route
              key={page}
              path={registryPages[page].path}
              element={<RegistryFrame page={page}>{registryElements[page]}</RegistryFrame>}
            />
          ))}
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  )
}
