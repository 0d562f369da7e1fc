/* figures-index-statistics.c: documents, statistics and skipped files
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
  g_free (info->page_starts);
  g_free (info->hash);
  g_free (info);
}

#define DOCUMENT_COLUMNS                                                                   \
  "id, path, title, city, date, encoding, n_statistics, size, mtime, format, page_count, " \
  "ocr_pages, page_starts, hash, corrected"

static FiguresDocumentInfo *
document_from_row (sqlite3_stmt *stmt)
{
  FiguresDocumentInfo *info = g_new0 (FiguresDocumentInfo, 1);

  info->id = sqlite3_column_int64 (stmt, 0);
  info->path = _figures_index_column_dup (stmt, 1);
  info->title = _figures_index_column_dup (stmt, 2);
  info->city = _figures_index_column_dup (stmt, 3);
  info->date = _figures_index_column_dup (stmt, 4);
  info->encoding = _figures_index_column_dup (stmt, 5);
  info->n_statistics = sqlite3_column_int (stmt, 6);
  info->size = sqlite3_column_int64 (stmt, 7);
  info->mtime = sqlite3_column_int64 (stmt, 8);
  info->format = _figures_index_column_dup (stmt, 9);
  info->page_count = sqlite3_column_int (stmt, 10);
  info->ocr_pages = sqlite3_column_int (stmt, 11);
  info->hash = _figures_index_column_dup (stmt, 13);
  info->corrected = sqlite3_column_int (stmt, 14) != 0;
  if (info->page_count > 0 && sqlite3_column_text (stmt, 12) != NULL)
    {
      g_auto (GStrv) starts = g_strsplit ((const char *) sqlite3_column_text (stmt, 12), " ", -1);

      /* as many as there are pages, or none: never a short array */
      if (g_strv_length (starts) == info->page_count)
        {
          info->page_starts = g_new (guint, info->page_count);
          for (guint p = 0; p < info->page_count; p++)
            info->page_starts[p] = (guint) g_ascii_strtoull (starts[p], NULL, 10);
        }
    }
  return info;
}

guint
figures_index_count_documents (FiguresIndex *self, const char *city, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (self != NULL, 0);

  stmt = _figures_index_prepare (self->db,
                                 city != NULL ? "SELECT count(*) FROM documents WHERE city = ?1"
                                              : "SELECT count(*) FROM documents",
                                 error);
  if (stmt == NULL)
    return 0;
  if (city != NULL)
    sqlite3_bind_text (stmt, 1, city, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _figures_index_sqlite_error (error, self->db, "Could not read the index");
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
  stmt = _figures_index_prepare (self->db, sql, error);
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
      _figures_index_sqlite_error (error, self->db, "Could not read the index");
      return NULL;
    }
  return g_steal_pointer (&documents);
}

/* The document @where (SQL, ?1 bound to @id or @path) selects */
static FiguresDocumentInfo *
get_document (FiguresIndex *self, gint64 id, const char *path, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _figures_index_prepare (self->db,
                                 path != NULL
                                   ? "SELECT " DOCUMENT_COLUMNS " FROM documents WHERE path = ?1"
                                   : "SELECT " DOCUMENT_COLUMNS " FROM documents WHERE id = ?1",
                                 error);
  if (stmt == NULL)
    return NULL;
  if (path != NULL)
    sqlite3_bind_text (stmt, 1, path, -1, SQLITE_STATIC);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return document_from_row (stmt);
  if (rc == SQLITE_DONE && path != NULL)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, FIGURES_INDEX_ERROR, FIGURES_INDEX_ERROR_NOT_FOUND,
                   "“%s” is not a report of the index", display);
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, FIGURES_INDEX_ERROR, FIGURES_INDEX_ERROR_NOT_FOUND,
                 "No document %" G_GINT64_FORMAT " in the index", id);
  else
    _figures_index_sqlite_error (error, self->db, "Could not read the index");
  return NULL;
}

FiguresDocumentInfo *
figures_index_get_document (FiguresIndex *self, gint64 id, GError **error)
{
  g_return_val_if_fail (self != NULL, NULL);
  return get_document (self, id, NULL, error);
}

