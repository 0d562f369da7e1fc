/* figures-index-search.c: full-text search, ranked, with snippets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-index"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "figures-extractor.h"
#include "figures-file.h"
#include "figures-index-private.h"
#include "figures-metadata.h"
#include "figures-query.h"
#include "figures-text.h"
#include "figures-tokenizer.h"

#define SNIPPET_CHARS 100
#define SNIPPET_BEFORE 30

/* ---- search ---- */

void
figures_search_hit_free (FiguresSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->path);
  g_free (hit->title);
  g_free (hit->city);
  g_free (hit->date);
  g_free (hit->snippet);
  g_clear_pointer (&hit->snippet_matches, g_array_unref);
  g_free (hit);
}

static gboolean
is_sentence_end (gunichar c)
{
  return c == 0x3002 /* 。 */ || c == 0xFF01 /* ！ */ || c == 0xFF1F /* ？ */
         || c == 0xFF1B /* ； */ || c == '!' || c == '?' || c == ';' || c == '\n';
}

static gboolean
is_clause_break (gunichar c)
{
  return c == ',' || c == 0xFF0C /* ， */ || c == 0x3001 /* 、 */ || c == ':' || c == 0xFF1A ||
         c == ' ' || c == 0x3000;
}

/* Cuts the sentence around the first match, at most SNIPPET_CHARS long. */
static void
make_snippet (FiguresSearchHit *hit, FiguresQuery *query, const char *display)
{
  g_autoptr (GArray) matches = figures_query_find_matches (query, display);
  g_autofree gunichar *chars = NULL;
  glong n = 0;
  gsize anchor = 0, anchor_end = 0, start, end;
  GString *snippet;

  chars = g_utf8_to_ucs4_fast (display, -1, &n);
  if (matches->len > 0)
    {
      anchor = g_array_index (matches, FiguresRange, 0).start;
      anchor_end = g_array_index (matches, FiguresRange, 0).end;
    }
  hit->first_match = anchor;

  /* the sentence: back to the previous end of sentence, on to the next */
  start = anchor;
  while (start > 0 && !is_sentence_end (chars[start - 1]))
    start--;
  end = MAX (anchor_end, anchor);
  while (end < (gsize) n && !is_sentence_end (chars[end]))
    end++;
  if (end < (gsize) n)
    end++; /* with its punctuation */
  /* a short sentence: take the next ones too */
  while (end < (gsize) n && end - start < SNIPPET_CHARS / 2)
    {
      gsize next = end;

      while (next < (gsize) n && !is_sentence_end (chars[next]))
        next++;
      if (next < (gsize) n)
        next++;
      if (next - start > SNIPPET_CHARS)
        break;
      end = next;
    }
  if (end - start > SNIPPET_CHARS)
    {
      if (anchor > start + SNIPPET_BEFORE)
        {
          gsize from = anchor - SNIPPET_BEFORE;

          /* start after a clause break rather than inside a word */
          for (gsize i = from; i < anchor; i++)
            if (is_clause_break (chars[i]))
              {
                from = i + 1;
                break;
              }
          start = from;
        }
      end = MIN (end, start + SNIPPET_CHARS);
    }
  while (start < end && (g_unichar_isspace (chars[start]) || chars[start] == 0x3000))
    start++;
  while (end > start && (g_unichar_isspace (chars[end - 1]) || chars[end - 1] == 0x3000))
    end--;

  snippet = g_string_sized_new ((end - start) * 3);
  for (gsize i = start; i < end; i++)
    {
      gunichar c = chars[i];

      if (c == '\n' || c == '\r' || c == '\t')
        c = ' ';
      g_string_append_unichar (snippet, c);
    }
  hit->snippet = g_string_free (snippet, FALSE);

  hit->snippet_matches = g_array_new (FALSE, FALSE, sizeof (FiguresRange));
  for (guint i = 0; i < matches->len; i++)
    {
      FiguresRange r = g_array_index (matches, FiguresRange, i);

      if (r.end <= start || r.start >= end)
        continue;
      r.start = MAX (r.start, start) - start;
      r.end = MIN (r.end, end) - start;
      g_array_append_val (hit->snippet_matches, r);
    }
}

static void
bind_cities (sqlite3_stmt *stmt, int first, const char *const *cities)
{
  for (guint i = 0; cities != NULL && cities[i] != NULL; i++)
    sqlite3_bind_text (stmt, first + i, cities[i], -1, SQLITE_TRANSIENT);
}

static void
append_city_filter (GString *sql, int first, const char *const *cities)
{
  if (cities == NULL)
    return;
  g_string_append (sql, " AND d.city IN (");
  for (guint i = 0; cities[i] != NULL; i++)
    g_string_append_printf (sql, "%s?%u", i > 0 ? ", " : "", first + i);
  g_string_append (sql, ")");
}

/* Ranking costs a look-up per matching document: for a query that matches
 * more than RANK_WINDOW documents (a common character in a large corpus,
 * where bm25 hardly tells documents apart anyway), only the RANK_WINDOW
 * most recently indexed matches are ranked. */
#define RANK_WINDOW "3000"

/* The documents of the cities, from the index documents_city alone:
 * cheaper than reading the city of each match from its (large) row. The
 * unary + keeps this from FTS5, which would run the query once per id. */
static void
append_city_ids (GString *sql, int first, const char *const *cities)
{
  g_string_append (sql, " AND +search.rowid IN (SELECT id FROM documents WHERE city IN (");
  for (guint i = 0; cities[i] != NULL; i++)
    g_string_append_printf (sql, "%s?%u", i > 0 ? ", " : "", first + i);
  g_string_append (sql, "))");
}

