// The command line of `pnpm bench` and the parameters of a run: full (the default) or --quick.

export const SCENARIOS = ['intake', 'endToEnd', 'catchUp', 'memory', 'hotline', 'polls'] as const
export type Scenario = (typeof SCENARIOS)[number]
export const ADAPTERS = ['distributed', 'embedded'] as const
export type Adapter = (typeof ADAPTERS)[number]

export interface Params {
  quick: boolean
  scenarios: Scenario[]
  adapters: Adapter[]
  /** Write a CPU profile of every service process into bench/results/profiles. */
  profile: boolean
  /** Diagnosis: catchUp with tracking's outbox relay asleep, to tell the consumer's cost from the relay's. */
  noRelay: boolean
  /** Where the JSON results go. */
  out: string
  intake: {
    /** Measured rounds per side (ours, baseline), alternating. */
    rounds: number
    roundSeconds: number
    warmupSeconds: number
    connections: number
    /** Longest wait, after a round of ours, for the outbox relay to publish what was acknowledged. */
    drainTimeoutSeconds: number
  }
  endToEnd: {
    rates: number[]
    stepSeconds: number
    /** A case readable later than this after its 201 counts as not delivered. */
    deadlineSeconds: number
  }
  catchUp: {
    events: number
    /** Longest the tracking service may take to apply them all. */
    timeoutSeconds: number
    insertManyBatch: number
  }
  memory: {
    idleSeconds: number
    loadSeconds: number
    /** Letters per second of the intake load (open loop). */
    rate: number
  }
  hotline: {
    /** Measured rounds per side (ours, baseline), alternating, of incoming-call webhooks. */
    rounds: number
    roundSeconds: number
    warmupSeconds: number
    connections: number
    /** Calls pre-signed per round (each its own CallSid): a round also ends when they are used up. */
    maxCallsPerRound: number
    /** Longest wait, after a round of ours, for the outbox relay to publish the calls' events. */
    drainTimeoutSeconds: number
    /** Calls logged one at a time and measured from hotline.call-logged to the case readable. */
    loggedCalls: number
    /** Logged first and not measured (the consumer's first fetch, the topic's creation). */
    warmupLogged: number
    /** The logged calls stop after this many seconds, however many were measured. */
    loggedSecondsMax: number
    /** A case not readable this long after its log counts as not readable. */
    deadlineSeconds: number
  }
  polls: {
    /** Measured rounds per side (ours, baseline), alternating, of ballots. */
    rounds: number
    roundSeconds: number
    warmupSeconds: number
    connections: number
    /** Ballots (voters verified through the service) prepared per round of ours: a round also ends when they are used up. */
    maxBallotsPerRound: number
    /** Ballots (tokens signed directly: the baseline has no verification) per round of the baseline. */
    baselineBallotsPerRound: number
    /** Ballots of the warm-up (also prepared voters). */
    warmupBallots: number
    /** Longest the verification of every voter through the service may take (before the rounds). */
    prepareSecondsMax: number
    /** Longest wait, after a round of ours, for the outbox relay to publish the ballots' events. */
    drainTimeoutSeconds: number
  }
}

const FULL: Omit<Params, 'quick' | 'scenarios' | 'adapters' | 'profile' | 'noRelay' | 'out'> = {
  intake: { rounds: 3, roundSeconds: 20, warmupSeconds: 5, connections: 16, drainTimeoutSeconds: 120 },
  endToEnd: { rates: [50, 200, 500], stepSeconds: 60, deadlineSeconds: 10 },
  catchUp: { events: 100_000, timeoutSeconds: 1_800, insertManyBatch: 1_000 },
  memory: { idleSeconds: 10, loadSeconds: 30, rate: 100 },
  hotline: {
    rounds: 3,
    roundSeconds: 20,
    warmupSeconds: 5,
    connections: 16,
    maxCallsPerRound: 100_000,
    drainTimeoutSeconds: 120,
    loggedCalls: 200,
    warmupLogged: 5,
    loggedSecondsMax: 300,
    deadlineSeconds: 30,
  },
  polls: {
    rounds: 3,
    roundSeconds: 20,
    warmupSeconds: 5,
    connections: 16,
    maxBallotsPerRound: 16_000,
    baselineBallotsPerRound: 100_000,
    warmupBallots: 3_000,
    prepareSecondsMax: 900,
    drainTimeoutSeconds: 120,
  },
}

