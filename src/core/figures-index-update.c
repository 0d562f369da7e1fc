/* figures-index-update.c: bringing the index up to date with the files
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

/* A transaction is committed after this many documents or bytes of text.
 * Large batches matter: FTS5 writes its pending terms as a new segment at
 * each commit, and fewer, larger segments mean less merging. The kill test
 * sets $FIGURES_INDEX_BATCH to commit more often. */
#define BATCH_DOCUMENTS 4000
#define BATCH_BYTES (32 * 1024 * 1024)
/* the queue between the reader and the writer holds at most */
#define QUEUE_ITEMS 64
#define QUEUE_BYTES (24 * 1024 * 1024)

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
  GPtrArray *kept;      /* could not be read now: what the index has under them stays */
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

/* @path could not be read: reported, and what the index holds of it kept */
static void
add_unreadable (Walk *walk, const char *path, const char *reason)
{
  add_skip (walk, path, reason);
  g_ptr_array_add (walk->kept, g_strdup (path));
}

/* Skip reasons that count as "could not be read" (exit status 1), as
 * opposed to files read and found not to be reports (empty, binary …). */
static gboolean
is_unreadable_reason (const char *reason)
{
  return g_str_has_prefix (reason, "unreadable") || g_str_has_prefix (reason, "not a regular file");
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

/* Whether the folder @st was walked already (a link back up, a bind mount) */
static gboolean
dir_seen (Walk *walk, const struct stat *st)
{
  g_autofree char *key = g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT,
                                          (guint64) st->st_dev, (guint64) st->st_ino);

  return !g_hash_table_add (walk->dirs, g_steal_pointer (&key));
}

/* A folder being walked: its names, read whole, so that no folder stays
 * open while its subfolders are walked (any depth, few descriptors). */
typedef struct
{
  char *path;
  GPtrArray *names;
  guint next;
} Frame;

static void
frame_free (Frame *frame)
{
  g_free (frame->path);
  g_ptr_array_unref (frame->names);
  g_free (frame);
}

static Frame *
frame_open (Walk *walk, const char *path)
{
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GError) error = NULL;
  Frame *frame;
  const char *name;

  dir = g_dir_open (path, 0, &error);
  if (dir == NULL)
    {
      g_autofree char *reason = g_strdup_printf ("unreadable: %s", error->message);

      add_unreadable (walk, path, reason);
      return NULL;
    }
  frame = g_new0 (Frame, 1);
  frame->path = g_strdup (path);
  frame->names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (frame->names, g_strdup (name));
  return frame;
}

