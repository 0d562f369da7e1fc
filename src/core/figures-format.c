/* figures-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-format"

#include "config.h"

#include <math.h>
#include <string.h>

#include "figures-format.h"
#include "figures-statistic.h"

FiguresNumberStyle
figures_number_style_for_locale (const char *locale)
{
  if (locale != NULL && g_ascii_strncasecmp (locale, "zh", 2) == 0)
    return FIGURES_NUMBER_STYLE_CHINESE;

  return FIGURES_NUMBER_STYLE_ENGLISH;
}

FiguresNumberStyle
figures_number_style_from_locale (void)
{
  static const char *const variables[] = { "LC_ALL", "LC_MESSAGES", "LANG" };

  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      const char *value = g_getenv (variables[i]);

      if (value != NULL && *value != '\0')
        return figures_number_style_for_locale (value);
    }

  return FIGURES_NUMBER_STYLE_ENGLISH;
}

/* Multipliers, largest first. */
typedef struct
{
  double factor;
  const char *suffix;
} Multiplier;

static const Multiplier chinese_multipliers[] = {
  { 1e12, "万亿" },
  { 1e8, "亿" },
  { 1e4, "万" },
};

static const Multiplier english_multipliers[] = {
  { 1e12, "T" },
  { 1e9, "B" },
  { 1e6, "M" },
  { 1e3, "K" },
};

/* Digits after the point for about three significant digits of @x
 * (already divided by its multiplier). */
static int
decimals_for (double x)
{
  x = fabs (x);
  if (x < 10)
    return 2;
  if (x < 100)
    return 1;
  return 0;
}

static void
trim_zeros (GString *s)
{
  if (strchr (s->str, '.') == NULL)
    return;

  while (s->len > 0 && s->str[s->len - 1] == '0')
    g_string_truncate (s, s->len - 1);
  if (s->len > 0 && s->str[s->len - 1] == '.')
    g_string_truncate (s, s->len - 1);
}

/* "%.*f" without the locale's decimal point, trailing zeros trimmed. */
static void
append_fixed (GString *s, double x, int decimals)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char format[16];
  GString *part;

  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd (buffer, sizeof buffer, format, x);
  part = g_string_new (buffer);
  trim_zeros (part);
  if (strcmp (part->str, "-0") == 0)
    g_string_assign (part, "0");
  g_string_append (s, part->str);
  g_string_free (part, TRUE);
}

/* Thousands separators on the integer part of a plain number. */
static void
append_grouped (GString *s, double x, int decimals)
{
  g_autoptr (GString) plain = g_string_new (NULL);
  const char *digits;
  const char *point;
  gsize n_int;

  append_fixed (plain, x, decimals);
  digits = plain->str;
  if (*digits == '-')
    {
      g_string_append_c (s, '-');
      digits++;
    }
  point = strchr (digits, '.');
  n_int = point != NULL ? (gsize) (point - digits) : strlen (digits);
  for (gsize i = 0; i < n_int; i++)
    {
      if (i > 0 && (n_int - i) % 3 == 0)
        g_string_append_c (s, ',');
      g_string_append_c (s, digits[i]);
    }
  if (point != NULL)
    g_string_append (s, point);
}

static void
append_number (GString *s, double value, FiguresNumberStyle style)
{
  const Multiplier *table;
  guint n_table;
  double magnitude = fabs (value);
  /* Below ten thousand a number is written out, as reports do (9538人次). */
  const double threshold = 1e4;

  if (!isfinite (value))
    {
      g_string_append (s, "?");
      return;
    }

  if (style == FIGURES_NUMBER_STYLE_CHINESE)
    {
      table = chinese_multipliers;
      n_table = G_N_ELEMENTS (chinese_multipliers);
    }
  else
    {
      table = english_multipliers;
      n_table = G_N_ELEMENTS (english_multipliers);
    }

  if (magnitude >= threshold)
    {
      for (guint i = 0; i < n_table; i++)
        {
          double x, rounded, power;
          int decimals;

          if (magnitude < table[i].factor)
            continue;

          x = value / table[i].factor;
          decimals = decimals_for (x);
          power = pow (10, decimals);
          rounded = round (x * power) / power;
          /* 9999.6万 rounds to 10000万: say 1亿 instead. */
          if (i > 0 && fabs (rounded) * table[i].factor >= table[i - 1].factor)
            {
              x = value / table[i - 1].factor;
              decimals = decimals_for (x);
              append_fixed (s, x, decimals);
              g_string_append (s, table[i - 1].suffix);
              return;
            }
          append_fixed (s, rounded, decimals);
          g_string_append (s, table[i].suffix);
          return;
        }
    }

  /* Small numbers: whole when whole, else two decimals at most. */
  if (style == FIGURES_NUMBER_STYLE_ENGLISH)
    append_grouped (s, value, 2);
  else
    append_fixed (s, value, 2);
}

