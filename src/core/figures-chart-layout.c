/* figures-chart-layout.c: every rectangle, line and label of a chart, placed once
 *
 * The layout is a display list (primitives in drawing order) plus the marks
 * hit-testing needs. Text is measured here with Pango, with hinting off so
 * the same layout draws identically on screen, in a PNG at any scale and in
 * SVG or PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-chart-layout"

#include "config.h"

#include <math.h>
#include <string.h>

#include "figures-chart-builder.h"

#define FONT_FAMILY "Noto Sans CJK SC, Noto Sans, DejaVu Sans, sans-serif"

G_DEFINE_BOXED_TYPE (FiguresChartLayout,
                     figures_chart_layout,
                     figures_chart_layout_ref,
                     figures_chart_layout_unref)

/* ---- primitives ---- */

FiguresChartPrim *
_figures_chart_add_prim (Builder *b, FiguresChartPrimKind kind, FiguresChartColor color)
{
  FiguresChartPrim prim = { 0 };

  prim.kind = kind;
  prim.color = color;
  g_array_append_val (b->layout->prims, prim);

  return &g_array_index (b->layout->prims, FiguresChartPrim, b->layout->prims->len - 1);
}

void
_figures_chart_add_rect (
  Builder *b, double x, double y, double width, double height, FiguresChartColor color)
{
  FiguresChartPrim *prim = _figures_chart_add_prim (b, FIGURES_CHART_PRIM_RECT, color);

  prim->rect = (cairo_rectangle_t){ x, y, width, height };
}

/* A crisp line of @width device pixels at logical @pos. */
static double
snap (Builder *b, double pos, double width)
{
  double scale = b->layout->scale;
  double device_width = MAX (1, round (width * scale));
  double device = round (pos * scale);

  if ((int) device_width % 2 == 1)
    device += 0.5;

  return device / scale;
}

void
_figures_chart_add_line (
  Builder *b, double x0, double y0, double x1, double y1, double width, FiguresChartColor color)
{
  FiguresChartPrim *prim = _figures_chart_add_prim (b, FIGURES_CHART_PRIM_LINE, color);
  double points[4];

  if (x0 == x1)
    x0 = x1 = snap (b, x0, width);
  if (y0 == y1)
    y0 = y1 = snap (b, y0, width);
  points[0] = x0;
  points[1] = y0;
  points[2] = x1;
  points[3] = y1;
  prim->line_width = width;
  prim->points = g_array_new (FALSE, FALSE, sizeof (double));
  g_array_append_vals (prim->points, points, 4);
}

/* ---- text ---- */

static PangoFontDescription *
font_for (Builder *b, Font font)
{
  PangoFontDescription *desc = pango_font_description_from_string (FONT_FAMILY);
  double size = b->base;
  PangoWeight weight = PANGO_WEIGHT_NORMAL;

  switch (font)
    {
      case FONT_TITLE:
        size = b->base * 1.45;
        weight = PANGO_WEIGHT_BOLD;
        break;
      case FONT_SUBTITLE:
        size = b->base * 0.95;
        break;
      case FONT_PANEL_TITLE:
        size = b->base;
        weight = PANGO_WEIGHT_BOLD;
        break;
      case FONT_LABEL:
        size = b->base;
        break;
      case FONT_VALUE:
        size = b->base * 0.9;
        weight = PANGO_WEIGHT_MEDIUM;
        break;
      case FONT_SMALL:
        size = b->base * 0.8;
        break;
      case FONT_MESSAGE:
        size = b->base * 1.1;
        break;
      default:
        g_assert_not_reached ();
    }

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, weight);

  return desc;
}

/* Sets @text on @layout, cut at the longest prefix that fits @max_width
 * with "…" when wider (binary search over characters), so the label list
 * says exactly what is drawn. Returns the text set. */
static char *
fit_text (PangoLayout *layout, const char *text, double max_width, PangoRectangle *logical)
{
  glong low, high;
  const char *end;
  g_autofree char *prefix = NULL;
  char *shown;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, logical);
  if (max_width <= 0 || logical->width <= max_width * PANGO_SCALE)
    return g_strdup (text);

  low = 0;
  high = g_utf8_strlen (text, -1) - 1;
  while (low < high)
    {
      glong middle = (low + high + 1) / 2;
      g_autofree char *part = NULL;
      g_autofree char *candidate = NULL;

      end = g_utf8_offset_to_pointer (text, middle);
      part = g_strndup (text, end - text);
      candidate = g_strconcat (g_strchomp (part), "…", NULL);
      pango_layout_set_text (layout, candidate, -1);
      pango_layout_get_extents (layout, NULL, logical);
      if (logical->width <= max_width * PANGO_SCALE)
        low = middle;
      else
        high = middle - 1;
    }

  end = g_utf8_offset_to_pointer (text, low);
  prefix = g_strndup (text, end - text);
  shown = g_strconcat (g_strchomp (prefix), "…", NULL);
  pango_layout_set_text (layout, shown, -1);
  pango_layout_get_extents (layout, NULL, logical);

  return shown;
}

/* Measures @text; placed later by place_text(). @max_width > 0 cuts it
 * short with "…" when wider. Returns the text's index. */
