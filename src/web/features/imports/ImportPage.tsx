// /import — the import wizard: choose what (learners, trainings, a training's attendance,
// visits) and where, upload (with progress), match the file's columns to fields, check every
// row (errors per row, in the reader's language, a page at a time), then write — all or
// nothing — with a progress bar, and the result. /import?kind=attendance&training=<id> comes
// from a training's page with the training chosen.
import '../../components/pageStyles';
// The wizard's own parts, loaded with this page only.
import '@mantine/core/styles/Stepper.css';
import '@mantine/core/styles/Progress.css';
import '@mantine/core/styles/Pagination.css';
import {
  Alert, Anchor, Button, Checkbox, FileInput, Group, Pagination, Paper, Progress, Select, SimpleGrid, Stack, Stepper,
  Table, Text, TextInput, Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { RecordSelect } from '../../components/RecordSelect';
import { useUser } from '../../lib/auth';
import { errorMessage } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { localName } from '../../lib/names';
import type { Centre } from '../../lib/types';
import { boundCentre } from '../learners/parts';
import { useTrainingList } from '../trainings/api';
import { trainingName } from '../trainings/parts';
import { IMPORT_KINDS, commit, preview, status, uploadFile, type ImportKind, type Options, type Preview, type RowIssue, type Upload } from './api';

/** Where the imported records can be seen afterwards, and which lists to refresh. */
const AFTER: Record<ImportKind, { to: (training: string | null) => string; lists: string[] }> = {
  learners: { to: () => '/learners', lists: ['learners'] },
  trainings: { to: () => '/trainings', lists: ['trainings'] },
  attendance: { to: (training) => `/trainings/${training}`, lists: ['trainings', 'attendance', 'enrolments'] },
  visits: { to: () => '/visits', lists: ['visits'] },
};

/** The centre's trainings, latest first, to choose the one whose attendance register this is. */
function TrainingChoice({ centre, value, onChange }: { centre: string | null; value: string | null; onChange: (id: string | null) => void }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const list = useTrainingList({ centre: centre ?? undefined }, !!centre);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Select label={t('imports.fields.training')} required searchable disabled={!centre} value={value} onChange={onChange}
      description={t('imports.trainingHelp')}
      nothingFoundMessage={list.isFetching ? t('common.loading') : t('common.nothingFound')}
      data={items.map((tr) => ({ value: tr.id, label: `${trainingName(tr, i18n.language)} · ${fmt.date(tr.startDate)} – ${fmt.date(tr.endDate)}` }))} />
  );
}

const PAGE_SIZE = 20;
const today = () => new Date(Date.now() + 5 * 3600_000).toISOString().slice(0, 10);