/* Depth first, in the order the folders list their names, to any depth. */
static void
walk_dir (Walk *walk, const char *root)
{
  g_autoptr (GPtrArray) stack = g_ptr_array_new_with_free_func ((GDestroyNotify) frame_free);
  Frame *first = frame_open (walk, root);

  if (first != NULL)
    g_ptr_array_add (stack, first);
  while (stack->len > 0 && !g_cancellable_is_cancelled (walk->cancellable))
    {
      Frame *frame = stack->pdata[stack->len - 1];
      const char *name;
      g_autofree char *child = NULL;
      struct stat st;

      if (frame->next == frame->names->len)
        {
          g_ptr_array_remove_index (stack, stack->len - 1);
          continue;
        }
      name = frame->names->pdata[frame->next++];
      child = g_build_filename (frame->path, name, NULL);
      if (g_stat (child, &st) != 0)
        {
          int saved = errno;
          g_autofree char *reason = g_strdup_printf ("unreadable: %s", g_strerror (saved));

          /* a dangling link is gone; anything else may still hold reports */
          if (has_report_suffix (name))
            add_skip (walk, child, reason);
          if (saved != ENOENT)
            g_ptr_array_add (walk->kept, g_strdup (child));
          continue;
        }
      if (S_ISDIR (st.st_mode))
        {
          Frame *sub;

          if (!dir_seen (walk, &st) && (sub = frame_open (walk, child)) != NULL)
            g_ptr_array_add (stack, sub);
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

      /* a folder that is not there now (an unmounted disk) keeps its
       * documents until it is removed from the roots */
      add_unreadable (walk, root, reason);
      return;
    }
  if (S_ISDIR (st.st_mode))
    {
      if (!dir_seen (walk, &st))
        walk_dir (walk, root);
    }
  else if (S_ISREG (st.st_mode))
    add_file (walk, root, &st);
  else
    add_unreadable (walk, root, "not a regular file");
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
  char *page_starts; /* "0 1834 3920" */
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
  g_free (item->page_starts);
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
  GCancellable *cancellable; /* stops the OCR of a long scan too */
  /* the reader's place, for progress while a scan is read by OCR */
  gint reading;  /* index in @todo */
  gint ocr_done; /* pages of the document being read */
  gint ocr_total;
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

/* The next item, or NULL when none came within @timeout_usec (the writer
 * then tells how a long OCR goes, and looks whether it was cancelled). */
static Item *
pipeline_pop (Pipeline *pipeline, gint64 timeout_usec)
{
  Item *item;
  gint64 until = g_get_monotonic_time () + timeout_usec;

  g_mutex_lock (&pipeline->mutex);
  while (pipeline->items.length == 0)
    if (!g_cond_wait_until (&pipeline->cond, &pipeline->mutex, until) &&
        pipeline->items.length == 0)
      {
        g_mutex_unlock (&pipeline->mutex);
        return NULL;
      }
  item = g_queue_pop_head (&pipeline->items);
  pipeline->bytes -= item->display_len;
  g_cond_broadcast (&pipeline->cond);
  g_mutex_unlock (&pipeline->mutex);
  return item;
}

static const char *
text_error_reason (const GError *error)
{
  if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NXIO))
    return "not a regular file";
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

static void
report_pages (guint done, guint total, gpointer data)
{
  Pipeline *pipeline = data;

  g_atomic_int_set (&pipeline->ocr_total, total);
  g_atomic_int_set (&pipeline->ocr_done, done);
}

static Item *
read_candidate (Pipeline *pipeline, const Candidate *candidate)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  const char *data;
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

  bytes = figures_file_read (candidate->path, pipeline->max_size, &error);
  if (bytes == NULL)
    {
      item->kind = ITEM_SKIPPED;
      item->reason = g_strdup_printf ("%s: %s", text_error_reason (error), error->message);
      return item;
    }
  data = g_bytes_get_data (bytes, &len);
  item->size = len;
  item->hash = _figures_index_hash_to_string (_figures_index_hash64 ((const guint8 *) data, len));

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

  report =
    figures_report_new_from_bytes_full (candidate->path, bytes, pipeline->report_flags,
                                        report_pages, pipeline, pipeline->cancellable, &error);
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
  if (report->n_pages > 0)
    {
      GString *starts = g_string_new (NULL);

      for (guint p = 0; p < report->n_pages; p++)
        g_string_append_printf (starts, p > 0 ? " %u" : "%u", report->page_starts[p]);
      item->page_starts = g_string_free (starts, FALSE);
    }
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
  item->packed = _figures_index_deflate_text (item->display, item->display_len, &item->packed_len);

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
      g_atomic_int_set (&pipeline->ocr_total, 0);
      g_atomic_int_set (&pipeline->reading, i);
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
  FiguresCorrections *corrections; /* borrowed; NULL: none made */
  FiguresIndexCorrector *corrector; /* made at the first document */
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
  g_clear_pointer (&writer->corrector, _figures_index_corrector_free);
}