guint
_figures_chart_make_text (Builder *b,
                          FiguresChartLabelRole role,
                          guint panel,
                          const char *text,
                          Font font,
                          FiguresChartColor color,
                          double max_width)
{
  FiguresChartText item = { 0 };
  PangoFontDescription *desc = font_for (b, font);
  PangoRectangle logical;

  item.role = role;
  item.panel = panel;
  item.color = color;
  item.layout = pango_layout_new (b->context);
  pango_layout_set_font_description (item.layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_single_paragraph_mode (item.layout, TRUE);
  item.text = fit_text (item.layout, text, max_width, &logical);
  item.rect.width = (double) logical.width / PANGO_SCALE;
  item.rect.height = (double) logical.height / PANGO_SCALE;

  g_array_append_val (b->layout->texts, item);

  return b->layout->texts->len - 1;
}

FiguresChartText *
_figures_chart_get_text (Builder *b, guint index)
{
  return &g_array_index (b->layout->texts, FiguresChartText, index);
}

/* Puts text @index with its top-left corner at (@x, @y) and queues it. */
void
_figures_chart_place_text (Builder *b, guint index, double x, double y)
{
  FiguresChartText *text = _figures_chart_get_text (b, index);
  FiguresChartPrim *prim;

  text->rect.x = x;
  text->rect.y = y;
  text->placed = TRUE;
  prim = _figures_chart_add_prim (b, FIGURES_CHART_PRIM_TEXT, text->color);
  prim->label = index;
}

/* A text measured but never placed is dropped from the label list. */
void
_figures_chart_drop_last_text (Builder *b, guint index)
{
  FiguresChartText *text;

  g_assert (index == b->layout->texts->len - 1);
  text = _figures_chart_get_text (b, index);
  g_clear_object (&text->layout);
  g_clear_pointer (&text->text, g_free);
  g_array_set_size (b->layout->texts, index);
}

/* The height of one line of @font. */
double
_figures_chart_text_height (Builder *b, Font font)
{
  guint probe = _figures_chart_make_text (b, FIGURES_CHART_LABEL_TICK, 0, "城市 City 0", font,
                                          b->palette->foreground, 0);
  double height = _figures_chart_get_text (b, probe)->rect.height;

  _figures_chart_drop_last_text (b, probe);
  return height;
}

gboolean
_figures_chart_rects_overlap (const cairo_rectangle_t *a, const cairo_rectangle_t *c)
{
  /* Rectangles that touch, or overlap by rounding, do not collide. */
  const double e = 0.01;

  return a->x + e < c->x + c->width && c->x + e < a->x + a->width && a->y + e < c->y + c->height &&
         c->y + e < a->y + a->height;
}

gboolean
_figures_chart_overlaps_any_text (Builder *b, const cairo_rectangle_t *rect, guint skip)
{
  for (guint i = 0; i < b->layout->texts->len; i++)
    {
      FiguresChartText *text = _figures_chart_get_text (b, i);

      if (i == skip || !text->placed)
        continue;
      if (_figures_chart_rects_overlap (rect, &text->rect))
        return TRUE;
    }

  return FALSE;
}

/* ---- words ---- */

static const char *
unit_for_axis (Builder *b, const char *unit)
{
  if (b->data->aggregate == FIGURES_AGGREGATE_COUNT)
    return is_chinese (b) ? "条" : "mentions";

  return figures_format_unit_name (unit, words_style (b));
}

char *
_figures_chart_format_value (Builder *b, double value, const char *unit, gboolean approx)
{
  if (b->data->aggregate == FIGURES_AGGREGATE_COUNT)
    {
      guint n = (guint) value;

      if (is_chinese (b))
        return g_strdup_printf ("%u条", n);
      return g_strdup_printf ("%u %s", n, n == 1 ? "mention" : "mentions");
    }

  return figures_format_value_full (value, unit, approx, b->data->exact, b->style);
}

/* "≈27万", "270K": for labels whose unit is written nearby. */
char *
_figures_chart_format_short_value (Builder *b, double value, gboolean approx)
{
  g_autofree char *number = NULL;

  if (b->data->aggregate == FIGURES_AGGREGATE_COUNT)
    return g_strdup_printf ("%u", (guint) value);

  number = b->data->exact ? figures_format_exact_number (value, b->style)
                          : figures_format_number (value, b->style);
  return g_strconcat (approx ? "≈" : "", number, NULL);
}

const char *
_figures_chart_aggregate_words (Builder *b)
{
  switch (b->data->aggregate)
    {
      case FIGURES_AGGREGATE_SUM:
        return is_chinese (b) ? "各项提及之和" : "sum of distinct mentions";
      case FIGURES_AGGREGATE_COUNT:
        return is_chinese (b) ? "提及条数" : "number of mentions";
      case FIGURES_AGGREGATE_MAX:
      default:
        return is_chinese (b) ? "单项最大值" : "largest single mention";
    }
}

static char *
counts_words (Builder *b, guint mentions, guint documents)
{
  if (is_chinese (b))
    return g_strdup_printf ("%u处提及，%u份报告", mentions, documents);

  return g_strdup_printf ("%u %s in %u %s", mentions, mentions == 1 ? "mention" : "mentions",
                          documents, documents == 1 ? "report" : "reports");
}

/* "培训人次（人次）" / "Trainees (person-times)" */
char *
_figures_chart_metric_with_unit (Builder *b, const char *metric, const char *unit)
{
  const char *label = figures_metric_key_get_label (metric);
  const char *space = label != NULL ? strrchr (label, ' ') : NULL;
  g_autofree char *noun = NULL;
  const char *name = figures_format_metric_name (metric, words_style (b));
  const char *unit_name = unit_for_axis (b, unit);

  /* "示范单位 个": what it counts, the unit in brackets as for the others
   * (not "示范单位 个 (个)") */
  if (space != NULL && space > label)
    {
      name = noun = g_strndup (label, space - label);
      /* a unit without a word in the chart's language is shown as written */
      if ((unit_name == NULL || *unit_name == '\0') &&
          b->data->aggregate != FIGURES_AGGREGATE_COUNT)
        unit_name = unit != NULL && *unit != '\0' ? unit : space + 1;
    }
  if (unit_name == NULL || *unit_name == '\0')
    return g_strdup (name);
  if (is_chinese (b))
    return g_strdup_printf ("%s（%s）", name, unit_name);

  return g_strdup_printf ("%s (%s)", name, unit_name);
}

/* The base unit of @metric: from its first row with a unit. */
char *
_figures_chart_unit_of_metric (Builder *b, const char *metric)
{
  GPtrArray *rows = b->data->rows;
  g_autoptr (GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  const char *best = NULL;
  guint best_count = 0;

  /* The unit most mentions of this metric were written in. */
  for (guint i = 0; i < rows->len; i++)
    {
      FiguresChartRow *row = g_ptr_array_index (rows, i);
      guint count;

      if (strcmp (row->metric, metric) != 0 || row->unit == NULL)
        continue;
      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, row->unit)) + row->mentions;
      g_hash_table_insert (counts, row->unit, GUINT_TO_POINTER (count));
      if (count > best_count)
        {
          best = row->unit;
          best_count = count;
        }
    }

  return figures_format_base_unit (metric, best);
}

/* ---- header and footer ---- */

/* Title, subtitle; returns the y below them. */
double
_figures_chart_layout_header (Builder *b, const char *title, const char *subtitle, double y)
{
  FiguresChartLayout *l = b->layout;
  double margin = b->gap * 1.6;
  double width = l->width - 2 * margin;
  guint index;

  /* the analyst may want none: a report's figure has its own caption */
  if (title != NULL && *title != '\0')
    {
      index = _figures_chart_make_text (b, FIGURES_CHART_LABEL_TITLE, 0, title, FONT_TITLE,
                                        b->palette->foreground, width);
      _figures_chart_place_text (b, index, margin, y);
      y += _figures_chart_get_text (b, index)->rect.height + b->gap * 0.2;
    }

  if (subtitle != NULL && *subtitle != '\0')
    {
      index = _figures_chart_make_text (b, FIGURES_CHART_LABEL_SUBTITLE, 0, subtitle, FONT_SUBTITLE,
                                        b->palette->secondary, width);
      _figures_chart_place_text (b, index, margin, y);
      y += _figures_chart_get_text (b, index)->rect.height;
    }

  return y + b->gap * 1.2;
}

