/* figures-library.h: the reports the application shows, and their index
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "figures-chart.h"
#include "figures-corrections.h"
#include "figures-index.h"

G_BEGIN_DECLS

#define FIGURES_TYPE_LIBRARY (figures_library_get_type ())

G_DECLARE_FINAL_TYPE (FiguresLibrary, figures_library, FIGURES, LIBRARY, GObject)

FiguresLibrary *
figures_library_new (GSettings *settings, const char *index_path, const char *samples_dir);
GSettings *figures_library_get_settings (FiguresLibrary *self);
const char *figures_library_get_index_path (FiguresLibrary *self);
/* TRUE while no folder is chosen and the bundled samples are shown. */
gboolean figures_library_get_samples (FiguresLibrary *self);
gboolean figures_library_get_indexing (FiguresLibrary *self);
/* Files done and found by the update under way (0 and 0 while looking). */
/* While a scanned report is read by OCR: its pages read, of all (0 of 0
 * otherwise) */
void figures_library_get_ocr_progress (FiguresLibrary *self, guint *pages_done, guint *pages_total);
void figures_library_get_progress (FiguresLibrary *self, guint *files_done, guint *files_total);
/* The summary of the last update that finished, or NULL. */
const FiguresIndexSummary *figures_library_get_last_summary (FiguresLibrary *self);

/* Opens (and creates) the index once, then brings it up to date after
 * @delay_ms. "ready" is notified when the index can be read. */
void figures_library_start (FiguresLibrary *self, guint delay_ms);
gboolean figures_library_get_ready (FiguresLibrary *self);
/* Brings the index up to date in the background (queued behind a run). */
void figures_library_update (FiguresLibrary *self);
/* Forgets the index and reads every report again. */
void figures_library_rebuild (FiguresLibrary *self);
void figures_library_cancel (FiguresLibrary *self);

void figures_library_add_folder (FiguresLibrary *self, const char *path);
void figures_library_remove_folder (FiguresLibrary *self, const char *path);

/* Search: the best @limit hits and the number of reports that match. */
void figures_library_search_async (FiguresLibrary *self,
                                   const char *query,
                                   guint limit,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
GPtrArray *figures_library_search_finish (FiguresLibrary *self,
                                          GAsyncResult *result,
                                          guint *total,
                                          GError **error);

/* The statistics behind a chart's bar or point, as FiguresStatisticRow
 * (figures_chart_mark_to_filter()). */
void figures_library_list_statistics_async (FiguresLibrary *self,
                                            const FiguresChartMark *mark,
                                            GCancellable *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer user_data);
GPtrArray *
figures_library_list_statistics_finish (FiguresLibrary *self, GAsyncResult *result, GError **error);

/* Records @correction (or, with @undo, undoes the latest correction of its
 * figure) in the corrections beside the index, applies them to the index,
 * then emits "changed" so that every view shows it. A @correction without
 * a hash names its figure by @file (as indexed) and @start. */
void figures_library_correct_async (FiguresLibrary *self,
                                    const FiguresCorrection *correction,
                                    gboolean undo,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer user_data);
gboolean
figures_library_correct_finish (FiguresLibrary *self, GAsyncResult *result, GError **error);

/* The corrections in force (FiguresCorrection *, oldest first), each
 * marked orphaned when its figure is no longer in the index. */
void figures_library_list_corrections_async (FiguresLibrary *self,
                                             GCancellable *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer user_data);
GPtrArray *figures_library_list_corrections_finish (FiguresLibrary *self,
                                                    GAsyncResult *result,
                                                    GError **error);

/* Writes the corrections to @file as TSV (figures_corrections_export()). */
void figures_library_export_corrections_async (FiguresLibrary *self,
                                               GFile *file,
                                               GCancellable *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer user_data);
gboolean figures_library_export_corrections_finish (FiguresLibrary *self,
                                                    GAsyncResult *result,
                                                    GError **error);

/* Adds the corrections of a TSV @file (all or none), applies them, then
 * emits "changed". Returns the number added, -1 on error. */
void figures_library_import_corrections_async (FiguresLibrary *self,
                                               GFile *file,
                                               GCancellable *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer user_data);
int figures_library_import_corrections_finish (FiguresLibrary *self,
                                               GAsyncResult *result,
                                               GError **error);

/* The chart @request asks for (copied), in the interface's language, as
 * `figures chart` draws it. */
void figures_library_chart_data_async (FiguresLibrary *self,
                                       const FiguresChartRequest *request,
                                       GCancellable *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer user_data);
FiguresChartData *
figures_library_chart_data_finish (FiguresLibrary *self, GAsyncResult *result, GError **error);

G_END_DECLS
