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
#include <math.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "figures-extractor.h"
#include "figures-index.h"
#include "figures-metadata.h"
#include "figures-query.h"
#include "figures-report.h"
#include "figures-text.h"
#include "figures-tokenizer.h"

#define SCHEMA_VERSION 7

/* A transaction is committed after this many documents or bytes of text.
 * Large batches matter: FTS5 writes its pending terms as a new segment at
 * each commit, and fewer, larger segments mean less merging. The kill test
 * sets $FIGURES_INDEX_BATCH to commit more often. */
#define BATCH_DOCUMENTS 4000
#define BATCH_BYTES (32 * 1024 * 1024)
/* the queue between the reader and the writer holds at most */
#define QUEUE_ITEMS 64
#define QUEUE_BYTES (24 * 1024 * 1024)

#define SNIPPET_CHARS 100
#define SNIPPET_BEFORE 30

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_DEFINE_QUARK (figures - index - error - quark, figures_index_error)

struct _FiguresIndex
{
  sqlite3 *db;
  char *path;
};

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
  "  ocr_pages INTEGER NOT NULL DEFAULT 0);"
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
  "  effective_year INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX statistics_document ON statistics (document_id);"
  /* covers figures_index_aggregate(): charts never read the table itself.
   * document_id third: a new document's rows go to the end of their
   * (metric, city), so building touches few pages of this index. */
  "CREATE INDEX statistics_metric_city ON statistics (metric, city, document_id, "
  "effective_year, value, approx, unit);"
  "CREATE TABLE skipped (path TEXT PRIMARY KEY, reason TEXT NOT NULL, \"when\" INTEGER NOT NULL);"
  "CREATE VIRTUAL TABLE search USING fts5 (text, content='',"
  "  tokenize='" FIGURES_TOKENIZER_NAME "');"
  /* fewer, larger segments: faster bulk building */
  "INSERT INTO search (search, rank) VALUES ('automerge', 16);"
  "INSERT INTO search (search, rank) VALUES ('crisismerge', 64);"
  "INSERT INTO search (search, rank) VALUES ('hashsize', 33554432);";

/* ---- helpers ---- */

static gboolean
sqlite_error (GError **error, sqlite3 *db, const char *what)
{
  int code = sqlite3_extended_errcode (db);

  g_set_error (error, FIGURES_INDEX_ERROR, FIGURES_INDEX_ERROR_FAILED, "%s: %s (%d)", what,
               sqlite3_errmsg (db), code);
  return FALSE;
}

static gboolean
exec (sqlite3 *db, const char *sql, GError **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, FIGURES_INDEX_ERROR, FIGURES_INDEX_ERROR_FAILED, "%s",
                   message != NULL ? message : sqlite3_errmsg (db));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

static sqlite3_stmt *
prepare (sqlite3 *db, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      sqlite_error (error, db, "Could not read the index");
      return NULL;
    }
  return stmt;
}

static char *
column_dup (sqlite3_stmt *stmt, int i)
{
  const char *text = (const char *) sqlite3_column_text (stmt, i);

  return text != NULL ? g_strdup (text) : NULL;
}

static void
bind_text (sqlite3_stmt *stmt, int i, const char *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, i, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, i);
}

/* A fast 64-bit content hash (xxhash-like: 8 bytes per round). */
static guint64
hash64 (const guint8 *data, gsize len)
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

static char *
hash_to_string (guint64 h)
{
  return g_strdup_printf ("%016" G_GINT64_MODIFIER "x", h);
}

/* ---- stored text: raw deflate ---- */

static guint8 *
deflate_text (const char *text, gsize len, gsize *out_len)
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
static char *
column_text (sqlite3_stmt *stmt, int i)
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

/* ---- opening ---- */

static int
get_user_version (sqlite3 *db)
{
  g_autoptr (sqlite3_stmt) stmt = prepare (db, "PRAGMA user_version", NULL);

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
    return column_dup (stmt, 0);
  return NULL;
}