/* The source line at the bottom; returns the y above it. */
double
_figures_chart_layout_footer (Builder *b)
{
  FiguresChartLayout *l = b->layout;
  FiguresChartData *data = b->data;
  double margin = b->gap * 1.6;
  g_autofree char *text = NULL;
  g_autofree char *indexed = NULL;
  FiguresChartText *item;
  guint index;

  if (!data->has_source)
    return l->height - margin;

  if (is_chinese (b))
    {
      if (data->indexed_date != NULL)
        indexed = g_strdup_printf ("%s索引于 %s", separator (b), data->indexed_date);
      text = g_strdup_printf ("来源：%u份报告，%u条统计%sFigures %s%s", data->n_documents,
                              data->n_statistics, separator (b), PACKAGE_VERSION,
                              indexed ? indexed : "");
    }
  else
    {
      if (data->indexed_date != NULL)
        indexed = g_strdup_printf ("%sindexed %s", separator (b), data->indexed_date);
      text = g_strdup_printf ("Source: %u %s, %u %s%sFigures %s%s", data->n_documents,
                              data->n_documents == 1 ? "report" : "reports", data->n_statistics,
                              data->n_statistics == 1 ? "statistic" : "statistics", separator (b),
                              PACKAGE_VERSION, indexed ? indexed : "");
    }

  index = _figures_chart_make_text (b, FIGURES_CHART_LABEL_SOURCE, 0, text, FONT_SMALL,
                                    b->palette->secondary, l->width - 2 * margin);
  item = _figures_chart_get_text (b, index);
  _figures_chart_place_text (b, index, margin, l->height - margin * 0.8 - item->rect.height);

  return item->rect.y - b->gap * 0.8;
}

/* Legend entries in rows; returns the y below them. */
double
_figures_chart_layout_legend (Builder *b, GPtrArray *cities, GArray *colors, double y)
{
  FiguresChartLayout *l = b->layout;
  double margin = b->gap * 1.6;
  double x = margin;
  double right = l->width - margin;
  double swatch = b->base * 0.8;
  double row_height = 0;

  for (guint i = 0; i < cities->len; i++)
    {
      const char *city = g_ptr_array_index (cities, i);
      FiguresChartColor color = g_array_index (colors, FiguresChartColor, i);
      FiguresChartMarkItem entry = { 0 };
      FiguresChartText *text;
      guint index;
      double entry_width;

      index = _figures_chart_make_text (b, FIGURES_CHART_LABEL_LEGEND, 0, city, FONT_LABEL,
                                        b->palette->foreground, (right - margin) * 0.5);
      text = _figures_chart_get_text (b, index);
      entry_width = swatch + b->gap * 0.4 + text->rect.width;
      row_height = MAX (row_height, text->rect.height);
      if (x > margin && x + entry_width > right)
        {
          x = margin;
          y += row_height + b->gap * 0.3;
        }

      _figures_chart_add_rect (b, x, y + (text->rect.height - swatch) / 2, swatch, swatch, color);
      _figures_chart_place_text (b, index, x + swatch + b->gap * 0.4, y);

      entry.mark.kind = FIGURES_CHART_MARK_LEGEND;
      entry.mark.city = g_string_chunk_insert_const (l->strings, city);
      entry.mark.color = color;
      entry.mark.rect = (cairo_rectangle_t){ x, y, entry_width, text->rect.height };
      entry.hit = entry.mark.rect;
      g_array_append_val (l->legend, entry);

      x += entry_width + b->gap * 1.4;
    }

  return y + row_height + b->gap * 1.2;
}

void
_figures_chart_layout_message (
  Builder *b, const cairo_rectangle_t *area, guint panel, const char *message, Font font)
{
  guint index = _figures_chart_make_text (b, FIGURES_CHART_LABEL_MESSAGE, panel, message, font,
                                          b->palette->secondary, area->width - b->gap);
  FiguresChartText *text = _figures_chart_get_text (b, index);

  _figures_chart_place_text (b, index, area->x + (area->width - text->rect.width) / 2,
                             area->y + (area->height - text->rect.height) / 2);
}

/* ---- a panel of horizontal bars ---- */

/* Ticks along a horizontal axis from @x0 (value 0) at @per_unit units per
 * value up to @x1: 1-2-5 steps, as many as fit without touching. */
static void
layout_x_ticks (Builder *b,
                guint panel,
                double x0,
                double x1,
                double top,
                double bottom,
                double per_unit,
                double *labels_bottom)
{
  double visible_max;

  if (!(per_unit > 0) || !isfinite (per_unit) || !(x1 > x0))
    return;
  visible_max = (x1 - x0) / per_unit;
  guint max_ticks = (guint) CLAMP ((x1 - x0) / (b->base * 2.5), 1, 10);

  for (; max_ticks >= 1; max_ticks--)
    {
      g_autoptr (GArray) placed = g_array_new (FALSE, FALSE, sizeof (guint));
      gboolean fits = TRUE;
      double step;
      guint first_text = b->layout->texts->len;
      guint first_prim = b->layout->prims->len;

      figures_format_nice_axis (visible_max * 0.999, max_ticks, &step);
      for (guint i = 0;; i++)
        {
          double value = i * step;
          double x = x0 + value * per_unit;
          g_autofree char *label = NULL;
          FiguresChartText *text;
          guint index;
          double left;

          if (x > x1 + 0.5 || i > 20)
            break;
          label = figures_format_tick (value, step, visible_max, b->style);
          index = _figures_chart_make_text (b, FIGURES_CHART_LABEL_TICK, panel, label, FONT_SMALL,
                                            b->palette->secondary, 0);
          text = _figures_chart_get_text (b, index);
          left = CLAMP (x - text->rect.width / 2, x0 - text->rect.width / 2, x1 - text->rect.width);
          text->rect.x = left;
          text->rect.y = bottom + b->gap * 0.3;
          if (placed->len > 0)
            {
              FiguresChartText *previous =
                _figures_chart_get_text (b, g_array_index (placed, guint, placed->len - 1));

              if (previous->rect.x + previous->rect.width + b->gap * 0.6 > left)
                fits = FALSE;
            }
          g_array_append_val (placed, index);
          if (!fits)
            break;
        }

      if (!fits && max_ticks > 1)
        {
          /* Undo and try fewer ticks. */
          for (guint i = b->layout->texts->len; i > first_text; i--)
            _figures_chart_drop_last_text (b, i - 1);
          g_array_set_size (b->layout->prims, first_prim);
          continue;
        }

      for (guint i = 0; i < placed->len; i++)
        {
          guint index = g_array_index (placed, guint, i);
          FiguresChartText *text = _figures_chart_get_text (b, index);
          double value = i * step;
          double x = x0 + value * per_unit;

          if (i > 0)
            _figures_chart_add_line (b, x, top, x, bottom, 1, b->palette->grid);
          _figures_chart_place_text (b, index, text->rect.x, text->rect.y);
          *labels_bottom = MAX (*labels_bottom, text->rect.y + text->rect.height);
        }
      break;
    }
}

/* A log axis: bars grow from 10^@lo, @per_decade units per power of ten */
typedef struct
{
  gboolean log;
  double lo;         /* log10 of the axis's start */
  double per_decade; /* when log */
  double per_unit;   /* when linear */
} Scale;

static double
scale_length (const Scale *scale, double value)
{
  if (!(value > 0))
    return 0;
  if (scale->log)
    return MAX (0, (log10 (value) - scale->lo) * scale->per_decade);
  return value * scale->per_unit;
}

