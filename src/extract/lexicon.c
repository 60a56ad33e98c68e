/*
 * lexicon: every word of the genre the extraction rules look for, one
 * table per kind, each with what it is for and an example.
 *
 * Order matters where words share a start or an end: the rules take the
 * first match, so compounds come before their parts ("副部长" before
 * "部长", "传达学习" before "传达"). A table changed here changes what the
 * rules read: check `tifa extract` on every readout after an edit.
 *
 * Not for: the rules themselves (people.c, meeting.c, date.c, byline.c,
 * terms.c), nor the page-level words of cleaning (boiler.c).
 */
#include <string.h>
#include "lexicon.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define LIST(a)                                                                                                        \
    { a, COUNT(a) }

int char_in(const char_list *l, uint32_t cp) {
    for (size_t i = 0; i < l->n; i++)
        if (l->cp[i] == cp) return 1;
    return 0;
}

int word_in(const word_list *l, const char *s) {
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->w[i], s) == 0) return 1;
    return 0;
}

/* ------------------------------------------------------------- people */

/* Words that end an official's title: the name follows them
 * ("国务院总理李强", "部党组成员、副部长陈肇雄"). A name may not end with
 * one either ("中央书记处书记" holds no name 处书记). */
static const char *const position_words_w[] = {
    "中央政治局常委", "政治局常委", "领导人", "副经理", "经理", "新闻发言人", "发言人", "调研员", "研究员", "博士生导师", "导师", "司库", "主持人", "召集人", "副教授", "教授", "讲师", "院士", "总书记", "副书记",   "书记",     "副总理", "总理",     "国务委员", "副部长",
    "部长",           "副主任",     "主任",   "副省长",   "省长",     "副市长", "市长",     "副区长",   "区长",
    "副县长",         "县长",       "副主席", "主席",     "副局长",   "局长",   "副司长",   "司长",     "副厅长",
    "厅长",           "副处长",     "处长",   "董事长",   "副总经理", "总经理", "总工程师", "总经济师", "总会计师",
    "总审计师",       "副总裁",     "总裁",   "秘书长",   "副组长",   "组长",   "副院长",   "院长",     "副校长",
    "校长",           "副行长",     "行长",   "署长",     "会长",     "理事长", "社长",     "总编辑",   "政委",
    "司令员",         "常委",       "委员",   "党组成员", "领导",     "负责人", "主委",     "专员",     "巡视员",
    "总监",           "董事",       "监事",   "监事长",   "副委员长", "委员长", "副检察长", "检察长",   "副庭长",
    "庭长",           "副所长",     "所长",   "馆长",     "台长",     "团长",   "参谋长",
    /* heads of prefectures, townships and banners; inspectors; units */
    "副州长", "州长", "副镇长", "镇长", "副乡长", "乡长", "副旗长", "旗长", "盟长", "总督察", "副总督察", "督察长",
    "副科长", "科长", "副厂长", "厂长", "站长", "队长", "审判长", "主编", "总干事", "特派员", "行政长官", "议长",
    /* "领导班子成员林旭昌", "总经理助理王某", "主席提名人选黄斯文" */
    "成员", "助理", "副主委", "人选", "顾问",
    /* the posts of schools, hospitals, courts and firms that speak at
     * their units' meetings: "学生工作辅导员李永婕" */
    "辅导员", "教师", "工程师", "医师", "护士长", "干事", "法官", "检察官", "律师",
    /* a firm's deputy head, as company reports call one: "时代集团副总王晓兰" */
    "副总",
};
const word_list position_words = LIST(position_words_w);

/* Words that follow a title but are not names ("总书记关于…", "部长要求…"):
 * a candidate name that is one of them, or starts with one, is none. */
static const char *const not_names_w[] = {
    "关于", "对于", "同志", "指出", "强调", "要求", "会议", "工作", "重要", "主持", "出席", "讲话", "报告",
    "提出", "表示", "希望", "代表", "一行", "亲自", "专门", "多次", "近日", "今天", "昨天", "日前", "先后",
    "分别", "近期", "随后", "最后", "同时", "首先", "其中", "会上", "会后", "他们", "大家", "委员", "领导",
    "还", "也", "全体", "各位", "各级", "召集", "负责", "统一", "集团", "公司", "优秀",
    /* "大会上，方良元校长…", "…成员单位和机关" */
    "大会", "单位",
    /* "…作工作报告，全面总结回顾了…": how, not who */
    "全面", "系统", "深入", "认真", "简要", "详细", "集中",
    /* "全年主持中心组学习9次": when, not who */
    "全年", "今年", "去年", "当年", "同年", "明年", "上午", "下午", "晚上",
};
const word_list not_names = LIST(not_names_w);

/* Words that end a phrase before 讲话 but never a name: "总书记系列重要讲话",
 * "近期重要讲话" cite a speech, they do not report one. */
static const char *const not_name_ends_w[] = {"重要", "系列", "近期", "有关", "相关", "最新"};
const word_list not_name_ends = LIST(not_name_ends_w);

/* Common surnames (374): where a name is read from a weak pattern
 * (a name with its title after it inside a list, "庄伟匡董事长"), its
 * first character must be one, so that "国家主席", "中共中央政治局常委"
 * give no name "国家", "中共". */
