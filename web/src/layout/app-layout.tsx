import { useEffect, useRef } from 'react'
import { Outlet, useLocation } from 'react-router'
import { PageBoundary } from './page-boundary'
import { SiteFooter } from './site-footer'
import { SiteHeader } from './site-header'

export function AppLayout() {
  const { pathname } = useLocation()
  const mainRef = useRef<HTMLElement>(null)
  const previousPathname = useRef(pathname)

  useEffect(() => {
    // A client-side navigation does not move focus the way a page load does; without this a keyboard or
    // screen-reader user stays on the menu link and is not told the page changed. The first page is left
    // to the browser's own load behaviour.
    if (previousPathname.current === pathname) return
    previousPathname.current = pathname
    const heading = mainRef.current?.querySelector<HTMLElement>('h1')
    ;(heading ?? mainRef.current)?.focus()
  }, [pathname])

  return (
    <div className="page">
      <SiteHeader />
      <main id="main" ref={mainRef} tabIndex={-1} className="page__main container">
        <PageBoundary resetKey={pathname}>
          <Outlet />
        </PageBoundary>
      </main>
      <SiteFooter />
    </div>
  )
}
