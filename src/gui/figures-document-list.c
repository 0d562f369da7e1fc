/* figures-document-list.c: the index's documents as a lazily loaded GListModel
 *
 * get_item() never touches SQLite: it hands out a placeholder row and asks a
 * worker thread for the 100-row page around it. When the page arrives the
 * rows are filled in place, so list views rebind nothing and 20,000 reports
 * scroll without a query on the main loop.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-document-list"

#include "config.h"

#include <glib/gi18n.h>

#include "figures-document-list.h"
#include "figures-page-cache.h"
#include "figures-worker.h"

#define PAGE_SIZE 100
/* rows kept read: a few screens around the view, whatever was scrolled */
#define MAX_PAGES 64

/* ---- FiguresDocumentItem ---- */

struct _FiguresDocumentItem
{
  GObject parent_instance;

  gint64 id;
  char *title;
  char *city;
  char *date;
  char *path;
  char *format; /* "text", "pdf", … */
  guint page_count;
  guint ocr_pages;
  guint n_statistics;
  gboolean loaded;
};

G_DEFINE_FINAL_TYPE (FiguresDocumentItem, figures_document_item, G_TYPE_OBJECT)

enum
{
  ITEM_PROP_0,
  ITEM_PROP_ID,
  ITEM_PROP_TITLE,
  ITEM_PROP_CITY,
  ITEM_PROP_DATE,
  ITEM_PROP_PATH,
  ITEM_PROP_N_STATISTICS,
  ITEM_PROP_STATISTICS_LABEL,
  ITEM_PROP_META,
  ITEM_PROP_LOADED,
  ITEM_N_PROPS
};

static GParamSpec *item_properties[ITEM_N_PROPS];

static void
figures_document_item_finalize (GObject *object)
{
  FiguresDocumentItem *self = FIGURES_DOCUMENT_ITEM (object);

  g_free (self->title);
  g_free (self->city);
  g_free (self->date);
  g_free (self->path);
  g_free (self->format);

  G_OBJECT_CLASS (figures_document_item_parent_class)->finalize (object);
}

/* How the list names a report's format (plain text is not named) */
static const struct
{
  const char *key;
  const char *name;
} format_names[] = {
  { "pdf", "PDF" },
  { "docx", "Word" },
  { "doc", "Word 97–2003" },
  { "html", N_ ("Web page") },
};

char *
figures_document_item_dup_meta (FiguresDocumentItem *self)
{
  g_return_val_if_fail (FIGURES_IS_DOCUMENT_ITEM (self), NULL);

  g_autoptr (GString) meta = NULL;
  const char *format_name = NULL;

  if (!self->loaded)
    return g_strdup ("");
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_strcmp0 (self->format, format_names[i].key) == 0)
      format_name = _ (format_names[i].name);

  if (self->city != NULL && self->date != NULL)
    {
      meta = g_string_new (NULL);
      g_string_printf (meta, "%s · %s", self->city, self->date);
    }
  else if (self->city != NULL || self->date != NULL)
    meta = g_string_new (self->city != NULL ? self->city : self->date);
  else
    meta = g_string_new (_ ("No city or date"));
  /* plain text is what the list has always shown: only other formats say so */
  if (format_name != NULL)
    g_string_append_printf (meta, " · %s", format_name);
  if (self->page_count > 0)
    {
      g_string_append (meta, " · ");
      g_string_append_printf (meta, ngettext ("%u page", "%u pages", self->page_count),
                              self->page_count);
    }
  if (self->ocr_pages > 0)
    /* Translators: marks a scanned report, read by text recognition */
    g_string_append_printf (meta, " · %s", _ ("OCR"));
  return g_string_free (g_steal_pointer (&meta), FALSE);
}

