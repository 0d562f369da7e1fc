/* test-report.c: reading one report in each format (figures-report.c)
 *
 * Every fixture is written by the test (report-fixtures.c) from invented
 * text, except the hand-written GB2312 page in tests/fixtures/reports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "figures-index.h"
#include "figures-report-private.h"
#include "report-fixtures.h"

static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static FiguresReport *
read_report (const char *path, FiguresReportFlags flags, GError **error)
{
  FiguresReport *report = figures_report_new_from_file (path, 0, flags, NULL, error);

  if (report != NULL)
    g_test_message ("%s:\n%s", path, report->text->display);
  return report;
}

/* The statistic of @metric with @value, or NULL */
static const FiguresStatistic *
find_statistic (const FiguresReport *report, FiguresMetric metric, const char *value)
{
  for (guint i = 0; i < report->statistics->len; i++)
    {
      const FiguresStatistic *s = report->statistics->pdata[i];
      g_autofree char *v = figures_decimal_to_string (s->value);

      if (s->metric == metric && strcmp (v, value) == 0)
        return s;
    }
  return NULL;
}

/* ---- PDF ---- */

static const char *const pdf_pages[] = {
  "鄂尔多斯市2023年职业技能培训工作报告\n\n一、总体情况\n"
  "今年以来，全市围绕重点群体开展职业技能提升行动，各项工作稳步推进。",
  "二、主要做法\n2023年，鄂尔多斯市共举办职业技能培训班58期，"
  "组织企业职工和农牧民参加实操训练，全年共培训",
  "基层学员4100人次。\n三、资金保障\n全年落实培训补贴资金620万元。",
  NULL,
};

static void
test_pdf_text (void)
{
  g_autofree char *path = tmp_path ("report.pdf");
  g_autoptr (GError) error = NULL;
  g_autoptr (FiguresReport) report = NULL;
  const FiguresStatistic *s;

  fixture_write_text_pdf (path, pdf_pages, "鄂尔多斯市人力资源和社会保障局文件", TRUE);
  report = read_report (path, FIGURES_REPORT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->format, ==, FIGURES_REPORT_FORMAT_PDF);
  g_assert_cmpuint (report->n_pages, ==, 3);
  g_assert_cmpuint (report->n_ocr_pages, ==, 0);
  g_assert_cmpstr (report->title, ==, "鄂尔多斯市2023年职业技能培训工作报告");
  g_assert_cmpstr (report->city, ==, "鄂尔多斯市");

  /* the running header and the page numbers are gone */
  g_assert_null (strstr (report->text->display, "人力资源和社会保障局文件"));
  g_assert_null (strstr (report->text->display, "- 2 -"));
  g_assert_null (strstr (report->text->display, "- 3 -"));

  /* each statistic knows its page; the sentence cut by the page break is
   * one sentence again */
  s = find_statistic (report, FIGURES_METRIC_TRAINING_SESSIONS, "58");
  g_assert_nonnull (s);
  g_assert_cmpuint (figures_report_page_at (report, s->start), ==, 2);
  s = find_statistic (report, FIGURES_METRIC_TRAINEES, "4100");
  g_assert_nonnull (s);
  g_assert_cmpuint (figures_report_page_at (report, s->start), ==, 3);
  g_assert_nonnull (strstr (s->evidence, "全年共培训基层学员4100人次"));
  s = find_statistic (report, FIGURES_METRIC_FUNDING, "6200000");
  g_assert_nonnull (s);
  g_assert_cmpuint (figures_report_page_at (report, s->start), ==, 3);
  g_assert_cmpuint (figures_report_page_at (report, 0), ==, 1);
}

/* A line that repeats on one page of two is not a header. */
static void
test_pdf_single_header_kept (void)
{
  static const char *const pages[] = {
    "乌海市2023年社区工作总结\n全市社区工作有序开展。",
    "全年举办社区培训班9期。",
    NULL,
  };
  g_autofree char *path = tmp_path ("no-header.pdf");
  g_autoptr (GError) error = NULL;
  g_autoptr (FiguresReport) report = NULL;

  fixture_write_text_pdf (path, pages, NULL, FALSE);
  report = read_report (path, FIGURES_REPORT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (report->text->display, "乌海市2023年社区工作总结"));
  g_assert_nonnull (strstr (report->text->display, "全年举办社区培训班9期"));
}

