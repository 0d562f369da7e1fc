/* figures-number.h: reading numbers as Chinese reports write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An exact decimal: value = mantissa / 10^scale. Integer arithmetic only,
 * so 4.35亿 is exactly 435000000. */
typedef struct
{
  gint64 mantissa;
  guint  scale;
} FiguresDecimal;

/* Plain decimal, no exponent, no thousands separator, no trailing zeros
 * after the point: "435000000", "1.5". */
char    *figures_decimal_to_string (FiguresDecimal value);
double   figures_decimal_to_double (FiguresDecimal value);
gboolean figures_decimal_equal     (FiguresDecimal a,
                                    FiguresDecimal b);

typedef struct
{
  FiguresDecimal value;     /* normalised: multipliers applied; a range's upper bound */
  gboolean       approx;    /* 余/多 inside the number, or a range */
  gboolean       is_range;  /* 3至5万, 3-5万 */
  gsize          start;     /* first code point of the number */
  gsize          end;       /* one past the last code point read (multipliers, 余/多 included) */
  const char    *multiplier; /* static string of the multiplier as written ("万", "亿", "万亿", "") */
} FiguresNumber;

/* Reads the number that starts exactly at @pos of @text (code points,
 * already NFKC-folded and Traditional→Simplified folded): Arabic digits with
 * a decimal point and thousands commas, Chinese numerals, multipliers after
 * them, 余/多 inside, ranges. Approximation words outside the number
 * (约, 近, 以上 …) are the extractor's business. Returns FALSE when no
 * number starts at @pos. */
gboolean figures_number_read  (const gunichar *text,
                               gsize           n,
                               gsize           pos,
                               FiguresNumber  *out);

/* Convenience for tests: the whole of @utf8 must be one number. */
gboolean figures_number_parse (const char     *utf8,
                               FiguresNumber  *out);

G_END_DECLS
