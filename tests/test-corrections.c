/* test-corrections.c: the analyst's corrections — kept, applied, undone,
 * exported and imported, and never lost
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "figures-corrections.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("figures-corrections-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "corrections.db", NULL);
}

static void
remove_all (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  remove_all (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static FiguresStatistic *
statistic (guint start, FiguresMetric metric, const char *value, const char *city)
{
  FiguresStatistic *s = figures_statistic_new ();
  FiguresNumber number;

  g_assert_true (figures_number_parse (value, &number));
  s->start = start;
  s->metric = metric;
  s->value = number.value;
  s->city = g_strdup (city);
  return s;
}

static void
add (FiguresCorrections *store,
     const char *hash,
     guint start,
     FiguresCorrectionAction action,
     FiguresCorrectionField field,
     const char *new_value)
{
  g_autoptr (FiguresCorrection) c = figures_correction_new ();
  g_autoptr (GError) error = NULL;

  c->hash = g_strdup (hash);
  c->file = g_strdup ("/reports/a.txt");
  c->start = start;
  c->action = action;
  c->field = field;
  c->new_value = g_strdup (new_value);
  g_assert_true (figures_corrections_add (store, c, &error));
  g_assert_no_error (error);
}

/* A rejected figure is dropped, a changed one changed, others untouched;
 * all of it survives closing and reopening the store. */
static void
test_apply_and_keep (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  FiguresCorrections *store = figures_corrections_open (f->path, &error);
  g_autoptr (FiguresStatistic) rejected =
    statistic (10, FIGURES_METRIC_FUNDING, "1500000", "包头市");
  g_autoptr (FiguresStatistic) moved = statistic (42, FIGURES_METRIC_TRAINEES, "300", "包头市");
  g_autoptr (FiguresStatistic) other = statistic (42, FIGURES_METRIC_TRAINEES, "300", "包头市");
  g_autoptr (FiguresStatistic) plain = statistic (99, FIGURES_METRIC_PROJECTS, "12", "包头市");
  gboolean corrected = FALSE;

  g_assert_no_error (error);
  add (store, "h1", 10, FIGURES_CORRECTION_REJECT, FIGURES_CORRECTION_FIELD_NONE, NULL);
  add (store, "h1", 42, FIGURES_CORRECTION_SET, FIGURES_CORRECTION_FIELD_CITY, "鄂尔多斯市");
  add (store, "h1", 42, FIGURES_CORRECTION_SET, FIGURES_CORRECTION_FIELD_VALUE, "320");
  figures_corrections_close (store);

  store = figures_corrections_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_false (figures_corrections_apply (store, "h1", rejected, &corrected));
  g_assert_true (corrected);
  g_assert_true (figures_corrections_apply (store, "h1", moved, &corrected));
  g_assert_true (corrected);
  g_assert_cmpstr (moved->city, ==, "鄂尔多斯市");
  g_assert_cmpfloat (figures_decimal_to_double (moved->value), ==, 320);
  /* the same position in another report is another figure */
  g_assert_true (figures_corrections_apply (store, "h2", other, &corrected));
  g_assert_false (corrected);
  g_assert_cmpstr (other->city, ==, "包头市");
  g_assert_true (figures_corrections_apply (store, "h1", plain, &corrected));
  g_assert_false (corrected);
  figures_corrections_close (store);
}

/* Undo marks the latest correction undone; a confirm after a reject
 * brings the figure back. */
static void
test_undo_and_confirm (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  FiguresCorrections *store = figures_corrections_open (f->path, &error);
  g_autoptr (FiguresStatistic) s = statistic (5, FIGURES_METRIC_FUNDING, "800", "通辽市");
  g_autoptr (GPtrArray) list = NULL;

  add (store, "h", 5, FIGURES_CORRECTION_REJECT, FIGURES_CORRECTION_FIELD_NONE, NULL);
  g_assert_false (figures_corrections_apply (store, "h", s, NULL));
  add (store, "h", 5, FIGURES_CORRECTION_CONFIRM, FIGURES_CORRECTION_FIELD_NONE, NULL);
  g_assert_true (figures_corrections_apply (store, "h", s, NULL));
  g_assert_true (figures_corrections_undo (store, "h", 5, &error));
  g_assert_false (figures_corrections_apply (store, "h", s, NULL));
  g_assert_true (figures_corrections_undo (store, "h", 5, &error));
  g_assert_true (figures_corrections_apply (store, "h", s, NULL));
  g_assert_false (figures_corrections_undo (store, "h", 5, &error));
  g_assert_no_error (error);
  list = figures_corrections_list (store, &error);
  g_assert_cmpuint (list->len, ==, 0);
  figures_corrections_close (store);
}