static gboolean
writer_init (Writer *writer, sqlite3 *db, GError **error)
{
  writer->db = db;
  return (writer->insert_document = _figures_index_prepare (
            db,
            "INSERT INTO documents (path, size, mtime, hash, encoding, title, date, "
            "city, text, n_statistics, text_size, format, page_count, ocr_pages, page_starts) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?12, ?13, ?14, ?15, ?16)",
            error)) &&
         (writer->update_document = _figures_index_prepare (
            db,
            "UPDATE documents SET path = ?1, size = ?2, mtime = ?3, hash = ?4, "
            "encoding = ?5, title = ?6, date = ?7, city = ?8, text = ?9, "
            "n_statistics = ?10, text_size = ?12, format = ?13, page_count = ?14, "
            "ocr_pages = ?15, page_starts = ?16, corrected = 0, read_title = NULL, "
            "read_date = NULL, read_city = NULL WHERE id = ?11",
            error)) &&
         (writer->update_file = _figures_index_prepare (
            db, "UPDATE documents SET path = ?1, size = ?2, mtime = ?3 WHERE id = ?4", error)) &&
         (writer->delete_document =
            _figures_index_prepare (db, "DELETE FROM documents WHERE id = ?1", error)) &&
         (writer->delete_statistics =
            _figures_index_prepare (db, "DELETE FROM statistics WHERE document_id = ?1", error)) &&
         (writer->insert_statistic = _figures_index_prepare (
            db,
            "INSERT INTO statistics (document_id, city, place, metric, value, "
            "value_text, approx, unit, start, \"end\", label, evidence, "
            "evidence_start, evidence_end, year, effective_year, why_metric, why_city, page, "
            "year_from_date) "
            /* the year is the report's when the sentence has none
             * (figures_statistics_fill_years()) */
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15, "
            "?16, ?17, ?18, ?19)",
            error)) &&
         (writer->insert_search = _figures_index_prepare (
            db, "INSERT INTO search (rowid, text) VALUES (?1, ?2)", error)) &&
         (writer->delete_search = _figures_index_prepare (
            db, "INSERT INTO search (search, rowid, text) VALUES ('delete', ?1, ?2)", error)) &&
         (writer->select_text = _figures_index_prepare (
            db, "SELECT text, text_size FROM documents WHERE id = ?1", error)) &&
         (writer->insert_skipped = _figures_index_prepare (
            db, "INSERT OR REPLACE INTO skipped (path, reason, \"when\") VALUES (?1, ?2, ?3)",
            error));
}

static gboolean
step_done (sqlite3_stmt *stmt, sqlite3 *db, GError **error)
{
  return _figures_index_step_done (db, stmt, error);
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
    text = _figures_index_column_text (writer->select_text, 0);
  sqlite3_reset (writer->select_text);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _figures_index_sqlite_error (error, writer->db, "Could not read the index");
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

/* The analyst's corrections of the report, in the same transaction as its
 * statistics: no reader sees it uncorrected. */
static gboolean
apply_corrections (Writer *writer, gint64 id, const char *hash, GError **error)
{
  g_autoptr (GPtrArray) list = NULL;

  if (writer->corrections == NULL)
    return TRUE;
  if (writer->corrector == NULL &&
      (writer->corrector = _figures_index_corrector_new (writer->db, error)) == NULL)
    return FALSE;
  list = figures_corrections_list_report (writer->corrections, hash, error);
  return list != NULL && _figures_index_corrector_apply (writer->corrector, list, id, error);
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
  _figures_index_bind_text (stmt, 5, item->encoding);
  _figures_index_bind_text (stmt, 6, item->title);
  _figures_index_bind_text (stmt, 7, item->date);
  _figures_index_bind_text (stmt, 8, item->city);
  sqlite3_bind_blob (stmt, 9, item->packed, item->packed_len, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 12, item->display_len);
  sqlite3_bind_int (stmt, 10, n_statistics);
  _figures_index_bind_text (stmt, 13, item->format);
  sqlite3_bind_int (stmt, 14, item->page_count);
  sqlite3_bind_int (stmt, 15, item->ocr_pages);
  _figures_index_bind_text (stmt, 16, item->page_starts);
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
      _figures_index_bind_text (st, 2, s->city);
      _figures_index_bind_text (st, 3, s->place);
      _figures_index_bind_text (st, 4, figures_metric_to_key (s->metric));
      sqlite3_bind_double (st, 5, figures_decimal_to_double (s->value));
      sqlite3_bind_text (st, 6, value, -1, SQLITE_STATIC);
      sqlite3_bind_int (st, 7, s->approx ? 1 : 0);
      _figures_index_bind_text (st, 8, s->unit);
      sqlite3_bind_int64 (st, 9, s->start);
      sqlite3_bind_int64 (st, 10, s->end);
      _figures_index_bind_text (st, 11, s->label);
      _figures_index_bind_text (st, 12, s->evidence);
      sqlite3_bind_int64 (st, 13, s->evidence_start);
      sqlite3_bind_int64 (st, 14, s->evidence_end);
      sqlite3_bind_int (st, 15, s->year);
      _figures_index_bind_text (st, 16, s->why_metric);
      _figures_index_bind_text (st, 17, s->why_city);
      sqlite3_bind_int (st, 18, s->page);
      sqlite3_bind_int (st, 19, s->year_from_date ? 1 : 0);
      if (!step_done (st, writer->db, error))
        return FALSE;
    }
  return apply_corrections (writer, id, item->hash, error);
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
      case ITEM_MOVED:
        /* the same content: only where and when the file is change */
        if (item->kind == ITEM_TOUCHED)
          summary->unchanged++;
        else
          summary->moved++;
        sqlite3_bind_text (writer->update_file, 1, item->path, -1, SQLITE_STATIC);
        sqlite3_bind_int64 (writer->update_file, 2, item->size);
        sqlite3_bind_int64 (writer->update_file, 3, item->mtime);
        sqlite3_bind_int64 (writer->update_file, 4, item->id);
        return step_done (writer->update_file, writer->db, error);

      case ITEM_SKIPPED:
        summary->skipped++;
        /* what cannot be read now stays as it was; what was read and is
         * no report (empty, binary …) leaves */
        if (is_unreadable_reason (item->reason))
          summary->unreadable++;
        else if (item->id != 0 && !delete_document (writer, item->id, error))
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
  g_ptr_array_unref (walk->kept);
}

