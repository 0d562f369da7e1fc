/* test-chart.c: chart layout, drawing, hit-testing and export
 *
 * Everything is checked through the layout (the same rectangles the chart is
 * drawn from) and through the exported files. Reference images, one per
 * chart kind, are rendered from fixed data built here; regenerate them with
 *
 *   FIGURES_REGENERATE=1 meson test -C BUILDDIR test-chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "figures-chart.h"

#define ZH FIGURES_NUMBER_STYLE_CHINESE
#define EN FIGURES_NUMBER_STYLE_ENGLISH

/* ---- fixed data ---- */

static const char *const cities[] = {
  "呼和浩特市", "包头市",     "乌海市",     "赤峰市",     "通辽市",
  "鄂尔多斯市", "呼伦贝尔市", "巴彦淖尔市", "乌兰察布市", "黔西南布依族苗族自治州",
  "锡林郭勒盟", "阿拉善盟",
};

static void
add (FiguresChartData *data,
     const char *city,
     const char *metric,
     int year,
     double sum,
     double max,
     guint mentions,
     guint documents,
     gboolean approx,
     const char *unit)
{
  FiguresAggregateRow row = {
    (char *) city, (char *) metric, year,   sum,    max,
    mentions,      documents,       approx, approx, (char *) unit,
  };

  figures_chart_data_add_row (data, &row);
}

/* One metric over 12 cities: values fall by 1/(i+1); every 4th approximate. */
static FiguresChartData *
make_bars (FiguresNumberStyle style)
{
  FiguresChartData *data = figures_chart_data_new (FIGURES_CHART_BARS);

  figures_chart_data_set_style (data, style);
  figures_chart_data_set_language (data, style == FIGURES_NUMBER_STYLE_CHINESE
                                           ? FIGURES_CHART_LANGUAGE_CHINESE
                                           : FIGURES_CHART_LANGUAGE_ENGLISH);
  for (guint i = 0; i < G_N_ELEMENTS (cities); i++)
    add (data, cities[i], "trainees", 0, 270000.0 / (i + 1) * 1.4, 270000.0 / (i + 1), 3 + i,
         1 + i % 3, i % 4 == 1, "人次");
  figures_chart_data_set_source (data, 5, 29, "2026-11-22");

  return data;
}

static const char *const compare_cities[] = {
  "呼和浩特市", "包头市", "赤峰市", "鄂尔多斯市", "黔西南布依族苗族自治州", NULL,
};
static const char *const compare_metrics[] = {
  "training_sessions",
  "trainees",
  "funding",
  NULL,
};

static FiguresChartData *
make_compare (FiguresNumberStyle style)
{
  FiguresChartData *data = figures_chart_data_new (FIGURES_CHART_COMPARE);

  figures_chart_data_set_style (data, style);
  figures_chart_data_set_language (data, style == FIGURES_NUMBER_STYLE_CHINESE
                                           ? FIGURES_CHART_LANGUAGE_CHINESE
                                           : FIGURES_CHART_LANGUAGE_ENGLISH);
  for (guint i = 0; compare_cities[i] != NULL; i++)
    {
      const char *city = compare_cities[i];

      add (data, city, "training_sessions", 0, 0, 120 - i * 17.0, 4, 2, FALSE, "期");
      add (data, city, "trainees", 0, 0, (i + 1) * 43000.0, 4, 2, i == 2, "万人次");
      if (i != 3)
        add (data, city, "funding", 0, 0, 6.29e8 / (i + 1), 4, 2, FALSE, "万元");
    }
  figures_chart_data_set_cities (data, compare_cities);
  figures_chart_data_set_metrics (data, compare_metrics);
  figures_chart_data_set_source (data, 5, 29, "2026-11-22");

  return data;
}

static FiguresChartData *
make_years (FiguresNumberStyle style)
{
  FiguresChartData *data = figures_chart_data_new (FIGURES_CHART_YEARS);

  figures_chart_data_set_style (data, style);
  figures_chart_data_set_language (data, style == FIGURES_NUMBER_STYLE_CHINESE
                                           ? FIGURES_CHART_LANGUAGE_CHINESE
                                           : FIGURES_CHART_LANGUAGE_ENGLISH);
  for (guint i = 0; i < 4; i++)
    for (int year = 2018; year <= 2024; year++)
      if ((year + i) % 5 != 0)
        add (data, compare_cities[i], "trainees", year, 0,
             (i + 2) * 10000.0 + (year - 2018) * 3000.0 * (i + 1), 2, 1, year == 2020, "人次");
  /* A mention with no year: left out, and the subtitle says so. */
  add (data, compare_cities[0], "trainees", 0, 0, 5, 7, 1, FALSE, "人次");
  figures_chart_data_set_source (data, 5, 29, "2026-11-22");

  return data;
}

typedef FiguresChartData *(*MakeData) (FiguresNumberStyle style);

static const struct
{
  const char *name;
  MakeData make;
} kinds[] = {
  { "bars", make_bars },
  { "compare", make_compare },
  { "years", make_years },
};

/* ---- helpers ---- */

static gboolean
colors_equal (FiguresChartColor a, FiguresChartColor b)
{
  return a.red == b.red && a.green == b.green && a.blue == b.blue && a.alpha == b.alpha;
}

static gboolean
overlap (const cairo_rectangle_t *a, const cairo_rectangle_t *b)
{
  /* Touching is fine; a quarter unit of overlap is rounding. */
  double e = 0.25;

  return a->x + e < b->x + b->width && b->x + e < a->x + a->width && a->y + e < b->y + b->height &&
         b->y + e < a->y + a->height;
}

static void
assert_labels_fit (FiguresChartLayout *layout, const char *what)
{
  guint n = figures_chart_layout_get_n_labels (layout);
  double width = figures_chart_layout_get_width (layout);
  double height = figures_chart_layout_get_height (layout);

  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      FiguresChartLabel a;

      g_assert_true (figures_chart_layout_get_label (layout, i, &a));
      if (a.rect.x < -0.01 || a.rect.y < -0.01 || a.rect.x + a.rect.width > width + 0.01 ||
          a.rect.y + a.rect.height > height + 0.01)
        g_error ("%s: label “%s” (%g,%g %g×%g) leaves the %g×%g canvas", what, a.text, a.rect.x,
                 a.rect.y, a.rect.width, a.rect.height, width, height);

      for (guint j = i + 1; j < n; j++)
        {
          FiguresChartLabel b;

          g_assert_true (figures_chart_layout_get_label (layout, j, &b));
          if (overlap (&a.rect, &b.rect))
            g_error ("%s: labels “%s” (%g,%g %g×%g) and “%s” (%g,%g %g×%g) overlap", what, a.text,
                     a.rect.x, a.rect.y, a.rect.width, a.rect.height, b.text, b.rect.x, b.rect.y,
                     b.rect.width, b.rect.height);
        }
    }
}

static gboolean
has_label (FiguresChartLayout *layout, FiguresChartLabelRole role, const char *substring)
{
  for (guint i = 0; i < figures_chart_layout_get_n_labels (layout); i++)
    {
      FiguresChartLabel label;

      figures_chart_layout_get_label (layout, i, &label);
      if (label.role == role && (substring == NULL || strstr (label.text, substring) != NULL))
        return TRUE;
    }

  return FALSE;
}

