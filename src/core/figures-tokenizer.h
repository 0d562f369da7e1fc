/* figures-tokenizer.h: the FTS5 tokenizer for Chinese reports
 *
 * Han characters are indexed one by one and, at the same position, as the
 * overlapping pair they start (FTS5_TOKEN_COLOCATED), both folded
 * Traditional→Simplified. Pairs never cross punctuation or non-Han text.
 * Latin words and numbers (6.3, 2024) are whole tokens, lower-cased.
 *
 * A query string of one Han character is that character; a longer one is
 * the phrase of its pairs, so queries find what a substring scan finds.
 * Offsets are byte offsets into the text given.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define FIGURES_TOKENIZER_NAME "figures"
/* Bump whenever the tokens produced change: indexes are then rebuilt. */
#define FIGURES_TOKENIZER_VERSION 1

typedef enum
{
  FIGURES_TOKENIZE_DOCUMENT,
  FIGURES_TOKENIZE_QUERY,
} FiguresTokenizeMode;

/* Returns SQLITE_OK to go on, anything else stops tokenizing and is
 * returned by figures_tokenize(). @colocated: same position as the previous
 * token. @start and @end are byte offsets into the text. */
typedef int (*FiguresTokenFunc) (
  gpointer user_data, gboolean colocated, const char *token, int len, int start, int end);

int figures_tokenize (
  const char *text, int len, FiguresTokenizeMode mode, FiguresTokenFunc func, gpointer user_data);

/* Whether @c is indexed as a Han character. */
gboolean figures_tokenizer_is_han (gunichar c);
/* Whether @c belongs to a Latin word or number token. */
gboolean figures_tokenizer_is_word (gunichar c);
/* Whether @text yields at least one token. */
gboolean figures_tokenizer_has_tokens (const char *text, gssize len);

/* Registers the tokenizer as "figures" on @db. */
gboolean figures_tokenizer_register (sqlite3 *db, GError **error);

G_END_DECLS
