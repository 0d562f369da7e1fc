/* test-text.c: decoding and normalisation
 *
 * Every fixture is an invented sentence, encoded in the test with
 * g_convert() so that the source stays UTF-8.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "figures-text.h"

#define SIMPLIFIED "全市共举办培训班十二期，培训农牧民五百人次。"
#define TRADITIONAL "全市共舉辦培訓班十二期，培訓農牧民五百人次。"

static GBytes *
encode (const char *utf8, const char *charset)
{
  g_autoptr (GError) error = NULL;
  gsize len = 0;
  char *s = g_convert (utf8, -1, charset, "UTF-8", NULL, &len, &error);

  g_assert_no_error (error);
  return g_bytes_new_take (s, len);
}

static GBytes *
prepend (const char *prefix, gsize prefix_len, GBytes *bytes)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  guint8 *buf = g_malloc (prefix_len + len);

  memcpy (buf, prefix, prefix_len);
  memcpy (buf + prefix_len, data, len);
  return g_bytes_new_take (buf, prefix_len + len);
}

/* Decodes @bytes and checks the encoding and the text. */
static void
check_decode (GBytes *bytes, const char *expected_encoding, const char *expected_text)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *s = NULL;
  const char *encoding = NULL;
  guint n_replaced = 99;
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);

  s = figures_text_decode (data, len, &encoding, &n_replaced, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (encoding, ==, expected_encoding);
  g_assert_cmpuint (n_replaced, ==, 0);
  g_assert_cmpstr (s, ==, expected_text);
}

static void
check_error (const guint8 *data, gsize len, GQuark domain, int code)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *s = NULL;
  g_autoptr (FiguresText) text = NULL;

  s = figures_text_decode (data, len, NULL, NULL, &error);
  g_assert_error (error, domain, code);
  g_assert_null (s);
  g_test_message ("%s", error->message);
  g_assert_cmpstr (error->message, !=, "");
  g_clear_error (&error);

  text = figures_text_new_from_bytes (data, len, &error);
  g_assert_error (error, domain, code);
  g_assert_null (text);
}

static void
test_decode_utf8 (void)
{
  g_autoptr (GBytes) plain = g_bytes_new_static (SIMPLIFIED, strlen (SIMPLIFIED));
  g_autoptr (GBytes) bom = prepend ("\xEF\xBB\xBF", 3, plain);
  g_autoptr (GBytes) ascii = g_bytes_new_static ("Total: 12", 9);

  check_decode (plain, "UTF-8", SIMPLIFIED);
  check_decode (bom, "UTF-8", SIMPLIFIED);
  check_decode (ascii, "UTF-8", "Total: 12");
}

static void
test_decode_utf16 (void)
{
  /* Not "全年": its UTF-16LE bytes are "hQt^", strictly valid UTF-8, and
   * strictly valid UTF-8 wins. */
  const char *texts[] = { SIMPLIFIED, TRADITIONAL, "培训", "Report 2023: 培训500人次", "资金" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (GBytes) le = encode (texts[i], "UTF-16LE");
      g_autoptr (GBytes) be = encode (texts[i], "UTF-16BE");
      g_autoptr (GBytes) le_bom = prepend ("\xFF\xFE", 2, le);
      g_autoptr (GBytes) be_bom = prepend ("\xFE\xFF", 2, be);

      g_test_message ("UTF-16: %s", texts[i]);
      check_decode (le_bom, "UTF-16LE", texts[i]);
      check_decode (be_bom, "UTF-16BE", texts[i]);
      check_decode (le, "UTF-16LE", texts[i]);
      check_decode (be, "UTF-16BE", texts[i]);
    }
}

static void
test_decode_gb18030 (void)
{
  const char *texts[] = {
    SIMPLIFIED,
    "全年培训农牧民三百人次",    /* 22 bytes */
    "资金到位",                  /* 8 bytes */
    "中国",                      /* 4 bytes */
    "项目共计投入资金800万元。", /* digits inside */
    TRADITIONAL,                 /* GB18030 encodes Traditional too */
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (GBytes) gb = encode (texts[i], "GB18030");

      g_test_message ("GB18030: %s (%" G_GSIZE_FORMAT " bytes)", texts[i], g_bytes_get_size (gb));
      check_decode (gb, "GB18030", texts[i]);
    }
}

