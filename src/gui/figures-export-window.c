/* figures-export-window.c: the options of Export Chart…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-export-window"

#include "config.h"

#include <glib/gi18n.h>

#include "figures-export-window.h"

struct _FiguresExportWindow
{
  GtkWindow parent_instance;

  FiguresChartData *data;
  GSettings *settings;
  GCancellable *cancellable;
  char *title; /* the chart's, as drawn */
  char *suggested_name;

  GtkDropDown *format_dropdown;
  GtkSpinButton *width_spin;
  GtkSpinButton *height_spin;
  GtkSpinButton *scale_spin;
  GtkLabel *size_label;
  GtkWidget *export_button;
};

G_DEFINE_FINAL_TYPE (FiguresExportWindow, figures_export_window, GTK_TYPE_WINDOW)

enum
{
  SIGNAL_EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *extensions[] = { ".png", ".svg", ".pdf" };

char *
figures_export_dup_file_name (const char *title, const char *extension)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr (GString) name = g_string_new (NULL);

  /* Characters file systems or shells dislike become "-". */
  for (const char *p = title ? title : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' ||
          c == '>' || c == '|' || g_unichar_isspace (c) || g_unichar_iscntrl (c))
        {
          if (name->len > 0 && name->str[name->len - 1] != '-')
            g_string_append_c (name, '-');
        }
      else
        g_string_append_unichar (name, c);
    }
  while (name->len > 0 && name->str[name->len - 1] == '-')
    g_string_truncate (name, name->len - 1);
  if (name->len == 0)
    /* Translators: the default file name of an export, without extension */
    g_string_append (name, _ ("chart"));
  g_string_append_printf (name, "-%s%s", date, extension ? extension : "");
  return g_string_free (g_steal_pointer (&name), FALSE);
}

GFile *
figures_export_dup_folder (GSettings *settings)
{
  g_autofree char *last = g_settings_get_string (settings, "export-folder");
  const char *pictures = g_get_user_special_dir (G_USER_DIRECTORY_PICTURES);

  if (last[0] != '\0' && g_file_test (last, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (last);
  if (pictures != NULL && g_file_test (pictures, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (pictures);
  return g_file_new_for_path (g_get_home_dir ());
}

void
figures_export_remember_folder (GSettings *settings, GFile *file)
{
  g_autoptr (GFile) parent = g_file_get_parent (file);
  g_autofree char *path = parent ? g_file_get_path (parent) : NULL;

  if (path != NULL)
    g_settings_set_string (settings, "export-folder", path);
}

static void
update_suggested_name (FiguresExportWindow *self)
{
  guint format = gtk_drop_down_get_selected (self->format_dropdown);

  g_free (self->suggested_name);
  self->suggested_name = figures_export_dup_file_name (self->title, extensions[MIN (format, 2)]);
}

const char *
figures_export_window_get_suggested_name (FiguresExportWindow *self)
{
  g_return_val_if_fail (FIGURES_IS_EXPORT_WINDOW (self), NULL);
  update_suggested_name (self);
  return self->suggested_name;
}

static void
update_size_label (FiguresExportWindow *self)
{
  int width = gtk_spin_button_get_value_as_int (self->width_spin);
  int height = gtk_spin_button_get_value_as_int (self->height_spin);
  double scale = gtk_spin_button_get_value (self->scale_spin);
  g_autofree char *text = NULL;
  gboolean png = gtk_drop_down_get_selected (self->format_dropdown) == 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->scale_spin), png);
  if (png)
    /* Translators: the size of the exported image, in pixels */
    text = g_strdup_printf (_ ("%d × %d pixels"), (int) (width * scale), (int) (height * scale));
  else
    /* Translators: the size of the exported drawing, in points */
    text = g_strdup_printf (_ ("%d × %d points"), width, height);
  gtk_label_set_text (self->size_label, text);
}

static void
format_changed_cb (FiguresExportWindow *self)
{
  update_size_label (self);
  update_suggested_name (self);
}

typedef struct
{
  FiguresChartData *data;
  char *path;
  int width;
  int height;
  double scale;
  FiguresChartTheme theme;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_pointer (&job->data, figures_chart_data_unref);
  g_free (job->path);
  g_free (job);
}

static void
export_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  /* Layout and drawing both happen here, on one thread, as Pango wants. */
  if (figures_chart_export (job->data, job->path, job->width, job->height, job->scale, job->theme,
                            &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_done_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  FiguresExportWindow *self = FIGURES_EXPORT_WINDOW (object);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = user_data;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = g_strdup_printf (_ ("Could not export the chart: %s"), error->message);
      if (parent != NULL)
        gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-message", "s", message);
    }
  else if (parent != NULL)
    {
      g_autoptr (GFile) file = g_file_new_for_path (path);
      g_autofree char *uri = g_file_get_uri (file);

      gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-exported", "s", uri);
    }

  g_signal_emit (self, signals[SIGNAL_EXPORTED], 0, error ? error->message : NULL);
  gtk_window_close (GTK_WINDOW (self));
}

void
figures_export_window_export_to (FiguresExportWindow *self, GFile *file)
{
  g_autoptr (GTask) task = NULL;
  ExportJob *job;
  g_autofree char *path = NULL;
  guint format = gtk_drop_down_get_selected (self->format_dropdown);

  g_return_if_fail (FIGURES_IS_EXPORT_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_signal_emit (self, signals[SIGNAL_EXPORTED], 0, _ ("Only local files can be written."));
      return;
    }
  if (format >= G_N_ELEMENTS (extensions))
    format = 0;
  if (!g_str_has_suffix (path, extensions[format]))
    {
      char *with_extension = g_strconcat (path, extensions[format], NULL);
      g_free (path);
      path = with_extension;
    }

  figures_export_remember_folder (self->settings, file);
  g_settings_set_int (self->settings, "export-width",
                      gtk_spin_button_get_value_as_int (self->width_spin));
  g_settings_set_int (self->settings, "export-height",
                      gtk_spin_button_get_value_as_int (self->height_spin));
  g_settings_set_double (self->settings, "export-scale",
                         gtk_spin_button_get_value (self->scale_spin));

  job = g_new0 (ExportJob, 1);
  job->data = figures_chart_data_ref (self->data);
  job->path = g_strdup (path);
  job->width = gtk_spin_button_get_value_as_int (self->width_spin);
  job->height = gtk_spin_button_get_value_as_int (self->height_spin);
  job->scale = gtk_spin_button_get_value (self->scale_spin);
  /* Exported charts are for documents and slides: always light. */
  job->theme = FIGURES_CHART_THEME_LIGHT;

  gtk_widget_set_sensitive (self->export_button, FALSE);
  task = g_task_new (self, self->cancellable, export_done_cb, g_steal_pointer (&path));
  g_task_set_source_tag (task, figures_export_window_export_to);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
chooser_response_cb (GtkNativeDialog *dialog, int response, FiguresExportWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      figures_export_window_export_to (self, file);
    }
  g_object_unref (dialog);
}

static void
export_clicked_cb (FiguresExportWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr (GFile) folder = figures_export_dup_folder (self->settings);

  chooser =
    gtk_file_chooser_native_new (_ ("Export Chart"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), _ ("_Cancel"));
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser),
                                     figures_export_window_get_suggested_name (self));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
figures_export_window_set_size (FiguresExportWindow *self, int width, int height, double scale)
{
  g_return_if_fail (FIGURES_IS_EXPORT_WINDOW (self));

  gtk_spin_button_set_value (self->width_spin, width);
  gtk_spin_button_set_value (self->height_spin, height);
  gtk_spin_button_set_value (self->scale_spin, scale);
  update_size_label (self);
}

static void
figures_export_window_dispose (GObject *object)
{
  FiguresExportWindow *self = FIGURES_EXPORT_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), FIGURES_TYPE_EXPORT_WINDOW);
  g_clear_pointer (&self->data, figures_chart_data_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->suggested_name, g_free);

  G_OBJECT_CLASS (figures_export_window_parent_class)->dispose (object);
}

