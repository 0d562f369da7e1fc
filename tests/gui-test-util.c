/* gui-test-util.c: driving the real widgets from a test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-gui"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "figures-chart-view.h"
#include "gui-test-util.h"

/* Runs the main loop until *flag is set, failing after the timeout. */
void
wait_for_flag (gboolean *flag, const char *what)
{
  gint64 deadline = g_get_monotonic_time () + GUI_TEST_TIMEOUT_SECONDS * G_TIME_SPAN_SECOND;

  while (!*flag)
    {
      g_main_context_iteration (NULL, FALSE);
      if (!*flag)
        g_usleep (1000);
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", what);
    }
}

void
set_flag_cb (gpointer *instance, gboolean *flag)
{
  *flag = TRUE;
}

void
notify_flag_cb (GObject *object, GParamSpec *pspec, gboolean *flag)
{
  *flag = TRUE;
}

void
settle (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

typedef struct
{
  GtkWidget *widget;
  const char *name;
  gboolean done;
} Screenshot;

/* Runs right after a frame was laid out and painted: every allocation is
 * current, so the widget can be snapshot as the user sees it. */
static void
after_paint_cb (GdkFrameClock *clock, Screenshot *shot)
{
  GtkWidget *widget = shot->widget;
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (shot->done || width <= 0 || height <= 0)
    return;
  shot->done = TRUE;

  /* A toplevel's paintable is empty: draw the window itself, frame and all. */
  if (GTK_IS_ROOT (widget))
    {
      GdkRGBA background = { 1, 1, 1, 1 };

      /* The class snapshot leaves out the window's own CSS background,
       * which a PNG would show as transparent (white): paint it first. */
      gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "window_bg_color",
                                      &background);
      gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));
      GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
    }
  else
    {
      paintable = gtk_widget_paintable_new (widget);
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
    }
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                           shot->name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

void
save_screenshot (GtkWidget *widget, const char *name)
{
  Screenshot shot = { widget, name, FALSE };
  GdkFrameClock *clock;
  gulong id;

  settle (300);
  clock = gtk_widget_get_frame_clock (widget);
  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &shot);
  gtk_widget_queue_draw (widget);
  wait_for_flag (&shot.done, "a painted frame");
  g_signal_handler_disconnect (clock, id);
}

/* GTK 4.8 sometimes paints a widget (often an internal gizmo) in the frame
 * before it is allocated (a harmless GTK bug, fixed in 4.10): report it
 * instead of aborting. */
GLogWriterOutput
log_writer (GLogLevelFlags log_level, const GLogField *fields, gsize n_fields, gpointer user_data)
{
  const char *domain = NULL, *message = NULL;
  const char *at;
  void *pointer = NULL;

  for (gsize i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0)
      domain = fields[i].value;
    else if (g_strcmp0 (fields[i].key, "MESSAGE") == 0)
      message = fields[i].value;

  at = message ? strstr (message, "Trying to snapshot ") : NULL;
  if (g_strcmp0 (domain, "Gtk") != 0 || at == NULL ||
      !g_str_has_suffix (message, "without a current allocation"))
    return g_log_writer_default (log_level, fields, n_fields, user_data);

  /* "Trying to snapshot GtkBox 0x… without …": the type name, then the
   * widget. libadwaita's sliding panes and toasts meet the same bug. */
  at = strchr (at + strlen ("Trying to snapshot "), ' ');
  if (at != NULL && sscanf (at, " %p", &pointer) == 1 && GTK_IS_WIDGET (pointer))
    {
      g_autoptr (GString) path = g_string_new (NULL);

      for (GtkWidget *w = pointer; w != NULL; w = gtk_widget_get_parent (w))
        g_string_append_printf (path, "%s%s(%s)", path->len ? " < " : "",
                                gtk_widget_get_css_name (w), G_OBJECT_TYPE_NAME (w));
      g_test_message ("GTK painted an unallocated widget: %s", path->str);
    }
  return G_LOG_WRITER_HANDLED;
}

