/* figures-library.c: the reports the application shows, and their index
 *
 * The library outlives windows, as Text Editor's session does: it keeps the
 * folders (GSettings), watches them, runs the background update (a GTask
 * on a thread with its own writer connection, reporting progress through
 * idles) and answers the views' questions on worker threads. Views observe
 * it: "changed" when there is more to show, "reset" when what they show
 * belongs to another set of reports and must go at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-library"

#include "config.h"

#include <glib/gi18n.h>

#include "figures-library.h"
#include "figures-worker.h"

/* How often the views may re-read the index while it is being built, and
 * how often the update commits what it has read for them to see. */
#define CHANGED_INTERVAL_USEC (500 * G_TIME_SPAN_MILLISECOND)
#define COMMIT_INTERVAL_MS 500

struct _FiguresLibrary
{
  GObject parent_instance;

  GSettings *settings;
  char *index_path;
  char *samples_dir;
  GStrv roots; /* what the index holds (or is being brought to) */

  GCancellable *cancellable;        /* everything: cancelled in dispose */
  GCancellable *update_cancellable; /* the update under way */
  guint generation;
  gboolean update_queued;
  gboolean rebuild_queued;
  GStrv prune_queued; /* roots kept when the queued update first drops others */
  guint start_timeout;
  guint monitor_timeout;
  GPtrArray *monitors;
  gboolean ready;

  guint files_done;
  guint files_total;
  guint pages_done; /* of a scan being read by OCR */
  guint pages_total;
  gint64 last_changed;
  FiguresIndexSummary last_summary;
  gboolean have_summary;
};

G_DEFINE_FINAL_TYPE (FiguresLibrary, figures_library, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_SAMPLES,
  PROP_INDEXING,
  PROP_READY,
  N_PROPS
};