/* A change to a value the figure cannot take is refused with the reason. */
static void
test_invalid (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  FiguresCorrections *store = figures_corrections_open (f->path, &error);
  g_autoptr (FiguresCorrection) c = figures_correction_new ();

  c->hash = g_strdup ("h");
  c->action = FIGURES_CORRECTION_SET;
  c->field = FIGURES_CORRECTION_FIELD_METRIC;
  c->new_value = g_strdup ("fundng");
  g_assert_false (figures_corrections_add (store, c, &error));
  g_assert_error (error, FIGURES_CORRECTIONS_ERROR, FIGURES_CORRECTIONS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "fundng"));
  g_clear_error (&error);
  c->field = FIGURES_CORRECTION_FIELD_YEAR;
  g_free (c->new_value);
  c->new_value = g_strdup ("23");
  g_assert_false (figures_corrections_add (store, c, &error));
  g_assert_error (error, FIGURES_CORRECTIONS_ERROR, FIGURES_CORRECTIONS_ERROR_INVALID);
  figures_corrections_close (store);
}

/* Export, then import into an empty store: the same corrections; importing
 * twice adds nothing; a bad line imports nothing and names the line. */
static void
test_export_import (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  FiguresCorrections *store = figures_corrections_open (f->path, &error);
  g_autofree char *tsv = g_build_filename (f->dir, "shared.tsv", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.tsv", NULL);
  g_autofree char *other_path = g_build_filename (f->dir, "colleague.db", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (tsv);
  g_autoptr (GFileOutputStream) out = NULL;
  g_autofree char *contents = NULL;
  FiguresCorrections *other;
  g_autoptr (GPtrArray) list = NULL;

  add (store, "abc", 7, FIGURES_CORRECTION_REJECT, FIGURES_CORRECTION_FIELD_NONE, NULL);
  add (store, "abc", 9, FIGURES_CORRECTION_SET, FIGURES_CORRECTION_FIELD_METRIC, "investment");
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_true (figures_corrections_export (store, G_OUTPUT_STREAM (out), &error));
  g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (tsv, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "file\tstart\taction\tfield\told\tnew\twhen\thash\n"));
  g_assert_nonnull (strstr (contents, "/reports/a.txt\t9\tset\tmetric\t\tinvestment\t"));

  other = figures_corrections_open (other_path, &error);
  g_assert_cmpint (figures_corrections_import (other, tsv, &error), ==, 2);
  g_assert_cmpint (figures_corrections_import (other, tsv, &error), ==, 0);
  g_assert_no_error (error);
  list = figures_corrections_list (other, &error);
  g_assert_cmpuint (list->len, ==, 2);

  g_file_set_contents (bad,
                       "file\tstart\taction\tfield\told\tnew\twhen\thash\n"
                       "/r.txt\t3\treject\t\t\t\t\tzz\n"
                       "/r.txt\tx\tset\tmetric\t\tfunding\t\tzz\n",
                       -1, NULL);
  g_assert_cmpint (figures_corrections_import (other, bad, &error), ==, -1);
  g_assert_error (error, FIGURES_CORRECTIONS_ERROR, FIGURES_CORRECTIONS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "bad.tsv:3"));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = figures_corrections_list (other, NULL);
  g_assert_cmpuint (list->len, ==, 2);
  figures_corrections_close (other);
  figures_corrections_close (store);
}

/* A store written by a newer Figures is refused and left as it is. */
static void
test_newer_format (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  FiguresCorrections *store = figures_corrections_open (f->path, &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len = 0, after_len = 0;

  add (store, "h", 1, FIGURES_CORRECTION_REJECT, FIGURES_CORRECTION_FIELD_NONE, NULL);
  figures_corrections_close (store);
  {
    g_autofree char *cmd = g_strdup_printf ("sqlite3 '%s' 'PRAGMA user_version = 9'", f->path);
    int status = 0;

    if (!g_spawn_command_line_sync (cmd, NULL, NULL, &status, NULL) || status != 0)
      {
        g_test_skip ("the sqlite3 command is not installed");
        return;
      }
  }
  g_assert_true (g_file_get_contents (f->path, &before, &before_len, NULL));
  g_assert_null (figures_corrections_open (f->path, &error));
  g_assert_error (error, FIGURES_CORRECTIONS_ERROR, FIGURES_CORRECTIONS_ERROR_NEWER);
  g_assert_true (g_file_get_contents (f->path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/corrections/apply-and-keep", Fixture, NULL, fixture_set_up, test_apply_and_keep,
              fixture_tear_down);
  g_test_add ("/corrections/undo-and-confirm", Fixture, NULL, fixture_set_up, test_undo_and_confirm,
              fixture_tear_down);
  g_test_add ("/corrections/invalid", Fixture, NULL, fixture_set_up, test_invalid,
              fixture_tear_down);
  g_test_add ("/corrections/export-import", Fixture, NULL, fixture_set_up, test_export_import,
              fixture_tear_down);
  g_test_add ("/corrections/newer-format", Fixture, NULL, fixture_set_up, test_newer_format,
              fixture_tear_down);

  return g_test_run ();
}