/* Ticks at the powers of ten from the axis's start, every other one (or
 * fewer) when their labels would touch. */
static void
layout_log_ticks (Builder *b,
                  guint panel,
                  double x0,
                  double x1,
                  double top,
                  double bottom,
                  const Scale *scale,
                  double *labels_bottom)
{
  for (guint every = 1; every <= 8; every++)
    {
      g_autoptr (GArray) placed = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr (GArray) xs = g_array_new (FALSE, FALSE, sizeof (double));
      guint first_text = b->layout->texts->len;
      gboolean fits = TRUE;

      for (int k = (int) scale->lo;; k += every)
        {
          double x = x0 + (k - scale->lo) * scale->per_decade;
          double value = pow (10, k);
          g_autofree char *label = NULL;
          FiguresChartText *text;
          guint index;

          if (x > x1 + 0.5 || k > scale->lo + 40)
            break;
          label = figures_format_tick (value, value, value, b->style);
          index = _figures_chart_make_text (b, FIGURES_CHART_LABEL_TICK, panel, label, FONT_SMALL,
                                            b->palette->secondary, 0);
          text = _figures_chart_get_text (b, index);
          text->rect.x =
            CLAMP (x - text->rect.width / 2, x0 - text->rect.width / 2, x1 - text->rect.width);
          text->rect.y = bottom + b->gap * 0.3;
          if (placed->len > 0)
            {
              FiguresChartText *previous =
                _figures_chart_get_text (b, g_array_index (placed, guint, placed->len - 1));

              if (previous->rect.x + previous->rect.width + b->gap * 0.6 > text->rect.x)
                fits = FALSE;
            }
          g_array_append_val (placed, index);
          g_array_append_val (xs, x);
          if (!fits)
            break;
        }
      if (!fits)
        {
          for (guint i = b->layout->texts->len; i > first_text; i--)
            _figures_chart_drop_last_text (b, i - 1);
          continue;
        }
      for (guint i = 0; i < placed->len; i++)
        {
          guint index = g_array_index (placed, guint, i);
          FiguresChartText *text = _figures_chart_get_text (b, index);
          double x = g_array_index (xs, double, i);

          if (i > 0)
            _figures_chart_add_line (b, x, top, x, bottom, 1, b->palette->grid);
          _figures_chart_place_text (b, index, text->rect.x, text->rect.y);
          *labels_bottom = MAX (*labels_bottom, text->rect.y + text->rect.height);
        }
      break;
    }
}

static void
add_hatch (Builder *b, const cairo_rectangle_t *bar)
{
  double length = MIN (bar->width * 0.3, bar->height * 1.6);
  FiguresChartColor color = b->palette->background;
  FiguresChartPrim *prim;

  if (length < 3)
    return;
  color.alpha = 0.6;
  prim = _figures_chart_add_prim (b, FIGURES_CHART_PRIM_HATCH, color);
  prim->rect = (cairo_rectangle_t){ bar->x + bar->width - length, bar->y, length, bar->height };
  prim->line_width = MAX (1.0, b->base * 0.09);
}

/* A break across a cut bar at @x: two slanted strokes of the background,
 * a little taller than the bar, so the cut shows on any colour. */
static void
add_break_mark (Builder *b, const cairo_rectangle_t *bar, double x)
{
  double slant = bar->height * 0.35;
  double spread = MAX (3, b->base * 0.35);

  for (guint i = 0; i < 2; i++)
    {
      FiguresChartPrim *prim =
        _figures_chart_add_prim (b, FIGURES_CHART_PRIM_LINE, b->palette->background);
      double cx = x + i * spread;
      double points[4] = { cx - slant, bar->y + bar->height + bar->height * 0.2, cx + slant,
                           bar->y - bar->height * 0.2 };

      prim->line_width = MAX (1.5, b->base * 0.18);
      prim->points = g_array_new (FALSE, FALSE, sizeof (double));
      g_array_append_vals (prim->points, points, 4);
    }
}

