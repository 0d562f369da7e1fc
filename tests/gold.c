/* gold.c: gold statistics (TSV) and the extractor's output, for scoring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-test-gold"

#include "config.h"

#include <string.h>

#include "figures-fold.h"
#include "figures-gazetteer.h"
#include "gold.h"

void
gold_row_free (GoldRow *row)
{
  if (row == NULL)
    return;

  g_free (row->file);
  g_free (row->city);
  g_free (row->place);
  g_free (row->metric_key);
  g_free (row->value);
  g_free (row->unit);
  g_free (row->evidence);
  g_free (row);
}

gboolean
gold_decimal_parse (const char *s, FiguresDecimal *out)
{
  gint64 mantissa = 0;
  guint scale = 0;
  gboolean point = FALSE;
  gboolean digits = FALSE;

  g_return_val_if_fail (s != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  for (const char *p = s; *p != '\0'; p++)
    {
      if (*p == '.' && !point)
        {
          point = TRUE;
          continue;
        }
      if (!g_ascii_isdigit (*p))
        return FALSE;
      if (mantissa > (G_MAXINT64 - 9) / 10)
        return FALSE;
      mantissa = mantissa * 10 + (*p - '0');
      digits = TRUE;
      if (point)
        scale++;
    }

  if (!digits)
    return FALSE;

  out->mantissa = mantissa;
  out->scale = scale;
  return TRUE;
}

static FiguresDecimal
decimal_reduce (FiguresDecimal d)
{
  while (d.scale > 0 && d.mantissa % 10 == 0)
    {
      d.mantissa /= 10;
      d.scale--;
    }
  return d;
}

gboolean
gold_decimal_equal (FiguresDecimal a, FiguresDecimal b)
{
  a = decimal_reduce (a);
  b = decimal_reduce (b);
  return a.mantissa == b.mantissa && a.scale == b.scale;
}

char *
gold_decimal_to_string (FiguresDecimal value)
{
  GString *s = g_string_new (NULL);
  gint64 m;
  g_autofree char *digits = NULL;
  gsize len;

  value = decimal_reduce (value);
  m = value.mantissa;
  if (m < 0)
    {
      g_string_append_c (s, '-');
      m = -m;
    }
  digits = g_strdup_printf ("%" G_GINT64_FORMAT, m);
  len = strlen (digits);
  if (value.scale == 0)
    g_string_append (s, digits);
  else if (len > value.scale)
    {
      g_string_append_len (s, digits, len - value.scale);
      g_string_append_c (s, '.');
      g_string_append (s, digits + len - value.scale);
    }
  else
    {
      g_string_append (s, "0.");
      for (gsize i = len; i < value.scale; i++)
        g_string_append_c (s, '0');
      g_string_append (s, digits);
    }

  return g_string_free (s, FALSE);
}

/* "-" and missing columns read as "". */
static char *
column_dup (char **cols, guint n_cols, int index)
{
  if (index < 0 || (guint) index >= n_cols || strcmp (cols[index], "-") == 0)
    return g_strdup ("");
  return g_strdup (cols[index]);
}

