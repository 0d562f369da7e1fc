/* test-cli-corrections.c: `figures correct`, `figures corrections` and
 * `figures index --rebuild` — corrections that last, and apply everywhere
 *
 * The reports are invented for these tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "figures-chart-private.h"
#include "figures-chart.h"
#include "figures-index.h"
#include "test-util.h"

/* dated 2023-12-20; one sentence says 2021 */
static const char report_a[] = "包头市民族事务委员会工作总结\n"
                               "2023年12月20日\n"
                               "全年举办民族团结培训班6期，培训干部420人次。\n"
                               "2021年投入专项资金200万元，实施项目9个。\n";
static const char report_b[] = "赤峰市民族工作简报\n"
                               "2022年5月8日\n"
                               "举办宣讲活动12场次，培训基层干部3000人次。\n";
/* neither a date nor a year */
static const char report_c[] = "通辽市民委情况通报\n"
                               "举办培训班3期，培训骨干150人次。\n";

#define CONTRACT_HEADER "file\tstart\taction\tfield\told\tnew\twhen"

typedef struct
{
  TestReports reports;
  char *a; /* the reports' paths */
  char *b;
  char *c;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  /* the index in a folder of its own, corrections.db beside it */
  test_reports_set_up (&f->reports, "index/index.db", "a.txt", report_a, "b.txt", report_b, "c.txt",
                       report_c, NULL);
  f->a = g_build_filename (f->reports.docs, "a.txt", NULL);
  f->b = g_build_filename (f->reports.docs, "b.txt", NULL);
  f->c = g_build_filename (f->reports.docs, "c.txt", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_reports_clear (&f->reports);
  g_free (f->a);
  g_free (f->b);
  g_free (f->c);
}

/* The rows of a TSV, header first, each split into its columns */
static GPtrArray *
split_tsv (const char *out)
{
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      g_ptr_array_add (rows, g_strsplit (lines[i], "\t", -1));
  return rows;
}

/* `figures stats` (TSV) as rows */
static GPtrArray *
stats (Fixture *f)
{
  g_autofree char *out = NULL;

  g_assert_cmpint (test_run_cli (NULL, &out, NULL, "stats", f->reports.db_arg, NULL), ==, 0);
  return split_tsv (out);
}

/* The row of @rows for @file and @metric, or NULL */
static GStrv
find_row (GPtrArray *rows, const char *file, const char *metric)
{
  for (guint i = 1; i < rows->len; i++)
    {
      GStrv row = g_ptr_array_index (rows, i);

      if (strcmp (row[0], file) == 0 && strcmp (row[3], metric) == 0)
        return row;
    }
  return NULL;
}

/* The start column of the statistic of @file with @metric */
static char *
dup_start (Fixture *f, const char *file, const char *metric)
{
  g_autoptr (GPtrArray) rows = stats (f);
  GStrv row = find_row (rows, file, metric);

  g_assert_nonnull (row);
  return row != NULL ? g_strdup (row[7]) : NULL;
}

static int
correct (Fixture *f, const char *file, const char *start, const char *action, char **err)
{
  return test_run_cli (NULL, NULL, err, "correct", f->reports.db_arg, file, start, action, NULL);
}

/* `figures corrections` as rows */
static GPtrArray *
corrections (Fixture *f)
{
  g_autofree char *out = NULL;

  g_assert_cmpint (test_run_cli (NULL, &out, NULL, "corrections", f->reports.db_arg, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, CONTRACT_HEADER "\thash\tstatus\n"));
  return split_tsv (out);
}

/* The bar: a rejected figure and one moved to another city stay so
 * after `figures index --rebuild`, and `figures corrections` lists both. */
static void
test_rebuild_keeps (Fixture *f, gconstpointer data)
{
  g_autofree char *trainees = dup_start (f, f->a, "trainees");
  g_autofree char *funding = dup_start (f, f->a, "funding");
  g_autofree char *out = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) listed = NULL;
  GStrv row;

  g_assert_cmpint (
    test_run_cli (NULL, &out, NULL, "correct", f->reports.db_arg, f->a, trainees, "--reject", NULL),
    ==, 0);
  /* one line saying what was recorded */
  g_assert_nonnull (strstr (out, "rejected"));
  g_assert_nonnull (g_strstr_len (out, -1, "\n"));
  g_assert_null (strchr (strchr (out, '\n') + 1, '\n'));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (test_run_cli (NULL, &out, NULL, "correct", f->reports.db_arg, f->a, funding,
                                 "--city=呼和浩特市", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (out, "包头市 → 呼和浩特市"));

  for (guint round = 0; round < 2; round++)
    {
      rows = stats (f);
      g_assert_null (find_row (rows, f->a, "trainees"));
      row = find_row (rows, f->a, "funding");
      g_assert_nonnull (row);
      g_assert_cmpstr (row[1], ==, "呼和浩特市");
      g_assert_cmpstr (row[2], ==, "呼和浩特市");
      /* the other figures of the report are as read */
      row = find_row (rows, f->a, "training_sessions");
      g_assert_nonnull (row);
      g_assert_cmpstr (row[1], ==, "包头市");
      g_clear_pointer (&rows, g_ptr_array_unref);

      /* from scratch, with the folders it had: the corrections stay */
      if (round == 0)
        g_assert_cmpint (
          test_run_cli (NULL, NULL, NULL, "index", "--rebuild", f->reports.db_arg, NULL), ==, 0);
    }
  /* --rebuild with a folder given, too */
  g_assert_cmpint (
    test_run_cli (NULL, NULL, NULL, "index", "--rebuild", f->reports.db_arg, f->reports.docs, NULL),
    ==, 0);
  rows = stats (f);
  g_assert_null (find_row (rows, f->a, "trainees"));
  g_assert_cmpstr (find_row (rows, f->a, "funding")[1], ==, "呼和浩特市");
  g_assert_nonnull (find_row (rows, f->c, "trainees"));

  listed = corrections (f);
  g_assert_cmpuint (listed->len, ==, 3);
  row = g_ptr_array_index (listed, 1);
  g_assert_cmpstr (row[0], ==, f->a);
  g_assert_cmpstr (row[1], ==, trainees);
  g_assert_cmpstr (row[2], ==, "reject");
  g_assert_cmpstr (row[8], ==, "applied");
  row = g_ptr_array_index (listed, 2);
  g_assert_cmpstr (row[1], ==, funding);
  g_assert_cmpstr (row[2], ==, "set");
  g_assert_cmpstr (row[3], ==, "city");
  g_assert_cmpstr (row[4], ==, "包头市");
  g_assert_cmpstr (row[5], ==, "呼和浩特市");
  g_assert_true (g_str_has_suffix (row[6], "Z"));
  g_assert_cmpstr (row[8], ==, "applied");
}

/* stats (TSV, CSV, by city), the index's lists and the chart data all show
 * a correction. */
static void
test_applies_everywhere (Fixture *f, gconstpointer data)
{
  g_autofree char *trainees = dup_start (f, f->b, "trainees");
  g_autofree char *other = dup_start (f, f->b, "other");
  g_autofree char *funding = dup_start (f, f->a, "funding");
  g_autofree char *csv = NULL;
  g_autofree char *by_city = NULL;
  g_autofree char *expected = NULL;
  g_autoptr (FiguresIndex) index = NULL;
  g_autoptr (FiguresChartData) chart = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) cities = NULL;
  const char *const trainee_metric[] = { "trainees", NULL };
  FiguresChartRequest request = { FIGURES_CHART_BARS, trainee_metric };
  FiguresStatisticsFilter filter = { 0 };
  const FiguresChartRow *bar;
  guint n_rejected = 0, n_corrected = 0;

  g_assert_cmpint (correct (f, f->b, trainees, "--value=3500", NULL), ==, 0);
  g_assert_cmpint (correct (f, f->b, trainees, "--city=鄂尔多斯市", NULL), ==, 0);
  g_assert_cmpint (correct (f, f->b, other, "--reject", NULL), ==, 0);
  g_assert_cmpint (correct (f, f->a, funding, "--metric=investment", NULL), ==, 0);
  g_assert_cmpint (correct (f, f->a, funding, "--year=2020", NULL), ==, 0);

  /* CSV: the one writer in core */
  g_assert_cmpint (
    test_run_cli (NULL, &csv, NULL, "stats", f->reports.db_arg, "--format=csv", NULL), ==, 0);
  expected = g_strdup_printf ("%s,鄂尔多斯市,鄂尔多斯市,trainees,3500,0,人次,%s,", f->b, trainees);
  g_assert_nonnull (strstr (csv, expected));
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%s,包头市,包头市,investment,2000000,0,万元,%s,", f->a, funding);
  g_assert_nonnull (strstr (csv, expected));
  /* its line ends in the year set */
  g_assert_true (g_str_has_prefix (strstr (strstr (csv, expected), "\r\n") - 5, ",2020"));
  g_assert_null (strstr (csv, ",other,"));

  g_assert_cmpint (
    test_run_cli (NULL, &by_city, NULL, "stats", f->reports.db_arg, "--by=city", NULL), ==, 0);
  g_assert_nonnull (strstr (by_city, "鄂尔多斯市\ttrainees\t3500\t3500\t1\t1\n"));
  g_assert_null (strstr (by_city, "赤峰市"));
  g_assert_nonnull (strstr (by_city, "包头市\tinvestment\t2000000"));
  g_assert_null (strstr (by_city, "包头市\tfunding"));

  index = figures_index_open_read_only (f->reports.db, &error);
  g_assert_no_error (error);

  /* the chart request: the figure counts for its new city, at its new value */
  chart = figures_chart_data_new_from_index (index, &request, &error);
  g_assert_no_error (error);
  bar = _figures_chart_data_lookup (chart, "鄂尔多斯市", "trainees", 0);
  g_assert_nonnull (bar);
  g_assert_cmpfloat (bar->sum, ==, 3500.0);
  g_assert_null (_figures_chart_data_lookup (chart, "赤峰市", "trainees", 0));

  cities = figures_index_list_cities (index, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char *const *) cities, "鄂尔多斯市"));
  /* 赤峰市's figures are rejected or moved: no city left to pick there */
  g_assert_false (g_strv_contains ((const char *const *) cities, "赤峰市"));

  /* the rows are marked; a rejected one only when asked for */
  filter.with_rejected = TRUE;
  rows = figures_index_list_statistics (index, &filter, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      FiguresStatisticRow *row = g_ptr_array_index (rows, i);

      n_rejected += row->rejected;
      n_corrected += row->corrected;
      g_assert_nonnull (row->hash);
    }
  g_assert_cmpuint (n_rejected, ==, 1);
  g_assert_cmpuint (n_corrected, ==, 3);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = figures_index_list_statistics (index, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 7);
}

