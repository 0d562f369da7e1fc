/* test-number.c: the number reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "figures-number.h"

typedef struct
{
  const char *input;
  const char *value; /* NULL: no number starts at 0 */
  gboolean approx;
  gboolean range;
  int end; /* code points; -1: the whole input */
  const char *multiplier;
} Case;

#define NO(s)                      \
  {                                \
    s, NULL, FALSE, FALSE, 0, NULL \
  }

static const Case cases[] = {
  /* Arabic digits, decimals, full width */
  { "0", "0", FALSE, FALSE, -1, "" },
  { "7", "7", FALSE, FALSE, -1, "" },
  { "123", "123", FALSE, FALSE, -1, "" },
  { "007", "7", FALSE, FALSE, -1, "" },
  { "1.5", "1.5", FALSE, FALSE, -1, "" },
  { "1.50", "1.5", FALSE, FALSE, -1, "" },
  { "2.0", "2", FALSE, FALSE, -1, "" },
  { "0.25", "0.25", FALSE, FALSE, -1, "" },
  { "１２３", "123", FALSE, FALSE, -1, "" },
  { "１２．５", "12.5", FALSE, FALSE, -1, "" },
  { "1.", "1", FALSE, FALSE, 1, "" },
  { "3.2.1", "3.2", FALSE, FALSE, 3, "" },
  { "42人", "42", FALSE, FALSE, 2, "" },
  { "1531期", "1531", FALSE, FALSE, 4, "" },
  /* multipliers */
  { "6.29亿", "629000000", FALSE, FALSE, -1, "亿" },
  { "6.29亿元", "629000000", FALSE, FALSE, 5, "亿" },
  { "4.35亿", "435000000", FALSE, FALSE, -1, "亿" },
  { "1.9亿", "190000000", FALSE, FALSE, -1, "亿" },
  { "3.22亿元", "322000000", FALSE, FALSE, 5, "亿" },
  { "0.5万", "5000", FALSE, FALSE, -1, "万" },
  { "305.29万", "3052900", FALSE, FALSE, -1, "万" },
  { "25万人次", "250000", FALSE, FALSE, 3, "万" },
  { "3802亿元", "380200000000", FALSE, FALSE, 5, "亿" },
  { "1.2万亿", "1200000000000", FALSE, FALSE, -1, "万亿" },
  { "5千", "5000", FALSE, FALSE, -1, "千" },
  { "5百", "500", FALSE, FALSE, -1, "百" },
  { "3十", "30", FALSE, FALSE, -1, "十" },
  { "2千万", "20000000", FALSE, FALSE, -1, "千万" },
  { "5百万", "5000000", FALSE, FALSE, -1, "百万" },
  { "3十亿", "3000000000", FALSE, FALSE, -1, "十亿" },
  { "1.23456万", "12345.6", FALSE, FALSE, -1, "万" },
  { "0.000001亿", "100", FALSE, FALSE, -1, "亿" },
  { "1亿2000万元", "120000000", FALSE, FALSE, 7, "亿" },
  { "3千瓦", "3", FALSE, FALSE, 1, "" },
  { "3万千瓦", "30000", FALSE, FALSE, 2, "万" },
  { "5千米", "5", FALSE, FALSE, 1, "" },
  { "10百分点", "10", FALSE, FALSE, 2, "" },
  /* 余 and 多 inside the number */
  { "23.5万余", "235000", TRUE, FALSE, -1, "万" },
  { "23.5万余人次", "235000", TRUE, FALSE, 6, "万" },
  { "8466多万", "84660000", TRUE, FALSE, -1, "万" },
  { "8466多万元", "84660000", TRUE, FALSE, 6, "万" },
  { "300余", "300", TRUE, FALSE, -1, "" },
  { "300余名", "300", TRUE, FALSE, 4, "" },
  { "2000余万", "20000000", TRUE, FALSE, -1, "万" },
  { "1100余次", "1100", TRUE, FALSE, 5, "" },
  { "50多", "50", TRUE, FALSE, -1, "" },
  { "1.5万多", "15000", TRUE, FALSE, -1, "万" },
  { "3亿多元", "300000000", TRUE, FALSE, 3, "亿" },
  { "1亿200余万", "102000000", TRUE, FALSE, -1, "亿" },
  /* thousands commas */
  { "1,234", "1234", FALSE, FALSE, -1, "" },
  { "1,234人", "1234", FALSE, FALSE, 5, "" },
  { "1，234人", "1234", FALSE, FALSE, 5, "" },
  { "12,345,678", "12345678", FALSE, FALSE, -1, "" },
  { "1,234.5万", "12345000", FALSE, FALSE, -1, "万" },
  { "5,修订", "5", FALSE, FALSE, 1, "" },
  { "5部,修订", "5", FALSE, FALSE, 1, "" },
  { "5,12", "5", FALSE, FALSE, 1, "" },
  { "5,1234", "5", FALSE, FALSE, 1, "" },
  { "1234,567", "1234", FALSE, FALSE, 4, "" },
  { "1,234,56", "1234", FALSE, FALSE, 5, "" },
  { "3,", "3", FALSE, FALSE, 1, "" },
  /* ranges */
  { "3至5万", "50000", TRUE, TRUE, -1, "万" },
  { "3-5万", "50000", TRUE, TRUE, -1, "万" },
  { "3~5万", "50000", TRUE, TRUE, -1, "万" },
  { "3～5万", "50000", TRUE, TRUE, -1, "万" },
  { "3到5万", "50000", TRUE, TRUE, -1, "万" },
  { "3—5万", "50000", TRUE, TRUE, -1, "万" },
  { "3万至5万元", "50000", TRUE, TRUE, 5, "万" },
  { "10-20人", "20", TRUE, TRUE, 5, "" },
  { "1.5-2.5亿", "250000000", TRUE, TRUE, -1, "亿" },
  { "三至五万", "50000", TRUE, TRUE, -1, "万" },
  { "三四百", "400", TRUE, TRUE, -1, "" },
  { "七八十人", "80", TRUE, TRUE, 3, "" },
  { "2023-05-01", "2023", FALSE, FALSE, 4, "" },
  { "5万-3", "50000", FALSE, FALSE, 2, "万" },
  { "3-", "3", FALSE, FALSE, 1, "" },
  { "3至今", "3", FALSE, FALSE, 1, "" },
  /* Chinese numerals */
  { "一", "1", FALSE, FALSE, -1, "" },
  { "两", "2", FALSE, FALSE, -1, "" },
  { "十", "10", FALSE, FALSE, -1, "" },
  { "十二", "12", FALSE, FALSE, -1, "" },
  { "二十", "20", FALSE, FALSE, -1, "" },
  { "二十五", "25", FALSE, FALSE, -1, "" },
  { "一百零五", "105", FALSE, FALSE, -1, "" },
  { "一千零一十", "1010", FALSE, FALSE, -1, "" },
  { "三百余", "300", TRUE, FALSE, -1, "" },
  { "三百余名", "300", TRUE, FALSE, 3, "" },
  { "两千", "2000", FALSE, FALSE, -1, "" },
  { "百万", "1000000", FALSE, FALSE, -1, "万" },
  { "百万人次", "1000000", FALSE, FALSE, 2, "万" },
  { "千余", "1000", TRUE, FALSE, -1, "" },
  { "二十多", "20", TRUE, FALSE, -1, "" },
  { "二十多万", "200000", TRUE, FALSE, -1, "万" },
  { "十余万", "100000", TRUE, FALSE, -1, "万" },
  { "三万五千", "35000", FALSE, FALSE, -1, "" },
  { "一万零五百", "10500", FALSE, FALSE, -1, "" },
  { "一亿二千万", "120000000", FALSE, FALSE, -1, "万" },
  { "三万亿", "3000000000000", FALSE, FALSE, -1, "万亿" },
  { "五千万", "50000000", FALSE, FALSE, -1, "万" },
  { "一百五", "150", FALSE, FALSE, -1, "" },
  { "三万五", "35000", FALSE, FALSE, -1, "" },
  { "万余人", "10000", TRUE, FALSE, 2, "万" },
  { "二〇二三", "2023", FALSE, FALSE, -1, "" },
  { "二〇二三年", "2023", FALSE, FALSE, 4, "" },
  { "一九九八", "1998", FALSE, FALSE, -1, "" },
  { "兩萬", "20000", FALSE, FALSE, -1, "万" },
  { "十一五", "11", FALSE, FALSE, 2, "" },
  { "十二个", "12", FALSE, FALSE, 2, "" },
  { "二十分钟", "20", FALSE, FALSE, 2, "" },
  { "三十余名", "30", TRUE, FALSE, 3, "" },
  { "一万二千余人", "12000", TRUE, FALSE, 5, "" },
  /* not numbers */
  NO (""),
  NO ("数十"),
  NO ("几"),
  NO ("几百"),
  NO ("第"),
  NO ("第三"),
  NO ("十几"),
  NO ("二十几万"),
  NO ("零"),
  NO ("零部件"),
  NO ("三分之一"),
  NO ("百分之三十"),
  NO ("十分重要"),
  NO ("一方面"),
  NO ("千方百计"),
  NO ("四面八方"),
  NO ("一次性"),
  NO ("万"),
  NO ("万里"),
  NO ("亿万"),
  NO ("余"),
  NO ("多"),
  NO ("元"),
  NO ("abc"),
  NO (".5"),
  NO (",123"),
  /* overflow: refused, never wrapped */
  NO ("1234567890123456789012345678901234567890"),
  NO ("99999999999999999999"),
  NO ("100000000000万亿"),
  NO ("9223372036854775808"),
  { "9223372036854775807", "9223372036854775807", FALSE, FALSE, -1, "" },
  { "0.1234567890123456789012345", "0.123456789012345678", FALSE, FALSE, -1, "" },
};

