/* figures-fold.h: Traditional→Simplified folding for matching
 *
 * A code-point to code-point table, so that folding never changes the
 * length of a text and offsets survive it. Built once from ICU's
 * Hant-Hans transliterator plus variant forms it misses (峯→峰, 裏→里,
 * 爲→为), shipped as data and loaded from the GResource on first use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Thread-safe; the table is loaded once. Identity for code points with no fold. */
gunichar  figures_fold_char  (gunichar        c);
void      figures_fold_chars (const gunichar *in,
                              gunichar       *out,
                              gsize           n);
/* Same number of code points as @s. */
char     *figures_fold_utf8  (const char     *s,
                              gssize          len);

G_END_DECLS
