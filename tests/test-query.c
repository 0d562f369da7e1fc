/* test-query.c: the search language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "figures-query.h"
#include "figures-tokenizer.h"

static void
assert_fts5 (const char *text, const char *expected)
{
  g_autoptr (FiguresQuery) query = figures_query_parse (text);
  g_autofree char *fts5 = figures_query_to_fts5 (query);

  g_test_message ("«%s» → %s", text, fts5);
  g_assert_cmpstr (fts5, ==, expected);
}

static void
test_words (void)
{
  assert_fts5 ("培训", "\"培训\"");
  assert_fts5 ("培训 资金", "\"培训\" AND \"资金\"");
  assert_fts5 ("  培训\u3000资金  ", "\"培训\" AND \"资金\"");
  assert_fts5 ("GDP", "\"GDP\"");
  /* each distinct term once */
  assert_fts5 ("培训 资金 培训 -项目 资金 -项目", "(\"培训\" AND \"资金\") NOT \"项目\"");
  {
    g_autoptr (FiguresQuery) query = figures_query_parse ("培训 资金 培训 培训 OR 轮训 资金");

    g_assert_cmpuint (figures_query_count_terms (query), ==, 4);
  }
}

static void
test_phrase (void)
{
  assert_fts5 ("\"民族 团结\"", "\"民族 团结\"");
  assert_fts5 ("“民族团结”", "\"民族团结\"");
  assert_fts5 ("\"培训\" 资金", "\"培训\" AND \"资金\"");
}

static void
test_or (void)
{
  assert_fts5 ("培训 OR 轮训", "(\"培训\" OR \"轮训\")");
  assert_fts5 ("培训 OR 轮训 OR 研修 资金", "(\"培训\" OR \"轮训\" OR \"研修\") AND \"资金\"");
  /* lower-case or is a word */
  assert_fts5 ("培训 or 轮训", "\"培训\" AND \"or\" AND \"轮训\"");
}

static void
test_exclude (void)
{
  assert_fts5 ("培训 -资金", "(\"培训\") NOT \"资金\"");
  assert_fts5 ("培训 -\"专项 资金\" -项目", "(\"培训\") NOT \"专项 资金\" NOT \"项目\"");
  /* a hyphen inside a word is part of it */
  assert_fts5 ("2024-03", "\"2024-03\"");
}

static void
test_city (void)
{
  g_autoptr (FiguresQuery) query = figures_query_parse ("city:包头市 培训 city:\"赤峰市\"");
  g_autofree char *fts5 = figures_query_to_fts5 (query);
  const char *const *cities = figures_query_get_cities (query);

  g_assert_cmpstr (fts5, ==, "\"培训\"");
  g_assert_nonnull (cities);
  g_assert_cmpstr (cities[0], ==, "包头市");
  g_assert_cmpstr (cities[1], ==, "赤峰市");
  g_assert_null (cities[2]);
  g_assert_false (figures_query_is_empty (query));

  g_clear_pointer (&query, figures_query_free);
  g_clear_pointer (&fts5, g_free);
  query = figures_query_parse ("city:包头市");
  fts5 = figures_query_to_fts5 (query);
  g_assert_null (fts5);
  g_assert_nonnull (figures_query_get_cities (query));
  g_assert_false (figures_query_is_empty (query));
}

static void
test_city_alias (void)
{
  g_autoptr (FiguresQuery) query = figures_query_parse ("city:包头 培训");
  const char *const *cities = figures_query_get_cities (query);

  /* an alias reads as the canonical city when the gazetteer knows it */
  g_assert_nonnull (cities);
  g_assert_cmpstr (cities[0], ==, "包头市");
}

static void
test_bad_syntax (void)
{
  /* never an error: what is not syntax is words */
  assert_fts5 ("\"培训 资金", "\"培训\" AND \"资金\"");
  assert_fts5 ("OR", "\"OR\"");
  assert_fts5 ("培训 OR", "\"培训\" AND \"OR\"");
  assert_fts5 ("OR 培训", "\"OR\" AND \"培训\"");
  assert_fts5 ("培训 OR -资金", "(\"培训\" AND \"OR\") NOT \"资金\"");
  assert_fts5 ("-", NULL);
  assert_fts5 ("\"", NULL);
  assert_fts5 ("\"\"", NULL);
  assert_fts5 ("，。！", NULL);
  assert_fts5 ("", NULL);
  assert_fts5 ("a\"b", "\"a\" AND \"b\"");
  assert_fts5 ("AND NOT NEAR(", "\"AND\" AND \"NOT\" AND \"NEAR(\"");
  assert_fts5 ("培训*", "\"培训*\"");
  assert_fts5 ("city:", "\"city:\"");

  {
    g_autoptr (FiguresQuery) query = figures_query_parse ("-资金");
    g_assert_null (figures_query_to_fts5 (query));
    g_assert_false (figures_query_is_empty (query));
  }
  {
    g_autoptr (FiguresQuery) query = figures_query_parse ("  ");
    g_assert_true (figures_query_is_empty (query));
  }
}

