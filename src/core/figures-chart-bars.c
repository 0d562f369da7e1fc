/* figures-chart-bars.c: one metric across cities: a panel of horizontal bars
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-chart-layout"

#include "config.h"

#include <math.h>
#include <string.h>

#include "figures-chart-builder.h"

void
_figures_chart_layout_bars (Builder *b, GPtrArray *metrics)
{
  FiguresChartLayout *l = b->layout;
  FiguresChartData *data = b->data;
  const char *metric = metrics->len > 0 ? g_ptr_array_index (metrics, 0) : "";
  g_autoptr (GPtrArray) all = _figures_chart_data_list_cities (data);
  g_autoptr (GPtrArray) cities = g_ptr_array_new ();
  g_autoptr (GArray) colors = g_array_new (FALSE, FALSE, sizeof (FiguresChartColor));
  g_autoptr (GArray) entries = NULL;
  g_autofree char *unit = _figures_chart_unit_of_metric (b, metric);
  g_autofree char *title = NULL;
  g_autofree char *first = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *axis_title = _figures_chart_metric_with_unit (b, metric, unit);
  FiguresChartColor color = figures_chart_palette_get_series (l->theme, 0);
  cairo_rectangle_t body;
  double margin = b->gap * 1.6;
  double top, bottom;
  guint shown = 0;

  /* Given cities all appear; otherwise the cities that have the metric. */
  for (guint i = 0; i < all->len; i++)
    {
      const char *city = g_ptr_array_index (all, i);

      if (data->cities != NULL || _figures_chart_data_lookup (data, city, metric, 0) != NULL)
        {
          g_ptr_array_add (cities, (gpointer) city);
          g_array_append_val (colors, color);
        }
    }
  entries = _figures_chart_make_entries (b, cities, colors, metric, FALSE);
  if (data->sort == FIGURES_CHART_SORT_VALUE)
    g_array_sort (entries, _figures_chart_compare_entries_by_value);
  b->any_approx = _figures_chart_entries_any_approx (entries);
  b->any_not_positive = _figures_chart_entries_any_not_positive (entries);
  b->any_broken = _figures_chart_entries_dwarfed (entries, entries->len, NULL);

  if (data->title != NULL)
    title = g_strdup (data->title);
  else if (*metric == '\0')
    title = g_strdup (is_chinese (b) ? "各城市统计" : "Statistics by city");
  else if (is_chinese (b))
    title = g_strdup_printf ("各城市%s", figures_format_metric_name (metric, words_style (b)));
  else
    title = g_strdup_printf ("%s by city", figures_format_metric_name (metric, words_style (b)));

  if (is_chinese (b))
    first = g_strdup_printf ("每个城市取%s", _figures_chart_aggregate_words (b));
  else
    {
      first = g_strdup_printf ("%s per city", _figures_chart_aggregate_words (b));
      first[0] = g_ascii_toupper (first[0]);
    }

  /* The subtitle may need to say how many cities did not fit: lay out the
   * body first with a provisional header of the same height. */
  subtitle = _figures_chart_make_subtitle (b, first, 0, 0);
  top = _figures_chart_layout_header (b, title, subtitle, margin);
  bottom = _figures_chart_layout_footer (b);
  body = (cairo_rectangle_t){ margin - b->gap * 0.5, top, l->width - 2 * margin + b->gap,
                              MAX (0, bottom - top) };

  if (entries->len == 0)
    {
      _figures_chart_layout_message (b, &body, 0,
                                     is_chinese (b)
                                       ? "没有可显示的数据：所选城市没有这项统计。"
                                       : "Nothing to show: no statistics for this metric in the "
                                         "chosen cities.",
                                     FONT_MESSAGE);
      return;
    }

  _figures_chart_layout_bar_panel (b, 0, &body, metric, unit, NULL, axis_title, entries, &shown);
  if (shown < entries->len)
    {
      g_autofree char *more = _figures_chart_make_subtitle (b, first, entries->len - shown, 0);

      _figures_chart_replace_subtitle (b, more);
    }
}

/* Rows × columns of panels that gives each panel the most room for
 * @n_rows_each bar rows (or a line plot). */
