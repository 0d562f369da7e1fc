/* figures-text.c: from a file's bytes to the text a person reads
 *
 * Two steps, both exposed for tests and the fuzzer:
 *
 * 1. figures_text_decode() finds the encoding and converts to UTF-8.
 *    A byte-order mark decides first. Otherwise a file with NUL bytes can
 *    only be BOM-less UTF-16 (else it is binary); a strictly valid UTF-8
 *    file is UTF-8; anything else is read as every supported encoding
 *    (on its first MiB) and the most plausible reading wins: invalid
 *    sequences cost a lot, frequent Han characters (after folding, so
 *    Big5 text counts too), CJK punctuation and ASCII earn points, kana,
 *    Hangul, private-use and control characters cost points. This is
 *    what makes a 20-byte GB18030 file and a 20-byte Big5 file come out
 *    right, where ICU's charset detector needs far more text.
 *
 * 2. figures_text_normalise() produces the display text: NFKC, line ends,
 *    pinyin glosses, page-broken sentences joined, blank lines dropped,
 *    lines trimmed. See the comment above normalise_lines().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-text"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/unorm2.h>
#include <unicode/uset.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "figures-file.h"
#include "figures-fold.h"
#include "figures-text.h"

/* clang-format would put spaces into the registered name */
// clang-format off
G_DEFINE_QUARK (figures-text-error-quark, figures_text_error)
// clang-format on

/* How much of the file the encoding detector reads. */
#define DETECT_SAMPLE_SIZE (1024 * 1024)

/* Byte offset of every INDEX_STRIDE-th code point, for char_to_byte(). */
#define INDEX_SHIFT 4
#define INDEX_STRIDE (1 << INDEX_SHIFT)

/* A line at least this long, or with clause punctuation, is body text. */
#define HEADING_MAX_CHARS 40
/* A line at least this long that ends mid-number was hard-wrapped (200⏎0年) */
#define WRAPPED_LINE_MIN_CHARS 30

typedef struct
{
  FiguresText pub;
  gsize *index; /* index[k] = byte offset of code point k * INDEX_STRIDE */
} FiguresTextReal;

/* ------------------------------------------------------------------ */
/* Frequent Han characters                                             */
/* ------------------------------------------------------------------ */

/* The most frequent characters of modern Simplified Chinese, with the
 * vocabulary of official reports. Traditional text scores through the
 * fold table. Duplicates are harmless. */
static const char common_han[] =
  "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下"
  "过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两"
  "体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线"
  "内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并"
  "提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见"
  "计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理世车万元亿千百零六七八省市县镇"
  "乡村盟旗街道社区培训班项目投累共达余约企服务就创技职群众部牧族团结教育医疗卫扶贫脱振兴经济"
  "推落措施促支持帮覆盖户庭校师院础中心台活宣传神思新特色委员会府办室领导负责志持续积极效步稳增"
  "提高例比增减少名场批座所项笔套亩里吨完成开展举组织累计实施安全环境生态保护治改革创政策资金"
  "补助贷款收入支出财税费用价格市场销售消费贸易投资融城镇居民人口劳动力转移农民工务岗位就业"
  "培养人才专业技术能手乡村旅游文化体育科研究标准质量监督检查考核评价目任务计划规划方案报告"
  "年度季月日期间以来截至目前同比上年下降增长提升达到超过接近约合计其中包括分别主要重要有关相关"
  "各级部门单位机构地区城市县区全市我市本市该市首府自治区内蒙古呼和浩特包头赤峰通辽鄂尔多斯"
  "伦贝尔巴彦淖乌兰察布锡林郭勒阿拉善兴安海北京上海天津重庆广东江苏浙山河南湖四川福建云贵陕甘"
  "宁夏青新疆西藏黑龙吉辽安徽江西广桂琼港澳台会议通知意见决定办法条例规定精神学习贯彻习近平"
  "代表大会常务委员主任副局长处科股书记干部党员支部群众基层服务站点窗口热线平台系统网络信息数"
  "据字化智能网上线下电子商务快递物流交通运输公路铁路机场港口水利电网能源煤炭油气光伏风储新材料"
  "装备制造加工园区开发招商引进签约落地竣工投产运营维护修缮改造建设新建扩建续建在建拟建启动"
  "民族团结进步示范创建交往交流交融铸牢共同体意识蒙古语言文字双语教学少数宗教事务工作委员局";

#define HAN_BITMAP_FIRST 0x4E00
#define HAN_BITMAP_LAST 0x9FFF

enum
{
  HAN_RARE = 0,   /* outside GB2312 level 1 */
  HAN_LEVEL1 = 1, /* GB2312 level 1: the 3755 characters of everyday text */
  HAN_COMMON = 2, /* common_han[] */
};

/* HAN_* for each code point of U+4E00–U+9FFF, built once: GB2312 level 1
 * (rows 0xB0–0xD7) read through ICU's GB18030 converter, then common_han. */
static const guint8 *
han_classes (void)
{
  static guint8 *classes;

  if (g_once_init_enter (&classes))
    {
      guint8 *k = g_malloc0 (HAN_BITMAP_LAST - HAN_BITMAP_FIRST + 1);
      UErrorCode status = U_ZERO_ERROR;
      UConverter *conv = ucnv_open ("GB18030", &status);

      if (U_SUCCESS (status))
        {
          for (guint row = 0xB0; row <= 0xD7; row++)
            for (guint col = 0xA1; col <= 0xFE; col++)
              {
                char gb[2] = { (char) row, (char) col };
                UChar u[4];
                int32_t n;

                status = U_ZERO_ERROR;
                n = ucnv_toUChars (conv, u, G_N_ELEMENTS (u), gb, 2, &status);
                if (U_SUCCESS (status) && n == 1 && u[0] >= HAN_BITMAP_FIRST &&
                    u[0] <= HAN_BITMAP_LAST)
                  k[u[0] - HAN_BITMAP_FIRST] = HAN_LEVEL1;
              }
          ucnv_close (conv);
        }

      for (const char *p = common_han; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (c >= HAN_BITMAP_FIRST && c <= HAN_BITMAP_LAST)
            k[c - HAN_BITMAP_FIRST] = HAN_COMMON;
        }
      g_once_init_leave (&classes, k);
    }

  return classes;
}

/* The class of @c, or of its Simplified form when that is more common. */
static inline guint
han_class (const guint8 *classes, gunichar c)
{
  guint k = classes[c - HAN_BITMAP_FIRST];

  if (k < HAN_COMMON)
    {
      gunichar f = figures_fold_char (c);

      if (f != c && f >= HAN_BITMAP_FIRST && f <= HAN_BITMAP_LAST)
        k = MAX (k, classes[f - HAN_BITMAP_FIRST]);
    }
  return k;
}

/* ------------------------------------------------------------------ */
/* Decoding                                                            */
/* ------------------------------------------------------------------ */

typedef enum
{
  ENC_UTF8,
  ENC_GB18030,
  ENC_BIG5,
  ENC_UTF16LE,
  ENC_UTF16BE,
  N_ENCODINGS
} Encoding;

/* Reported names (static) and ICU converter names. */
static const char *const encoding_names[N_ENCODINGS] = {
  "UTF-8", "GB18030", "Big5", "UTF-16LE", "UTF-16BE",
};

