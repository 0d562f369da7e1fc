/* figures-index.c: every report in SQLite, with Chinese full-text search
 *
 * Schema (PRAGMA user_version = SCHEMA_VERSION; meta.tokenizer = the
 * tokenizer's version): documents, statistics, skipped, and an external
 * content FTS5 table `search` over documents.text, kept in step by the
 * writer (not by triggers: FTS5 flushes its pending terms at every
 * statement savepoint, and a trigger per document made building twice as
 * slow). The "figures" tokenizer folds Traditional→Simplified, so the
 * index is over the folded text while documents.text keeps the display text,
 * deflated (documents.text_size is its length in bytes): the FTS5 table is
 * contentless, and the writer gives it the text again to delete a document.
 *
 * Building runs two threads: a reader thread reads, hashes, decodes and
 * extracts each new or changed file and hands the result to the calling
 * thread, the only writer, through a bounded queue. Each batch of
 * documents is one transaction, so a document with all its statistics is
 * either in or out, whenever the process dies.
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
#include "figures-report.h"
#include "figures-text.h"
#include "figures-tokenizer.h"

#define SCHEMA_VERSION 12

/* clang-format would put spaces into the registered name */
// clang-format off
G_DEFINE_QUARK (figures-index-error-quark, figures_index_error)
// clang-format on

static const char schema_sql[] =
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;"
  "CREATE TABLE documents ("
  "  id INTEGER PRIMARY KEY,"
  "  path TEXT NOT NULL UNIQUE,"
  "  size INTEGER NOT NULL,"
  "  mtime INTEGER NOT NULL,"
  "  hash TEXT NOT NULL,"
  "  encoding TEXT,"
  "  title TEXT,"
  "  date TEXT,"
  "  city TEXT,"
  "  text BLOB NOT NULL,"
  "  text_size INTEGER NOT NULL,"
  "  n_statistics INTEGER NOT NULL DEFAULT 0,"
  /* the reader's format key (figures_report_format_to_key()), its pages
   * (0 for formats without pages) and how many were read by OCR */
  "  format TEXT NOT NULL DEFAULT 'text',"
  "  page_count INTEGER NOT NULL DEFAULT 0,"
  "  ocr_pages INTEGER NOT NULL DEFAULT 0,"
  /* where each page starts: code points into the text, space separated */
  "  page_starts TEXT,"
  /* the analyst's corrections of the report (figures-index-corrections.c):
   * a corrected one keeps what was read in read_*, as statistics do */
  "  corrected INTEGER NOT NULL DEFAULT 0,"
  "  read_title TEXT,"
  "  read_date TEXT,"
  "  read_city TEXT);"
  "CREATE INDEX documents_hash ON documents (hash);"
  "CREATE INDEX documents_city ON documents (city);"
  /* One per order of figures_index_list_documents(), so a page of a long
   * list is read from the index instead of sorting every row. */
  "CREATE INDEX documents_by_title ON documents (title, path);"
  "CREATE INDEX documents_by_date ON documents (date IS NULL, date DESC, title, path);"
  "CREATE INDEX documents_by_city ON documents (city IS NULL, city, title, path);"
  "CREATE TABLE statistics ("
  "  id INTEGER PRIMARY KEY,"
  "  document_id INTEGER NOT NULL REFERENCES documents (id),"
  "  city TEXT,"
  "  place TEXT,"
  "  metric TEXT NOT NULL,"
  "  value REAL NOT NULL,"
  "  value_text TEXT NOT NULL,"
  "  approx INTEGER NOT NULL,"
  "  unit TEXT,"
  "  start INTEGER NOT NULL,"
  "  \"end\" INTEGER NOT NULL,"
  "  label TEXT,"
  "  evidence TEXT,"
  "  evidence_start INTEGER NOT NULL DEFAULT 0,"
  "  evidence_end INTEGER NOT NULL DEFAULT 0,"
  "  year INTEGER NOT NULL DEFAULT 0,"
  /* the year it counts for: its own, else its document's (see EFFECTIVE_YEAR) */
  "  effective_year INTEGER NOT NULL DEFAULT 0,"
  /* no year stated: the report's date's, following its corrections */
  "  year_from_date INTEGER NOT NULL DEFAULT 0,"
  /* the extractor's reasons, shown beside the figure in the reader */
  "  why_metric TEXT,"
  "  why_city TEXT,"
  /* its page in a paged format (PDF), else 0 */
  "  page INTEGER NOT NULL DEFAULT 0,"
  /* the analyst's corrections (figures-index-corrections.c): a corrected
   * row keeps what was read in read_*, so that an undo can restore it; a
   * rejected one stays, left out of every list, sum and chart */
  "  corrected INTEGER NOT NULL DEFAULT 0,"
  "  rejected INTEGER NOT NULL DEFAULT 0,"
  "  read_city TEXT,"
  "  read_place TEXT,"
  "  read_metric TEXT,"
  "  read_value_text TEXT,"
  "  read_approx INTEGER,"
  "  read_year INTEGER);"
  "CREATE INDEX statistics_document ON statistics (document_id);"
  /* covers figures_index_aggregate(): charts never read the table itself
   * (label last: `other` is grouped by it).
   * document_id third: a new document's rows go to the end of their
   * (metric, city), so building touches few pages of this index. */
  "CREATE INDEX statistics_metric_city ON statistics (metric, city, document_id, "
  "effective_year, value, approx, unit, rejected, label);"
  "CREATE TABLE skipped (path TEXT PRIMARY KEY, reason TEXT NOT NULL, \"when\" INTEGER NOT NULL);"
  /* what figures_index_update() walks: folders and single files */
  "CREATE TABLE roots (path TEXT PRIMARY KEY) WITHOUT ROWID;"
  "CREATE VIRTUAL TABLE search USING fts5 (text, content='',"
  "  tokenize='" FIGURES_TOKENIZER_NAME "');"
  /* fewer, larger segments: faster bulk building */
  "INSERT INTO search (search, rank) VALUES ('automerge', 16);"
  "INSERT INTO search (search, rank) VALUES ('crisismerge', 64);"
  "INSERT INTO search (search, rank) VALUES ('hashsize', 33554432);";

