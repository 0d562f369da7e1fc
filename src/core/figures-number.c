/* figures-number.c: reading numbers as Chinese reports write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here is integer arithmetic on code points, and
 * figures_number_read() never allocates: it runs at every digit of the
 * corpus.
 *
 * Besides the rules of the spec ("Reading the number"), a few guards keep
 * obvious non-quantities out, so that the extractor sees fewer false
 * candidates:
 *  - a number never starts in the middle of another one: right after a
 *    digit, a Chinese numeral, a decimal point or thousands comma between
 *    digits, 余/多 after a numeral, or a range sign, '/' or ':' after a
 *    digit (the second half of 3-5万, 2022-08-23, 10:30);
 *  - a lone 万 or 亿 (万里, 万部) is a word, but 万余 is a number;
 *  - after 第 (ordinals), 数 and 几 (数十, 几百: no written value), and
 *    after 分之 (the numerator of a fraction);
 *  - a Chinese numeral followed by 几 (十几) or 分之 (三分之一, 百分之三十),
 *    and 十分 ("very");
 *  - a few fixed words that start with a numeral and a measure word
 *    (一方面, 一次性, 千方百计, 四面八方 …);
 *  - 千 directly followed by 瓦, 米 or 克 is the unit prefix of 千瓦, 千米,
 *    千克, not a multiplier (3千瓦 reads 3, the unit is the extractor's).
 */

#include "config.h"

#define G_LOG_DOMAIN "figures-number"

#include <math.h>
#include <string.h>

#include "figures-number.h"

#define MAX_MANTISSA ((guint64) G_MAXINT64)

/* A number without the range part. */
typedef struct
{
  guint64 mantissa;
  guint scale;
  guint mult_pow; /* the power of ten of the trailing multiplier */
  gboolean approx;
  gboolean chinese;
  gboolean range; /* 三四百 */
  gsize end;
  const char *multiplier;
} Simple;

static const guint64 pow10_table[] = {
  1ULL,
  10ULL,
  100ULL,
  1000ULL,
  10000ULL,
  100000ULL,
  1000000ULL,
  10000000ULL,
  100000000ULL,
  1000000000ULL,
  10000000000ULL,
  100000000000ULL,
  1000000000000ULL,
  10000000000000ULL,
  100000000000000ULL,
  1000000000000000ULL,
  10000000000000000ULL,
  100000000000000000ULL,
  1000000000000000000ULL,
};

/* [small][big]: small is "", 十, 百, 千; big is "", 万, 亿, 万亿 */
static const char *const multiplier_names[4][4] = {
  { "", "万", "亿", "万亿" },
  { "十", "十万", "十亿", "十万亿" },
  { "百", "百万", "百亿", "百万亿" },
  { "千", "千万", "千亿", "千万亿" },
};
static const guint small_pow[4] = { 0, 1, 2, 3 };
static const guint big_pow[4] = { 0, 4, 8, 12 };

static inline int
arabic_digit (gunichar c)
{
  if (c >= '0' && c <= '9')
    return (int) (c - '0');
  if (c >= 0xFF10 && c <= 0xFF19) /* full-width ０-９ */
    return (int) (c - 0xFF10);
  return -1;
}

static inline int
chinese_digit (gunichar c)
{
  switch (c)
    {
      case 0x96F6: /* 零 */
      case 0x3007: /* 〇 */
      case 0x25CB: /* ○, often typed for 〇 in years */
        return 0;
      case 0x4E00: /* 一 */
        return 1;
      case 0x4E8C: /* 二 */
      case 0x4E24: /* 两 */
      case 0x5169: /* 兩 */
        return 2;
      case 0x4E09: /* 三 */
        return 3;
      case 0x56DB: /* 四 */
        return 4;
      case 0x4E94: /* 五 */
        return 5;
      case 0x516D: /* 六 */
        return 6;
      case 0x4E03: /* 七 */
        return 7;
      case 0x516B: /* 八 */
        return 8;
      case 0x4E5D: /* 九 */
        return 9;
      default:
        return -1;
    }
}

/* 1..3 for 十百千 */
static inline int
small_unit (gunichar c)
{
  switch (c)
    {
      case 0x5341: /* 十 */
        return 1;
      case 0x767E: /* 百 */
        return 2;
      case 0x5343: /* 千 */
        return 3;
      default:
        return 0;
    }
}

