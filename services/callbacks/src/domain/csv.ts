// CSV in (RFC 4180: quoted fields with "" for a quote, CRLF or LF line ends, a UTF-8 byte-order mark
// allowed) and CSV out (a byte-order mark for spreadsheets, formula-safe cells). Pure.

export const CSV_BOM = '\uFEFF'

/** A data row as read: the line it starts on (the header is line 1) and its cells. */
export interface CsvRow {
  line: number
  cells: string[]
  /** Set when the row's quoting is broken (a quote inside an unquoted cell, text after a closing quote). */
  malformed: string | null
}

export type CsvParse =
  | { ok: true; header: string[]; rows: CsvRow[] }
  | { ok: false; line: number; message: string }

/**
 * Splits a whole CSV text into rows. A quoting fault confined to one row marks that row malformed (the
 * caller rejects it with the others' report); a quoted cell still open at the end of the text, or no header
 * row, fails the whole text. Rows with no cell at all (blank lines) are skipped.
 */
export function parseCsv(input: string, maxRows: number): CsvParse {
  const text = input.startsWith(CSV_BOM) ? input.slice(1) : input
  const rows: CsvRow[] = []
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let wasQuoted = false
  let malformed: string | null = null
  let line = 1
  let rowLine = 1
  let i = 0
  let header: string[] | null = null

  const endCell = () => {
    cells.push(cell)
    cell = ''
    wasQuoted = false
  }
  const endRow = (): CsvParse | null => {
    endCell()
    const blank = cells.length === 1 && cells[0] === '' && malformed === null
    if (!blank) {
      if (header === null) {
        if (malformed) return { ok: false, line: rowLine, message: `the header row: ${malformed}` }
        header = cells
      } else {
        rows.push({ line: rowLine, cells, malformed })
        if (rows.length > maxRows)
          return { ok: false, line: rowLine, message: `more than ${maxRows} data rows` }
      }
    }
    cells = []
    malformed = null
    return null
  }

  while (i < text.length) {
    const c = text[i] as string
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"'
          i += 2
          continue
        }
        quoted = false
        wasQuoted = true
        i++
        continue
      }
      if (c === '\n') line++
      cell += c
      i++
      continue
    }
    if (c === ',') {
      endCell()
      i++
      continue
    }
    if (c === '\r' || c === '\n') {
      const fault = endRow()
      if (fault) return fault
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1
      line++
      rowLine = line
      continue
    }
    if (c === '"') {
      if (cell === '' && !wasQuoted) quoted = true
      else {
        malformed ??= 'a quote inside a cell that is not quoted (write it as "" inside a quoted cell)'
        cell += c
      }
      i++
      continue
    }
    if (wasQuoted) malformed ??= 'text after the closing quote of a cell'
    cell += c
    i++
  }
  if (quoted) return { ok: false, line: rowLine, message: 'a quoted cell is not closed before the end' }
  if (cell !== '' || cells.length > 0 || wasQuoted) {
    const fault = endRow()
    if (fault) return fault
  }
  if (header === null) return { ok: false, line: 1, message: 'no header row' }
  return { ok: true, header, rows }
}

/** CSV cell: quoted where needed, and a leading = + - @ (or tab, CR) neutralised with ' (formula injection). */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return ''
  let s = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n']/.test(s) || s !== String(value) ? `"${s.replaceAll('"', '""')}"` : s
}

export const csvLine = (cells: ReadonlyArray<string | number | boolean | null | undefined>) =>
  `${cells.map(csvCell).join(',')}\r\n`