static gboolean
count_tables (sqlite3 *db, int *n, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt =
    prepare (db, "SELECT count(*) FROM sqlite_master WHERE type = 'table'", error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return sqlite_error (error, db, "Could not read the index");
  *n = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static gboolean
drop_everything (sqlite3 *db, GError **error)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  /* the FTS table first: it drops its own shadow tables */
  stmt = prepare (db,
                  "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                  "'sqlite_%' AND name NOT IN (SELECT name || '_' || s FROM sqlite_master, "
                  "(SELECT 'data' AS s UNION SELECT 'idx' UNION SELECT 'content' UNION SELECT "
                  "'docsize' UNION SELECT 'config') WHERE sql LIKE 'CREATE VIRTUAL TABLE%') "
                  "ORDER BY sql LIKE 'CREATE VIRTUAL TABLE%' DESC",
                  error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (names, column_dup (stmt, 0));

  for (guint i = 0; i < names->len; i++)
    {
      char *sql = sqlite3_mprintf ("DROP TABLE IF EXISTS \"%w\"", names->pdata[i]);
      gboolean ok = exec (db, sql, error);

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
  int n_tables = 0;

  if (version < 0)
    return sqlite_error (error, db, "Not an index");
  if (schema_is_current (db, version))
    return TRUE;

  if (!exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;
  /* Another connection may have built the schema while this one waited for
   * the write lock: look again under the lock, or it would drop that work. */
  version = get_user_version (db);
  if (schema_is_current (db, version))
    return exec (db, "COMMIT", error);
  tokenizer = get_meta (db, "tokenizer");
  if (!count_tables (db, &n_tables, error))
    goto fail;
  if (n_tables > 0)
    {
      g_debug ("index schema %d, tokenizer %s: rebuilding", version, tokenizer);
      if (!drop_everything (db, error))
        goto fail;
    }
  sql = g_strdup_printf ("%s"
                         "INSERT INTO meta (key, value) VALUES ('tokenizer', '%d');"
                         "INSERT INTO meta (key, value) VALUES ('schema', '%d');"
                         "PRAGMA user_version = %d;",
                         schema_sql, FIGURES_TOKENIZER_VERSION, SCHEMA_VERSION, SCHEMA_VERSION);
  if (!exec (db, sql, error))
    goto fail;
  return exec (db, "COMMIT", error);

fail:
  exec (db, "ROLLBACK", NULL);
  return FALSE;
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
    {
      g_set_error (error, FIGURES_INDEX_ERROR, FIGURES_INDEX_ERROR_FAILED,
                   "Could not open the index “%s”: %s", path,
                   db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, 10000);
  sqlite3_extended_result_codes (db, 1);

  if (!figures_tokenizer_register (db, error) || !register_rank (db, error) ||
      !exec (db,
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
figures_index_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "figures", "index.db", NULL);
}

/* ---- walking ---- */

typedef struct
{
  gint64 id;
  gint64 size;
  gint64 mtime;
  char *hash;
  gboolean seen;
} Existing;

static void
existing_free (Existing *existing)
{
  g_free (existing->hash);
  g_free (existing);
}

typedef struct
{
  char *path;
  gint64 size;
  gint64 mtime;
  Existing *existing; /* borrowed; NULL for a new path */
} Candidate;

typedef struct
{
  char *path;
  char *reason;
} Skip;

typedef struct
{
  GHashTable *existing; /* path → Existing */
  GArray *todo;         /* Candidate */
  GArray *skips;        /* Skip */
  GHashTable *dirs;     /* "dev:ino" of folders walked */
  GHashTable *files;    /* paths found, against duplicates */
  GPtrArray *failed_roots;
  guint unchanged;
  guint found;
  GCancellable *cancellable;
  FiguresIndexProgressFunc progress;
  gpointer progress_data;
} Walk;

static void
add_skip (Walk *walk, const char *path, const char *reason)
{
  Skip skip = { g_strdup (path), g_strdup (reason) };

  g_array_append_val (walk->skips, skip);
}

/* Reports Figures reads, and those it names as unsupported (recorded as
 * skipped by the reader, with the reason) */
static gboolean
has_report_suffix (const char *name)
{
  return figures_report_format_from_name (name) != FIGURES_REPORT_FORMAT_NONE;
}

static void
add_file (Walk *walk, const char *path, const struct stat *st)
{
  Existing *existing;
  Candidate candidate;

  if (!g_hash_table_add (walk->files, g_strdup (path)))
    return;
  walk->found++;

  existing = g_hash_table_lookup (walk->existing, path);
  if (existing != NULL && existing->size == (gint64) st->st_size &&
      existing->mtime == (gint64) st->st_mtime)
    {
      existing->seen = TRUE;
      walk->unchanged++;
      return;
    }
  if (existing != NULL)
    existing->seen = TRUE;

  candidate.path = g_strdup (path);
  candidate.size = st->st_size;
  candidate.mtime = st->st_mtime;
  candidate.existing = existing;
  g_array_append_val (walk->todo, candidate);

  if (walk->progress != NULL && walk->found % 1000 == 0)
    {
      FiguresIndexProgress progress = { walk->found, 0, 0, 0, path };
      walk->progress (&progress, walk->progress_data);
    }
}

static void
walk_dir (Walk *walk, const char *path, int depth)
{
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GError) error = NULL;
  const char *name;

  if (depth > 64 || g_cancellable_is_cancelled (walk->cancellable))
    return;

  dir = g_dir_open (path, 0, &error);
  if (dir == NULL)
    {
      g_autofree char *reason = g_strdup_printf ("unreadable: %s", error->message);
      add_skip (walk, path, reason);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = NULL;
      struct stat st;

      if (name[0] == '.')
        continue;
      child = g_build_filename (path, name, NULL);
      if (g_stat (child, &st) != 0)
        {
          int saved = errno;

          if (has_report_suffix (name))
            {
              g_autofree char *reason = g_strdup_printf ("unreadable: %s", g_strerror (saved));
              add_skip (walk, child, reason);
            }
          continue;
        }
      if (S_ISDIR (st.st_mode))
        {
          g_autofree char *key = g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT,
                                                  (guint64) st.st_dev, (guint64) st.st_ino);

          if (g_hash_table_add (walk->dirs, g_steal_pointer (&key)))
            walk_dir (walk, child, depth + 1);
        }
      else if (S_ISREG (st.st_mode) && has_report_suffix (name))
        add_file (walk, child, &st);
      else if (has_report_suffix (name))
        add_skip (walk, child, "not a regular file");
    }
}

static void
walk_root (Walk *walk, const char *root)
{
  struct stat st;

  if (g_stat (root, &st) != 0)
    {
      int saved = errno;
      g_autofree char *reason = g_strdup_printf ("unreadable: %s", g_strerror (saved));

      add_skip (walk, root, reason);
      g_ptr_array_add (walk->failed_roots, g_strdup (root));
      return;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_autofree char *key = g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT,
                                              (guint64) st.st_dev, (guint64) st.st_ino);
      guint before = walk->skips->len;

      g_hash_table_add (walk->dirs, g_steal_pointer (&key));
      walk_dir (walk, root, 0);
      /* the root itself could not be listed */
      if (walk->skips->len > before &&
          strcmp (g_array_index (walk->skips, Skip, before).path, root) == 0)
        g_ptr_array_add (walk->failed_roots, g_strdup (root));
    }
  else if (S_ISREG (st.st_mode))
    add_file (walk, root, &st);
  else
    {
      add_skip (walk, root, "not a regular file");
      g_ptr_array_add (walk->failed_roots, g_strdup (root));
    }
}

static gboolean
under_root (const char *path, const char *root)
{
  gsize n = strlen (root);

  return strncmp (path, root, n) == 0 && (path[n] == '\0' || path[n] == G_DIR_SEPARATOR);
}

/* ---- the reader thread ---- */

typedef enum
{
  ITEM_DOCUMENT, /* new or changed: store it */
  ITEM_TOUCHED,  /* same content at the same path: new size/mtime only */
  ITEM_MOVED,    /* the content of a vanished document at a new path */
  ITEM_SKIPPED,
  ITEM_END,
} ItemKind;

typedef struct
{
  ItemKind kind;
  char *path;
  gint64 size;
  gint64 mtime;
  gint64 id; /* the existing document at this path, or the moved one */
  char *hash;
  char *reason; /* ITEM_SKIPPED */
  char *display;
  gsize display_len;
  guint8 *packed; /* @display, deflated */
  gsize packed_len;
  const char *encoding;
  const char *format;
  guint page_count;
  guint ocr_pages;
  char *title;
  char *date;
  char *city;
  GPtrArray *statistics;
} Item;

static void
item_free (Item *item)
{
  g_free (item->path);
  g_free (item->hash);
  g_free (item->reason);
  g_free (item->display);
  g_free (item->packed);
  g_free (item->title);
  g_free (item->date);
  g_free (item->city);
  g_clear_pointer (&item->statistics, g_ptr_array_unref);
  g_free (item);
}

typedef struct
{
  GMutex mutex;
  GCond cond;
  GQueue items;
  gsize bytes;
  gint stop;

  GArray *todo;         /* Candidate */
  GHashTable *vanished; /* hash → Existing*, documents not found at their path */
  GHashTable *moved;    /* gint64* ids of vanished documents found at a new path */
  gsize max_size;
  FiguresReportFlags report_flags;
} Pipeline;

static void
pipeline_push (Pipeline *pipeline, Item *item)
{
  g_mutex_lock (&pipeline->mutex);
  while (!g_atomic_int_get (&pipeline->stop) && pipeline->items.length > 0 &&
         (pipeline->items.length >= QUEUE_ITEMS || pipeline->bytes >= QUEUE_BYTES))
    g_cond_wait (&pipeline->cond, &pipeline->mutex);
  g_queue_push_tail (&pipeline->items, item);
  pipeline->bytes += item->display_len;
  g_cond_broadcast (&pipeline->cond);
  g_mutex_unlock (&pipeline->mutex);
}

static Item *
pipeline_pop (Pipeline *pipeline)
{
  Item *item;

  g_mutex_lock (&pipeline->mutex);
  while (pipeline->items.length == 0)
    g_cond_wait (&pipeline->cond, &pipeline->mutex);
  item = g_queue_pop_head (&pipeline->items);
  pipeline->bytes -= item->display_len;
  g_cond_broadcast (&pipeline->cond);
  g_mutex_unlock (&pipeline->mutex);
  return item;
}

static const char *
text_error_reason (const GError *error)
{
  if (error->domain == FIGURES_TEXT_ERROR)
    {
      switch (error->code)
        {
          case FIGURES_TEXT_ERROR_EMPTY:
            return "empty";
          case FIGURES_TEXT_ERROR_BINARY:
            return "binary";
          case FIGURES_TEXT_ERROR_UNDECODABLE:
            return "undecodable";
          case FIGURES_TEXT_ERROR_TOO_LARGE:
            return "too large";
          default:
            break;
        }
    }
  return "unreadable";
}

static Item *
read_candidate (Pipeline *pipeline, const Candidate *candidate)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (FiguresReport) report = NULL;
  FiguresText *text;
  gsize len = 0;
  Item *item = g_new0 (Item, 1);
  Existing *vanished;

  item->path = g_strdup (candidate->path);
  item->size = candidate->size;
  item->mtime = candidate->mtime;
  item->id = candidate->existing != NULL ? candidate->existing->id : 0;

  if (figures_report_format_from_name (candidate->path) == FIGURES_REPORT_FORMAT_UNSUPPORTED)
    {
      item->kind = ITEM_SKIPPED;
      item->reason = g_strdup (FIGURES_REPORT_UNSUPPORTED_REASON);
      return item;
    }
  if ((gsize) candidate->size > pipeline->max_size)
    {
      item->kind = ITEM_SKIPPED;
      item->reason =
        g_strdup_printf ("too large: %" G_GINT64_FORMAT " bytes, the limit is %" G_GSIZE_FORMAT,
                         candidate->size, pipeline->max_size);
      return item;
    }

  if (!g_file_get_contents (candidate->path, &data, &len, &error))
    {
      item->kind = ITEM_SKIPPED;
      item->reason = g_strdup_printf ("unreadable: %s", error->message);
      return item;
    }
  item->size = len;
  item->hash = hash_to_string (hash64 ((const guint8 *) data, len));

  if (candidate->existing != NULL && g_strcmp0 (candidate->existing->hash, item->hash) == 0)
    {
      item->kind = ITEM_TOUCHED;
      return item;
    }
  if (candidate->existing == NULL &&
      (vanished = g_hash_table_lookup (pipeline->vanished, item->hash)) != NULL)
    {
      item->kind = ITEM_MOVED;
      item->id = vanished->id;
      g_hash_table_add (pipeline->moved, &vanished->id);
      g_hash_table_remove (pipeline->vanished, item->hash);
      return item;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&data), len);
  report =
    figures_report_new_from_bytes (candidate->path, bytes, pipeline->report_flags, NULL, &error);
  g_clear_pointer (&bytes, g_bytes_unref);
  if (report == NULL)
    {
      item->kind = ITEM_SKIPPED;
      if (error != NULL && error->domain == FIGURES_REPORT_ERROR)
        item->reason = g_strdup (error->message);
      else if (error != NULL)
        item->reason = g_strdup_printf ("%s: %s", text_error_reason (error), error->message);
      else
        item->reason = g_strdup ("undecodable");
      return item;
    }
  text = report->text;

  item->kind = ITEM_DOCUMENT;
  item->encoding = text->encoding;
  item->format = figures_report_format_to_key (report->format);
  item->page_count = report->n_pages;
  item->ocr_pages = report->n_ocr_pages;
  item->title = g_steal_pointer (&report->title);
  item->date = g_steal_pointer (&report->date);
  item->city = g_steal_pointer (&report->city);
  item->statistics = g_steal_pointer (&report->statistics);
  /* Evidence that is just its range of the text is not stored twice. */
  for (guint i = 0; item->statistics != NULL && i < item->statistics->len; i++)
    {
      FiguresStatistic *s = item->statistics->pdata[i];
      gsize from, to;

      if (s->evidence == NULL || s->evidence_end <= s->evidence_start ||
          s->evidence_end > text->n_chars)
        continue;
      from = figures_text_char_to_byte (text, s->evidence_start);
      to = figures_text_char_to_byte (text, s->evidence_end);
      if (strlen (s->evidence) == to - from &&
          memcmp (s->evidence, text->display + from, to - from) == 0)
        g_clear_pointer (&s->evidence, g_free);
    }
  item->display = g_steal_pointer (&text->display);
  item->display_len = text->display_len;
  item->packed = deflate_text (item->display, item->display_len, &item->packed_len);

  return item;
}

static gpointer
reader_thread (gpointer data)
{
  Pipeline *pipeline = data;
  Item *end;

  for (guint i = 0; i < pipeline->todo->len; i++)
    {
      if (g_atomic_int_get (&pipeline->stop))
        break;
      pipeline_push (pipeline,
                     read_candidate (pipeline, &g_array_index (pipeline->todo, Candidate, i)));
    }

  end = g_new0 (Item, 1);
  end->kind = ITEM_END;
  /* the end marker always gets in, even when stopping */
  g_mutex_lock (&pipeline->mutex);
  g_queue_push_tail (&pipeline->items, end);
  g_cond_broadcast (&pipeline->cond);
  g_mutex_unlock (&pipeline->mutex);

  return NULL;
}

/* ---- the writer ---- */

typedef struct
{
  sqlite3 *db;
  sqlite3_stmt *insert_document;
  sqlite3_stmt *update_document;
  sqlite3_stmt *update_file;
  sqlite3_stmt *delete_document;
  sqlite3_stmt *delete_statistics;
  sqlite3_stmt *insert_statistic;
  sqlite3_stmt *insert_skipped;
  sqlite3_stmt *insert_search;
  sqlite3_stmt *delete_search;
  sqlite3_stmt *select_text;
} Writer;

static void
writer_clear (Writer *writer)
{
  g_clear_pointer (&writer->insert_document, sqlite3_finalize);
  g_clear_pointer (&writer->update_document, sqlite3_finalize);
  g_clear_pointer (&writer->update_file, sqlite3_finalize);
  g_clear_pointer (&writer->delete_document, sqlite3_finalize);
  g_clear_pointer (&writer->delete_statistics, sqlite3_finalize);
  g_clear_pointer (&writer->insert_statistic, sqlite3_finalize);
  g_clear_pointer (&writer->insert_skipped, sqlite3_finalize);
  g_clear_pointer (&writer->insert_search, sqlite3_finalize);
  g_clear_pointer (&writer->delete_search, sqlite3_finalize);
  g_clear_pointer (&writer->select_text, sqlite3_finalize);
}

static gboolean
writer_init (Writer *writer, sqlite3 *db, GError **error)
{
  writer->db = db;
  return (writer->insert_document =
            prepare (db,
                     "INSERT INTO documents (path, size, mtime, hash, encoding, title, date, "
                     "city, text, n_statistics, text_size, format, page_count, ocr_pages) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?12, ?13, ?14, ?15)",
                     error)) &&
         (writer->update_document =
            prepare (db,
                     "UPDATE documents SET path = ?1, size = ?2, mtime = ?3, hash = ?4, "
                     "encoding = ?5, title = ?6, date = ?7, city = ?8, text = ?9, "
                     "n_statistics = ?10, text_size = ?12, format = ?13, page_count = ?14, "
                     "ocr_pages = ?15 WHERE id = ?11",
                     error)) &&
         (writer->update_file = prepare (
            db, "UPDATE documents SET path = ?1, size = ?2, mtime = ?3 WHERE id = ?4", error)) &&
         (writer->delete_document = prepare (db, "DELETE FROM documents WHERE id = ?1", error)) &&
         (writer->delete_statistics =
            prepare (db, "DELETE FROM statistics WHERE document_id = ?1", error)) &&
         (writer->insert_statistic =
            prepare (db,
                     "INSERT INTO statistics (document_id, city, place, metric, value, "
                     "value_text, approx, unit, start, \"end\", label, evidence, "
                     "evidence_start, evidence_end, year, effective_year) VALUES (?1, ?2, ?3, "
                     "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, CASE WHEN ?15 != 0 "
                     "THEN ?15 ELSE coalesce(CAST(substr(?16, 1, 4) AS INTEGER), 0) END)",
                     error)) &&
         (writer->insert_search =
            prepare (db, "INSERT INTO search (rowid, text) VALUES (?1, ?2)", error)) &&
         (writer->delete_search = prepare (
            db, "INSERT INTO search (search, rowid, text) VALUES ('delete', ?1, ?2)", error)) &&
         (writer->select_text =
            prepare (db, "SELECT text, text_size FROM documents WHERE id = ?1", error)) &&
         (writer->insert_skipped = prepare (
            db, "INSERT OR REPLACE INTO skipped (path, reason, \"when\") VALUES (?1, ?2, ?3)",
            error));
}

static gboolean
step_done (sqlite3_stmt *stmt, sqlite3 *db, GError **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return sqlite_error (error, db, "Could not write the index");
  return TRUE;
}

static gboolean
write_skip (Writer *writer, const char *path, const char *reason, GError **error)
{
  sqlite3_bind_text (writer->insert_skipped, 1, path, -1, SQLITE_STATIC);
  sqlite3_bind_text (writer->insert_skipped, 2, reason, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (writer->insert_skipped, 3, g_get_real_time () / G_USEC_PER_SEC);
  return step_done (writer->insert_skipped, writer->db, error);
}

/* Its terms out of the full-text index, while its text is still there */
static gboolean
unindex_document (Writer *writer, gint64 id, GError **error)
{
  g_autofree char *text = NULL;
  int rc;

  sqlite3_bind_int64 (writer->select_text, 1, id);
  rc = sqlite3_step (writer->select_text);
  if (rc == SQLITE_ROW)
    text = column_text (writer->select_text, 0);
  sqlite3_reset (writer->select_text);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sqlite_error (error, writer->db, "Could not read the index");
  if (text != NULL)
    {
      sqlite3_bind_int64 (writer->delete_search, 1, id);
      sqlite3_bind_text (writer->delete_search, 2, text, -1, SQLITE_STATIC);
      if (!step_done (writer->delete_search, writer->db, error))
        return FALSE;
    }
  sqlite3_bind_int64 (writer->delete_statistics, 1, id);
  return step_done (writer->delete_statistics, writer->db, error);
}

static gboolean
delete_document (Writer *writer, gint64 id, GError **error)
{
  if (!unindex_document (writer, id, error))
    return FALSE;
  sqlite3_bind_int64 (writer->delete_document, 1, id);
  return step_done (writer->delete_document, writer->db, error);
}

static gboolean
write_document (Writer *writer, Item *item, GError **error)
{
  sqlite3_stmt *stmt = item->id != 0 ? writer->update_document : writer->insert_document;
  guint n_statistics = item->statistics != NULL ? item->statistics->len : 0;
  gint64 id;

  if (item->id != 0 && !unindex_document (writer, item->id, error))
    return FALSE;

  sqlite3_bind_text (stmt, 1, item->path, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, item->size);
  sqlite3_bind_int64 (stmt, 3, item->mtime);
  sqlite3_bind_text (stmt, 4, item->hash, -1, SQLITE_STATIC);
  bind_text (stmt, 5, item->encoding);
  bind_text (stmt, 6, item->title);
  bind_text (stmt, 7, item->date);
  bind_text (stmt, 8, item->city);
  sqlite3_bind_blob (stmt, 9, item->packed, item->packed_len, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 12, item->display_len);
  sqlite3_bind_int (stmt, 10, n_statistics);
  bind_text (stmt, 13, item->format);
  sqlite3_bind_int (stmt, 14, item->page_count);
  sqlite3_bind_int (stmt, 15, item->ocr_pages);
  if (item->id != 0)
    sqlite3_bind_int64 (stmt, 11, item->id);
  if (!step_done (stmt, writer->db, error))
    return FALSE;

  id = item->id != 0 ? item->id : sqlite3_last_insert_rowid (writer->db);

  sqlite3_bind_int64 (writer->insert_search, 1, id);
  sqlite3_bind_text (writer->insert_search, 2, item->display, item->display_len, SQLITE_STATIC);
  if (!step_done (writer->insert_search, writer->db, error))
    return FALSE;

  for (guint i = 0; i < n_statistics; i++)
    {
      const FiguresStatistic *s = item->statistics->pdata[i];
      g_autofree char *value = figures_decimal_to_string (s->value);
      sqlite3_stmt *st = writer->insert_statistic;

      sqlite3_bind_int64 (st, 1, id);
      bind_text (st, 2, s->city);
      bind_text (st, 3, s->place);
      bind_text (st, 4, figures_metric_to_key (s->metric));
      sqlite3_bind_double (st, 5, figures_decimal_to_double (s->value));
      sqlite3_bind_text (st, 6, value, -1, SQLITE_STATIC);
      sqlite3_bind_int (st, 7, s->approx ? 1 : 0);
      bind_text (st, 8, s->unit);
      sqlite3_bind_int64 (st, 9, s->start);
      sqlite3_bind_int64 (st, 10, s->end);
      bind_text (st, 11, s->label);
      bind_text (st, 12, s->evidence);
      sqlite3_bind_int64 (st, 13, s->evidence_start);
      sqlite3_bind_int64 (st, 14, s->evidence_end);
      sqlite3_bind_int (st, 15, s->year);
      bind_text (st, 16, item->date);
      if (!step_done (st, writer->db, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_item (Writer *writer, Item *item, FiguresIndexSummary *summary, GError **error)
{
  switch (item->kind)
    {
      case ITEM_DOCUMENT:
        summary->indexed++;
        return write_document (writer, item, error);

      case ITEM_TOUCHED:
        summary->unchanged++;
        sqlite3_bind_text (writer->update_file, 1, item->path, -1, SQLITE_STATIC);
        sqlite3_bind_int64 (writer->update_file, 2, item->size);
        sqlite3_bind_int64 (writer->update_file, 3, item->mtime);
        sqlite3_bind_int64 (writer->update_file, 4, item->id);
        return step_done (writer->update_file, writer->db, error);

      case ITEM_MOVED:
        summary->moved++;
        sqlite3_bind_text (writer->update_file, 1, item->path, -1, SQLITE_STATIC);
        sqlite3_bind_int64 (writer->update_file, 2, item->size);
        sqlite3_bind_int64 (writer->update_file, 3, item->mtime);
        sqlite3_bind_int64 (writer->update_file, 4, item->id);
        return step_done (writer->update_file, writer->db, error);

      case ITEM_SKIPPED:
        summary->skipped++;
        if (item->id != 0 && !delete_document (writer, item->id, error))
          return FALSE;
        return write_skip (writer, item->path, item->reason, error);

      case ITEM_END:
      default:
        return TRUE;
    }
}

static void
walk_clear (Walk *walk)
{
  for (guint i = 0; i < walk->todo->len; i++)
    g_free (g_array_index (walk->todo, Candidate, i).path);
  for (guint i = 0; i < walk->skips->len; i++)
    {
      g_free (g_array_index (walk->skips, Skip, i).path);
      g_free (g_array_index (walk->skips, Skip, i).reason);
    }
  g_array_unref (walk->todo);
  g_array_unref (walk->skips);
  g_hash_table_unref (walk->existing);
  g_hash_table_unref (walk->dirs);
  g_hash_table_unref (walk->files);
  g_ptr_array_unref (walk->failed_roots);
}

static gboolean
load_existing (sqlite3 *db, GHashTable *existing, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt =
    prepare (db, "SELECT id, path, size, mtime, hash FROM documents", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Existing *e = g_new0 (Existing, 1);

      e->id = sqlite3_column_int64 (stmt, 0);
      e->size = sqlite3_column_int64 (stmt, 2);
      e->mtime = sqlite3_column_int64 (stmt, 3);
      e->hash = column_dup (stmt, 4);
      g_hash_table_insert (existing, column_dup (stmt, 1), e);
    }
  if (rc != SQLITE_DONE)
    return sqlite_error (error, db, "Could not read the index");
  return TRUE;
}

gboolean
figures_index_update (FiguresIndex *self,
                      const char *const *roots,
                      const FiguresIndexOptions *options,
                      FiguresIndexProgressFunc progress,
                      gpointer progress_data,
                      GCancellable *cancellable,
                      FiguresIndexSummary *summary,
                      GError **error)
{
  FiguresIndexSummary local_summary = { 0 };
  Walk walk = { 0 };
  Pipeline pipeline = { 0 };
  Writer writer = { 0 };
  g_autoptr (GError) write_error = NULL;
  GThread *thread;
  FiguresIndexProgress state = { 0 };
  guint batch_documents = 0;
  gsize batch_bytes = 0;
  gboolean in_transaction = FALSE;
  gboolean cancelled = FALSE;
  gboolean ok = TRUE;
  gint64 last_progress = 0;
  guint batch_limit = BATCH_DOCUMENTS;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (roots != NULL, FALSE);

  if (g_getenv ("FIGURES_INDEX_BATCH") != NULL)
    batch_limit = MAX (1, atoi (g_getenv ("FIGURES_INDEX_BATCH")));
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (summary == NULL)
    summary = &local_summary;
  memset (summary, 0, sizeof *summary);

  walk.existing =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) existing_free);
  walk.todo = g_array_new (FALSE, FALSE, sizeof (Candidate));
  walk.skips = g_array_new (FALSE, FALSE, sizeof (Skip));
  walk.dirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  walk.files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  walk.failed_roots = g_ptr_array_new_with_free_func (g_free);
  walk.cancellable = cancellable;
  walk.progress = progress;
  walk.progress_data = progress_data;

  if (!load_existing (self->db, walk.existing, error))
    {
      walk_clear (&walk);
      return FALSE;
    }

  for (guint i = 0; roots[i] != NULL; i++)
    {
      g_autofree char *root = g_canonicalize_filename (roots[i], NULL);
      walk_root (&walk, root);
    }
  summary->unchanged = walk.unchanged;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      walk_clear (&walk);
      return FALSE;
    }

  /* documents not found where they were: moved, or gone */
  pipeline.vanished = g_hash_table_new (g_str_hash, g_str_equal);
  pipeline.moved = g_hash_table_new (g_int64_hash, g_int64_equal);
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, walk.existing);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        Existing *e = value;

        if (!e->seen && e->hash != NULL)
          g_hash_table_insert (pipeline.vanished, e->hash, e);
      }
  }
  g_mutex_init (&pipeline.mutex);
  g_cond_init (&pipeline.cond);
  g_queue_init (&pipeline.items);
  pipeline.todo = walk.todo;
  pipeline.max_size = options != NULL && options->max_file_size > 0 ? options->max_file_size
                                                                    : FIGURES_TEXT_DEFAULT_MAX_SIZE;
  pipeline.report_flags =
    options != NULL && options->no_ocr ? FIGURES_REPORT_NO_OCR : FIGURES_REPORT_FLAGS_NONE;

  state.files_total = walk.todo->len;
  for (guint i = 0; i < walk.todo->len; i++)
    state.bytes_total += g_array_index (walk.todo, Candidate, i).size;
  if (progress != NULL)
    progress (&state, progress_data);

  thread = g_thread_new ("figures-index-reader", reader_thread, &pipeline);

  ok = writer_init (&writer, self->db, &write_error) && exec (self->db, "BEGIN", &write_error);
  in_transaction = ok;
  /* what could not be read this time replaces what could not be read before */
  if (ok)
    ok = exec (self->db, "DELETE FROM skipped", &write_error);
  for (guint i = 0; ok && i < walk.skips->len; i++)
    {
      Skip *skip = &g_array_index (walk.skips, Skip, i);

      summary->skipped++;
      ok = write_skip (&writer, skip->path, skip->reason, &write_error);
    }

  for (;;)
    {
      Item *item = pipeline_pop (&pipeline);

      if (item->kind == ITEM_END)
        {
          item_free (item);
          break;
        }
      if (ok && !cancelled && g_cancellable_is_cancelled (cancellable))
        {
          cancelled = TRUE;
          g_atomic_int_set (&pipeline.stop, 1);
          g_mutex_lock (&pipeline.mutex);
          g_cond_broadcast (&pipeline.cond);
          g_mutex_unlock (&pipeline.mutex);
        }
      if (ok && !cancelled)
        {
          ok = write_item (&writer, item, summary, &write_error);
          batch_documents++;
          batch_bytes += item->display_len;
          state.files_done++;
          state.bytes_done += item->size;
          if (ok && (batch_documents >= batch_limit || batch_bytes >= BATCH_BYTES))
            {
              ok =
                exec (self->db, "COMMIT", &write_error) && exec (self->db, "BEGIN", &write_error);
              in_transaction = ok;
              batch_documents = 0;
              batch_bytes = 0;
            }
          if (progress != NULL)
            {
              gint64 now = g_get_monotonic_time ();

              if (now - last_progress > G_USEC_PER_SEC / 20 ||
                  state.files_done == state.files_total)
                {
                  state.current_path = item->path;
                  progress (&state, progress_data);
                  state.current_path = NULL;
                  last_progress = now;
                }
            }
          if (!ok)
            {
              g_atomic_int_set (&pipeline.stop, 1);
              g_mutex_lock (&pipeline.mutex);
              g_cond_broadcast (&pipeline.cond);
              g_mutex_unlock (&pipeline.mutex);
            }
        }
      item_free (item);
    }
  g_thread_join (thread);

  /* documents under a root but no longer found, and not moved, are gone */
  if (ok && !cancelled)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, walk.existing);
      while (ok && g_hash_table_iter_next (&iter, &key, &value))
        {
          Existing *e = value;
          gboolean keep = e->seen || g_hash_table_contains (pipeline.moved, &e->id);

          for (guint i = 0; !keep && i < walk.failed_roots->len; i++)
            keep = under_root (key, walk.failed_roots->pdata[i]);
          if (!keep)
            {
              summary->removed++;
              ok = delete_document (&writer, e->id, &write_error);
            }
        }
    }

  if (in_transaction)
    {
      if (ok)
        ok = exec (self->db, "COMMIT", &write_error);
      else
        exec (self->db, "COMMIT", NULL); /* what was written is whole: keep it */
    }
  writer_clear (&writer);

  g_hash_table_unref (pipeline.vanished);
  g_hash_table_unref (pipeline.moved);
  while (!g_queue_is_empty (&pipeline.items))
    item_free (g_queue_pop_head (&pipeline.items));
  g_mutex_clear (&pipeline.mutex);
  g_cond_clear (&pipeline.cond);
  walk_clear (&walk);

  if (ok && !cancelled)
    {
      /* keep the write-ahead log small between runs */
      sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
      return TRUE;
    }
  if (write_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&write_error));
      return FALSE;
    }
  g_set_error_literal (error, FIGURES_INDEX_ERROR, FIGURES_INDEX_ERROR_CANCELLED,
                       "Indexing was cancelled");
  return FALSE;
}

