/* figures-rules.c: the extractor's keyword lists and rule tables
 *
 * The rulebook is ../shared/spec/statistics.md. Each table below is one of
 * its lists; the extractor (figures-extractor.c) only knows the classes.
 * All words are Simplified Chinese: the text is folded before matching.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "figures-rules"

#include "config.h"

#include <string.h>

#include "figures-rules.h"

/* ------------------------------------------------------------------ */
/* Units ("Metrics": typical units; "Not statistics at all")           */
/* ------------------------------------------------------------------ */

/* The multiplier (万, 亿) is read by the number reader; a unit written
 * with it (万元) is listed too, for numbers the reader leaves bare.
 * Years, months, days, %, 倍, 届, 级 and 号 are deliberately absent: a
 * number followed by them is no statistic. */
static const FiguresUnitRule unit_rules[] = {
  /* money */
  { "元", FIGURES_UNIT_MONEY, "旦|素|首|宵" },
  { "万元", FIGURES_UNIT_MONEY, NULL },
  { "亿元", FIGURES_UNIT_MONEY, NULL },
  { "千元", FIGURES_UNIT_MONEY, NULL },
  { "百元", FIGURES_UNIT_MONEY, NULL },
  /* people */
  { "人次", FIGURES_UNIT_PEOPLE, NULL },
  { "人", FIGURES_UNIT_PEOPLE, "大|民|才|员|物|类|士|生|口" },
  { "名", FIGURES_UNIT_PEOPLE, "单|称|录|义|片|誉" },
  { "位", FIGURES_UNIT_PEOPLE, "一体|置|于|次" },
  /* events */
  { "期", FIGURES_UNIT_EVENT, "间|末|限|刊|货|望|待|盼" },
  { "班", FIGURES_UNIT_EVENT, "子|级|车|长" },
  { "班次", FIGURES_UNIT_EVENT, NULL },
  { "次", FIGURES_UNIT_EVENT, "性|要|序" },
  { "场", FIGURES_UNIT_EVENT, "所|景|地|馆|面" },
  { "场次", FIGURES_UNIT_EVENT, NULL },
  { "轮", FIGURES_UNIT_EVENT, "椅|胎" },
  { "批次", FIGURES_UNIT_EVENT, NULL },
  { "堂", FIGURES_UNIT_EVENT, NULL },
  /* items */
  { "个", FIGURES_UNIT_ITEM, "月|小时|工作日|星期|季度|百分点|多月|半月|世纪|人|性|体|别|案|子" },
  { "项", FIGURES_UNIT_ITEM, "目|链" },
  /* everything else */
  { "篇", FIGURES_UNIT_MEASURE, NULL },
  { "家", FIGURES_UNIT_MEASURE, "庭|长|乡|园|人|属|中|里|门|亲|风|训|族|国" },
  { "所", FIGURES_UNIT_MEASURE, "有|在|属|谓|以|得|需|长" },
  { "件", FIGURES_UNIT_MEASURE, "大事" },
  { "部", FIGURES_UNIT_MEASURE, "门|分|署|队|长|委|级" },
  { "条", FIGURES_UNIT_MEASURE, "件|例|款|理" },
  { "户", FIGURES_UNIT_MEASURE, "籍|口|外|型|主" },
  { "亩", FIGURES_UNIT_MEASURE, NULL },
  { "吨", FIGURES_UNIT_MEASURE, NULL },
  { "头", FIGURES_UNIT_MEASURE, "脑|部|条|羊" },
  { "只", FIGURES_UNIT_MEASURE, "有|是|要|能" },
  { "公里", FIGURES_UNIT_MEASURE, NULL },
  { "千米", FIGURES_UNIT_MEASURE, NULL },
  { "米", FIGURES_UNIT_MEASURE, NULL },
  { "平方米", FIGURES_UNIT_MEASURE, NULL },
  { "平方公里", FIGURES_UNIT_MEASURE, NULL },
  { "立方米", FIGURES_UNIT_MEASURE, NULL },
  { "公顷", FIGURES_UNIT_MEASURE, NULL },
  { "千瓦", FIGURES_UNIT_MEASURE, NULL },
  { "千克", FIGURES_UNIT_MEASURE, NULL },
  { "公斤", FIGURES_UNIT_MEASURE, NULL },
  { "台", FIGURES_UNIT_MEASURE, "阶|账" },
  { "套", FIGURES_UNIT_MEASURE, NULL },
  { "座", FIGURES_UNIT_MEASURE, "谈" },
  { "处", FIGURES_UNIT_MEASURE, "理|置|级|长|室" },
  { "支", FIGURES_UNIT_MEASURE, "持|出|付|部|队伍|撑" },
  { "本", FIGURES_UNIT_MEASURE, "级|地|市|区|县|旗|村|着|领|质|色|土|身|届|次" },
  { "册", FIGURES_UNIT_MEASURE, NULL },
  { "份", FIGURES_UNIT_MEASURE, "额" },
  { "张", FIGURES_UNIT_MEASURE, "皮" },
  { "辆", FIGURES_UNIT_MEASURE, NULL },
  { "棵", FIGURES_UNIT_MEASURE, NULL },
  { "株", FIGURES_UNIT_MEASURE, NULL },
  { "批", FIGURES_UNIT_MEASURE, "示|准|复|评|判" },
  { "幅", FIGURES_UNIT_MEASURE, "度" },
  { "首", FIGURES_UNIT_MEASURE, "府|都|批|次|位|创|届|部" },
  { "块", FIGURES_UNIT_MEASURE, NULL },
  { "间", FIGURES_UNIT_MEASURE, NULL },
  { "栋", FIGURES_UNIT_MEASURE, NULL },
  { "集", FIGURES_UNIT_MEASURE, "团|体|中|群|聚|镇|市|合|成" },
};

/* ------------------------------------------------------------------ */
/* Counted nouns ("Which metric: the counted noun")                    */
/* ------------------------------------------------------------------ */

/* The nearest of these before a number (within its list item) decides
 * its metric; the longest word wins when several end at the same place
 * (教育培训 over 培训, 固定资产投资 over 投资). */