FiguresDocumentInfo *
figures_index_find_document (FiguresIndex *self, const char *path, GError **error)
{
  g_return_val_if_fail (self != NULL && path != NULL, NULL);
  return get_document (self, 0, path, error);
}

char *
figures_index_dup_document_text (FiguresIndex *self, gint64 id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  stmt =
    _figures_index_prepare (self->db, "SELECT text, text_size FROM documents WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      char *text = _figures_index_column_text (stmt, 0);

      if (text == NULL)
        g_set_error (error, FIGURES_INDEX_ERROR, FIGURES_INDEX_ERROR_FAILED,
                     "The text of document %" G_GINT64_FORMAT " is damaged in the index", id);
      return text;
    }
  if (rc == SQLITE_DONE)
    g_set_error (error, FIGURES_INDEX_ERROR, FIGURES_INDEX_ERROR_NOT_FOUND,
                 "No document %" G_GINT64_FORMAT " in the index", id);
  else
    _figures_index_sqlite_error (error, self->db, "Could not read the index");
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
  g_free (row->hash);
  g_free (row->date);
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
FiguresDecimal
_figures_index_parse_decimal (const char *text)
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

/* A figure's evidence is cut from its report's (deflated) text when not
 * stored: figures_evidence(), below */
#define EVIDENCE \
  "coalesce(s.evidence, figures_evidence(s.document_id, s.evidence_start, s.evidence_end))"

/* where the table's free text is looked for (the query joins documents d) */
static const char *const text_columns[] = { "s.label", EVIDENCE, "d.title", "s.city", "s.place" };

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

  /* the figures the analyst rejected are left out here, for every reader */
  g_string_append (sql,
                   filter != NULL && filter->with_rejected ? " WHERE 1" : " WHERE s.rejected = 0");
  if (filter != NULL && filter->cities != NULL && filter->cities[0] != NULL)
    append_in (sql, "s.city", filter->cities, bindings);
  if (filter != NULL && filter->metrics != NULL && filter->metrics[0] != NULL)
    append_in (sql, "s.metric", filter->metrics, bindings);
  if (filter != NULL && filter->document != 0)
    g_string_append_printf (sql, " AND s.document_id = %" G_GINT64_FORMAT, filter->document);
  if (filter != NULL && filter->year != 0)
    g_string_append_printf (sql, " AND " EFFECTIVE_YEAR " = %d", filter->year);
  if (filter != NULL && filter->year_from > 0)
    g_string_append_printf (sql, " AND " EFFECTIVE_YEAR " >= %d", filter->year_from);
  if (filter != NULL && filter->year_to > 0)
    g_string_append_printf (sql, " AND " EFFECTIVE_YEAR " BETWEEN 1 AND %d", filter->year_to);
  if (filter != NULL && filter->labels != NULL && filter->labels[0] != NULL)
    append_in (sql, "s.label", filter->labels, bindings);
  if (filter != NULL && filter->text != NULL && filter->text[0] != '\0')
    {
      g_string_append (sql, " AND (");
      for (guint i = 0; i < G_N_ELEMENTS (text_columns); i++)
        {
          g_string_append_printf (sql, "%sinstr(lower(%s), lower(?)) > 0", i > 0 ? " OR " : "",
                                  text_columns[i]);
          g_ptr_array_add (bindings, (gpointer) filter->text);
        }
      g_string_append (sql, ")");
    }
  g_string_append (sql, " ");
  g_string_append (sql, tail);

  stmt = _figures_index_prepare (self->db, sql->str, error);
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
        cache->text = _figures_index_column_text (stmt, 0);
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

/* figures_evidence(document_id, start, end): the text between two
 * code-point offsets of a report, for the table's free text and its sort
 * by evidence. One report's text is kept: rows come report by report. */
static void
evidence_function (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  TextCache *cache = sqlite3_user_data (ctx);
  g_autofree char *text =
    text_cache_cut (cache, sqlite3_context_db_handle (ctx), sqlite3_value_int64 (argv[0]),
                    sqlite3_value_int (argv[1]), sqlite3_value_int (argv[2]));

  if (text != NULL)
    sqlite3_result_text (ctx, g_steal_pointer (&text), -1, g_free);
  else
    sqlite3_result_null (ctx);
}

static void
text_cache_free (void *data)
{
  text_cache_clear (data);
  g_free (data);
}

gboolean
_figures_index_register_evidence (sqlite3 *db, GError **error)
{
  if (sqlite3_create_function_v2 (db, "figures_evidence", 3, SQLITE_UTF8, g_new0 (TextCache, 1),
                                  evidence_function, NULL, NULL, text_cache_free) != SQLITE_OK)
    return _figures_index_sqlite_error (error, db, "Could not register figures_evidence");
  return TRUE;
}

#define STATISTIC_COLUMNS                                                                       \
  "SELECT s.document_id, d.path, d.title, s.city, s.place, s.metric, s.value_text, s.approx, "  \
  "s.unit, s.start, s.\"end\", s.label, s.evidence, s.evidence_start, s.evidence_end, s.year, " \
  "s.why_metric, s.why_city, s.page, d.hash, s.corrected, s.rejected, d.date, s.id "            \
  "FROM statistics s JOIN documents d ON d.id = s.document_id"

/* The rows of a statement selecting STATISTIC_COLUMNS */
static GPtrArray *
read_statistic_rows (FiguresIndex *self, sqlite3_stmt *stmt, GError **error)
{
  g_autoptr (GPtrArray) rows = NULL;
  TextCache cache = { 0 };
  int rc;

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) figures_statistic_row_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FiguresStatisticRow *row = g_new0 (FiguresStatisticRow, 1);
      FiguresStatistic *s = figures_statistic_new ();
      FiguresMetric metric = FIGURES_METRIC_OTHER;

      row->document_id = sqlite3_column_int64 (stmt, 0);
      row->path = _figures_index_column_dup (stmt, 1);
      row->title = _figures_index_column_dup (stmt, 2);
      s->city = _figures_index_column_dup (stmt, 3);
      s->place = _figures_index_column_dup (stmt, 4);
      if (sqlite3_column_text (stmt, 5) != NULL)
        figures_metric_from_key ((const char *) sqlite3_column_text (stmt, 5), &metric);
      s->metric = metric;
      s->value = _figures_index_parse_decimal ((const char *) sqlite3_column_text (stmt, 6));
      s->approx = sqlite3_column_int (stmt, 7) != 0;
      s->unit = _figures_index_column_dup (stmt, 8);
      s->start = sqlite3_column_int (stmt, 9);
      s->end = sqlite3_column_int (stmt, 10);
      s->label = _figures_index_column_dup (stmt, 11);
      s->evidence = _figures_index_column_dup (stmt, 12);
      s->evidence_start = sqlite3_column_int (stmt, 13);
      s->evidence_end = sqlite3_column_int (stmt, 14);
      s->year = sqlite3_column_int (stmt, 15);
      s->why_metric = _figures_index_column_dup (stmt, 16);
      s->why_city = _figures_index_column_dup (stmt, 17);
      s->page = sqlite3_column_int (stmt, 18);
      row->hash = _figures_index_column_dup (stmt, 19);
      row->corrected = sqlite3_column_int (stmt, 20) != 0;
      row->rejected = sqlite3_column_int (stmt, 21) != 0;
      row->date = _figures_index_column_dup (stmt, 22);
      row->id = sqlite3_column_int64 (stmt, 23);
      if (s->evidence == NULL)
        s->evidence =
          text_cache_cut (&cache, self->db, row->document_id, s->evidence_start, s->evidence_end);
      row->statistic = s;
      g_ptr_array_add (rows, row);
    }
  text_cache_clear (&cache);
  if (rc != SQLITE_DONE)
    {
      _figures_index_sqlite_error (error, self->db, "Could not read the index");
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* the report's order, which every sort falls back on */
#define POSITION_ORDER "d.path, s.document_id, s.start, s.id"

GPtrArray *
figures_index_list_statistics (FiguresIndex *self,
                               const FiguresStatisticsFilter *filter,
                               GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  stmt = prepare_filtered (self, STATISTIC_COLUMNS, filter, "ORDER BY " POSITION_ORDER, error);
  if (stmt == NULL)
    return NULL;
  return read_statistic_rows (self, stmt, error);
}

/* What each FiguresStatisticSort orders by, before POSITION_ORDER */
static const char *const sort_columns[] = {
  [FIGURES_STATISTIC_SORT_POSITION] = NULL,
  [FIGURES_STATISTIC_SORT_CORRECTED] = "s.corrected",
  /* the order of FiguresMetric, as the metric menus list them */
  [FIGURES_STATISTIC_SORT_METRIC] = "CASE s.metric WHEN 'training_sessions' THEN 0 "
                                    "WHEN 'trainees' THEN 1 WHEN 'funding' THEN 2 "
                                    "WHEN 'investment' THEN 3 WHEN 'projects' THEN 4 ELSE 5 END",
  [FIGURES_STATISTIC_SORT_LABEL] = "coalesce(s.label, '')",
  [FIGURES_STATISTIC_SORT_VALUE] = "s.value",
  [FIGURES_STATISTIC_SORT_APPROX] = "s.approx",
  [FIGURES_STATISTIC_SORT_CITY] = "coalesce(s.city, '')",
  [FIGURES_STATISTIC_SORT_PLACE] = "coalesce(s.place, '')",
  [FIGURES_STATISTIC_SORT_YEAR] = EFFECTIVE_YEAR,
  [FIGURES_STATISTIC_SORT_TITLE] = "coalesce(d.title, '')",
};

GArray *
figures_index_list_statistic_ids (FiguresIndex *self,
                                  const FiguresStatisticsFilter *filter,
                                  FiguresStatisticSort sort,
                                  gboolean descending,
                                  GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GArray) ids = NULL;
  g_autofree char *tail = NULL;
  const char *direction = descending ? "DESC" : "ASC";
  int rc;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail ((guint) sort < G_N_ELEMENTS (sort_columns), NULL);

  /* ties keep the report's order, whichever the direction */
  if (sort_columns[sort] != NULL)
    tail = g_strdup_printf ("ORDER BY %s %s, " POSITION_ORDER, sort_columns[sort], direction);
  else
    tail = g_strdup_printf ("ORDER BY d.path %1$s, s.document_id %1$s, s.start %1$s, s.id %1$s",
                            direction);
  stmt = prepare_filtered (self,
                           "SELECT s.id FROM statistics s JOIN documents d ON d.id = s.document_id",
                           filter, tail, error);
  if (stmt == NULL)
    return NULL;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      _figures_index_sqlite_error (error, self->db, "Could not read the index");
      return NULL;
    }
  return g_steal_pointer (&ids);
}

