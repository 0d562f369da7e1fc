/* figures-chart-years.c: over time: one line per city by year, one panel per metric
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-chart-layout"

#include "config.h"

#include <math.h>
#include <string.h>

#include "figures-chart-builder.h"

/* ---- over time ---- */

typedef struct
{
  int min_year;
  int max_year;
} YearRange;

static double
year_x (const YearRange *range, double x0, double x1, int year)
{
  if (range->max_year == range->min_year)
    return (x0 + x1) / 2;

  return x0 + (x1 - x0) * (year - range->min_year) / (double) (range->max_year - range->min_year);
}

static void
layout_years_panel (Builder *b,
                    guint panel,
                    const cairo_rectangle_t *area,
                    const char *metric,
                    GPtrArray *cities,
                    GArray *colors,
                    const YearRange *range)
{
  FiguresChartLayout *l = b->layout;
  FiguresChartData *data = b->data;
  g_autofree char *unit = _figures_chart_unit_of_metric (b, metric);
  g_autofree char *panel_title = _figures_chart_metric_with_unit (b, metric, unit);
  double gap = b->gap * 0.5;
  double top = area->y + gap, tick_height, tick_width = 0, max_value = 0;
  double plot_x0, plot_x1, plot_top, plot_bottom, axis_end, step, pad;
  guint title_index, max_ticks;
  g_autoptr (GArray) tick_texts = g_array_new (FALSE, FALSE, sizeof (guint));
  int year_step = 1;

  title_index =
    _figures_chart_make_text (b, FIGURES_CHART_LABEL_PANEL_TITLE, panel, panel_title,
                              FONT_PANEL_TITLE, b->palette->foreground, area->width - 2 * gap);
  _figures_chart_place_text (b, title_index, area->x + gap, top);
  top += _figures_chart_get_text (b, title_index)->rect.height + b->gap * 0.8;

  for (guint i = 0; i < data->rows->len; i++)
    {
      FiguresChartRow *row = g_ptr_array_index (data->rows, i);

      if (row->year != 0 && strcmp (row->metric, metric) == 0)
        max_value = MAX (max_value, _figures_chart_row_value (row, data->aggregate, NULL));
    }

  {
    guint probe = _figures_chart_make_text (b, FIGURES_CHART_LABEL_TICK, panel, "2020", FONT_SMALL,
                                            b->palette->secondary, 0);

    tick_height = _figures_chart_get_text (b, probe)->rect.height;
    _figures_chart_drop_last_text (b, probe);
  }
  plot_top = top + tick_height / 2;
  plot_bottom = area->y + area->height - gap - tick_height - b->gap * 0.3;
  if (plot_bottom - plot_top < tick_height * 2)
    return;

  /* Value ticks: as many as fit vertically, labels measured for the margin. */
  max_ticks = (guint) CLAMP ((plot_bottom - plot_top) / (tick_height * 2.2), 1, 8);
  axis_end = figures_format_nice_axis (max_value, max_ticks, &step);
  for (guint i = 0; i * step <= axis_end * (1 + 1e-9) && i <= 20; i++)
    {
      g_autofree char *label = figures_format_tick (i * step, step, axis_end, b->style);
      guint index = _figures_chart_make_text (b, FIGURES_CHART_LABEL_TICK, panel, label, FONT_SMALL,
                                              b->palette->secondary, 0);

      tick_width = MAX (tick_width, _figures_chart_get_text (b, index)->rect.width);
      g_array_append_val (tick_texts, index);
    }
  plot_x0 = area->x + gap + tick_width + gap;
  plot_x1 = area->x + area->width - gap * 2;
  pad = MIN (b->base * 1.5, (plot_x1 - plot_x0) * 0.1);

  for (guint i = 0; i < tick_texts->len; i++)
    {
      guint index = g_array_index (tick_texts, guint, i);
      FiguresChartText *text = _figures_chart_get_text (b, index);
      double y = plot_bottom - (plot_bottom - plot_top) * (i * step) / axis_end;

      _figures_chart_add_line (b, plot_x0, y, plot_x1, y, 1,
                               i == 0 ? b->palette->axis : b->palette->grid);
      _figures_chart_place_text (b, index, plot_x0 - gap - text->rect.width,
                                 y - text->rect.height / 2);
    }

  /* Year labels: every year, or every 2nd, 5th … so they never touch. */
  {
    guint probe = _figures_chart_make_text (b, FIGURES_CHART_LABEL_TICK, panel, "2020", FONT_SMALL,
                                            b->palette->secondary, 0);
    double label_width = _figures_chart_get_text (b, probe)->rect.width;
    double span = range->max_year - range->min_year;
    static const int steps[] = { 1, 2, 5, 10, 20, 50, 100 };

    _figures_chart_drop_last_text (b, probe);
    for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
      {
        year_step = steps[i];
        if (span == 0 || (plot_x1 - plot_x0 - 2 * pad) * year_step / span >= label_width * 1.5)
          break;
      }
    for (int year = range->min_year; year <= range->max_year; year++)
      {
        g_autofree char *label = NULL;
        guint index;
        FiguresChartText *text;
        double x;

        if ((year - range->min_year) % year_step != 0)
          continue;
        x = year_x (range, plot_x0 + pad, plot_x1 - pad, year);
        label = g_strdup_printf ("%d", year);
        index = _figures_chart_make_text (b, FIGURES_CHART_LABEL_TICK, panel, label, FONT_SMALL,
                                          b->palette->secondary, 0);
        text = _figures_chart_get_text (b, index);
        _figures_chart_add_line (b, x, plot_bottom, x, plot_bottom + b->gap * 0.25, 1,
                                 b->palette->axis);
        _figures_chart_place_text (b, index, x - text->rect.width / 2, plot_bottom + b->gap * 0.3);
      }
  }

  /* One line per city, points over lines. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint c = 0; c < cities->len; c++)
      {
        const char *city = g_ptr_array_index (cities, c);
        FiguresChartColor color = g_array_index (colors, FiguresChartColor, c);
        g_autoptr (GArray) points = g_array_new (FALSE, FALSE, sizeof (double));

        for (int year = range->min_year; year <= range->max_year; year++)
          {
            const FiguresChartRow *row = _figures_chart_data_lookup (data, city, metric, year);
            double value, x, y, radius = MAX (3, b->base * 0.28);
            gboolean approx;

            if (row == NULL)
              continue;
            value = _figures_chart_row_value (row, data->aggregate, &approx);
            x = year_x (range, plot_x0 + pad, plot_x1 - pad, year);
            y = plot_bottom - (plot_bottom - plot_top) * value / axis_end;
            if (pass == 0)
              {
                g_array_append_val (points, x);
                g_array_append_val (points, y);
              }
            else
              {
                FiguresChartPrim *prim =
                  _figures_chart_add_prim (b, FIGURES_CHART_PRIM_CIRCLE, color);
                FiguresChartMarkItem item = { 0 };
                g_autofree char *label = _figures_chart_format_value (b, value, unit, approx);
                double hit = MAX (radius * 2.2, 8);

                prim->rect = (cairo_rectangle_t){ x, y, radius, radius };
                if (approx)
                  prim->line_width = MAX (1.5, b->base * 0.14);

                item.mark.kind = FIGURES_CHART_MARK_POINT;
                item.mark.panel = panel;
                item.mark.city = g_string_chunk_insert_const (l->strings, city);
                item.mark.metric = g_string_chunk_insert_const (l->strings, metric);
                item.mark.year = year;
                item.mark.year_from = b->data->year_from;
                item.mark.year_to = b->data->year_to;
                item.mark.value = value;
                item.mark.approx = approx;
                item.mark.mentions = row->mentions;
                item.mark.documents = row->documents;
                item.mark.unit = g_string_chunk_insert_const (l->strings, unit);
                item.mark.label = g_string_chunk_insert_const (l->strings, label);
                item.mark.rect =
                  (cairo_rectangle_t){ x - radius, y - radius, 2 * radius, 2 * radius };
                item.mark.color = color;
                item.hit = (cairo_rectangle_t){ x - hit, y - hit, 2 * hit, 2 * hit };
                g_array_append_val (l->marks, item);
              }
          }
        if (pass == 0 && points->len >= 4)
          {
            FiguresChartPrim *prim = _figures_chart_add_prim (b, FIGURES_CHART_PRIM_LINE, color);

            prim->line_width = MAX (2, b->base * 0.16);
            prim->points = g_steal_pointer (&points);
          }
      }

  /* Value labels beside points where they fit without touching anything. */
  for (guint i = 0; i < l->marks->len; i++)
    {
      FiguresChartMarkItem *item = &g_array_index (l->marks, FiguresChartMarkItem, i);
      guint index;
      FiguresChartText *text;
      gboolean placed = FALSE;

      if (item->mark.panel != panel || item->mark.kind != FIGURES_CHART_MARK_POINT)
        continue;
      {
        /* The unit is in the panel title: the number alone keeps labels short. */
        g_autofree char *short_label =
          _figures_chart_format_short_value (b, item->mark.value, item->mark.approx);

        index = _figures_chart_make_text (b, FIGURES_CHART_LABEL_VALUE, panel, short_label,
                                          FONT_SMALL, b->palette->foreground, 0);
      }
      text = _figures_chart_get_text (b, index);
      for (guint attempt = 0; attempt < 2 && !placed; attempt++)
        {
          double cx = item->mark.rect.x + item->mark.rect.width / 2;
          cairo_rectangle_t r;
          gboolean clear = TRUE;

          r.width = text->rect.width;
          r.height = text->rect.height;
          r.x = CLAMP (cx - r.width / 2, plot_x0, plot_x1 - r.width);
          r.y = attempt == 0 ? item->mark.rect.y - r.height - 1
                             : item->mark.rect.y + item->mark.rect.height + 1;
          if (r.y < area->y || r.y + r.height > plot_bottom)
            continue;
          if (_figures_chart_overlaps_any_text (b, &r, index))
            continue;
          for (guint j = 0; j < l->marks->len && clear; j++)
            {
              FiguresChartMarkItem *other = &g_array_index (l->marks, FiguresChartMarkItem, j);

              if (other->mark.panel == panel &&
                  _figures_chart_rects_overlap (&r, &other->mark.rect))
                clear = FALSE;
            }
          if (!clear)
            continue;
          _figures_chart_place_text (b, index, r.x, r.y);
          placed = TRUE;
        }
      if (!placed)
        _figures_chart_drop_last_text (b, index);
    }
}

