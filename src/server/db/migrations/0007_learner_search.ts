// Finding a person by part of their name among millions (issue 4; decision 0015). The
// learner list filters `name_key LIKE '%term%'` while walking the name index in order, which
// is fast for common terms and slow for rare ones (seconds for a full name or a surname
// nobody in the area has). A trigram index answers the rare ones:
// - PostgreSQL: pg_trgm's GIN operator class on name_key; the planner uses it by itself
//   when the term is selective. pg_trgm ships with PostgreSQL and is a trusted extension
//   (a database owner may create it).
// - SQLite: an FTS5 table with the trigram tokenizer over learners.name_key (external
//   content: it stores only the index), kept in step by triggers so that every writer —
//   the write door, the demo loader, imports, the bench generator — updates it. The list
//   query consults it only when a capped count says the term is selective (dialect.ts).
// Never edit once merged.
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../dialect.js';

export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  if (engine === 'postgres') {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index learners_name_key_trgm on learners using gin (name_key gin_trgm_ops)`.execute(db);
    return;
  }
  // detail=none: only which rows hold a trigram, enough for LIKE and a third of the size.
  await sql`create virtual table learners_name_fts using fts5(
    name_key, content='learners', content_rowid='rowid', tokenize='trigram', detail='none')`.execute(db);
  await sql`insert into learners_name_fts(learners_name_fts) values ('rebuild')`.execute(db);
  await sql`create trigger learners_name_fts_insert after insert on learners begin
    insert into learners_name_fts(rowid, name_key) values (new.rowid, new.name_key);
  end`.execute(db);
  await sql`create trigger learners_name_fts_delete after delete on learners begin
    insert into learners_name_fts(learners_name_fts, rowid, name_key) values ('delete', old.rowid, old.name_key);
  end`.execute(db);
  await sql`create trigger learners_name_fts_update after update of name_key on learners begin
    insert into learners_name_fts(learners_name_fts, rowid, name_key) values ('delete', old.rowid, old.name_key);
    insert into learners_name_fts(rowid, name_key) values (new.rowid, new.name_key);
  end`.execute(db);
}