static const FiguresNounRule noun_rules[] = {
  /* training: the counted noun of training_sessions, the word trainees need */
  { "培训", FIGURES_NOUN_TRAINING, "培训" },
  { "培训班", FIGURES_NOUN_TRAINING, "培训" },
  { "培训会", FIGURES_NOUN_TRAINING, "培训" },
  { "培训会议", FIGURES_NOUN_TRAINING, "培训" },
  { "培训活动", FIGURES_NOUN_TRAINING, "培训" },
  { "培训课", FIGURES_NOUN_TRAINING, "培训" },
  { "教育培训", FIGURES_NOUN_TRAINING, "培训" },
  { "集中培训", FIGURES_NOUN_TRAINING, "培训" },
  { "轮训", FIGURES_NOUN_TRAINING, "培训" },
  { "调训", FIGURES_NOUN_TRAINING, "培训" },
  { "参训", FIGURES_NOUN_TRAINING, "培训" },
  { "受训", FIGURES_NOUN_TRAINING, "培训" },

  /* funding: money allocated, spent, raised or donated (spec: never 投资) */
  { "资金", FIGURES_NOUN_FUNDING, "资金" },
  { "涉及资金", FIGURES_NOUN_FUNDING, "资金" },
  { "经费", FIGURES_NOUN_FUNDING, "经费" },
  { "拨付", FIGURES_NOUN_FUNDING, "资金" },
  { "拨款", FIGURES_NOUN_FUNDING, "资金" },
  { "下拨", FIGURES_NOUN_FUNDING, "资金" },
  { "划拨", FIGURES_NOUN_FUNDING, "资金" },
  { "安排", FIGURES_NOUN_FUNDING, "资金" },
  { "投入", FIGURES_NOUN_FUNDING, "投入" },
  { "补助", FIGURES_NOUN_FUNDING, "补助" },
  { "补贴", FIGURES_NOUN_FUNDING, "补贴" },
  { "奖补", FIGURES_NOUN_FUNDING, "补助" },
  { "资助", FIGURES_NOUN_FUNDING, "资助" },
  { "贴息", FIGURES_NOUN_FUNDING, "贴息" },
  { "捐款", FIGURES_NOUN_FUNDING, "捐款" },
  { "捐赠", FIGURES_NOUN_FUNDING, "捐款" },
  { "捐资", FIGURES_NOUN_FUNDING, "捐款" },
  { "捐助", FIGURES_NOUN_FUNDING, "捐款" },
  { "捐物", FIGURES_NOUN_FUNDING, "捐款" },
  { "筹集", FIGURES_NOUN_FUNDING, "资金" },
  { "募集", FIGURES_NOUN_FUNDING, "资金" },
  { "配套", FIGURES_NOUN_FUNDING, "资金" },
  { "基金", FIGURES_NOUN_FUNDING, "基金" },
  { "款项", FIGURES_NOUN_FUNDING, "资金" },
  { "预算", FIGURES_NOUN_FUNDING, "预算" },
  { "转移支付", FIGURES_NOUN_FUNDING, "转移支付" },
  { "承担", FIGURES_NOUN_FUNDING, "资金" },

  /* investment: capital counted by 投资 (完成投资, 总投资, 投资N元建设) */
  { "投资", FIGURES_NOUN_INVESTMENT, "投资" },
  { "总投资", FIGURES_NOUN_INVESTMENT, "投资" },
  { "投资额", FIGURES_NOUN_INVESTMENT, "投资" },
  { "投资总额", FIGURES_NOUN_INVESTMENT, "投资" },

  /* macro-economic and whole-budget figures: never funding */
  { "生产总值", FIGURES_NOUN_MACRO, "生产总值" },
  { "GDP", FIGURES_NOUN_MACRO, "生产总值" },
  { "产值", FIGURES_NOUN_MACRO, "产值" },
  { "增加值", FIGURES_NOUN_MACRO, "增加值" },
  { "零售总额", FIGURES_NOUN_MACRO, "零售总额" },
  { "销售额", FIGURES_NOUN_MACRO, "销售额" },
  { "销售收入", FIGURES_NOUN_MACRO, "销售额" },
  { "营业收入", FIGURES_NOUN_MACRO, "营业收入" },
  { "营业额", FIGURES_NOUN_MACRO, "营业收入" },
  { "营收", FIGURES_NOUN_MACRO, "营业收入" },
  { "交易额", FIGURES_NOUN_MACRO, "交易额" },
  { "成交额", FIGURES_NOUN_MACRO, "交易额" },
  { "财政收入", FIGURES_NOUN_MACRO, "财政收入" },
  { "一般公共预算收入", FIGURES_NOUN_MACRO, "财政收入" },
  { "一般公共预算支出", FIGURES_NOUN_MACRO, "财政支出" },
  { "公共预算", FIGURES_NOUN_MACRO, "财政收支" },
  { "财政支出", FIGURES_NOUN_MACRO, "财政支出" },
  { "民生支出", FIGURES_NOUN_MACRO, "财政支出" },
  { "税收", FIGURES_NOUN_MACRO, "税收" },
  { "税收收入", FIGURES_NOUN_MACRO, "税收" },
  { "利润", FIGURES_NOUN_MACRO, "利润" },
  { "利税", FIGURES_NOUN_MACRO, "利润" },
  { "进出口", FIGURES_NOUN_MACRO, "进出口" },
  { "出口", FIGURES_NOUN_MACRO, "进出口" },
  { "进口", FIGURES_NOUN_MACRO, "进出口" },
  { "贷款", FIGURES_NOUN_MACRO, "贷款" },
  { "存款", FIGURES_NOUN_MACRO, "存款" },
  { "余额", FIGURES_NOUN_MACRO, "余额" },
  { "收入", FIGURES_NOUN_MACRO, "收入" },
  { "可支配收入", FIGURES_NOUN_MACRO, "收入" },
  { "增收", FIGURES_NOUN_MACRO, "收入" },
  { "工资", FIGURES_NOUN_MACRO, "收入" },
  { "固定资产投资", FIGURES_NOUN_MACRO, "固定资产投资" },
  { "投资增长", FIGURES_NOUN_MACRO, "固定资产投资" },
  { "民间投资", FIGURES_NOUN_MACRO, "固定资产投资" },
  { "外商投资", FIGURES_NOUN_MACRO, "外资" },
  { "利用外资", FIGURES_NOUN_MACRO, "外资" },
  { "专项债券", FIGURES_NOUN_MACRO, "债券" },
  { "债券", FIGURES_NOUN_MACRO, "债券" },
  { "减税降费", FIGURES_NOUN_MACRO, "税收" },
  { "违规金额", FIGURES_NOUN_MACRO, "审计" },
  { "损失浪费", FIGURES_NOUN_MACRO, "审计" },
  { "处理处罚", FIGURES_NOUN_MACRO, "审计" },
  { "创收", FIGURES_NOUN_MACRO, "收入" },
  { "债务", FIGURES_NOUN_MACRO, "债务" },
  { "市值", FIGURES_NOUN_MACRO, "市值" },
  { "消费", FIGURES_NOUN_MACRO, "消费" },
  { "营业", FIGURES_NOUN_MACRO, "营业收入" },
  { "销售", FIGURES_NOUN_MACRO, "销售额" },
  { "效益", FIGURES_NOUN_MACRO, "效益" },
  { "合同", FIGURES_NOUN_MACRO, "合同金额" },
  { "签约", FIGURES_NOUN_MACRO, "合同金额" },
  { "融资", FIGURES_NOUN_MACRO, "融资" },
  { "罚款", FIGURES_NOUN_MACRO, "罚款" },
  { "罚没", FIGURES_NOUN_MACRO, "罚款" },
  { "损失", FIGURES_NOUN_MACRO, "损失" },
  { "节约资金", FIGURES_NOUN_MACRO, "节约" },
  { "节省资金", FIGURES_NOUN_MACRO, "节约" },
  { "减免", FIGURES_NOUN_MACRO, "减免" },
  { "欠薪", FIGURES_NOUN_MACRO, "欠薪" },
  { "追缴", FIGURES_NOUN_MACRO, "追缴" },
  { "价格", FIGURES_NOUN_MACRO, "价格" },
  { "单价", FIGURES_NOUN_MACRO, "价格" },
  { "均价", FIGURES_NOUN_MACRO, "价格" },

  /* projects, and what 项 counts when it is not a project */
  { "项目", FIGURES_NOUN_PROJECT, "项目" },
  { "课题", FIGURES_NOUN_NOT_PROJECT, "课题" },
  { "议案", FIGURES_NOUN_NOT_PROJECT, "议案" },
  { "建议", FIGURES_NOUN_NOT_PROJECT, "建议" },
  { "提案", FIGURES_NOUN_NOT_PROJECT, "提案" },
  { "案件", FIGURES_NOUN_NOT_PROJECT, "案件" },
  { "任务", FIGURES_NOUN_NOT_PROJECT, "任务" },
  { "政策", FIGURES_NOUN_NOT_PROJECT, "政策" },
  { "措施", FIGURES_NOUN_NOT_PROJECT, "措施" },
  { "工程", FIGURES_NOUN_NOT_PROJECT, "工程" },
  { "成果", FIGURES_NOUN_NOT_PROJECT, "成果" },

  /* outreach and other activities: counted, but not training */
  { "教育活动", FIGURES_NOUN_OUTREACH, "活动" },
  { "活动", FIGURES_NOUN_OUTREACH, "活动" },
  { "研学", FIGURES_NOUN_OUTREACH, "研学" },
  { "学习", FIGURES_NOUN_OUTREACH, "学习" },
  { "研讨", FIGURES_NOUN_OUTREACH, "研讨" },
  { "座谈", FIGURES_NOUN_OUTREACH, "座谈" },
  { "宣讲", FIGURES_NOUN_OUTREACH, "宣讲" },
  { "讲座", FIGURES_NOUN_OUTREACH, "讲座" },
  { "党课", FIGURES_NOUN_OUTREACH, "党课" },
  { "覆盖", FIGURES_NOUN_OUTREACH, "覆盖" },
  { "参与", FIGURES_NOUN_OUTREACH, "参与" },
  { "参加", FIGURES_NOUN_OUTREACH, "参加" },
  { "宣传", FIGURES_NOUN_OUTREACH, "宣传" },
  { "调研", FIGURES_NOUN_OUTREACH, "调研" },
  { "视察", FIGURES_NOUN_OUTREACH, "视察" },
  { "督导", FIGURES_NOUN_OUTREACH, "督导" },
  { "督查", FIGURES_NOUN_OUTREACH, "督查" },
  { "检查", FIGURES_NOUN_OUTREACH, "检查" },
  { "会议", FIGURES_NOUN_OUTREACH, "会议" },
  { "观摩", FIGURES_NOUN_OUTREACH, "观摩" },
  { "比赛", FIGURES_NOUN_OUTREACH, "比赛" },
  { "演出", FIGURES_NOUN_OUTREACH, "演出" },
  { "展演", FIGURES_NOUN_OUTREACH, "演出" },
  { "展览", FIGURES_NOUN_OUTREACH, "展览" },
  { "慰问", FIGURES_NOUN_OUTREACH, "慰问" },
  { "走访", FIGURES_NOUN_OUTREACH, "走访" },
  { "义诊", FIGURES_NOUN_OUTREACH, "义诊" },
  { "招聘", FIGURES_NOUN_OUTREACH, "招聘" },
  { "就业", FIGURES_NOUN_OUTREACH, "就业" },

  /* other nouns, for labels */
  { "报道", FIGURES_NOUN_OTHER, "报道" },
  { "稿件", FIGURES_NOUN_OTHER, "稿件" },
  { "示范单位", FIGURES_NOUN_OTHER, "示范单位" },
  { "示范点", FIGURES_NOUN_OTHER, "示范点" },
  { "基地", FIGURES_NOUN_OTHER, "基地" },
  { "企业", FIGURES_NOUN_OTHER, "企业" },
  { "学校", FIGURES_NOUN_OTHER, "学校" },
  { "代表", FIGURES_NOUN_OTHER, "代表" },
  { "专家", FIGURES_NOUN_OTHER, "专家" },
  { "法规", FIGURES_NOUN_OTHER, "法规" },
  { "条例", FIGURES_NOUN_OTHER, "条例" },
  { "文件", FIGURES_NOUN_OTHER, "文件" },
  { "作品", FIGURES_NOUN_OTHER, "作品" },
  { "人才", FIGURES_NOUN_OTHER, "人才" },
  { "志愿者", FIGURES_NOUN_OTHER, "志愿者" },
  { "播放量", FIGURES_NOUN_OTHER, "播放量" },
  { "阅读量", FIGURES_NOUN_OTHER, "阅读量" },
  { "短信", FIGURES_NOUN_OTHER, "短信" },
};

