// /courses — the course catalogue: the national catalogue everyone shares and
// the own courses of the centres in the reader's area. Filters live in the URL
// (a course name is not personal data), so a filtered list can be bookmarked.
import '../../components/pageStyles';
import { Anchor, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CATEGORIES } from '../../../domain/learning';
import { PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { Empty, PagedResults } from '../../components/States';
import { useFormat } from '../../lib/format';
import { localName } from '../../lib/names';
import { useCourseList, type Course } from './api';
import { FilterFoot } from '../../components/FilterFoot';
import { useFilterParams } from '../../lib/filters';

/** "National catalogue" or the owning centre's name. */
export function CourseOwner({ course }: { course: Course }) {
  const { t, i18n } = useTranslation();
  return course.national
    ? <Badge variant="light" tt="none">{t('courses.national')}</Badge>
    : <Text size="sm" className="kerege-wrap">{localName(course.owner.name, i18n.language)}</Text>;
}

function CourseCard({ course }: { course: Course }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  return (
    <Paper component="li" withBorder p="sm" radius="sm">
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Anchor component={Link} to={`/courses/${course.id}`} fw={600} className="kerege-wrap">
            {localName(course.name, i18n.language)}
          </Anchor>
          {course.archivedAt && <Badge color="red" variant="outline">{t('common.archived')}</Badge>}
        </Group>
        <Text size="sm">
          {[t(`courses.categories.${course.category}`), t('courses.hoursValue', { hours: fmt.number(course.plannedHours) })].join(' · ')}
        </Text>
        <CourseOwner course={course} />
      </Stack>
    </Paper>
  );
}

function CourseTable({ items }: { items: Course[] }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  return (
    <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('courses.listLabel')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('courses.name')}</Table.Th>
          <Table.Th>{t('courses.category')}</Table.Th>
          <Table.Th ta="end">{t('courses.plannedHours')}</Table.Th>
          <Table.Th>{t('courses.level')}</Table.Th>
          <Table.Th ta="end">{t('courses.completionShort')}</Table.Th>
          <Table.Th>{t('courses.owner')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td className="kerege-wrap">
              <Anchor component={Link} to={`/courses/${c.id}`} fw={600}>{localName(c.name, i18n.language)}</Anchor>
              {c.archivedAt && <Badge ml="xs" color="red" variant="outline" size="sm">{t('common.archived')}</Badge>}
            </Table.Td>
            <Table.Td className="kerege-wrap">{t(`courses.categories.${c.category}`)}</Table.Td>
            <Table.Td ta="end">{fmt.number(c.plannedHours)}</Table.Td>
            <Table.Td>{t(`courses.levels.${c.level}`)}</Table.Td>
            <Table.Td ta="end">{fmt.number(c.completionPercent)} %</Table.Td>
            <Table.Td><CourseOwner course={c} /></Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export default function CoursesPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { params, setParam, clear } = useFilterParams();
  const isPhone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });

  const q = params.get('q') ?? '';
  const category = params.get('category') ?? '';
  const catalogue = (params.get('catalogue') ?? '') as '' | 'national' | 'centres';
  const includeArchived = params.get('archived') === '1';
  const anyFilter = !!(q || category || catalogue || includeArchived);

  const list = useCourseList({ q, category, catalogue, includeArchived });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const newButton = <Button component={Link} to="/courses/new">{t('courses.new')}</Button>;

  return (
    <Stack gap="md">
      <PageHeader title={t('courses.title')} actions={newButton} />
      <Paper withBorder p="sm" radius="sm" component="section" aria-label={t('common.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" style={{ alignItems: 'end' }}>
          <SearchInput label={t('common.search')} placeholder={t('courses.searchPlaceholder')} value={q}
            onSearch={(v) => setParam('q', v)} />
          <Select label={t('courses.category')} clearable placeholder={t('common.all')} value={category || null}
            onChange={(v) => setParam('category', v)}
            data={CATEGORIES.map((c) => ({ value: c, label: t(`courses.categories.${c}`) }))} />
          <Select label={t('courses.catalogue')} value={catalogue || 'all'} allowDeselect={false}
            onChange={(v) => setParam('catalogue', v === 'all' ? null : v)}
            data={[
              { value: 'all', label: t('common.all') },
              { value: 'national', label: t('courses.national') },
              { value: 'centres', label: t('courses.centreCourses') },
            ]} />
        </SimpleGrid>
        <FilterFoot archived={includeArchived} onArchived={(on) => setParam('archived', on ? '1' : null)} anyFilter={anyFilter} onClear={clear} />
      </Paper>

      <PagedResults list={list} count={items.length}
        shown={t('courses.shown', { count: items.length, formatted: fmt.number(items.length) })}
        empty={
          <Empty title={anyFilter ? t('courses.noneFound') : t('courses.none')}>
            <Button component={Link} to="/courses/new" variant="light">{t('courses.new')}</Button>
          </Empty>
        }>
        {isPhone ? (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('courses.listLabel')}>
            {items.map((c) => <CourseCard key={c.id} course={c} />)}
          </Stack>
        ) : (
          <CourseTable items={items} />
        )}
      </PagedResults>
    </Stack>
  );
}
