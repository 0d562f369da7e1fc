/* figures-corrections.c: the analyst's corrections, kept apart from the index
 *
 * Schema (PRAGMA user_version = CORRECTIONS_VERSION):
 *   corrections (id, hash, file, start, action, field, old, new, made, undone)
 * Rows are only ever added or marked undone: the user's work is never
 * deleted. synchronous=FULL: a correction the user saw saved is on disk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-corrections"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "figures-corrections.h"
#include "figures-gazetteer.h"

#define CORRECTIONS_VERSION 1

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

// clang-format off
G_DEFINE_QUARK (figures-corrections-error-quark, figures_corrections_error)
// clang-format on

struct _FiguresCorrections
{
  sqlite3 *db;
  char *path;
};

static const char *const action_keys[] = {
  [FIGURES_CORRECTION_CONFIRM] = "confirm",
  [FIGURES_CORRECTION_REJECT] = "reject",
  [FIGURES_CORRECTION_SET] = "set",
};

static const char *const field_keys[] = {
  [FIGURES_CORRECTION_FIELD_NONE] = "",     [FIGURES_CORRECTION_FIELD_METRIC] = "metric",
  [FIGURES_CORRECTION_FIELD_CITY] = "city", [FIGURES_CORRECTION_FIELD_VALUE] = "value",
  [FIGURES_CORRECTION_FIELD_YEAR] = "year", [FIGURES_CORRECTION_FIELD_TITLE] = "title",
  [FIGURES_CORRECTION_FIELD_DATE] = "date", [FIGURES_CORRECTION_FIELD_REPORT_CITY] = "report-city",
};

/* The fields of a report, as SQL lists them (corrections.field) */
#define REPORT_FIELDS "('title', 'date', 'report-city')"

gboolean
figures_correction_field_is_report (FiguresCorrectionField field)
{
  return field == FIGURES_CORRECTION_FIELD_TITLE || field == FIGURES_CORRECTION_FIELD_DATE ||
         field == FIGURES_CORRECTION_FIELD_REPORT_CITY;
}

const char *const figures_corrections_columns[] = {
  "file", "start", "action", "field", "old", "new", "when", "hash", NULL,
};

G_STATIC_ASSERT (G_N_ELEMENTS (figures_corrections_columns) == FIGURES_CORRECTIONS_N_COLUMNS + 1);

const char *
figures_correction_action_to_key (FiguresCorrectionAction action)
{
  g_return_val_if_fail (action < G_N_ELEMENTS (action_keys), NULL);

  return action_keys[action];
}

gboolean
figures_correction_action_from_key (const char *key, FiguresCorrectionAction *action)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (action_keys); i++)
    if (strcmp (key, action_keys[i]) == 0)
      {
        *action = i;
        return TRUE;
      }
  return FALSE;
}

const char *
figures_correction_field_to_key (FiguresCorrectionField field)
{
  g_return_val_if_fail (field < G_N_ELEMENTS (field_keys), NULL);

  return field_keys[field];
}

gboolean
figures_correction_field_from_key (const char *key, FiguresCorrectionField *field)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (field_keys); i++)
    if (strcmp (key, field_keys[i]) == 0)
      {
        *field = i;
        return TRUE;
      }
  return FALSE;
}

char *
figures_correction_field_dup_value (FiguresCorrectionField field, const FiguresStatistic *statistic)
{
  switch (field)
    {
      case FIGURES_CORRECTION_FIELD_METRIC:
        return g_strdup (figures_metric_to_key (statistic->metric));
      case FIGURES_CORRECTION_FIELD_CITY:
        return g_strdup (statistic->city != NULL ? statistic->city : "");
      case FIGURES_CORRECTION_FIELD_VALUE:
        return figures_decimal_to_string (statistic->value);
      case FIGURES_CORRECTION_FIELD_YEAR:
        return statistic->year != 0 ? g_strdup_printf ("%d", statistic->year) : g_strdup ("");
      case FIGURES_CORRECTION_FIELD_TITLE:
      case FIGURES_CORRECTION_FIELD_DATE:
      case FIGURES_CORRECTION_FIELD_REPORT_CITY:
      case FIGURES_CORRECTION_FIELD_NONE:
      default:
        /* a report's: see figures_correction_apply_to_report() */
        return g_strdup ("");
    }
}

