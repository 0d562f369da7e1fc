/* test-index-complete.c: the index never loses or hides a file
 *
 * Each test is one way files were lost or hidden (issue 9): deep folders,
 * exit statuses, unreadable subfolders, indexing one file, concurrent runs,
 * names that are not UTF-8, special files, long queries, partial charts,
 * damaged and read-only databases. Denied permissions mean nothing to root:
 * run as root, the command line runs as "nobody" where a test needs them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <grp.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "figures-chart.h"
#include "figures-index.h"
#include "figures-query.h"
#include "test-util.h"

/* Invented reports. */
static const char report_a[] = "包头市举办民族团结培训班\n"
                               "\n"
                               "包头市今年共举办培训班12期，培训干部1500人次。\n";
static const char report_b[] = "赤峰市工作总结\n"
                               "赤峰市举办培训班8期，落实资金3000万元。\n";
static const char report_c[] = "通辽市工作报告\n"
                               "通辽市举办乡村振兴培训班5期，培训农民900人次。\n";

typedef struct
{
  char *dir;
  char *docs;
  char *db;
  char *db_arg;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("figures-test-complete-XXXXXX", &error);
  g_assert_no_error (error);
  /* "nobody" must reach the files */
  g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
  f->docs = g_build_filename (f->dir, "docs", NULL);
  g_assert_cmpint (g_mkdir (f->docs, 0755), ==, 0);
  f->db = g_build_filename (f->dir, "index.db", NULL);
  f->db_arg = g_strdup_printf ("--db=%s", f->db);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->docs);
  g_free (f->db);
  g_free (f->db_arg);
}

#define run(out, err, ...) test_run_cli (NULL, out, err, __VA_ARGS__)
#define run_with test_run_cli

static gboolean
have_cli (void)
{
  if (g_getenv ("FIGURES_EXE") == NULL)
    {
      g_test_skip ("no $FIGURES_EXE");
      return FALSE;
    }
  return TRUE;
}

static guint
count_documents (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FiguresIndex) index = figures_index_open (f->db, &error);
  guint n;

  g_assert_no_error (error);
  n = figures_index_count_documents (index, NULL, &error);
  g_assert_no_error (error);
  return n;
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* The file names of the search hits, sorted, comma separated */
static char *
sorted_hits (Fixture *f, const char *query)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FiguresIndex) index = figures_index_open (f->db, &error);
  g_autoptr (GPtrArray) hits = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  hits = figures_index_search (index, query, 100, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    g_ptr_array_add (names, g_path_get_basename (((FiguresSearchHit *) hits->pdata[i])->path));
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (",", (char **) names->pdata);
}

static void
assert_hits (Fixture *f, const char *query, const char *expected)
{
  g_autofree char *names = sorted_hits (f, query);

  g_assert_cmpstr (names, ==, expected);
}

/* ---- quark names ---- */

static void
test_quark_names (void)
{
  /* clang-format once wrote these as "figures - index - error - quark" */
  g_assert_cmpstr (g_quark_to_string (FIGURES_INDEX_ERROR), ==, "figures-index-error-quark");
  g_assert_cmpstr (g_quark_to_string (FIGURES_CHART_ERROR), ==, "figures-chart-error-quark");
}

/* ---- 1. deep folders ---- */

