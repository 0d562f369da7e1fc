/* test-chart-cli.c: `figures chart` end to end, on an index of the bundled samples
 *
 * Spawns $FIGURES_EXE: `figures index` into a temporary database, then
 * `figures chart` with good and bad arguments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include <cairo.h>
#include <glib/gstdio.h>

static char *tmp_dir;
static char *db_path;

typedef struct
{
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs `figures ARGS…` (NULL-terminated); exit status in run->status. */
static void
run_figures (Run *run, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  va_list args;
  const char *arg;
  int wait_status;

  g_ptr_array_add (argv, (gpointer) g_getenv ("FIGURES_EXE"));
  va_start (args, run);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  g_test_message ("exit %d, stderr: %s", run->status, run->err);
}

static gboolean
have_index (void)
{
  if (g_getenv ("FIGURES_EXE") == NULL || db_path == NULL)
    {
      g_test_skip ("no $FIGURES_EXE or no sample index");
      return FALSE;
    }
  return TRUE;
}

static char *
db_option (void)
{
  return g_strconcat ("--db=", db_path, NULL);
}

static void
test_png (void)
{
  g_auto (Run) run = { 0 };
  g_autofree char *db = NULL;
  g_autofree char *path = NULL;
  g_autofree char *output = NULL;
  cairo_surface_t *png;

  if (!have_index ())
    return;
  db = db_option ();
  path = g_build_filename (tmp_dir, "bars.png", NULL);
  output = g_strconcat ("--output=", path, NULL);

  run_figures (&run, "chart", db, "--metric=trainees", output, "--width=640", "--height=400",
               "--scale=2", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, 1280);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, 800);
  cairo_surface_destroy (png);
}

static void
test_kinds_and_formats (void)
{
  const char *cases[][4] = {
    /* metric, extra, extra, file */
    { "--metric=training_sessions,trainees,funding", "--cities=包头市,呼和浩特市,赤峰市",
      "--theme=dark", "compare.svg" },
    { "--metric=trainees", "--by=year", "--aggregate=sum", "years.pdf" },
    { "--metric=培训人次", "--sort=name", "--counts", "named.png" },
  };
  g_autofree char *db = NULL;

  if (!have_index ())
    return;
  db = db_option ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (Run) run = { 0 };
      g_autofree char *path = g_build_filename (tmp_dir, cases[i][3], NULL);
      g_autofree char *output = g_strconcat ("--output=", path, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      run_figures (&run, "chart", db, cases[i][0], cases[i][1], cases[i][2], output, NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 1000);
      if (g_str_has_suffix (path, ".svg"))
        g_assert_nonnull (strstr (contents, "<svg"));
      else if (g_str_has_suffix (path, ".pdf"))
        g_assert_true (g_str_has_prefix (contents, "%PDF-"));
      else
        g_assert_true (memcmp (contents, "\x89PNG", 4) == 0);
    }
}

/* The text pdftotext finds in the PDF at @path. */
static char *
pdf_text (const char *pdftotext, const char *path)
{
  const char *argv[] = { pdftotext, "-enc", "UTF-8", path, "-", NULL };
  g_autoptr (GError) error = NULL;
  char *text = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &text, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  return text;
}

static void
test_pdf_text (void)
{
  g_auto (Run) run = { 0 };
  g_autofree char *db = NULL;
  g_autofree char *path = NULL;
  g_autofree char *output = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *text = NULL;

  if (!have_index ())
    return;
  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) not installed");
      return;
    }
  db = db_option ();
  path = g_build_filename (tmp_dir, "bars.pdf", NULL);
  output = g_strconcat ("--output=", path, NULL);
  run_figures (&run, "chart", db, "--metric=trainees", "--cities=包头市,呼和浩特市", output, NULL);
  g_assert_cmpint (run.status, ==, 0);

  text = pdf_text (pdftotext, path);
  g_assert_nonnull (strstr (text, "包头市"));
  g_assert_nonnull (strstr (text, "呼和浩特市"));
  g_assert_nonnull (strstr (text, "Source:"));
}