/* ---- helpers ---- */

static gboolean
is_corrupt (int code)
{
  return (code & 0xff) == SQLITE_CORRUPT || (code & 0xff) == SQLITE_NOTADB;
}

gboolean
_figures_index_set_corrupt (GError **error, sqlite3 *db, const char *detail)
{
  const char *path = sqlite3_db_filename (db, "main");

  g_set_error (error, FIGURES_INDEX_ERROR, FIGURES_INDEX_ERROR_CORRUPT,
               "The index “%s” is damaged (%s): rebuild it (delete it and index again)",
               path != NULL ? path : "", detail);
  return FALSE;
}

gboolean
_figures_index_sqlite_error (GError **error, sqlite3 *db, const char *what)
{
  int code = sqlite3_extended_errcode (db);

  if (is_corrupt (code))
    return _figures_index_set_corrupt (error, db, sqlite3_errmsg (db));
  g_set_error (error, FIGURES_INDEX_ERROR, FIGURES_INDEX_ERROR_FAILED, "%s: %s (%d)", what,
               sqlite3_errmsg (db), code);
  return FALSE;
}

gboolean
_figures_index_exec (sqlite3 *db, const char *sql, GError **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      if (is_corrupt (sqlite3_extended_errcode (db)))
        _figures_index_set_corrupt (error, db, message != NULL ? message : sqlite3_errmsg (db));
      else
        g_set_error (error, FIGURES_INDEX_ERROR, FIGURES_INDEX_ERROR_FAILED, "%s",
                     message != NULL ? message : sqlite3_errmsg (db));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

sqlite3_stmt *
_figures_index_prepare (sqlite3 *db, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _figures_index_sqlite_error (error, db, "Could not read the index");
      return NULL;
    }
  return stmt;
}

gboolean
_figures_index_step_done (sqlite3 *db, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return _figures_index_sqlite_error (error, db, "Could not write the index");
  return TRUE;
}

char *
_figures_index_column_dup (sqlite3_stmt *stmt, int i)
{
  const char *text = (const char *) sqlite3_column_text (stmt, i);

  return text != NULL ? g_strdup (text) : NULL;
}