/* Lays out one bar panel in @area. @entries are in display order. */
void
_figures_chart_layout_bar_panel (Builder *b,
                                 guint panel,
                                 const cairo_rectangle_t *area,
                                 const char *metric,
                                 const char *unit,
                                 const char *panel_title,
                                 const char *axis_title,
                                 GArray *entries,
                                 guint *n_shown)
{
  FiguresChartLayout *l = b->layout;
  FiguresChartData *data = b->data;
  double top = area->y;
  double bottom = area->y + area->height;
  double gap = b->gap * 0.5;
  double category_width = 0, plot_x0, plot_x1, plot_top, plot_bottom;
  double line_height, row_height, bar_height, max_value = 0, min_value = 0;
  Scale scale = { 0 };
  double next_value = 0, broken_value = 0, axis_x1;
  double tick_height, axis_title_height = 0, labels_bottom;
  guint shown, first_category;
  g_autoptr (GArray) value_texts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) count_texts = g_array_new (FALSE, FALSE, sizeof (guint));
  guint title_index = G_MAXUINT, axis_index = G_MAXUINT;

  if (panel_title != NULL)
    {
      title_index =
        _figures_chart_make_text (b, FIGURES_CHART_LABEL_PANEL_TITLE, panel, panel_title,
                                  FONT_PANEL_TITLE, b->palette->foreground, area->width - gap * 2);
      _figures_chart_place_text (b, title_index, area->x + gap, top + gap);
      top += gap + _figures_chart_get_text (b, title_index)->rect.height + b->gap * 0.6;
    }

  /* Room at the bottom for tick labels and the axis title. */
  {
    guint probe = _figures_chart_make_text (b, FIGURES_CHART_LABEL_TICK, panel, "0", FONT_SMALL,
                                            b->palette->secondary, 0);

    tick_height = _figures_chart_get_text (b, probe)->rect.height;
    _figures_chart_drop_last_text (b, probe);
  }
  if (axis_title != NULL)
    {
      axis_index = _figures_chart_make_text (b, FIGURES_CHART_LABEL_AXIS_TITLE, panel, axis_title,
                                             FONT_SMALL, b->palette->secondary, area->width * 0.9);
      axis_title_height = _figures_chart_get_text (b, axis_index)->rect.height + b->gap * 0.2;
    }
  plot_top = top;
  plot_bottom = bottom - tick_height - b->gap * 0.3 - axis_title_height - gap;

  /* How many rows fit. */
  {
    guint probe = _figures_chart_make_text (b, FIGURES_CHART_LABEL_CATEGORY, panel, "城市 City",
                                            FONT_LABEL, b->palette->foreground, 0);

    line_height = _figures_chart_get_text (b, probe)->rect.height;
    _figures_chart_drop_last_text (b, probe);
  }
  shown = entries->len;
  if (plot_bottom - plot_top < line_height * 1.15 * shown)
    shown = (guint) MAX (0, floor ((plot_bottom - plot_top) / (line_height * 1.15)));
  *n_shown = shown;
  if (shown == 0)
    {
      if (axis_index != G_MAXUINT)
        _figures_chart_drop_last_text (b, axis_index);
      return;
    }
  row_height = MIN ((plot_bottom - plot_top) / shown, line_height * 2.4);
  bar_height = MIN (row_height * 0.68, line_height * 1.25);
  plot_bottom = plot_top + row_height * shown;

  /* Category labels: the widest name, at most a third of the panel. */
  first_category = l->texts->len;
  for (guint i = 0; i < shown; i++)
    {
      BarEntry *entry = &g_array_index (entries, BarEntry, i);
      guint index =
        _figures_chart_make_text (b, FIGURES_CHART_LABEL_CATEGORY, panel, entry->city, FONT_LABEL,
                                  b->palette->foreground, area->width * 0.38);

      category_width = MAX (category_width, _figures_chart_get_text (b, index)->rect.width);
    }
  plot_x0 = area->x + gap + category_width + gap;
  plot_x1 = area->x + area->width - gap;
  axis_x1 = plot_x1;

  /* Value labels and counts, measured to leave them room. */
  for (guint i = 0; i < shown; i++)
    {
      BarEntry *entry = &g_array_index (entries, BarEntry, i);
      guint index = G_MAXUINT;
      guint counts = G_MAXUINT;

      if (entry->row != NULL)
        {
          /* Under a panel title that names the unit, the number says enough. */
          g_autofree char *label =
            panel_title != NULL
              ? _figures_chart_format_short_value (b, entry->value, entry->approx)
              : _figures_chart_format_value (b, entry->value, unit, entry->approx);

          index = _figures_chart_make_text (b, FIGURES_CHART_LABEL_VALUE, panel, label, FONT_VALUE,
                                            b->palette->foreground, 0);
          if (data->show_counts)
            {
              g_autofree char *words =
                counts_words (b, entry->row->mentions, entry->row->documents);

              counts = _figures_chart_make_text (b, FIGURES_CHART_LABEL_COUNTS, panel, words,
                                                 FONT_SMALL, b->palette->secondary, 0);
            }
          max_value = MAX (max_value, entry->value);
          if (entry->value > 0 && (min_value == 0 || entry->value < min_value))
            min_value = entry->value;
        }
      else
        {
          index = _figures_chart_make_text (b, FIGURES_CHART_LABEL_VALUE, panel,
                                            is_chinese (b) ? "无数据" : "no data", FONT_SMALL,
                                            b->palette->secondary, 0);
        }
      g_array_append_val (value_texts, index);
      g_array_append_val (count_texts, counts);
    }

  /* A broken axis fits the bars but the longest, which ends past the
   * axis's end, cut by a break mark. */
  if (data->scale == FIGURES_CHART_SCALE_BROKEN && data->kind != FIGURES_CHART_YEARS &&
      _figures_chart_entries_dwarfed (entries, shown, &next_value))
    {
      double cut_label = 0;

      broken_value = max_value;
      max_value = next_value;
      for (guint i = 0; i < shown; i++)
        if (g_array_index (entries, BarEntry, i).row != NULL &&
            g_array_index (entries, BarEntry, i).value == broken_value)
          {
            cut_label =
              _figures_chart_get_text (b, g_array_index (value_texts, guint, i))->rect.width;
            if (g_array_index (count_texts, guint, i) != G_MAXUINT)
              cut_label +=
                gap +
                _figures_chart_get_text (b, g_array_index (count_texts, guint, i))->rect.width;
          }
      /* the cut bar runs past the axis's end to its break mark, its label
       * after it */
      axis_x1 = plot_x0 + CLAMP (plot_x1 - plot_x0 - gap - cut_label - b->gap * 2.5,
                                 (plot_x1 - plot_x0) * 0.3, (plot_x1 - plot_x0) * 0.72);
    }

  /* Units per value (or per power of ten): the longest bar plus its label
   * fills the plot. */
  scale.log = data->scale == FIGURES_CHART_SCALE_LOG && max_value > 0;
  if (scale.log)
    {
      scale.lo = floor (log10 (min_value));
      /* the smallest bar is seen: a decade lower when it sits at the start */
      if (log10 (min_value) - scale.lo < 0.2)
        scale.lo -= 1;
      scale.per_decade = (plot_x1 - plot_x0) / MAX (log10 (max_value) - scale.lo, 1);
    }
  else
    scale.per_unit = max_value > 0 ? (axis_x1 - plot_x0) / max_value : 1;
  for (guint i = 0; i < shown; i++)
    {
      BarEntry *entry = &g_array_index (entries, BarEntry, i);
      double label_width =
        _figures_chart_get_text (b, g_array_index (value_texts, guint, i))->rect.width;
      double room;

      if (entry->row == NULL || entry->value <= 0 || entry->value == broken_value)
        continue;
      if (g_array_index (count_texts, guint, i) != G_MAXUINT)
        label_width +=
          gap + _figures_chart_get_text (b, g_array_index (count_texts, guint, i))->rect.width;
      room = MAX (axis_x1 - plot_x0 - gap - label_width, (axis_x1 - plot_x0) * 0.4);
      if (!scale.log)
        scale.per_unit = MIN (scale.per_unit, room / entry->value);
      else if (log10 (entry->value) > scale.lo)
        scale.per_decade = MIN (scale.per_decade, room / (log10 (entry->value) - scale.lo));
    }

  /* Background grid and ticks first, bars over them. */
  labels_bottom = plot_bottom;
  if (scale.log)
    layout_log_ticks (b, panel, plot_x0, plot_x1, plot_top, plot_bottom, &scale, &labels_bottom);
  else
    layout_x_ticks (b, panel, plot_x0, axis_x1, plot_top, plot_bottom, scale.per_unit,
                    &labels_bottom);
  if (axis_index != G_MAXUINT)
    {
      FiguresChartText *text = _figures_chart_get_text (b, axis_index);

      _figures_chart_place_text (b, axis_index,
                                 plot_x0 + (plot_x1 - plot_x0 - text->rect.width) / 2,
                                 labels_bottom + b->gap * 0.2);
    }

  for (guint i = 0; i < shown; i++)
    {
      BarEntry *entry = &g_array_index (entries, BarEntry, i);
      FiguresChartText *category = _figures_chart_get_text (b, first_category + i);
      FiguresChartText *value = _figures_chart_get_text (b, g_array_index (value_texts, guint, i));
      guint counts = g_array_index (count_texts, guint, i);
      double row_y = plot_top + i * row_height;
      double center = row_y + row_height / 2;
      double length = entry->row != NULL ? scale_length (&scale, entry->value) : 0;
      gboolean cut = entry->row != NULL && broken_value > 0 && entry->value == broken_value;
      cairo_rectangle_t bar;

      /* the cut bar: to the plot's end but for its label, past the axis */
      if (cut)
        length =
          MAX (axis_x1 - plot_x0 + b->gap * 2,
               plot_x1 - plot_x0 - gap - value->rect.width -
                 (counts != G_MAXUINT ? gap + _figures_chart_get_text (b, counts)->rect.width : 0));
      bar = (cairo_rectangle_t){ plot_x0, center - bar_height / 2, length, bar_height };
      double label_x = plot_x0 + length + gap;

      _figures_chart_place_text (b, first_category + i, plot_x0 - gap - category->rect.width,
                                 center - category->rect.height / 2);

      if (entry->row != NULL)
        {
          FiguresChartMarkItem item = { 0 };

          if (length > 0)
            {
              _figures_chart_add_rect (b, bar.x, bar.y, bar.width, bar.height, entry->color);
              if (entry->approx)
                add_hatch (b, &bar);
              if (cut)
                add_break_mark (b, &bar, axis_x1 + b->gap);
            }

          if (label_x + value->rect.width > plot_x1 && value->rect.width + 2 * gap < length)
            {
              /* No room after the bar: inside its end, in the contrasting colour. */
              value->color = b->palette->value_on_bar;
              label_x = plot_x0 + length - gap - value->rect.width;
            }
          _figures_chart_place_text (b, g_array_index (value_texts, guint, i), label_x,
                                     center - value->rect.height / 2);
          if (counts != G_MAXUINT)
            {
              FiguresChartText *words = _figures_chart_get_text (b, counts);
              double x = value->rect.x + value->rect.width + gap;

              if (value->rect.x < plot_x0 + length)
                x = plot_x0 + length + gap;
              /* Counts that would not fit are left out, never drawn over. */
              if (x + words->rect.width <= area->x + area->width)
                _figures_chart_place_text (b, counts, x, center - words->rect.height / 2);
            }

          item.mark.kind = FIGURES_CHART_MARK_BAR;
          item.mark.panel = panel;
          item.mark.city = g_string_chunk_insert_const (l->strings, entry->city);
          item.mark.metric = g_string_chunk_insert_const (l->strings, metric);
          item.mark.year = 0;
          item.mark.year_from = data->year_from;
          item.mark.year_to = data->year_to;
          item.mark.value = entry->value;
          item.mark.approx = entry->approx;
          item.mark.mentions = entry->row->mentions;
          item.mark.documents = entry->row->documents;
          item.mark.unit = g_string_chunk_insert_const (l->strings, unit);
          {
            g_autofree char *full =
              _figures_chart_format_value (b, entry->value, unit, entry->approx);

            item.mark.label = g_string_chunk_insert_const (l->strings, full);
          }
          item.mark.rect = bar;
          item.mark.color = entry->color;
          item.hit = (cairo_rectangle_t){ area->x, row_y, area->width, row_height };
          g_array_append_val (l->marks, item);
        }
      else
        {
          _figures_chart_place_text (b, g_array_index (value_texts, guint, i), plot_x0 + gap,
                                     center - value->rect.height / 2);
        }
    }

  /* The zero line over the bars' starts. */
  _figures_chart_add_line (b, plot_x0, plot_top, plot_x0, plot_bottom, 1, b->palette->axis);
}