static const char *const encoding_icu_names[N_ENCODINGS] = {
  "UTF-8", "GB18030", "Big5", "UTF-16LE", "UTF-16BE",
};

static void
count_invalid_cb (const void *context,
                  UConverterToUnicodeArgs *args,
                  const char *code_units,
                  int32_t length,
                  UConverterCallbackReason reason,
                  UErrorCode *err)
{
  static const UChar replacement = 0xFFFD;
  guint *n_invalid = (guint *) context;

  if (reason > UCNV_IRREGULAR)
    return;

  (*n_invalid)++;
  *err = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars (args, &replacement, 1, 0, err);
}

/* Converts @len bytes to UTF-16. Invalid sequences become U+FFFD and are
 * counted in @n_invalid. With @flush FALSE a sequence cut by the end of
 * the buffer is neither decoded nor counted (used for samples). */
static UChar *
decode_to_uchars (Encoding enc,
                  const guint8 *data,
                  gsize len,
                  gboolean flush,
                  gsize *n_uchars,
                  guint *n_invalid,
                  GError **error)
{
  UErrorCode status = U_ZERO_ERROR;
  UConverter *conv;
  gsize capacity = len + 16;
  UChar *buf;
  UChar *target;
  const char *source = (const char *) data;
  const char *source_end = (const char *) data + len;

  *n_invalid = 0;
  *n_uchars = 0;

  conv = ucnv_open (encoding_icu_names[enc], &status);
  if (U_FAILURE (status))
    {
      g_set_error (error, FIGURES_TEXT_ERROR, FIGURES_TEXT_ERROR_UNDECODABLE,
                   "Cannot open the %s converter: %s", encoding_names[enc], u_errorName (status));
      return NULL;
    }
  ucnv_setToUCallBack (conv, count_invalid_cb, n_invalid, NULL, NULL, &status);

  buf = g_new (UChar, capacity);
  target = buf;
  for (;;)
    {
      status = U_ZERO_ERROR;
      ucnv_toUnicode (conv, &target, buf + capacity, &source, source_end, NULL, flush, &status);
      if (status == U_BUFFER_OVERFLOW_ERROR)
        {
          gsize used = target - buf;

          capacity = capacity * 2;
          buf = g_renew (UChar, buf, capacity);
          target = buf + used;
          continue;
        }
      break;
    }
  ucnv_close (conv);

  if (U_FAILURE (status))
    {
      g_free (buf);
      g_set_error (error, FIGURES_TEXT_ERROR, FIGURES_TEXT_ERROR_UNDECODABLE,
                   "Cannot decode the file as %s: %s", encoding_names[enc], u_errorName (status));
      return NULL;
    }

  *n_uchars = target - buf;
  return buf;
}

typedef struct
{
  double score;
  gsize n_chars;
  gsize n_good;  /* characters typical of Chinese or ASCII text */
  gsize n_ctrl;  /* control characters other than white space */
  gsize n_nul;   /* U+0000 */
  gsize n_space; /* white space */
} Reading;

static gboolean is_pinyin_toned (gunichar c);

static void
reading_score (const UChar *u, gsize n, Reading *r)
{
  const guint8 *classes = han_classes ();
  gsize i = 0;

  memset (r, 0, sizeof *r);

  while (i < n)
    {
      UChar32 c;
      double s;
      gboolean good = FALSE;

      U16_NEXT (u, i, n, c);
      r->n_chars++;

      if (c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == ' ' || c == 0x3000)
        {
          s = 0.2;
          good = TRUE;
          r->n_space++;
        }
      else if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
        {
          s = -4;
          r->n_ctrl++;
          if (c == 0)
            r->n_nul++;
        }
      else if (c < 0x7F)
        {
          s = 0.5;
          good = TRUE;
        }
      else if (c == 0xFFFD)
        s = -8;
      else if (c >= 0x4E00 && c <= 0x9FFF)
        {
          switch (han_class (classes, c))
            {
              case HAN_COMMON:
                s = 3;
                good = TRUE;
                break;
              case HAN_LEVEL1:
                s = 1.5;
                good = TRUE;
                break;
              default:
                s = 0;
                break;
            }
        }
      else if ((c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF5E))
        {
          s = 1;
          good = TRUE;
        }
      else if (c >= 0x2010 && c <= 0x206F)
        {
          s = 0.5;
          good = TRUE;
        }
      else if (c >= 0x00A0 && c <= 0x02FF)
        s = is_pinyin_toned (c) ? 1.5 : 0; /* pinyin glosses: fā, xùn */
      else if ((c >= 0x2150 && c <= 0x218F) || (c >= 0x2460 && c <= 0x24FF) ||
               (c >= 0x25A0 && c <= 0x25FF) || (c >= 0x3200 && c <= 0x33FF))
        s = 0;
      else if (c >= 0xAC00 && c <= 0xD7AF)
        s = -2;
      else if ((c >= 0xE000 && c <= 0xF8FF) || c >= 0xF0000 || (c >= 0xD800 && c <= 0xDFFF))
        s = -3;
      else if (c >= 0x10000 && c < 0x20000)
        s = -2;
      else
        s = -1; /* kana, extension A, compatibility ideographs, other scripts, symbols */

      r->score += s;
      if (good)
        r->n_good++;
    }
}

static gboolean
has_bom (const guint8 *data, gsize len, Encoding *enc, gsize *bom_len)
{
  if (len >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    {
      *enc = ENC_UTF8;
      *bom_len = 3;
      return TRUE;
    }
  if (len >= 2 && data[0] == 0xFF && data[1] == 0xFE)
    {
      *enc = ENC_UTF16LE;
      *bom_len = 2;
      return TRUE;
    }
  if (len >= 2 && data[0] == 0xFE && data[1] == 0xFF)
    {
      *enc = ENC_UTF16BE;
      *bom_len = 2;
      return TRUE;
    }
  return FALSE;
}

/* Picks the most plausible encoding among @candidates, reading a sample.
 * BOM-less UTF-16 must also look like text (at least 40% of its
 * characters frequent Han, ASCII, punctuation or space), since almost any
 * even-length byte string is valid UTF-16. Returns FALSE if none fits. */
static gboolean
detect_encoding (
  const guint8 *data, gsize len, const Encoding *candidates, guint n_candidates, Encoding *best)
{
  gsize sample_len = MIN (len, DETECT_SAMPLE_SIZE);
  gboolean found = FALSE;
  double best_score = 0;

  for (guint k = 0; k < n_candidates; k++)
    {
      Encoding enc = candidates[k];
      g_autofree UChar *u = NULL;
      gsize n_uchars;
      guint n_invalid;
      gsize this_len = sample_len;
      Reading r;

      if ((enc == ENC_UTF16LE || enc == ENC_UTF16BE) && this_len < len)
        this_len &= ~(gsize) 1;

      u = decode_to_uchars (enc, data, this_len, this_len == len, &n_uchars, &n_invalid, NULL);
      if (u == NULL)
        continue;

      reading_score (u, n_uchars, &r);
      g_debug ("%s: score %.1f, %" G_GSIZE_FORMAT " chars, %u invalid, %" G_GSIZE_FORMAT " good",
               encoding_names[enc], r.score, r.n_chars, n_invalid, r.n_good);

      if (enc == ENC_UTF16LE || enc == ENC_UTF16BE)
        {
          if (r.n_nul > 0 || r.n_good * 10 < r.n_chars * 4)
            continue;
        }

      if (!found || r.score > best_score)
        {
          found = TRUE;
          best_score = r.score;
          *best = enc;
        }
    }

  return found;
}

static gboolean
is_blank_utf8 (const char *s, gsize len)
{
  const char *end = s + len;

  for (const char *p = s; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0xFEFF && c != 0x200B)
        return FALSE;
    }
  return TRUE;
}

