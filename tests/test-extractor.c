/* test-extractor.c: the extractor's rules, one invented sentence at a time
 *
 * Every text here was written for this test (none comes from a real
 * report); each test states one rule of ../shared/spec/statistics.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "figures-extractor.h"
#include "figures-rules.h"

static FiguresExtraction *
extract (const char *utf8)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FiguresText) text = NULL;
  FiguresExtraction *extraction;

  text = figures_text_new_from_bytes ((const guint8 *) utf8, strlen (utf8), &error);
  g_assert_no_error (error);
  g_assert_nonnull (text);
  extraction = figures_extract (text, figures_gazetteer_get_default ());
  g_assert_nonnull (extraction);
  g_assert_nonnull (extraction->statistics);
  return extraction;
}

static void
dump (const FiguresExtraction *extraction)
{
  for (guint i = 0; i < extraction->statistics->len; i++)
    {
      const FiguresStatistic *s = g_ptr_array_index (extraction->statistics, i);
      g_autofree char *value = figures_decimal_to_string (s->value);

      g_test_message ("  %s %s approx=%d unit=%s city=%s place=%s label=%s year=%d «%s»",
                      figures_metric_to_key (s->metric), value, s->approx, s->unit, s->city,
                      s->place, s->label, s->year, s->evidence);
    }
}

/* The statistics whose value is @value (a plain decimal). */
static guint
count_value (const FiguresExtraction *extraction, const char *value)
{
  guint n = 0;

  for (guint i = 0; i < extraction->statistics->len; i++)
    {
      const FiguresStatistic *s = g_ptr_array_index (extraction->statistics, i);
      g_autofree char *v = figures_decimal_to_string (s->value);

      if (strcmp (v, value) == 0)
        n++;
    }
  return n;
}

static const FiguresStatistic *
find_value (const FiguresExtraction *extraction, const char *value)
{
  for (guint i = 0; i < extraction->statistics->len; i++)
    {
      const FiguresStatistic *s = g_ptr_array_index (extraction->statistics, i);
      g_autofree char *v = figures_decimal_to_string (s->value);

      if (strcmp (v, value) == 0)
        return s;
    }
  dump (extraction);
  g_error ("no statistic with value %s", value);
  return NULL;
}

/* Asserts the statistic of @value has this metric and approximation, and,
 * unless NULL, this city. */
static void
check (const FiguresExtraction *extraction,
       const char *value,
       FiguresMetric metric,
       gboolean approx,
       const char *city)
{
  const FiguresStatistic *s = find_value (extraction, value);

  if (s->metric != metric || (s->approx != FALSE) != approx ||
      (city != NULL && g_strcmp0 (s->city, city) != 0))
    dump (extraction);
  g_assert_cmpstr (figures_metric_to_key (s->metric), ==, figures_metric_to_key (metric));
  g_assert_cmpint (s->approx != FALSE, ==, approx);
  if (city != NULL)
    g_assert_cmpstr (s->city, ==, city);
}

static void
test_training (void)
{
  g_autoptr (FiguresExtraction) e = extract ("通辽市民委年度总结\n"
                                             "今年全市举办民族政策培训班45期，培训村干部3120人次。"
                                             "另有210余名社区书记参加集中培训。"
                                             "开展基层干部轮训7轮。"
                                             "新建的培训基地可容纳学员560人。"
                                             "通过技能培训实现转移就业3300人。\n");

  check (e, "45", FIGURES_METRIC_TRAINING_SESSIONS, FALSE, "通辽市");
  check (e, "3120", FIGURES_METRIC_TRAINEES, FALSE, "通辽市");
  check (e, "210", FIGURES_METRIC_TRAINEES, TRUE, "通辽市");
  check (e, "7", FIGURES_METRIC_TRAINING_SESSIONS, FALSE, "通辽市");
  check (e, "560", FIGURES_METRIC_OTHER, FALSE, "通辽市");  /* a training base, not training */
  check (e, "3300", FIGURES_METRIC_OTHER, FALSE, "通辽市"); /* what training led to */
  g_assert_cmpstr (find_value (e, "45")->label, ==, "培训 期");
}

static void
test_list_inheritance (void)
{
  g_autoptr (FiguresExtraction) e = extract ("赤峰市民委工作总结\n"
                                             "全年累计举办各类干部教育培训860余次、4.2万余人次。"
                                             "组织培训75期、主题宣讲320场、专题研讨64次。\n");

  check (e, "860", FIGURES_METRIC_TRAINING_SESSIONS, TRUE, NULL);
  check (e, "42000", FIGURES_METRIC_TRAINEES, TRUE, NULL);
  check (e, "75", FIGURES_METRIC_TRAINING_SESSIONS, FALSE, NULL);
  check (e, "320", FIGURES_METRIC_OTHER, FALSE, NULL);
  check (e, "64", FIGURES_METRIC_OTHER, FALSE, NULL);
}

static void
test_outreach (void)
{
  g_autoptr (FiguresExtraction) e =
    extract ("乌海市民委工作总结\n"
             "开展主题宣讲活动410场，专题讲座38场，"
             "覆盖各族群众3.1万人次。组织2600多名学生参加研学活动。\n");

  check (e, "410", FIGURES_METRIC_OTHER, FALSE, "乌海市");
  check (e, "38", FIGURES_METRIC_OTHER, FALSE, NULL);
  check (e, "31000", FIGURES_METRIC_OTHER, FALSE, NULL);
  check (e, "2600", FIGURES_METRIC_OTHER, TRUE, NULL);
  g_assert_cmpstr (find_value (e, "410")->label, ==, "活动 场");
}

static void
test_funding (void)
{
  g_autoptr (FiguresExtraction) e = extract ("兴安盟民族工作情况\n"
                                             "盟财政拨付专项经费150万元，下达补助资金2.5亿元、"
                                             "整合涉农资金8600多万元，当年完成投资12亿元。\n");

  check (e, "1500000", FIGURES_METRIC_FUNDING, FALSE, "兴安盟");
  check (e, "250000000", FIGURES_METRIC_FUNDING, FALSE, NULL);
  check (e, "86000000", FIGURES_METRIC_FUNDING, TRUE, NULL);
  check (e, "1200000000", FIGURES_METRIC_INVESTMENT, FALSE, NULL);
  g_assert_cmpstr (find_value (e, "250000000")->unit, ==, "亿元");
  g_assert_cmpstr (find_value (e, "250000000")->label, ==, "资金 亿元");
}

static void
test_macro_distractors (void)
{
  g_autoptr (FiguresExtraction) e = extract ("阿拉善盟经济运行情况\n"
                                             "全盟地区生产总值完成2150亿元，社会消费品零售总额"
                                             "达到312亿元，一般公共预算收入120亿元，"
                                             "一般公共预算支出安排98亿元，农牧民人均可支配收入"
                                             "达到23800元，规上工业增加值增长8.5%。\n");

  check (e, "215000000000", FIGURES_METRIC_OTHER, FALSE, NULL);
  check (e, "31200000000", FIGURES_METRIC_OTHER, FALSE, NULL);
  check (e, "12000000000", FIGURES_METRIC_OTHER, FALSE, NULL);
  check (e, "9800000000", FIGURES_METRIC_OTHER, FALSE, NULL);
  check (e, "23800", FIGURES_METRIC_OTHER, FALSE, NULL);
  g_assert_cmpuint (count_value (e, "8.5"), ==, 0);
}

