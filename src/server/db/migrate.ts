// One set of migrations for both engines, run on start and by `kerege migrate`.
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Db, Engine } from './dialect.js';
import * as foundation from './migrations/0001_foundation.js';
import * as learning from './migrations/0002_learning.js';
import * as registryOrder from './migrations/0003_registry_order.js';
import * as visitsOutcomes from './migrations/0004_visits_outcomes.js';
import * as certificateTexts from './migrations/0005_certificate_texts.js';
import * as learnerLinksMerges from './migrations/0006_learner_links_merges.js';
import * as learnerSearch from './migrations/0007_learner_search.js';
import * as imports from './migrations/0008_imports.js';
import * as importTraining from './migrations/0009_import_training.js';

type EngineMigration = { up(db: Kysely<any>, engine: Engine): Promise<void> };
const MIGRATIONS: Record<string, EngineMigration> = {
  '0001_foundation': foundation,
  '0002_learning': learning,
  '0003_registry_order': registryOrder,
  '0004_visits_outcomes': visitsOutcomes,
  '0005_certificate_texts': certificateTexts,
  '0006_learner_links_merges': learnerLinksMerges,
  '0007_learner_search': learnerSearch,
  '0008_imports': imports,
  '0009_import_training': importTraining,
};

class StaticProvider implements MigrationProvider {
  constructor(private readonly engine: Engine) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return Object.fromEntries(
      Object.entries(MIGRATIONS).map(([name, m]) => [name, { up: (db: Kysely<any>) => m.up(db, this.engine) }]),
    );
  }
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db: db.kysely, provider: new StaticProvider(db.engine) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