GPtrArray *
gold_load (const char *path, GError **error)
{
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  int col_file = -1, col_city = -1, col_place = -1, col_metric = -1;
  int col_value = -1, col_approx = -1, col_unit = -1, col_evidence = -1;
  gboolean have_header = FALSE;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) gold_row_free);
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) cols = NULL;
      guint n_cols;
      GoldRow *row;
      char *line = lines[i];
      gsize len = strlen (line);

      if (len > 0 && line[len - 1] == '\r')
        line[len - 1] = '\0';
      if (line[0] == '#' || line[strspn (line, " \t")] == '\0')
        continue;

      cols = g_strsplit (line, "\t", -1);
      n_cols = g_strv_length (cols);

      if (!have_header)
        {
          for (guint c = 0; c < n_cols; c++)
            {
              const char *name = cols[c];

              if (strcmp (name, "file") == 0 || strcmp (name, "doc") == 0)
                col_file = c;
              else if (strcmp (name, "city") == 0)
                col_city = c;
              else if (strcmp (name, "place") == 0)
                col_place = c;
              else if (strcmp (name, "metric") == 0)
                col_metric = c;
              else if (strcmp (name, "value") == 0)
                col_value = c;
              else if (strcmp (name, "approx") == 0)
                col_approx = c;
              else if (strcmp (name, "unit") == 0)
                col_unit = c;
              else if (strcmp (name, "evidence") == 0)
                col_evidence = c;
            }
          if (col_file < 0 || col_city < 0 || col_metric < 0 || col_value < 0 || col_approx < 0 ||
              col_evidence < 0)
            {
              g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                           "%s:%u: header must name file (or doc), city, metric, value, approx "
                           "and evidence",
                           path, i + 1);
              return NULL;
            }
          have_header = TRUE;
          continue;
        }

      if (n_cols <= (guint) MAX (MAX (col_file, col_city), MAX (col_metric, col_evidence)) ||
          n_cols <= (guint) MAX (col_value, col_approx))
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s:%u: %u columns, too few", path,
                       i + 1, n_cols);
          return NULL;
        }

      row = g_new0 (GoldRow, 1);
      g_ptr_array_add (rows, row);
      row->line = i + 1;
      row->file = column_dup (cols, n_cols, col_file);
      row->city = column_dup (cols, n_cols, col_city);
      row->place = column_dup (cols, n_cols, col_place);
      row->metric_key = column_dup (cols, n_cols, col_metric);
      row->value = column_dup (cols, n_cols, col_value);
      row->unit = column_dup (cols, n_cols, col_unit);
      row->evidence = column_dup (cols, n_cols, col_evidence);

      if (row->file[0] == '\0' || row->value[0] == '\0' || row->evidence[0] == '\0')
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                       "%s:%u: file, value and evidence must not be empty", path, row->line);
          return NULL;
        }

      if (strcmp (row->metric_key, "none") == 0)
        {
          row->kind = GOLD_KIND_NONE;
          continue;
        }

      if (!figures_metric_from_key (row->metric_key, &row->metric))
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s:%u: unknown metric “%s”", path,
                       row->line, row->metric_key);
          return NULL;
        }
      row->kind = row->metric == FIGURES_METRIC_OTHER ? GOLD_KIND_OTHER : GOLD_KIND_CORE;

      if (!gold_decimal_parse (row->value, &row->number))
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                       "%s:%u: value “%s” is not a plain decimal", path, row->line, row->value);
          return NULL;
        }

      if (strcmp (cols[col_approx], "0") != 0 && strcmp (cols[col_approx], "1") != 0)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s:%u: approx must be 0 or 1",
                       path, row->line);
          return NULL;
        }
      row->approx = cols[col_approx][0] == '1';
    }

  if (!have_header)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s: no header line", path);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

static gunichar *
normalise_chars (const char *utf8, glong *n)
{
  g_autofree char *nfkc = g_utf8_normalize (utf8, -1, G_NORMALIZE_NFKC);
  gunichar *chars;

  if (nfkc == NULL)
    {
      *n = 0;
      return g_new0 (gunichar, 1);
    }

  chars = g_utf8_to_ucs4_fast (nfkc, -1, n);
  for (glong i = 0; i < *n; i++)
    chars[i] = figures_fold_char (chars[i]);

  return chars;
}

char *
gold_normalise (const char *utf8)
{
  g_autofree gunichar *chars = NULL;
  glong n;
  char *s;

  if (utf8 == NULL)
    return g_strdup ("");

  chars = normalise_chars (utf8, &n);
  s = g_ucs4_to_utf8 (chars, n, NULL, NULL, NULL);
  return s != NULL ? s : g_strdup ("");
}

