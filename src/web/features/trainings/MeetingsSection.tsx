// The meetings of a training: list, add, edit, archive. The server refuses a
// date outside the training's days (`outside_training`): its message lands
// under the date input. Each live meeting links to its attendance sheet.
import {
  Anchor, Badge, Button, Group, Modal, NumberInput, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title, VisuallyHidden,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ArchiveButton } from '../../components/ArchiveButton';
import { errorFor, fieldErrors, missingRequired, otherFieldErrors, type FieldErrors } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { useArchiveMeeting, useSaveMeeting, type Meeting, type MeetingBody, type TrainingDetail } from './api';
import { FormAlerts } from '../../components/Form';

interface MeetingForm { date: string; startTime: string; hours: number | '' }

/** A new meeting's defaults: the day after the last one (within the training), same start and length. */
function nextMeeting(training: TrainingDetail): MeetingForm {
  const live = training.meetings.filter((m) => !m.archivedAt);
  const last = live[live.length - 1];
  if (!last) return { date: training.startDate, startTime: '10:00', hours: 2 };
  const next = new Date(`${last.date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const iso = next.toISOString().slice(0, 10);
  return { date: iso <= training.endDate ? iso : last.date, startTime: last.startTime, hours: last.hours };
}

function MeetingFields({ form, onChange, errors, training }: {
  form: MeetingForm; onChange: (f: MeetingForm) => void; errors: FieldErrors; training: TrainingDetail;
}) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
      <TextInput type="date" label={t('trainings.meetingDate')} required min={training.startDate} max={training.endDate}
        value={form.date} onChange={(e) => onChange({ ...form, date: e.currentTarget.value })} error={errorFor(errors, 'date')} />
      <TextInput type="time" label={t('trainings.startTime')} required value={form.startTime}
        onChange={(e) => onChange({ ...form, startTime: e.currentTarget.value })} error={errorFor(errors, 'startTime')} />
      <NumberInput label={t('trainings.hours')} required min={0.5} max={12} step={0.5} decimalScale={2} allowNegative={false}
        value={form.hours} onChange={(v) => onChange({ ...form, hours: v === '' ? '' : Number(v) })} error={errorFor(errors, 'hours')} />
    </SimpleGrid>
  );
}

/** Add a meeting (no `meeting`) or change one, in a small form of three fields. */
function MeetingEditor({ training, meeting, onDone }: { training: TrainingDetail; meeting?: Meeting; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveMeeting(training.id);
  const [form, setForm] = useState<MeetingForm>(() => meeting
    ? { date: meeting.date, startTime: meeting.startTime, hours: meeting.hours }
    : nextMeeting(training));
  const [missing, setMissing] = useState<FieldErrors>({});
  const errors = Object.keys(missing).length ? missing : fieldErrors(save.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    const lack = missingRequired(t, form as unknown as Record<string, unknown>);
    setMissing(lack);
    if (Object.keys(lack).length) return;
    const body: MeetingBody = { date: form.date, startTime: form.startTime, hours: Number(form.hours) };
    save.mutate({ id: meeting?.id, version: meeting?.version, body }, {
      onSuccess: (saved) => {
        // Ready for the next one: the day after the meeting just added.
        if (!meeting) setForm(nextMeeting({ ...training, meetings: [...training.meetings, saved] }));
        onDone();
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={meeting ? t('trainings.editMeeting') : t('trainings.addMeeting')}>
      <Stack gap="sm">
        <FormAlerts error={save.error} missing={Object.keys(missing).length > 0}
          others={otherFieldErrors(errors, ['date', 'startTime', 'hours'])} />
        <MeetingFields form={form} onChange={setForm} errors={errors} training={training} />
        <Group justify="flex-end" gap="sm">
          {meeting && <Button variant="default" onClick={onDone} disabled={save.isPending}>{t('common.cancel')}</Button>}
          <Button type="submit" loading={save.isPending}>{meeting ? t('common.save') : t('trainings.addMeeting')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

function MeetingActions({ training, meeting, live }: { training: TrainingDetail; meeting: Meeting; live: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const archive = useArchiveMeeting();
  const [editing, setEditing] = useState(false);
  return (
    <Group gap={6} wrap="wrap">
      {!meeting.archivedAt && live && (
        <Button size="xs" component={Link} to={`/meetings/${meeting.id}/attendance`}>{t('attendance.open')}</Button>
      )}
      {!meeting.archivedAt && live && (
        <Button size="xs" variant="default" onClick={() => setEditing(true)}>{t('common.edit')}</Button>
      )}
      {live && (
        <ArchiveButton size="xs" record={meeting} name={`${fmt.date(meeting.date)} ${meeting.startTime}`}
          run={(action, r) => archive.mutateAsync({ id: r.id, version: r.version, action })} />
      )}
      <Modal opened={editing} onClose={() => setEditing(false)} title={t('trainings.editMeeting')} centered
        closeButtonProps={{ 'aria-label': t('common.close') }}>
        {editing && <MeetingEditor training={training} meeting={meeting} onDone={() => setEditing(false)} />}
      </Modal>
    </Group>
  );
}

export function MeetingsSection({ training }: { training: TrainingDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const isPhone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const live = !training.archivedAt;
  const meetings = training.meetings;

  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="training-meetings">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} size="h4" id="training-meetings">{t('trainings.meetings')}</Title>
        <Text size="sm" c="dimmed">
          {t('trainings.scheduledHours', { hours: fmt.number(training.scheduledHours), count: training.meetingCount })}
        </Text>
      </Group>
      {meetings.length === 0 ? (
        <Text c="dimmed" mb="sm">{t('trainings.noMeetings')}</Text>
      ) : isPhone ? (
        <Stack component="ul" gap="xs" p={0} m={0} mb="sm" style={{ listStyle: 'none' }} aria-label={t('trainings.meetings')}>
          {meetings.map((m) => (
            <Paper component="li" key={m.id} withBorder p="sm" radius="sm">
              <Stack gap={6}>
                <Group gap="xs" justify="space-between">
                  <Text fw={600}>{fmt.date(m.date)}, {m.startTime}</Text>
                  {m.archivedAt && <Badge color="red" variant="outline">{t('common.archived')}</Badge>}
                </Group>
                <Text size="sm">
                  {t('trainings.hoursValue', { hours: fmt.number(m.hours) })} · {t('trainings.marksValue', {
                    present: fmt.number(m.marks.present), absent: fmt.number(m.marks.absent) })}
                </Text>
                <MeetingActions training={training} meeting={m} live={live} />
              </Stack>
            </Paper>
          ))}
        </Stack>
      ) : (
        <Table verticalSpacing="xs" mb="sm" aria-label={t('trainings.meetings')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('trainings.meetingDate')}</Table.Th>
              <Table.Th>{t('trainings.startTime')}</Table.Th>
              <Table.Th ta="end">{t('trainings.hours')}</Table.Th>
              <Table.Th>{t('trainings.marks')}</Table.Th>
              <Table.Th><VisuallyHidden>{t('trainings.actions')}</VisuallyHidden></Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {meetings.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>
                  {m.archivedAt ? fmt.date(m.date) : (
                    <Anchor component={Link} to={`/meetings/${m.id}/attendance`}>{fmt.date(m.date)}</Anchor>
                  )}
                  {m.archivedAt && <Badge ml="xs" color="red" variant="outline" size="sm">{t('common.archived')}</Badge>}
                </Table.Td>
                <Table.Td>{m.startTime}</Table.Td>
                <Table.Td ta="end">{fmt.number(m.hours)}</Table.Td>
                <Table.Td>{t('trainings.marksValue', { present: fmt.number(m.marks.present), absent: fmt.number(m.marks.absent) })}</Table.Td>
                <Table.Td><MeetingActions training={training} meeting={m} live={live} /></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {live && (
        <Paper withBorder p="sm" radius="sm" bg="gray.0">
          <Text fw={600} mb="xs">{t('trainings.addMeeting')}</Text>
          <MeetingEditor training={training} onDone={() => undefined} />
        </Paper>
      )}
    </Paper>
  );
}