void
save_screenshot_matrix (FiguresWindow *window, const char *prefix)
{
  static const struct
  {
    int width, height;
  } sizes[] = { { 800, 600 }, { 1400, 900 }, { 1920, 1080 } };
  static const char *views[] = { "documents", "charts", "compare" };
  AdwStyleManager *style = adw_style_manager_get_default ();

  /* A toast left from an earlier step would cover the view: let it time
   * out (dismissing one while libadwaita 1.2 animates it can crash). */
  {
    gint64 deadline = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;

    while (window->toast != NULL && g_get_monotonic_time () < deadline)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (2000);
      }
  }

  for (guint dark = 0; dark < 2; dark++)
    {
      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                      : ADW_COLOR_SCHEME_FORCE_LIGHT);
      /* Item 5: the charts follow the style manager, live. */
      g_assert_cmpint (figures_gui_get_chart_theme (), ==,
                       dark ? FIGURES_CHART_THEME_DARK : FIGURES_CHART_THEME_LIGHT);
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          gtk_window_set_default_size (GTK_WINDOW (window), sizes[s].width, sizes[s].height);
          for (guint v = 0; v < G_N_ELEMENTS (views); v++)
            {
              g_autofree char *name =
                g_strdup_printf ("screenshot-%s-%dx%d-%s-%s.png", prefix, sizes[s].width,
                                 sizes[s].height, dark ? "dark" : "light", views[v]);

              figures_window_set_view (window, views[v]);
              settle (250);
              save_screenshot (GTK_WIDGET (window), name);
            }
        }
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  figures_window_set_view (window, "documents");
  settle (200);
}

FiguresChartLayout *
wait_for_layout (FiguresChartView *view)
{
  gint64 deadline = g_get_monotonic_time () + GUI_TEST_TIMEOUT_SECONDS * G_TIME_SPAN_SECOND;
  FiguresChartLayout *layout;

  while ((layout = figures_chart_view_get_layout (view)) == NULL &&
         g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  g_assert_nonnull (layout);
  return layout;
}

GtkWidget *
find_widget_by_id (GtkWidget *root, const char *id)
{
  if (GTK_IS_BUILDABLE (root) &&
      g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (root)), id) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_by_id (child, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
find_widget_by_label (GtkWidget *root, const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_by_label (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

double
count_visible_rows (GtkWidget *list)
{
  /* the list scrolls: what is seen is its scrolled window's height */
  GtkWidget *viewport = gtk_widget_get_parent (list);
  GtkWidget *row = gtk_widget_get_first_child (list);

  g_assert_true (GTK_IS_LIST_VIEW (list));
  g_assert_true (GTK_IS_SCROLLED_WINDOW (viewport));
  g_assert_nonnull (row);
  g_assert_cmpint (gtk_widget_get_height (row), >, 0);
  return (double) gtk_widget_get_height (viewport) / gtk_widget_get_height (row);
}

void
forget_toast (FiguresWindow *window)
{
  g_clear_weak_pointer (&window->toast);
}

AdwToast *
wait_for_toast (FiguresWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + GUI_TEST_TIMEOUT_SECONDS * G_TIME_SPAN_SECOND;

  while (window->toast == NULL)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for a toast");
    }
  return window->toast;
}

FiguresApplication *
start_application (const char *tmpdir, FiguresWindow **window)
{
  g_autofree char *index_path = g_build_filename (tmpdir, "index.db", NULL);
  const char *source_dir = g_getenv ("FIGURES_SOURCE_DIR");
  g_autofree char *samples =
    g_build_filename (source_dir ? source_dir : ".", "data", "samples", NULL);
  FiguresApplication *app;

  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_setenv ("FIGURES_INDEX_PATH", index_path, TRUE);
  g_setenv ("FIGURES_SAMPLES_DIR", samples, TRUE);
  g_setenv ("ADW_DISABLE_PORTAL", "1", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);

  figures_application_setup_uninstalled ();
  app = figures_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_activate (G_APPLICATION (app));
  *window = FIGURES_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (*window);
  gtk_window_set_default_size (GTK_WINDOW (*window), 1200, 760);
  return app;
}