enum
{
  SIGNAL_CHANGED,
  SIGNAL_RESET,
  SIGNAL_PROGRESS,
  SIGNAL_UPDATED,
  SIGNAL_ERROR,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

GSettings *
figures_library_get_settings (FiguresLibrary *self)
{
  g_return_val_if_fail (FIGURES_IS_LIBRARY (self), NULL);
  return self->settings;
}

const char *
figures_library_get_index_path (FiguresLibrary *self)
{
  g_return_val_if_fail (FIGURES_IS_LIBRARY (self), NULL);
  return self->index_path;
}

gboolean
figures_library_get_samples (FiguresLibrary *self)
{
  g_auto (GStrv) folders = NULL;

  g_return_val_if_fail (FIGURES_IS_LIBRARY (self), FALSE);
  folders = g_settings_get_strv (self->settings, "folders");
  return folders[0] == NULL;
}

gboolean
figures_library_get_indexing (FiguresLibrary *self)
{
  g_return_val_if_fail (FIGURES_IS_LIBRARY (self), FALSE);
  return self->update_cancellable != NULL;
}

gboolean
figures_library_get_ready (FiguresLibrary *self)
{
  g_return_val_if_fail (FIGURES_IS_LIBRARY (self), FALSE);
  return self->ready;
}

void
figures_library_get_progress (FiguresLibrary *self, guint *files_done, guint *files_total)
{
  g_return_if_fail (FIGURES_IS_LIBRARY (self));
  if (files_done != NULL)
    *files_done = self->files_done;
  if (files_total != NULL)
    *files_total = self->files_total;
}

void
figures_library_get_ocr_progress (FiguresLibrary *self, guint *pages_done, guint *pages_total)
{
  g_return_if_fail (FIGURES_IS_LIBRARY (self));
  if (pages_done != NULL)
    *pages_done = self->pages_done;
  if (pages_total != NULL)
    *pages_total = self->pages_total;
}

const FiguresIndexSummary *
figures_library_get_last_summary (FiguresLibrary *self)
{
  g_return_val_if_fail (FIGURES_IS_LIBRARY (self), NULL);
  return self->have_summary ? &self->last_summary : NULL;
}

static GStrv
dup_roots (FiguresLibrary *self)
{
  g_auto (GStrv) folders = g_settings_get_strv (self->settings, "folders");

  if (folders[0] == NULL)
    {
      GStrv roots = g_new0 (char *, 2);
      roots[0] = g_strdup (self->samples_dir);
      return roots;
    }
  return g_steal_pointer (&folders);
}

static void
emit_error (FiguresLibrary *self, const char *message, const GError *error)
{
  g_signal_emit (self, signals[SIGNAL_ERROR], 0, message, error);
}

/* ---- watching the folders ---- */

static gboolean
monitor_timeout_cb (gpointer user_data)
{
  FiguresLibrary *self = user_data;

  self->monitor_timeout = 0;
  figures_library_update (self);
  return G_SOURCE_REMOVE;
}

static void
folder_changed_cb (GFileMonitor *monitor,
                   GFile *file,
                   GFile *other_file,
                   GFileMonitorEvent event,
                   gpointer user_data)
{
  FiguresLibrary *self = user_data;

  if (event == G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT || event == G_FILE_MONITOR_EVENT_DELETED ||
      event == G_FILE_MONITOR_EVENT_CREATED || event == G_FILE_MONITOR_EVENT_MOVED_IN ||
      event == G_FILE_MONITOR_EVENT_MOVED_OUT || event == G_FILE_MONITOR_EVENT_RENAMED)
    {
      /* Coalesce a burst of changes (a folder being copied) into one update. */
      g_clear_handle_id (&self->monitor_timeout, g_source_remove);
      self->monitor_timeout = g_timeout_add_seconds (2, monitor_timeout_cb, self);
    }
}

static void
cancel_monitors (FiguresLibrary *self)
{
  for (guint i = 0; i < self->monitors->len; i++)
    g_file_monitor_cancel (g_ptr_array_index (self->monitors, i));
  g_ptr_array_set_size (self->monitors, 0);
}

static void
setup_monitors (FiguresLibrary *self)
{
  g_auto (GStrv) folders = g_settings_get_strv (self->settings, "folders");

  cancel_monitors (self);
  for (guint i = 0; folders[i] != NULL; i++)
    {
      g_autoptr (GFile) file = g_file_new_for_path (folders[i]);
      g_autoptr (GFileMonitor) monitor = NULL;

      monitor = g_file_monitor_directory (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
      if (monitor == NULL)
        continue;
      g_signal_connect_object (monitor, "changed", G_CALLBACK (folder_changed_cb), self, 0);
      g_ptr_array_add (self->monitors, g_steal_pointer (&monitor));
    }
}

/* ---- the background update ---- */

typedef struct
{
  GWeakRef library;
  guint generation;
  GMutex mutex;
  guint files_done;
  guint files_total;
  guint pages_done;
  guint pages_total;
  gboolean idle_pending;
  gint64 last_report;
} ProgressState;

static void
progress_state_clear (ProgressState *state)
{
  g_weak_ref_clear (&state->library);
  g_mutex_clear (&state->mutex);
}

static void
progress_state_unref (gpointer state)
{
  g_atomic_rc_box_release_full (state, (GDestroyNotify) progress_state_clear);
}

typedef struct
{
  char *index_path;
  GStrv roots;
  GStrv prune_roots; /* when set, first drop whatever is not under these */
  gboolean rebuild;
  gboolean no_ocr;
  ProgressState *state;
} UpdateJob;

static void
update_job_free (UpdateJob *job)
{
  g_free (job->index_path);
  g_strfreev (job->roots);
  g_strfreev (job->prune_roots);
  progress_state_unref (job->state);
  g_free (job);
}

static gboolean
progress_idle_cb (gpointer user_data)
{
  ProgressState *state = user_data;
  g_autoptr (FiguresLibrary) self = g_weak_ref_get (&state->library);
  gint64 now = g_get_monotonic_time ();

  if (self == NULL || state->generation != self->generation)
    return G_SOURCE_REMOVE;

  g_mutex_lock (&state->mutex);
  self->files_done = state->files_done;
  self->files_total = state->files_total;
  self->pages_done = state->pages_done;
  self->pages_total = state->pages_total;
  state->idle_pending = FALSE;
  g_mutex_unlock (&state->mutex);

  g_signal_emit (self, signals[SIGNAL_PROGRESS], 0);

  /* Reports are committed in batches as they are read: let the views show
   * them while the rest is indexed. */
  if (self->files_done > 0 && now - self->last_changed > CHANGED_INTERVAL_USEC)
    {
      self->last_changed = now;
      g_signal_emit (self, signals[SIGNAL_CHANGED], 0, FALSE);
    }
  return G_SOURCE_REMOVE;
}

static void
update_progress_cb (const FiguresIndexProgress *progress, gpointer user_data)
{
  ProgressState *state = user_data;
  gint64 now = g_get_monotonic_time ();
  gboolean schedule = FALSE;

  g_mutex_lock (&state->mutex);
  state->files_done = progress->files_done;
  state->files_total = progress->files_total;
  state->pages_done = progress->pages_done;
  state->pages_total = progress->pages_total;
  if (!state->idle_pending && (now - state->last_report > 50 * G_TIME_SPAN_MILLISECOND ||
                               progress->files_done == progress->files_total))
    {
      state->idle_pending = TRUE;
      state->last_report = now;
      schedule = TRUE;
    }
  g_mutex_unlock (&state->mutex);

  if (schedule)
    g_idle_add_full (G_PRIORITY_DEFAULT, progress_idle_cb, g_atomic_rc_box_acquire (state),
                     progress_state_unref);
}

static void
update_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  UpdateJob *job = task_data;
  g_autoptr (FiguresIndex) index = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree FiguresIndexSummary *summary = g_new0 (FiguresIndexSummary, 1);
  /* reports committed as they come, for the views to show them */
  const FiguresIndexOptions update_options = { .no_ocr = job->no_ocr,
                                               .commit_interval_ms = COMMIT_INTERVAL_MS };

  if (job->rebuild && !figures_index_delete (job->index_path, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  index = figures_worker_open_index (job->index_path, &error);
  if (index == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Folders were dropped: their reports leave the index before any new
   * one is shown, so nothing of them appears beside the new reports. */
  if (job->prune_roots != NULL)
    {
      FiguresIndexSummary pruned = { 0 };

      if (!figures_index_set_roots (index, (const char *const *) job->prune_roots, &error) ||
          !figures_index_update (index, NULL, NULL, NULL, NULL, cancellable, &pruned, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      summary->removed += pruned.removed;
    }

  /* the library's folders are the index's roots */
  {
    FiguresIndexSummary updated = { 0 };

    if (!figures_index_set_roots (index, (const char *const *) job->roots, &error) ||
        !figures_index_update (index, NULL, &update_options, update_progress_cb, job->state,
                               cancellable, &updated, &error))
      {
        g_task_return_error (task, g_steal_pointer (&error));
        return;
      }
    updated.removed += summary->removed;
    *summary = updated;
  }

  g_task_return_pointer (task, g_steal_pointer (&summary), g_free);
}

static void start_update (FiguresLibrary *self, gboolean rebuild, GStrv prune_roots);

static void
update_done_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  FiguresLibrary *self = FIGURES_LIBRARY (object);
  g_autoptr (GError) error = NULL;
  g_autofree FiguresIndexSummary *summary = NULL;
  guint generation = GPOINTER_TO_UINT (user_data);

  summary = g_task_propagate_pointer (G_TASK (result), &error);

  /* A newer run replaced this one. */
  if (generation != self->generation)
    return;

  g_clear_object (&self->update_cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDEXING]);

  if (summary == NULL)
    {
      if (!figures_worker_error_is_cancelled (error))
        {
          g_autofree char *message =
            g_strdup_printf (_ ("The index could not be updated: %s"), error->message);
          emit_error (self, message, error);
        }
    }
  else
    {
      self->last_summary = *summary;
      self->have_summary = TRUE;
    }

  self->last_changed = g_get_monotonic_time ();
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, TRUE);
  g_signal_emit (self, signals[SIGNAL_UPDATED], 0);

  if (self->update_queued || self->rebuild_queued)
    {
      gboolean rebuild = self->rebuild_queued;

      self->update_queued = self->rebuild_queued = FALSE;
      if (!g_cancellable_is_cancelled (self->cancellable))
        start_update (self, rebuild, g_steal_pointer (&self->prune_queued));
    }
}

static void
start_update (FiguresLibrary *self, gboolean rebuild, GStrv prune_roots)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  UpdateJob *job;

  g_clear_handle_id (&self->start_timeout, g_source_remove);
  self->generation++;
  g_set_object (&self->update_cancellable, cancellable);
  /* The library's own cancellable stops this run too. */
  g_cancellable_connect (self->cancellable, G_CALLBACK (g_cancellable_cancel),
                         g_object_ref (cancellable), g_object_unref);

  job = g_new0 (UpdateJob, 1);
  job->index_path = g_strdup (self->index_path);
  job->roots = g_strdupv (self->roots);
  job->prune_roots = prune_roots;
  job->rebuild = rebuild;
  job->no_ocr = !g_settings_get_boolean (self->settings, "ocr");
  job->state = g_atomic_rc_box_new0 (ProgressState);
  g_weak_ref_init (&job->state->library, self);
  g_mutex_init (&job->state->mutex);
  job->state->generation = self->generation;

  self->files_done = self->files_total = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDEXING]);
  g_signal_emit (self, signals[SIGNAL_PROGRESS], 0);

