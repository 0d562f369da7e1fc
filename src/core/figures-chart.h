/* figures-chart.h: charts of the statistics, drawn with Cairo and Pango
 *
 * Three steps, kept apart (style.md, pattern 10):
 *
 *   data    FiguresChartData: what to show, built from aggregate rows
 *           (figures_index_aggregate()) or rows you construct. Plain data: may
 *           be built in a worker thread and handed to the main thread.
 *   layout  FiguresChartLayout: every rectangle, tick and label placed for
 *           one size, theme and scale. Compute it when the data or the size
 *           changes (it measures text with Pango: do it in the thread that
 *           draws, e.g. in a GtkDrawingArea's resize handler).
 *   draw    figures_chart_layout_draw(): reads only the layout, so the screen
 *           and the PNG/SVG/PDF export draw the same thing, and
 *           figures_chart_layout_hit_test() answers from the same rectangles.
 *
 * Kinds:
 *   BARS     one metric across cities: horizontal bars, sorted by value or
 *            name, value labels, approximate values marked "≈".
 *   COMPARE  cities side by side over several metrics: small multiples, one
 *            panel per metric with its own axis, one colour per city in every
 *            panel and a legend.
 *   YEARS    over time: one line per city by year, one panel per metric.
 * A BARS chart given several metrics is drawn as COMPARE.
 *
 * Coordinates are logical units (what GTK calls pixels); @scale is device
 * pixels per unit (2 on a HiDPI screen or for a 2× PNG), used to snap lines.
 *
 * GTK-free: cairo and pangocairo only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "figures-chart-palette.h"
#include "figures-format.h"
#include "figures-core-types.h"

G_BEGIN_DECLS

#define FIGURES_CHART_ERROR (figures_chart_error_quark ())

typedef enum
{
  FIGURES_CHART_ERROR_FAILED,  /* cairo said no: the message says why */
  FIGURES_CHART_ERROR_FORMAT,  /* not .png, .svg or .pdf */
  FIGURES_CHART_ERROR_INVALID, /* a size or scale out of range */
} FiguresChartError;

GQuark figures_chart_error_quark (void);

typedef enum
{
  FIGURES_CHART_BARS,
  FIGURES_CHART_COMPARE,
  FIGURES_CHART_YEARS,
} FiguresChartKind;

/* What one bar or point shows of the mentions behind it. */
typedef enum
{
  FIGURES_AGGREGATE_MAX,   /* the largest mention (default: see README) */
  FIGURES_AGGREGATE_SUM,   /* sum of distinct mentions */
  FIGURES_AGGREGATE_COUNT, /* number of mentions */
} FiguresAggregate;

typedef enum
{
  FIGURES_CHART_SORT_VALUE, /* largest first (default) */
  FIGURES_CHART_SORT_NAME,  /* by city name, as given or in code-point order */
} FiguresChartSort;

/* The language of a chart's words (titles, units, notes); numbers follow
 * FiguresNumberStyle, separately. */
typedef enum
{
  FIGURES_CHART_LANGUAGE_ENGLISH,
  FIGURES_CHART_LANGUAGE_CHINESE,
} FiguresChartLanguage;

/* The language of the user interface ($LANGUAGE, $LC_ALL, $LC_MESSAGES,
 * $LANG): Chinese for zh*, else English. */
FiguresChartLanguage figures_chart_language_from_locale (void);

/* "max" "sum" "count" / "city" "year" / "value" "name" */
gboolean figures_aggregate_from_string (const char *text, FiguresAggregate *aggregate);
gboolean figures_chart_sort_from_string (const char *text, FiguresChartSort *sort);

/* ---- data ---- */

#define FIGURES_TYPE_CHART_DATA (figures_chart_data_get_type ())

typedef struct _FiguresChartData FiguresChartData;

GType figures_chart_data_get_type (void) G_GNUC_CONST;
FiguresChartData *figures_chart_data_new (FiguresChartKind kind);
FiguresChartData *figures_chart_data_ref (FiguresChartData *self);
/* A copy to change while another thread draws or exports the original */
FiguresChartData *figures_chart_data_copy (FiguresChartData *self);
void figures_chart_data_unref (FiguresChartData *self);

