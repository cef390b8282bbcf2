"""Music and footage used in the room without a licence note (category ip; T/ZADT 0013—2025 8.2.3.7.2 a),
8.2.3.6.5 b); 著作权法).

A trigger is a titled work (《…》) with music words (BGM, 背景音乐, 配乐, 歌, 唱 …) or footage words (片段,
剪辑, 名场面, 综艺, 电视剧 …) next to it, a titleless clip (影视剧片段, 综艺片段, 电影剪辑 …) or a popular
song (神曲, 热门歌曲 …). It is cleared when a licence note (已获授权, 版权方授权, 正版曲库, 原创, 自有版权 …)
stands in its own line, or in any line of the submission that names the same work or the same kind
of material (music / footage).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..bundle import Bundle, make_finding
from ..checklist import Rule
from ..model import Finding
from ..nlp import line_bounds
from . import register
from .trademark import clause_bounds

_TITLE = re.compile(r"《([^《》\n]{1,30})》(?:[、和与及]?《[^《》\n]{1,30}》)*")
_MUSIC_WORDS = re.compile(
    r"BGM|bgm|背景音乐|背景乐|配乐|音乐|歌曲|插曲|主题曲|片[头尾]曲|翻唱|清唱|演唱|伴奏|旋律|唱|歌|曲"
)
_FOOTAGE_WORDS = re.compile(
    r"片段|剪辑|名场面|镜头|画面|截图|花絮|混剪|原片|综艺|电视剧|影视剧|电影|纪录片|动画|动漫|短剧|视频|录像|预告片"
)
# a law, standard or guide in 《》 is a citation, not a work played in the room
_CITATION = re.compile(
    r"法|条例|规定|办法|标准|指南|规范|公告|通知|意见|细则|目录|决定|解释|报告|证书|说明书|手册|白皮书|合同|协议"
)
_CLIP = re.compile(
    r"(?:影视剧|电视剧|电影|综艺|动画|动漫|纪录片|短剧|春晚|演唱会|晚会|球赛|赛事|比赛|MV|mv)[^，,。！？!?；;\n]{0,4}?"
    r"(?:片段|剪辑|名场面|经典镜头|原声|截图|花絮|混剪|录像)"
)
_HIT_SONG = re.compile(r"(?:抖音|快手|网络|网红|热门|流行|爆款)?(?:神曲|热歌|热门歌曲|流行歌曲|网红歌曲|流行音乐)")
_LICENCE = re.compile(
    r"已(?:获|获得|取得|经)[^，,。；;\n]{0,12}(?:授权|许可)|授权使用|(?:版权方?|著作权人?|权利人|片方|出品方|唱片公司)授权"
    r"|获得授权|取得授权|授权书|许可使用|使用许可|版权许可|正版曲库|曲库|音乐库|素材库|免版权|无版权|版权免费|免费商用|可商用"
    r"|CC0|原创|自有版权|自制|自拍|自己拍|已购买|购买了?版权|买断|版权归|公有领域"
)
_LICENCE_DENIED = re.compile(r"(?:未|没有|尚未|无|未经|未获|不是)[^，,。\n]{0,4}(?:授权|许可|正版|原创)")
_NEGATED = re.compile(
    r"(?:不要|不得|不能|不可|不准|不许|禁止|严禁|切勿|请勿|避免|别|不|不会|不使用|不播放?|不用)[^，,。！？!?；;…\n]{0,6}$"
)
# a licence note elsewhere in the submission covers the uses of the kind it names
_KIND_WORDS = {"music": re.compile(r"音乐|BGM|bgm|歌曲|曲库|配乐"),
               "footage": re.compile(r"片段|影视|素材|剪辑|综艺|电影|电视剧|纪录片")}
_CONTEXT_BEFORE = 24  # chars of the same line searched for music / footage words
_CONTEXT_AFTER = 12


@dataclass(frozen=True)
class MediaUse:
    """A work or clip used in the room: span, kind (music / footage) and title ('' when untitled)."""

    start: int
    end: int
    kind: str
    title: str


def _titled_uses(text: str) -> list[MediaUse]:
    uses = []
    for m in _TITLE.finditer(text):
        title = m.group(1)
        if _CITATION.search(title):
            continue
        l_lo, l_hi = line_bounds(text, m.start(), m.end())
        before = text[max(l_lo, m.start() - _CONTEXT_BEFORE):m.start()]
        after = text[m.end():min(l_hi, m.end() + _CONTEXT_AFTER)]
        if _FOOTAGE_WORDS.search(after) or _FOOTAGE_WORDS.search(before):
            uses.append(MediaUse(m.start(), m.end(), "footage", title))
        elif _MUSIC_WORDS.search(before) or _MUSIC_WORDS.search(after):
            uses.append(MediaUse(m.start(), m.end(), "music", title))
    return uses


def media_uses(text: str) -> list[MediaUse]:
    """Every titled work, clip or popular song the text says is played, not denied in its clause.

    A clip or song word in a clause that already names a titled work is part of that use.
    """
    uses = _titled_uses(text)
    titled_clauses = {clause_bounds(text, u.start, u.end) for u in uses}
    for rx, kind in ((_CLIP, "footage"), (_HIT_SONG, "music")):
        for m in rx.finditer(text):
            if clause_bounds(text, m.start(), m.end()) not in titled_clauses:
                uses.append(MediaUse(m.start(), m.end(), kind, ""))
    return [u for u in uses if not _NEGATED.search(text[clause_bounds(text, u.start, u.end)[0]:u.start])]


def _licence_lines(bundle: Bundle) -> list[str]:
    """Every line of the submission that carries a licence note."""
    key = "media.licence_lines"
    if key not in bundle.cache:
        lines = []
        for doc in bundle.documents:
            for m in _LICENCE.finditer(doc.text):
                lo, hi = line_bounds(doc.text, m.start(), m.end())
                line = doc.text[lo:hi]
                if not _LICENCE_DENIED.search(line):
                    lines.append(line)
        bundle.cache[key] = lines
    return bundle.cache[key]  # type: ignore[return-value]


def _licensed(use: MediaUse, own_line: str, bundle: Bundle) -> bool:
    if _LICENCE.search(own_line) and not _LICENCE_DENIED.search(own_line):
        return True
    kind_words = _KIND_WORDS[use.kind]
    return any((use.title and use.title in line) or kind_words.search(line) for line in _licence_lines(bundle))


@register("media_licence")
def media_licence(rule: Rule, bundle: Bundle) -> list[Finding]:
    """Songs, BGM and film/TV/variety clips named without a licence note (one finding per work and document)."""
    findings = []
    for doc in bundle.documents_for(rule):
        seen: set[str] = set()
        for use in media_uses(doc.text):
            lo, hi = line_bounds(doc.text, use.start, use.end)
            key = use.title or doc.text[use.start:use.end]
            if key in seen or _licensed(use, doc.text[lo:hi], bundle):
                continue
            seen.add(key)
            findings.append(make_finding(rule, doc, use.start, use.end))
    return findings