static cairo_surface_t *
render (FiguresChartLayout *layout, double scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (
    CAIRO_FORMAT_RGB24, (int) ceil (figures_chart_layout_get_width (layout) * scale),
    (int) ceil (figures_chart_layout_get_height (layout) * scale));
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, scale, scale);
  figures_chart_layout_draw (layout, cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static guint32
pixel_at (cairo_surface_t *surface, int x, int y)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return ((guint32 *) (gpointer) (data + y * stride))[x] & 0xffffff;
}

static guint32
to_pixel (FiguresChartColor color)
{
  return ((guint32) round (color.red * 255) << 16) | ((guint32) round (color.green * 255) << 8) |
         (guint32) round (color.blue * 255);
}

/* ---- layout ---- */

static void
test_bars_proportional (void)
{
  g_autoptr (FiguresChartData) data = make_bars (EN);
  g_autoptr (FiguresChartLayout) layout =
    figures_chart_layout_new (data, 900, 600, FIGURES_CHART_THEME_LIGHT, 1);
  guint n = figures_chart_layout_get_n_marks (layout);
  double per_unit = 0;
  double previous_value = G_MAXDOUBLE, previous_y = -1;

  g_assert_cmpint (figures_chart_layout_get_kind (layout), ==, FIGURES_CHART_BARS);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (cities));

  for (guint i = 0; i < n; i++)
    {
      FiguresChartMark mark;

      g_assert_true (figures_chart_layout_get_mark (layout, i, &mark));
      g_assert_cmpint (mark.kind, ==, FIGURES_CHART_MARK_BAR);
      g_assert_cmpstr (mark.metric, ==, "trainees");
      g_assert_cmpfloat (mark.value, >, 0);
      /* Same units per value for every bar, all starting at the same x. */
      if (i == 0)
        per_unit = mark.rect.width / mark.value;
      else
        g_assert_cmpfloat_with_epsilon (mark.rect.width / mark.value, per_unit, 1e-9);
      /* Sorted by value, largest at the top. */
      g_assert_cmpfloat (mark.value, <=, previous_value);
      g_assert_cmpfloat (mark.rect.y, >, previous_y);
      previous_value = mark.value;
      previous_y = mark.rect.y;
      /* Max is the default aggregation: the largest mention, not the sum. */
      g_assert_cmpfloat (mark.value, ==, 270000.0 / (i + 1));
      g_assert_cmpuint (mark.mentions, ==, 3 + i);
      g_assert_cmpuint (mark.documents, ==, 1 + i % 3);
      g_assert_cmpstr (mark.unit, ==, "人次");
      g_assert_cmpint (mark.approx, ==, i % 4 == 1);
      if (mark.approx)
        g_assert_true (g_str_has_prefix (mark.label, "≈"));
    }

  assert_labels_fit (layout, "bars");
  g_assert_true (has_label (layout, FIGURES_CHART_LABEL_TITLE, "Trainees"));
  g_assert_true (has_label (layout, FIGURES_CHART_LABEL_VALUE, "270K person-times"));
  g_assert_true (has_label (layout, FIGURES_CHART_LABEL_VALUE, "≈135K person-times"));
  g_assert_true (has_label (layout, FIGURES_CHART_LABEL_AXIS_TITLE, "person-times"));
  g_assert_true (
    has_label (layout, FIGURES_CHART_LABEL_SOURCE, "Source: 5 reports, 29 statistics"));
  g_assert_true (has_label (layout, FIGURES_CHART_LABEL_TICK, "100K"));
  /* Counts only on request. */
  g_assert_false (has_label (layout, FIGURES_CHART_LABEL_COUNTS, NULL));
}

/* A chart fit for a report: the user's title (or none) and subtitle, the
 * years drawn, exact values, and a log axis whose ticks are powers of ten
 * and whose bars grow with the logarithm. */
static void
test_report_options (void)
{
  g_autoptr (FiguresChartData) data = figures_chart_data_new (FIGURES_CHART_BARS);
  g_autoptr (FiguresChartLayout) layout = NULL;
  FiguresChartMark big, small;
  guint n_ticks = 0;

  figures_chart_data_set_style (data, EN);
  figures_chart_data_set_language (data, FIGURES_CHART_LANGUAGE_ENGLISH);
  /* one bar dwarfs the others */
  add (data, "包头市", "funding", 0, 960000000, 960000000, 1, 1, FALSE, "元");
  add (data, "乌海市", "funding", 0, 56000, 56000, 1, 1, FALSE, "元");
  add (data, "赤峰市", "funding", 0, 1234567, 1234567, 1, 1, FALSE, "元");

  /* compact by default, with the chart's own title */
  layout = figures_chart_layout_new (data, 900, 600, FIGURES_CHART_THEME_LIGHT, 1);
  g_assert_true (has_label (layout, FIGURES_CHART_LABEL_VALUE, "960M yuan"));
  g_assert_true (has_label (layout, FIGURES_CHART_LABEL_TITLE, "Funding by city"));
  g_clear_pointer (&layout, figures_chart_layout_unref);

  figures_chart_data_set_exact_values (data, TRUE);
  figures_chart_data_set_scale (data, FIGURES_CHART_SCALE_LOG);
  figures_chart_data_set_title (data, "");
  figures_chart_data_set_subtitle (data, "As the reports state it");
  figures_chart_data_set_years (data, 2021, 2023);
  layout = figures_chart_layout_new (data, 900, 600, FIGURES_CHART_THEME_LIGHT, 1);
  assert_labels_fit (layout, "report options");
  g_assert_false (has_label (layout, FIGURES_CHART_LABEL_TITLE, NULL));
  g_assert_true (has_label (layout, FIGURES_CHART_LABEL_SUBTITLE, "As the reports state it"));
  g_assert_true (has_label (layout, FIGURES_CHART_LABEL_SUBTITLE, "2021–2023"));
  g_assert_true (has_label (layout, FIGURES_CHART_LABEL_SUBTITLE, "log scale"));
  g_assert_true (has_label (layout, FIGURES_CHART_LABEL_VALUE, "960,000,000 yuan"));
  g_assert_true (has_label (layout, FIGURES_CHART_LABEL_VALUE, "1,234,567 yuan"));
  g_assert_true (has_label (layout, FIGURES_CHART_LABEL_VALUE, "56,000 yuan"));

  /* ticks: powers of ten only, in order */
  for (guint i = 0; i < figures_chart_layout_get_n_labels (layout); i++)
    {
      FiguresChartLabel label;

      g_assert_true (figures_chart_layout_get_label (layout, i, &label));
      if (label.role != FIGURES_CHART_LABEL_TICK)
        continue;
      n_ticks++;
      g_assert_true (strcmp (label.text, "10K") == 0 || strcmp (label.text, "100K") == 0 ||
                     strcmp (label.text, "1M") == 0 || strcmp (label.text, "10M") == 0 ||
                     strcmp (label.text, "100M") == 0 || strcmp (label.text, "1B") == 0);
    }
  g_assert_cmpuint (n_ticks, >=, 3);

  /* lengths grow with the logarithm: 960M is 4.2 decades above 56K, 1.2M
   * 1.3; the smallest bar is still seen */
  g_assert_true (figures_chart_layout_get_mark (layout, 0, &big));
  g_assert_true (figures_chart_layout_get_mark (layout, 2, &small));
  g_assert_cmpfloat (small.value, ==, 56000);
  g_assert_cmpfloat (small.rect.width, >, 4);
  {
    FiguresChartMark middle;
    double decade;

    g_assert_true (figures_chart_layout_get_mark (layout, 1, &middle));
    decade = (big.rect.width - middle.rect.width) / (log10 (big.value) - log10 (middle.value));
    g_assert_cmpfloat_with_epsilon ((middle.rect.width - small.rect.width) / decade,
                                    log10 (middle.value) - log10 (small.value), 1e-6);
  }

  /* Chinese exact values keep every digit in 万/亿 */
  g_clear_pointer (&layout, figures_chart_layout_unref);
  figures_chart_data_set_style (data, FIGURES_NUMBER_STYLE_CHINESE);
  figures_chart_data_set_language (data, FIGURES_CHART_LANGUAGE_CHINESE);
  layout = figures_chart_layout_new (data, 900, 600, FIGURES_CHART_THEME_LIGHT, 1);
  g_assert_true (has_label (layout, FIGURES_CHART_LABEL_VALUE, "9.6亿元"));
  g_assert_true (has_label (layout, FIGURES_CHART_LABEL_VALUE, "123.4567万元"));
  g_assert_true (has_label (layout, FIGURES_CHART_LABEL_SUBTITLE, "对数坐标"));
}

