/* figures-csv.c: statistics rows as CSV (UTF-8 with a BOM, for spreadsheets)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-csv"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "figures-csv.h"
#include "figures-worker.h"

static void
append_field (GString *line, const char *text, gboolean last)
{
  if (text == NULL)
    text = "";

  if (strpbrk (text, ",\"\r\n") != NULL)
    {
      g_string_append_c (line, '"');
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (line, '"');
          g_string_append_c (line, *p);
        }
      g_string_append_c (line, '"');
    }
  else
    g_string_append (line, text);

  g_string_append (line, last ? "\r\n" : ",");
}

gboolean
figures_csv_write_statistics (GFile *file,
                              GPtrArray *rows,
                              GCancellable *cancellable,
                              GError **error)
{
  g_autoptr (GString) csv = g_string_new ("\xEF\xBB\xBF");

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (rows != NULL, FALSE);

  /* Column names are fixed identifiers, for scripts as much as people. */
  g_string_append (csv, "city,place,metric,value,approx,unit,label,year,document,path,start,end,"
                        "sentence\r\n");
  for (guint i = 0; i < rows->len; i++)
    {
      FiguresStatisticRow *row = g_ptr_array_index (rows, i);
      FiguresStatistic *s = row->statistic;
      g_autofree char *value = figures_decimal_to_string (s->value);
      g_autofree char *year = s->year ? g_strdup_printf ("%d", s->year) : g_strdup ("");
      g_autofree char *start = g_strdup_printf ("%u", s->start);
      g_autofree char *end = g_strdup_printf ("%u", s->end);

      append_field (csv, s->city, FALSE);
      append_field (csv, s->place, FALSE);
      append_field (csv, figures_metric_to_key (s->metric), FALSE);
      append_field (csv, value, FALSE);
      append_field (csv, s->approx ? "true" : "false", FALSE);
      append_field (csv, s->unit, FALSE);
      append_field (csv, s->label, FALSE);
      append_field (csv, year, FALSE);
      append_field (csv, row->title, FALSE);
      append_field (csv, row->path, FALSE);
      append_field (csv, start, FALSE);
      append_field (csv, end, FALSE);
      append_field (csv, s->evidence, TRUE);
    }

  return g_file_replace_contents (file, csv->str, csv->len, NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, error);
}

typedef struct
{
  GStrv cities;
  GStrv metrics;
  GFile *file;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_strfreev (job->cities);
  g_strfreev (job->metrics);
  g_clear_object (&job->file);
  g_free (job);
}

static gpointer
export_job (FiguresIndex *index, gpointer data, GCancellable *cancellable, GError **error)
{
  ExportJob *job = data;
  FiguresStatisticsFilter filter = { (const char *const *) job->cities,
                                     (const char *const *) job->metrics, 0, 0 };
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
                          const char *const *cities,
                          const char *const *metrics,
                          GFile *file,
                          GCancellable *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer user_data)
{
  ExportJob *job = g_new0 (ExportJob, 1);

  job->cities = cities ? g_strdupv ((char **) cities) : NULL;
  job->metrics = metrics ? g_strdupv ((char **) metrics) : NULL;
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
