/* test-cli-extract.c: `figures extract`, the contract users' scripts rely on
 *
 * Spawns $FIGURES_EXE: header line, column count, JSON, --explain, exit statuses
 * 0/1/2, and a file that cannot be read named on stderr while the good
 * file's rows still print.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include <glib.h>
#include <glib/gstdio.h>

#define HEADER "file\tcity\tplace\tmetric\tvalue\tapprox\tunit\tstart\tend\tlabel\tevidence\tyear"

typedef struct
{
  char *dir;
  char *good;
  char *binary;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  /* invented: a title with its city, training, funding with a tab inside */
  const char *report = "包头市民委工作总结\n"
                       "举办培训班6期，培训干部420人次。\n"
                       "拨付专项经费\t150万元，实施项目9个。\n";
  const guint8 binary[] = { 0x00, 0x01, 0x02, 0xff, 0x00, 0x00, 0x10, 0x00 };

  f->dir = g_dir_make_tmp ("figures-cli-extract-XXXXXX", &error);
  g_assert_no_error (error);
  f->good = g_build_filename (f->dir, "good report.txt", NULL);
  f->binary = g_build_filename (f->dir, "binary.txt", NULL);
  g_file_set_contents (f->good, report, -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (f->binary, (const char *) binary, sizeof binary, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_unlink (f->good);
  g_unlink (f->binary);
  g_rmdir (f->dir);
  g_free (f->good);
  g_free (f->binary);
  g_free (f->dir);
}

/* Runs `figures extract ARGS…`; returns the exit status. */
static int
run (const char *const *args, char **out, char **err)
{
  const char *exe = g_getenv ("FIGURES_EXE");
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  int status = 0;

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, (gpointer) exe);
  g_ptr_array_add (argv, (gpointer) "extract");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status,
                &error);
  g_assert_no_error (error);
  if (WIFEXITED (status))
    return WEXITSTATUS (status);
  g_test_message ("figures extract did not exit normally (status %d)", status);
  return -1;
}

static void
test_tsv (Fixture *f, gconstpointer data)
{
  const char *args[] = { f->good, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto (GStrv) lines = NULL;
  guint n_rows = 0;
  gboolean funding = FALSE;

  g_assert_cmpint (run (args, &out, &err), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, HEADER);
  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto (GStrv) cols = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (cols), ==, 12);
      /* no year in the sentences and no date in the report: none */
      g_assert_cmpstr (cols[11], ==, "");
      g_assert_cmpstr (cols[0], ==, f->good);
      g_assert_cmpstr (cols[1], ==, "包头市");
      if (strcmp (cols[3], "funding") == 0)
        {
          funding = TRUE;
          g_assert_cmpstr (cols[4], ==, "1500000");
          g_assert_cmpstr (cols[5], ==, "0");
          g_assert_cmpstr (cols[6], ==, "万元");
          /* the tab inside the evidence became a space */
          g_assert_nonnull (strstr (cols[10], "专项经费 150万元"));
        }
      n_rows++;
    }
  g_assert_cmpuint (n_rows, ==, 4);
  g_assert_true (funding);
}

static void
test_json (Fixture *f, gconstpointer data)
{
  const char *args[] = { "--format=json", f->good, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (args, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, "["));
  g_assert_true (g_str_has_suffix (out, "]\n"));
  g_assert_nonnull (strstr (out, "\"metric\": \"training_sessions\", \"value\": 6, \"approx\": 0"));
  /* the tab inside the evidence is escaped, not written raw */
  g_assert_nonnull (strstr (out, "专项经费\\t150万元"));
  g_assert_null (strchr (out, '\t'));
}

static void
test_bad_file (Fixture *f, gconstpointer data)
{
  g_autofree char *missing = g_build_filename (f->dir, "missing.txt", NULL);
  const char *args[] = { missing, f->good, f->binary, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *missing_line = g_strdup_printf ("figures: %s: ", missing);
  g_autofree char *binary_line = g_strdup_printf ("figures: %s: ", f->binary);

  g_assert_cmpint (run (args, &out, &err), ==, 1);
  g_assert_true (g_str_has_prefix (out, HEADER "\n"));
  g_assert_nonnull (strstr (out, "training_sessions\t6\t0\t期"));
  g_assert_nonnull (strstr (err, missing_line));
  g_assert_nonnull (strstr (err, binary_line));
}

/* --explain adds why_metric and why_city after the contract columns, in
 * TSV and JSON; the contract columns are unchanged. */
static void
test_explain (Fixture *f, gconstpointer data)
{
  const char *args[] = { "--explain", f->good, NULL };
  const char *json_args[] = { "--explain", "--format=json", f->good, NULL };
  g_autofree char *out = NULL, *err = NULL, *json = NULL, *json_err = NULL;
  g_auto (GStrv) lines = NULL;
  gboolean funding = FALSE;

  g_assert_cmpint (run (args, &out, &err), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, HEADER "\twhy_metric\twhy_city");
  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto (GStrv) cols = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (cols), ==, 14);
      g_assert_cmpstr (cols[1], ==, "包头市");
      g_assert_cmpstr (cols[13], ==, "document title 包头市");
      if (strcmp (cols[3], "funding") == 0)
        {
          funding = TRUE;
          g_assert_cmpstr (cols[12], ==, "counted noun 经费");
        }
    }
  g_assert_true (funding);

  g_assert_cmpint (run (json_args, &json, &json_err), ==, 0);
  g_assert_nonnull (strstr (json, "\"why_metric\": \"counted noun 经费\""));
  g_assert_nonnull (strstr (json, "\"why_city\": \"document title 包头市\""));
}

static void
test_usage (Fixture *f, gconstpointer data)
{
  const char *no_files[] = { NULL };
  const char *bad_format[] = { "--format=xml", f->good, NULL };
  const char *bad_option[] = { "--no-such-option", f->good, NULL };
  const char *help[] = { "--help", NULL };
  g_autofree char *out1 = NULL, *err1 = NULL, *out2 = NULL, *err2 = NULL;
  g_autofree char *out3 = NULL, *err3 = NULL, *out4 = NULL, *err4 = NULL;

  g_assert_cmpint (run (no_files, &out1, &err1), ==, 2);
  g_assert_cmpint (run (bad_format, &out2, &err2), ==, 2);
  g_assert_nonnull (strstr (err2, "xml"));
  g_assert_cmpint (run (bad_option, &out3, &err3), ==, 2);
  g_assert_cmpint (run (help, &out4, &err4), ==, 0);
  g_assert_nonnull (strstr (out4, "--format"));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-extract/tsv", Fixture, NULL, fixture_set_up, test_tsv, fixture_tear_down);
  g_test_add ("/cli-extract/json", Fixture, NULL, fixture_set_up, test_json, fixture_tear_down);
  g_test_add ("/cli-extract/bad-file", Fixture, NULL, fixture_set_up, test_bad_file,
              fixture_tear_down);
  g_test_add ("/cli-extract/explain", Fixture, NULL, fixture_set_up, test_explain,
              fixture_tear_down);
  g_test_add ("/cli-extract/usage", Fixture, NULL, fixture_set_up, test_usage, fixture_tear_down);

  return g_test_run ();
}