static void
test_projects (void)
{
  g_autoptr (FiguresExtraction) e = extract ("巴彦淖尔市民委工作总结\n"
                                             "新建32个道路硬化、饮水安全和危房改造项目。"
                                             "实施产业发展项目17个，建设、改造等项目23个。"
                                             "确定5项重点调研课题，办理议案12件。"
                                             "建成9个嘎查文化室。\n");

  check (e, "32", FIGURES_METRIC_PROJECTS, FALSE, "巴彦淖尔市");
  check (e, "17", FIGURES_METRIC_PROJECTS, FALSE, NULL);
  check (e, "23", FIGURES_METRIC_PROJECTS, FALSE, NULL);
  check (e, "5", FIGURES_METRIC_OTHER, FALSE, NULL);
  check (e, "12", FIGURES_METRIC_OTHER, FALSE, NULL);
  check (e, "9", FIGURES_METRIC_OTHER, FALSE, NULL);
}

static void
test_per_unit (void)
{
  g_autoptr (FiguresExtraction) e =
    extract ("鄂尔多斯市民委工作总结\n"
             "对4个示范嘎查各补助30万元，每户补贴5000元，"
             "带动牧民人均增收1800元。各苏木每年安排工作经费12万元。\n");

  check (e, "300000", FIGURES_METRIC_OTHER, FALSE, NULL);
  check (e, "5000", FIGURES_METRIC_OTHER, FALSE, NULL);
  check (e, "1800", FIGURES_METRIC_OTHER, FALSE, NULL);
  check (e, "120000", FIGURES_METRIC_OTHER, FALSE, NULL);
}

/* 每县, 县均: an amount for each county is a rate like 每户 */
static void
test_per_unit_place (void)
{
  g_autoptr (FiguresExtraction) e =
    extract ("乌海市民委工作总结\n"
             "自治区下达边境旗奖补资金2.4亿元，其中每旗安排产业资金1500万元，"
             "每县补助农田建设经费320万元，县均投入760万元。\n");

  check (e, "240000000", FIGURES_METRIC_FUNDING, FALSE, NULL);
  check (e, "15000000", FIGURES_METRIC_OTHER, FALSE, NULL);
  check (e, "3200000", FIGURES_METRIC_OTHER, FALSE, NULL);
  check (e, "7600000", FIGURES_METRIC_OTHER, FALSE, NULL);
}

/* 转移支付 is money handed down to a programme: funding, and the items
 * after it that have no noun of their own inherit it */
static void
test_transfer_payment (void)
{
  g_autoptr (FiguresExtraction) e =
    extract ("通辽市财政局工作总结\n"
             "今年争取一般性转移支付4.7亿元，民族地区转移支付6300万元、1900万元。\n");

  check (e, "470000000", FIGURES_METRIC_FUNDING, FALSE, NULL);
  check (e, "63000000", FIGURES_METRIC_FUNDING, FALSE, NULL);
  check (e, "19000000", FIGURES_METRIC_FUNDING, FALSE, NULL);
}

/* A share of a programme's money that one level of government bears
 * (承担) is funding */
static void
test_funding_share (void)
{
  g_autoptr (FiguresExtraction) e =
    extract ("巴彦淖尔市财政局工作总结\n"
             "民生实事计划投入9.2亿元，其中市本级承担2.6亿元，旗县区承担6.6亿元。\n");

  check (e, "920000000", FIGURES_METRIC_FUNDING, FALSE, NULL);
  check (e, "260000000", FIGURES_METRIC_FUNDING, FALSE, NULL);
  check (e, "660000000", FIGURES_METRIC_FUNDING, FALSE, NULL);
}

/* 已 inside the phrase after N个 is part of a modifier (N个已竣工项目),
 * not the end of the noun phrase */
static void
test_projects_already (void)
{
  g_autoptr (FiguresExtraction) e =
    extract ("赤峰市发展改革委工作总结\n"
             "全市9个已竣工项目通过验收，14个村已完成改造。\n");

  check (e, "9", FIGURES_METRIC_PROJECTS, FALSE, NULL);
  check (e, "14", FIGURES_METRIC_OTHER, FALSE, NULL);
}

/* An item giving the progress of the list before it (已开工的N个, 竣工N个)
 * continues that list, while an outcome (已就业) does not */
static void
test_list_progress (void)
{
  g_autoptr (FiguresExtraction) e = extract ("阿拉善盟发展改革委工作总结\n"
                                             "今年全盟实施水利项目36个，已开工的30个，竣工12个。"
                                             "培训牧民800人，已就业500人。\n");

  check (e, "36", FIGURES_METRIC_PROJECTS, FALSE, NULL);
  check (e, "30", FIGURES_METRIC_PROJECTS, FALSE, NULL);
  check (e, "12", FIGURES_METRIC_PROJECTS, FALSE, NULL);
  check (e, "800", FIGURES_METRIC_TRAINEES, FALSE, NULL);
  check (e, "500", FIGURES_METRIC_OTHER, FALSE, NULL);
}

/* A clause ending with 参加 has left out what people joined: the training
 * named earlier in its sentence; an event with no training word stays other */
static void
test_trainees_elided_join (void)
{
  g_autoptr (FiguresExtraction) e =
    extract ("呼伦贝尔市民委工作总结\n"
             "全市民族干部业务培训班在市委党校开班，共有126名学员参加。"
             "民族团结宣讲活动在广场举行，共有900名群众参加了。"
             "新建的培训基地举行揭牌仪式，共有75名代表出席。"
             "全市技能培训工作会议召开，共有88名代表参加。"
             "全市培训推进会有代表64人参加。\n");

  check (e, "126", FIGURES_METRIC_TRAINEES, FALSE, NULL);
  check (e, "900", FIGURES_METRIC_OTHER, FALSE, NULL);
  check (e, "75", FIGURES_METRIC_OTHER, FALSE, NULL);
  check (e, "88", FIGURES_METRIC_OTHER, FALSE, NULL); /* a meeting about training */
  check (e, "64", FIGURES_METRIC_OTHER, FALSE, NULL);
}

/* An item naming only a place (…，扎赉特旗760人次) breaks the list before it
 * down by place: it keeps that list's metric */
static void
test_list_by_place (void)
{
  g_autoptr (FiguresExtraction) e =
    extract ("兴安盟人社局工作总结\n"
             "全盟培训农牧民3200人次，其中科尔沁右翼前旗培训900人次，扎赉特旗760人次。"
             "下达补助资金850万元，突泉县120万元。\n");

  check (e, "3200", FIGURES_METRIC_TRAINEES, FALSE, "兴安盟");
  check (e, "900", FIGURES_METRIC_TRAINEES, FALSE, "兴安盟");
  check (e, "760", FIGURES_METRIC_TRAINEES, FALSE, "兴安盟");
  check (e, "1200000", FIGURES_METRIC_FUNDING, FALSE, "兴安盟");
}

/* 分别 with a single figure gives each of several the same amount (a rate,
 * like 各); with several figures it distributes them */
