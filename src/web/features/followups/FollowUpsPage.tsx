// /follow-ups — the follow-up worklist (who is due, overdue first), the outcomes
// recorded, and the outcome figures of a period. Centre staff work on their own
// centre; coordinators see their whole area or pick one centre. The centre and
// the tab are in the address (an id and a word, never a name).
import '../../components/pageStyles';
import { Button, Group, Paper, Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { CentreField, useOwnCentre } from '../visits/CentreField';
import { Intervals } from './Intervals';
import { OutcomeSummaryPanel } from './OutcomeSummaryPanel';
import { OutcomesList } from './OutcomesList';
import { Worklist } from './Worklist';

const TABS = ['due', 'outcomes', 'summary'] as const;
type Tab = (typeof TABS)[number];

export default function FollowUpsPage() {
  const { t } = useTranslation();
  const own = useOwnCentre();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab') as Tab | null;
  const tab: Tab = asked && TABS.includes(asked) ? asked : 'due';
  const centre = own ?? params.get('centre');
  const setParam = (key: 'centre' | 'tab', value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value); else next.delete(key);
    setParams(next, { replace: true });
  };
  const showCentre = !own && !centre;

  return (
    <Stack gap="md">
      <PageHeader title={t('followups.title')} />
      <Paper withBorder p="sm" radius="sm" component="section" aria-label={t('common.filters')}>
        <Stack gap="sm">
          <Group gap="sm" align="flex-end" wrap="wrap">
            <div style={{ flex: '1 1 18rem', minWidth: 0 }}>
              <CentreField label={t('followups.centre')} value={centre} onChange={(id) => setParam('centre', id)} />
            </div>
            {!own && centre && (
              <Button variant="subtle" size="xs" onClick={() => setParam('centre', null)}>{t('followups.allCentres')}</Button>
            )}
          </Group>
          <Intervals />
        </Stack>
      </Paper>
      <Tabs value={tab} onChange={(v) => setParam('tab', v === 'due' ? null : v)} keepMounted={false}>
        <Tabs.List>
          {TABS.map((k) => <Tabs.Tab key={k} value={k}>{t(`followups.tabs.${k}`)}</Tabs.Tab>)}
        </Tabs.List>
        <Tabs.Panel value="due" pt="md"><Worklist centre={centre} showCentre={showCentre} /></Tabs.Panel>
        <Tabs.Panel value="outcomes" pt="md"><OutcomesList centre={centre} showCentre={showCentre} /></Tabs.Panel>
        <Tabs.Panel value="summary" pt="md"><OutcomeSummaryPanel centre={centre} /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
