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

#include "figures-cli-output.h"
#include "figures-cli.h"
#include "figures-report.h"

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
  FiguresCliTable *table;
  FiguresCliFormat format = FIGURES_CLI_FORMAT_TSV;
  gboolean failed = FALSE;

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
                  "Usage: figures extract [--format=tsv|json] FILE…\n");
      return FIGURES_EXIT_USAGE;
    }

  table =
    figures_cli_table_new (stdout, format,
                           format == FIGURES_CLI_FORMAT_JSON ? figures_cli_statistic_json_columns
                                                             : figures_cli_statistic_columns,
                           figures_cli_statistic_numeric);
  fflush (stdout);

  for (guint f = 0; files[f] != NULL; f++)
    {
      g_autoptr (GError) file_error = NULL;
      g_autoptr (FiguresReport) report = NULL;

      report = figures_report_new_from_file (files[f], FIGURES_TEXT_DEFAULT_MAX_SIZE,
                                             FIGURES_REPORT_FLAGS_NONE, NULL, &file_error);
      if (report == NULL)
        {
          g_autofree char *display = g_filename_display_name (files[f]);

          fflush (stdout);
          g_printerr ("figures: %s: %s\n", display,
                      file_error != NULL ? file_error->message : "cannot be read");
          failed = TRUE;
          continue;
        }

      for (guint i = 0; i < report->statistics->len; i++)
        {
          const FiguresStatistic *s = g_ptr_array_index (report->statistics, i);
          g_auto (GStrv) fields = figures_cli_statistic_fields (files[f], s);
          guint page = figures_report_page_at (report, s->start);

          if (format == FIGURES_CLI_FORMAT_JSON)
            {
              fields = g_renew (char *, fields, FIGURES_CLI_N_STATISTIC_COLUMNS + 2);
              fields[FIGURES_CLI_N_STATISTIC_COLUMNS] =
                page > 0 ? g_strdup_printf ("%u", page) : NULL;
              fields[FIGURES_CLI_N_STATISTIC_COLUMNS + 1] = NULL;
            }
          figures_cli_table_add_row (table, (const char *const *) fields);
        }
      fflush (stdout);
    }
  figures_cli_table_finish (table);

  return failed ? FIGURES_EXIT_FAILURE : FIGURES_EXIT_OK;
}
