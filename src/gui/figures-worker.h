/* figures-worker.h: index work on a GTask thread, on its own connection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "figures-index.h"

G_BEGIN_DECLS

/* Runs on a worker thread with a connection opened for this job alone.
 * Returns the result (freed with the job's result_free when unclaimed), or
 * NULL with @error set. */
typedef gpointer (*FiguresWorkerFunc) (FiguresIndex *index,
                                       gpointer data,
                                       GCancellable *cancellable,
                                       GError **error);

/* figures_index_open(), one connection at a time in this process. */
FiguresIndex *figures_worker_open_index (const char *index_path, GError **error);

void figures_worker_run (gpointer source_object,
                         const char *index_path,
                         FiguresWorkerFunc func,
                         gpointer data,
                         GDestroyNotify data_free,
                         GDestroyNotify result_free,
                         GCancellable *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer user_data);
/* The same for a read only: cancelling @cancellable stops its SQLite
 * statement at once (figures_index_interrupt()) rather than at its end */
void figures_worker_run_query (gpointer source_object,
                               const char *index_path,
                               FiguresWorkerFunc func,
                               gpointer data,
                               GDestroyNotify data_free,
                               GDestroyNotify result_free,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data);
gpointer figures_worker_finish (GAsyncResult *result, GError **error);

/* TRUE for errors a user need not see (the job was cancelled). */
gboolean figures_worker_error_is_cancelled (const GError *error);

G_END_DECLS
