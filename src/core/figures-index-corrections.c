/* figures-index-corrections.c: the analyst's corrections, applied in the index
 *
 * Corrections live in a database of their own (figures-corrections.c); the
 * index applies them where statistics are written, so that every reader of
 * the statistics table (stats, CSV, charts, Compare) sees corrected figures
 * with no second code path. A corrected row keeps the values read in its
 * read_* columns: applying again starts from them, so an undo, an import or
 * a correction of a correction all come out the same. A rejected row stays,
 * flagged, and the one filter of figures-index-statistics.c leaves it out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-index"

#include "config.h"

#include <string.h>

#include "figures-index-private.h"

FiguresCorrections *
_figures_index_open_corrections (FiguresIndex *self)
{
  g_autofree char *path = figures_corrections_path_for_index (self->path);
  g_autoptr (GError) error = NULL;
  FiguresCorrections *corrections;

  /* no corrections made yet: none to apply, and no file to make */
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;
  corrections = figures_corrections_open (path, &error);
  if (corrections == NULL)
    g_warning ("The corrections are not applied: %s", error->message);
  return corrections;
}

#define STATISTIC_COLUMNS                                                                        \
  "id, start, corrected, city, place, metric, value_text, approx, year, read_city, read_place, " \
  "read_metric, read_value_text, read_approx, read_year, rejected, year_from_date"

/* The figure as read: from read_* once corrected (columns 9–14), else as
 * it stands (3–8); with no year stated, the year of its report's date as
 * it now stands, @report_year. */
static FiguresStatistic *
statistic_as_read (sqlite3_stmt *stmt, int report_year)
{
  FiguresStatistic *s = figures_statistic_new ();
  int from = sqlite3_column_int (stmt, 2) != 0 ? 9 : 3;
  FiguresMetric metric = FIGURES_METRIC_OTHER;

  s->start = sqlite3_column_int (stmt, 1);
  s->city = _figures_index_column_dup (stmt, from);
  s->place = _figures_index_column_dup (stmt, from + 1);
  figures_metric_from_key ((const char *) sqlite3_column_text (stmt, from + 2), &metric);
  s->metric = metric;
  s->value = _figures_index_parse_decimal ((const char *) sqlite3_column_text (stmt, from + 3));
  s->approx = sqlite3_column_int (stmt, from + 4) != 0;
  s->year = sqlite3_column_int (stmt, from + 5);
  s->year_from_date = sqlite3_column_int (stmt, 16) != 0;
  if (s->year_from_date)
    s->year = report_year;
  return s;
}

/* Whether the row stands as @s says already (columns 3–8, 15) */
static gboolean
row_is (sqlite3_stmt *stmt, const FiguresStatistic *s, gboolean corrected, gboolean rejected)
{
  g_autofree char *value = figures_decimal_to_string (s->value);

  return (sqlite3_column_int (stmt, 2) != 0) == corrected &&
         (sqlite3_column_int (stmt, 15) != 0) == rejected &&
         g_strcmp0 ((const char *) sqlite3_column_text (stmt, 3), s->city) == 0 &&
         g_strcmp0 ((const char *) sqlite3_column_text (stmt, 4), s->place) == 0 &&
         g_strcmp0 ((const char *) sqlite3_column_text (stmt, 5),
                    figures_metric_to_key (s->metric)) == 0 &&
         g_strcmp0 ((const char *) sqlite3_column_text (stmt, 6), value) == 0 &&
         (sqlite3_column_int (stmt, 7) != 0) == s->approx &&
         sqlite3_column_int (stmt, 8) == s->year;
}

static void
bind_statistic (sqlite3_stmt *stmt, int first, const FiguresStatistic *s)
{
  g_autofree char *value = figures_decimal_to_string (s->value);

  _figures_index_bind_text (stmt, first, s->city);
  _figures_index_bind_text (stmt, first + 1, s->place);
  sqlite3_bind_text (stmt, first + 2, figures_metric_to_key (s->metric), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 3, value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, first + 4, s->approx ? 1 : 0);
  sqlite3_bind_int (stmt, first + 5, s->year);
}

struct _FiguresIndexCorrector
{
  sqlite3 *db;
  sqlite3_stmt *any_corrected;
  sqlite3_stmt *select;
  sqlite3_stmt *update;
  sqlite3_stmt *count;
  sqlite3_stmt *documents;
  sqlite3_stmt *select_report;
  sqlite3_stmt *update_report;
};

