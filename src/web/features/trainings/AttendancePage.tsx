// /meetings/:id/attendance — the whole meeting on one screen, saved in one
// request (PUT, one transaction on the server). Made for 30 people in under a
// minute: every row is one large toggle (present / absent); ↑ ↓ move between
// rows, Space or Enter toggles, + and − set present or absent, Ctrl+S saves;
// on a tablet a tap toggles and the Save button stays at the bottom of the
// screen. Past marks may be corrected (the server audits each change). When
// someone else saved the sheet meanwhile (409), the fresh sheet is loaded with
// the reader's own changes put back on top, to look over and save again.
import '../../components/pageStyles';
import {
  Alert, Anchor, Badge, Box, Button, Group, Paper, Stack, Text, TextInput, UnstyledButton,
} from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ConfirmModal } from '../../components/ConfirmModal';
import { useNotify } from '../../components/Notifications';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, Loading } from '../../components/States';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { useAttendance, useSaveAttendance, useTraining, type AttendanceView } from './api';
import { trainingName } from './parts';
import {
  allPresent, changedCount, hoursProblems, marksToSend, reapply, rowsFromSheet, setPresent, tally, toggled, type SheetRow,
} from './sheet';
import { useLeaveGuard } from './useLeaveGuard';
import classes from './AttendancePage.module.css';

export default function AttendancePage() {
  const { id } = useParams();
  const sheet = useAttendance(id);
  if (sheet.isPending) return <Loading />;
  if (sheet.isError) return <ErrorState error={sheet.error} onRetry={() => void sheet.refetch()} />;
  return <Sheet key={sheet.data.meeting.id} view={sheet.data} refetch={() => sheet.refetch()} />;
}

