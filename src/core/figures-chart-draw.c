/* figures-chart-draw.c: draws a chart layout; reads the layout and nothing else
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-chart-draw"

#include "config.h"

#include <math.h>

#include "figures-chart-private.h"

static void
set_color (cairo_t *cr, const FiguresChartColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static void
draw_hatch (cairo_t *cr, const FiguresChartPrim *prim)
{
  const cairo_rectangle_t *r = &prim->rect;
  double spacing = MAX (3, prim->line_width * 3.5);

  cairo_save (cr);
  cairo_rectangle (cr, r->x, r->y, r->width, r->height);
  cairo_clip (cr);
  set_color (cr, &prim->color);
  cairo_set_line_width (cr, prim->line_width);
  for (double x = r->x - r->height; x < r->x + r->width; x += spacing)
    {
      cairo_move_to (cr, x, r->y + r->height);
      cairo_line_to (cr, x + r->height, r->y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_line (cairo_t *cr, const FiguresChartPrim *prim)
{
  const double *points = (const double *) (gpointer) prim->points->data;
  guint n = prim->points->len / 2;

  if (n < 2)
    return;

  set_color (cr, &prim->color);
  cairo_set_line_width (cr, prim->line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, n > 2 ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT);
  cairo_move_to (cr, points[0], points[1]);
  for (guint i = 1; i < n; i++)
    cairo_line_to (cr, points[2 * i], points[2 * i + 1]);
  cairo_stroke (cr);
}

static void
draw_circle (cairo_t *cr, const FiguresChartPrim *prim, const FiguresChartPalette *palette)
{
  const cairo_rectangle_t *r = &prim->rect;

  cairo_new_path (cr);
  cairo_arc (cr, r->x, r->y, r->width, 0, 2 * G_PI);
  if (prim->line_width > 0)
    {
      /* Approximate: hollow, the line's colour around the background. */
      set_color (cr, &palette->background);
      cairo_fill_preserve (cr);
      set_color (cr, &prim->color);
      cairo_set_line_width (cr, prim->line_width);
      cairo_stroke (cr);
    }
  else
    {
      set_color (cr, &prim->color);
      cairo_fill (cr);
    }
}

void
figures_chart_layout_draw (FiguresChartLayout *self, cairo_t *cr)
{
  const FiguresChartPalette *palette;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  palette = figures_chart_palette_get (self->theme);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, self->width, self->height);
  cairo_clip (cr);
  set_color (cr, &palette->background);
  cairo_paint (cr);

  for (guint i = 0; i < self->prims->len; i++)
    {
      const FiguresChartPrim *prim = &g_array_index (self->prims, FiguresChartPrim, i);

      switch (prim->kind)
        {
          case FIGURES_CHART_PRIM_RECT:
            set_color (cr, &prim->color);
            cairo_rectangle (cr, prim->rect.x, prim->rect.y, prim->rect.width, prim->rect.height);
            cairo_fill (cr);
            break;

          case FIGURES_CHART_PRIM_HATCH:
            draw_hatch (cr, prim);
            break;

          case FIGURES_CHART_PRIM_LINE:
            draw_line (cr, prim);
            break;

          case FIGURES_CHART_PRIM_CIRCLE:
            draw_circle (cr, prim, palette);
            break;

          case FIGURES_CHART_PRIM_TEXT:
            {
              const FiguresChartText *text =
                &g_array_index (self->texts, FiguresChartText, prim->label);

              if (!text->placed)
                break;
              set_color (cr, &text->color);
              cairo_move_to (cr, text->rect.x, text->rect.y);
              pango_cairo_show_layout (cr, text->layout);
            }
            break;

          default:
            g_assert_not_reached ();
        }
    }

  cairo_restore (cr);
}
