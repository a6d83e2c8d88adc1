import { useQuery } from '@tanstack/react-query'
import type { Language } from '../i18n'
import { requestJson } from './client'
import type { KatoUnit, Named, Region, StatusCategory } from './types'

export function useRegions() {
  return useQuery({
    queryKey: ['reference', 'regions'],
    queryFn: async () => (await requestJson<{ items: Region[] }>('/api/reference/regions')).items,
    // Regions change by decree a few times a decade; one fetch per visit is plenty.
    staleTime: Number.POSITIVE_INFINITY,
  })
}

export function useStatusCategories() {
  return useQuery({
    queryKey: ['reference', 'status-categories'],
    queryFn: async () => (await requestJson<{ items: StatusCategory[] }>('/api/reference/status-categories')).items,
    staleTime: Number.POSITIVE_INFINITY,
  })
}

/** The units one level below a KATO code, e.g. a region's districts. */
export function useKatoChildren(code: string | null) {
  return useQuery({
    queryKey: ['reference', 'kato', code, 'children'],
    queryFn: async () => (await requestJson<{ items: KatoUnit[] }>(`/api/reference/kato/${code}/children`)).items,
    enabled: code !== null,
    staleTime: Number.POSITIVE_INFINITY,
  })
}

/** A KATO unit's name: Kazakh where KATO has it and the reader reads Kazakh, otherwise the official Russian. */
export function katoName(unit: KatoUnit, language: Language): string {
  return language === 'kk' && unit.nameKk ? unit.nameKk : unit.nameRu
}

/** The regions' outlines, a GeoJSON FeatureCollection whose features carry `properties.code`. */
export interface RegionsGeoJson {
  type: 'FeatureCollection'
  features: { type: 'Feature'; properties: { code: string }; geometry: unknown }[]
}

export function useRegionsGeoJson() {
  return useQuery({
    queryKey: ['reference', 'regions.geojson'],
    queryFn: () => requestJson<RegionsGeoJson>('/api/reference/regions.geojson'),
    staleTime: Number.POSITIVE_INFINITY,
  })
}

/** The name of anything the API names in all three languages, in the reader's language. */
export function localName(item: Named, language: Language): string {
  if (language === 'ru') return item.nameRu
  if (language === 'en') return item.nameEn
  return item.nameKk
}

export function regionName(region: Region, language: Language): string {
  return localName(region, language)
}

/**
 * Looks a code up in a named list, falling back to the code itself: a status or channel added on the
 * server before the page learns of it is still shown, just untranslated.
 */
export function nameOf(items: readonly (Named & { code: string })[] | undefined, code: string, language: Language) {
  const item = items?.find((candidate) => candidate.code === code)
  return item ? localName(item, language) : code
}

/** An ISCO-08 group: level 1 (major, one digit) to 4 (unit group, four digits). */
export interface Occupation {
  code: string
  level: number
  parentCode: string | null
  titleEn: string
  titleRu: string | null
  titleKk: string | null
}

/**
 * All of ISCO-08 (about 620 groups of every level, well under the API's limit of 1000), loaded once: pickers
 * search the unit groups in the browser, and any saved code, of whatever level, is shown with its title.
 */
export function useOccupations() {
  return useQuery({
    queryKey: ['reference', 'occupations', 'all'],
    queryFn: async () => (await requestJson<{ items: Occupation[] }>('/api/reference/occupations?limit=1000')).items,
    staleTime: Number.POSITIVE_INFINITY,
  })
}

/** An occupation's title in the reader's language; ISCO-08 has every title in English, most in Russian. */
export function occupationTitle(occupation: Occupation, language: Language): string {
  if (language === 'kk') return occupation.titleKk ?? occupation.titleRu ?? occupation.titleEn
  if (language === 'ru') return occupation.titleRu ?? occupation.titleEn
  return occupation.titleEn
}
