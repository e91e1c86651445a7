// The public verification page (/verify/<code>, where the QR code leads): one small HTML page
// written on the server — no script, so it opens on any phone and satisfies the CSP (inline
// styles are allowed, scripts are not). It shows whether the code is valid, revoked or
// unknown and what is printed on the certificate; never anything else about the person.
import { LOCALES, type Locale } from '../../../domain/common.js';
import { formatDate, formatDateRange, formatHours, groupCode } from '../../../domain/certificates.js';
import { translate } from '../../i18n.js';
import type { VerificationRow } from './queries.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);

const STYLE = `
*{box-sizing:border-box}
body{margin:0;background:#f3f4f6;color:#1f2937;font:16px/1.5 "Noto Sans",system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
main{max-width:640px;margin:0 auto;padding:24px 16px 48px}
header{display:flex;justify-content:space-between;align-items:center;gap:12px;flex-wrap:wrap;margin-bottom:20px}
.brand{font-weight:700;color:#0f5f73;letter-spacing:.04em}
nav a{color:#0f5f73;margin-left:12px;text-decoration:none}
nav a[aria-current]{font-weight:700;text-decoration:underline}
h1{font-size:1.4rem;margin:0 0 16px}
.status{border-radius:8px;padding:16px 18px;margin-bottom:20px;border:2px solid}
.status strong{display:block;font-size:1.25rem}
.status p{margin:4px 0 0}
.valid{background:#ecfdf5;border-color:#059669;color:#065f46}
.revoked{background:#fef2f2;border-color:#dc2626;color:#991b1b}
.unknown{background:#f9fafb;border-color:#9ca3af;color:#374151}
dl{background:#fff;border-radius:8px;padding:8px 18px;margin:0;border:1px solid #e5e7eb}
dl div{padding:10px 0;border-bottom:1px solid #f3f4f6}
dl div:last-child{border-bottom:0}
dt{font-size:.8rem;color:#6b7280;text-transform:uppercase;letter-spacing:.04em}
dd{margin:2px 0 0;font-size:1.05rem;overflow-wrap:anywhere}
.name{font-size:1.35rem;font-weight:700}
.code{font-family:ui-monospace,Menlo,Consolas,monospace;letter-spacing:.08em}
.note{color:#4b5563;font-size:.85rem;margin-top:16px}
`;

/** The page's HTML; `row` null = no certificate has this code. `code` is the one asked for. */
export function verifyPage(locale: Locale, code: string, row: VerificationRow | null): string {
  const t = (key: string, params?: Record<string, unknown>) => escapeHtml(translate(locale, `certificate.${key}`, params));
  const langs = LOCALES.map((l) => `<a href="?lang=${l}" hreflang="${l}" lang="${l}"${l === locale ? ' aria-current="true"' : ''}>${escapeHtml(translate(l, `lang.${l}`))}</a>`).join('');
  let status: string;
  let details = '';
  if (!row) {
    status = `<div class="status unknown" role="status"><strong>${t('verify.notFound')}</strong><p>${t('verify.notFoundText')}</p>`
      + `<p class="code">${escapeHtml(groupCode(code.slice(0, 40)))}</p></div>`;
  } else {
    const revoked = row.revoked_at !== null;
    status = revoked
      ? `<div class="status revoked" role="status"><strong>✕ ${t('verify.revoked')}</strong><p>${t('verify.revokedText', { date: formatDate(row.revoked_at!.slice(0, 10), locale) })}</p></div>`
      : `<div class="status valid" role="status"><strong>✓ ${t('verify.valid')}</strong><p>${t('verify.validText')}</p></div>`;
    // Names of the course and the centre are printed in the certificate's language.
    const printed = ` lang="${escapeHtml(row.language)}"`;
    const item = (label: string, value: string, attrs = '') => `<div><dt>${t(label)}</dt><dd${attrs}>${escapeHtml(value)}</dd></div>`;
    details = `<dl>${[
      item('holder', row.holder_name, ' class="name"'),
      item('course', row.course_name, printed),
      item('centre', row.centre_name, printed),
      item('dates', formatDateRange(row.start_date, row.end_date, locale)),
      item('hours', formatHours(row.hours, locale)),
      item('issuedOn', formatDate(row.issued_on, locale)),
      item('code', groupCode(row.code), ' class="code"'),
    ].join('')}</dl><p class="note">${t('verify.privacy')}</p>`;
  }
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${t('verify.title')} — Kerege</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header><span class="brand">Kerege</span><nav aria-label="${t('verify.language')}">${langs}</nav></header>
<h1>${t('verify.title')}</h1>
${status}
${details}
</main>
</body>
</html>
`;
}
