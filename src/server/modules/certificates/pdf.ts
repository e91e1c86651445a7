// The certificate as a PDF: A4 landscape, Noto Sans embedded (every Kazakh letter: Ә Ғ Қ Ң
// Ө Ұ Ү Һ І; pdfkit cannot read WOFF2, so the TTFs of @expo-google-fonts/noto-sans — see
// decision 0016), every text in the certificate's language, and a QR code of the public
// verification page. The PDF's metadata names the code, never the person.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { formatDate, formatDateRange, formatHours, groupCode } from '../../../domain/certificates.js';
import type { Locale } from '../../../domain/common.js';
import { translate } from '../../i18n.js';

export interface PrintedCertificate {
  language: Locale;
  code: string;
  holderName: string;
  courseName: string;
  centreName: string;
  hours: number;
  startDate: string;
  endDate: string;
  issuedOn: string;
  revokedAt: string | null;
}

const require = createRequire(import.meta.url);
const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
} as const;
type FontName = keyof typeof FONT_FILES;
/**
 * The parsed fonts, kept between documents. Parsing Noto Sans (its layout tables cover many
 * scripts) is most of the work of a certificate: about 0.5 s of CPU per document when pdfkit
 * is given the TTF bytes, a few milliseconds when it is given the parsed fontkit font again
 * (pdfkit accepts one; each document still embeds its own subset). fontkit also keeps the
 * glyphs it has made, and a glyph first made as a part of another (Cyrillic А is drawn from
 * Latin A) remembers no character, which would leave it out of the next PDF's text layer;
 * so that cache is emptied for each document. When either library stops looking like this
 * (an upgrade), the font is parsed for every document again: slower, never wrong.
 */
type ParsedFont = { layout: unknown; _glyphs: Record<number, unknown> };
const parsed: Partial<Record<FontName, ParsedFont>> = {};

const isParsedFont = (font: unknown): font is ParsedFont =>
  typeof (font as ParsedFont | undefined)?.layout === 'function' && typeof (font as ParsedFont)._glyphs === 'object';

/** Registers 'regular' and 'bold' on a new document. Documents are made one at a time (no await in between). */
function useFonts(doc: PDFKit.PDFDocument): void {
  for (const name of Object.keys(FONT_FILES) as FontName[]) {
    const font = parsed[name];
    if (font) {
      font._glyphs = {};
      doc.registerFont(name, font as unknown as Buffer);
      continue;
    }
    doc.registerFont(name, readFileSync(require.resolve(FONT_FILES[name])));
    const made = (doc.font(name) as unknown as { _font?: { font?: unknown } })._font?.font;
    if (isParsedFont(made)) parsed[name] = made;
  }
}

// A4 landscape in points, and the page's colours.
const PAGE = { width: 841.89, height: 595.28 } as const;
const MARGIN = 90;
const TEXT_WIDTH = PAGE.width - 2 * MARGIN;
const INK = '#1f2937';
const MUTED = '#6b7280';
const ACCENT = '#0f5f73';
const REVOKED = '#b91c1c';
const QR_SIZE = 118;

/** The largest size from `max` down to `min` at which `text` fits on one line of `width`. */
function fittingSize(doc: PDFKit.PDFDocument, text: string, font: string, max: number, min: number, width: number): number {
  doc.font(font);
  for (let size = max; size > min; size -= 1) if (doc.fontSize(size).widthOfString(text) <= width) return size;
  return min;
}

