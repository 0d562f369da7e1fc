/* figures-statistic-table.c: one schema for statistics, one CSV writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-statistic-table"

#include "config.h"

#include <string.h>

#include "figures-index.h"
#include "figures-statistic-table.h"

const char *const figures_statistic_columns[] = {
  "file",  "city", "place", "metric",   "value", "approx", "unit",
  "start", "end",  "label", "evidence", "year",  NULL,
};

const gboolean figures_statistic_numeric[] = {
  FALSE, FALSE, FALSE, FALSE, TRUE, TRUE, FALSE, TRUE, TRUE, FALSE, FALSE, TRUE,
};

G_STATIC_ASSERT (G_N_ELEMENTS (figures_statistic_columns) == FIGURES_N_STATISTIC_COLUMNS + 1);

GStrv
figures_statistic_fields (const char *file, const FiguresStatistic *s)
{
  GStrv fields = g_new0 (char *, FIGURES_N_STATISTIC_COLUMNS + 1);

  g_return_val_if_fail (s != NULL, fields);

  fields[0] = g_strdup (file != NULL ? file : "");
  fields[1] = g_strdup (s->city != NULL ? s->city : "");
  fields[2] = g_strdup (s->place != NULL ? s->place : "");
  fields[3] = g_strdup (figures_metric_to_key (s->metric));
  fields[4] = figures_decimal_to_string (s->value);
  fields[5] = g_strdup (s->approx ? "1" : "0");
  fields[6] = g_strdup (s->unit != NULL ? s->unit : "");
  fields[7] = g_strdup_printf ("%u", s->start);
  fields[8] = g_strdup_printf ("%u", s->end);
  fields[9] = g_strdup (s->label != NULL ? s->label : "");
  fields[10] = g_strdup (s->evidence != NULL ? s->evidence : "");
  /* empty when neither the sentence nor the report's date gives one */
  fields[11] = s->year != 0 ? g_strdup_printf ("%d", s->year) : g_strdup ("");
  return fields;
}

const char *const figures_statistic_explained_columns[] = {
  "file", "city",  "place",    "metric", "value",      "approx",   "unit", "start",
  "end",  "label", "evidence", "year",   "why_metric", "why_city", NULL,
};

const gboolean figures_statistic_explained_numeric[] = {
  FALSE, FALSE, FALSE, FALSE, TRUE, TRUE, FALSE, TRUE, TRUE, FALSE, FALSE, TRUE, FALSE, FALSE,
};

G_STATIC_ASSERT (G_N_ELEMENTS (figures_statistic_explained_columns) ==
                 FIGURES_N_STATISTIC_COLUMNS + 3);

GStrv
figures_statistic_explained_fields (const char *file, const FiguresStatistic *s)
{
  GStrv fields = figures_statistic_fields (file, s);

  fields = g_renew (char *, fields, FIGURES_N_STATISTIC_COLUMNS + 3);
  fields[FIGURES_N_STATISTIC_COLUMNS] = g_strdup (s->why_metric != NULL ? s->why_metric : "");
  fields[FIGURES_N_STATISTIC_COLUMNS + 1] = g_strdup (s->why_city != NULL ? s->why_city : "");
  fields[FIGURES_N_STATISTIC_COLUMNS + 2] = NULL;
  return fields;
}

char *
figures_display_path (const char *path, const char *relative_to)
{
  gsize n = relative_to != NULL ? strlen (relative_to) : 0;

  if (path == NULL)
    return g_strdup ("");
  if (n > 1 && strncmp (path, relative_to, n) == 0 && path[n] == G_DIR_SEPARATOR &&
      path[n + 1] != '\0')
    return g_filename_display_name (path + n + 1);
  return g_filename_display_name (path);
}

static void
append_field (GString *out, const char *text)
{
  g_autofree char *valid = NULL;

  if (text == NULL)
    return;
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
figures_csv_append_row (GString *out, const char *const *fields, guint n_fields)
{
  g_return_if_fail (out != NULL);

  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_field (out, fields[i]);
    }
  g_string_append (out, "\r\n");
}

GBytes *
figures_statistics_to_csv (GPtrArray *rows, const char *relative_to)
{
  /* the byte-order mark: spreadsheets then read the Chinese as UTF-8 */
  GString *csv = g_string_new ("\xEF\xBB\xBF");

  g_return_val_if_fail (rows != NULL, g_string_free_to_bytes (csv));

  figures_csv_append_row (csv, figures_statistic_columns, FIGURES_N_STATISTIC_COLUMNS);
  for (guint i = 0; i < rows->len; i++)
    {
      FiguresStatisticRow *row = g_ptr_array_index (rows, i);
      g_autofree char *file = figures_display_path (row->path, relative_to);
      g_auto (GStrv) fields = figures_statistic_fields (file, row->statistic);

      figures_csv_append_row (csv, (const char *const *) fields, FIGURES_N_STATISTIC_COLUMNS);
    }
  return g_string_free_to_bytes (csv);
}