  task = g_task_new (self, cancellable, update_done_cb, GUINT_TO_POINTER (self->generation));
  g_task_set_source_tag (task, start_update);
  g_task_set_task_data (task, job, (GDestroyNotify) update_job_free);
  g_task_run_in_thread (task, update_thread);
}

/* Queues @rebuild or a pruning update behind the one under way. */
static void
queue_update (FiguresLibrary *self, gboolean rebuild, GStrv prune_roots)
{
  if (self->update_cancellable == NULL)
    {
      start_update (self, rebuild, prune_roots);
      return;
    }

  if (rebuild)
    self->rebuild_queued = TRUE;
  else
    self->update_queued = TRUE;
  if (prune_roots != NULL)
    {
      g_strfreev (self->prune_queued);
      self->prune_queued = prune_roots;
    }
  /* Stop the run, then start again with the new folders. */
  g_cancellable_cancel (self->update_cancellable);
}

void
figures_library_update (FiguresLibrary *self)
{
  g_return_if_fail (FIGURES_IS_LIBRARY (self));

  if (!self->ready)
    return;
  queue_update (self, FALSE, NULL);
}

void
figures_library_rebuild (FiguresLibrary *self)
{
  g_return_if_fail (FIGURES_IS_LIBRARY (self));

  g_signal_emit (self, signals[SIGNAL_RESET], 0);
  queue_update (self, TRUE, NULL);
}

