import type { ExportColumn } from '../../shared/table-export.js'
import type { hotlineStatistics, listRepeatedEmployers } from './hotline.service.js'

/** The columns of the hotline's downloadable tables (CSV/XLSX); headings in English, as the other modules' exports. */
type Statistics = Awaited<ReturnType<typeof hotlineStatistics>>

export const statisticsColumns: readonly ExportColumn<Statistics['byRegionAndCategory'][number]>[] = [
  { header: 'Region', value: (r) => r.region },
  { header: 'Category', value: (r) => r.category },
  { header: 'Reports', value: (r) => r.total },
  { header: 'Open', value: (r) => r.open },
  { header: 'Overdue', value: (r) => r.overdue },
  { header: 'Resolved', value: (r) => r.resolved },
  { header: 'Unfounded', value: (r) => r.unfounded },
  { header: 'Entered by the contact centre', value: (r) => r.contactCentre },
  { header: 'Labour contracts concluded', value: (r) => r.contractsConcluded },
  { header: 'Contributions recovered, KZT', value: (r) => r.contributionsRecovered },
]

export const repeatedEmployerColumns: readonly ExportColumn<
  Awaited<ReturnType<typeof listRepeatedEmployers>>[number]
>[] = [
  { header: 'BIN', value: (r) => r.employerBin },
  { header: 'Employer name', value: (r) => r.employerName },
  { header: 'Reports', value: (r) => r.reports },
  { header: 'Regions', value: (r) => r.regions.join(' ') },
  { header: 'Last report', value: (r) => r.lastReportAt },
]
