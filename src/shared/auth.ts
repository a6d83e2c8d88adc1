import type { Role } from '../db/schema.js'

export type { Role }

/** Who is calling: a signed-in account (cookie session) or an integration client (API key). */
export interface Principal {
  accountId: number
  login: string
  role: Role
  displayName: string
  /** Staff scope: null means national. */
  regionCode: string | null
  districtCode: string | null
  iin: string | null
  bin: string | null
  channelCode: string | null
}

/** Who may call a route: 'public', or the roles allowed. Every /api route must state it. */
export type Access = 'public' | readonly Role[]

export const STAFF_ROLES: readonly Role[] = ['officer', 'manager', 'analyst', 'admin']

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null
  }
  interface FastifyContextConfig {
    access?: Access
  }
}
