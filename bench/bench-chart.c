/* bench-chart.c: time to chart an index, per chart kind
 *
 *   bench-chart --db=PATH [--runs=N] [--width=1600] [--height=1000] [--scale=2] [--keep=DIR]
 *
 * For each kind (bars: one metric across every city; compare: three metrics
 * over six cities; years: one metric by year) it times, apart, what
 * `figures chart` does:
 *   query   figures_index_aggregate()
 *   source  figures_index_count_documents() and the mentions, for the source line
 *   layout  figures_chart_layout_new()
 *   draw    figures_chart_layout_draw() on a width×scale by height×scale image
 *   png     encoding that image as PNG (into memory)
 * and prints the median of --runs runs (after one warm-up) next to two
 * references measured in the same run: painting and encoding an empty image
 * of the same size (the least any PNG export must do), and cairo's own PNG
 * writer on the same chart image (what the export would cost without
 * figures-chart-png.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-util.h"
#include "figures-chart-png.h"
#include "figures-chart.h"
#include "figures-index.h"

typedef struct
{
  double query, source, layout, draw, png;
  double cairo_png; /* not in the total: cairo's own PNG writer, for comparison */
} Times;

static cairo_status_t
write_to_stream_cb (void *closure, const unsigned char *data, unsigned int length)
{
  return g_output_stream_write_all (closure, data, length, NULL, NULL, NULL)
           ? CAIRO_STATUS_SUCCESS
           : CAIRO_STATUS_WRITE_ERROR;
}

/* Encodes @surface as PNG into memory, as the export does (or with cairo's
 * own writer); returns the size. */
static gsize
encode_png (cairo_surface_t *surface, gboolean with_cairo)
{
  g_autoptr (GOutputStream) stream = g_memory_output_stream_new_resizable ();

  if (with_cairo)
    cairo_surface_write_to_png_stream (surface, write_to_stream_cb, stream);
  else
    _figures_chart_write_png (surface, 192, stream, NULL, NULL);
  g_output_stream_close (stream, NULL, NULL);
  return g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream));
}

typedef struct
{
  const char *name;
  FiguresChartKind kind;
  FiguresGroupBy group_by;
  const char *const *metrics;
  guint n_cities; /* 0: all */
} Kind;

static const char *const one_metric[] = { "trainees", NULL };
static const char *const three_metrics[] = { "training_sessions", "trainees", "funding", NULL };

static const Kind kinds[] = {
  { "bars", FIGURES_CHART_BARS, FIGURES_GROUP_BY_CITY, one_metric, 0 },
  { "compare", FIGURES_CHART_COMPARE, FIGURES_GROUP_BY_CITY, three_metrics, 6 },
  { "years", FIGURES_CHART_YEARS, FIGURES_GROUP_BY_CITY_YEAR, one_metric, 0 },
};

/* One chart, as `figures chart` makes it; fills @times. */
static gboolean
chart_once (FiguresIndex *index,
            const Kind *kind,
            GStrv cities,
            double width,
            double height,
            double scale,
            const char *keep_dir,
            Times *times,
            guint *n_rows,
            guint *n_statistics,
            gsize *png_size)
{
  FiguresStatisticsFilter filter = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  guint n_documents;
  g_autoptr (FiguresChartData) data = NULL;
  g_autoptr (FiguresChartLayout) layout = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double t;

  filter.cities = (const char *const *) cities;
  filter.metrics = kind->metrics;

  t = bench_now_ms ();
  rows = figures_index_aggregate (index, &filter, kind->group_by, &error);
  times->query = bench_now_ms () - t;
  if (rows == NULL)
    {
      g_printerr ("bench-chart: %s\n", error->message);
      return FALSE;
    }

  t = bench_now_ms ();
  *n_statistics = 0;
  n_documents = figures_index_count_documents (index, NULL, NULL);
  for (guint i = 0; i < rows->len; i++)
    *n_statistics += ((FiguresAggregateRow *) g_ptr_array_index (rows, i))->mentions;
  times->source = bench_now_ms () - t;

  t = bench_now_ms ();
  data = figures_chart_data_new (kind->kind);
  figures_chart_data_set_style (data, FIGURES_NUMBER_STYLE_CHINESE);
  figures_chart_data_set_language (data, FIGURES_CHART_LANGUAGE_CHINESE);
  figures_chart_data_add_rows (data, rows);
  figures_chart_data_set_metrics (data, kind->metrics);
  figures_chart_data_set_cities (data, (const char *const *) cities);
  figures_chart_data_set_source (data, n_documents, *n_statistics, "2026-11-22");
  layout = figures_chart_layout_new (data, width, height, FIGURES_CHART_THEME_LIGHT, scale);
  times->layout = bench_now_ms () - t;

  t = bench_now_ms ();
  surface =
    cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (width * scale), (int) (height * scale));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  figures_chart_layout_draw (layout, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  times->draw = bench_now_ms () - t;

  t = bench_now_ms ();
  *png_size = encode_png (surface, FALSE);
  times->png = bench_now_ms () - t;

  t = bench_now_ms ();
  encode_png (surface, TRUE);
  times->cairo_png = bench_now_ms () - t;

  if (keep_dir != NULL)
    {
      g_autofree char *name = g_strdup_printf ("bench-%s.png", kind->name);
      g_autofree char *path = g_build_filename (keep_dir, name, NULL);

      cairo_surface_write_to_png (surface, path);
    }
  cairo_surface_destroy (surface);

  *n_rows = rows->len;
  return TRUE;
}

