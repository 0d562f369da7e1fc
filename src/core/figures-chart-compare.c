/* figures-chart-compare.c: cities side by side: small multiples, one panel per metric
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-chart-layout"

#include "config.h"

#include <math.h>
#include <string.h>

#include "figures-chart-builder.h"

void
_figures_chart_grid_for (Builder *b,
                         guint n_panels,
                         const cairo_rectangle_t *body,
                         double ideal_width,
                         double ideal_height,
                         guint *columns,
                         guint *rows)
{
  double best = -1;

  *columns = 1;
  *rows = n_panels;
  for (guint c = 1; c <= n_panels; c++)
    {
      guint r = (n_panels + c - 1) / c;
      double w = (body->width - (c - 1) * b->gap) / c;
      double h = (body->height - (r - 1) * b->gap) / r;
      double score = MIN (w / ideal_width, h / ideal_height);

      /* A panel too short for its rows would hide cities: avoid it. */
      if (h < ideal_height)
        score *= 0.5;

      /* Prefer no empty cells when nearly as good. */
      if (r * c > n_panels)
        score *= 0.97;
      if (score > best)
        {
          best = score;
          *columns = c;
          *rows = r;
        }
    }
}

void
_figures_chart_add_panel (Builder *b,
                          guint panel,
                          const cairo_rectangle_t *rect,
                          const char *metric)
{
  FiguresChartLayout *l = b->layout;
  FiguresChartMarkItem item = { 0 };

  _figures_chart_add_rect (b, rect->x, rect->y, rect->width, rect->height, b->palette->panel);
  item.mark.kind = FIGURES_CHART_MARK_PANEL;
  item.mark.panel = panel;
  item.mark.metric = g_string_chunk_insert_const (l->strings, metric);
  item.mark.rect = *rect;
  item.hit = *rect;
  g_array_append_val (l->panels, item);
}

/* Panels that are all labels of `other` (a chart of `other` alone) */
static gboolean
only_labels (GPtrArray *metrics)
{
  for (guint i = 0; i < metrics->len; i++)
    if (figures_metric_key_get_label (g_ptr_array_index (metrics, i)) == NULL)
      return FALSE;
  return metrics->len > 0;
}

