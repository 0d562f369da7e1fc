/* figures-csv.c: statistics rows as CSV (UTF-8 with a BOM, for spreadsheets)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "figures-csv.h"
#include "figures-statistic-table.h"
#include "figures-worker.h"

gboolean
figures_csv_write_statistics (GFile *file,
                              GPtrArray *rows,
                              GCancellable *cancellable,
                              GError **error)
{
  /* the one schema and writer, as `figures stats --format=csv` */
  g_autoptr (GBytes) csv = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (rows != NULL, FALSE);

  csv = figures_statistics_to_csv (rows, NULL);
  return g_file_replace_contents (file, g_bytes_get_data (csv, NULL), g_bytes_get_size (csv), NULL,
                                  FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable,
                                  error);
}

typedef struct
{
  GStrv cities;
  GStrv metrics;
  GStrv labels;
  int year_from;
  int year_to;
  GFile *file;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_strfreev (job->cities);
  g_strfreev (job->metrics);
  g_strfreev (job->labels);
  g_clear_object (&job->file);
  g_free (job);
}

static gpointer
export_job (FiguresIndex *index, gpointer data, GCancellable *cancellable, GError **error)
{
  ExportJob *job = data;
  FiguresStatisticsFilter filter = { (const char *const *) job->cities,
                                     (const char *const *) job->metrics, 0, 0 };

  filter.labels = (const char *const *) job->labels;
  filter.year_from = job->year_from;
  filter.year_to = job->year_to;
  g_autoptr (GPtrArray) rows = figures_index_list_statistics (index, &filter, error);

  if (rows == NULL)
    return NULL;
  if (!figures_csv_write_statistics (job->file, rows, cancellable, error))
    return NULL;
  return GSIZE_TO_POINTER (rows->len + 1);
}

void
figures_csv_export_async (gpointer source_object,
                          const char *index_path,
                          const FiguresStatisticsFilter *filter,
                          GFile *file,
                          GCancellable *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer user_data)
{
  ExportJob *job = g_new0 (ExportJob, 1);

  /* the cities, metrics, labels and years of @filter */
  job->cities = g_strdupv ((char **) filter->cities);
  job->metrics = g_strdupv ((char **) filter->metrics);
  job->labels = g_strdupv ((char **) filter->labels);
  job->year_from = filter->year_from;
  job->year_to = filter->year_to;
  job->file = g_object_ref (file);
  figures_worker_run (source_object, index_path, export_job, job, (GDestroyNotify) export_job_free,
                      NULL, cancellable, callback, user_data);
}

gssize
figures_csv_export_finish (GAsyncResult *result, GError **error)
{
  gpointer n = figures_worker_finish (result, error);

  return n == NULL ? -1 : (gssize) GPOINTER_TO_SIZE (n) - 1;
}

void
figures_csv_export_done_cb (GObject *source_object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GFile) file = user_data;
  g_autoptr (GError) error = NULL;
  gssize n = figures_csv_export_finish (result, &error);
  g_autofree char *uri = g_file_get_uri (file);

  if (n < 0)
    {
      g_autofree char *message = NULL;

      if (figures_worker_error_is_cancelled (error))
        return;
      message = g_strdup_printf (_ ("Could not export the statistics: %s"), error->message);
      gtk_widget_activate_action (GTK_WIDGET (source_object), "win.show-message", "s", message);
    }
  else
    gtk_widget_activate_action (GTK_WIDGET (source_object), "win.show-exported", "s", uri);
}
