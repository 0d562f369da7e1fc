/* test-metadata.c: a report's title, found among its first lines
 *
 * Invented reports only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "figures-metadata.h"

static void
check_title (const char *text, const char *expected)
{
  g_autofree char *title = figures_metadata_find_title (text);

  g_assert_cmpstr (title, ==, expected);
}

/* Item 11: a section heading is never the title. */
static void
test_section_headings_skipped (void)
{
  /* The reply's title line is long: it names the proposal it answers. */
  check_title (
    "某市人力资源和社会保障局\n\n"
    "关于市政协十五届二次会议第0815号提案《关于加强新型职业农民技能培训的建议》的答复\n\n"
    "二、关于培训经费的保障\n今年共安排资金三百万元。",
    "关于市政协十五届二次会议第0815号提案《关于加强新型职业农民技能培训的建议》的答复");
  check_title ("一、总体情况\n（一）培训规模\n某县2025年职业培训工作报告\n正文。",
               "某县2025年职业培训工作报告");
  check_title ("第二章 组织实施\n3. 经费来源\n①资金\n关于做好冬季培训的通知\n正文。",
               "关于做好冬季培训的通知");
  /* A plain heading is still a title; a year is not an enumeration. */
  check_title ("2025年某旗技能培训总结\n一、基本情况", "2025年某旗技能培训总结");
  /* A long line that does not end as titles do is not one. */
  check_title (
    "这是一段很长的文字没有标点也不像标题它只是一直写下去直到超过四十个字的长度为止还在继续写\n"
    "某镇培训简报\n正文。",
    "某镇培训简报");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/metadata/section-headings-skipped", test_section_headings_skipped);
  return g_test_run ();
}