void
_figures_chart_layout_compare (Builder *b, GPtrArray *metrics)
{
  FiguresChartLayout *l = b->layout;
  FiguresChartData *data = b->data;
  g_autoptr (GPtrArray) cities = _figures_chart_data_list_cities (data);
  g_autoptr (GArray) colors = g_array_new (FALSE, FALSE, sizeof (FiguresChartColor));
  g_autoptr (GPtrArray) order = g_ptr_array_new ();
  g_autoptr (GArray) order_colors = g_array_new (FALSE, FALSE, sizeof (FiguresChartColor));
  g_autofree char *title = NULL;
  g_autofree char *first = NULL;
  g_autofree char *subtitle = NULL;
  double margin = b->gap * 1.6;
  double top, bottom;
  cairo_rectangle_t body;
  guint columns, rows;
  guint n_hidden = 0;
  double panel_height;
  /* `other` alone, over every city: each label's panel has the cities
   * that have it, largest first (no city is compared across panels) */
  gboolean per_panel = data->cities == NULL && only_labels (metrics);
  /* Colours tell cities apart only while there are enough of them; past
   * that every bar takes the first colour and the names alone say which
   * city a bar is (no legend). */
  gboolean colored = !per_panel && cities->len <= figures_chart_palette_get_n_series ();
  guint n_rows;

  /* Chosen cities keep their colour however they are sorted. */
  for (guint i = 0; i < cities->len; i++)
    {
      FiguresChartColor color = figures_chart_palette_get_series (l->theme, colored ? i : 0);

      g_array_append_val (colors, color);
    }

  /* One order in every panel: by name, or by the first metric's value. */
  {
    g_autoptr (GArray) entries = _figures_chart_make_entries (
      b, cities, colors, metrics->len > 0 ? g_ptr_array_index (metrics, 0) : "", FALSE);

    if (data->sort == FIGURES_CHART_SORT_VALUE)
      g_array_sort (entries, _figures_chart_compare_entries_by_value);
    for (guint i = 0; i < entries->len; i++)
      {
        BarEntry *entry = &g_array_index (entries, BarEntry, i);

        /* Cities found in the data are coloured in the order shown. */
        if (data->cities == NULL && colored)
          entry->color = figures_chart_palette_get_series (l->theme, i);
        g_ptr_array_add (order, (gpointer) entry->city);
        g_array_append_val (order_colors, entry->color);
      }
  }

  for (guint m = 0; m < metrics->len; m++)
    {
      g_autoptr (GArray) entries =
        _figures_chart_make_entries (b, order, order_colors, g_ptr_array_index (metrics, m), FALSE);

      b->any_approx |= _figures_chart_entries_any_approx (entries);
      b->any_not_positive |= _figures_chart_entries_any_not_positive (entries);
      b->any_broken |= _figures_chart_entries_dwarfed (entries, entries->len, NULL);
    }

  if (data->title != NULL)
    title = g_strdup (data->title);
  else if (only_labels (metrics))
    title =
      g_strdup (is_chinese (b) ? "各城市其他统计，按标签" : "Other figures by city and label");
  else if (is_chinese (b))
    title = g_strdup_printf ("%u个城市对比", cities->len);
  else
    title =
      g_strdup_printf ("%u %s side by side", cities->len, cities->len == 1 ? "city" : "cities");
  if (is_chinese (b))
    first =
      g_strdup_printf (per_panel ? "每个标签取%s，各有其坐标轴" : "每项指标取%s，各有其坐标轴",
                       _figures_chart_aggregate_words (b));
  else
    {
      first = g_strdup_printf (per_panel ? "%s per city; each label on its own scale"
                                         : "%s per city; each metric on its own scale",
                               _figures_chart_aggregate_words (b));
      first[0] = g_ascii_toupper (first[0]);
    }
  subtitle = _figures_chart_make_subtitle (b, first, 0, 0);

  top = _figures_chart_layout_header (b, title, subtitle, margin);
  if (colored && cities->len > 0 && metrics->len > 0)
    top = _figures_chart_layout_legend (b, order, order_colors, top - b->gap * 0.4);
  bottom = _figures_chart_layout_footer (b);
  body = (cairo_rectangle_t){ margin, top, l->width - 2 * margin, MAX (0, bottom - top) };

  if (cities->len == 0 || metrics->len == 0 || figures_chart_data_is_empty (data))
    {
      _figures_chart_layout_message (b, &body, 0,
                                     is_chinese (b)
                                       ? "没有可显示的数据：所选城市没有这些统计。"
                                       : "Nothing to show: no statistics for these metrics in the "
                                         "chosen cities.",
                                     FONT_MESSAGE);
      return;
    }

  /* as many rows as the panel with most bars */
  n_rows = order->len;
  if (per_panel)
    {
      n_rows = 0;
      for (guint m = 0; m < metrics->len; m++)
        {
          g_autoptr (GArray) entries = _figures_chart_make_entries (
            b, order, order_colors, g_ptr_array_index (metrics, m), TRUE);

          n_rows = MAX (n_rows, entries->len);
        }
    }
  _figures_chart_grid_for (b, metrics->len, &body, b->base * 22, b->base * (5.5 + 1.75 * n_rows),
                           &columns, &rows);

  /* Panels no taller than their bars need (the rest stays white). */
  panel_height = (body.height - (rows - 1) * b->gap) / rows;
  panel_height =
    MIN (panel_height, b->gap * 0.5 + _figures_chart_text_height (b, FONT_PANEL_TITLE) +
                         b->gap * 0.6 + n_rows * _figures_chart_text_height (b, FONT_LABEL) * 2.4 +
                         b->gap * 0.3 + _figures_chart_text_height (b, FONT_SMALL) + b->gap * 1.1);

  for (guint m = 0; m < metrics->len; m++)
    {
      const char *metric = g_ptr_array_index (metrics, m);
      g_autofree char *unit = _figures_chart_unit_of_metric (b, metric);
      g_autofree char *panel_title = _figures_chart_metric_with_unit (b, metric, unit);
      g_autoptr (GArray) entries =
        _figures_chart_make_entries (b, order, order_colors, metric, per_panel);
      guint c = m % columns, r = m / columns;
      double w = (body.width - (columns - 1) * b->gap) / columns;
      double h = panel_height;
      cairo_rectangle_t rect = { body.x + c * (w + b->gap), body.y + r * (h + b->gap), w, h };
      cairo_rectangle_t inner = { rect.x + b->gap * 0.3, rect.y, rect.width - b->gap * 0.6,
                                  rect.height - b->gap * 0.3 };
      guint shown = 0;

      if (per_panel && data->sort == FIGURES_CHART_SORT_VALUE)
        g_array_sort (entries, _figures_chart_compare_entries_by_value);
      _figures_chart_add_panel (b, m, &rect, metric);
      _figures_chart_layout_bar_panel (b, m, &inner, metric, unit, panel_title, NULL, entries,
                                       &shown);
      n_hidden = MAX (n_hidden, entries->len - shown);
    }

  if (n_hidden > 0)
    {
      g_autofree char *more = _figures_chart_make_subtitle (b, first, n_hidden, 0);

      _figures_chart_replace_subtitle (b, more);
    }
}
