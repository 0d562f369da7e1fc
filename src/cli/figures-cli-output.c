/* figures-cli-output.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-cli"

#include "config.h"

#include <string.h>

#include "figures-cli-output.h"
#include "figures-statistic-table.h"

struct _FiguresCliTable
{
  FILE *out;
  FiguresCliFormat format;
  GStrv columns;
  gboolean *numeric;
  guint n_columns;
  guint n_rows;
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

/* Every format is UTF-8: stray bytes (a file name in another encoding)
 * become U+FFFD rather than make the output unreadable. NULL when @text is
 * valid already. */
static char *
dup_valid (const char *text)
{
  return g_utf8_validate (text, -1, NULL) ? NULL : g_utf8_make_valid (text, -1);
}

static void
put_json_string (FILE *out, const char *text)
{
  g_autofree char *valid = dup_valid (text);
  const char *value = valid != NULL ? valid : text;

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
  if (table->format == FIGURES_CLI_FORMAT_CSV)
    {
      /* the one CSV writer, the window's too */
      g_autoptr (GString) line = g_string_new (NULL);

      figures_csv_append_row (line, values, table->n_columns);
      fputs (line->str, table->out);
      return;
    }
  for (guint i = 0; i < table->n_columns; i++)
    {
      g_autofree char *valid = values[i] != NULL ? dup_valid (values[i]) : NULL;

      if (i > 0)
        fputc ('\t', table->out);
      put_tsv (table->out, valid != NULL ? valid : values[i]);
    }
  fputc ('\n', table->out);
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
      /* an unknown number (a year neither said nor dated) is null */
      if (values[i] == NULL || (table->numeric[i] && *values[i] == '\0'))
        fputs ("null", table->out);
      else if (table->numeric[i])
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

  return figures_display_path (path, cwd);
}