static void
test_respective_single (void)
{
  g_autoptr (FiguresExtraction) e = extract ("包头市民委工作总结\n"
                                             "下达帮扶资金900万元，3个旗县将分别帮扶200万元。"
                                             "两个苏木分别投入资金300万元和150万元。\n");

  check (e, "9000000", FIGURES_METRIC_FUNDING, FALSE, NULL);
  check (e, "2000000", FIGURES_METRIC_OTHER, FALSE, NULL);
  check (e, "3000000", FIGURES_METRIC_FUNDING, FALSE, NULL);
  check (e, "1500000", FIGURES_METRIC_FUNDING, FALSE, NULL);
}

/* A verb (承担) ends the phrase after N个, and 项目 before 培训/任务 is a
 * modifier: 86个单位承担了…项目培训任务 counts units, not projects */
static void
test_projects_not_head (void)
{
  g_autoptr (FiguresExtraction) e =
    extract ("锡林郭勒盟民委工作总结\n"
             "全盟共有86个单位承担了民族团结示范项目培训任务，新建7个示范项目。\n");

  check (e, "86", FIGURES_METRIC_OTHER, FALSE, NULL);
  check (e, "7", FIGURES_METRIC_PROJECTS, FALSE, NULL);
}

/* A quoted name right after the unit is skipped: the counted noun is the
 * phrase after it (3期“…”培训班), and words inside the name count for nothing */
static void
test_phrase_after_quoted_name (void)
{
  g_autoptr (FiguresExtraction) e =
    extract ("锡林郭勒盟民委工作总结\n"
             "今年举办3期“草原书屋管理员”业务培训班，实施5个“美丽庭院”项目，"
             "开展2场“送培训下乡”宣讲活动。\n");

  check (e, "3", FIGURES_METRIC_TRAINING_SESSIONS, FALSE, NULL);
  check (e, "5", FIGURES_METRIC_PROJECTS, FALSE, NULL);
  check (e, "2", FIGURES_METRIC_OTHER, FALSE, NULL);
}

/* A text that names several regions and no prefecture is about none of
 * them: its figures keep an empty city, not the first region's */
static void
test_city_several_regions (void)
{
  g_autoptr (FiguresExtraction) e =
    extract ("国家民委工作综述\n"
             "国家民委近日下达少数民族发展资金80亿元，支持民族地区改善生产生活条件，"
             "据介绍，甘肃、青海、宁夏教师人均参训2轮，四川、云南人均参训3轮。\n");

  check (e, "8000000000", FIGURES_METRIC_FUNDING, FALSE, "");
}

/* A title whose place gives aid to another (浙江省对口支援…) does not make
 * the document's place: the helped place the text names does */
static void
test_city_aid_title (void)
{
  g_autoptr (FiguresExtraction) e = extract ("浙江省对口支援工作综述\n"
                                             "五年来累计实施援疆项目310个，投入资金42亿元，"
                                             "帮助阿克苏地区建成一批民生工程。\n");

  check (e, "310", FIGURES_METRIC_PROJECTS, FALSE, "阿克苏地区");
  check (e, "4200000000", FIGURES_METRIC_FUNDING, FALSE, "阿克苏地区");
}

/* A modal verb ends the phrase after N个 once it has a noun: 15个旗急需…的
 * 项目 counts banners, 6个需要…的项目 counts projects */
static void
test_projects_modal (void)
{
  g_autoptr (FiguresExtraction) e =
    extract ("兴安盟财政局工作总结\n"
             "支持15个旗急需建设的水利项目，新建6个需要配套的灌溉项目。\n");

  check (e, "15", FIGURES_METRIC_OTHER, FALSE, NULL);
  check (e, "6", FIGURES_METRIC_PROJECTS, FALSE, NULL);
}

/* A place followed in its clause by aid to another place (对口援藏, 帮扶)
 * gives; the helped place owns the figure, unless the place received it
 * (接受) */
static void
test_city_aid_giver (void)
{
  g_autoptr (FiguresExtraction) e =
    extract ("林芝市对口支援工作总结\n"
             "广东省累计对口援藏项目120个、援藏资金8.6亿元。"
             "福建省将对口帮扶产业资金650万元。包头市帮扶困难职工资金300万元。"
             "林芝市累计接受对口援藏资金31亿元。\n");

  check (e, "120", FIGURES_METRIC_PROJECTS, FALSE, "林芝市");
  check (e, "860000000", FIGURES_METRIC_FUNDING, FALSE, "林芝市");
  check (e, "6500000", FIGURES_METRIC_FUNDING, FALSE, "林芝市");
  check (e, "3000000", FIGURES_METRIC_FUNDING, FALSE, "包头市"); /* helps its own people */
  check (e, "3100000000", FIGURES_METRIC_FUNDING, FALSE, "林芝市");
}

static void
test_approximation (void)
{
  g_autoptr (FiguresExtraction) e = extract ("包头市民委工作总结\n"
                                             "近5年累计投入资金3.6亿元。投入建设资金近1.7亿元。"
                                             "培训干部2000人次以上，组织约800名代表参加培训。"
                                             "投入培训经费3至5万元。\n");

  check (e, "360000000", FIGURES_METRIC_FUNDING, FALSE, NULL);
  check (e, "170000000", FIGURES_METRIC_FUNDING, TRUE, NULL);
  check (e, "2000", FIGURES_METRIC_TRAINEES, TRUE, NULL);
  check (e, "800", FIGURES_METRIC_TRAINEES, TRUE, NULL);
  check (e, "50000", FIGURES_METRIC_FUNDING, TRUE, NULL);
  g_assert_cmpuint (count_value (e, "5"), ==, 0); /* 近5年 is a duration */
}

static void
test_not_statistics (void)
{
  g_autoptr (FiguresExtraction) e =
    extract ("乌兰察布市民委文件\n"
             "根据《关于做好2024年12项重点工作的通知》（第36号），2023年10月8日起，"
             "实施“三项工程”和“8+1”行动，培育六大产业集群，连续3年开展督查，"
             "用3个月完成整改，位列全区第4位，增长12.5%，举办专题培训班。\n");

  if (e->statistics->len != 0)
    dump (e);
  g_assert_cmpuint (e->statistics->len, ==, 0);
}

static void
test_city_by_subject_and_rollup (void)
{
  g_autoptr (FiguresExtraction) e = extract ("乌兰察布市民族工作总结\n"
                                             "卓资县投入资金800万元，实施项目6个。"
                                             "化德县、商都县分别举办培训班14期、9期。"
                                             "全市培训干部1500人次。\n");

  check (e, "8000000", FIGURES_METRIC_FUNDING, FALSE, "乌兰察布市");
  g_assert_cmpstr (find_value (e, "8000000")->place, ==, "卓资县");
  check (e, "6", FIGURES_METRIC_PROJECTS, FALSE, "乌兰察布市");
  check (e, "1500", FIGURES_METRIC_TRAINEES, FALSE, "乌兰察布市");
  g_assert_cmpstr (find_value (e, "14")->place, ==, "化德县");
  g_assert_cmpstr (find_value (e, "9")->place, ==, "商都县");
  g_assert_cmpstr (find_value (e, "1500")->place, ==, "乌兰察布市");
  g_assert_cmpstr (e->city, ==, "乌兰察布市");
}

