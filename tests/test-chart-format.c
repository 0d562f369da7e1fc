/* test-chart-format.c: numbers, units, axes and palette for charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "figures-chart-palette.h"
#include "figures-format.h"

#define ZH FIGURES_NUMBER_STYLE_CHINESE
#define EN FIGURES_NUMBER_STYLE_ENGLISH

static void
assert_number (double value, FiguresNumberStyle style, const char *expected)
{
  g_autofree char *text = figures_format_number (value, style);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_number_chinese (void)
{
  assert_number (0, ZH, "0");
  assert_number (7, ZH, "7");
  assert_number (9538, ZH, "9538");
  assert_number (1.5, ZH, "1.5");
  assert_number (10000, ZH, "1万");
  assert_number (12345, ZH, "1.23万");
  assert_number (270000, ZH, "27万");
  assert_number (250000, ZH, "25万");
  assert_number (1234567, ZH, "123万");
  assert_number (12345678, ZH, "1235万");
  assert_number (629000000, ZH, "6.29亿");
  assert_number (435000000, ZH, "4.35亿");
  assert_number (99996000, ZH, "1亿"); /* not 10000万 */
  assert_number (1.2e12, ZH, "1.2万亿");
}

static void
test_number_english (void)
{
  assert_number (0, EN, "0");
  assert_number (9538, EN, "9,538");
  assert_number (1.25, EN, "1.25");
  assert_number (12345, EN, "12.3K");
  assert_number (270000, EN, "270K");
  assert_number (999999, EN, "1M"); /* not 1000K */
  assert_number (1234567, EN, "1.23M");
  assert_number (629000000, EN, "629M");
  assert_number (4.35e9, EN, "4.35B");
}

