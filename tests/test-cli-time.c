/* test-cli-time.c: years and the labels of `other`, in `figures stats`,
 * `figures chart` and the chart data they share with the window
 *
 * The reports are invented for these tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "figures-chart.h"
#include "figures-index.h"
#include "test-util.h"

/* dated 2021; its second sentence says 2019 */
static const char report_a[] = "包头市民族宗教事务局年度工作总结\n"
                               "2021年6月1日\n"
                               "全年组织宣讲活动8场次，培训少数民族干部300人次。\n"
                               "2019年培训村级干部120人次，创建示范单位6个。\n";
/* dated 2020 */
static const char report_b[] = "赤峰市民委工作情况\n"
                               "2020年11月3日\n"
                               "培训基层干部500人次，开展宣讲活动15场次，创建示范单位4个。\n";
/* neither a date nor a year */
static const char report_c[] = "通辽市民委简报\n"
                               "培训骨干90人次，开展宣讲活动3场次。\n";

#define EVENTS "活动 场次"
#define UNITS "示范单位 个"

typedef TestReports Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  test_reports_set_up (f, "index.db", "a.txt", report_a, "b.txt", report_b, "c.txt", report_c,
                       NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_reports_clear (f);
}

/* `figures stats ARGS…` (TSV) as rows, the header first */
static GPtrArray *
stats (Fixture *f, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto (GStrv) lines = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *arg;
  va_list args;
  int status;

  va_start (args, f);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  while (argv->len < 4)
    g_ptr_array_add (argv, NULL);
  status = test_run_cli (NULL, &out, &err, "stats", f->db_arg, argv->pdata[0], argv->pdata[1],
                         argv->pdata[2], argv->pdata[3], NULL);
  g_test_message ("stats: %s", err);
  g_assert_cmpint (status, ==, 0);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      g_ptr_array_add (rows, g_strsplit (lines[i], "\t", -1));
  return rows;
}

/* The index of @name in the header of @rows */
static guint
column (GPtrArray *rows, const char *name)
{
  GStrv header = g_ptr_array_index (rows, 0);

  for (guint i = 0; header[i] != NULL; i++)
    if (strcmp (header[i], name) == 0)
      return i;
  g_assert_not_reached ();
  return 0;
}

/* "a:2019 a:2019 b:2020 …": each row's report and year, in order */
static char *
files_and_years (GPtrArray *rows)
{
  GString *out = g_string_new (NULL);
  guint file = column (rows, "file"), year = column (rows, "year");

  for (guint i = 1; i < rows->len; i++)
    {
      GStrv row = g_ptr_array_index (rows, i);
      g_autofree char *base = g_path_get_basename (row[file]);

      g_string_append_printf (out, "%s%c:%s", i > 1 ? " " : "", base[0], row[year]);
    }
  return g_string_free (out, FALSE);
}

static void
test_stats_years (Fixture *f, gconstpointer data)
{
  const struct
  {
    const char *years;
    const char *rows;
  } cases[] = {
    /* every statistic has a year, its own else its report's; c has none */
    { NULL, "a:2021 a:2021 a:2019 a:2019 b:2020 b:2020 b:2020 c: c:" },
    { "--years=2021", "a:2021 a:2021" },
    { "--years=2019-2020", "a:2019 a:2019 b:2020 b:2020 b:2020" },
    { "--years=2019–2020", "a:2019 a:2019 b:2020 b:2020 b:2020" },
    { "--years=2020-", "a:2021 a:2021 b:2020 b:2020 b:2020" },
    { "--years=-2019", "a:2019 a:2019" },
    { "--years=2022-", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GPtrArray) rows = stats (f, cases[i].years, NULL);
      g_autofree char *got = files_and_years (rows);

      g_test_message ("%s", cases[i].years ? cases[i].years : "(all)");
      g_assert_cmpstr (got, ==, cases[i].rows);
    }

  /* summed by city over the years asked for */
  {
    g_autoptr (GPtrArray) rows = stats (f, "--by=city", "--years=2019", "--metric=trainees", NULL);

    g_assert_cmpuint (rows->len, ==, 2);
    g_assert_cmpstr (((GStrv) rows->pdata[1])[column (rows, "city")], ==, "包头市");
    g_assert_cmpstr (((GStrv) rows->pdata[1])[column (rows, "sum")], ==, "120");
  }
}

