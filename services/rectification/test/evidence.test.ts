// Evidence attachments on both adapters (files; GridFS on FerretDB): a renamed executable, an oversize
// file, a 21st file, a path in the name → 4xx and nothing stored (the blob store's own storage is listed,
// not assumed), the order unchanged; downloads only for those who may see the order.
import { randomBytes } from 'node:crypto'
import t from 'tap'
import {
  API,
  client,
  DEPT_A,
  DEPT_B,
  elf,
  pdf,
  png,
  type Rectification,
  rectification,
  seedProblems,
} from './helpers.ts'

/** An order in `planned`, ready for evidence. */
async function planned(h: Rectification) {
  const api = client(h)
  const lead = h.as('dept_lead', DEPT_A, 'lead-a')
  const order = await api.issue(await seedProblems(h, 1))
  const ack = await api.act(order.orderId, 'acknowledge', lead, order.version)
  const plan = await api.act(order.orderId, 'plan', lead, ack.body.version, {
    measures: '整改措施',
    owner: '科长',
    plannedBy: '2026-03-10',
  })
  if (plan.status !== 200) throw new Error(`plan: ${plan.status}`)
  return { api, lead, orderId: order.orderId, version: plan.body.version as number }
}

for (const kind of ['embedded', 'distributed'] as const) {
  t.test(`${kind}: refused uploads store nothing and change nothing`, async (t) => {
    const h = await rectification(t, kind)
    const { api, lead, orderId, version } = await planned(h)
    const fields = { version: String(version), text: '整改证明' }

    const unchanged = async (why: string) => {
      t.same(await h.residue(), [], `${why}: nothing in the blob store`)
      const o = await api.get(`/orders/${orderId}`, lead)
      t.equal(o.body.version, version, `${why}: the order unchanged`)
      t.equal(o.body.status, 'planned')
      t.equal(o.body.attachmentCount, 0)
    }

    let res = await api.evidence(orderId, lead, fields, [
      { filename: 'ok.pdf', content: pdf() },
      { filename: 'report.pdf', content: elf(), contentType: 'application/pdf' },
    ])
    t.equal(res.status, 415, 'an executable named .pdf is refused by its content')
    t.equal(res.body.code, 'TJ_BLOB_CONTENT_REFUSED')
    await unchanged('renamed executable (after a good file)')

    const mz = Buffer.concat([Buffer.from('MZ'), randomBytes(512)])
    res = await api.evidence(orderId, lead, fields, [
      { filename: 'scan.png', content: mz, contentType: 'image/png' },
    ])
    t.equal(res.status, 415, 'a Windows program named .png')
    await unchanged('MZ header')

    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(11 * 1024 * 1024)])
    res = await api.evidence(orderId, lead, fields, [
      { filename: 'ok.pdf', content: pdf() },
      { filename: 'big.pdf', content: big },
    ])
    t.equal(res.status, 413, 'an 11 MB file')
    await unchanged('oversize file')

    for (const filename of ['../x.pdf', 'a/b.pdf', 'C:\\x.pdf', '..']) {
      res = await api.evidence(orderId, lead, fields, [{ filename, content: pdf() }])
      t.equal(res.status, 400, `a path in the name: ${filename}`)
      t.equal(res.body.code, 'TJ_BAD_FILE_NAME')
    }
    await unchanged('paths')

    const files21 = Array.from({ length: 21 }, (_, i) => ({
      filename: `p${i}.png`,
      content: png(),
      contentType: 'image/png',
    }))
    res = await api.evidence(orderId, lead, fields, files21)
    t.equal(res.status, 413, '21 files in one request')
    await unchanged('21 files at once')

    res = await api.evidence(orderId, lead, { text: '没有版本' }, [{ filename: 'ok.pdf', content: pdf() }])
    t.equal(res.status, 400, 'no version')
    res = await api.evidence(orderId, lead, { version: String(version - 1), text: 'x' }, [
      { filename: 'ok.pdf', content: pdf() },
    ])
    t.equal(res.status, 409, 'a stale version')
    await unchanged('missing or stale version')

    // 20 files are fine; after a send-back, a 21st for the same order is not
    res = await api.evidence(orderId, lead, fields, files21.slice(0, 20))
    t.equal(res.status, 200, '20 files')
    t.equal(res.body.attachmentCount, 20)
    const kept = await h.residue()
    t.ok(kept.length >= 20, 'the 20 files are stored')
    const back = await api.act(orderId, 'send-back', h.officer, res.body.version, {
      kind: 'evidence_insufficient',
      reason: '照片不清晰',
    })
    t.equal(back.status, 200)
    res = await api.evidence(orderId, lead, { version: String(back.body.version), text: '补充' }, [
      { filename: 'p21.png', content: png(), contentType: 'image/png' },
    ])
    t.equal(res.status, 413, 'a 21st file for the order')
    t.equal(res.body.code, 'TJ_TOO_MANY_ATTACHMENTS')
    t.same(await h.residue(), kept, 'nothing more stored')
    res = await api.evidence(orderId, lead, {
      version: String(back.body.version),
      text: '补充说明（无附件）',
    })
    t.equal(res.status, 200, 'evidence of text alone still fits')
  })
}

t.test('downloads: only for those who may see the order; uploads: only the department', async (t) => {
  const h = await rectification(t)
  const { api, lead, orderId, version } = await planned(h)
  const res = await api.evidence(orderId, lead, { version: String(version), text: '见附件' }, [
    { filename: '整改报告; v2 (final).pdf', content: pdf() },
  ])
  t.equal(res.status, 200)
  const url = res.body.evidence[0].attachments[0].url as string
  t.match(url, new RegExp(`^${API}/orders/${orderId}/evidence/ratt_`))

  const get = (headers: Record<string, string>) => h.app.inject({ method: 'GET', url, headers })
  const own = await get(lead)
  t.equal(own.statusCode, 200)
  t.equal(
    own.headers['content-disposition'],
    `attachment; filename="_____ v2 (final).pdf"; filename*=UTF-8''${'%E6%95%B4%E6%94%B9%E6%8A%A5%E5%91%8A'}%3B%20v2%20%28final%29.pdf`,
    'a safe name: an ASCII fallback and the UTF-8 name encoded (RFC 6266)',
  )
  t.equal((await get(h.as('supervisor'))).statusCode, 200, 'a supervisor reads')
  t.equal((await get(h.as('dept_lead', DEPT_B))).statusCode, 404, "another department's lead: as if absent")
  t.equal((await get(h.as('handler', DEPT_B))).statusCode, 404, "another department's handler")
  t.equal((await get(h.as('callback_agent'))).statusCode, 403, 'a role that may not')
  t.equal((await get({})).statusCode, 401, 'no token')
  const missing = await h.app.inject({
    method: 'GET',
    url: `${API}/orders/${orderId}/evidence/ratt_01900000-0000-7000-8000-000000000000`,
    headers: lead,
  })
  t.equal(missing.statusCode, 404, 'an unknown attachment')

  t.equal(
    h.lines.filter((l) => l.includes('整改报告') || l.includes('final')).length,
    0,
    'file names never reach the log',
  )
  t.ok(
    h.lines.some((l) => l.includes('attachment downloaded')),
    'the download itself is logged (by ids)',
  )

  const other = await api.evidence(orderId, h.as('handler', DEPT_B), { version: '1', text: 'x' }, [
    { filename: 'x.pdf', content: pdf() },
  ])
  t.equal(other.status, 404, "another department's handler cannot upload")
  const officer = await api.evidence(orderId, h.officer, { version: '1', text: 'x' })
  t.equal(officer.status, 403, 'an officer does not submit evidence')
})
