/* figures-index.h: every report in SQLite, with Chinese full-text search
 *
 * One FiguresIndex is one SQLite connection. Every call may block (disk,
 * ICU): the GUI calls them from GTask threads, never the main loop. A
 * connection is used by one thread at a time; readers open their own
 * FiguresIndex on the same path (WAL lets them read while a writer writes).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "figures-core-types.h"
#include "figures-statistic.h"

G_BEGIN_DECLS

/* FiguresIndexError, FiguresIndex and the statistics types: figures-core-types.h */

/* Creates the database and its folder when missing; rebuilds it (empty)
 * when its schema version or tokenizer is not this build's. */
FiguresIndex *figures_index_open        (const char   *path,
                                         GError      **error);
/* For reading only (search, statistics, charts): never creates, rebuilds
 * or writes anything, so an index on a read-only disk can be read. An index
 * of another schema is FIGURES_INDEX_ERROR_OUTDATED. */
FiguresIndex *figures_index_open_read_only (const char   *path,
                                            GError      **error);
void          figures_index_close       (FiguresIndex *self);
const char   *figures_index_get_path    (FiguresIndex *self);
/* Deletes the index at @path with all its files (to rebuild it): no
 * connection may be open on it. A missing index is no error; one being
 * updated (in any process) is FIGURES_INDEX_ERROR_BUSY, and stays. */
gboolean      figures_index_delete      (const char   *path,
                                         GError      **error);
/* Stops the statement this connection is running (from any thread): it
 * fails, and the connection can be used again. For a query nobody waits for
 * any more. */
void figures_index_interrupt (FiguresIndex *self);
/* When the index last changed (its database or its write-ahead log), as
 * yyyy-mm-dd in local time; NULL when unknown. */
char         *figures_index_dup_date    (FiguresIndex *self);
/* $XDG_DATA_HOME/figures/index.db */
char         *figures_index_dup_default_path (void);

/* ---- building ---- */

typedef struct
{
  guint   files_done;
  guint   files_total;   /* 0 while still walking the folders */
  guint64 bytes_done;
  guint64 bytes_total;
  const char *current_path; /* borrowed, may be NULL */
  guint pages_done;         /* while @current_path, a scan, is read by OCR */
  guint pages_total;        /* 0 otherwise */
} FiguresIndexProgress;

typedef void (*FiguresIndexProgressFunc) (const FiguresIndexProgress *progress,
                                          gpointer                    user_data);

typedef struct
{
  guint indexed;   /* new or changed documents read and stored */
  guint unchanged;
  guint moved;     /* recognised by content hash at a new path */
  guint removed;
  guint skipped;   /* could not be indexed: see figures_index_list_skipped() */
  guint unreadable; /* of @skipped, files or folders that could not be read
                     * (or are not regular files); what they held stays */
} FiguresIndexSummary;

typedef struct
{
  gsize max_file_size;     /* 0: FIGURES_TEXT_DEFAULT_MAX_SIZE */
  gboolean no_ocr;         /* scanned PDF pages are not read */
  guint commit_interval_ms; /* 0: commit in large batches only (fastest);
                             * else also this often, so that readers (the
                             * window's list) see reports as they come */
} FiguresIndexOptions;

/* ---- roots: the folders and files the index covers ---- */

/* Canonical absolute paths, sorted. */
GStrv    figures_index_list_roots  (FiguresIndex       *self,
                                    GError            **error);
/* A path under a root is covered already and not added; roots under a new
 * one are merged into it. */
gboolean figures_index_add_roots   (FiguresIndex       *self,
                                    const char *const  *roots,
                                    GError            **error);
/* FIGURES_INDEX_ERROR_NOT_FOUND when one is not a root (nothing is removed
 * then). Their documents leave the index at the next update. */
gboolean figures_index_remove_roots (FiguresIndex      *self,
                                     const char *const *roots,
                                     GError           **error);
/* Makes @roots the list (the window's folders). */
gboolean figures_index_set_roots   (FiguresIndex       *self,
                                    const char *const  *roots,
                                    GError            **error);