static void
test_stats_labels (Fixture *f, gconstpointer data)
{
  const char *asks[] = { "--label=" UNITS };

  for (guint i = 0; i < G_N_ELEMENTS (asks); i++)
    {
      g_autoptr (GPtrArray) rows = stats (f, asks[i], NULL);
      g_autofree char *got = files_and_years (rows);

      g_assert_cmpstr (got, ==, "a:2019 b:2020");
      for (guint r = 1; r < rows->len; r++)
        g_assert_cmpstr (((GStrv) rows->pdata[r])[column (rows, "label")], ==, UNITS);
    }
  {
    g_autoptr (GPtrArray) rows =
      stats (f, "--label=" UNITS, "--label=" EVENTS, "--years=2020-", NULL);
    g_autofree char *got = files_and_years (rows);

    g_assert_cmpstr (got, ==, "a:2021 b:2020 b:2020");
  }
}

static void
test_bad_arguments (Fixture *f, gconstpointer data)
{
  const char *bad_years[] = { "--years=20x1", "--years=2021-2019",      "--years=",
                              "--years=-",    "--years=2019-2020-2021", "--years=19-21" };
  g_autofree char *output = g_build_filename (f->dir, "bad.png", NULL);
  g_autofree char *output_arg = g_strconcat ("--output=", output, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad_years); i++)
    {
      g_autofree char *err = NULL;
      g_autofree char *chart_err = NULL;

      g_assert_cmpint (test_run_cli (NULL, NULL, &err, "stats", f->db_arg, bad_years[i], NULL), ==,
                       2);
      g_assert_nonnull (strstr (err, bad_years[i]));
      g_assert_nonnull (strstr (err, "2019-2021"));
      g_assert_cmpint (test_run_cli (NULL, NULL, &chart_err, "chart", f->db_arg,
                                     "--metric=trainees", bad_years[i], output_arg, NULL),
                       ==, 2);
      g_assert_nonnull (strstr (chart_err, bad_years[i]));
    }
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));

  /* a label nothing has, with the labels near it */
  {
    g_autofree char *err = NULL;

    g_assert_cmpint (test_run_cli (NULL, NULL, &err, "chart", f->db_arg, "--metric=other",
                                   "--label=示范", output_arg, NULL),
                     ==, 2);
    g_assert_nonnull (strstr (err, "“示范”"));
    g_assert_nonnull (strstr (err, "“" UNITS "”"));
  }
  /* labels are those of `other` */
  {
    g_autofree char *err = NULL;

    g_assert_cmpint (test_run_cli (NULL, NULL, &err, "chart", f->db_arg, "--metric=trainees",
                                   "--label=" UNITS, output_arg, NULL),
                     ==, 2);
    g_assert_nonnull (strstr (err, "--metric=other"));
  }
}

/* The chart `figures chart` would draw */
static FiguresChartData *
chart (Fixture *f, const FiguresChartRequest *request)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FiguresIndex) index = figures_index_open_read_only (f->db, &error);
  FiguresChartData *data;

  g_assert_no_error (error);
  data = figures_chart_data_new_from_index (index, request, &error);
  g_assert_no_error (error);
  figures_chart_data_set_style (data, FIGURES_NUMBER_STYLE_ENGLISH);
  figures_chart_data_set_language (data, FIGURES_CHART_LANGUAGE_ENGLISH);
  return data;
}

/* "city metric year value mentions; …" of every mark, as laid out */
static char *
describe_marks (FiguresChartLayout *layout)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < figures_chart_layout_get_n_marks (layout); i++)
    {
      FiguresChartMark mark;

      g_assert_true (figures_chart_layout_get_mark (layout, i, &mark));
      g_string_append_printf (out, "%s%s %s %d %g %u", i > 0 ? "; " : "", mark.city, mark.metric,
                              mark.year, mark.value, mark.mentions);
    }
  return g_string_free (out, FALSE);
}