/* 1 for 万, 2 for 亿 */
static inline int
big_unit (gunichar c)
{
  switch (c)
    {
      case 0x4E07: /* 万 */
      case 0x842C: /* 萬 */
        return 1;
      case 0x4EBF: /* 亿 */
      case 0x5104: /* 億 */
        return 2;
      default:
        return 0;
    }
}

static inline gboolean
is_approx (gunichar c)
{
  return c == 0x4F59 /* 余 */ || c == 0x591A /* 多 */ || c == 0x9918 /* 餘 */;
}

static inline gboolean
is_point (gunichar c)
{
  return c == '.' || c == 0xFF0E;
}

static inline gboolean
is_comma (gunichar c)
{
  return c == ',' || c == 0xFF0C;
}

static inline gboolean
is_range_sep (gunichar c)
{
  switch (c)
    {
      case 0x81F3: /* 至 */
      case 0x5230: /* 到 */
      case '-':
      case '~':
      case 0xFF5E: /* ～ */
      case 0x301C: /* 〜 */
      case 0x2010: /* ‐ */
      case 0x2013: /* – */
      case 0x2014: /* — */
      case 0x2212: /* − */
      case 0xFF0D: /* － */
        return TRUE;
      default:
        return FALSE;
    }
}

static inline gboolean
is_chinese_numeral (gunichar c)
{
  return chinese_digit (c) >= 0 || small_unit (c) || big_unit (c);
}

static inline gboolean
is_any_numeral (gunichar c)
{
  return arabic_digit (c) >= 0 || is_chinese_numeral (c);
}

static inline gboolean
at (const gunichar *text, gsize n, gsize i, gunichar c)
{
  return i < n && text[i] == c;
}

static gboolean
matches (const gunichar *text, gsize n, gsize i, const gunichar *word)
{
  for (gsize k = 0; word[k]; k++)
    if (i + k >= n || text[i + k] != word[k])
      return FALSE;
  return TRUE;
}

/* Words that start with a numeral and a measure word but count nothing. */
static const gunichar not_quantities[][5] = {
  { 0x4E00, 0x65B9, 0x9762, 0 },         /* 一方面 */
  { 0x4E00, 0x6B21, 0x6027, 0 },         /* 一次性 */
  { 0x4E00, 0x628A, 0x624B, 0 },         /* 一把手 */
  { 0x4E00, 0x7CFB, 0x5217, 0 },         /* 一系列 */
  { 0x5343, 0x65B9, 0x767E, 0x8BA1, 0 }, /* 千方百计 */
  { 0x56DB, 0x9762, 0x516B, 0x65B9, 0 }, /* 四面八方 */
  { 0x4E94, 0x6E56, 0x56DB, 0x6D77, 0 }, /* 五湖四海 */
  { 0x4E07, 0x4F17, 0x4E00, 0x5FC3, 0 }, /* 万众一心 */
  { 0x5343, 0x5BB6, 0x4E07, 0x6237, 0 }, /* 千家万户 */
  { 0x5343, 0x5343, 0x4E07, 0x4E07, 0 }, /* 千千万万 */
  { 0x4E07, 0x65E0, 0x4E00, 0x5931, 0 }, /* 万无一失 */
  { 0x5343, 0x8F9B, 0x4E07, 0x82E6, 0 }, /* 千辛万苦 */
  { 0x4E09, 0x756A, 0x4E94, 0x6B21, 0 }, /* 三番五次 */
  { 0x4E00, 0x5FC3, 0x4E00, 0x610F, 0 }, /* 一心一意 */
};

static gboolean
starts_not_quantity (const gunichar *text, gsize n, gsize pos)
{
  for (guint k = 0; k < G_N_ELEMENTS (not_quantities); k++)
    if (text[pos] == not_quantities[k][0] && matches (text, n, pos, not_quantities[k]))
      return TRUE;
  return FALSE;
}

/* Multiplies value by 10^k, using up decimal places first. */
static gboolean
apply_pow10 (guint64 *mantissa, guint *scale, guint k)
{
  if (*scale >= k)
    {
      *scale -= k;
      return TRUE;
    }
  k -= *scale;
  *scale = 0;
  if (*mantissa == 0)
    return TRUE;
  if (k >= G_N_ELEMENTS (pow10_table) || *mantissa > MAX_MANTISSA / pow10_table[k])
    return FALSE;
  *mantissa *= pow10_table[k];
  return TRUE;
}