/* --values, --axis, --subtitle and an empty --title reach the file. */
static void
test_options (void)
{
  g_autofree char *db = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const char *formats[] = { "options.pdf", "options.svg", "options.png" };

  if (!have_index ())
    return;
  db = db_option ();

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_auto (Run) run = { 0 };
      g_autofree char *path = g_build_filename (tmp_dir, formats[i], NULL);
      g_autofree char *output = g_strconcat ("--output=", path, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      run_figures (&run, "chart", db, "--metric=funding", "--values=exact", "--axis=log",
                   "--title=", "--subtitle=Money set aside, by city", output, NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.err, ==, "");
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 1000);
      /* Cairo's SVG draws glyphs as outlines: its words are read from the PDF. */
      if (g_str_has_suffix (path, ".pdf") && pdftotext != NULL)
        {
          g_autofree char *text = pdf_text (pdftotext, path);

          g_assert_nonnull (strstr (text, "Money set aside, by city – "));
          g_assert_nonnull (strstr (text, "log scale"));
          /* 包头市's 9.6亿元, every digit */
          g_assert_nonnull (strstr (text, "960,000,000 yuan"));
          g_assert_nonnull (strstr (text, "1B"));
          g_assert_null (strstr (text, "960M"));
          g_assert_null (strstr (text, "Funding by city"));
        }
    }

  /* A broken axis is an axis too */
  {
    g_auto (Run) run = { 0 };
    g_autofree char *path = g_build_filename (tmp_dir, "broken.png", NULL);
    g_autofree char *output = g_strconcat ("--output=", path, NULL);

    run_figures (&run, "chart", db, "--metric=funding", "--axis=broken", output, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  }

  /* Bad values: exit 2, saying what to use. */
  {
    const char *bad[][2] = {
      { "--values=full", "--values=full: use compact or exact" },
      { "--axis=sqrt", "--axis=sqrt: use linear, log or broken" },
    };
    g_autofree char *path = g_build_filename (tmp_dir, "bad.png", NULL);
    g_autofree char *output = g_strconcat ("--output=", path, NULL);

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_auto (Run) run = { 0 };

        run_figures (&run, "chart", db, "--metric=funding", bad[i][0], output, NULL);
        g_assert_cmpint (run.status, ==, 2);
        g_assert_nonnull (strstr (run.err, bad[i][1]));
        g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      }
  }
}

static void
test_chinese_locale (void)
{
  g_autofree char *db = NULL;
  g_autofree char *path = NULL;
  g_autofree char *output = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  const char *argv[] = { g_getenv ("FIGURES_EXE"), "chart", NULL, "--metric=funding", NULL, NULL };
  g_auto (GStrv) envp = g_get_environ ();
  int status;

  if (!have_index ())
    return;
  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) not installed");
      return;
    }
  db = db_option ();
  path = g_build_filename (tmp_dir, "zh.pdf", NULL);
  output = g_strconcat ("--output=", path, NULL);
  argv[2] = db;
  argv[4] = output;
  /* The locale picks the style: 万/亿 and Chinese words. */
  envp = g_environ_setenv (envp, "LC_ALL", "zh_CN.UTF-8", TRUE);
  envp = g_environ_setenv (envp, "LANG", "zh_CN.UTF-8", TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));

  text = pdf_text (pdftotext, path);
  g_assert_nonnull (strstr (text, "各城市资金"));
  g_assert_nonnull (strstr (text, "来源"));
  g_assert_nonnull (strstr (text, "亿元"));
}

/* The year column of `figures stats` rows (TSV, header first) */
static GArray *
stats_years (const char *out)
{
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);
  g_auto (GStrv) header = g_strsplit (lines[0], "\t", -1);
  GArray *years = g_array_new (FALSE, FALSE, sizeof (int));
  int column = -1;

  for (guint i = 0; header[i] != NULL; i++)
    if (strcmp (header[i], "year") == 0)
      column = i;
  g_assert_cmpint (column, >=, 0);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[i], "\t", -1);
      int year;

      if (lines[i][0] == '\0')
        continue;
      year = atoi (fields[column]);
      g_array_append_val (years, year);
    }
  return years;
}

/* --years on stats and chart, --label of other figures, and a chart fit
 * for a report: its subtitle, exact values and a log axis (in a PDF's
 * text); bad values exit 2. */
