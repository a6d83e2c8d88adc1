import type { ExportColumn } from '../../shared/table-export.js'
import type { ReferralStats } from './referral.schema.js'

/** The columns of the referral statistics download (CSV/XLSX); headings in English, as the other modules' exports. */
export const referralStatsColumns: readonly ExportColumn<ReferralStats['items'][number]>[] = [
  { header: 'Region', value: (r) => r.regionCode },
  { header: 'Referrals', value: (r) => r.referrals },
  { header: 'Hired', value: (r) => r.hired },
  { header: 'Not hired', value: (r) => r.notHired },
  { header: 'Did not come', value: (r) => r.noShow },
  { header: 'Outcome pending', value: (r) => r.pending },
  { header: 'Limit', value: (r) => r.limit },
  { header: 'Used', value: (r) => r.used },
  { header: 'Left', value: (r) => r.remaining },
]
