/* test-index.c: building, updating and searching the index
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include "figures-fold.h"
#include "figures-index.h"
#include "figures-metadata.h"
#include "figures-query.h"
#include "figures-tokenizer.h"
#include "test-util.h"

/* Invented fixture reports. */
static const char fixture_a[] =
  "包头市举办民族团结进步培训班\n"
  "\n"
  "2024年3月12日\n"
  "包头市今年共举办培训班12期，培训干部1500人次。全市推动经济发展，落实资金3000万元。\n"
  "公曰不可。\n";
static const char fixture_b[] = "赤峰市經濟發展報告\n"
                                "赤峰市堅持民族團結，推動經濟發展。舉辦培訓班8期。\n";
static const char fixture_c[] = "呼和浩特市工作总结\n"
                                "民族地区干部……团结一心。公曰：“不可。”GDP增长6.3%。\n";

typedef struct
{
  char *dir;
  char *docs;
  char *db;
  FiguresIndex *index;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("figures-test-index-XXXXXX", &error);
  g_assert_no_error (error);
  f->docs = g_build_filename (f->dir, "docs", NULL);
  g_assert_cmpint (g_mkdir (f->docs, 0755), ==, 0);
  f->db = g_build_filename (f->dir, "db", "index.db", NULL);
  f->index = figures_index_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->index);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_pointer (&f->index, figures_index_close);
  test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->docs);
  g_free (f->db);
}

static FiguresIndexSummary
update (Fixture *f, const char *root, gsize max_size)
{
  const char *roots[] = { root != NULL ? root : f->docs, NULL };
  FiguresIndexOptions options = { max_size };
  FiguresIndexSummary summary = { 0 };
  g_autoptr (GError) error = NULL;

  g_assert_true (
    figures_index_update (f->index, roots, &options, NULL, NULL, NULL, &summary, &error));
  g_assert_no_error (error);
  g_test_message ("%u indexed, %u unchanged, %u moved, %u removed, %u skipped", summary.indexed,
                  summary.unchanged, summary.moved, summary.removed, summary.skipped);
  return summary;
}

static void
add_fixtures (Fixture *f)
{
  test_write_file (f->docs, "a.txt", fixture_a, -1);
  test_write_file (f->docs, "b.txt", fixture_b, -1);
  test_write_file (f->docs, "c.md", fixture_c, -1);
  test_write_file (f->docs, "ignored.png", fixture_c, -1);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* The base names of the files found, sorted: "a.txt b.txt". */
static char *
search_names (Fixture *f, const char *query, guint *total)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) hits = figures_index_search (f->index, query, 1000, total, &error);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  for (guint i = 0; i < hits->len; i++)
    {
      FiguresSearchHit *hit = hits->pdata[i];

      g_ptr_array_add (names, g_path_get_basename (hit->path));
      /* the snippet marks a match whenever the query has a term */
      if (i > 0)
        g_assert_cmpfloat (((FiguresSearchHit *) hits->pdata[i - 1])->score, <=, hit->score);
    }
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  joined = g_strjoinv (" ", (char **) names->pdata);
  g_test_message ("search «%s» → %s", query, joined);
  return g_steal_pointer (&joined);
}

static void
assert_search (Fixture *f, const char *query, const char *expected)
{
  g_autofree char *got = search_names (f, query, NULL);

  g_assert_cmpstr (got, ==, expected);
}