static void
test_decode_big5 (void)
{
  const char *texts[] = {
    TRADITIONAL,
    "全年培訓農牧民三百人次", /* 22 bytes */
    "發展經濟",               /* 8 bytes */
    "培訓",                   /* 4 bytes */
    "項目共計投入資金800萬元。",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (GBytes) big5 = encode (texts[i], "BIG5");

      g_test_message ("Big5: %s (%" G_GSIZE_FORMAT " bytes)", texts[i], g_bytes_get_size (big5));
      check_decode (big5, "Big5", texts[i]);
    }
}

static void
test_decode_binary (void)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, '\r',
                                'I',  'H', 'D', 'R', 0,    0,    0,    16,   0, 0, 0, 16 };
  static const char nul_in_utf8[] = "培训五百人次\0培训五百人次!";
  static const char controls[] = "a\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12 b";

  check_error (png, sizeof png, FIGURES_TEXT_ERROR, FIGURES_TEXT_ERROR_BINARY);
  check_error ((const guint8 *) nul_in_utf8, sizeof nul_in_utf8 - 1, FIGURES_TEXT_ERROR,
               FIGURES_TEXT_ERROR_BINARY);
  check_error ((const guint8 *) controls, sizeof controls - 1, FIGURES_TEXT_ERROR,
               FIGURES_TEXT_ERROR_BINARY);
}

static void
test_decode_empty (void)
{
  static const guint8 nothing[1] = { 0 };

  check_error (nothing, 0, FIGURES_TEXT_ERROR, FIGURES_TEXT_ERROR_EMPTY);
  check_error ((const guint8 *) " \n\t\r\n ", 6, FIGURES_TEXT_ERROR, FIGURES_TEXT_ERROR_EMPTY);
  check_error ((const guint8 *) "\xEF\xBB\xBF", 3, FIGURES_TEXT_ERROR, FIGURES_TEXT_ERROR_EMPTY);
  check_error ((const guint8 *) "\xE3\x80\x80\xE3\x80\x80\n", 7, FIGURES_TEXT_ERROR,
               FIGURES_TEXT_ERROR_EMPTY);
  check_error ((const guint8 *) "\xFF\xFE \0\n\0", 6, FIGURES_TEXT_ERROR, FIGURES_TEXT_ERROR_EMPTY);
}

static void
test_decode_replaced (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) s = g_string_new (NULL);
  g_autofree char *decoded = NULL;
  g_autoptr (FiguresText) text = NULL;
  const char *encoding = NULL;
  guint n_replaced = 0;

  /* A long UTF-8 text with one stray byte and one truncated sequence. */
  for (guint i = 0; i < 10; i++)
    g_string_append (s, SIMPLIFIED);
  g_string_append_c (s, (char) 0xFF);
  for (guint i = 0; i < 10; i++)
    g_string_append (s, SIMPLIFIED);
  g_string_append (s, "\xE5\x9F");

  decoded = figures_text_decode ((const guint8 *) s->str, s->len, &encoding, &n_replaced, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (encoding, ==, "UTF-8");
  g_assert_cmpuint (n_replaced, ==, 2);
  g_assert_true (g_utf8_validate (decoded, -1, NULL));
  g_assert_nonnull (strstr (decoded, "。\xEF\xBF\xBD全市"));

  text = figures_text_new_from_bytes ((const guint8 *) s->str, s->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (text->n_replaced, ==, 2);
}

static void
test_decode_undecodable (void)
{
  guint8 junk[400];

  /* Mostly bytes no supported encoding accepts in these positions. */
  for (guint i = 0; i < sizeof junk; i++)
    junk[i] = (i % 3 == 0) ? 0x80 : (i % 3 == 1) ? 0xFF : 0x81;

  check_error (junk, sizeof junk, FIGURES_TEXT_ERROR, FIGURES_TEXT_ERROR_UNDECODABLE);
}

static void
test_file (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *missing = NULL;
  g_autoptr (FiguresText) text = NULL;
  g_autoptr (GBytes) gb = encode (SIMPLIFIED, "GB18030");

  dir = g_dir_make_tmp ("figures-test-text-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "report.txt", NULL);
  missing = g_build_filename (dir, "missing.txt", NULL);
  g_file_set_contents (path, g_bytes_get_data (gb, NULL), g_bytes_get_size (gb), &error);
  g_assert_no_error (error);

  text = figures_text_new_from_file (path, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text->encoding, ==, "GB18030");
  g_assert_cmpstr (text->display, ==, "全市共举办培训班十二期，培训农牧民五百人次。");
  g_clear_pointer (&text, figures_text_free);

  text = figures_text_new_from_file (path, 10, &error);
  g_assert_error (error, FIGURES_TEXT_ERROR, FIGURES_TEXT_ERROR_TOO_LARGE);
  g_assert_null (text);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  text = figures_text_new_from_file (missing, 0, &error);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, "missing.txt"));
  g_assert_null (text);
  g_clear_error (&error);

  text = figures_text_new_from_file (dir, 0, &error);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR);
  g_assert_null (text);
  g_clear_error (&error);

  g_unlink (path);
  g_rmdir (dir);
}