/* ---- documents ---- */

void
figures_document_info_free (FiguresDocumentInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  g_free (info->title);
  g_free (info->city);
  g_free (info->date);
  g_free (info->encoding);
  g_free (info->format);
  g_free (info);
}

#define DOCUMENT_COLUMNS                                                                   \
  "id, path, title, city, date, encoding, n_statistics, size, mtime, format, page_count, " \
  "ocr_pages"

static FiguresDocumentInfo *
document_from_row (sqlite3_stmt *stmt)
{
  FiguresDocumentInfo *info = g_new0 (FiguresDocumentInfo, 1);

  info->id = sqlite3_column_int64 (stmt, 0);
  info->path = column_dup (stmt, 1);
  info->title = column_dup (stmt, 2);
  info->city = column_dup (stmt, 3);
  info->date = column_dup (stmt, 4);
  info->encoding = column_dup (stmt, 5);
  info->n_statistics = sqlite3_column_int (stmt, 6);
  info->size = sqlite3_column_int64 (stmt, 7);
  info->mtime = sqlite3_column_int64 (stmt, 8);
  info->format = column_dup (stmt, 9);
  info->page_count = sqlite3_column_int (stmt, 10);
  info->ocr_pages = sqlite3_column_int (stmt, 11);
  return info;
}

