// The learner form's logic without a browser: when the duplicate check may be
// asked, instant IIN and phone feedback, the guardian rule, what an edit sends,
// and that the client runs the server's own schema.
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { isoToday } from '../../../domain/learning';
import { changedBody, clientErrors, iinState, initialForm, matchQuery, needsGuardian, phoneState, toBody, type LearnerForm } from './model';
import { displayPhone, fullName } from './parts';

// Like i18next: a translation for every key (a missing key would come back as itself).
const t = ((key: string) => `tr:${key}`) as unknown as TFunction;
const form = (patch: Partial<LearnerForm> = {}): LearnerForm => ({ ...initialForm(undefined, 'CLC-KORDAI'), ...patch });

describe('learner form', () => {
  it('asks the duplicate check only with a name plus birth date or whole phone, or a whole IIN', () => {
    expect(matchQuery(form({ lastName: 'Серікұлы', firstName: 'Ерлан' }))).toBeNull();
    expect(matchQuery(form({ lastName: 'Серікұлы', birthDate: '1990-05-12' }))).toBeNull();
    expect(matchQuery(form({ lastName: 'Серікұлы', firstName: 'Ерлан', phone: '8 701 555' }))).toBeNull();
    expect(matchQuery(form({ lastName: ' Серікұлы ', firstName: 'Ерлан', birthDate: '1990-05-12' })))
      .toEqual({ lastName: 'Серікұлы', firstName: 'Ерлан', birthDate: '1990-05-12' });
    expect(matchQuery(form({ lastName: 'Serikuly', firstName: 'Yerlan', phone: '8 (701) 555-12-34' }), 'me'))
      .toEqual({ lastName: 'Serikuly', firstName: 'Yerlan', phone: '+77015551234', exclude: 'me' });
    expect(matchQuery(form({ iin: '900512 300001' }))).toEqual({ iin: '900512300001' });
    // A birth date in the future or a bad IIN is not worth a request.
    expect(matchQuery(form({ lastName: 'A', firstName: 'B', birthDate: '2999-01-01' }))).toBeNull();
    expect(matchQuery(form({ iin: '900512300002' }))).toBeNull();
  });

  it('checks an IIN as it is typed: format, checksum, birth date and sex', () => {
    expect(iinState('9005', { birthDate: '', sex: '' }, false).code).toBeNull();
    expect(iinState('9005', { birthDate: '', sex: '' }, true).code).toBe('iin_format');
    expect(iinState('90051230000x', { birthDate: '', sex: '' }, false).code).toBe('iin_format');
    expect(iinState('900512300002', { birthDate: '', sex: '' }, false).code).toBe('iin_checksum');
    expect(iinState('900512300001', { birthDate: '', sex: '' }, false))
      .toEqual({ iin: '900512300001', birthDate: '1990-05-12', sex: 'male', code: null });
    expect(iinState('900512300001', { birthDate: '1990-05-13', sex: 'male' }, false).code).toBe('iin_birth_date_mismatch');
    expect(iinState('900512300001', { birthDate: '1990-05-12', sex: 'female' }, false).code).toBe('iin_sex_mismatch');
  });

  it('normalises a phone as typed and complains only once enough is typed', () => {
    expect(phoneState('8 701 555 12 34', false)).toEqual({ e164: '+77015551234', code: null });
    expect(phoneState('8 701', false)).toEqual({ e164: null, code: null });
    expect(phoneState('8 701', true).code).toBe('phone_format');
    expect(phoneState('+1 212 555 0100', false).code).toBe('phone_country');
    expect(displayPhone('+77015551234')).toBe('+7 701 555 12 34');
    expect(displayPhone('not a phone')).toBe('not a phone');
  });

  it('wants a guardian under 18 at the consent date', () => {
    expect(needsGuardian({ birthDate: '2012-09-01', consentDate: '2026-11-02' })).toBe(true);
    expect(needsGuardian({ birthDate: '2008-11-02', consentDate: '2026-11-02' })).toBe(false);
    expect(needsGuardian({ birthDate: '', consentDate: '2026-11-02' })).toBe(false);
  });

  it("runs the server's schema: required fields, consent, a minor's guardian", () => {
    const empty = clientErrors(t, form({ centreId: null }), { isNew: true });
    expect(Object.keys(empty).sort()).toEqual(['birthDate', 'centreId', 'consentGiven', 'firstName', 'lastName', 'sex']);
    const minor = form({ lastName: 'Серікқызы', firstName: 'Айгерім', sex: 'female', birthDate: '2012-09-01', consentGiven: true });
    expect(clientErrors(t, minor, { isNew: true })).toEqual({ 'consent.guardianName': 'tr:errors.field.guardian_required' });
    expect(clientErrors(t, { ...minor, guardianName: 'Серікұлы Ерлан' }, { isNew: true })).toEqual({});
    const badIin = { ...minor, guardianName: 'Серікұлы Ерлан', iin: '900512300002' };
    expect(clientErrors(t, badIin, { isNew: true })).toEqual({ iin: 'tr:errors.field.iin_checksum' });
    expect(toBody(minor)).toMatchObject({ centreId: 'CLC-KORDAI', middleName: null, phone: null, iin: null,
      consent: { date: isoToday(), guardianName: null } });
  });

  it('sends only what changed on an edit, and a new consent only when its date or guardian changed', () => {
    const before = form({ lastName: 'Серікұлы', firstName: 'Ерлан', sex: 'male', birthDate: '1990-05-12', phone: '+7 701 555 12 34' });
    expect(changedBody(before, before)).toEqual({});
    expect(changedBody({ ...before, phone: '87015551235', targetGroups: ['farmers'] }, before))
      .toEqual({ phone: '87015551235', targetGroups: ['farmers'] });
    expect(changedBody({ ...before, consentDate: '2026-01-05' }, before)).toMatchObject({ consent: { date: '2026-01-05' } });
    expect(fullName({ lastName: 'Серікұлы', firstName: 'Ерлан', middleName: null })).toBe('Серікұлы Ерлан');
  });
});
