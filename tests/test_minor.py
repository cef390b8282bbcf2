"""Minors: the room label, ages of hosts and spokespersons, guardian consent, child selling and urging."""

from __future__ import annotations

import datetime as dt

import pytest

from review.checks.minor import cn_number, has_minor_label, is_live_script
from review.engine import _text_document, check, check_documents, check_text
from review.ingest import load_document
from review.model import Category, DocKind, Document, Segment, Severity
from tests.fixtures_docs import make_docx, make_xlsx

ON = dt.date(2026, 12, 12)
SERIOUS = (Severity.HIGH, Severity.MEDIUM)

SCRIPT = """\
暖冬家纺 福利专场 直播脚本
直播日期：2026-12-12
直播间：暖冬家纺官方旗舰店　主播：阿青　副播：小林
直播间设置：左上角贴片显示店铺名，右下角显示抽奖规则和开奖时间。{label}
[00:00:10] 主播阿青：家人们晚上好，欢迎来到暖冬家纺的直播间，今天给大家讲两款冬被。
[00:01:00] 副播小林：第一款是大豆纤维冬被，200×230厘米，适合北方有暖气的房间。
[00:02:00] 主播阿青：第二款是羊毛被，被套是纯棉的，摸起来软软的。
[00:03:00] 副播小林：两款都在小黄车，下单送枕套一对，福袋八点开奖。
[00:04:00] 主播阿青：今天就到这里，喜欢的家人点个关注，我们下周见！
"""


def minor(text: str, on: dt.date = ON) -> list[tuple[str, str, str]]:
    """(quote, rule, severity) of the minor findings of a text checked as a script."""
    return [(f.text, f.rule, str(f.severity)) for f in check_text(text, broadcast_date=on) if f.category == "minor"]


def serious_minor(text: str, on: dt.date = ON) -> list[tuple[str, str, str]]:
    return [m for m in minor(text, on) if m[2] in ("high", "medium")]


def doc(name: str, text: str, kind: DocKind):
    return _text_document(name, text, kind)


def run(*docs, on: dt.date = ON):
    report = check_documents(list(docs), [], broadcast_date=on)
    return [f for f in report.findings if f.category == Category.MINOR]


# --- the room label ---------------------------------------------------------------------------
@pytest.mark.parametrize("label", [
    "未成年人需监护人陪同观看", "未成年人须在监护人陪同下观看", "未成年人请在家长陪同下观看",
    "未成年人应在父母陪同下观看", "未满18周岁的观众请在监护人陪同下观看", "未满十八周岁请在家长陪同下观看",
    "青少年请在家长陪同下观看",
])
def test_label_writings_are_accepted(label):
    assert has_minor_label(f"直播间设置：左上角常驻“{label}”。")


@pytest.mark.parametrize("text", [
    "未成年人禁止下单。", "没有标注未成年人需监护人陪同观看", "家长陪同观看更安全",
    "未成年人请勿打赏，监护人可申请退款，陪同观看。",
])
def test_label_look_alikes_are_not_labels(text):
    assert not has_minor_label(text)


def test_script_without_label_gives_one_document_level_finding():
    found = run(doc("脚本.txt", SCRIPT.format(label=""), DocKind.SCRIPT))
    assert [(f.rule, f.text, f.start, f.severity) for f in found] == [("MINOR-LABEL-001", "", None, Severity.MEDIUM)]
    assert found[0].document == "脚本.txt" and found[0].location == "全文"


def test_label_in_script_or_hand_card_satisfies_the_whole_submission():
    script = doc("脚本.txt", SCRIPT.format(label=""), DocKind.SCRIPT)
    card = doc("手卡.docx", "手卡\n直播间设置：常驻贴片“未成年人需监护人陪同观看”", DocKind.HAND_CARD)
    assert run(script, card) == []
    assert run(doc("脚本.txt", SCRIPT.format(label="开场贴片：未成年人需监护人陪同观看。"), DocKind.SCRIPT)) == []


def test_once_per_submission_and_never_for_a_hand_card_alone():
    one = doc("一.txt", SCRIPT.format(label=""), DocKind.SCRIPT)
    two = doc("二.txt", SCRIPT.format(label="").replace("暖冬", "冬暖"), DocKind.SCRIPT)
    assert [f.document for f in run(one, two)] == ["一.txt"]
    card = doc("手卡.txt", "手卡\n" + SCRIPT.format(label=""), DocKind.HAND_CARD)
    assert run(card) == []