static void
normalise (guint64 *mantissa, guint *scale)
{
  while (*scale > 0 && *mantissa % 10 == 0)
    {
      *mantissa /= 10;
      (*scale)--;
    }
  if (*mantissa == 0)
    *scale = 0;
}

/* [十百千]?(万亿|万|亿)? after Arabic digits; returns the code points used. */
static gsize
read_multiplier (const gunichar *text, gsize n, gsize i, guint *pow, const char **name)
{
  gsize start = i;
  int small = 0, big = 0;

  if (i < n && (small = small_unit (text[i])) != 0)
    {
      /* 千瓦, 千米, 千克: a unit prefix, not a multiplier */
      if (small == 3 && i + 1 < n &&
          (text[i + 1] == 0x74E6 || text[i + 1] == 0x7C73 || text[i + 1] == 0x514B))
        small = 0;
      /* 百分点, 十分: not multipliers either */
      else if (at (text, n, i + 1, 0x5206 /* 分 */))
        small = 0;
      else
        i++;
    }
  if (i < n && big_unit (text[i]) == 1)
    {
      big = 1;
      i++;
      if (i < n && big_unit (text[i]) == 2)
        {
          big = 3;
          i++;
        }
    }
  else if (i < n && big_unit (text[i]) == 2)
    {
      big = 2;
      i++;
    }
  *pow = small_pow[small] + big_pow[big];
  *name = multiplier_names[small][big];
  return i - start;
}

static gboolean
read_arabic (const gunichar *text, gsize n, gsize pos, Simple *s)
{
  guint64 mantissa = 0;
  guint scale = 0;
  gsize i = pos;
  guint group = 0;
  gboolean grouped = FALSE;
  int d;

  while (i < n)
    {
      d = arabic_digit (text[i]);
      if (d >= 0)
        {
          if (mantissa > (MAX_MANTISSA - (guint64) d) / 10)
            return FALSE; /* too long to be a figure: refuse */
          mantissa = mantissa * 10 + (guint64) d;
          group++;
          i++;
          continue;
        }
      /* A thousands comma: the first group has 1-3 digits, the others
       * exactly 3, and exactly three digits follow the comma then a
       * non-digit. */
      if (is_comma (text[i]) && group >= 1 && group <= 3 && (!grouped || group == 3) && i + 3 < n &&
          arabic_digit (text[i + 1]) >= 0 && arabic_digit (text[i + 2]) >= 0 &&
          arabic_digit (text[i + 3]) >= 0 && (i + 4 >= n || arabic_digit (text[i + 4]) < 0))
        {
          grouped = TRUE;
          group = 0;
          i++;
          continue;
        }
      break;
    }
  if (i == pos)
    return FALSE;

  if (i + 1 < n && is_point (text[i]) && arabic_digit (text[i + 1]) >= 0)
    {
      i++;
      while (i < n && (d = arabic_digit (text[i])) >= 0)
        {
          /* Decimal places past what 63 bits hold are dropped. */
          if (scale < 18 && mantissa <= (MAX_MANTISSA - (guint64) d) / 10)
            {
              mantissa = mantissa * 10 + (guint64) d;
              scale++;
            }
          i++;
        }
    }
  normalise (&mantissa, &scale);

  s->approx = FALSE;
  if (i < n && is_approx (text[i]))
    {
      s->approx = TRUE;
      i++;
    }

  i += read_multiplier (text, n, i, &s->mult_pow, &s->multiplier);
  if (!apply_pow10 (&mantissa, &scale, s->mult_pow))
    return FALSE;

  /* 1亿2000万: a 亿 amount followed by its 万 part */
  if (s->mult_pow == 8 && !s->approx && i < n && arabic_digit (text[i]) >= 0)
    {
      guint64 part = 0;
      gsize j = i;

      while (j < n && (d = arabic_digit (text[j])) >= 0 && part < 10000)
        {
          part = part * 10 + (guint64) d;
          j++;
        }
      if (part > 0 && part < 10000 && scale == 0)
        {
          gboolean part_approx = FALSE;

          if (j < n && is_approx (text[j]))
            {
              part_approx = TRUE;
              j++;
            }
          if (j < n && big_unit (text[j]) == 1 && !(j + 1 < n && big_unit (text[j + 1]) == 2))
            {
              mantissa += part * 10000; /* < 10^4 * 10^4: no overflow past 亿 amounts */
              if (mantissa > MAX_MANTISSA)
                return FALSE;
              s->approx = part_approx;
              i = j + 1;
            }
        }
    }

  if (!s->approx && i < n && is_approx (text[i]) && i > pos && s->mult_pow > 0)
    {
      s->approx = TRUE;
      i++;
    }

  s->mantissa = mantissa;
  s->scale = scale;
  s->chinese = FALSE;
  s->range = FALSE;
  s->end = i;
  return TRUE;
}