int
main (int argc, char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *keep = NULL;
  int runs = 5;
  double width = 1600, height = 1000, scale = 2;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "Index to chart", "PATH" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Timed runs per kind (5)", "N" },
    { "width", 0, 0, G_OPTION_ARG_DOUBLE, &width, "Chart width (1600)", "W" },
    { "height", 0, 0, G_OPTION_ARG_DOUBLE, &height, "Chart height (1000)", "H" },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &scale, "Pixels per unit (2)", "S" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Write the charts as PNG here", "DIR" },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("— time charts of an index");
  g_autoptr (GError) error = NULL;
  g_autoptr (FiguresIndex) index = NULL;
  g_auto (GStrv) all_cities = NULL;
  g_autoptr (GArray) reference = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_documents;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-chart: %s\n", error->message);
      return 2;
    }
  if (db == NULL || runs < 1)
    {
      g_printerr ("bench-chart: give --db=PATH (an index: see bench/README.md)\n");
      return 2;
    }
  index = figures_index_open (db, &error);
  if (index == NULL)
    {
      g_printerr ("bench-chart: %s\n", error->message);
      return 1;
    }
  n_documents = figures_index_count_documents (index, NULL, NULL);
  all_cities = figures_index_list_cities (index, "trainees", &error);
  if (all_cities == NULL)
    {
      g_printerr ("bench-chart: %s\n", error->message);
      return 1;
    }

  /* Reference: paint and encode an empty image of the same size. */
  for (int run = 0; run <= runs; run++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (
        CAIRO_FORMAT_RGB24, (int) (width * scale), (int) (height * scale));
      cairo_t *cr = cairo_create (surface);
      double t = bench_now_ms (), elapsed;

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_destroy (cr);
      encode_png (surface, FALSE);
      elapsed = bench_now_ms () - t;
      cairo_surface_destroy (surface);
      if (run > 0)
        g_array_append_val (reference, elapsed);
    }

  printf ("Index: %s, %u reports, %u cities with trainees\n", db, n_documents,
          g_strv_length (all_cities));
  printf ("Chart: %g×%g at %g× (%g×%g pixels), median of %d runs after a warm-up\n", width, height,
          scale, width * scale, height * scale, runs);
  printf ("Reference: paint + PNG-encode an empty image of that size: %.1f ms\n\n",
          bench_median (reference));
  printf ("%-8s %6s %10s %7s %8s %7s %7s %7s %8s %9s | %9s\n", "kind", "rows", "statistics",
          "query", "source", "layout", "draw", "png", "total", "PNG size", "cairo png");

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr (GArray) query = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr (GArray) source = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr (GArray) layout = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr (GArray) draw = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr (GArray) png = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr (GArray) total = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr (GArray) cairo_png = g_array_new (FALSE, FALSE, sizeof (double));
      g_auto (GStrv) cities = NULL;
      guint n_rows = 0, n_statistics = 0;
      gsize png_size = 0;

      if (kinds[k].n_cities > 0)
        {
          guint n = MIN (kinds[k].n_cities, g_strv_length (all_cities));

          cities = g_new0 (char *, n + 1);
          for (guint i = 0; i < n; i++)
            cities[i] = g_strdup (all_cities[i]);
        }

      for (int run = 0; run <= runs; run++)
        {
          Times times;
          double sum;

          if (!chart_once (index, &kinds[k], cities, width, height, scale, run == 0 ? keep : NULL,
                           &times, &n_rows, &n_statistics, &png_size))
            return 1;
          if (run == 0)
            continue;
          sum = times.query + times.source + times.layout + times.draw + times.png;
          g_array_append_val (query, times.query);
          g_array_append_val (source, times.source);
          g_array_append_val (layout, times.layout);
          g_array_append_val (draw, times.draw);
          g_array_append_val (png, times.png);
          g_array_append_val (total, sum);
          g_array_append_val (cairo_png, times.cairo_png);
        }

      printf ("%-8s %6u %10u %7.1f %8.1f %7.1f %7.1f %7.1f %8.1f %8zuK | %9.1f\n", kinds[k].name,
              n_rows, n_statistics, bench_median (query), bench_median (source),
              bench_median (layout), bench_median (draw), bench_median (png), bench_median (total),
              png_size / 1024, bench_median (cairo_png));
    }
  printf ("\nms per step; total = query + source + layout + draw + png (target < 100 ms)\n");

  return 0;
}