function Issues({ title, issues, color }: { title: string; issues: RowIssue[]; color: 'red' | 'yellow' }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(issues.length / PAGE_SIZE));
  useEffect(() => setPage(1), [issues]);
  if (issues.length === 0) return null;
  const shown = issues.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  return (
    <Paper withBorder p="sm" radius="sm" component="section" aria-label={title} style={{ borderColor: `var(--mantine-color-${color}-6)` }}>
      <Title order={2} size="h4" mb="xs">{title}</Title>
      <Table.ScrollContainer minWidth={320}>
        <Table verticalSpacing={4} aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('imports.row')}</Table.Th>
              <Table.Th>{t('imports.column')}</Table.Th>
              <Table.Th>{t('imports.problem')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((issue) => (
              <Table.Tr key={`${issue.row}-${issue.field}-${issue.code}`}>
                <Table.Td>{fmt.number(issue.row)}</Table.Td>
                <Table.Td className="kerege-wrap">{issue.column ?? t(`imports.fields.${issue.field}`)}</Table.Td>
                <Table.Td className="kerege-wrap">{issue.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 && (
        <Group justify="space-between" mt="xs">
          <Text size="sm" c="dimmed">{t('imports.page', { page: fmt.number(page), pages: fmt.number(pages) })}</Text>
          <Pagination total={pages} value={page} onChange={setPage} size="sm"
            getControlProps={(control) => ({ 'aria-label': control })} />
        </Group>
      )}
    </Paper>
  );
}

function Counts({ p, kind }: { p: Preview; kind: ImportKind }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  // an attendance register has no likely repeats: a mark twice in the file is an error
  const items: Array<[string, number, string | undefined]> = [
    ['total', p.total, undefined], ['valid', p.valid, 'green'], ['invalid', p.invalid, p.invalid ? 'red' : undefined],
    ...(kind === 'attendance' ? [] : [['duplicates', p.duplicates, p.duplicates ? 'yellow.8' : undefined] as [string, number, string | undefined]]),
    ['toImport', p.toImport, undefined],
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: items.length }} spacing="xs" component="dl" m={0}>
      {items.map(([key, value, color]) => (
        <Paper key={key} withBorder p="xs" radius="sm">
          <Text component="dt" size="xs" c="dimmed">{t(key === 'duplicates' ? `imports.duplicatesOf.${kind}` : `imports.counts.${key}`)}</Text>
          <Text component="dd" m={0} fw={700} size="lg" c={color} data-testid={`count-${key}`}>{fmt.number(value)}</Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

export default function ImportPage() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const own = boundCentre(user);
  const [params] = useSearchParams();
  const [step, setStep] = useState(0);
  const [kind, setKind] = useState<ImportKind>(IMPORT_KINDS.find((k) => k === params.get('kind')) ?? 'learners');
  const [training, setTraining] = useState<string | null>(params.get('training'));
  const [centre, setCentre] = useState<string | null>(params.get('centre') ?? own);
  const [file, setFile] = useState<File | null>(null);
  const [uploadPercent, setUploadPercent] = useState<number | null>(null);
  const [upload, setUpload] = useState<Upload | null>(null);
  const [options, setOptions] = useState<Options>({ mapping: {}, consent: null, duplicates: 'skip' });
  const [attest, setAttest] = useState({ on: false, date: today(), version: '' });
  const [checked, setChecked] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [running, setRunning] = useState<string | null>(null);

  const consentMapped = options.mapping.consentDate != null && options.mapping.consentVersion != null;
  const effective = (): Options => ({
    ...options, consent: kind === 'learners' && !consentMapped && attest.on ? { date: attest.date, version: attest.version } : null,
  });
  const ready = !!file && !!centre && (kind !== 'attendance' || !!training);

  const progress = useQuery({
    queryKey: ['imports', running],
    queryFn: () => status(running!),
    enabled: !!running,
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'done' || q.state.data.status === 'failed') ? false : 500),
  });
  const result = progress.data;
  useEffect(() => {
    if (result?.status !== 'done') return;
    for (const list of AFTER[kind].lists) void queryClient.invalidateQueries({ queryKey: [list] });
  }, [result?.status, queryClient, kind]);

  const doUpload = async () => {
    if (!file || !centre) return;
    setBusy(true); setError(null); setUploadPercent(0);
    try {
      const up = await uploadFile(file, kind, centre, kind === 'attendance' ? training : null, i18n.language, setUploadPercent);
      setUpload(up);
      setOptions({ mapping: up.suggested, consent: null, duplicates: 'skip' });
      setStep(1);
    } catch (e) {
      setError(errorMessage(t, e));
    } finally {
      setBusy(false); setUploadPercent(null);
    }
  };

  const doCheck = async () => {
    if (!upload) return;
    setBusy(true); setError(null);
    try {
      setChecked(await preview(upload.id, effective()));
      setStep(2);
    } catch (e) {
      setError(errorMessage(t, e));
    } finally {
      setBusy(false);
    }
  };

  // The row messages come from the server in the language asked for: ask again on a switch.
  useEffect(() => {
    if (step === 2 && upload) void preview(upload.id, effective()).then(setChecked).catch(() => undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [i18n.language]);

  const doCommit = async () => {
    if (!upload) return;
    setBusy(true); setError(null);
    try {
      const started = await commit(upload.id, effective());
      setRunning(started.id);
      setStep(3);
    } catch (e) {
      setError(errorMessage(t, e));
    } finally {
      setBusy(false);
    }
  };

  const restart = () => {
    setStep(0); setFile(null); setUpload(null); setChecked(null); setRunning(null); setError(null);
    setAttest({ on: false, date: today(), version: '' });
  };

  const columnOptions = [
    { value: '', label: t('imports.notImported') },
    ...(upload?.columns ?? []).map((c, i) => ({ value: String(i), label: c || `#${i + 1}` })),
  ];
  const mappingError = (field: string) => checked?.mappingErrors.find((m) => m.field === field)?.message;

  return (
    <Stack gap="md">
      <PageHeader title={t('imports.title')} />
      <Text c="dimmed" size="sm">{t(`imports.intros.${kind}`)}</Text>
      <Stepper active={step} size="sm" allowNextStepsSelect={false} onStepClick={(s) => { if (s < step && step < 3) setStep(s); }}>
        <Stepper.Step label={t('imports.steps.file')} />
        <Stepper.Step label={t('imports.steps.mapping')} />
        <Stepper.Step label={t('imports.steps.preview')} />
        <Stepper.Step label={t('imports.steps.result')} />
      </Stepper>
      {error && <Alert color="red" role="alert" title={t('imports.failed')}>{error}</Alert>}

      {step === 0 && (
        <Paper withBorder p="md" radius="sm" component="section" aria-label={t('imports.steps.file')}>
          <Stack gap="sm">
            <Select label={t('imports.kind')} data={IMPORT_KINDS.map((k) => ({ value: k, label: t(`imports.kinds.${k}`) }))} value={kind}
              allowDeselect={false} onChange={(v) => { if (v) setKind(v as ImportKind); }} />
            {!own && (
              <RecordSelect<Centre> endpoint="/api/centres" resource="centres" label={t('imports.centre')} required
                description={t(kind === 'attendance' ? 'imports.centreOfTraining' : 'imports.centreHelp')} value={centre}
                onChange={(c) => { setCentre(c); setTraining(null); }} toLabel={(c) => localName(c.name, i18n.language)} />
            )}
            {kind === 'attendance' && <TrainingChoice centre={centre} value={training} onChange={setTraining} />}
            <Text size="sm" c="dimmed">{t(`imports.columnsHint.${kind}`)}</Text>
            <FileInput label={t('imports.file')} description={t('imports.fileHelp')} value={file} onChange={setFile} clearable
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
            {uploadPercent !== null && (
              <Stack gap={4}>
                <Text size="sm" role="status">{t('imports.uploading', { percent: fmt.number(uploadPercent) })}</Text>
                <Progress value={uploadPercent} aria-label={t('imports.uploading', { percent: uploadPercent })} />
              </Stack>
            )}
            <Group><Button onClick={() => void doUpload()} disabled={!ready} loading={busy}>{t('imports.upload')}</Button></Group>
          </Stack>
        </Paper>
      )}

      {step === 1 && upload && (
        <Paper withBorder p="md" radius="sm" component="section" aria-label={t('imports.steps.mapping')}>
          <Stack gap="sm">
            <Text size="sm">{t('imports.fileRead', { format: upload.format.toUpperCase(), rows: fmt.number(upload.rowCount), columns: fmt.number(upload.columns.length) })}</Text>
            <Text size="sm" c="dimmed">{t('imports.mappingIntro')}</Text>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
              {upload.fields.map(({ field, required }) => (
                <Select key={field} label={t(`imports.fields.${field}`)} required={required} data={columnOptions}
                  value={options.mapping[field] == null ? '' : String(options.mapping[field])} allowDeselect={false}
                  error={mappingError(field)}
                  onChange={(v) => setOptions((o) => ({ ...o, mapping: { ...o.mapping, [field]: v === '' || v === null ? null : Number(v) } }))} />
              ))}
            </SimpleGrid>
            {kind === 'learners' && !consentMapped && (
              <Paper withBorder p="sm" radius="sm" component="fieldset" m={0}>
                <Text component="legend" fw={600} px={4}>{t('imports.consentTitle')}</Text>
                <Stack gap="xs">
                  <Text size="sm" c="dimmed">{t('imports.consentHelp')}</Text>
                  <Checkbox label={t('imports.consentAttest')} checked={attest.on} error={mappingError('consent')}
                    onChange={(e) => setAttest((a) => ({ ...a, on: e.currentTarget.checked }))} />
                  {attest.on && (
                    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                      <TextInput type="date" label={t('imports.consentDate')} required value={attest.date} max={today()}
                        onChange={(e) => setAttest((a) => ({ ...a, date: e.currentTarget.value }))} />
                      <TextInput label={t('imports.consentVersion')} required value={attest.version} maxLength={40}
                        onChange={(e) => setAttest((a) => ({ ...a, version: e.currentTarget.value }))} />
                    </SimpleGrid>
                  )}
                </Stack>
              </Paper>
            )}
            {(kind === 'learners' || kind === 'trainings') && (
              <Checkbox label={t(`imports.importDuplicatesOf.${kind}`)} checked={options.duplicates === 'import'}
                onChange={(e) => setOptions((o) => ({ ...o, duplicates: e.currentTarget.checked ? 'import' : 'skip' }))} />
            )}
            {checked?.mappingErrors.length ? (
              <Alert color="red" role="alert">{checked.mappingErrors.map((m) => `${t(`imports.fields.${m.field}`)}: ${m.message}`).join(' ')}</Alert>
            ) : null}
            <Group>
              <Button variant="default" onClick={restart}>{t('imports.back')}</Button>
              <Button onClick={() => void doCheck()} loading={busy}>{t('imports.check')}</Button>
            </Group>
          </Stack>
        </Paper>
      )}

      {step === 2 && checked && (
        <Stack gap="sm">
          <Counts p={checked} kind={kind} />
          {checked.mappingErrors.length > 0 && (
            <Alert color="red" role="alert">{checked.mappingErrors.map((m) => `${t(`imports.fields.${m.field}`)}: ${m.message}`).join(' ')}</Alert>
          )}
          {checked.errors.length > 0 ? (
            <Alert color="red" role="alert" title={t('imports.errorsTitle')}>{t('imports.errorsHint')}</Alert>
          ) : checked.mappingErrors.length === 0 && <Alert color="green" role="status">{t('imports.noErrors')}</Alert>}
          <Issues title={t('imports.errorsTitle')} issues={checked.errors} color="red" />
          <Issues title={t(`imports.warningsOf.${kind}`)} issues={checked.warnings} color="yellow" />
          <Group>
            <Button variant="default" onClick={() => setStep(1)}>{t('imports.back')}</Button>
            <Button variant="default" onClick={restart}>{t('imports.startAgain')}</Button>
            <Button onClick={() => void doCommit()} loading={busy}
              disabled={checked.errors.length > 0 || checked.mappingErrors.length > 0 || checked.toImport === 0}>
              {t('imports.commit', { n: fmt.number(checked.toImport) })}
            </Button>
          </Group>
        </Stack>
      )}

      {step === 3 && (
        <Paper withBorder p="md" radius="sm" component="section" aria-label={t('imports.steps.result')}>
          <Stack gap="sm">
            {(!result || result.status === 'running' || result.status === 'uploaded') && (
              <>
                <Text size="sm" role="status">
                  {t(result?.phase === 'writing' ? 'imports.writing' : 'imports.checking', {
                    processed: fmt.number(result?.processed ?? 0), total: fmt.number(result?.total ?? 0),
                  })}
                </Text>
                <Progress value={result && result.total ? (result.processed / result.total) * 100 : 0} animated
                  aria-label={t('imports.progressLabel')} />
              </>
            )}
            {result?.status === 'done' && (
              <>
                <Alert color="green" role="status">
                  {t(`imports.doneOf.${kind}`, { count: result.created, created: fmt.number(result.created), skipped: fmt.number(result.skipped) })}
                </Alert>
                <Group>
                  <Anchor component={Link} to={AFTER[kind].to(upload?.trainingId ?? training)}>{t(`imports.open.${kind}`)}</Anchor>
                  <Button variant="default" onClick={restart}>{t('imports.startAgain')}</Button>
                </Group>
              </>
            )}
            {result?.status === 'failed' && (
              <>
                <Alert color="red" role="alert">{t('imports.failed')}</Alert>
                <Issues title={t('imports.errorsTitle')} issues={result.errors} color="red" />
                <Group><Button variant="default" onClick={restart}>{t('imports.startAgain')}</Button></Group>
              </>
            )}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
