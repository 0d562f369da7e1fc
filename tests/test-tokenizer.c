/* test-tokenizer.c: the FTS5 tokenizer for Chinese
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "figures-tokenizer.h"

static int
collect_cb (gpointer user_data, gboolean colocated, const char *token, int len, int start, int end)
{
  GString *out = user_data;

  if (out->len > 0)
    g_string_append_c (out, ' ');
  if (colocated)
    g_string_append_c (out, '+');
  g_string_append_len (out, token, len);
  g_string_append_printf (out, "@%d-%d", start, end);
  return SQLITE_OK;
}

static int
collect_plain_cb (
  gpointer user_data, gboolean colocated, const char *token, int len, int start, int end)
{
  GString *out = user_data;

  if (out->len > 0)
    g_string_append_c (out, ' ');
  if (colocated)
    g_string_append_c (out, '+');
  g_string_append_len (out, token, len);
  return SQLITE_OK;
}

static char *
tokens (const char *text, FiguresTokenizeMode mode, gboolean offsets)
{
  GString *out = g_string_new (NULL);

  g_assert_cmpint (figures_tokenize (text, -1, mode, offsets ? collect_cb : collect_plain_cb, out),
                   ==, SQLITE_OK);
  return g_string_free (out, FALSE);
}

static void
assert_tokens (const char *text, FiguresTokenizeMode mode, const char *expected)
{
  g_autofree char *got = tokens (text, mode, FALSE);

  g_test_message ("“%s” → %s", text, got);
  g_assert_cmpstr (got, ==, expected);
}

static void
test_pairs (void)
{
  /* single characters, and the pair each starts at the same position */
  assert_tokens ("民族团结", FIGURES_TOKENIZE_DOCUMENT, "民 +民族 族 +族团 团 +团结 结");
  assert_tokens ("民", FIGURES_TOKENIZE_DOCUMENT, "民");
  assert_tokens ("", FIGURES_TOKENIZE_DOCUMENT, "");
}

static void
test_boundaries (void)
{
  /* pairs never cross punctuation, spaces or Latin text */
  assert_tokens ("公曰：“不可”", FIGURES_TOKENIZE_DOCUMENT, "公 +公曰 曰 不 +不可 可");
  assert_tokens ("民族 团结", FIGURES_TOKENIZE_DOCUMENT, "民 +民族 族 团 +团结 结");
  assert_tokens ("培训a班", FIGURES_TOKENIZE_DOCUMENT, "培 +培训 训 a 班");
  assert_tokens ("一、二。三", FIGURES_TOKENIZE_DOCUMENT, "一 二 三");
}

static void
test_latin (void)
{
  assert_tokens ("GDP增长6.3%，2024年Hello World", FIGURES_TOKENIZE_DOCUMENT,
                 "gdp 增 +增长 长 6.3 2024 年 hello world");
  /* a point that is not between digits ends the word */
  assert_tokens ("v2. x.5 3.", FIGURES_TOKENIZE_DOCUMENT, "v2 x 5 3");
  assert_tokens ("Ärger ÉCOLE", FIGURES_TOKENIZE_DOCUMENT, "ärger école");
}

static void
test_folding (void)
{
  /* Traditional is indexed as Simplified */
  assert_tokens ("發展", FIGURES_TOKENIZE_DOCUMENT, "发 +发展 展");
  assert_tokens ("發展", FIGURES_TOKENIZE_QUERY, "发展");
  assert_tokens ("經濟", FIGURES_TOKENIZE_DOCUMENT, "经 +经济 济");
}

static void
test_offsets (void)
{
  g_autofree char *got = tokens ("a民族，b", FIGURES_TOKENIZE_DOCUMENT, TRUE);

  /* byte offsets into the text: a=0-1, 民=1-4, 族=4-7, ，=7-10, b=10-11 */
  g_assert_cmpstr (got, ==, "a@0-1 民@1-4 +民族@1-7 族@4-7 b@10-11");

  g_clear_pointer (&got, g_free);
  got = tokens ("發展2024", FIGURES_TOKENIZE_DOCUMENT, TRUE);
  g_assert_cmpstr (got, ==, "发@0-3 +发展@0-6 展@3-6 2024@6-10");
}

