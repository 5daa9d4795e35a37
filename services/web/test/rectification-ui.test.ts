// The rectification pages' own rules, before anything is sent: which evidence files the page refuses (by
// content, size, count and name, as the issue states them: PDF, JPEG, PNG and DOCX only, checked by their
// content, at most 10 MB each and 20 per order, a path in the name refused), and which order actions it
// offers whom at which status (from the design's table of who may do what; the service decides again).
import t from 'tap'
import { badFileName, checkEvidenceFiles, sniffKind } from '../ui/lib/evidence.ts'
import { orderActions } from '../ui/lib/rect-actions.ts'

const bytes = (...parts: Array<string | number[]>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)))

const PDF = bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n%%EOF\n')
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'IHDR')
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF')
const DOCX = bytes([0x50, 0x4b, 0x03, 0x04], '....[Content_Types].xml....word/document.xml....')
const DOCM = bytes([0x50, 0x4b, 0x03, 0x04], '[Content_Types].xml word/document.xml word/vbaProject.bin')
const ZIP = bytes([0x50, 0x4b, 0x03, 0x04], 'readme.txt')
const ELF = bytes([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01])
const MZ = bytes('MZ\x90\x00\x03')

t.test('the kind of a file is read from its bytes', async (t) => {
  t.equal(sniffKind(PDF, new Uint8Array()), 'pdf')
  t.equal(sniffKind(PNG, new Uint8Array()), 'png')
  t.equal(sniffKind(JPEG, new Uint8Array()), 'jpeg')
  t.equal(sniffKind(DOCX, new Uint8Array()), 'docx')
  t.equal(sniffKind(DOCM, new Uint8Array()), null, 'a macro-enabled document is refused')
  t.equal(sniffKind(ZIP, new Uint8Array()), null, 'a plain ZIP is refused')
  t.equal(sniffKind(ELF, new Uint8Array()), null, 'an executable is refused')
  t.equal(sniffKind(MZ, new Uint8Array()), null, 'a Windows executable is refused')
  t.equal(sniffKind(new Uint8Array(), new Uint8Array()), null, 'an empty file is refused')
})

t.test('a file name with a path is refused, not cut', async (t) => {
  for (const name of ['../x.pdf', 'a/b.pdf', 'C:\\x.pdf', 'C:x.pdf', '..\\..\\x.pdf', 'a\u0000.pdf', ''])
    t.ok(badFileName(name), JSON.stringify(name))
  for (const name of ['整改报告.pdf', 'photo 1.JPG', 'x..y.docx', '.hidden.png'])
    t.notOk(badFileName(name), name)
})

t.test('the page refuses a renamed executable, an oversize file, a 21st file and a path', async (t) => {
  const file = (content: Uint8Array, name: string) => new File([content], name)
  t.same(
    await checkEvidenceFiles(
      [file(PDF, '报告.pdf'), file(PNG, 'a.png'), file(JPEG, 'b.jpg'), file(DOCX, 'c.docx')],
      0,
    ),
    [],
  )
  t.same(
    await checkEvidenceFiles([file(MZ, 'report.pdf')], 0),
    [{ code: 'type', name: 'report.pdf' }],
    'by content, not name',
  )
  const big = new Uint8Array(10 * 1024 * 1024 + 1)
  big.set(PDF)
  t.same(
    await checkEvidenceFiles([file(big, 'big.pdf')], 0),
    [{ code: 'size', name: 'big.pdf' }],
    '10 MB + 1 byte',
  )
  const exact = new Uint8Array(10 * 1024 * 1024)
  exact.set(PDF)
  t.same(await checkEvidenceFiles([file(exact, 'ten.pdf')], 0), [], 'exactly 10 MB is allowed')
  t.same(await checkEvidenceFiles([file(PDF, '21.pdf')], 20), [{ code: 'count', allowed: 0 }], 'a 21st file')
  t.same(await checkEvidenceFiles([file(PDF, 'x.pdf'), file(PDF, 'y.pdf')], 19), [
    { code: 'count', allowed: 1 },
  ])
  t.same(await checkEvidenceFiles([file(PDF, '20.pdf')], 19), [], 'the 20th file')
  t.same(await checkEvidenceFiles([file(PDF, '../x.pdf')], 0), [{ code: 'name', name: '../x.pdf' }])
  t.same(await checkEvidenceFiles([file(new Uint8Array(), 'empty.pdf')], 0), [
    { code: 'empty', name: 'empty.pdf' },
  ])
})

// Who may do what (the design's table): acknowledge — the responsible department's lead; plan and evidence
// — its lead or handler; verify, send back, close, re-check — discipline officers; nobody else acts.
const DEPT = 'dept-exit-entry'
const OTHER = 'dept-traffic'
const officer = { roles: ['discipline_officer'], departmentId: 'dept-discipline' }
const lead = { roles: ['dept_lead'], departmentId: DEPT }
const handler = { roles: ['handler'], departmentId: DEPT }
const otherLead = { roles: ['dept_lead'], departmentId: OTHER }
const otherHandler = { roles: ['handler'], departmentId: OTHER }
const supervisor = { roles: ['supervisor'], departmentId: 'dept-office' }
const admin = { roles: ['admin'], departmentId: 'dept-office' }
const order = (status: string, recheckAt: string | null = null) => ({
  status,
  departmentId: DEPT,
  recheckAt,
})

t.test('the actions offered: role × status, from the table', async (t) => {
  const table: Array<[string, Record<string, string[]>]> = [
    ['issued', { lead: ['acknowledge'] }],
    ['acknowledged', { lead: ['plan'], handler: ['plan'] }],
    ['planned', { lead: ['evidence'], handler: ['evidence'] }],
    ['evidence_submitted', { officer: ['verify', 'send-back'] }],
    ['verified', { officer: ['close'] }],
    ['closed', {}],
  ]
  const who = { officer, lead, handler, otherLead, otherHandler, supervisor, admin }
  for (const [status, allowed] of table) {
    for (const [name, user] of Object.entries(who)) {
      t.same(orderActions(order(status), user), allowed[name] ?? [], `${status} × ${name}`)
    }
  }
  t.same(
    orderActions(order('closed', '2026-06-01T09:30:00.000Z'), officer),
    ['recheck'],
    're-check when one is due',
  )
  t.same(orderActions(order('closed', '2026-06-01T09:30:00.000Z'), lead), [])
})