void
_figures_chart_layout_years (Builder *b, GPtrArray *metrics)
{
  FiguresChartLayout *l = b->layout;
  FiguresChartData *data = b->data;
  g_autoptr (GPtrArray) cities = _figures_chart_data_list_cities (data);
  g_autoptr (GArray) colors = g_array_new (FALSE, FALSE, sizeof (FiguresChartColor));
  g_autofree char *title = NULL;
  g_autofree char *first = NULL;
  g_autofree char *subtitle = NULL;
  YearRange range = { G_MAXINT, G_MININT };
  guint n_without_year = 0;
  double margin = b->gap * 1.6;
  double top, bottom;
  cairo_rectangle_t body;
  guint columns, rows;
  guint n_hidden = 0;

  /* One line per city, each its own colour: past the palette's colours, the
   * cities with the largest values are drawn and the rest counted. */
  if (cities->len > figures_chart_palette_get_n_series ())
    {
      g_autoptr (GArray) ranked = g_array_new (FALSE, TRUE, sizeof (BarEntry));
      g_autoptr (GHashTable) keep = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr (GHashTable) largest =
        g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
      g_autoptr (GPtrArray) kept = g_ptr_array_new ();

      /* Each city's largest value in any year. */
      for (guint i = 0; i < data->rows->len; i++)
        {
          FiguresChartRow *row = g_ptr_array_index (data->rows, i);
          double value, *best;

          if (row->year == 0)
            continue;
          value = _figures_chart_row_value (row, data->aggregate, NULL);
          best = g_hash_table_lookup (largest, row->city);
          if (best == NULL)
            {
              best = g_new (double, 1);
              *best = value;
              g_hash_table_insert (largest, row->city, best);
            }
          *best = MAX (*best, value);
        }
      for (guint c = 0; c < cities->len; c++)
        {
          BarEntry entry = { 0 };
          double *best;

          entry.city = g_ptr_array_index (cities, c);
          best = g_hash_table_lookup (largest, entry.city);
          if (best != NULL)
            {
              /* Any row will do: it only marks the city as having data. */
              entry.row = g_ptr_array_index (data->rows, 0);
              entry.value = *best;
            }
          g_array_append_val (ranked, entry);
        }
      g_array_sort (ranked, _figures_chart_compare_entries_by_value);
      for (guint i = 0; i < figures_chart_palette_get_n_series (); i++)
        g_hash_table_add (keep, (gpointer) g_array_index (ranked, BarEntry, i).city);
      for (guint c = 0; c < cities->len; c++)
        if (g_hash_table_contains (keep, g_ptr_array_index (cities, c)))
          g_ptr_array_add (kept, g_ptr_array_index (cities, c));
      n_hidden = cities->len - kept->len;
      g_ptr_array_set_size (cities, 0);
      g_ptr_array_extend (cities, kept, NULL, NULL);
    }

  for (guint i = 0; i < cities->len; i++)
    {
      FiguresChartColor color = figures_chart_palette_get_series (l->theme, i);

      g_array_append_val (colors, color);
    }

  for (guint i = 0; i < data->rows->len; i++)
    {
      FiguresChartRow *row = g_ptr_array_index (data->rows, i);
      gboolean wanted = FALSE;
      gboolean approx = FALSE;

      for (guint m = 0; m < metrics->len && !wanted; m++)
        wanted = strcmp (row->metric, g_ptr_array_index (metrics, m)) == 0;
      if (n_hidden > 0 && !g_ptr_array_find_with_equal_func (cities, row->city, g_str_equal, NULL))
        wanted = FALSE;
      if (!wanted)
        continue;
      if (row->year == 0)
        {
          n_without_year += row->mentions;
          continue;
        }
      range.min_year = MIN (range.min_year, row->year);
      range.max_year = MAX (range.max_year, row->year);
      _figures_chart_row_value (row, data->aggregate, &approx);
      b->any_approx |= approx;
    }

  if (data->title != NULL)
    title = g_strdup (data->title);
  else if (metrics->len == 1)
    title = g_strdup_printf (
      is_chinese (b) ? "%s逐年变化" : "%s by year",
      figures_format_metric_name (g_ptr_array_index (metrics, 0), words_style (b)));
  else
    title = g_strdup (is_chinese (b) ? "各项指标逐年变化" : "Metrics by year");
  if (is_chinese (b))
    first = g_strdup_printf ("每个城市每年取%s", _figures_chart_aggregate_words (b));
  else
    {
      first = g_strdup_printf ("%s per city and year", _figures_chart_aggregate_words (b));
      first[0] = g_ascii_toupper (first[0]);
    }
  subtitle = _figures_chart_make_subtitle (b, first, n_hidden, n_without_year);

  top = _figures_chart_layout_header (b, title, subtitle, margin);
  if (cities->len > 0 && range.min_year <= range.max_year)
    top = _figures_chart_layout_legend (b, cities, colors, top - b->gap * 0.4);
  bottom = _figures_chart_layout_footer (b);
  body = (cairo_rectangle_t){ margin, top, l->width - 2 * margin, MAX (0, bottom - top) };

  if (cities->len == 0 || metrics->len == 0 || range.min_year > range.max_year)
    {
      _figures_chart_layout_message (b, &body, 0,
                                     is_chinese (b)
                                       ? "没有可显示的数据：所选统计都没有注明年份。"
                                       : "Nothing to show: none of these statistics states a year.",
                                     FONT_MESSAGE);
      return;
    }

  _figures_chart_grid_for (b, metrics->len, &body, b->base * 26, b->base * 14, &columns, &rows);
  for (guint m = 0; m < metrics->len; m++)
    {
      guint c = m % columns, r = m / columns;
      double w = (body.width - (columns - 1) * b->gap) / columns;
      double h = (body.height - (rows - 1) * b->gap) / rows;
      cairo_rectangle_t rect = { body.x + c * (w + b->gap), body.y + r * (h + b->gap), w, h };

      if (metrics->len > 1)
        _figures_chart_add_panel (b, m, &rect, g_ptr_array_index (metrics, m));
      else
        {
          FiguresChartMarkItem item = { 0 };

          item.mark.kind = FIGURES_CHART_MARK_PANEL;
          item.mark.metric =
            g_string_chunk_insert_const (l->strings, g_ptr_array_index (metrics, 0));
          item.mark.rect = rect;
          item.hit = rect;
          g_array_append_val (l->panels, item);
        }
      layout_years_panel (b, m, &rect, g_ptr_array_index (metrics, m), cities, colors, &range);
    }
}
