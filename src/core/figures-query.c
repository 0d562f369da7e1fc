/* figures-query.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-query"

#include "config.h"

#include <string.h>

#include "figures-fold.h"
#include "figures-gazetteer.h"
#include "figures-query.h"
#include "figures-tokenizer.h"

struct _FiguresQuery
{
  GPtrArray *groups;   /* GPtrArray of char* alternatives (OR); all groups must match */
  GPtrArray *excluded; /* char* */
  GPtrArray *cities;   /* char*, NULL-terminated; empty when none */
};

typedef struct
{
  char *text;
  gboolean quoted;
  gboolean negative;
  gboolean city;
} Item;

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_free (item->text);
}

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x3000;
}

static gboolean
is_open_quote (gunichar c)
{
  return c == '"' || c == 0x201C || c == 0x201D || c == 0xFF02;
}

static gboolean
is_close_quote (gunichar c)
{
  return c == '"' || c == 0x201D || c == 0x201C || c == 0xFF02;
}

static gboolean
is_minus (gunichar c)
{
  return c == '-' || c == 0xFF0D || c == 0x2212;
}

/* Finds the closing quote after @p; NULL when there is none. */
static const char *
find_close_quote (const char *p)
{
  for (; *p; p = g_utf8_next_char (p))
    if (is_close_quote (g_utf8_get_char (p)))
      return p;
  return NULL;
}

static const char *
skip_spaces (const char *p)
{
  while (*p && is_space (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  return p;
}

static const char *
word_end (const char *p)
{
  while (*p)
    {
      gunichar c = g_utf8_get_char (p);

      if (is_space (c) || is_open_quote (c))
        break;
      p = g_utf8_next_char (p);
    }
  return p;
}

static gboolean
has_prefix_ci (const char *s, const char *prefix)
{
  return g_ascii_strncasecmp (s, prefix, strlen (prefix)) == 0;
}

/* city:, 城市: — returns the length of the prefix or 0 */
static gsize
city_prefix (const char *p)
{
  static const char *const prefixes[] = { "city:", "city：", "城市:", "城市：" };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (has_prefix_ci (p, prefixes[i]))
      return strlen (prefixes[i]);
  return 0;
}

static char *
normalise_term (const char *start, gssize len)
{
  g_autofree char *valid = g_utf8_make_valid (start, len);
  char *nfkc = g_utf8_normalize (valid, -1, G_NORMALIZE_NFKC);

  return nfkc != NULL ? nfkc : g_steal_pointer (&valid);
}

/* Splits @text into items. Never fails: what is not syntax is words. */
static GArray *
lex (const char *text)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (Item));
  const char *p = text;

  g_array_set_clear_func (items, item_clear);

  while (*(p = skip_spaces (p)))
    {
      Item item = { NULL, FALSE, FALSE, FALSE };
      gunichar c = g_utf8_get_char (p);
      gsize prefix;

      if (is_minus (c))
        {
          const char *next = g_utf8_next_char (p);
          gunichar nc = g_utf8_get_char (next);

          if (*next != '\0' && !is_space (nc))
            {
              item.negative = TRUE;
              p = next;
              c = nc;
            }
        }
      else if ((prefix = city_prefix (p)) != 0)
        {
          const char *next = p + prefix;

          if (*next != '\0' && !is_space (g_utf8_get_char (next)))
            {
              item.city = TRUE;
              p = next;
              c = g_utf8_get_char (p);
            }
        }

      if (is_open_quote (c))
        {
          const char *open = g_utf8_next_char (p);
          const char *close = find_close_quote (open);

          if (close != NULL)
            {
              item.text = normalise_term (open, close - open);
              item.quoted = TRUE;
              p = g_utf8_next_char (close);
            }
          else
            {
              /* unclosed: the quote is nothing, the rest plain words */
              p = open;
              continue;
            }
        }
      else
        {
          const char *end = word_end (p);

          if (end == p)
            {
              p = g_utf8_next_char (p);
              continue;
            }
          item.text = normalise_term (p, end - p);
          p = end;
        }
      g_array_append_val (items, item);
    }

  return items;
}

