// The map's projection: north is up, east is right, the country fits its
// outline, and the zoom conversion used for clustering round-trips.
import { describe, expect, it } from 'vitest';
import { mercatorZoom, OUTLINE, pixelsPerRadiusAt, project } from './projection';

const inside = (lon: number, lat: number) => {
  const [x, y] = project(lon, lat);
  const b = OUTLINE.bounds;
  return x > b.minX && x < b.maxX && y > b.minY && y < b.maxY;
};

describe('map projection', () => {
  it('puts the central meridian at x = 0 and keeps north up, east right', () => {
    expect(project(67, 48)[0]).toBeCloseTo(0, 10);
    expect(project(67, 48)[1]).toBeCloseTo(0, 10);
    const [astanaX, astanaY] = project(71.45, 51.17);
    const [almatyX, almatyY] = project(76.95, 43.24);
    expect(almatyX).toBeGreaterThan(astanaX); // Almaty is east of Astana
    expect(almatyY).toBeGreaterThan(astanaY); // and south of it (SVG y grows downwards)
  });

  it('has the cities inside the outline and foreign capitals outside it', () => {
    for (const [lon, lat] of [[71.45, 51.17], [76.95, 43.24], [69.59, 42.34], [51.92, 47.11], [82.61, 49.95]]) {
      expect(inside(lon, lat)).toBe(true);
    }
    expect(inside(37.62, 55.75)).toBe(false); // Moscow
    expect(inside(116.4, 39.9)).toBe(false); // Beijing
  });

  it('is close to true scale on its standard parallels', () => {
    // One degree of longitude on 45° N is cos(45°) degrees of a great circle.
    const [x1] = project(66.5, 45);
    const [x2] = project(67.5, 45);
    expect(Math.abs(x2 - x1)).toBeCloseTo((Math.PI / 180) * Math.cos((45 * Math.PI) / 180), 3);
  });

  it('converts pixels per Earth radius to a Web-Mercator zoom and back', () => {
    for (const z of [3, 5.5, 9]) expect(mercatorZoom(pixelsPerRadiusAt(z))).toBeCloseTo(z, 10);
  });

  it('ships a small outline', () => {
    expect(OUTLINE.path.startsWith('M')).toBe(true);
    expect(OUTLINE.path.length).toBeLessThan(40_000);
  });
});