def test_snippets_are_not_full_scripts():
    assert is_live_script(doc("a", SCRIPT.format(label=""), DocKind.SCRIPT))
    assert not is_live_script(doc("a", "主播：家人们晚上好，这是全网最低价，首先看成分。", DocKind.SCRIPT))
    assert not is_live_script(doc("a", "产品说明。" * 60, DocKind.SCRIPT))  # long, but nothing of a live room
    assert not is_live_script(doc("a", SCRIPT.format(label=""), DocKind.OTHER))


# --- host and spokesperson ages ---------------------------------------------------------------
HITS = [
    ("给新来的朋友介绍一下，我们今天的主播小美，今年15岁，第一次上播。", "15岁", "MINOR-AGE-001", "high"),
    ("主播小美：大家好，我是小美，今年十四岁，今天第一次直播。", "十四岁", "MINOR-AGE-001", "high"),
    ("主播小美：给大家介绍一下，我今年15岁。", "15岁", "MINOR-AGE-001", "high"),
    ("今天的嘉宾是12岁的小网红果果。", "12岁", "MINOR-AGE-001", "high"),
    ("主播：小禾（2011年4月出生）\n[00:00:10] 主播小禾：家人们晚上好！", "2011年4月出生", "MINOR-AGE-001", "high"),
    ("主播：小禾，出生于2010年12月", "出生于2010年12月", "MINOR-AGE-001", "medium"),  # 15 or 16 on 12-12
    ("主播 林小禾 身份证号110105201104180020", "110105201104180020", "MINOR-AGE-001", "high"),
    ("主播：小雨\n副播阿杰：跟大家介绍一下，小雨今年刚满16岁，第一次当主播。", "刚满16岁", "MINOR-AGE-002", "medium"),
    ("带货主播阿杰今年17岁。", "17岁", "MINOR-AGE-002", "medium"),
    ("主播信息表：小美，15岁，第一次上播。", "15岁", "MINOR-AGE-001", "high"),
    ("主播小美说：我今年15岁。", "15岁", "MINOR-AGE-001", "high"),
    ("主播小雨：我快18岁了，今天第一次来。", "快18岁", "MINOR-AGE-002", "medium"),
    ("我们的小代言人糖糖今年8岁，每天都用这套画笔画画。", "8岁", "MINOR-ENDORSE-001", "high"),
    ("我们的品牌代言人是9岁的小演员乐乐。", "9岁", "MINOR-ENDORSE-001", "high"),
    ("形象大使朵朵，虚岁11岁。", "虚岁11岁", "MINOR-ENDORSE-001", "medium"),  # 9 or 10
    ("形象大使朵朵，虚岁10岁。", "虚岁10岁", "MINOR-ENDORSE-001", "high"),
]


@pytest.mark.parametrize(("text", "quote", "rule", "severity"), HITS, ids=[h[1] + h[2] for h in HITS])
def test_ages_of_hosts_and_spokespersons(text, quote, rule, severity):
    assert (quote, rule, severity) in minor(text)


TRAPS = [
    "副播阿杰：我家儿子今年6岁，穿的是120码。",
    "主播小美：这款羽绒服适用年龄3-12岁，18岁以上的家长可以选成人码。",
    "代言人推荐：适用年龄6岁，小零件较多。",
    "副播阿杰：有位妈妈留言说她女儿9岁，身高135，穿哪个码？",
    "主播小雨：谢谢大家！我表妹今年14岁，她最爱吃我们家的蛋黄酥。",
    "主播小美：我15岁那年第一次用这个牌子的面霜。",
    "主播小美：我16岁就开始学化妆了。",
    "主播林小禾：我们这个品牌今年15岁了，是个老牌子。",
    "主播：这款积木主播推荐的6岁能玩，主播家小朋友8岁玩得很开心。",
    "主播：13岁到16岁的青少年都能穿，14岁以下的小朋友请让家长来下单哦。",
    "主播小美：我女儿今年5岁，特别喜欢这个水杯。",
    "主播：刚才有个姐妹说她15岁的时候就用过。",
    "主播：宝宝们，这款奶粉适合1-3岁宝宝，6个月以上也能喝。",
    "主播小美：我今年28岁，皮肤是混干。",
    "主播：我们店开了15年，保质期18个月。",
    "嘉宾是80岁的老师傅，做了一辈子蛋黄酥。",
    "主播：这款口红适合20多岁的女生。",
    "主播：很多十几岁的小姑娘也在用。",
    "我们的品牌代言人林老师今年38岁，她家孩子也在用这款杯子。",
    "代言人今年12岁，是少儿主持人。",
    "副播：我2008年出生的，今年刚好18岁。",
    "主播：限购：未满18周岁请勿购买酒类商品。",
    "主播：我们的达人推荐官，今年25岁。",
    "副播：听说主播小时候8岁就会做饭。",
    "代言人：某某，1990年出生，演员。",
]


