// Keyset pagination: a page ends with the last row's sort value and id, encoded as an
// opaque cursor; the next page starts strictly after it. Stable under inserts, fast on both engines.
import { foldForSearch } from '../../domain/fold.js';
import { sql, type Expression, type RawBuilder } from 'kysely';
import { invalid } from '../errors.js';

export function encodeCursor(sortValue: string, id: string): string {
  return Buffer.from(JSON.stringify([sortValue, id])).toString('base64url');
}

export function decodeCursor(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) return value as [string, string];
  } catch { /* fall through */ }
  throw invalid('cursor', 'invalid_cursor');
}

/**
 * `(sort, id) > (cursorSort, cursorId)` written without row-value syntax, for both engines.
 * The leading `sort >= value` is redundant logically but lets both planners start an index
 * range at the cursor instead of scanning from the first row.
 */
export function after(sortColumn: Expression<unknown>, idColumn: Expression<unknown>, cursor: [string, string]): RawBuilder<boolean> {
  const [value, id] = cursor;
  return sql<boolean>`(${sortColumn} >= ${value} and (${sortColumn} > ${value} or ${idColumn} > ${id}))`;
}

/** Split a fetched `limit + 1` rows into the page and the next cursor. */
export function pageOf<T>(rows: T[], limit: number, key: (row: T) => [string, string]): { rows: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { rows, nextCursor: null };
  const page = rows.slice(0, limit);
  const [value, id] = key(page[page.length - 1]);
  return { rows: page, nextCursor: encodeCursor(value, id) };
}

export const parseJsonArray = (text: string | null): string[] => {
  if (!text) return [];
  const value = JSON.parse(text);
  return Array.isArray(value) ? value : [];
};

/** The folded search term of a `q` parameter, or null when there is nothing to search for. */
export function searchTerm(q: string | undefined): string | null {
  return q ? foldForSearch(q) || null : null;
}