guint
figures_index_count_documents (FiguresIndex *self, const char *city, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (self != NULL, 0);

  stmt = prepare (self->db,
                  city != NULL ? "SELECT count(*) FROM documents WHERE city = ?1"
                               : "SELECT count(*) FROM documents",
                  error);
  if (stmt == NULL)
    return 0;
  if (city != NULL)
    sqlite3_bind_text (stmt, 1, city, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite_error (error, self->db, "Could not read the index");
      return 0;
    }
  return sqlite3_column_int (stmt, 0);
}

GPtrArray *
figures_index_list_documents (FiguresIndex *self,
                              const char *city,
                              FiguresDocumentSort sort,
                              guint offset,
                              guint limit,
                              GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) documents = NULL;
  g_autofree char *sql = NULL;
  const char *order;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  switch (sort)
    {
      case FIGURES_DOCUMENT_SORT_DATE:
        order = "date IS NULL, date DESC, title, path";
        break;
      case FIGURES_DOCUMENT_SORT_CITY:
        order = "city IS NULL, city, title, path";
        break;
      case FIGURES_DOCUMENT_SORT_TITLE:
      default:
        order = "title, path";
        break;
    }
  sql = g_strdup_printf ("SELECT " DOCUMENT_COLUMNS " FROM documents %s ORDER BY %s LIMIT ?2 "
                         "OFFSET ?3",
                         city != NULL ? "WHERE city = ?1" : "", order);
  stmt = prepare (self->db, sql, error);
  if (stmt == NULL)
    return NULL;
  if (city != NULL)
    sqlite3_bind_text (stmt, 1, city, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  sqlite3_bind_int64 (stmt, 3, offset);

  documents = g_ptr_array_new_with_free_func ((GDestroyNotify) figures_document_info_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (documents, document_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      sqlite_error (error, self->db, "Could not read the index");
      return NULL;
    }
  return g_steal_pointer (&documents);
}

FiguresDocumentInfo *
figures_index_get_document (FiguresIndex *self, gint64 id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  stmt = prepare (self->db, "SELECT " DOCUMENT_COLUMNS " FROM documents WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return document_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, FIGURES_INDEX_ERROR, FIGURES_INDEX_ERROR_NOT_FOUND,
                 "No document %" G_GINT64_FORMAT " in the index", id);
  else
    sqlite_error (error, self->db, "Could not read the index");
  return NULL;
}

char *
figures_index_dup_document_text (FiguresIndex *self, gint64 id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  stmt = prepare (self->db, "SELECT text, text_size FROM documents WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      char *text = column_text (stmt, 0);

      if (text == NULL)
        g_set_error (error, FIGURES_INDEX_ERROR, FIGURES_INDEX_ERROR_FAILED,
                     "The text of document %" G_GINT64_FORMAT " is damaged in the index", id);
      return text;
    }
  if (rc == SQLITE_DONE)
    g_set_error (error, FIGURES_INDEX_ERROR, FIGURES_INDEX_ERROR_NOT_FOUND,
                 "No document %" G_GINT64_FORMAT " in the index", id);
  else
    sqlite_error (error, self->db, "Could not read the index");
  return NULL;
}

/* ---- statistics ---- */

void
figures_statistic_row_free (FiguresStatisticRow *row)
{
  if (row == NULL)
    return;
  figures_statistic_free (row->statistic);
  g_free (row->path);
  g_free (row->title);
  g_free (row);
}

void
figures_aggregate_row_free (FiguresAggregateRow *row)
{
  if (row == NULL)
    return;
  g_free (row->city);
  g_free (row->metric);
  g_free (row->unit);
  g_free (row);
}

/* "435000000", "1.5", "-2" → exact decimal */
static FiguresDecimal
parse_decimal (const char *text)
{
  FiguresDecimal value = { 0, 0 };
  gboolean negative = FALSE;
  gboolean point = FALSE;

  if (text == NULL)
    return value;
  if (*text == '-')
    {
      negative = TRUE;
      text++;
    }
  for (; *text; text++)
    {
      if (*text == '.')
        point = TRUE;
      else if (g_ascii_isdigit (*text))
        {
          if (value.mantissa > (G_MAXINT64 - 9) / 10)
            break;
          value.mantissa = value.mantissa * 10 + (*text - '0');
          if (point)
            value.scale++;
        }
      else
        break;
    }
  if (negative)
    value.mantissa = -value.mantissa;
  return value;
}

/* The year a statistic counts for: its own, else its document's
 * (coalesce(CAST(substr(date, 1, 4) AS INTEGER), 0)), stored when written. */
#define EFFECTIVE_YEAR "s.effective_year"

static void
append_in (GString *sql, const char *column, const char *const *values, GPtrArray *bindings)
{
  g_string_append_printf (sql, " AND %s IN (", column);
  for (guint i = 0; values[i] != NULL; i++)
    {
      g_string_append (sql, i > 0 ? ", ?" : "?");
      g_ptr_array_add (bindings, (gpointer) values[i]);
    }
  g_string_append (sql, ")");
}

/* WHERE clause for @filter; string bindings first, numbers after */
static sqlite3_stmt *
prepare_filtered (FiguresIndex *self,
                  const char *select,
                  const FiguresStatisticsFilter *filter,
                  const char *tail,
                  GError **error)
{
  g_autoptr (GString) sql = g_string_new (select);
  g_autoptr (GPtrArray) bindings = g_ptr_array_new ();
  sqlite3_stmt *stmt;
  int n;

  g_string_append (sql, " WHERE 1");
  if (filter != NULL && filter->cities != NULL && filter->cities[0] != NULL)
    append_in (sql, "s.city", filter->cities, bindings);
  if (filter != NULL && filter->metrics != NULL && filter->metrics[0] != NULL)
    append_in (sql, "s.metric", filter->metrics, bindings);
  if (filter != NULL && filter->document != 0)
    g_string_append_printf (sql, " AND s.document_id = %" G_GINT64_FORMAT, filter->document);
  if (filter != NULL && filter->year != 0)
    g_string_append_printf (sql, " AND " EFFECTIVE_YEAR " = %d", filter->year);
  g_string_append (sql, " ");
  g_string_append (sql, tail);

  stmt = prepare (self->db, sql->str, error);
  if (stmt == NULL)
    return NULL;
  n = 1;
  for (guint i = 0; i < bindings->len; i++)
    sqlite3_bind_text (stmt, n++, bindings->pdata[i], -1, SQLITE_TRANSIENT);
  return stmt;
}

/* The text of one document at a time, for evidence cut from it */
typedef struct
{
  gint64 id;
  char *text;
  GArray *offsets; /* guint32 byte offset of each code point, and of the end */
} TextCache;

static void
text_cache_clear (TextCache *cache)
{
  g_clear_pointer (&cache->text, g_free);
  g_clear_pointer (&cache->offsets, g_array_unref);
  cache->id = 0;
}

static char *
text_cache_cut (TextCache *cache, sqlite3 *db, gint64 id, guint start, guint end)
{
  if (cache->id != id)
    {
      g_autoptr (sqlite3_stmt) stmt = NULL;

      text_cache_clear (cache);
      cache->id = id;
      if (sqlite3_prepare_v2 (db, "SELECT text, text_size FROM documents WHERE id = ?1", -1, &stmt,
                              NULL) != SQLITE_OK)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        cache->text = column_text (stmt, 0);
      if (cache->text != NULL)
        {
          const char *p = cache->text;
          guint32 offset;

          cache->offsets = g_array_new (FALSE, FALSE, sizeof (guint32));
          for (; *p; p = g_utf8_next_char (p))
            {
              offset = p - cache->text;
              g_array_append_val (cache->offsets, offset);
            }
          offset = p - cache->text;
          g_array_append_val (cache->offsets, offset);
        }
    }
  if (cache->text == NULL || end <= start || end >= cache->offsets->len)
    return NULL;
  return g_strndup (cache->text + g_array_index (cache->offsets, guint32, start),
                    g_array_index (cache->offsets, guint32, end) -
                      g_array_index (cache->offsets, guint32, start));
}

GPtrArray *
figures_index_list_statistics (FiguresIndex *self,
                               const FiguresStatisticsFilter *filter,
                               GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  TextCache cache = { 0 };
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  stmt = prepare_filtered (self,
                           "SELECT s.document_id, d.path, d.title, s.city, s.place, s.metric, "
                           "s.value_text, s.approx, s.unit, s.start, s.\"end\", s.label, "
                           "s.evidence, "
                           "s.evidence_start, s.evidence_end, s.year "
                           "FROM statistics s JOIN documents d ON d.id = s.document_id",
                           filter, "ORDER BY d.path, s.document_id, s.start, s.id", error);
  if (stmt == NULL)
    return NULL;

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) figures_statistic_row_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FiguresStatisticRow *row = g_new0 (FiguresStatisticRow, 1);
      FiguresStatistic *s = figures_statistic_new ();
      FiguresMetric metric = FIGURES_METRIC_OTHER;

      row->document_id = sqlite3_column_int64 (stmt, 0);
      row->path = column_dup (stmt, 1);
      row->title = column_dup (stmt, 2);
      s->city = column_dup (stmt, 3);
      s->place = column_dup (stmt, 4);
      if (sqlite3_column_text (stmt, 5) != NULL)
        figures_metric_from_key ((const char *) sqlite3_column_text (stmt, 5), &metric);
      s->metric = metric;
      s->value = parse_decimal ((const char *) sqlite3_column_text (stmt, 6));
      s->approx = sqlite3_column_int (stmt, 7) != 0;
      s->unit = column_dup (stmt, 8);
      s->start = sqlite3_column_int (stmt, 9);
      s->end = sqlite3_column_int (stmt, 10);
      s->label = column_dup (stmt, 11);
      s->evidence = column_dup (stmt, 12);
      s->evidence_start = sqlite3_column_int (stmt, 13);
      s->evidence_end = sqlite3_column_int (stmt, 14);
      s->year = sqlite3_column_int (stmt, 15);
      if (s->evidence == NULL)
        s->evidence =
          text_cache_cut (&cache, self->db, row->document_id, s->evidence_start, s->evidence_end);
      row->statistic = s;
      g_ptr_array_add (rows, row);
    }
  text_cache_clear (&cache);
  if (rc != SQLITE_DONE)
    {
      sqlite_error (error, self->db, "Could not read the index");
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* One row being summed up: its documents and units */
typedef struct
{
  FiguresAggregateRow *row;
  GHashTable *documents; /* gint64 ids */
  GHashTable *units;     /* unit → guint count */
} AggregateGroup;

static void
aggregate_group_free (AggregateGroup *group)
{
  g_hash_table_unref (group->documents);
  g_hash_table_unref (group->units);
  g_free (group);
}

static void
finish_aggregate (AggregateGroup *group)
{
  FiguresAggregateRow *row = group->row;
  GHashTableIter iter;
  gpointer key, value;
  guint best = 0;

  row->documents = g_hash_table_size (group->documents);
  g_hash_table_iter_init (&iter, group->units);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint count = *(guint *) value;

      if (count > best || (count == best && g_strcmp0 (key, row->unit) < 0))
        {
          best = count;
          g_free (row->unit);
          row->unit = g_strdup (key);
        }
    }
}

