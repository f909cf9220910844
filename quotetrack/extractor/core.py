"""extract(text) -> list[Quote]: the pure core of quotetrack.

text → normalize (offset map kept) → pair quotation marks → tokens and
sentences → attribute cues, speakers and content → Quote with offsets into the
ORIGINAL text. No I/O, no database; depends only on the lexicons and ``regex``.
"""
from __future__ import annotations

import logging
from dataclasses import replace
from functools import lru_cache

import regex

from .attribute import Attributor, RawQuote
from .lexicon import load
from .name_shape import NameShape
from .normalize import Normalized, name_key, normalize
from .cues import compiled
from .quotemarks import QUOTE_CHARS, find_quotes
from .sentences import Sentences, tokenize
from .quote import Quote

EXTRACTOR_VERSION = "0.1.0"

log = logging.getLogger(__name__)

_TRIM = " \n\t\u00a0"


@lru_cache(maxsize=1)
def _attributor() -> Attributor:
    return Attributor(load(), compiled())


@lru_cache(maxsize=1)
def _shape() -> NameShape:
    return NameShape(load())


def _orig(n: Normalized, a: int, b: int) -> tuple[int, int]:
    s, e = n.to_original(a, b)
    t = n.original
    while s < e and t[s] in _TRIM:
        s += 1
    while e > s and t[e - 1] in _TRIM:
        e -= 1
    return s, e


def _to_quote(n: Normalized, r: RawQuote) -> Quote | None:
    text = n.original
    s, e = _orig(n, r.start, r.end)
    if e <= s:
        return None
    ent = r.entity.resolved() if r.entity is not None else None
    mention = ms = me = None
    if r.mention is not None:
        ms, me = _orig(n, *r.mention)
        mention = text[ms:me]
    cue_s = cue_e = None
    cue = None
    if r.cue_start is not None and r.cue_end is not None:
        cue_s, cue_e = _orig(n, r.cue_start, r.cue_end)
        cue = text[cue_s:cue_e]
    kind = ent.kind if ent else None
    if kind == "person" and ent is not None and not ent.name_tokens:
        kind = "anonymous"  # an unnamed person with a role ("المتحدث باسم الوزارة"، "الرئيس الأمريكي")
    elif kind is not None and ent is not None:
        kind = _shape().kind_of(ent.canonical, kind)
    if r.anonymous_hint and kind == "person" and ent is not None and not ent.name_tokens:
        kind = "anonymous"
    return Quote(
        content=text[s:e], start=s, end=e, type=r.type,  # type: ignore[arg-type]
        cue=cue, cue_lemma=r.lemma, stance=r.stance,
        speaker=_balanced(ent.canonical) if ent else None, speaker_kind=kind,  # type: ignore[arg-type]
        gender=(ent.gender if ent and kind == "person" else None),  # type: ignore[arg-type]
        mention=mention, mention_start=ms, mention_end=me,
        title=ent.title if ent and kind == "person" else None,
        via=_balanced(_unquoted(r.via)), channel=r.channel, rule=r.rule, cue_start=cue_s, cue_end=cue_e,
    )


def _balanced(name: str | None) -> str | None:
    """A name without a quotation mark left open by where its phrase ended ('منظمة "مراسلون بلا حدود'):
    unpaired marks go, paired ones stay ('صحيفة "ديلي ستار"' is kept as written)."""
    if not name:
        return name
    for a, b in (("«", "»"), ("“", "”")):
        if name.count(a) != name.count(b):
            name = name.replace(a, "").replace(b, "")
    if name.count('"') % 2:
        name = name.replace('"', "")
    return " ".join(name.split()) or None


def _unquoted(name: str | None) -> str | None:
    """An outlet name without the marks around all of it: «سبق» → سبق (marks inside stay)."""
    if name and len(name) > 2 and name[0] in QUOTE_CHARS and name[-1] in QUOTE_CHARS:
        return name[1:-1].strip() or None
    return name