/* ---- sorting ---- */

int
_figures_chart_compare_entries_by_value (gconstpointer a, gconstpointer c)
{
  const BarEntry *ea = a;
  const BarEntry *ec = c;

  if ((ea->row == NULL) != (ec->row == NULL))
    return ea->row == NULL ? 1 : -1;
  if (ea->value != ec->value)
    return ea->value > ec->value ? -1 : 1;

  return 0; /* stable: keeps name order */
}

/* ---- chart kinds ---- */

char *
_figures_chart_make_subtitle (Builder *b, const char *first, guint n_hidden, guint n_without_year)
{
  FiguresChartData *data = b->data;
  GString *s = g_string_new (data->subtitle != NULL ? data->subtitle : first);

  /* the years drawn, when not all */
  if (data->year_from > 0 || data->year_to > 0)
    {
      g_autofree char *years = NULL;

      if (data->year_from > 0 && data->year_to > 0 && data->year_from == data->year_to)
        years = g_strdup_printf (is_chinese (b) ? "%d年" : "%d", data->year_from);
      else if (data->year_from > 0 && data->year_to > 0)
        years =
          g_strdup_printf (is_chinese (b) ? "%d—%d年" : "%d–%d", data->year_from, data->year_to);
      else if (data->year_from > 0)
        years = g_strdup_printf (is_chinese (b) ? "%d年起" : "from %d", data->year_from);
      else
        years = g_strdup_printf (is_chinese (b) ? "截至%d年" : "up to %d", data->year_to);
      g_string_append_printf (s, "%s%s", s->len > 0 ? separator (b) : "", years);
    }

  if (b->any_approx)
    g_string_append_printf (s, "%s%s", s->len > 0 ? separator (b) : "",
                            is_chinese (b) ? "≈ 表示约数" : "≈ approximate figure");
  if (data->scale == FIGURES_CHART_SCALE_LOG && data->kind != FIGURES_CHART_YEARS)
    g_string_append_printf (s, "%s%s", s->len > 0 ? separator (b) : "",
                            is_chinese (b) ? "对数坐标：每格为十倍" : "log scale: each step ×10");
  if (data->scale == FIGURES_CHART_SCALE_BROKEN && data->kind != FIGURES_CHART_YEARS &&
      b->any_broken)
    g_string_append_printf (s, "%s%s", s->len > 0 ? separator (b) : "",
                            is_chinese (b) ? "断轴：最长的条形被截断"
                                           : "broken axis: the longest bar is cut");
  /* a log axis has no place for them: their label stands alone */
  if (data->scale == FIGURES_CHART_SCALE_LOG && data->kind != FIGURES_CHART_YEARS &&
      b->any_not_positive)
    g_string_append (s, is_chinese (b) ? "，零及负值无条形" : ", no bar for zero or less");
  if (n_hidden > 0)
    {
      if (is_chinese (b))
        g_string_append_printf (s, "%s另有%u个城市未显示", separator (b), n_hidden);
      else
        g_string_append_printf (s, "%s%u more %s not shown", separator (b), n_hidden,
                                n_hidden == 1 ? "city" : "cities");
    }
  if (n_without_year > 0)
    {
      if (is_chinese (b))
        g_string_append_printf (s, "%s%u处提及未注明年份，未计入", separator (b), n_without_year);
      else
        g_string_append_printf (s, "%s%u %s without a year left out", separator (b), n_without_year,
                                n_without_year == 1 ? "mention" : "mentions");
    }

  return g_string_free (s, FALSE);
}

/* The subtitle is laid out before the body: when the body finds it could
 * not show everything, the subtitle says so (same place, one line). */
void
_figures_chart_replace_subtitle (Builder *b, const char *subtitle)
{
  FiguresChartLayout *l = b->layout;

  for (guint i = 0; i < l->texts->len; i++)
    {
      FiguresChartText *text = _figures_chart_get_text (b, i);
      PangoRectangle logical;

      if (text->role != FIGURES_CHART_LABEL_SUBTITLE)
        continue;
      g_free (text->text);
      text->text = fit_text (text->layout, subtitle, l->width - 2 * b->gap * 1.6, &logical);
      text->rect.width = (double) logical.width / PANGO_SCALE;
      text->rect.height = (double) logical.height / PANGO_SCALE;
    }
}