static void
test_search_fixtures (Fixture *f, gconstpointer data)
{
  FiguresIndexSummary summary;
  g_autoptr (GPtrArray) hits = NULL;
  g_autoptr (GError) error = NULL;
  guint total = 0;

  add_fixtures (f);
  summary = update (f, NULL, 0);
  g_assert_cmpuint (summary.indexed, ==, 3);
  g_assert_cmpuint (figures_index_count_documents (f->index, NULL, NULL), ==, 3);

  /* one, two and four characters */
  assert_search (f, "曰", "a.txt c.md");
  assert_search (f, "培训", "a.txt b.txt");
  assert_search (f, "民族团结", "a.txt b.txt");
  assert_search (f, "团结一心", "c.md");
  /* a phrase never matches across punctuation */
  assert_search (f, "\"公曰不可\"", "a.txt");
  assert_search (f, "公曰不可", "a.txt");
  /* Traditional finds Simplified, and the reverse */
  assert_search (f, "經濟發展", "a.txt b.txt");
  assert_search (f, "经济发展", "a.txt b.txt");
  assert_search (f, "堅持", "b.txt");
  /* words, OR, exclude */
  assert_search (f, "培训 资金", "a.txt");
  assert_search (f, "培训 -赤峰", "a.txt");
  assert_search (f, "GDP OR 堅持", "b.txt c.md");
  assert_search (f, "gdp", "c.md");
  assert_search (f, "6.3", "c.md");
  assert_search (f, "不存在的词", "");
  assert_search (f, "-培训", "");
  assert_search (f, "\"未闭合 培训", "");
  assert_search (f, "", "");

  /* total, limit, snippet */
  hits = figures_index_search (f->index, "培训", 1, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpuint (total, ==, 2);
  {
    FiguresSearchHit *hit = hits->pdata[0];
    g_autofree char *text = figures_index_dup_document_text (f->index, hit->document_id, &error);
    FiguresRange *r;
    g_autofree char *marked = NULL;

    g_assert_no_error (error);
    g_assert_nonnull (hit->snippet);
    g_assert_cmpuint (hit->snippet_matches->len, >, 0);
    r = &g_array_index (hit->snippet_matches, FiguresRange, 0);
    marked = g_utf8_substring (hit->snippet, r->start, r->end);
    g_assert_true (g_str_equal (marked, "培训") || g_str_equal (marked, "培訓"));
    g_assert_null (strchr (hit->snippet, '\n'));
    /* first_match points into the display text */
    g_clear_pointer (&marked, g_free);
    marked = g_utf8_substring (text, hit->first_match, hit->first_match + 2);
    g_assert_true (g_str_equal (marked, "培训") || g_str_equal (marked, "培訓"));
  }
}

static void
test_metadata (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) docs = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;

  add_fixtures (f);
  update (f, NULL, 0);
  docs = figures_index_list_documents (f->index, NULL, FIGURES_DOCUMENT_SORT_DATE, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 3);
  /* newest first, undated last */
  g_assert_cmpstr (((FiguresDocumentInfo *) docs->pdata[0])->date, ==, "2024-03-12");
  g_assert_cmpstr (((FiguresDocumentInfo *) docs->pdata[0])->title, ==,
                   "包头市举办民族团结进步培训班");
  g_assert_null (((FiguresDocumentInfo *) docs->pdata[2])->date);

  title = figures_metadata_find_title ("索引号：11150100/2024-00123\n发布机构：某市人民政府\n\n"
                                       "关于开展干部培训的通知\n各单位：\n现将有关事项通知如下。");
  g_assert_cmpstr (title, ==, "关于开展干部培训的通知");
  g_clear_pointer (&title, g_free);
  title = figures_metadata_find_title ("标题：某市2024年工作总结\n正文很长，有标点。");
  g_assert_cmpstr (title, ==, "某市2024年工作总结");

  date = figures_metadata_find_date ("标题\n成文日期：2024-06-20\n正文提到2023年1月5日。");
  g_assert_cmpstr (date, ==, "2024-06-20");
  g_clear_pointer (&date, g_free);
  date = figures_metadata_find_date ("关于某事的报告\n（2024年3月12日）\n正文。");
  g_assert_cmpstr (date, ==, "2024-03-12");
  g_clear_pointer (&date, g_free);
  date = figures_metadata_find_date ("报告\n发布时间: 2022-08-23 10:31\n");
  g_assert_cmpstr (date, ==, "2022-08-23");
  g_clear_pointer (&date, g_free);
  date =
    figures_metadata_find_date ("报告\n正文没有日期。\n\n某市人民政府\n二〇二三年十二月二十五日\n");
  g_assert_cmpstr (date, ==, "2023-12-25");
  g_clear_pointer (&date, g_free);
  /* a field run into the next line by the decoder */
  date = figures_metadata_find_date ("某局工作总结\n成文日期:2024-01-102023年，全局工作。\n");
  g_assert_cmpstr (date, ==, "2024-01-10");
  g_clear_pointer (&date, g_free);
  date = figures_metadata_find_date ("报告\n2024年13月40日\n");
  g_assert_null (date);
}

static void
test_incremental (Fixture *f, gconstpointer data)
{
  FiguresIndexSummary s;
  g_autofree char *a = g_build_filename (f->docs, "a.txt", NULL);
  g_autofree char *a2 = g_build_filename (f->docs, "sub", "moved-a.txt", NULL);
  g_autofree char *c = g_build_filename (f->docs, "c.md", NULL);
  g_autoptr (GPtrArray) hits = NULL;
  struct utimbuf times;
  GStatBuf st;

  add_fixtures (f);
  s = update (f, NULL, 0);
  g_assert_cmpuint (s.indexed, ==, 3);

  /* nothing changed */
  s = update (f, NULL, 0);
  g_assert_cmpuint (s.indexed, ==, 0);
  g_assert_cmpuint (s.unchanged, ==, 3);
  g_assert_cmpuint (s.removed, ==, 0);

  /* touched: same content, new time */
  g_assert_cmpint (g_stat (a, &st), ==, 0);
  times.actime = st.st_atime;
  times.modtime = st.st_mtime + 100;
  g_assert_cmpint (g_utime (a, &times), ==, 0);
  s = update (f, NULL, 0);
  g_assert_cmpuint (s.indexed, ==, 0);
  g_assert_cmpuint (s.unchanged, ==, 3);
  s = update (f, NULL, 0);
  g_assert_cmpuint (s.indexed, ==, 0);

  /* edited */
  test_write_file (f->docs, "b.txt", "赤峰市新报告\n内容改为乌兰察布的故事。\n", -1);
  s = update (f, NULL, 0);
  g_assert_cmpuint (s.indexed, ==, 1);
  g_assert_cmpuint (s.unchanged, ==, 2);
  assert_search (f, "乌兰察布", "b.txt");
  assert_search (f, "堅持", "");

  /* deleted */
  g_assert_cmpint (g_unlink (c), ==, 0);
  s = update (f, NULL, 0);
  g_assert_cmpuint (s.indexed, ==, 0);
  g_assert_cmpuint (s.removed, ==, 1);
  assert_search (f, "团结一心", "");

  /* moved: recognised by its content */
  {
    g_autofree char *sub = g_path_get_dirname (a2);
    g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  }
  g_assert_cmpint (g_rename (a, a2), ==, 0);
  s = update (f, NULL, 0);
  g_assert_cmpuint (s.indexed, ==, 0);
  g_assert_cmpuint (s.moved, ==, 1);
  g_assert_cmpuint (s.removed, ==, 0);
  assert_search (f, "公曰不可", "moved-a.txt");
  g_assert_cmpuint (figures_index_count_documents (f->index, NULL, NULL), ==, 2);

  /* a root that is given up keeps nothing of another root */
  {
    const char *only[] = { a2, NULL };
    g_autoptr (GError) error = NULL;

    g_assert_true (figures_index_set_roots (f->index, only, &error));
    g_assert_no_error (error);
  }
  s = update (f, a2, 0);
  g_assert_cmpuint (s.removed, ==, 1);
  g_assert_cmpuint (figures_index_count_documents (f->index, NULL, NULL), ==, 1);
  hits = figures_index_search (f->index, "培训", 10, NULL, NULL);
  g_assert_cmpuint (hits->len, ==, 1);
}

