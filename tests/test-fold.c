/* test-fold.c: Traditional→Simplified folding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "figures-fold.h"

static gunichar
u (const char *s)
{
  g_assert_true (g_utf8_validate (s, -1, NULL));
  g_assert_cmpint (g_utf8_strlen (s, -1), ==, 1);
  return g_utf8_get_char (s);
}

static void
check_char (const char *from, const char *to)
{
  g_assert_cmpuint (figures_fold_char (u (from)), ==, u (to));
}

static void
test_fold_char (void)
{
  /* from ICU's Hant-Hans */
  check_char ("發", "发");
  check_char ("髮", "发");
  check_char ("訓", "训");
  check_char ("經", "经");
  check_char ("萬", "万");
  check_char ("裏", "里");
  check_char ("爲", "为");
  check_char ("衆", "众");
  /* from build-aux/fold-variants.tsv */
  check_char ("峯", "峰");
  check_char ("麪", "面");
  check_char ("敎", "教");
  /* Simplified, ASCII and other characters are left alone */
  check_char ("发", "发");
  check_char ("培", "培");
  check_char ("人", "人");
  check_char ("。", "。");
  for (gunichar c = 0; c < 0x80; c++)
    g_assert_cmpuint (figures_fold_char (c), ==, c);
  g_assert_cmpuint (figures_fold_char (0x1F600), ==, 0x1F600);
  g_assert_cmpuint (figures_fold_char (0x10FFFF), ==, 0x10FFFF);
}

static void
test_fold_idempotent (void)
{
  guint n_folded = 0;

  for (gunichar c = 0x3400; c < 0x10000; c++)
    {
      gunichar f = figures_fold_char (c);

      if (f != c)
        n_folded++;
      g_assert_cmpuint (figures_fold_char (f), ==, f);
    }
  /* The table was loaded: ICU alone folds well over two thousand. */
  g_assert_cmpuint (n_folded, >, 2000);
}

static void
test_fold_chars (void)
{
  const char *s = "培訓班Abc 123，發展經濟。";
  glong n = 0;
  g_autofree gunichar *in = g_utf8_to_ucs4_fast (s, -1, &n);
  g_autofree gunichar *out = g_new0 (gunichar, n + 1);
  g_autofree char *folded = NULL;

  figures_fold_chars (in, out, n);
  folded = g_ucs4_to_utf8 (out, n, NULL, NULL, NULL);
  g_assert_cmpstr (folded, ==, "培训班Abc 123，发展经济。");

  /* in place */
  figures_fold_chars (in, in, n);
  g_assert_cmpmem (in, n * sizeof (gunichar), out, n * sizeof (gunichar));

  figures_fold_chars (NULL, NULL, 0);
}

static void
test_fold_utf8 (void)
{
  const char *cases[][2] = {
    { "培訓", "培训" },
    { "發展經濟", "发展经济" },
    { "峯會在裏面", "峰会在里面" },
    { "plain ASCII, 123!", "plain ASCII, 123!" },
    { "", "" },
    { "𠀀發", "𠀀发" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = figures_fold_utf8 (cases[i][0], -1);

      g_assert_cmpstr (folded, ==, cases[i][1]);
      g_assert_cmpint (g_utf8_strlen (folded, -1), ==, g_utf8_strlen (cases[i][0], -1));
    }

  /* explicit length */
  {
    g_autofree char *folded = figures_fold_utf8 ("發展經濟", strlen ("發展"));

    g_assert_cmpstr (folded, ==, "发展");
  }
}

static void
test_fold_length (void)
{
  g_autoptr (GString) s = g_string_new (NULL);
  g_autofree char *folded = NULL;

  /* Every BMP code point of the CJK blocks, plus ASCII in between. */
  for (gunichar c = 0x3400; c <= 0x9FFF; c++)
    {
      g_string_append_unichar (s, c);
      if (c % 64 == 0)
        g_string_append (s, " a1,");
    }
  folded = figures_fold_utf8 (s->str, s->len);
  g_assert_true (g_utf8_validate (folded, -1, NULL));
  g_assert_cmpint (g_utf8_strlen (folded, -1), ==, g_utf8_strlen (s->str, -1));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fold/char", test_fold_char);
  g_test_add_func ("/fold/idempotent", test_fold_idempotent);
  g_test_add_func ("/fold/chars", test_fold_chars);
  g_test_add_func ("/fold/utf8", test_fold_utf8);
  g_test_add_func ("/fold/length", test_fold_length);

  return g_test_run ();
}
