// Reading a place from a record's ancestors (Kazakhstan first).
import { localName } from './names';
import type { UnitRef } from './types';

/** The oblast, or the city of republican significance directly under the country. */
export function oblastOf(ancestors: UnitRef[] | undefined): UnitRef | undefined {
  if (!ancestors?.length) return undefined;
  const oblast = ancestors.find((a) => a.kind === 'oblast');
  if (oblast) return oblast;
  return ancestors.length > 1 && ancestors[0].kind === 'country' && ancestors[1].kind === 'city' ? ancestors[1] : undefined;
}

/** "Settlement, raion" — the places below the oblast, nearest first. */
export function localityOf(ancestors: UnitRef[] | undefined, lang: string): string {
  if (!ancestors?.length) return '';
  const oblast = oblastOf(ancestors);
  const below = ancestors.filter((a) => a.kind !== 'country' && a !== oblast && a.kind !== 'centre');
  return below.reverse().map((a) => localName(a.name, lang)).join(', ');
}