void
_figures_index_corrector_free (FiguresIndexCorrector *self)
{
  if (self == NULL)
    return;
  sqlite3_finalize (self->any_corrected);
  sqlite3_finalize (self->select);
  sqlite3_finalize (self->update);
  sqlite3_finalize (self->count);
  sqlite3_finalize (self->documents);
  sqlite3_finalize (self->select_report);
  sqlite3_finalize (self->update_report);
  g_free (self);
}

FiguresIndexCorrector *
_figures_index_corrector_new (sqlite3 *db, GError **error)
{
  g_autoptr (FiguresIndexCorrector) self = g_new0 (FiguresIndexCorrector, 1);

  self->db = db;
  if ((self->any_corrected = _figures_index_prepare (
         db,
         "SELECT 1 FROM statistics WHERE document_id = ?1 AND corrected = 1 UNION ALL "
         "SELECT 1 FROM documents WHERE id = ?1 AND corrected = 1 LIMIT 1",
         error)) == NULL ||
      (self->select = _figures_index_prepare (
         db, "SELECT " STATISTIC_COLUMNS " FROM statistics WHERE document_id = ?1", error)) ==
        NULL ||
      (self->update = _figures_index_prepare (
         db,
         "UPDATE statistics SET city = ?2, place = ?3, metric = ?4, value_text = ?5, "
         "value = CAST(?5 AS REAL), approx = ?6, year = ?7, effective_year = ?7, corrected = ?8, "
         "rejected = ?9, read_city = ?10, read_place = ?11, read_metric = ?12, "
         "read_value_text = ?13, read_approx = ?14, read_year = ?15 WHERE id = ?1",
         error)) == NULL ||
      (self->count = _figures_index_prepare (
         db,
         "UPDATE documents SET n_statistics = (SELECT count(*) FROM statistics WHERE "
         "document_id = ?1 AND rejected = 0) WHERE id = ?1",
         error)) == NULL ||
      (self->documents =
         _figures_index_prepare (db, "SELECT id FROM documents WHERE hash = ?1", error)) == NULL ||
      (self->select_report = _figures_index_prepare (
         db,
         "SELECT corrected, title, date, city, read_title, read_date, read_city FROM documents "
         "WHERE id = ?1",
         error)) == NULL ||
      (self->update_report = _figures_index_prepare (
         db,
         "UPDATE documents SET title = ?2, date = ?3, city = ?4, corrected = ?5, read_title = ?6, "
         "read_date = ?7, read_city = ?8 WHERE id = ?1",
         error)) == NULL)
    return NULL;
  return g_steal_pointer (&self);
}

/* The report's own corrections (title, date, city) applied to its row,
 * from what was read; @report_year: the year of its date as it now stands. */
static gboolean
apply_to_report (FiguresIndexCorrector *self,
                 GPtrArray *corrections,
                 gint64 document_id,
                 int *report_year,
                 GError **error)
{
  sqlite3_stmt *select = self->select_report;
  gboolean corrected = FALSE, was_corrected;
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  g_autofree char *city = NULL;
  g_autofree char *read_title = NULL;
  g_autofree char *read_date = NULL;
  g_autofree char *read_city = NULL;
  int rc, from;

  for (guint i = 0; i < corrections->len; i++)
    if (figures_correction_field_is_report (
          ((const FiguresCorrection *) g_ptr_array_index (corrections, i))->field))
      corrected = TRUE;

  sqlite3_bind_int64 (select, 1, document_id);
  rc = sqlite3_step (select);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (select);
      return rc == SQLITE_DONE ||
             _figures_index_sqlite_error (error, self->db, "Could not read the index");
    }
  was_corrected = sqlite3_column_int (select, 0) != 0;
  from = was_corrected ? 4 : 1;
  read_title = _figures_index_column_dup (select, from);
  read_date = _figures_index_column_dup (select, from + 1);
  read_city = _figures_index_column_dup (select, from + 2);
  sqlite3_reset (select);
  *report_year = figures_date_get_year (read_date);
  if (!corrected && !was_corrected)
    return TRUE;

  title = g_strdup (read_title);
  date = g_strdup (read_date);
  city = g_strdup (read_city);
  for (guint i = 0; i < corrections->len; i++)
    figures_correction_apply_to_report (g_ptr_array_index (corrections, i), &title, &date, &city);
  *report_year = figures_date_get_year (date);

  sqlite3_bind_int64 (self->update_report, 1, document_id);
  _figures_index_bind_text (self->update_report, 2, title);
  _figures_index_bind_text (self->update_report, 3, date);
  _figures_index_bind_text (self->update_report, 4, city);
  sqlite3_bind_int (self->update_report, 5, corrected);
  /* uncorrected again: read_* go back to NULL */
  _figures_index_bind_text (self->update_report, 6, corrected ? read_title : NULL);
  _figures_index_bind_text (self->update_report, 7, corrected ? read_date : NULL);
  _figures_index_bind_text (self->update_report, 8, corrected ? read_city : NULL);
  return _figures_index_step_done (self->db, self->update_report, error);
}