/* A training word followed by these names a thing, not training
 * (培训基地可容纳500人, 培训中心3个). */
static const char *const training_modifier_heads[] = {
  "基地",
  "中心",
  "学校",
  "学院",
  "机构",
  "场所",
  "教室",
  "设施",
  "大楼",
  "楼",
  "费",
  "经费",
  "资金",
  "计划",
  "方案",
  "教材",
  "需求",
  "师资",
  /* a meeting about training (培训工作会议, 培训推进会) trains no one */
  "工作会议",
  "工作会",
  "推进会",
  "现场会",
  "座谈会",
  "部署会",
  "调度会",
  "会议",
};

/* What training leads to: people counted after these are not trainees
 * (通过培训实现转移就业3000人). */
static const char *const training_outcome_words[] = {
  "就业", "创业", "脱贫", "增收", "致富", "上岗", "录用", "取得", "获得", "持证", "考核合格",
};

/* Funding words that are verbs: they fund what the item names, so a
 * macro noun before them still decides (一般公共预算支出安排210亿元). */
static const char *const funding_verbs[] = {
  "拨付", "下拨", "划拨", "安排", "投入", "筹集", "募集", "配套", "承担",
};

/* ------------------------------------------------------------------ */
/* Approximation words ("Reading the number": they must touch it)      */
/* ------------------------------------------------------------------ */