char *
figures_format_number (double value, FiguresNumberStyle style)
{
  GString *s = g_string_new (NULL);

  append_number (s, value, style);
  return g_string_free (s, FALSE);
}

/* Every digit: grouped in English; in Chinese 万/亿 with as many decimals
 * as it takes to lose none (6.29亿, 12.3456万), as reports write them. */
static void
append_exact (GString *s, double value, FiguresNumberStyle style)
{
  double magnitude = fabs (value);

  if (!isfinite (value))
    {
      g_string_append (s, "?");
      return;
    }
  if (style == FIGURES_NUMBER_STYLE_CHINESE && magnitude >= 1e4)
    for (guint i = 0; i < G_N_ELEMENTS (chinese_multipliers); i++)
      {
        double x = value / chinese_multipliers[i].factor;

        if (magnitude < chinese_multipliers[i].factor)
          continue;
        for (int decimals = 0; decimals <= 8; decimals++)
          {
            double power = pow (10, decimals);

            if (fabs (round (x * power) / power - x) * chinese_multipliers[i].factor < 1e-6)
              {
                append_fixed (s, x, decimals);
                g_string_append (s, chinese_multipliers[i].suffix);
                return;
              }
          }
        break;
      }
  if (style == FIGURES_NUMBER_STYLE_ENGLISH)
    append_grouped (s, value, 4);
  else
    append_fixed (s, value, 4);
}

char *
figures_format_exact_number (double value, FiguresNumberStyle style)
{
  GString *s = g_string_new (NULL);

  append_exact (s, value, style);
  return g_string_free (s, FALSE);
}

char *
figures_format_digits (double value)
{
  GString *s = g_string_new (NULL);

  append_grouped (s, value, 4);
  return g_string_free (s, FALSE);
}

char *
figures_format_value (double value, const char *unit, gboolean approx, FiguresNumberStyle style)
{
  return figures_format_value_full (value, unit, approx, FALSE, style);
}

char *
figures_format_value_full (
  double value, const char *unit, gboolean approx, gboolean exact, FiguresNumberStyle style)
{
  GString *s = g_string_new (NULL);
  const char *name = figures_format_unit_name (unit, style);

  if (approx)
    g_string_append (s, "≈");
  if (exact)
    append_exact (s, value, style);
  else
    append_number (s, value, style);
  if (name != NULL && *name != '\0')
    {
      if (style == FIGURES_NUMBER_STYLE_ENGLISH)
        g_string_append_c (s, ' ');
      g_string_append (s, name);
    }

  return g_string_free (s, FALSE);
}

char *
figures_format_tick (double value, double step, double axis_max, FiguresNumberStyle style)
{
  const Multiplier *table;
  guint n_table;
  double factor = 1;
  const char *suffix = "";
  double scaled_step;
  int decimals = 0;
  GString *s;

  if (style == FIGURES_NUMBER_STYLE_CHINESE)
    {
      table = chinese_multipliers;
      n_table = G_N_ELEMENTS (chinese_multipliers);
    }
  else
    {
      table = english_multipliers;
      n_table = G_N_ELEMENTS (english_multipliers);
    }

  if (fabs (axis_max) >= 1e4)
    for (guint i = 0; i < n_table; i++)
      if (fabs (axis_max) >= table[i].factor)
        {
          factor = table[i].factor;
          suffix = table[i].suffix;
          break;
        }

  scaled_step = fabs (step) / factor;
  if (scaled_step > 0 && scaled_step < 1)
    decimals = (int) ceil (-log10 (scaled_step) - 1e-9);
  decimals = CLAMP (decimals, 0, 6);

  s = g_string_new (NULL);
  if (fabs (value) < fabs (step) * 1e-9)
    {
      g_string_append_c (s, '0');
      return g_string_free (s, FALSE);
    }
  if (style == FIGURES_NUMBER_STYLE_ENGLISH && factor == 1)
    append_grouped (s, value, decimals);
  else
    append_fixed (s, value / factor, decimals);
  g_string_append (s, suffix);

  return g_string_free (s, FALSE);
}

