// Reading an uploaded register: XLSX or CSV told apart by their first bytes, never by a name
// or a content type; CSV in UTF-8 (with or without BOM) or Windows-1251, `,` or `;` (or tab).
// Every way a file can be wrong ends as a SheetError with a code, before anything is kept:
// not a spreadsheet, more rows than the limit (counted while reading, so a million-row file
// is refused after the limit, not after reading it all), a broken encoding, a formula.
import { IMPORT_LIMITS } from '../../../domain/imports.js';
import { FormulaCell, readFirstSheet } from './xlsx.js';

export interface Sheet {
  format: 'xlsx' | 'csv';
  encoding: string | null;
  delimiter: string | null;
  columns: string[];
  /** Data rows with their row number in the sheet (the header is row 1). */
  rows: Array<{ n: number; cells: string[] }>;
}

export class SheetError extends Error {
  constructor(readonly code: 'not_spreadsheet' | 'too_many_rows' | 'encoding' | 'formula' | 'no_header' | 'xls_old',
    readonly params: Record<string, unknown> = {}) {
    super(code);
  }
}

const startsWith = (buf: Buffer, bytes: number[]) => bytes.every((b, i) => buf[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0]; // Excel 97–2003 .xls

export async function readSheet(buf: Buffer, maxRows: number = IMPORT_LIMITS.rowsMax): Promise<Sheet> {
  if (buf.length === 0) throw new SheetError('not_spreadsheet');
  if (startsWith(buf, ZIP)) return readXlsx(buf, maxRows);
  if (startsWith(buf, OLE)) throw new SheetError('xls_old');
  return readCsv(buf, maxRows);
}

// ------------------------------------------------------------------ XLSX

export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The first sheet, streamed (xlsx.ts): rows counted as they come, so a huge sheet stops early. */
async function readXlsx(buf: Buffer, maxRows: number): Promise<Sheet> {
  const table = new SheetRows(maxRows);
  try {
    await readFirstSheet(buf, (n, cells) => table.add(n, cells));
  } catch (error) {
    if (error instanceof SheetError) throw error;
    if (error instanceof FormulaCell) throw new SheetError('formula', { row: error.row, column: columnLetter(error.column) });
    throw new SheetError('not_spreadsheet'); // a zip that is not a workbook, or a damaged one
  }
  return table.sheet();
}

/** Rows of the first sheet as text: blank rows skipped, the first one the header. */
class SheetRows {
  columns: string[] | null = null;
  rows: Sheet['rows'] = [];
  constructor(private readonly maxRows: number) {}
  add(n: number, cells: string[]) {
    if (cells.every((c) => c.trim() === '')) return;
    if (!this.columns) this.columns = cells.map((c) => c.trim());
    else {
      if (this.rows.length >= this.maxRows) throw new SheetError('too_many_rows', { max: this.maxRows });
      this.rows.push({ n, cells });
    }
  }
  sheet(): Sheet {
    if (!this.columns) throw new SheetError('no_header');
    return { format: 'xlsx', encoding: null, delimiter: null, columns: this.columns, rows: this.rows };
  }
}

// ------------------------------------------------------------------ CSV

/**
 * The text of a CSV file. Valid UTF-8 is UTF-8. Otherwise it may be Windows-1251 (what Excel
 * in a Russian or Kazakh locale saves) — unless it is in fact UTF-8 with damaged bytes or a
 * mix of both: UTF-8's two-byte Cyrillic (D0–D3 followed by 80–BF) then makes up much of the
 * high bytes, and the file is refused rather than imported as mojibake.
 */
export function decodeText(buf: Buffer): { text: string; encoding: string } {
  if (startsWith(buf, [0xef, 0xbb, 0xbf])) {
    try { return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(3)), encoding: 'utf-8' }; }
    catch { throw new SheetError('encoding'); }
  }
  if (startsWith(buf, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf-16le' };
  try { return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' }; }
  catch { /* not UTF-8: maybe Windows-1251 */ }
  let high = 0;
  let utf8Pairs = 0;
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i];
    if (b < 0x80) continue;
    high++;
    if (b === 0x98) throw new SheetError('encoding'); // no character in Windows-1251
    if (b >= 0xd0 && b <= 0xd3 && i + 1 < buf.length && buf[i + 1] >= 0x80 && buf[i + 1] <= 0xbf) utf8Pairs++;
  }
  if (utf8Pairs * 2 * 4 > high) throw new SheetError('encoding');
  return { text: new TextDecoder('windows-1251').decode(buf), encoding: 'windows-1251' };
}

/** The delimiter that splits the header line most: `;` (Excel in ru/kk), `,` or tab. */
function detectDelimiter(text: string): string {
  const end = text.search(/\r?\n/);
  const line = end < 0 ? text : text.slice(0, end);
  const counts = [';', ',', '\t'].map((d) => {
    let n = 0;
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (ch === d && !quoted) n++;
    }
    return { d, n };
  });
  counts.sort((a, b) => b.n - a.n);
  return counts[0].n > 0 ? counts[0].d : ',';
}

/**
 * RFC 4180 records, one callback each (with the line it starts on); the callback answers
 * false to stop. Quotes may hold delimiters, doubled quotes and line breaks.
 */
export function parseCsv(text: string, delimiter: string, onRecord: (cells: string[], line: number) => boolean): void {
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const len = text.length;
  for (let i = 0; i < len; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') { cell += '"'; i++; } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) { cells.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      if (!onRecord(cells, recordLine)) return;
      cells = []; cell = ''; line++; recordLine = line;
    } else cell += ch;
  }
  if (cell !== '' || cells.length) { cells.push(cell); onRecord(cells, recordLine); }
}

function readCsv(buf: Buffer, maxRows: number): Sheet {
  // Text has no NUL bytes; a PDF, an image or an executable has some early on.
  const head = buf.subarray(0, 8192);
  if (head.includes(0) && !startsWith(buf, [0xff, 0xfe])) throw new SheetError('not_spreadsheet');
  const { text, encoding } = decodeText(buf);
  const delimiter = detectDelimiter(text);
  let columns: string[] | null = null;
  const rows: Sheet['rows'] = [];
  parseCsv(text, delimiter, (cells, line) => {
    if (cells.every((c) => c.trim() === '')) return true;
    if (!columns) { columns = cells.map((c) => c.trim()); return true; }
    if (rows.length >= maxRows) throw new SheetError('too_many_rows', { max: maxRows });
    // A CSV cell that starts with "=" is a formula when the file is opened in Excel: refused,
    // like an XLSX formula. "+", "-" and "@" start phone numbers and notes: they are data.
    cells.forEach((c, i) => {
      if (c.startsWith('=')) throw new SheetError('formula', { row: line, column: columnLetter(i) });
    });
    rows.push({ n: line, cells });
    return true;
  });
  if (!columns) throw new SheetError('no_header');
  // A text file that is not a table (no delimiter in its first line) is not a register.
  if ((columns as string[]).length < 2) throw new SheetError('not_spreadsheet');
  return { format: 'csv', encoding, delimiter, columns, rows };
}

/**
 * The value as the person typed it: our exports put an apostrophe before = + - @ tab CR
 * (spreadsheet-injection guard); reading such a file back takes it off again.
 */
export function unguard(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}
