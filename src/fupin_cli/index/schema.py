"""The schema of the compiled index (SQLite with FTS5): every table, and why it is there.

Text is stored once, as written, in `units` (an article with its items, a task, a preamble,
a notice, a closing). The full-text index `units_fts` is contentless: it holds only the
postings of the folded text (see `normalize.fold`), one token per character, so that a
phrase of characters matches exactly where the folded query occurs as a substring: the
index answers what a substring scan would (up to letter case, which the tokenizer folds and
the search checks again), for words of any length.

Units are numbered in corpus order (superior documents first, then by region, date and id;
reading order inside a document), so ``ORDER BY rowid`` is the corpus order and a ``LIMIT``
stops early; the documents of one level are one range of rowids.

Everything that is not text or a column a query filters on is kept as compact JSON beside the
row (`documents.fields`, `units.fields`): fields added to the models pass through the index
without a change here. The JSON is deflated with a preset dictionary (``meta`` key
``fields_dictionary``); `rows.py` turns models into rows and back.

Tables:

- ``meta``: key/value facts (the content key, the fingerprint, when it was built).
- ``files``: each data file's stat and content hash (the change check, `files.py`).
- ``documents``: one row per document, in corpus order (`ord`); its units are the rowids
  ``first_unit`` to ``first_unit + units - 1``.
- ``doc_keys``: folded id and aliases -> document.
- ``units``: the searchable text; ``no`` is an article's or task's number, ``ref`` its label
  or path, ``flen`` the length of the folded text, ``actors`` 1 when an article names an
  actor (who-leads reads only those), ``items`` how many numbered items an article has.
- ``units_fts``: the full-text postings of the units.
- ``names``, ``roles``: who a task or article names (``names.id``), by role (``lead``,
  ``co``, ``actors``); view ``unit_roles`` spells the names out.
- ``relations``: the duty relations an article states (``unit``: the article's ``seq``).
- ``edges``: the rule graph: curated links (``curated`` 1) and citations found in the text.
- ``citations``: every rule a text cites by 《title》 or doc number, resolved or not.
- ``deadlines``, ``targets``: the time limits and figures of each article or task (``unit``:
  its ``seq``), with the dates and values a query filters on (`extract.terms`); ``targets.key``
  is the folded subject and clause, for a topic.
- ``validity``: each document's dates and its provisions on force (JSON ``fields``: a
  `terms.Validity`); ``repeals``: the rules a text repeals or replaces, resolved like
  citations (a resolved one is also a ``repeals`` / ``replaces`` edge).
- ``variants``: regional phrase variants a query expands into, as whole words (互联网 /
  网际网路, both ways; see `normalize.usable_variants`); ``script_pairs``: phrases written
  with other characters in the other script (了解 / 瞭解), replaced inside a query.
- ``actors``, ``refs``: the registries, as JSON.
- Views ``articles`` and ``tasks`` for people who open the database with sqlite3.
"""

from __future__ import annotations

#: Bumped whenever the tables change: an index of another schema is rebuilt.
SCHEMA = 6

#: One token per character: every category but separators, so that punctuation, symbols,
#: digits and letters of any script are searchable (the fold drops whitespace).
TOKENIZER = "unicode61 remove_diacritics 0 categories 'L* N* P* S* M* C*'"

DDL = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value NOT NULL);
CREATE TABLE files (path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, ctime_ns INTEGER,
                    ino INTEGER, sha TEXT NOT NULL, hashed_ns INTEGER NOT NULL);
CREATE TABLE documents (id TEXT PRIMARY KEY, ord INTEGER, first_unit INTEGER,
                        units INTEGER NOT NULL, level TEXT NOT NULL,
                        level_order INTEGER NOT NULL, region TEXT NOT NULL, date TEXT,
                        title TEXT NOT NULL, short_title TEXT NOT NULL,
                        aliases TEXT NOT NULL, doc_number TEXT, script TEXT NOT NULL,
                        articles INTEGER NOT NULL, tasks INTEGER NOT NULL,
                        accountable INTEGER NOT NULL,
                        path TEXT NOT NULL, fields BLOB NOT NULL);
CREATE TABLE doc_keys (key TEXT NOT NULL, doc TEXT NOT NULL, rank INTEGER NOT NULL);
CREATE TABLE units (id INTEGER PRIMARY KEY, doc TEXT NOT NULL, seq INTEGER NOT NULL,
                    kind TEXT NOT NULL, no INTEGER, ref TEXT NOT NULL, text TEXT NOT NULL,
                    flen INTEGER NOT NULL, actors INTEGER NOT NULL, items INTEGER NOT NULL,
                    fields BLOB);
CREATE VIRTUAL TABLE units_fts USING fts5(
    chars, content='', columnsize=0, tokenize="{TOKENIZER}");
