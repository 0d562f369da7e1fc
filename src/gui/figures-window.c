/* figures-window.c: the main window
 *
 * The window owns the background index update: a GTask on a thread with its
 * own writer connection, reporting progress to the banner through idles.
 * The views read through their own connections (figures-worker.c), so the
 * window stays usable and shows reports as soon as any are committed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "figures-document-list.h"
#include "figures-window-private.h"
#include "figures-worker.h"

G_DEFINE_FINAL_TYPE (FiguresWindow, figures_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_INDEXING,
  N_PROPS
};

enum
{
  SIGNAL_INDEX_UPDATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* How often the views re-read the index while it is being built. */
#define REFRESH_INTERVAL_USEC (800 * G_TIME_SPAN_MILLISECOND)
/* How long after opening the window its background update starts. */
#define START_DELAY_MS 400

GSettings *
figures_window_get_settings (FiguresWindow *self)
{
  g_return_val_if_fail (FIGURES_IS_WINDOW (self), NULL);
  return self->settings;
}

const char *
figures_window_get_index_path (FiguresWindow *self)
{
  g_return_val_if_fail (FIGURES_IS_WINDOW (self), NULL);
  return self->index_path;
}

const char *
figures_window_get_query (FiguresWindow *self)
{
  g_return_val_if_fail (FIGURES_IS_WINDOW (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

gboolean
figures_window_get_indexing (FiguresWindow *self)
{
  g_return_val_if_fail (FIGURES_IS_WINDOW (self), FALSE);
  return self->index_cancellable != NULL;
}

static void
add_toast (FiguresWindow *self, AdwToast *toast)
{
  g_set_weak_pointer (&self->toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
figures_window_show_message (FiguresWindow *self, const char *message)
{
  AdwToast *toast;
  g_autofree char *escaped = NULL;

  g_return_if_fail (FIGURES_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  /* A toast's title is markup. */
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  add_toast (self, toast);
}

void
figures_window_show_exported (FiguresWindow *self, GFile *file)
{
  AdwToast *toast;
  g_autofree char *basename = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *title = NULL;
  GtkWidget *box, *label, *button;

  g_return_if_fail (FIGURES_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  basename = g_file_get_basename (file);
  uri = g_file_get_uri (file);
  /* Translators: a toast after an export; %s is the file name */
  title = g_strdup_printf (_ ("Saved “%s”"), basename);

  /* A toast has one button: Open; Show in Folder sits in its title. */
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  label = gtk_label_new (title);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (label, "heading");
  button = gtk_button_new_with_label (_ ("Show in Folder"));
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-in-folder");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", uri);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);

  toast = adw_toast_new (title);
  adw_toast_set_custom_title (toast, box);
  adw_toast_set_button_label (toast, _ ("Open"));
  adw_toast_set_action_name (toast, "win.open-file");
  adw_toast_set_action_target (toast, "s", uri);
  add_toast (self, toast);
}

void
figures_window_set_view (FiguresWindow *self, const char *name)
{
  g_return_if_fail (FIGURES_IS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->stack, name);
}

FiguresChartView *
_figures_window_get_chart_view (FiguresWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (name, "compare") == 0)
    return self->compare_view;
  return self->charts_view;
}

void
figures_window_open_document (FiguresWindow *self, gint64 document_id, guint offset)
{
  g_return_if_fail (FIGURES_IS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->stack, "documents");
  figures_documents_view_open_document (self->documents_view, document_id, offset);
}

static void
reload_views (FiguresWindow *self)
{
  g_debug ("re-reading the index");
  self->last_refresh = g_get_monotonic_time ();
  figures_documents_view_reload (self->documents_view);
  figures_chart_view_reload (self->charts_view);
  figures_chart_view_reload (self->compare_view);
}

/* ---- folders ---- */

static GStrv
dup_roots (FiguresWindow *self, gboolean *samples)
{
  g_auto (GStrv) folders = g_settings_get_strv (self->settings, "folders");

  *samples = folders[0] == NULL;
  if (*samples)
    {
      GStrv roots = g_new0 (char *, 2);
      roots[0] = g_strdup (self->samples_dir);
      return roots;
    }
  return g_steal_pointer (&folders);
}

static gboolean
monitor_timeout_cb (gpointer user_data)
{
  FiguresWindow *self = user_data;

  self->monitor_timeout = 0;
  figures_window_update_index (self);
  return G_SOURCE_REMOVE;
}

static void
folder_changed_cb (GFileMonitor *monitor,
                   GFile *file,
                   GFile *other_file,
                   GFileMonitorEvent event,
                   gpointer user_data)
{
  FiguresWindow *self = user_data;

  if (event == G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT || event == G_FILE_MONITOR_EVENT_DELETED ||
      event == G_FILE_MONITOR_EVENT_CREATED || event == G_FILE_MONITOR_EVENT_MOVED_IN ||
      event == G_FILE_MONITOR_EVENT_MOVED_OUT || event == G_FILE_MONITOR_EVENT_RENAMED)
    {
      /* Coalesce a burst of changes (a folder being copied) into one update. */
      g_clear_handle_id (&self->monitor_timeout, g_source_remove);
      g_clear_handle_id (&self->start_timeout, g_source_remove);
      self->monitor_timeout = g_timeout_add_seconds (2, monitor_timeout_cb, self);
    }
}

static void
setup_monitors (FiguresWindow *self)
{
  g_auto (GStrv) folders = g_settings_get_strv (self->settings, "folders");

  for (guint i = 0; i < self->monitors->len; i++)
    g_file_monitor_cancel (g_ptr_array_index (self->monitors, i));
  g_ptr_array_set_size (self->monitors, 0);

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

static void
folders_changed_cb (FiguresWindow *self)
{
  gboolean samples = FALSE;
  g_auto (GStrv) roots = dup_roots (self, &samples);

  gtk_revealer_set_reveal_child (self->samples_revealer, samples);
  setup_monitors (self);
  figures_window_update_index (self);
}

void
figures_window_add_folder (FiguresWindow *self, const char *path)
{
  g_auto (GStrv) folders = NULL;
  g_autoptr (GStrvBuilder) builder = NULL;
  g_auto (GStrv) updated = NULL;

  g_return_if_fail (FIGURES_IS_WINDOW (self));
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
figures_window_remove_folder (FiguresWindow *self, const char *path)
{
  g_auto (GStrv) folders = NULL;
  g_autoptr (GStrvBuilder) builder = NULL;
  g_auto (GStrv) updated = NULL;

  g_return_if_fail (FIGURES_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  folders = g_settings_get_strv (self->settings, "folders");
  builder = g_strv_builder_new ();
  for (guint i = 0; folders[i] != NULL; i++)
    if (g_strcmp0 (folders[i], path) != 0)
      g_strv_builder_add (builder, folders[i]);
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "folders", (const char *const *) updated);
}

/* ---- the background index update ---- */

typedef struct
{
  GWeakRef window;
  guint generation;
  GMutex mutex;
  FiguresIndexProgress progress; /* current_path not kept */
  gboolean idle_pending;
  gint64 last_report;
} ProgressState;

static ProgressState *
progress_state_new (FiguresWindow *self)
{
  ProgressState *state = g_atomic_rc_box_new0 (ProgressState);

  g_weak_ref_init (&state->window, self);
  g_mutex_init (&state->mutex);
  state->generation = self->index_generation;
  return state;
}

static void
progress_state_clear (ProgressState *state)
{
  g_weak_ref_clear (&state->window);
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
  gboolean rebuild;
  ProgressState *state;
} UpdateJob;

static void
update_job_free (UpdateJob *job)
{
  g_free (job->index_path);
  g_strfreev (job->roots);
  progress_state_unref (job->state);
  g_free (job);
}

static void
show_progress (FiguresWindow *self, const FiguresIndexProgress *progress)
{
  g_autofree char *text = NULL;

  if (progress->files_total == 0)
    {
      gtk_progress_bar_pulse (self->progress_bar);
      gtk_label_set_text (self->progress_count, _ ("Looking for reports…"));
      return;
    }

  /* Translators: indexing progress, files done of files total */
  text = g_strdup_printf (_ ("%u of %u"), progress->files_done, progress->files_total);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 (double) progress->files_done / progress->files_total);
  gtk_label_set_text (self->progress_count, text);
}

static gboolean
documents_empty (FiguresWindow *self)
{
  GListModel *documents = figures_documents_view_get_documents (self->documents_view);

  return documents == NULL || g_list_model_get_n_items (documents) == 0;
}

static gboolean
progress_idle_cb (gpointer user_data)
{
  ProgressState *state = user_data;
  g_autoptr (FiguresWindow) self = g_weak_ref_get (&state->window);
  FiguresIndexProgress progress;

  g_mutex_lock (&state->mutex);
  progress = state->progress;
  state->idle_pending = FALSE;
  g_mutex_unlock (&state->mutex);

  if (self == NULL || state->generation != self->index_generation)
    return G_SOURCE_REMOVE;

  show_progress (self, &progress);

  /* First run: show what is there so far. An index that already lists
   * reports is re-read once, at the end, and only when something changed. */
  if (progress.files_done > 0 && documents_empty (self) &&
      !figures_document_list_get_loading (
        FIGURES_DOCUMENT_LIST (figures_documents_view_get_documents (self->documents_view))) &&
      g_get_monotonic_time () - self->last_refresh > REFRESH_INTERVAL_USEC)
    reload_views (self);

  return G_SOURCE_REMOVE;
}

static void
update_progress_cb (const FiguresIndexProgress *progress, gpointer user_data)
{
  ProgressState *state = user_data;
  gint64 now = g_get_monotonic_time ();
  gboolean schedule = FALSE;

  g_mutex_lock (&state->mutex);
  state->progress = *progress;
  state->progress.current_path = NULL;
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
remove_index_files (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

static void
update_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  UpdateJob *job = task_data;
  g_autoptr (FiguresIndex) index = NULL;
  g_autoptr (GError) error = NULL;
  FiguresIndexSummary *summary = g_new0 (FiguresIndexSummary, 1);

  if (job->rebuild)
    remove_index_files (job->index_path);

  index = figures_worker_open_index (job->index_path, &error);
  if (index == NULL ||
      !figures_index_update (index, (const char *const *) job->roots, NULL, update_progress_cb,
                             job->state, cancellable, summary, &error))
    {
      g_free (summary);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, summary, g_free);
}

static void start_update (FiguresWindow *self, gboolean rebuild);

static void
update_done_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  FiguresWindow *self = FIGURES_WINDOW (object);
  g_autoptr (GError) error = NULL;
  g_autofree FiguresIndexSummary *summary = NULL;
  guint generation = GPOINTER_TO_UINT (user_data);

  summary = g_task_propagate_pointer (G_TASK (result), &error);

  /* A newer run replaced this one: it owns the banner now. */
  if (generation != self->index_generation)
    return;

  g_clear_object (&self->index_cancellable);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDEXING]);
  _figures_window_actions_update (self);

  if (summary == NULL)
    {
      if (!figures_worker_error_is_cancelled (error))
        {
          g_autofree char *message =
            g_strdup_printf (_ ("The index could not be updated: %s"), error->message);
          figures_window_show_message (self, message);
        }
    }
  else
    {
      self->last_summary = *summary;
      self->have_summary = TRUE;
      if (summary->skipped > 0)
        {
          g_autofree char *message = g_strdup_printf (
            ngettext ("%u file could not be indexed: see Skipped Files in the main menu.",
                      "%u files could not be indexed: see Skipped Files in the main menu.",
                      summary->skipped),
            summary->skipped);
          figures_window_show_message (self, message);
        }
    }

  if (summary == NULL || summary->indexed > 0 || summary->moved > 0 || summary->removed > 0 ||
      documents_empty (self))
    reload_views (self);
  g_signal_emit (self, signals[SIGNAL_INDEX_UPDATED], 0);

  if (self->reindex_queued || self->rebuild_queued)
    {
      gboolean rebuild = self->rebuild_queued;

      self->reindex_queued = self->rebuild_queued = FALSE;
      if (!g_cancellable_is_cancelled (self->cancellable))
        start_update (self, rebuild);
    }
}

static void
start_update (FiguresWindow *self, gboolean rebuild)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  UpdateJob *job;
  gboolean samples = FALSE;

  self->index_generation++;
  g_set_object (&self->index_cancellable, cancellable);
  /* The window's own cancellable stops this run too. */
  g_cancellable_connect (self->cancellable, G_CALLBACK (g_cancellable_cancel),
                         g_object_ref (cancellable), g_object_unref);

  job = g_new0 (UpdateJob, 1);
  job->index_path = g_strdup (self->index_path);
  job->roots = dup_roots (self, &samples);
  job->rebuild = rebuild;
  job->state = progress_state_new (self);

  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_label_set_text (self->progress_count, _ ("Looking for reports…"));
  gtk_label_set_text (self->progress_label,
                      samples ? _ ("Indexing the sample reports…") : _ ("Indexing your reports…"));
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDEXING]);
  _figures_window_actions_update (self);

  task = g_task_new (self, cancellable, update_done_cb, GUINT_TO_POINTER (self->index_generation));
  g_task_set_source_tag (task, start_update);
  g_task_set_task_data (task, job, (GDestroyNotify) update_job_free);
  g_task_run_in_thread (task, update_thread);
}