GArray *
_figures_chart_make_entries (
  Builder *b, GPtrArray *cities, GArray *colors, const char *metric, gboolean only_with_data)
{
  GArray *entries = g_array_new (FALSE, TRUE, sizeof (BarEntry));

  for (guint i = 0; i < cities->len; i++)
    {
      BarEntry entry = { 0 };

      entry.city = g_ptr_array_index (cities, i);
      entry.row = _figures_chart_data_lookup (b->data, entry.city, metric, 0);
      entry.color = g_array_index (colors, FiguresChartColor, i);
      if (entry.row != NULL)
        entry.value = _figures_chart_row_value (entry.row, b->data->aggregate, &entry.approx);
      else if (only_with_data)
        continue;
      g_array_append_val (entries, entry);
    }

  return entries;
}

/* The longest bar is more than BREAK_RATIO times the next: a broken axis
 * cuts it. */
#define BREAK_RATIO 5

gboolean
_figures_chart_entries_dwarfed (GArray *entries, guint n, double *next)
{
  double first = 0, second = 0;

  for (guint i = 0; i < MIN (n, entries->len); i++)
    {
      BarEntry *entry = &g_array_index (entries, BarEntry, i);

      if (entry->row == NULL || !(entry->value > 0))
        continue;
      if (entry->value > first)
        {
          second = first;
          first = entry->value;
        }
      else if (entry->value > second)
        second = entry->value;
    }
  if (next != NULL)
    *next = second;
  return second > 0 && first > BREAK_RATIO * second;
}

gboolean
_figures_chart_entries_any_not_positive (GArray *entries)
{
  for (guint i = 0; i < entries->len; i++)
    {
      BarEntry *entry = &g_array_index (entries, BarEntry, i);

      if (entry->row != NULL && !(entry->value > 0))
        return TRUE;
    }

  return FALSE;
}

gboolean
_figures_chart_entries_any_approx (GArray *entries)
{
  for (guint i = 0; i < entries->len; i++)
    if (g_array_index (entries, BarEntry, i).approx)
      return TRUE;

  return FALSE;
}

/* ---- the last word on labels ---- */

static int
role_rank (FiguresChartLabelRole role)
{
  switch (role)
    {
      case FIGURES_CHART_LABEL_TITLE:
        return 0;
      case FIGURES_CHART_LABEL_MESSAGE:
        return 1;
      case FIGURES_CHART_LABEL_SOURCE:
        return 2;
      case FIGURES_CHART_LABEL_SUBTITLE:
        return 3;
      case FIGURES_CHART_LABEL_PANEL_TITLE:
        return 4;
      case FIGURES_CHART_LABEL_LEGEND:
        return 5;
      case FIGURES_CHART_LABEL_CATEGORY:
        return 6;
      case FIGURES_CHART_LABEL_VALUE:
        return 7;
      case FIGURES_CHART_LABEL_TICK:
        return 8;
      case FIGURES_CHART_LABEL_AXIS_TITLE:
        return 9;
      case FIGURES_CHART_LABEL_COUNTS:
      default:
        return 10;
    }
}

static int
compare_by_rank (gconstpointer a, gconstpointer c, gpointer user_data)
{
  GArray *texts = user_data;
  guint ia = *(const guint *) a, ic = *(const guint *) c;
  int ra = role_rank (g_array_index (texts, FiguresChartText, ia).role);
  int rc = role_rank (g_array_index (texts, FiguresChartText, ic).role);

  if (ra != rc)
    return ra - rc;
  return ia < ic ? -1 : ia > ic;
}

/* The layouts above avoid collisions at any sensible size; when a chart is
 * too small for everything, the less important of two colliding labels, or
 * one that leaves the canvas, is not drawn. Never a label over a label. */
static void
drop_colliding_labels (Builder *b)
{
  FiguresChartLayout *l = b->layout;
  g_autoptr (GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) kept = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < l->texts->len; i++)
    if (_figures_chart_get_text (b, i)->placed)
      g_array_append_val (order, i);
  g_array_sort_with_data (order, compare_by_rank, l->texts);

  for (guint i = 0; i < order->len; i++)
    {
      guint index = g_array_index (order, guint, i);
      FiguresChartText *text = _figures_chart_get_text (b, index);
      gboolean keep = text->rect.x >= -0.01 && text->rect.y >= -0.01 &&
                      text->rect.x + text->rect.width <= l->width + 0.01 &&
                      text->rect.y + text->rect.height <= l->height + 0.01;

      for (guint j = 0; j < kept->len && keep; j++)
        if (_figures_chart_rects_overlap (
              &text->rect, &_figures_chart_get_text (b, g_array_index (kept, guint, j))->rect))
          keep = FALSE;
      if (keep)
        g_array_append_val (kept, index);
      else
        {
          g_debug ("%g×%g: no room for “%s”", l->width, l->height, text->text);
          text->placed = FALSE;
        }
    }
}

/* ---- public ---- */

