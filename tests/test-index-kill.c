/* test-index-kill.c: `figures index` killed with SIGKILL at random moments
 *
 * Every time: the database passes integrity_check, the full-text index
 * agrees with its content, and every document is there with all its
 * statistics or not at all. Then a last run completes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include "figures-tokenizer.h"
#include "test-util.h"

#define N_FILES 1000
#define N_KILLS 6

static const char *const cities[] = { "包头市",     "赤峰市",     "通辽市",
                                      "鄂尔多斯市", "呼伦贝尔市", "乌海市" };

/* Invented sentences, with figures the extractor counts. */
static char *
make_report (GRand *rand, guint n)
{
  GString *s = g_string_new (NULL);
  const char *city = cities[g_rand_int_range (rand, 0, G_N_ELEMENTS (cities))];
  guint paragraphs = g_rand_int_range (rand, 40, 120);

  g_string_append_printf (s, "%s第%u号工作情况通报\n\n", city, n);
  for (guint i = 0; i < paragraphs; i++)
    {
      switch (g_rand_int_range (rand, 0, 4))
        {
          case 0:
            g_string_append_printf (s, "%s全年举办各类培训班%d期，培训干部%d人次。", city,
                                    g_rand_int_range (rand, 2, 90),
                                    g_rand_int_range (rand, 50, 9000));
            break;
          case 1:
            g_string_append_printf (s, "落实专项资金%d万元，实施项目%d个，推动经济发展。",
                                    g_rand_int_range (rand, 10, 5000),
                                    g_rand_int_range (rand, 1, 60));
            break;
          case 2:
            g_string_append_printf (s, "%s坚持民族团结进步，开展宣讲活动%d场次。", city,
                                    g_rand_int_range (rand, 3, 300));
            break;
          default:
            g_string_append (s, "各部门认真落实工作要求，持续改进作风，取得明显成效。");
            break;
        }
      g_string_append (s, "\n");
    }
  return g_string_free (s, FALSE);
}

static void
write_report (GRand *rand, const char *dir, guint n)
{
  g_autofree char *name = g_strdup_printf ("report-%04u.txt", n);
  g_autofree char *path = g_build_filename (dir, n % 3 == 0 ? "sub" : ".", name, NULL);
  g_autofree char *text = make_report (rand, n);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static gint64
query_int (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Returns the number of documents. */
static gint64
check_database (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autoptr (GError) error = NULL;
  gint64 documents;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return 0;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_true (figures_tokenizer_register (db, &error));
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  if (query_int (db, "SELECT count(*) FROM sqlite_master WHERE name = 'documents'") == 0)
    {
      /* killed before the schema was committed */
      sqlite3_close (db);
      return 0;
    }

  /* the full-text index matches the documents exactly */
  if (sqlite3_exec (db, "INSERT INTO search (search) VALUES ('integrity-check')", NULL, NULL,
                    NULL) != SQLITE_OK)
    g_error ("FTS integrity-check: %s", sqlite3_errmsg (db));

  /* each document whole with its statistics, no orphans */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM documents d WHERE n_statistics != "
                                  "(SELECT count(*) FROM statistics s WHERE s.document_id = d.id)"),
                   ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM statistics WHERE document_id NOT IN "
                                  "(SELECT id FROM documents)"),
                   ==, 0);
  documents = query_int (db, "SELECT count(*) FROM documents");
  g_test_message ("%" G_GINT64_FORMAT " documents, %" G_GINT64_FORMAT " statistics", documents,
                  query_int (db, "SELECT count(*) FROM statistics"));
  sqlite3_close (db);
  return documents;
}

static void
test_kill (void)
{
  const char *exe = g_getenv ("FIGURES_EXE");
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *docs = NULL;
  g_autofree char *sub = NULL;
  g_autofree char *db = NULL;
  g_autofree char *db_arg = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (20240312);
  g_autofree char *out = NULL;
  char *argv[5];
  int status = 0;
  guint build_ms;
  /* small transactions, so that kills land between and inside many commits */
  g_auto (GStrv) envp = g_environ_setenv (g_get_environ (), "FIGURES_INDEX_BATCH", "100", TRUE);

  if (exe == NULL)
    {
      g_test_skip ("no $FIGURES_EXE");
      return;
    }

  dir = g_dir_make_tmp ("figures-test-kill-XXXXXX", &error);
  g_assert_no_error (error);
  docs = g_build_filename (dir, "docs", NULL);
  sub = g_build_filename (docs, "sub", NULL);
  g_assert_cmpint (g_mkdir_with_parents (sub, 0755), ==, 0);
  for (guint i = 0; i < N_FILES; i++)
    write_report (rand, docs, i);
  db = g_build_filename (dir, "index.db", NULL);
  db_arg = g_strdup_printf ("--db=%s", db);

  /* how long a whole build takes here, so that the kills land inside one */
  {
    g_autofree char *calibration = g_build_filename (dir, "calibration.db", NULL);
    g_autofree char *calibration_arg = g_strdup_printf ("--db=%s", calibration);
    gint64 start = g_get_monotonic_time ();

    argv[0] = (char *) exe;
    argv[1] = (char *) "index";
    argv[2] = calibration_arg;
    argv[3] = docs;
    argv[4] = NULL;
    g_spawn_sync (NULL, argv, envp, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                  NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    build_ms = MAX ((g_get_monotonic_time () - start) / 1000, 20);
    g_test_message ("a whole build takes %u ms", build_ms);
  }

  argv[2] = db_arg;

  for (guint k = 0; k < N_KILLS; k++)
    {
      GPid pid;
      /* the first kill inside the first build, the others inside updates */
      guint delay = g_rand_int_range (rand, build_ms / 20 + 1, k == 0 ? build_ms : build_ms / 2);

      g_spawn_async (NULL, argv, envp,
                     G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                       G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &pid, &error);
      g_assert_no_error (error);
      g_usleep (delay * 1000);
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_test_message ("run %u killed after %u ms (%s)", k, delay,
                      WIFSIGNALED (status) ? "killed" : "had finished");
      check_database (db);

      /* some files change between runs */
      for (guint i = 0; i < N_FILES / 4; i++)
        write_report (rand, docs, g_rand_int_range (rand, 0, N_FILES));
    }

  g_spawn_sync (NULL, argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status,
                &error);
  g_assert_no_error (error);
  g_test_message ("last run: %s", out);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_cmpint (check_database (db), ==, N_FILES);

  test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/index/kill", test_kill);

  return g_test_run ();
}
