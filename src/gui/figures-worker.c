/* figures-worker.c: index work on a GTask thread, on its own connection
 *
 * SQLite connections are never shared between threads: each job opens the
 * index for itself (cheap: WAL, a few pages) and closes it when done.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-worker"

#include "config.h"

#include "figures-worker.h"

typedef struct
{
  char *index_path;
  FiguresWorkerFunc func;
  gpointer data;
  GDestroyNotify data_free;
  GDestroyNotify result_free;
  gboolean interruptible;
} Job;

/* figures_index_open() creates the schema of a new (or rebuilt) index; two
 * connections doing it at once can drop each other's tables. Opening is
 * quick, so this process opens one connection at a time. */
static GMutex open_mutex;

FiguresIndex *
figures_worker_open_index (const char *index_path, GError **error)
{
  FiguresIndex *index;

  g_mutex_lock (&open_mutex);
  index = figures_index_open (index_path, error);
  g_mutex_unlock (&open_mutex);
  return index;
}

static void
job_free (Job *job)
{
  if (job->data_free != NULL && job->data != NULL)
    job->data_free (job->data);
  g_free (job->index_path);
  g_free (job);
}

static void
interrupt_cb (GCancellable *cancellable, FiguresIndex *index)
{
  figures_index_interrupt (index);
}

static void
worker_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr (FiguresIndex) index = NULL;
  g_autoptr (GError) error = NULL;
  gulong handler = 0;
  gpointer result;

  if (g_task_return_error_if_cancelled (task))
    return;

  index = figures_worker_open_index (job->index_path, &error);
  if (index == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* a query nobody waits for stops in SQLite, not at its end */
  if (job->interruptible && cancellable != NULL)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (interrupt_cb), index, NULL);
  result = job->func (index, job->data, cancellable, &error);
  /* before the connection closes; waits for a call under way */
  if (handler != 0)
    g_cancellable_disconnect (cancellable, handler);
  if (error != NULL)
    {
      if (result != NULL && job->result_free != NULL)
        job->result_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
    }
  else
    g_task_return_pointer (task, result, job->result_free);
}

static void
run (gpointer source_object,
     const char *index_path,
     FiguresWorkerFunc func,
     gpointer data,
     GDestroyNotify data_free,
     GDestroyNotify result_free,
     gboolean interruptible,
     GCancellable *cancellable,
     GAsyncReadyCallback callback,
     gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  Job *job;

  g_return_if_fail (index_path != NULL);
  g_return_if_fail (func != NULL);

  job = g_new0 (Job, 1);
  job->interruptible = interruptible;
  job->index_path = g_strdup (index_path);
  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;

  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, figures_worker_run);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  /* A result that arrives after cancellation is dropped, not delivered. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, worker_thread);
}

void
figures_worker_run (gpointer source_object,
                    const char *index_path,
                    FiguresWorkerFunc func,
                    gpointer data,
                    GDestroyNotify data_free,
                    GDestroyNotify result_free,
                    GCancellable *cancellable,
                    GAsyncReadyCallback callback,
                    gpointer user_data)
{
  run (source_object, index_path, func, data, data_free, result_free, FALSE, cancellable, callback,
       user_data);
}

void
figures_worker_run_query (gpointer source_object,
                          const char *index_path,
                          FiguresWorkerFunc func,
                          gpointer data,
                          GDestroyNotify data_free,
                          GDestroyNotify result_free,
                          GCancellable *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer user_data)
{
  run (source_object, index_path, func, data, data_free, result_free, TRUE, cancellable, callback,
       user_data);
}

gpointer
figures_worker_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
figures_worker_error_is_cancelled (const GError *error)
{
  return error != NULL &&
         (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          g_error_matches (error, FIGURES_INDEX_ERROR, FIGURES_INDEX_ERROR_CANCELLED));
}
