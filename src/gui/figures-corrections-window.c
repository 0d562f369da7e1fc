/* figures-corrections-window.c: the analyst's corrections, listed
 *
 * Every correction in force, the orphaned ones (their figure is no longer in
 * the index: the report changed) marked and kept. Export and Import share
 * them as TSV (the format of `figures corrections --export`); Undo takes
 * back the latest correction of the selected figure. The list follows the
 * library: any change re-reads it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-corrections-window"

#include "config.h"

#include <glib/gi18n.h>

#include "figures-corrections-window.h"
#include "figures-format.h"
#include "figures-list-row.h"
#include "figures-statistic-table.h"
#include "figures-worker.h"

struct _FiguresCorrectionsWindow
{
  GtkWindow parent_instance;

  FiguresLibrary *library;
  GCancellable *cancellable;
  GPtrArray *corrections; /* FiguresCorrection *, as the rows */

  GtkLabel *summary_label;
  GListStore *store;
  GtkSingleSelection *selection;
};

G_DEFINE_FINAL_TYPE (FiguresCorrectionsWindow, figures_corrections_window, GTK_TYPE_WINDOW)

enum
{
  SIGNAL_LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What a correction did, in words: "Not a statistic", "City: A → B". */
static char *
describe (const FiguresCorrection *correction)
{
  static const char *const fields[] = {
    [FIGURES_CORRECTION_FIELD_NONE] = NULL,
    [FIGURES_CORRECTION_FIELD_METRIC] = N_ ("Metric"),
    [FIGURES_CORRECTION_FIELD_CITY] = N_ ("City"),
    [FIGURES_CORRECTION_FIELD_VALUE] = N_ ("Value"),
    [FIGURES_CORRECTION_FIELD_YEAR] = N_ ("Year"),
    [FIGURES_CORRECTION_FIELD_TITLE] = N_ ("Report title"),
    [FIGURES_CORRECTION_FIELD_DATE] = N_ ("Report date"),
    [FIGURES_CORRECTION_FIELD_REPORT_CITY] = N_ ("Report city"),
  };

  switch (correction->action)
    {
      case FIGURES_CORRECTION_CONFIRM:
        return g_strdup (_ ("Confirmed"));
      case FIGURES_CORRECTION_REJECT:
        return g_strdup (_ ("Not a statistic"));
      case FIGURES_CORRECTION_SET:
      default:
        /* Translators: a changed field: "City: 包头市 → 呼和浩特市" */
        return g_strdup_printf (_ ("%s: %s → %s"), _ (fields[correction->field]),
                                correction->old_value != NULL && correction->old_value[0] != '\0'
                                  ? correction->old_value
                                  : "—",
                                correction->new_value);
    }
}

static void
listed_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (FiguresCorrectionsWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list =
    figures_library_list_corrections_finish (FIGURES_LIBRARY (object), result, &error);
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *summary = NULL;
  guint orphaned = 0;

  if (list == NULL)
    {
      if (figures_worker_error_is_cancelled (error))
        return;
      summary = g_strdup_printf (_ ("The corrections could not be read: %s"), error->message);
      gtk_label_set_text (self->summary_label, summary);
      return;
    }

  rows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < list->len; i++)
    {
      const FiguresCorrection *correction = g_ptr_array_index (list, i);
      g_autofree char *title = describe (correction);
      g_autofree char *file = figures_display_path (correction->file, NULL);
      g_autofree char *subtitle = NULL;
      g_autoptr (GDateTime) made =
        correction->when != NULL ? g_date_time_new_from_iso8601 (correction->when, NULL) : NULL;
      g_autoptr (GDateTime) local = made != NULL ? g_date_time_to_local (made) : NULL;
      g_autofree char *when =
        local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup (correction->when);

      if (correction->orphaned)
        {
          orphaned++;
          subtitle =
            /* Translators: file, position; the figure is not found any more */
            g_strdup_printf (_ ("%s, at %u · %s · Orphaned: the report no longer has this "
                                "figure; kept in case it comes back"),
                             file, correction->start, when);
        }
      else
        subtitle = g_strdup_printf (_ ("%s, at %u · %s"), file, correction->start, when);
      g_ptr_array_add (rows, figures_list_row_new (title, subtitle, NULL, NULL));
    }
  g_clear_pointer (&self->corrections, g_ptr_array_unref);
  self->corrections = g_steal_pointer (&list);
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       rows->pdata, rows->len);

  if (rows->len == 0)
    summary = g_strdup (_ ("No corrections yet. Confirm, reject or change figures in the "
                           "Statistics view, or import a colleague’s corrections."));
  else if (orphaned == 0)
    summary =
      g_strdup_printf (ngettext ("%u correction, applied to every table and chart.",
                                 "%u corrections, applied to every table and chart.", rows->len),
                       rows->len);
  else
    summary = g_strdup_printf (
      /* Translators: the first %u is every correction, the second the orphaned ones */
      ngettext ("%u correction; %u of them orphaned: their report changed.",
                "%u corrections; %u of them orphaned: their report changed.", rows->len),
      rows->len, orphaned);
  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "corrections.export", rows->len > 0);
  g_signal_emit (self, signals[SIGNAL_LOADED], 0);
}

static void
reload (FiguresCorrectionsWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  figures_library_list_corrections_async (self->library, self->cancellable, listed_cb,
                                          g_object_ref (self));
}

GListModel *
figures_corrections_window_get_rows (FiguresCorrectionsWindow *self)
{
  g_return_val_if_fail (FIGURES_IS_CORRECTIONS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->store);
}

