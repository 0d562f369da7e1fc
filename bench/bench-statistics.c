/* bench-statistics.c: the Statistics table's queries on a large index
 *
 *   bench-statistics --db=PATH [--runs=N]
 *
 * The table runs its query once for the ids of the rows in order
 * (figures_index_list_statistic_ids()), then reads 200-row pages by id as
 * they scroll into view (figures_index_get_statistics()). For each sort it
 * times the query, and a page at the top, the middle and the end, and
 * prints the median of --runs runs (after one warm-up) as a ratio to a
 * reference measured in the same run: reading every row at once
 * (figures_index_list_statistics(), what a table without pages would do,
 * and what it did before).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench-util.h"
#include "figures-index.h"

#define PAGE 200

typedef enum
{
  TASK_IDS,
  TASK_PAGE,
  TASK_ALL,
} Task;

/* The median time of @runs runs of one query, in ms */
static double
time_query (FiguresIndex *index,
            Task task,
            const FiguresStatisticsFilter *filter,
            FiguresStatisticSort sort,
            gboolean descending,
            guint offset,
            guint runs)
{
  g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) page_ids = NULL;

  /* a page: of the rows of its query, read beforehand */
  if (task == TASK_PAGE)
    page_ids = figures_index_list_statistic_ids (index, filter, sort, descending, NULL);
  if (page_ids != NULL)
    offset = MIN (offset, page_ids->len);

  for (guint run = 0; run <= runs; run++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) rows = NULL;
      g_autoptr (GArray) ids = NULL;
      double start = bench_now_ms (), elapsed;

      if (task == TASK_IDS)
        ids = figures_index_list_statistic_ids (index, filter, sort, descending, &error);
      else if (task == TASK_PAGE)
        rows = figures_index_get_statistics (index, &g_array_index (page_ids, gint64, offset),
                                             MIN (PAGE, page_ids->len - offset), &error);
      else
        rows = figures_index_list_statistics (index, filter, &error);
      elapsed = bench_now_ms () - start;
      if (error != NULL)
        {
          g_printerr ("bench-statistics: %s\n", error->message);
          exit (1);
        }
      if (run > 0) /* the first warms the cache */
        g_array_append_val (times, elapsed);
    }
  return bench_median (times);
}

static const struct
{
  const char *name;
  FiguresStatisticSort sort;
  gboolean descending;
} sorts[] = {
  { "report order", FIGURES_STATISTIC_SORT_POSITION, FALSE },
  { "value, largest first", FIGURES_STATISTIC_SORT_VALUE, TRUE },
  { "city", FIGURES_STATISTIC_SORT_CITY, FALSE },
  { "year", FIGURES_STATISTIC_SORT_YEAR, FALSE },
  { "report title", FIGURES_STATISTIC_SORT_TITLE, FALSE },
};

int
main (int argc, char **argv)
{
  g_autofree char *db = NULL;
  int runs = 5;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "The index", "PATH" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs per query (5)", "N" },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("— time the Statistics table");
  g_autoptr (GError) error = NULL;
  g_autoptr (FiguresIndex) index = NULL;
  FiguresStatisticsFilter text = { .text = "培训" };
  g_autoptr (GPtrArray) all = NULL;
  double reference;
  guint n;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || db == NULL || runs < 1)
    {
      g_printerr ("bench-statistics: %s\n", error != NULL ? error->message : "--db=PATH is needed");
      return 2;
    }
  index = figures_index_open_read_only (db, &error);
  all = index != NULL ? figures_index_list_statistics (index, NULL, &error) : NULL;
  if (all == NULL)
    {
      g_printerr ("bench-statistics: %s\n", error->message);
      return 1;
    }
  n = all->len;

  reference = time_query (index, TASK_ALL, NULL, 0, FALSE, 0, runs);
  g_print ("%u statistics; reference: reading them all at once, %.1f ms\n\n", n, reference);
  g_print ("%-22s %10s %10s %10s %10s\n", "", "query", "top page", "middle", "end");
  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    {
      guint last = n > PAGE ? n - PAGE : 0;

      g_print (
        "%-22s %10.4f %10.4f %10.4f %10.4f\n", sorts[i].name,
        time_query (index, TASK_IDS, NULL, sorts[i].sort, sorts[i].descending, 0, runs) / reference,
        time_query (index, TASK_PAGE, NULL, sorts[i].sort, sorts[i].descending, 0, runs) /
          reference,
        time_query (index, TASK_PAGE, NULL, sorts[i].sort, sorts[i].descending, n / 2, runs) /
          reference,
        time_query (index, TASK_PAGE, NULL, sorts[i].sort, sorts[i].descending, last, runs) /
          reference);
    }
  g_print ("%-22s %10.4f %10.4f\n", "free text “培训”",
           time_query (index, TASK_IDS, &text, FIGURES_STATISTIC_SORT_POSITION, FALSE, 0, runs) /
             reference,
           time_query (index, TASK_PAGE, &text, FIGURES_STATISTIC_SORT_POSITION, FALSE, 0, runs) /
             reference);
  return 0;
}
