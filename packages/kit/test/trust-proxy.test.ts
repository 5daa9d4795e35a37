// Whose X-Forwarded-For a service believes: nobody's, anybody's, or only the named proxies'.
import t from 'tap'
import { ConfigError, loadConfig, ServerConfig, trustProxyOf } from '../src/index.ts'

const config = (env: Record<string, string>) => loadConfig(ServerConfig, { PORT: '3001', ...env })

t.test('TRUST_PROXY alone, TRUSTED_PROXIES precise', async (t) => {
  t.equal(trustProxyOf(config({})), false, 'by default the peer is the client')
  t.equal(trustProxyOf(config({ TRUST_PROXY: 'true' })), true)
  t.same(trustProxyOf(config({ TRUSTED_PROXIES: '172.28.0.10' })), ['172.28.0.10'], 'implies TRUST_PROXY')
  t.same(trustProxyOf(config({ TRUST_PROXY: 'true', TRUSTED_PROXIES: 'loopback,10.0.0.0/8, ::1' })), [
    'loopback',
    '10.0.0.0/8',
    '::1',
  ])
  t.throws(() => config({ TRUSTED_PROXIES: '10.0.0.1; rm -rf' }), ConfigError, 'only addresses and names')
})
