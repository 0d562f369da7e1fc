/* figures-application.c — placeholder until the GUI issue lands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "figures-application.h"

int
figures_application_run (int    argc,
                         char **argv)
{
  g_printerr ("figures: the window is not built yet; try `figures extract FILE…`\n");
  return 1;
}
