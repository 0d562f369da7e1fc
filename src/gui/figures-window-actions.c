/* figures-window-actions.c: the window's actions and keyboard shortcuts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "figures-export-window.h"
#include "figures-corrections-window.h"
#include "figures-figure-actions.h"
#include "figures-skipped-window.h"
#include "figures-worker.h"
#include "figures-window-private.h"

static void
open_folder_response_cb (GtkNativeDialog *dialog, int response, gpointer user_data)
{
  FiguresWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        figures_library_add_folder (self->library, path);
      else
        figures_window_show_message (self, _ ("Only local folders can be indexed."));
    }

  g_object_unref (dialog);
}

static void
open_folder_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  FiguresWindow *self = FIGURES_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser =
    gtk_file_chooser_native_new (_ ("Open Folder of Reports"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _ ("_Open"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (open_folder_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
rebuild_index_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  figures_library_rebuild (FIGURES_WINDOW (widget)->library);
}

static void
cancel_indexing_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  figures_library_cancel (FIGURES_WINDOW (widget)->library);
}

/* Children reach the window through these, never by casting their root. */
static void
show_message_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  figures_window_show_message (FIGURES_WINDOW (widget), g_variant_get_string (param, NULL));
}

/* (message, whether the index is damaged and Rebuild Index is offered) */
static void
show_index_error_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  const char *message = NULL;
  gboolean damaged = FALSE;

  g_variant_get (param, "(&sb)", &message, &damaged);
  _figures_window_show_index_message (FIGURES_WINDOW (widget), message, damaged);
}

static void
show_exported_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  g_autoptr (GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  figures_window_show_exported (FIGURES_WINDOW (widget), file);
}

static void
open_document_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  gint64 document_id = 0;
  guint32 offset = 0;

  g_variant_get (param, "(xu)", &document_id, &offset);
  figures_window_open_document (FIGURES_WINDOW (widget), document_id, offset);
}

static void
launch_done_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (FiguresWindow) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message =
        g_strdup_printf (_ ("Could not open the file: %s"), error->message);
      figures_window_show_message (self, message);
    }
}

static void
launch_uri (FiguresWindow *self, const char *uri)
{
  g_autoptr (GdkAppLaunchContext) context =
    gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self)));

  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), self->cancellable,
                                           launch_done_cb, g_object_ref (self));
}

static void
open_file_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  launch_uri (FIGURES_WINDOW (widget), g_variant_get_string (param, NULL));
}

/* PDF viewers that open a file at a page, and how they are told */
static const struct
{
  const char *executable;
  const char *page_option; /* followed by the 1-based page */
} page_viewers[] = {
  { "evince", "--page-index=" },
  { "atril", "--page-index=" },
  { "xreader", "--page-index=" },
  { "okular", "--page=" },
};

/* (uri, page): the file at its page when the desktop's PDF viewer can be
 * told so, else the file as open-file opens it */
static void
open_file_at_page_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  FiguresWindow *self = FIGURES_WINDOW (widget);
  const char *uri = NULL;
  guint32 page = 0;
  g_autoptr (GAppInfo) viewer = g_app_info_get_default_for_type ("application/pdf", FALSE);
  g_autofree char *base = NULL;

  g_variant_get (param, "(&su)", &uri, &page);
  if (viewer != NULL && page > 0 && g_app_info_get_executable (viewer) != NULL)
    base = g_path_get_basename (g_app_info_get_executable (viewer));
  for (guint i = 0; base != NULL && i < G_N_ELEMENTS (page_viewers); i++)
    {
      g_autofree char *option = NULL;
      g_autofree char *quoted = NULL;
      g_autofree char *command = NULL;
      g_autoptr (GAppInfo) at_page = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (GdkAppLaunchContext) context = NULL;

      if (strcmp (base, page_viewers[i].executable) != 0)
        continue;
      option = g_strdup_printf ("%s%u", page_viewers[i].page_option, page);
      quoted = g_shell_quote (uri);
      command = g_strdup_printf ("%s %s %s", g_app_info_get_executable (viewer), option, quoted);
      at_page = g_app_info_create_from_commandline (command, NULL, G_APP_INFO_CREATE_NONE, &error);
      context = gdk_display_get_app_launch_context (gtk_widget_get_display (widget));
      if (at_page != NULL &&
          g_app_info_launch (at_page, NULL, G_APP_LAUNCH_CONTEXT (context), &error))
        return;
      g_debug ("Could not open %s at page %u: %s", uri, page, error->message);
    }
  launch_uri (self, uri);
}

typedef struct
{
  FiguresWindow *window;
  char *uri;
} ShowItem;

