import type { ReactNode } from 'react'

/** The page's one h1; focusable so that AppLayout can move focus to it after a navigation. */
export function PageHeading({ children, lead }: { children: ReactNode; lead?: ReactNode }) {
  return (
    <div className="page-heading">
      <h1 tabIndex={-1}>{children}</h1>
      {lead && <p className="lead">{lead}</p>}
    </div>
  )
}