static const char *const approx_before_words[] = {
  "近", "将近",   "接近",   "约",   "大约", "约为", "超过",   "超",
  "逾", "不低于", "不少于", "至少", "多达", "达近", "高达近",
};

static const char *const approx_after_words[] = {
  "以上", "左右", "上下", "多", "余", "之多", "有余",
};

/* ------------------------------------------------------------------ */
/* Per-unit amounts: a rate, not a total (metric other)                */
/* ------------------------------------------------------------------ */

static const char *const per_unit_words[] = {
  "人均",   "户均",     "村均", "亩均", "校均",   "平均",   "年均", "每人", "每户", "每个",
  "每名",   "每位",     "每家", "每村", "每所",   "每亩",   "每项", "每处", "每座", "每校",
  "每嘎查", "每苏木",   "每镇", "每乡", "每乡镇", "每社区", "每期", "每场", "每次", "每班",
  "每生",   "每名学员", "/人",  "/户",  "/亩",    "/年",    "/个",
  /* per administrative unit: 每县1000万元, 县均投入 */
  "每县",   "每市",     "每区", "每旗", "每盟",   "每州",   "每省", "县均", "乡均", "镇均",
  "市均",   "旗均",
};

/* 各 (or 分别 with a single figure) followed by one of these, then the
 * number: each got the same figure. */
static const char *const each_verbs[] = {
  "安排", "补助", "奖励", "奖补", "拨付", "投入", "支持", "资助", "补贴", "发放",
  "下达", "给予", "投资", "落实", "获得", "帮扶", "捐赠", "捐助", "援助",
};

/* ------------------------------------------------------------------ */
/* Function words: an item made only of these has no noun of its own   */
/* ------------------------------------------------------------------ */

static const char *const filler_words[] = {
  "累计", "共",   "共计", "合计", "总计", "计",   "达",   "达到", "其中", "分别", "分别为",
  "另",   "以及", "和",   "及",   "并",   "为",   "是",   "有",   "了",   "约",   "近",
  "超过", "逾",   "全年", "当年", "年内", "同比", "新增", "增加", "总数", "数量", "规模",
};

/* ------------------------------------------------------------------ */
/* Words after which a numeral is no quantity                          */
/* ------------------------------------------------------------------ */

static const char *const not_before_number_words[] = {
  "第", "百分之", "千分之", "万分之", "届", "编号", "代码", "电话", "热线",
};

/* ------------------------------------------------------------------ */
/* Which city                                                           */
/* ------------------------------------------------------------------ */

static const FiguresScopeRule scope_rules[] = {
  { "全市", FIGURES_SCOPE_CITY },     { "我市", FIGURES_SCOPE_CITY },
  { "本市", FIGURES_SCOPE_CITY },     { "该市", FIGURES_SCOPE_CITY },
  { "市委", FIGURES_SCOPE_CITY },     { "市政府", FIGURES_SCOPE_CITY },
  { "市人大", FIGURES_SCOPE_CITY },   { "市政协", FIGURES_SCOPE_CITY },
  { "市财政", FIGURES_SCOPE_CITY },   { "市本级", FIGURES_SCOPE_CITY },
  { "全盟", FIGURES_SCOPE_CITY },     { "我盟", FIGURES_SCOPE_CITY },
  { "本盟", FIGURES_SCOPE_CITY },     { "该盟", FIGURES_SCOPE_CITY },
  { "盟委", FIGURES_SCOPE_CITY },     { "全州", FIGURES_SCOPE_CITY },
  { "我州", FIGURES_SCOPE_CITY },     { "全地区", FIGURES_SCOPE_CITY },
  { "全区", FIGURES_SCOPE_DISTRICT }, { "我区", FIGURES_SCOPE_DISTRICT },
  { "本区", FIGURES_SCOPE_DISTRICT }, { "该区", FIGURES_SCOPE_DISTRICT },
  { "全旗", FIGURES_SCOPE_CURRENT },  { "我旗", FIGURES_SCOPE_CURRENT },
  { "本旗", FIGURES_SCOPE_CURRENT },  { "该旗", FIGURES_SCOPE_CURRENT },
  { "全县", FIGURES_SCOPE_CURRENT },  { "我县", FIGURES_SCOPE_CURRENT },
  { "本县", FIGURES_SCOPE_CURRENT },  { "该县", FIGURES_SCOPE_CURRENT },
  { "本州", FIGURES_SCOPE_CITY },     { "该州", FIGURES_SCOPE_CITY },
  { "州委", FIGURES_SCOPE_CITY },     { "州政府", FIGURES_SCOPE_CITY },
  { "我地区", FIGURES_SCOPE_CITY },   { "本地区", FIGURES_SCOPE_CITY },
  { "全省", FIGURES_SCOPE_PROVINCE }, { "我省", FIGURES_SCOPE_PROVINCE },
  { "本省", FIGURES_SCOPE_PROVINCE }, { "该省", FIGURES_SCOPE_PROVINCE },
  { "首府", FIGURES_SCOPE_CAPITAL },
};