static void
test_city_by_heading (void)
{
  g_autoptr (FiguresExtraction) e = extract ("全区民族工作会议发言摘编\n"
                                             "会议在呼和浩特市召开，总结了全区工作。\n"
                                             "包头市民族事务委员会\n"
                                             "举办培训班18期，拨付资金260万元。\n"
                                             "扎实推进各项创建\n"
                                             "新建项目11个。\n"
                                             "锡林郭勒盟苏尼特左旗民族事务委员会\n"
                                             "投入资金430万元。\n");

  check (e, "18", FIGURES_METRIC_TRAINING_SESSIONS, FALSE, "包头市");
  check (e, "2600000", FIGURES_METRIC_FUNDING, FALSE, "包头市");
  check (e, "11", FIGURES_METRIC_PROJECTS, FALSE, "包头市");
  check (e, "4300000", FIGURES_METRIC_FUNDING, FALSE, "锡林郭勒盟");
  g_assert_cmpstr (find_value (e, "4300000")->place, ==, "苏尼特左旗");
}

static void
test_city_by_document (void)
{
  /* no place in the title: the prefecture named most often, aliases included */
  g_autoptr (FiguresExtraction) e = extract ("关于人大代表建议的答复\n"
                                             "青城各族群众积极参与，首府各部门协同推进，"
                                             "呼和浩特市委高度重视。全年安排资金90万元。\n");

  check (e, "900000", FIGURES_METRIC_FUNDING, FALSE, "呼和浩特市");
  g_assert_cmpstr (e->city, ==, "呼和浩特市");
}

static void
test_region_wide (void)
{
  g_autoptr (FiguresExtraction) e = extract ("内蒙古民族团结进步创建综述\n"
                                             "全区累计举办培训班2300期，投入资金5.2亿元。\n");

  check (e, "2300", FIGURES_METRIC_TRAINING_SESSIONS, FALSE, "内蒙古自治区");
  check (e, "520000000", FIGURES_METRIC_FUNDING, FALSE, "内蒙古自治区");
}

static void
test_partners_and_givers (void)
{
  g_autoptr (FiguresExtraction) e = extract ("通辽市民委工作总结\n"
                                             "与银川市、宜昌市等6个城市签订合作协议。"
                                             "争取自治区补助资金500万元。"
                                             "围绕内蒙古发展大局，投入资金320万元。"
                                             "内蒙古自治区民委下达我市发展资金610万元。"
                                             "组织“走进呼和浩特”研学活动14场。\n");

  check (e, "6", FIGURES_METRIC_OTHER, FALSE, "通辽市");
  check (e, "5000000", FIGURES_METRIC_FUNDING, FALSE, "通辽市");
  check (e, "3200000", FIGURES_METRIC_FUNDING, FALSE, "通辽市");
  check (e, "6100000", FIGURES_METRIC_FUNDING, FALSE, "通辽市");
  check (e, "14", FIGURES_METRIC_OTHER, FALSE, "通辽市"); /* a name in quotes owns nothing */
}

static void
test_outside_region (void)
{
  g_autoptr (FiguresExtraction) e = extract ("银川市民族宗教事务委员会工作报告\n"
                                             "兴庆区举办培训班5期，培训社区工作者超过300人。\n");

  check (e, "5", FIGURES_METRIC_TRAINING_SESSIONS, FALSE, "银川市");
  g_assert_cmpstr (find_value (e, "5")->place, ==, "兴庆区");
  check (e, "300", FIGURES_METRIC_TRAINEES, TRUE, "银川市");
}

static void
test_counting_once (void)
{
  g_autoptr (FiguresExtraction) e = extract (
    "呼伦贝尔市民委工作总结\n"
    "为推进示范创建，各旗市区共同发力、持续用力、久久为功，今年投入创建工作资金"
    "720万元，用于示范单位建设和宣传教育，群众满意度持续提升，创建氛围日益浓厚。\n"
    "建设和宣传教育。持续推进示范创建，各旗市区共同发力、持续用力、久久为功，今年投入创建工作资金"
    "720万元，用于示范单位建设和宣传教育，群众满意度持续提升，创建氛围日益浓厚。\n"
    "鄂温克族自治旗：资金来源为发展资金45万元。\n"
    "莫力达瓦达斡尔族自治旗：资金来源为发展资金45万元。\n");

  g_assert_cmpuint (count_value (e, "7200000"), ==, 1);
  g_assert_cmpuint (count_value (e, "450000"), ==, 2);
}

static void
test_headline (void)
{
  g_autoptr (FiguresExtraction) e =
    extract ("杭锦旗获批600万元扶持资金\n"
             "近日，杭锦旗共投入扶持资金600万元，支持民族特色村寨建设。\n");
  const FiguresStatistic *s;

  g_assert_cmpuint (count_value (e, "6000000"), ==, 1);
  s = find_value (e, "6000000");
  g_assert_cmpuint (s->start, >, 20); /* the body's, not the title's */
  g_assert_cmpstr (s->city, ==, "鄂尔多斯市");
  g_assert_cmpint (s->metric, ==, FIGURES_METRIC_FUNDING);
}

static void
test_headline_other_wording (void)
{
  /* the title's 获批 makes no funding word: still the body's figure */
  g_autoptr (FiguresExtraction) e = extract ("准格尔旗获批430万元\n"
                                             "近日，准格尔旗争取少数民族发展资金430万元。\n");

  g_assert_cmpuint (count_value (e, "4300000"), ==, 1);
  check (e, "4300000", FIGURES_METRIC_FUNDING, FALSE, "鄂尔多斯市");
}

/* Beyond Inner Mongolia: invented sentences in the style of reports from
 * other provinces (tests/fixtures/unseen holds whole reports). */

static void
test_counted_noun_after_unit (void)
{
  g_autoptr (FiguresExtraction) e = extract ("遵义市人大常委会工作总结\n"
                                             "机关举办4期青年干部培训班，召开3次专题会议。\n");

  /* 举办4期…培训班: the noun phrase after N期 is the counted noun */
  check (e, "4", FIGURES_METRIC_TRAINING_SESSIONS, FALSE, "遵义市");
  check (e, "3", FIGURES_METRIC_OTHER, FALSE, "遵义市");
  g_assert_cmpstr (find_value (e, "3")->label, ==, "会议 次");
}

static void
test_training_outcome_order (void)
{
  g_autoptr (FiguresExtraction) e = extract ("百色市人社局年度总结\n"
                                             "靖西市开展致富带头人培训18期、培训820人。"
                                             "通过技能培训实现转移就业1800人。\n");

  /* 致富 names who is trained, before the training word: not an outcome */
  check (e, "820", FIGURES_METRIC_TRAINEES, FALSE, "百色市");
  check (e, "18", FIGURES_METRIC_TRAINING_SESSIONS, FALSE, "百色市");
  g_assert_cmpstr (find_value (e, "820")->place, ==, "靖西市");
  check (e, "1800", FIGURES_METRIC_OTHER, FALSE, "百色市");
}

static void
test_province_scope (void)
{
  g_autoptr (FiguresExtraction) e = extract ("云南省民族工作总结\n"
                                             "全省举办培训班64期。\n"
                                             "大理白族自治州\n"
                                             "全州投入资金4.2亿元。\n"
                                             "三、宣传教育\n"
                                             "全省累计培训双语教师1.2万人次。\n");
  g_autoptr (FiguresExtraction) city =
    extract ("定西市2023年工作总结\n"
             "我市争取资金3亿元，在我省率先培训农民1500人次。\n");

  check (e, "64", FIGURES_METRIC_TRAINING_SESSIONS, FALSE, "云南省");
  check (e, "420000000", FIGURES_METRIC_FUNDING, FALSE, "大理白族自治州");
  /* 全省 under a prefecture's section is still the province */
  check (e, "12000", FIGURES_METRIC_TRAINEES, FALSE, "云南省");
  /* in a city's report 我省 is the city's province */
  check (city, "300000000", FIGURES_METRIC_FUNDING, FALSE, "定西市");
  check (city, "1500", FIGURES_METRIC_TRAINEES, FALSE, "甘肃省");
}