static gboolean
same_group (GPtrArray *a, GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (strcmp (a->pdata[i], b->pdata[i]) != 0)
      return FALSE;
  return TRUE;
}

/* A pasted paragraph repeats its words: each is searched once, so the cost
 * follows the distinct terms (and so does FIGURES_QUERY_MAX_TERMS). */
static void
remove_repeats (FiguresQuery *query)
{
  for (guint i = query->groups->len; i > 1; i--)
    for (guint k = 0; k < i - 1; k++)
      if (same_group (query->groups->pdata[i - 1], query->groups->pdata[k]))
        {
          g_ptr_array_remove_index (query->groups, i - 1);
          break;
        }
  for (guint i = query->excluded->len; i > 1; i--)
    for (guint k = 0; k < i - 1; k++)
      if (strcmp (query->excluded->pdata[i - 1], query->excluded->pdata[k]) == 0)
        {
          g_ptr_array_remove_index (query->excluded, i - 1);
          break;
        }
}

FiguresQuery *
figures_query_parse (const char *text)
{
  FiguresQuery *query = g_new0 (FiguresQuery, 1);
  g_autoptr (GArray) items = NULL;
  GPtrArray *last_group = NULL;
  gboolean pending_or = FALSE;

  query->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  query->excluded = g_ptr_array_new_with_free_func (g_free);
  query->cities = g_ptr_array_new_with_free_func (g_free);

  if (text == NULL)
    text = "";
  items = lex (text);

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);

      if (item->city)
        {
          g_autofree char *city = figures_gazetteer_dup_city (NULL, item->text);

          if (*city != '\0' &&
              !g_ptr_array_find_with_equal_func (query->cities, city, g_str_equal, NULL))
            g_ptr_array_add (query->cities, g_steal_pointer (&city));
          continue;
        }

      /* OR between two positive terms joins them; anywhere else it is a word */
      if (!item->quoted && !item->negative && strcmp (item->text, "OR") == 0 &&
          last_group != NULL && !pending_or && i + 1 < items->len)
        {
          Item *next = &g_array_index (items, Item, i + 1);

          if (!next->negative && !next->city && figures_tokenizer_has_tokens (next->text, -1))
            {
              pending_or = TRUE;
              continue;
            }
        }

      if (!figures_tokenizer_has_tokens (item->text, -1))
        {
          pending_or = FALSE;
          continue;
        }

      if (item->negative)
        {
          g_ptr_array_add (query->excluded, g_steal_pointer (&item->text));
          pending_or = FALSE;
          continue;
        }

      if (pending_or && last_group != NULL)
        g_ptr_array_add (last_group, g_steal_pointer (&item->text));
      else
        {
          last_group = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (last_group, g_steal_pointer (&item->text));
          g_ptr_array_add (query->groups, last_group);
        }
      pending_or = FALSE;
    }

  g_ptr_array_add (query->cities, NULL);
  remove_repeats (query);

  return query;
}

void
figures_query_free (FiguresQuery *query)
{
  if (query == NULL)
    return;
  g_ptr_array_unref (query->groups);
  g_ptr_array_unref (query->excluded);
  g_ptr_array_unref (query->cities);
  g_free (query);
}

gboolean
figures_query_is_empty (FiguresQuery *query)
{
  g_return_val_if_fail (query != NULL, TRUE);

  return query->groups->len == 0 && query->excluded->len == 0 && query->cities->len <= 1;
}

guint
figures_query_count_terms (FiguresQuery *query)
{
  guint n;

  g_return_val_if_fail (query != NULL, 0);

  n = query->excluded->len + query->cities->len - 1;
  for (guint i = 0; i < query->groups->len; i++)
    n += ((GPtrArray *) query->groups->pdata[i])->len;
  return n;
}