static const uint32_t surnames_cp[] = {
    0x738b, 0x674e, 0x5f20, 0x5218, 0x9648, 0x6768, 0x9ec4, 0x8d75, 0x5434, 0x5468, 0x5f90, 0x5b59, 0x9a6c,
    0x6731, 0x80e1, 0x90ed, 0x4f55, 0x9ad8, 0x6797, 0x7f57, 0x90d1, 0x6881, 0x8c22, 0x5b8b, 0x5510, 0x8bb8,
    0x97e9, 0x51af, 0x9093, 0x66f9, 0x5f6d, 0x66fe, 0x8096, 0x7530, 0x8463, 0x8881, 0x6f58, 0x4e8e, 0x848b,
    0x8521, 0x4f59, 0x675c, 0x53f6, 0x7a0b, 0x82cf, 0x9b4f, 0x5415, 0x4e01, 0x4efb, 0x6c88, 0x59da, 0x5362,
    0x59dc, 0x5d14, 0x949f, 0x8c2d, 0x9646, 0x6c6a, 0x8303, 0x91d1, 0x77f3, 0x5ed6, 0x8d3e, 0x590f, 0x97e6,
    0x4ed8, 0x65b9, 0x767d, 0x90b9, 0x5b5f, 0x718a, 0x79e6, 0x90b1, 0x6c5f, 0x5c39, 0x859b, 0x95eb, 0x6bb5,
    0x96f7, 0x4faf, 0x9f99, 0x53f2, 0x9676, 0x9ece, 0x8d3a, 0x987e, 0x6bdb, 0x90dd, 0x9f9a, 0x90b5, 0x4e07,
    0x94b1, 0x4e25, 0x8983, 0x6b66, 0x6234, 0x83ab, 0x5b54, 0x5411, 0x6c64, 0x5e38, 0x6e29, 0x5eb7, 0x65bd,
    0x6587, 0x725b, 0x6a0a, 0x845b, 0x90a2, 0x5b89, 0x9f50, 0x6613, 0x4e54, 0x4f0d, 0x5e9e, 0x989c, 0x502a,
    0x5e84, 0x8042, 0x7ae0, 0x9c81, 0x5cb3, 0x7fdf, 0x6bb7, 0x8a79, 0x7533, 0x6b27, 0x803f, 0x5173, 0x5170,
    0x7126, 0x4fde, 0x5de6, 0x67f3, 0x7518, 0x795d, 0x5305, 0x5b81, 0x5c1a, 0x7b26, 0x8212, 0x962e, 0x67ef,
    0x7eaa, 0x6885, 0x7ae5, 0x51cc, 0x6bd5, 0x5355, 0x5b63, 0x88f4, 0x970d, 0x6d82, 0x6210, 0x82d7, 0x8c37,
    0x76db, 0x66f2, 0x7fc1, 0x5189, 0x9a86, 0x84dd, 0x8def, 0x6e38, 0x8f9b, 0x9773, 0x7ba1, 0x67f4, 0x8499,
    0x9c8d, 0x534e, 0x55bb, 0x7941, 0x84b2, 0x623f, 0x6ed5, 0x5c48, 0x9976, 0x89e3, 0x725f, 0x827e, 0x5c24,
    0x9633, 0x65f6, 0x7a46, 0x519c, 0x53f8, 0x5353, 0x53e4, 0x5409, 0x7f2a, 0x7b80, 0x8f66, 0x9879, 0x8fde,
    0x82a6, 0x9ea6, 0x891a, 0x5a04, 0x7aa6, 0x621a, 0x5c91, 0x666f, 0x515a, 0x5bab, 0x8d39, 0x535c, 0x51b7,
    0x664f, 0x5e2d, 0x536b, 0x7c73, 0x67cf, 0x5b97, 0x77bf, 0x6842, 0x5168, 0x4f5f, 0x5e94, 0x81e7, 0x95f5,
    0x82df, 0x90ac, 0x8fb9, 0x535e, 0x59ec, 0x5e08, 0x548c, 0x4ec7, 0x683e, 0x968b, 0x5546, 0x5201, 0x6c99,
    0x8363, 0x5deb, 0x5bc7, 0x6851, 0x90ce, 0x7504, 0x4e1b, 0x4ef2, 0x865e, 0x6556, 0x5de9, 0x660e, 0x4f58,
    0x6c60, 0x67e5, 0x9ebb, 0x82d1, 0x8fdf, 0x909d, 0x6817, 0x4e18, 0x4e60, 0x56de, 0x5c09, 0x90c1, 0x5b93,
    0x661d, 0x8a3e, 0x961a, 0x94ae, 0x6641, 0x5df4, 0x7cdc, 0x82fb, 0x853a, 0x77eb, 0x8bf8, 0x595a, 0x660c,
    0x51e4, 0x9146, 0x5ec9, 0x5085, 0x76ae, 0x8427, 0x6e5b, 0x79b9, 0x72c4, 0x8d1d, 0x4f0f, 0x8c08, 0x8305,
    0x88d8, 0x8d32, 0x676d, 0x6d2a, 0x5d47, 0x6ed1, 0x8340, 0x7f8a, 0x65bc, 0x60e0, 0x82ae, 0x7fbf, 0x50a8,
    0x6c72, 0x90b4, 0x4e95, 0x4e4c, 0x5f13, 0x9697, 0x84ec, 0x90d7, 0x73ed, 0x4ef0, 0x4f0a, 0x94ad, 0x5389,
    0x620e, 0x7956, 0x675f, 0x5e78, 0x97f6, 0x90dc, 0x84df, 0x8584, 0x5bbf, 0x6000, 0x90b0, 0x9102, 0x5c60,
    0x9634, 0x80e5, 0x8398, 0x8d21, 0x9004, 0x5835, 0x5bb0, 0x90e6, 0x96cd, 0x74a9, 0x6fee, 0x5bff, 0x6248,
    0x71d5, 0x5180, 0x90cf, 0x6d66, 0x960e, 0x6155, 0x8339, 0x5ba6, 0x9c7c, 0x6208, 0x5ebe, 0x66a8, 0x8861,
    0x5321, 0x7984, 0x9619, 0x6bb3, 0x6c83, 0x851a, 0x5914, 0x538d, 0x52fe, 0x878d, 0x6bcb, 0x4e5c, 0x97a0,
    0x4e30, 0x5de2, 0x84af, 0x8346, 0x7afa, 0x902f, 0x76d6, 0x6853, 0x4edd, 0x5eb9,
    /* 强 (强卫), 过 (过勇), 展 (展涛), 云 */
    0x5f3a, 0x8fc7, 0x5c55, 0x4e91
};
const char_list surnames = LIST(surnames_cp);

/* Characters that never open a name: 的 了 在 和 与 及 等 并 对, and verbs
 * and particles that open a phrase (作 做 要 把 被 从 以 就 处 纷 不). */
static const uint32_t name_bad_first_cp[] = {0x7684, 0x4E86, 0x5728, 0x548C, 0x4E0E, 0x53CA, 0x7B49, 0x5E76, 0x5BF9,
                                             0x4F5C, 0x505A, 0x8981, 0x628A, 0x88AB, 0x4ECE, 0x4EE5, 0x5C31, 0x5904,
                                             0x7EB7, 0x4E0D, 0x5404 /* 各: "各部门负责人代表" */,
                                             0x4ED6, 0x5979 /* 他, 她: "他表示" */};
