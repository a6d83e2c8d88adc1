import { useTranslation } from 'react-i18next'
import { downloadUrl } from '../../api/projects'

/** CSV and XLSX links for a table view: the same address and query with `format=`. */
export function Downloads({
  path,
  params,
  label,
}: {
  path: string
  params: Record<string, string | number | undefined>
  label: string
}) {
  const { t } = useTranslation()
  return (
    <p className="projects-downloads">
      <span>{t('projects.download', { what: label })}</span>{' '}
      <a href={downloadUrl(path, params, 'csv')} download>
        CSV
      </a>{' '}
      <a href={downloadUrl(path, params, 'xlsx')} download>
        XLSX
      </a>
    </p>
  )
}
