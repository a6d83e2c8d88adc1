import { Route, Routes } from 'react-router'
import { AppLayout } from './layout/app-layout'
import { HomePage } from './pages/home-page'
import { LoginPage } from './pages/login-page'
import { NotFoundPage } from './pages/not-found-page'
import { SectionPage } from './pages/section-page'
import { RequireSession } from './session/require-session'
import { type Section, sectionPaths } from './session/workspaces'

const sections = Object.entries(sectionPaths) as [Section, string][]

export function App() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route path="/login" element={<LoginPage />} />
        <Route element={<RequireSession />}>
          <Route index element={<HomePage />} />
          {sections.map(([section, path]) => (
            <Route key={section} path={path} element={<SectionPage section={section} />} />
          ))}
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  )
}