const char_list name_bad_first = LIST(name_bad_first_cp);

/* Characters that never close a name: 的 所 了 等 end a phrase that cites a
 * speech ("局长卢进的讲话精神", "主席唐庆明所作的"). */
static const uint32_t name_bad_last_cp[] = {0x7684, 0x6240, 0x4E86, 0x7B49, 0x5E76 /* 并 */};
const char_list name_bad_last = LIST(name_bad_last_cp);

/* What follows a speaker's name and title: after 出席, one of these says
 * the one name before it spoke rather than sat ("李强出席会议并讲话"). */
static const char *const speech_triggers_w[] = {
    "出席会议并发表重要讲话",
    "出席会议并作重要讲话",
    "出席会议并讲话",
    "出席会议并致辞",
    "出席并讲话",
    "在会上发表重要讲话",
    "在会上讲话",
    "在会上发表讲话",
    "作工作报告",
    "作了工作报告",
    "作重要讲话",
    "发表重要讲话",
    "作主题报告",
    "作总结讲话",
    "作报告",
    "作了题为",
    "出席会议并作",
    "作《",
    "作了《",
    "讲话",
};
const word_list speech_triggers = LIST(speech_triggers_w);

/* A speech named by its noun alone: "…讲话", "…致辞", "…发言". */
static const char *const speech_bare_w[] = {"讲话", "讲了话", "致辞", "发言", "发了言", "主讲", "演说", "演讲", "讲授", "授课", "讲意见", "致词",
                                             "致开幕词", "致闭幕词", "致欢迎词", "致贺词", "致答谢词",
                                             /* 辞 as often as 词 */
                                             "致开幕辞", "致闭幕辞", "致欢迎辞", "致贺辞", "致答谢辞", "致祝酒辞", "致祝酒词",
                                             "致祝词", "致祝辞",
                                             /* "镇党委书记丁文立回顾总结了…工作", "总经理周小林总结安排工作" */
                                             "回顾总结", "总结回顾", "总结安排", "总结部署", "简要回顾", "回顾了",
                                             /* "代表常委会，向大会报告…提案工作情况" */
                                             "向大会报告", "向会议报告", "向全会报告"};
const word_list speech_bare = LIST(speech_bare_w);

/* Verbs that make a speech when 讲话, 报告 or 致辞 follows in the clause:
 * "发表重要讲话", "作《…》工作报告", "做了报告". */
static const char *const speech_verbs_w[] = {"发表", "作", "做", "进行", "交流", "畅谈", "谈"};
const word_list speech_verbs = LIST(speech_verbs_w);

/* What a speech verb makes, later in its clause: "作《…》工作报告",
 * "作了起草说明", "进行大会发言", "作总结讲话", "进行了述职". */
static const char *const speech_nouns_w[] = {"讲话", "报告", "致辞", "说明", "发言", "总结", "述职",
                                             "点评", "讲评", "动员", "部署", "布置", "辅导", "宣讲", "演说", "演讲", "致词", "意见书",
                                             "体会", "心得", "感想", "感悟", "介绍", "通报", "汇报", "解读", "发布",
                                             "讲座", "党课",
                                             /* "作会议小结"; a 民主生活会's "进行了对照检查" */
                                             "小结", "对照检查"};
const word_list speech_nouns = LIST(speech_nouns_w);

/* Verbs that report what a person at the meeting said: "李红强调，…",
 * "张伟副书记表示", "刘金红在会上指出", and a spokesman's "答记者问". */
static const char *const said_verbs_w[] = {"强调", "指出", "要求", "表示", "认为", "希望", "说", "称", "报告工作", "充分肯定", "报告了",
                                        "答记者问", "回答记者提问", "回答记者的提问", "回答了记者提问"};
const word_list said_verbs = LIST(said_verbs_w);

/* What may open the words between a speaker's name and the verb: "在会上",
 * "在点评时", "就…", "对…", "代表…", "受…委托", "结合…", "也", "还". */
static const char *const speaker_openers_w[] = {"在", "就", "对", "向", "代表", "受", "结合", "围绕", "针对",
                                                "也", "还", "亦", "将", "随后", "最后", "又", "同志", "先生",
                                                "分别", "女士", "首先", "接着", "同时", "传达", "通报", "宣读", "介绍",
                                                "先后", "相继", "踊跃", "依次", "轮流",
                                                /* "李培林应邀为全省领导干部作了…专题辅导" */
                                                "为"};
const word_list speaker_openers = LIST(speaker_openers_w);

/* After a comma inside a speaker's phrase, the prepositions that go on
 * with the same subject: "对前一阶段工作给予了肯定，对下一步工作提出要求",
 * "分别结合各自工作实践，从…等方面作了发言", "…代表…组，围绕…发言". */
static const char *const clause_goes_on_w[] = {"对", "就", "从", "围绕", "结合", "针对", "紧扣", "立足", "联系"};
const word_list clause_goes_on = LIST(clause_goes_on_w);

/* Words that give one verb to every name of the list before them: "…分别
 * 作了发言", "胡锦涛、温家宝先后发表重要讲话", "杨勋、尤淑瑞等委员踊跃发言". */
static const char *const each_words_w[] = {"分别", "先后", "相继", "踊跃", "依次", "轮流"};
const word_list each_words = LIST(each_words_w);

/* What makes a mention of a person a citation of a speech or an
 * instruction, not a report of this meeting: "习近平总书记重要讲话精神". */
static const char *const citation_marks_w[] = {"讲话精神", "重要指示", "重要论述", "重要批示", "指示批示", "批示精神",
                                               "指示精神", "的重要讲话", "上的重要讲话", "的讲话", "系列重要讲话"};
const word_list citation_marks = LIST(citation_marks_w);

/* Verbs before a person that make the mention a citation: "传达学习习近平
 * 总书记…", "深入贯彻…". */
static const char *const citing_verbs_w[] = {"传达", "学习", "贯彻", "领会", "落实", "研读"};
const word_list citing_verbs = LIST(citing_verbs_w);

/* The verbs that take up an event while it is fresh: a meeting that
 * 传达/学习 a plenum is held in the months after it; one that 贯彻/落实 a
 * congress may be years later ("必须全面深入贯彻党的十九大精神"); one just
 * over ("刚刚结束的十一届全国人大一次会议") is fresh too. */
