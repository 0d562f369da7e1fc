/* test-gazetteer.c: places, aliases, roll-up and matching
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "figures-fold.h"
#include "figures-gazetteer.h"

static FiguresGazetteer *bundled;
static char *tmp_config;

/* The bundled files, read from the source tree into a fresh gazetteer. */
static FiguresGazetteer *
load_bundled (void)
{
  g_autoptr (FiguresGazetteer) g = figures_gazetteer_new ();
  g_autoptr (GError) error = NULL;
  const char *src = g_getenv ("FIGURES_SOURCE_DIR");
  g_autofree char *places = NULL;
  g_autofree char *aliases = NULL;

  g_assert_nonnull (src);
  places = g_build_filename (src, "data", "places.tsv", NULL);
  aliases = g_build_filename (src, "data", "places-aliases.tsv", NULL);
  g_assert_true (figures_gazetteer_load_file (g, places, &error));
  g_assert_no_error (error);
  g_assert_true (figures_gazetteer_load_file (g, aliases, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&g);
}

static void
assert_place (FiguresGazetteer *g,
              const char *name,
              const char *canonical,
              const char *prefecture,
              const char *province,
              FiguresPlaceLevel level)
{
  const FiguresPlace *place = figures_gazetteer_lookup (g, name);

  g_test_message ("%s", name);
  g_assert_nonnull (place);
  g_assert_cmpstr (place->name, ==, canonical);
  g_assert_cmpstr (place->prefecture, ==, prefecture);
  g_assert_cmpstr (place->province, ==, province);
  g_assert_cmpint (place->level, ==, level);
}

#define NM "内蒙古自治区"

static void
test_lookup (void)
{
  FiguresGazetteer *g = bundled;
  const FiguresPlace *place;

  assert_place (g, "集宁区", "集宁区", "乌兰察布市", NM, FIGURES_PLACE_COUNTY);
  assert_place (g, "苏尼特右旗", "苏尼特右旗", "锡林郭勒盟", NM, FIGURES_PLACE_COUNTY);
  assert_place (g, "乌拉特后旗", "乌拉特后旗", "巴彦淖尔市", NM, FIGURES_PLACE_COUNTY);
  assert_place (g, "武川县", "武川县", "呼和浩特市", NM, FIGURES_PLACE_COUNTY);
  assert_place (g, "托克托县", "托克托县", "呼和浩特市", NM, FIGURES_PLACE_COUNTY);
  assert_place (g, "兴安盟", "兴安盟", "兴安盟", NM, FIGURES_PLACE_PREFECTURE);
  assert_place (g, "阿拉善盟", "阿拉善盟", "阿拉善盟", NM, FIGURES_PLACE_PREFECTURE);
  assert_place (g, "内蒙古自治区", "内蒙古自治区", NULL, NM, FIGURES_PLACE_PROVINCE);
  assert_place (g, "银川市", "银川市", "银川市", "宁夏回族自治区", FIGURES_PLACE_PREFECTURE);
  assert_place (g, "宜昌市", "宜昌市", "宜昌市", "湖北省", FIGURES_PLACE_PREFECTURE);
  assert_place (g, "拉萨市", "拉萨市", "拉萨市", "西藏自治区", FIGURES_PLACE_PREFECTURE);
  /* municipalities roll up to themselves */
  assert_place (g, "北京市", "北京市", "北京市", "北京市", FIGURES_PLACE_PROVINCE);
  assert_place (g, "海淀区", "海淀区", "北京市", "北京市", FIGURES_PLACE_COUNTY);
  assert_place (g, "万州区", "万州区", "重庆市", "重庆市", FIGURES_PLACE_COUNTY);
  /* county-level cities under a province directly */
  assert_place (g, "仙桃市", "仙桃市", "仙桃市", "湖北省", FIGURES_PLACE_COUNTY);

  /* aliases */
  assert_place (g, "托县", "托克托县", "呼和浩特市", NM, FIGURES_PLACE_COUNTY);
  assert_place (g, "青城", "呼和浩特市", "呼和浩特市", NM, FIGURES_PLACE_PREFECTURE);
  assert_place (g, "呼市", "呼和浩特市", "呼和浩特市", NM, FIGURES_PLACE_PREFECTURE);
  assert_place (g, "鹿城", "包头市", "包头市", NM, FIGURES_PLACE_PREFECTURE);
  assert_place (g, "土左旗", "土默特左旗", "呼和浩特市", NM, FIGURES_PLACE_COUNTY);
  assert_place (g, "达茂旗", "达尔罕茂明安联合旗", "包头市", NM, FIGURES_PLACE_COUNTY);
  assert_place (g, "莫旗", "莫力达瓦达斡尔族自治旗", "呼伦贝尔市", NM, FIGURES_PLACE_COUNTY);
  assert_place (g, "准旗", "准格尔旗", "鄂尔多斯市", NM, FIGURES_PLACE_COUNTY);
  assert_place (g, "伊旗", "伊金霍洛旗", "鄂尔多斯市", NM, FIGURES_PLACE_COUNTY);
  assert_place (g, "东胜", "东胜区", "鄂尔多斯市", NM, FIGURES_PLACE_COUNTY);
  assert_place (g, "科左中旗", "科尔沁左翼中旗", "通辽市", NM, FIGURES_PLACE_COUNTY);
  assert_place (g, "阿左旗", "阿拉善左旗", "阿拉善盟", NM, FIGURES_PLACE_COUNTY);
  assert_place (g, "锡林郭勒", "锡林郭勒盟", "锡林郭勒盟", NM, FIGURES_PLACE_PREFECTURE);
  assert_place (g, "乌兰察布", "乌兰察布市", "乌兰察布市", NM, FIGURES_PLACE_PREFECTURE);
  assert_place (g, "内蒙古", "内蒙古自治区", NULL, NM, FIGURES_PLACE_PROVINCE);
  assert_place (g, "宁夏", "宁夏回族自治区", NULL, "宁夏回族自治区", FIGURES_PLACE_PROVINCE);
  assert_place (g, "宜昌", "宜昌市", "宜昌市", "湖北省", FIGURES_PLACE_PREFECTURE);
  assert_place (g, "延边", "延边朝鲜族自治州", "延边朝鲜族自治州", "吉林省",
                FIGURES_PLACE_PREFECTURE);

  /* unknown names, context words and common words are not places */
  g_assert_null (figures_gazetteer_lookup (g, "首府"));
  g_assert_null (figures_gazetteer_lookup (g, "全市"));
  g_assert_null (figures_gazetteer_lookup (g, "大同"));
  g_assert_null (figures_gazetteer_lookup (g, "中山"));
  g_assert_null (figures_gazetteer_lookup (g, "蒙"));
  g_assert_null (figures_gazetteer_lookup (g, ""));
  g_assert_null (figures_gazetteer_lookup (g, "\xff"));
  /* but the cities are */
  place = figures_gazetteer_lookup (g, "大同市");
  g_assert_nonnull (place);
  g_assert_cmpstr (place->province, ==, "山西省");
  g_assert_cmpstr (place->code, ==, "1402");
}

static guint
match_utf8 (
  FiguresGazetteer *g, const char *text, gsize pos, gsize *len, const FiguresPlace *const **cands)
{
  g_autofree gunichar *cps = NULL;
  g_autofree gunichar *folded = NULL;
  glong n = 0;

  cps = g_utf8_to_ucs4 (text, -1, NULL, &n, NULL);
  g_assert_nonnull (cps);
  folded = g_new (gunichar, n + 1);
  figures_fold_chars (cps, folded, (gsize) n);
  return figures_gazetteer_match (g, folded, (gsize) n, pos, len, cands);
}

static void
test_match (void)
{
  FiguresGazetteer *g = bundled;
  const FiguresPlace *const *cands = NULL;
  gsize len = 0;
  guint count;

  /* 锡林郭勒盟苏尼特右旗: the league first, then the banner at its offset */
  count = match_utf8 (g, "锡林郭勒盟苏尼特右旗举办培训班", 0, &len, &cands);
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpuint (len, ==, 5);
  g_assert_cmpstr (cands[0]->name, ==, "锡林郭勒盟");
  count = match_utf8 (g, "锡林郭勒盟苏尼特右旗举办培训班", 5, &len, &cands);
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpuint (len, ==, 5);
  g_assert_cmpstr (cands[0]->name, ==, "苏尼特右旗");
  g_assert_cmpstr (cands[0]->prefecture, ==, "锡林郭勒盟");
  /* the longest: 乌兰察布市 rather than the alias 乌兰察布 */
  count = match_utf8 (g, "乌兰察布市集宁区", 0, &len, &cands);
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpuint (len, ==, 5);
  count = match_utf8 (g, "乌兰察布市集宁区", 5, &len, &cands);
  g_assert_cmpuint (len, ==, 3);
  g_assert_cmpstr (cands[0]->prefecture, ==, "乌兰察布市");
  /* an alias in running text */
  count = match_utf8 (g, "托县组织干部", 0, &len, &cands);
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpuint (len, ==, 2);
  g_assert_cmpstr (cands[0]->name, ==, "托克托县");
  /* nothing starts here */
  count = match_utf8 (g, "组织干部", 0, &len, &cands);
  g_assert_cmpuint (count, ==, 0);
  g_assert_cmpuint (len, ==, 0);
  g_assert_null (cands);
  count = match_utf8 (g, "托", 1, &len, &cands);
  g_assert_cmpuint (count, ==, 0);
  /* generic names and word-boundary traps are not matched … */
  g_assert_cmpuint (match_utf8 (g, "城区建设", 0, &len, &cands), ==, 0);
  g_assert_cmpuint (match_utf8 (g, "示范县", 1, &len, &cands), ==, 0);
  g_assert_cmpuint (match_utf8 (g, "管理县级", 1, &len, &cands), ==, 0);
  /* … but can still be looked up */
  g_assert_nonnull (figures_gazetteer_lookup (g, "范县"));
}

static void
test_ambiguous (void)
{
  FiguresGazetteer *g = bundled;
  const FiguresPlace *const *cands = NULL;
  gsize len = 0;
  guint count;
  gboolean shenyang = FALSE, anshan = FALSE;

  count = match_utf8 (g, "铁西区", 0, &len, &cands);
  g_assert_cmpuint (count, >=, 2);
  for (guint k = 0; k < count; k++)
    {
      g_assert_cmpstr (cands[k]->name, ==, "铁西区");
      shenyang |= g_strcmp0 (cands[k]->prefecture, "沈阳市") == 0;
      anshan |= g_strcmp0 (cands[k]->prefecture, "鞍山市") == 0;
    }
  g_assert_true (shenyang && anshan);

  /* 吉林: the province and the city */
  count = match_utf8 (g, "吉林", 0, &len, &cands);
  g_assert_cmpuint (count, ==, 2);
  g_assert_cmpint (cands[0]->level, ==, FIGURES_PLACE_PROVINCE);
  g_assert_cmpstr (cands[1]->name, ==, "吉林市");

  /* 新城区: Hohhot's and Xi'an's */
  count = match_utf8 (g, "新城区", 0, &len, &cands);
  g_assert_cmpuint (count, ==, 2);
}

static void
test_counts (void)
{
  FiguresGazetteer *g = bundled;
  g_autoptr (GPtrArray) cities = figures_gazetteer_list_cities (g);
  guint provinces = 0, nm_prefectures = 0, prefectures = 0;
  gboolean have_beijing = FALSE;

  for (guint k = 0; k < cities->len; k++)
    {
      const char *name = g_ptr_array_index (cities, k);
      const FiguresPlace *place = figures_gazetteer_lookup (g, name);

      g_assert_nonnull (place);
      g_assert_cmpstr (place->name, ==, name);
      if (place->level == FIGURES_PLACE_PROVINCE)
        provinces++;
      if (place->level == FIGURES_PLACE_PREFECTURE)
        {
          prefectures++;
          if (strcmp (place->province, NM) == 0)
            nm_prefectures++;
        }
      have_beijing |= strcmp (name, "北京市") == 0;
    }
  /* 31 provinces, autonomous regions and municipalities, plus 香港, 澳门
   * and 台湾 as province rows of the table */
  g_assert_cmpuint (provinces, ==, 34);
  g_assert_cmpuint (nm_prefectures, ==, 12);
  g_assert_cmpuint (prefectures, >=, 330);
  g_assert_true (have_beijing);
  g_test_message ("%u cities listed, %u prefectures", cities->len, prefectures);
}

static void
test_fold (void)
{
  FiguresGazetteer *g = bundled;
  const FiguresPlace *place;

  if (figures_fold_char (0x70CF /* 烏 */) != 0x4E4C /* 乌 */)
    {
      g_test_skip ("the fold table has no 烏→乌 yet");
      return;
    }
  place = figures_gazetteer_lookup (g, "烏蘭察布市");
  g_assert_nonnull (place);
  g_assert_cmpstr (place->name, ==, "乌兰察布市");
}

static char *
write_temp (const char *name, const char *contents)
{
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (tmp_config, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_user_file (void)
{
  g_autoptr (FiguresGazetteer) g = load_bundled ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  const FiguresPlace *place;

  g_assert_null (figures_gazetteer_lookup (g, "某某新区"));
  path = write_temp ("good.tsv", "# mine\n"
                                 "苏右\t苏尼特右旗\t内蒙古自治区\n"
                                 "\t某某新区\tcounty\t锡林郭勒盟\t内蒙古自治区\r\n"
                                 "某新区\t某某新区\t内蒙古自治区\n");
  g_assert_true (figures_gazetteer_load_file (g, path, &error));
  g_assert_no_error (error);
  assert_place (g, "苏右", "苏尼特右旗", "锡林郭勒盟", NM, FIGURES_PLACE_COUNTY);
  assert_place (g, "某新区", "某某新区", "锡林郭勒盟", NM, FIGURES_PLACE_COUNTY);
  place = figures_gazetteer_lookup (g, "某某新区");
  g_assert_cmpstr (place->code, ==, "");

  /* a missing file is an error, not a crash */
  g_assert_false (figures_gazetteer_load_file (g, "/nonexistent/places.tsv", &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

static void
test_malformed (void)
{
  g_autoptr (FiguresGazetteer) g = load_bundled ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  path = write_temp ("bad.tsv", "只有一列\n"
                                "短名\t不存在的地方\t内蒙古自治区\n"
                                "蒙\t内蒙古自治区\t内蒙古自治区\n"
                                "\t某地\tcity\t某市\t某省\n"
                                "\xff\xfe\t乌海市\t内蒙古自治区\n"
                                "海勃\t海勃湾区\t内蒙古自治区\n");
  g_test_expect_message ("figures-gazetteer", G_LOG_LEVEL_WARNING, "*bad.tsv:1: *");
  g_test_expect_message ("figures-gazetteer", G_LOG_LEVEL_WARNING, "*bad.tsv:2: no place named*");
  g_test_expect_message ("figures-gazetteer", G_LOG_LEVEL_WARNING, "*bad.tsv:3: *too short*");
  g_test_expect_message ("figures-gazetteer", G_LOG_LEVEL_WARNING, "*bad.tsv:4: unknown level*");
  g_test_expect_message ("figures-gazetteer", G_LOG_LEVEL_WARNING, "*bad.tsv:5: *UTF-8*");
  g_assert_false (figures_gazetteer_load_file (g, path, &error));
  g_test_assert_expected_messages ();
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "5 malformed"));
  /* the good line after the bad ones was still read */
  assert_place (g, "海勃", "海勃湾区", "乌海市", NM, FIGURES_PLACE_COUNTY);
  g_assert_null (figures_gazetteer_lookup (g, "短名"));
}

static gpointer
get_default_thread (gpointer data)
{
  return figures_gazetteer_get_default ();
}

/* The default gazetteer: bundled resources plus the user's file, once. */
static void
test_default (void)
{
  g_autoptr (GPtrArray) threads = g_ptr_array_new ();
  FiguresGazetteer *g;

  for (guint k = 0; k < 4; k++)
    g_ptr_array_add (threads, g_thread_new ("gazetteer", get_default_thread, NULL));
  g = figures_gazetteer_get_default ();
  g_assert_nonnull (g);
  for (guint k = 0; k < threads->len; k++)
    g_assert_true (g_thread_join (g_ptr_array_index (threads, k)) == g);

  assert_place (g, "苏尼特右旗", "苏尼特右旗", "锡林郭勒盟", NM, FIGURES_PLACE_COUNTY);
  assert_place (g, "青城", "呼和浩特市", "呼和浩特市", NM, FIGURES_PLACE_PREFECTURE);
  /* from $XDG_CONFIG_HOME/figures/places.tsv */
  assert_place (g, "西苏尼特", "苏尼特右旗", "锡林郭勒盟", NM, FIGURES_PLACE_COUNTY);
}

/* The one roll-up rule: what a city: filter, --city and --cities count under */
static void
test_city (void)
{
  FiguresGazetteer *g = figures_gazetteer_get_default ();
  static const struct
  {
    const char *name;
    const char *city;
  } cases[] = {
    { "苏尼特右旗", "锡林郭勒盟" },     /* a banner: its league */
    { "锡林郭勒盟", "锡林郭勒盟" },     /* a prefecture: itself */
    { "内蒙古自治区", "内蒙古自治区" }, /* a province: itself */
    { "北京市", "北京市" },             /* a municipality: itself */
    { "托县", "呼和浩特市" },           /* an alias of a county */
    { "海门市", "南通市" },             /* a former city, now 海门区 */
    { "朝阳市", "朝阳市" },             /* a prefecture, not 朝阳区 */
    { "不存在的地方", "不存在的地方" }, /* unknown: as written */
  };

  g_assert_nonnull (g);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *city = figures_gazetteer_dup_city (NULL, cases[i].name);
      const FiguresPlace *place = figures_gazetteer_lookup (g, cases[i].name);

      g_assert_cmpstr (city, ==, cases[i].city);
      if (place != NULL)
        g_assert_cmpstr (figures_place_get_city (place), ==, cases[i].city);
    }
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *user = NULL;
  int ret;

  /* Before anything reads the user config dir. */
  tmp_config = g_dir_make_tmp ("figures-gazetteer-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_CONFIG_HOME", tmp_config, TRUE);
  dir = g_build_filename (tmp_config, "figures", NULL);
  g_mkdir_with_parents (dir, 0700);
  user = g_build_filename (dir, "places.tsv", NULL);
  g_file_set_contents (user, "西苏尼特\t苏尼特右旗\t内蒙古自治区\n", -1, NULL);

  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("FIGURES_SOURCE_DIR") == NULL)
    {
      g_printerr ("FIGURES_SOURCE_DIR is not set\n");
      return 1;
    }
  bundled = load_bundled ();

  g_test_add_func ("/gazetteer/lookup", test_lookup);
  g_test_add_func ("/gazetteer/city", test_city);
  g_test_add_func ("/gazetteer/match", test_match);
  g_test_add_func ("/gazetteer/ambiguous", test_ambiguous);
  g_test_add_func ("/gazetteer/counts", test_counts);
  g_test_add_func ("/gazetteer/fold", test_fold);
  g_test_add_func ("/gazetteer/user-file", test_user_file);
  g_test_add_func ("/gazetteer/malformed", test_malformed);
  g_test_add_func ("/gazetteer/default", test_default);
  ret = g_test_run ();

  figures_gazetteer_free (bundled);
  g_unlink (user);
  g_rmdir (dir);
  {
    g_autofree char *good = g_build_filename (tmp_config, "good.tsv", NULL);
    g_autofree char *bad = g_build_filename (tmp_config, "bad.tsv", NULL);

    g_unlink (good);
    g_unlink (bad);
  }
  g_rmdir (tmp_config);
  g_free (tmp_config);
  return ret;
}
