// Place routes: geography as reference data for every staff role (decision 0023).
import { page } from '../../../domain/common.js';
import { Place, PlaceListQuery } from '../../../domain/places.js';
import type { App } from '../../app.js';
import * as service from './service.js';

export function placeRoutes(app: App): void {
  app.get('/api/places', {
    config: { access: 'learner.read' },
    schema: {
      tags: ['places'],
      summary: 'Settlements, cities, raions and oblasts across the whole country, searched across scripts; those near you first',
      querystring: PlaceListQuery, response: { 200: page(Place) },
    },
  }, (req) => service.listPlaces(req.ctx, req.query));
}
