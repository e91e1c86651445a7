// /map — the centres on an offline map of Kazakhstan (no tile servers), with a
// legend that filters by type and a list alternative of the centres in view.
import { useCallback, useMemo, useState } from 'react';
import { Alert, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState, Loading } from '../../components/States';
import { apiGet } from '../../lib/api';
import { useUser } from '../../lib/auth';
import type { Page } from '../../lib/api';
import { localName } from '../../lib/names';
import type { Names } from '../../lib/names';
import { CENTRE_TYPES, typeColour } from './centreTypes';
import MapCanvas from './MapCanvas';
import type { MapLabel, MapPoint } from './MapCanvas';
import { project } from './projection';
import classes from './MapPage.module.css';

interface MapCentre {
  id: string; code: string; type: string; name: Names;
  lat: number | null; lon: number | null; oblastId: string | null;
}
interface Unit { id: string; code: string; kind: string; name: Names; lat: number | null; lon: number | null }

const STALE = 5 * 60_000;

export default function MapPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const user = useUser();
  const centres = useQuery({
    queryKey: ['centres', 'map'],
    queryFn: () => apiGet<{ items: MapCentre[] }>('/api/centres/map'),
    staleTime: STALE,
  });
  const oblasts = useQuery({
    queryKey: ['org-units', { kind: 'oblast', limit: 200 }],
    queryFn: () => apiGet<Page<Unit>>('/api/org-units', { kind: 'oblast', limit: 200 }),
    staleTime: STALE,
  });
  // Cities of republican significance hang from the country, which only
  // nationwide roles can read (anyone else would get a 404 for it).
  const nationwide = user.role === 'admin' || user.role === 'national';
  const cities = useQuery({
    queryKey: ['org-units', { kind: 'city', parent: 'KZ', limit: 200 }],
    queryFn: () => apiGet<Page<Unit>>('/api/org-units', { kind: 'city', parent: 'KZ', limit: 200 }),
    staleTime: STALE,
    enabled: nationwide,
  });

  const [hidden, setHidden] = useState<Set<string>>(() => new Set());
  const [visibleIds, setVisibleIds] = useState<string[]>([]);
  const onVisibleChange = useCallback((ids: string[]) => setVisibleIds(ids), []);

  const typeLabel = useCallback((type: string) => t(`centres.types.${type}`, { defaultValue: type }), [t]);
  const all = centres.data?.items ?? [];
  const located = useMemo(() => all.filter((c) => c.lat != null && c.lon != null), [all]);
  const unlocated = all.length - located.length;

  const points: MapPoint[] = useMemo(() => located
    .filter((c) => !hidden.has(c.type))
    .map((c) => {
      const [x, y] = project(c.lon!, c.lat!);
      return { id: c.id, name: localName(c.name, lang) || c.code, type: c.type, typeLabel: typeLabel(c.type), lon: c.lon!, lat: c.lat!, x, y };
    }), [located, hidden, lang, typeLabel]);

  const units = useMemo(() => new Map([...(oblasts.data?.items ?? []), ...(cities.data?.items ?? [])].map((u) => [u.id, u])), [oblasts.data, cities.data]);
  const labels: MapLabel[] = useMemo(() => {
    const out: MapLabel[] = [];
    for (const [list, kind] of [[oblasts.data?.items, 'oblast'], [cities.data?.items, 'city']] as const) {
      for (const u of list ?? []) {
        if (u.lat == null || u.lon == null) continue;
        const [x, y] = project(u.lon, u.lat);
        out.push({ id: u.id, text: localName(u.name, lang), kind, x, y });
      }
    }
    return out;
  }, [oblasts.data, cities.data, lang]);

  const typeCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const c of located) counts.set(c.type, (counts.get(c.type) ?? 0) + 1);
    return counts;
  }, [located]);
  const types = [...CENTRE_TYPES, ...[...typeCounts.keys()].filter((k) => !(CENTRE_TYPES as readonly string[]).includes(k))];

  const toggle = (type: string) => setHidden((prev) => {
    const next = new Set(prev);
    if (next.has(type)) next.delete(type); else next.add(type);
    return next;
  });

  const groups = useMemo(() => {
    const visible = new Set(visibleIds);
    const byOblast = new Map<string, MapPoint[]>();
    const oblastOf = new Map(located.map((c) => [c.id, c.oblastId]));
    for (const p of points) {
      if (!visible.has(p.id)) continue;
      const unit = units.get(oblastOf.get(p.id) ?? '');
      const name = unit ? localName(unit.name, lang) : t('map.otherPlaces');
      byOblast.set(name, [...(byOblast.get(name) ?? []), p]);
    }
    const collator = new Intl.Collator(lang);
    return [...byOblast.entries()]
      .sort(([a], [b]) => collator.compare(a, b))
      .map(([name, list]) => ({ name, list: list.sort((a, b) => collator.compare(a.name, b.name)) }));
  }, [visibleIds, points, located, units, lang, t]);
  const inView = groups.reduce((n, g) => n + g.list.length, 0);

  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">{t('map.title')}</Title>
        <Text c="gray.7" size="sm">{t('map.subtitle')}</Text>
      </div>

      {centres.isPending && <Loading label={t('map.loading')} />}
      {centres.isError && <ErrorState error={centres.error} onRetry={() => void centres.refetch()} />}

      {centres.isSuccess && (
        <>
          {typeCounts.size > 0 && (
            <nav aria-label={t('map.legend')}>
              <Text size="sm" fw={600} mb={4} aria-hidden="true">{t('map.legend')}</Text>
              <ul className={classes.legend}>
                {types.filter((type) => typeCounts.has(type)).map((type) => (
                  <li key={type}>
                    <button
                      type="button"
                      className={classes.legendButton}
                      aria-pressed={!hidden.has(type)}
                      title={t('map.toggleType')}
                      onClick={() => toggle(type)}
                    >
                      <span className={classes.swatch} style={{ background: typeColour(type) }} aria-hidden="true" />
                      {typeLabel(type)} ({typeCounts.get(type)})
                    </button>
                  </li>
                ))}
              </ul>
            </nav>
          )}

          <MapCanvas
            points={points}
            labels={labels}
            title={t('map.svgTitle')}
            description={t('map.svgDescription', { count: points.length })}
            onVisibleChange={onVisibleChange}
          />

          {all.length === 0 && <Alert color="gray" title={t('map.emptyTitle')}>{t('map.empty')}</Alert>}
          {unlocated > 0 && <Text size="sm" c="gray.7">{t('map.noCoordinates', { count: unlocated })}</Text>}

          {all.length > 0 && (
            <details className={classes.details}>
              <summary>{t('map.inView', { count: inView })}</summary>
              {inView === 0 ? (
                <Text size="sm" c="gray.7">{t('map.noneInView')}</Text>
              ) : (
                groups.map((group) => (
                  <section key={group.name} className={classes.oblastGroup}>
                    <h3>{group.name}</h3>
                    <ul className={classes.centreList}>
                      {group.list.map((p) => (
                        <li key={p.id}>
                          <span className={classes.swatch} style={{ background: typeColour(p.type) }} aria-hidden="true" />
                          <Link to={`/centres/${p.id}`}>{p.name}</Link>
                          <Text span size="xs" c="gray.7">{p.typeLabel}</Text>
                        </li>
                      ))}
                    </ul>
                  </section>
                ))
              )}
            </details>
          )}
        </>
      )}
    </Stack>
  );
}