/* A copy lays out as the original does, and changing it leaves the
 * original alone (the window changes a copy while an export draws) */
static void
test_data_copy (void)
{
  g_autoptr (FiguresChartData) data = make_bars (EN);
  g_autoptr (FiguresChartData) copy = NULL;
  g_autoptr (FiguresChartLayout) a = NULL;
  g_autoptr (FiguresChartLayout) b = NULL;

  figures_chart_data_set_subtitle (data, "Kept");
  copy = figures_chart_data_copy (data);
  a = figures_chart_layout_new (data, 900, 600, FIGURES_CHART_THEME_LIGHT, 1);
  b = figures_chart_layout_new (copy, 900, 600, FIGURES_CHART_THEME_LIGHT, 1);
  g_assert_cmpuint (figures_chart_layout_get_n_marks (a), ==, figures_chart_layout_get_n_marks (b));
  g_assert_cmpuint (figures_chart_layout_get_n_labels (a), ==,
                    figures_chart_layout_get_n_labels (b));
  for (guint i = 0; i < figures_chart_layout_get_n_labels (a); i++)
    {
      FiguresChartLabel x, y;

      g_assert_true (figures_chart_layout_get_label (a, i, &x));
      g_assert_true (figures_chart_layout_get_label (b, i, &y));
      g_assert_cmpstr (x.text, ==, y.text);
      g_assert_cmpfloat (x.rect.x, ==, y.rect.x);
    }
  figures_chart_data_set_exact_values (copy, TRUE);
  g_assert_false (figures_chart_data_get_exact_values (data));
  g_clear_pointer (&b, figures_chart_layout_unref);
  b = figures_chart_layout_new (copy, 900, 600, FIGURES_CHART_THEME_LIGHT, 1);
  g_assert_true (has_label (b, FIGURES_CHART_LABEL_VALUE, "270,000 person-times"));
  g_assert_true (has_label (b, FIGURES_CHART_LABEL_SUBTITLE, "Kept"));
}

static void
test_bars_aggregate_and_sort (void)
{
  g_autoptr (FiguresChartData) data = make_bars (ZH);
  g_autoptr (FiguresChartLayout) by_name = NULL;
  g_autoptr (FiguresChartLayout) sums = NULL;
  g_autoptr (FiguresChartLayout) counts = NULL;
  FiguresChartMark first, second;

  figures_chart_data_set_sort (data, FIGURES_CHART_SORT_NAME);
  by_name = figures_chart_layout_new (data, 900, 600, FIGURES_CHART_THEME_LIGHT, 1);
  /* Pinyin order: 阿拉善盟 (a), 巴彦淖尔市 (ba), 包头市 (bao). */
  figures_chart_layout_get_mark (by_name, 0, &first);
  figures_chart_layout_get_mark (by_name, 1, &second);
  g_assert_cmpstr (first.city, ==, "阿拉善盟");
  g_assert_cmpstr (second.city, ==, "巴彦淖尔市");

  figures_chart_data_set_sort (data, FIGURES_CHART_SORT_VALUE);
  figures_chart_data_set_aggregate (data, FIGURES_AGGREGATE_SUM);
  figures_chart_data_set_show_counts (data, TRUE);
  sums = figures_chart_layout_new (data, 900, 600, FIGURES_CHART_THEME_LIGHT, 1);
  figures_chart_layout_get_mark (sums, 0, &first);
  g_assert_cmpfloat_with_epsilon (first.value, 270000 * 1.4, 1e-6);
  g_assert_true (has_label (sums, FIGURES_CHART_LABEL_VALUE, "37.8万人次"));
  g_assert_true (has_label (sums, FIGURES_CHART_LABEL_COUNTS, "3处提及，1份报告"));
  g_assert_true (has_label (sums, FIGURES_CHART_LABEL_TITLE, "各城市培训人次"));
  g_assert_true (has_label (sums, FIGURES_CHART_LABEL_SOURCE, "来源："));
  g_assert_true (has_label (sums, FIGURES_CHART_LABEL_TICK, "万"));
  assert_labels_fit (sums, "bars, sums with counts");

  figures_chart_data_set_aggregate (data, FIGURES_AGGREGATE_COUNT);
  counts = figures_chart_layout_new (data, 900, 600, FIGURES_CHART_THEME_LIGHT, 1);
  figures_chart_layout_get_mark (counts, 0, &first);
  g_assert_cmpfloat (first.value, ==, 14); /* 阿拉善盟 has the most mentions */
  g_assert_cmpstr (first.city, ==, "阿拉善盟");
  g_assert_false (first.approx);
}

