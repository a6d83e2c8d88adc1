import { Component, type ReactNode, Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorPanel, LoadingPanel } from './status-panels'

// Chromium, Firefox and Safari word a failed dynamic import differently; Vite's preload helper says the last.
const failedChunk =
  /dynamically imported module|Importing a module script failed|error loading dynamically imported module|Unable to preload/i

/** What a page shows when its code could not be downloaded: after a deploy the old chunks are gone. */
function PageFailedPanel() {
  const { t } = useTranslation()
  return (
    <div className="notice notice--error" role="alert">
      <h1 className="notice__title">{t('app.pageFailed.title')}</h1>
      <p>{t('app.pageFailed.body')}</p>
      {/* React keeps a failed lazy import failed, and the old chunk will not come back: only a reload helps. */}
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {t('app.pageFailed.reload')}
      </button>
    </div>
  )
}

interface BoundaryProps {
  resetKey: string
  children: ReactNode
}

class PageErrorBoundary extends Component<BoundaryProps, { error: Error | null }> {
  override state: { error: Error | null } = { error: null }

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  override componentDidUpdate(previous: BoundaryProps) {
    // Another page may well load: its chunk is another file, or the same one if the network is back.
    if (this.state.error !== null && previous.resetKey !== this.props.resetKey) this.setState({ error: null })
  }

  override render() {
    const { error } = this.state
    if (error === null) return this.props.children
    if (failedChunk.test(error.message)) return <PageFailedPanel />
    return <ErrorPanel error={error} onRetry={() => window.location.reload()} />
  }
}

/**
 * Around each page: a loading state while the page's chunk downloads (pages are loaded per area on first use) and
 * an error state if it fails. Moving to another address clears the error; the page itself is not remounted.
 */
export function PageBoundary({ resetKey, children }: BoundaryProps) {
  return (
    <PageErrorBoundary resetKey={resetKey}>
      <Suspense fallback={<LoadingPanel />}>{children}</Suspense>
    </PageErrorBoundary>
  )
}