static void
check_normalise (const char *in, const char *expected)
{
  g_autofree char *out = figures_text_normalise (in, -1);

  g_assert_cmpstr (out, ==, expected);
}

static void
test_normalise_nfkc (void)
{
  check_normalise ("培训１２３人次，ＡＢＣ", "培训123人次，ABC"); /* punctuation kept */
  check_normalise ("资金：８０万元；", "资金：80万元；");
  check_normalise ("全年②培训", "全年②培训"); /* enclosed numbers are list markers */
  check_normalise ("⑴培训", "⑴培训");
  check_normalise ("\xEF\xBB\xBF全市\xE2\x80\x8B共计", "全市共计");
}

static void
test_normalise_lines (void)
{
  /* CRLF and CR */
  check_normalise ("第一句。\r\n第二句。\r第三句。\r\n", "第一句。\n第二句。\n第三句。");
  /* trailing and leading white space, blank lines dropped */
  check_normalise ("  第一句。   \n\n\n　　第二句。\t\n\n", "第一句。\n第二句。");
  /* a sentence broken across a blank line by page layout */
  check_normalise ("要深化内涵、丰富形\n\n式、创新方法。", "要深化内涵、丰富形式、创新方法。");
  /* a fragment with a comma is body text, and is joined */
  check_normalise ("制定禁牧休牧条例，对禁牧管理体\n\n制进行规范。",
                   "制定禁牧休牧条例，对禁牧管理体制进行规范。");
  /* headings stay lines */
  check_normalise ("某某市民族事务委员会\n全年培训干部三百人次。",
                   "某某市民族事务委员会\n全年培训干部三百人次。");
  check_normalise ("一、基本情况\n今年以来，全市开展培训。",
                   "一、基本情况\n今年以来，全市开展培训。");
  check_normalise ("(二)主要做法\n\n开展培训。", "(二)主要做法\n开展培训。");
  /* sentence-final punctuation, also before closing quotes */
  check_normalise ("他说：“培训很有用。”\n下一段。", "他说：“培训很有用。”\n下一段。");
  check_normalise ("主要成效如下：\n一是培训。", "主要成效如下：\n一是培训。");
  /* a long line without final punctuation is joined even if the next is short */
  check_normalise (
    "全市各级各部门认真贯彻落实各项决策部署，扎实推进民族团结进步创建工作，取得"
    "\n明显成效。",
    "全市各级各部门认真贯彻落实各项决策部署，扎实推进民族团结进步创建工作，取得明显成效。");
  /* a field line ending in a number is never glued to a paragraph opening
   * with one: that would invent a figure */
  check_normalise ("成文日期:2024-01-10\n2023年，全市培训干部。",
                   "成文日期:2024-01-10\n2023年，全市培训干部。");
  /* but a page-broken sentence still joins across a number */
  check_normalise ("全年举办培训班，共培训干部12\n\n人次。", "全年举办培训班，共培训干部12人次。");
  /* a short line ending mid-number stays apart (a field), a hard-wrapped
   * long one is joined, digits and all */
  check_normalise ("发布 2024-01\n2023年工作回顾", "发布 2024-01\n2023年工作回顾");
  check_normalise ("县农机站组织农机手开展冬季检修和驾驶技能培训，共培训农机手14\n"
                   "20人次。",
                   "县农机站组织农机手开展冬季检修和驾驶技能培训，共培训农机手1420人次。");
  /* a title is not joined to its date stamp, its source line or an address,
   * nor is a key–value line joined to what follows */
  check_normalise (
    "援企稳岗:全市发放补贴3.6亿元\n12.03.2023 09:30\n本文来源: 某某日报\n"
    "正文第一段",
    "援企稳岗:全市发放补贴3.6亿元\n12.03.2023 09:30\n本文来源: 某某日报\n正文第一段");
  check_normalise ("https://www.example.gov.cn/\n某市下达资金",
                   "https://www.example.gov.cn/\n某市下达资金");
  /* Latin words joined with a space */
  check_normalise ("This line, broken by the page, has\nno end",
                   "This line, broken by the page, has no end");
}