/* 1 when a row of the document is corrected, 0 when none, -1 on error */
static int
has_corrected_rows (FiguresIndexCorrector *self, gint64 document_id, GError **error)
{
  int rc;

  sqlite3_bind_int64 (self->any_corrected, 1, document_id);
  rc = sqlite3_step (self->any_corrected);
  sqlite3_reset (self->any_corrected);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _figures_index_sqlite_error (error, self->db, "Could not read the index");
      return -1;
    }
  return rc == SQLITE_ROW;
}

/* @corrections: the ones in force of the document's report, oldest first
 * (figures_corrections_list_report()). Runs inside the caller's
 * transaction. */
gboolean
_figures_index_corrector_apply (FiguresIndexCorrector *self,
                                GPtrArray *corrections,
                                gint64 document_id,
                                GError **error)
{
  sqlite3_stmt *select = self->select;
  guint changed = 0;
  int report_year = 0;
  int rc;

  /* fresh rows and no correction: nothing to do (the indexer's usual case) */
  if (corrections->len == 0 && (rc = has_corrected_rows (self, document_id, error)) <= 0)
    return rc == 0;
  if (!apply_to_report (self, corrections, document_id, &report_year, error))
    return FALSE;

  sqlite3_bind_int64 (select, 1, document_id);
  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      g_autoptr (FiguresStatistic) read = NULL;
      g_autoptr (FiguresStatistic) now = NULL;
      guint start = sqlite3_column_int (select, 1);
      gboolean was_corrected = sqlite3_column_int (select, 2) != 0;
      /* a figure of no stated year follows its report's date */
      gboolean moved =
        sqlite3_column_int (select, 16) != 0 && sqlite3_column_int (select, 8) != report_year;
      gboolean corrected = FALSE;
      gboolean keep = TRUE;

      for (guint i = 0; !corrected && i < corrections->len; i++)
        {
          const FiguresCorrection *c = g_ptr_array_index (corrections, i);

          corrected = c->start == start && !figures_correction_field_is_report (c->field);
        }
      if (!corrected && !was_corrected && !moved)
        continue;

      read = statistic_as_read (select, report_year);
      now = figures_statistic_copy (read);
      /* in the order they were made: the latest wins */
      for (guint i = 0; i < corrections->len; i++)
        {
          const FiguresCorrection *c = g_ptr_array_index (corrections, i);

          if (c->start == start && !figures_correction_field_is_report (c->field))
            figures_correction_apply (c, now, &keep);
        }
      /* only what changes is written: applying again costs reads only */
      if (row_is (select, now, corrected, !keep))
        continue;
      changed++;

      sqlite3_bind_int64 (self->update, 1, sqlite3_column_int64 (select, 0));
      bind_statistic (self->update, 2, now);
      sqlite3_bind_int (self->update, 8, corrected);
      sqlite3_bind_int (self->update, 9, !keep);
      if (corrected)
        bind_statistic (self->update, 10, read);
      /* else read_* are bound NULL: nothing to restore any more */
      if (!_figures_index_step_done (self->db, self->update, error))
        {
          sqlite3_reset (select);
          return FALSE;
        }
    }
  sqlite3_reset (select);
  if (rc != SQLITE_DONE)
    return _figures_index_sqlite_error (error, self->db, "Could not read the index");

  if (changed == 0)
    return TRUE;
  sqlite3_bind_int64 (self->count, 1, document_id);
  return _figures_index_step_done (self->db, self->count, error);
}

