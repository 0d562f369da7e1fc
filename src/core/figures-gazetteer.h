/* figures-gazetteer.h: China's administrative divisions, for attributing figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  FIGURES_PLACE_PROVINCE,
  FIGURES_PLACE_PREFECTURE,
  FIGURES_PLACE_COUNTY,
  FIGURES_PLACE_TOWN,
} FiguresPlaceLevel;

typedef struct
{
  const char       *name;       /* canonical full name: 苏尼特右旗 */
  const char       *prefecture; /* canonical prefecture it rolls up to (itself for a
                                 * prefecture; NULL for a province, except the four
                                 * municipalities: 北京市 for 北京市 and its districts) */
  const char       *province;   /* canonical province: 内蒙古自治区 */
  const char       *code;       /* GB/T 2260 code, "" when unknown (user additions) */
  FiguresPlaceLevel level;
} FiguresPlace;

typedef struct _FiguresGazetteer FiguresGazetteer;

FiguresGazetteer  *figures_gazetteer_new            (void);
/* The bundled table plus the user's own file, if any
 * ($XDG_CONFIG_HOME/figures/places.tsv). Loaded once, thread-safe, never freed. */
FiguresGazetteer  *figures_gazetteer_get_default    (void);
void               figures_gazetteer_free           (FiguresGazetteer *self);
gboolean           figures_gazetteer_load_data      (FiguresGazetteer *self,
                                                     const char       *tsv,
                                                     gsize             len,
                                                     const char       *source_name,
                                                     GError          **error);
gboolean           figures_gazetteer_load_file      (FiguresGazetteer *self,
                                                     const char       *path,
                                                     GError          **error);

/* The longest name or alias starting at @pos of @text (folded code points).
 * Several places can share a name (铁西区): all are returned, and the caller
 * picks by context. Returns the number of candidates (0: none) and sets
 * @match_len to the code points matched. The array is owned by @self. */
guint              figures_gazetteer_match          (FiguresGazetteer     *self,
                                                     const gunichar       *text,
                                                     gsize                 n,
                                                     gsize                 pos,
                                                     gsize                *match_len,
                                                     const FiguresPlace *const **candidates);

/* By canonical name or alias; the first candidate when ambiguous. */
const FiguresPlace *figures_gazetteer_lookup        (FiguresGazetteer *self,
                                                     const char       *name);

/* The city a place counts under, its roll-up: the prefecture of a county,
 * district, banner or town; a prefecture itself; a province (or a place of
 * the user's without a prefecture) itself. The one rule for the index's
 * city: filters, `figures stats --city` and `figures chart --cities`. */
const char         *figures_place_get_city          (const FiguresPlace *place);
/* The city @name counts under (see figures_place_get_city()), by
 * figures_gazetteer_lookup() in @self (NULL: the default gazetteer);
 * @name itself when no place has it. */
char               *figures_gazetteer_dup_city      (FiguresGazetteer *self,
                                                     const char       *name);

/* Every known prefecture-level division and province, for suggestions
 * (also the county-level cities directly under a province, which roll up to
 * themselves), in code order. The array holds borrowed const char * owned by
 * @self: free it with g_ptr_array_unref(), never the strings. */
GPtrArray         *figures_gazetteer_list_cities    (FiguresGazetteer *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FiguresGazetteer, figures_gazetteer_free)

G_END_DECLS
