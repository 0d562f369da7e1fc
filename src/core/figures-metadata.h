/* figures-metadata.h: a report's title and publication date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The first heading line (short, no clause punctuation), skipping header
 * fields such as 索引号: …; a field 标题: … gives the title. Never NULL for a
 * text with any visible character: falls back to the start of the text. */
char *figures_metadata_find_title (const char *display);

/* The publication date as ISO yyyy-mm-dd: a labelled date (成文日期:,
 * 发布时间: …) anywhere near the top, else a date among the first lines,
 * else among the last lines (the signature). NULL when none. */
char *figures_metadata_find_date (const char *display);

G_END_DECLS
