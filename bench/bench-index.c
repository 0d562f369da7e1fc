/* bench-index.c: building and searching the index, next to FTS5 references
 *
 *   bench-index FIGURES_EXE CORPUS_DIR WORK_DIR
 *
 * Over a corpus made by gen-corpus.py, in one run:
 * 1. references: the same files read and inserted, in one transaction, into
 *    an FTS5 table with tokenize='trigram', then 'unicode61' (in process);
 * 2. `figures index` into an empty database (a child process: wall time,
 *    CPU time and peak resident set size from wait4), including decoding,
 *    metadata and extraction;
 * 3. `figures index` again with nothing changed;
 * 4. search latency (top 20 with snippets, figures_index_search) over fixed
 *    queries of every kind, next to `grep -c` for the same text over the files
 *    (only this with --search-only, on the database of an earlier run).
 * See bench/README.md and bench/bench-index.sh.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-bench-index"

#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bench-util.h"
#include "figures-index.h"
#include "figures-tokenizer.h"

#define SEARCH_ROUNDS 5

/* Queries of every kind; the second column is what grep looks for. */
static const char *const queries[][2] = {
  { "的", "的" },
  { "市", "市" },
  { "培", "培" },
  { "蒙", "蒙" },
  { "培训", "培训" },
  { "民族", "民族" },
  { "资金", "资金" },
  { "项目", "项目" },
  { "干部", "干部" },
  { "人大", "人大" },
  { "代表", "代表" },
  { "宣传", "宣传" },
  { "教育", "教育" },
  { "经济", "经济" },
  { "群众", "群众" },
  { "培训班", "培训班" },
  { "共同体", "共同体" },
  { "呼和浩特", "呼和浩特" },
  { "民族团结", "民族团结" },
  { "高质量发展", "高质量发展" },
  { "乡村振兴", "乡村振兴" },
  { "中华民族共同体意识", "中华民族共同体意识" },
  { "铸牢中华民族共同体意识", "铸牢中华民族共同体意识" },
  { "人次", "人次" },
  { "万元", "万元" },
  { "2023", "2023" },
  { "2024年", "2024年" },
  { "發展", "發展" },
  { "團結", "團結" },
  { "經濟發展", "經濟發展" },
  { "\"民族团结进步\"", "民族团结进步" },
  { "\"推动高质量发展\"", "推动高质量发展" },
  { "培训 资金", "培训" },
  { "民族 团结 干部", "民族" },
  { "培训 OR 轮训", "培训" },
  { "宣讲 OR 讲座 OR 研讨", "宣讲" },
  { "培训 -资金", "培训" },
  { "民族 -宣传", "民族" },
  { "city:呼和浩特市 培训", "培训" },
  { "city:包头市 民族", "民族" },
  { "不存在的词语组合", "不存在的词语组合" },
  { "量子计算机", "量子计算机" },
};

static double
now_seconds (void)
{
  return (double) g_get_monotonic_time () / G_USEC_PER_SEC;
}

static double
cpu_seconds (const struct rusage *usage)
{
  return usage->ru_utime.tv_sec + usage->ru_utime.tv_usec / 1e6 + usage->ru_stime.tv_sec +
         usage->ru_stime.tv_usec / 1e6;
}

static void
collect_files (const char *dir, GPtrArray *files, guint64 *bytes)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      char *path = g_build_filename (dir, name, NULL);
      GStatBuf st;

      if (g_stat (path, &st) == 0 && S_ISDIR (st.st_mode))
        {
          collect_files (path, files, bytes);
          g_free (path);
        }
      else if (g_str_has_suffix (name, ".txt"))
        {
          *bytes += st.st_size;
          g_ptr_array_add (files, path);
        }
      else
        g_free (path);
    }
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size : 0;
}

static gint64
db_size (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  return file_size (path) + file_size (wal);
}