static void
test_years_labels_options (void)
{
  g_auto (Run) all = { 0 };
  g_auto (Run) some = { 0 };
  g_auto (Run) other = { 0 };
  g_auto (Run) run = { 0 };
  g_autofree char *db = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr (GArray) years = NULL;
  g_autoptr (GArray) selected = NULL;
  g_autofree char *range = NULL;
  int first = G_MAXINT, last = 0;
  guint expected = 0;

  if (!have_index ())
    return;
  db = db_option ();

  /* stats: the rows of the years asked for, bounds included */
  run_figures (&all, "stats", db, NULL);
  g_assert_cmpint (all.status, ==, 0);
  years = stats_years (all.out);
  for (guint i = 0; i < years->len; i++)
    if (g_array_index (years, int, i) > 0)
      {
        first = MIN (first, g_array_index (years, int, i));
        last = MAX (last, g_array_index (years, int, i));
      }
  g_assert_cmpint (first, <, last);
  for (guint i = 0; i < years->len; i++)
    expected += g_array_index (years, int, i) == last;
  range = g_strdup_printf ("--years=%d-%d", last, last);
  run_figures (&some, "stats", db, range, NULL);
  g_assert_cmpint (some.status, ==, 0);
  selected = stats_years (some.out);
  g_assert_cmpuint (selected->len, ==, expected);
  for (guint i = 0; i < selected->len; i++)
    g_assert_cmpint (g_array_index (selected, int, i), ==, last);
  {
    g_auto (Run) open_end = { 0 };
    g_autofree char *from = g_strdup_printf ("--years=%d-", first + 1);
    g_autoptr (GArray) later = NULL;

    run_figures (&open_end, "stats", db, from, NULL);
    g_assert_cmpint (open_end.status, ==, 0);
    later = stats_years (open_end.out);
    g_assert_cmpuint (later->len, >, 0);
    g_assert_cmpuint (later->len, <, years->len);
    for (guint i = 0; i < later->len; i++)
      g_assert_cmpint (g_array_index (later, int, i), >, first);
  }
  for (guint i = 0; i < 4; i++)
    {
      static const char *const bad[] = { "--years=20x", "--years=2022-2020", "--years=-",
                                         "--years=99" };
      g_auto (Run) wrong = { 0 };

      run_figures (&wrong, "stats", db, bad[i], NULL);
      g_assert_cmpint (wrong.status, ==, 2);
      g_assert_nonnull (strstr (wrong.err, "--years"));
    }

  /* chart --label: a label of other figures, else exit 2 */
  run_figures (&other, "stats", db, "--metric=other", NULL);
  g_assert_cmpint (other.status, ==, 0);
  {
    g_auto (GStrv) lines = g_strsplit (other.out, "\n", -1);
    g_auto (GStrv) row = g_strsplit (lines[1], "\t", -1);
    g_autofree char *path = g_build_filename (tmp_dir, "label.png", NULL);
    g_autofree char *output = g_strconcat ("--output=", path, NULL);
    g_autofree char *label = g_strconcat ("--label=", row[9], NULL);
    g_auto (Run) labelled = { 0 };
    g_auto (Run) unknown = { 0 };
    g_auto (Run) no_other = { 0 };

    g_assert_nonnull (row[9]);
    run_figures (&labelled, "chart", db, "--metric=other", label, output, NULL);
    g_assert_cmpint (labelled.status, ==, 0);
    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    run_figures (&unknown, "chart", db, "--metric=other", "--label=没有这个 个", output, NULL);
    g_assert_cmpint (unknown.status, ==, 2);
    g_assert_nonnull (strstr (unknown.err, "没有这个 个"));
    run_figures (&no_other, "chart", db, "--metric=trainees", label, output, NULL);
    g_assert_cmpint (no_other.status, ==, 2);
  }

  /* options, and their bad values */
  {
    static const char *const bad[] = { "--values=round", "--axis=loga" };
    g_autofree char *path = g_build_filename (tmp_dir, "options.pdf", NULL);
    g_autofree char *output = g_strconcat ("--output=", path, NULL);

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_auto (Run) wrong = { 0 };

        run_figures (&wrong, "chart", db, "--metric=funding", bad[i], output, NULL);
        g_assert_cmpint (wrong.status, ==, 2);
      }
    run_figures (&run, "chart", db, "--metric=funding", "--values=exact", "--axis=log",
                 "--subtitle=Funding as the reports state it", "--title=", range, output, NULL);
    g_assert_cmpint (run.status, ==, 0);
    if (pdftotext != NULL)
      {
        g_autofree char *text = pdf_text (pdftotext, path);
        g_autofree char *year = g_strdup_printf ("%d", last);

        g_assert_nonnull (strstr (text, "Funding as the reports state it"));
        g_assert_nonnull (strstr (text, year));
        g_assert_nonnull (strstr (text, "log scale"));
        /* exact: every digit, and no title */
        g_assert_nonnull (strstr (text, ",000 yuan"));
        g_assert_null (strstr (text, "Funding by city"));
      }
    else
      g_test_message ("pdftotext not installed: the PDF's text is not checked");
  }
}

