/* placeholder: text helper replaces this file */
#include "config.h"
#include "figures-fold.h"
gunichar figures_fold_char (gunichar c) { return c; }
