// Shapes and limits the account forms use.
import type { Names } from '../../lib/names';

export interface PartnerItem { id: string; kind: string; name: Names }

/** As the server's LIMITS.passwordMin (src/domain/common.ts, not imported: it pulls in zod). */
export const PASSWORD_MIN = 10;
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]*$/i;