static void
figures_document_item_get_property (GObject *object,
                                    guint prop_id,
                                    GValue *value,
                                    GParamSpec *pspec)
{
  FiguresDocumentItem *self = FIGURES_DOCUMENT_ITEM (object);

  switch (prop_id)
    {
      case ITEM_PROP_ID:
        g_value_set_int64 (value, self->id);
        break;
      case ITEM_PROP_TITLE:
        g_value_set_string (value, self->title);
        break;
      case ITEM_PROP_CITY:
        g_value_set_string (value, self->city);
        break;
      case ITEM_PROP_DATE:
        g_value_set_string (value, self->date);
        break;
      case ITEM_PROP_PATH:
        g_value_set_string (value, self->path);
        break;
      case ITEM_PROP_N_STATISTICS:
        g_value_set_uint (value, self->n_statistics);
        break;
      case ITEM_PROP_STATISTICS_LABEL:
        g_value_take_string (value, self->loaded ? g_strdup_printf ("%u", self->n_statistics)
                                                 : g_strdup (""));
        break;
      case ITEM_PROP_META:
        g_value_take_string (value, figures_document_item_dup_meta (self));
        break;
      case ITEM_PROP_LOADED:
        g_value_set_boolean (value, self->loaded);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
figures_document_item_class_init (FiguresDocumentItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = figures_document_item_finalize;
  object_class->get_property = figures_document_item_get_property;

  item_properties[ITEM_PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  item_properties[ITEM_PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_CITY] = g_param_spec_string ("city", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_N_STATISTICS] =
    g_param_spec_uint ("n-statistics", NULL, NULL, 0, G_MAXUINT, 0, flags);
  item_properties[ITEM_PROP_STATISTICS_LABEL] =
    g_param_spec_string ("statistics-label", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_META] = g_param_spec_string ("meta", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_LOADED] = g_param_spec_boolean ("loaded", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_properties);
}

static void
figures_document_item_init (FiguresDocumentItem *self)
{
}

static void
figures_document_item_fill (FiguresDocumentItem *self, const FiguresDocumentInfo *info)
{
  g_object_freeze_notify (G_OBJECT (self));
  self->id = info->id;
  g_free (self->title);
  self->title = g_strdup (info->title);
  g_free (self->city);
  self->city = g_strdup (info->city);
  g_free (self->date);
  self->date = g_strdup (info->date);
  g_free (self->path);
  self->path = g_strdup (info->path);
  g_free (self->format);
  self->format = g_strdup (info->format);
  self->page_count = info->page_count;
  self->ocr_pages = info->ocr_pages;
  self->n_statistics = info->n_statistics;
  self->loaded = TRUE;
  for (guint i = 1; i < ITEM_N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), item_properties[i]);
  g_object_thaw_notify (G_OBJECT (self));
}

gint64
figures_document_item_get_id (FiguresDocumentItem *self)
{
  g_return_val_if_fail (FIGURES_IS_DOCUMENT_ITEM (self), 0);
  return self->id;
}

const char *
figures_document_item_get_title (FiguresDocumentItem *self)
{
  g_return_val_if_fail (FIGURES_IS_DOCUMENT_ITEM (self), NULL);
  return self->title;
}

const char *
figures_document_item_get_city (FiguresDocumentItem *self)
{
  g_return_val_if_fail (FIGURES_IS_DOCUMENT_ITEM (self), NULL);
  return self->city;
}

const char *
figures_document_item_get_date (FiguresDocumentItem *self)
{
  g_return_val_if_fail (FIGURES_IS_DOCUMENT_ITEM (self), NULL);
  return self->date;
}

const char *
figures_document_item_get_path (FiguresDocumentItem *self)
{
  g_return_val_if_fail (FIGURES_IS_DOCUMENT_ITEM (self), NULL);
  return self->path;
}

guint
figures_document_item_get_n_statistics (FiguresDocumentItem *self)
{
  g_return_val_if_fail (FIGURES_IS_DOCUMENT_ITEM (self), 0);
  return self->n_statistics;
}

gboolean
figures_document_item_get_loaded (FiguresDocumentItem *self)
{
  g_return_val_if_fail (FIGURES_IS_DOCUMENT_ITEM (self), FALSE);
  return self->loaded;
}

/* ---- FiguresDocumentList ---- */

struct _FiguresDocumentList
{
  GObject parent_instance;

  char *index_path;
  char *city;
  FiguresDocumentSort sort;
  GCancellable *cancellable;

  FiguresPageCache *pages;
  guint generation;
  guint pending;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FiguresDocumentList,
                               figures_document_list,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum
{
  PROP_0,
  PROP_LOADING,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  char *city;
  FiguresDocumentSort sort;
  guint page;
  guint generation;
} PageRequest;

static void
page_request_free (PageRequest *request)
{
  g_free (request->city);
  g_free (request);
}

static void
set_pending (FiguresDocumentList *self, int delta)
{
  gboolean was = self->pending > 0;

  self->pending += delta;
  if (was != (self->pending > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static gpointer
read_page_job (FiguresIndex *index, gpointer data, GCancellable *cancellable, GError **error)
{
  PageRequest *request = data;

  return figures_index_list_documents (index, request->city, request->sort,
                                       request->page * PAGE_SIZE, PAGE_SIZE, error);
}

static void
read_page_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  FiguresDocumentList *self = FIGURES_DOCUMENT_LIST (object);
  PageRequest *request = user_data;
  g_autoptr (GPtrArray) infos = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *items;

  infos = figures_worker_finish (result, &error);

  if (request->generation != self->generation)
    goto done;

  if (infos == NULL)
    {
      if (!figures_worker_error_is_cancelled (error))
        g_warning ("Could not read documents: %s", error->message);
      goto done;
    }

  items = figures_page_cache_lookup (self->pages, request->page);
  if (items == NULL)
    goto done;

  for (guint i = 0; i < items->len && i < infos->len; i++)
    figures_document_item_fill (g_ptr_array_index (items, i), g_ptr_array_index (infos, i));

done:
  /* "loading" turns FALSE once the rows hold what was read */
  set_pending (self, -1);
  page_request_free (request);
  g_object_unref (self);
}

/* FiguresPageReadFunc */
static void
read_page (GListModel *model, guint page)
{
  FiguresDocumentList *self = FIGURES_DOCUMENT_LIST (model);
  PageRequest *request = g_new0 (PageRequest, 1);

  g_debug ("reading page %u of the reports", page);
  request->city = g_strdup (self->city);
  request->sort = self->sort;
  request->page = page;
  request->generation = self->generation;
  set_pending (self, +1);
  g_object_ref (self);
  figures_worker_run (self, self->index_path, read_page_job, request, NULL,
                      (GDestroyNotify) g_ptr_array_unref, self->cancellable, read_page_cb, request);
}

static GType
list_get_item_type (GListModel *model)
{
  return FIGURES_TYPE_DOCUMENT_ITEM;
}

static guint
list_get_n_items (GListModel *model)
{
  return figures_page_cache_get_n_items (FIGURES_DOCUMENT_LIST (model)->pages);
}

static gpointer
list_get_item (GListModel *model, guint position)
{
  return figures_page_cache_get_item (FIGURES_DOCUMENT_LIST (model)->pages, position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_get_item_type;
  iface->get_n_items = list_get_n_items;
  iface->get_item = list_get_item;
}

typedef struct
{
  char *city;
  guint generation;
  gboolean in_place; /* the index grew: rows stay, more come at the end */
} CountRequest;

static void
count_request_free (CountRequest *request)
{
  g_free (request->city);
  g_free (request);
}

static gpointer
count_job (FiguresIndex *index, gpointer data, GCancellable *cancellable, GError **error)
{
  CountRequest *request = data;
  GError *local_error = NULL;
  guint n = figures_index_count_documents (index, request->city, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return GUINT_TO_POINTER (n + 1); /* never NULL */
}

static void
count_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  FiguresDocumentList *self = FIGURES_DOCUMENT_LIST (object);
  CountRequest *request = user_data;
  g_autoptr (GError) error = NULL;
  gpointer n_plus_one = figures_worker_finish (result, &error);
  guint old_n = figures_page_cache_get_n_items (self->pages);

  if (request->generation == self->generation)
    {
      if (n_plus_one == NULL)
        {
          if (!figures_worker_error_is_cancelled (error))
            g_warning ("Could not count documents: %s", error->message);
        }
      else
        {
          guint new_n = GPOINTER_TO_UINT (n_plus_one) - 1;
          /* Same length, or reports added while the index is built: the
           * rows shown are read again in place and new ones come at the
           * end, so the views keep their widgets and scroll position. */
          gboolean in_place = new_n == old_n || (request->in_place && new_n > old_n && old_n > 0);

          figures_page_cache_set_n_items (self->pages, new_n, in_place);
          if (new_n != old_n || !in_place)
            g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
        }
    }

  /* after the pages it asked for again, so "loading" stays TRUE till they
   * are read */
  set_pending (self, -1);
  count_request_free (request);
  g_object_unref (self);
}

static void
reload (FiguresDocumentList *self, gboolean in_place)
{
  CountRequest *request;

  /* Loaded pages stay visible until the new count replaces them; pages
   * asked for from now on belong to the new generation. */
  self->generation++;

  request = g_new0 (CountRequest, 1);
  request->city = g_strdup (self->city);
  request->generation = self->generation;
  request->in_place = in_place;
  set_pending (self, +1);
  g_object_ref (self);
  figures_worker_run (self, self->index_path, count_job, request, NULL, NULL, self->cancellable,
                      count_cb, request);
}

void
figures_document_list_reload (FiguresDocumentList *self)
{
  g_return_if_fail (FIGURES_IS_DOCUMENT_LIST (self));
  reload (self, TRUE);
}

static gboolean
is_document (gpointer item, gconstpointer document_id)
{
  return figures_document_item_get_loaded (item) &&
         figures_document_item_get_id (item) == *(const gint64 *) document_id;
}

gboolean
figures_document_list_find (FiguresDocumentList *self, gint64 document_id, guint *position)
{
  g_return_val_if_fail (FIGURES_IS_DOCUMENT_LIST (self), FALSE);

  /* Only the pages read so far: the list is never read whole for this. */
  return figures_page_cache_find (self->pages, is_document, &document_id, position);
}

void
figures_document_list_clear (FiguresDocumentList *self)
{
  guint old_n;

  g_return_if_fail (FIGURES_IS_DOCUMENT_LIST (self));

  /* Answers still on their way belong to the old generation. */
  self->generation++;
  old_n = figures_page_cache_get_n_items (self->pages);
  figures_page_cache_clear (self->pages);
  if (old_n > 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

void
figures_document_list_set_city (FiguresDocumentList *self, const char *city)
{
  g_return_if_fail (FIGURES_IS_DOCUMENT_LIST (self));

  if (city != NULL && city[0] == '\0')
    city = NULL;
  if (g_strcmp0 (self->city, city) == 0)
    return;
  g_free (self->city);
  self->city = g_strdup (city);
  /* other rows: the list starts again from the top */
  if (self->generation > 0)
    reload (self, FALSE);
}

const char *
figures_document_list_get_city (FiguresDocumentList *self)
{
  g_return_val_if_fail (FIGURES_IS_DOCUMENT_LIST (self), NULL);
  return self->city;
}

void
figures_document_list_set_sort (FiguresDocumentList *self, FiguresDocumentSort sort)
{
  g_return_if_fail (FIGURES_IS_DOCUMENT_LIST (self));

  if (self->sort == sort)
    return;
  self->sort = sort;
  if (self->generation > 0)
    reload (self, FALSE);
}

FiguresDocumentSort
figures_document_list_get_sort (FiguresDocumentList *self)
{
  g_return_val_if_fail (FIGURES_IS_DOCUMENT_LIST (self), FIGURES_DOCUMENT_SORT_DATE);
  return self->sort;
}

gboolean
figures_document_list_get_loading (FiguresDocumentList *self)
{
  g_return_val_if_fail (FIGURES_IS_DOCUMENT_LIST (self), FALSE);
  return self->pending > 0;
}

static void
figures_document_list_get_property (GObject *object,
                                    guint prop_id,
                                    GValue *value,
                                    GParamSpec *pspec)
{
  FiguresDocumentList *self = FIGURES_DOCUMENT_LIST (object);

  switch (prop_id)
    {
      case PROP_LOADING:
        g_value_set_boolean (value, self->pending > 0);
        break;
      case PROP_N_ITEMS:
        g_value_set_uint (value, figures_page_cache_get_n_items (self->pages));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
figures_document_list_dispose (GObject *object)
{
  FiguresDocumentList *self = FIGURES_DOCUMENT_LIST (object);

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (figures_document_list_parent_class)->dispose (object);
}

static void
figures_document_list_finalize (GObject *object)
{
  FiguresDocumentList *self = FIGURES_DOCUMENT_LIST (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->pages, figures_page_cache_free);
  g_free (self->index_path);
  g_free (self->city);

  G_OBJECT_CLASS (figures_document_list_parent_class)->finalize (object);
}

static void
figures_document_list_class_init (FiguresDocumentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = figures_document_list_dispose;
  object_class->finalize = figures_document_list_finalize;
  object_class->get_property = figures_document_list_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
figures_document_list_init (FiguresDocumentList *self)
{
  self->cancellable = g_cancellable_new ();
  self->sort = FIGURES_DOCUMENT_SORT_DATE;
  self->pages = figures_page_cache_new (G_LIST_MODEL (self), FIGURES_TYPE_DOCUMENT_ITEM, PAGE_SIZE,
                                        MAX_PAGES, read_page);
}

FiguresDocumentList *
figures_document_list_new (const char *index_path)
{
  FiguresDocumentList *self;

  g_return_val_if_fail (index_path != NULL, NULL);

  /* Empty until the first figures_document_list_reload(): the window asks
   * after its first frame, so that reading and laying out thousands of rows
   * never delays it. */
  self = g_object_new (FIGURES_TYPE_DOCUMENT_LIST, NULL);
  self->index_path = g_strdup (index_path);
  return self;
}
