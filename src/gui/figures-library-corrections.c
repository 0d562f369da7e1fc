/* figures-library-corrections.c: the analyst's corrections, through the library
 *
 * Corrections are recorded in corrections.db beside the index (the user's
 * data, see figures-corrections.h) and applied to the index on a worker
 * thread; then the library emits "changed" so that every view, table,
 * chart and CSV shows them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-library"

#include "config.h"

#include "figures-library.h"
#include "figures-worker.h"

/* A job's result: how many corrections it recorded, never NULL (which
 * figures_worker_finish() gives for an error). */
#define JOB_COUNT(n) GINT_TO_POINTER ((n) + 1)

/* Emits "changed" once a job that changed the index is done, then returns
 * the job's count on @task. */
static void
changed_done_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;
  gpointer value = figures_worker_finish (result, &error);

  if (value == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* what every view shows may have changed, as after an update */
  g_signal_emit_by_name (object, "changed", TRUE);
  g_task_return_int (task, GPOINTER_TO_INT (value) - 1);
}

typedef struct
{
  FiguresCorrection *correction;
  char *index_path;
  gboolean undo;
} CorrectJob;

static void
correct_job_free (CorrectJob *job)
{
  figures_correction_free (job->correction);
  g_free (job->index_path);
  g_free (job);
}