static void
test_errors (void)
{
  g_autofree char *db = NULL;
  g_autofree char *png = NULL;
  g_autofree char *output = NULL;

  if (!have_index ())
    return;
  db = db_option ();
  png = g_build_filename (tmp_dir, "error.png", NULL);
  output = g_strconcat ("--output=", png, NULL);

  /* Usage errors: exit 2. */
  {
    g_auto (Run) run = { 0 };

    run_figures (&run, "chart", db, "--metric=trainee", output, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "unknown metric “trainee”"));
    g_assert_nonnull (strstr (run.err, "did you mean “trainees”"));
  }
  {
    g_auto (Run) run = { 0 };

    run_figures (&run, "chart", db, "--metric=trainees", "--cities=包投市", output, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "unknown city “包投市”"));
    g_assert_nonnull (strstr (run.err, "“包头市”"));
  }
  {
    g_auto (Run) run = { 0 };

    run_figures (&run, "chart", db, "--metric=trainees", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--output"));
  }
  {
    g_auto (Run) run = { 0 };

    run_figures (&run, "chart", db, "--output=chart.gif", "--metric=trainees", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "chart.gif"));
  }
  {
    g_auto (Run) run = { 0 };

    run_figures (&run, "chart", db, output, "--metric=trainees", "--aggregate=mean", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "max, sum or count"));
  }
  {
    g_auto (Run) run = { 0 };

    run_figures (&run, "chart", db, output, "--metric=trainees", "--scale=0", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }

  /* Other failures: exit 1, naming what failed. */
  {
    g_auto (Run) run = { 0 };
    g_autofree char *missing = g_build_filename (tmp_dir, "no", "such", "dir", "chart.png", NULL);
    g_autofree char *bad_output = g_strconcat ("--output=", missing, NULL);

    run_figures (&run, "chart", db, "--metric=trainees", bad_output, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, missing));
  }
  {
    g_auto (Run) run = { 0 };
    g_autofree char *nowhere = g_build_filename (tmp_dir, "missing.db", NULL);
    g_autofree char *bad_db = g_strconcat ("--db=", nowhere, NULL);

    run_figures (&run, "chart", bad_db, "--metric=trainees", output, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, nowhere));
  }
}

static void
test_empty (void)
{
  g_auto (Run) run = { 0 };
  g_autofree char *db = NULL;
  g_autofree char *path = NULL;
  g_autofree char *output = NULL;
  cairo_surface_t *png;

  if (!have_index ())
    return;
  db = db_option ();
  path = g_build_filename (tmp_dir, "empty.png", NULL);
  output = g_strconcat ("--output=", path, NULL);

  /* A real city with nothing in the samples: a chart that says so. */
  run_figures (&run, "chart", db, "--metric=trainees", "--cities=三亚市", output, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.err, "nothing to show"));
  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (png);
}

static void
build_index (void)
{
  const char *exe = g_getenv ("FIGURES_EXE");
  const char *source_dir = g_getenv ("FIGURES_SOURCE_DIR");
  g_autofree char *samples = NULL;
  g_autofree char *db = NULL;
  g_auto (Run) run = { 0 };
  g_autoptr (GError) error = NULL;

  tmp_dir = g_dir_make_tmp ("figures-chart-cli-XXXXXX", &error);
  g_assert_no_error (error);
  if (exe == NULL || source_dir == NULL)
    return;
  samples = g_build_filename (source_dir, "data", "samples", NULL);
  if (!g_file_test (samples, G_FILE_TEST_IS_DIR))
    return;

  db_path = g_build_filename (tmp_dir, "index.db", NULL);
  db = db_option ();
  run_figures (&run, "index", db, samples, NULL);
  if (run.status != 0)
    g_clear_pointer (&db_path, g_free);
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_remove (path);
}

int
main (int argc, char **argv)
{
  int result;

  g_test_init (&argc, &argv, NULL);

  build_index ();

  g_test_add_func ("/chart-cli/png", test_png);
  g_test_add_func ("/chart-cli/kinds-and-formats", test_kinds_and_formats);
  g_test_add_func ("/chart-cli/pdf-text", test_pdf_text);
  g_test_add_func ("/chart-cli/options", test_options);
  g_test_add_func ("/chart-cli/chinese-locale", test_chinese_locale);
  g_test_add_func ("/chart-cli/errors", test_errors);
  g_test_add_func ("/chart-cli/empty", test_empty);
  g_test_add_func ("/chart-cli/years-labels-options", test_years_labels_options);

  result = g_test_run ();

  remove_tree (tmp_dir);
  g_free (tmp_dir);
  g_free (db_path);

  return result;
}
