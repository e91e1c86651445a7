// Is a point in Kazakhstan? Tested against the country's outline (Natural Earth 1:50m via
// world-atlas, public domain — docs/decisions/0007-offline-map.md), with a margin of
// about 5 km for the outline's coarseness, so a centre on the border is not flagged.
import outline from './kazakhstan.json' with { type: 'json' };

type Ring = [number, number][];
const polygons = (outline.geometry.coordinates as unknown as Ring[][]);
const MARGIN_DEGREES = 0.05;

function inRing(lon: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function nearRing(lon: number, lat: number, ring: Ring): boolean {
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x1, y1] = ring[j];
    const [x2, y2] = ring[i];
    const dx = x2 - x1;
    const dy = y2 - y1;
    const t = dx || dy ? Math.max(0, Math.min(1, ((lon - x1) * dx + (lat - y1) * dy) / (dx * dx + dy * dy))) : 0;
    if (Math.hypot(lon - (x1 + t * dx), lat - (y1 + t * dy)) < MARGIN_DEGREES) return true;
  }
  return false;
}

export function insideKazakhstan(lat: number, lon: number): boolean {
  return polygons.some(([outer, ...holes]) =>
    (inRing(lon, lat, outer) && !holes.some((h) => inRing(lon, lat, h))) || nearRing(lon, lat, outer));
}