static int
compare_aggregate_rows (gconstpointer a, gconstpointer b)
{
  const FiguresAggregateRow *ra = *(const FiguresAggregateRow *const *) a;
  const FiguresAggregateRow *rb = *(const FiguresAggregateRow *const *) b;
  int cmp = strcmp (ra->city, rb->city);

  if (cmp == 0)
    cmp = strcmp (ra->metric, rb->metric);
  if (cmp == 0)
    cmp = (ra->year > rb->year) - (ra->year < rb->year);
  return cmp;
}

GPtrArray *
figures_index_aggregate (FiguresIndex *self,
                         const FiguresStatisticsFilter *filter,
                         FiguresGroupBy group_by,
                         GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GHashTable) groups = NULL; /* "city\037metric\037year" → AggregateGroup */
  g_autoptr (GString) key = g_string_new (NULL);
  AggregateGroup *group = NULL;
  gboolean by_year = group_by == FIGURES_GROUP_BY_CITY_YEAR;
  GHashTableIter iter;
  gpointer value;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  /* No ORDER BY: the rows come in the order of the covering index
   * statistics_metric_city, grouped here and sorted at the end (sorting
   * every mention cost more than all the rest). */
  stmt = prepare_filtered (self,
                           "SELECT coalesce(s.city, ''), s.metric, " EFFECTIVE_YEAR ", s.value, "
                           "s.approx, s.unit, s.document_id FROM statistics s",
                           filter, "", error);
  if (stmt == NULL)
    return NULL;

  groups =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) aggregate_group_free);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) figures_aggregate_row_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *city = (const char *) sqlite3_column_text (stmt, 0);
      const char *metric = (const char *) sqlite3_column_text (stmt, 1);
      int year = by_year ? sqlite3_column_int (stmt, 2) : 0;
      double v = sqlite3_column_double (stmt, 3);
      gboolean approx = sqlite3_column_int (stmt, 4) != 0;
      const char *unit = (const char *) sqlite3_column_text (stmt, 5);
      gint64 document = sqlite3_column_int64 (stmt, 6);
      FiguresAggregateRow *row;

      if (city == NULL)
        city = "";
      if (metric == NULL)
        metric = "";
      /* consecutive mentions mostly belong to the same row */
      if (group == NULL || strcmp (group->row->city, city) != 0 ||
          strcmp (group->row->metric, metric) != 0 || group->row->year != year)
        {
          g_string_printf (key, "%s\037%s\037%d", city, metric, year);
          group = g_hash_table_lookup (groups, key->str);
          if (group == NULL)
            {
              group = g_new0 (AggregateGroup, 1);
              group->documents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
              group->units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
              row = group->row = g_new0 (FiguresAggregateRow, 1);
              row->city = g_strdup (city);
              row->metric = g_strdup (metric);
              row->year = year;
              row->max = v;
              row->max_approx = approx;
              g_ptr_array_add (rows, row);
              g_hash_table_insert (groups, g_strdup (key->str), group);
            }
        }
      row = group->row;
      row->sum += v;
      /* the largest mention is approximate when every mention of it is */
      if (v > row->max)
        {
          row->max = v;
          row->max_approx = approx;
        }
      else if (v == row->max)
        row->max_approx &= approx;
      row->mentions++;
      row->any_approx |= approx;
      if (!g_hash_table_contains (group->documents, &document))
        g_hash_table_add (group->documents, g_memdup2 (&document, sizeof document));
      if (unit != NULL)
        {
          guint *count = g_hash_table_lookup (group->units, unit);

          if (count == NULL)
            {
              count = g_new0 (guint, 1);
              g_hash_table_insert (group->units, g_strdup (unit), count);
            }
          (*count)++;
        }
    }
  if (rc != SQLITE_DONE)
    {
      sqlite_error (error, self->db, "Could not read the index");
      return NULL;
    }
  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    finish_aggregate (value);
  g_ptr_array_sort (rows, compare_aggregate_rows);
  return g_steal_pointer (&rows);
}

