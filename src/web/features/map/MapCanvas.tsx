// The interactive SVG: outline, oblast labels, centre markers and clusters.
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { MouseEvent as ReactMouseEvent } from 'react';
import { ActionIcon, CloseButton, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useHref, useNavigate } from 'react-router';
import Supercluster from 'supercluster';
import { mercatorZoom, OUTLINE, pixelsPerRadiusAt, project } from './projection';
import { typeColour } from './centreTypes';
import { MAX_K, useMapView } from './useMapView';
import classes from './MapPage.module.css';

export interface MapPoint {
  id: string; name: string; type: string; typeLabel: string;
  lon: number; lat: number; x: number; y: number;
}
export interface MapLabel { id: string; text: string; kind: 'oblast' | 'city'; x: number; y: number }

interface Props {
  points: MapPoint[];
  labels: MapLabel[];
  title: string;
  description: string;
  onVisibleChange: (ids: string[]) => void;
}

const PADDING = 12;
const clusterRadius = (count: number) => 11 + Math.min(12, Math.sqrt(count) * 2);
const ASPECT = (OUTLINE.bounds.maxY - OUTLINE.bounds.minY) / (OUTLINE.bounds.maxX - OUTLINE.bounds.minX);

function useWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(([entry]) => setWidth(Math.round(entry.contentRect.width)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

interface Box { x0: number; y0: number; x1: number; y1: number }
interface Placed { label: MapLabel; x: number; y: number; anchor: 'start' | 'middle' | 'end'; dot: { x: number; y: number } | null }

/** Greedy label placement: each label takes the first of a few positions around
 * its point that overlaps no marker, cluster or other label, or is left out. */
function placeLabels(labels: { label: MapLabel; sx: number; sy: number }[], obstacles: Box[], width: number, height: number): Placed[] {
  const taken = [...obstacles];
  const out: Placed[] = [];
  const hits = (b: Box) => b.x0 < 0 || b.y0 < 0 || b.x1 > width || b.y1 > height
    || taken.some((o) => b.x0 < o.x1 && b.x1 > o.x0 && b.y0 < o.y1 && b.y1 > o.y0);
  for (const { label, sx, sy } of labels) {
    const w = label.text.length * (label.kind === 'city' ? 6.6 : 6.2) + 4;
    const city = label.kind === 'city';
    // [text x, baseline y, anchor] candidates: cities right/left/above/below their dot, oblasts above/below.
    const candidates: [number, number, Placed['anchor']][] = city
      ? [[sx + 6, sy + 4, 'start'], [sx - 6, sy + 4, 'end'], [sx, sy - 7, 'middle'], [sx, sy + 15, 'middle']]
      : [[sx, sy - 10, 'middle'], [sx, sy + 20, 'middle'], [sx + 12, sy + 4, 'start'], [sx - 12, sy + 4, 'end'],
        [sx, sy - 26, 'middle'], [sx, sy + 36, 'middle']];
    for (const [x, y, anchor] of candidates) {
      const x0 = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
      const box = { x0: x0 - 2, y0: y - 11, x1: x0 + w + 2, y1: y + 3 };
      if (hits(box)) continue;
      taken.push(box);
      if (city) taken.push({ x0: sx - 3, y0: sy - 3, x1: sx + 3, y1: sy + 3 });
      out.push({ label, x, y, anchor, dot: city ? { x: sx, y: sy } : null });
      break;
    }
  }
  return out;
}

export default function MapCanvas({ points, labels, title, description, onVisibleChange }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const centresHref = useHref('/centres');
  const titleId = useId();
  const descId = useId();
  const { ref: boxRef, width } = useWidth<HTMLDivElement>();
  const svgRef = useRef<SVGSVGElement>(null);
  const height = Math.round(Math.min(620, Math.max(240, width * ASPECT + 60)));
  const { view, zoomBy, reset, centreOn, handlers } = useMapView(svgRef, width, height);
  const [stack, setStack] = useState<MapPoint[] | null>(null);

  // Base fit: projected units → pixels, the whole country in the viewport.
  const b = OUTLINE.bounds;
  const s0 = width > 0 ? Math.min((width - 2 * PADDING) / (b.maxX - b.minX), (height - 2 * PADDING) / (b.maxY - b.minY)) : 1;
  const ox = (width - (b.maxX - b.minX) * s0) / 2 - b.minX * s0;
  const oy = (height - (b.maxY - b.minY) * s0) / 2 - b.minY * s0;
  const toScreen = (x: number, y: number): [number, number] => [(x * s0 + ox) * view.k + view.tx, (y * s0 + oy) * view.k + view.ty];

  const byId = useMemo(() => new Map(points.map((p) => [p.id, p])), [points]);
  const index = useMemo(() => {
    const cluster = new Supercluster<{ id: string }>({ radius: 34, maxZoom: 16 });
    cluster.load(points.map((p) => ({ type: 'Feature', properties: { id: p.id }, geometry: { type: 'Point', coordinates: [p.lon, p.lat] } })));
    return cluster;
  }, [points]);

  const zoom = mercatorZoom(s0 * view.k);
  const maxZoom = mercatorZoom(s0 * MAX_K);
  // Only what is on screen (a margin for big circles), top to bottom, left to right:
  // the Tab order then follows the map as people read it.
  const clusters = (width > 0 ? index.getClusters([-180, -85, 180, 85], zoom) : [])
    .map((feature) => ({ feature, at: toScreen(...project(feature.geometry.coordinates[0], feature.geometry.coordinates[1])) }))
    .filter(({ at: [sx, sy] }) => sx > -30 && sx < width + 30 && sy > -30 && sy < height + 30)
    .sort((a, b) => Math.round(a.at[1] / 40) - Math.round(b.at[1] / 40) || a.at[0] - b.at[0]);

  const visibleIds = useMemo(() => points
    .filter((p) => {
      const [sx, sy] = [(p.x * s0 + ox) * view.k + view.tx, (p.y * s0 + oy) * view.k + view.ty];
      return sx >= 0 && sx <= width && sy >= 0 && sy <= height;
    })
    .map((p) => p.id), [points, s0, ox, oy, view, width, height]);
  const visibleKey = visibleIds.join(',');
  useEffect(() => { if (width > 0) onVisibleChange(visibleIds); }, [visibleKey, width]); // eslint-disable-line react-hooks/exhaustive-deps

  // A coordinator whose centres sit in one oblast starts zoomed to them; the
  // reset button still shows the whole country.
  const fitted = useRef(false);
  useEffect(() => {
    if (fitted.current || width === 0 || points.length === 0) return;
    fitted.current = true;
    const xs = points.map((p) => p.x * s0 + ox);
    const ys = points.map((p) => p.y * s0 + oy);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const k = Math.min(8, (width - 80) / Math.max(1, x1 - x0), (height - 80) / Math.max(1, y1 - y0));
    if (k >= 1.5) centreOn((x0 + x1) / 2, (y0 + y1) / 2, k);
  }, [points, width]); // eslint-disable-line react-hooks/exhaustive-deps

  const onCentreClick = (event: ReactMouseEvent, id: string) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(`/centres/${id}`);
  };

  const openCluster = (clusterId: number, lon: number, lat: number) => {
    const expansion = index.getClusterExpansionZoom(clusterId);
    const [x, y] = project(lon, lat);
    if (expansion > maxZoom || view.k >= MAX_K) {
      // Centres at the same place never split: list them instead.
      const leaves = index.getLeaves(clusterId, Infinity).map((f) => byId.get(f.properties.id)).filter((p): p is MapPoint => !!p);
      setStack(leaves);
      return;
    }
    const targetK = (pixelsPerRadiusAt(expansion) * 1.02) / s0;
    centreOn(x * s0 + ox, y * s0 + oy, targetK);
  };

  const scale = s0 * view.k;
  const obstacles: Box[] = clusters.map(({ feature, at: [sx, sy] }) => {
    const props = feature.properties as { cluster?: boolean; point_count?: number };
    const r = props.cluster ? clusterRadius(props.point_count ?? 0) : 7;
    return { x0: sx - r, y0: sy - r, x1: sx + r, y1: sy + r };
  });
  const labelItems = placeLabels(
    labels.map((label) => {
      const [sx, sy] = toScreen(label.x, label.y);
      return { label, sx, sy };
    }),
    obstacles,
    width,
    height,
  );

  return (
    <div>
      <div className={classes.toolbar}>
        <Text size="xs" c="gray.7" className={classes.hint}>{t('map.hint')}</Text>
        <div className={classes.controls}>
          <ActionIcon variant="default" size="lg" aria-label={t('map.zoomIn')} title={t('map.zoomIn')} onClick={() => zoomBy(1.6)}>
            <span aria-hidden="true" className={classes.glyph}>+</span>
          </ActionIcon>
          <ActionIcon variant="default" size="lg" aria-label={t('map.zoomOut')} title={t('map.zoomOut')} onClick={() => zoomBy(1 / 1.6)}>
            <span aria-hidden="true" className={classes.glyph}>−</span>
          </ActionIcon>
          <ActionIcon variant="default" size="lg" aria-label={t('map.reset')} title={t('map.reset')} onClick={reset}>
            <span aria-hidden="true" className={classes.glyph}>⤢</span>
          </ActionIcon>
        </div>
      </div>
      <div ref={boxRef} className={classes.mapBox} style={{ height }}>
      {width > 0 && (
        <svg
          ref={svgRef}
          className={classes.svg}
          width={width}
          height={height}
          tabIndex={0}
          role="group"
          aria-roledescription={t('map.roleDescription')}
          aria-labelledby={titleId}
          aria-describedby={descId}
          {...handlers}
        >
          <title id={titleId}>{title}</title>
          <desc id={descId}>{description}</desc>
          <rect width={width} height={height} className={classes.water} />
          <path
            d={OUTLINE.path}
            className={classes.land}
            vectorEffect="non-scaling-stroke"
            transform={`matrix(${scale / 1000} 0 0 ${scale / 1000} ${ox * view.k + view.tx} ${oy * view.k + view.ty})`}
          />
          <g aria-hidden="true" className={classes.labels}>
            {labelItems.map(({ label, x, y, anchor, dot }) => (
              <g key={label.id}>
                {dot && <circle cx={dot.x} cy={dot.y} r={2.5} className={classes.cityDot} />}
                <text x={x} y={y} textAnchor={anchor} className={label.kind === 'city' ? classes.cityLabel : classes.oblastLabel}>{label.text}</text>
              </g>
            ))}
          </g>
          <g>
            {clusters.map(({ feature, at }) => {
              const [lon, lat] = feature.geometry.coordinates;
              const props = feature.properties as { cluster?: boolean; cluster_id?: number; point_count?: number; id?: string };
              if (props.cluster) {
                const [sx, sy] = at;
                const count = props.point_count ?? 0;
                const r = clusterRadius(count);
                const label = t('map.cluster', { count });
                return (
                  <g
                    key={`c${props.cluster_id}`}
                    role="button"
                    tabIndex={0}
                    aria-label={label}
                    className={classes.cluster}
                    onClick={() => openCluster(props.cluster_id!, lon, lat)}
                    onKeyDown={(event) => {
                      if (event.key === 'Enter' || event.key === ' ') {
                        event.preventDefault();
                        event.stopPropagation();
                        openCluster(props.cluster_id!, lon, lat);
                      }
                    }}
                  >
                    <title>{label}</title>
                    <circle cx={sx} cy={sy} r={r} />
                    <text x={sx} y={sy + 4} textAnchor="middle">{count}</text>
                  </g>
                );
              }
              const p = byId.get(props.id!);
              if (!p) return null;
              const [sx, sy] = at;
              const label = `${p.name} — ${p.typeLabel}`;
              return (
                <a
                  key={p.id}
                  href={`${centresHref}/${p.id}`}
                  aria-label={label}
                  className={classes.marker}
                  onClick={(event) => onCentreClick(event, p.id)}
                  data-centre-id={p.id}
                >
                  <title>{label}</title>
                  <circle cx={sx} cy={sy} r={7} fill={typeColour(p.type)} />
                </a>
              );
            })}
          </g>
        </svg>
      )}
      {stack && <StackList points={stack} onClose={() => setStack(null)} onCentreClick={onCentreClick} centresHref={centresHref} />}
      </div>
    </div>
  );
}

function StackList({ points, onClose, onCentreClick, centresHref }: {
  points: MapPoint[];
  onClose: () => void;
  onCentreClick: (event: ReactMouseEvent, id: string) => void;
  centresHref: string;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const firstLink = useRef<HTMLAnchorElement>(null);
  useEffect(() => firstLink.current?.focus(), []);
  return (
    <Paper
      className={classes.stack}
      shadow="md"
      p="sm"
      role="dialog"
      aria-labelledby={headingId}
      onKeyDown={(event) => { if (event.key === 'Escape') onClose(); }}
    >
      <div className={classes.stackHeader}>
        <Text id={headingId} fw={600} size="sm">{t('map.samePlace', { count: points.length })}</Text>
        <CloseButton aria-label={t('common.close')} onClick={onClose} />
      </div>
      <ul className={classes.stackList}>
        {points.map((p, i) => (
          <li key={p.id}>
            <span className={classes.swatch} style={{ background: typeColour(p.type) }} aria-hidden="true" />
            <a ref={i === 0 ? firstLink : undefined} href={`${centresHref}/${p.id}`} onClick={(event) => onCentreClick(event, p.id)}>
              {p.name}
            </a>{' '}
            <Text span size="xs" c="gray.7">{p.typeLabel}</Text>
          </li>
        ))}
      </ul>
    </Paper>
  );
}