export async function renderCertificatePdf(cert: PrintedCertificate, verifyUrl: string): Promise<Buffer> {
  const t = (key: string, params?: Record<string, unknown>) => translate(cert.language, `certificate.${key}`, params);
  const qr = await QRCode.toBuffer(verifyUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 1, scale: 8, color: { dark: '#111827', light: '#ffffff' } });
  const doc = new PDFDocument({
    size: 'A4', layout: 'landscape', margin: 0, lang: cert.language, autoFirstPage: true,
    info: { Title: `${t('title')} ${groupCode(cert.code)}`, Author: 'Kerege', Subject: verifyUrl },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  useFonts(doc);

  // Frame: a thick outer line and a thin inner one.
  doc.lineWidth(3).strokeColor(ACCENT).rect(22, 22, PAGE.width - 44, PAGE.height - 44).stroke();
  doc.lineWidth(0.8).rect(32, 32, PAGE.width - 64, PAGE.height - 64).stroke();

  // The centre, the title and what the certificate says.
  const centered = { width: TEXT_WIDTH, align: 'center' as const };
  const centreSize = fittingSize(doc, cert.centreName, 'regular', 13, 9, TEXT_WIDTH);
  doc.font('regular').fontSize(centreSize).fillColor(MUTED).text(cert.centreName, MARGIN, 72, { ...centered, height: centreSize * 1.5, ellipsis: true });
  doc.font('bold').fontSize(40).fillColor(ACCENT).text(t('title'), MARGIN, 102, centered);
  doc.font('regular').fontSize(13).fillColor(INK).text(t('statement'), MARGIN, 166, centered);

  // The course: up to two lines, smaller when long.
  const courseSize = fittingSize(doc, cert.courseName, 'bold', 24, 15, TEXT_WIDTH * 1.9);
  doc.font('bold').fontSize(courseSize).fillColor(ACCENT).text(cert.courseName, MARGIN, 198, { ...centered, height: courseSize * 2.9, ellipsis: true });

  // The holder: the largest line on the page.
  const nameTop = Math.max(doc.y + 18, 266);
  doc.font('regular').fontSize(10).fillColor(MUTED).text(t('holder').toUpperCase(), MARGIN, nameTop, centered);
  const nameSize = fittingSize(doc, cert.holderName, 'bold', 32, 16, TEXT_WIDTH);
  doc.font('bold').fontSize(nameSize).fillColor(INK).text(cert.holderName, MARGIN, nameTop + 16, { ...centered, height: nameSize * 2.9, ellipsis: true });
  const ruleY = doc.y + 6;
  doc.lineWidth(0.6).strokeColor('#9ca3af').moveTo(PAGE.width / 2 - 200, ruleY).lineTo(PAGE.width / 2 + 200, ruleY).stroke();

  // Details on the left, the QR code on the right.
  const qrX = PAGE.width - MARGIN - QR_SIZE + 10;
  const qrY = PAGE.height - 78 - QR_SIZE - 16;
  const labelWidth = 150;
  const valueX = MARGIN + labelWidth;
  const valueWidth = qrX - 30 - valueX;
  const details: Array<[string, string]> = [
    [t('centre'), cert.centreName],
    [t('dates'), formatDateRange(cert.startDate, cert.endDate, cert.language)],
    [t('hours'), formatHours(cert.hours, cert.language)],
    [t('issuedOn'), formatDate(cert.issuedOn, cert.language)],
    [t('code'), groupCode(cert.code)],
  ];
  const rowHeights = details.map(([, value]) => Math.max(16, doc.font('regular').fontSize(11).heightOfString(value, { width: valueWidth }) + 4));
  let y = Math.max(ruleY + 20, PAGE.height - 78 - rowHeights.reduce((a, b) => a + b, 0));
  details.forEach(([label, value], i) => {
    doc.font('regular').fontSize(9.5).fillColor(MUTED).text(label, MARGIN, y + 1.5, { width: labelWidth - 10, lineBreak: false, ellipsis: true });
    doc.font(i === details.length - 1 ? 'bold' : 'regular').fontSize(11).fillColor(INK).text(value, valueX, y, { width: valueWidth });
    y += rowHeights[i];
  });

  doc.image(qr, qrX, qrY, { width: QR_SIZE, height: QR_SIZE });
  doc.font('regular').fontSize(7).fillColor(MUTED)
    .text(t('scan'), qrX - 20, qrY + QR_SIZE + 4, { width: QR_SIZE + 40, align: 'center' });

  if (cert.revokedAt) {
    doc.save().rotate(-18, { origin: [PAGE.width / 2, PAGE.height / 2] }).fillOpacity(0.18).fillColor(REVOKED).font('bold');
    const stamp = t('revokedStamp');
    const size = fittingSize(doc, stamp, 'bold', 96, 40, PAGE.width - 160);
    doc.fontSize(size).text(stamp, 0, PAGE.height / 2 - size * 0.7, { width: PAGE.width, align: 'center', lineBreak: false });
    doc.restore();
  }
  doc.end();
  return done;
}