void
_figures_index_bind_text (sqlite3_stmt *stmt, int i, const char *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, i, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, i);
}

/* A fast 64-bit content hash (xxhash-like: 8 bytes per round). */
guint64
_figures_index_hash64 (const guint8 *data, gsize len)
{
  const guint64 p1 = 0x9E3779B185EBCA87ULL;
  const guint64 p2 = 0xC2B2AE3D27D4EB4FULL;
  const guint64 p3 = 0x165667B19E3779F9ULL;
  guint64 h = 0x27D4EB2F165667C5ULL ^ (len * p1);
  gsize i = 0;

  for (; i + 8 <= len; i += 8)
    {
      guint64 k;

      memcpy (&k, data + i, 8);
      k *= p2;
      k = (k << 31) | (k >> 33);
      k *= p1;
      h ^= k;
      h = ((h << 27) | (h >> 37)) * p1 + p3;
    }
  for (; i < len; i++)
    {
      h ^= data[i] * p3;
      h = ((h << 11) | (h >> 53)) * p1;
    }
  h ^= h >> 33;
  h *= p2;
  h ^= h >> 29;
  h *= p3;
  h ^= h >> 32;
  return h;
}

char *
_figures_index_hash_to_string (guint64 h)
{
  return g_strdup_printf ("%016" G_GINT64_MODIFIER "x", h);
}

/* ---- stored text: raw deflate ---- */

guint8 *
_figures_index_deflate_text (const char *text, gsize len, gsize *out_len)
{
  g_autoptr (GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW, 1);
  gsize capacity = len / 2 + 64;
  guint8 *out = g_malloc (capacity);
  gsize done_in = 0, done_out = 0;

  for (;;)
    {
      g_autoptr (GError) error = NULL;
      gsize bytes_read = 0, bytes_written = 0;
      GConverterResult result;

      result = g_converter_convert (G_CONVERTER (compressor), text + done_in, len - done_in,
                                    out + done_out, capacity - done_out, G_CONVERTER_INPUT_AT_END,
                                    &bytes_read, &bytes_written, &error);
      if (result == G_CONVERTER_ERROR)
        {
          /* only ever out of room */
          capacity *= 2;
          out = g_realloc (out, capacity);
          continue;
        }
      done_in += bytes_read;
      done_out += bytes_written;
      if (result == G_CONVERTER_FINISHED)
        break;
      if (done_out == capacity)
        {
          capacity *= 2;
          out = g_realloc (out, capacity);
        }
    }
  *out_len = done_out;
  return out;
}

/* NULL when the data is damaged. */
static char *
inflate_text (const void *data, gsize len, gsize size)
{
  g_autoptr (GZlibDecompressor) decompressor =
    g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW);
  char *out = g_malloc (size + 1);
  gsize done_in = 0, done_out = 0;

  if (data == NULL)
    len = 0;
  for (;;)
    {
      g_autoptr (GError) error = NULL;
      gsize bytes_read = 0, bytes_written = 0;
      GConverterResult result;

      result = g_converter_convert (G_CONVERTER (decompressor), (const guint8 *) data + done_in,
                                    len - done_in, out + done_out, size + 1 - done_out,
                                    G_CONVERTER_INPUT_AT_END, &bytes_read, &bytes_written, &error);
      if (result == G_CONVERTER_ERROR)
        {
          g_warning ("A stored text is damaged: %s", error->message);
          g_free (out);
          return NULL;
        }
      done_in += bytes_read;
      done_out += bytes_written;
      if (result == G_CONVERTER_FINISHED)
        break;
      if (bytes_read == 0 && bytes_written == 0)
        {
          g_free (out);
          return NULL;
        }
    }
  out[MIN (done_out, size)] = '\0';
  return out;
}

/* The display text of a row whose columns @i and @i + 1 are text, text_size */
char *
_figures_index_column_text (sqlite3_stmt *stmt, int i)
{
  return inflate_text (sqlite3_column_blob (stmt, i), sqlite3_column_bytes (stmt, i),
                       sqlite3_column_int64 (stmt, i + 1));
}

/* ---- ranking ---- */