/* 首府 names the capital of an autonomous region. */
static const FiguresCapitalRule capital_rules[] = {
  { "内蒙古自治区", "呼和浩特市" },     { "广西壮族自治区", "南宁市" },
  { "西藏自治区", "拉萨市" },           { "宁夏回族自治区", "银川市" },
  { "新疆维吾尔自治区", "乌鲁木齐市" },
};

/* A place right after these only gives the money (争取上级资金). */
static const char *const giver_before_words[] = {
  "争取", "获得", "获批", "申请", "申报", "上级", "从",
};

/* A place right after these receives what the sentence counts, even when
 * another place is the subject (浙江省援建阿克苏地区项目22个, 国家为内蒙古
 * 下拨经费, 帮助宁夏培训2万人). */
static const char *const receiver_before_words[] = {
  "为",   "给",   "给予", "援建", "援助", "支援", "对口支援", "帮扶",
  "帮助", "协助", "资助", "下达", "拨付", "下拨", "划拨",     "扶持",
  "惠及", "捐助", "捐赠", "奖励", "奖补", "对", /* 对X开展培训: what is done to X is X's */
};

/* …but not 为 in these: 作为包头市…, 被评为…, 以…为 */
static const char *const receiver_not_before_words[] = {
  "作为", "成为", "评为", "列为",   "定为",   "改为",   "称为",   "认为", "以为", "因为",
  "为了", "名为", "选为", "确定为", "更名为", "命名为", "认定为", "视为", "分为",
};

/* 向X: X receives when a giving verb follows (向盘州市捐款), else gives
 * (向自治区申请资金). */
static const char *const towards_words[] = {
  "向",
};

static const char *const giving_verb_words[] = {
  "捐",   "捐款", "捐赠", "捐助", "捐资", "捐物", "支援", "援助", "提供", "拨付", "下达",
  "投入", "下拨", "输送", "选派", "派出", "派驻", "转移", "移交", "赠送", "投放", "发放",
};

/* 来自X的N名学员: people come from X, and X owns them; money that comes
 * from X was given by X. */
static const char *const origin_words[] = {
  "来自",
};

/* A news dateline: agency, place, date, then one of these (新华社西宁5月28日
 * 电, 中广网南昌4月29日消息). The place is where the reporter filed from. */
static const char *const dateline_end_words[] = {
  "电", "电讯", "消息", "讯", "报道",
};

/* A key–value line naming the report's title (标题:…), as web page dumps
 * have at their end. */
static const char *const title_key_words[] = {
  "标题",
  "题目",
  "文章标题",
};

/* A text that names no place in full may name its county by the stem
 * (泽州 for 泽州县): the stem and one of these is the county's name. Districts
 * (区) are left out: their names are too often ordinary words (新华, 江北). */
static const char *const county_suffix_words[] = {
  "县",
  "市",
  "旗",
};

/* County stems that are ordinary words, never read as a place's short form. */
static const char *const stem_not_words[] = {
  "和平", "平安", "大方", "通道", "永和", "太和", "东方", "合作", "安宁", "乐业", "新兴", "兴业",
  "富民", "万年", "长兴", "共和", "互助", "平和", "公安", "南部", "和政", "民和", "正安", "安定",
  "大化", "长寿", "文安", "隆化", "德化", "开化", "安化", "宁安", "长安", "新华", "城关", "红旗",
  "青山", "河东", "河西", "南山", "江南", "江北", "中山", "新城", "永定", "大同", "建平", "凤凰",
  "天长", "延长", "清河", "宁国", "安福", "安仁", "石门", "文成", "定安", "永福", "兴安", "华容",
  "安远", "海安", "丰宁", "宜君", "和静", "新河", "宁海", "安平", "龙门", "光明", "大安", "长乐",
  "永安", "福安", "永新", "永胜", "安乡", "宁明", "富平", "汉中", "德江", "东山", "南海", "北海",
  "大关", "资源", "保康", "石林", "安居", "巨野", "沙湾", "青河", "温泉", "阜康", "康乐", "长顺",
  "开阳", "方正", "宝清", "安图", "明水", "宜章", "平江", "大竹", "通江", "黑水", "乐山", "东兴",
};

/* A place right before these gives the money (自治区补助). */
static const char *const giver_after_words[] = {
  "补助", "下达", "下拨", "奖补", "资助", "转移支付", "专项补助", "支持资金", "奖励",
};

/* Aid to another place, anywhere in the clause after a place (上海市对口援藏
 * 项目, 浙江将对口帮扶…, 江苏省共安排援藏资金): the place gives, the helped
 * place owns the figure. Not 帮扶 or 援助 alone: a city helps its own people
 * too (包头市帮扶困难职工, 法律援助). */
static const char *const aid_words[] = {
  "对口支援", "对口帮扶", "对口援藏", "对口援疆", "对口援青", "援藏",
  "援疆",     "援青",     "援建",     "捐赠",     "捐助",     "无偿资助",
};

/* …unless the place receives it first (日喀则累计接受对口援藏项目). */
static const char *const receive_verb_words[] = {
  "接受", "受援", "收到", "得到", "获得", "争取",
};

/* Adverbs between a place and its verb (浙江将帮扶, 自治区已下达), skipped
 * to find what the place does. */
static const char *const place_adverb_words[] = {
  "将",   "拟",   "已", "已经", "还",   "再",   "又",   "也",
  "先后", "陆续", "共", "累计", "共计", "今年", "计划",
};

/* Organisations named after a place, skipped to find what the place does
 * (内蒙古自治区民委下达…: the region gives). */
static const char *const organisation_words[] = {
  "财政",
  "财政厅",
  "财政局",
  "本级",
  "级",
  "政府",
  "人民政府",
  "党委",
  "民委",
  "民宗委",
  "民族事务委员会",
  "民族宗教事务委员会",
  "民族宗教事务局",
  "宗教局",
  "发改委",
  "发展改革委",
  "乡村振兴局",
  "有关部门",
  "各部门",
  "统战部",
  "委员会",
  "厅",
  "局",
  "委",
};

/* A place right after these is a partner, never the subject. */
static const char *const partner_words[] = {
  "与", "同", "跟", "联合", "会同", "携手", "对口", "赴", "到", "前往",
};

/* 与 in these is no partner's mark (…参与, 与会), ending at or just after 与 */
static const char *const partner_not_words[] = {
  "参与", "给与", "赋与", "授与", "与会", "与其", "与否",
};

