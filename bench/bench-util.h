/* bench-util.h: what the benchmarks share: a clock and a median
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

static inline double
bench_now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static inline int
bench_compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The middle of @values (sorted in place); 0 for none */
static inline double
bench_median (GArray *values)
{
  g_array_sort (values, bench_compare_doubles);
  return values->len == 0 ? 0 : g_array_index (values, double, values->len / 2);
}