/* The user's options: exact values, a log scale, subtitle, no title. */
static void
test_options (void)
{
  g_autoptr (FiguresChartData) data = make_bars (EN);
  g_autoptr (FiguresChartLayout) exact = NULL;
  g_autoptr (FiguresChartLayout) log_scale = NULL;
  g_autoptr (FiguresChartLayout) untitled = NULL;
  g_autoptr (FiguresChartData) chinese = make_compare (ZH);
  g_autoptr (FiguresChartLayout) chinese_exact = NULL;
  FiguresChartMark first, last;
  guint n_ticks = 0;
  double low;

  figures_chart_data_set_exact_values (data, TRUE);
  exact = figures_chart_layout_new (data, 900, 600, FIGURES_CHART_THEME_LIGHT, 1);
  g_assert_true (has_label (exact, FIGURES_CHART_LABEL_VALUE, "270,000 person-times"));
  g_assert_false (has_label (exact, FIGURES_CHART_LABEL_VALUE, "270K"));
  /* ticks stay round and short: the values carry the digits */
  g_assert_true (has_label (exact, FIGURES_CHART_LABEL_TICK, "100K"));
  g_assert_true (has_label (exact, FIGURES_CHART_LABEL_SUBTITLE, "Largest single mention"));
  assert_labels_fit (exact, "bars, exact");

  /* 270,000 down to 22,500: ticks at 10,000, 100,000 (and 1,000,000
   * if it fits), bars from 10,000. */
  figures_chart_data_set_scale (data, FIGURES_CHART_SCALE_LOG);
  figures_chart_data_set_subtitle (data, "Trainees in the year's reports");
  log_scale = figures_chart_layout_new (data, 900, 600, FIGURES_CHART_THEME_LIGHT, 1);
  for (guint i = 0; i < figures_chart_layout_get_n_labels (log_scale); i++)
    {
      FiguresChartLabel label;
      g_autoptr (GString) digits = NULL;
      double value;

      figures_chart_layout_get_label (log_scale, i, &label);
      if (label.role != FIGURES_CHART_LABEL_TICK)
        continue;
      digits = g_string_new (label.text);
      value = g_ascii_strtod (digits->str, NULL) * (g_str_has_suffix (label.text, "K")   ? 1e3
                                                    : g_str_has_suffix (label.text, "M") ? 1e6
                                                                                         : 1);
      g_assert_cmpfloat (value, >, 0);
      g_assert_cmpfloat_with_epsilon (log10 (value), round (log10 (value)), 1e-9);
      n_ticks++;
    }
  g_assert_cmpuint (n_ticks, >=, 2);
  g_assert_true (has_label (log_scale, FIGURES_CHART_LABEL_TICK, "10K"));
  g_assert_true (has_label (log_scale, FIGURES_CHART_LABEL_TICK, "100K"));
  g_assert_true (
    has_label (log_scale, FIGURES_CHART_LABEL_SUBTITLE, "Trainees in the year's reports – "));
  g_assert_true (has_label (log_scale, FIGURES_CHART_LABEL_SUBTITLE, "log scale"));
  g_assert_false (has_label (log_scale, FIGURES_CHART_LABEL_SUBTITLE, "Largest single"));
  /* Lengths go by the logarithm from 10^4: equal ratios, equal steps. */
  figures_chart_layout_get_mark (log_scale, 0, &first);
  figures_chart_layout_get_mark (log_scale, figures_chart_layout_get_n_marks (log_scale) - 1,
                                 &last);
  low = 4;
  g_assert_cmpfloat_with_epsilon (first.rect.width / last.rect.width,
                                  (log10 (first.value) - low) / (log10 (last.value) - low), 1e-6);
  g_assert_cmpfloat (first.rect.width / last.rect.width, <, first.value / last.value);
  assert_labels_fit (log_scale, "bars, log scale");

  /* A zero has no bar on a log scale, and the subtitle says so; an empty
   * title draws none. */
  add (data, "三亚市", "trainees", 0, 0, 0, 1, 1, FALSE, "人次");
  figures_chart_data_set_title (data, "");
  untitled = figures_chart_layout_new (data, 900, 600, FIGURES_CHART_THEME_LIGHT, 1);
  g_assert_false (has_label (untitled, FIGURES_CHART_LABEL_TITLE, NULL));
  g_assert_true (has_label (untitled, FIGURES_CHART_LABEL_SUBTITLE, "no bar for zero or less"));
  for (guint i = 0; i < figures_chart_layout_get_n_marks (untitled); i++)
    {
      FiguresChartMark mark;

      figures_chart_layout_get_mark (untitled, i, &mark);
      if (g_strcmp0 (mark.city, "三亚市") == 0)
        g_assert_cmpfloat (mark.rect.width, ==, 0);
      else
        g_assert_cmpfloat (mark.rect.width, >, 0);
    }
  assert_labels_fit (untitled, "bars, log scale, untitled");

  /* Chinese: 万/亿 with every digit kept. */
  figures_chart_data_set_exact_values (chinese, TRUE);
  chinese_exact = figures_chart_layout_new (chinese, 1000, 620, FIGURES_CHART_THEME_LIGHT, 1);
  g_assert_true (has_label (chinese_exact, FIGURES_CHART_LABEL_VALUE, "6.29亿"));
  g_assert_true (has_label (chinese_exact, FIGURES_CHART_LABEL_VALUE, "3.145亿"));
  g_assert_false (has_label (chinese_exact, FIGURES_CHART_LABEL_VALUE, "3.15亿"));
}

/* The value label starting with @value sits after its bar, not on it. */
static void
assert_cut_label_after_bar (FiguresChartLayout *layout, const char *value)
{
  gboolean found = FALSE;

  for (guint i = 0; i < figures_chart_layout_get_n_labels (layout); i++)
    {
      FiguresChartLabel label;

      figures_chart_layout_get_label (layout, i, &label);
      if (label.role != FIGURES_CHART_LABEL_VALUE || !g_str_has_prefix (label.text, value))
        continue;
      for (guint j = 0; j < figures_chart_layout_get_n_marks (layout); j++)
        {
          FiguresChartMark mark;

          figures_chart_layout_get_mark (layout, j, &mark);
          if (mark.rect.y <= label.rect.y + label.rect.height / 2 &&
              label.rect.y + label.rect.height / 2 <= mark.rect.y + mark.rect.height &&
              mark.panel == label.panel)
            {
              g_assert_cmpfloat (label.rect.x, >=, mark.rect.x + mark.rect.width);
              found = TRUE;
            }
        }
    }
  g_assert_true (found);
}

/* One bar over five times the next: a broken axis cuts it, the rest
 * are drawn as on a linear axis that ends near the next one. */
