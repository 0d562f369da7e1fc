/* test-gui-i18n.c: the window in Simplified Chinese under a Chinese locale
 *
 * Runs the real application on the bundled samples with LANG=zh_CN.UTF-8
 * (set by tests/meson.build) and checks that what a reader sees is
 * translated: the view switcher, the search entry, the samples banner.
 * Skips when the machine has no zh_CN.UTF-8 locale (build-aux/setup-deps
 * generates it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <gtk/gtk.h>

#include "figures-application.h"
#include "figures-window-private.h"
#include "gui-test-util.h"

static FiguresWindow *window;

static gboolean
has_han (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HAN)
      return TRUE;

  return FALSE;
}

static const char *
stack_title (const char *name)
{
  GtkWidget *child = adw_view_stack_get_child_by_name (window->stack, name);

  g_assert_nonnull (child);
  return adw_view_stack_page_get_title (adw_view_stack_get_page (window->stack, child));
}

/* Collects the text of every label under @widget. */
static void
collect_labels (GtkWidget *widget, GString *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

static void
test_views_translated (void)
{
  RUN_AND_WAIT (window, "index-updated", (void) 0);
  settle (300);

  g_assert_cmpstr (stack_title ("documents"), ==, "报告");
  g_assert_cmpstr (stack_title ("charts"), ==, "图表");
  g_assert_cmpstr (stack_title ("compare"), ==, "对比");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (window->search_entry)), ==, "");
  {
    g_autofree char *placeholder = NULL;

    g_object_get (window->search_entry, "placeholder-text", &placeholder, NULL);
    g_assert_cmpstr (placeholder, ==, "搜索报告");
  }

  save_screenshot (GTK_WIDGET (window), "screenshot-zh_CN.png");
  save_screenshot_matrix (window, "zh_CN");
}

/* Every visible label of the window reads in Chinese, apart from names,
 * numbers and the application's own name. */
static void
test_no_english_left (void)
{
  g_autoptr (GString) labels = g_string_new (NULL);
  g_auto (GStrv) lines = NULL;
  guint english = 0;

  collect_labels (GTK_WIDGET (window), labels);
  lines = g_strsplit (labels->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      gboolean has_letters = FALSE;

      for (const char *p = line; *p != '\0'; p++)
        if (g_ascii_isalpha (*p))
          has_letters = TRUE;
      if (has_letters && !has_han (line) && strstr (line, "Figures") == NULL)
        {
          g_test_message ("untranslated label: “%s”", line);
          english++;
        }
    }
  g_assert_cmpuint (english, ==, 0);
}

int
main (int argc, char **argv)
{
  g_autofree char *tmpdir = NULL;
  const char *locale;
  FiguresApplication *app;
  int status;

  g_log_set_writer_func (log_writer, NULL, NULL);
  locale = setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  if (locale == NULL || !g_str_has_prefix (locale, "zh_CN"))
    {
      g_test_skip ("no zh_CN.UTF-8 locale on this machine (build-aux/setup-deps generates it)");
      return g_test_run ();
    }

  tmpdir = g_dir_make_tmp ("figures-gui-zh-XXXXXX", NULL);
  app = start_application (tmpdir, &window);

  g_test_add_func ("/gui-zh_CN/views", test_views_translated);
  g_test_add_func ("/gui-zh_CN/no-english-left", test_no_english_left);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  settle (200);
  g_object_unref (app);
  {
    const char *files[] = { "index.db-wal", "index.db-shm", "index.db", NULL };

    for (guint i = 0; files[i] != NULL; i++)
      {
        g_autofree char *path = g_build_filename (tmpdir, files[i], NULL);
        g_remove (path);
      }
    g_rmdir (tmpdir);
  }
  return status;
}