def without_own_outlet(quotes: list[Quote], outlet: str | None) -> list[Quote]:
    """``quotes`` with ``via`` cleared where it names the article's own outlet: an outlet
    reporting what was said to itself ("في حديثه لـ«سبق»" in Sabq) carried nothing.

    The via matches when one's name key holds the other's as whole words, so
    «صحيفة "عكاظ" السعودية» is Okaz and "الجزيرة" is "الجزيرة (السعودية)".
    """
    own = f" {_outlet_key(outlet)} " if outlet else ""
    if not own.strip():
        return quotes
    out = []
    for q in quotes:
        if q.via:
            v = f" {_outlet_key(q.via)} "
            if v.strip() and (own in v or v in own):
                q = replace(q, via=None)
        out.append(q)
    return out


_MEDIUM_HEADS = frozenset({"صحيفه", "جريده", "قناه", "موقع", "اذاعه", "راديو", "وكاله", "مجله", "شبكه", "تلفزيون"})
_PLATFORM_VIA = regex.compile(r"^(?:موقع |شبكه |منصه |حساب )?(?:ال)?(?:تواصل الاجتماعي|تويتر|فيسبوك|فيس بوك|انستغرام|"
                              r"انستجرام|يوتيوب|سناب شات|تلغرام|تيليغرام)(?: (?:ال)?(?:تواصل الاجتماعي|تويتر|فيسبوك))?$")


def _outlet_key(text: str) -> str:
    """An outlet's name key for comparison: no article on its words, no medium head ("قناة"، "صحيفة"), a number
    glued to the word before it ("فرانس 24"): "الجوهرة اف أم" is the outlet "جوهرة أف أم" (72 vias on the corpus
    named the article's own outlet under another spelling)."""
    words = [w[2:] if w.startswith("ال") and len(w) > 4 else w for w in name_key(text).split()]
    words = [w for w in words if w not in _MEDIUM_HEADS] or words
    return regex.sub(r"(?<=\p{L}) (?=\d)", "", " ".join(words))


def platforms_as_channels(quotes: list[Quote]) -> list[Quote]:
    """A social-media platform is where a statement was posted, not who carried it: a via that only names one
    ("موقع التواصل الاجتماعي"، "تويتر": 37 vias on the corpus) becomes the channel."""
    out = []
    for q in quotes:
        if q.via and _PLATFORM_VIA.match(name_key(q.via)):
            q = replace(q, via=None, channel=q.channel or q.via)
        out.append(q)
    return out


def extract(text: str, *, outlet: str | None = None) -> list[Quote]:
    """Every attributed statement in one article, in text order.

    ``outlet`` (the publisher, when known) is never reported as ``via``.

    Raises ``TimeoutError`` only if a data-built pattern exceeds its time bound on
    hostile input (callers report it for that article and go on).
    """
    if not isinstance(text, str):
        raise TypeError(f"extract() takes str, not {type(text).__name__}")
    if not text.strip():
        return []
    n = normalize(text)
    quotes = find_quotes(n.text)
    toks = tokenize(n.text)
    sents = Sentences(n.text, quotes)
    def orig(a: int, b: int) -> str:
        s, e = _orig(n, a, b)
        return text[s:e]

    at, original = n.index, n.original  # a word written أل is a name ("ألكسندر"), not the article (إل: إلى، إلغاء)
    al_starts = [t.start for t in toks if t.text[:2] == "ال"]  # (one pass over the tokens for both sets)
    hamza_al = {s for s in al_starts if original[at[s]] == "أ"}
    # (a word written إل is no definite noun either, "الملكة إليزابيث": only the title chain asks)
    hamza_il = {s for s in al_starts if original[at[s]] == "إ"}
    # the name Ali is written علي, the preposition على (both fold to علي): "محمد علي السنوسي"
    ali_ya = {t.start for t in toks if t.text == "علي" and original[at[t.end - 1]] == "ي"}
    # (some articles write every ى as ي, the preposition too: "علي الأقل")
    raw = _attributor().run(n.text, toks, quotes, sents, orig, hamza_al, ali_ya, ali_distinct="على" in original,
                             hamza_il=hamza_il, ta_distinct="ة" in original)
    out = []
    for r in raw:
        q = _to_quote(n, r)
        if q is not None:
            out.append(q)
    return without_own_outlet(platforms_as_channels(out), outlet)