static gpointer
correct_job (FiguresIndex *index, gpointer data, GCancellable *cancellable, GError **error)
{
  CorrectJob *job = data;
  g_autofree char *path = figures_corrections_path_for_index (job->index_path);
  g_autoptr (FiguresCorrections) corrections = figures_corrections_open (path, error);
  FiguresCorrection *correction = job->correction;

  if (corrections == NULL)
    return NULL;
  /* a figure named by its file: its report's hash and what was read */
  if (correction->hash == NULL && figures_correction_field_is_report (correction->field))
    {
      g_autoptr (FiguresDocumentInfo) document =
        figures_index_find_document (index, correction->file, error);
      const char *now;

      if (document == NULL)
        return NULL;
      now = correction->field == FIGURES_CORRECTION_FIELD_TITLE  ? document->title
            : correction->field == FIGURES_CORRECTION_FIELD_DATE ? document->date
                                                                 : document->city;
      correction->hash = g_strdup (document->hash);
      if (correction->old_value == NULL)
        correction->old_value = g_strdup (now != NULL ? now : "");
    }
  else if (correction->hash == NULL)
    {
      g_autoptr (FiguresStatisticRow) row =
        figures_index_find_statistic (index, correction->file, correction->start, error);

      if (row == NULL)
        return NULL;
      correction->hash = g_strdup (row->hash);
      if (correction->old_value == NULL)
        correction->old_value =
          figures_correction_field_dup_value (correction->field, row->statistic);
    }
  if (job->undo)
    {
      g_autoptr (GError) local_error = NULL;

      gboolean report = figures_correction_field_is_report (correction->field);

      if (!(report ? figures_corrections_undo_report (corrections, correction->hash, &local_error)
                   : figures_corrections_undo (corrections, correction->hash, correction->start,
                                               &local_error)) &&
          local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  else if (!figures_corrections_add (corrections, correction, error))
    return NULL;
  if (!figures_index_apply_corrections (index, corrections, correction->hash, error))
    return NULL;
  return JOB_COUNT (1);
}

void
figures_library_correct_async (FiguresLibrary *self,
                               const FiguresCorrection *correction,
                               gboolean undo,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data)
{
  CorrectJob *job;
  GTask *task;

  g_return_if_fail (FIGURES_IS_LIBRARY (self));
  g_return_if_fail (correction != NULL && (correction->hash != NULL || correction->file != NULL));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, figures_library_correct_async);
  job = g_new0 (CorrectJob, 1);
  job->correction = figures_correction_new ();
  job->correction->hash = g_strdup (correction->hash);
  job->correction->file = g_strdup (correction->file);
  job->correction->start = correction->start;
  job->correction->action = correction->action;
  job->correction->field = correction->field;
  job->correction->old_value = g_strdup (correction->old_value);
  job->correction->new_value = g_strdup (correction->new_value);
  job->index_path = g_strdup (figures_library_get_index_path (self));
  job->undo = undo;
  figures_worker_run (self, figures_library_get_index_path (self), correct_job, job,
                      (GDestroyNotify) correct_job_free, NULL, cancellable, changed_done_cb, task);
}

gboolean
figures_library_correct_finish (FiguresLibrary *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_int (G_TASK (result), error) >= 0;
}

/* ---- the list ---- */

static gpointer
list_job (FiguresIndex *index, gpointer data, GCancellable *cancellable, GError **error)
{
  const char *index_path = data;
  g_autofree char *path = figures_corrections_path_for_index (index_path);
  g_autoptr (FiguresCorrections) corrections = NULL;
  g_autoptr (GPtrArray) list = NULL;

  /* none made yet: listing them makes no file */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return g_ptr_array_new_with_free_func ((GDestroyNotify) figures_correction_free);
  corrections = figures_corrections_open (path, error);
  if (corrections == NULL)
    return NULL;
  list = figures_corrections_list (corrections, error);
  if (list == NULL || !figures_index_check_corrections (index, list, error))
    return NULL;
  return g_steal_pointer (&list);
}

void
figures_library_list_corrections_async (FiguresLibrary *self,
                                        GCancellable *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer user_data)
{
  const char *index_path;

  g_return_if_fail (FIGURES_IS_LIBRARY (self));

  index_path = figures_library_get_index_path (self);
  figures_worker_run (self, index_path, list_job, g_strdup (index_path), g_free,
                      (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

GPtrArray *
figures_library_list_corrections_finish (FiguresLibrary *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (FIGURES_IS_LIBRARY (self), NULL);
  return figures_worker_finish (result, error);
}

/* ---- export and import ---- */

typedef struct
{
  char *index_path;
  GFile *file;
} FileJob;

static void
file_job_free (FileJob *job)
{
  g_free (job->index_path);
  g_clear_object (&job->file);
  g_free (job);
}

static FileJob *
file_job_new (FiguresLibrary *self, GFile *file)
{
  FileJob *job = g_new0 (FileJob, 1);

  job->index_path = g_strdup (figures_library_get_index_path (self));
  job->file = g_object_ref (file);
  return job;
}

static gpointer
export_job (FiguresIndex *index, gpointer data, GCancellable *cancellable, GError **error)
{
  FileJob *job = data;
  g_autofree char *path = figures_corrections_path_for_index (job->index_path);
  g_autoptr (FiguresCorrections) corrections = figures_corrections_open (path, error);
  g_autoptr (GFileOutputStream) out = NULL;

  if (corrections == NULL)
    return NULL;
  /* written beside and renamed: a failure leaves no half file */
  out =
    g_file_replace (job->file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable, error);
  if (out == NULL || !figures_corrections_export (corrections, G_OUTPUT_STREAM (out), error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, error))
    return NULL;
  return JOB_COUNT (0);
}

void
figures_library_export_corrections_async (FiguresLibrary *self,
                                          GFile *file,
                                          GCancellable *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer user_data)
{
  g_return_if_fail (FIGURES_IS_LIBRARY (self));
  g_return_if_fail (G_IS_FILE (file));

  figures_worker_run (self, figures_library_get_index_path (self), export_job,
                      file_job_new (self, file), (GDestroyNotify) file_job_free, NULL, cancellable,
                      callback, user_data);
}

gboolean
figures_library_export_corrections_finish (FiguresLibrary *self,
                                           GAsyncResult *result,
                                           GError **error)
{
  g_return_val_if_fail (FIGURES_IS_LIBRARY (self), FALSE);
  return figures_worker_finish (result, error) != NULL;
}

static gpointer
import_job (FiguresIndex *index, gpointer data, GCancellable *cancellable, GError **error)
{
  FileJob *job = data;
  g_autofree char *path = figures_corrections_path_for_index (job->index_path);
  g_autoptr (FiguresCorrections) corrections = figures_corrections_open (path, error);
  g_autofree char *source = g_file_get_path (job->file);
  gint added;

  if (corrections == NULL)
    return NULL;
  if (source == NULL)
    {
      g_autofree char *uri = g_file_get_uri (job->file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "“%s” is not a local file", uri);
      return NULL;
    }
  added = figures_corrections_import (corrections, source, error);
  if (added < 0 || !figures_index_apply_corrections (index, corrections, NULL, error))
    return NULL;
  return JOB_COUNT (added);
}

void
figures_library_import_corrections_async (FiguresLibrary *self,
                                          GFile *file,
                                          GCancellable *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer user_data)
{
  GTask *task;

  g_return_if_fail (FIGURES_IS_LIBRARY (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, figures_library_import_corrections_async);
  figures_worker_run (self, figures_library_get_index_path (self), import_job,
                      file_job_new (self, file), (GDestroyNotify) file_job_free, NULL, cancellable,
                      changed_done_cb, task);
}

int
figures_library_import_corrections_finish (FiguresLibrary *self,
                                           GAsyncResult *result,
                                           GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), -1);
  return (int) g_task_propagate_int (G_TASK (result), error);
}