void
figures_library_cancel (FiguresLibrary *self)
{
  g_return_if_fail (FIGURES_IS_LIBRARY (self));

  self->update_queued = self->rebuild_queued = FALSE;
  g_clear_pointer (&self->prune_queued, g_strfreev);
  if (self->update_cancellable != NULL)
    g_cancellable_cancel (self->update_cancellable);
}

/* ---- folders ---- */

static void
folders_changed_cb (FiguresLibrary *self)
{
  g_auto (GStrv) old_roots = g_steal_pointer (&self->roots);
  g_autoptr (GStrvBuilder) kept = g_strv_builder_new ();
  gboolean dropped = FALSE;

  self->roots = dup_roots (self);
  for (guint i = 0; old_roots != NULL && old_roots[i] != NULL; i++)
    if (g_strv_contains ((const char *const *) self->roots, old_roots[i]))
      g_strv_builder_add (kept, old_roots[i]);
    else
      dropped = TRUE;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAMPLES]);
  setup_monitors (self);

  if (dropped)
    {
      /* What the views show may come from a dropped folder: they clear now
       * and read again once those reports have left the index. */
      g_signal_emit (self, signals[SIGNAL_RESET], 0);
      queue_update (self, FALSE, g_strv_builder_end (kept));
    }
  else
    queue_update (self, FALSE, NULL);
}

