/* test-util.c: files and folders for the tests that are not GUI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <grp.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test-util.h"

void
test_write_file (const char *dir, const char *name, const char *contents, gssize len)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
}

void
test_reports_set_up (TestReports *reports, const char *db_name, const char *first_name, ...)
{
  g_autoptr (GError) error = NULL;
  va_list args;

  reports->dir = g_dir_make_tmp ("figures-test-reports-XXXXXX", &error);
  g_assert_no_error (error);
  reports->docs = g_build_filename (reports->dir, "docs", NULL);
  g_assert_cmpint (g_mkdir (reports->docs, 0755), ==, 0);
  va_start (args, first_name);
  for (const char *name = first_name; name != NULL; name = va_arg (args, const char *))
    test_write_file (reports->docs, name, va_arg (args, const char *), -1);
  va_end (args);
  reports->db = g_build_filename (reports->dir, db_name, NULL);
  reports->db_arg = g_strconcat ("--db=", reports->db, NULL);
  g_assert_cmpint (test_run_cli (NULL, NULL, NULL, "index", reports->db_arg, reports->docs, NULL),
                   ==, 0);
}

void
test_reports_clear (TestReports *reports)
{
  test_remove_tree (reports->dir);
  g_clear_pointer (&reports->dir, g_free);
  g_clear_pointer (&reports->docs, g_free);
  g_clear_pointer (&reports->db, g_free);
  g_clear_pointer (&reports->db_arg, g_free);
}

void
test_remove_tree (const char *path)
{
  GDir *dir;

  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    {
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (!g_file_test (child, G_FILE_TEST_IS_SYMLINK) &&
              g_file_test (child, G_FILE_TEST_IS_DIR))
            test_remove_tree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

static void
child_setup (gpointer data)
{
  const TestLimits *limits = data;

  /* a hang guard, not a timed assertion: a hung child fails the test */
  alarm (120);
  if (limits == NULL)
    return;
  if (limits->file_size > 0)
    {
      struct rlimit rl = { limits->file_size, limits->file_size };

      signal (SIGXFSZ, SIG_IGN);
      setrlimit (RLIMIT_FSIZE, &rl);
    }
  if (limits->address_space > 0)
    {
      struct rlimit rl = { limits->address_space, limits->address_space };

      setrlimit (RLIMIT_AS, &rl);
    }
  if (limits->as_nobody && geteuid () == 0)
    {
      if (setgroups (0, NULL) != 0 || setgid (TEST_NOBODY) != 0 || setuid (TEST_NOBODY) != 0)
        _exit (125);
    }
}

int
test_run_cli (const TestLimits *limits, char **out, char **err, const char *first, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *local_out = NULL;
  g_autofree char *local_err = NULL;
  const char *arg;
  va_list args;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("FIGURES_EXE"));
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, child_setup, (gpointer) limits,
                &local_out, &local_err, &status, &error);
  g_assert_no_error (error);
  g_test_message ("figures %s → %d\n%s%s", first, WIFEXITED (status) ? WEXITSTATUS (status) : -1,
                  local_out, local_err);
  if (out != NULL)
    *out = g_steal_pointer (&local_out);
  if (err != NULL)
    *err = g_steal_pointer (&local_err);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}