/* Whatever is typed, the FTS5 expression is valid. */
static void
test_fts5_accepts (void)
{
  static const char *const queries[] = {
    "培训",
    "\"培训",
    "培训\"",
    "\"\"\"",
    "a\"\"b",
    "(培训",
    "培训)",
    "NOT 培训",
    "培训 NOT",
    "NEAR(培训 资金)",
    "培训 AND",
    "*",
    "^培训",
    "培训:资金",
    "col:培训",
    "- - -",
    "--培训",
    "\\\"",
    "培训 OR OR 资金",
    "OR OR",
    "\"a\" OR",
    "city:包头市 -",
    "'",
    "培训\t资金\n",
    "“培训",
    "”",
    "\xff\xfe",
    "培\x01训",
  };
  sqlite3 *db = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_true (figures_tokenizer_register (db, &error));
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE VIRTUAL TABLE t USING fts5 (x, tokenize='figures');"
                                 "INSERT INTO t (x) VALUES ('培训资金 a b OR NOT');",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr (FiguresQuery) query = figures_query_parse (queries[i]);
      g_autofree char *fts5 = figures_query_to_fts5 (query);
      sqlite3_stmt *stmt = NULL;
      int rc;

      if (fts5 == NULL)
        continue;
      g_assert_cmpint (
        sqlite3_prepare_v2 (db, "SELECT count(*) FROM t WHERE t MATCH ?1", -1, &stmt, NULL), ==,
        SQLITE_OK);
      sqlite3_bind_text (stmt, 1, fts5, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        g_error ("«%s» → %s: %s", queries[i], fts5, sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
}

static char *
ranges_to_string (GArray *ranges)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < ranges->len; i++)
    {
      FiguresRange *r = &g_array_index (ranges, FiguresRange, i);
      g_string_append_printf (out, "%s%u-%u", i > 0 ? " " : "", r->start, r->end);
    }
  return g_string_free (out, FALSE);
}

static void
assert_matches (const char *query_text, const char *display, const char *expected)
{
  g_autoptr (FiguresQuery) query = figures_query_parse (query_text);
  g_autoptr (GArray) ranges = figures_query_find_matches (query, display);
  g_autofree char *got = ranges_to_string (ranges);

  g_test_message ("«%s» in «%s» → %s", query_text, display, got);
  g_assert_cmpstr (got, ==, expected);
}

static void
test_find_matches (void)
{
  /* code points, sorted */
  assert_matches ("培训", "举办培训班，培训干部", "2-4 6-8");
  /* folded on both sides */
  assert_matches ("发展", "經濟發展和发展", "2-4 5-7");
  assert_matches ("發展", "发展", "0-2");
  /* overlapping terms merge */
  assert_matches ("民族 族团", "民族团结", "0-3");
  /* OR: either; excluded words are not matches */
  assert_matches ("培训 OR 资金 -干部", "资金和培训和干部", "0-2 3-5");
  /* Latin words whole and case-folded */
  assert_matches ("gdp", "GDP增长，GDPR", "0-3");
  assert_matches ("city:包头市", "包头市", "");
  assert_matches ("培训", "", "");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/query/words", test_words);
  g_test_add_func ("/query/phrase", test_phrase);
  g_test_add_func ("/query/or", test_or);
  g_test_add_func ("/query/exclude", test_exclude);
  g_test_add_func ("/query/city", test_city);
  g_test_add_func ("/query/city-alias", test_city_alias);
  g_test_add_func ("/query/bad-syntax", test_bad_syntax);
  g_test_add_func ("/query/fts5-accepts", test_fts5_accepts);
  g_test_add_func ("/query/find-matches", test_find_matches);

  return g_test_run ();
}
