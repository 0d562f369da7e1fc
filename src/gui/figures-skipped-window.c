/* figures-skipped-window.c: the files that could not be indexed, and why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-skipped-window"

#include "config.h"

#include <glib/gi18n.h>

#include "figures-list-row.h"
#include "figures-skipped-window.h"
#include "figures-worker.h"

struct _FiguresSkippedWindow
{
  GtkWindow parent_instance;

  GCancellable *cancellable;

  GtkLabel *summary_label;
  GListStore *store;
};

G_DEFINE_FINAL_TYPE (FiguresSkippedWindow, figures_skipped_window, GTK_TYPE_WINDOW)

enum
{
  SIGNAL_LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gpointer
skipped_job (FiguresIndex *index, gpointer data, GCancellable *cancellable, GError **error)
{
  return figures_index_list_skipped (index, error);
}

static void
skipped_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  FiguresSkippedWindow *self = FIGURES_SKIPPED_WINDOW (object);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) skipped = figures_worker_finish (result, &error);
  g_autofree char *summary = NULL;

  if (skipped == NULL)
    {
      if (figures_worker_error_is_cancelled (error))
        return;
      summary = g_strdup_printf (_ ("The list could not be read: %s"), error->message);
      gtk_label_set_text (self->summary_label, summary);
      return;
    }

  for (guint i = 0; i < skipped->len; i++)
    {
      FiguresSkippedFile *file = g_ptr_array_index (skipped, i);
      g_autoptr (FiguresListRow) row = figures_list_row_new (file->path, file->reason, NULL, NULL);

      figures_list_row_set_target (row, 0, 0, file->path);
      g_list_store_append (self->store, row);
    }

  if (skipped->len == 0)
    summary = g_strdup (_ ("Every file in your folders was indexed."));
  else
    summary = g_strdup_printf (ngettext ("%u file could not be indexed. Fix or convert it, "
                                         "and it is read at the next update.",
                                         "%u files could not be indexed. Fix or convert "
                                         "them, and they are read at the next update.",
                                         skipped->len),
                               skipped->len);
  gtk_label_set_text (self->summary_label, summary);
  g_signal_emit (self, signals[SIGNAL_LOADED], 0);
}

GListModel *
figures_skipped_window_get_files (FiguresSkippedWindow *self)
{
  g_return_val_if_fail (FIGURES_IS_SKIPPED_WINDOW (self), NULL);
  return G_LIST_MODEL (self->store);
}

static void
figures_skipped_window_dispose (GObject *object)
{
  FiguresSkippedWindow *self = FIGURES_SKIPPED_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), FIGURES_TYPE_SKIPPED_WINDOW);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (figures_skipped_window_parent_class)->dispose (object);
}

static void
figures_skipped_window_class_init (FiguresSkippedWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = figures_skipped_window_dispose;

  /* Emitted when the list has been read. */
  signals[SIGNAL_LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (FIGURES_TYPE_LIST_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/figures-skipped-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FiguresSkippedWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, FiguresSkippedWindow, store);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
figures_skipped_window_init (FiguresSkippedWindow *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWindow *
figures_skipped_window_new (GtkWindow *parent, const char *index_path)
{
  FiguresSkippedWindow *self;

  g_return_val_if_fail (index_path != NULL, NULL);

  self = g_object_new (FIGURES_TYPE_SKIPPED_WINDOW, "transient-for", parent, NULL);
  figures_worker_run (self, index_path, skipped_job, NULL, NULL, (GDestroyNotify) g_ptr_array_unref,
                      self->cancellable, skipped_cb, NULL);
  return GTK_WINDOW (self);
}