static void
test_normalise_pinyin (void)
{
  check_normalise ("發(fā)展", "發展");
  check_normalise ("發（fā）展", "發展");
  check_normalise ("培训(péi xùn)工作", "培训工作");
  check_normalise ("绿(lǜ)色", "绿色");
  /* not glosses */
  check_normalise ("国内生产总值(GDP)增长", "国内生产总值(GDP)增长");
  check_normalise ("销售额(含包装)增长", "销售额(含包装)增长");
  check_normalise ("今年(2023)以来", "今年(2023)以来");
  check_normalise ("fa (fā) zhan", "fa (fā) zhan");
  check_normalise ("投入(fa)资金", "投入(fa)资金");
  check_normalise ("發(fā 展", "發(fā 展");
}

static FiguresText *
text_new (const char *utf8)
{
  g_autoptr (GError) error = NULL;
  FiguresText *text = figures_text_new_from_bytes ((const guint8 *) utf8, strlen (utf8), &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

static void
test_offsets (void)
{
  g_autoptr (GString) s = g_string_new (NULL);
  g_autoptr (FiguresText) text = NULL;
  g_autofree char *range = NULL;

  /* Mixed widths: 1, 2, 3 and 4 bytes, over several index strides. */
  for (guint i = 0; i < 50; i++)
    g_string_append (s, "培训a é𠀀12人。");
  text = text_new (s->str);

  g_assert_cmpuint (text->n_chars, ==, g_utf8_strlen (text->display, -1));
  g_assert_cmpuint (text->display_len, ==, strlen (text->display));
  for (gsize i = 0; i <= text->n_chars; i++)
    {
      gsize expected = g_utf8_offset_to_pointer (text->display, i) - text->display;

      g_assert_cmpuint (figures_text_char_to_byte (text, i), ==, expected);
      if (i < text->n_chars)
        g_assert_cmpuint (g_utf8_get_char (text->display + expected), ==, text->chars[i]);
    }

  range = figures_text_dup_range (text, 0, 2);
  g_assert_cmpstr (range, ==, "培训");
  g_clear_pointer (&range, g_free);
  range = figures_text_dup_range (text, 5, 8);
  g_assert_cmpstr (range, ==, "𠀀12");
  g_clear_pointer (&range, g_free);
  range = figures_text_dup_range (text, text->n_chars - 2, text->n_chars);
  g_assert_cmpstr (range, ==, "人。");
  g_clear_pointer (&range, g_free);
  range = figures_text_dup_range (text, 3, 3);
  g_assert_cmpstr (range, ==, "");
}

static void
test_folded (void)
{
  g_autoptr (FiguresText) text = text_new ("發展經濟，培訓(péi)人員。");
  g_autofree char *folded = NULL;

  /* the display keeps the full-width comma; matching sees it as NFKC would */
  g_assert_cmpstr (text->display, ==, "發展經濟，培訓人員。");
  folded = g_ucs4_to_utf8 (text->folded, text->n_chars, NULL, NULL, NULL);
  g_assert_cmpstr (folded, ==, "发展经济,培训人员。");
  g_assert_cmpstr (text->encoding, ==, "UTF-8");
  g_assert_cmpuint (text->n_replaced, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/decode/utf8", test_decode_utf8);
  g_test_add_func ("/text/decode/utf16", test_decode_utf16);
  g_test_add_func ("/text/decode/gb18030", test_decode_gb18030);
  g_test_add_func ("/text/decode/big5", test_decode_big5);
  g_test_add_func ("/text/decode/binary", test_decode_binary);
  g_test_add_func ("/text/decode/empty", test_decode_empty);
  g_test_add_func ("/text/decode/replaced", test_decode_replaced);
  g_test_add_func ("/text/decode/undecodable", test_decode_undecodable);
  g_test_add_func ("/text/file", test_file);
  g_test_add_func ("/text/normalise/nfkc", test_normalise_nfkc);
  g_test_add_func ("/text/normalise/lines", test_normalise_lines);
  g_test_add_func ("/text/normalise/pinyin", test_normalise_pinyin);
  g_test_add_func ("/text/offsets", test_offsets);
  g_test_add_func ("/text/folded", test_folded);

  return g_test_run ();
}
