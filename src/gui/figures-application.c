/* figures-application.c: the GtkApplication, its settings and where things live
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-application"

#include "config.h"

#include <glib/gi18n.h>

#include "figures-application.h"
#include "figures-chart-view.h"
#include "figures-gui-build.h"
#include "figures-index.h"
#include "figures-preferences-window.h"
#include "figures-window.h"

struct _FiguresApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  FiguresLibrary *library;
  GtkCssProvider *metric_css;
};

G_DEFINE_FINAL_TYPE (FiguresApplication, figures_application, ADW_TYPE_APPLICATION)

static gboolean uninstalled_schemas;

void
figures_application_setup_uninstalled (void)
{
  g_autofree char *mo = NULL;
  g_autofree char *build_mo = NULL;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  /* Translations: prefer the installed catalogue, else the build tree's. */
  mo = g_build_filename (LOCALEDIR, "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  build_mo =
    g_build_filename (FIGURES_BUILD_LOCALEDIR, "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_EXISTS) && g_file_test (build_mo, G_FILE_TEST_EXISTS))
    bindtextdomain (GETTEXT_PACKAGE, FIGURES_BUILD_LOCALEDIR);

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, FIGURES_SCHEMA_ID, TRUE);
  if (schema == NULL)
    uninstalled_schemas = TRUE;
}

GSettings *
figures_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, FIGURES_SCHEMA_ID, TRUE);

  if (schema == NULL || uninstalled_schemas)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GSettingsSchemaSource) build_source = NULL;

      g_clear_pointer (&schema, g_settings_schema_unref);
      build_source = g_settings_schema_source_new_from_directory (FIGURES_BUILD_SCHEMA_DIR, source,
                                                                  FALSE, &error);
      if (build_source != NULL)
        schema = g_settings_schema_source_lookup (build_source, FIGURES_SCHEMA_ID, TRUE);
      if (schema == NULL)
        g_error ("The settings schema %s is not installed (%s)", FIGURES_SCHEMA_ID,
                 error ? error->message : "not in the build tree either");
    }

  return g_settings_new_full (schema, NULL, NULL);
}

char *
figures_application_dup_samples_dir (void)
{
  const char *env = g_getenv ("FIGURES_SAMPLES_DIR");

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);
  if (g_file_test (INSTALLED_SAMPLES_DIR, G_FILE_TEST_IS_DIR))
    return g_strdup (INSTALLED_SAMPLES_DIR);
  return g_strdup (SOURCE_SAMPLES_DIR);
}

char *
figures_application_dup_index_path (void)
{
  const char *env = g_getenv ("FIGURES_INDEX_PATH");

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);
  return figures_index_dup_default_path ();
}

GSettings *
figures_application_get_settings (FiguresApplication *self)
{
  g_return_val_if_fail (FIGURES_IS_APPLICATION (self), NULL);

  return self->settings;
}

FiguresLibrary *
figures_application_get_library (FiguresApplication *self)
{
  g_return_val_if_fail (FIGURES_IS_APPLICATION (self), NULL);

  return self->library;
}

/* The metric colours of the chart palette, for the dots in lists. */
static void
update_metric_css (FiguresApplication *self)
{
  g_autoptr (GString) css = g_string_new (NULL);
  FiguresChartTheme theme = figures_gui_get_chart_theme ();

  for (guint m = 0; m < FIGURES_N_METRICS; m++)
    {
      FiguresChartColor c = figures_chart_palette_get_series (theme, m);

      g_string_append_printf (css, ".metric-dot-%u { background-color: rgb(%d, %d, %d); }\n", m,
                              (int) (c.red * 255), (int) (c.green * 255), (int) (c.blue * 255));
    }
  gtk_css_provider_load_from_data (self->metric_css, css->str, css->len);
}

/* ---- actions ---- */

static void
about_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  FiguresApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { "The Figures authors", NULL };
  GtkWidget *about;

  about = adw_about_window_new ();
  gtk_window_set_transient_for (GTK_WINDOW (about), window);
  adw_about_window_set_application_name (ADW_ABOUT_WINDOW (about), _ ("Figures"));
  adw_about_window_set_application_icon (ADW_ABOUT_WINDOW (about), APP_ID);
  adw_about_window_set_version (ADW_ABOUT_WINDOW (about), PACKAGE_VERSION);
  adw_about_window_set_developer_name (ADW_ABOUT_WINDOW (about), "The Figures authors");
  adw_about_window_set_comments (ADW_ABOUT_WINDOW (about),
                                 _ ("Find and chart the statistics in folders of reports"));
  adw_about_window_set_website (ADW_ABOUT_WINDOW (about), "https://github.com/figuresapp/figures");
  adw_about_window_set_developers (ADW_ABOUT_WINDOW (about), developers);
  /* Translators: put your names here, one per line */
  adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), _ ("translator-credits"));
  adw_about_window_set_license_type (ADW_ABOUT_WINDOW (about), GTK_LICENSE_GPL_3_0);
  adw_about_window_set_copyright (ADW_ABOUT_WINDOW (about), "© 2026 The Figures authors");
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  FiguresApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWindow *prefs = figures_preferences_window_new (window, self->library);

  gtk_window_present (prefs);
}

static void
quit_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  /* Closing the windows saves their state; the application then ends. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "preferences", preferences_action },
  { "quit", quit_action },
};

/* ---- GApplication ---- */

static void
figures_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  /* A second launch raises the window the first one opened. */
  if (window == NULL)
    window = GTK_WINDOW (figures_window_new (FIGURES_APPLICATION (app)));

  gtk_window_present (window);
}

static void
figures_application_startup (GApplication *app)
{
  FiguresApplication *self = FIGURES_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (figures_application_parent_class)->startup (app);

  g_set_application_name (_ ("Figures"));
  gtk_window_set_default_icon_name (APP_ID);

  self->settings = figures_settings_new ();
  {
    g_autofree char *index_path = figures_application_dup_index_path ();
    g_autofree char *samples_dir = figures_application_dup_samples_dir ();

    self->library = figures_library_new (self->settings, index_path, samples_dir);
  }

  /* AdwApplication loads style.css from the resource base path itself. */
  self->metric_css = gtk_css_provider_new ();
  update_metric_css (self);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (self->metric_css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  /* The style manager follows the desktop's dark preference (portal). */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_metric_css), self, G_CONNECT_SWAPPED);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", prefs_accels);
}

static void
figures_application_dispose (GObject *object)
{
  FiguresApplication *self = FIGURES_APPLICATION (object);

  g_clear_object (&self->metric_css);
  g_clear_object (&self->library);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (figures_application_parent_class)->dispose (object);
}

static void
figures_application_class_init (FiguresApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = figures_application_dispose;
  app_class->activate = figures_application_activate;
  app_class->startup = figures_application_startup;
}

static void
figures_application_init (FiguresApplication *self)
{
}

FiguresApplication *
figures_application_new (void)
{
  return g_object_new (FIGURES_TYPE_APPLICATION, "application-id", APP_ID, "flags",
                       G_APPLICATION_DEFAULT_FLAGS, "resource-base-path", RESOURCE_BASE, NULL);
}

int
figures_application_run (int argc, char **argv)
{
  g_autoptr (FiguresApplication) app = NULL;

  figures_application_setup_uninstalled ();
  app = figures_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