@pytest.mark.parametrize("text", TRAPS)
def test_other_ages_never_count(text):
    assert serious_minor(text) == []


def _id_number(birth: str, sequence: str = "002") -> str:
    """A Beijing (110105) ID number for a YYYYMMDD birth date, with its check character."""
    from stdnum.cn import ric

    body = f"110105{birth}{sequence}"
    return body + ric.calc_check_digit(body + "0")


def test_host_age_from_id_turns_on_the_day_after_the_birthday():
    text = f"主播：小禾　身份证号{_id_number('20101212')}"
    assert {r for _, r, _ in minor(text, dt.date(2026, 12, 12))} == {"MINOR-AGE-001"}   # 16th birthday: still 15
    assert {r for _, r, _ in minor(text, dt.date(2026, 12, 13))} == {"MINOR-AGE-002"}   # 16 from the next day
    assert minor(text, dt.date(2028, 12, 13)) == []


def test_consent_on_record_lowers_the_16_to_17_finding_to_a_reminder():
    with_consent = "主播：小雨（17岁，已取得监护人书面同意，同意书由运营部存档）"
    assert minor(with_consent) == [("17岁", "MINOR-AGE-002", "low")]
    missing = "主播：阿杰（2009年8月20日出生）。备注：监护人同意书待补。"
    assert minor(missing) == [("2009年8月20日出生", "MINOR-AGE-002", "medium")]
    policy = "主播小雨今年17岁。16至17周岁主播需取得监护人书面同意。"
    assert minor(policy) == [("17岁", "MINOR-AGE-002", "medium")]


def test_consent_in_another_document_counts():
    script = doc("脚本.txt", "主播：小雨（17岁）\n未成年人需监护人陪同观看", DocKind.SCRIPT)
    letter = doc("监护人同意书.txt", "监护人书面同意书\n本人同意孩子小雨参加直播营销工作。监护人：王某", DocKind.OTHER)
    assert [(f.rule, f.severity) for f in run(script)] == [("MINOR-AGE-002", Severity.MEDIUM)]
    assert [(f.rule, f.severity) for f in run(script, letter)] == [("MINOR-AGE-002", Severity.LOW)]


def test_under_16_stays_high_with_consent():
    assert ("15岁", "MINOR-AGE-001", "high") in minor("主播小美今年15岁，已取得监护人书面同意。")


def test_crew_tables(tmp_path):
    card = make_xlsx(tmp_path / "手卡.xlsx", {
        "商品": [["序号", "品名", "话术"], [1, "积木", "适用年龄3岁以上"]],
        "主播信息": [["项目", "内容"], ["主播", "阿杰"], ["出生日期", "2009年8月20日"], ["副播", "小周"],
                  ["年龄", "24岁"], ["备注", "监护人同意书待补"]],
        "出镜人员": [["角色", "姓名", "年龄"], ["主播", "小美", 15], ["代言人", "糖糖", "8岁"],
                  ["粉丝代表", "王阿姨", 9]],
        "中奖名单": [["昵称", "年龄"], ["小鹿", 12]],
    })
    d = load_document(str(card))
    found = sorted((f.text, f.rule, str(f.severity)) for f in run(d))
    assert found == [("15", "MINOR-AGE-001", "high"), ("2009年8月20日", "MINOR-AGE-002", "medium"),
                     ("8岁", "MINOR-ENDORSE-001", "high")]


def test_crew_table_with_id_numbers_in_a_docx_script(tmp_path):
    path = make_docx(tmp_path / "脚本.docx", [
        "山野坚果 周末零食专场 直播脚本", "直播日期：2026-12-12",
        [["角色", "姓名", "身份证号"], ["主播", "林小禾", "110105201104180020"],
         ["副播", "周大山", "110105199007020033"]],
        "主播林小禾：我妹妹今年10岁，放学回家第一件事就是找坚果。",
    ])
    report = check([path])
    minor_found = [(f.text, f.rule) for f in report.findings if f.category == "minor" and f.text]
    assert minor_found == [("110105201104180020", "MINOR-AGE-001")]
    assert report.broadcast_date == ON