FiguresChartKind figures_chart_data_get_kind (FiguresChartData *self);

/* Adds one aggregate row (copied). Rows with the same city, metric and year
 * are merged (sums and counts added, the larger max kept). For BARS and
 * COMPARE the year is ignored. Rows without a city are left out. */
void figures_chart_data_add_row (FiguresChartData *self, const FiguresAggregateRow *row);
/* FiguresAggregateRow*, as figures_index_aggregate() returns them. */
void figures_chart_data_add_rows (FiguresChartData *self, GPtrArray *rows);

void figures_chart_data_set_aggregate (FiguresChartData *self, FiguresAggregate aggregate);
FiguresAggregate figures_chart_data_get_aggregate (FiguresChartData *self);
/* The order of panels (metric keys); NULL: the metrics of the rows, in the
 * order of FiguresMetric. Metrics listed without rows get an empty panel. */
void figures_chart_data_set_metrics (FiguresChartData *self, const char *const *metrics);
/* The chosen cities, in order: they fix each city's colour (the n-th city
 * gets series colour n) and cities listed without rows still appear (as
 * "no data"). NULL: the cities of the rows, by name. */
void figures_chart_data_set_cities (FiguresChartData *self, const char *const *cities);
void figures_chart_data_set_sort (FiguresChartData *self, FiguresChartSort sort);
/* Show "12 mentions · 3 reports" beside each bar. Off by default; the
 * numbers are always in FiguresChartMark. */
void figures_chart_data_set_show_counts (FiguresChartData *self, gboolean show_counts);
/* Default: figures_number_style_from_locale() when the data was made. */
void figures_chart_data_set_style (FiguresChartData *self, FiguresNumberStyle style);
FiguresNumberStyle figures_chart_data_get_style (FiguresChartData *self);
/* Default: figures_chart_language_from_locale() when the data was made. */
void figures_chart_data_set_language (FiguresChartData *self, FiguresChartLanguage language);
FiguresChartLanguage figures_chart_data_get_language (FiguresChartData *self);
/* NULL: a title made from the metric and the aggregation; "": none. */
void figures_chart_data_set_title (FiguresChartData *self, const char *title);
/* NULL: the line under the title says how the values were aggregated;
 * else it says @subtitle. Its notes (≈, cities left out) follow either. */
void figures_chart_data_set_subtitle (FiguresChartData *self, const char *subtitle);
/* The years the rows were taken from (0: open), said in the subtitle. */
void figures_chart_data_set_years (FiguresChartData *self, int year_from, int year_to);
/* Values with every digit (56,000; 6.29亿元) rather than three (56K). */
void figures_chart_data_set_exact_values (FiguresChartData *self, gboolean exact);
gboolean figures_chart_data_get_exact_values (FiguresChartData *self);

typedef enum
{
  FIGURES_CHART_SCALE_LINEAR,
  /* powers of ten, for one bar that dwarfs the rest: bars start at the
   * power of ten below the smallest value, the axis says "log scale" */
  FIGURES_CHART_SCALE_LOG,
  /* linear, but when the longest bar is more than five times the next it
   * is cut short with a break mark, its value written beside it, and the
   * axis fits the others */
  FIGURES_CHART_SCALE_BROKEN,
} FiguresChartScale;

/* "linear" "log" "broken" */
gboolean figures_chart_scale_from_string (const char *text, FiguresChartScale *scale);
/* Bars' value axis (line charts stay linear). Default linear. */
void figures_chart_data_set_scale (FiguresChartData *self, FiguresChartScale scale);
FiguresChartScale figures_chart_data_get_scale (FiguresChartData *self);
/* The source line: "Source: 5 reports, 29 statistics · Figures 0.1.0 ·
 * indexed 2026-11-22" (来源：…): @n_documents the reports in the index,
 * @n_statistics the mentions drawn. @indexed_date may be NULL. Without a
 * call no source line is drawn. */
void figures_chart_data_set_source (FiguresChartData *self,
                                    guint n_documents,
                                    guint n_statistics,
                                    const char *indexed_date);