static gboolean
has_subtitle (FiguresChartLayout *layout, const char *text)
{
  for (guint i = 0; i < figures_chart_layout_get_n_labels (layout); i++)
    {
      FiguresChartLabel label;

      if (figures_chart_layout_get_label (layout, i, &label) &&
          label.role == FIGURES_CHART_LABEL_SUBTITLE && strstr (label.text, text) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* The mentions figures_chart_mark_to_filter() selects for @mark */
static GPtrArray *
mentions_of (Fixture *f, const FiguresChartMark *mark)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FiguresIndex) index = figures_index_open_read_only (f->db, &error);
  const char *storage[FIGURES_CHART_FILTER_STORAGE];
  FiguresStatisticsFilter filter;
  GPtrArray *rows;

  g_assert_no_error (error);
  figures_chart_mark_to_filter (mark, storage, &filter);
  rows = figures_index_list_statistics (index, &filter, &error);
  g_assert_no_error (error);
  return rows;
}

static void
test_chart_years (Fixture *f, gconstpointer data)
{
  const char *trainees[] = { "trainees", NULL };
  FiguresChartRequest request = { .kind = FIGURES_CHART_BARS, .metrics = trainees };

  /* by city, 2019 to 2020: 包头市's 2021 figure is left out */
  {
    g_autoptr (FiguresChartData) all = chart (f, &request);
    g_autoptr (FiguresChartLayout) all_layout =
      figures_chart_layout_new (all, 900, 600, FIGURES_CHART_THEME_LIGHT, 1);
    g_autoptr (FiguresChartData) ranged = NULL;
    g_autoptr (FiguresChartLayout) layout = NULL;
    g_autofree char *marks = NULL;
    g_autofree char *all_marks = describe_marks (all_layout);

    g_assert_cmpstr (all_marks, ==,
                     "赤峰市 trainees 0 500 1; 包头市 trainees 0 300 2; 通辽市 trainees 0 90 1");
    g_assert_false (has_subtitle (all_layout, "20"));
    request.year_from = 2019;
    request.year_to = 2020;
    ranged = chart (f, &request);
    layout = figures_chart_layout_new (ranged, 900, 600, FIGURES_CHART_THEME_LIGHT, 1);
    marks = describe_marks (layout);
    g_assert_cmpstr (marks, ==, "赤峰市 trainees 0 500 1; 包头市 trainees 0 120 1");
    g_assert_true (has_subtitle (layout, "2019–2020"));

    /* a bar's mentions: of those years only */
    for (guint i = 0; i < figures_chart_layout_get_n_marks (layout); i++)
      {
        FiguresChartMark mark;
        g_autoptr (GPtrArray) rows = NULL;

        figures_chart_layout_get_mark (layout, i, &mark);
        g_assert_cmpint (mark.year_from, ==, 2019);
        g_assert_cmpint (mark.year_to, ==, 2020);
        rows = mentions_of (f, &mark);
        g_assert_cmpuint (rows->len, ==, mark.mentions);
      }
  }

  /* by year, from 2020 on: a point per city and year */
  {
    g_autoptr (FiguresChartData) years = NULL;
    g_autoptr (FiguresChartLayout) layout = NULL;
    g_autofree char *marks = NULL;

    request.kind = FIGURES_CHART_YEARS;
    request.year_from = 2020;
    request.year_to = 0;
    years = chart (f, &request);
    layout = figures_chart_layout_new (years, 900, 600, FIGURES_CHART_THEME_LIGHT, 1);
    marks = describe_marks (layout);
    g_assert_cmpstr (marks, ==, "包头市 trainees 2021 300 1; 赤峰市 trainees 2020 500 1");
    g_assert_true (has_subtitle (layout, "from 2020"));
  }

  /* the CLI draws it */
  {
    g_autofree char *path = g_build_filename (f->dir, "years.png", NULL);
    g_autofree char *output = g_strconcat ("--output=", path, NULL);

    g_assert_cmpint (test_run_cli (NULL, NULL, NULL, "chart", f->db_arg, "--metric=trainees",
                                   "--by=year", "--years=2019-", output, NULL),
                     ==, 0);
    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  }
}

static void
test_chart_other_labels (Fixture *f, gconstpointer data)
{
  const char *other[] = { "other", NULL };
  FiguresChartRequest request = { .kind = FIGURES_CHART_BARS, .metrics = other };

  /* a panel per label: 8 events and 6 units are never one bar of 14 */
  {
    g_autoptr (FiguresChartData) all = chart (f, &request);
    g_autoptr (FiguresChartLayout) layout =
      figures_chart_layout_new (all, 900, 600, FIGURES_CHART_THEME_LIGHT, 1);
    g_autofree char *marks = describe_marks (layout);

    g_assert_cmpint (figures_chart_layout_get_kind (layout), ==, FIGURES_CHART_COMPARE);
    g_assert_cmpuint (figures_chart_layout_get_n_panels (layout), ==, 2);
    g_assert_nonnull (strstr (marks, "包头市 other:" EVENTS " 0 8 1"));
    g_assert_nonnull (strstr (marks, "包头市 other:" UNITS " 0 6 1"));
    g_assert_null (strstr (marks, " 14 "));

    /* the panel's title says what it counts and in what */
    {
      gboolean found = FALSE;

      for (guint i = 0; i < figures_chart_layout_get_n_labels (layout); i++)
        {
          FiguresChartLabel label;

          figures_chart_layout_get_label (layout, i, &label);
          found |= label.role == FIGURES_CHART_LABEL_PANEL_TITLE &&
                   strcmp (label.text, "示范单位 (个)") == 0;
        }
      g_assert_true (found);
    }
  }

  /* one label picked: that panel alone, its bars' mentions of that label */
  {
    const char *picked[] = { UNITS, NULL };
    g_autoptr (FiguresChartData) one = NULL;
    g_autoptr (FiguresChartLayout) layout = NULL;
    g_autofree char *marks = NULL;

    request.labels = picked;
    one = chart (f, &request);
    layout = figures_chart_layout_new (one, 900, 600, FIGURES_CHART_THEME_LIGHT, 1);
    marks = describe_marks (layout);
    g_assert_cmpstr (marks, ==, "包头市 other:" UNITS " 0 6 1; 赤峰市 other:" UNITS " 0 4 1");
    for (guint i = 0; i < figures_chart_layout_get_n_marks (layout); i++)
      {
        FiguresChartMark mark;
        g_autoptr (GPtrArray) rows = NULL;

        figures_chart_layout_get_mark (layout, i, &mark);
        rows = mentions_of (f, &mark);
        g_assert_cmpuint (rows->len, ==, 1);
        g_assert_cmpstr (((FiguresStatisticRow *) rows->pdata[0])->statistic->label, ==, UNITS);
      }
  }

  /* the CLI: repeated or separated by commas, a label as listed or by
   * what it counts (活动: 活动 场次) */
  {
    g_autofree char *path = g_build_filename (f->dir, "labels.svg", NULL);
    g_autofree char *output = g_strconcat ("--output=", path, NULL);

    g_assert_cmpint (test_run_cli (NULL, NULL, NULL, "chart", f->db_arg, "--metric=other",
                                   "--label=" UNITS, "--label=活动", output, NULL),
                     ==, 0);
    g_assert_cmpint (test_run_cli (NULL, NULL, NULL, "chart", f->db_arg, "--metric=other",
                                   "--label=" UNITS "," EVENTS, "--years=2020", output, NULL),
                     ==, 0);
    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli-time/stats-years", test_stats_years);
  ADD ("/cli-time/stats-labels", test_stats_labels);
  ADD ("/cli-time/bad-arguments", test_bad_arguments);
  ADD ("/cli-time/chart-years", test_chart_years);
  ADD ("/cli-time/chart-other-labels", test_chart_other_labels);
#undef ADD

  return g_test_run ();
}
