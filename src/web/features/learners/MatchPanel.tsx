// "Is this person already registered?" — shown above the Save button while the
// form is filled in. A match in the reader's area names the person and links to
// them; a match elsewhere says only that the person is registered at another
// centre (the API sends nothing more, and nothing more is shown) — and offers to link that
// person to the form's centre instead of registering them twice (decision 0019).
import { Alert, Anchor, Badge, Box, Checkbox, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../lib/format';
import { localName } from '../../lib/names';
import type { LearnerMatch } from './api';
import { LinkButton } from './LinkModal';
import { fullName } from './parts';

/** A match this likely asks "are you sure?" when saving without ticking "a different person". */
export const STRONG_MATCH = 0.8;

/** Changes whenever the set of matches does: a tick for one set does not carry over to another. */
export function matchesSignature(items: LearnerMatch[]): string {
  return items.map((m) => `${m.id ?? 'elsewhere'}:${m.score}`).join('|');
}

export function MatchPanel({ checking, failed, items, acknowledged, onAcknowledge, linkCentreId }: {
  /** The centre the form registers at: a person registered elsewhere can be linked to it instead. */
  linkCentreId?: string;
  checking: boolean;
  failed: boolean;
  items: LearnerMatch[] | null;
  acknowledged: boolean;
  onAcknowledge: (value: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const here = (items ?? []).filter((m) => m.inScope && m.id && m.learner);
  const elsewhere = (items ?? []).filter((m) => !m.inScope);

  let body = null;
  if (failed) {
    body = <Text size="sm" c="dimmed">{t('learners.matches.failed')}</Text>;
  } else if (items && items.length > 0) {
    body = (
      <Alert color="orange" title={t('learners.matches.title')} data-testid="learner-matches">
        <Stack gap="sm">
          {here.length > 0 && (
            <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('learners.matches.hereLabel')}>
              {here.map((m) => (
                <Paper component="li" key={m.id} withBorder p="xs" radius="sm">
                  <Group justify="space-between" gap="xs" align="flex-start">
                    <Box miw={0} style={{ flex: '1 1 14rem' }}>
                      <Text fw={600} className="kerege-wrap">{fullName(m.learner!)}</Text>
                      <Text size="sm" className="kerege-wrap">
                        {fmt.date(m.learner!.birthDate)} · {localName(m.learner!.centre.name, i18n.language)}
                      </Text>
                      <Group gap={4} mt={4}>
                        <Badge variant="light" color="orange" size="sm" tt="none">
                          {t('learners.matches.score', { score: fmt.number(Math.round(m.score * 100)) })}
                        </Badge>
                        {m.reasons.map((r) => (
                          <Badge key={r} variant="light" color="gray" size="sm" tt="none">{t(`learners.reasons.${r}`)}</Badge>
                        ))}
                      </Group>
                    </Box>
                    <Anchor component={Link} to={`/learners/${m.id}`} fw={600} py={4}>
                      {t('learners.matches.open')}
                    </Anchor>
                  </Group>
                </Paper>
              ))}
            </Stack>
          )}
          {elsewhere.length > 0 && (
            <Paper withBorder p="xs" radius="sm" data-testid="learner-match-elsewhere">
              <Text fw={600} className="kerege-wrap">{t('learners.matches.elsewhere')}</Text>
              {linkCentreId && elsewhere.some((m) => m.linkToken) ? (
                <Stack gap="xs" mt={4}>
                  <Text size="sm" className="kerege-wrap">{t('learners.link.hint')}</Text>
                  {elsewhere.filter((m) => m.linkToken).map((m) => (
                    <Group key={m.linkToken} gap="xs">
                      <Badge variant="light" color="orange" size="sm" tt="none">
                        {t('learners.matches.score', { score: fmt.number(Math.round(m.score * 100)) })}
                      </Badge>
                      <LinkButton linkToken={m.linkToken!} centreId={linkCentreId} />
                    </Group>
                  ))}
                </Stack>
              ) : (
                <Text size="sm" className="kerege-wrap">{t('learners.matches.elsewhereHint')}</Text>
              )}
            </Paper>
          )}
          <Checkbox
            size="md"
            checked={acknowledged}
            onChange={(e) => onAcknowledge(e.currentTarget.checked)}
            label={t('learners.matches.different')}
            id="learner-different-person"
          />
        </Stack>
      </Alert>
    );
  } else if (items) {
    body = <Text size="sm" c="dimmed">{t('learners.matches.none')}</Text>;
  }

  return (
    <Box aria-live="polite" aria-busy={checking}>
      {checking && (
        <Group gap="xs" mb={body ? 'xs' : 0}>
          <Loader size="xs" aria-hidden />
          <Text size="sm" c="dimmed">{t('learners.matches.checking')}</Text>
        </Group>
      )}
      {body}
    </Box>
  );
}