/* Unknown metric, city or position: exit 2, a message naming it, nothing
 * recorded. */
static void
test_exit_2 (Fixture *f, gconstpointer data)
{
  g_autofree char *start = dup_start (f, f->a, "trainees");
  g_autofree char *missing = g_build_filename (f->reports.docs, "missing.txt", NULL);
  g_autoptr (GPtrArray) listed = NULL;
  struct
  {
    const char *file;
    const char *start;
    const char *action;
    const char *named;
  } cases[] = {
    { f->a, start, "--metric=bogus", "bogus" },
    { f->a, start, "--city=Atlantis", "Atlantis" },
    { f->a, "1", "--reject", "1" },
    { f->a, "12x", "--reject", "12x" },
    { missing, start, "--reject", "missing.txt" },
    { f->a, start, "--value=lots", "lots" },
    { f->a, start, "--year=99", "99" },
    { f->a, start, "--undo", "no correction" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *err = NULL;

      g_assert_cmpint (correct (f, cases[i].file, cases[i].start, cases[i].action, &err), ==, 2);
      g_assert_nonnull (strstr (err, cases[i].named));
    }
  /* no action, or two */
  g_assert_cmpint (test_run_cli (NULL, NULL, NULL, "correct", f->reports.db_arg, f->a, start, NULL),
                   ==, 2);
  g_assert_cmpint (test_run_cli (NULL, NULL, NULL, "correct", f->reports.db_arg, f->a, start,
                                 "--reject", "--confirm", NULL),
                   ==, 2);
  g_assert_cmpint (
    test_run_cli (NULL, NULL, NULL, "corrections", f->reports.db_arg, "--format=csv", NULL), ==, 2);

  listed = corrections (f);
  g_assert_cmpuint (listed->len, ==, 1);
}

/* Export from one index, import into another: the same corrections, the
 * same statistics; importing again adds nothing; a bad file adds nothing. */
static void
test_round_trip (Fixture *f, gconstpointer data)
{
  g_autofree char *trainees = dup_start (f, f->a, "trainees");
  g_autofree char *sessions = dup_start (f, f->c, "training_sessions");
  g_autofree char *shared = g_build_filename (f->reports.dir, "shared.tsv", NULL);
  g_autofree char *bad = g_build_filename (f->reports.dir, "bad.tsv", NULL);
  g_autofree char *import_arg = g_strconcat ("--import=", shared, NULL);
  g_autofree char *bad_arg = g_strconcat ("--import=", bad, NULL);
  g_autofree char *export_arg = g_strconcat ("--export=", shared, NULL);
  g_autofree char *other_db = g_build_filename (f->reports.dir, "other", "index.db", NULL);
  g_autofree char *other_arg = g_strconcat ("--db=", other_db, NULL);
  g_autofree char *text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *bad_text = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *stats_mine = NULL;
  g_autofree char *stats_theirs = NULL;

  g_assert_cmpint (correct (f, f->a, trainees, "--reject", NULL), ==, 0);
  g_assert_cmpint (correct (f, f->c, sessions, "--value=4", NULL), ==, 0);
  g_assert_cmpint (correct (f, f->c, sessions, "--confirm", NULL), ==, 0);

  g_assert_cmpint (
    test_run_cli (NULL, NULL, NULL, "corrections", f->reports.db_arg, export_arg, NULL), ==, 0);
  g_assert_true (g_file_get_contents (shared, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, CONTRACT_HEADER "\thash\n"));

  /* a colleague's index of the same reports */
  g_assert_cmpint (test_run_cli (NULL, NULL, NULL, "index", other_arg, f->reports.docs, NULL), ==,
                   0);
  g_assert_cmpint (test_run_cli (NULL, &out, NULL, "corrections", other_arg, import_arg, NULL), ==,
                   0);
  g_assert_cmpstr (out, ==, "3 imported\n");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (test_run_cli (NULL, &out, NULL, "corrections", other_arg, import_arg, NULL), ==,
                   0);
  g_assert_cmpstr (out, ==, "0 imported\n");

  g_assert_cmpint (test_run_cli (NULL, &mine, NULL, "corrections", f->reports.db_arg, NULL), ==, 0);
  g_assert_cmpint (test_run_cli (NULL, &theirs, NULL, "corrections", other_arg, NULL), ==, 0);
  g_assert_cmpstr (mine, ==, theirs);
  g_assert_cmpint (test_run_cli (NULL, &stats_mine, NULL, "stats", f->reports.db_arg, NULL), ==, 0);
  g_assert_cmpint (test_run_cli (NULL, &stats_theirs, NULL, "stats", other_arg, NULL), ==, 0);
  g_assert_cmpstr (stats_mine, ==, stats_theirs);
  g_assert_nonnull (strstr (stats_theirs, "training_sessions\t4\t0\t期"));

  /* an unknown metric on line 3: nothing of the file is imported */
  bad_text = g_strdup_printf (CONTRACT_HEADER
                              "\thash\n"
                              "x\t5\treject\t\t\t\t2026-01-01T00:00:00Z\tabc\n"
                              "x\t6\tset\tmetric\tother\tbogus\t2026-01-01T00:00:00Z\tabc\n"
                              "x\t7\tset\tcity\t包头市\tAtlantis\t2026-01-01T00:00:00Z\tabc\n");
  g_assert_true (g_file_set_contents (bad, bad_text, -1, NULL));
  g_assert_cmpint (test_run_cli (NULL, NULL, &err, "corrections", other_arg, bad_arg, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "bad.tsv:3"));
  g_assert_nonnull (strstr (err, "bogus"));
  g_clear_pointer (&err, g_free);
  /* a place the gazetteer does not know, alone */
  g_free (bad_text);
  bad_text = g_strdup_printf (CONTRACT_HEADER
                              "\thash\n"
                              "x\t7\tset\tcity\t包头市\tAtlantis\t2026-01-01T00:00:00Z\tabc\n");
  g_assert_true (g_file_set_contents (bad, bad_text, -1, NULL));
  g_assert_cmpint (test_run_cli (NULL, NULL, &err, "corrections", other_arg, bad_arg, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "bad.tsv:2"));
  g_assert_nonnull (strstr (err, "Atlantis"));
  g_clear_pointer (&theirs, g_free);
  g_assert_cmpint (test_run_cli (NULL, &theirs, NULL, "corrections", other_arg, NULL), ==, 0);
  g_assert_cmpstr (mine, ==, theirs);
}

/* A correction whose report changed is listed as orphaned, never dropped;
 * when the report is back as it was, the correction applies again. */
static void
test_orphaned (Fixture *f, gconstpointer data)
{
  g_autofree char *trainees = dup_start (f, f->a, "trainees");
  g_autoptr (GPtrArray) listed = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *edited = g_strconcat (report_a, "另举办座谈会2场次。\n", NULL);

  g_assert_cmpint (correct (f, f->a, trainees, "--reject", NULL), ==, 0);
  listed = corrections (f);
  g_assert_cmpstr (((GStrv) g_ptr_array_index (listed, 1))[8], ==, "applied");
  g_clear_pointer (&listed, g_ptr_array_unref);

  /* the report is edited: its figures are read again, uncorrected */
  test_write_file (f->reports.docs, "a.txt", edited, -1);
  g_assert_cmpint (test_run_cli (NULL, NULL, NULL, "index", f->reports.db_arg, NULL), ==, 0);
  rows = stats (f);
  g_assert_nonnull (find_row (rows, f->a, "trainees"));
  g_clear_pointer (&rows, g_ptr_array_unref);
  listed = corrections (f);
  g_assert_cmpuint (listed->len, ==, 2);
  g_assert_cmpstr (((GStrv) g_ptr_array_index (listed, 1))[1], ==, trainees);
  g_assert_cmpstr (((GStrv) g_ptr_array_index (listed, 1))[8], ==, "orphaned");
  g_clear_pointer (&listed, g_ptr_array_unref);

  /* gone altogether: still listed */
  g_assert_cmpint (g_unlink (f->a), ==, 0);
  g_assert_cmpint (test_run_cli (NULL, NULL, NULL, "index", f->reports.db_arg, NULL), ==, 0);
  listed = corrections (f);
  g_assert_cmpuint (listed->len, ==, 2);
  g_assert_cmpstr (((GStrv) g_ptr_array_index (listed, 1))[8], ==, "orphaned");
  g_clear_pointer (&listed, g_ptr_array_unref);

  /* back as it was, under another name */
  test_write_file (f->reports.docs, "a-again.txt", report_a, -1);
  g_assert_cmpint (test_run_cli (NULL, NULL, NULL, "index", f->reports.db_arg, NULL), ==, 0);
  listed = corrections (f);
  g_assert_cmpstr (((GStrv) g_ptr_array_index (listed, 1))[8], ==, "applied");
  rows = stats (f);
  {
    g_autofree char *again = g_build_filename (f->reports.docs, "a-again.txt", NULL);

    g_assert_null (find_row (rows, again, "trainees"));
    g_assert_nonnull (find_row (rows, again, "training_sessions"));
  }
}

/* Undo brings back what was read, or the correction before. */
static void
test_undo (Fixture *f, gconstpointer data)
{
  g_autofree char *trainees = dup_start (f, f->a, "trainees");
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) listed = NULL;

  g_assert_cmpint (correct (f, f->a, trainees, "--value=500", NULL), ==, 0);
  g_assert_cmpint (correct (f, f->a, trainees, "--value=600", NULL), ==, 0);
  g_assert_cmpint (correct (f, f->a, trainees, "--reject", NULL), ==, 0);
  rows = stats (f);
  g_assert_null (find_row (rows, f->a, "trainees"));
  g_clear_pointer (&rows, g_ptr_array_unref);

  g_assert_cmpint (correct (f, f->a, trainees, "--undo", NULL), ==, 0);
  rows = stats (f);
  g_assert_cmpstr (find_row (rows, f->a, "trainees")[4], ==, "600");
  g_clear_pointer (&rows, g_ptr_array_unref);

  g_assert_cmpint (correct (f, f->a, trainees, "--undo", NULL), ==, 0);
  g_assert_cmpint (correct (f, f->a, trainees, "--undo", NULL), ==, 0);
  rows = stats (f);
  g_assert_cmpstr (find_row (rows, f->a, "trainees")[4], ==, "420");
  g_clear_pointer (&rows, g_ptr_array_unref);
  /* undone ones are not in force: not listed */
  listed = corrections (f);
  g_assert_cmpuint (listed->len, ==, 1);
}