static void
remove_db (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

/* The FTS5 reference: every file read and inserted in one transaction. */
static double
reference_build (const char *path, const char *tokenizer, GPtrArray *files, double *cpu)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *create = g_strdup_printf ("CREATE VIRTUAL TABLE t USING fts5 (text, "
                                             "tokenize='%s')",
                                             tokenizer);
  struct rusage before, after;
  double start;

  remove_db (path);
  getrusage (RUSAGE_SELF, &before);
  start = now_seconds ();
  if (sqlite3_open (path, &db) != SQLITE_OK ||
      (strcmp (tokenizer, "figures") == 0 && !figures_tokenizer_register (db, NULL)) ||
      sqlite3_exec (db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_exec (db, create, NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "INSERT INTO t (text) VALUES (?1)", -1, &stmt, NULL) != SQLITE_OK)
    g_error ("reference %s: %s", tokenizer, sqlite3_errmsg (db));
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *data = NULL;
      gsize len = 0;

      if (!g_file_get_contents (files->pdata[i], &data, &len, NULL))
        continue;
      sqlite3_bind_text (stmt, 1, data, len, SQLITE_STATIC);
      sqlite3_step (stmt);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  if (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    g_error ("reference %s: %s", tokenizer, sqlite3_errmsg (db));
  sqlite3_close (db);
  getrusage (RUSAGE_SELF, &after);
  *cpu = cpu_seconds (&after) - cpu_seconds (&before);
  return now_seconds () - start;
}

/* Runs argv; returns the wall time, sets CPU time and peak RSS (KB). */
static double
run_child (char **argv, double *cpu, long *maxrss_kb, char **out)
{
  int pipe_fds[2];
  struct rusage usage;
  int status = 0;
  double start = now_seconds ();
  GString *output = g_string_new (NULL);
  pid_t pid;
  char buf[4096];
  ssize_t n;

  if (pipe (pipe_fds) != 0)
    g_error ("pipe failed");
  pid = fork ();
  if (pid == 0)
    {
      dup2 (pipe_fds[1], STDOUT_FILENO);
      close (pipe_fds[0]);
      close (pipe_fds[1]);
      execv (argv[0], argv);
      _exit (127);
    }
  close (pipe_fds[1]);
  while ((n = read (pipe_fds[0], buf, sizeof buf)) > 0)
    g_string_append_len (output, buf, n);
  close (pipe_fds[0]);
  if (wait4 (pid, &status, 0, &usage) != pid)
    g_error ("wait4 failed");
  /* grep says 1 when it finds nothing */
  if (!WIFEXITED (status) || WEXITSTATUS (status) > 1)
    g_printerr ("warning: %s exited with status %d\n", argv[0], status);
  *cpu = cpu_seconds (&usage);
  *maxrss_kb = usage.ru_maxrss;
  if (out != NULL)
    *out = g_strchomp (g_string_free (output, FALSE));
  else
    g_string_free (output, TRUE);
  return now_seconds () - start;
}

static double
percentile (GArray *values, double p)
{
  guint i;

  g_array_sort (values, bench_compare_doubles);
  i = (guint) (p * (values->len - 1) + 0.5);
  return g_array_index (values, double, MIN (i, values->len - 1));
}

int
main (int argc, char **argv)
{
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) latencies = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) grep_latencies = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GError) error = NULL;
  g_autofree char *db = NULL;
  g_autofree char *db_arg = NULL;
  g_autofree char *trigram_db = NULL;
  g_autofree char *unicode_db = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *summary2 = NULL;
  FiguresIndex *index;
  guint64 bytes = 0;
  double trigram_time, unicode_time, figures_time, again_time, tokenizer_time;
  double trigram_cpu, unicode_cpu, figures_cpu, again_cpu, tokenizer_cpu;
  gint64 tokenizer_size;
  long maxrss = 0, again_maxrss = 0;
  gint64 trigram_size, unicode_size, figures_size;
  char *child_argv[5];
  gboolean search_only = FALSE;

  if (argc == 5 && strcmp (argv[4], "--search-only") == 0)
    search_only = TRUE;
  else if (argc != 4)
    {
      g_printerr ("Usage: bench-index FIGURES_EXE CORPUS_DIR WORK_DIR [--search-only]\n");
      return 2;
    }
  g_mkdir_with_parents (argv[3], 0755);
  collect_files (argv[2], files, &bytes);
  if (files->len == 0)
    {
      g_printerr ("bench-index: no .txt files under %s\n", argv[2]);
      return 1;
    }
  printf ("corpus: %s, %u files, %.1f MB\n", argv[2], files->len, bytes / 1e6);

  /* warm the page cache so that every build reads from memory */
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *data = NULL;
      g_file_get_contents (files->pdata[i], &data, NULL, NULL);
    }

  trigram_db = g_build_filename (argv[3], "trigram.db", NULL);
  unicode_db = g_build_filename (argv[3], "unicode61.db", NULL);
  db = g_build_filename (argv[3], "figures.db", NULL);
  db_arg = g_strdup_printf ("--db=%s", db);

  if (search_only)
    goto search;

  trigram_time = reference_build (trigram_db, "trigram", files, &trigram_cpu);
  trigram_size = db_size (trigram_db);
  unicode_time = reference_build (unicode_db, "unicode61", files, &unicode_cpu);
  unicode_size = db_size (unicode_db);
  {
    g_autofree char *tokenizer_db = g_build_filename (argv[3], "tokenizer.db", NULL);
    tokenizer_time = reference_build (tokenizer_db, "figures", files, &tokenizer_cpu);
    tokenizer_size = db_size (tokenizer_db);
  }

  remove_db (db);
  child_argv[0] = argv[1];
  child_argv[1] = (char *) "index";
  child_argv[2] = db_arg;
  child_argv[3] = argv[2];
  child_argv[4] = NULL;
  figures_time = run_child (child_argv, &figures_cpu, &maxrss, &summary);
  figures_size = db_size (db);
  again_time = run_child (child_argv, &again_cpu, &again_maxrss, &summary2);

  printf ("\n== build (wall s, CPU s, database size) ==\n");
  printf ("fts5 trigram (reference)   %7.2f s  cpu %7.2f s  %7.1f MB (%.2f× text)\n", trigram_time,
          trigram_cpu, trigram_size / 1e6, (double) trigram_size / bytes);
  printf ("fts5 unicode61 (reference) %7.2f s  cpu %7.2f s  %7.1f MB (%.2f× text)\n", unicode_time,
          unicode_cpu, unicode_size / 1e6, (double) unicode_size / bytes);
  printf ("fts5 figures tokenizer only %6.2f s  cpu %7.2f s  %7.1f MB (%.2f× text)\n",
          tokenizer_time, tokenizer_cpu, tokenizer_size / 1e6, (double) tokenizer_size / bytes);
  printf ("figures index              %7.2f s  cpu %7.2f s  %7.1f MB (%.2f× text)  [%s]\n",
          figures_time, figures_cpu, figures_size / 1e6, (double) figures_size / bytes, summary);
  printf ("speed-up over trigram: %.2f× wall, %.2f× CPU (target ≥ 2×); over unicode61: %.2f× "
          "wall\n",
          trigram_time / figures_time, trigram_cpu / figures_cpu, unicode_time / figures_time);
  printf ("peak memory of figures index: %.1f MB (target < 150 MB)\n", maxrss / 1024.0);
  printf ("second run, nothing changed: %.3f s (target < 1 s), peak %.1f MB  [%s]\n", again_time,
          again_maxrss / 1024.0, summary2);

