/* figures-page-cache.c: the rows of a lazily read GListModel, a page at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-page-cache"

#include "config.h"

#include "figures-page-cache.h"

struct _FiguresPageCache
{
  GListModel *model; /* unowned: it owns the cache */
  GType item_type;
  guint page_size;
  guint max_pages;
  FiguresPageReadFunc read;
  guint n_items;
  GHashTable *pages; /* page number → GPtrArray of items */
};

FiguresPageCache *
figures_page_cache_new (
  GListModel *model, GType item_type, guint page_size, guint max_pages, FiguresPageReadFunc read)
{
  FiguresPageCache *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);
  g_return_val_if_fail (page_size > 0, NULL);
  g_return_val_if_fail (max_pages > 0, NULL);
  g_return_val_if_fail (read != NULL, NULL);

  self = g_new0 (FiguresPageCache, 1);
  self->model = model;
  self->item_type = item_type;
  self->page_size = page_size;
  self->max_pages = max_pages;
  self->read = read;
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  return self;
}

void
figures_page_cache_free (FiguresPageCache *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->pages);
  g_free (self);
}

guint
figures_page_cache_get_n_items (FiguresPageCache *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_items;
}

guint
figures_page_cache_get_page_size (FiguresPageCache *self)
{
  g_return_val_if_fail (self != NULL, 1);
  return self->page_size;
}

guint
figures_page_cache_get_n_pages (FiguresPageCache *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return g_hash_table_size (self->pages);
}

/* One page too many: the one farthest from @near goes */
static void
evict (FiguresPageCache *self, guint near)
{
  GHashTableIter iter;
  gpointer key;
  guint farthest = near, distance = 0;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint page = GPOINTER_TO_UINT (key);
      guint d = page > near ? page - near : near - page;

      if (d > distance)
        farthest = page, distance = d;
    }
  if (distance > 0)
    g_hash_table_remove (self->pages, GUINT_TO_POINTER (farthest));
}

/* The rows @page holds with the list this long */
static guint
page_length (FiguresPageCache *self, guint page)
{
  guint first = page * self->page_size;

  return first < self->n_items ? MIN (self->page_size, self->n_items - first) : 0;
}

gpointer
figures_page_cache_get_item (FiguresPageCache *self, guint position)
{
  GPtrArray *items;
  guint page;

  g_return_val_if_fail (self != NULL, NULL);

  if (position >= self->n_items)
    return NULL;
  page = position / self->page_size;
  items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (items == NULL)
    {
      guint n = page_length (self, page);

      g_debug ("making page %u", page);
      items = g_ptr_array_new_full (n, g_object_unref);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (items, g_object_new (self->item_type, NULL));
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
      if (g_hash_table_size (self->pages) > self->max_pages)
        evict (self, page);
      self->read (self->model, page);
    }
  if (position % self->page_size >= items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (items, position % self->page_size));
}

GPtrArray *
figures_page_cache_lookup (FiguresPageCache *self, guint page)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
}

gboolean
figures_page_cache_find (FiguresPageCache *self,
                         gboolean (*match) (gpointer item, gconstpointer data),
                         gconstpointer data,
                         guint *position)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (match != NULL, FALSE);

  /* only the pages made: the list is never read whole for this */
  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *items = value;

      for (guint i = 0; i < items->len; i++)
        if (match (g_ptr_array_index (items, i), data))
          {
            if (position != NULL)
              *position = GPOINTER_TO_UINT (key) * self->page_size + i;
            return TRUE;
          }
    }
  return FALSE;
}

void
figures_page_cache_set_n_items (FiguresPageCache *self, guint n_items, gboolean in_place)
{
  guint old_n;

  g_return_if_fail (self != NULL);

  old_n = self->n_items;
  if (in_place && old_n > 0 && n_items > 0)
    {
      g_autoptr (GList) pages = g_hash_table_get_keys (self->pages);

      self->n_items = n_items;
      for (GList *l = pages; l != NULL; l = l->next)
        {
          guint page = GPOINTER_TO_UINT (l->data);
          GPtrArray *items = g_hash_table_lookup (self->pages, l->data);
          guint n = page_length (self, page);

          if (n == 0)
            {
              g_hash_table_remove (self->pages, l->data);
              continue;
            }
          while (items->len < n)
            g_ptr_array_add (items, g_object_new (self->item_type, NULL));
          g_ptr_array_set_size (items, n);
          self->read (self->model, page);
        }
      if (n_items > old_n)
        g_list_model_items_changed (self->model, old_n, 0, n_items - old_n);
      else if (n_items < old_n)
        g_list_model_items_changed (self->model, n_items, old_n - n_items, 0);
      return;
    }

  g_hash_table_remove_all (self->pages);
  self->n_items = 0;
  if (old_n > 0)
    g_list_model_items_changed (self->model, 0, old_n, 0);
  self->n_items = n_items;
  if (n_items > 0)
    g_list_model_items_changed (self->model, 0, 0, n_items);
}

void
figures_page_cache_clear (FiguresPageCache *self)
{
  g_return_if_fail (self != NULL);
  figures_page_cache_set_n_items (self, 0, FALSE);
}
