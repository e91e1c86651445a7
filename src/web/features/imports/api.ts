// The import API as the wizard uses it. The upload goes by XMLHttpRequest: fetch cannot
// report upload progress, and a register over a village link takes a while.
import { ApiError, apiGet, apiSend } from '../../lib/api';

export const IMPORT_KINDS = ['learners', 'trainings', 'attendance', 'visits'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface Upload {
  id: string; kind: ImportKind; centreId: string; trainingId: string | null; format: 'xlsx' | 'csv'; encoding: string | null; delimiter: string | null;
  columns: string[]; rowCount: number; fields: { field: string; required: boolean }[]; suggested: Mapping;
}
export type Mapping = Record<string, number | null>;
export interface RowIssue { row: number; column: string | null; field: string; code: string; message: string }
export interface Preview {
  total: number; valid: number; invalid: number; duplicates: number; toImport: number;
  errors: RowIssue[]; warnings: RowIssue[]; mappingErrors: { field: string; code: string; message: string }[];
}
export interface Status {
  id: string; status: 'uploaded' | 'running' | 'done' | 'failed'; phase: 'checking' | 'writing' | null;
  processed: number; total: number; created: number; skipped: number; errors: RowIssue[]; errorCount: number;
}
export interface Options {
  mapping: Mapping;
  consent: { date: string; version: string } | null;
  duplicates: 'skip' | 'import';
}

let csrf: string | null = null;
async function csrfToken(): Promise<string> {
  csrf ??= (await apiGet<{ csrfToken: string }>('/api/auth/me')).csrfToken;
  return csrf;
}

export async function uploadFile(file: File, kind: ImportKind, centre: string, training: string | null, lang: string,
  onProgress: (percent: number) => void): Promise<Upload> {
  const token = await csrfToken();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/imports?${new URLSearchParams({ kind, centre, ...(training ? { training } : {}) })}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('x-csrf-token', token);
    xhr.setRequestHeader('accept-language', lang);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100)); };
    xhr.onerror = () => reject(new TypeError('Failed to fetch'));
    xhr.onload = () => {
      let body: any = null;
      try { body = JSON.parse(xhr.responseText); } catch { /* not JSON */ }
      if (xhr.status === 201) resolve(body as Upload);
      else reject(new ApiError(xhr.status, body?.code ?? 'http_error', body?.message ?? xhr.statusText, body?.fields ?? []));
    };
    xhr.send(file);
  });
}

const body = (o: Options) => ({ mapping: o.mapping, consent: o.consent, duplicates: o.duplicates });
export const preview = (id: string, o: Options) => apiSend<Preview>('POST', `/api/imports/${id}/preview`, body(o));
export const commit = (id: string, o: Options) => apiSend<Status>('POST', `/api/imports/${id}/commit`, body(o));
export const status = (id: string) => apiGet<Status>(`/api/imports/${id}`);
