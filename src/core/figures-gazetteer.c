/* placeholder: extraction helper replaces this file */
#include "config.h"
#include "figures-gazetteer.h"
FiguresGazetteer *figures_gazetteer_get_default (void) { return NULL; }