void
figures_library_add_folder (FiguresLibrary *self, const char *path)
{
  g_auto (GStrv) folders = NULL;
  g_autoptr (GStrvBuilder) builder = NULL;
  g_auto (GStrv) updated = NULL;

  g_return_if_fail (FIGURES_IS_LIBRARY (self));
  g_return_if_fail (path != NULL);

  folders = g_settings_get_strv (self->settings, "folders");
  if (g_strv_contains ((const char *const *) folders, path))
    return;

  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **) folders);
  g_strv_builder_add (builder, path);
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "folders", (const char *const *) updated);
}

void
figures_library_remove_folder (FiguresLibrary *self, const char *path)
{
  g_auto (GStrv) folders = NULL;
  g_autoptr (GStrvBuilder) builder = NULL;
  g_auto (GStrv) updated = NULL;

  g_return_if_fail (FIGURES_IS_LIBRARY (self));
  g_return_if_fail (path != NULL);

  folders = g_settings_get_strv (self->settings, "folders");
  builder = g_strv_builder_new ();
  for (guint i = 0; folders[i] != NULL; i++)
    if (g_strcmp0 (folders[i], path) != 0)
      g_strv_builder_add (builder, folders[i]);
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "folders", (const char *const *) updated);
}

/* ---- start ---- */

static gpointer
prepare_job (FiguresIndex *index, gpointer data, GCancellable *cancellable, GError **error)
{
  return GINT_TO_POINTER (TRUE);
}

static gboolean
start_timeout_cb (gpointer user_data)
{
  FiguresLibrary *self = user_data;

  self->start_timeout = 0;
  if (self->update_cancellable == NULL)
    start_update (self, FALSE, NULL);
  return G_SOURCE_REMOVE;
}

static void
prepare_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  FiguresLibrary *self = FIGURES_LIBRARY (object);
  g_autoptr (GError) error = NULL;
  guint delay_ms = GPOINTER_TO_UINT (user_data);

  if (figures_worker_finish (result, &error) == NULL)
    {
      g_autofree char *message = NULL;

      if (figures_worker_error_is_cancelled (error))
        return;
      /* The update reports again why the index cannot be written. */
      message = g_strdup_printf (_ ("The index could not be opened: %s"), error->message);
      emit_error (self, message, error);
    }

  self->ready = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
  if (self->update_cancellable == NULL && self->start_timeout == 0)
    self->start_timeout = g_timeout_add (delay_ms, start_timeout_cb, self);
}

void
figures_library_start (FiguresLibrary *self, guint delay_ms)
{
  g_return_if_fail (FIGURES_IS_LIBRARY (self));

  /* Open (and create) the index once before anything reads it, so no two
   * connections race to create its schema. */
  figures_worker_run (self, self->index_path, prepare_job, NULL, NULL, NULL, self->cancellable,
                      prepare_cb, GUINT_TO_POINTER (delay_ms));
}

/* ---- questions, answered on worker threads ---- */

typedef struct
{
  GPtrArray *hits;
  guint total;
} SearchResult;

static void
search_result_free (SearchResult *found)
{
  g_clear_pointer (&found->hits, g_ptr_array_unref);
  g_free (found);
}

typedef struct
{
  char *query;
  guint limit;
} SearchJob;

static void
search_job_free (SearchJob *job)
{
  g_free (job->query);
  g_free (job);
}

