// The columns of each exported list, in the caller's language: headers are
// `exports.columns.<list>.<key>`, closed-list values their labels. The learner columns carry
// the same header words the importer recognises, so an exported list imports back.
import type { Locale } from '../../../domain/common.js';
import { translate } from '../../i18n.js';
import type { Cell } from './writers.js';

export type ListName = 'learners' | 'trainings' | 'enrolments' | 'visits' | 'outcomes' | 'centres' | 'partners';
type Names = { kk: string; ru: string; en: string };
type Any = any; // the list services' item shapes (documented in docs/api.md)
interface Column { key: string; value: (item: Any, locale: Locale) => Cell }

/** A label of a closed-list value, or the value itself when there is no label. */
const label = (key: string) => (value: string | null | undefined, locale: Locale): Cell => {
  if (!value) return null;
  const full = `${key}.${value}`;
  const text = translate(locale, full);
  return text === full ? value : text;
};
const labels = (key: string) => (values: string[] | null | undefined, locale: Locale): Cell =>
  (values ?? []).map((v) => label(key)(v, locale)).join(', ');
const name = (n: Names | null | undefined, locale: Locale) => (n ? n[locale] : null);
const yesNo = (v: boolean, locale: Locale) => translate(locale, v ? 'learners.yes' : 'learners.no');
const col = (key: string, value: Column['value']): Column => ({ key, value });
const person = (p: { lastName: string; firstName: string; middleName: string | null } | null) =>
  (p ? [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ') : null);

export const COLUMNS: Record<ListName, Column[]> = {
  learners: [
    col('centre', (l) => l.centre.code),
    col('lastName', (l) => l.lastName),
    col('firstName', (l) => l.firstName),
    col('middleName', (l) => l.middleName),
    col('sex', (l, loc) => label('learners.sexes')(l.sex, loc)),
    col('birthDate', (l) => l.birthDate),
    col('phone', (l) => l.phone),
    col('iin', (l) => l.iin),
    col('settlement', (l) => l.settlement?.code ?? null),
    col('languages', (l, loc) => labels('exports.values.languages')(l.languages, loc)),
    col('education', (l, loc) => label('learners.educations')(l.education, loc)),
    col('employmentStatus', (l, loc) => label('learners.employment')(l.employmentStatus, loc)),
    col('registeredUnemployed', (l, loc) => yesNo(l.registeredUnemployed, loc)),
    col('targetGroups', (l, loc) => labels('learners.targetGroups')(l.targetGroups, loc)),
    col('consentDate', (l) => l.consent.date),
    col('consentVersion', (l) => l.consent.version),
    col('guardianName', (l) => l.consent.guardianName),
  ],
  trainings: [
    col('centre', (t) => t.centre.code),
    col('course', (t, loc) => name(t.course.name, loc)),
    col('kind', (t, loc) => label('exports.values.trainingKinds')(t.kind, loc)),
    col('place', (t) => t.place),
    col('startDate', (t) => t.startDate),
    col('endDate', (t) => t.endDate),
    col('language', (t, loc) => label('exports.values.languages')(t.language, loc)),
    col('capacity', (t) => t.capacity),
    col('enrolled', (t) => t.counts.enrolled),
    col('completed', (t) => t.counts.completed),
    col('waiting', (t) => t.counts.waiting),
    col('meetings', (t) => t.meetingCount),
    col('hours', (t) => t.scheduledHours),
  ],
  enrolments: [
    col('learner', (e) => person(e.learner)),
    col('status', (e, loc) => label('exports.values.enrolmentStatus')(e.status, loc)),
    col('waitingPosition', (e) => e.waitingPosition),
    col('enrolledOn', (e) => e.enrolledOn),
    col('completedOn', (e) => e.completedOn),
    col('droppedOn', (e) => e.droppedOn),
    col('hoursAttended', (e) => e.hoursAttended),
    col('percent', (e) => e.completion?.percent ?? null),
  ],
  visits: [
    col('centre', (v) => v.centre.code),
    col('date', (v) => v.date),
    col('purpose', (v, loc) => label('exports.values.visitPurposes')(v.purpose, loc)),
    col('count', (v) => v.count),
    col('learner', (v) => person(v.learner)),
  ],
  outcomes: [
    col('centre', (o) => o.centre.code),
    col('learner', (o) => person(o.learner)),
    col('course', (o, loc) => name(o.training?.course.name, loc)),
    col('dueOn', (o) => o.dueOn),
    col('recordedOn', (o) => o.recordedOn),
    col('status', (o, loc) => label('exports.values.outcomeStatus')(o.status, loc)),
    col('employer', (o) => o.employer),
    col('evidence', (o, loc) => label('exports.values.evidence')(o.evidence, loc)),
  ],
  centres: [
    col('code', (c) => c.code),
    col('name', (c, loc) => name(c.name, loc)),
    col('type', (c, loc) => label('centres.types')(c.type, loc)),
    col('oblast', (c, loc) => name(c.ancestors?.find((a: Any) => a.kind === 'oblast')?.name, loc)),
    col('address', (c) => c.address),
    col('phone', (c) => c.phone),
    col('email', (c) => c.email),
    col('connectivity', (c, loc) => label('centres.connectivity')(c.connectivity, loc)),
    col('computers', (c) => c.computers),
    col('openedOn', (c) => c.openedOn),
    col('lat', (c) => c.lat),
    col('lon', (c) => c.lon),
  ],
  partners: [
    col('name', (p, loc) => name(p.name, loc)),
    col('kind', (p, loc) => label('partners.kinds')(p.kind, loc)),
    col('orgUnit', (p, loc) => name(p.orgUnit?.name, loc)),
    col('address', (p) => p.address),
    col('phone', (p) => p.phone),
    col('email', (p) => p.email),
    col('website', (p) => p.website),
  ],
};