static const char *const fresh_verbs_w[] = {"传达", "学习", "研读", "结束的", "闭幕的"};
const word_list fresh_verbs = LIST(fresh_verbs_w);

/* What may stand between a speaker's name and the speech: "出席会议并讲话",
 * "在会上发表讲话", "院长肖扬将作重要讲话" (将, 还, 亦, 也). */
static const char *const speaker_leads_w[] = {"出席会议并", "出席并", "在会上", "在会议上", "在大会上",
                                              "在会中",     "亦",     "也",     "将",     "还",     "则",     "会上",
                                              /* "阚青鹤专程出席会议，并致欢迎辞" */
                                              "专程", "亲自", "专门", "特地", "应邀"};
const word_list speaker_leads = LIST(speaker_leads_w);

/* After a bare name opening a sentence, the phrases that make it a speaker:
 * "习近平在会上发表重要讲话", "李克强在讲话中对…". */
static const char *const speaker_places_w[] = {"在会上", "在大会上", "在会议上", "在会中", "在讲话中", "出席会议并"};
const word_list speaker_places = LIST(speaker_places_w);

/* Attending, before 并 and the speech: "出席会议并讲话", "莅临会议并作重要
 * 讲话", "到会并讲话". */
static const char *const attend_verbs_w[] = {"出席", "参加", "莅临", "到会", "列席", "亲临"};
const word_list attend_verbs = LIST(attend_verbs_w);

/* What a chair goes on doing in clauses without a subject after 主持召开…:
 * "主持召开市委常委会议，传达贯彻…精神，强调…". */
static const char *const chair_goes_on_w[] = {"传达", "研究", "部署", "听取", "审议", "学习", "讨论", "分析", "通报"};
const word_list chair_goes_on = LIST(chair_goes_on_w);

/* "今天" and its parts of the day, as a news report writes them: "今午在
 * 北京开始举行", "今晨". */
static const char *const today_words_w[] = {"今天", "今日", "今午", "今晨", "今早", "今晚"};
const word_list today_words = LIST(today_words_w);

/* What a year plans, right after "YYYY年(度)": "2025年重点工作", "2012年度
 * 主要工作安排", "2011年政府工作报告", "2007年工作要点". */
static const char *const plan_nouns_w[] = {"重点", "主要任务", "主要工作", "工作要点", "工作安排", "工作计划",
                                           "工作思路", "政府工作报告"};
const word_list plan_nouns = LIST(plan_nouns_w);

/* Verbs that end the words before a titled name: "听取和讨论省委书记倪岳峰
 * 的讲话" (the title is 省委书记). */
static const char *const hearing_verbs_w[] = {"听取", "讨论", "审议", "邀请", "请"};
const word_list hearing_verbs = LIST(hearing_verbs_w);

/* What may stand before a title word within the title: "常务副校长",
 * "执行主席", "第一书记", "专职副主席". */
static const char *const title_modifiers_w[] = {"常务", "执行", "第一", "专职"};
const word_list title_modifiers = LIST(title_modifiers_w);

/* Whom a speech addresses: a paragraph of nothing but these (joined by
 * 、，) and a colon opens a speech's text, not a report of a meeting
 * ("各位代表、同志们：", "同志们："). */
static const char *const salutations_w[] = {"同志们", "各位代表", "各位委员", "各位来宾", "各位领导", "同学们",
                                            "老师们", "女士们", "先生们", "朋友们", "各位嘉宾"};
const word_list salutations = LIST(salutations_w);

/* What the object of 出席 is when it is this meeting or one of its
 * sittings ("出席会议并讲话", "出席闭幕会并讲话"). */
static const char *const this_meeting_w[] = {"会议", "本次会议", "此次会议", "会", "今天的会议", "开幕会", "闭幕会",
                                             "开幕式", "闭幕式", "开幕大会", "闭幕大会", "全体会议",
                                             /* "出席了大会并作了重要讲话": the meeting reported */
                                             "大会", "本次大会", "此次大会", "集会"};
const word_list this_meeting = LIST(this_meeting_w);

/* A meeting's name holding one of these names its body already ("十三届县委
 * 第32次常委会会议", "第25次部党组会议"): the chair's title adds no owner. */
static const char *const names_a_body_w[] = {"县", "市", "区", "州", "省", "部", "政府", "院", "局", "厅"};
const word_list names_a_body = LIST(names_a_body_w);

/* The page's own body named by a common noun: no place a meeting is held
 * in ("在公司以现场投票表决的方式召开"). */
static const char *const own_bodies_w[] = {"公司", "学校", "单位", "机关", "集团", "医院", "本院", "我院", "本校", "我校"};
const word_list own_bodies = LIST(own_bodies_w);

/* Words no title holds: a title before a name starts after them ("本部部门
 * 向公司党委书记、董事长X", "按照国家主席X的要求", "四是集团公司董事长X"
 * is handled by the numeral before 是). */
static const char *const title_breaks_w[] = {"向", "按照", "依照", "根据", "需要", "把", "被", "给", "让",
                                             "对于", "关于", "届时", "随后", "会上", "会后", "报道", "是", "接着", "首先", "其次",
                                             "最后", "同时", "此外", "另外", "然后",
                                             /* a headline deck that lost its spaces: "罗清泉等出席王生铁主持",
                                              * "张榕明作提案工作情况报告王刚主持" */
                                             "出席", "报告", "祝贺"};
const word_list title_breaks = LIST(title_breaks_w);

/* The last words of the phrases of a headline deck that lost its spaces
 * ("…工作报告张榕明作…", "…闭幕赵洪祝发表讲话"): a name may follow. */
static const char *const deck_breaks_w[] = {"报告", "说明", "讲话", "主持", "出席", "闭幕", "开幕", "祝贺", "致辞"};
const word_list deck_breaks = LIST(deck_breaks_w);

/* Words a title borrowed from another mention may not hold: they show the
 * words before a name are a clause, not a title ("并发表重要讲话国务院总理",
 * "市政协主席陈长兴率市政协副主席", "…工作报告和工会主席"). */
static const char *const not_in_titles_w[] = {"并", "从", "以", "同", "率", "讲话", "报告", "汇报", "》", "。"};
const word_list not_in_titles = LIST(not_in_titles_w);

/* Nouns for a group of people with no names: a part of a 出席 list made
 * only of them ("…张华，职工代表及全体员工出席了本次大会") closes the named
 * list before it. */