typedef struct
{
  const char *chinese;
  const char *english;
} Translation;

/* The words of each metric, in one place: its name in both languages and
 * the unit its values are in when that is fixed (money is in yuan, whatever
 * the reports wrote). */
static const struct
{
  const char *key;
  Translation name;
  const char *base_unit; /* NULL: the unit the reports wrote */
} metric_words[] = {
  { "training_sessions", { "培训期数", "Training sessions" }, NULL },
  { "trainees", { "培训人次", "Trainees" }, NULL },
  { "funding", { "资金", "Funding" }, "元" },
  { "investment", { "投资", "Investment" }, "元" },
  { "projects", { "项目数", "Projects" }, NULL },
  { "other", { "其他", "Other" }, NULL },
};

static int
find_metric (const char *metric_key)
{
  for (guint i = 0; metric_key != NULL && i < G_N_ELEMENTS (metric_words); i++)
    if (strcmp (metric_key, metric_words[i].key) == 0)
      return i;
  return -1;
}

char *
figures_format_base_unit (const char *metric_key, const char *written)
{
  static const char *const multipliers[] = { "万亿", "亿", "万", "千", "百", "十" };
  int metric = find_metric (metric_key);

  if (metric >= 0 && metric_words[metric].base_unit != NULL)
    return g_strdup (metric_words[metric].base_unit);

  if (written == NULL)
    return g_strdup ("");

  for (guint i = 0; i < G_N_ELEMENTS (multipliers); i++)
    {
      gsize len = strlen (multipliers[i]);

      if (strncmp (written, multipliers[i], len) == 0 && written[len] != '\0')
        return g_strdup (written + len);
    }

  return g_strdup (written);
}

static const Translation units[] = {
  { "元", "yuan" },
  { "人次", "person-times" },
  { "人", "people" },
  { "名", "people" },
  { "期", "sessions" },
  { "班", "classes" },
  { "班次", "classes" },
  { "场", "events" },
  { "场次", "sessions" },
  { "次", "times" },
  { "批", "batches" },
  { "门", "courses" },
  { "课时", "class hours" },
  { "学时", "class hours" },
  { "天", "days" },
  { "户", "households" },
  { "亩", "mu" },
  { "吨", "tonnes" },
  { "公里", "km" },
  { "平方米", "m²" },
  { "个", "" },
  { "项", "" },
  { "家", "" },
  { "所", "" },
  { "座", "" },
  { "条", "" },
  { "件", "" },
};

const char *
figures_format_unit_name (const char *unit, FiguresNumberStyle style)
{
  if (unit == NULL)
    return "";
  if (style == FIGURES_NUMBER_STYLE_CHINESE)
    return unit;

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (strcmp (unit, units[i].chinese) == 0)
      return units[i].english;

  return unit;
}

const char *
figures_format_metric_name (const char *metric_key, FiguresNumberStyle style)
{
  int i = find_metric (metric_key);

  if (metric_key == NULL)
    return "";
  /* `other` charted label by label: the label says what it counts */
  if (g_str_has_prefix (metric_key, FIGURES_OTHER_LABEL_PREFIX))
    return metric_key + strlen (FIGURES_OTHER_LABEL_PREFIX);
  if (i < 0)
    return metric_key;
  return style == FIGURES_NUMBER_STYLE_CHINESE ? metric_words[i].name.chinese
                                               : metric_words[i].name.english;
}

double
figures_format_nice_axis (double max, guint max_ticks, double *step)
{
  double raw, magnitude, normalised, nice, end;

  if (max_ticks == 0)
    max_ticks = 1;

  if (!(max > 0) || !isfinite (max))
    {
      if (step != NULL)
        *step = 1;
      return 1;
    }

  raw = max / max_ticks;
  magnitude = pow (10, floor (log10 (raw)));
  normalised = raw / magnitude;
  if (normalised <= 1 + 1e-9)
    nice = 1;
  else if (normalised <= 2 + 1e-9)
    nice = 2;
  else if (normalised <= 5 + 1e-9)
    nice = 5;
  else
    nice = 10;
  nice *= magnitude;

  end = ceil (max / nice - 1e-9) * nice;
  if (step != NULL)
    *step = nice;

  return end;
}
