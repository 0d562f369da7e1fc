/* figures-chart-private.h: what the chart's data, layout, drawing and export share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "figures-chart.h"

G_BEGIN_DECLS

/* One (city, metric, year) with everything the aggregations need. */
typedef struct
{
  char *city;
  char *metric;
  int year;
  double sum;
  double max;
  guint mentions;
  guint documents;
  gboolean any_approx;
  gboolean max_approx;
  char *unit; /* as written, most common */
} FiguresChartRow;

struct _FiguresChartData
{
  gatomicrefcount ref_count;
  FiguresChartKind kind;
  FiguresAggregate aggregate;
  FiguresChartSort sort;
  FiguresNumberStyle style;
  FiguresChartLanguage language;
  gboolean show_counts;
  char *title;    /* NULL: made from the metric; "": none */
  char *subtitle; /* NULL: made from the aggregation */
  int year_from;  /* the years drawn, said in the subtitle; 0: open */
  int year_to;
  gboolean exact; /* values with every digit */
  FiguresChartScale scale;
  GStrv metrics; /* NULL: from the rows */
  GStrv cities;  /* NULL: from the rows */
  gboolean has_source;
  guint n_documents;
  guint n_statistics;
  char *indexed_date;
  GPtrArray *rows;    /* FiguresChartRow* */
  GHashTable *by_key; /* "city\x1fmetric\x1fyear" → FiguresChartRow* (in rows) */
};

/* The value a row shows under @aggregate, and whether it is approximate. */
double
_figures_chart_row_value (const FiguresChartRow *row, FiguresAggregate aggregate, gboolean *approx);
/* Metric keys in panel order (owned array of borrowed strings). */
GPtrArray *_figures_chart_data_list_metrics (FiguresChartData *self);
/* Cities in colour order (owned array of borrowed strings). */
GPtrArray *_figures_chart_data_list_cities (FiguresChartData *self);
/* Merged row for (city, metric, year) or NULL. */
const FiguresChartRow *
_figures_chart_data_lookup (FiguresChartData *self, const char *city, const char *metric, int year);

/* Chinese names in pinyin order (ICU "zh" collation), as indexes list them. */
void _figures_chart_sort_names (GPtrArray *names);

/* ---- layout: a display list, read by draw, and the marks for hit-testing ---- */

typedef enum
{
  FIGURES_CHART_PRIM_RECT,   /* filled rectangle */
  FIGURES_CHART_PRIM_HATCH,  /* diagonal hatching inside rect */
  FIGURES_CHART_PRIM_LINE,   /* polyline through points */
  FIGURES_CHART_PRIM_CIRCLE, /* at rect.x, rect.y, radius rect.width; hollow if width2 > 0 */
  FIGURES_CHART_PRIM_TEXT,   /* label index */
} FiguresChartPrimKind;

typedef struct
{
  FiguresChartPrimKind kind;
  FiguresChartColor color;
  cairo_rectangle_t rect;
  double line_width; /* LINE; hollow CIRCLE's stroke */
  GArray *points;    /* LINE: double x, y pairs */
  gboolean dashed;
  guint label;   /* TEXT */
  gboolean snap; /* align to device pixels */
} FiguresChartPrim;

typedef struct
{
  FiguresChartLabelRole role;
  guint panel;
  char *text;
  cairo_rectangle_t rect;
  PangoLayout *layout;
  FiguresChartColor color;
  gboolean placed; /* drawn: only placed texts are labels */
} FiguresChartText;

typedef struct
{
  FiguresChartMark mark; /* strings point into the layout's string chunk */
  cairo_rectangle_t hit;
} FiguresChartMarkItem;

struct _FiguresChartLayout
{
  gatomicrefcount ref_count;
  FiguresChartData *data;
  FiguresChartKind kind;
  FiguresChartTheme theme;
  double width;
  double height;
  double scale;
  GStringChunk *strings;
  GArray *prims;  /* FiguresChartPrim */
  GArray *texts;  /* FiguresChartText */
  GArray *marks;  /* FiguresChartMarkItem: bars and points */
  GArray *panels; /* FiguresChartMarkItem: kind PANEL */
  GArray *legend; /* FiguresChartMarkItem: kind LEGEND */
};

G_END_DECLS