static gboolean
load_existing (sqlite3 *db, GHashTable *existing, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt =
    _figures_index_prepare (db, "SELECT id, path, size, mtime, hash FROM documents", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Existing *e = g_new0 (Existing, 1);

      e->id = sqlite3_column_int64 (stmt, 0);
      e->size = sqlite3_column_int64 (stmt, 2);
      e->mtime = sqlite3_column_int64 (stmt, 3);
      e->hash = _figures_index_column_dup (stmt, 4);
      g_hash_table_insert (existing, _figures_index_column_dup (stmt, 1), e);
    }
  if (rc != SQLITE_DONE)
    return _figures_index_sqlite_error (error, db, "Could not read the index");
  return TRUE;
}

/* figures_index_update() under the update lock */
static gboolean
update_locked (FiguresIndex *self,
               const FiguresIndexOptions *options,
               FiguresIndexProgressFunc progress,
               gpointer progress_data,
               GCancellable *cancellable,
               FiguresIndexSummary *summary,
               GError **error)
{
  g_autoptr (GPtrArray) roots = NULL;
  FiguresIndexSummary local_summary = { 0 };
  Walk walk = { 0 };
  Pipeline pipeline = { 0 };
  Writer writer = { 0 };
  g_autoptr (GError) write_error = NULL;
  GThread *thread;
  FiguresIndexProgress state = { 0 };
  g_autoptr (FiguresCorrections) corrections = NULL;
  guint batch_documents = 0;
  gsize batch_bytes = 0;
  gboolean in_transaction = FALSE;
  gboolean cancelled = FALSE;
  gboolean ok = TRUE;
  gint64 last_progress = 0;
  guint batch_limit = BATCH_DOCUMENTS;
  gint64 commit_interval =
    options != NULL ? options->commit_interval_ms * G_TIME_SPAN_MILLISECOND : 0;
  gint64 last_commit = g_get_monotonic_time ();

  if (g_getenv ("FIGURES_INDEX_BATCH") != NULL)
    batch_limit = MAX (1, atoi (g_getenv ("FIGURES_INDEX_BATCH")));

  if (summary == NULL)
    summary = &local_summary;
  memset (summary, 0, sizeof *summary);

  roots = _figures_index_load_roots (self->db, error);
  if (roots == NULL)
    return FALSE;

  walk.existing =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) existing_free);
  walk.todo = g_array_new (FALSE, FALSE, sizeof (Candidate));
  walk.skips = g_array_new (FALSE, FALSE, sizeof (Skip));
  walk.dirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  walk.files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  walk.kept = g_ptr_array_new_with_free_func (g_free);
  walk.cancellable = cancellable;
  walk.progress = progress;
  walk.progress_data = progress_data;

  if (!load_existing (self->db, walk.existing, error))
    {
      walk_clear (&walk);
      return FALSE;
    }

  for (guint i = 0; i < roots->len; i++)
    walk_root (&walk, roots->pdata[i]);
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
  pipeline.cancellable = cancellable;

  state.files_total = walk.todo->len;
  for (guint i = 0; i < walk.todo->len; i++)
    state.bytes_total += g_array_index (walk.todo, Candidate, i).size;
  if (progress != NULL)
    progress (&state, progress_data);

  thread = g_thread_new ("figures-index-reader", reader_thread, &pipeline);

  corrections = _figures_index_open_corrections (self);
  writer.corrections = corrections;
  ok = writer_init (&writer, self->db, &write_error) &&
       _figures_index_exec (self->db, "BEGIN", &write_error);
  in_transaction = ok;
  /* what could not be read this time replaces what could not be read before */
  if (ok)
    ok = _figures_index_exec (self->db, "DELETE FROM skipped", &write_error);
  for (guint i = 0; ok && i < walk.skips->len; i++)
    {
      Skip *skip = &g_array_index (walk.skips, Skip, i);

      summary->skipped++;
      if (is_unreadable_reason (skip->reason))
        summary->unreadable++;
      ok = write_skip (&writer, skip->path, skip->reason, &write_error);
    }

  for (;;)
    {
      Item *item = pipeline_pop (&pipeline, G_USEC_PER_SEC / 2);

      if (item == NULL)
        {
          guint total = g_atomic_int_get (&pipeline.ocr_total);

          /* a scan is being read: say which, and how far */
          if (progress != NULL && total > 0 && !cancelled)
            {
              state.current_path =
                g_array_index (walk.todo, Candidate, g_atomic_int_get (&pipeline.reading)).path;
              state.pages_done = g_atomic_int_get (&pipeline.ocr_done);
              state.pages_total = total;
              progress (&state, progress_data);
              state.current_path = NULL;
              state.pages_done = state.pages_total = 0;
            }
          continue;
        }
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
          if (ok &&
              (batch_documents >= batch_limit || batch_bytes >= BATCH_BYTES ||
               (commit_interval > 0 && g_get_monotonic_time () - last_commit >= commit_interval)))
            {
              ok = _figures_index_exec (self->db, "COMMIT", &write_error) &&
                   _figures_index_exec (self->db, "BEGIN", &write_error);
              in_transaction = ok;
              batch_documents = 0;
              batch_bytes = 0;
              last_commit = g_get_monotonic_time ();
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

          for (guint i = 0; !keep && i < walk.kept->len; i++)
            keep = _figures_index_under_root (key, walk.kept->pdata[i]);
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
        ok = _figures_index_exec (self->db, "COMMIT", &write_error);
      else
        _figures_index_exec (self->db, "COMMIT", NULL); /* what was written is whole: keep it */
    }
  writer_clear (&writer);

  g_hash_table_unref (pipeline.vanished);
  g_hash_table_unref (pipeline.moved);
  while (!g_queue_is_empty (&pipeline.items))
    item_free (g_queue_pop_head (&pipeline.items));
  g_mutex_clear (&pipeline.mutex);
  g_cond_clear (&pipeline.cond);
  walk_clear (&walk);

  /* and to the figures indexed before a correction was made (while the
   * index was busy, or on another machine and imported) */
  if (ok && !cancelled && corrections != NULL)
    ok = figures_index_apply_corrections (self, corrections, NULL, &write_error);

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
  gboolean ok;
  int lock;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->read_only)
    {
      g_set_error (error, FIGURES_INDEX_ERROR, FIGURES_INDEX_ERROR_FAILED,
                   "The index “%s” was opened for reading only", self->path);
      return FALSE;
    }
  lock = _figures_index_lock_updates (self->path, error);
  if (lock < 0)
    return FALSE;
  ok = (roots == NULL || figures_index_add_roots (self, roots, error)) &&
       update_locked (self, options, progress, progress_data, cancellable, summary, error);
  close (lock);
  return ok;
}