static void
test_broken_axis (void)
{
  g_autoptr (FiguresChartData) data = figures_chart_data_new (FIGURES_CHART_BARS);
  g_autoptr (FiguresChartLayout) broken = NULL;
  g_autoptr (FiguresChartLayout) linear = NULL;
  g_autoptr (FiguresChartLayout) even = NULL;
  const double values[] = { 5e6, 4e5, 3e5, 2e5 };
  FiguresChartMark marks[G_N_ELEMENTS (values)];
  double max_tick = 0;

  figures_chart_data_set_style (data, EN);
  figures_chart_data_set_language (data, FIGURES_CHART_LANGUAGE_ENGLISH);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    add (data, cities[i], "funding", 0, 0, values[i], 1, 1, FALSE, "元");
  figures_chart_data_set_scale (data, FIGURES_CHART_SCALE_BROKEN);
  broken = figures_chart_layout_new (data, 900, 500, FIGURES_CHART_THEME_LIGHT, 1);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_assert_true (figures_chart_layout_get_mark (broken, i, &marks[i]));
      g_assert_cmpfloat (marks[i].value, ==, values[i]);
    }
  /* The cut bar is the longest, yet far shorter than its value asks */
  g_assert_cmpfloat (marks[0].rect.width, >, marks[1].rect.width + 20);
  g_assert_cmpfloat (marks[0].rect.width / marks[1].rect.width, <, values[0] / values[1] / 3);
  /* The others keep one scale */
  g_assert_cmpfloat_with_epsilon (marks[1].rect.width / values[1], marks[3].rect.width / values[3],
                                  1e-9);
  g_assert_true (has_label (broken, FIGURES_CHART_LABEL_VALUE, "5M yuan"));
  assert_cut_label_after_bar (broken, "5M");
  g_assert_true (has_label (broken, FIGURES_CHART_LABEL_SUBTITLE, "broken axis"));
  /* The axis ends near the next bar: no tick says millions */
  for (guint i = 0; i < figures_chart_layout_get_n_labels (broken); i++)
    {
      FiguresChartLabel label;

      figures_chart_layout_get_label (broken, i, &label);
      if (label.role != FIGURES_CHART_LABEL_TICK)
        continue;
      g_assert_null (strchr (label.text, 'M'));
      max_tick = MAX (max_tick, g_ascii_strtod (label.text, NULL) *
                                  (strchr (label.text, 'K') != NULL ? 1e3 : 1));
    }
  g_assert_cmpfloat (max_tick, >=, values[1]);
  g_assert_cmpfloat (max_tick, <, values[0] / 2);
  assert_labels_fit (broken, "broken axis");

  /* Linear: the longest bar to scale */
  figures_chart_data_set_scale (data, FIGURES_CHART_SCALE_LINEAR);
  linear = figures_chart_layout_new (data, 900, 500, FIGURES_CHART_THEME_LIGHT, 1);
  g_assert_true (figures_chart_layout_get_mark (linear, 1, &marks[1]));
  g_assert_true (figures_chart_layout_get_mark (linear, 0, &marks[0]));
  g_assert_cmpfloat_with_epsilon (marks[0].rect.width / marks[1].rect.width, values[0] / values[1],
                                  1e-6);
  g_assert_false (has_label (linear, FIGURES_CHART_LABEL_SUBTITLE, "broken axis"));

  /* No bar five times the next: nothing is cut */
  add (data, cities[4], "funding", 0, 0, 1.2e6, 1, 1, FALSE, "元");
  figures_chart_data_set_scale (data, FIGURES_CHART_SCALE_BROKEN);
  even = figures_chart_layout_new (data, 900, 500, FIGURES_CHART_THEME_LIGHT, 1);
  g_assert_true (figures_chart_layout_get_mark (even, 0, &marks[0]));
  g_assert_true (figures_chart_layout_get_mark (even, 2, &marks[2]));
  g_assert_cmpfloat_with_epsilon (marks[0].rect.width / marks[2].rect.width, values[0] / values[1],
                                  1e-6);
  g_assert_false (has_label (even, FIGURES_CHART_LABEL_SUBTITLE, "broken axis"));

  /* In a narrow panel of a comparison too, the cut bar's value follows it */
  {
    g_autoptr (FiguresChartData) compare = figures_chart_data_new (FIGURES_CHART_COMPARE);
    g_autoptr (FiguresChartLayout) panels = NULL;
    const char *const metrics[] = { "funding", "trainees", NULL };

    figures_chart_data_set_style (compare, EN);
    figures_chart_data_set_language (compare, FIGURES_CHART_LANGUAGE_ENGLISH);
    for (guint i = 0; i < 3; i++)
      {
        add (compare, cities[i], "funding", 0, 0, i == 0 ? 9.6e8 : 1.86e7 / i, 1, 1, FALSE, "元");
        add (compare, cities[i], "trainees", 0, 0, 56000.0 / (i + 1), 1, 1, FALSE, "人次");
      }
    figures_chart_data_set_metrics (compare, metrics);
    figures_chart_data_set_exact_values (compare, TRUE);
    figures_chart_data_set_scale (compare, FIGURES_CHART_SCALE_BROKEN);
    panels = figures_chart_layout_new (compare, 1000, 560, FIGURES_CHART_THEME_LIGHT, 1);
    assert_cut_label_after_bar (panels, "960,000,000");
    assert_labels_fit (panels, "broken axis, compare");
  }

  if (g_getenv ("FIGURES_KEEP_CHART") != NULL)
    {
      g_assert_true (figures_chart_layout_export (broken, g_getenv ("FIGURES_KEEP_CHART"),
                                                  FIGURES_CHART_FORMAT_PNG, NULL));
    }
}

static void
test_compare_colors (void)
{
  g_autoptr (FiguresChartData) data = make_compare (EN);
  g_autoptr (FiguresChartLayout) layout =
    figures_chart_layout_new (data, 1000, 620, FIGURES_CHART_THEME_LIGHT, 1);
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
  guint n = figures_chart_layout_get_n_marks (layout);
  guint bars_per_panel[3] = { 0 };
  double per_unit[3] = { 0 };

  g_assert_cmpint (figures_chart_layout_get_kind (layout), ==, FIGURES_CHART_COMPARE);
  g_assert_cmpuint (figures_chart_layout_get_n_panels (layout), ==, 3);
  /* 5 cities × 3 metrics, less the one funding figure left out. */
  g_assert_cmpuint (n, ==, 14);

  for (guint i = 0; i < n; i++)
    {
      FiguresChartMark mark;
      FiguresChartColor legend;

      figures_chart_layout_get_mark (layout, i, &mark);
      g_assert_cmpuint (mark.panel, <, 3);
      g_assert_cmpstr (mark.metric, ==, compare_metrics[mark.panel]);
      bars_per_panel[mark.panel]++;
      /* The city's colour is the same in every panel and in the legend. */
      g_assert_true (figures_chart_layout_get_city_color (layout, mark.city, &legend));
      g_assert_true (colors_equal (mark.color, legend));
      /* Each panel has its own axis: proportional within a panel. */
      if (per_unit[mark.panel] == 0)
        per_unit[mark.panel] = mark.rect.width / mark.value;
      else
        g_assert_cmpfloat_with_epsilon (mark.rect.width / mark.value, per_unit[mark.panel], 1e-9);
      g_hash_table_add (seen, GUINT_TO_POINTER (to_pixel (mark.color)));
    }
  g_assert_cmpuint (bars_per_panel[0], ==, 5);
  g_assert_cmpuint (bars_per_panel[1], ==, 5);
  g_assert_cmpuint (bars_per_panel[2], ==, 4);
  /* Five cities, five colours. */
  g_assert_cmpuint (g_hash_table_size (seen), ==, 5);
  /* Not a shared axis: funding (yuan) and sessions (tens) differ hugely. */
  g_assert_cmpfloat (per_unit[0] / per_unit[2], >, 1000);

  g_assert_true (has_label (layout, FIGURES_CHART_LABEL_LEGEND, "包头市"));
  g_assert_true (has_label (layout, FIGURES_CHART_LABEL_PANEL_TITLE, "Funding (yuan)"));
  /* The panel title names the unit; the bar's label need not. */
  g_assert_true (has_label (layout, FIGURES_CHART_LABEL_VALUE, "629M"));
  g_assert_false (has_label (layout, FIGURES_CHART_LABEL_VALUE, "629M yuan"));
  g_assert_true (has_label (layout, FIGURES_CHART_LABEL_VALUE, "no data"));
  assert_labels_fit (layout, "compare");
}

static void
test_years (void)
{
  g_autoptr (FiguresChartData) data = make_years (EN);
  g_autoptr (FiguresChartLayout) layout =
    figures_chart_layout_new (data, 800, 500, FIGURES_CHART_THEME_DARK, 2);
  guint n = figures_chart_layout_get_n_marks (layout);
  double x2018 = -1, x2024 = -1;

  g_assert_cmpint (figures_chart_layout_get_kind (layout), ==, FIGURES_CHART_YEARS);
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      FiguresChartMark mark;

      figures_chart_layout_get_mark (layout, i, &mark);
      g_assert_cmpint (mark.kind, ==, FIGURES_CHART_MARK_POINT);
      g_assert_cmpint (mark.year, >=, 2018);
      g_assert_cmpint (mark.year, <=, 2024);
      if (mark.year == 2018)
        x2018 = mark.rect.x;
      if (mark.year == 2024)
        x2024 = mark.rect.x;
    }
  /* Time runs left to right. */
  g_assert_cmpfloat (x2018, >=, 0);
  g_assert_cmpfloat (x2024, >, x2018);
  g_assert_true (has_label (layout, FIGURES_CHART_LABEL_TICK, "2018"));
  g_assert_true (has_label (layout, FIGURES_CHART_LABEL_SUBTITLE, "7 mentions without a year"));
  assert_labels_fit (layout, "years");
}

/* Every kind, both languages, sizes from cramped to large: labels stay on
 * the canvas and never overlap. */
