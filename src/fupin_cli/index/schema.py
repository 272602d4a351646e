"""The schema of the compiled index (SQLite with FTS5).

Full-text search runs over the normalized text (see `normalize`). Chinese has no spaces and
FTS5's trigram tokenizer cannot answer a query shorter than three characters, while
two-character words are the commonest queries, so there are two FTS5 tables over the same
units of text:

- ``units_tri``: the trigram tokenizer (case-sensitive), for terms of three or more characters;
- ``units_uni``: one token per character (every character is a token character), for terms of
  one or two characters, searched as a phrase of characters.

A phrase of trigrams, or of single characters, matches exactly where the term occurs as a
substring, so the index answers the same as a plain substring scan (tests compare them).
"""

from __future__ import annotations

#: Bumped whenever the tables change: an index of another schema is rebuilt.
SCHEMA = 3

DDL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, ctime_ns INTEGER,
                    ino INTEGER, sha TEXT NOT NULL, hashed_ns INTEGER NOT NULL);
-- data: the document as JSON (by alias, defaults left out), zlib-compressed
CREATE TABLE documents (id TEXT PRIMARY KEY, ord INTEGER, level TEXT NOT NULL,
                        level_order INTEGER NOT NULL, region TEXT NOT NULL, date TEXT,
                        title TEXT NOT NULL, short_title TEXT NOT NULL, aliases TEXT NOT NULL,
                        path TEXT NOT NULL, data BLOB NOT NULL);
CREATE TABLE doc_keys (key TEXT NOT NULL, doc TEXT NOT NULL, rank INTEGER NOT NULL);
CREATE TABLE sections (doc TEXT NOT NULL, ord INTEGER NOT NULL, depth INTEGER NOT NULL,
                       kind TEXT NOT NULL, label TEXT NOT NULL, title TEXT NOT NULL);
-- articles and tasks keep their text once, in units (unit = units.id)
CREATE TABLE articles (doc TEXT NOT NULL, no INTEGER NOT NULL, label TEXT NOT NULL,
                       title TEXT, section TEXT NOT NULL, actors TEXT NOT NULL,
                       items TEXT NOT NULL, unit INTEGER NOT NULL);
CREATE TABLE tasks (doc TEXT NOT NULL, no INTEGER NOT NULL, path TEXT NOT NULL,
                    label TEXT NOT NULL, section TEXT NOT NULL, lead TEXT NOT NULL,
                    co TEXT NOT NULL, lead_line TEXT, co_line TEXT,
                    unit INTEGER NOT NULL);
CREATE TABLE actors (name TEXT PRIMARY KEY, level TEXT, kind TEXT, region TEXT,
                     json TEXT NOT NULL);
CREATE TABLE refs (id TEXT PRIMARY KEY, title TEXT NOT NULL, json TEXT NOT NULL);
CREATE TABLE edges (source TEXT NOT NULL, article INTEGER, kind TEXT NOT NULL,
                    target TEXT, relation TEXT NOT NULL, degree TEXT, phrase TEXT);
-- the searchable units of text: preamble, notice, closing, section text, articles (with
-- items), tasks;
-- items: for an article, [[offset in text, item label], ...]
CREATE TABLE units (id INTEGER PRIMARY KEY, doc TEXT NOT NULL, kind TEXT NOT NULL,
                    ref TEXT NOT NULL, text TEXT NOT NULL, norm TEXT NOT NULL, items TEXT);
CREATE VIRTUAL TABLE units_tri USING fts5(
    norm, content='units', content_rowid='id', tokenize='trigram case_sensitive 1');
CREATE VIRTUAL TABLE units_uni USING fts5(
    chars, content='', tokenize="unicode61 remove_diacritics 0 categories 'L* N* P* S* M* Co'");
"""

POST_DDL = """
CREATE INDEX units_doc ON units(doc);
CREATE INDEX doc_keys_key ON doc_keys(key);
CREATE INDEX articles_doc ON articles(doc, no);
CREATE INDEX tasks_doc ON tasks(doc, no);
CREATE INDEX edges_source ON edges(source);
CREATE INDEX edges_target ON edges(target);
"""