static void
report (FiguresCorrectionsWindow *self, const char *message)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  gtk_label_set_text (self->summary_label, message);
  /* the main window's toast too, where it outlives this window */
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-message", "s", message);
}

static void
exported_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (FiguresCorrectionsWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (!figures_library_export_corrections_finish (FIGURES_LIBRARY (object), result, &error))
    {
      if (figures_worker_error_is_cancelled (error))
        return;
      message = g_strdup_printf (_ ("The corrections could not be exported: %s"), error->message);
    }
  else
    message = g_strdup (_ ("Corrections exported"));
  report (self, message);
  g_signal_emit (self, signals[SIGNAL_LOADED], 0);
}

void
figures_corrections_window_export (FiguresCorrectionsWindow *self, GFile *file)
{
  g_return_if_fail (FIGURES_IS_CORRECTIONS_WINDOW (self));
  figures_library_export_corrections_async (self->library, file, NULL, exported_cb,
                                            g_object_ref (self));
}

static void
imported_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (FiguresCorrectionsWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  int added = figures_library_import_corrections_finish (FIGURES_LIBRARY (object), result, &error);

  if (added < 0)
    {
      message = g_strdup_printf (_ ("Nothing was imported: %s"), error->message);
      report (self, message);
      g_signal_emit (self, signals[SIGNAL_LOADED], 0);
      return;
    }
  message =
    g_strdup_printf (ngettext ("%d correction imported", "%d corrections imported", added), added);
  report (self, message);
  /* the library's "changed" re-reads the list */
}

void
figures_corrections_window_import (FiguresCorrectionsWindow *self, GFile *file)
{
  g_return_if_fail (FIGURES_IS_CORRECTIONS_WINDOW (self));
  figures_library_import_corrections_async (self->library, file, NULL, imported_cb,
                                            g_object_ref (self));
}

static void
chooser_response_cb (GtkNativeDialog *chooser, int response, FiguresCorrectionsWindow *self)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    {
      if (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE)
        figures_corrections_window_export (self, file);
      else
        figures_corrections_window_import (self, file);
    }
  g_object_unref (chooser);
}

static void
choose_file (FiguresCorrectionsWindow *self, GtkFileChooserAction action)
{
  gboolean save = action == GTK_FILE_CHOOSER_ACTION_SAVE;
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (
    save ? _ ("Export Corrections") : _ ("Import Corrections"), GTK_WINDOW (self), action,
    save ? _ ("_Export") : _ ("_Import"), _ ("_Cancel"));
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _ ("Tab-separated values"));
  gtk_file_filter_add_pattern (filter, "*.tsv");
  gtk_file_filter_add_mime_type (filter, "text/tab-separated-values");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (save)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _ ("corrections.tsv"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_action (GtkWidget *widget, const char *name, GVariant *param)
{
  choose_file (FIGURES_CORRECTIONS_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SAVE);
}

static void
import_action (GtkWidget *widget, const char *name, GVariant *param)
{
  choose_file (FIGURES_CORRECTIONS_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
undone_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (FiguresCorrectionsWindow) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!figures_library_correct_finish (FIGURES_LIBRARY (object), result, &error) &&
      !figures_worker_error_is_cancelled (error))
    report (self, error->message);
}

static void
undo_action (GtkWidget *widget, const char *name, GVariant *param)
{
  FiguresCorrectionsWindow *self = FIGURES_CORRECTIONS_WINDOW (widget);
  guint position = gtk_single_selection_get_selected (self->selection);
  const FiguresCorrection *chosen;
  g_autoptr (FiguresCorrection) undo = figures_correction_new ();

  if (self->corrections == NULL || position >= self->corrections->len)
    return;
  chosen = g_ptr_array_index (self->corrections, position);
  undo->hash = g_strdup (chosen->hash);
  undo->start = chosen->start;
  undo->field = chosen->field; /* a report's or a figure's */
  figures_library_correct_async (self->library, undo, TRUE, NULL, undone_cb, g_object_ref (self));
}

static void
selection_changed_cb (FiguresCorrectionsWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "corrections.undo",
                                 gtk_single_selection_get_selected_item (self->selection) != NULL);
}

static void
figures_corrections_window_dispose (GObject *object)
{
  FiguresCorrectionsWindow *self = FIGURES_CORRECTIONS_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), FIGURES_TYPE_CORRECTIONS_WINDOW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->library);
  g_clear_pointer (&self->corrections, g_ptr_array_unref);

  G_OBJECT_CLASS (figures_corrections_window_parent_class)->dispose (object);
}

static void
figures_corrections_window_class_init (FiguresCorrectionsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = figures_corrections_window_dispose;

  /* The list was read, or an export or a failed import is done. */
  signals[SIGNAL_LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (FIGURES_TYPE_LIST_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/figures-corrections-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FiguresCorrectionsWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, FiguresCorrectionsWindow, store);
  gtk_widget_class_bind_template_child (widget_class, FiguresCorrectionsWindow, selection);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_install_action (widget_class, "corrections.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "corrections.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "corrections.undo", NULL, undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
figures_corrections_window_init (FiguresCorrectionsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "corrections.export", FALSE);
  selection_changed_cb (self);
}

GtkWindow *
figures_corrections_window_new (GtkWindow *parent, FiguresLibrary *library)
{
  FiguresCorrectionsWindow *self;

  g_return_val_if_fail (FIGURES_IS_LIBRARY (library), NULL);

  self = g_object_new (FIGURES_TYPE_CORRECTIONS_WINDOW, "transient-for", parent, NULL);
  self->library = g_object_ref (library);
  g_signal_connect_object (library, "changed", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  reload (self);
  return GTK_WINDOW (self);
}
