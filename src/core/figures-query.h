/* figures-query.h: the search language, and where a query matches a text
 *
 * Words (all must match), "exact phrase", OR, -word, city:包头市. Bad syntax
 * is read as plain words. Pure functions: usable by the index, the viewer
 * (highlighting) and tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "figures-core-types.h"

G_BEGIN_DECLS

typedef struct _FiguresQuery FiguresQuery;

/* What a search accepts: the cost of a query grows with its terms, and a
 * pasted paragraph must not freeze search-as-you-type. */
#define FIGURES_QUERY_MAX_CHARS 256
#define FIGURES_QUERY_MAX_TERMS 32

FiguresQuery *figures_query_parse        (const char   *text);
void          figures_query_free         (FiguresQuery *query);
gboolean      figures_query_is_empty     (FiguresQuery *query);
/* Words, phrases, alternatives, exclusions and cities, each once. */
guint         figures_query_count_terms  (FiguresQuery *query);
/* The FTS5 MATCH expression for the Chinese tokenizer; NULL when the
 * query has no positive term (only filters). */
char         *figures_query_to_fts5      (FiguresQuery *query);
/* city: filters, canonical names; NULL when none. */
const char *const *figures_query_get_cities (FiguresQuery *query);
/* Every place in @display (code points) where a positive term matches,
 * folded Traditional→Simplified on both sides; sorted, non-overlapping. */
GArray       *figures_query_find_matches (FiguresQuery *query,
                                          const char   *display);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FiguresQuery, figures_query_free)

G_END_DECLS
