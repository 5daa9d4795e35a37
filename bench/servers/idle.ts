// The floor of the memory figures: Node with the tsx loader (as every service runs) and nothing else.
import { createServer } from 'node:http'

const server = createServer((_request, response) => response.end('ok'))
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1')
process.once('SIGTERM', () => server.close())
