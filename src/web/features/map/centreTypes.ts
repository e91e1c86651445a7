// Centre types and their marker colours (Okabe–Ito, safe for colour-blind
// readers; each has at least 3:1 contrast against the map's pale land fill).
export const CENTRE_TYPES = ['library', 'online_centre', 'clc', 'mobile', 'vet_school', 'ngo'] as const;
export type CentreType = (typeof CENTRE_TYPES)[number];

export const TYPE_COLOURS: Record<CentreType, string> = {
  library: '#0067a5',
  online_centre: '#c25700',
  clc: '#007a5a',
  mobile: '#a8437f',
  vet_school: '#6b5b00',
  ngo: '#5b3fa0',
};

export function typeColour(type: string): string {
  return (TYPE_COLOURS as Record<string, string>)[type] ?? '#495057';
}