static void
test_labels_never_overlap (void)
{
  static const double sizes[][2] = { { 160, 120 },   { 320, 240 },  { 480, 300 }, { 800, 500 },
                                     { 1600, 1000 }, { 1200, 300 }, { 300, 900 } };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint s = 0; s < 2; s++)
      for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
        {
          g_autoptr (FiguresChartData) data = kinds[k].make (s == 0 ? EN : ZH);
          g_autoptr (FiguresChartLayout) layout = NULL;
          g_autofree char *what = g_strdup_printf ("%s %s %g×%g", kinds[k].name,
                                                   s == 0 ? "en" : "zh", sizes[z][0], sizes[z][1]);

          figures_chart_data_set_show_counts (data, TRUE);
          layout =
            figures_chart_layout_new (data, sizes[z][0], sizes[z][1], FIGURES_CHART_THEME_LIGHT, 1);
          assert_labels_fit (layout, what);
        }
}

static void
test_truncation (void)
{
  g_autoptr (FiguresChartData) data = make_bars (ZH);
  g_autoptr (FiguresChartLayout) layout =
    figures_chart_layout_new (data, 240, 700, FIGURES_CHART_THEME_LIGHT, 1);
  gboolean cut = FALSE;

  /* The long prefecture name is cut short with an ellipsis, not clipped. */
  for (guint i = 0; i < figures_chart_layout_get_n_labels (layout); i++)
    {
      FiguresChartLabel label;

      figures_chart_layout_get_label (layout, i, &label);
      if (label.role == FIGURES_CHART_LABEL_CATEGORY && g_str_has_prefix (label.text, "黔西南") &&
          g_str_has_suffix (label.text, "…"))
        cut = TRUE;
      g_assert_cmpstr (label.text, !=, "黔西南布依族苗族自治州");
    }
  g_assert_true (cut);
  assert_labels_fit (layout, "narrow bars");
}

static void
test_too_many_rows (void)
{
  g_autoptr (FiguresChartData) data = make_bars (EN);
  g_autoptr (FiguresChartLayout) layout =
    figures_chart_layout_new (data, 600, 200, FIGURES_CHART_THEME_LIGHT, 1);
  guint n = figures_chart_layout_get_n_marks (layout);

  /* The rows that fit are shown, and the subtitle says how many are not. */
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, G_N_ELEMENTS (cities));
  g_assert_true (has_label (layout, FIGURES_CHART_LABEL_SUBTITLE, "not shown"));
  assert_labels_fit (layout, "short bars");
}

static void
test_hit_test (void)
{
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr (FiguresChartData) data = kinds[k].make (EN);
      g_autoptr (FiguresChartLayout) layout =
        figures_chart_layout_new (data, 1000, 620, FIGURES_CHART_THEME_LIGHT, 1);
      FiguresChartMark hit;

      for (guint i = 0; i < figures_chart_layout_get_n_marks (layout); i++)
        {
          FiguresChartMark mark;
          double cx, cy;

          figures_chart_layout_get_mark (layout, i, &mark);
          cx = mark.rect.x + mark.rect.width / 2;
          cy = mark.rect.y + mark.rect.height / 2;
          g_assert_true (figures_chart_layout_hit_test (layout, cx, cy, &hit));
          g_assert_cmpint (hit.kind, ==, mark.kind);
          g_assert_cmpstr (hit.city, ==, mark.city);
          g_assert_cmpstr (hit.metric, ==, mark.metric);
          g_assert_cmpint (hit.year, ==, mark.year);
          g_assert_cmpfloat (hit.value, ==, mark.value);
          g_assert_cmpuint (hit.mentions, ==, mark.mentions);
        }

      /* Outside the canvas and in its top-left margin: nothing. */
      g_assert_false (figures_chart_layout_hit_test (layout, -10, -10, &hit));
      g_assert_cmpint (hit.kind, ==, FIGURES_CHART_MARK_NONE);
      g_assert_false (figures_chart_layout_hit_test (layout, 2, 2, &hit));
      g_assert_false (figures_chart_layout_hit_test (layout, 5000, 300, &hit));
      g_assert_false (figures_chart_layout_hit_test (layout, 500, 619, &hit));
    }

  /* In a small multiple, off the bars but inside a panel: the panel. */
  {
    g_autoptr (FiguresChartData) data = make_compare (EN);
    g_autoptr (FiguresChartLayout) layout =
      figures_chart_layout_new (data, 1000, 620, FIGURES_CHART_THEME_LIGHT, 1);
    FiguresChartMark mark, hit;
    const char *storage[FIGURES_CHART_FILTER_STORAGE];
    FiguresStatisticsFilter filter;

    figures_chart_layout_get_mark (layout, 0, &mark);
    /* Legend entries name their city. */
    for (guint i = 0; i < figures_chart_layout_get_n_labels (layout); i++)
      {
        FiguresChartLabel label;

        figures_chart_layout_get_label (layout, i, &label);
        if (label.role == FIGURES_CHART_LABEL_LEGEND)
          {
            g_assert_true (
              figures_chart_layout_hit_test (layout, label.rect.x + label.rect.width / 2,
                                             label.rect.y + label.rect.height / 2, &hit));
            g_assert_cmpint (hit.kind, ==, FIGURES_CHART_MARK_LEGEND);
            g_assert_cmpstr (hit.city, ==, label.text);
          }
        if (label.role == FIGURES_CHART_LABEL_PANEL_TITLE)
          {
            g_assert_true (
              figures_chart_layout_hit_test (layout, label.rect.x + label.rect.width / 2,
                                             label.rect.y + label.rect.height / 2, &hit));
            g_assert_cmpint (hit.kind, ==, FIGURES_CHART_MARK_PANEL);
            g_assert_cmpstr (hit.metric, ==, compare_metrics[label.panel]);
            g_assert_null (hit.city);
          }
      }

    /* The statistics behind a bar: a filter for the index. */
    figures_chart_mark_to_filter (&mark, storage, &filter);
    g_assert_cmpstr (filter.cities[0], ==, mark.city);
    g_assert_null (filter.cities[1]);
    g_assert_cmpstr (filter.metrics[0], ==, mark.metric);
    g_assert_cmpint (filter.year, ==, 0);
  }
}

static void
test_empty (void)
{
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr (FiguresChartData) data =
        figures_chart_data_new ((FiguresChartKind) k); /* BARS, COMPARE, YEARS */
      g_autoptr (FiguresChartLayout) layout = NULL;
      g_autoptr (FiguresChartLayout) dark = NULL;
      cairo_surface_t *surface;
      guint32 background;
      guint differing = 0;

      figures_chart_data_set_style (data, EN);
      figures_chart_data_set_language (data, FIGURES_CHART_LANGUAGE_ENGLISH);
      if (k == FIGURES_CHART_YEARS)
        add (data, "包头市", "trainees", 0, 10, 10, 1, 1, FALSE, "人次"); /* no year */
      g_assert_true (figures_chart_data_is_empty (data));
      layout = figures_chart_layout_new (data, 600, 400, FIGURES_CHART_THEME_LIGHT, 1);
      g_assert_cmpuint (figures_chart_layout_get_n_marks (layout), ==, 0);
      g_assert_true (has_label (layout, FIGURES_CHART_LABEL_MESSAGE, "Nothing to show"));
      assert_labels_fit (layout, "empty");

      /* Not a blank image: the middle has text. */
      surface = render (layout, 1);
      background = pixel_at (surface, 0, 0);
      for (int y = 150; y < 250; y++)
        for (int x = 50; x < 550; x++)
          differing += pixel_at (surface, x, y) != background;
      g_assert_cmpuint (differing, >, 200);
      cairo_surface_destroy (surface);

      dark = figures_chart_layout_new (data, 600, 400, FIGURES_CHART_THEME_DARK, 1);
      surface = render (dark, 1);
      g_assert_cmpuint (
        pixel_at (surface, 0, 0), ==,
        to_pixel (figures_chart_palette_get (FIGURES_CHART_THEME_DARK)->background));
      cairo_surface_destroy (surface);
    }
}