static void
figures_export_window_class_init (FiguresExportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = figures_export_window_dispose;

  /* Emitted when an export ends, with the error message or NULL. */
  signals[SIGNAL_EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/figures-export-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FiguresExportWindow, format_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FiguresExportWindow, width_spin);
  gtk_widget_class_bind_template_child (widget_class, FiguresExportWindow, height_spin);
  gtk_widget_class_bind_template_child (widget_class, FiguresExportWindow, scale_spin);
  gtk_widget_class_bind_template_child (widget_class, FiguresExportWindow, size_label);
  gtk_widget_class_bind_template_child (widget_class, FiguresExportWindow, export_button);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
figures_export_window_init (FiguresExportWindow *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->width_spin, "value-changed", G_CALLBACK (update_size_label),
                            self);
  g_signal_connect_swapped (self->height_spin, "value-changed", G_CALLBACK (update_size_label),
                            self);
  g_signal_connect_swapped (self->scale_spin, "value-changed", G_CALLBACK (update_size_label),
                            self);
}

GtkWindow *
figures_export_window_new (GtkWindow *parent, FiguresChartView *view, GSettings *settings)
{
  FiguresExportWindow *self;
  FiguresChartData *data;

  g_return_val_if_fail (FIGURES_IS_CHART_VIEW (view), NULL);

  self = g_object_new (FIGURES_TYPE_EXPORT_WINDOW, "transient-for", parent, NULL);
  self->settings = g_object_ref (settings);
  data = figures_chart_view_get_data (view);
  /* Nothing drawn yet: an empty chart says so in words. */
  self->data =
    data ? figures_chart_data_ref (data)
         : figures_chart_data_new (figures_chart_view_get_compare (view) ? FIGURES_CHART_COMPARE
                                                                         : FIGURES_CHART_BARS);
  /* The title as the user sees it on screen names the file. */
  {
    FiguresChartLayout *layout = figures_chart_view_get_layout (view);
    FiguresChartLabel label;

    for (guint i = 0; layout != NULL && i < figures_chart_layout_get_n_labels (layout); i++)
      if (figures_chart_layout_get_label (layout, i, &label) &&
          label.role == FIGURES_CHART_LABEL_TITLE)
        {
          self->title = g_strdup (label.text);
          break;
        }
  }
  figures_export_window_set_size (self, g_settings_get_int (settings, "export-width"),
                                  g_settings_get_int (settings, "export-height"),
                                  g_settings_get_double (settings, "export-scale"));
  return GTK_WINDOW (self);
}