static const char *
reason_of (GPtrArray *skipped, const char *name)
{
  for (guint i = 0; i < skipped->len; i++)
    {
      FiguresSkippedFile *file = skipped->pdata[i];
      g_autofree char *base = g_path_get_basename (file->path);

      if (strcmp (base, name) == 0)
        return file->reason;
    }
  return NULL;
}

static void
test_bad_files (Fixture *f, gconstpointer data)
{
  static const char binary[] = "abc\0\0\0\x01\x02\x03"
                               "def\0ghi";
  guint8 junk[400];
  g_autofree char *big = NULL;
  g_autofree char *dangling = g_build_filename (f->docs, "dangling.txt", NULL);
  g_autofree char *locked = g_build_filename (f->docs, "locked.txt", NULL);
  g_autofree char *loop = g_build_filename (f->docs, "loop", NULL);
  g_autoptr (GPtrArray) skipped = NULL;
  g_autoptr (GError) error = NULL;
  FiguresIndexSummary s;
  guint expected_skipped = 5;
  gboolean root = geteuid () == 0;

  for (guint i = 0; i < sizeof junk; i++)
    junk[i] = (i % 3 == 0) ? 0x80 : (i % 3 == 1) ? 0xFF : 0x81;
  big = g_strnfill (4096, 'x');

  test_write_file (f->docs, "good.txt", fixture_a, -1);
  test_write_file (f->docs, "binary.txt", binary, sizeof binary);
  test_write_file (f->docs, "empty.txt", "", 0);
  test_write_file (f->docs, "blank.md", " \n\t\n", -1);
  test_write_file (f->docs, "junk.txt", (const char *) junk, sizeof junk);
  test_write_file (f->docs, "big.txt", big, -1);
  g_assert_cmpint (symlink ("nowhere.txt", dangling), ==, 0);
  /* a symbolic link back up: walked once */
  g_assert_cmpint (symlink (".", loop), ==, 0);
  test_write_file (f->docs, "locked.txt", fixture_b, -1);
  g_assert_cmpint (g_chmod (locked, 0), ==, 0);
  if (root)
    g_test_message ("running as root: a file with mode 000 is still readable, not checked");
  else
    expected_skipped++;

  s = update (f, NULL, 1024);
  skipped = figures_index_list_skipped (f->index, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < skipped->len; i++)
    g_test_message ("skipped %s: %s", ((FiguresSkippedFile *) skipped->pdata[i])->path,
                    ((FiguresSkippedFile *) skipped->pdata[i])->reason);

  g_assert_cmpuint (s.indexed, ==, root ? 2 : 1);
  g_assert_cmpuint (s.skipped, ==, expected_skipped + 1 /* dangling */);
  g_assert_true (g_str_has_prefix (reason_of (skipped, "binary.txt"), "binary"));
  g_assert_true (g_str_has_prefix (reason_of (skipped, "empty.txt"), "empty"));
  g_assert_true (g_str_has_prefix (reason_of (skipped, "blank.md"), "empty"));
  g_assert_true (g_str_has_prefix (reason_of (skipped, "junk.txt"), "undecodable"));
  g_assert_true (g_str_has_prefix (reason_of (skipped, "big.txt"), "too large"));
  g_assert_true (g_str_has_prefix (reason_of (skipped, "dangling.txt"), "unreadable"));
  if (!root)
    g_assert_true (g_str_has_prefix (reason_of (skipped, "locked.txt"), "unreadable"));

  /* nothing changed: the same files are skipped again, nothing indexed */
  g_clear_pointer (&skipped, g_ptr_array_unref);
  s = update (f, NULL, 1024);
  g_assert_cmpuint (s.indexed, ==, 0);
  g_assert_cmpuint (s.skipped, ==, expected_skipped + 1);

  /* a file that becomes empty leaves the index */
  test_write_file (f->docs, "good.txt", "", 0);
  s = update (f, NULL, 1024);
  g_assert_cmpuint (s.indexed, ==, 0);
  assert_search (f, "公曰不可", "");
}

static void
test_rebuild_on_version (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  char *message = NULL;
  sqlite3 *db = NULL;

  add_fixtures (f);
  update (f, NULL, 0);
  g_assert_cmpuint (figures_index_count_documents (f->index, NULL, NULL), ==, 3);
  g_clear_pointer (&f->index, figures_index_close);

  /* another tokenizer version: the index empties itself */
  g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (
    sqlite3_exec (db, "UPDATE meta SET value = '0' WHERE key = 'tokenizer'", NULL, NULL, &message),
    ==, SQLITE_OK);
  sqlite3_close (db);
  f->index = figures_index_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (figures_index_count_documents (f->index, NULL, NULL), ==, 0);
  g_assert_cmpuint (update (f, NULL, 0).indexed, ==, 3);

  /* not a database at all: a clear error */
  g_clear_pointer (&f->index, figures_index_close);
  test_write_file (f->dir, "junk.db", "this is not a database, just text that goes on and on", -1);
  {
    g_autofree char *junk = g_build_filename (f->dir, "junk.db", NULL);
    FiguresIndex *index = figures_index_open (junk, &error);

    g_assert_null (index);
    /* damaged, as far as anyone can tell: the window offers to rebuild it */
    g_assert_error (error, FIGURES_INDEX_ERROR, FIGURES_INDEX_ERROR_CORRUPT);
    g_test_message ("%s", error->message);
  }
}

static void
cancel_cb (const FiguresIndexProgress *progress, gpointer user_data)
{
  if (progress->files_total > 0)
    g_cancellable_cancel (user_data);
}