/* Whether @metric (a key, or "other:LABEL") has a panel */
gboolean figures_chart_data_has_metric (FiguresChartData *self, const char *metric);
/* No row to show: the chart says so in words. */
gboolean figures_chart_data_is_empty (FiguresChartData *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FiguresChartData, figures_chart_data_unref)

/* ---- a chart of the index: the one way the window and `figures chart`
 * ask for one ---- */

typedef struct
{
  FiguresChartKind   kind;        /* BARS (several metrics draw as COMPARE),
                                   * COMPARE, or YEARS (grouped by year) */
  const char *const *metrics;     /* keys, one panel each; NULL: every metric */
  const char *const *cities;      /* canonical names, in order (their colours);
                                   * NULL: every city with statistics */
  FiguresAggregate   aggregate;
  FiguresChartSort   sort;
  gboolean           show_counts;
  const char *title; /* NULL: from the metric and aggregation; "": none */
  int year_from;     /* the years of the statistics drawn; 0: open */
  int year_to;
  const char *const *labels; /* `other` figures: the labels charted, each
                              * a panel ("宣讲 场次"); NULL: the four
                              * most mentioned, two beside other metrics */
  const char *subtitle;      /* NULL: from the aggregation */
  gboolean exact;            /* every digit of the values */
  FiguresChartScale scale;
} FiguresChartRequest;

/* A deep copy, to hand to a worker thread; free with
 * figures_chart_request_free(). */
FiguresChartRequest *figures_chart_request_copy (const FiguresChartRequest *request);
void figures_chart_request_free (FiguresChartRequest *request);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FiguresChartRequest, figures_chart_request_free)

/* Aggregates the index's statistics as @request says, with the source line
 * "N reports, M statistics (those drawn) · indexed <the index's date>".
 * Blocks: call it from a worker thread. */
FiguresChartData *figures_chart_data_new_from_index (FiguresIndex              *index,
                                                     const FiguresChartRequest *request,
                                                     GError                   **error);

/* ---- layout ---- */

#define FIGURES_TYPE_CHART_LAYOUT (figures_chart_layout_get_type ())

typedef struct _FiguresChartLayout FiguresChartLayout;

typedef enum
{
  FIGURES_CHART_MARK_NONE,
  FIGURES_CHART_MARK_BAR,    /* one city's bar (BARS, COMPARE) */
  FIGURES_CHART_MARK_POINT,  /* one city's value in one year (YEARS) */
  FIGURES_CHART_MARK_PANEL,  /* a panel, off its bars: metric set, city NULL */
  FIGURES_CHART_MARK_LEGEND, /* a legend entry: city set, metric NULL */
} FiguresChartMarkKind;

/* A bar, point, panel or legend entry and the statistics behind it. The
 * strings belong to the layout: valid while it lives. To list the mentions
 * behind a bar or point, pass city, metric and year to
 * figures_index_list_statistics() (figures_chart_mark_to_filter()). */
typedef struct
{
  FiguresChartMarkKind kind;
  guint panel; /* index of the panel (0 for BARS) */
  const char *city;
  const char *metric; /* key: "trainees" */
  int year;           /* 0 unless YEARS */
  int year_from;      /* the chart's years (figures_chart_data_set_years()) */
  int year_to;
  double value;       /* per the aggregation */
  gboolean approx;
  guint mentions;
  guint documents;
  const char *unit;       /* base unit, Chinese: "人次", "元" */
  const char *label;      /* the value as drawn: "≈27万人次" */
  cairo_rectangle_t rect; /* the bar; a point's hit area; the panel */
  FiguresChartColor color;
} FiguresChartMark;

/* Fills @filter to select the mentions behind @mark (of its city, metric,
 * or label of `other`, and years), using @storage (an array of
 * FIGURES_CHART_FILTER_STORAGE) for its string vectors. */
#define FIGURES_CHART_FILTER_STORAGE 6
void figures_chart_mark_to_filter (const FiguresChartMark *mark,
                                   const char **storage,
                                   FiguresStatisticsFilter *filter);