/* The noun phrase after N个 stops at these (a verb or a new clause). */
static const char *const phrase_break_words[] = {
  "并",   "用于", "涉及", "其中", "共计", "累计", "完成", "达到", "带动", "覆盖", "实现", "总投资",
  "投资", "资金", "开展", "进行", "参加", "参与", "建立", "设立", "签订", "提出", "获得", "成为",
  "正在", "全部", "均",   "有",   "中",   "实施", "推进", "支持", "组织", "举办", "带领", "围绕",
  "共",   "安排", "投入", "争取", "选择", "参观", "接待", "发放", "签约", "承担", "承办", "负责",
};

/* …and at these modal verbs once it has a noun: N个县急需解决的…项目 counts
 * counties, while N个需要配套的项目 still counts projects. */
static const char *const phrase_modal_words[] = {
  "急需", "亟需", "亟待", "需要", "所需", "可以", "能够", "应当",
};

/* 项目 followed by these is a modifier, not the head noun (项目单位). */
static const char *const project_not_head_words[] = {
  "单位", "区",   "村",   "库",       "点",   "资金", "经费", "办",   "部",
  "组",   "负责", "管理", "法人",     "业主", "工地", "名单", "清单", "申报",
  "储备", "化",   "制",   "建设资金", "人员", "专员", "培训", "任务",
};

static const char *const publisher_words[] = {
  "发文机构", "发布机构", "发文单位", "发布单位", "信息来源", "来源",     "发布者",
  "供稿",     "作者单位", "主办单位", "主办",     "版权所有", "承办单位",
};

/* A short line near the top holding these is the publisher's masthead
 * (XX市人民政府门户网站): the document's place is its place. */
static const char *const masthead_words[] = {
  "门户网站", "政府网", "政务网", "网站", "政府门户", "政务服务网",
};

/* A bare multiplier right after these is a figure, as a bound (上千人次,
 * 近万人, 逾百场); alone it is a figure of speech (千家万户, 百场). */
static const char *const bound_before_bare_words[] = {
  "上", "近", "逾", "超", "超过", "约",
};

/* N次会议 right after these names a session, not a count (人大三次会议,
 * 政协二次全会): an ordinal, like 第N次. */
static const char *const session_body_words[] = {
  "人大", "政协", "常委会", "代表大会", "党代会", "委员会", "全委会",
};

/* Labels read from the text (an `other` figure with no known noun) stop
 * at these: function words, and the verbs that come before or after the
 * noun they count (制作短视频180部 → 短视频; 84家部门单位创建 → 部门单位). */
static const char *const label_stop_chars[] = {
  "被", "各", "的", "等", "在", "对", "向", "从", "为", "将", "把", "与",
  "和", "及", "并", "共", "均", "已", "都", "也", "还", "又", "再", "于",
  "由", "按", "给", "其", "这", "该", "每", "是", "了", "着", "们",
};

static const char *const label_verb_words[] = {
  "制作", "建成", "新建", "建设", "建立", "创建", "打造", "输转", "转移", "推出", "刊发", "编发",
  "发布", "印发", "出台", "制定", "修订", "出版", "拍摄", "创作", "命名", "认定", "评选", "表彰",
  "培育", "引进", "招引", "吸纳", "接待", "走访", "慰问", "帮扶", "救助", "资助", "下沉", "深入",
  "列席", "参加", "参与", "组建", "成立", "设立", "开设", "开通", "累计", "受理", "办理", "化解",
  "听取", "审议", "审查", "检查", "整改", "落实", "完成", "实现", "达到", "带动", "覆盖", "惠及",
};

/* A clause ending with one of these after the number has left out what
 * people joined (…培训班开班，共有97名学员参加): the sentence named it. */
static const char *const elided_join_words[] = {
  "参加",
  "参与",
  "报名参加",
  "出席",
};

/* An item holding one of these gives the progress of what the list before
 * it counts (项目45个，已开工38个，竣工20个): it continues that list. */
static const char *const progress_words[] = {
  "开工", "新开工", "复工", "完工", "竣工", "在建", "续建", "建成", "投产", "验收", "交付", "启动",
};

/* An item holding one of these counts what came of the figures before it
 * (…培训劳动力3000人,转移劳动力4.3万人), so it does not continue their list. */
static const char *const list_breaker_words[] = {
  "转移", "输转", "输出", "带动", "覆盖", "惠及", "吸纳", "安置", "就业",
  "创业", "鉴定", "认定", "获得", "取得", "脱贫", "增收", "受益",
};

static const char *const session_noun_words[] = {
  "会议",
  "全会",
  "全体会议",
  "大会",
};

static const char *const town_suffix_words[] = {
  "镇",
  "乡",
  "苏木",
  "街道",
};

/* Characters that never occur in the short town name between a county and
 * the suffix (集宁区把社区… is no town): verbs and function words. */
static const char *const town_name_stop_chars[] = {
  "把", "开", "展", "实", "施", "在", "对", "的", "和", "与", "各", "全", "等", "了", "为", "到",
  "向", "从", "建", "设", "推", "进", "组", "织", "举", "办", "是", "将", "有", "已", "共", "累",
  "计", "投", "入", "安", "排", "争", "取", "所", "辖", "及", "城", "农", "牧", "乡", "镇", "村",
  "民", "委", "政", "府", "党", "级", "各", "全", "本", "该", "这", "其", "个", "旗", "县", "区",
};

/* No town is named by these: 城乡, 乡镇, 村镇 … */
static const char *const town_not_words[] = {
  "城乡", "乡镇", "村镇", "城镇", "集镇", "乡村", "村村",   "农村", "镇村",
  "乡里", "重镇", "小镇", "市镇", "本乡", "家乡", "村社区", "牧区", "街道办",
};

/* ------------------------------------------------------------------ */
/* Word sets                                                            */
/* ------------------------------------------------------------------ */

typedef struct
{
  gunichar *chars;
  guint len;
  guint index;
} Word;

typedef struct
{
  gunichar key; /* 0: empty */
  guint start;  /* into bucket_words */
  guint len;
} Slot;

struct _FiguresWordSet
{
  Word *words;
  guint n_words;
  /* first (last) code point → its words, longest first: an open-addressing
   * table of slots into a flat array of word indices */
  Slot *by_first;
  Slot *by_last;
  guint mask;
  guint *bucket_words;
  guint8 may_start[8192]; /* bitmap of first code points in the BMP */
  guint8 may_end[8192];   /* bitmap of last code points in the BMP */
  guint max_len;
  gboolean has_astral_end;
};

