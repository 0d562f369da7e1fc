/* test-util.h: files and folders for the tests that are not GUI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sys/resource.h>

G_BEGIN_DECLS

/* Writes @contents (@len bytes, -1: up to its NUL) to @dir/@name. */
void test_write_file  (const char *dir,
                       const char *name,
                       const char *contents,
                       gssize      len);
/* Removes @path and all below it, whatever their modes; links are removed,
 * never followed. */
void test_remove_tree (const char *path);

#define TEST_NOBODY 65534

typedef struct
{
  gboolean as_nobody;   /* when root: drop to nobody, so that modes deny */
  rlim_t file_size;     /* 0: no limit; else writes past it fail (a full disk) */
  rlim_t address_space; /* 0: no limit */
} TestLimits;

/* Runs `$FIGURES_EXE ARGS… NULL` under @limits (may be NULL), killed after
 * two minutes; its exit status, or -1 when it did not exit. */
int  test_run_cli     (const TestLimits *limits,
                       char            **out,
                       char            **err,
                       const char       *first,
                       ...) G_GNUC_NULL_TERMINATED;

/* Reports in a temporary folder, indexed by `figures index` */
typedef struct
{
  char *dir;    /* the temporary folder: removed by test_reports_clear() */
  char *docs;   /* @dir/docs, the reports */
  char *db;     /* the index, @db_name under @dir */
  char *db_arg; /* "--db=…" */
} TestReports;

/* Writes the reports (file name, text, …, NULL) into @reports->docs and
 * indexes them into @db_name ("index.db", "index/index.db") */
void test_reports_set_up (TestReports *reports, const char *db_name, const char *first_name, ...)
  G_GNUC_NULL_TERMINATED;
void test_reports_clear (TestReports *reports);

G_END_DECLS