static void
test_query (void)
{
  /* one character: itself; longer: the phrase of its pairs */
  assert_tokens ("民", FIGURES_TOKENIZE_QUERY, "民");
  assert_tokens ("民族", FIGURES_TOKENIZE_QUERY, "民族");
  assert_tokens ("民族团结", FIGURES_TOKENIZE_QUERY, "民族 族团 团结");
  /* the last character keeps the positions in step with what follows */
  assert_tokens ("民族2024年", FIGURES_TOKENIZE_QUERY, "民族 族 2024 年");
  assert_tokens ("2024年度", FIGURES_TOKENIZE_QUERY, "2024 年度");
  assert_tokens ("GDP", FIGURES_TOKENIZE_QUERY, "gdp");
}

static void
test_has_tokens (void)
{
  g_assert_true (figures_tokenizer_has_tokens ("培", -1));
  g_assert_true (figures_tokenizer_has_tokens ("，a", -1));
  g_assert_false (figures_tokenizer_has_tokens ("，。！“”-", -1));
  g_assert_false (figures_tokenizer_has_tokens ("", -1));
}

static void
test_invalid_utf8 (void)
{
  /* bytes that are not UTF-8 are no tokens, and never crash */
  g_autofree char *got = tokens ("\xff\xfe民\xe6\x97", FIGURES_TOKENIZE_DOCUMENT, FALSE);

  g_assert_cmpstr (got, ==, "民");
}

/* Runs @match on a table of @docs; returns the rowids found, "1 3". */
static char *
fts_match (sqlite3 *db, const char *match)
{
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (
    sqlite3_prepare_v2 (db, "SELECT rowid FROM t WHERE t MATCH ?1 ORDER BY rowid", -1, &stmt, NULL),
    ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s%lld", out->len > 0 ? " " : "",
                            (long long) sqlite3_column_int64 (stmt, 0));
  g_assert_cmpint (sqlite3_finalize (stmt), ==, SQLITE_OK);
  return g_string_free (out, FALSE);
}

static void
test_fts5 (void)
{
  static const char *const docs[] = {
    "坚持民族团结进步。",            /* 1 */
    "民族地区……团结一心",            /* 2 */
    "公曰：“不可。”",                /* 3 */
    "公曰不可",                      /* 4 */
    "推動經濟發展，2024年GDP增长。", /* 5 */
  };
  static const struct
  {
    const char *match;
    const char *rows;
  } cases[] = {
    { "\"民族团结\"", "1" }, { "\"民族\"", "1 2" },   { "\"团结\"", "1 2" },
    { "\"公曰不可\"", "4" }, { "\"不可\"", "3 4" },   { "\"民\"", "1 2" },
    { "\"发展\"", "5" },     { "\"經濟\"", "5" },     { "\"2024年\"", "5" },
    { "\"gdp\"", "5" },      { "\"族团结进\"", "1" }, { "\"团结一心\"", "2" },
    { "\"结进步一\"", "" },
  };
  sqlite3 *db = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_true (figures_tokenizer_register (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db, "CREATE VIRTUAL TABLE t USING fts5 (x, tokenize='figures')",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    {
      char *sql = sqlite3_mprintf ("INSERT INTO t (rowid, x) VALUES (%u, %Q)", i + 1, docs[i]);
      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_free (sql);
    }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *rows = fts_match (db, cases[i].match);

      g_test_message ("%s → %s", cases[i].match, rows);
      g_assert_cmpstr (rows, ==, cases[i].rows);
    }
  sqlite3_close (db);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tokenizer/pairs", test_pairs);
  g_test_add_func ("/tokenizer/boundaries", test_boundaries);
  g_test_add_func ("/tokenizer/latin", test_latin);
  g_test_add_func ("/tokenizer/folding", test_folding);
  g_test_add_func ("/tokenizer/offsets", test_offsets);
  g_test_add_func ("/tokenizer/query", test_query);
  g_test_add_func ("/tokenizer/has-tokens", test_has_tokens);
  g_test_add_func ("/tokenizer/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/tokenizer/fts5", test_fts5);

  return g_test_run ();
}
