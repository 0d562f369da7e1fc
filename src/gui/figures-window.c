/* figures-window.c: the main window
 *
 * The application's FiguresLibrary owns the folders and the background
 * update; the window shows its progress and messages, and its views follow
 * the library themselves.
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

/* How long after opening the window its background update starts. */
#define START_DELAY_MS 400

GSettings *
figures_window_get_settings (FiguresWindow *self)
{
  g_return_val_if_fail (FIGURES_IS_WINDOW (self), NULL);
  return self->settings;
}

FiguresLibrary *
figures_window_get_library (FiguresWindow *self)
{
  g_return_val_if_fail (FIGURES_IS_WINDOW (self), NULL);
  return self->library;
}

const char *
figures_window_get_index_path (FiguresWindow *self)
{
  g_return_val_if_fail (FIGURES_IS_WINDOW (self), NULL);
  return figures_library_get_index_path (self->library);
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
  return figures_library_get_indexing (self->library);
}

static void
add_toast (FiguresWindow *self, AdwToast *toast)
{
  g_set_weak_pointer (&self->toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* A toast that stays until dismissed: errors and warnings. */
static AdwToast *
new_message_toast (const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast;

  /* A toast's title is markup. */
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  return toast;
}

void
figures_window_show_message (FiguresWindow *self, const char *message)
{
  g_return_if_fail (FIGURES_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  add_toast (self, new_message_toast (message));
}

void
_figures_window_show_index_message (FiguresWindow *self, const char *message, gboolean damaged)
{
  AdwToast *toast = new_message_toast (message);

  /* a damaged index is derived data: offer to build it again */
  if (damaged)
    {
      adw_toast_set_button_label (toast, _ ("Rebuild Index"));
      adw_toast_set_action_name (toast, "win.rebuild-index");
    }
  add_toast (self, toast);
}

void
figures_window_show_index_error (FiguresWindow *self, const char *message, const GError *error)
{
  g_return_if_fail (FIGURES_IS_WINDOW (self));
  g_return_if_fail (message != NULL);
  g_return_if_fail (error != NULL);

  _figures_window_show_index_message (
    self, message, g_error_matches (error, FIGURES_INDEX_ERROR, FIGURES_INDEX_ERROR_CORRUPT));
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

/* ---- following the library ---- */

static void
progress_cb (FiguresWindow *self)
{
  guint done = 0, total = 0, pages_done = 0, pages_total = 0;
  g_autofree char *text = NULL;

  figures_library_get_progress (self->library, &done, &total);
  if (total == 0)
    {
      gtk_progress_bar_pulse (self->progress_bar);
      gtk_label_set_text (self->progress_count, _ ("Looking for reports…"));
      return;
    }

  figures_library_get_ocr_progress (self->library, &pages_done, &pages_total);
  if (pages_total > 0)
    /* Translators: indexing progress while a scan is read by text
     * recognition: files done of files total, then its pages */
    text = g_strdup_printf (_ ("%u of %u — scanned pages read: %u of %u"), done, total, pages_done,
                            pages_total);
  else
    /* Translators: indexing progress, files done of files total */
    text = g_strdup_printf (_ ("%u of %u"), done, total);
  gtk_progress_bar_set_fraction (self->progress_bar, (double) done / total);
  gtk_label_set_text (self->progress_count, text);
}

static void
indexing_changed_cb (FiguresWindow *self)
{
  gboolean indexing = figures_library_get_indexing (self->library);

  if (indexing)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      gtk_label_set_text (self->progress_count, _ ("Looking for reports…"));
      gtk_label_set_text (self->progress_label, figures_library_get_samples (self->library)
                                                  ? _ ("Indexing the sample reports…")
                                                  : _ ("Indexing your reports…"));
    }
  gtk_revealer_set_reveal_child (self->progress_revealer, indexing);
  _figures_window_actions_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDEXING]);
}

static void
samples_changed_cb (FiguresWindow *self)
{
  gtk_revealer_set_reveal_child (self->samples_revealer,
                                 figures_library_get_samples (self->library));
}

static void
updated_cb (FiguresWindow *self)
{
  const FiguresIndexSummary *summary = figures_library_get_last_summary (self->library);

  if (summary != NULL && summary->skipped > 0 && !figures_library_get_indexing (self->library))
    {
      g_autofree char *message = g_strdup_printf (
        ngettext ("%u file could not be indexed: see Skipped Files in the main menu.",
                  "%u files could not be indexed: see Skipped Files in the main menu.",
                  summary->skipped),
        summary->skipped);
      figures_window_show_message (self, message);
    }
  g_signal_emit (self, signals[SIGNAL_INDEX_UPDATED], 0);
}

static void
library_error_cb (FiguresWindow *self, const char *message, const GError *error)
{
  figures_window_show_index_error (self, message, error);
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
          figures_library_add_folder (self->library, path);
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

  g_clear_weak_pointer (&self->toast);
  gtk_widget_dispose_template (GTK_WIDGET (self), FIGURES_TYPE_WINDOW);

  G_OBJECT_CLASS (figures_window_parent_class)->dispose (object);
}

static void
figures_window_finalize (GObject *object)
{
  FiguresWindow *self = FIGURES_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->library);

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
  g_type_ensure (FIGURES_TYPE_STATISTICS_VIEW);

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
  gtk_widget_class_bind_template_child (widget_class, FiguresWindow, statistics_view);
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

/* Once the index is open and the window has shown its first frame, the
 * views read the index; the update (which walks every folder and keeps a
 * core busy) starts a little later. Nothing competes with the first frame. */
static void
maybe_start (FiguresWindow *self)
{
  if (!figures_library_get_ready (self->library) || !self->painted || self->started)
    return;

  self->started = TRUE;
  figures_documents_view_set_library (self->documents_view, self->library);
  figures_chart_view_set_library (self->charts_view, self->library);
  figures_chart_view_set_library (self->compare_view, self->library);
  figures_statistics_view_set_library (self->statistics_view, self->library);
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

FiguresWindow *
figures_window_new (FiguresApplication *application)
{
  FiguresWindow *self;

  g_return_val_if_fail (FIGURES_IS_APPLICATION (application), NULL);

  self = g_object_new (FIGURES_TYPE_WINDOW, "application", application, NULL);
  self->library = g_object_ref (figures_application_get_library (application));
  self->settings = g_object_ref (figures_library_get_settings (self->library));

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  figures_documents_view_setup (self->documents_view, self->settings);
  figures_chart_view_setup (self->charts_view, self->settings);
  figures_chart_view_setup (self->compare_view, self->settings);

  g_signal_connect_object (self->library, "notify::samples", G_CALLBACK (samples_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->library, "notify::indexing", G_CALLBACK (indexing_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->library, "notify::ready", G_CALLBACK (maybe_start), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->library, "progress", G_CALLBACK (progress_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->library, "updated", G_CALLBACK (updated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->library, "error", G_CALLBACK (library_error_cb), self,
                           G_CONNECT_SWAPPED);

  samples_changed_cb (self);
  indexing_changed_cb (self);
  if (figures_library_get_ready (self->library))
    maybe_start (self);
  else
    figures_library_start (self->library, START_DELAY_MS);

  return self;
}
