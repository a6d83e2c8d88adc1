import { type Static, Type } from '@sinclair/typebox'

const L = Type.Literal

export const MatchPart = Type.Object({
  part: Type.Union([L('occupation'), L('skills'), L('experience'), L('region'), L('wage')]),
  points: Type.Integer({ minimum: 0 }),
  max: Type.Integer({ minimum: 0 }),
  reason: Type.String({ description: 'why these points, in words the employer can check' }),
})

export const Match = Type.Object(
  {
    score: Type.Integer({ minimum: 0, maximum: 100 }),
    parts: Type.Array(MatchPart, {
      description: 'occupation, skills, experience, region, wage: the score is their sum',
    }),
  },
  { description: "how well the seeker's profile fits the vacancy" },
)
export type Match = Static<typeof Match>