FiguresCorrection *
figures_correction_new (void)
{
  return g_new0 (FiguresCorrection, 1);
}

void
figures_correction_free (FiguresCorrection *self)
{
  if (self == NULL)
    return;
  g_free (self->hash);
  g_free (self->file);
  g_free (self->old_value);
  g_free (self->new_value);
  g_free (self->when);
  g_free (self);
}

static gboolean
set_sqlite_error (FiguresCorrections *self, GError **error)
{
  g_set_error (error, FIGURES_CORRECTIONS_ERROR, FIGURES_CORRECTIONS_ERROR_FAILED, "%s: %s",
               self->path, sqlite3_errmsg (self->db));
  return FALSE;
}

static sqlite3_stmt *
prepare (FiguresCorrections *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (self, error);
      return NULL;
    }
  return stmt;
}

static int
user_version (FiguresCorrections *self)
{
  g_autoptr (sqlite3_stmt) stmt = prepare (self, "PRAGMA user_version", NULL);

  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : -1;
}

FiguresCorrections *
figures_corrections_open (const char *path, GError **error)
{
  FiguresCorrections *self;
  g_autofree char *dir = NULL;
  int version;

  g_return_val_if_fail (path != NULL, NULL);

  dir = g_path_get_dirname (path);
  g_mkdir_with_parents (dir, 0755);

  self = g_new0 (FiguresCorrections, 1);
  self->path = g_strdup (path);
  if (sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
      SQLITE_OK)
    {
      set_sqlite_error (self, error);
      figures_corrections_close (self);
      return NULL;
    }
  sqlite3_busy_timeout (self->db, 5000);

  version = user_version (self);
  if (version > CORRECTIONS_VERSION)
    {
      g_set_error (error, FIGURES_CORRECTIONS_ERROR, FIGURES_CORRECTIONS_ERROR_NEWER,
                   "%s was written by a newer version of Figures (format %d); it is left as it "
                   "is",
                   path, version);
      figures_corrections_close (self);
      return NULL;
    }
  if (sqlite3_exec (self->db,
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                    "CREATE TABLE IF NOT EXISTS corrections ("
                    "  id INTEGER PRIMARY KEY,"
                    "  hash TEXT NOT NULL,"
                    "  file TEXT NOT NULL,"
                    "  start INTEGER NOT NULL,"
                    "  action TEXT NOT NULL,"
                    "  field TEXT NOT NULL,"
                    "  old TEXT NOT NULL,"
                    "  new TEXT NOT NULL,"
                    "  made TEXT NOT NULL,"
                    "  undone INTEGER NOT NULL DEFAULT 0);"
                    "CREATE INDEX IF NOT EXISTS corrections_figure ON corrections (hash, start);"
                    "PRAGMA user_version = 1;",
                    NULL, NULL, NULL) != SQLITE_OK)
    {
      set_sqlite_error (self, error);
      figures_corrections_close (self);
      return NULL;
    }

  return self;
}

void
figures_corrections_close (FiguresCorrections *self)
{
  if (self == NULL)
    return;
  sqlite3_close (self->db);
  g_free (self->path);
  g_free (self);
}

char *
figures_corrections_path_for_index (const char *index_path)
{
  g_autofree char *dir = g_path_get_dirname (index_path);

  return g_build_filename (dir, "corrections.db", NULL);
}

/* A SET's new value must be one the figure can take. */
/* yyyy, yyyy-mm or yyyy-mm-dd: a real day, in the years figures have */
static gboolean
is_date (const char *v)
{
  static const char *const shapes[] = { "dddd", "dddd-dd", "dddd-dd-dd" };
  gsize len = strlen (v);
  guint year, month = 1, day = 1;

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    if (len == strlen (shapes[i]))
      {
        for (gsize j = 0; j < len; j++)
          if (shapes[i][j] == 'd' ? !g_ascii_isdigit (v[j]) : v[j] != shapes[i][j])
            return FALSE;
        year = (guint) g_ascii_strtoull (v, NULL, 10);
        if (len >= 7)
          month = (guint) g_ascii_strtoull (v + 5, NULL, 10);
        if (len == 10)
          day = (guint) g_ascii_strtoull (v + 8, NULL, 10);
        return year >= 1900 && year <= 2199 && g_date_valid_dmy (day, month, year);
      }
  return FALSE;
}