/* ---- drawing ---- */

static void
test_draw_matches_layout (void)
{
  g_autoptr (FiguresChartData) data = make_compare (EN);
  g_autoptr (FiguresChartLayout) layout =
    figures_chart_layout_new (data, 1000, 620, FIGURES_CHART_THEME_LIGHT, 2);
  cairo_surface_t *surface = render (layout, 2);

  /* At the centre of every (unhatched) bar, its colour, at 2× too. */
  for (guint i = 0; i < figures_chart_layout_get_n_marks (layout); i++)
    {
      FiguresChartMark mark;
      int x, y;

      figures_chart_layout_get_mark (layout, i, &mark);
      x = (int) ((mark.rect.x + mark.rect.width * 0.3) * 2);
      y = (int) ((mark.rect.y + mark.rect.height / 2) * 2);
      g_assert_cmphex (pixel_at (surface, x, y), ==, to_pixel (mark.color));
    }
  cairo_surface_destroy (surface);
}

/* ---- export ---- */

static char *
temp_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("figures-chart-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

static void
test_export_png (void)
{
  g_autofree char *dir = temp_dir ();
  g_autoptr (FiguresChartData) data = make_bars (EN);
  double scales[] = { 1, 2 };

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      g_autofree char *path = g_build_filename (dir, "chart.PNG", NULL);
      g_autoptr (GError) error = NULL;
      cairo_surface_t *png;

      g_assert_true (
        figures_chart_export (data, path, 640, 400, scales[i], FIGURES_CHART_THEME_LIGHT, &error));
      g_assert_no_error (error);
      png = cairo_image_surface_create_from_png (path);
      g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (png), ==, 640 * scales[i]);
      g_assert_cmpint (cairo_image_surface_get_height (png), ==, 400 * scales[i]);
      cairo_surface_destroy (png);
    }

  remove_dir (dir);
}

