import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import type { Db } from '../../db/client.js'
import type { Principal } from '../../shared/auth.js'
import {
  bookSlot,
  cancelBooking,
  decideBooth,
  joinFair,
  joinQueue,
  listBoothApplicants,
  listFairBooths,
  listMessages,
  listMyBookings,
  listSlots,
  listThreads,
  openSlot,
  readQueuePlace,
  sendMessage,
  serveNextInQueue,
} from './booth.service.js'
import {
  Booking,
  BookingParams,
  Booth,
  BoothApplicant,
  BoothDecision,
  BoothParams,
  Eligibility,
  Fair,
  FairApplication,
  FairId,
  FairNotification,
  FairState,
  FairVacancyParams,
  Funnel,
  JoinFair,
  Message,
  NewFair,
  NewFairApplication,
  NewMessage,
  NewSlot,
  NotificationId,
  QueuePlace,
  QueueServed,
  Registration,
  Slot,
  SlotParams,
  Thread,
  ThreadQuery,
  Visit,
} from './fair.schema.js'
import { createFair, listFairs, readFair } from './fair.service.js'
import { readFunnel, recordVisit } from './funnel.service.js'
import { listMyFairNotifications, readFairNotification } from './notification.service.js'
import { applyAtFair, readMyEligibility, readMyRegistration, registerForFair } from './seeker.service.js'

const who = (req: { principal: Principal | null }) => req.principal as Principal
const tags = ['fairs']
const pub = { access: 'public' as const }
const items = <T extends Parameters<typeof Type.Array>[0]>(t: T) => Type.Object({ items: Type.Array(t) })