static void
test_cancel (Fixture *f, gconstpointer data)
{
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  const char *roots[] = { f->docs, NULL };
  FiguresIndexSummary s = { 0 };

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *name = g_strdup_printf ("r%02u.txt", i);
      g_autofree char *text = g_strdup_printf ("%s\n第%u份。\n", fixture_a, i);

      test_write_file (f->docs, name, text, -1);
    }
  g_assert_false (
    figures_index_update (f->index, roots, NULL, cancel_cb, cancellable, cancellable, &s, &error));
  g_assert_error (error, FIGURES_INDEX_ERROR, FIGURES_INDEX_ERROR_CANCELLED);
  g_assert_cmpuint (figures_index_count_documents (f->index, NULL, NULL), <, 30);

  /* the next run completes */
  s = update (f, NULL, 0);
  g_assert_cmpuint (s.indexed + s.unchanged, ==, 30);
  g_assert_cmpuint (figures_index_count_documents (f->index, NULL, NULL), ==, 30);
}

/* ---- the bundled samples ---- */

static char *
samples_dir (void)
{
  return g_build_filename (g_getenv ("FIGURES_SOURCE_DIR"), "data", "samples", NULL);
}

static gunichar *
fold_text (const char *text, glong *n)
{
  gunichar *chars = g_utf8_to_ucs4_fast (text, -1, n);

  figures_fold_chars (chars, chars, *n);
  for (glong i = 0; i < *n; i++)
    chars[i] = g_unichar_tolower (chars[i]);
  return chars;
}