static void
test_table (void)
{
  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      const Case *c = &cases[k];
      g_autofree gunichar *text = NULL;
      glong n = 0;
      FiguresNumber num;
      gboolean ok;

      text = g_utf8_to_ucs4 (c->input, -1, NULL, &n, NULL);
      g_assert_nonnull (text);
      memset (&num, 0, sizeof num);
      ok = figures_number_read (text, (gsize) n, 0, &num);
      g_test_message ("case %u: %s", k, c->input);
      if (c->value == NULL)
        {
          g_assert_false (ok);
          continue;
        }
      g_assert_true (ok);
      {
        g_autofree char *s = figures_decimal_to_string (num.value);

        g_assert_cmpstr (s, ==, c->value);
      }
      g_assert_cmpint (num.approx, ==, c->approx);
      g_assert_cmpint (num.is_range, ==, c->range);
      g_assert_cmpuint (num.start, ==, 0);
      g_assert_cmpuint (num.end, ==, c->end < 0 ? (gsize) n : (gsize) c->end);
      g_assert_cmpstr (num.multiplier, ==, c->multiplier);
    }
  g_test_message ("%u cases", (guint) G_N_ELEMENTS (cases));
}

/* Exact integer values, not just their strings. */
static void
test_exact (void)
{
  FiguresNumber num;

  g_assert_true (figures_number_parse ("4.35亿", &num));
  g_assert_cmpint (num.value.mantissa, ==, 435000000);
  g_assert_cmpuint (num.value.scale, ==, 0);

  g_assert_true (figures_number_parse ("1.5", &num));
  g_assert_cmpint (num.value.mantissa, ==, 15);
  g_assert_cmpuint (num.value.scale, ==, 1);

  g_assert_true (figures_number_parse ("305.29万", &num));
  g_assert_cmpint (num.value.mantissa, ==, 3052900);
  g_assert_cmpuint (num.value.scale, ==, 0);

  g_assert_true (figures_number_parse ("1.23456万", &num));
  g_assert_cmpint (num.value.mantissa, ==, 123456);
  g_assert_cmpuint (num.value.scale, ==, 1);
}