static void
test_value (void)
{
  struct
  {
    double value;
    const char *unit;
    gboolean approx;
    FiguresNumberStyle style;
    const char *expected;
  } cases[] = {
    { 629000000, "元", FALSE, ZH, "6.29亿元" },
    { 270000, "人次", TRUE, ZH, "≈27万人次" },
    { 9538, "人次", FALSE, ZH, "9538人次" },
    { 629000000, "元", FALSE, EN, "629M yuan" },
    { 270000, "人次", TRUE, EN, "≈270K person-times" },
    { 12, "期", FALSE, EN, "12 sessions" },
    { 40, "个", FALSE, EN, "40" },
    { 40, "个", FALSE, ZH, "40个" },
    { 3, NULL, FALSE, EN, "3" },
    { 3, "", FALSE, ZH, "3" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text =
        figures_format_value (cases[i].value, cases[i].unit, cases[i].approx, cases[i].style);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_ticks (void)
{
  struct
  {
    double value, step, max;
    FiguresNumberStyle style;
    const char *expected;
  } cases[] = {
    { 0, 50000, 300000, ZH, "0" },         { 50000, 50000, 300000, ZH, "5万" },
    { 150000, 50000, 300000, ZH, "15万" }, { 5000, 5000, 20000, ZH, "0.5万" },
    { 2e8, 2e8, 1e9, ZH, "2亿" },          { 50000, 50000, 300000, EN, "50K" },
    { 2500, 500, 3000, EN, "2,500" },      { 0.5, 0.5, 2, EN, "0.5" },
    { 2e8, 2e8, 1e9, EN, "0.2B" },         { 2e8, 2e8, 8e8, EN, "200M" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text =
        figures_format_tick (cases[i].value, cases[i].step, cases[i].max, cases[i].style);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_nice_axis (void)
{
  double step = 0, end;

  end = figures_format_nice_axis (270000, 5, &step);
  g_assert_cmpfloat (step, ==, 100000);
  g_assert_cmpfloat (end, ==, 300000);

  end = figures_format_nice_axis (9538, 5, &step);
  g_assert_cmpfloat (step, ==, 2000);
  g_assert_cmpfloat (end, ==, 10000);

  end = figures_format_nice_axis (100, 4, &step);
  g_assert_cmpfloat (step, ==, 50);
  g_assert_cmpfloat (end, ==, 100);

  end = figures_format_nice_axis (0.7, 3, &step);
  g_assert_cmpfloat_with_epsilon (step, 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (end, 1, 1e-12);

  /* Every step is 1, 2 or 5 times a power of ten. */
  for (double max = 1; max < 1e10; max *= 1.37)
    {
      double mantissa;

      end = figures_format_nice_axis (max, 6, &step);
      g_assert_cmpfloat (end, >=, max);
      g_assert_cmpfloat (end / step, <=, 6 + 1e-9);
      mantissa = step / pow (10, floor (log10 (step) + 1e-9));
      g_assert_true (fabs (mantissa - 1) < 1e-6 || fabs (mantissa - 2) < 1e-6 ||
                     fabs (mantissa - 5) < 1e-6);
    }

  end = figures_format_nice_axis (0, 5, &step);
  g_assert_cmpfloat (step, >, 0);
  g_assert_cmpfloat (end, >, 0);
}

static void
test_units (void)
{
  g_autofree char *funding = figures_format_base_unit ("funding", "万元");
  g_autofree char *trainees = figures_format_base_unit ("trainees", "万人次");
  g_autofree char *sessions = figures_format_base_unit ("training_sessions", "期");
  g_autofree char *none = figures_format_base_unit ("projects", NULL);
  g_autofree char *wan = figures_format_base_unit ("other", "万");

  g_assert_cmpstr (funding, ==, "元");
  g_assert_cmpstr (trainees, ==, "人次");
  g_assert_cmpstr (sessions, ==, "期");
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (wan, ==, "万"); /* a bare multiplier is kept */

  g_assert_cmpstr (figures_format_unit_name ("人次", EN), ==, "person-times");
  g_assert_cmpstr (figures_format_unit_name ("人次", ZH), ==, "人次");
  g_assert_cmpstr (figures_format_unit_name ("场馆", EN), ==, "场馆");

  g_assert_cmpstr (figures_format_metric_name ("trainees", ZH), ==, "培训人次");
  g_assert_cmpstr (figures_format_metric_name ("funding", EN), ==, "Funding");
  g_assert_cmpstr (figures_format_metric_name ("made_up", EN), ==, "made_up");
}

static void
test_locale (void)
{
  g_assert_cmpint (figures_number_style_for_locale ("zh_CN.UTF-8"), ==, ZH);
  g_assert_cmpint (figures_number_style_for_locale ("zh_TW"), ==, ZH);
  g_assert_cmpint (figures_number_style_for_locale ("en_GB.UTF-8"), ==, EN);
  g_assert_cmpint (figures_number_style_for_locale ("C.UTF-8"), ==, EN);
  g_assert_cmpint (figures_number_style_for_locale (NULL), ==, EN);

  /* LC_ALL wins over LANG; the test environment sets both to C.UTF-8. */
  g_assert_cmpint (figures_number_style_from_locale (), ==, EN);
  g_setenv ("LC_ALL", "zh_CN.UTF-8", TRUE);
  g_assert_cmpint (figures_number_style_from_locale (), ==, ZH);
  g_unsetenv ("LC_ALL");
  g_setenv ("LC_MESSAGES", "", TRUE);
  g_setenv ("LANG", "zh_CN.UTF-8", TRUE);
  g_assert_cmpint (figures_number_style_from_locale (), ==, ZH);
  g_setenv ("LC_MESSAGES", "en_US.UTF-8", TRUE);
  g_assert_cmpint (figures_number_style_from_locale (), ==, EN);
  g_unsetenv ("LC_MESSAGES");
  g_setenv ("LANG", "C.UTF-8", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
}

/* WCAG relative luminance and contrast ratio. */
static double
luminance (FiguresChartColor c)
{
  double channel[3] = { c.red, c.green, c.blue };

  for (guint i = 0; i < 3; i++)
    channel[i] =
      channel[i] <= 0.03928 ? channel[i] / 12.92 : pow ((channel[i] + 0.055) / 1.055, 2.4);

  return 0.2126 * channel[0] + 0.7152 * channel[1] + 0.0722 * channel[2];
}

static double
contrast (FiguresChartColor a, FiguresChartColor b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

static void
test_palette (void)
{
  guint n = figures_chart_palette_get_n_series ();
  FiguresChartTheme themes[] = { FIGURES_CHART_THEME_LIGHT, FIGURES_CHART_THEME_DARK };
  FiguresChartTheme theme;

  g_assert_cmpuint (n, ==, 8);
  for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
    {
      const FiguresChartPalette *palette = figures_chart_palette_get (themes[t]);

      /* Text reads on the background (WCAG AA for body text). */
      g_assert_cmpfloat (contrast (palette->foreground, palette->background), >=, 7);
      g_assert_cmpfloat (contrast (palette->secondary, palette->background), >=, 4.5);

      for (guint i = 0; i < n; i++)
        {
          FiguresChartColor a = figures_chart_palette_get_series (themes[t], i);

          /* Distinct colours, and it wraps around. */
          for (guint j = i + 1; j < n; j++)
            {
              FiguresChartColor b = figures_chart_palette_get_series (themes[t], j);

              g_assert_false (a.red == b.red && a.green == b.green && a.blue == b.blue);
            }
          g_assert_cmpfloat (a.red, ==, figures_chart_palette_get_series (themes[t], i + n).red);
        }
      /* The first four (the ones most charts use) stand out from the background. */
      for (guint i = 0; i < 4; i++)
        g_assert_cmpfloat (
          contrast (figures_chart_palette_get_series (themes[t], i), palette->background), >=, 2.2);
    }

  /* Okabe–Ito blue leads on light backgrounds. */
  {
    FiguresChartColor blue = figures_chart_palette_get_series (FIGURES_CHART_THEME_LIGHT, 0);

    g_assert_cmpint ((int) round (blue.red * 255), ==, 0x00);
    g_assert_cmpint ((int) round (blue.green * 255), ==, 0x72);
    g_assert_cmpint ((int) round (blue.blue * 255), ==, 0xB2);
  }

  g_assert_true (figures_chart_theme_from_string ("dark", &theme));
  g_assert_cmpint (theme, ==, FIGURES_CHART_THEME_DARK);
  g_assert_true (figures_chart_theme_from_string ("Light", &theme));
  g_assert_cmpint (theme, ==, FIGURES_CHART_THEME_LIGHT);
  g_assert_false (figures_chart_theme_from_string ("sepia", &theme));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-format/number/chinese", test_number_chinese);
  g_test_add_func ("/chart-format/number/english", test_number_english);
  g_test_add_func ("/chart-format/value", test_value);
  g_test_add_func ("/chart-format/ticks", test_ticks);
  g_test_add_func ("/chart-format/nice-axis", test_nice_axis);
  g_test_add_func ("/chart-format/units", test_units);
  g_test_add_func ("/chart-format/locale", test_locale);
  g_test_add_func ("/chart-format/palette", test_palette);

  return g_test_run ();
}
