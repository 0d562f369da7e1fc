/* figures-csv.h: statistics rows as CSV (UTF-8 with a BOM, for spreadsheets)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "figures-index.h"

G_BEGIN_DECLS

/* Writes FiguresStatisticRow* @rows to @file, replacing it. Blocking: call
 * it from a worker thread. */
gboolean figures_csv_write_statistics (GFile *file,
                                       GPtrArray *rows,
                                       GCancellable *cancellable,
                                       GError **error);

/* Writes the statistics @filter selects (its cities, metrics, labels and
 * years) as CSV, read on a worker thread. */
void figures_csv_export_async (gpointer source_object,
                               const char *index_path,
                               const FiguresStatisticsFilter *filter,
                               GFile *file,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data);
/* The number of rows written, or -1 with @error set. */
gssize figures_csv_export_finish (GAsyncResult *result, GError **error);

/* A ready callback for figures_csv_export_async() whose @user_data is a
 * reference to the GFile written (it is released): tells the window of the
 * source widget how many rows were exported, or why not. */
void figures_csv_export_done_cb (GObject *source_object, GAsyncResult *result, gpointer user_data);

G_END_DECLS