static const char *const people_groups_w[] = {"代表", "员工", "干部", "职工", "同志", "负责人", "成员", "委员", "领导",
                                              "党员", "群众", "嘉宾", "来宾", "师生", "教职工", "人员"};
const word_list people_groups = LIST(people_groups_w);

/* What closes a list of those present before 出席: "刘光和等领导出席会议". */
static const char *const present_groups_w[] = {"等领导同志", "等领导", "等同志", "等人", "等一行", "一行", "等"};
const word_list present_groups = LIST(present_groups_w);

/* A clause with one of these verbs does something else than attend: the
 * attendees before 参加会议 stop there ("副董事长郝晓华主持会议，集团领导、
 * 高管参加会议"). */
static const char *const attendee_stops_w[] = {"主持", "出席", "讲话", "报告", "召开", "举行", "总结", "部署", "发言"};
const word_list attendee_stops = LIST(attendee_stops_w);

/* How attendees took part, which is not who they are: "…班子成员分别在主、
 * 分会场以电视电话会议形式参加会议". */
static const char *const attendee_manner_w[] = {"分别在",     "分别以", "在主会场",  "在分会场",
                                                "在各分会场", "以视频", "以电视电话"};
const word_list attendee_manner = LIST(attendee_manner_w);

/* ------------------------------------------------------------ meetings */

/* Words that end the name of a meeting: "国务院常务会议", "务虚会",
 * "中央经济工作会议". */
static const char *const meeting_words_w[] = {"会议", "会",   "座谈会", "务虚会", "全会",
                                              "年会", "论坛", "大会",   "常委会", "晚宴", "座谈", "讲座",
                                              "集体学习", "专题学习", "读书班", "研讨班", "集会",
                                              /* a study class's opening and closing: "学习班开班式" */
                                              "开班式", "开班仪式", "结业式"};
const word_list meeting_words = LIST(meeting_words_w);

/* The study sessions that 开展 and 进行 hold ("开展…第一次集中学习",
 * "进行了政治理论学习"); elsewhere those verbs hold campaigns. */
static const char *const study_sessions_w[] = {"集中学习", "集体学习", "专题学习", "理论学习", "专题研讨", "学习研讨",
                                               /* "召开理论中心组学习", "召开…专题研学活动", "举行…学习研讨活动" */
                                               "中心组学习", "研学活动", "学习研讨活动", "联学活动"};
const word_list study_sessions = LIST(study_sessions_w);

/* What follows the subject when a meeting is the subject: "…工作会议在京召开",
 * "…大会隆重开幕". */
static const char *const convened_w[] = {"召开", "举行", "开幕", "闭幕", "闭会", "结束", "落幕", "拉开帷幕", "揭幕"};
const word_list convened = LIST(convened_w);

/* Words that end in 会 but are no meeting: "…介绍我省经济社会发展情况". */
static const char *const not_meetings_w[] = {"社会", "机会", "误会", "都会"};
const word_list not_meetings = LIST(not_meetings_w);

/* Bodies that convene meetings end with these: "工业和信息化部", "市政府",
 * "集团党委". */
static const char *const org_suffixes_w[] = {
    "部", "委", "局", "院",   "署",     "办",   "政府", "集团", "公司", "省",     "市",
    "区", "县", "厅", "中心", "委员会", "党委", "党组", "银行", "总局", "办公厅",
};
const word_list org_suffixes = LIST(org_suffixes_w);

/* Bodies besides those of org_suffixes that convene a meeting named by its
 * kind alone: "区政协召开主席会议", "市人大常委会召开党组会议". */
static const char *const convening_bodies_w[] = {"常委会", "政协", "人大",   "大学", "学校", "党支部", "支部",
                                                 "总支",   "工会", "妇联",   "协会", "学会", "联合会", "街道",
                                                 "镇",     "乡",   "村",     "社区", "小组", "中心组", "班子",
                                                 "主席团", "代表团", "委会",
                                                 /* mass organisations and the organs of a body */
                                                 "科协", "工商联", "侨联", "文联", "作协", "社科联", "残联", "团委",
                                                 "机关", "学习组",
                                                 /* a party's or the league's centre: "九三学社中央召开会议" */
                                                 "学社中央", "民盟中央", "民革中央", "民建中央", "民进中央", "台盟中央",
                                                 "致公党中央", "农工党中央", "团中央"};
const word_list convening_bodies = LIST(convening_bodies_w);

/* The kinds that make a meeting generic, up to two of them before 会议:
 * "常委扩大会议", "党组会议", "第53次常务会议". */
static const char *const generic_meeting_kinds_w[] = {"党委常委会", "常委会", "党委会", "党组会", "党组", "党委",
                                                      "常委",       "全体",   "常务",   "主席团", "主席", "主任",
                                                      "专题",       "扩大",   "全天",   "全委",   "预备", "委员",
                                                      /* "校党委理论学习中心组…召开学习会" */
                                                      "学习", "集中学习", "集体学习", "领导小组",
                                                      /* "市政协召开各专门委员会会议", "古井镇召开人大主席团会议" */
                                                      "各专门委员会", "专门委员会", "人大主席团"};
const word_list generic_meeting_kinds = LIST(generic_meeting_kinds_w);

/* A body's own organs: a meeting whose name opens with one belongs to the
 * body that holds it ("省政府发展研究中心召开党组理论学习中心组扩大会议" is the
 * centre's 党组…会议, "湖北省检察院举行党组中心组第七次集体学习"). */
static const char *const owned_organs_w[] = {"党组", "党委", "党总支", "党支部", "党工委", "党支委", "理论学习中心组", "中心组",
                                            /* "省建科院召开领导班子会议" */
                                            "领导班子", "班子"};
const word_list owned_organs = LIST(owned_organs_w);

 /* What may stand between a session's 届 and its 次: "十届委员会第三十六次",
 * "十六届人大常委会第八次". */
static const char *const session_bodies_w[] = {"人民代表大会", "人大常委会", "代表大会", "委员会", "常委会", "人大", "政协"};
const word_list session_bodies = LIST(session_bodies_w);

/* What may follow a generic meeting's 会议 (what it did, or a break):
 * "召开常务会议，", "召开党组会议传达学习…". */