static gint
compare_by_length_desc (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const Word *words = user_data;
  guint ia = *(const guint *) a;
  guint ib = *(const guint *) b;

  return (gint) words[ib].len - (gint) words[ia].len;
}

static void
add_to_bucket (GHashTable *table, gunichar key, guint value)
{
  GArray *bucket = g_hash_table_lookup (table, GUINT_TO_POINTER (key));

  if (bucket == NULL)
    {
      bucket = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (table, GUINT_TO_POINTER (key), bucket);
    }
  g_array_append_val (bucket, value);
}

static inline guint
slot_hash (gunichar c, guint mask)
{
  return (c * 2654435761u) >> 7 & mask;
}

static inline const Slot *
slot_lookup (const Slot *slots, guint mask, gunichar c)
{
  for (guint h = slot_hash (c, mask);; h = (h + 1) & mask)
    {
      if (slots[h].key == c)
        return &slots[h];
      if (slots[h].key == 0)
        return NULL;
    }
}

/* Turns a build-time table (code point → GArray of word indices) into the
 * flat slots used for matching. */
static Slot *
flatten (FiguresWordSet *set, GHashTable *table, GArray *bucket_words)
{
  Slot *slots = g_new0 (Slot, set->mask + 1);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GArray *bucket = value;
      gunichar c = GPOINTER_TO_UINT (key);
      guint h = slot_hash (c, set->mask);

      g_array_sort_with_data (bucket, compare_by_length_desc, set->words);
      while (slots[h].key != 0)
        h = (h + 1) & set->mask;
      slots[h].key = c;
      slots[h].start = bucket_words->len;
      slots[h].len = bucket->len;
      g_array_append_vals (bucket_words, bucket->data, bucket->len);
    }

  return slots;
}

/* @rows points at an array of @n_rows structs of @stride bytes whose first
 * member is the word (const char *). */
static FiguresWordSet *
word_set_new (gconstpointer rows, gsize stride, guint n_rows)
{
  FiguresWordSet *set = g_new0 (FiguresWordSet, 1);

  g_autoptr (GHashTable) by_first = NULL;
  g_autoptr (GHashTable) by_last = NULL;
  GArray *bucket_words = g_array_new (FALSE, FALSE, sizeof (guint));

  set->words = g_new0 (Word, n_rows);
  by_first = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  by_last = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);

  for (guint i = 0; i < n_rows; i++)
    {
      const char *word = *(const char *const *) ((const guint8 *) rows + i * stride);
      glong len = 0;
      gunichar *chars = g_utf8_to_ucs4_fast (word, -1, &len);
      Word *w = &set->words[set->n_words];

      if (len == 0)
        {
          g_free (chars);
          continue;
        }
      w->chars = chars;
      w->len = (guint) len;
      w->index = i;
      add_to_bucket (by_first, chars[0], set->n_words);
      add_to_bucket (by_last, chars[len - 1], set->n_words);
      if (chars[0] < 0x10000)
        set->may_start[chars[0] >> 3] |= (guint8) (1u << (chars[0] & 7));
      if (chars[len - 1] < 0x10000)
        set->may_end[chars[len - 1] >> 3] |= (guint8) (1u << (chars[len - 1] & 7));
      else
        set->has_astral_end = TRUE;
      set->max_len = MAX (set->max_len, (guint) len);
      set->n_words++;
    }

  /* a table at most half full */
  set->mask = 15;
  while (set->mask + 1 < 2 * MAX (g_hash_table_size (by_first), g_hash_table_size (by_last)))
    set->mask = set->mask * 2 + 1;
  set->by_first = flatten (set, by_first, bucket_words);
  set->by_last = flatten (set, by_last, bucket_words);
  set->bucket_words = (guint *) g_array_free (bucket_words, FALSE);

  return set;
}

#define WORD_SET_FROM_STRINGS(array) word_set_new (array, sizeof (array[0]), G_N_ELEMENTS (array))

gboolean
figures_word_set_may_start (const FiguresWordSet *set, gunichar c)
{
  if (c < 0x10000)
    return (set->may_start[c >> 3] & (1u << (c & 7))) != 0;
  return slot_lookup (set->by_first, set->mask, c) != NULL;
}

const guint8 *
figures_word_set_start_bitmap (const FiguresWordSet *set)
{
  return set->may_start;
}

gsize
figures_word_set_match (
  const FiguresWordSet *set, const gunichar *text, gsize n, gsize pos, guint *index)
{
  const Slot *bucket;
  gunichar c;

  if (pos >= n)
    return 0;
  c = text[pos];
  if (c < 0x10000 && !(set->may_start[c >> 3] & (1u << (c & 7))))
    return 0;

  bucket = slot_lookup (set->by_first, set->mask, c);
  if (bucket == NULL)
    return 0;

  for (guint b = 0; b < bucket->len; b++)
    {
      const Word *w = &set->words[set->bucket_words[bucket->start + b]];
      guint k;

      if (pos + w->len > n)
        continue;
      for (k = 1; k < w->len; k++)
        if (text[pos + k] != w->chars[k])
          break;
      if (k == w->len)
        {
          if (index != NULL)
            *index = w->index;
          return w->len;
        }
    }

  return 0;
}

gsize
figures_word_set_match_ending (
  const FiguresWordSet *set, const gunichar *text, gsize lo, gsize end, guint *index)
{
  const Slot *bucket;

  if (end == 0 || end <= lo)
    return 0;
  if (text[end - 1] < 0x10000)
    {
      if (!(set->may_end[text[end - 1] >> 3] & (1u << (text[end - 1] & 7))))
        return 0;
    }
  else if (!set->has_astral_end)
    return 0;

  bucket = slot_lookup (set->by_last, set->mask, text[end - 1]);
  if (bucket == NULL)
    return 0;

  for (guint b = 0; b < bucket->len; b++)
    {
      const Word *w = &set->words[set->bucket_words[bucket->start + b]];
      gsize start;
      guint k;

      if (w->len > end - lo)
        continue;
      start = end - w->len;
      for (k = 0; k + 1 < w->len; k++)
        if (text[start + k] != w->chars[k])
          break;
      if (k + 1 >= w->len)
        {
          if (index != NULL)
            *index = w->index;
          return w->len;
        }
    }

  return 0;
}

