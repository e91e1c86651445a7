// Attendance routes (M3): one meeting's sheet, read and saved whole.
import { IdParams } from '../../../domain/common.js';
import { AttendanceSheet, AttendanceView } from '../../../domain/trainings.js';
import type { App } from '../../app.js';
import * as service from './service.js';

export function attendanceRoutes(app: App): void {
  const tags = ['attendance'];
  app.get('/api/meetings/:id/attendance', {
    config: { access: 'learner.read' },
    schema: {
      tags, summary: "The meeting's sheet: every enrolled learner with their mark or none; meeting.version is the sheet's version",
      params: IdParams, response: { 200: AttendanceView },
    },
  }, (req) => service.getSheet(req.ctx, req.params.id));
  app.put('/api/meetings/:id/attendance', {
    config: { access: 'attendance.write' },
    schema: {
      tags, summary: 'Save the sheet (all learners or some) in one transaction; only changes are written, corrections audited',
      params: IdParams, body: AttendanceSheet, response: { 200: AttendanceView },
    },
  }, (req) => service.saveSheet(req.ctx, req.params.id, req.body));
}