static const char *const generic_meeting_next_w[] = {"传达", "研究", "审议", "听取", "学习", "部署", "讨论",
                                                     "通报", "专题", "，",   "。",   "；",   "、"};
const word_list generic_meeting_next = LIST(generic_meeting_next_w);

/* What a meeting did, right after its name: the name ends before them
 * ("国务院常务会议研究部署…"). */
static const char *const meeting_next_verbs_w[] = {"传达", "研究", "审议", "听取", "学习",
                                                   "部署", "讨论", "通报", "专题", "决定"};
const word_list meeting_next_verbs = LIST(meeting_next_verbs_w);

/* Where the body ends in a chair's title: "工业和信息化部党组书记、部长" →
 * 工业和信息化部. */
static const char *const chair_title_cuts_w[] = {"党组",   "党委",   "党工委", "书记", "副",   "总理", "部长",
                                                 "主任",   "省长",   "市长",   "区长", "县长", "主席", "局长",
                                                 "董事长", "总经理", "院长",   "厅长", "常委"};
const word_list chair_title_cuts = LIST(chair_title_cuts_w);

/* ---------------------------------------------------------------- cues */

/* Verbs that open a paragraph after 会议 or a speaker's name: "会议指出",
 * "会议传达学习…"; compounds first, as "传达学习" is one verb. */
static const char *const cue_verbs_w[] = {
    "传达学习", "传达贯彻", "审议通过", "研究部署", "研究讨论", "指出", "强调", "要求", "号召",
    "部署",     "明确",     "认为",     "提出",     "决定",     "听取", "审议", "研究", "讨论",
    "通过",     "传达",     "表示",     "希望",     "同意",     "肯定", "分析",
};
const word_list cue_verbs = LIST(cue_verbs_w);

/* The cue verbs a person takes ("李乐成指出"); the others follow 会议. */
static const char *const person_cue_verbs_w[] = {"指出", "强调", "要求", "表示"};
const word_list person_cue_verbs = LIST(person_cue_verbs_w);

/* ---------------------------------------------------------------- time */

/* Time words and adverbs that stand between a name or a meeting and its
 * verb: "21日上午", "吴文庆局长迅速主持召开". */
static const char *const time_words_w[] = {"上午", "下午", "晚上", "晚",   "全天", "昨天", "昨日", "今天", "今午", "今早", "日前",
                                           "近日", "迅速", "随即", "专门", "亲自", "立即", "再次", "应邀",
                                           "先后", "分别", "正式", "开始", "首次", "集中", "如期", "顺利", "继续", "接着",
                                           "胜利", "今日", "昨晚", "今晨", "当天", "当日", "近期", "上周", "本周", "本月", "日前在",
                                           "此前", "凌晨", "中午", "傍晚", "晚间", "早上", "隆重", "圆满",
                                           "星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日",
                                           "星期天", "周一", "周二", "周三", "周四", "周五", "周六", "周日",
                                           "将", "也", "还", "均", "一同", "共同", "一起", "昨",
                                           /* Hong Kong and Taiwan papers: "习近平前日主持", "日昨" */
                                           "前日", "前天", "前晚", "今晚", "日昨",
                                           /* "副县长阚青鹤专程出席会议" */
                                           "专程", "特地", "特意", "接著", "都悉数", "悉数",
                                           /* "在公司六楼报告厅盛大召开", "在随后召开的座谈会上" */
                                           "盛大", "随后",
                                           /* "崔河会长于百忙中出席会议" */
                                           "于百忙中", "在百忙中", "在百忙之中", "百忙之中",
                                           /* "…王军辉现场出席" */
                                           "现场"};
const word_list time_words = LIST(time_words_w);

/* What sets a date for later: "定于10月25日召开" names another meeting's day. */
static const char *const planned_marks_w[] = {"定于", "拟于", "将于", "计划于", "预计于"};
const word_list planned_marks = LIST(planned_marks_w);

/* Marks of a range of days, read backwards from 日: "22至23日", "22-23日". */
static const char *const date_range_back_w[] = {"至", "到", "-", "－", "—", "～", "~"};
const word_list date_range_back = LIST(date_range_back_w);

/* Marks of a range of days before 日, read forwards: "27-28日", "27至28日". */
static const char *const date_dashes_w[] = {"-", "—", "－", "至", "～"};
const word_list date_dashes = LIST(date_dashes_w);

/* Marks of a range after a full day: "1月22日至23日", "22日到2月1日". */
static const char *const date_ranges_w[] = {"至", "-", "—", "到", "－", "～"};
const word_list date_ranges = LIST(date_ranges_w);

/* Labels of a page's own date: the date after them is when the page was
 * put up, not when the meeting met ("发布时间：2012年2月20日" glued to a
 * headline). Not 时间/日期 alone: "会议时间：3月5日" is the meeting's. */
static const char *const page_date_labels_w[] = {"发布时间", "发布日期", "发表时间", "发表日期", "更新时间", "更新日期",
                                                 "发稿时间", "上传时间", "录入时间", "刊发时间", "发布于"};
const word_list page_date_labels = LIST(page_date_labels_w);

/* Verbs before a year that a meeting plans for: "部署2025年重点任务". */
static const char *const planning_verbs_w[] = {"部署", "谋划", "研究", "研讨", "安排", "部署了"};
const word_list planning_verbs = LIST(planning_verbs_w);

/* The same verbs in a headline: "…部署2026年积极财政政策" gives the meeting
 * no year. */
static const char *const title_planning_verbs_w[] = {"部署", "谋划", "研究", "安排", "研讨"};
const word_list title_planning_verbs = LIST(title_planning_verbs_w);

/* What follows a year that is a target, not a date: "2035年基本实现",
 * "2035年建成科技强国". */
static const char *const year_targets_w[] = {"建成", "基本", "实现", "远景", "前", "以前", "目标", "全面"};
const word_list year_targets = LIST(year_targets_w);

/* ------------------------------------------------------------- bylines */

/* Outlets' names end with these: "新华社", "人民网", "央视台", "河南日报". */
static const char *const outlet_suffixes_w[] = {"社", "网", "台", "报"};
const word_list outlet_suffixes = LIST(outlet_suffixes_w);

/* The endings that make a run an outlet's name where a dateline or byline
 * delimits it ("麦积区融媒体中心讯", "澎湃新闻记者", "某某客户端讯", "国际在线
 * 湖北消息"); the
 * four above, alone, where nothing delimits it ("新华社北京3月5日电"). */