def test_a_name_introduced_with_a_role_carries_it():
    assert minor("主播：小雨　副播：阿杰\n副播阿杰：小雨今年刚满16岁。") == [("刚满16岁", "MINOR-AGE-002", "medium")]
    assert minor("顾客：小雨\n副播阿杰：小雨今年刚满16岁。") == []


# --- children used to sell, and urging children ------------------------------------------------
@pytest.mark.parametrize(("text", "rule", "severity"), [
    ("请我们的萌娃模特朵朵来给大家推荐一下这件粉色款！", "MINOR-CHILD-001", "medium"),
    ("请我们的萌娃模特朵朵（7岁）来给大家推荐一下这件粉色款！", "MINOR-ENDORSE-001", "high"),
    ("今晚请到了网红儿童豆豆，跟大家一起开箱。", "MINOR-CHILD-001", "medium"),
    ("小朋友们，快让爸爸妈妈给你们下单，穿上新羽绒服暖暖和和过冬！", "MINOR-URGE-001", "high"),
    ("小朋友们看过来，回家缠着爸爸妈妈买一台，周末就能去公园比赛啦！", "MINOR-URGE-001", "high"),
])
def test_children_selling_and_urging(text, rule, severity):
    found = serious_minor(text)
    assert [(r, s) for _, r, s in found] == [(rule, severity)]


@pytest.mark.parametrize("text", [
    "14岁以下的小朋友请让家长来下单哦。",
    "家长朋友们可以根据孩子的身高选择尺码。",
    "我们不鼓励小朋友缠着爸爸妈妈买玩具，理性消费。",
    "我们不会让小朋友给大家推荐商品，童装只由成年主播讲解。",
    "这件羽绒服小朋友穿上很可爱，童星同款的配色。",
    "我家孩子很喜欢，给大家介绍一下这款保温杯。",
    "平台规则禁止利用网红儿童带货。",
])
def test_children_look_alikes(text):
    assert serious_minor(text) == []


def test_chinese_numerals():
    assert [cn_number(t) for t in ("15", "九", "十", "十五", "二十", "二十五", "两", "十十", "百")] == \
        [15, 9, 10, 15, 20, 25, 2, None, None]


def test_consent_is_read_per_row_of_a_crew_table(tmp_path):
    path = make_docx(tmp_path / "手卡.docx", ["年货坚果专场 手卡", "直播日期：2027-01-08", [
        ["角色", "姓名", "出生年月", "监护人书面同意"],
        ["主播", "苏苏", "2010年3月", "已签署（存档编号JH-003）"],
        ["助播", "小北", "2010年5月", "无"],
        ["助播", "小南", "2010年6月", ""],
    ]])
    found = sorted((f.text, str(f.severity), f.message) for f in run(load_document(str(path)), on=dt.date(2027, 1, 8)))
    assert [(t, s) for t, s, _ in found] == [("2010年3月", "low"), ("2010年5月", "medium"), ("2010年6月", "medium")]
    assert "「主播苏苏」" in found[0][2] and "「助播小北」" in found[1][2]


def test_a_consent_header_alone_is_no_record():
    text = "监护人书面同意\n备注\n无\n已核验"
    segs = [Segment(0, 7, "表格1 第1行「监护人书面同意」列"), Segment(8, 10, "表格1 第1行「备注」列"),
            Segment(11, 12, "表格1 第2行「监护人书面同意」列"), Segment(13, 16, "表格1 第2行「备注」列")]
    table = Document("手卡.docx", text, segs, DocKind.HAND_CARD, "", "docx")
    script = doc("脚本.txt", "主播小雨今年17岁。", DocKind.SCRIPT)
    assert [(f.rule, f.severity) for f in run(script, table)] == [("MINOR-AGE-002", Severity.MEDIUM)]


def test_names_from_key_value_tables(tmp_path):
    card = make_xlsx(tmp_path / "手卡.xlsx", {
        "出镜": [["项目", "内容"], ["主播姓名", "小美"], ["童模", "朵朵"]],
        "话术": [["序号", "话术"], [1, "小美今年15岁，朵朵今年7岁。"]],
    })
    found = [(f.text, f.rule) for f in run(load_document(str(card)))]
    assert found == [("15岁", "MINOR-AGE-001")]   # a child model's name is no host; she does not sell here