static gboolean
contains (const gunichar *text, glong n, const gunichar *needle, glong m)
{
  for (glong i = 0; i + m <= n; i++)
    if (memcmp (text + i, needle, m * sizeof (gunichar)) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
all_han (const gunichar *s, glong n)
{
  for (glong i = 0; i < n; i++)
    if (!((s[i] >= 0x4E00 && s[i] <= 0x9FFF) || (s[i] >= 0x3400 && s[i] <= 0x4DBF)))
      return FALSE;
  return TRUE;
}

/* The index finds exactly the documents a plain substring scan finds. */
static void
test_substring_scan (Fixture *f, gconstpointer data)
{
  g_autofree char *samples = samples_dir ();
  const char *roots[] = { samples, f->docs, NULL };
  g_autoptr (GPtrArray) docs = NULL;
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) lengths = g_array_new (FALSE, FALSE, sizeof (glong));
  g_autoptr (GPtrArray) queries = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  guint checked = 0;
  static const char *const fixed[] = { "民族团结", "公曰不可",    "经济发展", "經濟發展",
                                       "培训",     "资金",        "项目",     "发展",
                                       "城",       "不存在的内容" };

  add_fixtures (f);
  g_assert_true (figures_index_update (f->index, roots, NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  docs = figures_index_list_documents (f->index, NULL, FIGURES_DOCUMENT_SORT_TITLE, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, >=, 3);

  for (guint i = 0; i < docs->len; i++)
    {
      FiguresDocumentInfo *doc = docs->pdata[i];
      g_autofree char *text = figures_index_dup_document_text (f->index, doc->id, &error);
      glong n = 0;
      gunichar *folded;

      g_assert_no_error (error);
      folded = fold_text (text, &n);
      g_ptr_array_add (texts, folded);
      g_array_append_val (lengths, n);

      /* Han substrings of 1 to 6 characters from each document */
      for (glong len = 1; len <= 6; len++)
        for (glong at = 7 * len; at + len <= n && at < 7 * len + 400; at += 97)
          if (all_han (folded + at, len))
            {
              g_ptr_array_add (queries, g_ucs4_to_utf8 (folded + at, len, NULL, NULL, NULL));
              break;
            }
    }
  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    g_ptr_array_add (queries, g_strdup (fixed[i]));

  for (guint q = 0; q < queries->len; q++)
    {
      const char *query = queries->pdata[q];
      g_autoptr (GPtrArray) hits = figures_index_search (f->index, query, 100000, NULL, &error);
      g_autoptr (GHashTable) found = g_hash_table_new (g_int64_hash, g_int64_equal);
      glong m = 0;
      g_autofree gunichar *needle = fold_text (query, &m);

      g_assert_no_error (error);
      for (guint i = 0; i < hits->len; i++)
        g_hash_table_add (found, &((FiguresSearchHit *) hits->pdata[i])->document_id);
      for (guint i = 0; i < docs->len; i++)
        {
          FiguresDocumentInfo *doc = docs->pdata[i];
          gboolean expected =
            contains (texts->pdata[i], g_array_index (lengths, glong, i), needle, m);

          if (expected != g_hash_table_contains (found, &doc->id))
            g_error ("«%s» in %s: the substring scan says %d, the index %d", query, doc->path,
                     expected, !expected);
        }
      checked++;
    }
  g_test_message ("%u queries agree with the substring scan", checked);
  g_assert_cmpuint (checked, >=, 30);
}

static void
test_samples_city (Fixture *f, gconstpointer data)
{
  g_autofree char *samples = samples_dir ();
  g_autoptr (GPtrArray) hits = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) stats = NULL;
  g_autoptr (GError) error = NULL;
  FiguresStatisticsFilter filter = { 0 };
  const char *cities[] = { "包头市", NULL };
  FiguresIndexSummary s;

  s = update (f, samples, 0);
  g_assert_cmpuint (s.indexed, >=, 10);

  all = figures_index_search (f->index, "培训", 100, NULL, &error);
  g_assert_no_error (error);
  hits = figures_index_search (f->index, "培训 city:包头市", 100, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, >=, 1);
  g_assert_cmpuint (hits->len, <, all->len);
  for (guint i = 0; i < hits->len; i++)
    g_assert_cmpstr (((FiguresSearchHit *) hits->pdata[i])->city, ==, "包头市");

  /* statistics stored whole, with their document's city filter */
  filter.cities = cities;
  stats = figures_index_list_statistics (f->index, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats->len, >, 0);
  for (guint i = 0; i < stats->len; i++)
    {
      FiguresStatisticRow *row = stats->pdata[i];
      g_autofree char *text = figures_index_dup_document_text (f->index, row->document_id, NULL);
      g_autofree char *number = g_utf8_substring (text, row->statistic->start, row->statistic->end);

      g_assert_cmpstr (row->statistic->city, ==, "包头市");
      /* evidence and offsets point into the stored display text */
      g_assert_nonnull (row->statistic->evidence);
      g_assert_nonnull (strstr (text, row->statistic->evidence));
      g_assert_nonnull (strstr (row->statistic->evidence, number));
    }
}

/* The score of a search is FTS5's bm25() exactly, and with fewer matches than
 * the ranking window, hits come in the order of bm25 (then id). */
static void
assert_ranked_as_bm25 (Fixture *f, const char *const *queries)
{
  g_autoptr (GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->db, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_true (figures_tokenizer_register (db, &error));
  g_assert_no_error (error);

  for (guint q = 0; queries[q] != NULL; q++)
    {
      g_autoptr (FiguresQuery) query = figures_query_parse (queries[q]);
      g_autofree char *match = figures_query_to_fts5 (query);
      g_autoptr (GPtrArray) hits = figures_index_search (f->index, queries[q], 1000, NULL, &error);
      const char *const *cities = figures_query_get_cities (query);
      sqlite3_stmt *stmt = NULL;
      guint n = 0;

      g_assert_no_error (error);
      g_assert_nonnull (match);
      g_assert_cmpint (sqlite3_prepare_v2 (db,
                                           "SELECT rowid, bm25(search) FROM search WHERE search "
                                           "MATCH ?1 ORDER BY 2, 1",
                                           -1, &stmt, NULL),
                       ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          double score = sqlite3_column_double (stmt, 1);
          g_autoptr (FiguresDocumentInfo) info = figures_index_get_document (f->index, id, NULL);

          if (cities != NULL &&
              (info == NULL || info->city == NULL || !g_strv_contains (cities, info->city)))
            continue;
          g_assert_cmpuint (n, <, hits->len);
          g_assert_cmpint (((FiguresSearchHit *) hits->pdata[n])->document_id, ==, id);
          g_assert_cmpfloat (((FiguresSearchHit *) hits->pdata[n])->score, ==, score);
          n++;
        }
      sqlite3_finalize (stmt);
      g_test_message ("«%s»: %u hits ranked as bm25", queries[q], n);
      g_assert_cmpuint (n, ==, hits->len);
      g_assert_cmpuint (n, >, 0);
    }
  sqlite3_close (db);
}

static void
test_rank_is_bm25 (Fixture *f, gconstpointer data)
{
  g_autofree char *samples = samples_dir ();
  /* in most of the three fixtures (the IDF of bm25 is then clamped) */
  static const char *const few[] = { "民族团结", "经济发展", "团结", "培训 OR 干部", NULL };
  static const char *const many[] = {
    "的",
    "民族",
    "民族团结",
    "經濟發展",
    "培训 资金",
    "培训 OR 资金",
    "民族 -资金",
    "\"民族团结进步\"",
    "公曰不可",
    "发展 city:包头市",
    "市 city:包头市 city:赤峰市",
    NULL,
  };

  const char *roots[] = { samples, f->docs, NULL };
  g_autoptr (GError) error = NULL;

  add_fixtures (f);
  update (f, NULL, 0);
  assert_ranked_as_bm25 (f, few);
  g_assert_true (figures_index_update (f->index, roots, NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_ranked_as_bm25 (f, many);
}

/* Aggregates agree with the statistics they sum. */
static void
test_aggregate (Fixture *f, gconstpointer data)
{
  g_autofree char *samples = samples_dir ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) stats = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  update (f, samples, 0);
  stats = figures_index_list_statistics (f->index, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats->len, >, 0);
  for (guint i = 0; i < stats->len; i++)
    {
      FiguresStatisticRow *row = stats->pdata[i];
      const FiguresStatistic *s = row->statistic;
      g_autofree char *key = g_strdup_printf ("%s|%s", s->city != NULL ? s->city : "",
                                              figures_metric_to_key (s->metric));
      FiguresAggregateRow *e = g_hash_table_lookup (expected, key);
      double value = figures_decimal_to_double (s->value);

      if (e == NULL)
        {
          e = g_new0 (FiguresAggregateRow, 1);
          e->max = value;
          g_hash_table_insert (expected, g_strdup (key), e);
        }
      e->sum += value;
      e->max = MAX (e->max, value);
      e->mentions++;
      e->any_approx |= s->approx;
      if (g_hash_table_add (documents,
                            g_strdup_printf ("%s|%" G_GINT64_FORMAT, key, row->document_id)))
        e->documents++;
    }

  rows = figures_index_aggregate (f->index, NULL, FIGURES_GROUP_BY_CITY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, g_hash_table_size (expected));
  for (guint i = 0; i < rows->len; i++)
    {
      FiguresAggregateRow *row = rows->pdata[i];
      g_autofree char *key = g_strdup_printf ("%s|%s", row->city, row->metric);
      FiguresAggregateRow *e = g_hash_table_lookup (expected, key);

      g_assert_nonnull (e);
      g_assert_cmpfloat_with_epsilon (row->sum, e->sum, 1e-6 * MAX (1.0, e->sum));
      g_assert_cmpfloat (row->max, ==, e->max);
      g_assert_cmpuint (row->mentions, ==, e->mentions);
      g_assert_cmpuint (row->documents, ==, e->documents);
      g_assert_cmpint (row->any_approx, ==, e->any_approx);
      /* ordered by city, then metric */
      if (i > 0)
        {
          FiguresAggregateRow *prev = rows->pdata[i - 1];
          int cmp = strcmp (prev->city, row->city);

          g_assert_true (cmp < 0 || (cmp == 0 && strcmp (prev->metric, row->metric) < 0));
        }
    }
}

/* ---- the real reports in the shared folder ---- */

static void
test_seeds (Fixture *f, gconstpointer data)
{
  const char *shared = g_getenv ("FIGURES_SHARED_DIR");
  g_autofree char *seeds = NULL;
  g_autofree char *found = NULL;

  if (shared == NULL || !g_file_test ((seeds = g_build_filename (shared, "corpus", "seeds", NULL)),
                                      G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no shared folder of real reports ($FIGURES_SHARED_DIR)");
      return;
    }
  update (f, seeds, 0);

  /* the Traditional seed, its pinyin glosses gone: 發(fā)展 reads 發展 */
  found = search_names (f, "发展", NULL);
  g_assert_nonnull (strstr (found, "001_"));
  g_clear_pointer (&found, g_free);
  found = search_names (f, "培训", NULL);
  g_assert_nonnull (strstr (found, "000_"));
  g_assert_nonnull (strstr (found, "002_"));
  g_assert_nonnull (strstr (found, "003_"));
  g_assert_nonnull (strstr (found, "004_"));
}

/* ---- the command line ---- */

#define run(out, err, ...) test_run_cli (NULL, out, err, __VA_ARGS__)

static void
test_cli (Fixture *f, gconstpointer data)
{
  g_autofree char *db = g_build_filename (f->dir, "cli.db", NULL);
  g_autofree char *db_arg = g_strdup_printf ("--db=%s", db);
  g_autofree char *missing = g_build_filename (f->dir, "missing", NULL);
  char *out = NULL, *err = NULL;
  g_auto (GStrv) lines = NULL;

  if (g_getenv ("FIGURES_EXE") == NULL)
    {
      g_test_skip ("no $FIGURES_EXE");
      return;
    }
  add_fixtures (f);
  test_write_file (f->docs, "empty.txt", "", 0);

  g_assert_cmpint (run (&out, &err, "index", db_arg, f->docs, NULL), ==, 0);
  g_test_message ("%s%s", out, err);
  g_assert_cmpstr (out, ==, "3 indexed, 0 unchanged, 1 skipped: 1 empty\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, &err, "index", db_arg, f->docs, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "0 indexed, 3 unchanged, 1 skipped: 1 empty\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* a root that cannot be read at all: 1; usage: 2 */
  g_assert_cmpint (run (&out, &err, "index", db_arg, missing, NULL), ==, 1);
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, "missing"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* no folder: all the index's are updated; an index without any: usage */
  g_assert_cmpint (run (&out, &err, "index", db_arg, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "0 indexed, 3 unchanged, 1 skipped: 1 empty\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    g_autofree char *fresh = g_strdup_printf ("--db=%s/fresh.db", f->dir);

    g_assert_cmpint (run (&out, &err, "index", fresh, NULL), ==, 2);
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, "index", "--bogus", f->docs, NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* index the fixtures again for the searches below */
  g_assert_cmpint (run (&out, &err, "index", db_arg, f->docs, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, &err, "search", db_arg, "公曰不可", NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "rank\tfile\ttitle\tcity\tscore\tsnippet");
  g_assert_nonnull (lines[1]);
  g_assert_true (g_str_has_prefix (lines[1], "1\t"));
  g_assert_nonnull (strstr (lines[1], "a.txt\t包头市举办民族团结进步培训班\t"));
  g_assert_nonnull (strstr (lines[1], "<b>公曰不可</b>"));
  g_assert_nonnull (strstr (lines[1], "\t1.0000\t"));
  g_assert_cmpstr (lines[2], ==, "");
  g_clear_pointer (&lines, g_strfreev);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* the score: relevance beside the best hit, four decimals, never more
   * than the hit before it */
  g_assert_cmpint (run (&out, &err, "search", db_arg, "培训", NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 4); /* header, two hits at least, "" */
  {
    double previous = 1.0;

    for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
      {
        g_auto (GStrv) fields = g_strsplit (lines[i], "\t", -1);
        double score;

        g_assert_cmpuint (g_strv_length (fields), ==, 6);
        g_assert_true (g_regex_match_simple ("^[01]\\.[0-9]{4}$", fields[4], 0, 0));
        score = g_ascii_strtod (fields[4], NULL);
        if (i == 1)
          g_assert_cmpstr (fields[4], ==, "1.0000");
        g_assert_cmpfloat (score, <=, previous);
        g_assert_cmpfloat (score, >, 0);
        previous = score;
      }
  }
  g_clear_pointer (&lines, g_strfreev);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, &err, "search", db_arg, "--format=json", "培训", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "[\n  {\"rank\": 1, \"file\": "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, &err, "stats", db_arg, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "file\tcity\tplace\tmetric\tvalue\tapprox\tunit\tstart\tend"
                                        "\tlabel\tevidence\tyear\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* --explain: the reasons stored in the index are the extractor's, row by
   * row (everything after the file column is the same as extract's) */
  {
    g_autofree char *extracted = NULL;
    g_auto (GStrv) stored_lines = NULL;
    g_auto (GStrv) extracted_lines = NULL;
    g_autofree char *a = g_build_filename (f->docs, "a.txt", NULL);
    g_autofree char *b = g_build_filename (f->docs, "b.txt", NULL);
    g_autofree char *c = g_build_filename (f->docs, "c.md", NULL);
    guint n_stored = 0;

    g_assert_cmpint (run (&out, &err, "stats", db_arg, "--explain", NULL), ==, 0);
    g_assert_true (g_str_has_prefix (out, "file\tcity\tplace\tmetric\tvalue\tapprox\tunit\tstart"
                                          "\tend\tlabel\tevidence\tyear\twhy_metric\twhy_city\n"));
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run (&extracted, &err, "extract", "--explain", a, b, c, NULL), ==, 0);
    stored_lines = g_strsplit (out, "\n", -1);
    extracted_lines = g_strsplit (extracted, "\n", -1);
    for (guint i = 1; stored_lines[i] != NULL && stored_lines[i][0] != '\0'; i++)
      {
        const char *rest = strchr (stored_lines[i], '\t');
        gboolean found = FALSE;
        g_auto (GStrv) fields = g_strsplit (stored_lines[i], "\t", -1);

        g_assert_cmpuint (g_strv_length (fields), ==, 14);
        /* why_metric and why_city, after the year */
        g_assert_cmpstr (fields[12], !=, "");
        g_assert_cmpstr (fields[13], !=, "");
        for (guint j = 1; extracted_lines[j] != NULL && !found; j++)
          found = g_strcmp0 (strchr (extracted_lines[j], '\t'), rest) == 0;
        g_assert_true (found);
        n_stored++;
      }
    g_assert_cmpuint (n_stored, >, 0);
    g_assert_cmpuint (n_stored, ==, g_strv_length (extracted_lines) - 2);
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, &err, "stats", db_arg, "--format=csv", "--by=city", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "\xEF\xBB\xBF"
                                        "city,metric,sum,max,mentions,documents\r\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, &err, "stats", db_arg, "--metric=bogus", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "bogus"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, "stats", db_arg, "--by=year", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, "search", db_arg, NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
}

typedef struct
{
  const char *db;
  guint interval_ms;
  gboolean slept;
  gboolean looked;
  guint visible; /* documents another connection saw during the update */
} CommitWatch;

static void
commit_watch_cb (const FiguresIndexProgress *progress, gpointer data)
{
  CommitWatch *watch = data;
  g_autoptr (GError) error = NULL;
  FiguresIndex *reader;

  if (progress->files_done == 0 || watch->looked)
    return;
  if (!watch->slept)
    {
      /* more than the interval passes before the next document is
       * written: that write is committed with it */
      g_usleep ((watch->interval_ms + 60) * G_TIME_SPAN_MILLISECOND);
      watch->slept = TRUE;
      return;
    }
  g_assert_cmpuint (progress->files_done, <, progress->files_total);
  reader = figures_index_open_read_only (watch->db, &error);
  g_assert_no_error (error);
  watch->visible = figures_index_count_documents (reader, NULL, &error);
  g_assert_no_error (error);
  figures_index_close (reader);
  watch->looked = TRUE;
}

/* With a commit interval, what the update has read is committed as it goes
 * (the window lists reports while they are indexed); without, in large
 * batches only. */
static void
test_commit_interval (Fixture *f, gconstpointer data)
{
  const char *roots[] = { f->docs, NULL };

  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *name = g_strdup_printf ("r%u.txt", i);
      g_autofree char *text =
        g_strdup_printf ("测试市第%u份报告\n\n全年举办培训班%u期。\n", i, i + 2);

      test_write_file (f->docs, name, text, -1);
    }

  for (guint interval = 0; interval <= 100; interval += 100)
    {
      FiguresIndexOptions options = { .commit_interval_ms = interval };
      CommitWatch watch = { f->db, interval, FALSE, FALSE, 0 };
      FiguresIndexSummary summary = { 0 };
      g_autoptr (GError) error = NULL;

      g_clear_pointer (&f->index, figures_index_close);
      g_assert_true (figures_index_delete (f->db, &error));
      g_assert_no_error (error);
      f->index = figures_index_open (f->db, &error);
      g_assert_no_error (error);

      g_assert_true (figures_index_update (f->index, roots, &options, commit_watch_cb, &watch, NULL,
                                           &summary, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (summary.indexed, ==, 8);
      g_assert_true (watch.looked);
      g_test_message ("commit interval %u ms: %u of 8 seen during the update", interval,
                      watch.visible);
      if (interval == 0)
        g_assert_cmpuint (watch.visible, ==, 0);
      else
        g_assert_cmpuint (watch.visible, >=, 2);
    }
}

/* Deleting the index (--rebuild, Rebuild Index) from under a running
 * update is refused: the update would write on into deleted files. */
typedef struct
{
  const char *db;
  gboolean tried;
} DeleteWatch;

static void
delete_during_update_cb (const FiguresIndexProgress *progress, gpointer data)
{
  DeleteWatch *watch = data;
  g_autoptr (GError) error = NULL;

  if (progress->files_done == 0 || watch->tried)
    return;
  watch->tried = TRUE;
  g_assert_false (figures_index_delete (watch->db, &error));
  g_assert_error (error, FIGURES_INDEX_ERROR, FIGURES_INDEX_ERROR_BUSY);
  g_assert_true (g_file_test (watch->db, G_FILE_TEST_EXISTS));
}

static void
test_delete_busy (Fixture *f, gconstpointer data)
{
  const char *roots[] = { f->docs, NULL };
  FiguresIndexSummary summary = { 0 };
  DeleteWatch watch = { f->db, FALSE };
  g_autoptr (GError) error = NULL;

  test_write_file (f->docs, "a.txt", "甲市报告\n\n举办培训班3期。\n", -1);
  test_write_file (f->docs, "b.txt", "乙市报告\n\n举办培训班4期。\n", -1);
  g_assert_true (figures_index_update (f->index, roots, NULL, delete_during_update_cb, &watch, NULL,
                                       &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.indexed, ==, 2);
  g_assert_true (watch.tried);

  /* once it is done, the index can go */
  g_clear_pointer (&f->index, figures_index_close);
  g_assert_true (figures_index_delete (f->db, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
}

static gboolean
row_has_text (const FiguresStatisticRow *row, const char *text)
{
  const FiguresStatistic *s = row->statistic;
  const char *fields[] = { s->label, s->evidence, row->title, s->city, s->place };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i] != NULL && strstr (fields[i], text) != NULL)
      return TRUE;
  return FALSE;
}

/* The Statistics table's queries, as its list model makes them */
static guint
count_statistics (FiguresIndex *index, const FiguresStatisticsFilter *filter)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = figures_index_list_statistic_ids (
    index, filter, FIGURES_STATISTIC_SORT_POSITION, FALSE, &error);

  g_assert_no_error (error);
  return ids->len;
}

static GPtrArray *
statistics_page (FiguresIndex *index,
                 const FiguresStatisticsFilter *filter,
                 FiguresStatisticSort sort,
                 gboolean descending,
                 guint offset,
                 guint limit)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids =
    figures_index_list_statistic_ids (index, filter, sort, descending, &error);
  GPtrArray *rows;

  g_assert_no_error (error);
  offset = MIN (offset, ids->len);
  limit = MIN (limit, ids->len - offset);
  rows = figures_index_get_statistics (index, &g_array_index (ids, gint64, offset), limit, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, limit);
  for (guint i = 0; i < rows->len; i++)
    {
      g_assert_nonnull (rows->pdata[i]);
      g_assert_cmpint (((FiguresStatisticRow *) rows->pdata[i])->id, ==,
                       g_array_index (ids, gint64, offset + i));
    }
  return rows;
}

/* The Statistics table's queries: counts and pages under every filter and
 * sort agree with the whole list filtered and sorted here. */
static void
test_statistics_pages (Fixture *f, gconstpointer data)
{
  g_autofree char *samples = samples_dir ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto (GStrv) years = NULL;
  g_auto (GStrv) labels = NULL;
  FiguresStatisticsFilter filter = { 0 };
  guint n = 0, expected, first, last;
  const char *label = NULL;
  const char *label_set[2] = { NULL, NULL };

  update (f, samples, 0);
  all = figures_index_list_statistics (f->index, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, >, 20);
  n = count_statistics (f->index, NULL);
  g_assert_cmpuint (n, ==, all->len);

  /* pages of 7 by value, largest first: every figure once, in order */
  {
    double previous = G_MAXDOUBLE;

    for (guint offset = 0; offset < all->len; offset += 7)
      {
        g_autoptr (GPtrArray) page =
          statistics_page (f->index, NULL, FIGURES_STATISTIC_SORT_VALUE, TRUE, offset, 7);

        g_assert_cmpuint (page->len, ==, MIN (7, all->len - offset));
        for (guint i = 0; i < page->len; i++)
          {
            FiguresStatisticRow *row = page->pdata[i];
            double value = figures_decimal_to_double (row->statistic->value);

            g_assert_cmpfloat (value, <=, previous);
            previous = value;
            g_assert_true (
              g_hash_table_add (seen, g_strdup_printf ("%s|%u", row->path, row->statistic->start)));
          }
      }
    g_assert_cmpuint (g_hash_table_size (seen), ==, all->len);
  }

  /* by city, ascending, in code-point order */
  {
    g_autoptr (GPtrArray) page =
      statistics_page (f->index, NULL, FIGURES_STATISTIC_SORT_CITY, FALSE, 0, all->len);

    for (guint i = 1; i < page->len; i++)
      g_assert_cmpint (strcmp (((FiguresStatisticRow *) page->pdata[i - 1])->statistic->city ?: "",
                               ((FiguresStatisticRow *) page->pdata[i])->statistic->city ?: ""),
                       <=, 0);
  }

  /* the years listed are those of the figures, oldest first; a range
   * includes its bounds and leaves out the figures of no known year */
  years = figures_index_list_years (f->index, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (years), >=, 2);
  first = atoi (years[0]);
  last = atoi (years[g_strv_length (years) - 1]);
  g_assert_cmpuint (first, <, last);
  filter.year_from = first + 1;
  filter.year_to = last;
  expected = 0;
  for (guint i = 0; i < all->len; i++)
    {
      int year = ((FiguresStatisticRow *) all->pdata[i])->statistic->year;

      g_assert_true (year == 0 ||
                     g_strv_contains ((const char *const *) years, g_strdup_printf ("%d", year)));
      expected += year >= (int) first + 1 && year <= (int) last;
    }
  n = count_statistics (f->index, &filter);
  g_assert_cmpuint (n, ==, expected);
  g_assert_cmpuint (n, <, all->len);
  filter.year_from = filter.year_to = 0;

  /* a label */
  labels = figures_index_list_labels (f->index, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (labels), >, 1);
  label = labels[0];
  label_set[0] = label;
  filter.labels = label_set;
  expected = 0;
  for (guint i = 0; i < all->len; i++)
    expected += g_strcmp0 (((FiguresStatisticRow *) all->pdata[i])->statistic->label, label) == 0;
  g_assert_cmpuint (expected, >, 0);
  n = count_statistics (f->index, &filter);
  g_assert_cmpuint (n, ==, expected);
  filter.labels = NULL;

  /* free text, in the evidence, label, title, city or place */
  filter.text = "培训";
  expected = 0;
  for (guint i = 0; i < all->len; i++)
    expected += row_has_text (all->pdata[i], filter.text);
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (expected, <, all->len);
  n = count_statistics (f->index, &filter);
  g_assert_cmpuint (n, ==, expected);
  {
    g_autoptr (GPtrArray) page =
      statistics_page (f->index, &filter, FIGURES_STATISTIC_SORT_TITLE, TRUE, 0, n);

    for (guint i = 0; i < page->len; i++)
      g_assert_true (row_has_text (page->pdata[i], filter.text));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/index/search-fixtures", test_search_fixtures);
  ADD ("/index/metadata", test_metadata);
  ADD ("/index/incremental", test_incremental);
  ADD ("/index/bad-files", test_bad_files);
  ADD ("/index/rebuild-on-version", test_rebuild_on_version);
  ADD ("/index/cancel", test_cancel);
  ADD ("/index/substring-scan", test_substring_scan);
  ADD ("/index/samples-city", test_samples_city);
  ADD ("/index/rank-is-bm25", test_rank_is_bm25);
  ADD ("/index/aggregate", test_aggregate);
  ADD ("/index/seeds", test_seeds);
  ADD ("/index/cli", test_cli);
  ADD ("/index/commit-interval", test_commit_interval);
  ADD ("/index/delete-busy", test_delete_busy);
  ADD ("/index/statistics-pages", test_statistics_pages);
#undef ADD

  return g_test_run ();
}
