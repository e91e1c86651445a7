// The learner's record (issue 4): one person's trainings across the network and the centres
// their record is linked to. Zod shapes shared by the server and the learner's page.
// What a caller sees of a training outside their own area, and why: docs/api.md,
// "The learner's record".
import { z } from 'zod';
import { Locale } from './common.js';
import { CentreRef, ENROLMENT_STATUS, TRAINING_KINDS } from './learning.js';
import { LearnerLink } from './merge.js';

export const LearnerEnrolmentCertificate = z.object({
  id: z.string().nullable().describe('null when the training is outside your area (the issuing centre keeps the document)'),
  code: z.string().nullable().describe('The verification code; null when the training is outside your area'),
  language: Locale,
  issuedOn: z.string(),
  revoked: z.boolean(),
});

export const LearnerEnrolment = z.object({
  id: z.string(),
  status: z.enum(ENROLMENT_STATUS),
  waitingPosition: z.number().nullable().describe('1 = next to get a seat; null unless waiting'),
  enrolledOn: z.string(),
  completedOn: z.string().nullable(),
  droppedOn: z.string().nullable(),
  hoursAttended: z.number().describe("The learner's marks over the training's live meetings"),
  scheduledHours: z.number().describe("The training's live meetings"),
  training: z.object({
    id: z.string().nullable().describe('null when the training is outside your area: listed, not opened'),
    inScope: z.boolean().describe('The training is in your area: its page, sheets and certificates are yours to open'),
    kind: z.enum(TRAINING_KINDS),
    courseName: z.string().describe("In the request's language"),
    centreName: z.string().describe("The training's centre, in the request's language"),
    startDate: z.string(),
    endDate: z.string(),
  }),
  certificates: z.array(LearnerEnrolmentCertificate).describe('Issued for this enrolment (revoked ones too), newest first'),
}).describe("One of a learner's trainings: the learner's own part of it, never anyone else's");

export const LearnerEnrolmentList = z.object({
  items: z.array(LearnerEnrolment).describe('Newest training first; archived trainings and enrolments are left out'),
});

export const LearnerLinkDetail = LearnerLink.extend({
  centre: CentreRef.describe('The linked centre'),
  archivedAt: z.string().nullable(),
}).describe('A centre that keeps the learner too (decision 0019)');

export const LearnerLinkList = z.object({
  items: z.array(LearnerLinkDetail).describe('Live links you may remove: all of them in the home area, those into your area otherwise'),
});

export type LearnerEnrolment = z.infer<typeof LearnerEnrolment>;
export type LearnerLinkDetail = z.infer<typeof LearnerLinkDetail>;
