// The kinds of register an import can read, by name (decision 0018).
import type { ImportKind } from '../../../domain/imports.js';
import { attendance } from './attendance-kind.js';
import type { Kind } from './kind.js';
import { learners } from './learners-kind.js';
import { trainings } from './trainings-kind.js';
import { visits } from './visits-kind.js';

export const KINDS: Record<ImportKind, Kind> = { learners, trainings, attendance, visits } as Record<ImportKind, Kind>;