static void
test_bare_multiplier_bound (void)
{
  g_autoptr (FiguresExtraction) e = extract ("伊犁哈萨克自治州工作总结\n"
                                             "计划轮训村级干部上千人次，举办培训班近百期，"
                                             "惠及千家万户。\n");

  /* 上千人次: a written numeral with a bound word, 1000 approx */
  check (e, "1000", FIGURES_METRIC_TRAINEES, TRUE, NULL);
  check (e, "100", FIGURES_METRIC_TRAINING_SESSIONS, TRUE, NULL);
  /* 千家万户 is a figure of speech */
  g_assert_cmpuint (e->statistics->len, ==, 2);
}

static void
test_session_ordinal (void)
{
  g_autoptr (FiguresExtraction) e = extract ("伊犁哈萨克自治州人民政府\n"
                                             "关于州十六届人大三次会议第45号建议的答复。"
                                             "全年召开常委会会议7次。\n");

  /* 人大三次会议 is the third session, an ordinal like 第三次 */
  g_assert_cmpuint (count_value (e, "3"), ==, 0);
  g_assert_cmpuint (count_value (e, "45"), ==, 0);
  check (e, "7", FIGURES_METRIC_OTHER, FALSE, NULL);
}

static void
test_unit_around_approx (void)
{
  g_autoptr (FiguresExtraction) e =
    extract ("绵阳市\n"
             "北川羌族自治县投入资金5万余元，争取资金2.5亿多元。\n");

  check (e, "50000", FIGURES_METRIC_FUNDING, TRUE, "绵阳市");
  check (e, "250000000", FIGURES_METRIC_FUNDING, TRUE, "绵阳市");
  /* the unit keeps its multiplier when 余/多 stands between them */
  g_assert_cmpstr (find_value (e, "50000")->unit, ==, "万元");
  g_assert_cmpstr (find_value (e, "250000000")->unit, ==, "亿元");
  g_assert_cmpstr (find_value (e, "50000")->place, ==, "北川羌族自治县");
}

static void
test_masthead_publisher (void)
{
  g_autoptr (FiguresExtraction) e = extract ("首页 > 新闻中心 > 县区动态\n"
                                             "遵义市人民政府门户网站\n"
                                             "客商到访：观山湖区、云岩区企业家考察湄潭县茶产业\n"
                                             "观山湖区、云岩区和南明区的企业家代表到访。"
                                             "今年以来，全县举办招商推介培训班6期。\n");

  /* the masthead is the publisher: the document is 遵义市's, though 贵阳市's
   * districts are named more often */
  g_assert_cmpstr (e->city, ==, "遵义市");
  check (e, "6", FIGURES_METRIC_TRAINING_SESSIONS, FALSE, "遵义市");
}

static void
test_relative_year (void)
{
  g_autoptr (FiguresExtraction) dated =
    extract ("政府工作报告\n"
             "——2024年1月10日在凉山彝族自治州人民代表大会上\n"
             "去年全州实施项目280个。今年全州计划实施重点项目300个。"
             "2025年新建项目50个。\n");
  g_autoptr (FiguresExtraction) undated = extract ("凉山彝族自治州工作要点\n"
                                                   "今年全州计划实施重点项目300个。\n");
  g_autoptr (FiguresExtraction) signed_ = extract ("伊犁哈萨克自治州人民政府\n"
                                                   "今年以来，全州举办培训班38期。\n"
                                                   "2023年8月15日\n");

  g_assert_cmpint (find_value (dated, "280")->year, ==, 2023);
  g_assert_cmpint (find_value (dated, "300")->year, ==, 2024);
  g_assert_cmpint (find_value (dated, "50")->year, ==, 2025);
  /* no date in the document: 今年 is unknown */
  g_assert_cmpint (find_value (undated, "300")->year, ==, 0);
  /* the signature's date */
  g_assert_cmpint (find_value (signed_, "38")->year, ==, 2023);
}

static void
test_other_provinces_places (void)
{
  g_autoptr (FiguresExtraction) e = extract ("兰州市民政局\n"
                                             "城关区举办培训班12期。"
                                             "七里河区实施项目8个。\n");
  g_autoptr (FiguresExtraction) w = extract ("温州市年度总结\n"
                                             "瑞安市投入资金300万元，乐清市实施项目１２个，"
                                             "培训 300 人次。\n");

  /* 城关区 is in 兰州市 and 拉萨市: the document's province decides */
  check (e, "12", FIGURES_METRIC_TRAINING_SESSIONS, FALSE, "兰州市");
  g_assert_cmpstr (find_value (e, "12")->place, ==, "城关区");
  check (e, "8", FIGURES_METRIC_PROJECTS, FALSE, "兰州市");
  /* county-level cities roll up; full-width digits and spaces */
  check (w, "3000000", FIGURES_METRIC_FUNDING, FALSE, "温州市");
  g_assert_cmpstr (find_value (w, "3000000")->place, ==, "瑞安市");
  check (w, "12", FIGURES_METRIC_PROJECTS, FALSE, "温州市");
  check (w, "300", FIGURES_METRIC_TRAINEES, FALSE, "温州市");
}

static void
test_year_and_evidence (void)
{
  g_autoptr (FiguresExtraction) e = extract ("通辽市民委工作总结\n"
                                             "截至2023年6月，全市组织培训92期。新建项目4个。\n");
  const FiguresStatistic *s = find_value (e, "92");

  g_assert_cmpint (s->year, ==, 2023);
  /* the display text is NFKC: the full-width comma is an ASCII one */
  g_assert_cmpstr (s->evidence, ==, "截至2023年6月，全市组织培训92期。");
  g_assert_cmpint (find_value (e, "4")->year, ==, 0);
}

static void
test_traditional (void)
{
  g_autoptr (FiguresExtraction) e =
    extract ("呼倫貝爾市民族工作總結\n"
             "舉辦專題培訓班12期，投入資金3.4億元，實施項目56個。\n");
  const FiguresStatistic *s;

  check (e, "12", FIGURES_METRIC_TRAINING_SESSIONS, FALSE, "呼伦贝尔市");
  check (e, "340000000", FIGURES_METRIC_FUNDING, FALSE, "呼伦贝尔市");
  check (e, "56", FIGURES_METRIC_PROJECTS, FALSE, NULL);
  s = find_value (e, "340000000");
  g_assert_cmpstr (s->unit, ==, "億元");
  g_assert_cmpstr (s->evidence, ==, "舉辦專題培訓班12期，投入資金3.4億元，實施項目56個。");
}

