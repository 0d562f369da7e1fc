/* figures-chart-builder.h: the shared builder of chart layouts
 *
 * figures-chart-layout.c holds the builder (primitives, text, words,
 * header and footer, a panel of bars, labels) and the public layout;
 * each kind of chart lays itself out with it in a file of its own:
 * figures-chart-bars.c, figures-chart-compare.c, figures-chart-years.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "figures-chart-private.h"

G_BEGIN_DECLS

/* Everything one layout pass needs. */
typedef struct
{
  FiguresChartLayout *layout;
  FiguresChartData *data;
  const FiguresChartPalette *palette;
  FiguresNumberStyle style;       /* numbers */
  FiguresChartLanguage language;  /* words */
  PangoContext *context;
  double base; /* body text size */
  double gap;  /* the usual space between things */
  gboolean any_approx;
  gboolean any_not_positive; /* a value a log axis cannot draw */
  gboolean any_broken;       /* a bar cut by a broken axis */
} Builder;

typedef enum
{
  FONT_TITLE,
  FONT_SUBTITLE,
  FONT_PANEL_TITLE,
  FONT_LABEL,
  FONT_VALUE,
  FONT_SMALL,
  FONT_MESSAGE,
} Font;

static inline gboolean
is_chinese (Builder *b)
{
  return b->language == FIGURES_CHART_LANGUAGE_CHINESE;
}

/* The style the words of figures-format.h take: the chart's language */
static inline FiguresNumberStyle
words_style (Builder *b)
{
  return is_chinese (b) ? FIGURES_NUMBER_STYLE_CHINESE : FIGURES_NUMBER_STYLE_ENGLISH;
}

/* Between the parts of a line. Chinese typography's 间隔号 is full width in
 * CJK fonts; English text gets a dash, which those fonts set narrow. */
static inline const char *
separator (Builder *b)
{
  return is_chinese (b) ? " · " : " – ";
}

typedef struct
{
  const char *city;
  const FiguresChartRow *row; /* NULL: no data */
  double value;
  gboolean approx;
  FiguresChartColor color;
} BarEntry;

FiguresChartPrim *
_figures_chart_add_prim (Builder *b, FiguresChartPrimKind kind, FiguresChartColor color);
void _figures_chart_add_rect (
  Builder *b, double x, double y, double width, double height, FiguresChartColor color);
void _figures_chart_add_line (
  Builder *b, double x0, double y0, double x1, double y1, double width, FiguresChartColor color);
guint _figures_chart_make_text (Builder *b,
                                FiguresChartLabelRole role,
                                guint panel,
                                const char *text,
                                Font font,
                                FiguresChartColor color,
                                double max_width);
FiguresChartText *_figures_chart_get_text (Builder *b, guint index);
void _figures_chart_place_text (Builder *b, guint index, double x, double y);
void _figures_chart_drop_last_text (Builder *b, guint index);
double _figures_chart_text_height (Builder *b, Font font);
gboolean _figures_chart_rects_overlap (const cairo_rectangle_t *a, const cairo_rectangle_t *c);
gboolean _figures_chart_overlaps_any_text (Builder *b, const cairo_rectangle_t *rect, guint skip);
char *_figures_chart_format_value (Builder *b, double value, const char *unit, gboolean approx);
char *_figures_chart_format_short_value (Builder *b, double value, gboolean approx);
const char *_figures_chart_aggregate_words (Builder *b);
char *_figures_chart_metric_with_unit (Builder *b, const char *metric, const char *unit);
char *_figures_chart_unit_of_metric (Builder *b, const char *metric);
double _figures_chart_layout_header (Builder *b, const char *title, const char *subtitle, double y);
double _figures_chart_layout_footer (Builder *b);
double _figures_chart_layout_legend (Builder *b, GPtrArray *cities, GArray *colors, double y);
void _figures_chart_layout_message (
  Builder *b, const cairo_rectangle_t *area, guint panel, const char *message, Font font);
void _figures_chart_layout_bar_panel (Builder *b,
                                      guint panel,
                                      const cairo_rectangle_t *area,
                                      const char *metric,
                                      const char *unit,
                                      const char *panel_title,
                                      const char *axis_title,
                                      GArray *entries,
                                      guint *n_shown);
int _figures_chart_compare_entries_by_value (gconstpointer a, gconstpointer c);
char *
_figures_chart_make_subtitle (Builder *b, const char *first, guint n_hidden, guint n_without_year);
void _figures_chart_replace_subtitle (Builder *b, const char *subtitle);
GArray *_figures_chart_make_entries (
  Builder *b, GPtrArray *cities, GArray *colors, const char *metric, gboolean only_with_data);
gboolean _figures_chart_entries_any_approx (GArray *entries);
gboolean _figures_chart_entries_any_not_positive (GArray *entries);
/* Whether the longest of the first @n bars is over five times the next
 * (set in @next): a broken axis cuts it. */
gboolean _figures_chart_entries_dwarfed (GArray *entries, guint n, double *next);
void _figures_chart_layout_bars (Builder *b, GPtrArray *metrics);
void _figures_chart_grid_for (Builder *b,
                              guint n_panels,
                              const cairo_rectangle_t *body,
                              double ideal_width,
                              double ideal_height,
                              guint *columns,
                              guint *rows);
void _figures_chart_add_panel (Builder *b,
                               guint panel,
                               const cairo_rectangle_t *rect,
                               const char *metric);
void _figures_chart_layout_compare (Builder *b, GPtrArray *metrics);
void _figures_chart_layout_years (Builder *b, GPtrArray *metrics);

G_END_DECLS
