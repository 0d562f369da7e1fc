/* figures-cli-extract.c: `figures extract [--format=tsv|json] [--explain] FILE...`
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

#include "figures-cli-output.h"
#include "figures-cli.h"
#include "figures-extractor.h"
#include "figures-gazetteer.h"
#include "figures-file.h"
#include "figures-metadata.h"
#include "figures-text.h"

int
_figures_cli_extract (int argc, char **argv)
{
  g_autofree char *format_name = NULL;
  g_auto (GStrv) files = NULL;
  gboolean explain = FALSE;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, "Output format: tsv (default) or json",
      "FORMAT" },
    { "explain", 'e', 0, G_OPTION_ARG_NONE, &explain,
      "Say why each figure has its metric and its city (columns why_metric and why_city after "
      "the others)",
      NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  FiguresCliTable *table;
  FiguresGazetteer *gazetteer;
  FiguresCliFormat format = FIGURES_CLI_FORMAT_TSV;
  gboolean failed = FALSE;

  context = g_option_context_new ("FILE… — print the statistics found in reports");
  g_option_context_set_summary (
    context, "One row per statistic: file, city, place, metric, value, approx,\n"
             "unit, start, end, label, evidence, year (tab separated, with a header);\n"
             "with --explain also why_metric and why_city.");
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_help_enabled (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("figures extract: %s\n", error->message);
      return FIGURES_EXIT_USAGE;
    }

  /* extract offers tsv and json only: CSV is for the index's stats. */
  if (format_name != NULL &&
      (!figures_cli_format_from_string (format_name, &format) || format == FIGURES_CLI_FORMAT_CSV))
    {
      g_printerr ("figures extract: unknown format “%s” (use tsv or json)\n", format_name);
      return FIGURES_EXIT_USAGE;
    }

  if (files == NULL || files[0] == NULL)
    {
      g_printerr ("figures extract: no files given\n"
                  "Usage: figures extract [--format=tsv|json] [--explain] FILE…\n");
      return FIGURES_EXIT_USAGE;
    }

  gazetteer = figures_gazetteer_get_default ();

  table = figures_cli_table_new (
    stdout, format, explain ? figures_statistic_explained_columns : figures_statistic_columns,
    explain ? figures_statistic_explained_numeric : figures_statistic_numeric);
  fflush (stdout);

  for (guint f = 0; files[f] != NULL; f++)
    {
      g_autoptr (GError) file_error = NULL;
      g_autoptr (FiguresText) text = NULL;
      g_autoptr (FiguresExtraction) extraction = NULL;

      g_autoptr (GBytes) bytes = NULL;
      /* as the desktop shows it: a name that is not UTF-8 must not break JSON */
      g_autofree char *file = g_filename_display_name (files[f]);

      /* the same bounded read of regular files only as the index */
      bytes = figures_file_read (files[f], FIGURES_TEXT_DEFAULT_MAX_SIZE, &file_error);
      if (bytes != NULL)
        text = figures_text_new_from_bytes (g_bytes_get_data (bytes, NULL),
                                            g_bytes_get_size (bytes), &file_error);
      if (text == NULL)
        {
          fflush (stdout);
          g_printerr ("figures: %s: %s\n", file,
                      file_error != NULL ? file_error->message : "cannot be read");
          failed = TRUE;
          continue;
        }

      extraction = figures_extract (text, gazetteer);
      if (extraction == NULL)
        continue;
      {
        g_autofree char *date = figures_metadata_find_date (text->display);

        /* the same year as the index gives it */
        figures_statistics_fill_years (extraction->statistics, date);
      }
      for (guint i = 0; i < extraction->statistics->len; i++)
        {
          const FiguresStatistic *statistic = g_ptr_array_index (extraction->statistics, i);
          g_auto (GStrv) fields = explain ? figures_statistic_explained_fields (file, statistic)
                                          : figures_statistic_fields (file, statistic);

          figures_cli_table_add_row (table, (const char *const *) fields);
        }
      fflush (stdout);
    }
  figures_cli_table_finish (table);

  return failed ? FIGURES_EXIT_FAILURE : FIGURES_EXIT_OK;
}
