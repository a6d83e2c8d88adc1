import { useEffect } from 'react'

/** Names the browser tab after the page, which is also the first thing a screen reader announces. */
export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} — Jumys` : 'Jumys'
  }, [title])
}