static void
test_offsets (void)
{
  const char *doc = "包头市工作总结\n拨付资金260万元。\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (FiguresText) text =
    figures_text_new_from_bytes ((const guint8 *) doc, strlen (doc), &error);
  g_autoptr (FiguresExtraction) e = NULL;
  const FiguresStatistic *s;
  g_autofree char *span = NULL;

  g_assert_no_error (error);
  e = figures_extract (text, figures_gazetteer_get_default ());
  g_assert_cmpuint (e->statistics->len, ==, 1);
  s = g_ptr_array_index (e->statistics, 0);
  span = figures_text_dup_range (text, s->start, s->end);
  g_assert_cmpstr (span, ==, "260万元");
  g_assert_cmpuint (s->evidence_start, <, s->start);
  g_assert_cmpuint (s->evidence_end, >=, s->end);
}

static void
test_empty_and_no_places (void)
{
  g_autoptr (FiguresExtraction) e = extract ("会议纪要\n举办培训班3期。\n");

  check (e, "3", FIGURES_METRIC_TRAINING_SESSIONS, FALSE, "");
  g_assert_null (e->city);
}

static gpointer
thread_func (gpointer data)
{
  const char *doc = data;

  for (guint i = 0; i < 20; i++)
    {
      g_autoptr (FiguresExtraction) e = extract (doc);

      g_assert_cmpuint (e->statistics->len, ==, 3);
    }
  return NULL;
}

static void
test_threads (void)
{
  const char *doc = "赤峰市工作总结\n举办培训班8期，培训干部640人次，拨付经费30万元。\n";
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("extract", thread_func, (gpointer) doc);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
}

/* Amended spec: amounts counted by 投资 are investment, not funding;
 * whole-economy fixed-asset investment stays other. */
static void
test_investment (void)
{
  g_autoptr (FiguresExtraction) e = extract ("安康市住建局年度小结\n"
                                             "全市拨付农房改造补助资金3200万元，"
                                             "实施城中村改造项目16个，总投资8.4亿元；"
                                             "市财政投资960万元建设社区食堂。"
                                             "全市固定资产投资完成1260亿元。\n");

  check (e, "32000000", FIGURES_METRIC_FUNDING, FALSE, "安康市");
  check (e, "840000000", FIGURES_METRIC_INVESTMENT, FALSE, "安康市");
  check (e, "9600000", FIGURES_METRIC_INVESTMENT, FALSE, "安康市");
  check (e, "126000000000", FIGURES_METRIC_OTHER, FALSE, "安康市");
  g_assert_cmpstr (find_value (e, "840000000")->why_metric, ==, "counted noun 总投资");
  g_assert_cmpstr (find_value (e, "126000000000")->why_metric, ==,
                   "固定资产投资 is a macro-economic or whole-budget figure");
}

/* The place that receives a figure owns it, even when the giver is the
 * subject: 援建X, 为X, 帮助X, 向X + a giving verb. */
static void
test_receivers (void)
{
  g_autoptr (FiguresExtraction) e = extract ("对口协作工作简报\n"
                                             "江苏省援建喀什地区教育项目12个。"
                                             "国家为黔东南苗族侗族自治州下拨农业培训经费650万元。"
                                             "扬州市向铜仁市捐款310万元。"
                                             "扬州市向江苏省申请配套资金80万元。"
                                             "南京市帮助毕节市培训乡村教师900人。"
                                             "江苏省对铜仁市的280名医生开展了轮训。\n");
  const FiguresStatistic *s;

  check (e, "12", FIGURES_METRIC_PROJECTS, FALSE, "喀什地区");
  check (e, "6500000", FIGURES_METRIC_FUNDING, FALSE, "黔东南苗族侗族自治州");
  check (e, "3100000", FIGURES_METRIC_FUNDING, FALSE, "铜仁市");
  check (e, "800000", FIGURES_METRIC_FUNDING, FALSE, "扬州市"); /* 向 + 申请: a giver */
  check (e, "900", FIGURES_METRIC_TRAINEES, FALSE, "毕节市");
  check (e, "280", FIGURES_METRIC_TRAINEES, FALSE, "铜仁市");
  s = find_value (e, "12");
  g_assert_cmpstr (s->why_city, ==, "receiver 喀什地区 (giver 江苏省 is the subject)");
}

/* 为 in 作为, and a place before 的 (交给X的任务), mark no receiver. */
static void
test_not_receivers (void)
{
  g_autoptr (FiguresExtraction) e =
    extract ("咸宁市乡村振兴局工作总结\n"
             "咸宁市作为湖北省试点，安排衔接资金1500万元。"
             "围绕省委交给湖北省的重点任务，咸宁市实施帮扶项目44个。\n");

  check (e, "15000000", FIGURES_METRIC_FUNDING, FALSE, "咸宁市");
  check (e, "44", FIGURES_METRIC_PROJECTS, FALSE, "咸宁市");
}

/* 来自X: people come from X and X owns them; money from X was given. */
static void
test_origins (void)
{
  g_autoptr (FiguresExtraction) e = extract ("干部学院办班简讯\n"
                                             "来自安顺市的86名乡镇干部在杭州参加了为期五天的培训。"
                                             "贵阳市收到来自安顺市的项目资金75万元。\n");

  check (e, "86", FIGURES_METRIC_TRAINEES, FALSE, "安顺市");
  g_assert_cmpstr (find_value (e, "86")->why_city, ==, "origin 安顺市 (来自)");
  {
    /* people from places of two prefectures: their province */
    g_autoptr (FiguresExtraction) list =
      extract ("干部学院办班简讯\n"
               "来自黔东南州凯里市、某某农场和遵义市湄潭县茶叶基地的学员64人参加了培训。\n");

    check (list, "64", FIGURES_METRIC_TRAINEES, FALSE, "贵州省");
  }
  check (e, "750000", FIGURES_METRIC_FUNDING, FALSE, "贵阳市");
}

/* A news dateline's place is where the reporter filed from: it owns no
 * figure and is no document place while another place is named. */
static void
test_dateline (void)
{
  g_autoptr (FiguresExtraction) e =
    extract ("农民工技能提升行动启动\n"
             "本报合肥3月8日电（记者 王某）记者从安徽省人社厅获悉，安徽省今年将安排"
             "职业技能培训补贴资金2.6亿元，计划培训农民工12万人次。\n");

  check (e, "260000000", FIGURES_METRIC_FUNDING, FALSE, "安徽省");
  check (e, "120000", FIGURES_METRIC_TRAINEES, FALSE, "安徽省");
}

/* The title is the first line that reads like one (not EN, a URL or a
 * word count), or a 标题: line; a title quoted whole still names its
 * places, the one named more often winning a tie. */
static void
test_title_lines (void)
{
  g_autoptr (FiguresExtraction) junk = extract ("EN\n"
                                                "https://www.example.gov.cn/\n"
                                                "延边州下达边境村建设资金4200万元\n"
                                                "2024-05-06 来源：新华社\n"
                                                "资金将用于道路和饮水工程。\n");
  g_autoptr (FiguresExtraction) keyed =
    extract ("本文共820字\n"
             "两地签订协作协议，本次会议签约项目达26个。\n"
             "会后，广东、广西两地代表参观了广西的产业园区和广西的职业学校。\n"
             "标题：“广东广西深化劳务协作”\n");

  check (junk, "42000000", FIGURES_METRIC_FUNDING, FALSE, "延边朝鲜族自治州");
  check (keyed, "26", FIGURES_METRIC_PROJECTS, FALSE, "广西壮族自治区");
  g_assert_cmpstr (find_value (keyed, "26")->why_city, ==, "document title 广西壮族自治区");
}

