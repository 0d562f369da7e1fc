/* figures-statistic-list.c: the index's statistics as a lazily loaded GListModel
 *
 * As the document list: get_item() never touches SQLite. It hands out a
 * placeholder and asks a worker thread for the 200-row page around it; the
 * rows are filled in place when the page arrives. A query (filters and
 * sort) is run once, by SQLite, for the ids of its rows in order
 * (figures_index_list_statistic_ids(): 8 bytes a row); a page then reads
 * its rows by id, as fast at the end of a million rows as at the top.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-statistic-list"

#include "config.h"

#include "figures-page-cache.h"
#include "figures-statistic-item.h"
#include "figures-statistic-list.h"
#include "figures-worker.h"

#define PAGE_SIZE 200
/* rows kept read: a few screens around the view, whatever was scrolled */
#define MAX_PAGES 32

struct _FiguresStatisticList
{
  GObject parent_instance;

  char *index_path;
  FiguresStatisticQuery query;
  GCancellable *cancellable;

  GCancellable *query_cancellable; /* the query's jobs: a new one stops them */
  GArray *ids;                     /* gint64, the rows' in order */
  FiguresPageCache *pages;
  guint generation;
  guint pending;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FiguresStatisticList,
                               figures_statistic_list,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum
{
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- queries, copied for the worker ---- */

static void
query_copy (FiguresStatisticQuery *to, const FiguresStatisticQuery *from)
{
  *to = *from;
  to->metric = g_strdup (from->metric);
  to->city = g_strdup (from->city);
  to->label = g_strdup (from->label);
  to->text = g_strdup (from->text);
}

static void
query_clear (FiguresStatisticQuery *query)
{
  g_clear_pointer (&query->metric, g_free);
  g_clear_pointer (&query->city, g_free);
  g_clear_pointer (&query->label, g_free);
  g_clear_pointer (&query->text, g_free);
}

static gboolean
query_equal (const FiguresStatisticQuery *a, const FiguresStatisticQuery *b)
{
  return g_strcmp0 (a->metric, b->metric) == 0 && g_strcmp0 (a->city, b->city) == 0 &&
         g_strcmp0 (a->label, b->label) == 0 && g_strcmp0 (a->text, b->text) == 0 &&
         a->year_from == b->year_from && a->year_to == b->year_to && a->sort == b->sort &&
         a->descending == b->descending;
}

/* A job's own copy of the query, and what it reads */
typedef struct
{
  FiguresStatisticQuery query;
  guint generation;
  guint page;        /* a page */
  gboolean in_place; /* a query: the rows shown stay */
  GArray *ids;       /* a page, read_rows: the rows' */
} Job;

static Job *
job_new (FiguresStatisticList *self)
{
  Job *job = g_new0 (Job, 1);

  query_copy (&job->query, &self->query);
  job->generation = self->generation;
  return job;
}

static void
job_free (Job *job)
{
  query_clear (&job->query);
  g_clear_pointer (&job->ids, g_array_unref);
  g_free (job);
}

/* @filter borrows from @query and @storage (three pairs of strings) */
static void
query_to_filter (const FiguresStatisticQuery *query,
                 const char **storage,
                 FiguresStatisticsFilter *filter)
{
  memset (filter, 0, sizeof *filter);
  storage[0] = query->metric, storage[1] = NULL;
  storage[2] = query->city, storage[3] = NULL;
  storage[4] = query->label, storage[5] = NULL;
  filter->metrics = query->metric != NULL ? storage : NULL;
  filter->cities = query->city != NULL ? storage + 2 : NULL;
  filter->labels = query->label != NULL ? storage + 4 : NULL;
  filter->year_from = query->year_from;
  filter->year_to = query->year_to;
  filter->text = query->text != NULL && query->text[0] != '\0' ? query->text : NULL;
}

static void
set_pending (FiguresStatisticList *self, int delta)
{
  gboolean was = self->pending > 0;

  self->pending += delta;
  if (was != (self->pending > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* ---- pages ---- */

static gpointer
read_rows_job (FiguresIndex *index, gpointer data, GCancellable *cancellable, GError **error)
{
  Job *job = data;

  return figures_index_get_statistics (index, (const gint64 *) job->ids->data, job->ids->len,
                                       error);
}

static void
read_page_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  FiguresStatisticList *self = FIGURES_STATISTIC_LIST (object);
  Job *job = user_data;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *items;

  rows = figures_worker_finish (result, &error);
  if (job->generation != self->generation)
    goto done;

  if (rows == NULL)
    {
      if (!figures_worker_error_is_cancelled (error))
        g_warning ("Could not read statistics: %s", error->message);
      goto done;
    }
  items = figures_page_cache_lookup (self->pages, job->page);
  /* the items take the rows they show; a row since gone stays a
   * placeholder until the list is read again */
  for (guint i = 0; items != NULL && i < items->len && i < rows->len; i++)
    if (rows->pdata[i] != NULL)
      figures_statistic_item_set_row (g_ptr_array_index (items, i),
                                      g_steal_pointer (&rows->pdata[i]));

done:
  /* "loading" turns FALSE once the rows hold what was read */
  set_pending (self, -1);
  job_free (job);
  g_object_unref (self);
}

/* FiguresPageReadFunc */
static void
read_page (GListModel *model, guint page)
{
  FiguresStatisticList *self = FIGURES_STATISTIC_LIST (model);
  Job *job = job_new (self);
  guint first = page * PAGE_SIZE;

  job->page = page;
  job->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), PAGE_SIZE);
  if (first < self->ids->len)
    g_array_append_vals (job->ids, &g_array_index (self->ids, gint64, first),
                         MIN (PAGE_SIZE, self->ids->len - first));
  set_pending (self, +1);
  g_object_ref (self);
  figures_worker_run_query (self, self->index_path, read_rows_job, job, NULL,
                            (GDestroyNotify) g_ptr_array_unref, self->query_cancellable,
                            read_page_cb, job);
}

static GType
list_get_item_type (GListModel *model)
{
  return FIGURES_TYPE_STATISTIC_ITEM;
}

static guint
list_get_n_items (GListModel *model)
{
  return figures_page_cache_get_n_items (FIGURES_STATISTIC_LIST (model)->pages);
}

static gpointer
list_get_item (GListModel *model, guint position)
{
  return figures_page_cache_get_item (FIGURES_STATISTIC_LIST (model)->pages, position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_get_item_type;
  iface->get_n_items = list_get_n_items;
  iface->get_item = list_get_item;
}

/* ---- the query ---- */

static gpointer
ids_job (FiguresIndex *index, gpointer data, GCancellable *cancellable, GError **error)
{
  Job *job = data;
  const char *storage[6];
  FiguresStatisticsFilter filter;

  query_to_filter (&job->query, storage, &filter);
  return figures_index_list_statistic_ids (index, &filter, job->query.sort, job->query.descending,
                                           error);
}

static void
ids_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  FiguresStatisticList *self = FIGURES_STATISTIC_LIST (object);
  Job *job = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = figures_worker_finish (result, &error);

  if (job->generation != self->generation)
    ;
  else if (ids == NULL)
    {
      if (!figures_worker_error_is_cancelled (error))
        g_warning ("Could not read statistics: %s", error->message);
    }
  else
    {
      g_array_unref (self->ids);
      self->ids = g_steal_pointer (&ids);
      /* the same query over a changed index: the table keeps its scroll
       * position and selection */
      figures_page_cache_set_n_items (self->pages, self->ids->len, job->in_place);
    }

  /* after the pages it asked for again, so "loading" stays TRUE till they
   * are read */
  set_pending (self, -1);
  job_free (job);
  g_object_unref (self);
}

static void
reload (FiguresStatisticList *self, gboolean in_place)
{
  Job *job;

  self->generation++;
  /* what the last query still reads is read for nobody: a filter typed
   * letter by letter over a million rows asks many in a row */
  g_cancellable_cancel (self->query_cancellable);
  g_object_unref (self->query_cancellable);
  self->query_cancellable = g_cancellable_new ();
  job = job_new (self);
  job->in_place = in_place;
  set_pending (self, +1);
  g_object_ref (self);
  figures_worker_run_query (self, self->index_path, ids_job, job, NULL,
                            (GDestroyNotify) g_array_unref, self->query_cancellable, ids_cb, job);
}

void
figures_statistic_list_reload (FiguresStatisticList *self)
{
  g_return_if_fail (FIGURES_IS_STATISTIC_LIST (self));
  reload (self, TRUE);
}

void
figures_statistic_list_set_query (FiguresStatisticList *self, const FiguresStatisticQuery *query)
{
  g_return_if_fail (FIGURES_IS_STATISTIC_LIST (self));
  g_return_if_fail (query != NULL);

  if (query_equal (&self->query, query))
    return;
  query_clear (&self->query);
  query_copy (&self->query, query);
  /* other rows: from the top */
  reload (self, FALSE);
}

void
figures_statistic_list_clear (FiguresStatisticList *self)
{
  g_return_if_fail (FIGURES_IS_STATISTIC_LIST (self));

  /* answers still on their way belong to the old generation */
  self->generation++;
  g_cancellable_cancel (self->query_cancellable);
  g_array_set_size (self->ids, 0);
  figures_page_cache_clear (self->pages);
}

gboolean
figures_statistic_list_get_loading (FiguresStatisticList *self)
{
  g_return_val_if_fail (FIGURES_IS_STATISTIC_LIST (self), FALSE);
  return self->pending > 0;
}

/* ---- rows wherever they are ---- */

static void
read_rows_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = figures_worker_finish (result, &error);

  if (rows == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* rows gone since the list was read leave no hole */
  for (guint i = rows->len; i > 0; i--)
    if (rows->pdata[i - 1] == NULL)
      g_ptr_array_remove_index (rows, i - 1);
  g_task_return_pointer (task, g_steal_pointer (&rows), (GDestroyNotify) g_ptr_array_unref);
}

void
figures_statistic_list_read_rows_async (FiguresStatisticList *self,
                                        GArray *positions,
                                        GCancellable *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer user_data)
{
  GTask *task;
  Job *job;

  g_return_if_fail (FIGURES_IS_STATISTIC_LIST (self));
  g_return_if_fail (positions != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, figures_statistic_list_read_rows_async);
  job = job_new (self);
  job->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), positions->len);
  for (guint i = 0; i < positions->len; i++)
    {
      guint position = g_array_index (positions, guint, i);

      if (position < self->ids->len)
        g_array_append_val (job->ids, g_array_index (self->ids, gint64, position));
    }
  figures_worker_run (self, self->index_path, read_rows_job, job, (GDestroyNotify) job_free,
                      (GDestroyNotify) g_ptr_array_unref, cancellable, read_rows_cb, task);
}

