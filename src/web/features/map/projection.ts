// A Lambert conformal conic projection for Kazakhstan (standard parallels 45°
// and 51° N, central meridian 67° E) and the outline as an SVG path in its
// units. Pure and tiny: no d3, no tiles. See docs/decisions/0007-offline-map.md.
import outline from './kazakhstan.json';

const RAD = Math.PI / 180;
const PHI1 = 45 * RAD;
const PHI2 = 51 * RAD;
const PHI0 = 48 * RAD;
const LAMBDA0 = 67 * RAD;

const t = (phi: number) => Math.tan(Math.PI / 4 + phi / 2);
const N = Math.log(Math.cos(PHI1) / Math.cos(PHI2)) / Math.log(t(PHI2) / t(PHI1));
const F = (Math.cos(PHI1) * Math.pow(t(PHI1), N)) / N;
const RHO0 = F / Math.pow(t(PHI0), N);

/** [lon, lat] in degrees → [x, y] in Earth radii, y growing downwards (SVG). */
export function project(lon: number, lat: number): [number, number] {
  const rho = F / Math.pow(t(lat * RAD), N);
  const theta = N * (lon * RAD - LAMBDA0);
  return [rho * Math.sin(theta), -(RHO0 - rho * Math.cos(theta))];
}

type Ring = number[][];
const polygons = (outline as { geometry: { coordinates: Ring[][] } }).geometry.coordinates;

export interface Bounds { minX: number; minY: number; maxX: number; maxY: number }

function buildOutline(): { path: string; bounds: Bounds } {
  const bounds: Bounds = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  const parts: string[] = [];
  for (const polygon of polygons) {
    for (const ring of polygon) {
      const points = ring.map(([lon, lat]) => {
        const [x, y] = project(lon, lat);
        if (x < bounds.minX) bounds.minX = x;
        if (x > bounds.maxX) bounds.maxX = x;
        if (y < bounds.minY) bounds.minY = y;
        if (y > bounds.maxY) bounds.maxY = y;
        return `${(x * 1000).toFixed(2)},${(y * 1000).toFixed(2)}`;
      });
      parts.push(`M${points.join('L')}Z`);
    }
  }
  // The path is in milli-radii so that numbers stay short; scale by 1/1000 when drawing.
  return { path: parts.join(''), bounds };
}

export const OUTLINE = buildOutline();

/** Earth radii → Web-Mercator zoom level with the same ground resolution near 48° N
 * (supercluster's tile extent is 512 px), so clusters are measured in screen pixels. */
export function mercatorZoom(pixelsPerRadius: number): number {
  return Math.log2((pixelsPerRadius * 2 * Math.PI * Math.cos(PHI0)) / 512);
}
export function pixelsPerRadiusAt(zoom: number): number {
  return (512 * Math.pow(2, zoom)) / (2 * Math.PI * Math.cos(PHI0));
}
