"""Is this a name? The shape check every stored speaker name passes (the guard at the door).

The extractor is rule-based and sometimes hands storage a fragment ("شفتيزر لـ", "مقتل عدد",
"صلاح دمرداش أحد"), a verb ("وقال"), a lone letter ("د") or a bare title ("المتحدث الرسمي").
Stored as a speaker, one such fragment becomes a catch-all row collecting unrelated quotes.
``name_problem`` says why a name is not a name (None when it is one); ingest stores such a quote
with its mention and no speaker. ``is_generic`` says whether a name is a bare common noun
("المصدر", "البيان", "الوزارة") that may only be resolved inside its own article.

Word lists come from the package lexicon (verbs, titles, anonymous heads, organizations, media,
channels, markers); the closed class of particles that may not end a name is listed here.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..extractor.lexicon import load
from ..extractor.normalize import fold

#: particles, prepositions and quantifiers that cannot end a name ("شفتيزر لـ", "صلاح دمرداش أحد");
#: compared before ى/ي folding, so "على" is refused and the name "علي" is not
TRAILING_PARTICLES = frozenset(
    "من في عن على إلى الى مع أحد احد عدد أكثر اكثر أقل بعض كل لدى عبر حول ضد بين منذ خلال عند نحو بعد قبل "
    "ثم أو او أن إن ان أنه إنه قد لقد التي الذي الذين إذا اذا و ف ب ل ك".split())

#: prepositions that cannot open a name ("على موقع تويتر")
LEADING_PARTICLES = frozenset("من في عن على إلى الى مع لدى عبر حول ضد منذ خلال عند نحو عما مما بما كما لما".split())
#: words that stand for people without naming anyone ("البعض")
PRONOUN_NAMES = frozenset("البعض بعضهم الجميع الكل آخر آخرون الآخرون آخرين الآخرين غيرهم أحدهم كثيرون باحثون "
                          "الباحثون علماء العلماء خبراء الخبراء مراقبون المراقبون محللون المحللون".split())
#: platforms: where something was posted, never a person (the company itself may speak as an organization)
PLATFORM_NAMES = frozenset("تويتر فيسبوك يوتيوب إنستغرام انستغرام تلغرام واتساب".split())
#: common words the corpus shows standing alone as a "speaker" (fragments of "مدير عام", "الدفاع المدني",
#: "نجم الفريق", "جاء في البيان", "قال الله تعالى"): a name made only of these names no one
NOT_NAMES = frozenset("عام فرع مدني بلاغ معهد دراسة الدراسة نجم جاء تعالى وجل دبي".split())
#: words of titles that titles.tsv does not list ("ولي العهد"، "خادم الحرمين الشريفين")
TITLE_WORDS = frozenset("العهد الحرمين الشريفين عام".split())
#: role words that end a title, not a name ("تاكيشيمي مينامي كبير", "لوجود ممثل"), besides titles.tsv
TITLE_ENDS = frozenset("كبير ممثل مستشار مدير مؤسس".split())
_OBJECT_SUFFIXES = ("هما", "هم", "ها", "ه", "ني", "نا", "كم")  # "أخبرتها": a verb with its object

_STRIP = regex.compile(r"[\p{Mn}\u0640]")  # harakat and tatweel ("لـ" -> "ل")
_HAMZA = str.maketrans("أإآ", "ااا")
_NOT_LETTER = regex.compile(r"[^\p{L}\s]")
_WEB = regex.compile(r"\p{L}\.\p{L}")
_ARABIC = regex.compile(r"\p{Arabic}")
_LATIN = regex.compile(r"[A-Za-z]")


@dataclass(frozen=True, slots=True)
class _Words:
    verbs: frozenset[str]
    titles: frozenset[str]
    title_tail: frozenset[str]    # words that may follow a title in a title-only phrase
    generic: frozenset[str]       # heads that name no one outside their article
    orgs: frozenset[str]          # heads of organization names (مجلس، وزارة …)
    never: frozenset[str]         # lexicon words that never belong to a speaker name


def _verbal_nouns(forms: dict[str, object]) -> set[str]:
    """Bare verbal nouns of the lexicon's possessive ones: تأكيده → تأكيد، التأكيد; دعوته → دعوه."""
    out = set()
    for f, entry in forms.items():
        if getattr(entry, "pos", None) != "noun":
            continue
        for suffix in ("هما", "هم", "ها", "ه"):
            if f.endswith(suffix) and len(f) - len(suffix) >= 3:
                base = f[:-len(suffix)]
                base = base[:-1] + "ه" if base.endswith("ت") and not base.endswith("ات") else base
                out |= {base, "ال" + base}
                break
    return out