static void
append_quoted (GString *out, const char *term)
{
  g_string_append_c (out, '"');
  for (const char *p = term; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

char *
figures_query_to_fts5 (FiguresQuery *query)
{
  GString *out;

  g_return_val_if_fail (query != NULL, NULL);

  if (query->groups->len == 0)
    return NULL;

  out = g_string_new (NULL);
  if (query->excluded->len > 0)
    g_string_append_c (out, '(');
  for (guint i = 0; i < query->groups->len; i++)
    {
      GPtrArray *group = query->groups->pdata[i];

      if (i > 0)
        g_string_append (out, " AND ");
      if (group->len > 1)
        g_string_append_c (out, '(');
      for (guint k = 0; k < group->len; k++)
        {
          if (k > 0)
            g_string_append (out, " OR ");
          append_quoted (out, group->pdata[k]);
        }
      if (group->len > 1)
        g_string_append_c (out, ')');
    }
  if (query->excluded->len > 0)
    g_string_append_c (out, ')');
  for (guint i = 0; i < query->excluded->len; i++)
    {
      g_string_append (out, " NOT ");
      append_quoted (out, query->excluded->pdata[i]);
    }

  return g_string_free (out, FALSE);
}

const char *const *
figures_query_get_cities (FiguresQuery *query)
{
  g_return_val_if_fail (query != NULL, NULL);

  if (query->cities->len <= 1)
    return NULL;
  return (const char *const *) query->cities->pdata;
}

static inline gunichar
fold_for_match (gunichar c)
{
  if (c < 0x80)
    return g_ascii_tolower (c);
  c = figures_fold_char (c);
  return g_unichar_tolower (c);
}

static gunichar *
fold_utf8 (const char *s, gsize *n_out)
{
  glong n = 0;
  gunichar *chars = g_utf8_to_ucs4_fast (s, -1, &n);

  for (glong i = 0; i < n; i++)
    chars[i] = fold_for_match (chars[i]);
  *n_out = n;
  return chars;
}

static int
compare_ranges (gconstpointer a, gconstpointer b)
{
  const FiguresRange *ra = a;
  const FiguresRange *rb = b;

  if (ra->start != rb->start)
    return ra->start < rb->start ? -1 : 1;
  if (ra->end != rb->end)
    return ra->end > rb->end ? -1 : 1;
  return 0;
}

static void
find_term (const gunichar *text, gsize n, const char *term, GArray *ranges)
{
  gsize m = 0;
  g_autofree gunichar *needle = fold_utf8 (term, &m);
  gboolean word_start, word_end;

  if (m == 0 || m > n)
    return;

  /* Latin words match whole, as the index reads them */
  word_start = figures_tokenizer_is_word (needle[0]);
  word_end = figures_tokenizer_is_word (needle[m - 1]);

  for (gsize i = 0; i + m <= n; i++)
    {
      if (text[i] != needle[0] || memcmp (text + i, needle, m * sizeof (gunichar)) != 0)
        continue;
      if (word_start && i > 0 && figures_tokenizer_is_word (text[i - 1]))
        continue;
      if (word_end && i + m < n && figures_tokenizer_is_word (text[i + m]))
        continue;
      {
        FiguresRange range = { i, i + m };
        g_array_append_val (ranges, range);
      }
    }
}

GArray *
figures_query_find_matches (FiguresQuery *query, const char *display)
{
  GArray *ranges;
  GArray *merged;
  g_autofree gunichar *text = NULL;
  gsize n = 0;

  g_return_val_if_fail (query != NULL, NULL);

  merged = g_array_new (FALSE, FALSE, sizeof (FiguresRange));
  if (display == NULL || query->groups->len == 0)
    return merged;

  text = fold_utf8 (display, &n);
  ranges = g_array_new (FALSE, FALSE, sizeof (FiguresRange));
  for (guint i = 0; i < query->groups->len; i++)
    {
      GPtrArray *group = query->groups->pdata[i];

      for (guint k = 0; k < group->len; k++)
        find_term (text, n, group->pdata[k], ranges);
    }
  g_array_sort (ranges, compare_ranges);

  for (guint i = 0; i < ranges->len; i++)
    {
      FiguresRange r = g_array_index (ranges, FiguresRange, i);

      if (merged->len > 0)
        {
          FiguresRange *last = &g_array_index (merged, FiguresRange, merged->len - 1);

          if (r.start < last->end)
            {
              last->end = MAX (last->end, r.end);
              continue;
            }
        }
      g_array_append_val (merged, r);
    }
  g_array_free (ranges, TRUE);

  return merged;
}