/** Every fair route, under the prefix the app gives (/api). */
export const fairRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/fairs',
    {
      config: pub,
      schema: {
        tags,
        summary: 'Fairs, newest first',
        querystring: Type.Object({ state: Type.Optional(FairState) }),
        response: { 200: items(Fair) },
      },
    },
    async (req) => ({ items: await listFairs(db, req.query.state) }),
  )

  app.post(
    '/fairs',
    {
      config: { access: ['officer', 'admin'] },
      schema: {
        tags,
        summary: 'Organise a fair: window, target group rules, optional monthly recurrence',
        body: NewFair,
        response: { 201: Fair },
      },
    },
    async (req, reply) => reply.code(201).send(await createFair(db, who(req), req.body)),
  )

  app.get(
    '/fairs/:id',
    { config: pub, schema: { tags, summary: 'One fair', params: FairId, response: { 200: Fair } } },
    async (req) => readFair(db, req.params.id),
  )

  app.post(
    '/fairs/:id/visits',
    {
      config: pub,
      schema: {
        tags,
        summary: 'Count a page view of the fair or of one booth (the funnel’s visitors)',
        params: FairId,
        body: Type.Optional(Visit),
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await recordVisit(db, req.params.id, req.body?.boothId)
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/fairs/:id/funnel',
    {
      config: pub,
      schema: {
        tags,
        summary: 'The funnel by employer, region and vacancy: public once closed, live for the organiser',
        params: FairId,
        response: { 200: Funnel },
      },
    },
    async (req) => readFunnel(db, req.principal, req.params.id),
  )

  // ---- employers and booths

  app.get(
    '/fairs/:id/booths',
    {
      config: pub,
      schema: {
        tags,
        summary: 'Approved booths with their vacancies (the organiser sees pending ones too)',
        params: FairId,
        response: { 200: items(Booth) },
      },
    },
    async (req) => ({ items: await listFairBooths(db, req.principal, req.params.id) }),
  )

  app.post(
    '/fairs/:id/booths',
    {
      config: { access: ['employer'] },
      schema: {
        tags,
        summary: 'Join the fair with my vacancies (existing or fair-only); the organiser approves the booth',
        params: FairId,
        body: JoinFair,
        response: { 201: Booth },
      },
    },
    async (req, reply) => reply.code(201).send(await joinFair(db, who(req), req.params.id, req.body.vacancyIds)),
  )

  app.post(
    '/fairs/:id/booths/:boothId/decision',
    {
      config: { access: ['officer', 'admin'] },
      schema: {
        tags,
        summary: 'The organiser approves or refuses (with a reason) a booth',
        params: BoothParams,
        body: BoothDecision,
        response: { 200: Booth },
      },
    },
    async (req) => decideBooth(db, who(req), req.params.id, req.params.boothId, req.body),
  )

  // ---- seekers

  app.get(
    '/fairs/:id/eligibility',
    {
      config: { access: ['citizen'] },
      schema: {
        tags,
        summary: 'Whether I belong to the fair’s target group, with every reason',
        params: FairId,
        response: { 200: Eligibility },
      },
    },
    async (req) => readMyEligibility(db, who(req), req.params.id),
  )

  app.post(
    '/fairs/:id/registrations',
    {
      config: { access: ['citizen'] },
      schema: {
        tags,
        summary: 'Register for the fair (eligibility is checked); registering again returns the registration',
        params: FairId,
        response: { 201: Registration },
      },
    },
    async (req, reply) => reply.code(201).send(await registerForFair(db, who(req), req.params.id)),
  )

  app.get(
    '/fairs/:id/registrations/mine',
    {
      config: { access: ['citizen'] },
      schema: {
        tags,
        summary: 'My registration for the fair (404 when I have not registered)',
        params: FairId,
        response: { 200: Registration },
      },
    },
    async (req) => readMyRegistration(db, who(req), req.params.id),
  )

  app.post(
    '/fairs/:id/vacancies/:vacancyId/applications',
    {
      config: { access: ['citizen'] },
      schema: {
        tags,
        summary: 'Apply to a fair vacancy (eligibility checked again); the exchange keeps every step',
        params: FairVacancyParams,
        body: NewFairApplication,
        response: { 201: FairApplication },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await applyAtFair(db, who(req), req.params.id, req.params.vacancyId, req.body)),
  )

  // ---- interview slots

  app.get(
    '/fairs/:id/booths/:boothId/slots',
    {
      config: pub,
      schema: { tags, summary: 'A booth’s interview slots', params: BoothParams, response: { 200: items(Slot) } },
    },
    async (req) => ({ items: await listSlots(db, req.principal, req.params.id, req.params.boothId) }),
  )

  app.post(
    '/fairs/:id/booths/:boothId/slots',
    {
      config: { access: ['employer'] },
      schema: {
        tags,
        summary: 'Open an online interview slot at my booth (no two slots of a booth overlap)',
        params: BoothParams,
        body: NewSlot,
        response: { 201: Slot },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await openSlot(db, who(req), req.params.id, req.params.boothId, req.body)),
  )

  app.post(
    '/fairs/:id/slots/:slotId/bookings',
    {
      config: { access: ['citizen'] },
      schema: {
        tags,
        summary: 'Book an interview slot: one seeker per slot, no seeker in two overlapping slots',
        params: SlotParams,
        response: { 201: Booking },
      },
    },
    async (req, reply) => reply.code(201).send(await bookSlot(db, who(req), req.params.id, req.params.slotId)),
  )

  app.get(
    '/fairs/:id/my-bookings',
    {
      config: { access: ['citizen'] },
      schema: { tags, summary: 'My booked interviews at the fair', params: FairId, response: { 200: items(Booking) } },
    },
    async (req) => ({ items: await listMyBookings(db, who(req), req.params.id) }),
  )

  app.delete(
    '/fairs/:id/bookings/:bookingId',
    {
      config: { access: ['citizen'] },
      schema: {
        tags,
        summary: 'Cancel my booked interview (frees the slot); an interview that has begun cannot be cancelled',
        params: BookingParams,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await cancelBooking(db, who(req), req.params.id, req.params.bookingId)
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/fairs/:id/booths/:boothId/applicants',
    {
      config: { access: ['employer'] },
      schema: {
        tags,
        summary: 'My booth’s applicants at the fair, best match first, with their booked interviews',
        params: BoothParams,
        response: { 200: items(BoothApplicant) },
      },
    },
    async (req) => ({ items: await listBoothApplicants(db, who(req), req.params.id, req.params.boothId) }),
  )

  app.get(
    '/me/fair-notifications',
    {
      config: { access: ['citizen'] },
      schema: {
        tags,
        summary:
          'My fair notices, newest first: registration confirmed, interview booked, cancelled, reminded (decisions on applications are in /me/notifications)',
        response: { 200: items(FairNotification) },
      },
    },
    async (req) => ({ items: await listMyFairNotifications(db, who(req)) }),
  )

  app.post(
    '/me/fair-notifications/:notificationId/read',
    {
      config: { access: ['citizen'] },
      schema: { tags, summary: 'Mark my fair notice read', params: NotificationId, response: { 204: Type.Null() } },
    },
    async (req, reply) => {
      await readFairNotification(db, who(req), req.params.notificationId)
      return reply.code(204).send(null)
    },
  )

  // ---- the booth's queue

  app.post(
    '/fairs/:id/booths/:boothId/queue',
    {
      config: { access: ['citizen'] },
      schema: { tags, summary: 'Join a booth’s queue', params: BoothParams, response: { 200: QueuePlace } },
    },
    async (req) => joinQueue(db, who(req), req.params.id, req.params.boothId),
  )

  app.get(
    '/fairs/:id/booths/:boothId/queue',
    {
      config: { access: ['citizen'] },
      schema: { tags, summary: 'My place in a booth’s queue', params: BoothParams, response: { 200: QueuePlace } },
    },
    async (req) => readQueuePlace(db, who(req), req.params.id, req.params.boothId),
  )

  app.post(
    '/fairs/:id/booths/:boothId/queue/next',
    {
      config: { access: ['employer'] },
      schema: {
        tags,
        summary: 'Call the next seeker in my booth’s queue',
        params: BoothParams,
        response: { 200: QueueServed },
      },
    },
    async (req) => serveNextInQueue(db, who(req), req.params.id, req.params.boothId),
  )

  // ---- messages

  app.post(
    '/fairs/:id/booths/:boothId/messages',
    {
      config: { access: ['citizen', 'employer'] },
      schema: {
        tags,
        summary: 'Write between a booth and a seeker (the booth names the seeker by registrationId)',
        params: BoothParams,
        body: NewMessage,
        response: { 201: Message },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await sendMessage(db, who(req), req.params.id, req.params.boothId, req.body)),
  )

  app.get(
    '/fairs/:id/booths/:boothId/messages',
    {
      config: { access: ['citizen', 'employer'] },
      schema: {
        tags,
        summary: 'A conversation between a booth and one seeker, oldest first',
        params: BoothParams,
        querystring: ThreadQuery,
        response: { 200: items(Message) },
      },
    },
    async (req) => ({
      items: await listMessages(db, who(req), req.params.id, req.params.boothId, req.query.registrationId),
    }),
  )

  app.get(
    '/fairs/:id/booths/:boothId/threads',
    {
      config: { access: ['employer'] },
      schema: { tags, summary: 'My booth’s conversations', params: BoothParams, response: { 200: items(Thread) } },
    },
    async (req) => ({ items: await listThreads(db, who(req), req.params.id, req.params.boothId) }),
  )
}
