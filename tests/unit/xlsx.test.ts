// The XLSX reader (src/server/modules/imports/xlsx.ts) on workbooks written by hand, so each
// part of the format the importer relies on is pinned: shared and inline strings, the first
// sheet by the workbook's order, dates by cell style (and the 1904 system), formulas and
// error values refused with their cell, letters split between inflated chunks, prefixes,
// references, a row limit that stops reading early, damaged files.
import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SheetError, readSheet } from '../../src/server/modules/imports/sheet.js';

/** A zip of the given parts (deflated), as a workbook would be stored. */
function zip(parts: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(parts)) {
    const raw = Buffer.from(text, 'utf8');
    const data = deflateRawSync(raw);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(raw), 14); local.writeUInt32LE(data.length, 18); local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0); dir.writeUInt16LE(20, 4); dir.writeUInt16LE(20, 6); dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc32(raw), 16); dir.writeUInt32LE(data.length, 20); dir.writeUInt32LE(raw.length, 24);
    dir.writeUInt16LE(nameBytes.length, 28); dir.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    central.push(dir, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(central.length / 2, 8); end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook with the given sheets (XML of their <sheetData> content), shared strings and styles. */
function workbook(sheets: string[], extra: { strings?: string[]; styles?: string; date1904?: boolean; order?: number[] } = {}): Buffer {
  const order = extra.order ?? sheets.map((_, i) => i);
  const parts: Record<string, string> = {
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    'xl/workbook.xml': `<?xml version="1.0"?><workbook ${NS}>${extra.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${
      order.map((i) => `<sheet name="S${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${
      sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}${
      extra.strings ? `<Relationship Id="rS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ''}${
      extra.styles ? `<Relationship Id="rT" Type="${REL}/styles" Target="/xl/styles.xml"/>` : ''}</Relationships>`,
  };
  sheets.forEach((data, i) => { parts[`xl/worksheets/sheet${i + 1}.xml`] = `<?xml version="1.0"?><worksheet ${NS}><sheetData>${data}</sheetData></worksheet>`; });
  if (extra.strings) parts['xl/sharedStrings.xml'] = `<sst ${NS}>${extra.strings.map((s) => `<si>${s}</si>`).join('')}</sst>`;
  if (extra.styles) parts['xl/styles.xml'] = `<styleSheet ${NS}>${extra.styles}</styleSheet>`;
  return zip(parts);
}

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const row = (n: number, cells: string) => `<row r="${n}">${cells}</row>`;

async function refusal(file: Buffer, maxRows?: number): Promise<SheetError> {
  try {
    await readSheet(file, maxRows);
  } catch (error) {
    if (error instanceof SheetError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('XLSX reader', () => {
  it('reads shared strings (rich runs joined, phonetic runs left out) and inline strings, with references and OOXML escapes', async () => {
    const file = workbook([
      row(1, '<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>')
      + row(2, '<c r="A2" t="s"><v>2</v></c>' + inline('B2', 'a &amp; b &lt; c &#1179;&#x4A9; line_x000D_end') + '<c r="D2"><v>12345678901</v></c><c r="E2" t="b"><v>1</v></c>'),
    ], { strings: ['<t>Тегі</t>', '<t>Аты</t>', '<r><rPr><b/></rPr><t>Қа</t></r><r><t xml:space="preserve">зақ </t></r><rPh><t>ignored</t></rPh>'] });
    const sheet = await readSheet(file);
    expect(sheet.columns).toEqual(['Тегі', 'Аты']);
    expect(sheet.rows).toEqual([{ n: 2, cells: ['Қазақ ', 'a & b < c қҩ line\rend', '', '12345678901', 'TRUE'] }]);
  });

  it('takes the first sheet in the workbook\'s order, whatever the part names', async () => {
    const file = workbook([row(1, inline('A1', 'one') + inline('B1', 'x')), row(1, inline('A1', 'two') + inline('B1', 'y'))], { order: [1, 0] });
    expect((await readSheet(file)).columns).toEqual(['two', 'y']);
  });

  it('reads numbers in a date format as the day, also in the 1904 date system; other numbers as numbers', async () => {
    const styles = '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd\\.mm\\.yyyy;@"/><numFmt numFmtId="165" formatCode="&quot;No. &quot;0"/></numFmts>'
      + '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>';
    const data = row(1, inline('A1', 'h') + inline('B1', 'i') + inline('C1', 'j') + inline('D1', 'k'))
      + row(2, '<c r="A2" s="1"><v>32646</v></c><c r="B2" s="2"><v>32646.75</v></c><c r="C2" s="3"><v>7</v></c><c r="D2"><v>1.5</v></c>');
    expect((await readSheet(workbook([data], { styles }))).rows[0].cells).toEqual(['1989-05-18', '1989-05-18', '7', '1.5']);
    expect((await readSheet(workbook([data], { styles, date1904: true }))).rows[0].cells[0]).toBe('1993-05-19');
  });

  it('keeps the columns of a row with gaps, skips blank rows, accepts prefixed names, CDATA and a quoted ">"', async () => {
    const file = workbook([
      '<x:row r="1" x:spans="1:3" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:c r="A1" t="inlineStr"><x:is><x:t>A</x:t></x:is></x:c>'
      + '<x:c r="C1" t="inlineStr"><x:is><x:t><![CDATA[C <&>]]></x:t></x:is></x:c></x:row>'
      + row(2, '<c r="A2" s="0"/>') + row(3, '<!-- note --><c r=\'C3\' t="inlineStr" foo="a>b"><is><t>z</t></is></c>'),
    ]);
    const sheet = await readSheet(file);
    expect(sheet.columns).toEqual(['A', '', 'C <&>']);
    expect(sheet.rows).toEqual([{ n: 3, cells: ['', '', 'z'] }]);
  });

  it('refuses a formula and an error value, naming the cell', async () => {
    const header = row(1, inline('A1', 'a') + inline('B1', 'b'));
    const formula = await refusal(workbook([header + row(2, inline('A2', 'x') + '<c r="B2"><f>1+1</f><v>2</v></c>')]));
    expect(formula).toMatchObject({ code: 'formula', params: { row: 2, column: 'B' } });
    const shared = await refusal(workbook([header + row(7, '<c r="AA7"><f t="shared" si="0"/><v>3</v></c>')]));
    expect(shared).toMatchObject({ code: 'formula', params: { row: 7, column: 'AA' } });
    const error = await refusal(workbook([header + row(3, '<c r="A3" t="e"><v>#REF!</v></c>')]));
    expect(error).toMatchObject({ code: 'formula', params: { row: 3, column: 'A' } });
  });

  it('decodes letters whose bytes fall on both sides of an inflated chunk', async () => {
    const names = Array.from({ length: 20_000 }, (_, i) => `Әбдірахманқызы Гүлжиһан ${i}`);
    const file = workbook([row(1, inline('A1', 'Тегі') + inline('B1', 'Аты')) + names.map((n, i) => row(i + 2, inline(`A${i + 2}`, n) + inline(`B${i + 2}`, 'Ұлдана'))).join('')]);
    const sheet = await readSheet(file);
    expect(sheet.rows.map((r) => r.cells[0])).toEqual(names);
    expect(sheet.rows.every((r) => r.cells[1] === 'Ұлдана')).toBe(true);
  });

  it('stops at the row limit without reading the rest of a huge sheet', async () => {
    const rows = Array.from({ length: 120_000 }, (_, i) => row(i + 2, inline(`A${i + 2}`, 'Аманов') + inline(`B${i + 2}`, 'Ержан'))).join('');
    const file = workbook([row(1, inline('A1', 'Тегі') + inline('B1', 'Аты')) + rows]);
    const started = performance.now();
    expect(await refusal(file, 1000)).toMatchObject({ code: 'too_many_rows', params: { max: 1000 } });
    expect(performance.now() - started).toBeLessThan(1500);
    expect((await readSheet(file, 120_000)).rows).toHaveLength(120_000);
  });

  it('refuses what is not a workbook: no workbook part, no sheet, damaged data, a DOCTYPE', async () => {
    expect(await refusal(zip({ 'word/document.xml': '<w:document/>' }))).toMatchObject({ code: 'not_spreadsheet' });
    expect(await refusal(zip({ 'xl/workbook.xml': `<workbook ${NS}><sheets/></workbook>` }))).toMatchObject({ code: 'not_spreadsheet' });
    const good = workbook([row(1, inline('A1', 'a'))]);
    const damaged = Buffer.from(good);
    damaged.writeUInt32LE(0x55555555, damaged.indexOf('xl/worksheets/sheet1.xml') - 30); // the sheet's local header
    expect(await refusal(damaged)).toMatchObject({ code: 'not_spreadsheet' });
    const garbled = Buffer.from(good);
    const data = garbled.indexOf('xl/worksheets/sheet1.xml') + 'xl/worksheets/sheet1.xml'.length;
    garbled.fill(0xff, data, data + 8); // not a deflate stream
    expect(await refusal(garbled)).toMatchObject({ code: 'not_spreadsheet' });
    expect(await refusal(good.subarray(0, good.length - 30))).toMatchObject({ code: 'not_spreadsheet' });
    const doctype = workbook(['</sheetData><!DOCTYPE x [<!ENTITY a "aaaa">]><sheetData>' + row(1, inline('A1', '&a;'))]);
    expect(await refusal(doctype)).toMatchObject({ code: 'not_spreadsheet' });
  });
});
