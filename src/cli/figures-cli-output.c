/* figures-cli-output.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-cli"

#include "config.h"

#include <string.h>

#include "figures-cli-output.h"

struct _FiguresCliTable
{
  FILE *out;
  FiguresCliFormat format;
  GStrv columns;
  gboolean *numeric;
  guint n_columns;
  guint n_rows;
};

const char *const figures_cli_statistic_columns[] = {
  "file", "city",  "place", "metric", "value",    "approx",
  "unit", "start", "end",   "label",  "evidence", NULL,
};

const gboolean figures_cli_statistic_numeric[] = {
  FALSE, FALSE, FALSE, FALSE, TRUE, TRUE, FALSE, TRUE, TRUE, FALSE, FALSE, TRUE,
};

const char *const figures_cli_statistic_json_columns[] = {
  "file",  "city", "place", "metric",   "value", "approx", "unit",
  "start", "end",  "label", "evidence", "page",  NULL,
};

gboolean
figures_cli_format_from_string (const char *name, FiguresCliFormat *format)
{
  if (g_strcmp0 (name, "tsv") == 0)
    *format = FIGURES_CLI_FORMAT_TSV;
  else if (g_strcmp0 (name, "csv") == 0)
    *format = FIGURES_CLI_FORMAT_CSV;
  else if (g_strcmp0 (name, "json") == 0)
    *format = FIGURES_CLI_FORMAT_JSON;
  else
    return FALSE;
  return TRUE;
}

static void
put_tsv (FILE *out, const char *value)
{
  for (const char *p = value; p != NULL && *p; p++)
    fputc (*p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p, out);
}

static void
put_csv (FILE *out, const char *value)
{
  if (value == NULL)
    return;
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      fputs (value, out);
      return;
    }
  fputc ('"', out);
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        fputc ('"', out);
      fputc (*p, out);
    }
  fputc ('"', out);
}

static void
put_json_string (FILE *out, const char *value)
{
  fputc ('"', out);
  for (const guchar *p = (const guchar *) value; *p; p++)
    {
      switch (*p)
        {
          case '"':
            fputs ("\\\"", out);
            break;
          case '\\':
            fputs ("\\\\", out);
            break;
          case '\n':
            fputs ("\\n", out);
            break;
          case '\r':
            fputs ("\\r", out);
            break;
          case '\t':
            fputs ("\\t", out);
            break;
          default:
            if (*p < 0x20)
              fprintf (out, "\\u%04x", *p);
            else
              fputc (*p, out);
        }
    }
  fputc ('"', out);
}

static void
put_row (FiguresCliTable *table, const char *const *values)
{
  for (guint i = 0; i < table->n_columns; i++)
    {
      if (table->format == FIGURES_CLI_FORMAT_TSV)
        {
          if (i > 0)
            fputc ('\t', table->out);
          put_tsv (table->out, values[i]);
        }
      else
        {
          if (i > 0)
            fputc (',', table->out);
          put_csv (table->out, values[i]);
        }
    }
  fputs (table->format == FIGURES_CLI_FORMAT_CSV ? "\r\n" : "\n", table->out);
}

FiguresCliTable *
figures_cli_table_new (FILE *out,
                       FiguresCliFormat format,
                       const char *const *columns,
                       const gboolean *numeric)
{
  FiguresCliTable *table = g_new0 (FiguresCliTable, 1);

  table->out = out;
  table->format = format;
  table->columns = g_strdupv ((char **) columns);
  table->n_columns = g_strv_length (table->columns);
  table->numeric = g_new0 (gboolean, table->n_columns);
  if (numeric != NULL)
    memcpy (table->numeric, numeric, sizeof (gboolean) * table->n_columns);

  switch (format)
    {
      case FIGURES_CLI_FORMAT_CSV:
        fputs ("\xEF\xBB\xBF", out); /* BOM: spreadsheets then read UTF-8 */
        put_row (table, columns);
        break;
      case FIGURES_CLI_FORMAT_TSV:
        put_row (table, columns);
        break;
      case FIGURES_CLI_FORMAT_JSON:
      default:
        fputs ("[", out);
        break;
    }
  return table;
}

void
figures_cli_table_add_row (FiguresCliTable *table, const char *const *values)
{
  g_return_if_fail (table != NULL);

  if (table->format != FIGURES_CLI_FORMAT_JSON)
    {
      put_row (table, values);
      return;
    }

  fputs (table->n_rows > 0 ? ",\n  {" : "\n  {", table->out);
  for (guint i = 0; i < table->n_columns; i++)
    {
      if (i > 0)
        fputs (", ", table->out);
      put_json_string (table->out, table->columns[i]);
      fputs (": ", table->out);
      if (values[i] == NULL)
        fputs ("null", table->out);
      else if (table->numeric[i] && *values[i] != '\0')
        fputs (values[i], table->out);
      else
        put_json_string (table->out, values[i]);
    }
  fputs ("}", table->out);
  table->n_rows++;
}

void
figures_cli_table_finish (FiguresCliTable *table)
{
  if (table == NULL)
    return;
  if (table->format == FIGURES_CLI_FORMAT_JSON)
    fputs (table->n_rows > 0 ? "\n]\n" : "]\n", table->out);
  fflush (table->out);
  g_strfreev (table->columns);
  g_free (table->numeric);
  g_free (table);
}

GStrv
figures_cli_statistic_fields (const char *file, const FiguresStatistic *s)
{
  GStrv fields = g_new0 (char *, FIGURES_CLI_N_STATISTIC_COLUMNS + 1);

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
  return fields;
}

char *
figures_cli_format_double (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buf, sizeof buf, "%.15g", value);
  return g_strdup (buf);
}

char *
figures_cli_display_path (const char *path)
{
  g_autofree char *cwd = g_get_current_dir ();
  gsize n = strlen (cwd);

  if (path == NULL)
    return g_strdup ("");
  if (n > 1 && strncmp (path, cwd, n) == 0 && path[n] == G_DIR_SEPARATOR && path[n + 1] != '\0')
    return g_strdup (path + n + 1);
  return g_strdup (path);
}