/* A headline rounding the body's figure (逾3亿元 for 3.12亿元) is the same
 * statistic; the body's figure takes the headline's metric when its own
 * words name none. */
static void
test_headline_rounding (void)
{
  g_autoptr (FiguresExtraction) e = extract ("岳阳市拨付就业补助资金逾3亿元\n"
                                             "岳阳市近日拨付就业补助资金3.12亿元。\n");
  g_autoptr (FiguresExtraction) m = extract ("常德市退役军人技能培训班开班 156名退役军人进课堂\n"
                                             "常德市156名退役军人走进课堂学习新技能。\n");

  g_assert_cmpuint (e->statistics->len, ==, 1);
  check (e, "312000000", FIGURES_METRIC_FUNDING, FALSE, "岳阳市");
  check (m, "156", FIGURES_METRIC_TRAINEES, FALSE, "常德市");
  g_assert_cmpuint (m->statistics->len, ==, 1);
}

/* An item with no counted noun continues the figure before it: a bare
 * clause, a parallel item (…科长…，副科长…), a parallel sentence, and a 其中
 * breakdown of the sentence before; an item counting something new (转移)
 * does not. */
static void
test_list_continuation (void)
{
  g_autoptr (FiguresExtraction) e =
    extract ("宜宾市人社局工作总结\n"
             "全年培训科长级干部420人次，副科长级干部960人次，开展电商培训12期，3400人次，"
             "转移就业劳动力5800人。"
             "2022年举办电商培训班18期，培训1100人次。2023年举办21期，培训1350人次。"
             "其中乡镇举办场次9场次700人次。"
             "计划改造老旧小区项目30个，年内已改造22个。\n");

  check (e, "960", FIGURES_METRIC_TRAINEES, FALSE, NULL);
  check (e, "3400", FIGURES_METRIC_TRAINEES, FALSE, NULL);
  check (e, "5800", FIGURES_METRIC_OTHER, FALSE, NULL);
  check (e, "21", FIGURES_METRIC_TRAINING_SESSIONS, FALSE, NULL);
  check (e, "22", FIGURES_METRIC_PROJECTS, FALSE, NULL);
  check (e, "9", FIGURES_METRIC_TRAINING_SESSIONS, FALSE, NULL);
  check (e, "700", FIGURES_METRIC_TRAINEES, FALSE, NULL);
  g_assert_cmpstr (find_value (e, "9")->why_metric, ==,
                   "其中 breakdown of the training_sessions figure before it");
}

/* A list of partners after 与 (与A大学、B市…等单位联合) owns nothing. */
static void
test_partner_list (void)
{
  g_autoptr (FiguresExtraction) e =
    extract ("绵阳市科技局\n"
             "绵阳市先后与成都大学、重庆市农科院等单位联合，在各区设教学点，举办培训班64期，"
             "培训农技人员5200人次。\n");

  check (e, "64", FIGURES_METRIC_TRAINING_SESSIONS, FALSE, "绵阳市");
  check (e, "5200", FIGURES_METRIC_TRAINEES, FALSE, "绵阳市");
}

/* 全州/全盟 in a text whose title names only the province: the prefecture
 * it names most often; a figure of several places listed without 分别
 * belongs to their common division. */
static void
test_scope_and_lists (void)
{
  g_autoptr (FiguresExtraction) e =
    extract ("云南民族团结进步创建纪实\n"
             "红河州广泛开展宣传，红河州各县市积极参与。全州培训创建骨干340人。"
             "蒙自市、个旧市和开远市举办培训班15期。\n");

  check (e, "340", FIGURES_METRIC_TRAINEES, FALSE, "红河哈尼族彝族自治州");
  check (e, "15", FIGURES_METRIC_TRAINING_SESSIONS, FALSE, "红河哈尼族彝族自治州");
}

/* 分别 over a list joined by 、 and 和: the k-th figure is the k-th
 * place's, and the last item (和27期) keeps the list's counted noun. */
static void
test_respective_with_and (void)
{
  g_autoptr (FiguresExtraction) e =
    extract ("广西壮族自治区人社厅工作总结\n"
             "全区开展技能培训52万人次，其中南宁市培训8.3万人次。"
             "梧州市、北海市和防城港市分别举办培训班45期、38期和27期。\n");

  check (e, "520000", FIGURES_METRIC_TRAINEES, FALSE, "广西壮族自治区");
  check (e, "83000", FIGURES_METRIC_TRAINEES, FALSE, "南宁市");
  check (e, "45", FIGURES_METRIC_TRAINING_SESSIONS, FALSE, "梧州市");
  check (e, "38", FIGURES_METRIC_TRAINING_SESSIONS, FALSE, "北海市");
  check (e, "27", FIGURES_METRIC_TRAINING_SESSIONS, FALSE, "防城港市");
  g_assert_cmpstr (find_value (e, "38")->why_city, ==, "北海市, by 分别 order");
}

/* A text naming no place in full may name its county by the stem (泽州 for
 * 泽州县); a stem that is a common word (大关, 公安) names none. */
static void
test_county_stem (void)
{
  g_autoptr (FiguresExtraction) e = extract ("县政府工作报告\n"
                                             "一年来，高平发展迈上新台阶，突破百亿大关。"
                                             "全年实施重点项目35个。\n");
  g_autoptr (FiguresExtraction) none =
    extract ("县政府工作报告\n"
             "一年来，公安干警突破大关，全年实施重点项目35个。\n");

  check (e, "35", FIGURES_METRIC_PROJECTS, FALSE, "晋城市");
  g_assert_cmpstr (find_value (e, "35")->why_city, ==, "高平市, named by its short form");
  check (none, "35", FIGURES_METRIC_PROJECTS, FALSE, "");
  g_assert_cmpstr (find_value (none, "35")->why_city, ==, "no place named: left empty");
}

/* PDF debris: a space between the digits and 多/余; 两件大事 is no count. */
static void
test_spaced_approximation (void)
{
  g_autoptr (FiguresExtraction) e = extract ("泸州市人大常委会\n"
                                             "组织 350 多名基层人大代表参加集中培训，"
                                             "扎实办好两件大事。\n");

  check (e, "350", FIGURES_METRIC_TRAINEES, TRUE, "泸州市");
  {
    /* a lone 万/亿 with a bound word touching it is a figure */
    g_autoptr (FiguresExtraction) bound =
      extract ("泸州市\n全市近万人参加培训，投入资金逾亿元，万里长城。\n");

    check (bound, "10000", FIGURES_METRIC_TRAINEES, TRUE, "泸州市");
    check (bound, "100000000", FIGURES_METRIC_FUNDING, TRUE, "泸州市");
    g_assert_cmpstr (find_value (bound, "100000000")->unit, ==, "亿元");
    g_assert_cmpuint (bound->statistics->len, ==, 2);
  }
  g_assert_cmpuint (count_value (e, "2"), ==, 0);
}

