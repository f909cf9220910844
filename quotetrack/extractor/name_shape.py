"""Which strings can be a speaker's name at all.

A speaker becomes a database row that every count reads, so a fragment of a sentence must never
become one: a name does not end on a preposition or particle ("شفتيزر لـ"), does not hold a
one-letter word or a reporting verb ("مقتل عدد"، "شتاينماير تفهمه قلق"). The words come from the
lexicons (``not_name_final`` in markers.tsv, every form of verbs.tsv), so the check grows with them.
"""
from __future__ import annotations

import regex

from .lexicon import Lexicon, bare_verbal_nouns
from .memo import remember
from .normalize import fold, has_hamza

_MARKS = str.maketrans({c: " " for c in "\"«»“”„‹›'()[]#_"})


_TANWEEN = frozenset("\u064B\u064C\u064D")  # (a name without one needs no search)
_TANWEEN_END = regex.compile(r"\p{L}(?:ا?[\u064B\u064C\u064D]|[\u064B]ا)(?=\s|$)")  # a word ending in -an/-un/-in
# a share of a group ("50 في المئة من المشاركين"، "62% من الاقتصاديين"): a quantity that names a source
_SHARE = regex.compile(r"^[0-9٠-٩]+(?:[.,٫][0-9٠-٩]+)?\s*(?:%|٪|في المئة|في المائة|بالمئة|بالمائة)\s+من\s")
_PLURAL_ENDINGS = ("ون", "ين", "ان")
# مُفعِلون/مُتفعِّلون/مُستفعِلون: م, a consonant (not the ا/ي of "ماكرون"، "ميلينشون"), then the plural ون
_PARTICIPLE_PLURAL = regex.compile(r"^م[^اي\W]\w{2,}ون$")


def group_plural(w: str) -> bool:
    """A plural participle or nisba ("منشقون"، "متخصصون"، "اقتصاديون"، "حقوقيين"): an unnamed group, never a name."""
    return bool(_PARTICIPLE_PLURAL.match(w)) or (len(w) >= 6 and w.endswith(("يون", "يين")))
_BROKEN_PLURAL = regex.compile(r"^[^\Wا][^\Wاوي][^\Wاوي]اء$")  # فعلاء: علماء، خبراء، زعماء


def _base(w: str) -> str:
    return w[2:] if w.startswith("ال") and len(w) > 4 else w