/* figures_rank(search): FTS5's bm25() to the last bit (k1 = 1.2, b = 0.75,
 * every column weighing 1), computed faster. bm25() counts, for the IDF of
 * each phrase, every document that matches it, verifying the phrase in each:
 * most of the time of a search for a long phrase found everywhere. But the
 * IDF log((N - n + 0.5) / (n + 0.5)) is clamped to 1e-6 as soon as it is not
 * positive, that is once 2n >= N: counting stops there. */
typedef struct
{
  int n_phrases;
  double avgdl;
  double *idf;
} RankData;

static void
rank_data_free (void *data)
{
  RankData *rank = data;

  g_free (rank->idf);
  g_free (rank);
}

typedef struct
{
  sqlite3_int64 hits;
  sqlite3_int64 enough; /* the IDF is clamped from this many on */
} RankCount;

static int
rank_count_cb (const Fts5ExtensionApi *api, Fts5Context *fts, void *user_data)
{
  RankCount *count = user_data;

  count->hits++;
  return count->hits >= count->enough ? SQLITE_DONE : SQLITE_OK;
}

static int
rank_data_get (const Fts5ExtensionApi *api, Fts5Context *fts, RankData **out)
{
  RankData *rank = api->xGetAuxdata (fts, 0);
  sqlite3_int64 n_rows = 0, n_tokens = 0;
  int rc;

  if (rank != NULL)
    {
      *out = rank;
      return SQLITE_OK;
    }
  rank = g_new0 (RankData, 1);
  rank->n_phrases = api->xPhraseCount (fts);
  rank->idf = g_new0 (double, MAX (rank->n_phrases, 1));
  rc = api->xRowCount (fts, &n_rows);
  if (rc == SQLITE_OK)
    rc = api->xColumnTotalSize (fts, -1, &n_tokens);
  if (rc == SQLITE_OK)
    rank->avgdl = (double) n_tokens / (double) n_rows;
  for (int i = 0; rc == SQLITE_OK && i < rank->n_phrases; i++)
    {
      RankCount count = { 0, (n_rows + 1) / 2 };
      double idf;

      if (count.enough < 1)
        count.enough = 1;
      rc = api->xQueryPhrase (fts, i, &count, rank_count_cb);
      if (rc != SQLITE_OK)
        break;
      if (count.hits >= count.enough && 2 * count.hits >= n_rows)
        idf = 1e-6;
      else
        {
          idf = log ((n_rows - count.hits + 0.5) / (count.hits + 0.5));
          if (idf <= 0.0)
            idf = 1e-6;
        }
      rank->idf[i] = idf;
    }
  if (rc != SQLITE_OK)
    {
      rank_data_free (rank);
      return rc;
    }
  /* on failure, FTS5 frees it */
  rc = api->xSetAuxdata (fts, rank, rank_data_free);
  if (rc != SQLITE_OK)
    return rc;
  *out = rank;
  return SQLITE_OK;
}

static void
rank_function (const Fts5ExtensionApi *api,
               Fts5Context *fts,
               sqlite3_context *ctx,
               int n_values,
               sqlite3_value **values)
{
  const double k1 = 1.2;
  const double b = 0.75;
  RankData *rank = NULL;
  double score = 0.0;
  double freq_stack[8];
  g_autofree double *freq_heap = NULL;
  double *freq = freq_stack;
  int n_inst = 0;
  int rc;

  rc = rank_data_get (api, fts, &rank);
  if (rc == SQLITE_OK && rank->n_phrases > (int) G_N_ELEMENTS (freq_stack))
    freq = freq_heap = g_new0 (double, rank->n_phrases);
  if (rc == SQLITE_OK)
    {
      memset (freq, 0, sizeof (double) * MAX (rank->n_phrases, 1));
      rc = api->xInstCount (fts, &n_inst);
    }
  for (int i = 0; rc == SQLITE_OK && i < n_inst; i++)
    {
      int phrase, column, offset;

      rc = api->xInst (fts, i, &phrase, &column, &offset);
      if (rc == SQLITE_OK)
        freq[phrase] += 1.0;
    }
  if (rc == SQLITE_OK)
    {
      int n_tokens = 0;
      double d;

      rc = api->xColumnSize (fts, -1, &n_tokens);
      d = (double) n_tokens;
      for (int i = 0; rc == SQLITE_OK && i < rank->n_phrases; i++)
        score +=
          rank->idf[i] * ((freq[i] * (k1 + 1.0)) / (freq[i] + k1 * (1 - b + b * d / rank->avgdl)));
    }
  if (rc == SQLITE_OK)
    sqlite3_result_double (ctx, -1.0 * score);
  else
    sqlite3_result_error_code (ctx, rc);
}