GPtrArray *
figures_statistic_list_read_rows_finish (FiguresStatisticList *self,
                                         GAsyncResult *result,
                                         GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- GObject ---- */

static void
figures_statistic_list_get_property (GObject *object,
                                     guint prop_id,
                                     GValue *value,
                                     GParamSpec *pspec)
{
  FiguresStatisticList *self = FIGURES_STATISTIC_LIST (object);

  switch (prop_id)
    {
      case PROP_LOADING:
        g_value_set_boolean (value, self->pending > 0);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
figures_statistic_list_dispose (GObject *object)
{
  FiguresStatisticList *self = FIGURES_STATISTIC_LIST (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->query_cancellable);

  G_OBJECT_CLASS (figures_statistic_list_parent_class)->dispose (object);
}

static void
figures_statistic_list_finalize (GObject *object)
{
  FiguresStatisticList *self = FIGURES_STATISTIC_LIST (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->query_cancellable);
  g_clear_pointer (&self->pages, figures_page_cache_free);
  g_clear_pointer (&self->ids, g_array_unref);
  query_clear (&self->query);
  g_free (self->index_path);

  G_OBJECT_CLASS (figures_statistic_list_parent_class)->finalize (object);
}

static void
figures_statistic_list_class_init (FiguresStatisticListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = figures_statistic_list_dispose;
  object_class->finalize = figures_statistic_list_finalize;
  object_class->get_property = figures_statistic_list_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
figures_statistic_list_init (FiguresStatisticList *self)
{
  self->cancellable = g_cancellable_new ();
  self->query_cancellable = g_cancellable_new ();
  self->pages = figures_page_cache_new (G_LIST_MODEL (self), FIGURES_TYPE_STATISTIC_ITEM, PAGE_SIZE,
                                        MAX_PAGES, read_page);
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

FiguresStatisticList *
figures_statistic_list_new (const char *index_path)
{
  FiguresStatisticList *self;

  g_return_val_if_fail (index_path != NULL, NULL);

  self = g_object_new (FIGURES_TYPE_STATISTIC_LIST, NULL);
  self->index_path = g_strdup (index_path);
  return self;
}
