/* test-page-cache.c: the pages of the lazily read lists
 *
 * The cache alone, over a model that only receives its items-changed: which
 * pages it makes, which it asks to read, which it lets go.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "figures-page-cache.h"

typedef struct
{
  GListStore *model; /* stands for the list the cache serves */
  FiguresPageCache *cache;
  GArray *reads; /* the pages asked for, in order */
  guint changes;
} Fixture;

static Fixture *current;

static void
read_cb (GListModel *model, guint page)
{
  g_assert_true (model == G_LIST_MODEL (current->model));
  g_array_append_val (current->reads, page);
}

static void
changed_cb (GListModel *model, guint position, guint removed, guint added, Fixture *f)
{
  f->changes++;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  current = f;
  f->model = g_list_store_new (G_TYPE_OBJECT);
  f->reads = g_array_new (FALSE, FALSE, sizeof (guint));
  /* 10 rows a page, at most 3 pages */
  f->cache = figures_page_cache_new (G_LIST_MODEL (f->model), G_TYPE_OBJECT, 10, 3, read_cb);
  g_signal_connect (f->model, "items-changed", G_CALLBACK (changed_cb), f);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  figures_page_cache_free (f->cache);
  g_array_unref (f->reads);
  g_object_unref (f->model);
  current = NULL;
}

static GObject *
get (Fixture *f, guint position)
{
  GObject *item = figures_page_cache_get_item (f->cache, position);

  /* the cache keeps a reference while the page stays */
  if (item != NULL)
    g_object_unref (item);
  return item;
}

static void
test_pages (Fixture *f, gconstpointer data)
{
  /* held here too, so that no new item can take its address */
  g_autoptr (GObject) first = NULL;

  figures_page_cache_set_n_items (f->cache, 95, FALSE);
  g_assert_cmpuint (figures_page_cache_get_n_items (f->cache), ==, 95);
  g_assert_cmpuint (f->changes, ==, 1);
  g_assert_cmpuint (f->reads->len, ==, 0); /* nothing read before it is asked */

  /* a row makes its page, read once; the same row is the same item */
  first = g_object_ref (get (f, 3));
  g_assert_true (get (f, 3) == first);
  g_assert_true (get (f, 9) != first);
  g_assert_cmpuint (f->reads->len, ==, 1);
  g_assert_cmpuint (g_array_index (f->reads, guint, 0), ==, 0);
  g_assert_null (get (f, 95)); /* past the end */
  g_assert_cmpuint (figures_page_cache_get_page_size (f->cache), ==, 10);

  /* the last page holds what is left */
  g_assert_nonnull (get (f, 94));
  g_assert_cmpuint (figures_page_cache_lookup (f->cache, 9)->len, ==, 5);

  /* past three pages, the farthest from the new one goes */
  get (f, 15);
  get (f, 45);
  g_assert_cmpuint (figures_page_cache_get_n_pages (f->cache), ==, 3);
  g_assert_null (figures_page_cache_lookup (f->cache, 9));
  g_assert_nonnull (figures_page_cache_lookup (f->cache, 0));
  g_assert_true (get (f, 3) == first);
  /* asked again, a page gone is made and read again */
  get (f, 94);
  g_assert_cmpuint (g_array_index (f->reads, guint, f->reads->len - 1), ==, 9);
  g_assert_null (figures_page_cache_lookup (f->cache, 0));
  g_assert_true (get (f, 3) != first);
  g_assert_cmpuint (g_array_index (f->reads, guint, f->reads->len - 1), ==, 0);
  g_assert_cmpuint (figures_page_cache_get_n_pages (f->cache), ==, 3);
}

static void
test_resize (Fixture *f, gconstpointer data)
{
  g_autoptr (GObject) kept = NULL;
  guint reads;

  figures_page_cache_set_n_items (f->cache, 25, FALSE);
  kept = g_object_ref (get (f, 12));
  get (f, 21);
  reads = f->reads->len;

  /* in place: the rows stay, are read again, and the end grows */
  f->changes = 0;
  figures_page_cache_set_n_items (f->cache, 28, TRUE);
  g_assert_true (get (f, 12) == kept);
  g_assert_cmpuint (figures_page_cache_lookup (f->cache, 2)->len, ==, 8);
  g_assert_cmpuint (f->reads->len, ==, reads + 2);
  g_assert_cmpuint (f->changes, ==, 1);

  /* shrinking in place drops the pages past the end */
  figures_page_cache_set_n_items (f->cache, 15, TRUE);
  g_assert_null (figures_page_cache_lookup (f->cache, 2));
  g_assert_cmpuint (figures_page_cache_lookup (f->cache, 1)->len, ==, 5);

  /* from scratch: every row goes */
  figures_page_cache_set_n_items (f->cache, 15, FALSE);
  g_assert_cmpuint (figures_page_cache_get_n_pages (f->cache), ==, 0);
  g_assert_true (get (f, 12) != kept);
  figures_page_cache_clear (f->cache);
  g_assert_cmpuint (figures_page_cache_get_n_items (f->cache), ==, 0);
  g_assert_null (get (f, 0));
}

static gboolean
is_item (gpointer item, gconstpointer wanted)
{
  return item == wanted;
}

static void
test_find (Fixture *f, gconstpointer data)
{
  guint position = 0;

  figures_page_cache_set_n_items (f->cache, 40, FALSE);
  g_assert_true (figures_page_cache_find (f->cache, is_item, get (f, 33), &position));
  g_assert_cmpuint (position, ==, 33);
  /* only among the rows made */
  g_assert_false (figures_page_cache_find (f->cache, is_item, f, NULL));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/page-cache/pages", test_pages);
  ADD ("/page-cache/resize", test_resize);
  ADD ("/page-cache/find", test_find);
#undef ADD

  return g_test_run ();
}