/* Every statistic has a year: its sentence's, else its report's date's;
 * empty only when neither is known. The same in extract, stats and CSV. */
static void
test_years (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) rows = stats (f);
  g_autofree char *extracted = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  g_autoptr (GPtrArray) extract_rows = NULL;
  const struct
  {
    const char *file;
    const char *metric;
    const char *year;
  } expected[] = {
    { f->a, "trainees", "2023" },          /* the report's date */
    { f->a, "training_sessions", "2023" }, /* the report's date */
    { f->a, "funding", "2021" },           /* its sentence's */
    { f->b, "other", "2022" },
    { f->c, "trainees", "" }, /* neither */
  };

  g_assert_cmpstr (((GStrv) g_ptr_array_index (rows, 0))[11], ==, "year");

  /* no correction made: listing them is empty and makes no file */
  {
    g_autoptr (GPtrArray) listed = corrections (f);
    g_autofree char *store = g_build_filename (f->reports.dir, "index", "corrections.db", NULL);

    g_assert_cmpuint (listed->len, ==, 1);
    g_assert_false (g_file_test (store, G_FILE_TEST_EXISTS));
  }
  g_assert_cmpint (test_run_cli (NULL, &extracted, NULL, "extract", f->a, f->b, f->c, NULL), ==, 0);
  extract_rows = split_tsv (extracted);
  g_assert_cmpuint (extract_rows->len, ==, rows->len);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      GStrv row = find_row (rows, expected[i].file, expected[i].metric);
      GStrv extract_row = find_row (extract_rows, expected[i].file, expected[i].metric);

      g_assert_nonnull (row);
      g_assert_nonnull (extract_row);
      g_assert_cmpstr (row[11], ==, expected[i].year);
      g_assert_cmpstr (extract_row[11], ==, expected[i].year);
    }

  g_assert_cmpint (
    test_run_cli (NULL, &csv, NULL, "stats", f->reports.db_arg, "--format=csv", NULL), ==, 0);
  g_assert_nonnull (strstr (csv, ",label,evidence,year\r\n"));
  /* JSON: a number, or null when unknown */
  g_assert_cmpint (
    test_run_cli (NULL, &json, NULL, "stats", f->reports.db_arg, "--format=json", NULL), ==, 0);
  g_assert_nonnull (strstr (json, "\"year\": 2021}"));
  g_assert_nonnull (strstr (json, "\"year\": null}"));
  g_assert_nonnull (strstr (csv, "2021年投入专项资金200万元，实施项目9个。,2021\r\n"));
}