GPtrArray *
figures_index_get_statistics (FiguresIndex *self, const gint64 *ids, guint n_ids, GError **error)
{
  g_autoptr (GString) sql = g_string_new (STATISTIC_COLUMNS " WHERE s.id IN (");
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  GPtrArray *ordered;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  /* the ids are numbers: written into the statement, no bindings to count */
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (sql, "%s%" G_GINT64_FORMAT, i > 0 ? ", " : "", ids[i]);
  g_string_append (sql, ") ORDER BY s.document_id, s.start");
  stmt = _figures_index_prepare (self->db, sql->str, error);
  if (stmt == NULL)
    return NULL;
  rows = read_statistic_rows (self, stmt, error);
  if (rows == NULL)
    return NULL;

  /* in the order asked for; a row since gone, or an id asked for twice
   * (at its second place), leaves a hole */
  for (guint i = 0; i < rows->len; i++)
    {
      FiguresStatisticRow *row = g_ptr_array_index (rows, i);

      g_hash_table_insert (by_id, &row->id, row);
    }
  ordered = g_ptr_array_new_full (n_ids, (GDestroyNotify) figures_statistic_row_free);
  g_ptr_array_set_free_func (rows, NULL);
  for (guint i = 0; i < n_ids; i++)
    {
      FiguresStatisticRow *row = g_hash_table_lookup (by_id, &ids[i]);

      g_hash_table_remove (by_id, &ids[i]);
      g_ptr_array_add (ordered, row);
    }
  return ordered;
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
  gboolean by_year = (group_by & FIGURES_GROUP_BY_CITY_YEAR) != 0;
  gboolean by_label = (group_by & FIGURES_GROUP_BY_OTHER_LABEL) != 0;
  g_autoptr (GString) labelled = g_string_new (NULL);
  GHashTableIter iter;
  gpointer value;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  /* No ORDER BY: the rows come in the order of the covering index
   * statistics_metric_city, grouped here and sorted at the end (sorting
   * every mention cost more than all the rest). */
  stmt = prepare_filtered (self,
                           filter != NULL && filter->text != NULL
                             /* the free text looks at the reports' titles too */
                             ? "SELECT coalesce(s.city, ''), s.metric, " EFFECTIVE_YEAR
                               ", s.value, s.approx, s.unit, s.document_id, s.label "
                               "FROM statistics s JOIN documents d ON d.id = s.document_id"
                             : "SELECT coalesce(s.city, ''), s.metric, " EFFECTIVE_YEAR
                               ", s.value, s.approx, s.unit, s.document_id, s.label "
                               "FROM statistics s",
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
      if (by_label && strcmp (metric, figures_metric_to_key (FIGURES_METRIC_OTHER)) == 0)
        {
          const char *label = (const char *) sqlite3_column_text (stmt, 7);

          g_string_printf (labelled, FIGURES_OTHER_LABEL_PREFIX "%s", label != NULL ? label : "");
          metric = labelled->str;
        }
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
      _figures_index_sqlite_error (error, self->db, "Could not read the index");
      return NULL;
    }
  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    finish_aggregate (value);
  g_ptr_array_sort (rows, compare_aggregate_rows);
  return g_steal_pointer (&rows);
}