class NameShape:
    def __init__(self, lex: Lexicon):
        self.final_bad = frozenset(lex.markers["not_name_final"])
        # a particle, or one carrying a pronoun ("وكأنه"، "لكنني"، "معهم"): a clause's word, never a name's;
        # (but not أ/إ + ي, which folds onto names: كأني/لأني/أني → "كاني"، "لاني"، "آني")
        self.particles = frozenset(lex.markers["not_name_word"]) | frozenset(
            fold(h + s) for h in lex.markers["pronoun_host"] for s in lex.markers["pronoun_suffix"]
            if not (s == "ي" and "ا" in h))
        self.not_alone = frozenset(lex.markers["not_name_alone"])
        # reporting-verb forms, less those that are also role nouns ("متحدثة" is a spokeswoman too)
        self.verbs = (frozenset(lex.verbs) | frozenset(bare_verbal_nouns(lex.verbs))) \
            - frozenset(lex.titles) - frozenset(lex.anonymous) - frozenset(lex.markers["maqsura_passive"]) \
            - frozenset(f for f, vf in lex.verbs.items() if vf.lemma_key in lex.markers["colon_speech"])
        # (less the verbs that speak only before a colon: "زلماي خليل زاد"، "واصل الشمالي" are names)
        # (less "يدعى": "مقيم يدعى مقطر ظاهر" is a person's title and name, not a verb of saying)
        # forms of a hamza_written lemma (رأى) are that verb only with the hamza written: "فرات خليل" is a name
        hamza_lemmas = frozenset(lex.markers["hamza_written"])
        self.hamza_verbs = frozenset(f for f, vf in lex.verbs.items()
                                     if vf.lemma_key in hamza_lemmas and has_hamza(vf.form))
        self.adjectives = frozenset(lex.adjectives)
        self.media = frozenset(lex.media)
        self.people = frozenset(lex.titles) | frozenset(lex.anonymous)  # heads that name people
        self.bodies = frozenset(lex.organizations)
        self.documents = frozenset(fold(d) for d in lex.markers["document"])
        # an anonymous source may carry case endings: "مسؤولاً حكومياً"، "عددٌ من المشايخ"
        self.partitive_heads = frozenset(lex.markers["partitive"])
        self.anonymous_heads = frozenset(lex.anonymous)
        self._fragment_cache: dict[str, str | None] = {}

    def _is_verb(self, w: str) -> bool:
        return w in self.verbs or (w[:1] in "وف" and w[1:] in self.verbs)

    def _hamza_missing(self, w: str, written: str) -> bool:
        bare = w[1:] if w[:1] in "وف" and w not in self.hamza_verbs else w
        return bare in self.hamza_verbs and not has_hamza(written)

    def fragment_reason(self, name: str) -> str | None:
        """Why ``name`` cannot be a speaker's name, or None when its shape is fine (cached: a pure function of
        the name, asked again at each mention)."""
        try:
            return self._fragment_cache[name]
        except KeyError:
            pass
        return remember(self._fragment_cache, name, self._fragment_reason(name), limit=100_000)

    def _fragment_reason(self, name: str) -> str | None:
        bare = name.translate(_MARKS)  # (translated once; the tatweel is no mark, so the order does not matter)
        words = fold(bare.replace("ـ", " ")).split()
        if not words:
            return "empty"
        if _TANWEEN.intersection(bare) and _TANWEEN_END.search(bare) and not (words[0] in self.partitive_heads or words[0].rstrip("ا") in self.anonymous_heads):
            return "holds an accusative or adverb with tanween"  # ("مدافعاً عما"، "اتصالاً هاتفياً"، "جداً"): no name has it
        if words[-1] in self.final_bad and not name.rstrip().endswith("علي"):  # (the name Ali, not على)
            return f"ends on the particle {words[-1]!r}"
        if any(w in self.particles or (w[:1] in "وف" and w[1:] in self.particles) for w in words):
            return "holds a particle"
        if any(len(w) == 1 and (i > 0 or not w.isdigit()) for i, w in enumerate(words)):
            return "holds a one-letter word or digit"  # (a leading count is fine: "3 مصادر مطلعة")
        if not _SHARE.match(name) and (
                any(w.isdigit() and len(w) >= 3 for w in words) or any(w.isdigit() for w in words[1:]) or
                all(w.isdigit() for w in words) or any(c in w for w in words for c in "%٪")):
            return "holds a quantity"  # ("عمره 31"، "25"، "4٪": an age, a count or a share, no name)
        if len(words) == 1 and words[0] in self.not_alone:
            return "a common noun alone names nobody"  # ("فريق"، "برنامج"، "الرجل": markers.tsv not_name_alone)
        written = bare.replace("ـ", " ").split()
        if len(written) != len(words):
            written = words  # (folding joined or split a word: read the folded words alone)
        if any(self._is_verb(w) and not self._hamza_missing(w, o) for w, o in zip(words, written)):
            return "holds a reporting verb or verbal noun"
        if len(words) == 1 and words[0] in self.bodies and words[0].endswith("ه") and not words[0].startswith("ال"):
            return "a body's head alone names no body"  # "وزارة"، "شركة"، "حركة #طالبان" cut short
        return None

    def kind_of(self, name: str, kind: str) -> str:
        """The kind a "person" with a definite one-word name really has: a nationality or role adjective
        alone ("الفلبيني"، "الإسباني") or a definite plural or dual ("المستثمرون"، "الزوجان") is an unnamed,
        anonymous source; an outlet ("التايمز"، "العربية.نت") is an organization. Family names that look
        alike ("المالكي"، "الجابري") are not listed adjectives and stay persons."""
        words = fold(name.translate(_MARKS)).split()
        if kind == "person" and words and words[0] in ("احد", "احدي") and len(words) > 1:
            return "anonymous"  # "أحد العاملين"، "إحدى النساء": one of a group, unnamed
        if kind == "person" and len(words) == 1 and group_plural(words[0]):
            return "anonymous"  # "منشقون"، "متخصصون"، "اقتصاديون": a plural participle or nisba is a group
        if kind == "person" and len(words) == 1 and (words[0] in self.documents or words[0] in self.media):
            return "organization"  # "حسب بلاغ"، "بحسب سكاي نيوز" (one word folded): a document's or outlet's voice
        if kind == "person" and len(words) == 2 and " ".join(words) in self.media:
            return "organization"
        if kind != "person" or not words or not all(x.startswith("ال") for x in words):
            return kind
        w = words[0]
        base = _base(w)
        if base.endswith("ات") and len(base) > 4:
            stem = base[:-2]
            if stem in self.people or stem + "ه" in self.people:
                return "anonymous"  # "الناشطات"، "الطبيبات": women of a listed role, unnamed
            return "organization"  # "التقديرات"، "الإحصاءات الأوروبية": figures and findings, a document's voice
        if _BROKEN_PLURAL.match(base):
            return "anonymous"  # "العلماء"، "الخبراء"، "العملاء" (فعلاء): a group, unnamed
        if len(words) > 1 and _base(words[-1]) in self.adjectives:  # "السياسي اليمني"، "الجيش الإسرائيلي"
            return "organization" if base in self.bodies else "anonymous"  # a body, or a role nobody named
        if len(words) != 1:
            return kind
        head = w.split(".")[0]
        if w in self.media or _base(head) in self.media or head in self.media:
            return "organization"
        if base in self.adjectives or (base.endswith("ه") and base[:-1] in self.adjectives):
            return "anonymous"
        if base.endswith(_PLURAL_ENDINGS) and len(base) > 4:
            return "anonymous"
        return kind