static void
test_export_svg (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "chart.svg", NULL);
  g_autoptr (FiguresChartData) data = make_compare (ZH);
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  GMarkupParser parser = { 0 };
  g_autoptr (GMarkupParseContext) context = NULL;

  g_assert_true (figures_chart_export (data, path, 800, 500, 2, FIGURES_CHART_THEME_DARK, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);

  /* Well-formed XML, an <svg> of the requested size (vector: the scale
   * does not change it). */
  context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_assert_true (g_markup_parse_context_parse (context, contents, length, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_nonnull (strstr (contents, "width=\"800"));
  g_assert_nonnull (strstr (contents, "height=\"500"));

  remove_dir (dir);
}

/* strstr for binary contents (a PDF holds NUL bytes). */
static gboolean
contains_bytes (const char *haystack, gsize length, const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (haystack + i, needle, n) == 0)
      return TRUE;

  return FALSE;
}

static void
test_export_pdf (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "chart.pdf", NULL);
  g_autoptr (FiguresChartData) data = make_compare (ZH);
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *text = NULL;
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  gsize length;
  int status;

  g_assert_true (figures_chart_export (data, path, 800, 500, 1, FIGURES_CHART_THEME_LIGHT, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* Page size in points: the chart's size. */
  g_assert_true (contains_bytes (contents, length, "/MediaBox [ 0 0 800 500 ]"));

  if (pdftotext == NULL || pdfinfo == NULL)
    {
      g_test_skip ("pdftotext/pdfinfo (poppler-utils) not installed: text not checked");
      remove_dir (dir);
      return;
    }

  {
    const char *argv[] = { pdftotext, "-enc", "UTF-8", path, "-", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &text,
                                 NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, &error));
  }
  /* Text stayed text: Chinese labels can be found and copied. */
  g_assert_nonnull (strstr (text, "5个城市对比"));
  g_assert_nonnull (strstr (text, "呼和浩特市"));
  g_assert_nonnull (strstr (text, "6.29亿"));
  g_assert_nonnull (strstr (text, "资金（元）"));
  g_assert_nonnull (strstr (text, "来源"));

  {
    const char *argv[] = { pdfinfo, path, NULL };
    g_autofree char *info = NULL;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &info,
                                 NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_nonnull (strstr (info, "800 x 500 pts"));
  }

  remove_dir (dir);
}

static void
test_export_errors (void)
{
  g_autoptr (FiguresChartData) data = make_bars (EN);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "no", "such", "chart.png", NULL);
  g_autofree char *keep = g_build_filename (dir, "keep.png", NULL);
  g_autofree char *after = NULL;

  g_assert_false (
    figures_chart_export (data, missing, 800, 500, 1, FIGURES_CHART_THEME_LIGHT, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  g_assert_false (
    figures_chart_export (data, "chart.gif", 800, 500, 1, FIGURES_CHART_THEME_LIGHT, &error));
  g_assert_error (error, FIGURES_CHART_ERROR, FIGURES_CHART_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "chart.gif"));
  g_clear_error (&error);

  g_assert_false (
    figures_chart_export (data, keep, 800, 500, 0.5, FIGURES_CHART_THEME_LIGHT, &error));
  g_assert_error (error, FIGURES_CHART_ERROR, FIGURES_CHART_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (
    figures_chart_export (data, keep, 100000, 500, 1, FIGURES_CHART_THEME_LIGHT, &error));
  g_assert_error (error, FIGURES_CHART_ERROR, FIGURES_CHART_ERROR_INVALID);
  g_clear_error (&error);

  /* Too many pixels for cairo: an error, and the file already there stays. */
  g_assert_true (g_file_set_contents (keep, "old", -1, NULL));
  g_assert_false (
    figures_chart_export (data, keep, 20000, 500, 2, FIGURES_CHART_THEME_LIGHT, &error));
  g_assert_error (error, FIGURES_CHART_ERROR, FIGURES_CHART_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, keep));
  g_assert_true (g_file_get_contents (keep, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "old");

  {
    FiguresChartFormat format;

    g_assert_true (figures_chart_format_from_path ("a/b.Svg", &format));
    g_assert_cmpint (format, ==, FIGURES_CHART_FORMAT_SVG);
    g_assert_true (figures_chart_format_from_path ("x.pdf", &format));
    g_assert_cmpint (format, ==, FIGURES_CHART_FORMAT_PDF);
    g_assert_false (figures_chart_format_from_path ("png", &format));
  }

  remove_dir (dir);
}

/* ---- reference images ---- */

/* Pixels that differ from the reference by more than @threshold in some
 * channel and have no such match within one pixel either (so antialiasing
 * and sub-pixel text differences are forgiven, a moved bar or changed
 * colour is not). */
static guint
count_different (cairo_surface_t *actual, cairo_surface_t *reference, int threshold)
{
  int width = cairo_image_surface_get_width (actual);
  int height = cairo_image_surface_get_height (actual);
  guint different = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 a = pixel_at (actual, x, y);
        gboolean matched = FALSE;

        for (int dy = -1; dy <= 1 && !matched; dy++)
          for (int dx = -1; dx <= 1 && !matched; dx++)
            {
              int rx = x + dx, ry = y + dy;
              guint32 r;
              int max = 0;

              if (rx < 0 || ry < 0 || rx >= width || ry >= height)
                continue;
              r = pixel_at (reference, rx, ry);
              for (int shift = 0; shift <= 16; shift += 8)
                max = MAX (max, abs ((int) ((a >> shift) & 0xff) - (int) ((r >> shift) & 0xff)));
              matched = max <= threshold;
            }
        different += !matched;
      }

  return different;
}

/* Differing pixels allowed: a few glyph edges, not a bar's end. */
#define REFERENCE_BUDGET 60
#define REFERENCE_THRESHOLD 48

static void
test_reference (gconstpointer user_data)
{
  guint k = GPOINTER_TO_UINT (user_data);
  const char *source_dir = g_getenv ("FIGURES_SOURCE_DIR");
  g_autofree char *name = g_strdup_printf ("chart-%s.png", kinds[k].name);
  g_autofree char *reference_path = NULL;
  g_autoptr (FiguresChartData) data = kinds[k].make (ZH);
  g_autoptr (FiguresChartLayout) layout = NULL;
  cairo_surface_t *actual, *reference;
  guint different;

  if (source_dir == NULL)
    {
      g_test_skip ("FIGURES_SOURCE_DIR is not set");
      return;
    }
  reference_path = g_build_filename (source_dir, "tests", "reference", name, NULL);
  layout = figures_chart_layout_new (data, 800, 500, FIGURES_CHART_THEME_LIGHT, 1);
  actual = render (layout, 1);

  if (g_getenv ("FIGURES_REGENERATE") != NULL)
    {
      g_assert_cmpint (cairo_surface_write_to_png (actual, reference_path), ==,
                       CAIRO_STATUS_SUCCESS);
      g_test_message ("wrote %s", reference_path);
      cairo_surface_destroy (actual);
      return;
    }

  reference = cairo_image_surface_create_from_png (reference_path);
  if (cairo_surface_status (reference) != CAIRO_STATUS_SUCCESS)
    g_error ("cannot read %s: regenerate with FIGURES_REGENERATE=1", reference_path);
  g_assert_cmpint (cairo_image_surface_get_width (reference), ==, 800);
  g_assert_cmpint (cairo_image_surface_get_height (reference), ==, 500);

  different = count_different (actual, reference, REFERENCE_THRESHOLD);
  if (different > REFERENCE_BUDGET)
    {
      g_autofree char *saved = g_build_filename (g_get_tmp_dir (), name, NULL);

      cairo_surface_write_to_png (actual, saved);
      g_error ("%s: %u pixels differ from %s (budget %d); this rendering is in %s", name, different,
               reference_path, REFERENCE_BUDGET, saved);
    }
  g_test_message ("%s: %u pixels differ (budget %d)", name, different, REFERENCE_BUDGET);

  /* The comparison is not blind: one bar or point moved a little fails it. */
  {
    g_autoptr (FiguresChartData) moved = kinds[k].make (ZH);
    g_autoptr (FiguresChartLayout) moved_layout = NULL;
    cairo_surface_t *moved_surface;

    if (k == 0)
      add (moved, cities[5], "trainees", 0, 0, 270000.0 / 6 * 1.1, 0, 0, FALSE, "人次");
    else if (k == 1)
      add (moved, compare_cities[3], "funding", 0, 0, 1e8, 1, 1, FALSE, "万元"); /* a new bar */
    else
      add (moved, compare_cities[1], "trainees", 2019, 0, 40000, 0, 0, FALSE,
           "人次"); /* a new point */
    moved_layout = figures_chart_layout_new (moved, 800, 500, FIGURES_CHART_THEME_LIGHT, 1);
    moved_surface = render (moved_layout, 1);
    different = count_different (moved_surface, reference, REFERENCE_THRESHOLD);
    g_test_message ("%s, changed: %u pixels differ", name, different);
    g_assert_cmpuint (different, >, REFERENCE_BUDGET);
    cairo_surface_destroy (moved_surface);
  }

  /* Nor colour-blind: the dark theme is far off. */
  {
    g_autoptr (FiguresChartLayout) dark =
      figures_chart_layout_new (data, 800, 500, FIGURES_CHART_THEME_DARK, 1);
    cairo_surface_t *dark_surface = render (dark, 1);

    g_assert_cmpuint (count_different (dark_surface, reference, REFERENCE_THRESHOLD), >,
                      REFERENCE_BUDGET);
    cairo_surface_destroy (dark_surface);
  }

  cairo_surface_destroy (reference);
  cairo_surface_destroy (actual);
}

/* The words follow the language passed in, the numbers their own style */
static void
test_language_apart_from_numbers (void)
{
  g_autoptr (FiguresChartData) data = make_bars (FIGURES_NUMBER_STYLE_CHINESE);
  g_autoptr (FiguresChartLayout) layout = NULL;

  figures_chart_data_set_language (data, FIGURES_CHART_LANGUAGE_ENGLISH);
  layout = figures_chart_layout_new (data, 1200, 750, FIGURES_CHART_THEME_LIGHT, 1);
  g_assert_true (has_label (layout, FIGURES_CHART_LABEL_TITLE, "Trainees by city"));
  g_assert_true (has_label (layout, FIGURES_CHART_LABEL_VALUE, "万"));
  g_clear_pointer (&layout, figures_chart_layout_unref);

  figures_chart_data_set_style (data, FIGURES_NUMBER_STYLE_ENGLISH);
  figures_chart_data_set_language (data, FIGURES_CHART_LANGUAGE_CHINESE);
  layout = figures_chart_layout_new (data, 1200, 750, FIGURES_CHART_THEME_LIGHT, 1);
  g_assert_true (has_label (layout, FIGURES_CHART_LABEL_TITLE, "各城市培训人次"));
  g_assert_false (has_label (layout, FIGURES_CHART_LABEL_VALUE, "万"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/bars/proportional", test_bars_proportional);
  g_test_add_func ("/chart/bars/aggregate-and-sort", test_bars_aggregate_and_sort);
  g_test_add_func ("/chart/options", test_options);
  g_test_add_func ("/chart/broken-axis", test_broken_axis);
  g_test_add_func ("/chart/compare/colors", test_compare_colors);
  g_test_add_func ("/chart/years", test_years);
  g_test_add_func ("/chart/language-apart-from-numbers", test_language_apart_from_numbers);
  g_test_add_func ("/chart/labels/never-overlap", test_labels_never_overlap);
  g_test_add_func ("/chart/labels/truncation", test_truncation);
  g_test_add_func ("/chart/labels/too-many-rows", test_too_many_rows);
  g_test_add_func ("/chart/hit-test", test_hit_test);
  g_test_add_func ("/chart/empty", test_empty);
  g_test_add_func ("/chart/draw/matches-layout", test_draw_matches_layout);
  g_test_add_func ("/chart/export/png", test_export_png);
  g_test_add_func ("/chart/export/svg", test_export_svg);
  g_test_add_func ("/chart/export/pdf", test_export_pdf);
  g_test_add_func ("/chart/export/errors", test_export_errors);
  g_test_add_func ("/chart/report-options", test_report_options);
  g_test_add_func ("/chart/data-copy", test_data_copy);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *path = g_strdup_printf ("/chart/reference/%s", kinds[k].name);

      g_test_add_data_func (path, GUINT_TO_POINTER (k), test_reference);
    }

  return g_test_run ();
}
