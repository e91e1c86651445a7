// Reading the first sheet of an XLSX workbook, row by row, with nothing but node:zlib.
//
// Why not exceljs's streaming reader (4.4.0), which we use to WRITE workbooks: it decodes each
// inflated chunk of a sheet's XML on its own, so a letter whose UTF-8 bytes straddle two chunks
// comes out as U+FFFD (about 1 row in 4,000 of a Kazakh register written with inline strings,
// as our own exports are), and its in-memory reader, the only way round that, needed ~28 s and
// ~850 MB for 100,000 rows. Here every part is decoded with one StringDecoder across its
// chunks. The uploaded file is already in memory (bounded by the body limit), so the zip's
// central directory is read directly; the sheet itself is inflated and parsed as a stream, so a
// caller can stop at a row limit without inflating the rest (decision 0018).
//
// Only what a register needs is read: shared strings, the workbook's first sheet, the date
// formats of the cell styles and the 1904 date system. Values come out as text the way the
// importer has always seen them: numbers as JavaScript prints them, booleans as TRUE/FALSE,
// numbers in a date format as YYYY-MM-DD. A formula (or the error value one leaves) is
// reported to the caller with its cell instead of a value.
import { StringDecoder } from 'node:string_decoder';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

/** The file is not a readable workbook (a damaged zip, no workbook, no sheet, a DOCTYPE …). */
export class NotWorkbook extends Error {}

/** A cell holding a formula or an error value: `column` 0-based, `row` as in the sheet. */
export class FormulaCell extends Error {
  constructor(readonly row: number, readonly column: number) { super('formula'); }
}

// ------------------------------------------------------------------ zip

interface ZipEntry { name: string; method: number; compressedSize: number; size: number; headerOffset: number }

/** A single tag or text run longer than this is not a register (a crafted or broken file). */
const MAX_TOKEN = 32 * 2 ** 20;
/** Inflated size of any one part read, beyond which the file is not read further. */
const MAX_PART = 1024 * 2 ** 20;

/** The entries of a zip held in memory, by name, from its central directory. */
function zipEntries(buf: Buffer): Map<string, ZipEntry> {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new NotWorkbook('no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  // ZIP64 (parts over 4 GB) never occurs in a register that fits the upload limit.
  if (count === 0xffff || at === 0xffffffff) throw new NotWorkbook('zip64');
  const entries = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) throw new NotWorkbook('bad central directory');
    const flags = buf.readUInt16LE(at + 8);
    const nameLength = buf.readUInt16LE(at + 28);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    const entry = {
      name, method: buf.readUInt16LE(at + 10), compressedSize: buf.readUInt32LE(at + 20), size: buf.readUInt32LE(at + 24),
      headerOffset: buf.readUInt32LE(at + 42),
    };
    if (flags & 1) throw new NotWorkbook('encrypted entry');
    entries.set(name, entry);
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return entries;
}

/** An entry's bytes as text, chunk by chunk, each chunk ending on a whole character. */
async function* entryText(buf: Buffer, entry: ZipEntry): AsyncGenerator<string> {
  const header = entry.headerOffset;
  if (header + 30 > buf.length || buf.readUInt32LE(header) !== 0x04034b50) throw new NotWorkbook('bad local header');
  const start = header + 30 + buf.readUInt16LE(header + 26) + buf.readUInt16LE(header + 28);
  const data = buf.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw new NotWorkbook('truncated entry');
  const decoder = new StringDecoder('utf8');
  if (entry.method === 0) {
    yield decoder.write(data) + decoder.end();
    return;
  }
  if (entry.method !== 8) throw new NotWorkbook('unknown compression');
  // Compressed input goes in 64 KB slices through a pipe, so inflating waits for the parser.
  const slices = function* () { for (let i = 0; i < data.length; i += 65_536) yield data.subarray(i, i + 65_536); };
  const inflater = Readable.from(slices(), { objectMode: false }).pipe(createInflateRaw({ chunkSize: 65_536 }));
  let total = 0;
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > MAX_PART) throw new NotWorkbook('part too large');
      yield decoder.write(chunk);
    }
  } catch (error) {
    if (error instanceof NotWorkbook) throw error;
    throw new NotWorkbook('damaged deflate data');
  } finally {
    inflater.destroy();
  }
  yield decoder.end();
}