void
figures_window_update_index (FiguresWindow *self)
{
  g_return_if_fail (FIGURES_IS_WINDOW (self));

  g_clear_handle_id (&self->start_timeout, g_source_remove);
  if (self->index_cancellable != NULL)
    {
      /* Folders changed mid-run: stop, then start again with the new ones. */
      self->reindex_queued = TRUE;
      g_cancellable_cancel (self->index_cancellable);
      return;
    }
  start_update (self, FALSE);
}

void
_figures_window_rebuild_index (FiguresWindow *self)
{
  if (self->index_cancellable != NULL)
    {
      self->rebuild_queued = TRUE;
      g_cancellable_cancel (self->index_cancellable);
      return;
    }
  start_update (self, TRUE);
}

/* ---- search ---- */

static void
search_changed_cb (FiguresWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (text[0] != '\0')
    adw_view_stack_set_visible_child_name (self->stack, "documents");
  figures_documents_view_set_query (self->documents_view, text);
}

static void
search_activate_cb (FiguresWindow *self)
{
  figures_documents_view_activate_first_result (self->documents_view);
}

static void
search_stop_cb (FiguresWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
visible_view_changed_cb (FiguresWindow *self)
{
  if (self->settings == NULL)
    return;
  _figures_window_actions_update (self);
}

/* ---- drag and drop of folders ---- */

static gboolean
drop_cb (GtkDropTarget *target, const GValue *value, double x, double y, gpointer user_data)
{
  FiguresWindow *self = user_data;
  GSList *files = NULL;
  gboolean added = FALSE;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    files = g_value_get_boxed (value);

  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *path = g_file_get_path (l->data);

      if (path != NULL && g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          figures_window_add_folder (self, path);
          added = TRUE;
        }
    }

  if (!added)
    figures_window_show_message (self, _ ("Drop a folder of reports to add it."));
  return added;
}

