/* figures-index-private.h: what the parts of the index share
 *
 * figures-index.c opens the database (schema, ranking, roots),
 * figures-index-update.c brings it up to date with the files,
 * figures-index-search.c searches it, figures-index-statistics.c lists its
 * documents, statistics and skipped files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "figures-corrections.h"
#include "figures-index.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

struct _FiguresIndex
{
  sqlite3 *db;
  char *path;
  gboolean read_only;
};

/* errors: FIGURES_INDEX_ERROR, _CORRUPT when SQLite says the file is damaged */
gboolean _figures_index_set_corrupt (GError **error, sqlite3 *db, const char *detail);
gboolean _figures_index_sqlite_error (GError **error, sqlite3 *db, const char *what);
gboolean _figures_index_exec (sqlite3 *db, const char *sql, GError **error);
sqlite3_stmt *_figures_index_prepare (sqlite3 *db, const char *sql, GError **error);
/* steps a statement that returns no rows, then resets it and its bindings */
gboolean _figures_index_step_done (sqlite3 *db, sqlite3_stmt *stmt, GError **error);
char *_figures_index_column_dup (sqlite3_stmt *stmt, int i);
void _figures_index_bind_text (sqlite3_stmt *stmt, int i, const char *text);
/* the content hash of a file, and the stored (deflated) display text */
guint64 _figures_index_hash64 (const guint8 *data, gsize len);
char *_figures_index_hash_to_string (guint64 h);
guint8 *_figures_index_deflate_text (const char *text, gsize len, gsize *out_len);
char *_figures_index_column_text (sqlite3_stmt *stmt, int i);
/* "435000000", "1.5" → exact decimal */
FiguresDecimal _figures_index_parse_decimal (const char *text);
/* the analyst's corrections (figures-index-corrections.c) */
FiguresCorrections *_figures_index_open_corrections (FiguresIndex *self);
/* applies corrections to documents, its statements prepared once */
typedef struct _FiguresIndexCorrector FiguresIndexCorrector;
FiguresIndexCorrector *_figures_index_corrector_new (sqlite3 *db, GError **error);
void _figures_index_corrector_free (FiguresIndexCorrector *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FiguresIndexCorrector, _figures_index_corrector_free)
/* @corrections: those in force of the document's report, oldest first */
gboolean _figures_index_corrector_apply (FiguresIndexCorrector *self,
                                         GPtrArray *corrections,
                                         gint64 document_id,
                                         GError **error);
/* figures_evidence(document_id, start, end) in SQL, on @db */
gboolean _figures_index_register_evidence (sqlite3 *db, GError **error);
/* roots */
GPtrArray *_figures_index_load_roots (sqlite3 *db, GError **error);
/* One update (or deletion) at a time, across processes: an exclusive
 * lock on "<index>-lock". Returns the descriptor to close(), or -1 with
 * FIGURES_INDEX_ERROR_BUSY when another process holds it. */
int _figures_index_lock_updates (const char *index_path, GError **error);
gboolean _figures_index_under_root (const char *path, const char *root);

G_END_DECLS
