/* figures-chart-palette.h: chart colours, light and dark
 *
 * Series colours are Okabe–Ito's, distinguishable by readers with the
 * common colour-vision deficiencies; the dark variant lifts the darkest of
 * them so they stay readable on a dark background.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  FIGURES_CHART_THEME_LIGHT,
  FIGURES_CHART_THEME_DARK,
} FiguresChartTheme;

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} FiguresChartColor;

typedef struct
{
  FiguresChartColor background;
  FiguresChartColor foreground; /* titles, labels */
  FiguresChartColor secondary;  /* ticks, source line, counts */
  FiguresChartColor grid;
  FiguresChartColor axis;
  FiguresChartColor panel;        /* small-multiple panel backgrounds */
  FiguresChartColor value_on_bar; /* a value label drawn inside a bar */
} FiguresChartPalette;

/* Static, never freed. */
const FiguresChartPalette *figures_chart_palette_get (FiguresChartTheme theme);

/* Number of distinct series colours before they repeat (8). */
guint figures_chart_palette_get_n_series (void);
/* The colour of series @index (wraps around). */
FiguresChartColor figures_chart_palette_get_series (FiguresChartTheme theme, guint index);

/* "light" / "dark" */
gboolean figures_chart_theme_from_string (const char *text, FiguresChartTheme *theme);

G_END_DECLS