/* Reading in the middle of a text: start, end, and no number inside another. */
static void
test_positions (void)
{
  g_autofree gunichar *text = NULL;
  glong n = 0;
  FiguresNumber num;

  /* 累计培训干部23.5万余人次、举办1100余期 */
  text = g_utf8_to_ucs4 ("累计培训干部23.5万余人次、举办1100余期", -1, NULL, &n, NULL);
  g_assert_false (figures_number_read (text, n, 0, &num));
  g_assert_true (figures_number_read (text, n, 6, &num));
  g_assert_cmpuint (num.start, ==, 6);
  g_assert_cmpuint (num.end, ==, 12);
  g_assert_true (figures_decimal_equal (num.value, (FiguresDecimal){ 235000, 0 }));
  /* inside the number: 3, 5, 万 and 余 start nothing */
  for (gsize p = 7; p < 12; p++)
    g_assert_false (figures_number_read (text, n, p, &num));
  g_assert_true (figures_number_read (text, n, 17, &num));
  g_assert_cmpuint (num.end, ==, 22);
  g_assert_true (num.approx);
  g_assert_false (figures_number_read (text, n, 18, &num));
  /* the second half of a range or a date starts nothing */
  {
    glong dn = 0;
    g_autofree gunichar *date = g_utf8_to_ucs4 ("2022-08-23 3至5万 10:30 第3", -1, NULL, &dn, NULL);

    g_assert_true (figures_number_read (date, dn, 0, &num));
    g_assert_cmpuint (num.end, ==, 4);
    g_assert_false (num.is_range);
    g_assert_false (figures_number_read (date, dn, 5, &num));
    g_assert_false (figures_number_read (date, dn, 8, &num));
    g_assert_true (figures_number_read (date, dn, 11, &num));
    g_assert_cmpuint (num.end, ==, 15);
    g_assert_true (num.is_range);
    g_assert_false (figures_number_read (date, dn, 13, &num));
    g_assert_false (figures_number_read (date, dn, 19, &num));
    g_assert_false (figures_number_read (date, dn, 23, &num));
  }
  /* past the end */
  g_assert_false (figures_number_read (text, n, n, &num));
  g_assert_false (figures_number_read (text, n, n + 5, &num));
}

