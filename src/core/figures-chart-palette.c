/* figures-chart-palette.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-chart-palette"

#include "config.h"

#include <string.h>

#include "figures-chart-palette.h"

#define RGB(hex)                                                                          \
  {                                                                                       \
    ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) &0xff) / 255.0, 1.0 \
  }

/* Okabe & Ito, "Color Universal Design" (2008). Blue and orange first: the
 * pair is told apart by every common form of colour blindness; yellow last
 * on white, where it is faint. */
static const FiguresChartColor series_light[] = {
  RGB (0x0072B2), /* blue */
  RGB (0xE69F00), /* orange */
  RGB (0x009E73), /* bluish green */
  RGB (0xD55E00), /* vermillion */
  RGB (0xCC79A7), /* reddish purple */
  RGB (0x56B4E9), /* sky blue */
  RGB (0x000000), /* black */
  RGB (0xF0E442), /* yellow */
};

/* The same hues on a dark background: sky blue takes the lead (blue is too
 * dark there), black becomes light grey. */
static const FiguresChartColor series_dark[] = {
  RGB (0x56B4E9), /* sky blue */
  RGB (0xE69F00), /* orange */
  RGB (0x009E73), /* bluish green */
  RGB (0xD55E00), /* vermillion */
  RGB (0xCC79A7), /* reddish purple */
  RGB (0xF0E442), /* yellow */
  RGB (0xBBBBBB), /* light grey for black */
  RGB (0x3D8FD1), /* blue, lifted */
};

G_STATIC_ASSERT (G_N_ELEMENTS (series_light) == G_N_ELEMENTS (series_dark));

static const FiguresChartPalette light = {
  .background = RGB (0xFFFFFF),
  .foreground = RGB (0x1F1F1F),
  .secondary = RGB (0x5E5C64),
  .grid = RGB (0xE4E4E7),
  .axis = RGB (0x9A9996),
  .panel = RGB (0xFAFAFB),
  .value_on_bar = RGB (0xFFFFFF),
};

static const FiguresChartPalette dark = {
  .background = RGB (0x1E1E1E),
  .foreground = RGB (0xF2F2F2),
  .secondary = RGB (0xB0AFB8),
  .grid = RGB (0x38383C),
  .axis = RGB (0x77767B),
  .panel = RGB (0x242427),
  .value_on_bar = RGB (0x101010),
};

const FiguresChartPalette *
figures_chart_palette_get (FiguresChartTheme theme)
{
  return theme == FIGURES_CHART_THEME_DARK ? &dark : &light;
}

guint
figures_chart_palette_get_n_series (void)
{
  return G_N_ELEMENTS (series_light);
}

FiguresChartColor
figures_chart_palette_get_series (FiguresChartTheme theme, guint index)
{
  index %= G_N_ELEMENTS (series_light);

  return theme == FIGURES_CHART_THEME_DARK ? series_dark[index] : series_light[index];
}

gboolean
figures_chart_theme_from_string (const char *text, FiguresChartTheme *theme)
{
  FiguresChartTheme value;

  g_return_val_if_fail (text != NULL, FALSE);

  if (g_ascii_strcasecmp (text, "light") == 0)
    value = FIGURES_CHART_THEME_LIGHT;
  else if (g_ascii_strcasecmp (text, "dark") == 0)
    value = FIGURES_CHART_THEME_DARK;
  else
    return FALSE;

  if (theme != NULL)
    *theme = value;

  return TRUE;
}
