// Hand-written mirror of the backend's response shapes. The web app has its own tsconfig and bundler,
// so it does not import from src/; keep these in step with the API schemas.

export type Role = 'citizen' | 'employer' | 'officer' | 'manager' | 'analyst' | 'channel' | 'admin'

export const roles: readonly Role[] = ['citizen', 'employer', 'officer', 'manager', 'analyst', 'channel', 'admin']

export interface Account {
  id: number
  login: string
  role: Role
  displayName: string
  regionCode: string | null
  districtCode: string | null
  iin: string | null
  bin: string | null
}

export interface Region {
  code: string
  iso: string
  kato: string
  type: 'region' | 'city'
  nameKk: string
  nameRu: string
  nameEn: string
  centerKk: string
  centerRu: string
  centerEn: string
}

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown }
}