/* Adds @roots (may be NULL) to the index's roots, then brings the index up
 * to date with all of them (folders walked to any depth for the formats
 * figures_report_format_from_name() knows, or single files). Documents
 * under no root are removed; a file or folder that cannot be read now keeps
 * what the index held of it, and is reported as skipped. One update at a time: FIGURES_INDEX_ERROR_BUSY while another
 * (in any process) runs. Progress is reported from the calling thread.
 * Cancelling stops at a document boundary: what was committed stays valid. */
gboolean figures_index_update (FiguresIndex              *self,
                               const char *const         *roots,
                               const FiguresIndexOptions *options,
                               FiguresIndexProgressFunc   progress,
                               gpointer                   progress_data,
                               GCancellable              *cancellable,
                               FiguresIndexSummary       *summary,
                               GError                   **error);

/* ---- documents ---- */

typedef struct
{
  gint64  id;
  char   *path;
  char   *title;
  char   *city;      /* NULL when unknown */
  char   *date;      /* ISO 8601 yyyy-mm-dd, NULL when the text states none */
  char   *encoding;
  guint   n_statistics;
  gint64  size;
  gint64  mtime;     /* seconds since the epoch */
  char *format;      /* "text", "pdf", "docx", "doc", "html" */
  guint page_count;  /* 0 for formats without pages */
  guint ocr_pages;   /* pages read by OCR: > 0 marks a scan */
  guint *page_starts; /* page_count code-point offsets into the text, or NULL */
  char *hash;         /* of the content: what corrections are keyed by */
  gboolean corrected; /* its title, date or city corrected by the analyst */
} FiguresDocumentInfo;

void                 figures_document_info_free (FiguresDocumentInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FiguresDocumentInfo, figures_document_info_free)

typedef enum
{
  FIGURES_DOCUMENT_SORT_TITLE,
  FIGURES_DOCUMENT_SORT_DATE,   /* newest first; undated last */
  FIGURES_DOCUMENT_SORT_CITY,
} FiguresDocumentSort;

guint      figures_index_count_documents (FiguresIndex        *self,
                                          const char          *city, /* NULL: all */
                                          GError             **error);
/* FiguresDocumentInfo*, for a lazily loading list model. */
GPtrArray *figures_index_list_documents  (FiguresIndex        *self,
                                          const char          *city,
                                          FiguresDocumentSort  sort,
                                          guint                offset,
                                          guint                limit,
                                          GError             **error);
FiguresDocumentInfo *figures_index_get_document (FiguresIndex *self,
                                                 gint64        id,
                                                 GError      **error);
/* The display text (what extraction offsets point into). */
char      *figures_index_dup_document_text (FiguresIndex *self,
                                            gint64        id,
                                            GError      **error);

/* ---- statistics ---- */

/* FiguresStatisticRow*, ordered by document then offset. */
GPtrArray *figures_index_list_statistics (FiguresIndex                  *self,
                                          const FiguresStatisticsFilter *filter,
                                          GError                       **error);

/* What a list of statistics is ordered by; ties keep the report's order. */
typedef enum
{
  FIGURES_STATISTIC_SORT_POSITION, /* report by path, then place in it */
  FIGURES_STATISTIC_SORT_CORRECTED,
  FIGURES_STATISTIC_SORT_METRIC, /* in the order of FiguresMetric */
  FIGURES_STATISTIC_SORT_LABEL,
  FIGURES_STATISTIC_SORT_VALUE,
  FIGURES_STATISTIC_SORT_APPROX,
  FIGURES_STATISTIC_SORT_CITY,
  FIGURES_STATISTIC_SORT_PLACE,
  FIGURES_STATISTIC_SORT_YEAR,
  FIGURES_STATISTIC_SORT_TITLE, /* the report's */
} FiguresStatisticSort;

/* For a lazily loading table: the ids (gint64, FiguresStatisticRow.id) of
 * the statistics @filter selects, in order (texts by code point), then
 * figures_index_get_statistics() for the rows of a page. Sorting once
 * makes every page as cheap as the first. */
GArray *figures_index_list_statistic_ids (FiguresIndex *self,
                                          const FiguresStatisticsFilter *filter,
                                          FiguresStatisticSort sort,
                                          gboolean descending,
                                          GError **error);