static gboolean
register_rank (sqlite3 *db, GError **error)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
      sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  if (api == NULL ||
      api->xCreateFunction (api, "figures_rank", NULL, rank_function, NULL) != SQLITE_OK)
    {
      g_set_error_literal (error, FIGURES_INDEX_ERROR, FIGURES_INDEX_ERROR_FAILED,
                           "Could not register the search ranking");
      return FALSE;
    }
  return TRUE;
}

/* ---- roots, stored ---- */

GPtrArray *
_figures_index_load_roots (sqlite3 *db, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt =
    _figures_index_prepare (db, "SELECT path FROM roots ORDER BY path", error);
  g_autoptr (GPtrArray) roots = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  roots = g_ptr_array_new_with_free_func (g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (roots, _figures_index_column_dup (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      _figures_index_sqlite_error (error, db, "Could not read the index");
      return NULL;
    }
  return g_steal_pointer (&roots);
}

static gboolean
root_statement (sqlite3 *db, const char *sql, const char *path, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = _figures_index_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, path, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _figures_index_sqlite_error (error, db, "Could not write the index");
  return TRUE;
}

/* ---- opening ---- */

static int
get_user_version (sqlite3 *db)
{
  g_autoptr (sqlite3_stmt) stmt = _figures_index_prepare (db, "PRAGMA user_version", NULL);

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int (stmt, 0);
  return -1;
}

static char *
get_meta (sqlite3 *db, const char *key)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT value FROM meta WHERE key = ?", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return _figures_index_column_dup (stmt, 0);
  return NULL;
}

static gboolean
count_tables (sqlite3 *db, int *n, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt =
    _figures_index_prepare (db, "SELECT count(*) FROM sqlite_master WHERE type = 'table'", error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return _figures_index_sqlite_error (error, db, "Could not read the index");
  *n = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static gboolean
drop_everything (sqlite3 *db, GError **error)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  /* the FTS table first: it drops its own shadow tables */
  stmt = _figures_index_prepare (
    db,
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
    "'sqlite_%' AND name NOT IN (SELECT name || '_' || s FROM sqlite_master, "
    "(SELECT 'data' AS s UNION SELECT 'idx' UNION SELECT 'content' UNION SELECT "
    "'docsize' UNION SELECT 'config') WHERE sql LIKE 'CREATE VIRTUAL TABLE%') "
    "ORDER BY sql LIKE 'CREATE VIRTUAL TABLE%' DESC",
    error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (names, _figures_index_column_dup (stmt, 0));

  for (guint i = 0; i < names->len; i++)
    {
      char *sql = sqlite3_mprintf ("DROP TABLE IF EXISTS \"%w\"", names->pdata[i]);
      gboolean ok = _figures_index_exec (db, sql, error);

      sqlite3_free (sql);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
schema_is_current (sqlite3 *db, int version)
{
  g_autofree char *tokenizer = NULL;
  g_autofree char *want_tokenizer = NULL;

  if (version != SCHEMA_VERSION)
    return FALSE;
  tokenizer = get_meta (db, "tokenizer");
  want_tokenizer = g_strdup_printf ("%d", FIGURES_TOKENIZER_VERSION);
  return g_strcmp0 (tokenizer, want_tokenizer) == 0;
}

static gboolean
ensure_schema (sqlite3 *db, GError **error)
{
  int version = get_user_version (db);
  g_autofree char *tokenizer = NULL;
  g_autofree char *sql = NULL;
  g_autoptr (GPtrArray) roots = NULL;
  int n_tables = 0;

  if (version < 0)
    return _figures_index_sqlite_error (error, db, "Not an index");
  if (schema_is_current (db, version))
    return TRUE;

  if (!_figures_index_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;
  /* Another connection may have built the schema while this one waited for
   * the write lock: look again under the lock, or it would drop that work. */
  version = get_user_version (db);
  if (schema_is_current (db, version))
    return _figures_index_exec (db, "COMMIT", error);
  tokenizer = get_meta (db, "tokenizer");
  if (!count_tables (db, &n_tables, error))
    goto fail;
  if (n_tables > 0)
    {
      g_debug ("index schema %d, tokenizer %s: rebuilding", version, tokenizer);
      /* the folders it covers outlive its schema (none before schema 7) */
      roots = _figures_index_load_roots (db, NULL);
      if (!drop_everything (db, error))
        goto fail;
    }
  sql = g_strdup_printf ("%s"
                         "INSERT INTO meta (key, value) VALUES ('tokenizer', '%d');"
                         "INSERT INTO meta (key, value) VALUES ('schema', '%d');"
                         "PRAGMA user_version = %d;",
                         schema_sql, FIGURES_TOKENIZER_VERSION, SCHEMA_VERSION, SCHEMA_VERSION);
  if (!_figures_index_exec (db, sql, error))
    goto fail;
  for (guint i = 0; roots != NULL && i < roots->len; i++)
    if (!root_statement (db, "INSERT INTO roots (path) VALUES (?1)", roots->pdata[i], error))
      goto fail;
  return _figures_index_exec (db, "COMMIT", error);

fail:
  _figures_index_exec (db, "ROLLBACK", NULL);
  return FALSE;
}

static FiguresIndex *
open_failed (GError **error, const char *path, sqlite3 *db, int rc)
{
  if (db != NULL && is_corrupt (rc))
    _figures_index_set_corrupt (error, db, sqlite3_errmsg (db));
  else
    g_set_error (error, FIGURES_INDEX_ERROR, FIGURES_INDEX_ERROR_FAILED,
                 "Could not open the index “%s”: %s", path,
                 db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  sqlite3_close (db);
  return NULL;
}

/* Our tokenizer and ranking, then @pragmas */
static gboolean
set_up_connection (sqlite3 *db, const char *pragmas, GError **error)
{
  sqlite3_busy_timeout (db, 10000);
  sqlite3_extended_result_codes (db, 1);
  return figures_tokenizer_register (db, error) && register_rank (db, error) &&
         _figures_index_register_evidence (db, error) && _figures_index_exec (db, pragmas, error);
}

FiguresIndex *
figures_index_open (const char *path, GError **error)
{
  g_autofree char *dir = NULL;
  sqlite3 *db = NULL;
  FiguresIndex *self;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, FIGURES_INDEX_ERROR, FIGURES_INDEX_ERROR_FAILED,
                   "Could not create the folder “%s”: %s", dir, g_strerror (saved));
      return NULL;
    }

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    return open_failed (error, path, db, rc);

  if (!set_up_connection (db,
                          "PRAGMA journal_mode = WAL;"
                          "PRAGMA synchronous = NORMAL;"
                          "PRAGMA temp_store = MEMORY;"
                          "PRAGMA cache_size = -16000;"
                          "PRAGMA wal_autocheckpoint = 4000;",
                          error) ||
      !ensure_schema (db, error))
    {
      GError *inner = error != NULL ? *error : NULL;

      if (inner != NULL)
        g_prefix_error (error, "Index “%s”: ", path);
      sqlite3_close (db);
      return NULL;
    }

  self = g_new0 (FiguresIndex, 1);
  self->db = db;
  self->path = g_strdup (path);
  return self;
}

/* Whether the database can be read; SQLite's code when not. */
static int
probe (sqlite3 *db)
{
  int rc = sqlite3_exec (db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);

  return rc == SQLITE_OK ? SQLITE_OK : sqlite3_extended_errcode (db);
}

FiguresIndex *
figures_index_open_read_only (const char *path, GError **error)
{
  sqlite3 *db = NULL;
  FiguresIndex *self;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, FIGURES_INDEX_ERROR, FIGURES_INDEX_ERROR_NOT_FOUND, "No index at “%s”",
                   path);
      return NULL;
    }
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK && (rc = probe (db)) != SQLITE_OK &&
      ((rc & 0xff) == SQLITE_CANTOPEN || (rc & 0xff) == SQLITE_READONLY))
    {
      /* A write-ahead-log index on a read-only disk whose shared-memory
       * file cannot be made: nothing can write there, so nothing can change
       * it while it is read. */
      g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
      g_autofree char *uri = g_strdup_printf ("file:%s?immutable=1", escaped);

      sqlite3_close (db);
      db = NULL;
      rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
      if (rc == SQLITE_OK)
        rc = probe (db);
    }
  if (rc != SQLITE_OK)
    return open_failed (error, path, db, rc);
  if (!set_up_connection (db, "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -16000;", error))
    {
      g_prefix_error (error, "Index “%s”: ", path);
      sqlite3_close (db);
      return NULL;
    }
  if (!schema_is_current (db, get_user_version (db)))
    {
      g_set_error (error, FIGURES_INDEX_ERROR, FIGURES_INDEX_ERROR_OUTDATED,
                   "The index “%s” was made by another version of Figures: update it with "
                   "`figures index --db=%s`",
                   path, path);
      sqlite3_close (db);
      return NULL;
    }

  self = g_new0 (FiguresIndex, 1);
  self->db = db;
  self->path = g_strdup (path);
  self->read_only = TRUE;
  return self;
}

void
figures_index_close (FiguresIndex *self)
{
  if (self == NULL)
    return;
  sqlite3_close_v2 (self->db);
  g_free (self->path);
  g_free (self);
}

const char *
figures_index_get_path (FiguresIndex *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->path;
}

char *
figures_index_dup_date (FiguresIndex *self)
{
  static const char *const suffixes[] = { "", "-wal" };
  g_autoptr (GDateTime) latest = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (self->path, suffixes[i], NULL);
      GStatBuf st;

      if (g_stat (file, &st) == 0 &&
          (latest == NULL || g_date_time_to_unix (latest) < (gint64) st.st_mtime))
        {
          g_clear_pointer (&latest, g_date_time_unref);
          latest = g_date_time_new_from_unix_local (st.st_mtime);
        }
    }
  return latest != NULL ? g_date_time_format (latest, "%Y-%m-%d") : NULL;
}

/* One update at a time, across processes: a lock on a file beside the
 * database (not on the database itself: closing another descriptor of it
 * would drop SQLite's own locks). Returns the descriptor, or -1. */
int
_figures_index_lock_updates (const char *index_path, GError **error)
{
  g_autofree char *path = g_strconcat (index_path, "-lock", NULL);
  /* read-only and readable by all: anyone who may update the index can lock it */
  int fd = g_open (path, O_RDONLY | O_CREAT | O_CLOEXEC, 0644);

  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, FIGURES_INDEX_ERROR, FIGURES_INDEX_ERROR_FAILED,
                   "Could not lock the index “%s”: %s", index_path, g_strerror (saved));
      return -1;
    }
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved = errno;

      close (fd);
      if (saved == EWOULDBLOCK)
        g_set_error (error, FIGURES_INDEX_ERROR, FIGURES_INDEX_ERROR_BUSY,
                     "Another indexer is updating the index “%s”: try again when it is done",
                     index_path);
      else
        g_set_error (error, FIGURES_INDEX_ERROR, FIGURES_INDEX_ERROR_FAILED,
                     "Could not lock the index “%s”: %s", index_path, g_strerror (saved));
      return -1;
    }
  return fd;
}

