/* figures-cli-chart.c — placeholder until its issue lands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "figures-cli.h"

int
_figures_cli_chart (int    argc,
     char **argv)
{
  g_printerr ("figures %s: not implemented yet\n", argv[0]);
  return FIGURES_EXIT_FAILURE;
}