gboolean
figures_word_set_find_last (const FiguresWordSet *set,
                            const gunichar *text,
                            gsize lo,
                            gsize hi,
                            gsize *found,
                            gsize *found_len,
                            guint *index)
{
  /* The word ending last wins; among those, the longest. Scan the end
   * positions backwards. */
  for (gsize end = hi; end > lo; end--)
    {
      guint idx = 0;
      gsize len = figures_word_set_match_ending (set, text, lo, end, &idx);

      if (len > 0)
        {
          if (found != NULL)
            *found = end - len;
          if (found_len != NULL)
            *found_len = len;
          if (index != NULL)
            *index = idx;
          return TRUE;
        }
    }

  return FALSE;
}

/* ------------------------------------------------------------------ */

static FiguresRules rules;
static FiguresWordSet *unit_blockers[G_N_ELEMENTS (unit_rules)];

static FiguresWordSet *
word_set_from_alternatives (const char *alternatives)
{
  g_auto (GStrv) words = NULL;

  if (alternatives == NULL)
    return NULL;
  words = g_strsplit (alternatives, "|", -1);
  return word_set_new (words, sizeof words[0], g_strv_length (words));
}

const FiguresRules *
figures_rules_get (void)
{
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      rules.units = word_set_new (unit_rules, sizeof unit_rules[0], G_N_ELEMENTS (unit_rules));
      rules.nouns = word_set_new (noun_rules, sizeof noun_rules[0], G_N_ELEMENTS (noun_rules));
      rules.approx_before = WORD_SET_FROM_STRINGS (approx_before_words);
      rules.approx_after = WORD_SET_FROM_STRINGS (approx_after_words);
      rules.funding_verbs = WORD_SET_FROM_STRINGS (funding_verbs);
      rules.training_modifier_heads = WORD_SET_FROM_STRINGS (training_modifier_heads);
      rules.training_outcomes = WORD_SET_FROM_STRINGS (training_outcome_words);
      rules.per_unit = WORD_SET_FROM_STRINGS (per_unit_words);
      rules.each_verbs = WORD_SET_FROM_STRINGS (each_verbs);
      rules.fillers = WORD_SET_FROM_STRINGS (filler_words);
      rules.not_before_number = WORD_SET_FROM_STRINGS (not_before_number_words);
      rules.scope = word_set_new (scope_rules, sizeof scope_rules[0], G_N_ELEMENTS (scope_rules));
      rules.givers_before = WORD_SET_FROM_STRINGS (giver_before_words);
      rules.givers_after = WORD_SET_FROM_STRINGS (giver_after_words);
      rules.place_adverbs = WORD_SET_FROM_STRINGS (place_adverb_words);
      rules.aid_words = WORD_SET_FROM_STRINGS (aid_words);
      rules.phrase_modals = WORD_SET_FROM_STRINGS (phrase_modal_words);
      rules.receive_verbs = WORD_SET_FROM_STRINGS (receive_verb_words);
      rules.receivers_before = WORD_SET_FROM_STRINGS (receiver_before_words);
      rules.receivers_not_before = WORD_SET_FROM_STRINGS (receiver_not_before_words);
      rules.towards = WORD_SET_FROM_STRINGS (towards_words);
      rules.giving_verbs = WORD_SET_FROM_STRINGS (giving_verb_words);
      rules.origins = WORD_SET_FROM_STRINGS (origin_words);
      rules.dateline_ends = WORD_SET_FROM_STRINGS (dateline_end_words);
      rules.title_keys = WORD_SET_FROM_STRINGS (title_key_words);
      rules.county_suffixes = WORD_SET_FROM_STRINGS (county_suffix_words);
      rules.stems_not = WORD_SET_FROM_STRINGS (stem_not_words);
      rules.organisations = WORD_SET_FROM_STRINGS (organisation_words);
      rules.partners = WORD_SET_FROM_STRINGS (partner_words);
      rules.partner_not = WORD_SET_FROM_STRINGS (partner_not_words);
      rules.phrase_breaks = WORD_SET_FROM_STRINGS (phrase_break_words);
      rules.project_not_head = WORD_SET_FROM_STRINGS (project_not_head_words);
      rules.publisher_keys = WORD_SET_FROM_STRINGS (publisher_words);
      rules.town_suffixes = WORD_SET_FROM_STRINGS (town_suffix_words);
      rules.town_not = WORD_SET_FROM_STRINGS (town_not_words);
      rules.town_name_stops = WORD_SET_FROM_STRINGS (town_name_stop_chars);
      rules.bound_before_bare = WORD_SET_FROM_STRINGS (bound_before_bare_words);
      rules.session_bodies = WORD_SET_FROM_STRINGS (session_body_words);
      rules.session_nouns = WORD_SET_FROM_STRINGS (session_noun_words);
      rules.masthead_words = WORD_SET_FROM_STRINGS (masthead_words);
      rules.label_stops = WORD_SET_FROM_STRINGS (label_stop_chars);
      rules.label_verbs = WORD_SET_FROM_STRINGS (label_verb_words);
      rules.list_breakers = WORD_SET_FROM_STRINGS (list_breaker_words);
      rules.progress_words = WORD_SET_FROM_STRINGS (progress_words);
      rules.elided_joins = WORD_SET_FROM_STRINGS (elided_join_words);
      for (guint i = 0; i < G_N_ELEMENTS (unit_rules); i++)
        unit_blockers[i] = word_set_from_alternatives (unit_rules[i].not_followed_by);
      g_once_init_leave (&initialised, 1);
    }

  return &rules;
}

const FiguresUnitRule *
figures_rules_unit (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (unit_rules), NULL);

  return &unit_rules[index];
}

gboolean
figures_rules_unit_blocked (guint index, const gunichar *text, gsize n, gsize pos)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (unit_rules), FALSE);

  figures_rules_get ();
  if (unit_blockers[index] == NULL)
    return FALSE;
  return figures_word_set_match (unit_blockers[index], text, n, pos, NULL) > 0;
}

const FiguresNounRule *
figures_rules_noun (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (noun_rules), NULL);

  return &noun_rules[index];
}

const FiguresScopeRule *
figures_rules_scope (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (scope_rules), NULL);

  return &scope_rules[index];
}

const char *
figures_rules_capital (const char *province)
{
  if (province == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (capital_rules); i++)
    if (strcmp (capital_rules[i].province, province) == 0)
      return capital_rules[i].capital;

  return NULL;
}
