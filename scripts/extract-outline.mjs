#!/usr/bin/env node
// Extracts Kazakhstan's outline from world-atlas (Natural Earth 1:50m, public
// domain; the package is ISC) into src/web/features/map/kazakhstan.json — a
// small GeoJSON Feature the offline map draws as SVG. Coordinates are rounded
// to 3 decimals (~100 m), far finer than the map ever shows.
// Run: node scripts/extract-outline.mjs   (see docs/decisions/0007-offline-map.md)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';

const require = createRequire(import.meta.url);
const KAZAKHSTAN = '398'; // ISO 3166-1 numeric
const source = require.resolve('world-atlas/countries-50m.json');
const topology = JSON.parse(readFileSync(source, 'utf8'));

const geometry = topology.objects.countries.geometries.find((g) => String(g.id) === KAZAKHSTAN);
if (!geometry) throw new Error(`Kazakhstan (${KAZAKHSTAN}) not found in ${source}`);
const kz = feature(topology, geometry);

const round = (n) => Math.round(n * 1000) / 1000;
function roundRing(ring) {
  const out = [];
  for (const [lon, lat] of ring) {
    const point = [round(lon), round(lat)];
    const last = out[out.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
  }
  return out;
}
const polygons = kz.geometry.type === 'Polygon' ? [kz.geometry.coordinates] : kz.geometry.coordinates;
const coordinates = polygons
  .map((polygon) => polygon.map(roundRing).filter((ring) => ring.length >= 4))
  .filter((polygon) => polygon.length > 0);

const { version } = require('world-atlas/package.json');
const output = {
  type: 'Feature',
  id: KAZAKHSTAN,
  properties: {
    name: 'Kazakhstan',
    source: `world-atlas@${version} countries-50m.json (Natural Earth 1:50m Admin 0, public domain)`,
  },
  geometry: { type: 'MultiPolygon', coordinates },
};

const target = fileURLToPath(new URL('../src/web/features/map/kazakhstan.json', import.meta.url));
writeFileSync(target, JSON.stringify(output) + '\n');
const points = coordinates.flat(2).length;
console.log(`wrote ${target}: ${coordinates.length} polygon(s), ${points} points`);