static gpointer
search_job (FiguresIndex *index, gpointer data, GCancellable *cancellable, GError **error)
{
  SearchJob *job = data;
  SearchResult *found = g_new0 (SearchResult, 1);

  found->hits = figures_index_search (index, job->query, job->limit, &found->total, error);
  if (found->hits == NULL)
    {
      search_result_free (found);
      return NULL;
    }
  return found;
}

void
figures_library_search_async (FiguresLibrary *self,
                              const char *query,
                              guint limit,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  SearchJob *job;

  g_return_if_fail (FIGURES_IS_LIBRARY (self));
  g_return_if_fail (query != NULL);

  job = g_new0 (SearchJob, 1);
  job->query = g_strdup (query);
  job->limit = limit;
  figures_worker_run (self, self->index_path, search_job, job, (GDestroyNotify) search_job_free,
                      (GDestroyNotify) search_result_free, cancellable, callback, user_data);
}

GPtrArray *
figures_library_search_finish (FiguresLibrary *self,
                               GAsyncResult *result,
                               guint *total,
                               GError **error)
{
  SearchResult *found;
  GPtrArray *hits;

  g_return_val_if_fail (FIGURES_IS_LIBRARY (self), NULL);

  found = figures_worker_finish (result, error);
  if (total != NULL)
    *total = found != NULL ? found->total : 0;
  if (found == NULL)
    return NULL;
  hits = g_steal_pointer (&found->hits);
  search_result_free (found);
  return hits;
}

/* A mark's strings belong to its layout: the job keeps copies */
typedef struct
{
  FiguresChartMark mark;
  char *city;
  char *metric;
} StatisticsJob;

static void
statistics_job_free (StatisticsJob *job)
{
  g_free (job->city);
  g_free (job->metric);
  g_free (job);
}

static gpointer
statistics_job (FiguresIndex *index, gpointer data, GCancellable *cancellable, GError **error)
{
  StatisticsJob *job = data;
  const char *storage[FIGURES_CHART_FILTER_STORAGE];
  FiguresStatisticsFilter filter;

  figures_chart_mark_to_filter (&job->mark, storage, &filter);
  return figures_index_list_statistics (index, &filter, error);
}

void
figures_library_list_statistics_async (FiguresLibrary *self,
                                       const FiguresChartMark *mark,
                                       GCancellable *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer user_data)
{
  StatisticsJob *job;

  g_return_if_fail (FIGURES_IS_LIBRARY (self));
  g_return_if_fail (mark != NULL);

  job = g_new0 (StatisticsJob, 1);
  job->mark = *mark;
  job->mark.city = job->city = g_strdup (mark->city);
  job->mark.metric = job->metric = g_strdup (mark->metric);
  job->mark.unit = job->mark.label = NULL;
  figures_worker_run (self, self->index_path, statistics_job, job,
                      (GDestroyNotify) statistics_job_free, (GDestroyNotify) g_ptr_array_unref,
                      cancellable, callback, user_data);
}

GPtrArray *
figures_library_list_statistics_finish (FiguresLibrary *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (FIGURES_IS_LIBRARY (self), NULL);
  return figures_worker_finish (result, error);
}

typedef struct
{
  FiguresChartRequest *request;
  FiguresNumberStyle style;
  FiguresChartLanguage language;
} ChartJob;

static void
chart_job_free (ChartJob *job)
{
  figures_chart_request_free (job->request);
  g_free (job);
}

static gpointer
chart_job (FiguresIndex *index, gpointer data, GCancellable *cancellable, GError **error)
{
  ChartJob *job = data;
  FiguresChartData *chart;

  /* the same request as `figures chart` */
  chart = figures_chart_data_new_from_index (index, job->request, error);
  if (chart != NULL)
    {
      figures_chart_data_set_style (chart, job->style);
      figures_chart_data_set_language (chart, job->language);
    }
  return chart;
}

