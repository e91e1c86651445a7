import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" py="xl">
      <Title order={1} size="h2">{t('common.notFoundTitle')}</Title>
      <Text>{t('common.notFound')}</Text>
      <Anchor component={Link} to="/network">{t('nav.network')}</Anchor>
    </Stack>
  );
}