@lru_cache(maxsize=1)
def _words() -> _Words:
    lx = load()
    ambiguous = {"علي", "الي"}  # على/إلى fold to the names علي and the rare الي
    never = frozenset(w for w in lx.markers.get("not_speaker", ()) if w not in ambiguous and " " not in w)
    titles = frozenset(lx.titles)
    tail = titles | lx.adjectives | frozenset(lx.markers.get("construct", ())) | {fold(t) for t in TITLE_WORDS} \
        | frozenset(w for w in lx.markers.get("anon_modifier", ()) if " " not in w)
    generic = set(lx.anonymous) | set(lx.organizations) | set(lx.media) | set(lx.channels) | set(titles)
    generic |= {w for w in lx.markers.get("document", ()) if " " not in w}
    generic |= {"ال" + w for w in generic if not w.startswith("ال")}
    return _Words(frozenset(lx.verbs) | _verbal_nouns(dict(lx.verbs)), titles, frozenset(tail), frozenset(generic),
                  frozenset(lx.organizations), never)


def _tokens(name: str) -> list[str]:
    return _NOT_LETTER.sub(" ", _STRIP.sub("", name)).split()


def _is_verb(tok: str, w: _Words) -> bool:
    f = fold(tok)
    if len(f) > 3 and f[0] in "وف" and f[1:] in w.verbs:
        return True
    return f in w.verbs or any(f.endswith(x) and len(f) - len(x) >= 3 and f[:-len(x)] in w.verbs
                               for x in _OBJECT_SUFFIXES)


def _title_like(f: str, w: _Words) -> bool:
    """A title word or an adjective of one: listed, or a definite nisba ("الرسمي", "الإسرائيلية")."""
    if f in w.title_tail or (f.startswith("ال") and f[2:] in w.title_tail):
        return True
    return f.startswith("ال") and len(f) > 4 and (f.endswith("ي") or f.endswith("يه"))


@lru_cache(maxsize=100_000)  # names repeat across a corpus; the check is pure
def name_problem(name: str, kind: str = "person") -> str | None:
    """Why ``name`` cannot be stored as a speaker of ``kind``, or None when it can."""
    toks = _tokens(name)
    if not toks:
        return "empty name"
    w = _words()
    if any(len(t) == 1 for t in toks):
        return "one-letter word"
    last = toks[-1].translate(_HAMZA)
    lasts = {last} | {last[:-len(x)] for x in _OBJECT_SUFFIXES if last.endswith(x)}  # "لهم", "عليه"
    if toks[-1] in TRAILING_PARTICLES or lasts & TRAILING_PARTICLES:
        return f"ends with the particle {toks[-1]!r}"
    head = toks[0].translate(_HAMZA)
    heads = {head} | {head[:-len(x)] for x in _OBJECT_SUFFIXES if head.endswith(x)}  # "خلالها"
    if len(toks) > 1 and heads & LEADING_PARTICLES:
        return f"starts with the preposition {toks[0]!r}"
    if _WEB.search(name):
        return "a web address"
    if any(_ARABIC.search(t) and _LATIN.search(t) for t in toks):
        return "a word mixing Arabic and Latin letters"
    if len(toks) == 1 and (toks[0] in PRONOUN_NAMES or toks[0].translate(_HAMZA) in PRONOUN_NAMES):
        return "a pronoun, not a name"
    if len(toks) == 1 and kind != "organization" and toks[0].translate(_HAMZA) in PLATFORM_NAMES:
        return "a platform, not a person"
    if all(t in NOT_NAMES for t in toks) or toks[-1] in ("تعالى", "وجل"):
        return "a common word, not a name"
    for t in toks:
        if _is_verb(t, w):
            return f"contains the verb or verbal noun {t!r}"
    if kind == "person":
        folded = [fold(t) for t in toks]
        if any(f in w.never for f in folded):
            return "contains a word that is never part of a name"
        if len(folded) > 1 and not folded[-1].startswith("ال") and (folded[-1] in w.titles or toks[-1] in TITLE_ENDS):
            return f"ends with the title word {toks[-1]!r}"
        if len(folded) == 1 and folded[0].startswith("ال") and folded[0][2:] in w.title_tail:
            return "an adjective or role word, not a name"
        head = folded[0]
        if head in w.titles or "ال" + head in w.titles or (head.startswith("ال") and head[2:] in w.titles):
            if all(_title_like(f, w) for f in folded[1:]):
                return "a title without a name"
            # a longer title: every word after the role is definite, "لـ" + definite, or في/لدى
            # ("الأمين العام للأمم المتحدة", "عضو مجلس الشورى"); a name has an indefinite word
            if len(folded) >= 3 and all(f.startswith(("ال", "لل")) or f in ("في", "لدي") or _title_like(f, w)
                                        or f in w.orgs or (f[:1] == "ل" and f[1:] in w.orgs) for f in folded[1:]):
                return "a title without a name"
    return None


@lru_cache(maxsize=100_000)
def is_generic(name: str) -> bool:
    """A one-word common noun ("المصدر", "البيان", "الوزارة"): it names someone only inside its article."""
    toks = _tokens(name)
    return len(toks) == 1 and fold(toks[0]) in _words().generic


__all__ = ["name_problem", "is_generic", "TRAILING_PARTICLES", "LEADING_PARTICLES", "PRONOUN_NAMES", "PLATFORM_NAMES",
           "NOT_NAMES",
           "TITLE_ENDS", "TITLE_WORDS"]