static gboolean
read_chinese (const gunichar *text, gsize n, gsize pos, Simple *s)
{
  guint64 yi_part = 0, wan_part = 0, section = 0;
  int pending = -1;   /* a digit waiting for its unit */
  int last_small = 4; /* the last small unit in the section: the next must be smaller */
  gboolean wan_seen = FALSE, yi_seen = FALSE, zero_seen = FALSE;
  guint64 last_unit = 0; /* the value of the unit just before a trailing digit */
  gboolean last_was_unit = FALSE;
  gboolean approx = FALSE;
  gboolean any_unit = FALSE;
  gboolean range = FALSE;
  guint trailing_big = 0; /* 0, 1 万, 2 亿, 3 万亿 */
  gsize i = pos;
  int d, u;

  if (starts_not_quantity (text, n, pos))
    return FALSE;

  /* A run of digits with no unit: 二〇二三 is 2023; 三四百 is 300..400. */
  if (chinese_digit (text[pos]) >= 0 && pos + 1 < n && chinese_digit (text[pos + 1]) >= 0)
    {
      guint64 value = 0;
      gsize j = pos;
      guint count = 0;

      while (j < n && (d = chinese_digit (text[j])) >= 0 && count < 18)
        {
          value = value * 10 + (guint64) d;
          j++;
          count++;
        }
      if (j < n && chinese_digit (text[j]) >= 0)
        return FALSE; /* absurdly long */
      if (count == 2 && j < n && (small_unit (text[j]) || big_unit (text[j])) &&
          chinese_digit (text[pos + 1]) == chinese_digit (text[pos]) + 1)
        {
          /* 三四百, 七八十: an approximate range; read it as the upper digit */
          pos = pos + 1;
          i = pos;
          range = TRUE;
          goto general;
        }
      if (j < n && (small_unit (text[j]) || big_unit (text[j]) || text[j] == 0x51E0 /* 几 */))
        return FALSE;
      s->mantissa = value;
      s->scale = 0;
      s->mult_pow = 0;
      s->approx = FALSE;
      s->chinese = TRUE;
      s->range = FALSE;
      s->end = j;
      s->multiplier = "";
      return TRUE;
    }

general:
  while (i < n)
    {
      gunichar c = text[i];

      if ((d = chinese_digit (c)) >= 0)
        {
          if (pending >= 0 || approx)
            break;
          if (d == 0)
            {
              zero_seen = TRUE;
              last_was_unit = FALSE;
              i++;
              continue;
            }
          pending = d;
          i++;
          continue;
        }
      if ((u = small_unit (c)) != 0)
        {
          if (u >= last_small || approx)
            break;
          /* 十分 ("very"); 百分之 is refused below as a fraction */
          if (u == 1 && i == pos && at (text, n, i + 1, 0x5206 /* 分 */))
            return FALSE;
          section += (guint64) (pending >= 0 ? pending : 1) * pow10_table[u];
          last_small = u;
          last_unit = pow10_table[u];
          pending = -1;
          zero_seen = FALSE;
          last_was_unit = TRUE;
          any_unit = TRUE;
          trailing_big = 0;
          i++;
        }
      else if ((u = big_unit (c)) == 1)
        {
          guint64 v = section + (guint64) (pending >= 0 ? pending : 0);

          if (wan_seen)
            break;
          if (v == 0)
            {
              if (i != pos && !approx)
                break; /* 一亿万? */
              v = 1;
            }
          wan_part = v * 10000;
          section = 0;
          pending = -1;
          last_small = 4;
          wan_seen = TRUE;
          zero_seen = FALSE;
          last_unit = 10000;
          last_was_unit = TRUE;
          any_unit = TRUE;
          trailing_big = 1;
          i++;
          if (approx)
            break;
        }
      else if (u == 2)
        {
          guint64 v = wan_part + section + (guint64) (pending >= 0 ? pending : 0);

          if (yi_seen)
            break;
          if (v == 0)
            v = 1;
          yi_part = v * 100000000ULL;
          wan_part = 0;
          section = 0;
          pending = -1;
          last_small = 4;
          wan_seen = FALSE;
          yi_seen = TRUE;
          zero_seen = FALSE;
          last_unit = 100000000ULL;
          last_was_unit = TRUE;
          any_unit = TRUE;
          trailing_big = trailing_big == 1 ? 3 : 2;
          i++;
          if (approx)
            break;
        }
      else if (is_approx (c) && last_was_unit && !approx)
        {
          approx = TRUE;
          i++;
          /* only a 万 or 亿 may follow: 二十多万 */
          if (!(i < n && big_unit (text[i])))
            break;
        }
      else
        break;
    }

  if (i == pos)
    return FALSE;
  if (!any_unit && pending < 0)
    return FALSE; /* a lone 零 (零星, 零部件) */
  /* a lone 万 or 亿 is a word (万里, 万部华严经塔), but 万余 is a number */
  if (i == pos + 1 && big_unit (text[pos]) && !approx)
    return FALSE;
  /* 十几, 二十几万: no written value */
  if (i < n && text[i] == 0x51E0 /* 几 */)
    return FALSE;
  /* 三分之一: a fraction */
  if (i + 1 < n && text[i] == 0x5206 /* 分 */ && text[i + 1] == 0x4E4B /* 之 */)
    return FALSE;

  if (pending >= 0)
    {
      /* 一百五 is 150, 三万五 35000; after 零 or alone, the digit is units */
      if (last_was_unit && !zero_seen && last_unit >= 100)
        section += (guint64) pending * (last_unit / 10);
      else
        section += (guint64) pending;
      trailing_big = 0;
    }

  s->mantissa = yi_part + wan_part + section;
  s->scale = 0;
  s->approx = approx || range;
  s->chinese = TRUE;
  s->range = range;
  s->end = i;
  s->mult_pow = big_pow[trailing_big];
  s->multiplier = multiplier_names[0][trailing_big];
  return TRUE;
}