function Sheet({ view, refetch }: { view: AttendanceView; refetch: () => Promise<{ data?: AttendanceView }> }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const notify = useNotify();
  const meeting = view.meeting;
  const training = useTraining(meeting.trainingId);
  const save = useSaveAttendance(meeting.id);
  const [base, setBase] = useState<SheetRow[]>(() => rowsFromSheet(view.items, meeting.hours));
  const [rows, setRows] = useState<SheetRow[]>(base);
  const [version, setVersion] = useState(meeting.version);
  const [hoursOpen, setHoursOpen] = useState(() => base.some((r) => r.hours !== ''));
  const toggles = useRef<(HTMLButtonElement | null)[]>([]);

  const changed = changedCount(rows, base);
  const problems = hoursProblems(rows, meeting.hours);
  const counts = tally(rows);
  const conflict = save.error instanceof ApiError && save.error.status === 409;
  const guard = useLeaveGuard(changed > 0);

  const update = (index: number, next: (r: SheetRow) => SheetRow) =>
    setRows((list) => list.map((r, i) => (i === index ? next(r) : r)));

  const submit = useCallback(() => {
    if (save.isPending || problems.size > 0 || training.data?.archivedAt) return;
    save.mutate({ version, marks: marksToSend(rows) }, {
      onSuccess: (saved) => {
        const fresh = rowsFromSheet(saved.items, saved.meeting.hours);
        setBase(fresh);
        setRows(fresh);
        setVersion(saved.meeting.version);
        notify({ message: t('attendance.savedNotice', { count: saved.changed ?? 0, formatted: fmt.number(saved.changed ?? 0) }) });
      },
    });
  }, [save, problems.size, training.data?.archivedAt, version, rows, notify, t, fmt]);

  // Ctrl+S (⌘S) saves from anywhere on the page, instead of the browser's "save page".
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && (e.key === 's' || e.key === 'S' || e.code === 'KeyS')) {
        e.preventDefault();
        submit();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [submit]);

  const reload = async () => {
    const fresh = await refetch();
    if (!fresh.data) return;
    const next = rowsFromSheet(fresh.data.items, fresh.data.meeting.hours);
    setRows(reapply(next, rows, base));
    setBase(next);
    setVersion(fresh.data.meeting.version);
    save.reset();
  };

  /** ↑ ↓ Home End move between rows' toggles; + − set present or absent. */
  const onRowKey = (index: number) => (e: KeyboardEvent<HTMLButtonElement>) => {
    const move = (to: number) => {
      e.preventDefault();
      toggles.current[Math.max(0, Math.min(rows.length - 1, to))]?.focus();
    };
    if (e.key === 'ArrowDown') move(index + 1);
    else if (e.key === 'ArrowUp') move(index - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(rows.length - 1);
    else if (e.key === '+') { e.preventDefault(); update(index, (r) => setPresent(r, true)); }
    else if (e.key === '-' || e.key === '−') { e.preventDefault(); update(index, (r) => setPresent(r, false)); }
  };

  const title = training.data ? trainingName(training.data, i18n.language) : t('attendance.title');
  const stateLabel = (r: SheetRow) => (r.present === true ? t('attendance.present') : r.present === false ? t('attendance.absent') : t('attendance.unmarked'));
  const problemText = (code: string) => (code === 'hours_format' ? t('attendance.hoursFormat') : t('attendance.hoursAbove', { hours: fmt.number(meeting.hours) }));
  const serverProblems = useMemo(() => (save.error instanceof ApiError && save.error.status === 400 ? save.error.fields : []), [save.error]);

  return (
    <Stack gap="md" pb={96}>
      <PageHeader
        above={<Anchor component={Link} to={`/trainings/${meeting.trainingId}`} size="sm">{title}</Anchor>}
        title={t('attendance.title')}
      />
      <Text>
        {t('attendance.meetingLine', {
          date: fmt.date(meeting.date), time: meeting.startTime, hours: fmt.number(meeting.hours),
        })}
      </Text>

      {training.data?.archivedAt && (
        <Alert color="yellow" role="status">{t('attendance.archived')}</Alert>
      )}
      {conflict && !training.data?.archivedAt && (
        <Alert color="orange" role="alert" title={t('attendance.conflictTitle')}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('attendance.conflict')}</Text>
            <Button size="sm" variant="default" onClick={() => void reload()}>{t('attendance.reloadKeep')}</Button>
          </Stack>
        </Alert>
      )}
      {save.error && !conflict ? (
        <Alert color="red" role="alert">
          {serverProblems.length
            ? serverProblems.map((f) => {
              const index = Number(/marks\.(\d+)/.exec(f.field)?.[1]);
              const who = marksToSend(rows)[index]?.learnerId;
              const name = rows.find((r) => r.learnerId === who)?.name;
              return <div key={f.field}>{name ? `${name}: ` : ''}{f.message}</div>;
            })
            : errorMessage(t, save.error)}
        </Alert>
      ) : null}

      {rows.length === 0 ? (
        <Paper withBorder p="md" radius="sm">
          <Text>{t('attendance.nobody')}</Text>
          <Anchor component={Link} to={`/trainings/${meeting.trainingId}`}>{t('attendance.toTraining')}</Anchor>
        </Paper>
      ) : (
        <>
          <Group gap="sm" justify="space-between">
            <Group gap="sm">
              <Button variant="light" color="green" onClick={() => setRows(allPresent)}>{t('attendance.allPresent')}</Button>
              <Button variant="default" onClick={() => setHoursOpen((v) => !v)} aria-expanded={hoursOpen}>
                {hoursOpen ? t('attendance.hideHours') : t('attendance.showHours')}
              </Button>
            </Group>
            <Text size="sm" role="status" aria-live="polite">
              {t('attendance.tally', {
                present: fmt.number(counts.present), absent: fmt.number(counts.absent), unmarked: fmt.number(counts.unmarked),
              })}
            </Text>
          </Group>
          <Text size="sm" c="dimmed" id="sheet-help">{t('attendance.keyboardHelp')}</Text>

          <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('attendance.listLabel')}>
            {rows.map((r, i) => {
              const problem = problems.get(r.learnerId);
              return (
                <li key={r.learnerId}>
                  <Group gap="xs" wrap="nowrap" align="stretch">
                    <UnstyledButton
                      ref={(el) => { toggles.current[i] = el; }}
                      className={classes.toggle}
                      data-state={r.present === true ? 'present' : r.present === false ? 'absent' : 'unmarked'}
                      aria-pressed={r.present === true}
                      aria-describedby={i === 0 ? 'sheet-help' : undefined}
                      onClick={() => update(i, toggled)}
                      onKeyDown={onRowKey(i)}
                      data-testid={`toggle-${i}`}
                    >
                      <span className={classes.mark} aria-hidden>{r.present === true ? '✓' : r.present === false ? '✕' : '·'}</span>
                      <span className={classes.name}>{r.name}</span>
                      {r.status === 'dropped' && <Badge size="sm" variant="outline" color="gray" tt="none">{t('trainings.statuses.dropped')}</Badge>}
                      <span className={classes.state}>{stateLabel(r)}</span>
                    </UnstyledButton>
                    {hoursOpen && (
                      <Box w={92} style={{ flexShrink: 0 }}>
                        <TextInput
                          aria-label={t('attendance.hoursFor', { name: r.name })}
                          placeholder={fmt.number(meeting.hours)}
                          inputMode="decimal"
                          size="md"
                          disabled={r.present !== true}
                          value={r.hours}
                          onChange={(e) => { const v = e.currentTarget.value; update(i, (row) => ({ ...row, hours: v })); }}
                          error={problem ? problemText(problem) : undefined}
                        />
                      </Box>
                    )}
                  </Group>
                </li>
              );
            })}
          </Stack>
        </>
      )}

      <Paper className={classes.bar} withBorder shadow="sm" p="sm" radius={0}>
        <Group justify="space-between" gap="sm" wrap="nowrap">
          <Text size="sm" className="kerege-wrap">
            {changed > 0
              ? t('attendance.unsaved', { count: changed, formatted: fmt.number(changed) })
              : t('attendance.allSaved')}
          </Text>
          <Button size="md" onClick={submit} loading={save.isPending} disabled={rows.length === 0 || problems.size > 0 || !!training.data?.archivedAt}
            aria-keyshortcuts="Control+S">
            {t('common.save')}
          </Button>
        </Group>
      </Paper>

      <ConfirmModal
        opened={guard.pending !== null}
        onClose={guard.stay}
        title={t('attendance.leaveTitle')}
        message={t('attendance.leaveQuestion', { count: changed, formatted: fmt.number(changed) })}
        confirmLabel={t('attendance.leave')}
        onConfirm={guard.leave}
      />
    </Stack>
  );
}