const QUICK: typeof FULL = {
  intake: { rounds: 2, roundSeconds: 5, warmupSeconds: 2, connections: 16, drainTimeoutSeconds: 60 },
  endToEnd: { rates: [10, 40, 100], stepSeconds: 5, deadlineSeconds: 10 },
  catchUp: { events: 2_000, timeoutSeconds: 300, insertManyBatch: 1_000 },
  memory: { idleSeconds: 3, loadSeconds: 5, rate: 50 },
  hotline: {
    rounds: 2,
    roundSeconds: 5,
    warmupSeconds: 2,
    connections: 16,
    maxCallsPerRound: 30_000,
    drainTimeoutSeconds: 60,
    loggedCalls: 40,
    warmupLogged: 3,
    loggedSecondsMax: 120,
    deadlineSeconds: 30,
  },
  polls: {
    rounds: 2,
    roundSeconds: 5,
    warmupSeconds: 2,
    connections: 16,
    maxBallotsPerRound: 5_000,
    baselineBallotsPerRound: 20_000,
    warmupBallots: 1_000,
    prepareSecondsMax: 120,
    drainTimeoutSeconds: 60,
  },
}

const USAGE = `usage: pnpm bench [--quick] [--only ${SCENARIOS.join(',')}] [--adapters ${ADAPTERS.join(',')}]
                  [--profile] [--no-relay] [--out bench/results/latest.json]
                  [--rounds N] [--round-seconds S] [--connections N]
                  [--rates 50,200,500] [--step-seconds S] [--deadline-seconds S]
                  [--events N] [--memory-rate N]
                  [--hotline-connections N] [--logged-calls N]
                  [--polls-connections N] [--ballots-per-round N]`

export class UsageError extends Error {}

function list<T extends string>(value: string, allowed: readonly T[], what: string): T[] {
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  for (const item of items) {
    if (!(allowed as readonly string[]).includes(item)) {
      throw new UsageError(`unknown ${what} "${item}" (one of ${allowed.join(', ')})`)
    }
  }
  return items as T[]
}

function positive(name: string, value: string | undefined): number {
  const n = Number(value)
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${name} needs a positive number`)
  return n
}

export function parseArgs(argv: readonly string[]): Params {
  const quick = argv.includes('--quick')
  const base = structuredClone(quick ? QUICK : FULL)
  const params: Params = {
    quick,
    scenarios: [...SCENARIOS],
    adapters: [...ADAPTERS],
    profile: false,
    noRelay: false,
    out: 'bench/results/latest.json',
    ...base,
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const value = () => {
      const v = argv[++i]
      if (v === undefined) throw new UsageError(`${arg} needs a value`)
      return v
    }
    switch (arg) {
      case '--quick':
        break
      case '--only':
        params.scenarios = list(value(), SCENARIOS, 'scenario')
        break
      case '--adapters':
        params.adapters = list(value(), ADAPTERS, 'adapter')
        break
      case '--profile':
        params.profile = true
        break
      case '--no-relay':
        params.noRelay = true
        break
      case '--out':
        params.out = value()
        break
      case '--rounds':
        params.intake.rounds = Math.ceil(positive(arg, value()))
        break
      case '--round-seconds':
        params.intake.roundSeconds = positive(arg, value())
        break
      case '--connections':
        params.intake.connections = Math.ceil(positive(arg, value()))
        break
      case '--rates':
        params.endToEnd.rates = value()
          .split(',')
          .map((r) => positive('--rates', r))
        break
      case '--step-seconds':
        params.endToEnd.stepSeconds = positive(arg, value())
        break
      case '--deadline-seconds':
        params.endToEnd.deadlineSeconds = positive(arg, value())
        break
      case '--events':
        params.catchUp.events = Math.ceil(positive(arg, value()))
        break
      case '--hotline-connections':
        params.hotline.connections = Math.ceil(positive(arg, value()))
        break
      case '--logged-calls':
        params.hotline.loggedCalls = Math.ceil(positive(arg, value()))
        break
      case '--polls-connections':
        params.polls.connections = Math.ceil(positive(arg, value()))
        break
      case '--ballots-per-round':
        params.polls.maxBallotsPerRound = Math.ceil(positive(arg, value()))
        break
      case '--memory-rate':
        params.memory.rate = positive(arg, value())
        break
      case '--help':
      case '-h':
        throw new UsageError(USAGE)
      default:
        throw new UsageError(`unknown argument ${arg}\n${USAGE}`)
    }
  }
  return params
}