GoldDoc *
gold_doc_load (const char *path, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (FiguresReport) report = NULL;
  GoldDoc *doc;

  /* the same step as the index and `figures extract`: any format */
  report = figures_report_new_from_file (path, FIGURES_TEXT_DEFAULT_MAX_SIZE,
                                         FIGURES_REPORT_FLAGS_NONE, NULL, &local_error);
  if (report == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   "%s: figures_report_new_from_file failed: %s", path,
                   local_error != NULL ? local_error->message : "(no error set)");
      return NULL;
    }
  if (report->text->chars == NULL || report->text->folded == NULL || report->text->display == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   "%s: the report has a text without characters", path);
      return NULL;
    }

  doc = g_new0 (GoldDoc, 1);
  doc->text = report->text;
  doc->extraction = g_new0 (FiguresExtraction, 1);
  doc->extraction->city = g_strdup (report->city);
  doc->extraction->statistics = g_ptr_array_ref (report->statistics);
  doc->report = g_steal_pointer (&report);
  return doc;
}

void
gold_doc_free (GoldDoc *doc)
{
  if (doc == NULL)
    return;

  g_clear_pointer (&doc->extraction, figures_extraction_free);
  g_clear_pointer (&doc->report, figures_report_free); /* owns doc->text */
  g_free (doc);
}

GArray *
gold_doc_find (GoldDoc *doc, const char *evidence)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree gunichar *needle = NULL;
  const gunichar *hay = doc->text->folded;
  gsize n = doc->text->n_chars;
  glong m;

  needle = normalise_chars (evidence, &m);
  if (m == 0 || (gsize) m > n)
    return ranges;

  for (gsize i = 0; i + m <= n; i++)
    {
      if (hay[i] == needle[0] && memcmp (hay + i, needle, m * sizeof (gunichar)) == 0)
        {
          guint pair[2] = { i, i + m };

          g_array_append_vals (ranges, pair, 2);
        }
    }

  return ranges;
}

char *
gold_doc_dup_range (GoldDoc *doc, guint start, guint end)
{
  char *s;

  if (start > end || end > doc->text->n_chars)
    return g_strdup ("");

  s = g_ucs4_to_utf8 (doc->text->chars + start, end - start, NULL, NULL, NULL);
  return s != NULL ? s : g_strdup ("");
}

char *
gold_statistic_describe (const FiguresStatistic *stat)
{
  g_autofree char *value = gold_decimal_to_string (stat->value);
  const char *key =
    stat->metric < FIGURES_N_METRICS ? figures_metric_to_key (stat->metric) : "(invalid metric)";

  return g_strdup_printf ("%s %s approx=%d city=%s place=%s unit=%s [%u,%u) label=%s «%s»", key,
                          value, stat->approx ? 1 : 0, stat->city ? stat->city : "(null)",
                          stat->place ? stat->place : "(null)", stat->unit ? stat->unit : "(null)",
                          stat->start, stat->end, stat->label ? stat->label : "(null)",
                          stat->evidence ? stat->evidence : "(null)");
}

char *
gold_row_describe (const GoldRow *row)
{
  if (row->kind == GOLD_KIND_NONE)
    return g_strdup_printf ("line %u: none “%s” in «%s»", row->line, row->value, row->evidence);

  return g_strdup_printf ("line %u: %s %s approx=%d city=%s place=%s unit=%s «%s»", row->line,
                          row->metric_key, row->value, row->approx ? 1 : 0, row->city, row->place,
                          row->unit, row->evidence);
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

GPtrArray *
gold_list_files (const char *dir, const char *suffix, GError **error)
{
  g_autoptr (GDir) d = NULL;
  g_autoptr (GPtrArray) names = NULL;
  const char *name;

  d = g_dir_open (dir, 0, error);
  if (d == NULL)
    return NULL;

  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      gboolean wanted =
        suffix != NULL ? g_str_has_suffix (name, suffix)
                       : figures_report_format_from_name (name) > FIGURES_REPORT_FORMAT_UNSUPPORTED;

      if (wanted && g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_strings);

  return g_steal_pointer (&names);
}
