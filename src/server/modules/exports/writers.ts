// Writing a table as CSV or XLSX, row by row into a stream (a large list never sits in memory).
// Spreadsheet injection: a text cell that starts with = + - @ tab or CR would be read as a
// formula by Excel or LibreOffice (OWASP, "CSV Injection"); such a cell gets a leading
// apostrophe, which shows the text as typed and runs nothing. Our importer takes the
// apostrophe off again (imports/sheet.ts, unguard).
import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';

export type Cell = string | number | null | undefined;

export function neutralise(cell: Cell): Cell {
  return typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export interface TableWriter {
  row(cells: Cell[]): Promise<void>;
  end(): Promise<void>;
}

/** RFC 4180 CSV in UTF-8 with a BOM (so that Excel reads Cyrillic right), CRLF line ends. */
export function csvWriter(out: Writable): TableWriter {
  const quote = (c: Cell) => {
    const s = c === null || c === undefined ? '' : String(neutralise(c));
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  let buffer = '\uFEFF';
  const flush = async () => {
    if (!out.write(buffer)) await new Promise((resolve) => out.once('drain', resolve));
    buffer = '';
  };
  return {
    async row(cells) {
      buffer += `${cells.map(quote).join(',')}\r\n`;
      if (buffer.length > 64 * 1024) await flush();
    },
    async end() { await flush(); out.end(); },
  };
}

/** One sheet, streamed (no shared strings table: rows are written out as they come). */
export function xlsxWriter(out: Writable, sheetName: string): TableWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  let header = true;
  return {
    async row(cells) {
      const row = sheet.addRow(cells.map((c) => (c === undefined ? null : neutralise(c))));
      if (header) { row.font = { bold: true }; header = false; }
      row.commit();
    },
    async end() {
      sheet.commit();
      await workbook.commit();
    },
  };
}
