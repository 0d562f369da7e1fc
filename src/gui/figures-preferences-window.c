/* figures-preferences-window.c: the report folders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "figures-preferences-window.h"

struct _FiguresPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GtkWindow *window;
  FiguresLibrary *library;
  GSettings *settings;

  GtkListBox *folders_list;
  GtkSwitch *ocr_switch;
};

G_DEFINE_FINAL_TYPE (FiguresPreferencesWindow,
                     figures_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

static void
remove_clicked_cb (GtkButton *button, FiguresPreferencesWindow *self)
{
  const char *path = g_object_get_data (G_OBJECT (button), "path");

  figures_library_remove_folder (self->library, path);
}

static void
rebuild_list (FiguresPreferencesWindow *self)
{
  g_auto (GStrv) folders = g_settings_get_strv (self->settings, "folders");
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->folders_list))) != NULL)
    gtk_list_box_remove (self->folders_list, child);

  if (folders[0] == NULL)
    {
      GtkWidget *label = gtk_label_new (_ ("No folders: the sample reports are shown."));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_list_box_append (self->folders_list, label);
      return;
    }

  for (guint i = 0; folders[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *tooltip = g_strdup_printf (_ ("Stop indexing %s"), folders[i]);
      g_autofree char *escaped = g_markup_escape_text (folders[i], -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("folder-symbolic"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      tooltip, -1);
      g_object_set_data_full (G_OBJECT (button), "path", g_strdup (folders[i]), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->folders_list, row);
    }
}

static void
forward_action (FiguresPreferencesWindow *self, const char *action)
{
  if (self->window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self->window), action, NULL);
}

static void
add_folder_cb (FiguresPreferencesWindow *self)
{
  forward_action (self, "win.open-folder");
}

static void
show_skipped_cb (FiguresPreferencesWindow *self)
{
  forward_action (self, "win.show-skipped");
}

static void
rebuild_cb (FiguresPreferencesWindow *self)
{
  forward_action (self, "win.rebuild-index");
}

static void
figures_preferences_window_dispose (GObject *object)
{
  FiguresPreferencesWindow *self = FIGURES_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FIGURES_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->library);
  g_clear_weak_pointer (&self->window);

  G_OBJECT_CLASS (figures_preferences_window_parent_class)->dispose (object);
}

static void
figures_preferences_window_class_init (FiguresPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = figures_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/figures-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FiguresPreferencesWindow, folders_list);
  gtk_widget_class_bind_template_child (widget_class, FiguresPreferencesWindow, ocr_switch);
  gtk_widget_class_bind_template_callback (widget_class, add_folder_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_skipped_cb);
  gtk_widget_class_bind_template_callback (widget_class, rebuild_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
figures_preferences_window_init (FiguresPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWindow *
figures_preferences_window_new (GtkWindow *parent, FiguresLibrary *library)
{
  FiguresPreferencesWindow *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (FIGURES_IS_LIBRARY (library), NULL);

  self = g_object_new (FIGURES_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  g_set_weak_pointer (&self->window, parent);
  self->library = g_object_ref (library);
  self->settings = g_object_ref (figures_library_get_settings (library));
  g_settings_bind (self->settings, "ocr", self->ocr_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::folders", G_CALLBACK (rebuild_list), self,
                           G_CONNECT_SWAPPED);
  rebuild_list (self);
  return GTK_WINDOW (self);
}