static void
test_parse (void)
{
  FiguresNumber num;

  g_assert_true (figures_number_parse ("6.29亿", &num));
  g_assert_false (figures_number_parse ("6.29亿元", &num)); /* not the whole string */
  g_assert_false (figures_number_parse ("", &num));
  g_assert_false (figures_number_parse (NULL, &num));
  g_assert_false (figures_number_parse ("\xff\xfe", &num)); /* invalid UTF-8 */
}

static void
test_decimal (void)
{
  struct
  {
    FiguresDecimal d;
    const char *s;
    double v;
  } rows[] = {
    { { 0, 0 }, "0", 0.0 },
    { { 15, 1 }, "1.5", 1.5 },
    { { 150, 2 }, "1.5", 1.5 },
    { { 5, 3 }, "0.005", 0.005 },
    { { 435000000, 0 }, "435000000", 435000000.0 },
    { { -25, 1 }, "-2.5", -2.5 },
    { { G_MAXINT64, 0 }, "9223372036854775807", 9223372036854775807.0 },
    { { G_MININT64, 0 }, "-9223372036854775808", -9223372036854775808.0 },
    { { 1, 30 }, "0.000000000000000000000000000001", 1e-30 },
    { { 0, 5 }, "0", 0.0 },
  };

  for (guint k = 0; k < G_N_ELEMENTS (rows); k++)
    {
      g_autofree char *s = figures_decimal_to_string (rows[k].d);

      g_assert_cmpstr (s, ==, rows[k].s);
      g_assert_cmpfloat_with_epsilon (figures_decimal_to_double (rows[k].d), rows[k].v,
                                      1e-12 * (1.0 + ABS (rows[k].v)));
    }
  g_assert_true (figures_decimal_equal ((FiguresDecimal){ 15, 1 }, (FiguresDecimal){ 150, 2 }));
  g_assert_true (figures_decimal_equal ((FiguresDecimal){ 0, 0 }, (FiguresDecimal){ 0, 3 }));
  g_assert_false (figures_decimal_equal ((FiguresDecimal){ 15, 1 }, (FiguresDecimal){ 15, 0 }));
  g_assert_false (figures_decimal_equal ((FiguresDecimal){ 15, 1 }, (FiguresDecimal){ 16, 1 }));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/number/table", test_table);
  g_test_add_func ("/number/exact", test_exact);
  g_test_add_func ("/number/positions", test_positions);
  g_test_add_func ("/number/parse", test_parse);
  g_test_add_func ("/number/decimal", test_decimal);
  return g_test_run ();
}