typedef enum
{
  FIGURES_CHART_LABEL_TITLE,
  FIGURES_CHART_LABEL_SUBTITLE,
  FIGURES_CHART_LABEL_PANEL_TITLE,
  FIGURES_CHART_LABEL_CATEGORY, /* a city name beside its bar */
  FIGURES_CHART_LABEL_VALUE,    /* a value at the end of a bar */
  FIGURES_CHART_LABEL_COUNTS,   /* mentions · reports */
  FIGURES_CHART_LABEL_TICK,
  FIGURES_CHART_LABEL_AXIS_TITLE,
  FIGURES_CHART_LABEL_LEGEND,
  FIGURES_CHART_LABEL_SOURCE,
  FIGURES_CHART_LABEL_MESSAGE, /* "nothing to show" */
} FiguresChartLabelRole;

typedef struct
{
  FiguresChartLabelRole role;
  guint panel;
  const char *text;       /* as drawn, possibly cut short with "…" */
  cairo_rectangle_t rect; /* ink-safe logical extents */
} FiguresChartLabel;

GType figures_chart_layout_get_type (void) G_GNUC_CONST;
/* @width and @height in logical units (at least 160×120), @scale >= 1. */
FiguresChartLayout *figures_chart_layout_new (
  FiguresChartData *data, double width, double height, FiguresChartTheme theme, double scale);
FiguresChartLayout *figures_chart_layout_ref (FiguresChartLayout *self);
void figures_chart_layout_unref (FiguresChartLayout *self);

double figures_chart_layout_get_width (FiguresChartLayout *self);
double figures_chart_layout_get_height (FiguresChartLayout *self);
FiguresChartData *figures_chart_layout_get_data (FiguresChartLayout *self);
/* The kind actually drawn (BARS with several metrics is COMPARE). */
FiguresChartKind figures_chart_layout_get_kind (FiguresChartLayout *self);

/* Bars and points (not panels or legend entries), in drawing order. */
guint figures_chart_layout_get_n_marks (FiguresChartLayout *self);
gboolean
figures_chart_layout_get_mark (FiguresChartLayout *self, guint index, FiguresChartMark *mark);
guint figures_chart_layout_get_n_panels (FiguresChartLayout *self);
/* Every text drawn. */
guint figures_chart_layout_get_n_labels (FiguresChartLayout *self);
gboolean
figures_chart_layout_get_label (FiguresChartLayout *self, guint index, FiguresChartLabel *label);
/* The colour @city has in every panel; FALSE when it is not in the chart. */
gboolean figures_chart_layout_get_city_color (FiguresChartLayout *self,
                                              const char *city,
                                              FiguresChartColor *color);

/* The bar or point under (@x, @y), else the legend entry, else the panel;
 * FALSE (and kind NONE) when none. */
gboolean figures_chart_layout_hit_test (FiguresChartLayout *self,
                                        double x,
                                        double y,
                                        FiguresChartMark *mark);

/* ---- drawing ---- */

/* Draws the whole chart, background included, at (0, 0). */
void figures_chart_layout_draw (FiguresChartLayout *self, cairo_t *cr);

/* ---- export ---- */

typedef enum
{
  FIGURES_CHART_FORMAT_PNG,
  FIGURES_CHART_FORMAT_SVG,
  FIGURES_CHART_FORMAT_PDF,
} FiguresChartFormat;

/* From the file name's extension (case-insensitive). */
gboolean figures_chart_format_from_path (const char *path, FiguresChartFormat *format);

/* PNG: width×scale by height×scale pixels. SVG and PDF: vector, width×height
 * points, text kept as text. */
gboolean figures_chart_layout_export_to_stream (FiguresChartLayout *self,
                                                GOutputStream *stream,
                                                FiguresChartFormat format,
                                                GCancellable *cancellable,
                                                GError **error);
/* Replaces @path atomically; errors name it. */
gboolean figures_chart_layout_export (FiguresChartLayout *self,
                                      const char *path,
                                      FiguresChartFormat format,
                                      GError **error);
/* Layout and export in one call, format from @path's extension. */
gboolean figures_chart_export (FiguresChartData *data,
                               const char *path,
                               double width,
                               double height,
                               double scale,
                               FiguresChartTheme theme,
                               GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FiguresChartLayout, figures_chart_layout_unref)

G_END_DECLS