/* FiguresStatisticRow* of @ids, in their order; NULL for an id no longer
 * in the index (its report was read again, or the index rebuilt). */
GPtrArray *
figures_index_get_statistics (FiguresIndex *self, const gint64 *ids, guint n_ids, GError **error);

/* FiguresAggregateRow*, ordered by city then metric (then year). */
GPtrArray *figures_index_aggregate (FiguresIndex                  *self,
                                    const FiguresStatisticsFilter *filter,
                                    FiguresGroupBy                 group_by,
                                    GError                       **error);

/* Cities that have statistics (of @metric when not NULL), by name. */
GStrv      figures_index_list_cities (FiguresIndex *self,
                                      const char   *metric,
                                      GError      **error);
/* The same for the statistics' labels (by code point), and their years
 * ("2021"), stated or their reports' (oldest first). */
GStrv figures_index_list_labels (FiguresIndex *self, const char *metric, GError **error);
GStrv figures_index_list_years (FiguresIndex *self, const char *metric, GError **error);

/* ---- corrections (figures-corrections.h) ---- */

/* Brings the statistics of the documents with content @hash (NULL: of
 * every report @corrections names) in line with @corrections, in one
 * transaction: a corrected figure takes its new values (the values read
 * are kept, so an undo restores them) and a rejected one leaves every list,
 * sum and chart. The index applies them itself to what it indexes (from
 * corrections.db beside it); call this after recording, undoing or
 * importing corrections. */
gboolean   figures_index_apply_corrections (FiguresIndex       *self,
                                            FiguresCorrections *corrections,
                                            const char         *hash,
                                            GError            **error);

/* The figure at @start of the document at @path (an absolute path as
 * indexed), rejected or not. FIGURES_INDEX_ERROR_NOT_FOUND names what is
 * missing: the document, or a statistic at @start. */
/* The document at @path (absolute, as indexed); FIGURES_INDEX_ERROR_NOT_FOUND
 * when it is not a report of the index. */
FiguresDocumentInfo *
figures_index_find_document (FiguresIndex *self, const char *path, GError **error);

FiguresStatisticRow *figures_index_find_statistic (FiguresIndex *self,
                                                   const char   *path,
                                                   guint         start,
                                                   GError      **error);

/* Whether a document with content @hash has a statistic at @start: a
 * correction of a figure that is not is orphaned. */
gboolean   figures_index_has_statistic (FiguresIndex *self,
                                        const char   *hash,
                                        guint         start,
                                        GError      **error);

/* Sets the @orphaned flag of each FiguresCorrection of @corrections
 * (figures_corrections_list()) from this index. */
gboolean
figures_index_check_corrections (FiguresIndex *self, GPtrArray *corrections, GError **error);

/* ---- search ---- */

typedef struct
{
  gint64  document_id;
  char   *path;
  char   *title;
  char   *city;
  char   *date;
  double  score;        /* bm25: lower is better, as SQLite gives it */
  char   *snippet;      /* plain text cut from the display text */
  GArray *snippet_matches; /* FiguresRange into @snippet */
  guint   first_match;  /* code point of the first match in the display text */
} FiguresSearchHit;

void       figures_search_hit_free (FiguresSearchHit *hit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FiguresSearchHit, figures_search_hit_free)

/* FiguresSearchHit*, best first. Bad syntax is read as plain words, never
 * an error; a query longer than FIGURES_QUERY_MAX_CHARS or with more than
 * FIGURES_QUERY_MAX_TERMS terms is FIGURES_INDEX_ERROR_QUERY_TOO_LONG; other
 * errors are SQLite's. @total, when set, is the number of hits before
 * @limit. */
GPtrArray *figures_index_search (FiguresIndex *self,
                                 const char   *query,
                                 guint         limit,
                                 guint        *total,
                                 GError      **error);

/* ---- files that could not be indexed ---- */

typedef struct
{
  char  *path;
  char  *reason;
  gint64 when;   /* seconds since the epoch */
} FiguresSkippedFile;

void       figures_skipped_file_free (FiguresSkippedFile *skipped);
GPtrArray *figures_index_list_skipped (FiguresIndex *self,
                                       GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FiguresIndex, figures_index_close)

G_END_DECLS