static gboolean
read_simple (const gunichar *text, gsize n, gsize pos, Simple *s)
{
  if (arabic_digit (text[pos]) >= 0)
    return read_arabic (text, n, pos, s);
  if (is_chinese_numeral (text[pos]))
    return read_chinese (text, n, pos, s);
  return FALSE;
}

/* Whether @pos is inside a number or right after a word that makes what
 * follows a non-quantity. */
static gboolean
bad_start (const gunichar *text, gsize pos)
{
  gunichar p, pp;

  if (pos == 0)
    return FALSE;
  p = text[pos - 1];
  if (is_any_numeral (p))
    return TRUE;
  switch (p)
    {
      case 0x7B2C: /* 第 */
      case 0x6570: /* 数 */
      case 0x51E0: /* 几 */
        return TRUE;
      default:
        break;
    }
  if (pos < 2)
    return FALSE;
  pp = text[pos - 2];
  if ((is_point (p) || is_comma (p)) && arabic_digit (pp) >= 0 && arabic_digit (text[pos]) >= 0)
    return TRUE;
  if (is_approx (p) && is_any_numeral (pp))
    return TRUE;
  /* the second half of a range or the parts of a date or time (2022-08-23,
   * 2022/08/23, 10:30) */
  if ((is_range_sep (p) || p == '/' || p == ':') && arabic_digit (pp) >= 0)
    return TRUE;
  if (pp == 0x5206 /* 分 */ && p == 0x4E4B /* 之 */)
    return TRUE;
  return FALSE;
}

static double
simple_to_double (guint64 mantissa, guint scale)
{
  return (double) mantissa /
         (scale < G_N_ELEMENTS (pow10_table) ? (double) pow10_table[scale] : pow (10.0, scale));
}