/* ---- GtkWindow ---- */

static gboolean
figures_window_close_request (GtkWindow *window)
{
  FiguresWindow *self = FIGURES_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (figures_window_parent_class)->close_request (window);
}

static void
figures_window_dispose (GObject *object)
{
  FiguresWindow *self = FIGURES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->monitor_timeout, g_source_remove);
  g_clear_handle_id (&self->start_timeout, g_source_remove);
  if (self->monitors != NULL)
    for (guint i = 0; i < self->monitors->len; i++)
      g_file_monitor_cancel (g_ptr_array_index (self->monitors, i));
  g_clear_pointer (&self->monitors, g_ptr_array_unref);

  g_clear_weak_pointer (&self->toast);
  gtk_widget_dispose_template (GTK_WIDGET (self), FIGURES_TYPE_WINDOW);

  G_OBJECT_CLASS (figures_window_parent_class)->dispose (object);
}

static void
figures_window_finalize (GObject *object)
{
  FiguresWindow *self = FIGURES_WINDOW (object);

  g_clear_object (&self->index_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_free (self->index_path);
  g_free (self->samples_dir);

  G_OBJECT_CLASS (figures_window_parent_class)->finalize (object);
}

static void
figures_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FiguresWindow *self = FIGURES_WINDOW (object);

  switch (prop_id)
    {
      case PROP_INDEXING:
        g_value_set_boolean (value, figures_window_get_indexing (self));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void realize_cb (FiguresWindow *self);

static void
figures_window_class_init (FiguresWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = figures_window_dispose;
  object_class->finalize = figures_window_finalize;
  object_class->get_property = figures_window_get_property;
  window_class->close_request = figures_window_close_request;

  properties[PROP_INDEXING] =
    g_param_spec_boolean ("indexing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted after each background update, successful or not. */
  signals[SIGNAL_INDEX_UPDATED] =
    g_signal_new ("index-updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);

  g_type_ensure (FIGURES_TYPE_DOCUMENTS_VIEW);
  g_type_ensure (FIGURES_TYPE_CHART_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/figures-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FiguresWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FiguresWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FiguresWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, FiguresWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, FiguresWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, FiguresWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, FiguresWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, FiguresWindow, progress_count);
  gtk_widget_class_bind_template_child (widget_class, FiguresWindow, samples_revealer);
  gtk_widget_class_bind_template_child (widget_class, FiguresWindow, documents_view);
  gtk_widget_class_bind_template_child (widget_class, FiguresWindow, charts_view);
  gtk_widget_class_bind_template_child (widget_class, FiguresWindow, compare_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_view_changed_cb);

  _figures_window_class_actions_init (klass);
}

static void
figures_window_init (FiguresWindow *self)
{
  GtkDropTarget *drop;

  self->cancellable = g_cancellable_new ();
  self->monitors = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  g_signal_connect (self, "realize", G_CALLBACK (realize_cb), NULL);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

static gboolean
start_update_timeout_cb (gpointer user_data)
{
  FiguresWindow *self = user_data;

  self->start_timeout = 0;
  if (self->index_cancellable == NULL)
    start_update (self, FALSE);
  return G_SOURCE_REMOVE;
}

/* Once the index is open and the window has shown its first frame, the
 * views read the index; the update (which walks every folder and keeps a
 * core busy) starts a little later. Nothing competes with the first frame. */
static void
maybe_start (FiguresWindow *self)
{
  if (!self->prepared || !self->painted || self->started)
    return;

  self->started = TRUE;
  reload_views (self);
  self->start_timeout = g_timeout_add (START_DELAY_MS, start_update_timeout_cb, self);
}

static void
first_frame_cb (GdkFrameClock *clock, FiguresWindow *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, self);
  self->painted = TRUE;
  maybe_start (self);
}

static void
realize_cb (FiguresWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL)
    {
      self->painted = TRUE;
      maybe_start (self);
      return;
    }
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (first_frame_cb), self, 0);
}

static gpointer
prepare_job (FiguresIndex *index, gpointer data, GCancellable *cancellable, GError **error)
{
  return GINT_TO_POINTER (TRUE);
}

static void
prepare_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  FiguresWindow *self = FIGURES_WINDOW (object);
  g_autoptr (GError) error = NULL;

  if (figures_worker_finish (result, &error) == NULL)
    {
      g_autofree char *message = NULL;

      if (figures_worker_error_is_cancelled (error))
        return;
      /* The update below reports why the index cannot be written. */
      message = g_strdup_printf (_ ("The index could not be opened: %s"), error->message);
      figures_window_show_message (self, message);
    }

  self->prepared = TRUE;
  maybe_start (self);
}

FiguresWindow *
figures_window_new (FiguresApplication *application)
{
  FiguresWindow *self;
  gboolean samples = FALSE;
  g_auto (GStrv) roots = NULL;

  g_return_val_if_fail (FIGURES_IS_APPLICATION (application), NULL);

  self = g_object_new (FIGURES_TYPE_WINDOW, "application", application, NULL);
  self->settings = g_object_ref (figures_application_get_settings (application));
  self->index_path = figures_application_dup_index_path ();
  self->samples_dir = figures_application_dup_samples_dir ();

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  figures_documents_view_setup (self->documents_view, self->index_path, self->settings);
  figures_chart_view_setup (self->charts_view, self->index_path, self->settings);
  figures_chart_view_setup (self->compare_view, self->index_path, self->settings);

  g_signal_connect_object (self->settings, "changed::folders", G_CALLBACK (folders_changed_cb),
                           self, G_CONNECT_SWAPPED);

  roots = dup_roots (self, &samples);
  gtk_revealer_set_reveal_child (self->samples_revealer, samples);
  setup_monitors (self);
  _figures_window_actions_update (self);

  /* Open (and create) the index once before anything reads it, so no two
   * connections race to create its schema; then whatever is already
   * indexed shows at once and the update catches up. */
  figures_worker_run (self, self->index_path, prepare_job, NULL, NULL, NULL, self->cancellable,
                      prepare_cb, NULL);

  return self;
}
