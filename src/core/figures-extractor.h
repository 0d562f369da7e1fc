/* figures-extractor.h: the statistics of a document, by ../shared/spec/statistics.md
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "figures-gazetteer.h"
#include "figures-statistic.h"
#include "figures-text.h"

G_BEGIN_DECLS

typedef struct
{
  char      *city;       /* the document's place (spec: title, byline, publisher, else
                          * the prefecture named most often); NULL when none */
  GPtrArray *statistics; /* FiguresStatistic*, in text order, counted once */
} FiguresExtraction;

/* Pure and thread-safe: may run on several threads at once. */
FiguresExtraction *figures_extract          (const FiguresText *text,
                                             FiguresGazetteer  *gazetteer);
void               figures_extraction_free  (FiguresExtraction *extraction);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FiguresExtraction, figures_extraction_free)

/* A reason (FiguresStatistic.why_metric, .why_city) in another language:
 * the English template it was made from ("counted noun %s") goes through
 * @translate (gettext, in the window), its words stay. A reason of no
 * known template comes back as it is. */
char *figures_extractor_translate_reason (const char *reason,
                                          const char *(*translate) (const char *text));

G_END_DECLS