gboolean
figures_number_read (const gunichar *text, gsize n, gsize pos, FiguresNumber *out)
{
  Simple a, b;
  gsize j;

  g_return_val_if_fail (text != NULL || n == 0, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (pos >= n)
    return FALSE;
  if (!is_any_numeral (text[pos]))
    return FALSE;
  if (bad_start (text, pos))
    return FALSE;
  if (!read_simple (text, n, pos, &a))
    return FALSE;

  out->value.mantissa = (gint64) a.mantissa;
  out->value.scale = a.scale;
  out->approx = a.approx;
  out->is_range = a.range;
  out->start = pos;
  out->end = a.end;
  out->multiplier = a.multiplier;

  /* A range: 3至5万, 3-5万, 三至五万. The upper bound is the value; the
   * multiplier of the upper bound applies to a bare lower bound. */
  j = a.end;
  if (j + 1 < n && is_range_sep (text[j]) && is_any_numeral (text[j + 1]) &&
      read_simple (text, n, j + 1, &b))
    {
      guint64 lm = a.mantissa;
      guint ls = a.scale;

      if (a.mult_pow == 0 && !apply_pow10 (&lm, &ls, b.mult_pow))
        return TRUE;
      if (simple_to_double (lm, ls) <= simple_to_double (b.mantissa, b.scale))
        {
          out->value.mantissa = (gint64) b.mantissa;
          out->value.scale = b.scale;
          out->approx = TRUE;
          out->is_range = TRUE;
          out->end = b.end;
          out->multiplier = b.multiplier;
        }
    }
  return TRUE;
}

gboolean
figures_number_parse (const char *utf8, FiguresNumber *out)
{
  g_autofree gunichar *cps = NULL;
  glong n = 0;

  g_return_val_if_fail (out != NULL, FALSE);

  if (utf8 == NULL)
    return FALSE;
  cps = g_utf8_to_ucs4 (utf8, -1, NULL, &n, NULL);
  if (cps == NULL || n <= 0)
    return FALSE;
  if (!figures_number_read (cps, (gsize) n, 0, out))
    return FALSE;
  return out->end == (gsize) n;
}

char *
figures_decimal_to_string (FiguresDecimal value)
{
  guint64 magnitude;
  gboolean negative = value.mantissa < 0;
  char digits[32];
  GString *str;
  gsize len;

  magnitude = negative ? (guint64) (-(value.mantissa + 1)) + 1 : (guint64) value.mantissa;
  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, magnitude);
  len = strlen (digits);

  str = g_string_sized_new (len + value.scale + 3);
  if (negative && magnitude != 0)
    g_string_append_c (str, '-');
  if (value.scale == 0)
    {
      g_string_append (str, digits);
      return g_string_free (str, FALSE);
    }
  if (len <= value.scale)
    {
      g_string_append (str, "0.");
      for (gsize k = len; k < value.scale; k++)
        g_string_append_c (str, '0');
      g_string_append (str, digits);
    }
  else
    {
      g_string_append_len (str, digits, (gssize) (len - value.scale));
      g_string_append_c (str, '.');
      g_string_append (str, digits + len - value.scale);
    }
  /* no trailing zeros after the point, and no bare point */
  while (str->len > 0 && str->str[str->len - 1] == '0')
    g_string_truncate (str, str->len - 1);
  if (str->len > 0 && str->str[str->len - 1] == '.')
    g_string_truncate (str, str->len - 1);
  if (strcmp (str->str, "-0") == 0)
    g_string_assign (str, "0");
  return g_string_free (str, FALSE);
}

double
figures_decimal_to_double (FiguresDecimal value)
{
  if (value.scale <= 22)
    return (double) value.mantissa / pow (10.0, value.scale);
  else
    {
      g_autofree char *s = figures_decimal_to_string (value);
      return g_ascii_strtod (s, NULL);
    }
}

static void
decimal_normalise (FiguresDecimal *d)
{
  while (d->scale > 0 && d->mantissa % 10 == 0)
    {
      d->mantissa /= 10;
      d->scale--;
    }
  if (d->mantissa == 0)
    d->scale = 0;
}

gboolean
figures_decimal_equal (FiguresDecimal a, FiguresDecimal b)
{
  decimal_normalise (&a);
  decimal_normalise (&b);
  return a.mantissa == b.mantissa && a.scale == b.scale;
}