/* A report's own title, date and city: `figures correct FILE --title=…`
 * (no start), kept through --rebuild, undone apart from its figures'. */
static FiguresDocumentInfo *
document_of (Fixture *f, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FiguresIndex) index = figures_index_open (f->reports.db, &error);
  FiguresDocumentInfo *info;

  g_assert_no_error (error);
  info = figures_index_find_document (index, path, &error);
  g_assert_no_error (error);
  return info;
}

static int
correct_report (Fixture *f, const char *file, const char *action, char **err)
{
  return test_run_cli (NULL, NULL, err, "correct", f->reports.db_arg, file, action, NULL);
}

static void
test_report (Fixture *f, gconstpointer data)
{
  g_autofree char *trainees = dup_start (f, f->c, "trainees");
  g_autofree char *err = NULL;
  g_autoptr (FiguresDocumentInfo) before = document_of (f, f->c);
  g_autoptr (FiguresDocumentInfo) after = NULL;
  g_autoptr (GPtrArray) listed = NULL;

  g_assert_null (before->date);
  g_assert_false (before->corrected);

  /* bad values: exit 2, the reason named, nothing recorded */
  g_assert_cmpint (correct_report (f, f->c, "--date=2020-13-01", &err), ==, 2);
  g_assert_nonnull (strstr (err, "not a date"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (correct_report (f, f->c, "--report-city=不存在的地方", &err), ==, 2);
  g_assert_nonnull (strstr (err, "unknown city"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (correct (f, f->c, trainees, "--title=某题", &err), ==, 2);
  g_assert_nonnull (strstr (err, "without a start"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (correct_report (f, f->reports.docs, "--title=某题", &err), ==, 2);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (correct_report (f, f->c, "--date=2020-03", NULL), ==, 0);
  g_assert_cmpint (correct_report (f, f->c, "--title=通辽市民委2020年情况通报", NULL), ==, 0);
  g_assert_cmpint (correct (f, f->c, trainees, "--value=151", NULL), ==, 0);
  g_assert_cmpint (correct_report (f, f->c, "--report-city=科尔沁区", NULL), ==, 0);
  g_assert_cmpint (
    test_run_cli (NULL, NULL, NULL, "index", "--rebuild", f->reports.db_arg, f->reports.docs, NULL),
    ==, 0);

  after = document_of (f, f->c);
  g_assert_cmpstr (after->date, ==, "2020-03");
  g_assert_cmpstr (after->title, ==, "通辽市民委2020年情况通报");
  /* a district counts for its prefecture-level city */
  g_assert_cmpstr (after->city, ==, "通辽市");
  g_assert_true (after->corrected);
  listed = corrections (f);
  g_assert_cmpuint (listed->len, ==, 5); /* header and four */
  for (guint i = 1; i < listed->len; i++)
    g_assert_cmpstr (((GStrv) g_ptr_array_index (listed, i))[8], ==, "applied");

  /* undoing the figure leaves the report's corrections, and back */
  g_assert_cmpint (correct (f, f->c, trainees, "--undo", NULL), ==, 0);
  g_clear_pointer (&after, figures_document_info_free);
  after = document_of (f, f->c);
  g_assert_cmpstr (after->city, ==, "通辽市");
  g_assert_cmpint (correct_report (f, f->c, "--undo", NULL), ==, 0); /* the city */
  g_assert_cmpint (correct_report (f, f->c, "--undo", NULL), ==, 0); /* the title */
  g_clear_pointer (&after, figures_document_info_free);
  after = document_of (f, f->c);
  g_assert_cmpstr (after->title, ==, before->title);
  g_assert_cmpstr (after->city, ==, before->city);
  g_assert_cmpstr (after->date, ==, "2020-03");
  g_assert_cmpint (correct_report (f, f->c, "--undo", NULL), ==, 0); /* the date */
  g_clear_pointer (&after, figures_document_info_free);
  after = document_of (f, f->c);
  g_assert_null (after->date);
  g_assert_false (after->corrected);
  g_assert_cmpint (correct_report (f, f->c, "--undo", &err), ==, 2);
  g_assert_nonnull (strstr (err, "no correction to undo"));
}

/* The year of @file's statistic of @metric in `figures stats` */
static int
year_of (Fixture *f, const char *file, const char *metric)
{
  g_autoptr (GPtrArray) rows = stats (f);
  GStrv header = g_ptr_array_index (rows, 0);
  GStrv row = find_row (rows, file, metric);
  int column = -1;

  for (guint i = 0; header[i] != NULL; i++)
    if (strcmp (header[i], "year") == 0)
      column = i;
  g_assert_cmpint (column, >=, 0);
  g_assert_nonnull (row);
  return atoi (row[column]);
}

/* A figure of no stated year has its report's date's year, and follows a
 * correction of that date (and its undo); one whose sentence states a year,
 * or whose year the analyst set, keeps it. */
static void
test_report_date_years (Fixture *f, gconstpointer data)
{
  g_autofree char *trainees = dup_start (f, f->a, "trainees");

  g_assert_cmpint (year_of (f, f->a, "trainees"), ==, 2023);
  g_assert_cmpint (year_of (f, f->a, "funding"), ==, 2021);
  g_assert_cmpint (year_of (f, f->a, "training_sessions"), ==, 2023);

  g_assert_cmpint (correct (f, f->a, trainees, "--value=430", NULL), ==, 0);
  g_assert_cmpint (correct_report (f, f->a, "--date=2019-06", NULL), ==, 0);
  g_assert_cmpint (year_of (f, f->a, "training_sessions"), ==, 2019);
  g_assert_cmpint (year_of (f, f->a, "trainees"), ==, 2019); /* corrected, but not its year */
  g_assert_cmpint (year_of (f, f->a, "funding"), ==, 2021);

  /* the same after a rebuild, which applies the corrections again */
  g_assert_cmpint (
    test_run_cli (NULL, NULL, NULL, "index", "--rebuild", f->reports.db_arg, f->reports.docs, NULL),
    ==, 0);
  g_assert_cmpint (year_of (f, f->a, "training_sessions"), ==, 2019);
  g_assert_cmpint (year_of (f, f->a, "trainees"), ==, 2019);
  g_assert_cmpint (year_of (f, f->a, "funding"), ==, 2021);

  /* a year set by the analyst stays whatever the date */
  g_assert_cmpint (correct (f, f->a, trainees, "--year=2020", NULL), ==, 0);
  g_assert_cmpint (correct_report (f, f->a, "--undo", NULL), ==, 0); /* the date */
  g_assert_cmpint (year_of (f, f->a, "training_sessions"), ==, 2023);
  g_assert_cmpint (year_of (f, f->a, "trainees"), ==, 2020);
  g_assert_cmpint (correct (f, f->a, trainees, "--undo", NULL), ==, 0);
  g_assert_cmpint (year_of (f, f->a, "trainees"), ==, 2023);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/cli-corrections/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("rebuild-keeps", test_rebuild_keeps);
  ADD ("applies-everywhere", test_applies_everywhere);
  ADD ("report", test_report);
  ADD ("report-date-years", test_report_date_years);
  ADD ("exit-2", test_exit_2);
  ADD ("round-trip", test_round_trip);
  ADD ("orphaned", test_orphaned);
  ADD ("undo", test_undo);
  ADD ("years", test_years);
#undef ADD

  return g_test_run ();
}
