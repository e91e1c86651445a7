// A person's own learning, as they see it when signed in with an account linked to their
// learner record (issue 4, item 2: a freed seat is told "on their next visit to their page").
import { z } from 'zod';
import { ENROLMENT_STATUS, TRAINING_KINDS } from './learning.js';

const Names = z.object({ kk: z.string(), ru: z.string(), en: z.string() });

export const MyEnrolment = z.object({
  id: z.string(),
  training: z.object({
    id: z.string(), kind: z.enum(TRAINING_KINDS), course: Names, centre: Names, place: z.string().nullable(),
    startDate: z.string(), endDate: z.string(),
  }),
  status: z.enum(ENROLMENT_STATUS),
  waitlistPosition: z.number().nullable(),
  /** A seat freed up for them since they last looked: shown once, then POST …/seen. */
  newSeat: z.boolean(),
  hoursAttended: z.number(),
  hoursPlanned: z.number(),
});

export const MyCertificate = z.object({
  code: z.string(), courseName: z.string(), centreName: z.string(), hours: z.number(), issuedOn: z.string(),
  language: z.string(), revoked: z.boolean(),
});

export const MyLearning = z.object({
  linked: z.boolean().describe('Whether this account is linked to a learner record at all'),
  enrolments: z.array(MyEnrolment).describe('Newest trainings first'),
  certificates: z.array(MyCertificate),
}).describe("The signed-in person's own trainings and certificates");

export const SeenInput = z.object({
  enrolmentIds: z.array(z.string().max(40)).min(1).max(100).describe('Enrolments whose new seat the person has now seen'),
});

export type MyLearning = z.infer<typeof MyLearning>;