FiguresChartLayout *
figures_chart_layout_new (
  FiguresChartData *data, double width, double height, FiguresChartTheme theme, double scale)
{
  FiguresChartLayout *self;
  PangoFontMap *font_map;
  cairo_font_options_t *options;
  g_autoptr (GPtrArray) metrics = NULL;
  Builder b = { 0 };

  g_return_val_if_fail (data != NULL, NULL);

  self = g_new0 (FiguresChartLayout, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->data = figures_chart_data_ref (data);
  self->theme = theme;
  self->width = MAX (160, isfinite (width) ? width : 0);
  self->height = MAX (120, isfinite (height) ? height : 0);
  self->scale = isfinite (scale) && scale >= 1 ? scale : 1;
  self->strings = g_string_chunk_new (1024);
  self->prims = g_array_new (FALSE, TRUE, sizeof (FiguresChartPrim));
  self->texts = g_array_new (FALSE, TRUE, sizeof (FiguresChartText));
  self->marks = g_array_new (FALSE, TRUE, sizeof (FiguresChartMarkItem));
  self->panels = g_array_new (FALSE, TRUE, sizeof (FiguresChartMarkItem));
  self->legend = g_array_new (FALSE, TRUE, sizeof (FiguresChartMarkItem));

  metrics = _figures_chart_data_list_metrics (data);
  self->kind = data->kind;
  if (self->kind == FIGURES_CHART_BARS && metrics->len > 1)
    self->kind = FIGURES_CHART_COMPARE;

  /* Hinting off: text measures the same on every surface and at any scale. */
  font_map = pango_cairo_font_map_get_default ();
  b.context = pango_font_map_create_context (font_map);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (b.context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (b.context, 96);
  pango_context_set_round_glyph_positions (b.context, FALSE);
  pango_context_set_language (
    b.context,
    pango_language_from_string (data->language == FIGURES_CHART_LANGUAGE_CHINESE ? "zh-cn" : "en"));

  b.layout = self;
  b.data = data;
  b.palette = figures_chart_palette_get (theme);
  b.style = data->style;
  b.language = data->language;
  b.base = CLAMP (MIN (self->width / 56, self->height / 34), 10, 17);
  b.gap = b.base;

  switch (self->kind)
    {
      case FIGURES_CHART_COMPARE:
        _figures_chart_layout_compare (&b, metrics);
        break;
      case FIGURES_CHART_YEARS:
        _figures_chart_layout_years (&b, metrics);
        break;
      case FIGURES_CHART_BARS:
      default:
        _figures_chart_layout_bars (&b, metrics);
        break;
    }
  drop_colliding_labels (&b);

  g_object_unref (b.context);

  return self;
}

FiguresChartLayout *
figures_chart_layout_ref (FiguresChartLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
figures_chart_layout_unref (FiguresChartLayout *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint i = 0; i < self->prims->len; i++)
    g_clear_pointer (&g_array_index (self->prims, FiguresChartPrim, i).points, g_array_unref);
  for (guint i = 0; i < self->texts->len; i++)
    {
      FiguresChartText *text = &g_array_index (self->texts, FiguresChartText, i);

      g_clear_object (&text->layout);
      g_clear_pointer (&text->text, g_free);
    }
  g_array_unref (self->prims);
  g_array_unref (self->texts);
  g_array_unref (self->marks);
  g_array_unref (self->panels);
  g_array_unref (self->legend);
  g_string_chunk_free (self->strings);
  figures_chart_data_unref (self->data);
  g_free (self);
}

double
figures_chart_layout_get_width (FiguresChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->width;
}

double
figures_chart_layout_get_height (FiguresChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->height;
}

FiguresChartData *
figures_chart_layout_get_data (FiguresChartLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->data;
}

FiguresChartKind
figures_chart_layout_get_kind (FiguresChartLayout *self)
{
  g_return_val_if_fail (self != NULL, FIGURES_CHART_BARS);

  return self->kind;
}

guint
figures_chart_layout_get_n_marks (FiguresChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->marks->len;
}

gboolean
figures_chart_layout_get_mark (FiguresChartLayout *self, guint index, FiguresChartMark *mark)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (mark != NULL, FALSE);

  if (index >= self->marks->len)
    {
      memset (mark, 0, sizeof *mark);
      return FALSE;
    }

  *mark = g_array_index (self->marks, FiguresChartMarkItem, index).mark;
  return TRUE;
}

guint
figures_chart_layout_get_n_panels (FiguresChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->panels->len;
}

static gboolean
is_listed_label (const FiguresChartText *text)
{
  return text->placed;
}

guint
figures_chart_layout_get_n_labels (FiguresChartLayout *self)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->texts->len; i++)
    if (is_listed_label (&g_array_index (self->texts, FiguresChartText, i)))
      n++;

  return n;
}

gboolean
figures_chart_layout_get_label (FiguresChartLayout *self, guint index, FiguresChartLabel *label)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  for (guint i = 0; i < self->texts->len; i++)
    {
      FiguresChartText *text = &g_array_index (self->texts, FiguresChartText, i);

      if (!is_listed_label (text))
        continue;
      if (index-- == 0)
        {
          label->role = text->role;
          label->panel = text->panel;
          label->text = text->text;
          label->rect = text->rect;
          return TRUE;
        }
    }

  memset (label, 0, sizeof *label);
  return FALSE;
}

gboolean
figures_chart_layout_get_city_color (FiguresChartLayout *self,
                                     const char *city,
                                     FiguresChartColor *color)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (city != NULL, FALSE);

  for (guint i = 0; i < self->legend->len; i++)
    {
      FiguresChartMark *mark = &g_array_index (self->legend, FiguresChartMarkItem, i).mark;

      if (strcmp (mark->city, city) == 0)
        {
          if (color != NULL)
            *color = mark->color;
          return TRUE;
        }
    }
  for (guint i = 0; i < self->marks->len; i++)
    {
      FiguresChartMark *mark = &g_array_index (self->marks, FiguresChartMarkItem, i).mark;

      if (strcmp (mark->city, city) == 0)
        {
          if (color != NULL)
            *color = mark->color;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
contains (const cairo_rectangle_t *rect, double x, double y)
{
  return x >= rect->x && x < rect->x + rect->width && y >= rect->y && y < rect->y + rect->height;
}

gboolean
figures_chart_layout_hit_test (FiguresChartLayout *self, double x, double y, FiguresChartMark *mark)
{
  const FiguresChartMarkItem *best = NULL;
  double best_distance = G_MAXDOUBLE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (mark != NULL, FALSE);

  memset (mark, 0, sizeof *mark);

  /* Bars and points: the nearest whose hit area holds the point. */
  for (guint i = 0; i < self->marks->len; i++)
    {
      const FiguresChartMarkItem *item = &g_array_index (self->marks, FiguresChartMarkItem, i);
      double cx, cy, distance;

      if (!contains (&item->hit, x, y))
        continue;
      cx = item->mark.rect.x + item->mark.rect.width / 2;
      cy = item->mark.rect.y + item->mark.rect.height / 2;
      distance = item->mark.kind == FIGURES_CHART_MARK_BAR && contains (&item->mark.rect, x, y)
                   ? -1
                   : (x - cx) * (x - cx) + (y - cy) * (y - cy);
      if (item->mark.kind == FIGURES_CHART_MARK_BAR)
        distance = MIN (distance, fabs (y - cy) * fabs (y - cy));
      if (distance < best_distance)
        {
          best = item;
          best_distance = distance;
        }
    }
  if (best == NULL)
    for (guint i = 0; i < self->legend->len && best == NULL; i++)
      if (contains (&g_array_index (self->legend, FiguresChartMarkItem, i).hit, x, y))
        best = &g_array_index (self->legend, FiguresChartMarkItem, i);
  if (best == NULL)
    for (guint i = 0; i < self->panels->len && best == NULL; i++)
      if (contains (&g_array_index (self->panels, FiguresChartMarkItem, i).hit, x, y))
        best = &g_array_index (self->panels, FiguresChartMarkItem, i);

  if (best == NULL)
    return FALSE;

  *mark = best->mark;
  return TRUE;
}

void
figures_chart_mark_to_filter (const FiguresChartMark *mark,
                              const char **storage,
                              FiguresStatisticsFilter *filter)
{
  const char *label;

  g_return_if_fail (mark != NULL);
  g_return_if_fail (storage != NULL);
  g_return_if_fail (filter != NULL);

  memset (filter, 0, sizeof *filter);
  label = figures_metric_key_get_label (mark->metric);
  storage[0] = mark->city, storage[1] = NULL;
  storage[2] = label != NULL ? figures_metric_to_key (FIGURES_METRIC_OTHER) : mark->metric;
  storage[3] = NULL;
  storage[4] = label, storage[5] = NULL;
  filter->cities = mark->city != NULL ? storage : NULL;
  filter->metrics = mark->metric != NULL ? storage + 2 : NULL;
  filter->labels = label != NULL ? storage + 4 : NULL;
  filter->year = mark->year;
  filter->year_from = mark->year_from;
  filter->year_to = mark->year_to;
}