-- key: the name folded, to find a unit kept as written whatever its script
CREATE TABLE names (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, key TEXT NOT NULL);
-- held: 0 a registry unit, 1 a unit kept as written (unknown to the registry in the
-- document's region), 2 a class of holders kept as written (各有关单位)
CREATE TABLE roles (name INTEGER NOT NULL, role TEXT NOT NULL, unit INTEGER NOT NULL,
                    held INTEGER NOT NULL, PRIMARY KEY (name, role, unit)) WITHOUT ROWID;
CREATE TABLE relations (doc TEXT NOT NULL, unit INTEGER NOT NULL, article INTEGER NOT NULL,
                        seq INTEGER NOT NULL,
                        from_ TEXT NOT NULL, relation TEXT NOT NULL, to_ TEXT,
                        degree TEXT, phrase TEXT NOT NULL);
CREATE TABLE edges (source TEXT NOT NULL, target TEXT NOT NULL, relation TEXT NOT NULL,
                    article INTEGER, phrase TEXT NOT NULL, curated INTEGER NOT NULL,
                    seq INTEGER NOT NULL);
CREATE TABLE citations (doc TEXT NOT NULL, seq INTEGER NOT NULL, article INTEGER,
                        label TEXT, cited TEXT NOT NULL, number TEXT, target TEXT,
                        phrase TEXT NOT NULL, by_title INTEGER NOT NULL);
CREATE TABLE deadlines (doc TEXT NOT NULL, unit INTEGER NOT NULL, seq INTEGER NOT NULL,
                        kind TEXT NOT NULL, start TEXT, end_ TEXT, every TEXT,
                        phrase TEXT NOT NULL);
CREATE TABLE targets (doc TEXT NOT NULL, unit INTEGER NOT NULL, seq INTEGER NOT NULL,
                      quantity TEXT NOT NULL, value REAL NOT NULL, upper REAL, measure TEXT,
                      comparison TEXT NOT NULL, subject TEXT, phrase TEXT NOT NULL,
                      due TEXT, due_phrase TEXT, key TEXT NOT NULL);
CREATE TABLE validity (doc TEXT PRIMARY KEY, issued TEXT, published TEXT, effective TEXT,
                       expires TEXT, provisional TEXT, fields TEXT NOT NULL);
CREATE TABLE repeals (doc TEXT NOT NULL, seq INTEGER NOT NULL, article INTEGER,
                      cited TEXT NOT NULL, number TEXT, relation TEXT NOT NULL,
                      phrase TEXT NOT NULL, target TEXT);
CREATE TABLE variants (spelling TEXT NOT NULL, variant TEXT NOT NULL);
CREATE TABLE script_pairs (simplified TEXT NOT NULL, traditional TEXT NOT NULL);
CREATE TABLE actors (name TEXT PRIMARY KEY, level TEXT, kind TEXT, region TEXT,
                     json TEXT NOT NULL);
CREATE TABLE refs (id TEXT PRIMARY KEY, title TEXT NOT NULL, doc_number TEXT,
                   json TEXT NOT NULL);
CREATE VIEW articles AS SELECT doc, no, ref AS label, text, fields FROM units
    WHERE kind = 'article';
CREATE VIEW tasks AS SELECT doc, no, ref AS path, text, fields FROM units WHERE kind = 'task';
CREATE VIEW unit_roles AS SELECT n.name AS actor, r.role, r.unit, r.held FROM roles r
    JOIN names n ON n.id = r.name;
"""

#: Where the rows of each document wait until the corpus order is known (a temporary table).
STAGING_DDL = """
CREATE TEMP TABLE staged (doc TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL,
                          no INTEGER, ref TEXT NOT NULL, text TEXT NOT NULL,
                          flen INTEGER NOT NULL, actors INTEGER NOT NULL,
                          items INTEGER NOT NULL, fields BLOB,
                          chars TEXT NOT NULL);
CREATE TEMP TABLE staged_roles (actor TEXT NOT NULL, role TEXT NOT NULL, doc TEXT NOT NULL,
                                seq INTEGER NOT NULL, held INTEGER NOT NULL);
"""

POST_DDL = """
CREATE UNIQUE INDEX documents_ord ON documents(ord);
CREATE INDEX doc_keys_key ON doc_keys(key);
CREATE INDEX names_key ON names(key);
CREATE INDEX relations_doc ON relations(doc, unit, seq);
CREATE INDEX relations_from ON relations(from_);
CREATE INDEX relations_to ON relations(to_);
CREATE INDEX edges_source ON edges(source);
CREATE INDEX edges_target ON edges(target);
CREATE INDEX citations_doc ON citations(doc, seq);
CREATE INDEX variants_spelling ON variants(spelling);
CREATE INDEX deadlines_end ON deadlines(end_);
CREATE INDEX deadlines_doc ON deadlines(doc, unit, seq);
CREATE INDEX targets_doc ON targets(doc, unit, seq);
"""