static gboolean
check_value (const FiguresCorrection *c, GError **error)
{
  const char *v = c->new_value != NULL ? c->new_value : "";
  FiguresMetric metric;
  char *end = NULL;

  if (c->action != FIGURES_CORRECTION_SET)
    return TRUE;
  switch (c->field)
    {
      case FIGURES_CORRECTION_FIELD_METRIC:
        if (figures_metric_from_key (v, &metric))
          return TRUE;
        g_set_error (error, FIGURES_CORRECTIONS_ERROR, FIGURES_CORRECTIONS_ERROR_INVALID,
                     "unknown metric “%s” (use training_sessions, trainees, funding, "
                     "investment, projects or other)",
                     v);
        return FALSE;
      case FIGURES_CORRECTION_FIELD_VALUE:
        if (*v != '\0' && g_ascii_strtod (v, &end) >= 0 && end != NULL && *end == '\0')
          return TRUE;
        g_set_error (error, FIGURES_CORRECTIONS_ERROR, FIGURES_CORRECTIONS_ERROR_INVALID,
                     "“%s” is not a value (a plain decimal such as 4350000)", v);
        return FALSE;
      case FIGURES_CORRECTION_FIELD_YEAR:
        {
          gint64 year = g_ascii_strtoll (v, &end, 10);

          if (*v != '\0' && end != NULL && *end == '\0' && year >= 1900 && year <= 2199)
            return TRUE;
          g_set_error (error, FIGURES_CORRECTIONS_ERROR, FIGURES_CORRECTIONS_ERROR_INVALID,
                       "“%s” is not a year", v);
          return FALSE;
        }
      case FIGURES_CORRECTION_FIELD_TITLE:
        if (*v != '\0' && c->start == 0)
          return TRUE;
        g_set_error (error, FIGURES_CORRECTIONS_ERROR, FIGURES_CORRECTIONS_ERROR_INVALID,
                     "a report's title cannot be empty");
        return FALSE;
      case FIGURES_CORRECTION_FIELD_DATE:
        if (c->start == 0 && is_date (v))
          return TRUE;
        g_set_error (error, FIGURES_CORRECTIONS_ERROR, FIGURES_CORRECTIONS_ERROR_INVALID,
                     "“%s” is not a date (yyyy-mm-dd, yyyy-mm or yyyy)", v);
        return FALSE;
      case FIGURES_CORRECTION_FIELD_REPORT_CITY:
      case FIGURES_CORRECTION_FIELD_CITY:
        /* the same check for a correction made here and one imported */
        if (*v != '\0' && figures_gazetteer_lookup (figures_gazetteer_get_default (), v) != NULL)
          return TRUE;
        g_set_error (error, FIGURES_CORRECTIONS_ERROR, FIGURES_CORRECTIONS_ERROR_INVALID,
                     "unknown city “%s”: not a place the gazetteer knows (data/places.tsv)", v);
        return FALSE;
      case FIGURES_CORRECTION_FIELD_NONE:
      default:
        g_set_error (error, FIGURES_CORRECTIONS_ERROR, FIGURES_CORRECTIONS_ERROR_INVALID,
                     "a change needs a field: metric, city, value or year");
        return FALSE;
    }
}