char *
figures_text_decode (
  const guint8 *data, gsize len, const char **encoding, guint *n_replaced, GError **error)
{
  Encoding enc;
  gsize bom_len = 0;
  g_autofree UChar *u = NULL;
  gsize n_uchars;
  guint n_invalid = 0;
  Reading r;
  g_autofree char *utf8 = NULL;
  int32_t utf8_len = 0;
  UErrorCode status = U_ZERO_ERROR;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (encoding != NULL)
    *encoding = NULL;
  if (n_replaced != NULL)
    *n_replaced = 0;

  if (len == 0)
    {
      g_set_error_literal (error, FIGURES_TEXT_ERROR, FIGURES_TEXT_ERROR_EMPTY,
                           "The file is empty");
      return NULL;
    }

  if (has_bom (data, len, &enc, &bom_len))
    {
      data += bom_len;
      len -= bom_len;
    }
  else if (memchr (data, '\0', len) != NULL)
    {
      static const Encoding utf16[] = { ENC_UTF16LE, ENC_UTF16BE };

      if (!detect_encoding (data, len, utf16, G_N_ELEMENTS (utf16), &enc))
        {
          g_set_error_literal (error, FIGURES_TEXT_ERROR, FIGURES_TEXT_ERROR_BINARY,
                               "The file is not text: it contains NUL bytes");
          return NULL;
        }
    }
  else if (g_utf8_validate ((const char *) data, len, NULL))
    {
      /* The common case: no conversion needed. NUL bytes were excluded above. */
      if (is_blank_utf8 ((const char *) data, len))
        {
          g_set_error_literal (error, FIGURES_TEXT_ERROR, FIGURES_TEXT_ERROR_EMPTY,
                               "The file contains only white space");
          return NULL;
        }
      else
        {
          gsize n_ctrl = 0, n_chars = 0;

          for (gsize i = 0; i < len; i++)
            {
              guchar b = data[i];

              if ((b & 0xC0) != 0x80)
                n_chars++;
              if ((b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') || b == 0x7F)
                n_ctrl++;
            }
          if (n_ctrl > n_chars / 100 + 2)
            {
              g_set_error (
                error, FIGURES_TEXT_ERROR, FIGURES_TEXT_ERROR_BINARY,
                "The file is not text: it contains %" G_GSIZE_FORMAT " control characters", n_ctrl);
              return NULL;
            }
        }

      if (encoding != NULL)
        *encoding = encoding_names[ENC_UTF8];
      return g_strndup ((const char *) data, len);
    }
  else
    {
      Encoding candidates[N_ENCODINGS] = { ENC_UTF8, ENC_GB18030, ENC_BIG5 };
      guint n_candidates = 3;

      if (len % 2 == 0)
        {
          candidates[n_candidates++] = ENC_UTF16LE;
          candidates[n_candidates++] = ENC_UTF16BE;
        }
      if (!detect_encoding (data, len, candidates, n_candidates, &enc))
        enc = ENC_GB18030;
    }

  if (len == 0)
    {
      g_set_error_literal (error, FIGURES_TEXT_ERROR, FIGURES_TEXT_ERROR_EMPTY,
                           "The file contains only a byte-order mark");
      return NULL;
    }

  u = decode_to_uchars (enc, data, len, TRUE, &n_uchars, &n_invalid, error);
  if (u == NULL)
    return NULL;

  reading_score (u, n_uchars, &r);

  if (r.n_nul > 0)
    {
      g_set_error (error, FIGURES_TEXT_ERROR, FIGURES_TEXT_ERROR_BINARY,
                   "The file is not text: it contains NUL characters (read as %s)",
                   encoding_names[enc]);
      return NULL;
    }
  if (r.n_ctrl > r.n_chars / 100 + 2)
    {
      g_set_error (error, FIGURES_TEXT_ERROR, FIGURES_TEXT_ERROR_BINARY,
                   "The file is not text: it contains %" G_GSIZE_FORMAT
                   " control characters (read as %s)",
                   r.n_ctrl, encoding_names[enc]);
      return NULL;
    }
  if ((gsize) n_invalid * 20 > r.n_chars)
    {
      g_set_error (error, FIGURES_TEXT_ERROR, FIGURES_TEXT_ERROR_UNDECODABLE,
                   "The file is not in a supported encoding (UTF-8, UTF-16, GB18030, Big5): "
                   "%u of its %" G_GSIZE_FORMAT " characters are invalid even in the best "
                   "reading (%s)",
                   n_invalid, r.n_chars, encoding_names[enc]);
      return NULL;
    }

  /* Each UTF-16 code unit becomes at most 3 bytes of UTF-8. */
  if (n_uchars > (G_MAXINT32 - 1) / 3)
    {
      g_set_error_literal (error, FIGURES_TEXT_ERROR, FIGURES_TEXT_ERROR_TOO_LARGE,
                           "The file is too large to decode");
      return NULL;
    }
  utf8 = g_malloc (n_uchars * 3 + 1);
  u_strToUTF8WithSub (utf8, n_uchars * 3 + 1, &utf8_len, u, n_uchars, 0xFFFD, NULL, &status);
  if (U_FAILURE (status))
    {
      g_set_error (error, FIGURES_TEXT_ERROR, FIGURES_TEXT_ERROR_UNDECODABLE,
                   "Cannot convert the file to UTF-8: %s", u_errorName (status));
      return NULL;
    }
  utf8[utf8_len] = '\0';

  if (is_blank_utf8 (utf8, utf8_len))
    {
      g_set_error_literal (error, FIGURES_TEXT_ERROR, FIGURES_TEXT_ERROR_EMPTY,
                           "The file contains only white space");
      return NULL;
    }

  if (encoding != NULL)
    *encoding = encoding_names[enc];
  if (n_replaced != NULL)
    *n_replaced = n_invalid;

  return g_steal_pointer (&utf8);
}

/* ------------------------------------------------------------------ */
/* Normalisation                                                       */
/* ------------------------------------------------------------------ */

static inline gboolean
is_han (gunichar c)
{
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F) || c == 0x3007;
}

static inline gboolean
is_ascii_letter (gunichar c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline gboolean
is_ascii_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

/* Vowels with a tone mark, as NFKC leaves them (precomposed), plus ü. */
/* Vowels with a tone mark, as NFKC leaves them (precomposed), plus ü:
 * āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ and their capitals, in code point order. */
static const guint16 pinyin_toned[] = {
  0x00C0, 0x00C1, 0x00C8, 0x00C9, 0x00CC, 0x00CD, 0x00D2, 0x00D3, 0x00D9, 0x00DA, 0x00DC, 0x00E0,
  0x00E1, 0x00E8, 0x00E9, 0x00EC, 0x00ED, 0x00F2, 0x00F3, 0x00F9, 0x00FA, 0x00FC, 0x0100, 0x0101,
  0x0112, 0x0113, 0x011A, 0x011B, 0x012A, 0x012B, 0x0143, 0x0144, 0x0147, 0x0148, 0x014C, 0x014D,
  0x016A, 0x016B, 0x01CD, 0x01CE, 0x01CF, 0x01D0, 0x01D1, 0x01D2, 0x01D3, 0x01D4, 0x01D5, 0x01D6,
  0x01D7, 0x01D8, 0x01D9, 0x01DA, 0x01DB, 0x01DC, 0x01F8, 0x01F9, 0x1E3E, 0x1E3F
};

static gboolean
is_pinyin_toned (gunichar c)
{
  gsize lo = 0, hi = G_N_ELEMENTS (pinyin_toned);

  /* Combining grave, acute, macron, caron left over on ɑ and friends. */
  if (c == 0x0300 || c == 0x0301 || c == 0x0304 || c == 0x030C)
    return TRUE;
  if (c < pinyin_toned[0] || c > pinyin_toned[hi - 1])
    return FALSE;
  while (lo < hi)
    {
      gsize mid = (lo + hi) / 2;

      if (pinyin_toned[mid] == c)
        return TRUE;
      if (pinyin_toned[mid] < c)
        lo = mid + 1;
      else
        hi = mid;
    }
  return FALSE;
}

static gboolean
is_pinyin_letter (gunichar c)
{
  /* ɑ and ɡ are the pinyin a and g of many Chinese fonts and converters. */
  return is_ascii_letter (c) || c == 0x0251 || c == 0x0261 || c == 0x00EA || c == 0x00CA ||
         is_pinyin_toned (c);
}

/* If @a[@i] opens a pinyin gloss — '(' or '（' then Latin letters (spaces
 * only between them) with at least one tone mark, then ')' or '）' — returns the index
 * just after the ')', else @i. */
static gsize
skip_pinyin_gloss (const gunichar *a, gsize i, gsize n)
{
  gboolean toned = FALSE;
  gsize j = i + 1;
  gsize max = MIN (n, i + 40);

  if (j >= max || !is_pinyin_letter (a[j]))
    return i;

  for (; j < max; j++)
    {
      gunichar c = a[j];

      if (c == ')' || c == 0xFF09 /* ） */)
        return (toned && a[j - 1] != ' ') ? j + 1 : i;
      if (c == ' ')
        {
          if (a[j - 1] == ' ')
            return i;
          continue;
        }
      if (!is_pinyin_letter (c))
        return i;
      if (is_pinyin_toned (c))
        toned = TRUE;
    }

  return i;
}

static inline gboolean
is_line_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == 0x3000 || (c != '\n' && g_unichar_isspace (c));
}

/* Characters dropped outright: byte-order marks, zero-width spaces, soft
 * hyphens, and control characters other than tab and line breaks. */
static inline gboolean
is_dropped (gunichar c)
{
  if (c < 0x20)
    return c != '\t' && c != '\n';
  return c == 0x7F || (c >= 0x80 && c <= 0x9F && c != 0x85) || c == 0xFEFF || c == 0x200B ||
         c == 0x2060 || c == 0x00AD;
}

static inline gboolean
is_closing (gunichar c)
{
  switch (c)
    {
      case ')':
      case 0xFF09: /* ） */
      case ']':
      case '}':
      case '"':
      case '\'':
      case 0x201D: /* ” */
      case 0x2019: /* ’ */
      case 0x300D: /* 」 */
      case 0x300F: /* 』 */
      case 0x3011: /* 】 */
      case 0x300B: /* 》 */
      case 0x3009: /* 〉 */
      case 0x3015: /* 〕 */
      case 0x3017: /* 〗 */
        return TRUE;
      default:
        return FALSE;
    }
}

/* Does the line @a[start, end) (trimmed, non-empty) end a sentence? */
static gboolean
ends_sentence (const gunichar *a, gsize start, gsize end)
{
  gsize k = end;

  while (k > start && end - k < 8 && is_closing (a[k - 1]))
    k--;
  if (k == start)
    return FALSE;

  switch (a[k - 1])
    {
      case 0x3002: /* 。 */
      case '!':
      case '?':
      case ';':
      case ':':
      case 0xFF01: /* ！ ？ ； ： (NFKC makes these ASCII; kept for safety) */
      case 0xFF1F:
      case 0xFF1B:
      case 0xFF1A:
      case 0xFF61: /* ｡ */
      case 0x2026: /* … */
      case 0x22EF: /* ⋯ */
        return TRUE;
      case '.':
        /* "……" becomes "......" under NFKC; "1." alone is an enumerator. */
        return k - 1 == start || !g_unichar_isdigit (a[k - 2]);
      default:
        return FALSE;
    }
}

static inline gboolean
is_clause_punct (gunichar c)
{
  return c == 0xFF0C || c == 0x3001 || c == 0xFF1B || c == 0xFF1A || c == 0x3002 || c == ',' ||
         c == ';' || c == ':';
}

static inline gboolean
is_enumerator_digit (gunichar c)
{
  return g_unichar_isdigit (c) || g_utf8_strchr ("一二三四五六七八九十百零〇", -1, c) != NULL;
}

/* A heading: fewer than HEADING_MAX_CHARS characters and no clause
 * punctuation. An enumerator at the start ("一、", "(二)", "3、") is
 * not clause punctuation: "一、基本情况" is a heading. */
static gboolean
is_heading (const gunichar *a, gsize start, gsize end)
{
  gsize k = start;

  if (end - start >= HEADING_MAX_CHARS)
    return FALSE;

  /* Skip an enumerator. */
  {
    gsize e = k;
    gboolean paren = FALSE;

    if (e < end && (a[e] == '(' || a[e] == 0xFF08))
      {
        paren = TRUE;
        e++;
      }
    if (e < end && is_enumerator_digit (a[e]))
      {
        while (e < end && is_enumerator_digit (a[e]))
          e++;
        if (paren && e < end && (a[e] == ')' || a[e] == 0xFF09))
          e++;
        if (e < end && (a[e] == 0x3001 || a[e] == '.' || a[e] == 0xFF0E))
          e++;
        k = e;
      }
  }

  for (; k < end; k++)
    if (is_clause_punct (a[k]))
      return FALSE;

  return TRUE;
}

/* A line that is only a date or a time stamp (25.08.2014 18:56,
 * 2023-11-08): page furniture, never the rest of a sentence. */
static gboolean
is_stamp_line (const gunichar *a, gsize start, gsize end)
{
  guint digits = 0;

  for (gsize k = start; k < end; k++)
    {
      if (is_ascii_digit (a[k]))
        digits++;
      else if (!is_line_space (a[k]) && g_utf8_strchr ("-./:年月日时分", -1, a[k]) == NULL)
        return FALSE;
    }
  return digits >= 4;
}

/* A key–value line (来源:中新网, 资金规模:206.7万元): a short line opening
 * with a key of a few Han characters and a colon. It counts like a sentence
 * (spec "Key–value lines"), so it is neither joined to the next line nor
 * joined onto. */
static gboolean
is_key_value_line (const gunichar *a, gsize start, gsize end)
{
  gsize k = start;

  if (end - start >= HEADING_MAX_CHARS)
    return FALSE;
  while (k < end && k < start + 8 && g_unichar_type (a[k]) == G_UNICODE_OTHER_LETTER)
    k++;
  return k > start + 1 && k < end && (a[k] == ':' || a[k] == 0xFF1A);
}

/* A line holding an address (https://…): never part of a sentence. */
static gboolean
is_url_line (const gunichar *a, gsize start, gsize end)
{
  for (gsize k = start; k + 2 < end; k++)
    if (a[k] == ':' && a[k + 1] == '/' && a[k + 2] == '/')
      return TRUE;
  return FALSE;
}

/* The line pass over the NFKC text @a (already cleaned, '\n' line ends):
 *
 * - every line is trimmed (leading and trailing white space: the viewer
 *   shows paragraphs flush, and indentation would disturb the extractor's
 *   context windows);
 * - blank lines are dropped: the display text has exactly one '\n'
 *   between paragraphs and none at the end;
 * - a line that does not end a sentence (。！？；：!?;: or "…", possibly
 *   followed by closing quotes or brackets) is joined to the next non-blank
 *   line, unless the logical line it belongs to is a heading (see
 *   is_heading()), a key–value line, an address, or the next line is a
 *   date stamp, a key–value line or an address, or joining would put two
 *   digits side by side. Joined
 *   Chinese gets no separator; two Latin letters get a space.
 *
 * Returns the number of characters written to @out (which has room for n;
 * it may be @a: the pass works in place).
 */
static gsize
normalise_lines (const gunichar *a, gsize n, gunichar *out, gboolean *rejoined)
{
  gsize o = 0;
  gsize para_start = 0; /* start in @out of the current logical line */
  gsize i = 0;
  gboolean pending_join = FALSE;
  gboolean have_line = FALSE;

  while (i < n)
    {
      gsize start = i, end;

      while (i < n && a[i] != '\n')
        i++;
      end = i;
      if (i < n)
        i++; /* the '\n' */

      while (start < end && is_line_space (a[start]))
        start++;
      while (end > start && is_line_space (a[end - 1]))
        end--;
      if (start == end)
        continue;

      /* Gluing two numbers together would invent a figure: a field line such
       * as "成文日期:2024-01-10" before a paragraph opening with "2023年" is
       * not a sentence cut by the page. */
      if (pending_join && is_ascii_digit (out[o - 1]) && is_ascii_digit (a[start]) &&
          o - para_start < WRAPPED_LINE_MIN_CHARS)
        pending_join = FALSE;
      /* nor is a title followed by its date, its source or an address */
      if (pending_join && (is_stamp_line (a, start, end) || is_key_value_line (a, start, end) ||
                           is_url_line (a, start, end)))
        pending_join = FALSE;

      if (have_line)
        {
          if (pending_join)
            {
              *rejoined = TRUE;
              if (is_ascii_letter (out[o - 1]) && is_ascii_letter (a[start]))
                out[o++] = ' ';
            }
          else
            {
              out[o++] = '\n';
              para_start = o;
            }
        }

      memmove (out + o, a + start, (end - start) * sizeof (gunichar));
      o += end - start;
      have_line = TRUE;

      /* a line kept apart from the one before is kept apart from the one
       * after too, so that normalising twice changes nothing */
      pending_join = !ends_sentence (out, para_start, o) && !is_heading (out, para_start, o) &&
                     !is_key_value_line (out, para_start, o) && !is_url_line (out, para_start, o) &&
                     !is_stamp_line (out, para_start, o);
    }

  return o;
}

/* What cleaning before NFKC makes of @c, other than CR: '\n' for the other
 * line ends, 0 for a dropped character, else @c itself. (Dropping after
 * NFKC could bring a base and a combining mark together and leave text
 * that is no longer NFKC.) */
static inline gunichar
clean_char (gunichar c)
{
  if (c == '\f' || c == '\v' || c == 0x85 || c == 0x2028 || c == 0x2029)
    return '\n';
  return is_dropped (c) ? 0 : c;
}

/* Cleans @a in place: CR LF and CR to '\n', see clean_char(). Returns the
 * new length. */
static gsize
clean_ucs4 (gunichar *a, gsize n)
{
  gsize o = 0;

  for (gsize k = 0; k < n; k++)
    {
      gunichar c = a[k];

      if (c == '\r')
        {
          a[o++] = '\n';
          if (k + 1 < n && a[k + 1] == '\n')
            k++;
        }
      else if ((c = clean_char (c)) != 0)
        a[o++] = c;
    }

  return o;
}

/* Does @a[@k] open a pinyin gloss after a Han character, @prev? */
static inline gboolean
opens_gloss (const gunichar *a, gsize k, gsize n, gunichar prev)
{
  return (a[k] == '(' || a[k] == 0xFF08 /* （ */) && is_han (prev) &&
         skip_pinyin_gloss (a, k, n) != k;
}

/* Removes pinyin glosses after Han characters from @a, in place. Returns
 * the new length. */
static gsize
remove_glosses (gunichar *a, gsize n, gboolean *removed)
{
  gsize o, k;

  /* Nothing moves before the first gloss. */
  for (k = 1; k < n; k++)
    if (opens_gloss (a, k, n, a[k - 1]))
      break;
  if (k >= n)
    return n;
  o = k;

  /* Here a[k] opens a gloss after a[o - 1]: drop it, then move what
   * follows up to the next gloss (which may follow at once). */
  while (k < n)
    {
      gsize next;

      k = skip_pinyin_gloss (a, k, n);
      *removed = TRUE;
      for (next = k; next < n; next++)
        if (opens_gloss (a, next, n, next == k ? a[o - 1] : a[next - 1]))
          break;
      memmove (a + o, a + k, (next - k) * sizeof (gunichar));
      o += next - k;
      k = next;
    }

  return o;
}

/* The full-width punctuation the display text keeps (see get_nfkc), as
 * matching sees it: what NFKC would have made of it. */
static const struct
{
  gunichar shown;
  gunichar matched;
} matching_punctuation[] = {
  { 0xFF01, '!' }, { 0xFF08, '(' }, { 0xFF09, ')' }, { 0xFF0C, ',' },
  { 0xFF1A, ':' }, { 0xFF1B, ';' }, { 0xFF1F, '?' },
};

static void
fold_punctuation (gunichar *chars, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (chars[i] >= 0xFF01 && chars[i] <= 0xFF1F)
      for (guint k = 0; k < G_N_ELEMENTS (matching_punctuation); k++)
        if (chars[i] == matching_punctuation[k].shown)
          chars[i] = matching_punctuation[k].matched;
}

/* NFKC, except for enclosed numbers and ideographs (①, ⑳, ㊀): NFKC
 * turns "①2023年" into "12023年", and they are list markers, not digits;
 * and except for the full-width punctuation of Chinese text (，；：（）！？),
 * which a reader expects to see as written: matching folds it instead
 * (see matching_punctuation). */
static const UNormalizer2 *
get_nfkc (UErrorCode *status)
{
  static const UNormalizer2 *filtered;

  if (g_once_init_enter (&filtered))
    {
      static const char pattern[] = "[^\\u2460-\\u24FF\\u2776-\\u2793\\u3251-\\u325F"
                                    "\\u3280-\\u32BF\\uFF01\\uFF08\\uFF09\\uFF0C\\uFF1A"
                                    "\\uFF1B\\uFF1F]";
      UErrorCode err = U_ZERO_ERROR;
      UChar upattern[sizeof pattern];
      const UNormalizer2 *nfkc = unorm2_getNFKCInstance (&err);
      const UNormalizer2 *result = nfkc;
      USet *set;

      u_uastrcpy (upattern, pattern);
      set = uset_openPattern (upattern, -1, &err);
      if (U_SUCCESS (err))
        {
          uset_freeze (set); /* never freed: the normaliser keeps using it */
          result = unorm2_openFiltered (nfkc, set, &err);
        }
      if (U_FAILURE (err))
        {
          g_warning ("Cannot set up the NFKC normaliser: %s", u_errorName (err));
          result = nfkc;
        }
      g_once_init_leave (&filtered, result);
    }

  if (filtered == NULL)
    *status = U_MISSING_RESOURCE_ERROR;
  return filtered;
}

/* ------------------------------------------------------------------ */
/* NFKC on code points                                                 */
/* ------------------------------------------------------------------ */

/* Nearly all text is NFKC already, and a normaliser can work on the pieces
 * between normalisation boundaries independently (a character with ICU's
 * hasBoundaryBefore() starts a new piece). A table built once from the
 * normaliser gives, for each BMP code point, whether it has a boundary
 * before it and what it becomes alone: itself for nearly all, another code
 * point for some ('，' → ','). Only the rare pieces that hold a character
 * without a boundary before it (a combining mark, a Hangul vowel …) or one
 * that becomes more than one code point go through ICU, whose result is
 * the same as for the whole text. */
typedef struct
{
  guint8 stable[0x10000 / 8];   /* boundary before, and unchanged alone */
  guint8 boundary[0x10000 / 8]; /* boundary before */
  guint16 single[0x10000];      /* boundary before, and this other BMP code point alone; or 0 */
} NfkcTable;

#define BIT_IS_SET(bits, c) (((bits)[(c) >> 3] >> ((c) &7)) & 1)

static const NfkcTable *
get_nfkc_table (const UNormalizer2 *nfkc)
{
  static NfkcTable *table;

  if (g_once_init_enter (&table))
    {
      NfkcTable *t = g_new0 (NfkcTable, 1);

      for (gunichar c = 0; c < 0x10000; c++)
        {
          UErrorCode status = U_ZERO_ERROR;
          UChar u = (UChar) c, norm[8];
          int32_t norm_len;

          if (U16_IS_SURROGATE (c) || !unorm2_hasBoundaryBefore (nfkc, c))
            continue;
          t->boundary[c >> 3] |= (guint8) (1u << (c & 7));

          norm_len = unorm2_normalize (nfkc, &u, 1, norm, G_N_ELEMENTS (norm), &status);
          if (U_FAILURE (status) || norm_len != 1 || U16_IS_SURROGATE (norm[0]) || norm[0] == 0)
            continue;
          if (norm[0] == c)
            t->stable[c >> 3] |= (guint8) (1u << (c & 7));
          else
            t->single[c] = norm[0];
        }
      g_once_init_leave (&table, t);
    }

  return table;
}

static inline gboolean
has_boundary_before (const NfkcTable *t, const UNormalizer2 *nfkc, gunichar c)
{
  if (G_LIKELY (c < 0x10000))
    return BIT_IS_SET (t->boundary, c);
  return unorm2_hasBoundaryBefore (nfkc, c);
}

/* The end of the piece that holds @a[@i], where @a[@i] needs ICU: the next
 * character with a boundary before it. */
static inline gsize
piece_end (const NfkcTable *t, const UNormalizer2 *nfkc, const gunichar *a, gsize i, gsize n)
{
  gsize j = i + 1;

  while (j < n && !has_boundary_before (t, nfkc, a[j]))
    j++;
  return j;
}

/* @a[0, n) as UTF-16, in @stack when it fits (2 × @n units), else newly
 * allocated. */
static UChar *
piece_to_uchars (const gunichar *a, gsize n, UChar *stack, gsize stack_len, int32_t *u_len)
{
  UChar *u = 2 * n <= stack_len ? stack : g_new (UChar, 2 * n);
  int32_t o = 0;

  for (gsize k = 0; k < n; k++)
    U16_APPEND_UNSAFE (u, o, a[k]);
  *u_len = o;
  return u;
}

/* Appends NFKC(@a[0, n)) to *@out at @o, growing it so that @rest more
 * code points still fit after. Returns the new length. */
static gsize
nfkc_piece (const UNormalizer2 *nfkc,
            const gunichar *a,
            gsize n,
            gunichar **out,
            gsize o,
            gsize *capacity,
            gsize rest)
{
  UChar stack_u[128], stack_norm[256];
  UErrorCode status = U_ZERO_ERROR;
  UChar *u, *norm = stack_norm;
  int32_t u_len, norm_len;
  gsize i = 0;

  u = piece_to_uchars (a, n, stack_u, G_N_ELEMENTS (stack_u), &u_len);
  norm_len = unorm2_normalize (nfkc, u, u_len, norm, G_N_ELEMENTS (stack_norm), &status);
  if (status == U_BUFFER_OVERFLOW_ERROR)
    {
      status = U_ZERO_ERROR;
      norm = g_new (UChar, norm_len + 1);
      norm_len = unorm2_normalize (nfkc, u, u_len, norm, norm_len + 1, &status);
    }
  if (U_FAILURE (status))
    {
      g_warning ("NFKC failed: %s", u_errorName (status));
      if (norm != stack_norm)
        g_free (norm);
      norm = u;
      norm_len = u_len;
    }

  if (o + norm_len + rest + 1 > *capacity)
    {
      *capacity = MAX (*capacity * 2, o + norm_len + rest + 1);
      *out = g_renew (gunichar, *out, *capacity);
    }
  while (i < (gsize) norm_len)
    {
      UChar32 c;

      U16_NEXT (norm, i, (gsize) norm_len, c);
      (*out)[o++] = U_IS_SURROGATE (c) ? 0xFFFD : c;
    }

  if (norm != stack_norm && norm != u)
    g_free (norm);
  if (u != stack_u)
    g_free (u);
  return o;
}

/* NFKC of @a[0, n) (see get_nfkc()), newly allocated with room for a
 * terminator; its length in *@n_out. */
static gunichar *
nfkc_ucs4 (const gunichar *a, gsize n, gsize *n_out)
{
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2 *nfkc = get_nfkc (&status);
  const NfkcTable *t;
  gsize capacity = n + 16, o = 0, i = 0;
  gunichar *out;

  if (U_FAILURE (status))
    {
      g_warning ("Cannot load the NFKC normaliser: %s", u_errorName (status));
      *n_out = n;
      out = g_new (gunichar, n + 1);
      memcpy (out, a, n * sizeof (gunichar));
      return out;
    }

  t = get_nfkc_table (nfkc);
  out = g_new (gunichar, capacity);
  /* Invariant: capacity - o > n - i. */
  while (i < n)
    {
      gunichar c = a[i];
      gsize start, end;

      if (G_LIKELY (c < 0x10000))
        {
          if (BIT_IS_SET (t->stable, c))
            {
              out[o++] = c;
              i++;
              continue;
            }
          if (t->single[c] != 0)
            {
              out[o++] = t->single[c];
              i++;
              continue;
            }
        }

      /* A piece for ICU, from the boundary at or before @i. Without a
       * boundary before @c, the piece starts at a[i - 1], which was
       * written as one code point (had it been in a piece for ICU, that
       * piece would have taken @c in too). */
      start = i;
      if (i > 0 && !has_boundary_before (t, nfkc, c))
        {
          start = i - 1;
          o--;
        }
      end = piece_end (t, nfkc, a, i, n);
      o = nfkc_piece (nfkc, a + start, end - start, &out, o, &capacity, n - end);
      i = end;
    }

  *n_out = o;
  return out;
}

/* Whether NFKC leaves @a[0, n) unchanged, piece by piece as nfkc_ucs4(). */
static gboolean
nfkc_is_normalized (const gunichar *a, gsize n)
{
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2 *nfkc = get_nfkc (&status);
  const NfkcTable *t;
  gsize i = 0;

  if (U_FAILURE (status))
    return TRUE;

  t = get_nfkc_table (nfkc);
  while (i < n)
    {
      gunichar c = a[i];
      UChar stack_u[128];
      UChar *u;
      int32_t u_len;
      gsize start, end;
      gboolean normalized;

      if (G_LIKELY (c < 0x10000) && BIT_IS_SET (t->stable, c))
        {
          i++;
          continue;
        }

      start = (i > 0 && !has_boundary_before (t, nfkc, c)) ? i - 1 : i;
      end = piece_end (t, nfkc, a, i, n);
      u = piece_to_uchars (a + start, end - start, stack_u, G_N_ELEMENTS (stack_u), &u_len);
      status = U_ZERO_ERROR;
      normalized = unorm2_isNormalized (nfkc, u, u_len, &status) || U_FAILURE (status);
      if (u != stack_u)
        g_free (u);
      if (!normalized)
        return FALSE;
      i = end;
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The normalisation passes                                            */
/* ------------------------------------------------------------------ */

/* One pass over cleaned code points (consumed): NFKC, glosses, lines,
 * glosses again (a join can bring a Han character and a gloss together).
 * @rejoined is set when the pass put characters side by side that were
 * not (a join or a removed gloss), which can, rarely, leave text that is
 * not NFKC. */
static gunichar *
normalise_pass (gunichar *a, gsize n, gsize *n_out, gboolean *rejoined)
{
  gunichar *out = nfkc_ucs4 (a, n, &n);

  g_free (a);
  n = remove_glosses (out, n, rejoined);
  n = normalise_lines (out, n, out, rejoined);
  n = remove_glosses (out, n, rejoined);
  out[n] = 0;

  *n_out = n;
  return out;
}

/* Normalises cleaned code points (consumed). The result normalises to
 * itself; it has room for its terminator. */
static gunichar *
normalise_cleaned (gunichar *a, gsize n, gsize *n_out)
{
  gunichar *out;

  for (guint pass = 0;; pass++)
    {
      gboolean rejoined = FALSE;

      out = normalise_pass (a, n, &n, &rejoined);
      /* Joining lines or removing a gloss put two characters side by
       * side: check the result is still NFKC (it nearly always is). */
      if (!rejoined || pass == 3 || nfkc_is_normalized (out, n))
        break;
      a = out;
      n = clean_ucs4 (a, n);
    }

  *n_out = n;
  return out;
}

/* Appends @c to @out (cleaned, see clean_char(); CR handled by the caller). */
#define APPEND_CLEAN(out, o, c)         \
  G_STMT_START                          \
  {                                     \
    gunichar cleaned_ = clean_char (c); \
    if (cleaned_ != 0)                  \
      (out)[(o)++] = cleaned_;          \
  }                                     \
  G_STMT_END

/* Decodes and cleans @s[0, len), which is valid UTF-8 without NUL bytes
 * except that its last sequence may be cut short (it then becomes one
 * U+FFFD, as ICU's converter does). */
static gunichar *
decode_clean_valid_utf8 (const char *s, gsize len, gsize *n_out)
{
  const guchar *p = (const guchar *) s, *end = p + len;
  gunichar *out = g_new (gunichar, len + 1);
  gsize o = 0;

  while (p < end)
    {
      guint b = *p;
      guint width = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
      gunichar c;

      if ((gsize) (end - p) < width)
        {
          out[o++] = 0xFFFD;
          break;
        }
      switch (width)
        {
          case 1:
            c = b;
            break;
          case 2:
            c = ((b & 0x1F) << 6) | (p[1] & 0x3F);
            break;
          case 3:
            c = ((b & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
            break;
          default:
            c = ((b & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
            break;
        }
      p += width;

      if (c == '\r')
        {
          out[o++] = '\n';
          if (p < end && *p == '\n')
            p++;
        }
      else
        APPEND_CLEAN (out, o, c);
    }

  *n_out = o;
  return out;
}

/* Normalises @utf8 (any bytes) into code points; returns them (with room
 * for a terminator) and their count. */
static gunichar *
normalise_utf8 (const char *utf8, gssize len, gsize *n_out)
{
  g_autofree char *valid = NULL;
  gunichar *a;
  gsize n;

  if (len < 0)
    len = strlen (utf8);
  if (!g_utf8_validate_len (utf8, len, NULL))
    {
      valid = g_utf8_make_valid (utf8, len);
      utf8 = valid;
      len = strlen (valid);
    }
  if (len > G_MAXINT32 / 2)
    len = G_MAXINT32 / 2; /* far beyond FIGURES_TEXT_DEFAULT_MAX_SIZE */

  a = decode_clean_valid_utf8 (utf8, len, &n);
  g_clear_pointer (&valid, g_free);
  return normalise_cleaned (a, n, n_out);
}

static inline guint
utf8_width (gunichar c)
{
  return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

static inline char *
put_utf8 (char *p, gunichar c)
{
  if (c < 0x80)
    *p++ = (char) c;
  else if (c < 0x800)
    {
      p[0] = (char) (0xC0 | (c >> 6));
      p[1] = (char) (0x80 | (c & 0x3F));
      p += 2;
    }
  else if (c < 0x10000)
    {
      p[0] = (char) (0xE0 | (c >> 12));
      p[1] = (char) (0x80 | ((c >> 6) & 0x3F));
      p[2] = (char) (0x80 | (c & 0x3F));
      p += 3;
    }
  else
    {
      p[0] = (char) (0xF0 | (c >> 18));
      p[1] = (char) (0x80 | ((c >> 12) & 0x3F));
      p[2] = (char) (0x80 | ((c >> 6) & 0x3F));
      p[3] = (char) (0x80 | (c & 0x3F));
      p += 4;
    }
  return p;
}

/* @chars as UTF-8. With @index, also sets index[k] to the byte offset of
 * code point k * INDEX_STRIDE, for k up to n >> INDEX_SHIFT. */
static char *
ucs4_to_utf8 (const gunichar *chars, gsize n, gsize *len_out, gsize *index)
{
  /* 3 bytes per code point at most, but for the rare supplementary ones. */
  gsize capacity = 3 * n + 1;
  char *s = g_malloc (capacity), *p = s;
  gsize len;

  for (gsize i = 0; i < n; i++)
    {
      gunichar c = chars[i];

      if (index != NULL && (i & (INDEX_STRIDE - 1)) == 0)
        index[i >> INDEX_SHIFT] = p - s;
      if (G_UNLIKELY (c >= 0x10000) && capacity < 4 * n + 1)
        {
          gsize used = p - s;

          capacity = 4 * n + 1;
          s = g_realloc (s, capacity);
          p = s + used;
        }
      p = put_utf8 (p, c);
    }
  if (index != NULL && (n & (INDEX_STRIDE - 1)) == 0)
    index[n >> INDEX_SHIFT] = p - s;
  *p = '\0';
  len = p - s;
  if (capacity > len + len / 8 + 64)
    s = g_realloc (s, len + 1);
  *len_out = len;
  return s;
}

char *
figures_text_normalise (const char *utf8, gssize len)
{
  g_autofree gunichar *chars = NULL;
  gsize n, n_bytes;

  g_return_val_if_fail (utf8 != NULL || len == 0, NULL);

  if (utf8 == NULL)
    return g_strdup ("");

  chars = normalise_utf8 (utf8, len, &n);
  return ucs4_to_utf8 (chars, n, &n_bytes, NULL);
}

/* ------------------------------------------------------------------ */
/* FiguresText                                                         */
/* ------------------------------------------------------------------ */

/* The common case of figures_text_new_from_bytes(), in one pass: @data
 * (no byte-order mark) is what figures_text_decode() takes as UTF-8 as it
 * is — strictly valid, no NUL byte, not blank, few control characters —
 * and is decoded and cleaned (see clean_char()). Returns NULL when @data
 * is anything else: the general path then decodes it or reports why not. */
static gunichar *
decode_clean_plain_utf8 (const guint8 *data, gsize len, gsize *n_out)
{
  const guint8 *p = data, *end = data + len;
  gunichar *out = g_new (gunichar, len + 1);
  gsize o = 0, n_chars = 0, n_ctrl = 0;
  gboolean blank = TRUE;

  while (p < end)
    {
      guint b = *p;
      gunichar c;

      n_chars++;
      if (b < 0x80)
        {
          p++;
          if (G_LIKELY (b > 0x20 && b < 0x7F))
            {
              out[o++] = b;
              blank = FALSE;
              continue;
            }
          if (b == 0)
            goto fail;
          if ((b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') || b == 0x7F)
            n_ctrl++;
          if (blank && !g_unichar_isspace (b))
            blank = FALSE;
          if (b == '\r')
            {
              out[o++] = '\n';
              if (p < end && *p == '\n')
                {
                  p++;
                  n_chars++;
                }
            }
          else
            APPEND_CLEAN (out, o, b);
          continue;
        }

      if (b < 0xC2)
        goto fail;
      if (b < 0xE0)
        {
          if (end - p < 2 || (p[1] & 0xC0) != 0x80)
            goto fail;
          c = ((b & 0x1F) << 6) | (p[1] & 0x3F);
          p += 2;
        }
      else if (b < 0xF0)
        {
          if (end - p < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
            goto fail;
          c = ((b & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
          if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))
            goto fail;
          p += 3;
        }
      else if (b < 0xF5)
        {
          if (end - p < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 ||
              (p[3] & 0xC0) != 0x80)
            goto fail;
          c = ((b & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
          if (c < 0x10000 || c > 0x10FFFF)
            goto fail;
          p += 4;
        }
      else
        goto fail;

      if (G_UNLIKELY (blank) && !g_unichar_isspace (c) && c != 0xFEFF && c != 0x200B)
        blank = FALSE;
      if (G_LIKELY (c > 0x2060 && c != 0xFEFF))
        out[o++] = c;
      else
        APPEND_CLEAN (out, o, c);
    }

  if (blank || n_ctrl > n_chars / 100 + 2)
    goto fail;

  *n_out = o;
  return out;

fail:
  g_free (out);
  return NULL;
}

FiguresText *
figures_text_new_from_bytes (const guint8 *data, gsize len, GError **error)
{
  const char *encoding = NULL;
  guint n_replaced = 0;
  FiguresTextReal *real;
  FiguresText *text;
  gunichar *cleaned = NULL;
  gsize n_cleaned = 0;
  Encoding bom_enc;
  gsize bom_len;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (len > 0 && len <= G_MAXINT32 / 2 && !has_bom (data, len, &bom_enc, &bom_len))
    cleaned = decode_clean_plain_utf8 (data, len, &n_cleaned);

  if (cleaned != NULL)
    encoding = encoding_names[ENC_UTF8];
  else
    {
      g_autofree char *decoded = figures_text_decode (data, len, &encoding, &n_replaced, error);
      gsize decoded_len;

      if (decoded == NULL)
        return NULL;
      decoded_len = strlen (decoded);
      /* figures_text_decode() returns valid UTF-8 without NUL */
      cleaned = decode_clean_valid_utf8 (decoded, MIN (decoded_len, G_MAXINT32 / 2), &n_cleaned);
    }

  real = g_new0 (FiguresTextReal, 1);
  text = &real->pub;
  text->encoding = encoding;
  text->n_replaced = n_replaced;
  text->chars = normalise_cleaned (cleaned, n_cleaned, &text->n_chars);
  text->chars = g_renew (gunichar, text->chars, text->n_chars + 1);

  real->index = g_new (gsize, (text->n_chars >> INDEX_SHIFT) + 1);
  text->display = ucs4_to_utf8 (text->chars, text->n_chars, &text->display_len, real->index);
  text->folded = g_new (gunichar, text->n_chars + 1);
  figures_fold_chars (text->chars, text->folded, text->n_chars);
  fold_punctuation (text->folded, text->n_chars);
  text->folded[text->n_chars] = 0;

  return text;
}

FiguresText *
figures_text_new_from_file (const char *path, gsize max_size, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* the one bounded read of regular files only */
  bytes = figures_file_read (path, max_size, error);
  if (bytes == NULL)
    return NULL;
  return figures_text_new_from_bytes (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                      error);
}

void
figures_text_free (FiguresText *text)
{
  FiguresTextReal *real = (FiguresTextReal *) text;

  if (text == NULL)
    return;

  g_free (text->display);
  g_free (text->chars);
  g_free (text->folded);
  g_free (real->index);
  g_free (real);
}

gsize
figures_text_char_to_byte (const FiguresText *text, gsize char_offset)
{
  const FiguresTextReal *real = (const FiguresTextReal *) text;
  gsize byte;

  g_return_val_if_fail (text != NULL, 0);
  g_return_val_if_fail (char_offset <= text->n_chars, text->display_len);

  byte = real->index[char_offset >> INDEX_SHIFT];
  for (gsize i = char_offset & ~(gsize) (INDEX_STRIDE - 1); i < char_offset; i++)
    byte += utf8_width (text->chars[i]);

  return byte;
}

char *
figures_text_dup_range (const FiguresText *text, gsize start, gsize end)
{
  gsize b0, b1;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (start <= end, NULL);

  end = MIN (end, text->n_chars);
  start = MIN (start, end);
  b0 = figures_text_char_to_byte (text, start);
  b1 = figures_text_char_to_byte (text, end);

  return g_strndup (text->display + b0, b1 - b0);
}