static void
test_pdf_cli_json (void)
{
  g_autofree char *path = tmp_path ("cli.pdf");
  const char *exe = g_getenv ("FIGURES_EXE");
  g_autofree char *out = NULL;
  g_autofree char *tsv = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  if (exe == NULL)
    {
      g_test_skip ("FIGURES_EXE is not set");
      return;
    }
  fixture_write_text_pdf (path, pdf_pages, NULL, TRUE);
  {
    const char *argv[] = { exe, "extract", "--format=json", path, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                  &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  g_assert_nonnull (strstr (out, "\"value\": 58, \"approx\": 0"));
  g_assert_nonnull (strstr (out, "\"page\": 2}"));
  g_assert_nonnull (strstr (out, "\"page\": 3}"));
  {
    const char *argv[] = { exe, "extract", path, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &tsv, NULL,
                  &status, &error);
    g_assert_no_error (error);
  }
  /* the TSV contract is unchanged: no page column */
  g_assert_true (g_str_has_prefix (
    tsv, "file\tcity\tplace\tmetric\tvalue\tapprox\tunit\tstart\tend\tlabel\tevidence\tyear\n"));
}

static void
assert_read_fails (const char *path, FiguresReportError code, const char *reason)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FiguresReport) report = read_report (path, FIGURES_REPORT_FLAGS_NONE, &error);

  g_assert_null (report);
  g_assert_error (error, FIGURES_REPORT_ERROR, (int) code);
  g_assert_true (g_str_has_prefix (error->message, reason));
}

static void
test_pdf_password (void)
{
  g_autofree char *path = tmp_path ("locked.pdf");

  fixture_write_encrypted_pdf (path);
  assert_read_fails (path, FIGURES_REPORT_ERROR_PASSWORD, "password-protected");
}

static void
test_pdf_corrupt (void)
{
  g_autofree char *path = tmp_path ("corrupt.pdf");
  g_autofree char *good = tmp_path ("good.pdf");
  g_autofree char *data = NULL;
  gsize len;

  g_assert_true (g_file_set_contents (path, "%PDF-1.7\nthis is not a PDF at all\n", -1, NULL));
  assert_read_fails (path, FIGURES_REPORT_ERROR_CORRUPT, "corrupt PDF");

  /* a PDF cut in its middle is either read in part or called corrupt */
  fixture_write_text_pdf (good, pdf_pages, NULL, FALSE);
  g_assert_true (g_file_get_contents (good, &data, &len, NULL));
  g_assert_true (g_file_set_contents (path, data, 400, NULL));
  assert_read_fails (path, FIGURES_REPORT_ERROR_CORRUPT, "corrupt PDF");
}