static const char *const outlet_endings_w[] = {"客户端", "中心", "新闻", "网站", "在线", "社", "网", "台", "报"};
const word_list outlet_endings = LIST(outlet_endings_w);

/* A paper or site naming itself: "本报讯", "本网记者" name no outlet. */
static const char *const self_outlets_w[] = {"本报", "本网", "本台", "本刊", "本社", "本站", "本校", "本院", "我校"};
const word_list self_outlets = LIST(self_outlets_w);

/* 来源 values that name no outlet: "原创文章", "网络", "佚名". */
static const char *const no_outlet_values_w[] = {"原创", "网络", "互联网", "佚名", "未知", "转载", "浏览"};
const word_list no_outlet_values = LIST(no_outlet_values_w);

/* A reporter's role between the outlet and 记者: "联合报／特派记者",
 * "南方网讯（全媒体记者", "新华社首席记者". */
static const char *const reporter_roles_w[] = {"全媒体", "融媒体", "特派", "特约", "首席", "实习", "见习", "驻站"};
const word_list reporter_roles = LIST(reporter_roles_w);

/* What a dateline's news mark may be: "东方网1月10日消息", "【明报专讯】",
 * "新华社快讯", "X网讯" (the bare 讯 last). */
static const char *const news_marks_w[] = {"消息", "专讯", "快讯", "讯"};
const word_list news_marks = LIST(news_marks_w);

/* Words ending in 讯 that are no dateline's mark: "加强通讯", "闻讯赶来". */
static const char *const xun_words_w[] = {"通讯", "资讯", "喜讯", "电讯", "音讯", "视讯", "简讯", "传讯",
                                          "审讯", "闻讯", "问讯", "死讯", "佳讯", "噩讯", "讯问"};
const word_list xun_words = LIST(xun_words_w);

/* "新华社报道，…" / "联合报报导，…" opening a lead: who reports it. */
static const char *const report_verbs_w[] = {"报道，", "报导，", "报道：", "报导："};
const word_list report_verbs = LIST(report_verbs_w);

/* Separators between an outlet and 记者 in a byline: "聯合報／ 記者". */
static const uint32_t byline_separators_cp[] = {'/', 0xFF0F /* ／ */, ' ', 0x3000, '|', 0x4E28 /* 丨 */, 0xFF5C};
const char_list byline_separators = LIST(byline_separators_cp);

/* Marks a dateline or byline line may open with: "■香港文汇报记者", "□记者",
 * "（中央社台北29日电）", "【看中国…讯】". */
static const uint32_t line_openers_cp[] = {0x25A0, 0x25A1, 0x25CF, 0x25C6, 0x2022, 0x00B7, '*', ' ', 0x3000,
                                           0xFF08 /* （ */, '(', 0x3010 /* 【 */, 0x300A /* 《 */};
const char_list line_openers = LIST(line_openers_cp);

/* What follows a reporter's name in a byline: "记者张伟报道", "记者李明摄". */
static const char *const byline_after_name_w[] = {"报道", "通讯员", "近日", "日前", "今天",
                                                  "昨天", "昨日",   "摄影", "摄"};
const word_list byline_after_name = LIST(byline_after_name_w);

/* After 记者, characters that make it no byline: "记者从…获悉", "记者了解到",
 * "记者在现场看到" (从 了 获 在 看 问 注 们). */
static const uint32_t not_byline_cp[] = {0x4ECE, 0x4E86, 0x83B7, 0x5728, 0x770B, 0x95EE, 0x6CE8, 0x4EEC};
const char_list not_byline = LIST(not_byline_cp);

/* --------------------------------------------------------- formulations */

/* Nouns that make NUM个XX a count ("研究了四项议题"), not a formulation. */
static const char *const count_nouns_w[] = {
    "议题", "事项", "方面", "问题", "措施", "任务", "工作", "文件", "内容", "议程", "会议", "条例", "报告", "项目",
    "领域", "重点", "部门", "单位", "企业", "省份", "城市", "国家", "小时", "方案", "环节", "阶段", "批次", "成员",
    "小组", "维度", "层面", "步骤", "部分", "月份", "年度", "季度", "星期", "地区", "县区", "乡镇", "街道", "社区",
    "村庄", "专题", "课题", "指标", "板块", "片区", "区域", "类别", "方向", "目标", "要求", "建议", "意见", "原则",
};
const word_list count_nouns = LIST(count_nouns_w);

/* Before NUM个XX, characters that point at counted things: "取得的六项
 * 成绩", "这两个报告", "等四个方面". */
static const uint32_t count_before_cp[] = {0x7684 /* 的 */, 0x8FD9 /* 这 */, 0x90A3 /* 那 */, 0x7B49 /* 等 */,
                                          0x6210 /* 成: 分成五个小组 */, 0x4ECE /* 从: 从六个维度 */,
                                          0x4E86 /* 了: 取得了三项成绩 */, 0x4E3A /* 为: 分为五个小组 */,
                                          0x6709 /* 有: 有三个方面 */, 0x51FA /* 出: 提出三项要求 */};
const char_list count_before = LIST(count_before_cp);

/* After NUM个XX, the list it counts: "三个成功，即：", "五个坚持：一是". */
static const char *const count_list_after_w[] = {"：", "，即", "即", "，一是", "，分别是", "，包括"};
const word_list count_list_after = LIST(count_list_after_w);

/* Han characters that may follow an unquoted NUM个XX without joining it:
 * "两个维护的", "两个大局和", "遵守八项规定中", "四个意识与". */
static const uint32_t set_after_cp[] = {0x7684 /* 的 */, 0x548C /* 和 */, 0x4E0E /* 与 */, 0x53CA /* 及 */,
                                        0x4E2D /* 中 */};
const char_list set_after = LIST(set_after_cp);

/* Words that open with a numeral that is no number: "十分重要" is an
 * adverb, "一切工作", "一定要" are not sets. A quoted term opening with
 * one is not numbered. (一体 is left out: "一体两翼" is a set.) */
static const char *const numeral_words_w[] = {"十分", "一切", "一定", "一些", "一直", "一般", "一起", "一致",
                                              "一同", "一律", "一再", "一旦", "一向", "一贯", "一样", "万分",
                                              /* words whose 百/千/万 counts nothing */
                                              "百科", "百姓", "千方百计", "万众"};