static void
test_deep_folders (Fixture *f, gconstpointer data)
{
  g_autoptr (GString) path = g_string_new (f->docs);
  g_autofree char *out = NULL;

  if (!have_cli ())
    return;
  for (guint depth = 0; depth < 100; depth++)
    {
      g_string_append (path, "/d");
      g_assert_cmpint (g_mkdir (path->str, 0755), ==, 0);
    }
  test_write_file (path->str, "deep.txt", report_a, -1);
  test_write_file (f->docs, "top.txt", report_b, -1);

  g_assert_cmpint (run (&out, NULL, "index", f->db_arg, f->docs, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "2 indexed, 0 unchanged, 0 skipped\n");
  assert_hits (f, "包头市", "deep.txt");
}

/* ---- 2. exit statuses ---- */

static void
test_exit_codes (Fixture *f, gconstpointer data)
{
  TestLimits nobody = { TRUE, 0, 0 };
  g_autofree char *dangling = g_build_filename (f->docs, "dangling.txt", NULL);
  g_autofree char *loop = g_build_filename (f->docs, "loop.txt", NULL);
  g_autofree char *locked = g_build_filename (f->docs, "locked", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (!have_cli ())
    return;
  test_write_file (f->docs, "good.txt", report_a, -1);
  /* only read, not reports: no failure */
  test_write_file (f->docs, "empty.txt", "", -1);
  g_assert_cmpint (run (&out, &err, "index", f->db_arg, f->docs, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* a symbolic link loop and a dangling link: reported, and status 1 */
  g_assert_cmpint (symlink ("loop.txt", loop), ==, 0);
  g_assert_cmpint (run (&out, &err, "index", f->db_arg, f->docs, NULL), ==, 1);
  g_assert_cmpstr (out, ==, "0 indexed, 1 unchanged, 2 skipped: 1 empty, 1 unreadable\n");
  g_assert_nonnull (strstr (err, "loop.txt"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (g_unlink (loop), ==, 0);
  g_assert_cmpint (symlink ("nowhere.txt", dangling), ==, 0);
  g_assert_cmpint (run (&out, &err, "index", f->db_arg, f->docs, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "dangling.txt"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (g_unlink (dangling), ==, 0);

  /* an unreadable folder */
  g_assert_cmpint (g_mkdir (locked, 0755), ==, 0);
  test_write_file (locked, "inside.txt", report_b, -1);
  g_assert_cmpint (g_chmod (locked, 0), ==, 0);
  if (geteuid () == 0)
    g_assert_cmpint (chown (f->db, TEST_NOBODY, TEST_NOBODY), ==, 0);
  g_assert_cmpint (g_chmod (f->dir, 0777), ==, 0);
  g_assert_cmpint (run_with (&nobody, &out, &err, "index", f->db_arg, f->docs, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "locked"));
  g_assert_true (g_str_has_suffix (out, "1 unreadable\n"));
}

/* ---- 3. a subfolder unreadable on a later run ---- */

static void
test_unreadable_subfolder (Fixture *f, gconstpointer data)
{
  TestLimits nobody = { TRUE, 0, 0 };
  g_autofree char *sub = g_build_filename (f->docs, "sub", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (!have_cli ())
    return;
  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  test_write_file (f->docs, "a.txt", report_a, -1);
  test_write_file (sub, "b.txt", report_b, -1);
  /* the index belongs to whoever runs the command line */
  g_assert_cmpint (g_chmod (f->dir, 0777), ==, 0);
  g_assert_cmpint (run_with (&nobody, NULL, NULL, "index", f->db_arg, f->docs, NULL), ==, 0);
  g_assert_cmpuint (count_documents (f), ==, 2);

  g_assert_cmpint (g_chmod (sub, 0), ==, 0);
  g_assert_cmpint (run_with (&nobody, &out, &err, "index", f->db_arg, f->docs, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "sub"));
  g_assert_null (strstr (out, "removed"));
  g_assert_cmpint (g_chmod (sub, 0755), ==, 0);
  /* kept as it was */
  g_assert_cmpuint (count_documents (f), ==, 2);
  assert_hits (f, "赤峰市", "b.txt");
}

/* ---- 4. roots ---- */

static void
test_roots (Fixture *f, gconstpointer data)
{
  g_autofree char *other = g_build_filename (f->dir, "other", NULL);
  g_autofree char *one = g_build_filename (f->docs, "a.txt", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto (GStrv) roots = NULL;
  g_autoptr (FiguresIndex) index = NULL;
  g_autoptr (GError) error = NULL;

  if (!have_cli ())
    return;
  test_write_file (f->docs, "a.txt", report_a, -1);
  test_write_file (f->docs, "b.txt", report_b, -1);
  g_assert_cmpint (g_mkdir (other, 0755), ==, 0);
  test_write_file (other, "c.txt", report_c, -1);

  g_assert_cmpint (run (NULL, NULL, "index", f->db_arg, f->docs, NULL), ==, 0);
  /* one file of the folder: nothing else leaves */
  g_assert_cmpint (run (&out, NULL, "index", f->db_arg, one, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "0 indexed, 2 unchanged, 0 skipped\n");
  g_clear_pointer (&out, g_free);
  g_assert_cmpuint (count_documents (f), ==, 2);

  /* another root adds to the first; no root: both are updated */
  g_assert_cmpint (run (NULL, NULL, "index", f->db_arg, other, NULL), ==, 0);
  g_assert_cmpuint (count_documents (f), ==, 3);
  test_write_file (other, "d.txt", report_a, -1);
  g_assert_cmpint (run (&out, NULL, "index", f->db_arg, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "1 indexed, 3 unchanged, 0 skipped\n");
  g_clear_pointer (&out, g_free);

  index = figures_index_open (f->db, &error);
  g_assert_no_error (error);
  roots = figures_index_list_roots (index, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (roots), ==, 2);
  g_assert_cmpstr (roots[0], ==, f->docs);
  g_assert_cmpstr (roots[1], ==, other);
  g_clear_pointer (&index, figures_index_close);

  /* --remove: its documents leave; a path that is no root is an error */
  g_assert_cmpint (run (&out, &err, "index", f->db_arg, "--remove", one, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "a.txt"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpuint (count_documents (f), ==, 4);
  g_assert_cmpint (run (&out, NULL, "index", f->db_arg, "--remove", other, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "0 indexed, 2 unchanged, 0 skipped\n0 moved, 2 removed\n");
  assert_hits (f, "培训班", "a.txt,b.txt");
}

/* ---- 5. two indexers at once ---- */

typedef struct
{
  Fixture *f;
  int status;
  char *err;
  gboolean ran;
} Concurrent;

static void
second_indexer_cb (const FiguresIndexProgress *progress, gpointer user_data)
{
  Concurrent *c = user_data;

  if (c->ran)
    return;
  c->ran = TRUE;
  c->status = run (NULL, &c->err, "index", c->f->db_arg, c->f->docs, NULL);
}

static void
test_concurrent (Fixture *f, gconstpointer data)
{
  const char *roots[] = { f->docs, NULL };
  Concurrent c = { f, 0, NULL, FALSE };
  g_autoptr (FiguresIndex) index = NULL;
  g_autoptr (GError) error = NULL;
  FiguresIndexSummary summary = { 0 };

  if (!have_cli ())
    return;
  test_write_file (f->docs, "a.txt", report_a, -1);
  test_write_file (f->docs, "b.txt", report_b, -1);

  /* the second run starts while the first is under way */
  index = figures_index_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_true (
    figures_index_update (index, roots, NULL, second_indexer_cb, &c, NULL, &summary, &error));
  g_assert_no_error (error);
  g_assert_true (c.ran);
  g_assert_cmpint (c.status, ==, 1);
  g_assert_nonnull (strstr (c.err, "Another indexer"));
  g_assert_cmpuint (summary.indexed, ==, 2);
  g_clear_pointer (&index, figures_index_close);
  g_assert_cmpuint (count_documents (f), ==, 2);
  /* and once it is done, the next one runs */
  g_assert_cmpint (run (NULL, NULL, "index", f->db_arg, f->docs, NULL), ==, 0);
  g_free (c.err);
}

/* ---- 6. names that are not UTF-8 ---- */

static void
assert_utf8_output (const char *out)
{
  g_assert_true (g_utf8_validate (out, -1, NULL));
  g_assert_nonnull (strstr (out, "\xEF\xBF\xBD")); /* U+FFFD, as the desktop shows it */
}

static void
test_non_utf8_names (Fixture *f, gconstpointer data)
{
  static const char *const formats[] = { "--format=tsv", "--format=csv", "--format=json" };
  g_autofree char *name = g_build_filename (f->docs, "r\xff\xfe.txt", NULL);
  g_autoptr (GError) error = NULL;

  if (!have_cli ())
    return;
  g_file_set_contents (name, report_a, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (run (NULL, NULL, "index", f->db_arg, f->docs, NULL), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *out = NULL;

      g_assert_cmpint (run (&out, NULL, "stats", f->db_arg, formats[i], NULL), ==, 0);
      assert_utf8_output (out);
      if (i != 1)
        {
          g_autofree char *search = NULL;
          g_autofree char *extract = NULL;

          g_assert_cmpint (run (&search, NULL, "search", f->db_arg, formats[i], "培训", NULL), ==,
                           0);
          assert_utf8_output (search);
          g_assert_cmpint (run (&extract, NULL, "extract", formats[i], name, NULL), ==, 0);
          assert_utf8_output (extract);
        }
    }
}

/* ---- 7. special files ---- */

static void
test_special_files (Fixture *f, gconstpointer data)
{
  /* enough for the program, far too little for /dev/zero read whole */
  TestLimits bounded = { FALSE, 0, (rlim_t) 2 << 30 };
  g_autofree char *fifo = g_build_filename (f->docs, "fifo.txt", NULL);
  g_autofree char *zero = g_build_filename (f->docs, "zero.txt", NULL);
  g_autofree char *good = g_build_filename (f->docs, "good.txt", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (!have_cli ())
    return;
  test_write_file (f->docs, "good.txt", report_a, -1);
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  g_assert_cmpint (symlink ("/dev/zero", zero), ==, 0);

  /* refused, named, and the other files still read */
  g_assert_cmpint (run_with (&bounded, &out, &err, "extract", fifo, zero, good, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "fifo.txt"));
  g_assert_nonnull (strstr (err, "zero.txt"));
  g_assert_nonnull (strstr (err, "not a regular file"));
  g_assert_nonnull (strstr (out, "good.txt\t包头市"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* as the index does */
  g_assert_cmpint (run_with (&bounded, &out, &err, "index", f->db_arg, f->docs, NULL), ==, 1);
  g_assert_cmpstr (out, ==, "1 indexed, 0 unchanged, 2 skipped: 2 not a regular file\n");
}

/* ---- 8. long queries ---- */

static void
test_long_queries (Fixture *f, gconstpointer data)
{
  const char *roots[] = { f->docs, NULL };
  g_autoptr (FiguresIndex) index = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) query = g_string_new ("培训");
  g_autoptr (GPtrArray) hits = NULL;
  g_autofree char *big = NULL;
  g_autofree char *err = NULL;

  test_write_file (f->docs, "a.txt", report_a, -1);
  index = figures_index_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_true (figures_index_update (index, roots, NULL, NULL, NULL, NULL, NULL, &error));

  /* as many terms as allowed: searched */
  for (guint i = 1; i < FIGURES_QUERY_MAX_TERMS; i++)
    g_string_append_printf (query, " OR 词%u", i);
  hits = figures_index_search (index, query->str, 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* one more, or a thousand: refused with a message */
  for (guint i = FIGURES_QUERY_MAX_TERMS; i < 1000; i++)
    g_string_append_printf (query, " OR 词%u", i);
  g_assert_null (figures_index_search (index, query->str, 10, NULL, &error));
  g_assert_error (error, FIGURES_INDEX_ERROR, FIGURES_INDEX_ERROR_QUERY_TOO_LONG);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  /* a pasted 100 KB */
  big = g_strnfill (100 * 1024, 'x');
  g_assert_null (figures_index_search (index, big, 10, NULL, &error));
  g_assert_error (error, FIGURES_INDEX_ERROR, FIGURES_INDEX_ERROR_QUERY_TOO_LONG);
  g_clear_error (&error);
  g_clear_pointer (&index, figures_index_close);

  if (!have_cli ())
    return;
  g_assert_cmpint (run (NULL, &err, "search", f->db_arg, query->str, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "at most"));
}

/* ---- 9. charts written whole or not at all ---- */

static GStrv
list_names (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_steal (names, NULL);
}

static void
test_atomic_chart (Fixture *f, gconstpointer data)
{
  TestLimits full = { FALSE, 2048, 0 };
  g_autofree char *charts = g_build_filename (f->dir, "charts", NULL);
  g_autofree char *old = g_build_filename (charts, "old.png", NULL);
  g_autofree char *fresh = g_build_filename (charts, "new.png", NULL);
  g_autofree char *old_arg = g_strdup_printf ("--output=%s", old);
  g_autofree char *fresh_arg = g_strdup_printf ("--output=%s", fresh);
  g_autofree char *contents = NULL;
  g_auto (GStrv) names = NULL;

  if (!have_cli ())
    return;
  test_write_file (f->docs, "a.txt", report_a, -1);
  test_write_file (f->docs, "b.txt", report_b, -1);
  g_assert_cmpint (run (NULL, NULL, "index", f->db_arg, f->docs, NULL), ==, 0);
  g_assert_cmpint (g_mkdir (charts, 0755), ==, 0);
  test_write_file (charts, "old.png", "the old chart", -1);

  /* the disk fills (past 2 KB): nothing left, the old file untouched */
  g_assert_cmpint (
    run_with (&full, NULL, NULL, "chart", f->db_arg, "--metric=trainees", old_arg, NULL), ==, 1);
  g_assert_cmpint (
    run_with (&full, NULL, NULL, "chart", f->db_arg, "--metric=trainees", fresh_arg, NULL), ==, 1);
  /* a size refused while drawing */
  g_assert_cmpint (run (NULL, NULL, "chart", f->db_arg, "--metric=trainees", "--width=20000",
                        "--scale=2", fresh_arg, NULL),
                   ==, 1);
  g_assert_true (g_file_get_contents (old, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the old chart");
  names = list_names (charts);
  g_assert_cmpuint (g_strv_length (names), ==, 1);
  g_assert_cmpstr (names[0], ==, "old.png");

  /* and when it can be written, it replaces the old one */
  g_assert_cmpint (run (NULL, NULL, "chart", f->db_arg, "--metric=trainees", old_arg, NULL), ==, 0);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (old, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\x89PNG"));
}

/* ---- 10. a damaged database ---- */

static void
test_corrupt (Fixture *f, gconstpointer data)
{
  g_autofree char *err = NULL;
  g_autofree char *page = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int root = 0, page_size = 0;
  FILE *file;

  if (!have_cli ())
    return;
  test_write_file (f->docs, "a.txt", report_a, -1);
  test_write_file (f->docs, "b.txt", report_b, -1);
  g_assert_cmpint (run (NULL, NULL, "index", f->db_arg, f->docs, NULL), ==, 0);

  g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT rootpage, (SELECT page_size FROM pragma_page_size) "
                                       "FROM sqlite_master WHERE name = 'documents'",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  root = sqlite3_column_int (stmt, 0);
  page_size = sqlite3_column_int (stmt, 1);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);

  /* the documents' page lost: an empty page where they were */
  page = g_malloc0 (page_size);
  page[0] = 0x0d;
  page[5] = (page_size >> 8) & 0xff;
  page[6] = page_size & 0xff;
  file = g_fopen (f->db, "r+b");
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, (long) (root - 1) * page_size, SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (page, 1, page_size, file), ==, (gsize) page_size);
  fclose (file);

  g_assert_cmpint (run (NULL, &err, "search", f->db_arg, "培训", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "damaged"));
}

/* ---- 11. a read-only database ---- */

static void
test_read_only (Fixture *f, gconstpointer data)
{
  TestLimits nobody = { TRUE, 0, 0 };
  g_autofree char *out = NULL;
  g_autofree char *chart = g_build_filename (g_get_tmp_dir (), "figures-read-only-XXXXXX", NULL);
  g_autofree char *chart_png = NULL;
  g_autofree char *chart_arg = NULL;
  int fd;

  if (!have_cli ())
    return;
  test_write_file (f->docs, "a.txt", report_a, -1);
  g_assert_cmpint (run (NULL, NULL, "index", f->db_arg, f->docs, NULL), ==, 0);
  /* nothing can be written beside the database: as on a read-only disk */
  g_assert_cmpint (g_chmod (f->db, 0444), ==, 0);
  g_assert_cmpint (g_chmod (f->dir, 0555), ==, 0);

  g_assert_cmpint (run_with (&nobody, &out, NULL, "search", f->db_arg, "培训", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "a.txt"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_with (&nobody, &out, NULL, "stats", f->db_arg, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "trainees"));
  g_clear_pointer (&out, g_free);

  fd = g_mkstemp (chart);
  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_unlink (chart);
  g_assert_cmpint (g_mkdir (chart, 0777), ==, 0);
  g_assert_cmpint (g_chmod (chart, 0777), ==, 0);
  chart_png = g_build_filename (chart, "c.png", NULL);
  chart_arg = g_strdup_printf ("--output=%s", chart_png);
  g_assert_cmpint (
    run_with (&nobody, NULL, NULL, "chart", f->db_arg, "--metric=trainees", chart_arg, NULL), ==,
    0);
  g_assert_true (g_file_test (chart_png, G_FILE_TEST_IS_REGULAR));
  test_remove_tree (chart);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/index-complete/quark-names", test_quark_names);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/index-complete/deep-folders", test_deep_folders);
  ADD ("/index-complete/exit-codes", test_exit_codes);
  ADD ("/index-complete/unreadable-subfolder", test_unreadable_subfolder);
  ADD ("/index-complete/roots", test_roots);
  ADD ("/index-complete/concurrent", test_concurrent);
  ADD ("/index-complete/non-utf8-names", test_non_utf8_names);
  ADD ("/index-complete/special-files", test_special_files);
  ADD ("/index-complete/long-queries", test_long_queries);
  ADD ("/index-complete/atomic-chart", test_atomic_chart);
  ADD ("/index-complete/corrupt", test_corrupt);
  ADD ("/index-complete/read-only", test_read_only);
#undef ADD

  return g_test_run ();
}
