/* figures-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

int figures_application_run (int    argc,
                             char **argv);

G_END_DECLS