gboolean
figures_index_delete (const char *path, GError **error)
{
  /* the database, SQLite's files beside it, and the update lock */
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal", "-lock" };

  int lock;

  g_return_val_if_fail (path != NULL, FALSE);

  /* not from under a running indexer: it would write on into deleted files */
  lock = _figures_index_lock_updates (path, error);
  if (lock < 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      if (g_unlink (file) != 0 && errno != ENOENT)
        {
          int saved = errno;

          g_set_error (error, FIGURES_INDEX_ERROR, FIGURES_INDEX_ERROR_FAILED,
                       "Could not delete “%s”: %s", file, g_strerror (saved));
          close (lock);
          return FALSE;
        }
    }
  close (lock);
  return TRUE;
}

void
figures_index_interrupt (FiguresIndex *self)
{
  g_return_if_fail (self != NULL);
  sqlite3_interrupt (self->db);
}

char *
figures_index_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "figures", "index.db", NULL);
}

/* ---- roots ---- */

gboolean
_figures_index_under_root (const char *path, const char *root)
{
  gsize n = strlen (root);

  if (n == 1 && root[0] == G_DIR_SEPARATOR)
    return path[0] == G_DIR_SEPARATOR;
  return strncmp (path, root, n) == 0 && (path[n] == '\0' || path[n] == G_DIR_SEPARATOR);
}

