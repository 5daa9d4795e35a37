// The callback policy as the API reads and replaces it.
import Type, { type Static } from 'typebox'
import { ClockTime, Nullable, Rate, ServiceType } from './common.ts'

const Window = Type.Object({ from: ClockTime, to: ClockTime }, { additionalProperties: false })
const RateMap = (key: string) =>
  Type.Record(Type.String({ minLength: 1, maxLength: 200, pattern: key }), Rate, { maxProperties: 2000 })

export const PolicyBody = Type.Object(
  {
    version: Type.Optional(
      Type.Integer({ minimum: 0, description: 'the version read (0: the defaults, nothing stored yet)' }),
    ),
    seed: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$' }),
    cases: Type.Object(
      {
        categoryRates: Type.Object(
          {
            complaint: Type.Optional(Rate),
            report: Type.Optional(Rate),
            suggestion: Type.Optional(Rate),
            consultation: Type.Optional(Rate),
            praise: Type.Optional(Rate),
          },
          { additionalProperties: false },
        ),
        dissatisfiedRate: Rate,
        departmentRates: RateMap('^[A-Za-z0-9_.:-]+$'),
        defaultRate: Rate,
        reopenOnDissatisfied: Type.Boolean(),
      },
      { additionalProperties: false },
    ),
    serviceRecords: Type.Object(
      {
        rates: RateMap('^[^|]{1,100}\\|[a-z_]{1,40}$'),
        defaultRate: Rate,
      },
      { additionalProperties: false, description: 'rates per stratum `<office>|<serviceType>`' },
    ),
    callingHours: Type.Array(Window, { minItems: 1, maxItems: 6 }),
    automated: Type.Object(
      {
        serviceTypes: Type.Array(ServiceType, { maxItems: 100, uniqueItems: true }),
        subjectKinds: Type.Array(Type.Enum(['case', 'service_record']), { maxItems: 2, uniqueItems: true }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
)
export type PolicyBody = Static<typeof PolicyBody>

const { version: _v, ...policyFields } = PolicyBody.properties
export const PolicyView = Type.Object({
  ...policyFields,
  /** 0: the defaults (nothing stored yet). */
  version: Type.Integer({ minimum: 0 }),
  updatedAt: Nullable(Type.String()),
  updatedBy: Nullable(Type.String()),
})