GStrv
figures_index_list_cities (FiguresIndex *self, const char *metric, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  stmt = prepare (self->db,
                  metric != NULL ? "SELECT DISTINCT city FROM statistics WHERE city IS NOT NULL "
                                   "AND metric = ?1 ORDER BY city"
                                 : "SELECT DISTINCT city FROM statistics WHERE city IS NOT NULL "
                                   "ORDER BY city",
                  error);
  if (stmt == NULL)
    return NULL;
  if (metric != NULL)
    sqlite3_bind_text (stmt, 1, metric, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      sqlite_error (error, self->db, "Could not read the index");
      return NULL;
    }
  return g_strv_builder_end (builder);
}

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
  hits = g_ptr_array_new_with_free_func ((GDestroyNotify) figures_search_hit_free);
  query = figures_query_parse (query_text != NULL ? query_text : "");
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
      count = prepare (self->db, sql->str, error);
      if (count == NULL)
        return NULL;
      if (match != NULL)
        sqlite3_bind_text (count, 1, match, -1, SQLITE_STATIC);
      bind_cities (count, 2, cities);
      if (sqlite3_step (count) != SQLITE_ROW)
        {
          sqlite_error (error, self->db, "Could not search the index");
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
           "FROM r JOIN documents d ON d.id = r.id ORDER BY r.score, r.id");
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
                       "FROM r JOIN documents d ON d.id = r.id ORDER BY r.score, r.id");
    }
  else
    {
      g_string_append (sql,
                       "SELECT d.id, d.path, d.title, d.city, d.date, 0.0, d.text, d.text_size "
                       "FROM documents d WHERE 1");
      append_city_filter (sql, 3, cities);
      g_string_append (sql, " ORDER BY d.date IS NULL, d.date DESC, d.title LIMIT ?2");
    }
  stmt = prepare (self->db, sql->str, error);
  if (stmt == NULL)
    return NULL;
  if (match != NULL)
    sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  bind_cities (stmt, 3, cities);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FiguresSearchHit *hit = g_new0 (FiguresSearchHit, 1);

      hit->document_id = sqlite3_column_int64 (stmt, 0);
      hit->path = column_dup (stmt, 1);
      hit->title = column_dup (stmt, 2);
      hit->city = column_dup (stmt, 3);
      hit->date = column_dup (stmt, 4);
      hit->score = sqlite3_column_double (stmt, 5);
      {
        g_autofree char *text = column_text (stmt, 6);

        make_snippet (hit, query, text != NULL ? text : "");
      }
      g_ptr_array_add (hits, hit);
    }
  if (rc != SQLITE_DONE)
    {
      sqlite_error (error, self->db, "Could not search the index");
      return NULL;
    }
  if (total != NULL && match == NULL && cities == NULL)
    *total = hits->len;

  return g_steal_pointer (&hits);
}

/* ---- skipped ---- */

void
figures_skipped_file_free (FiguresSkippedFile *skipped)
{
  if (skipped == NULL)
    return;
  g_free (skipped->path);
  g_free (skipped->reason);
  g_free (skipped);
}

GPtrArray *
figures_index_list_skipped (FiguresIndex *self, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) list = NULL;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  stmt = prepare (self->db, "SELECT path, reason, \"when\" FROM skipped ORDER BY path", error);
  if (stmt == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) figures_skipped_file_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FiguresSkippedFile *skipped = g_new0 (FiguresSkippedFile, 1);

      skipped->path = column_dup (stmt, 0);
      skipped->reason = column_dup (stmt, 1);
      skipped->when = sqlite3_column_int64 (stmt, 2);
      g_ptr_array_add (list, skipped);
    }
  if (rc != SQLITE_DONE)
    {
      sqlite_error (error, self->db, "Could not read the index");
      return NULL;
    }
  return g_steal_pointer (&list);
}