GStrv
figures_index_list_roots (FiguresIndex *self, GError **error)
{
  g_autoptr (GPtrArray) roots = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  roots = _figures_index_load_roots (self->db, error);
  if (roots == NULL)
    return NULL;
  g_ptr_array_add (roots, NULL);
  return (GStrv) g_ptr_array_steal (roots, NULL);
}

/* @add: canonical paths to add; @remove: to remove; @replace: the list
 * becomes @add. One transaction. */
static gboolean
change_roots (FiguresIndex *self,
              const char *const *add,
              const char *const *remove,
              gboolean replace,
              GError **error)
{
  g_autoptr (GPtrArray) roots = NULL;

  if (!_figures_index_exec (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;
  roots =
    replace ? g_ptr_array_new_with_free_func (g_free) : _figures_index_load_roots (self->db, error);
  if (roots == NULL)
    goto fail;

  for (guint i = 0; remove != NULL && remove[i] != NULL; i++)
    {
      guint where;

      if (!g_ptr_array_find_with_equal_func (roots, remove[i], g_str_equal, &where))
        {
          g_set_error (error, FIGURES_INDEX_ERROR, FIGURES_INDEX_ERROR_NOT_FOUND,
                       "“%s” is not a folder or file of the index", remove[i]);
          goto fail;
        }
      g_ptr_array_remove_index (roots, where);
    }
  for (guint i = 0; add != NULL && add[i] != NULL; i++)
    {
      gboolean covered = FALSE;

      for (guint k = 0; !covered && k < roots->len; k++)
        covered = _figures_index_under_root (add[i], roots->pdata[k]);
      if (covered)
        continue;
      for (guint k = roots->len; k > 0; k--)
        if (_figures_index_under_root (roots->pdata[k - 1], add[i]))
          g_ptr_array_remove_index (roots, k - 1);
      g_ptr_array_add (roots, g_strdup (add[i]));
    }

  if (!_figures_index_exec (self->db, "DELETE FROM roots", error))
    goto fail;
  for (guint i = 0; i < roots->len; i++)
    if (!root_statement (self->db, "INSERT INTO roots (path) VALUES (?1)", roots->pdata[i], error))
      goto fail;
  return _figures_index_exec (self->db, "COMMIT", error);

fail:
  _figures_index_exec (self->db, "ROLLBACK", NULL);
  return FALSE;
}

static GStrv
canonical_roots (const char *const *roots)
{
  guint n = roots != NULL ? g_strv_length ((GStrv) roots) : 0;
  GStrv canonical = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    canonical[i] = g_canonicalize_filename (roots[i], NULL);
  return canonical;
}

gboolean
figures_index_add_roots (FiguresIndex *self, const char *const *roots, GError **error)
{
  g_auto (GStrv) canonical = canonical_roots (roots);

  g_return_val_if_fail (self != NULL, FALSE);

  return change_roots (self, (const char *const *) canonical, NULL, FALSE, error);
}

gboolean
figures_index_remove_roots (FiguresIndex *self, const char *const *roots, GError **error)
{
  g_auto (GStrv) canonical = canonical_roots (roots);

  g_return_val_if_fail (self != NULL, FALSE);

  return change_roots (self, NULL, (const char *const *) canonical, FALSE, error);
}

gboolean
figures_index_set_roots (FiguresIndex *self, const char *const *roots, GError **error)
{
  g_auto (GStrv) canonical = canonical_roots (roots);

  g_return_val_if_fail (self != NULL, FALSE);

  return change_roots (self, (const char *const *) canonical, NULL, TRUE, error);
}