void
figures_library_chart_data_async (FiguresLibrary *self,
                                  const FiguresChartRequest *request,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data)
{
  ChartJob *job;

  g_return_if_fail (FIGURES_IS_LIBRARY (self));
  g_return_if_fail (request != NULL);

  job = g_new0 (ChartJob, 1);
  job->request = figures_chart_request_copy (request);
  job->style = figures_number_style_from_locale ();
  /* the chart speaks the interface's language */
  job->language = figures_chart_language_from_locale ();
  figures_worker_run (self, self->index_path, chart_job, job, (GDestroyNotify) chart_job_free,
                      (GDestroyNotify) figures_chart_data_unref, cancellable, callback, user_data);
}

FiguresChartData *
figures_library_chart_data_finish (FiguresLibrary *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (FIGURES_IS_LIBRARY (self), NULL);
  return figures_worker_finish (result, error);
}

/* ---- GObject ---- */

static void
figures_library_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FiguresLibrary *self = FIGURES_LIBRARY (object);

  switch (prop_id)
    {
      case PROP_SAMPLES:
        g_value_set_boolean (value, figures_library_get_samples (self));
        break;
      case PROP_INDEXING:
        g_value_set_boolean (value, figures_library_get_indexing (self));
        break;
      case PROP_READY:
        g_value_set_boolean (value, self->ready);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
figures_library_dispose (GObject *object)
{
  FiguresLibrary *self = FIGURES_LIBRARY (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->monitor_timeout, g_source_remove);
  g_clear_handle_id (&self->start_timeout, g_source_remove);
  if (self->monitors != NULL)
    cancel_monitors (self);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (figures_library_parent_class)->dispose (object);
}

static void
figures_library_finalize (GObject *object)
{
  FiguresLibrary *self = FIGURES_LIBRARY (object);

  g_clear_pointer (&self->monitors, g_ptr_array_unref);
  g_clear_object (&self->update_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->roots, g_strfreev);
  g_clear_pointer (&self->prune_queued, g_strfreev);
  g_free (self->index_path);
  g_free (self->samples_dir);

  G_OBJECT_CLASS (figures_library_parent_class)->finalize (object);
}

static void
figures_library_class_init (FiguresLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = figures_library_dispose;
  object_class->finalize = figures_library_finalize;
  object_class->get_property = figures_library_get_property;

  properties[PROP_SAMPLES] = g_param_spec_boolean ("samples", NULL, NULL, FALSE, flags);
  properties[PROP_INDEXING] = g_param_spec_boolean ("indexing", NULL, NULL, FALSE, flags);
  properties[PROP_READY] = g_param_spec_boolean ("ready", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* There is more to show: views re-read. The argument is TRUE when an
   * update has finished, FALSE for reports committed while it runs. */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
  /* The set of reports changed (folders, rebuild): views drop what they
   * show now, before anything new arrives. */
  signals[SIGNAL_RESET] = g_signal_new ("reset", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_PROGRESS] = g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* After each update, successful or not. */
  signals[SIGNAL_UPDATED] = g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Something the user should read: the index could not be opened or
   * updated. The message says so; the error says why (a damaged index
   * can be rebuilt). */
  signals[SIGNAL_ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ERROR);
}

static void
figures_library_init (FiguresLibrary *self)
{
  self->cancellable = g_cancellable_new ();
  self->monitors = g_ptr_array_new_with_free_func (g_object_unref);
}

FiguresLibrary *
figures_library_new (GSettings *settings, const char *index_path, const char *samples_dir)
{
  FiguresLibrary *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (index_path != NULL, NULL);

  self = g_object_new (FIGURES_TYPE_LIBRARY, NULL);
  self->settings = g_object_ref (settings);
  self->index_path = g_strdup (index_path);
  self->samples_dir = g_strdup (samples_dir);
  self->roots = dup_roots (self);
  g_signal_connect_object (self->settings, "changed::folders", G_CALLBACK (folders_changed_cb),
                           self, G_CONNECT_SWAPPED);
  setup_monitors (self);
  return self;
}
