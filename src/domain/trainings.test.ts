// The pure rules of trainings: seats and the waiting list, the completion rule, what a sheet changes.
import { describe, expect, it } from 'vitest';
import { AttendanceSheet, MeetingInput, TrainingInput, TrainingPatch, allocateSeats, completionStatus, planSheet, rescaleMark } from './trainings.js';

const A = '0190b4c0-0000-7000-8000-00000000000a';
const B = '0190b4c0-0000-7000-8000-00000000000b';
const C = '0190b4c0-0000-7000-8000-00000000000c';

describe('completionStatus', () => {
  it('completes at the course share of the scheduled hours, not below', () => {
    expect(completionStatus(19.2, 24, 80)).toEqual({ percent: 80, requiredPercent: 80, met: true });
    expect(completionStatus(19, 24, 80)).toEqual({ percent: 79, requiredPercent: 80, met: false });
    expect(completionStatus(24, 24, 100)).toMatchObject({ percent: 100, met: true });
  });
  it('survives binary fractions: 0.1-hour steps that add up to the rule', () => {
    const hours = Array.from({ length: 8 }, () => 0.1).reduce((a, b) => a + b, 0); // 0.7999999999999999
    expect(completionStatus(hours, 1, 80).met).toBe(true);
  });
  it('completes nothing before anything is scheduled, and never shows more than 100 %', () => {
    expect(completionStatus(0, 0, 80)).toEqual({ percent: 0, requiredPercent: 80, met: false });
    expect(completionStatus(5, 0, 1).met).toBe(false);
    expect(completionStatus(30, 24, 80).percent).toBe(100);
    expect(completionStatus(-1, 24, 80)).toMatchObject({ percent: 0, met: false });
  });
});

describe('allocateSeats', () => {
  it('fills the free seats first, then the waiting list, then refuses', () => {
    expect(allocateSeats({ capacity: 3, occupied: 1, waiting: 0 }, 4)).toEqual(['enrolled', 'enrolled', 'waiting', 'waiting']);
    expect(allocateSeats({ capacity: 2, occupied: 2, waiting: 1 }, 3, 2)).toEqual(['waiting', 'full', 'full']);
  });
  it('never counts negative seats when capacity was lowered below the enrolled', () => {
    expect(allocateSeats({ capacity: 2, occupied: 5, waiting: 0 }, 1)).toEqual(['waiting']);
  });
  it('has no limit without a capacity', () => {
    expect(allocateSeats({ capacity: null, occupied: 900, waiting: 0 }, 2)).toEqual(['enrolled', 'enrolled']);
  });
});

describe('planSheet', () => {
  const onSheet = new Map([[A, 'eA'], [B, 'eB'], [C, 'eC']]);
  it('writes only what changed: new marks, corrections; omitted hours are the whole meeting', () => {
    const plan = planSheet({
      meetingHours: 2, onSheet,
      existing: new Map([[A, { present: true, hours: 2 }], [B, { present: true, hours: 2 }]]),
      marks: [{ learnerId: A, present: true }, { learnerId: B, present: false }, { learnerId: C, present: true, hours: 1.5 }],
    });
    expect(plan).toEqual({
      issues: [],
      inserts: [{ learnerId: C, enrolmentId: 'eC', present: true, hours: 1.5 }],
      updates: [{ learnerId: B, present: false, hours: 0 }],
    });
  });
  it('reports every problem at once, and then plans nothing', () => {
    const plan = planSheet({
      meetingHours: 2, onSheet: new Map([[A, 'eA']]), existing: new Map(),
      marks: [
        { learnerId: A, present: true, hours: 3 }, { learnerId: 'not-an-id', present: true }, { learnerId: A, present: true },
        { learnerId: B, present: false, hours: 1 },
      ],
    });
    expect(plan.issues).toEqual([
      { field: 'marks.0.hours', code: 'hours_above_meeting', params: { max: 2 } },
      { field: 'marks.1.learnerId', code: 'not_enrolled' },
      { field: 'marks.2.learnerId', code: 'duplicate' },
      { field: 'marks.3.learnerId', code: 'not_enrolled' },
      { field: 'marks.3.hours', code: 'absent_with_hours' },
    ]);
    expect(plan.inserts).toEqual([]);
    expect(plan.updates).toEqual([]);
  });
});

describe('rescaleMark', () => {
  it('keeps a whole meeting whole and cuts a part to the new length', () => {
    expect(rescaleMark(3, 3, 2)).toBe(2);
    expect(rescaleMark(2, 3, 4)).toBe(2);
    expect(rescaleMark(2.5, 3, 2)).toBe(2);
    expect(rescaleMark(0, 3, 2)).toBe(0);
  });
});

describe('schemas', () => {
  const training = { courseId: 'ICT', centreId: 'CLC-KORDAI', startDate: '2026-12-01', endDate: '2026-12-20', capacity: 12, language: 'kk' };
  it('defaults the kind and the staff lists, and drops repeated ids', () => {
    expect(TrainingInput.parse({ ...training, trainerIds: [A, A] })).toMatchObject({ kind: 'training', trainerIds: [A], volunteerIds: [], place: null });
  });
  it('refuses an end before the start, a capacity out of 1–500, a bad time and a meeting out of 0.5–12 hours', () => {
    const codes = (r: { error?: { issues: { path: PropertyKey[]; message: string; code: string }[] } }) =>
      r.error?.issues.map((i) => `${i.path.join('.')}:${/^[a-z_]+$/.test(i.message) ? i.message : i.code}`);
    expect(codes(TrainingInput.safeParse({ ...training, endDate: '2026-11-30' }))).toEqual(['endDate:end_before_start']);
    expect(codes(TrainingInput.safeParse({ ...training, capacity: 501 }))).toEqual(['capacity:too_big']);
    expect(codes(TrainingPatch.safeParse({ version: 'v', startDate: '2026-12-02', endDate: '2026-12-01' }))).toEqual(['endDate:end_before_start']);
    expect(codes(MeetingInput.safeParse({ date: '2026-12-01', startTime: '24:00', hours: 0.25 }))).toEqual(['startTime:time_format', 'hours:too_small']);
    expect(AttendanceSheet.safeParse({ version: 'v', marks: [{ learnerId: A, present: true, hours: 13 }] }).success).toBe(false);
  });
});