search:
  index = figures_index_open (db, &error);
  if (index == NULL)
    g_error ("%s", error->message);
  printf ("\n== search: top 20 with snippets (as `figures search`), %d rounds; grep -c over the "
          "files ==\n",
          SEARCH_ROUNDS);
  printf ("%-28s %8s %9s %9s\n", "query", "hits", "figures", "grep -c");
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      double best = G_MAXDOUBLE;
      guint total = 0;
      double grep_time;
      double grep_cpu;
      long grep_rss;
      char *grep_argv[] = {
        (char *) "/usr/bin/grep", (char *) "-r", (char *) "-c", (char *) "-F", (char *) "--",
        (char *) queries[q][1],   argv[2],       NULL
      };

      for (guint r = 0; r < SEARCH_ROUNDS; r++)
        {
          g_autoptr (GPtrArray) hits = NULL;
          double start = now_seconds ();
          double elapsed;

          hits = figures_index_search (index, queries[q][0], 20, NULL, &error);
          elapsed = now_seconds () - start;
          if (hits == NULL)
            g_error ("%s: %s", queries[q][0], error->message);
          g_array_append_val (latencies, elapsed);
          best = MIN (best, elapsed);
        }
      g_ptr_array_unref (figures_index_search (index, queries[q][0], 1, &total, NULL));
      grep_time = run_child (grep_argv, &grep_cpu, &grep_rss, NULL);
      g_array_append_val (grep_latencies, grep_time);
      printf ("%-28s %8u %7.1fms %7.1fms\n", queries[q][0], total, best * 1000, grep_time * 1000);
    }
  figures_index_close (index);

  printf ("search latency over %u queries × %d: p50 %.1f ms, p95 %.1f ms, max %.1f ms "
          "(target p95 < 30 ms)\n",
          (guint) G_N_ELEMENTS (queries), SEARCH_ROUNDS, percentile (latencies, 0.5) * 1000,
          percentile (latencies, 0.95) * 1000, percentile (latencies, 1.0) * 1000);
  printf ("grep -c reference: p50 %.1f ms, p95 %.1f ms\n", percentile (grep_latencies, 0.5) * 1000,
          percentile (grep_latencies, 0.95) * 1000);

  return 0;
}
