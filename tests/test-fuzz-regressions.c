/* test-fuzz-regressions.c: replays the fuzzer's seeds and the inputs that
 * once broke it through the same decode, normalise and extract path
 * (tests/fuzz/fuzz-figures-run.h), without sanitizers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fuzz/fuzz-reports-run.h"

typedef void (*FuzzRun) (const guint8 *data, gsize size);

static void
replay (const char *name, FuzzRun run)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fuzz", name, NULL);
  g_autoptr (GDir) dir = g_dir_open (path, 0, &error);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *entry;

  g_assert_no_error (error);
  while ((entry = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (entry));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_assert_cmpuint (names->len, >, 0);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *file = g_build_filename (path, g_ptr_array_index (names, i), NULL);
      g_autofree char *contents = NULL;
      gsize len = 0;

      if (!g_file_test (file, G_FILE_TEST_IS_REGULAR))
        continue;
      g_file_get_contents (file, &contents, &len, &error);
      g_assert_no_error (error);
      g_test_message ("replaying %s (%" G_GSIZE_FORMAT " bytes)",
                      (const char *) g_ptr_array_index (names, i), len);
      run ((const guint8 *) contents, len);
    }
}

static void
replay_dir (gconstpointer data)
{
  replay (data, fuzz_figures_run);
}

static void
replay_reports_dir (gconstpointer data)
{
  replay (data, fuzz_reports_run);
}

static gboolean
fatal_unless_gsf_cb (const char *domain, GLogLevelFlags level, const char *message, gpointer data)
{
  return domain == NULL || !g_str_has_prefix (domain, "libgsf");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* libgsf warns about the damaged files these tests feed it */
  g_test_log_set_fatal_handler (fatal_unless_gsf_cb, NULL);

  g_test_add_data_func ("/fuzz/corpus", "corpus", replay_dir);
  g_test_add_data_func ("/fuzz/regressions", "regressions", replay_dir);
  g_test_add_data_func ("/fuzz/reports-corpus", "corpus-reports", replay_reports_dir);

  return g_test_run ();
}
