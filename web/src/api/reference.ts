import { useQuery } from '@tanstack/react-query'
import type { Language } from '../i18n'
import { requestJson } from './client'
import type { Region } from './types'

export function useRegions() {
  return useQuery({
    queryKey: ['reference', 'regions'],
    queryFn: async () => (await requestJson<{ items: Region[] }>('/api/reference/regions')).items,
    // Regions change by decree a few times a decade; one fetch per visit is plenty.
    staleTime: Number.POSITIVE_INFINITY,
  })
}

export function regionName(region: Region, language: Language): string {
  if (language === 'ru') return region.nameRu
  if (language === 'en') return region.nameEn
  return region.nameKk
}
