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
#include "figures-report.h"
#include "figures-statistic-table.h"

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
  const char *const *base_columns;
  const gboolean *base_numeric;
  g_autofree const char **columns = NULL;
  g_autofree gboolean *numeric = NULL;
  guint n_base;
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

  /* JSON adds the page after the other columns (null for formats without
   * pages); TSV keeps its contract columns. */
  base_columns = explain ? figures_statistic_explained_columns : figures_statistic_columns;
  base_numeric = explain ? figures_statistic_explained_numeric : figures_statistic_numeric;
  n_base = g_strv_length ((GStrv) base_columns);
  columns = g_new0 (const char *, n_base + 2);
  numeric = g_new0 (gboolean, n_base + 1);
  for (guint c = 0; c < n_base; c++)
    {
      columns[c] = base_columns[c];
      numeric[c] = base_numeric[c];
    }
  if (format == FIGURES_CLI_FORMAT_JSON)
    {
      columns[n_base] = "page";
      numeric[n_base] = TRUE;
    }
  table = figures_cli_table_new (stdout, format, columns, numeric);
  fflush (stdout);

  for (guint f = 0; files[f] != NULL; f++)
    {
      g_autoptr (GError) file_error = NULL;
      g_autoptr (FiguresReport) report = NULL;

      /* as the desktop shows it: a name that is not UTF-8 must not break JSON */
      g_autofree char *file = g_filename_display_name (files[f]);

      report = figures_report_new_from_file (files[f], FIGURES_TEXT_DEFAULT_MAX_SIZE,
                                             FIGURES_REPORT_FLAGS_NONE, NULL, &file_error);
      if (report == NULL)
        {
          fflush (stdout);
          g_printerr ("figures: %s: %s\n", file,
                      file_error != NULL ? file_error->message : "cannot be read");
          failed = TRUE;
          continue;
        }

      for (guint i = 0; i < report->statistics->len; i++)
        {
          const FiguresStatistic *statistic = g_ptr_array_index (report->statistics, i);
          g_auto (GStrv) fields = explain ? figures_statistic_explained_fields (file, statistic)
                                          : figures_statistic_fields (file, statistic);

          if (format == FIGURES_CLI_FORMAT_JSON)
            {
              fields = g_renew (char *, fields, n_base + 2);
              fields[n_base] = statistic->page > 0 ? g_strdup_printf ("%u", statistic->page) : NULL;
              fields[n_base + 1] = NULL;
            }
          figures_cli_table_add_row (table, (const char *const *) fields);
        }
      fflush (stdout);
    }
  figures_cli_table_finish (table);

  return failed ? FIGURES_EXIT_FAILURE : FIGURES_EXIT_OK;
}
