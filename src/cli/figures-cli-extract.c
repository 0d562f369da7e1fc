/* figures-cli-extract.c: `figures extract [--format=tsv|json] FILE...`
 *
 * One row per statistic of every file. The output is a contract users'
 * scripts rely on: the columns, their order, the header line and the exit
 * statuses must not change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "figures-cli.h"
#include "figures-extractor.h"
#include "figures-gazetteer.h"
#include "figures-text.h"

static const char *const columns[] = {
  "file", "city", "place", "metric", "value", "approx", "unit", "start", "end", "label", "evidence",
};

typedef enum
{
  FORMAT_TSV,
  FORMAT_JSON,
} Format;

/* TSV has no quoting: tabs and line breaks inside a field become spaces. */
static void
append_tsv_field (GString *out, const char *s)
{
  for (const char *p = s != NULL ? s : ""; *p != '\0'; p++)
    g_string_append_c (out, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
}

static void
append_json_string (GString *out, const char *s)
{
  g_string_append_c (out, '"');
  for (const char *p = s != NULL ? s : ""; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
          case '"':
            g_string_append (out, "\\\"");
            break;
          case '\\':
            g_string_append (out, "\\\\");
            break;
          case '\n':
            g_string_append (out, "\\n");
            break;
          case '\r':
            g_string_append (out, "\\r");
            break;
          case '\t':
            g_string_append (out, "\\t");
            break;
          case '\b':
            g_string_append (out, "\\b");
            break;
          case '\f':
            g_string_append (out, "\\f");
            break;
          default:
            if (c < 0x20)
              g_string_append_printf (out, "\\u%04x", c);
            else
              g_string_append_c (out, (char) c);
            break;
        }
    }
  g_string_append_c (out, '"');
}

static void
append_row (
  GString *out, Format format, const char *file, const FiguresStatistic *stat, gboolean first)
{
  g_autofree char *value = figures_decimal_to_string (stat->value);
  const char *metric = figures_metric_to_key (stat->metric);

  if (format == FORMAT_TSV)
    {
      append_tsv_field (out, file);
      g_string_append_c (out, '\t');
      append_tsv_field (out, stat->city);
      g_string_append_c (out, '\t');
      append_tsv_field (out, stat->place);
      g_string_append_c (out, '\t');
      append_tsv_field (out, metric);
      g_string_append_printf (out, "\t%s\t%d\t", value, stat->approx ? 1 : 0);
      append_tsv_field (out, stat->unit);
      g_string_append_printf (out, "\t%u\t%u\t", stat->start, stat->end);
      append_tsv_field (out, stat->label);
      g_string_append_c (out, '\t');
      append_tsv_field (out, stat->evidence);
      g_string_append_c (out, '\n');
      return;
    }

  g_string_append (out, first ? "\n  {" : ",\n  {");
  g_string_append (out, "\"file\": ");
  append_json_string (out, file);
  g_string_append (out, ", \"city\": ");
  append_json_string (out, stat->city);
  g_string_append (out, ", \"place\": ");
  append_json_string (out, stat->place);
  g_string_append (out, ", \"metric\": ");
  append_json_string (out, metric);
  g_string_append_printf (out, ", \"value\": %s, \"approx\": %d, \"unit\": ", value,
                          stat->approx ? 1 : 0);
  append_json_string (out, stat->unit);
  g_string_append_printf (out, ", \"start\": %u, \"end\": %u, \"label\": ", stat->start, stat->end);
  append_json_string (out, stat->label);
  g_string_append (out, ", \"evidence\": ");
  append_json_string (out, stat->evidence);
  g_string_append_c (out, '}');
}

static void
flush (GString *out)
{
  fwrite (out->str, 1, out->len, stdout);
  g_string_truncate (out, 0);
}

int
_figures_cli_extract (int argc, char **argv)
{
  g_autofree char *format_name = NULL;
  g_auto (GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, "Output format: tsv (default) or json",
      "FORMAT" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  FiguresGazetteer *gazetteer;
  Format format = FORMAT_TSV;
  gboolean failed = FALSE;
  gboolean first = TRUE;

  context = g_option_context_new ("FILE… — print the statistics found in reports");
  g_option_context_set_summary (
    context, "One row per statistic: file, city, place, metric, value, approx,\n"
             "unit, start, end, label, evidence (tab separated, with a header).");
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_help_enabled (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("figures extract: %s\n", error->message);
      return FIGURES_EXIT_USAGE;
    }

  if (format_name == NULL || strcmp (format_name, "tsv") == 0)
    format = FORMAT_TSV;
  else if (strcmp (format_name, "json") == 0)
    format = FORMAT_JSON;
  else
    {
      g_printerr ("figures extract: unknown format “%s” (use tsv or json)\n", format_name);
      return FIGURES_EXIT_USAGE;
    }

  if (files == NULL || files[0] == NULL)
    {
      g_printerr ("figures extract: no files given\n"
                  "Usage: figures extract [--format=tsv|json] FILE…\n");
      return FIGURES_EXIT_USAGE;
    }

  gazetteer = figures_gazetteer_get_default ();

  if (format == FORMAT_TSV)
    {
      for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
        {
          if (i > 0)
            g_string_append_c (out, '\t');
          g_string_append (out, columns[i]);
        }
      g_string_append_c (out, '\n');
    }
  else
    g_string_append_c (out, '[');
  flush (out);

  for (guint f = 0; files[f] != NULL; f++)
    {
      g_autoptr (GError) file_error = NULL;
      g_autoptr (FiguresText) text = NULL;
      g_autoptr (FiguresExtraction) extraction = NULL;

      text = figures_text_new_from_file (files[f], FIGURES_TEXT_DEFAULT_MAX_SIZE, &file_error);
      if (text == NULL)
        {
          g_autofree char *display = g_filename_display_name (files[f]);

          fflush (stdout);
          g_printerr ("figures: %s: %s\n", display,
                      file_error != NULL ? file_error->message : "cannot be read");
          failed = TRUE;
          continue;
        }

      extraction = figures_extract (text, gazetteer);
      if (extraction == NULL)
        continue;
      for (guint i = 0; i < extraction->statistics->len; i++)
        {
          append_row (out, format, files[f], g_ptr_array_index (extraction->statistics, i), first);
          first = FALSE;
        }
      flush (out);
    }

  if (format == FORMAT_JSON)
    {
      g_string_append (out, first ? "]\n" : "\n]\n");
      flush (out);
    }
  fflush (stdout);

  return failed ? FIGURES_EXIT_FAILURE : FIGURES_EXIT_OK;
}