/* Without a file manager on the bus: open the folder itself. */
static void
open_parent_folder (FiguresWindow *self, const char *uri)
{
  g_autoptr (GFile) file = g_file_new_for_uri (uri);
  g_autoptr (GFile) parent = g_file_get_parent (file);
  g_autofree char *parent_uri = parent ? g_file_get_uri (parent) : g_strdup (uri);

  launch_uri (self, parent_uri);
}

static void
show_item_done_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  ShowItem *item = user_data;
  g_autoptr (GVariant) reply = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, NULL);
  if (reply == NULL)
    open_parent_folder (item->window, item->uri);
  g_object_unref (item->window);
  g_free (item->uri);
  g_free (item);
}

static void
show_in_folder_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  FiguresWindow *self = FIGURES_WINDOW (widget);
  const char *uri = g_variant_get_string (param, NULL);
  const char *uris[] = { uri, NULL };
  GDBusConnection *bus = g_application_get_dbus_connection (
    G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  ShowItem *item;

  if (bus == NULL)
    {
      open_parent_folder (self, uri);
      return;
    }
  item = g_new0 (ShowItem, 1);
  item->window = g_object_ref (self);
  item->uri = g_strdup (uri);
  g_dbus_connection_call (bus, "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1", "ShowItems",
                          g_variant_new ("(^ass)", uris, ""), NULL, G_DBUS_CALL_FLAGS_NONE, 5000,
                          self->cancellable, show_item_done_cb, item);
}

static void
show_skipped_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  FiguresWindow *self = FIGURES_WINDOW (widget);

  gtk_window_present (
    figures_skipped_window_new (GTK_WINDOW (self), figures_library_get_index_path (self->library)));
}

typedef struct
{
  FiguresWindow *window;
  char *path;
  guint start;
  const FiguresFigureAction *done;
} CorrectFigure;

static void
correct_figure_free (CorrectFigure *request)
{
  g_object_unref (request->window);
  g_free (request->path);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CorrectFigure, correct_figure_free)

static void
figure_corrected_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (CorrectFigure) request = user_data;
  FiguresWindow *self = request->window;
  FiguresReader *reader = figures_documents_view_get_reader (self->documents_view);
  g_autoptr (GError) error = NULL;

  if (!figures_library_correct_finish (FIGURES_LIBRARY (object), result, &error))
    {
      if (!figures_worker_error_is_cancelled (error))
        figures_window_show_message (self, error->message);
      return;
    }
  figures_window_show_message (self, _ (request->done->done));
  /* the reader's highlights are what was read: show the corrected ones */
  if (g_strcmp0 (figures_reader_get_path (reader), request->path) == 0)
    figures_reader_load (reader, figures_reader_get_document_id (reader), request->start, NULL);
}

/* (file, start, "confirm" | "reject" | "undo"): a figure shown anywhere */
static void
correct_figure_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  FiguresWindow *self = FIGURES_WINDOW (widget);
  g_autoptr (FiguresCorrection) correction = figures_correction_new ();
  const FiguresFigureAction *figure_action;
  const char *path, *key;
  CorrectFigure *request;
  guint start;

  g_variant_get (param, "(&su&s)", &path, &start, &key);
  figure_action = figures_figure_action_lookup (key);
  if (figure_action == NULL)
    return;
  request = g_new0 (CorrectFigure, 1);
  request->window = g_object_ref (self);
  request->path = g_strdup (path);
  request->start = start;
  request->done = figure_action;
  correction->file = g_strdup (path);
  correction->start = start;
  correction->action = figure_action->action;
  figures_library_correct_async (self->library, correction, figure_action->undo, self->cancellable,
                                 figure_corrected_cb, request);
}

static void
report_corrected_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (FiguresWindow) self = user_data;
  FiguresReader *reader = figures_documents_view_get_reader (self->documents_view);
  g_autoptr (GError) error = NULL;

  if (!figures_library_correct_finish (FIGURES_LIBRARY (object), result, &error))
    {
      if (!figures_worker_error_is_cancelled (error))
        figures_window_show_message (self, error->message);
      return;
    }
  figures_window_show_message (self, _ ("Report corrected"));
  if (figures_reader_get_document_id (reader) > 0)
    figures_reader_load (reader, figures_reader_get_document_id (reader), 0, NULL);
}