GPtrArray *
figures_index_search (
  FiguresIndex *self, const char *query_text, guint limit, guint *total, GError **error)
{
  g_autoptr (FiguresQuery) query = NULL;
  g_autoptr (GPtrArray) hits = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GString) sql = NULL;
  g_autofree char *match = NULL;
  const char *const *cities;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  if (total != NULL)
    *total = 0;
  if (query_text != NULL && g_utf8_strlen (query_text, -1) > FIGURES_QUERY_MAX_CHARS)
    {
      g_set_error (error, FIGURES_INDEX_ERROR, FIGURES_INDEX_ERROR_QUERY_TOO_LONG,
                   "The query is too long: at most %d characters are searched",
                   FIGURES_QUERY_MAX_CHARS);
      return NULL;
    }
  hits = g_ptr_array_new_with_free_func ((GDestroyNotify) figures_search_hit_free);
  query = figures_query_parse (query_text != NULL ? query_text : "");
  if (figures_query_count_terms (query) > FIGURES_QUERY_MAX_TERMS)
    {
      g_set_error (error, FIGURES_INDEX_ERROR, FIGURES_INDEX_ERROR_QUERY_TOO_LONG,
                   "The query has %u terms: at most %d are searched",
                   figures_query_count_terms (query), FIGURES_QUERY_MAX_TERMS);
      return NULL;
    }
  match = figures_query_to_fts5 (query);
  cities = figures_query_get_cities (query);

  if (match == NULL && cities == NULL)
    return g_steal_pointer (&hits);

  if (total != NULL)
    {
      g_autoptr (sqlite3_stmt) count = NULL;

      sql = g_string_new (NULL);
      if (match != NULL)
        {
          g_string_append (sql, "SELECT count(*) FROM search WHERE search MATCH ?1");
          if (cities != NULL)
            append_city_ids (sql, 2, cities);
        }
      else
        {
          g_string_append (sql, "SELECT count(*) FROM documents d WHERE 1");
          append_city_filter (sql, 2, cities);
        }
      count = _figures_index_prepare (self->db, sql->str, error);
      if (count == NULL)
        return NULL;
      if (match != NULL)
        sqlite3_bind_text (count, 1, match, -1, SQLITE_STATIC);
      bind_cities (count, 2, cities);
      if (sqlite3_step (count) != SQLITE_ROW)
        {
          _figures_index_sqlite_error (error, self->db, "Could not search the index");
          return NULL;
        }
      *total = sqlite3_column_int (count, 0);
      g_string_free (g_steal_pointer (&sql), TRUE);
    }

  sql = g_string_new (NULL);
  /* One pass over the matches (newest first, at most RANK_WINDOW of them
   * without a city), each scored once by figures_rank() (= bm25); then the
   * documents of the best ones only. */
  if (match != NULL && cities == NULL)
    g_string_append (
      sql, "WITH w AS MATERIALIZED (SELECT rowid AS id, figures_rank(search) AS score "
           "FROM search WHERE search MATCH ?1 ORDER BY rowid DESC LIMIT " RANK_WINDOW "), "
           "r AS MATERIALIZED (SELECT id, score FROM w ORDER BY score, id LIMIT ?2) "
           "SELECT d.id, d.path, d.title, d.city, d.date, r.score, d.text, d.text_size "
           "FROM r LEFT JOIN documents d ON d.id = r.id ORDER BY r.score, r.id");
  else if (match != NULL)
    {
      /* the matches first, then their city: FTS5 checking documents one
       * by one against the query costs more, even for a small city */
      g_string_append (sql, "WITH r AS MATERIALIZED (SELECT rowid AS id, figures_rank(search) "
                            "AS score FROM search WHERE search MATCH ?1");
      append_city_ids (sql, 3, cities);
      g_string_append (sql,
                       " ORDER BY score, id LIMIT ?2) "
                       "SELECT d.id, d.path, d.title, d.city, d.date, r.score, d.text, d.text_size "
                       "FROM r LEFT JOIN documents d ON d.id = r.id ORDER BY r.score, r.id");
    }
  else
    {
      g_string_append (sql,
                       "SELECT d.id, d.path, d.title, d.city, d.date, 0.0, d.text, d.text_size "
                       "FROM documents d WHERE 1");
      append_city_filter (sql, 3, cities);
      g_string_append (sql, " ORDER BY d.date IS NULL, d.date DESC, d.title LIMIT ?2");
    }
  stmt = _figures_index_prepare (self->db, sql->str, error);
  if (stmt == NULL)
    return NULL;
  if (match != NULL)
    sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  bind_cities (stmt, 3, cities);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FiguresSearchHit *hit;

      /* a match of the full-text index without its document: pages of the
       * database are lost, which nothing else would notice */
      if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
        {
          _figures_index_set_corrupt (error, self->db, "a document of the search index is missing");
          return NULL;
        }
      hit = g_new0 (FiguresSearchHit, 1);
      hit->document_id = sqlite3_column_int64 (stmt, 0);
      hit->path = _figures_index_column_dup (stmt, 1);
      hit->title = _figures_index_column_dup (stmt, 2);
      hit->city = _figures_index_column_dup (stmt, 3);
      hit->date = _figures_index_column_dup (stmt, 4);
      hit->score = sqlite3_column_double (stmt, 5);
      {
        g_autofree char *text = _figures_index_column_text (stmt, 6);

        make_snippet (hit, query, text != NULL ? text : "");
      }
      g_ptr_array_add (hits, hit);
    }
  if (rc != SQLITE_DONE)
    {
      _figures_index_sqlite_error (error, self->db, "Could not search the index");
      return NULL;
    }
  if (total != NULL && match == NULL && cities == NULL)
    *total = hits->len;

  return g_steal_pointer (&hits);
}