static void
test_rules_tables (void)
{
  const FiguresRules *rules = figures_rules_get ();
  const gunichar text[] = { 0x4E07, 0x5143, 0x4EE5, 0x4E0A, 0 }; /* 万元以上 */
  guint index = 0;

  g_assert_cmpuint (figures_word_set_match (rules->units, text, 4, 0, &index), ==, 2);
  g_assert_cmpint (figures_rules_unit (index)->kind, ==, FIGURES_UNIT_MONEY);
  g_assert_cmpuint (figures_word_set_match (rules->approx_after, text, 4, 2, NULL), ==, 2);
  g_assert_cmpuint (figures_word_set_match_ending (rules->approx_after, text, 0, 4, NULL), ==, 2);
  g_assert_cmpstr (figures_rules_capital ("内蒙古自治区"), ==, "呼和浩特市");
  g_assert_null (figures_rules_capital ("河北省"));
}

/* A test dictionary of reason templates */
static const char *
test_translate (const char *text)
{
  static const char *const pairs[][2] = {
    { "counted noun %s", "名词【%s】" },
    { "counted noun %s counts none of the five", "不属五项【%s】" },
    { "receiver %s", "接受方【%s】" },
    { "%s (giver %s is the subject)", "%s；给予方【%s】" },
    { "no place named: left empty", "留空" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    if (strcmp (text, pairs[i][0]) == 0)
      return pairs[i][1];
  return text;
}

static const char *
same (const char *text)
{
  return text;
}

/* The window shows the extractor's reasons in its language: the template
 * is translated, the words kept; the longest template wins; a giver's
 * reason holds the receiver's; an unknown reason stays as it is. */
static void
test_translate_reason (void)
{
  static const struct
  {
    const char *reason;
    const char *translated;
  } cases[] = {
    { "counted noun 资金", "名词【资金】" },
    { "counted noun 户 counts none of the five", "不属五项【户】" },
    { "receiver 甲市 (giver 乙省 is the subject)", "接受方【甲市】；给予方【乙省】" },
    { "no place named: left empty", "留空" },
    { "scope word 全县", "scope word 全县" }, /* not in the dictionary */
    { "a reason of no template", "a reason of no template" },
  };
  /* generated by the extractor itself: each reason is made of templates */
  g_autoptr (FiguresExtraction) extraction =
    extract ("丙市召开会议。全市举办培训班12期，培训干部800人次，投入资金300万元。");
  GPtrArray *statistics = extraction->statistics;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = figures_extractor_translate_reason (cases[i].reason, test_translate);

      g_assert_cmpstr (out, ==, cases[i].translated);
    }
  g_assert_cmpuint (statistics->len, >, 0);
  for (guint i = 0; i < statistics->len; i++)
    {
      FiguresStatistic *s = g_ptr_array_index (statistics, i);
      g_autofree char *metric = figures_extractor_translate_reason (s->why_metric, same);
      g_autofree char *city = figures_extractor_translate_reason (s->why_city, same);

      g_assert_cmpstr (metric, ==, s->why_metric);
      g_assert_cmpstr (city, ==, s->why_city);
    }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/extractor/training", test_training);
  g_test_add_func ("/extractor/list-inheritance", test_list_inheritance);
  g_test_add_func ("/extractor/outreach", test_outreach);
  g_test_add_func ("/extractor/funding", test_funding);
  g_test_add_func ("/extractor/macro-distractors", test_macro_distractors);
  g_test_add_func ("/extractor/projects", test_projects);
  g_test_add_func ("/extractor/per-unit", test_per_unit);
  g_test_add_func ("/extractor/per-unit-place", test_per_unit_place);
  g_test_add_func ("/extractor/transfer-payment", test_transfer_payment);
  g_test_add_func ("/extractor/funding-share", test_funding_share);
  g_test_add_func ("/extractor/projects-already", test_projects_already);
  g_test_add_func ("/extractor/projects-modal", test_projects_modal);
  g_test_add_func ("/extractor/projects-not-head", test_projects_not_head);
  g_test_add_func ("/extractor/list-progress", test_list_progress);
  g_test_add_func ("/extractor/list-by-place", test_list_by_place);
  g_test_add_func ("/extractor/respective-single", test_respective_single);
  g_test_add_func ("/extractor/trainees-elided-join", test_trainees_elided_join);
  g_test_add_func ("/extractor/phrase-after-quoted-name", test_phrase_after_quoted_name);
  g_test_add_func ("/extractor/approximation", test_approximation);
  g_test_add_func ("/extractor/not-statistics", test_not_statistics);
  g_test_add_func ("/extractor/city/subject-and-rollup", test_city_by_subject_and_rollup);
  g_test_add_func ("/extractor/city/heading", test_city_by_heading);
  g_test_add_func ("/extractor/city/document", test_city_by_document);
  g_test_add_func ("/extractor/city/region-wide", test_region_wide);
  g_test_add_func ("/extractor/city/partners-and-givers", test_partners_and_givers);
  g_test_add_func ("/extractor/city/outside-region", test_outside_region);
  g_test_add_func ("/extractor/counting-once", test_counting_once);
  g_test_add_func ("/extractor/headline", test_headline);
  g_test_add_func ("/extractor/headline-other-wording", test_headline_other_wording);
  g_test_add_func ("/extractor/year-and-evidence", test_year_and_evidence);
  g_test_add_func ("/extractor/counted-noun-after-unit", test_counted_noun_after_unit);
  g_test_add_func ("/extractor/training-outcome-order", test_training_outcome_order);
  g_test_add_func ("/extractor/city/province-scope", test_province_scope);
  g_test_add_func ("/extractor/bare-multiplier-bound", test_bare_multiplier_bound);
  g_test_add_func ("/extractor/session-ordinal", test_session_ordinal);
  g_test_add_func ("/extractor/unit-around-approx", test_unit_around_approx);
  g_test_add_func ("/extractor/city/masthead-publisher", test_masthead_publisher);
  g_test_add_func ("/extractor/relative-year", test_relative_year);
  g_test_add_func ("/extractor/city/other-provinces", test_other_provinces_places);
  g_test_add_func ("/extractor/traditional", test_traditional);
  g_test_add_func ("/extractor/offsets", test_offsets);
  g_test_add_func ("/extractor/no-places", test_empty_and_no_places);
  g_test_add_func ("/extractor/threads", test_threads);
  g_test_add_func ("/extractor/rules-tables", test_rules_tables);
  g_test_add_func ("/extractor/investment", test_investment);
  g_test_add_func ("/extractor/city/receivers", test_receivers);
  g_test_add_func ("/extractor/city/not-receivers", test_not_receivers);
  g_test_add_func ("/extractor/city/origins", test_origins);
  g_test_add_func ("/extractor/city/dateline", test_dateline);
  g_test_add_func ("/extractor/city/title-lines", test_title_lines);
  g_test_add_func ("/extractor/headline-rounding", test_headline_rounding);
  g_test_add_func ("/extractor/list-continuation", test_list_continuation);
  g_test_add_func ("/extractor/city/partner-list", test_partner_list);
  g_test_add_func ("/extractor/city/aid-giver", test_city_aid_giver);
  g_test_add_func ("/extractor/city/aid-title", test_city_aid_title);
  g_test_add_func ("/extractor/city/several-regions", test_city_several_regions);
  g_test_add_func ("/extractor/city/scope-and-lists", test_scope_and_lists);
  g_test_add_func ("/extractor/city/county-stem", test_county_stem);
  g_test_add_func ("/extractor/city/respective-with-and", test_respective_with_and);
  g_test_add_func ("/extractor/spaced-approximation", test_spaced_approximation);
  g_test_add_func ("/extractor/translate-reason", test_translate_reason);

  return g_test_run ();
}