/* (file, "title" | "date" | "report-city", the new value): a report's own */
static void
correct_report_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  FiguresWindow *self = FIGURES_WINDOW (widget);
  g_autoptr (FiguresCorrection) correction = figures_correction_new ();
  const char *key;

  g_variant_get (param, "(s&ss)", &correction->file, &key, &correction->new_value);
  if (!figures_correction_field_from_key (key, &correction->field) ||
      !figures_correction_field_is_report (correction->field))
    return;
  correction->action = FIGURES_CORRECTION_SET;
  figures_library_correct_async (self->library, correction, FALSE, self->cancellable,
                                 report_corrected_cb, g_object_ref (self));
}

static void
show_corrections_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  FiguresWindow *self = FIGURES_WINDOW (widget);

  gtk_window_present (figures_corrections_window_new (GTK_WINDOW (self), self->library));
}

static void
export_chart_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  FiguresWindow *self = FIGURES_WINDOW (widget);
  FiguresChartView *view = _figures_window_get_chart_view (self);

  if (adw_view_stack_get_visible_child (self->stack) == GTK_WIDGET (self->documents_view))
    adw_view_stack_set_visible_child_name (self->stack, "charts");

  gtk_window_present (figures_export_window_new (GTK_WINDOW (self), view, self->settings));
}

static void
export_csv_response_cb (GtkNativeDialog *dialog, int response, gpointer user_data)
{
  g_autoptr (FiguresWindow) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      const char *name = adw_view_stack_get_visible_child_name (self->stack);

      figures_export_remember_folder (self->settings, file);
      if (g_strcmp0 (name, "documents") == 0)
        figures_documents_view_export_csv (self->documents_view, file);
      else
        figures_chart_view_export_csv (_figures_window_get_chart_view (self), file);
    }

  g_object_unref (dialog);
}

static void
export_csv_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  FiguresWindow *self = FIGURES_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr (GFile) folder = figures_export_dup_folder (self->settings);
  /* Translators: the default file name of exported statistics, before the date */
  g_autofree char *name = figures_export_dup_file_name (_ ("statistics"), ".csv");

  chooser =
    gtk_file_chooser_native_new (_ ("Export Statistics as CSV"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), _ ("_Cancel"));
  gtk_file_filter_set_name (filter, _ ("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_csv_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
search_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  FiguresWindow *self = FIGURES_WINDOW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
hit_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  FiguresWindow *self = FIGURES_WINDOW (widget);
  gboolean forward = g_strcmp0 (action_name, "win.next-hit") == 0;

  adw_view_stack_set_visible_child_name (self->stack, "documents");
  figures_documents_view_move_hit (self->documents_view, forward);
}

static void
view_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  FiguresWindow *self = FIGURES_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->stack, g_variant_get_string (param, NULL));
}

void
_figures_window_actions_update (FiguresWindow *self)
{
  gboolean indexing = figures_library_get_indexing (self->library);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-indexing", indexing);
}

void
_figures_window_class_actions_init (FiguresWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.open-folder", NULL, open_folder_action);
  gtk_widget_class_install_action (widget_class, "win.rebuild-index", NULL, rebuild_index_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-indexing", NULL,
                                   cancel_indexing_action);
  gtk_widget_class_install_action (widget_class, "win.show-message", "s", show_message_action);
  gtk_widget_class_install_action (widget_class, "win.show-index-error", "(sb)",
                                   show_index_error_action);
  gtk_widget_class_install_action (widget_class, "win.show-exported", "s", show_exported_action);
  gtk_widget_class_install_action (widget_class, "win.open-document", "(xu)", open_document_action);
  gtk_widget_class_install_action (widget_class, "win.open-file", "s", open_file_action);
  gtk_widget_class_install_action (widget_class, "win.open-file-at-page", "(su)",
                                   open_file_at_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-in-folder", "s", show_in_folder_action);
  gtk_widget_class_install_action (widget_class, "win.show-skipped", NULL, show_skipped_action);
  gtk_widget_class_install_action (widget_class, "win.show-corrections", NULL,
                                   show_corrections_action);
  gtk_widget_class_install_action (widget_class, "win.correct-figure", "(sus)",
                                   correct_figure_action);
  gtk_widget_class_install_action (widget_class, "win.correct-report", "(sss)",
                                   correct_report_action);
  gtk_widget_class_install_action (widget_class, "win.export-chart", NULL, export_chart_action);
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.next-hit", NULL, hit_action);
  gtk_widget_class_install_action (widget_class, "win.previous-hit", NULL, hit_action);
  gtk_widget_class_install_action (widget_class, "win.view", "s", view_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open-folder",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export-chart", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "win.next-hit",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.previous-hit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_G, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.previous-hit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.view", "s",
                                       "documents");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.view", "s",
                                       "charts");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.view", "s",
                                       "compare");
}
