// On a learner's page: "Also served at" — the other centres that keep this person by a link
// (decision 0019), each with "Remove link" for the staff who may (the linked centre's area
// or the learner's home area; the server lists only those). After removal the linked centre
// no longer sees the record: a reader who saw it only through that link is taken back to
// the list.
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ConfirmModal } from '../../components/ConfirmModal';
import { useNotify } from '../../components/Notifications';
import { ApiError, apiGet } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { localName } from '../../lib/names';
import { useLearnerLinks, useRemoveLink, type LearnerLinkDetail } from './recordApi';

export function LearnerLinks({ learnerId }: { learnerId: string }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const links = useLearnerLinks(learnerId);
  const [removing, setRemoving] = useState<LearnerLinkDetail | null>(null);
  const items = links.data?.items ?? [];
  // Nothing to say while loading or when no other centre keeps the person.
  if (items.length === 0) return null;
  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="learner-links" data-testid="learner-links">
      <Title order={2} size="h4" id="learner-links" mb={4}>{t('learnerRecord.links.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm" className="kerege-wrap">{t('learnerRecord.links.intro')}</Text>
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((link) => (
          <Group component="li" key={link.id} justify="space-between" gap="sm" wrap="wrap">
            <Stack gap={0}>
              <Anchor component={Link} to={`/centres/${link.centre.id}`} className="kerege-wrap">{localName(link.centre.name, i18n.language)}</Anchor>
              <Text size="xs" c="dimmed">{t('learnerRecord.links.since', { date: fmt.date(link.consent.date) })}</Text>
            </Stack>
            <Button size="compact-sm" variant="default" color="red" onClick={() => setRemoving(link)}
              aria-label={t('learnerRecord.links.removeFor', { centre: localName(link.centre.name, i18n.language) })}>
              {t('learnerRecord.links.remove')}
            </Button>
          </Group>
        ))}
      </Stack>
      {removing && <RemoveLink link={removing} learnerId={learnerId} onClose={() => setRemoving(null)} />}
    </Paper>
  );
}

function RemoveLink({ link, learnerId, onClose }: { link: LearnerLinkDetail; learnerId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const notify = useNotify();
  const navigate = useNavigate();
  const client = useQueryClient();
  const remove = useRemoveLink();
  const centre = localName(link.centre.name, i18n.language);

  const confirm = () => remove.mutate(link, {
    onSuccess: async () => {
      onClose();
      // Still allowed to see the person (home area, or another link)? Stay; else back to the list.
      const stillOpen = await apiGet(`/api/learners/${encodeURIComponent(learnerId)}`).then(() => true, (e) => !(e instanceof ApiError && e.status === 404));
      if (stillOpen) {
        notify({ message: t('learnerRecord.links.removed', { centre }), color: 'green' });
        await client.invalidateQueries({ queryKey: ['learners'] });
      } else {
        client.removeQueries({ queryKey: ['learners', 'one', learnerId] });
        notify({ message: t('learnerRecord.links.removedAway', { centre }), color: 'green' });
        navigate('/learners');
        void client.invalidateQueries({ queryKey: ['learners'] });
      }
    },
  });

  return (
    <ConfirmModal opened title={t('learnerRecord.links.removeTitle')} message={t('learnerRecord.links.removeQuestion', { centre })}
      confirmLabel={t('learnerRecord.links.remove')} onConfirm={confirm} onClose={() => !remove.isPending && onClose()}
      pending={remove.isPending} error={remove.error} />
  );
}