async function readWhole(buf: Buffer, entry: ZipEntry): Promise<string> {
  let text = '';
  for await (const chunk of entryText(buf, entry)) text += chunk;
  return text;
}

// ------------------------------------------------------------------ XML

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML character and entity references resolved (unknown names are left as written). */
function unescapeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref] ?? whole;
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** OOXML's own escape for characters XML cannot hold (`_x000D_` is a carriage return). */
function unescapeOoxml(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

const attributePatterns = new Map<string, RegExp>();

/** One attribute's value from a tag's attribute text, or undefined. */
function attribute(attrs: string, name: string): string | undefined {
  let re = attributePatterns.get(name);
  if (!re) attributePatterns.set(name, re = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`));
  const m = re.exec(attrs);
  return m ? unescapeXml(m[1] ?? m[2]) : undefined;
}

interface XmlHandler {
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

/**
 * A push parser for the XML a workbook is made of: elements (their prefix dropped), text
 * (references resolved), CDATA; comments and processing instructions skipped; a DOCTYPE
 * refused (no entity of a file's own is ever expanded). Text and tags may be split anywhere
 * between two writes.
 */
class XmlScanner {
  private pending = '';
  constructor(private readonly handler: XmlHandler) {}

  write(chunk: string): void {
    const s = this.pending + chunk;
    const { handler } = this;
    let i = 0;
    for (;;) {
      const lt = s.indexOf('<', i);
      if (lt < 0) break;
      if (lt > i) handler.text(unescapeXml(s.slice(i, lt)));
      i = lt;
      const next = s.charCodeAt(lt + 1);
      if (next === 0x21 /* ! */) {
        if (s.startsWith('<!--', lt)) {
          const end = s.indexOf('-->', lt + 4);
          if (end < 0) break;
          i = end + 3;
        } else if (s.startsWith('<![CDATA[', lt)) {
          const end = s.indexOf(']]>', lt + 9);
          if (end < 0) break;
          handler.text(s.slice(lt + 9, end));
          i = end + 3;
        } else if (s.length - lt < 9) {
          break; // not enough yet to tell
        } else {
          throw new NotWorkbook('DOCTYPE or unknown declaration');
        }
        continue;
      }
      if (next === 0x3f /* ? */) {
        const end = s.indexOf('?>', lt + 2);
        if (end < 0) break;
        i = end + 2;
        continue;
      }
      // an element tag: its end is the first '>' outside a quoted attribute value
      const j = tagEnd(s, lt);
      if (j < 0) break;
      if (next === 0x2f /* / */) handler.close(localName(s.slice(lt + 2, j).trim()));
      else {
        const selfClosing = s.charCodeAt(j - 1) === 0x2f;
        const body = s.slice(lt + 1, selfClosing ? j - 1 : j);
        const space = body.search(/\s/);
        const name = localName(space < 0 ? body : body.slice(0, space));
        const attrs = space < 0 ? '' : body.slice(space);
        handler.open(name, attrs, selfClosing);
        if (selfClosing) handler.close(name);
      }
      i = j + 1;
    }
    // Text before the next tag is kept until the tag arrives (a reference may be split).
    this.pending = s.slice(i);
    if (this.pending.length > MAX_TOKEN) throw new NotWorkbook('token too long');
  }
}

/**
 * Where the tag starting at `lt` ends ('>' outside quotes), or -1 if not in `s` yet. The usual
 * tag has no '>' in its attribute values: an even number of double quotes and no single one
 * before the first '>' shows that without looking at each character.
 */
function tagEnd(s: string, lt: number): number {
  const gt = s.indexOf('>', lt);
  if (gt < 0) return -1;
  const tag = s.slice(lt, gt);
  let quotes = 0;
  for (let q = tag.indexOf('"'); q >= 0; q = tag.indexOf('"', q + 1)) quotes++;
  if (quotes % 2 === 0 && !tag.includes("'")) return gt;
  let quote = 0;
  for (let j = lt + 1; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (quote) { if (c === quote) quote = 0; } else if (c === 0x22 || c === 0x27) quote = c; else if (c === 0x3e) return j;
  }
  return -1;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

async function parseXml(buf: Buffer, entry: ZipEntry, handler: XmlHandler): Promise<void> {
  const scanner = new XmlScanner(handler);
  for await (const chunk of entryText(buf, entry)) scanner.write(chunk);
}

/** The text of each <si> of sharedStrings.xml: its <t>s joined, phonetic runs (<rPh>) left out. */
async function sharedStrings(buf: Buffer, entry: ZipEntry | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (!entry) return strings;
  let text: string | null = null;
  let inT = false;
  let phonetic = 0;
  let size = 0;
  await parseXml(buf, entry, {
    open(name) {
      if (name === 'si') text = '';
      else if (name === 't') inT = phonetic === 0;
      else if (name === 'rPh') phonetic++;
    },
    close(name) {
      if (name === 'si') { strings.push(unescapeOoxml(text ?? '')); text = null; }
      else if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
    },
    text(value) {
      if (inT && text !== null) {
        text += value;
        size += value.length;
        if (size > MAX_PART) throw new NotWorkbook('shared strings too large');
      }
    },
  });
  return strings;
}

/** Built-in number formats that show a date or a time (ECMA-376 §18.8.30). */
function builtinDate(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/** A custom format code shows a date or time when it has y m d h s (outside quotes and brackets). */
function dateFormatCode(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** For each cell style (index into cellXfs), whether its number format is a date. */
async function dateStyles(buf: Buffer, entry: ZipEntry | undefined): Promise<boolean[]> {
  const dates: boolean[] = [];
  if (!entry) return dates;
  const custom = new Map<number, string>();
  let inCellXfs = false;
  const formats: number[] = [];
  await parseXml(buf, entry, {
    open(name, attrs) {
      if (name === 'numFmt') custom.set(Number(attribute(attrs, 'numFmtId')), attribute(attrs, 'formatCode') ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) formats.push(Number(attribute(attrs, 'numFmtId') ?? 0));
    },
    close(name) { if (name === 'cellXfs') inCellXfs = false; },
    text() {},
  });
  for (const id of formats) dates.push(custom.has(id) ? dateFormatCode(custom.get(id)!) : builtinDate(id));
  return dates;
}

/** The zip path a relationship target points to, from a part in `xl/`. */
function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['xl'];
  for (const p of target.split('/')) {
    if (p === '..') parts.pop(); else if (p && p !== '.') parts.push(p);
  }
  return parts.join('/');
}

interface WorkbookParts { sheet: ZipEntry; sharedStrings?: ZipEntry; styles?: ZipEntry; date1904: boolean }

/** The workbook's first sheet (in the workbook's own order), its shared strings and styles. */
async function workbookParts(buf: Buffer, entries: Map<string, ZipEntry>): Promise<WorkbookParts> {
  const workbook = entries.get('xl/workbook.xml');
  if (!workbook) throw new NotWorkbook('no workbook');
  let firstSheet: string | undefined;
  let date1904 = false;
  await parseXml(buf, workbook, {
    open(name, attrs) {
      if (name === 'sheet' && firstSheet === undefined) firstSheet = attribute(attrs, 'id');
      else if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attribute(attrs, 'date1904') ?? '');
    },
    close() {}, text() {},
  });
  const targets = new Map<string, string>();
  const byType = new Map<string, string>();
  const rels = entries.get('xl/_rels/workbook.xml.rels');
  if (rels) {
    await parseXml(buf, rels, {
      open(name, attrs) {
        if (name !== 'Relationship') return;
        const target = resolveTarget(attribute(attrs, 'Target') ?? '');
        targets.set(attribute(attrs, 'Id') ?? '', target);
        byType.set((attribute(attrs, 'Type') ?? '').split('/').pop()!, target);
      },
      close() {}, text() {},
    });
  }
  const sheetPath = (firstSheet && targets.get(firstSheet))
    ?? [...entries.keys()].filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).sort((a, b) => sheetNumber(a) - sheetNumber(b))[0];
  const sheet = sheetPath ? entries.get(sheetPath) : undefined;
  if (!sheet) throw new NotWorkbook('no sheet');
  return {
    sheet, date1904,
    sharedStrings: entries.get(byType.get('sharedStrings') ?? 'xl/sharedStrings.xml'),
    styles: entries.get(byType.get('styles') ?? 'xl/styles.xml'),
  };
}

const sheetNumber = (path: string) => Number(/(\d+)\.xml$/.exec(path)![1]);

/** 0-based column of a cell reference (`AB12` → 27), or -1. */
function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return i === 0 ? -1 : col - 1;
}

/** Text of a number shown in a date format: the day (UTC), as exceljs's reader made it. */
function serialToDate(serial: number, date1904: boolean): string {
  const date = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

/**
 * Calls `onRow(rowNumber, cells)` for each row of the workbook's first sheet, in order, with
 * every cell as text ('' where a row has no value). `onRow` may throw to stop reading (a row
 * limit): the rest of the sheet is then never inflated. Throws NotWorkbook or FormulaCell.
 */
export async function readFirstSheet(buf: Buffer, onRow: (row: number, cells: string[]) => void): Promise<void> {
  const entries = zipEntries(buf);
  const parts = await workbookParts(buf, entries);
  const strings = await sharedStrings(buf, parts.sharedStrings);
  const dates = await dateStyles(buf, parts.styles);

  let inData = false;
  let rowNumber = 0;
  let cells: string[] | null = null;
  let column = 0;
  let type = '';
  let style = 0;
  let formula = false;
  let value: string | null = null; // text of <v>, or of an inline string's <t>s
  let capture = false;
  let inInline = false;
  let phonetic = 0;
  let done = false;

  const endCell = () => {
    if (formula || type === 'e') throw new FormulaCell(rowNumber, column);
    if (value !== null) {
      let text: string;
      switch (type) {
        case 's': text = strings[parseInt(value, 10)] ?? ''; break;
        case 'inlineStr': text = unescapeOoxml(value); break;
        case 'str': text = value; break;
        case 'b': text = parseInt(value, 10) !== 0 ? 'TRUE' : 'FALSE'; break;
        case 'd': text = /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : value; break;
        default: {
          const trimmed = value.trim();
          if (trimmed === '') text = '';
          else if (dates[style]) text = serialToDate(parseFloat(trimmed), parts.date1904);
          else text = String(parseFloat(trimmed));
        }
      }
      while (cells!.length < column) cells!.push('');
      cells![column] = text;
    }
    column++;
  };

  const scanner = new XmlScanner({
    open(name, attrs) {
      if (!inData) { if (name === 'sheetData') inData = true; return; }
      switch (name) {
        case 'row': {
          const r = attribute(attrs, 'r');
          rowNumber = r ? parseInt(r, 10) : rowNumber + 1;
          cells = [];
          column = 0;
          break;
        }
        case 'c': {
          const ref = attribute(attrs, 'r');
          const at = ref ? columnOf(ref) : -1;
          if (at >= 0) column = at;
          type = attribute(attrs, 't') ?? 'n';
          style = Number(attribute(attrs, 's') ?? 0);
          formula = false;
          value = null;
          inInline = false;
          break;
        }
        case 'f': formula = true; break;
        case 'v': value = ''; capture = true; break;
        case 'is': inInline = true; value = ''; break;
        case 't': capture = inInline && phonetic === 0; break;
        case 'rPh': phonetic++; break;
        default: break;
      }
    },
    close(name) {
      if (!inData) return;
      switch (name) {
        case 'v': case 't': capture = false; break;
        case 'rPh': phonetic--; break;
        case 'is': inInline = false; break;
        case 'c': if (cells) endCell(); break;
        case 'row': if (cells) { onRow(rowNumber, cells); cells = null; } break;
        case 'sheetData': inData = false; done = true; break;
        default: break;
      }
    },
    text(text) {
      if (capture) value += text;
    },
  });
  for await (const chunk of entryText(buf, parts.sheet)) {
    scanner.write(chunk);
    if (done) break; // what follows the rows (merged cells, hyperlinks …) is not read
  }
}