/* @corrections applied to every document with content @hash */
static gboolean
apply_report (FiguresIndexCorrector *self, GPtrArray *corrections, const char *hash, GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  sqlite3_bind_text (self->documents, 1, hash, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (self->documents)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (self->documents, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (self->documents);
  if (rc != SQLITE_DONE)
    return _figures_index_sqlite_error (error, self->db, "Could not read the index");
  for (guint i = 0; i < ids->len; i++)
    if (!_figures_index_corrector_apply (self, corrections, g_array_index (ids, gint64, i), error))
      return FALSE;
  return TRUE;
}

/* Every report's corrections in force, by hash (GPtrArray of borrowed
 * FiguresCorrection*, oldest first); every hash that has any, undone ones
 * too, is a key. */
static GHashTable *
corrections_by_report (FiguresCorrections *corrections, GPtrArray **owner, GError **error)
{
  g_auto (GStrv) hashes = figures_corrections_list_reports (corrections, error);
  g_autoptr (GHashTable) reports = NULL;

  if (hashes == NULL || (*owner = figures_corrections_list (corrections, error)) == NULL)
    return NULL;
  reports =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; hashes[i] != NULL; i++)
    g_hash_table_insert (reports, g_strdup (hashes[i]), g_ptr_array_new ());
  for (guint i = 0; i < (*owner)->len; i++)
    {
      FiguresCorrection *c = g_ptr_array_index (*owner, i);
      GPtrArray *list = g_hash_table_lookup (reports, c->hash);

      if (list != NULL)
        g_ptr_array_add (list, c);
    }
  return g_steal_pointer (&reports);
}

gboolean
figures_index_apply_corrections (FiguresIndex *self,
                                 FiguresCorrections *corrections,
                                 const char *hash,
                                 GError **error)
{
  g_autoptr (FiguresIndexCorrector) corrector = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GHashTable) reports = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (self != NULL && corrections != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->read_only)
    {
      g_set_error (error, FIGURES_INDEX_ERROR, FIGURES_INDEX_ERROR_FAILED,
                   "The index “%s” was opened for reading only", self->path);
      return FALSE;
    }
  if (hash != NULL ? (list = figures_corrections_list_report (corrections, hash, error)) == NULL
                   : (reports = corrections_by_report (corrections, &list, error)) == NULL)
    return FALSE;

  if (!_figures_index_exec (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;
  corrector = _figures_index_corrector_new (self->db, error);
  if (corrector == NULL)
    goto fail;
  if (hash != NULL)
    {
      if (!apply_report (corrector, list, hash, error))
        goto fail;
    }
  else
    {
      g_hash_table_iter_init (&iter, reports);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (!apply_report (corrector, value, key, error))
          goto fail;
    }
  g_clear_pointer (&corrector, _figures_index_corrector_free);
  return _figures_index_exec (self->db, "COMMIT", error);

fail:
  g_clear_pointer (&corrector, _figures_index_corrector_free);
  _figures_index_exec (self->db, "ROLLBACK", NULL);
  return FALSE;
}

FiguresStatisticRow *
figures_index_find_statistic (FiguresIndex *self, const char *path, guint start, GError **error)
{
  g_autoptr (FiguresDocumentInfo) document = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  FiguresStatisticsFilter filter = { 0 };

  g_return_val_if_fail (self != NULL && path != NULL, NULL);

  document = figures_index_find_document (self, path, error);
  if (document == NULL)
    return NULL;
  filter.document = document->id;
  filter.with_rejected = TRUE;
  rows = figures_index_list_statistics (self, &filter, error);
  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    {
      FiguresStatisticRow *row = g_ptr_array_index (rows, i);

      if (row->statistic->start == start)
        return g_ptr_array_steal_index (rows, i);
    }

  {
    g_autofree char *display = g_filename_display_name (path);

    g_set_error (error, FIGURES_INDEX_ERROR, FIGURES_INDEX_ERROR_NOT_FOUND,
                 "no statistic starts at %u in “%s” (see the start column of `figures stats`)",
                 start, display);
  }
  return NULL;
}

gboolean
figures_index_has_statistic (FiguresIndex *self, const char *hash, guint start, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (self != NULL && hash != NULL, FALSE);

  stmt = _figures_index_prepare (self->db,
                                 "SELECT 1 FROM documents d JOIN statistics s ON s.document_id = "
                                 "d.id WHERE d.hash = ?1 AND s.start = ?2 LIMIT 1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, start);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _figures_index_sqlite_error (error, self->db, "Could not read the index");
  return rc == SQLITE_ROW;
}

static gboolean
has_report (FiguresIndex *self, const char *hash, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt =
    _figures_index_prepare (self->db, "SELECT 1 FROM documents WHERE hash = ?1 LIMIT 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _figures_index_sqlite_error (error, self->db, "Could not read the index");
  return rc == SQLITE_ROW;
}

gboolean
figures_index_check_corrections (FiguresIndex *self, GPtrArray *corrections, GError **error)
{
  g_return_val_if_fail (self != NULL && corrections != NULL, FALSE);

  for (guint i = 0; i < corrections->len; i++)
    {
      FiguresCorrection *correction = g_ptr_array_index (corrections, i);
      g_autoptr (GError) local_error = NULL;

      /* a report's correction stands while the report does */
      correction->orphaned =
        figures_correction_field_is_report (correction->field)
          ? !has_report (self, correction->hash, &local_error)
          : !figures_index_has_statistic (self, correction->hash, correction->start, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  return TRUE;
}
