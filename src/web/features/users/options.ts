// Options for the org unit and partner selects, and the users API calls.
import type { TFunction } from 'i18next';
import { localName, type Names } from '../../lib/names';
import type { RemoteOption } from './RemoteSelect';

export interface UnitItem { id: string; code: string; kind: string; name: Names }
export interface PartnerItem { id: string; kind: string; name: Names }

export function unitOption(unit: UnitItem, lang: string, t: TFunction): RemoteOption {
  const kind = t(`users.kinds.${unit.kind}`, { defaultValue: unit.kind });
  return { value: unit.id, label: `${localName(unit.name, lang) || unit.code} · ${kind} · ${unit.code}` };
}

export function partnerOption(partner: PartnerItem, lang: string): RemoteOption {
  return { value: partner.id, label: localName(partner.name, lang) };
}

export const PASSWORD_MIN = 10;
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]*$/i;
