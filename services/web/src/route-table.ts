// Which service owns which part of the HTTP API. The gateway proxies `/api/v1/<prefix>` and everything
// below it to the owner; any other path under /api is a 404 problem. Add a row when a service lands (or a
// service adds a prefix: test/api-types.test.ts checks every path of every service's OpenAPI document).

export const UPSTREAMS = [
  'identity',
  'mailbox',
  'tracking',
  'notifications',
  'calendar',
  'hotline',
  'polls',
  'callbacks',
  'rectification',
] as const
export type Upstream = (typeof UPSTREAMS)[number]

/** Base URLs of the services, e.g. `{ identity: 'http://identity:3001', … }`. */
export type UpstreamUrls = Record<Upstream, string>

export const ROUTE_TABLE: ReadonlyArray<{ prefix: string; upstream: Upstream }> = [
  { prefix: '/api/v1/auth', upstream: 'identity' },
  { prefix: '/api/v1/me', upstream: 'identity' },
  { prefix: '/api/v1/departments', upstream: 'identity' },
  { prefix: '/api/v1/users', upstream: 'identity' },
  { prefix: '/api/v1/mailbox', upstream: 'mailbox' },
  { prefix: '/api/v1/cases', upstream: 'tracking' },
  { prefix: '/api/v1/audit', upstream: 'tracking' },
  { prefix: '/api/v1/public', upstream: 'tracking' },
  { prefix: '/api/v1/stats', upstream: 'tracking' },
  { prefix: '/api/v1/notifications', upstream: 'notifications' },
  { prefix: '/api/v1/calendar', upstream: 'calendar' },
  { prefix: '/api/v1/hotline', upstream: 'hotline' },
  { prefix: '/api/v1/polls', upstream: 'polls' },
  { prefix: '/api/v1/callbacks', upstream: 'callbacks' },
  { prefix: '/api/v1/rectification', upstream: 'rectification' },
]