static char *
now_iso8601 (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

gboolean
figures_corrections_add (FiguresCorrections *self, FiguresCorrection *c, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *when = NULL;

  g_return_val_if_fail (self != NULL && c != NULL, FALSE);

  if (c->hash == NULL || c->hash[0] == '\0')
    {
      g_set_error (error, FIGURES_CORRECTIONS_ERROR, FIGURES_CORRECTIONS_ERROR_INVALID,
                   "the report's hash is missing");
      return FALSE;
    }
  if (!check_value (c, error))
    return FALSE;

  when = c->when != NULL ? g_strdup (c->when) : now_iso8601 ();
  /* a county counts for its prefecture, as the extractor counts it */
  if (c->action == FIGURES_CORRECTION_SET && (c->field == FIGURES_CORRECTION_FIELD_CITY ||
                                              c->field == FIGURES_CORRECTION_FIELD_REPORT_CITY))
    {
      const FiguresPlace *place =
        figures_gazetteer_lookup (figures_gazetteer_get_default (), c->new_value);
      char *city = g_strdup (figures_place_get_city (place));

      g_free (c->new_value);
      c->new_value = city;
    }
  stmt = prepare (self,
                  "INSERT INTO corrections (hash, file, start, action, field, old, new, made) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, c->hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, c->file != NULL ? c->file : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, c->start);
  sqlite3_bind_text (stmt, 4, figures_correction_action_to_key (c->action), -1, SQLITE_STATIC);
  sqlite3_bind_text (
    stmt, 5, c->action == FIGURES_CORRECTION_SET ? figures_correction_field_to_key (c->field) : "",
    -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, c->old_value != NULL ? c->old_value : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, c->new_value != NULL ? c->new_value : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, when, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return set_sqlite_error (self, error);

  return TRUE;
}

/* Marks undone the latest correction in force of @hash at @start: of a
 * figure, or (@report) of the report itself. */
static gboolean
undo_latest (
  FiguresCorrections *self, const char *hash, guint start, gboolean report, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = prepare (self,
                  report ? "UPDATE corrections SET undone = 1 WHERE id = (SELECT max(id) FROM "
                           "corrections WHERE hash = ? AND start = ? AND undone = 0 AND field "
                           "IN " REPORT_FIELDS ")"
                         : "UPDATE corrections SET undone = 1 WHERE id = (SELECT max(id) FROM "
                           "corrections WHERE hash = ? AND start = ? AND undone = 0 AND field "
                           "NOT IN " REPORT_FIELDS ")",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, start);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return set_sqlite_error (self, error);

  return sqlite3_changes (self->db) > 0;
}

gboolean
figures_corrections_undo (FiguresCorrections *self, const char *hash, guint start, GError **error)
{
  g_return_val_if_fail (self != NULL && hash != NULL, FALSE);
  return undo_latest (self, hash, start, FALSE, error);
}

gboolean
figures_corrections_undo_report (FiguresCorrections *self, const char *hash, GError **error)
{
  g_return_val_if_fail (self != NULL && hash != NULL, FALSE);
  return undo_latest (self, hash, 0, TRUE, error);
}

static FiguresCorrection *
row_to_correction (sqlite3_stmt *stmt)
{
  FiguresCorrection *c = figures_correction_new ();

  c->hash = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  c->file = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  c->start = (guint) sqlite3_column_int64 (stmt, 2);
  figures_correction_action_from_key ((const char *) sqlite3_column_text (stmt, 3), &c->action);
  figures_correction_field_from_key ((const char *) sqlite3_column_text (stmt, 4), &c->field);
  c->old_value = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  c->new_value = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  c->when = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  return c;
}

#define SELECT_COLUMNS "SELECT hash, file, start, action, field, old, new, made FROM corrections "

/* The corrections @stmt selects (SELECT_COLUMNS), in its order */
static GPtrArray *
collect (FiguresCorrections *self, sqlite3_stmt *stmt, GError **error)
{
  g_autoptr (GPtrArray) list =
    g_ptr_array_new_with_free_func ((GDestroyNotify) figures_correction_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, row_to_correction (stmt));
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

GPtrArray *
figures_corrections_list (FiguresCorrections *self, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  stmt = prepare (self, SELECT_COLUMNS "WHERE undone = 0 ORDER BY id", error);
  return stmt != NULL ? collect (self, stmt, error) : NULL;
}

GPtrArray *
figures_corrections_list_report (FiguresCorrections *self, const char *hash, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (self != NULL && hash != NULL, NULL);

  stmt = prepare (self, SELECT_COLUMNS "WHERE hash = ? AND undone = 0 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_STATIC);
  return collect (self, stmt, error);
}

GStrv
figures_corrections_list_reports (FiguresCorrections *self, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  /* undone ones too: their figures go back to what was read */
  stmt = prepare (self, "SELECT DISTINCT hash FROM corrections ORDER BY hash", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error);
      return NULL;
    }

  return g_strv_builder_end (builder);
}

void
figures_correction_apply_to_report (const FiguresCorrection *self,
                                    char **title,
                                    char **date,
                                    char **city)
{
  char **target = NULL;

  g_return_if_fail (self != NULL);

  if (self->action != FIGURES_CORRECTION_SET)
    return;
  if (self->field == FIGURES_CORRECTION_FIELD_TITLE)
    target = title;
  else if (self->field == FIGURES_CORRECTION_FIELD_DATE)
    target = date;
  else if (self->field == FIGURES_CORRECTION_FIELD_REPORT_CITY)
    target = city;
  if (target == NULL)
    return;
  g_free (*target);
  *target = g_strdup (self->new_value);
}

void
figures_correction_apply (const FiguresCorrection *self,
                          FiguresStatistic *statistic,
                          gboolean *keep)
{
  FiguresMetric metric;
  FiguresNumber number;

  g_return_if_fail (self != NULL && statistic != NULL && keep != NULL);

  switch (self->action)
    {
      case FIGURES_CORRECTION_REJECT:
        *keep = FALSE;
        break;
      case FIGURES_CORRECTION_CONFIRM:
        *keep = TRUE;
        break;
      case FIGURES_CORRECTION_SET:
        switch (self->field)
          {
            case FIGURES_CORRECTION_FIELD_METRIC:
              if (figures_metric_from_key (self->new_value, &metric))
                statistic->metric = metric;
              break;
            case FIGURES_CORRECTION_FIELD_CITY:
              /* the place read lies in the old city: the new city is all
               * that is known of where it was */
              g_free (statistic->city);
              statistic->city = g_strdup (self->new_value);
              g_free (statistic->place);
              statistic->place = g_strdup (self->new_value);
              break;
            case FIGURES_CORRECTION_FIELD_VALUE:
              if (figures_number_parse (self->new_value, &number))
                {
                  statistic->value = number.value;
                  statistic->approx = FALSE;
                }
              break;
            case FIGURES_CORRECTION_FIELD_YEAR:
              statistic->year = (int) g_ascii_strtoll (self->new_value, NULL, 10);
              break;
            case FIGURES_CORRECTION_FIELD_NONE:
            default:
              break;
          }
        break;
      default:
        break;
    }
}

gboolean
figures_corrections_apply (FiguresCorrections *self,
                           const char *hash,
                           FiguresStatistic *statistic,
                           gboolean *corrected)
{
  g_autoptr (GPtrArray) list = NULL;
  gboolean keep = TRUE;

  g_return_val_if_fail (self != NULL && statistic != NULL, TRUE);

  if (corrected != NULL)
    *corrected = FALSE;
  if (hash == NULL || (list = figures_corrections_list_report (self, hash, NULL)) == NULL)
    return TRUE;

  /* later corrections win: a confirm after a reject brings the figure back */
  for (guint i = 0; i < list->len; i++)
    {
      const FiguresCorrection *c = g_ptr_array_index (list, i);

      if (c->start != statistic->start)
        continue;
      if (corrected != NULL)
        *corrected = TRUE;
      figures_correction_apply (c, statistic, &keep);
    }

  return keep;
}

static void
put_field (GString *line, const char *value)
{
  for (const char *p = value != NULL ? value : ""; *p; p++)
    g_string_append_c (line, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
}

gboolean
figures_corrections_export (FiguresCorrections *self, GOutputStream *out, GError **error)
{
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GString) text = g_string_new (NULL);

  g_return_val_if_fail (self != NULL && G_IS_OUTPUT_STREAM (out), FALSE);

  list = figures_corrections_list (self, error);
  if (list == NULL)
    return FALSE;
  for (guint k = 0; k < FIGURES_CORRECTIONS_N_COLUMNS; k++)
    g_string_append_printf (text, "%s%s", k > 0 ? "\t" : "", figures_corrections_columns[k]);
  g_string_append_c (text, '\n');
  for (guint i = 0; i < list->len; i++)
    {
      const FiguresCorrection *c = g_ptr_array_index (list, i);

      put_field (text, c->file);
      g_string_append_printf (text, "\t%u\t%s\t%s\t", c->start,
                              figures_correction_action_to_key (c->action),
                              figures_correction_field_to_key (c->field));
      put_field (text, c->old_value);
      g_string_append_c (text, '\t');
      put_field (text, c->new_value);
      g_string_append_c (text, '\t');
      put_field (text, c->when);
      g_string_append_c (text, '\t');
      put_field (text, c->hash);
      g_string_append_c (text, '\n');
    }

  return g_output_stream_write_all (out, text->str, text->len, NULL, NULL, error);
}

static gboolean
has_correction (FiguresCorrections *self, const FiguresCorrection *c)
{
  g_autoptr (sqlite3_stmt) stmt =
    prepare (self,
             "SELECT 1 FROM corrections WHERE hash = ? AND start = ? AND action = ? AND field = ? "
             "AND new = ? AND made = ?",
             NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, c->hash, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, c->start);
  sqlite3_bind_text (stmt, 3, figures_correction_action_to_key (c->action), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, figures_correction_field_to_key (c->field), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, c->new_value != NULL ? c->new_value : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, c->when, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

gint
figures_corrections_import (FiguresCorrections *self, const char *path, GError **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *display = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  gsize length = 0;

  g_return_val_if_fail (self != NULL && path != NULL, -1);

  display = g_filename_display_name (path);
  if (!g_file_get_contents (path, &contents, &length, error))
    return -1;
  if (!g_utf8_validate (contents, length, NULL))
    {
      g_set_error (error, FIGURES_CORRECTIONS_ERROR, FIGURES_CORRECTIONS_ERROR_INVALID,
                   "%s: not UTF-8 text", display);
      return -1;
    }

  lines = g_strsplit (contents, "\n", -1);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) figures_correction_free);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) cols = NULL;
      g_autoptr (FiguresCorrection) c = NULL;
      g_autoptr (GError) local_error = NULL;
      char *end = NULL;
      char *line = lines[i];
      gsize len = strlen (line);

      if (len > 0 && line[len - 1] == '\r')
        line[len - 1] = '\0';
      if (line[0] == '\0')
        continue;
      cols = g_strsplit (line, "\t", -1);
      if (i == 0)
        {
          if (g_strv_length (cols) < FIGURES_CORRECTIONS_N_COLUMNS || strcmp (cols[0], "file") != 0)
            {
              g_set_error (error, FIGURES_CORRECTIONS_ERROR, FIGURES_CORRECTIONS_ERROR_INVALID,
                           "%s: the first line is not the header “file start action field old "
                           "new when hash”",
                           display);
              return -1;
            }
          continue;
        }
      c = figures_correction_new ();
      if (g_strv_length (cols) < FIGURES_CORRECTIONS_N_COLUMNS ||
          !figures_correction_action_from_key (cols[2], &c->action) ||
          !figures_correction_field_from_key (cols[3], &c->field))
        {
          g_set_error (error, FIGURES_CORRECTIONS_ERROR, FIGURES_CORRECTIONS_ERROR_INVALID,
                       "%s:%u: not a correction (8 columns, an action confirm, reject or set)",
                       display, i + 1);
          return -1;
        }
      c->file = g_strdup (cols[0]);
      c->start = (guint) g_ascii_strtoull (cols[1], &end, 10);
      c->old_value = g_strdup (cols[4]);
      c->new_value = g_strdup (cols[5]);
      c->when = cols[6][0] != '\0' ? g_strdup (cols[6]) : NULL;
      c->hash = g_strdup (cols[7]);
      if (end == cols[1] || *end != '\0' || c->hash[0] == '\0' || !check_value (c, &local_error))
        {
          g_set_error (error, FIGURES_CORRECTIONS_ERROR, FIGURES_CORRECTIONS_ERROR_INVALID,
                       "%s:%u: %s", display, i + 1,
                       local_error != NULL ? local_error->message
                                           : "a start position and the report's hash are needed");
          return -1;
        }
      g_ptr_array_add (rows, g_steal_pointer (&c));
    }

  /* all or nothing */
  if (sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    {
      set_sqlite_error (self, error);
      return -1;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      FiguresCorrection *c = g_ptr_array_index (rows, i);

      /* a correction already here (the same file imported twice) is not
       * added again */
      if (c->when != NULL && has_correction (self, c))
        {
          g_ptr_array_remove_index (rows, i--);
          continue;
        }
      if (!figures_corrections_add (self, c, error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return -1;
        }
    }
  if (sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      set_sqlite_error (self, error);
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return -1;
    }

  return (gint) rows->len;
}