/* A scan: the image-only page is read by OCR, or named when OCR is off. */
static void
test_pdf_ocr (void)
{
  static const char *const pages[] = {
    "包头市2023年技能培训工作简报\n\n2023年，包头市举办焊工培训班36期，培训学员1500人次。",
    NULL,
  };
  g_autofree char *path = tmp_path ("scan.pdf");
  g_autoptr (GError) error = NULL;
  g_autoptr (FiguresReport) report = NULL;
  g_autoptr (FiguresReport) off = NULL;

  if (!g_file_test ("/usr/share/tesseract-ocr/5/tessdata/chi_sim.traineddata", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("tesseract-ocr-chi-sim is not installed");
      return;
    }
  fixture_write_image_pdf (path, pages);
  off = read_report (path, FIGURES_REPORT_NO_OCR, &error);
  g_assert_null (off);
  g_assert_error (error, FIGURES_REPORT_ERROR, FIGURES_REPORT_ERROR_NO_TEXT);
  g_clear_error (&error);

  report = read_report (path, FIGURES_REPORT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_pages, ==, 1);
  g_assert_cmpuint (report->n_ocr_pages, ==, 1);
  /* no spaces left between Han characters and numbers */
  g_assert_nonnull (strstr (report->text->display, "焊工培训班36期"));
  g_assert_nonnull (find_statistic (report, FIGURES_METRIC_TRAINING_SESSIONS, "36"));
  g_assert_nonnull (find_statistic (report, FIGURES_METRIC_TRAINEES, "1500"));
  g_assert_cmpstr (report->city, ==, "包头市");
}

typedef struct
{
  GArray *done; /* guint, each call's @done */
  guint total;
  GCancellable *cancel_at_start;
} PageCalls;

static void
record_pages (guint done, guint total, gpointer data)
{
  PageCalls *calls = data;

  g_array_append_val (calls->done, done);
  calls->total = total;
  if (calls->cancel_at_start != NULL)
    g_cancellable_cancel (calls->cancel_at_start);
}

/* Scanned pages are read on every core, yet come back in their order; the
 * caller hears of each page read, and can stop the OCR. */
static void
test_pdf_ocr_pages (void)
{
  static const char *const pages[] = {
    "第一页：赤峰市举办电工培训班12期。",
    "第二页：赤峰市培训学员640人次。",
    NULL,
  };
  g_autofree char *path = tmp_path ("scans.pdf");
  g_autoptr (GError) error = NULL;
  g_autoptr (FiguresReport) report = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GArray) done = g_array_new (FALSE, FALSE, sizeof (guint));
  PageCalls calls = { done, 0, NULL };
  char *data = NULL;
  gsize len = 0;
  const char *first, *second;

  if (!g_file_test ("/usr/share/tesseract-ocr/5/tessdata/chi_sim.traineddata", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("tesseract-ocr-chi-sim is not installed");
      return;
    }
  fixture_write_image_pdf (path, pages);
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  bytes = g_bytes_new_take (data, len);

  report = figures_report_new_from_bytes_full (path, bytes, FIGURES_REPORT_FLAGS_NONE, record_pages,
                                               &calls, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("%s", report->text->display);
  g_assert_cmpuint (report->n_pages, ==, 2);
  g_assert_cmpuint (report->n_ocr_pages, ==, 2);
  first = strstr (report->text->display, "12期");
  second = strstr (report->text->display, "640人次");
  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_true (first < second);
  g_assert_cmpuint (
    figures_report_page_at (report, g_utf8_pointer_to_offset (report->text->display, second)), ==,
    2);
  /* 0 first, then each page as it is read, never backwards */
  g_assert_cmpuint (calls.total, ==, 2);
  g_assert_cmpuint (done->len, >=, 2);
  g_assert_cmpuint (g_array_index (done, guint, 0), ==, 0);
  g_assert_cmpuint (g_array_index (done, guint, done->len - 1), ==, 2);
  for (guint i = 1; i < done->len; i++)
    g_assert_cmpuint (g_array_index (done, guint, i), >=, g_array_index (done, guint, i - 1));

  /* cancelled as the OCR starts: no report, the reason is the cancel */
  g_clear_pointer (&report, figures_report_free);
  g_array_set_size (done, 0);
  calls.cancel_at_start = cancellable;
  report = figures_report_new_from_bytes_full (path, bytes, FIGURES_REPORT_FLAGS_NONE, record_pages,
                                               &calls, cancellable, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_tidy_spaces (void)
{
  g_autofree char *text = g_strdup ("举办 培训 班 36 期 ， 共 计 GDP growth 12 %\n下 一行");

  _figures_report_tidy_spaces (text);
  g_assert_cmpstr (text, ==, "举办培训班36期，共计GDP growth 12 %\n下一行");
}

/* ---- HTML ---- */

static void
test_html_gb2312 (void)
{
  g_autofree char *path =
    g_build_filename (g_getenv ("G_TEST_SRCDIR"), "fixtures", "reports", "gb2312.html", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (FiguresReport) report = read_report (path, FIGURES_REPORT_FLAGS_NONE, &error);
  const char *display;

  g_assert_no_error (error);
  display = report->text->display;
  g_assert_cmpint (report->format, ==, FIGURES_REPORT_FORMAT_HTML);
  g_assert_cmpuint (report->n_pages, ==, 0);
  g_assert_cmpstr (report->title, ==, "通辽市2023年社区教育工作情况通报");
  g_assert_cmpstr (report->date, ==, "2024-01-18");
  /* script, style, navigation, link lists and copyright lines are dropped */
  g_assert_null (strstr (display, "99期"));
  g_assert_null (strstr (display, "color"));
  g_assert_null (strstr (display, "机构设置"));
  g_assert_null (strstr (display, "相关链接"));
  g_assert_null (strstr (display, "版权所有"));
  /* a source line break inside a Chinese sentence is no space */
  g_assert_nonnull (strstr (display, "培训班46期"));
  g_assert_nonnull (strstr (display, "新建社区学习点\t15个"));
  g_assert_nonnull (find_statistic (report, FIGURES_METRIC_TRAINING_SESSIONS, "46"));
  g_assert_nonnull (find_statistic (report, FIGURES_METRIC_TRAINEES, "3200"));
  g_assert_cmpstr (report->city, ==, "通辽市");
}

static void
write_encoded (const char *path, const char *utf8, const char *charset)
{
  g_autoptr (GError) error = NULL;
  gsize len = 0;
  g_autofree char *bytes = g_convert (utf8, -1, charset, "UTF-8", NULL, &len, &error);

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, bytes, len, NULL));
}

static void
test_html_big5_and_detection (void)
{
  static const char big5_page[] =
    "<html><head><meta charset=\"big5\"><title>興安盟2023年鄉村振興工作報告</title></head>"
    "<body><p>2023年，興安盟舉辦鄉村振興培訓班27期，培訓農牧民1800人次。</p></body></html>";
  static const char gbk_page[] =
    "<html><head><title>锡林郭勒盟牧区工作简报</title></head>"
    "<body><p>锡林郭勒盟全年举办牧民技能培训班31期，培训牧民2500人次。</p></body></html>";
  g_autofree char *big5 = tmp_path ("big5.htm");
  g_autofree char *gbk = tmp_path ("gbk.shtml");
  g_autoptr (GError) error = NULL;
  g_autoptr (FiguresReport) report = NULL;
  g_autoptr (FiguresReport) detected = NULL;

  write_encoded (big5, big5_page, "BIG5");
  report = read_report (big5, FIGURES_REPORT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (report->title, ==, "興安盟2023年鄉村振興工作報告");
  g_assert_nonnull (find_statistic (report, FIGURES_METRIC_TRAINING_SESSIONS, "27"));

  /* no declaration: the bytes are detected as GBK (GB18030) */
  write_encoded (gbk, gbk_page, "GBK");
  detected = read_report (gbk, FIGURES_REPORT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (detected->title, ==, "锡林郭勒盟牧区工作简报");
  g_assert_nonnull (find_statistic (detected, FIGURES_METRIC_TRAINEES, "2500"));
}

/* ---- Word ---- */

static void
test_docx (void)
{
  static const char *const paragraphs[] = {
    "巴彦淖尔市2023年农牧民培训工作总结",
    "2023年，巴彦淖尔市共举办农牧民实用技术培训班64期，培训农牧民5300人次。",
    "各旗县区培训情况如下：",
    NULL,
  };
  static const char *const rows[] = {
    "旗县区\t培训期数\t培训人次",
    "临河区\t21期\t1800人次",
    NULL,
  };
  g_autofree char *path = tmp_path ("report.docx");
  g_autoptr (GError) error = NULL;
  g_autoptr (FiguresReport) report = NULL;

  fixture_write_docx (path, paragraphs, rows, NULL);
  report = read_report (path, FIGURES_REPORT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->format, ==, FIGURES_REPORT_FORMAT_DOCX);
  g_assert_cmpstr (report->title, ==, "巴彦淖尔市2023年农牧民培训工作总结");
  g_assert_cmpstr (report->city, ==, "巴彦淖尔市");
  g_assert_nonnull (find_statistic (report, FIGURES_METRIC_TRAINING_SESSIONS, "64"));
  /* a table row is one line, its cells in order */
  g_assert_nonnull (strstr (report->text->display, "\n旗县区\t培训期数\t培训人次\n"));
  g_assert_nonnull (strstr (report->text->display, "\n临河区\t21期\t1800人次"));
}

static void
test_docx_hostile (void)
{
  g_autofree char *corrupt = tmp_path ("corrupt.docx");
  g_autofree char *large = tmp_path ("bomb.docx");
  g_autofree char *zip = tmp_path ("not-word.docx");
  struct stat st;

  g_assert_true (g_file_set_contents (corrupt, "PK\003\004 broken zip", -1, NULL));
  assert_read_fails (corrupt, FIGURES_REPORT_ERROR_CORRUPT, "corrupt DOCX");

  /* 65 MB of XML in a small zip is refused before it is unpacked */
  fixture_write_large_docx (large, 65 * 1024 * 1024);
  g_assert_cmpint (g_stat (large, &st), ==, 0);
  g_assert_cmpint (st.st_size, <, 1024 * 1024);
  assert_read_fails (large, FIGURES_REPORT_ERROR_LIMIT, "too large");
}

static void
test_doc (void)
{
  g_autofree char *path = tmp_path ("report.doc");
  g_autofree char *locked = tmp_path ("locked.doc");
  g_autoptr (GError) error = NULL;
  g_autoptr (FiguresReport) report = NULL;

  fixture_write_doc (path,
                     "阿拉善盟2023年生态保护培训情况\n"
                     "2023年，阿拉善盟举办生态护林员培训班17期，培训护林员960人次。\n",
                     FALSE);
  report = read_report (path, FIGURES_REPORT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->format, ==, FIGURES_REPORT_FORMAT_DOC);
  g_assert_cmpstr (report->title, ==, "阿拉善盟2023年生态保护培训情况");
  g_assert_nonnull (find_statistic (report, FIGURES_METRIC_TRAINING_SESSIONS, "17"));
  g_assert_nonnull (find_statistic (report, FIGURES_METRIC_TRAINEES, "960"));

  fixture_write_doc (locked, "加密的文件\n", TRUE);
  assert_read_fails (locked, FIGURES_REPORT_ERROR_PASSWORD, "password-protected");
}

/* ---- other formats ---- */

static void
test_unsupported (void)
{
  const char *names[] = { "report.wps", "table.xls", "slides.PPTX", "report.ofd" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = tmp_path (names[i]);

      g_assert_true (g_file_set_contents (path, "2023年举办培训班5期。", -1, NULL));
      assert_read_fails (path, FIGURES_REPORT_ERROR_UNSUPPORTED,
                         "unsupported format (save it as .docx or PDF)");
    }
  g_assert_cmpint (figures_report_format_from_name ("a/b/report.PDF"), ==,
                   FIGURES_REPORT_FORMAT_PDF);
  g_assert_cmpint (figures_report_format_from_name ("photo.jpg"), ==, FIGURES_REPORT_FORMAT_NONE);
  g_assert_cmpint (figures_report_format_from_name ("dir.pdf/file"), ==,
                   FIGURES_REPORT_FORMAT_NONE);
}

/* A PDF named .txt is read as a PDF; a FIFO is refused, not waited on. */
static void
test_content_decides (void)
{
  g_autofree char *path = tmp_path ("really-a-pdf.txt");
  g_autofree char *fifo = tmp_path ("fifo.txt");
  g_autoptr (GError) error = NULL;
  g_autoptr (FiguresReport) report = NULL;

  fixture_write_text_pdf (path, pdf_pages, NULL, FALSE);
  report = read_report (path, FIGURES_REPORT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->format, ==, FIGURES_REPORT_FORMAT_PDF);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_null (read_report (fifo, FIGURES_REPORT_FLAGS_NONE, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NXIO);
}

/* ---- a mixed folder through the index ---- */

static void
assert_found (FiguresIndex *index, const char *query, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) hits = figures_index_search (index, query, 10, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_true (g_str_has_suffix (((FiguresSearchHit *) hits->pdata[0])->path, name));
}

static void
test_index_mixed (void)
{
  static const char *const scan[] = { "呼伦贝尔市举办林业职工培训班22期。", NULL };
  static const char *const docx[] = { "满洲里市口岸培训工作：举办报关员培训班8期。", NULL };
  g_autofree char *dir = tmp_path ("mixed");
  g_autofree char *db = tmp_path ("mixed.db");
  g_autofree char *html_src =
    g_build_filename (g_getenv ("G_TEST_SRCDIR"), "fixtures", "reports", "gb2312.html", NULL);
  g_autofree char *html = NULL;
  g_autofree char *file = NULL;
  const char *roots[] = { dir, NULL };
  gboolean ocr =
    g_file_test ("/usr/share/tesseract-ocr/5/tessdata/chi_sim.traineddata", G_FILE_TEST_EXISTS);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) docs = NULL;
  g_autoptr (GPtrArray) skipped = NULL;
  FiguresIndex *index;
  FiguresIndexSummary summary = { 0 };
  FiguresIndexOptions options = { 0 };
  guint n_pdf = 0, n_scans = 0;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
#define IN_DIR(name) (g_free (file), file = g_build_filename (dir, name, NULL))
  g_assert_true (
    g_file_set_contents (IN_DIR ("a.txt"), "扎兰屯市举办护理员培训班4期。\n", -1, NULL));
  fixture_write_text_pdf (IN_DIR ("b.pdf"), pdf_pages, NULL, TRUE);
  fixture_write_docx (IN_DIR ("c.docx"), docx, NULL, NULL);
  fixture_write_doc (IN_DIR ("d.doc"), "二连浩特市举办边贸业务培训班6期。\n", FALSE);
  html = g_build_filename (dir, "e.html", NULL);
  {
    g_autofree char *contents = NULL;
    gsize len;

    g_assert_true (g_file_get_contents (html_src, &contents, &len, NULL));
    g_assert_true (g_file_set_contents (html, contents, len, NULL));
  }
  g_assert_true (g_file_set_contents (IN_DIR ("f.wps"), "WPS", -1, NULL));
  g_assert_true (g_file_set_contents (IN_DIR ("g.pdf"), "%PDF-1.4 broken", -1, NULL));
  if (ocr)
    fixture_write_image_pdf (IN_DIR ("h.pdf"), scan);
#undef IN_DIR

  index = figures_index_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (figures_index_update (index, roots, &options, NULL, NULL, NULL, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.indexed, ==, ocr ? 6 : 5);
  g_assert_cmpuint (summary.skipped, ==, 2);

  /* a search finds text in every format */
  assert_found (index, "扎兰屯", "a.txt");
  assert_found (index, "职业技能培训班", "b.pdf");
  assert_found (index, "报关员", "c.docx");
  assert_found (index, "边贸业务", "d.doc");
  assert_found (index, "社区教育", "e.html");
  if (ocr)
    assert_found (index, "林业职工", "h.pdf");

  docs = figures_index_list_documents (index, NULL, FIGURES_DOCUMENT_SORT_TITLE, 0, 100, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < docs->len; i++)
    {
      FiguresDocumentInfo *info = docs->pdata[i];
      const char *expected = g_str_has_suffix (info->path, ".txt")    ? "text"
                             : g_str_has_suffix (info->path, ".pdf")  ? "pdf"
                             : g_str_has_suffix (info->path, ".docx") ? "docx"
                             : g_str_has_suffix (info->path, ".doc")  ? "doc"
                                                                      : "html";

      g_assert_cmpstr (info->format, ==, expected);
      if (strcmp (expected, "pdf") == 0)
        {
          n_pdf++;
          g_assert_cmpuint (info->page_count, ==, g_str_has_suffix (info->path, "b.pdf") ? 3 : 1);
          n_scans += info->ocr_pages > 0;
          /* where its pages start, and each figure's page */
          g_assert_nonnull (info->page_starts);
          g_assert_cmpuint (info->page_starts[0], ==, 0);
          for (guint p = 1; p < info->page_count; p++)
            g_assert_cmpuint (info->page_starts[p], >, info->page_starts[p - 1]);
          if (g_str_has_suffix (info->path, "b.pdf"))
            {
              FiguresStatisticsFilter filter = { NULL, NULL, info->id, 0 };
              g_autoptr (GPtrArray) rows = figures_index_list_statistics (index, &filter, &error);
              guint pages_seen = 0;

              g_assert_no_error (error);
              g_assert_cmpuint (rows->len, >=, 3);
              for (guint r = 0; r < rows->len; r++)
                {
                  const FiguresStatistic *s = ((FiguresStatisticRow *) rows->pdata[r])->statistic;

                  g_assert_cmpuint (
                    s->page, ==, figures_page_at (info->page_starts, info->page_count, s->start));
                  g_assert_cmpuint (s->page, >=, 2);
                  pages_seen |= 1u << s->page;
                }
              /* the sessions are on page 2, the money on page 3 */
              g_assert_cmpuint (pages_seen, ==, (1u << 2) | (1u << 3));
            }
        }
      else
        g_assert_cmpuint (info->page_count, ==, 0);
    }
  g_assert_cmpuint (n_pdf, ==, ocr ? 2 : 1);
  g_assert_cmpuint (n_scans, ==, ocr ? 1 : 0);

  /* the skipped files say why */
  skipped = figures_index_list_skipped (index, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (skipped->len, ==, 2);
  g_assert_true (g_str_has_suffix (((FiguresSkippedFile *) skipped->pdata[0])->path, "f.wps"));
  g_assert_cmpstr (((FiguresSkippedFile *) skipped->pdata[0])->reason, ==,
                   "unsupported format (save it as .docx or PDF)");
  g_assert_true (g_str_has_suffix (((FiguresSkippedFile *) skipped->pdata[1])->path, "g.pdf"));
  g_assert_cmpstr (((FiguresSkippedFile *) skipped->pdata[1])->reason, ==, "corrupt PDF");
  figures_index_close (index);
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static gboolean
fatal_unless_gsf_cb (const char *domain, GLogLevelFlags level, const char *message, gpointer data)
{
  return domain == NULL || !g_str_has_prefix (domain, "libgsf");
}

int
main (int argc, char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  /* libgsf warns about the damaged files these tests feed it */
  g_test_log_set_fatal_handler (fatal_unless_gsf_cb, NULL);
  tmp_dir = g_dir_make_tmp ("figures-test-report-XXXXXX", NULL);

  g_test_add_func ("/report/pdf/text", test_pdf_text);
  g_test_add_func ("/report/pdf/single-header-kept", test_pdf_single_header_kept);
  g_test_add_func ("/report/pdf/cli-json", test_pdf_cli_json);
  g_test_add_func ("/report/pdf/password", test_pdf_password);
  g_test_add_func ("/report/pdf/corrupt", test_pdf_corrupt);
  g_test_add_func ("/report/pdf/ocr", test_pdf_ocr);
  g_test_add_func ("/report/pdf/ocr-pages", test_pdf_ocr_pages);
  g_test_add_func ("/report/ocr-tidy", test_tidy_spaces);
  g_test_add_func ("/report/html/gb2312", test_html_gb2312);
  g_test_add_func ("/report/html/big5-and-detection", test_html_big5_and_detection);
  g_test_add_func ("/report/docx/text", test_docx);
  g_test_add_func ("/report/docx/hostile", test_docx_hostile);
  g_test_add_func ("/report/doc/text", test_doc);
  g_test_add_func ("/report/unsupported", test_unsupported);
  g_test_add_func ("/report/content-decides", test_content_decides);
  g_test_add_func ("/report/index/mixed", test_index_mixed);

  status = g_test_run ();
  remove_tree (tmp_dir);
  return status;
}