/* The distinct values of @column over the statistics not rejected (of
 * @metric when not NULL), in the column's order */
static GStrv
list_distinct (FiguresIndex *self, const char *column, const char *metric, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *sql = NULL;
  int rc;

  sql = g_strdup_printf ("SELECT DISTINCT %1$s FROM statistics s WHERE %1$s IS NOT NULL AND "
                         "%1$s != '' AND %1$s != 0 AND s.rejected = 0%2$s ORDER BY %1$s",
                         column, metric != NULL ? " AND s.metric = ?1" : "");
  stmt = _figures_index_prepare (self->db, sql, error);
  if (stmt == NULL)
    return NULL;
  if (metric != NULL)
    sqlite3_bind_text (stmt, 1, metric, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      _figures_index_sqlite_error (error, self->db, "Could not read the index");
      return NULL;
    }
  return g_strv_builder_end (builder);
}

GStrv
figures_index_list_cities (FiguresIndex *self, const char *metric, GError **error)
{
  g_return_val_if_fail (self != NULL, NULL);
  return list_distinct (self, "s.city", metric, error);
}

GStrv
figures_index_list_labels (FiguresIndex *self, const char *metric, GError **error)
{
  g_return_val_if_fail (self != NULL, NULL);
  return list_distinct (self, "s.label", metric, error);
}

GStrv
figures_index_list_years (FiguresIndex *self, const char *metric, GError **error)
{
  g_return_val_if_fail (self != NULL, NULL);
  return list_distinct (self, EFFECTIVE_YEAR, metric, error);
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

  stmt = _figures_index_prepare (self->db,
                                 "SELECT path, reason, \"when\" FROM skipped ORDER BY path", error);
  if (stmt == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) figures_skipped_file_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FiguresSkippedFile *skipped = g_new0 (FiguresSkippedFile, 1);

      skipped->path = _figures_index_column_dup (stmt, 0);
      skipped->reason = _figures_index_column_dup (stmt, 1);
      skipped->when = sqlite3_column_int64 (stmt, 2);
      g_ptr_array_add (list, skipped);
    }
  if (rc != SQLITE_DONE)
    {
      _figures_index_sqlite_error (error, self->db, "Could not read the index");
      return NULL;
    }
  return g_steal_pointer (&list);
}
