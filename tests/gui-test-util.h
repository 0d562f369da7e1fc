/* gui-test-util.h: driving the real widgets from a test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "figures-application.h"
#include "figures-window-private.h"

G_BEGIN_DECLS

#define GUI_TEST_TIMEOUT_SECONDS 60

/* Runs the main loop until *flag is set, failing after a minute. */
void wait_for_flag (gboolean *flag, const char *what);
void set_flag_cb (gpointer *instance, gboolean *flag);
void notify_flag_cb (GObject *object, GParamSpec *pspec, gboolean *flag);
/* Runs the main loop for @ms milliseconds. */
void settle (guint ms);
/* Saves what @widget shows after its next frame as @name in $G_TEST_BUILDDIR. */
void save_screenshot (GtkWidget *widget, const char *name);
/* Reports GTK 4.8's harmless "… without a current allocation" warning
 * as a test message instead of aborting; everything else as usual. */
GLogWriterOutput
log_writer (GLogLevelFlags log_level, const GLogField *fields, gsize n_fields, gpointer user_data);

/* Screenshots of Documents, Charts and Compare at 800×600, 1400×900 and
 * 1920×1080, light and dark: "screenshot-@prefix-WxH-THEME-VIEW.png". */
void save_screenshot_matrix (FiguresWindow *window, const char *prefix);

/* The chart's layout, once the view has been given its size (the main loop
 * runs until then). */
FiguresChartLayout *wait_for_layout (FiguresChartView *view);
/* The descendant of @root that its template or builder file names @id. */
GtkWidget *find_widget_by_id (GtkWidget *root, const char *id);
/* The button under @root whose label is @label (as given, mnemonic and all). */
GtkWidget *find_widget_by_label (GtkWidget *root, const char *label);
/* How many rows of @list (a GtkListView) fit in the height it is given on
 * screen, by the height of its first row. */
double count_visible_rows (GtkWidget *list);

/* Forgets the window's last toast; wait_for_toast() then runs the main loop
 * until a new one is shown and returns it. */
void forget_toast (FiguresWindow *window);
AdwToast *wait_for_toast (FiguresWindow *window);

/* Starts the real application on the bundled samples with a fresh index in
 * @tmpdir, and returns its window. */
FiguresApplication *start_application (const char *tmpdir, FiguresWindow **window);

/* Connects to @signal, runs @action, then waits for the signal. */
#define RUN_AND_WAIT(object, signal, action)                                              \
  G_STMT_START                                                                            \
  {                                                                                       \
    gboolean done_ = FALSE;                                                               \
    gulong id_ = g_signal_connect ((object), (signal), G_CALLBACK (set_flag_cb), &done_); \
    action;                                                                               \
    wait_for_flag (&done_, signal);                                                       \
    g_signal_handler_disconnect ((object), id_);                                          \
  }                                                                                       \
  G_STMT_END

G_END_DECLS
