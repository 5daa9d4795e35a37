// The web app's API types, generated from the services' own OpenAPI documents (GET /openapi.json of each):
// every service is built in-process on throw-away embedded adapters, as the single-machine run assembles
// them (services/platform), never listening; openapi-typescript turns each document into ui/api/generated/
// <service>.ts. `node --import tsx scripts/api-types.ts` (or `pnpm --filter @tingjian/web api-types`)
// writes the files; test/api-types.test.ts fails when they are stale.
//
// The platform depends on this package (its gateway), so it is reached by path here, not as a dependency.
import { spawnSync } from 'node:child_process'
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createLogger, FieldCipher, generateFieldKeys, loadAdapterConfig, systemClock } from '@tingjian/kit'
import openapiTS, { astToString } from 'openapi-typescript'
import { SERVICES, type ServiceName, startPlatform } from '../../platform/src/platform.ts'

export const GENERATED_DIR = fileURLToPath(new URL('../ui/api/generated/', import.meta.url))
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url))
/** The repository's formatter (a root dev dependency), so that the files pass `pnpm lint` as written. */
const BIOME = join(REPO_ROOT, 'node_modules', '.bin', 'biome')

function format(name: string, text: string): string {
  const out = spawnSync(BIOME, ['format', `--stdin-file-path=${join(GENERATED_DIR, name)}`], {
    cwd: REPO_ROOT,
    input: text,
    encoding: 'utf8',
  })
  if (out.status !== 0) throw new Error(`biome format ${name} failed: ${out.stderr}`)
  return out.stdout
}

const HEADER = (service: string) =>
  `// Generated from the ${service} service's OpenAPI document by services/web/scripts/api-types.ts — do not\n// edit: run \`pnpm --filter @tingjian/web api-types\` after changing a route's schema.\n`

/** The OpenAPI document of every service, as each serves it at /openapi.json. */
export async function openApiDocuments(): Promise<Record<ServiceName, unknown>> {
  const dir = await mkdtemp(join(tmpdir(), 'tj-api-types-'))
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  const platform = await startPlatform({
    adapters: loadAdapterConfig({ DATA_DIR: dir }),
    logger: createLogger({ level: 'silent' }),
    clock: systemClock,
    jwt: {
      publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      issuer: 'tingjian-identity',
      audience: 'tingjian',
    },
    piiKey: randomBytes(32).toString('base64url'),
    cipher: FieldCipher.fromConfig(generateFieldKeys('api-types')),
    mailboxSecret: randomBytes(32),
    smtp: { host: '127.0.0.1', port: 1, from: 'noreply@tingjian.localhost' },
    webUrl: 'http://localhost:3000',
    escalationIntervalMs: 0,
    // the hotline on the simulator (its documents are the same on either provider)
    telephony: {
      publicBaseUrl: 'http://localhost:3000',
      simulatorToken: randomBytes(32).toString('base64url'),
    },
  })
  try {
    const docs = {} as Record<ServiceName, unknown>
    for (const name of SERVICES) {
      const res = await platform.apps[name].inject({ method: 'GET', url: '/openapi.json' })
      if (res.statusCode !== 200) throw new Error(`${name}: GET /openapi.json answered ${res.statusCode}`)
      docs[name] = res.json()
    }
    return docs
  } finally {
    await platform.close()
    await rm(dir, { recursive: true, force: true })
  }
}

/** The generated files: name → content. */
export async function generateApiTypes(docs?: Record<ServiceName, unknown>): Promise<Record<string, string>> {
  docs ??= await openApiDocuments()
  const files: Record<string, string> = {}
  for (const name of SERVICES) {
    const ast = await openapiTS(docs[name] as Parameters<typeof openapiTS>[0], { alphabetize: true })
    files[`${name}.ts`] = format(`${name}.ts`, HEADER(name) + astToString(ast))
  }
  return files
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = await generateApiTypes()
  for (const [name, content] of Object.entries(files)) await writeFile(join(GENERATED_DIR, name), content)
  console.log(`api-types: wrote ${Object.keys(files).join(', ')} to ${GENERATED_DIR}`)
}