const word_list numeral_words = LIST(numeral_words_w);

/* Quoted names built on a numeral that are no formulation: “两会” names
 * the two annual sessions, not a set of tasks (labelled so 9 times in sets
 * 4-13, a formulation twice). Whole terms only; “两委” stays one. */
static const char *const numeral_names_w[] = {"两会"};
const word_list numeral_names = LIST(numeral_names_w);

/* Classifiers that join a number to the quote after it: 三个“务必” is
 * the formulation 三个务必, 四大“提升工程” is 四大提升工程. */
static const uint32_t quote_classifiers_cp[] = {0x4E2A /* 个 */, 0x5927 /* 大 */, 0x9879 /* 项 */, 0x6761 /* 条 */};
const char_list quote_classifiers = LIST(quote_classifiers_cp);

/* What follows an unquoted plan period: "十四五规划", "十四五时期". */
static const char *const period_after_w[] = {"规划", "时期", "期间", "开局", "末", "以来"};
const word_list period_after = LIST(period_after_w);

/* ------------------------------------------------------------ numerals */

/* Chinese numerals and what each may write. Dates need 廿 卅 and never
 * use 两 百 千; counts of meetings ("两场", "第二十一次") use 零 but not
 * 千; formulations ("两个确立", "十四五") use 千 but not 零 廿 卅. */
const cn_numeral cn_numerals[] = {
    {0x3007 /* 〇 */, NUM_DATE | NUM_COUNT | NUM_TERM},
    {0x96F6 /* 零 */, NUM_DATE | NUM_COUNT},
    {0x4E00 /* 一 */, NUM_DATE | NUM_COUNT | NUM_TERM},
    {0x4E8C /* 二 */, NUM_DATE | NUM_COUNT | NUM_TERM},
    {0x4E09 /* 三 */, NUM_DATE | NUM_COUNT | NUM_TERM},
    {0x56DB /* 四 */, NUM_DATE | NUM_COUNT | NUM_TERM},
    {0x4E94 /* 五 */, NUM_DATE | NUM_COUNT | NUM_TERM},
    {0x516D /* 六 */, NUM_DATE | NUM_COUNT | NUM_TERM},
    {0x4E03 /* 七 */, NUM_DATE | NUM_COUNT | NUM_TERM},
    {0x516B /* 八 */, NUM_DATE | NUM_COUNT | NUM_TERM},
    {0x4E5D /* 九 */, NUM_DATE | NUM_COUNT | NUM_TERM},
    {0x5341 /* 十 */, NUM_DATE | NUM_COUNT | NUM_TERM},
    {0x5EFF /* 廿 */, NUM_DATE},
    {0x5345 /* 卅 */, NUM_DATE},
    {0x4E24 /* 两 */, NUM_COUNT | NUM_TERM},
    {0x767E /* 百 */, NUM_COUNT | NUM_TERM},
    {0x5343 /* 千 */, NUM_TERM},
};
const size_t cn_numerals_n = COUNT(cn_numerals);

int cn_numeral_is(uint32_t cp, unsigned use) {
    for (size_t i = 0; i < cn_numerals_n; i++)
        if (cn_numerals[i].cp == cp) return (cn_numerals[i].uses & use) != 0;
    return 0;
}

/* Other parties' central committees, which share the CPC's plenum names:
 * "九三学社第十一届中央委员会第四次全体会议" is no CPC plenum. */
static const char *const other_parties_w[] = {"学社", "民盟", "民革", "民建", "民进", "台盟", "致公党",
                                              "农工党", "民主党", "同盟", "促进会", "建国会", "工商联", "共青团"};
const word_list other_parties = LIST(other_parties_w);

/* The one-character short names of cities a place after 在 may be
 * ("在京", "在杭"), and 此/那/这; any other single character after 在 is
 * the end of a name ("贺在利出席"). */
static const uint32_t short_places_cp[] = {0x4EAC /* 京 */, 0x6CAA /* 沪 */, 0x6D25 /* 津 */, 0x6E1D /* 渝 */,
                                           0x676D /* 杭 */, 0x5B81 /* 宁 */, 0x7A57 /* 穗 */, 0x84C9 /* 蓉 */,
                                           0x6C49 /* 汉 */, 0x6995 /* 榕 */, 0x7B51 /* 筑 */, 0x6E2F /* 港 */,
                                           0x6FB3 /* 澳 */, 0x6B64 /* 此 */, 0x90A3 /* 那 */, 0x8FD9 /* 这 */};
const char_list short_places = LIST(short_places_cp);

/* The last characters of units, not people, in a list of names ("纪检组",
 * "办公室"). */
static const uint32_t unit_ends_cp[] = {0x7EC4 /* 组 */, 0x90E8 /* 部 */, 0x59D4 /* 委 */, 0x5C40 /* 局 */, 0x9662 /* 院 */,
                                        0x529E /* 办 */, 0x5904 /* 处 */, 0x79D1 /* 科 */, 0x5BA4 /* 室 */, 0x4F1A /* 会 */,
                                        0x56E2 /* 团 */, 0x961F /* 队 */, 0x6240 /* 所 */, 0x5385 /* 厅 */, 0x53F8 /* 司 */};
const char_list unit_ends = LIST(unit_ends_cp);

/* Companies, whose congresses and shareholders' meetings are named in full
 * by their sessions ("一届四次职代会", "2016年第三次临时股东大会"). */
static const char *const companies_w[] = {"公司", "集团", "厂"};
const word_list companies = LIST(companies_w);

/* A page's columns, not outlets, though they end like one ("【两会快报】"). */
static const char *const news_columns_w[] = {"快报", "简报", "专报", "速报", "要报"};
const word_list news_columns = LIST(news_columns_w);

/* Bullets that open the items of a list of news briefs ("◆9月23日，我县…"). */
static const uint32_t bullets_cp[] = {0x25C6 /* ◆ */, 0x25C7 /* ◇ */, 0x25CF /* ● */, 0x25CB /* ○ */, 0x25A0 /* ■ */,
                                      0x25A1 /* □ */, 0x25B2 /* ▲ */, 0x2605 /* ★ */, 0x2606 /* ☆ */, 0x25B6 /* ▶ */,
                                      0x25BA /* ► */, 0x2022 /* • */};
const char_list bullets = LIST(bullets_cp);
