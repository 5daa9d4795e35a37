// Minimal MongoDB wire-protocol readiness probe with no dependencies (node:net only).
// Sends OP_MSG { ping: 1, $db: "admin" } and exits 0 when the reply says ok: 1.
// Usage: node infra/lib/mongo-ping.mjs [host] [port] [timeoutMs]
import net from 'node:net'

const host = process.argv[2] ?? '127.0.0.1'
const port = Number(process.argv[3] ?? 27017)
const timeoutMs = Number(process.argv[4] ?? 3000)

function cstring(s) {
  return Buffer.concat([Buffer.from(s, 'utf8'), Buffer.from([0])])
}

function bsonDoc() {
  const ping = Buffer.concat([Buffer.from([0x10]), cstring('ping'), int32(1)])
  const dbName = cstring('admin')
  const db = Buffer.concat([Buffer.from([0x02]), cstring('$db'), int32(dbName.length), dbName])
  const body = Buffer.concat([ping, db, Buffer.from([0])])
  return Buffer.concat([int32(body.length + 4), body])
}

function int32(n) {
  const b = Buffer.alloc(4)
  b.writeInt32LE(n)
  return b
}

const OP_MSG = 2013
const doc = bsonDoc()
const payload = Buffer.concat([int32(0), Buffer.from([0]), doc]) // flagBits, section kind 0, body
const header = Buffer.concat([int32(16 + payload.length), int32(1), int32(0), int32(OP_MSG)])

// Reads field "ok" (double, int32 or int64) from the top level of a BSON document.
function readOk(buf, start) {
  const end = start + buf.readInt32LE(start) - 1
  let i = start + 4
  while (i < end) {
    const type = buf[i++]
    const nameEnd = buf.indexOf(0, i)
    const name = buf.toString('utf8', i, nameEnd)
    i = nameEnd + 1
    const sizes = { 1: 8, 8: 1, 9: 8, 10: 0, 16: 4, 17: 8, 18: 8, 7: 12 }
    if (name === 'ok') {
      if (type === 0x01) return buf.readDoubleLE(i)
      if (type === 0x10) return buf.readInt32LE(i)
      if (type === 0x12) return Number(buf.readBigInt64LE(i))
      if (type === 0x08) return buf[i]
      return undefined
    }
    if (type in sizes) i += sizes[type]
    else if (type === 0x02 || type === 0x0d || type === 0x0e) i += 4 + buf.readInt32LE(i)
    else if (type === 0x03 || type === 0x04) i += buf.readInt32LE(i)
    else if (type === 0x05) i += 5 + buf.readInt32LE(i)
    else return undefined
  }
  return undefined
}

const socket = net.connect({ host, port })
const timer = setTimeout(() => fail(`no answer within ${timeoutMs} ms`), timeoutMs)
let received = Buffer.alloc(0)

function fail(msg) {
  process.stderr.write(`mongo-ping ${host}:${port}: ${msg}\n`)
  process.exit(1)
}

socket.on('connect', () => socket.write(Buffer.concat([header, payload])))
socket.on('error', (err) => fail(err.message))
socket.on('data', (chunk) => {
  received = Buffer.concat([received, chunk])
  if (received.length < 4 || received.length < received.readInt32LE(0)) return
  clearTimeout(timer)
  socket.destroy()
  if (received.readInt32LE(12) !== OP_MSG) fail('unexpected reply opcode')
  const ok = readOk(received, 21) // 16 header + 4 flagBits + 1 section kind
  if (ok !== 1) fail(`ping answered ok=${ok}`)
  process.stdout.write(`mongo-ping ${host}:${port}: ok\n`)
  process.exit(0)
})
