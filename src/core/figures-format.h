/* figures-format.h: numbers, units and metric names as a reader expects them
 *
 * Chinese style writes large numbers with 万/亿 (6.29亿元, 27万人次); English
 * style with K/M/B (629M yuan, 270K person-times). Which one follows the
 * locale: LC_ALL, LC_MESSAGES or LANG starting with "zh" → Chinese.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  FIGURES_NUMBER_STYLE_CHINESE,
  FIGURES_NUMBER_STYLE_ENGLISH,
} FiguresNumberStyle;

/* From LC_ALL, then LC_MESSAGES, then LANG (the first one set). */
FiguresNumberStyle figures_number_style_from_locale (void);
/* The same rule applied to one locale name ("zh_CN.UTF-8", "C", NULL). */
FiguresNumberStyle figures_number_style_for_locale (const char *locale);

/* A number with about three significant digits, 万/亿 or K/M/B from ten
 * thousand up, thousands separators below in English: "6.29亿", "27万",
 * "9538"; "629M", "270K", "9,538". */
char *figures_format_number (double value, FiguresNumberStyle style);

/* figures_format_number() with the unit and an approximation mark:
 * "≈27万人次", "6.29亿元"; "≈270K person-times", "629M yuan". @unit is a
 * base unit (figures_format_base_unit()); NULL or "" for none. */
char *
figures_format_value (double value, const char *unit, gboolean approx, FiguresNumberStyle style);
/* The same, every digit kept when @exact (figures_format_exact_number()). */
char *figures_format_value_full (
  double value, const char *unit, gboolean approx, gboolean exact, FiguresNumberStyle style);

/* Every digit of @value: "56,000", "629,000,000" in English; in Chinese
 * 万/亿 with as many decimals as that takes: "5.6万", "6.29亿",
 * "12.3456万", and "9538" below ten thousand. */
char *figures_format_exact_number (double value, FiguresNumberStyle style);
/* Every digit, grouped by thousands in any style: "412,000,000,000". */
char *figures_format_digits (double value);

/* An axis tick: every tick of one axis uses the multiplier suited to
 * @axis_max and as many decimals as @step needs ("0", "5万", "10万";
 * "0", "50K", "100K"). */
char *figures_format_tick (double value, double step, double axis_max, FiguresNumberStyle style);

/* The unit a chart shows for @metric_key given the unit written in the
 * reports: "元" for funding (values are in yuan), otherwise @written without
 * a leading multiplier ("万人次" → "人次"). Returns a newly allocated string,
 * "" when none. */
char *figures_format_base_unit (const char *metric_key, const char *written);

/* @unit (Chinese, as figures_format_base_unit() gives it) for @style:
 * "人次" → "person-times" in English; unknown units are kept as written.
 * Returns a static or interned string. */
const char *figures_format_unit_name (const char *unit, FiguresNumberStyle style);

/* "培训人次" / "Trainees" for "trainees"; unknown keys are returned as is. */
const char *figures_format_metric_name (const char *metric_key, FiguresNumberStyle style);

/* Round 1-2-5 steps for an axis from 0 to at least @max with at most
 * @max_ticks intervals. Sets @step and returns the axis end (a multiple of
 * @step, >= @max; 1 step when @max <= 0). */
double figures_format_nice_axis (double max, guint max_ticks, double *step);

G_END_DECLS
