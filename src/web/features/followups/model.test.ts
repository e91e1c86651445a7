// The follow-up pages' rules, and the web's copies of the closed lists kept equal to the domain's.
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../domain/common';
import { FOLLOW_UP_LIMITS, addMonths as domainAddMonths } from '../../../domain/followups';
import { OUTCOME_EVIDENCE, OUTCOME_STATUS } from '../../../domain/learning';
import { OUTCOME_LIMITS as DOMAIN_OUTCOME_LIMITS } from '../../../domain/outcomes';
import {
  EVIDENCE, INTERVAL_LIMITS, OUTCOME_LIMITS, STATUSES, addMonths, daysUntil, outcomeBody, outcomeFormErrors, parseIntervals, windowRange,
} from './model';

describe('follow-ups model', () => {
  it('mirrors the domain: statuses, evidence and limits', () => {
    expect(STATUSES).toEqual(OUTCOME_STATUS);
    expect(EVIDENCE).toEqual(OUTCOME_EVIDENCE);
    expect(OUTCOME_LIMITS).toEqual({ employerMax: DOMAIN_OUTCOME_LIMITS.employerMax, noteMax: LIMITS.noteMax });
    expect(INTERVAL_LIMITS).toEqual({ intervalsMax: FOLLOW_UP_LIMITS.intervalsMax, monthsMax: FOLLOW_UP_LIMITS.monthsMax });
  });

  it('adds months as the server does (clamped to the month end)', () => {
    for (const [date, months] of [['2026-01-31', 1], ['2024-01-31', 1], ['2026-11-23', -12], ['2026-03-31', -36], ['2025-12-15', 3]] as const) {
      expect(addMonths(date, months)).toBe(domainAddMonths(date, months));
    }
  });

  it('turns a due window into the worklist query, and counts days to a due date', () => {
    expect(windowRange('due', '2026-11-23')).toEqual({});
    expect(windowRange('soon', '2026-11-23')).toEqual({ dueFrom: '2025-11-23', dueBefore: '2026-12-23' });
    expect(windowRange('older', '2026-11-23')).toEqual({ dueFrom: '2023-11-23', dueBefore: '2026-11-23' });
    expect(daysUntil('2026-11-20', '2026-11-23')).toBe(-3);
    expect(daysUntil('2026-11-23', '2026-11-23')).toBe(0);
    expect(daysUntil('2027-01-01', '2026-11-23')).toBe(39);
  });

  it('reads follow-up intervals: 1–6 distinct months of 1–60, ascending', () => {
    expect(parseIntervals('3, 6, 12')).toEqual([3, 6, 12]);
    expect(parseIntervals('12 6;6 3')).toEqual([3, 6, 12]);
    expect(parseIntervals('')).toBeNull();
    expect(parseIntervals('0, 3')).toBeNull();
    expect(parseIntervals('61')).toBeNull();
    expect(parseIntervals('1,2,3,4,5,6,7')).toBeNull();
    expect(parseIntervals('3 months')).toBeNull();
  });

  it('asks for a status, a date not in the future and evidence unless the person could not be reached', () => {
    const today = '2026-11-23';
    const form = { status: null, employer: '', recordedOn: today, evidence: null, note: '' };
    expect(outcomeFormErrors(form, today)).toEqual({ status: 'required' });
    expect(outcomeFormErrors({ ...form, status: 'employed' }, today)).toEqual({ evidence: 'evidence_required' });
    expect(outcomeFormErrors({ ...form, status: 'unreachable' }, today)).toEqual({});
    expect(outcomeFormErrors({ ...form, status: 'unreachable', recordedOn: '2026-11-24' }, today)).toEqual({ recordedOn: 'date_in_future' });
    expect(outcomeFormErrors({ ...form, status: 'unreachable', recordedOn: '' }, today)).toEqual({ recordedOn: 'required' });
  });

  it('sends an employer only where there is one to name, and blank text as none', () => {
    const base = { employer: ' ТОО «Қордай Агро» ', recordedOn: '2026-11-20', evidence: 'employer' as const, note: '  ' };
    expect(outcomeBody({ ...base, status: 'employed' })).toEqual({
      status: 'employed', employer: 'ТОО «Қордай Агро»', recordedOn: '2026-11-20', evidence: 'employer', note: null,
    });
    expect(outcomeBody({ ...base, status: 'still_looking' }).employer).toBeNull();
  });
});
