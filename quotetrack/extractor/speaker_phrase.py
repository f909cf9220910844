"""Speaker noun phrases and the per-article entity register.

``parse_np`` finds where a speaker's noun phrase ends after a cue (title +
name, organization + genitive chain + adjectives, anonymous head + modifiers)
without a parser, from lexicon heads and definiteness. ``Register`` keeps the
sources an article has named, merges later short mentions into them
(ماروتو → واين ماروتو, الوكالة → وكالة الأنباء السورية, المصادر → مصادر محلية) and
resolves pro-drop cues by agreement and recency.
"""
from __future__ import annotations

import functools

from collections.abc import Callable, Container
from dataclasses import dataclass, field

import regex

from .lexicon import Lexicon, bare_verbal_nouns, masdar_shapes
from .memo import remember
from .quotemarks import QUOTE_CHARS
from .name_shape import group_plural
from .sentences import Token


#: A lexicon gender (m/f) as an agreement tag.
_GENDER_AGR = {"m": "m.sg", "f": "f.sg"}


# the enclitic pronouns "her", "their", "their (two)": after a reporting verb and a name, a word that
# carries one is what the speaker expressed ("أبدت جنيفر لورانس استياءها"), never part of the name
# (ـه "his" is left out: "محمد عبده"، "راج شاه"، "بيكيه" are names)
_POSSESSIVE_SUFFIXES = ("ها", "هما", "هم", "ته")  # (ته: a feminine noun with "his", "رغبته"، "ولايته"; ة folds to ه)


# verbal nouns of forms I and IV and the broken plurals of those shapes (فعول: العثور، الخروج، الحدود; إفعال: الإفراج،
# الإعلان، الأطفال; folded), which are nouns and never the adjective of a definite noun before them
_OBJECT_NOUN = regex.compile(r"^(?:[^\W\d_اوي]{2}و[^\W\d_اوي]|ا[^\W\d_اوي]{2}ا[^\W\d_اوي])$")


# the agreement of a partitive source: one of them (أحد، إحدى) or many (عدد من، بعض …)
_PARTITIVE_AGR = {"احد": "m.sg", "احدي": "f.sg"}


def is_def(w: str) -> bool:
    return len(w) > 3 and w[:2] in ("ال", "لل")  # (one slice, not two startswith calls: asked ~200 times an article)


_RELATIVES = frozenset({"الذي", "التي", "اللتي", "اللاتي"})  # they end like a nisba and are none
# prepositions that place an anonymous source in a body ("مصادر في الجيش"، "مصدر وسط الثوار"، "مصادر داخل المقاومة")
_BODY_PREPS = frozenset({"في", "من", "وسط", "داخل"})
# the points of the compass before a region's name ("شرق جاوا"، "جنوب لبنان")
_DIRECTIONS = frozenset({"شرق", "غرب", "شمال", "جنوب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي"})
# "on behalf of" after a spokesperson: "متحدث باسم الوزارة"، "الناطق بلسان الجيش" (8 بلسان in the corpus)
ON_BEHALF = frozenset({"باسم", "باسمه", "باسمها", "بلسان"})
# words in ى that fold to a nisba's ي: "رفيع المستوى" is a rank, not a qualifier naming another body
_FOLDED_ALIF_MAQSURA = frozenset({"المستوي", "مستوي"})


def is_nisba(w: str) -> bool:
    """A relative adjective by its ending (السعودي، الأمريكية، المصريون); not "هيئة" (folded هييه)."""
    return len(w) > 3 and w.endswith(("ي", "يه", "يين", "يون", "يان", "يتان", "يات")) and not w.endswith("ييه") \
        and w not in _RELATIVES and w not in _FOLDED_ALIF_MAQSURA


def nisbas_end(toks: "list[Token]", k: int, end: int) -> int:
    """The index after the definite nisbas from ``k`` ("… الأمريكية"، "«باس نيوز» الكردية")."""
    while k < end and is_def(toks[k].text) and is_nisba(toks[k].text):
        k += 1
    return k


def indefinite_nisbas_end(toks: "list[Token]", k: int, end: int) -> int:
    """The index after the indefinite nisbas from ``k`` ("كويتية"، "كردي سوري")."""
    while k < end and toks[k].is_word and is_nisba(toks[k].text) and not is_def(toks[k].text):
        k += 1
    return k


def phrase_index(phrases: list[list[str]]) -> dict[str, list[list[str]]]:
    """Listed phrases keyed by their first word, the longest first (for ``phrase_end``)."""
    index: dict[str, list[list[str]]] = {}
    for p in sorted(phrases, key=len, reverse=True):
        index.setdefault(p[0], []).append(list(p))
    return index


def phrase_end(toks: "list[Token]", k: int, end: int, index: dict[str, list[list[str]]]) -> int:
    """The index after the longest phrase of ``index`` starting at token ``k`` before ``end`` (``k`` when none)."""
    if k >= end:
        return k
    candidates = index.get(toks[k].text)
    if not candidates:
        return k
    # the words from k, as long as the longest candidate (the first): each candidate is one list comparison
    words = [t.text for t in toks[k:min(end, k + len(candidates[0]))]]
    for p in candidates:
        if words[:len(p)] == p:
            return k + len(p)
    return k


_STRIPPED: dict[str, str] = {}  # word -> strip_article(word): asked ~150 times an article


def strip_article(w: str) -> str:
    s = _STRIPPED.get(w)
    return s if s is not None else remember(_STRIPPED, w, _strip_article(w))


def _strip_article(w: str) -> str:
    for p in ("وال", "بال", "لل", "ال"):
        if w.startswith(p) and len(w) > len(p) + 1:
            return w[len(p):]
    return w


def without_lam(tok: Token, bodies: Container[str]) -> Token:
    """``tok`` read without its glued ل, offsets still the article's: "للأمم" is ل and "الأمم"، "لوزارة" is ل and
    "وزارة"، and "للجنة" is ل and "لجنة" (a body's head that opens with ل keeps it: a construct "لجنة المخابرات"
    is no definite "اللجنة")."""
    w = tok.text
    return Token("ال" + w[2:] if w.startswith("لل") and w[1:] not in bodies else w[1:], tok.start + 1, tok.end)


def stem(w: str) -> str:
    """A crude number-insensitive stem for matching re-mentions (المسؤولون ~ مسؤولين)."""
    w = strip_article(w)
    for s in ("ون", "ين", "ان", "ات"):
        if w.endswith(s) and len(w) > len(s) + 2:
            return w[: -len(s)]
    return w


@dataclass
class NP:
    start: int          # token index
    end: int            # token index, exclusive
    kind: str           # person | organization | anonymous
    agreement: str | None
    title_end: int      # token index where the title ends (== start when no title)
    name_end: int       # token index where the name ends (== end when no trailing title)
    head: str           # folded head word


# "صادر عن": issued by ("بيان صادر عن ولاية شانلي أورفة")
# indefinite heads whose outlet's own name follows them ("صحيفة نيويورك تايمز": a name, not the place)
_MEDIA_HEADS = frozenset({"مجله", "صحيفه", "وكاله", "قناه", "موقع", "شبكه", "اذاعه", "محطه"})


class NPParser:
    def __init__(self, lex: Lexicon, cue_forms: set[str], comp_words: frozenset[str],
                 is_cue: Callable[[str], bool] = lambda w: False):
        self.lex = lex
        self.is_cue = is_cue
        self.given_names = lex.given_names
        m = lex.markers
        self.stop = (set(m["not_speaker"]) | set(m["time"]) | set(m["relative"]) | set(m["setting"])
                     | set(comp_words) | set(m["complementizer_prep"]) | cue_forms | {"و", "او", "ثم", "فقد", "قد"}
                     | {p for p in m["bare_speech"] if " " not in p})
        self.time = set(m["time"])  # ("الآن" folds like the name "ألان")
        self.span_heads = frozenset(m["time_span_head"])  # "أوائل"، "منتصف"، "مطلع" + a time word
        self.span_nouns = self.time | set(m["time_span_noun"])
        self.setting = set(m["setting"])  # words that open the occasion of a statement ("خلال"، "إثر"، "في")
        self.guests = frozenset(m["guest"])  # "X ضيف بوليتيكا": after a name, the programme it was said on
        self.anon_participles = frozenset(p.split()[0] for p in m["anonymity"] if p.split()[0].endswith("ا"))
        # ("المسؤول طالبا عدم كشف هويته": the participle opens the anonymity phrase, it names no one)
        self.adjuncts = phrase_index([p.split() for p in m["adjunct_phrase"]])
        self.adjunct_first = set(self.adjuncts)  # "ردا على سؤال": the name ended
        self.joiners = set(m["name_joiner"])
        self.name_parts = set(m["name_part"])
        self.construct = set(m["construct"])
        self.media = set(lex.media)
        self.platforms = set(m["platform"])
        self.outlet_roles, self.directions = frozenset(m["outlet_role"]), frozenset(m["direction"])  # ("محرر بي بي سي")
        self.media_first = {x.split()[0] for x in lex.media if " " in x}  # "بي" of "بي بي سي"
        self.seat_titles = set(m["seat_title"])
        self.regnal_titles = set(m["regnal_title"])
        self.team_titles = set(m["team_title"])
        self.regnal_ordinals = set(m["regnal_ordinal"])
        self.supervisors = set(m["supervisor_title"])
        self.eponym_titles = set(m["eponym_title"])
        self.waw_names = frozenset(m["waw_name"])
        self.doc_adjectives = frozenset(m["document_adjective"])
        self.beside = frozenset(m["beside"])
        self.programmes = frozenset(m["programme"])  # "لبرنامج «…»": the programme spoken to ends a name
        self.not_after_ali = set(m["not_after_ali"])
        self.title_adjectives = set(m["title_adjective"])
        self.occasions = frozenset(m["counted_occasion"])
        self.place_heads = frozenset(m["place_head"])
        self.allegiance = frozenset(m["allegiance"])
        self.side_participles = self.allegiance | frozenset(m["side_participle"])
        self.scope_participles: dict[str, set[str]] = {}  # participle → the prepositions of its remit (or age)
        for phrase in m["scope_participle"] + m["age_participle"]:
            participle, prep = phrase.split()
            self.scope_participles.setdefault(participle, set()).add(prep)
        self.age_participles = frozenset(p.split()[0] for p in m["age_participle"])
        self.number_words = frozenset(m["number_word"])
        self.partitives = set(m["partitive"])
        self.addressee_nouns = frozenset(m["addressee_head"]) | {"وسايل", "صحيفه", "وكاله", "قناه", "موقع", "مجله", "شبكه"}
        self.named_passives = frozenset(m["maqsura_passive"])  # "يدعى": "a man named …"
        self.construct_partitives = set(m["partitive_construct"])
        self.documents = set(m["document"])
        self.issued = set(m["document_issued"])
        self.issuing = set(m["document_issuing"])
        self.obtaining = frozenset(m["document_obtained"])
        self.not_alone = set(m["not_name_alone"])
        self.named_bodies = set(m["named_body"])
        self.anon_mod = set(m["anon_modifier"])
        self.construct_titles = set(m["construct_title"])
        self.counterparts = frozenset(m["counterpart_title"])
        self.unnamed_media = frozenset(m["unnamed_medium"])
        self.verbal_nouns = frozenset(bare_verbal_nouns(lex.verbs))
        self.said_nouns = frozenset(p.split()[1] for p in m["said_object"] + m["light_verb"])  # حديث، كلمه، شكر …
        self.masdar = masdar_shapes(m["masdar_pattern"])
        self.masdar_possessed = masdar_shapes(m["masdar_pattern"] + m["masdar_pattern_possessed"])
        self._action_cache: dict[str, bool] = {}
        self._bad_name_cache: dict[str, bool] = {}
        self.demonstratives = set(m["demonstrative"])
        self.cue_forms = cue_forms
        self.comp_words = comp_words
        self._known: set[str] = set()
        self.hamza_al: set[int] = set()  # offsets of words written أل in the article (set per article)
        self.hamza_il: set[int] = set()  # and of words written إل
        self.hamza_fa: set[int] = set()  # and of فان written فإن (the complementizer, never the Dutch van)
        self.madda_ab: set[int] = set()  # and of words written آب… ("شينزو آبي"): never the joiner أبي/أبو
        self.ali_ya: set[int] = set()  # offsets of علي written with ي, the name (set per article)
        self.ali_distinct = True  # the article writes the preposition على with ى (set per article)
        self.places = lex.places
        self.max_place = max(len(k.split()) for k in lex.places)
        self.place_first = {k.split()[0] for k in lex.places}

    def listed_gender(self, toks: list[Token], np_: NP) -> str:
        """The gender ("f"/"m") the gazetteer or the organization heads give the phrase, or ""."""
        name = " ".join(t.text for t in toks[np_.start:np_.end]).replace("_", " ")
        return (self.places.get(name) or ("", ""))[1] or self.lex.organizations.get(np_.head) \
            or self.lex.organizations.get(strip_article(np_.head)) or ""

    def feminine(self, toks: list[Token], np_: NP) -> bool:
        """The phrase's own gender is feminine: a listed place or body of that gender, or a head in ة."""
        g = self.listed_gender(toks, np_)
        return g == "f" if g else strip_article(np_.head).endswith("ه")

    def _stop_at(self, toks: list[Token], k: int, w: str) -> bool:
        """A stop word, except a name written أل that folds like a time word ("ألان" ~ "الآن"), or the head
        of a time span ("أوائل هذا العام")."""
        if w in self.span_heads:
            return self.time_span_end(toks, k) > k
        return w in self.stop and not (w in self.time and toks[k].start in self.hamza_al)

    def time_span_end(self, toks: list[Token], k: int, end: int | None = None) -> int:
        """Past "أوائل/أواخر/منتصف/مطلع/بداية/نهاية" + a time word ("مطلع الأسبوع"، "أواخر 2016"، "منتصف
        آذار/مارس"; 42 after a cue and its subject in the corpus), else ``k``: the span is when it was said,
        not a name ("وأعلن الوزير أوائل هذا العام أنه")."""
        end = len(toks) if end is None else end
        if k + 1 >= end or toks[k].text not in self.span_heads:
            return k
        j = k + 1
        while j < end and j - k <= 5 and ((w := toks[j].text) in self.span_nouns or w.isdigit() or w == "/"
                                                or w.split("/")[0] in self.span_nouns):
            j += 1  # "أوائل هذا العام"، "مطلع شهر فبراير الجاري"، "منتصف كانون الثاني/يناير"
        return j if j > k + 1 else k

    def _ali_at(self, toks: list[Token], k: int, w: str | None, nxt: str) -> bool:
        """The name Ali at token ``k``: a plain name after it, or, written علي where the article writes the
        preposition على, a definite surname ("وقال علي العجمي إن"). Never a word written على in such an article."""
        if w == "علي" and self.ali_distinct and toks[k].start not in self.ali_ya:
            return False  # written على where the article writes ى apart: the preposition ("أثنى المدرب على أداء")
        return self._ali_name(w, nxt) or (
            w == "علي" and self.ali_distinct and toks[k].start in self.ali_ya and is_def(nxt) and nxt not in self.stop
            and nxt not in self.not_after_ali and strip_article(nxt) not in self.lex.titles)

    def ali_closes_name(self, toks: list[Token], j: int) -> bool:
        """Token ``j`` is the name Ali closing a name ("محمد علي إن"), not the preposition على of "على أن": written
        علي where the article writes the preposition على."""
        return toks[j].text == "علي" and self.ali_distinct and toks[j].start in self.ali_ya and j > 0 \
            and toks[j - 1].is_word and toks[j - 1].text not in self.stop

    def _ali_name(self, w: str | None, nxt: str) -> bool:
        """The name Ali, not the preposition على (folded alike): a plain name must follow it."""
        return (w == "علي" and bool(nxt) and nxt.isalpha() and not is_def(nxt) and nxt not in self.stop
                and not (nxt.endswith("ه") and not nxt.endswith("الله")) and not nxt.startswith(("ت", "است"))
                and not self.bad_name(nxt)  # ("علي عبدالله صالح": a name in الله is no noun in ة)
                and nxt not in self.not_after_ali)  # (not "على هامش"، "على صعيد": markers.tsv not_after_ali)

    def _surname_title(self, toks: list[Token], k: int, end: int) -> bool:
        """A definite title word closing a name ("حمد بن عبدالله القاضي"): a family name, when nothing
        but the content opener or punctuation follows it."""
        nxt = toks[k + 1] if k + 1 < end else None
        return is_def(toks[k].text) and (nxt is None or not nxt.is_word or nxt.text in self.comp_words)

    def _f_name(self, w: str) -> bool:
        """A name that begins with ف ("فيليب"، "فيصل"، "فرانك"), not ف + a word ("فقد"، "فالحكومة"، "فأكد")."""
        rest = w[1:]
        return (w[0] == "ف" and len(rest) >= 3 and not rest.startswith("ال") and rest not in self.stop
                and not self.is_cue(w) and not self.is_cue(rest) and not self.is_institution(rest))

    def is_institution(self, w: str) -> bool:
        """A word that heads an institution, a place or a role: never a surname ("بومبيو الكونغرس")."""
        return (w in self.lex.organizations or strip_article(w) in self.lex.organizations or w in self.places
                or w in self.lex.titles or w in self.lex.anonymous or strip_article(w) in self.lex.anonymous)

    def is_action(self, w: str) -> bool:
        """A verbal noun: of saying ("انتقادات"، "تأكيد"، "بتأكيد") or of a derived form ("تفتيش"، "انسحاب")."""
        hit = self._action_cache.get(w)  # (cached: a name run asks it of every word, each a few regex matches)
        return hit if hit is not None else remember(self._action_cache, w, self._is_action(w))

    def _is_action(self, w: str) -> bool:
        if w in self.verbal_nouns or self.masdar.match(w) or (
                w[:1] in ("ب", "ل") and (w[1:] in self.verbal_nouns or self.masdar.match(w[1:]))) or (
                w.endswith("ا") and w[:-1] in self.verbal_nouns):
            return True  # ("لتطبيق"، "بتعزيز": with its preposition; "تأييدا": in the accusative)
        for suffix in ("ه", "ها", "هم"):  # "تفهمه قلق الرياض": his understanding, with its pronoun
            if w.endswith(suffix) and self.masdar_possessed.match(w[:-len(suffix)]):
                return True
        return False

    def _action_in_iya(self, w: str) -> bool:
        """A definite verbal noun in ـية that only looks like a nisba ("التنمية"، "التربية"), not a listed
        adjective of the same shape ("التركية")."""
        base = strip_article(w)
        return base not in self.lex.adjectives and self.is_action(base)

    @staticmethod
    def spoken_to(w: str, known: set[str]) -> bool:
        """"قالت لنتنياهو إن": ل glued on a name the article has given (and not a name of its own, "لافروف"): the
        person spoken to, never the speaker."""
        return w[:1] == "ل" and w not in known and w[1:] in known

    def bad_name(self, w: str) -> bool:
        """Tokens that cannot be (part of) a personal name: a cue verb, a word with a glued
        preposition and article ("بالضربات"), a preposition + institution ("بمجلس"), "و" + a title
        ("ورئيس حزب")."""
        bad = self._bad_name_cache.get(w)  # (cached: a pure function of the word, asked of every word of a name)
        return bad if bad is not None else remember(self._bad_name_cache, w, self._bad_name(w))

    def _bad_name(self, w: str) -> bool:
        if w in self.given_names:
            return False  # "فالح"، "وليد": a first name, not و/ف + a word
        if w in ("باسمه", "باسمها", "باسمهم"):
            return True  # "in his (her, their) name": never a name's word (باسم alone is the name Basem)
        if len(w) < 2 or w.startswith(("بال", "وال", "فال", "كال", "لل")) or self.is_cue(w) \
                or w in self.lex.narrative_verbs:
            return True  # (a finite verb of narration ends the name before it: "هيلاري حاولت")
        if self.is_action(w):
            return True  # the object after the name, never part of it
        if len(w) >= 6 and w[:1] in "لب" and w.endswith("كم") and w not in self.given_names:
            return True  # "لجلالتكم"، "ببلادكم": a preposition, a noun and "your", never a name (not نا: "لوريدانا")
        if len(w) >= 5 and w.endswith(_POSSESSIVE_SUFFIXES) and not w.startswith("ال"):
            return True  # a noun with "her/their" ("استيائها"، "مواعيدها"، "سلامتهم"): the object, not a name
        if w[:1] == "و" and (w[1:] in self.lex.titles or w[1:] in self.lex.organizations or w[1:] in self.directions):
            return True
        if self.said_possessed(w):
            return True  # the object, not a name
        return w[:1] in ("ب", "ل") and (w[1:] in self.lex.organizations or w[1:] in self.lex.titles
                                        or (w[0] == "ب" and w[1:] in self.beside)
                                        or w[1:] in self.lex.anonymous or w[1:-2] + "ون" in self.lex.anonymous
                                        or w[1:] in self.media
                                        or w[1:] in self.media_first or w[1:] in self.construct)

    def van_at(self, toks: list[Token], k: int, end: int) -> bool:
        """"فان" between a first name and a surname ("لويس فان غال"، "فيرجيل فان دايك"): the Dutch van, not فإن
        (folded alike), which follows a clause or a source and opens a definite or known word (callers check the
        first name: the one word of the name so far)."""
        return toks[k].text == "فان" and toks[k].start not in self.hamza_fa and 0 < k and k + 1 < end \
            and toks[k - 1].is_word and toks[k + 1].is_word and toks[k + 1].text not in self.lex.titles \
            and not is_def(toks[k + 1].text) and toks[k + 1].text not in self.stop \
            and not self.is_cue(toks[k + 1].text) and toks[k - 1].text not in self.stop

    def said_possessed(self, w: str) -> bool:
        """What is said, with "his" ("وتابع حديثه:"، "وختم كلمته"; markers.tsv said_object and light_verb nouns)."""
        return w.endswith("ه") and (w[:-1] in self.said_nouns or (w.endswith("ته") and w[:-2] + "ه" in self.said_nouns))

    def _word(self, toks: list[Token], k: int, end: int) -> str | None:
        if k >= end:
            return None
        t = toks[k]
        return t.text if t.is_word else None

    def _quoted_name(self, toks: list[Token], k: int, end: int, longest: int = 4) -> int | None:
        """A short quoted name ("اليامي"، «سبوتنيك»): returns the index after the closing mark. After a
        body's head (``longest`` 8) the name may be longer and dotted ("قناة "إن.بي.سي نيوز"")."""
        if k < end and toks[k].text in QUOTE_CHARS:
            for n in range(2, longest + 1):
                if k + n >= end:
                    break
                if toks[k + n].text in QUOTE_CHARS:
                    inner = toks[k + 1:k + n]
                    if all(t.is_word for t in inner) or (longest > 4 and all(
                            t.is_word or t.text in ".-&'" for t in inner)):
                        return k + n + 1
                    break
        return None

    def place_at(self, toks: list[Token], k: int, end: int, glued: str = "") -> int | None:
        """The index after the listed place at token ``k``; ``glued``: a preposition written on its
        first word ("بجنيف"، "بالباحة")."""
        if k < end and "_" in toks[k].text and toks[k].text.replace("_", " ") in self.places and not glued:
            return k + 1  # a hashtag's words joined by "_": "#الولايات_المتحدة"
        if k >= end or not toks[k].text.startswith(glued):
            return None
        first = toks[k].text[len(glued):] if glued != "لل" else "ال" + toks[k].text[2:]  # ("للصليب الأحمر")
        if first not in self.place_first:
            return None
        words: list[str] = [first]
        for j in range(k + 1, min(k + self.max_place, end)):
            if not toks[j].is_word:
                break
            words.append(toks[j].text)
        for n in range(len(words), 0, -1):
            if " ".join(words[:n]) in self.places:
                return k + n
        return None

    def _def_chain(self, toks: list[Token], k: int, end: int, allow_pp: bool = True) -> int:
        """Where a head's complements end: definite words and nisbas, genitive bodies and places,
        "باسم …"، "لدى …"، "في …" phrases. Each word is read by the first case that fits; a word no case
        reads ends the chain."""
        after_nisba = False
        start = k
        while k < end:
            if toks[k].text == "#" and k + 1 < end and toks[k + 1].is_word and not after_nisba and (
                    is_def(toks[k + 1].text) or self.is_institution(toks[k + 1].text)
                    or toks[k + 1].text in self.platforms or toks[k + 1].text in self.media):
                k += 2  # "رئيس حزب #القوات_اللبنانية": a definite hashtag names the body or place
                # (not "الفنانة المصرية #مي_كساب" or "الفنانة #لطيفة": the person's name)
                after_nisba = False
                continue
            w = self._word(toks, k, end)
            if w is None:
                break
            if w in self.stop and w not in ("في", "لدي") and not (w == "عن" and self._seat_at(toks, k, end, allow_pp)) \
                    and not self._supervised_at(toks, k, end):
                break
            if w.startswith("لل") and k > start and self.place_at(toks, k, end, glued="لل") is not None:
                k = nisbas_end(toks, self.place_at(toks, k, end, glued="لل") or k + 1, end)
                after_nisba = False  # "اللجنة الدولية للصليب الأحمر"، "المفوضية السامية للأمم المتحدة"
                continue
            if w in ON_BEHALF | {"لدي"}:
                if w in ("باسمه", "باسمها") and not any(strip_article(toks[b].text.removeprefix("و")).startswith(
                        ("متحدث", "ناطق")) for b in range(max(0, k - 2), k)):  # ("المتحدث الرسمي باسمها")
                    break  # "الملك المفدى باسمه واسم شعب …": "in his own name", an adverbial, not a spokesman's
                k = self._chain_on_behalf(toks, k + 1, end)
                after_nisba = False
                continue
            if after_nisba and self._purpose_genitive(toks, k, end, w):
                k = self._def_chain(toks, k + 1, end)  # "الاتحاد الأوروبي لكرة القدم"، "الجمعية السعودية لطب العيون"
                after_nisba = False
                continue
            if w in self.eponym_titles and k > 0 and self._body_word(toks[k - 1].text):
                nk = self._name_run(toks, k + 1, end, self._known)
                if nk > k + 1:
                    k = nk  # "مدير جامعة الملك سعود"، "مركز الملك سلمان للإغاثة": the body's namesake
                    if k < end and self._purpose_word(toks[k].text):
                        k += 1  # (and what the body is for)
                    after_nisba = False
                    continue
            if self._chain_closed(toks, k, end, w, after_nisba):
                break
            if k > 0 and w in self.title_adjectives and toks[k - 1].text in self.lex.titles:
                k += 1  # "أمين عام"، "نائب أول"، "رئيس تنفيذي": one compound title
                continue
            if self._second_definite(toks, k, start, w):
                break
            if (is_def(w) and not self._hamza_name_at(toks, k, w)) or strip_article(w) in self.title_adjectives:
                after_nisba = is_nisba(w) and w not in ("العام",) and not self._action_in_iya(w)
                # (an action in ـية is no nisba: "وزير التربية والتعليم")
                k += 1
                continue
            if (w.startswith("وال") and len(w) > 5 and k > start and is_def(toks[k - 1].text.removeprefix("و"))
                    and (self._action_in_iya(w[1:]) or (not is_nisba(w) and not self._title_word(w[1:])))
                    and not self._head_noun(w[1:])) or self._coordinated_construct(toks, k, start, end, w):
                k += 1  # "وزير الخارجية والمغتربين"، "وزارة التجارة والاستثمار": coordinated genitives; "للأرصاد
                after_nisba = False  # وحماية البيئة": a second construct noun (its own nisba may follow: "والموارد
                # المائية"; an action in ـية is no nisba: "حزب العدالة والتنمية")
                continue
            nk = self._chain_genitive(toks, k, end, w)
            if nk is None and k > start and toks[k - 1].text == "العاصمه":
                nk = self.place_at(toks, k, end)  # "محافظ العاصمة بغداد"، "أهالي العاصمة صنعاء": the capital named
            if nk is None:
                nk = self._body_task(toks, k, end, w)
            if nk is None and not (k > start and is_def(toks[k - 1].text) and not is_def(w)):
                nk = self._chain_organization(toks, k, end, w)  # (a definite noun takes no genitive:
                # "محققو الأمم المتحدة موقع فيسبوك" is two phrases)
            if nk is None and w[:1] == "ب" and w[1:] in self.lex.organizations and not is_def(w[1:]):
                nk = self._chain_organization(toks, k, end, w[1:])  # "المكلف بالإعلام بمجلس نواب الشعب": the
                # body the office is in, with its own construct name
            if nk is None:
                nk = self._chain_preposition(toks, k, end, w, allow_pp)
            if nk is None:
                break
            k = nk
            after_nisba = False
        return k

    def _coordinated_construct(self, toks: list[Token], k: int, start: int, end: int, w: str) -> bool:
        """"و" + an indefinite noun in ة after a definite genitive, with its own definite genitive next: a body's
        second field ("للأرصاد وحماية البيئة"، "للشؤون الاجتماعية ورعاية الشباب": 28 corpus quotes had the body cut
        before it and their content opened there); not a preposition's phrase or an adverb ("وبشدة العمل"، "وخاصة
        المشاغل")."""
        return w[:1] == "و" and len(w) > 4 and w.endswith("ه") and k > start and k + 1 < end \
            and (is_def(toks[k - 1].text) or toks[k - 1].text.startswith("لل")) and not is_def(w[1:]) \
            and is_def(toks[k + 1].text) and w[1:] not in self.given_names and not self.is_cue(w) \
            and w[1:2] not in ("ب", "ل", "ك") and w[1:] not in self.stop and w != "وخاصه"

    def _purpose_genitive(self, toks: list[Token], k: int, end: int, w: str) -> bool:
        """"لكرة القدم"، "لحماية الصحفيين" after a body's nisba: ل and an indefinite noun in construct with a definite
        one, what the body is for; not the one spoken to ("لوسائل الإعلام"، "لصحيفة الحياة"، "للصحفيين"), nor a
        name that opens with ل before a family name ("وزيرة المالية لمياء الزريبي")."""
        base = w[1:]
        return w[:1] == "ل" and not w.startswith("لل") and len(base) >= 2 and not is_def(base) and k + 1 < end \
            and is_def(toks[k + 1].text) and not toks[k + 1].text.endswith("ي") and w not in self.given_names \
            and base not in self.lex.anonymous and base not in self.lex.titles \
            and base not in self.media and strip_article(base) not in self.lex.organizations \
            and not (base.endswith("ه") and base[:-1] + "ه" in self.media) and base not in self.addressee_nouns

    def _hamza_name_at(self, toks: list[Token], k: int, w: str) -> bool:
        """A word written أل/إل after a definite title that is no place, body or nisba is a name, not a definite
        complement: "الملكة إليزابيث"، "الفنانة أليسا" (but "سفير ألمانيا"، "شركة ألمانية"، "مركز ألاسكا")."""
        return k > 0 and is_def(toks[k - 1].text) and (toks[k].start in self.hamza_il or toks[k].start in self.hamza_al) \
            and not is_nisba(w) and self.place_at(toks, k, k + 1) is None and w not in self.lex.organizations \
            and w not in self.lex.titles and not self.masdar.match(strip_article(w))

    def _second_definite(self, toks: list[Token], k: int, start: int, w: str) -> bool:
        """A definite noun takes no genitive, so a definite word that cannot be an adjective of the one before it
        starts another phrase (the object): "حذرت الحكومة الشركة"."""
        if not is_def(w) or is_nisba(w) or k == 0:
            return False
        prev = toks[k - 1].text
        base = strip_article(w)
        if not w.startswith("لل") and is_def(prev) and (
                self._head_noun(w) or (prev not in ("الاف", "ملايين") and (
                    _OBJECT_NOUN.match(base) or (self.masdar.match(base) and not base.startswith("م"))))):
            return True  # (a verbal noun or broken plural is never the adjective of the noun before it: "أعلنت
            # السلطات العثور"; مفاعلة is left out, a participle too: "القوات المهاجمة"، and a surname: "المشاقبة")
        if not w.startswith("لل") and w.endswith(("ين", "ون")) and len(w) > 6 and is_def(prev) \
                and strip_article(prev) in self.lex.organizations:
            return True  # a body is one: a human plural after its head is its object ("حذر المعهد المستهلكين من …")
        return not w.startswith("الم") and k > start and base not in self.title_adjectives \
            and self._body_complement(toks, k - 1, prev)
        # ("نفت الهيئة العامة للرياضة الأخبار …": a definite word after the body's complement that is neither a
        # nisba nor a participle in م, "للقوات المسلحة", is no adjective of it)

    def _chain_on_behalf(self, toks: list[Token], k: int, end: int) -> int:
        """After "باسم"/"لدى" (token ``k`` is the next one): a place, or a body with its own name."""
        if k + 1 < end and toks[k].text == "#" and toks[k + 1].is_word:
            return k + 2  # "الناطق باسم #حركة_فتح"
        p_end = self.place_at(toks, k, end)
        if p_end is None and toks[k - 1].text == "لدي" and k + 2 < end and toks[k].is_word and not is_def(toks[k].text) \
                and toks[k].text not in self.stop and toks[k + 1].text == "في":
            p_end = self.place_at(toks, k + 2, end) or (
                self._def_chain(toks, k + 2, end) if is_def(toks[k + 2].text) else None)
            # "مدير التسويق لدى فيزا في الشرق الأوسط كريم بيج": a company named with where it works
            while p_end is not None and p_end + 1 < end and toks[p_end].text[:1] == "و" \
                    and toks[p_end].text[1:] in _DIRECTIONS and toks[p_end + 1].is_word:
                p_end += 2  # (and a second region: "… وشمال أفريقيا")
        if p_end is not None:
            k = p_end  # "السفير التونسي لدى روسيا"
        elif k + 1 < end and toks[k].text in self.lex.organizations and not is_def(toks[k].text) \
                and not is_def(toks[k + 1].text) \
                and toks[k + 1].is_word and toks[k + 1].text not in self.stop:
            # "باسم حركة نداء تونس": the body's own name runs to a place name, or is one word
            j = k + 1
            while j < min(end, k + 4) and toks[j].is_word and not is_def(toks[j].text):
                pe = self.place_at(toks, j, end)
                if pe is not None:
                    k = pe
                    break
                if toks[j].text in _DIRECTIONS and j + 1 < end and toks[j + 1].is_word \
                        and toks[j + 1].text not in self.stop:
                    k = j + 2  # "باسم شرطة شرق جاوا": a direction and the region it points to
                    break
                j += 1
            else:
                k += 2
        elif k + 1 < end and toks[k - 1].text == "باسم" and toks[k].is_word and not is_def(toks[k].text) \
                and toks[k].text not in self.stop and is_def(toks[k + 1].text) and toks[k + 1].text not in self.stop:
            k += 1  # "متحدثة باسم خدمة الإسعاف": any noun in construct, its definite genitive read on by the chain
        return k

    def _chain_closed(self, toks: list[Token], k: int, end: int, w: str, after_nisba: bool) -> bool:
        """The chain ends before ``w``: an indefinite word after a nisba, an addressee (لل + a word that is
        no body: "للصحفيين"), or a surname after a title."""
        if w.startswith("لل") and not self._genitive_body(w) and not (w[2:] in self.construct) \
                and not self._body_complement(toks, k, w):
            return True
        if after_nisba and not self._goes_on_after_nisba(toks, k, end, w):
            return True  # (but "رئيس المجلس الرئاسي لحكومة الوفاق"، "الموقع الرسمي للجيش اليمني": a body after the adjective)
        if self._surname_here(toks, k, end):
            return True  # "الرئيس السيسي"، "المستشار الفضالي": the name, not an adjective
        return False

    def _goes_on_after_nisba(self, toks: list[Token], k: int, end: int, w: str) -> bool:
        """What may follow a nisba inside a chain: another nisba, في, a body or place after ل/ب, an
        adjective of a title, what the body is for (لل), a coordinated definite noun ("الشؤون الإسلامية
        والأوقاف")."""
        return (w == "في" or (is_def(w) and is_nisba(w)) or self._body_complement(toks, k, w)
                or (w[:1] == "ل" and (w[1:] in self.lex.organizations or (w[1:] in self.places and w[1:] not in self.media)))
                or (w[:1] in "بل" and w[1:] in self.construct)
                or strip_article(w) in self.title_adjectives
                or (w[:1] == "ب" and self.place_at(toks, k, end, glued="ب") is not None)
                or (w.startswith("وال") and len(w) > 5 and not is_nisba(w) and not self._title_word(w[1:])
                    and not self._head_noun(w[1:]))
                or self._genitive_body(w) or self._body_task(toks, k, end, w) is not None)

    def _purpose_word(self, w: str) -> bool:
        """لل + a noun that can say what a body is for: no human plural, medium or title (those are spoken to)."""
        base = w[2:]
        return w.startswith("لل") and len(base) >= 3 and not base.endswith(("ين", "ون")) and base not in self.media \
            and base not in self.lex.channels and base not in self.lex.titles and base not in self.lex.anonymous \
            and base not in self.occasions

    def _body_word(self, w: str) -> bool:
        """A body's head, bare or with a glued preposition or article ("جامعة"، "لجامعة"، "بمستشفى")."""
        orgs = self.lex.organizations
        return w in orgs or strip_article(w) in orgs or (w[:1] in "بلو" and w[1:] in orgs)

    def _body_complement(self, toks: list[Token], k: int, w: str) -> bool:
        """"لل" + a noun after a body's head and its adjectives, or after a compound title, names what the
        body or office is for ("الهيئة العامة للإحصاء"، "المركز العربي للدراسات"، "المدير العام للإنتاج"),
        unless it is someone spoken to: a human plural ("للصحفيين"), a medium or a title ("للتلفزيون"، "للرئيس")."""
        if not self._purpose_word(w):
            return False
        j = self._head_before(toks, k)
        head = strip_article(toks[j].text) if j >= 0 else ""
        return head in self.lex.organizations or (j < k - 1 and head in self.lex.titles and all(
            strip_article(toks[x].text) in self.title_adjectives for x in range(j + 1, k)))
        # ("المدير العام للإنتاج": a compound title's domain; "الوزير للنواب"، "الرئيس الأمريكي للشعب": addressees)

    def _head_before(self, toks: list[Token], k: int) -> int:
        """The index of the head noun whose adjectives end right before token ``k``."""
        j = k - 1
        while j > max(0, k - 3) and is_def(toks[j].text) and strip_article(toks[j].text) not in self.lex.organizations \
                and (is_nisba(toks[j].text) or not self._head_noun(toks[j].text)):
            j -= 1  # "الهيئة العامة"، "المركز الإقليمي"، "اللجنة الدائمة" (a body's head in ـية, "المفوضية", is no nisba)
        return j

    def _body_task(self, toks: list[Token], k: int, end: int, w: str) -> int | None:
        """ل + a verbal noun and its definite object after a body's head and adjectives name the body's
        task ("الهيئة الوطنية لمكافحة الفساد"، "مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية"، "لغوث وتشغيل
        اللاجئين"): where the phrase ends, or None."""
        if not (w[:1] == "ل" and w[1:2] != "ل" and len(w) > 4 and self._task_noun(w[1:])) or k == 0:
            return None
        j = self._head_before(toks, k)
        if j < 0 or j == k - 1 or strip_article(toks[j].text) not in self.lex.organizations:
            return None  # (a bare body is followed by its purpose: "قالت الوزارة لتبرير القرار")
        n = k + 1
        while n < min(end, k + 3) and toks[n].text[:1] == "و" and self._task_noun(toks[n].text[1:]):
            n += 1  # "لغوث وتشغيل": coordinated tasks share the object
        if n < end and is_def(toks[n].text) and not is_nisba(toks[n].text) and toks[n].text not in self.stop:
            return n + 1
        return None

    def _task_noun(self, w: str) -> bool:
        return bool(w in self.verbal_nouns or self.masdar_possessed.match(w) or w in self.construct or (
            w.endswith("ات") and self.masdar_possessed.match(w[:-2])))  # (and in the plural: "لانتخابات الجوف")

    def _genitive_body(self, w: str) -> bool:
        """"للجيش"، "للأمم": ل + the article + a body or place (an addressee such as "للصحفيين" is neither)."""
        return w.startswith("لل") and len(w) > 4 and w[2:] not in self.media and (
            w[2:] in self.lex.organizations or "ال" + w[2:] in self.place_first)

    def _chain_genitive(self, toks: list[Token], k: int, end: int, w: str) -> int | None:
        """A genitive after the head: ل + a body, a construct word and its place or definite noun, an
        employer in ب/ل (quoted or definite). Returns where it ends, or None."""
        if (w in self.construct or (w[:1] in "بل" and w[1:] in self.construct)) and k + 1 < end \
                and self.place_at(toks, k + 1, end) is not None:
            return self.place_at(toks, k + 1, end) or k + 1  # "رئيس وزراء إسرائيل"، "… بمنطقة نجران"
        if w.startswith("ل") and w[1:] in self.lex.organizations and w[1:] not in self.lex.media and k + 2 < end \
                and toks[k + 1].is_word and not is_def(toks[k + 1].text) and toks[k + 1].text not in self.stop \
                and toks[k + 1].text not in self.lex.titles and is_def(toks[k + 2].text):
            return k + 3  # "الأمانة العامة لهيئة كبار العلماء": the body's own construct name
        if w.startswith("ل") and (w[1:] in self.lex.organizations or w[1:] in self.construct) and \
                w[1:] not in self.lex.media:
            if w[1:] in self.construct and k + 2 < end and toks[k + 1].is_word and not is_def(toks[k + 1].text) \
                    and toks[k + 1].text not in self.stop and is_def(toks[k + 2].text) \
                    and not is_nisba(toks[k + 2].text):
                return k + 3  # "لشؤون مكافحة الإرهاب"، "لشؤون نزع السلاح": an action and its object
            if w[1:] in self.construct and k + 1 < end and toks[k + 1].is_word and not is_def(toks[k + 1].text) \
                    and toks[k + 1].text not in self.stop and not self.bad_name(toks[k + 1].text) \
                    and toks[k + 1].text not in self.lex.titles:
                return k + 2  # "المكتب الإعلامي لمنطقة روستوف": the place the gazetteer does not list
            if w[1:] in self.lex.organizations and not is_def(w[1:]) and self._body_own_name(toks, k + 1, end):
                return self._own_name_end(toks, k + 1, end)  # "الفرع المصري لتنظيم داعش"، "المكتب الإعلامي لحكومة دبي"
            return k + 1
        if (w in self.construct or (w[:1] == "ل" and w[1:] in self.construct)) and k + 1 < end \
                and (is_def(toks[k + 1].text) or toks[k + 1].text in self.lex.organizations):
            return k + 1  # "وزير حقوق الإنسان"
        if w in self.place_heads and k + 1 < end and toks[k + 1].is_word and not is_def(toks[k + 1].text) \
                and toks[k + 1].text not in self.stop and not self.bad_name(toks[k + 1].text) \
                and toks[k + 1].text not in self.lex.titles and (
                    k + 2 >= end or not toks[k + 2].is_word or toks[k + 2].text in self.stop
                    or self.bad_name(toks[k + 2].text)):
            return k + 2  # "مجلس بلدية أوكلاند": a place's kind and its own name, last in the phrase
        q_end = self._quoted_name(toks, k + 1, end) if w[1:] in self.lex.organizations and (
            w[:1] == "ب" or (w[:1] == "ل" and w[1:] not in self.lex.media)) else None
        if q_end is not None:
            k = q_end  # "محرر شؤون الشرق الأوسط بصحيفة "الديلي تليجراف" البريطانية": the employer
            # (but "عميد الجامعة لمحطة "سي ان ان"": the outlet spoken to, read as the addressee)
            k = nisbas_end(toks, k, end)
            return k
        if w[:1] == "ب" and w[1:] in self.lex.organizations and k + 1 < end and is_def(toks[k + 1].text):
            return k + 1
        if w[:1] == "ب" and w[1:] in self.lex.organizations and not is_def(w[1:]) \
                and self._body_own_name(toks, k + 1, end):
            return self._own_name_end(toks, k + 1, end)  # "مصدر مسؤول بشرطة عمان السلطانية"، "بشركة صلة الرياضية"
        if w[:1] == "ب" and k > 0 and (is_def(toks[k - 1].text.removeprefix("و"))
                                       or toks[k - 1].text in self.lex.organizations) \
                and self.place_at(toks, k, end, glued="ب") is not None:
            return self.place_at(toks, k, end, glued="ب")  # "المركز العربي للدراسات بجنيف": where the body is
        if w[:1] == "ل" and k > 0 and is_def(toks[k - 1].text) and w[1:] in self.places \
                and w[1:] not in self.media and not self._head_noun(toks[k - 1].text):
            return k + 1  # "المعسكر المؤيد لإسرائيل"، "القوات الموالية لإيران": the adjective's complement
        if w[:1] == "ل" and not w.startswith("لل") and k + 1 < end and toks[k + 1].text.startswith("ال") \
                and not is_nisba(toks[k + 1].text) and self._head_before(toks, k) < k - 1 \
                and self._body_complement(toks, k, "ل" + w):
            n = k + 1  # "المدير العام لملتقى المدينة": what the office or body (after its adjectives: not "دعت
            while n + 2 < end and toks[n + 1].text[:1] == "و" and not is_def(toks[n + 1].text[1:]) \
                    and toks[n + 2].text.startswith("ال"):  # الحكومة لإلقاء القبض") is for, in construct with its
                n += 2  # own, and what is joined to it ("لصوامع الغلال ومطاحن الدقيق")
            return n
        return None

    def _body_own_name(self, toks: list[Token], k: int, end: int) -> bool:
        """After an indefinite body head glued to ل or ب ("لتنظيم"، "بشركة"), the word at ``k`` is the body's own
        one-word name: no definite noun, particle, title, number or word a name never holds."""
        if k >= end or not toks[k].is_word:
            return False
        w = toks[k].text
        return not (is_def(w) or w in self.stop or w in self.lex.titles or w[:1].isdigit() or self.bad_name(w)
                    or w in self.lex.organizations or self.is_cue(w) or w in self.given_names)
        # (a first name starts a person: "برئاسة محمود الشامي" is who heads it)

    def _own_name_end(self, toks: list[Token], k: int, end: int) -> int:
        """Where the body's own name that starts at ``k`` ends: the word, its definite genitive ("حرس الحدود"،
        "أمن الطرق") and nisbas."""
        n = k + 1
        if n < end and is_def(toks[n].text) and not is_nisba(toks[n].text) and toks[n].text not in self.stop:
            n = max(n + 1, self._def_chain(toks, n, end, allow_pp=False))
        return nisbas_end(toks, n, end)

    def _chain_organization(self, toks: list[Token], k: int, end: int, w: str) -> int | None:
        """A body inside the chain with its construct complement or its own name. Returns where it
        ends, or None."""
        if w not in self.lex.organizations:
            return None
        if k + 2 < end and toks[k + 1].text == "#" and toks[k + 2].is_word:
            return k + 3  # "رئيس حزب #القوات_اللبنانية": the body's name as a hashtag
        qn = self._quoted_name(toks, k + 1, end, longest=8) if not is_def(w) else None
        if qn is not None:
            return nisbas_end(toks, qn, end)  # "مدير قناة "العربية" السعودية": the body's name in marks
        if k + 2 < end and toks[k + 1].text in self.lex.organizations and not is_def(toks[k + 1].text) \
                and toks[k + 1].text not in self.media and strip_article(w) not in self.documents \
                and toks[k + 2].is_word and not is_def(toks[k + 2].text):
            return k + 1  # "رئيس مجلس إدارة شركة أرامكو": a body in construct with the next, whose own
            # complement follows (186 "رئيس مجلس إدارة"; a document is no body: "تقرير منظمة …" is an object)
        if k + 2 < end and toks[k + 1].is_word and not is_def(toks[k + 1].text) \
                and toks[k + 1].text not in self.stop and self.place_at(toks, k + 2, end) is not None:
            return self.place_at(toks, k + 2, end) or k + 2  # "وزارة خارجية جنوب أفريقيا"
        if k + 2 < end and toks[k + 1].is_word and not is_def(toks[k + 1].text) \
                and toks[k + 1].text not in self.stop and is_def(toks[k + 2].text):
            return k + 2  # "لجنة حقوق الإنسان": an organization with a construct chain
        if k + 1 < end and is_def(toks[k + 1].text):
            return k + 1  # "باسم وزارة الخارجية": an organization in construct
        if not is_def(w) and k + 3 <= end and toks[k + 1].text in self.place_heads and toks[k + 2].is_word \
                and not is_def(toks[k + 2].text) and toks[k + 2].text not in self.stop and not self.bad_name(toks[k + 2].text):
            return nisbas_end(toks, k + 3, end)  # "قائد شرطة ولاية يوبي": the body, its place's kind and name
        if not is_def(w) and k + 2 <= end and toks[k + 1].is_word and \
                toks[k + 1].text not in self.stop and toks[k + 1].text not in self.lex.titles and \
                toks[k + 1].text not in self.lex.organizations and (
                    k + 2 == end or toks[k + 2].is_word or toks[k + 2].text in ("،", ",")):
            return k + 2  # "رئيس شرطة تورنتو مارك سوندرز": the body's one-word name, then the person's
        return None

    def _chain_preposition(self, toks: list[Token], k: int, end: int, w: str, allow_pp: bool) -> int | None:
        """A representative's seat (عن + place) or a place or body after في/لدى. Returns where it ends,
        or None."""
        if self._supervised_at(toks, k, end):
            return k + 1  # "المشرف العام على فرع الجمعية": what the supervisor is over
        if w.startswith("بال") and len(w) > 5 and k > 0 and (
                toks[k - 1].text in self.lex.titles or strip_article(toks[k - 1].text) in self.lex.titles):
            return k + 1  # "المكلف بالإعلام"، "الخبير بالشؤون الاستراتيجية": the portfolio or field of the title
        if w.startswith("بال") and len(w) > 5 and k > 0 and is_def(toks[k - 1].text) and k + 2 < end \
                and self._plain_name_word(toks[k + 1].text) and (
                    self._plain_name_word(toks[k + 2].text) or toks[k + 2].text in self.comp_words):
            return k + 1  # "مدير العلاقات العامة بالفندق طلعت أبو عوف": where the office is, then the name
        if w == "عن" and self._seat_at(toks, k, end, allow_pp):
            return self.place_at(toks, k + 1, end) or k + 1  # "النائب عن القدس"، "السناتور عن فلوريدا"
        if allow_pp and w in ("في", "لدي") and k + 1 < end:
            nxt = self._word(toks, k + 1, end)
            p_end = self.place_at(toks, k + 1, end)
            if p_end is not None:
                return p_end  # "سفير خادم الحرمين الشريفين في مصر"
            if nxt and strip_article(nxt) not in self.lex.channels and (is_def(nxt) or nxt in self.lex.organizations):
                return k + 1
        return None

    def _plain_name_word(self, w: str) -> bool:
        """A word that may be part of a personal name: plain letters, no article, no stop word or verb."""
        return w.isalpha() and not is_def(w) and w not in self.stop and not self.bad_name(w) \
            and w not in self.lex.titles and w not in self.lex.organizations

    def _supervised_at(self, toks: list[Token], k: int, end: int) -> bool:
        """"على" right after a supervisor's title ("المشرف (العام) على …") opens what is supervised."""
        return toks[k].text == "علي" and k + 1 < end and k > 0 and (toks[k - 1].text in self.supervisors or (
            k > 1 and toks[k - 1].text == "العام" and toks[k - 2].text in self.supervisors))

    def _head_noun(self, w: str) -> bool:
        """A definite word the lexicons know as the head of a body, office or group ("الشركة"، "الوزير"):
        a noun, never the adjective of the definite noun before it."""
        base = strip_article(w)
        return base in self.lex.organizations or base in self.lex.titles or base in self.lex.anonymous

    def _seat_at(self, toks: list[Token], k: int, end: int, allow_pp: bool) -> bool:
        """"عن + place" right after a representative's title is the seat ("النائب عن القدس"), not a topic; so is a
        party, bloc or district ("النائبة عن حزب نداء تونس"، "النائب عن الجبهة الشعبية"، "نائب عن المنطقة")."""
        if not (allow_pp and k > 0 and toks[k - 1].text in self.seat_titles and k + 1 < end):
            return False
        w = self._word(toks, k + 1, end)
        return self.place_at(toks, k + 1, end) is not None or (w is not None and (
            w in self.lex.organizations or w in self.place_heads or (is_def(w) and not self.is_action(strip_article(w)))))

    def _surname_here(self, toks: list[Token], k: int, end: int) -> bool:
        """A definite word ending in ي that is a known name, or no listed adjective, right after a title."""
        w = toks[k].text
        if k > 0 and is_def(w) and w in getattr(self._known, "family_names", ()) \
                and (toks[k - 1].text in self.lex.titles or strip_article(toks[k - 1].text) in self.lex.titles):
            return True  # "الدكتور المعجل" once the article has named "عبدالحميد المعجل"
        if not (is_def(w) and w.endswith("ي")) or k == 0:
            return False
        if w in self._known:
            return True
        prev = toks[k - 1].text
        if strip_article(w) in self.lex.adjectives or self.is_institution(w):
            return False
        if prev in self.team_titles:
            return False  # "الفريق الطبي"، "الفريق الكتالوني": a team and its nisba, not the rank and a surname
        # only directly after the title word or its listed adjective
        if not (prev in self.lex.titles or strip_article(prev) in self.lex.adjectives):
            return False
        j = k - 1
        while j > 0 and strip_article(toks[j].text) in self.lex.adjectives:
            j -= 1
        if strip_article(toks[j].text) in self.lex.organizations:
            return False  # "رئيس الحزب الديمقراطي الكردستاني، مسعود بارزاني": the body's nisbas, not a surname
        nxt = toks[k + 1] if k + 1 < end else None
        # "الرئيس الروماني كلاوس يوهانيس": a name after it means it was an adjective
        return (nxt is None or not nxt.is_word or nxt.text in self.stop or nxt.text in self.lex.titles
                or nxt.text in self.comp_words)

    def _title_word(self, w: str) -> bool:
        """A title, with or without its article, or a definite profession nisba ("الإعلامي"، "الكاتب")
        — what "و" may join to a title chain: "عضو مجلس الشورى السابق والكاتب والإعلامي"."""
        return w in self.lex.titles or strip_article(w) in self.lex.titles or (is_def(w) and is_nisba(w)) or (
            len(w) > 4 and w.endswith("ه") and w[:-1] in self.lex.titles)  # "وقائده": a possessed title

    def title_chain(self, toks: list[Token], i: int, end: int) -> int:
        """A title and its complements, compound titles included:
        "وزير الدولة لشؤون الإعلام الناطق الرسمي باسم الحكومة"، "سفير خادم الحرمين الشريفين في مصر"."""
        k = self._title_complement(toks, i + 1, end)
        if toks[i].text in self.outlet_roles and (m_end := self._media_name_at(toks, i + 1, end)) is not None:
            k = m_end  # "محرر بي بي سي للشؤون الأمنية، فرانك غاردنر،": the outlet the role works for, and its beat
            if k < end and toks[k].text.startswith("لل"):
                k = max(k + 1, self._def_chain(toks, k, end))
        while k < end and toks[k].is_word and k - i < 14 and (
                toks[k].text in self.lex.titles or (toks[k].text[:1] == "و" and self._title_word(toks[k].text[1:]))):
            k = self._title_complement(toks, k + 1, end)
        if k > i + 1 and k + 1 < end and toks[k].text[:1] == "ل" and self._side_phrase_at(toks, k - 1):
            k -= 1  # (the participle read as the title's adjective already)
        if k + 2 < end and toks[k + 1].text[:1] == "ل" and self._side_phrase_at(toks, k):
            k = max(k + 2, self._def_chain(toks, k + 1, end))  # "النائبة المحافظة المؤيدة لأوروبا سارة …": the side
        return k  # the title's holder takes, before the name

    def _title_complement(self, toks: list[Token], k: int, end: int) -> int:
        """Where a title's complement ends: a listed place or company in construct ("مؤسس فيسبوك"،
        "رئيس وزراء إسرائيل"), then its definite chain."""
        if not is_def(toks[k - 1].text):
            p_end = self.place_at(toks, k, end)
            if p_end is not None:
                return self._def_chain(toks, p_end, end)
            w = toks[k].text if k < end and toks[k].is_word else ""
            n = k + 1
            while w in self.place_heads and n < end and toks[n].text in self.place_heads:
                n += 1  # "رئيس بلدية محافظة الخرمة نايف بن فيصل": places' kinds in a row, then the definite name
            if n > k + 1 and n < end and is_def(toks[n].text):
                return self._def_chain(toks, n, end)
            if n > k + 1 and n < end and toks[n].is_word and toks[n].text not in self.stop and not self.bad_name(toks[n].text):
                return nisbas_end(toks, self.place_at(toks, n, end) or n + 1, end)  # "بلدية محافظة قلوة المهندس …"
            place = toks[k + 1].text if k + 3 < end else ""
            if (w in self.place_heads or w in self.construct) and place and not is_def(place) \
                    and all(t.is_word and t.text not in self.stop for t in toks[k + 1:k + 4]) \
                    and place not in self.lex.titles and place not in self.lex.organizations \
                    and place not in self.construct and not self.is_action(place) and not self.bad_name(toks[k + 2].text):
                # "حاكم ولاية كاليفورنيا جيري براون"، "رئيس وزراء لاتفيا ماريس كوتشينسكيس": the place's own name
                # (one word unless the gazetteer knows it: "أمير منطقة مكة المكرمة خالد الفيصل") before a name
                # of two words at least (not "رئيس بلدية بيت لحم إن")
                return nisbas_end(toks, self.place_at(toks, k + 1, end) or k + 2, end)
            j = k
            while j + 1 < end and toks[j].text in self.title_adjectives:
                j += 1  # "مدير عام ملتقى المدينة"، "نائب أول رئيس …": the compound title's genitive
            genitive = self._title_genitive(toks, j, end, toks[j].text if j < end and toks[j].is_word else "",
                                            toks[k - 1].text)
            if genitive is not None:
                return genitive
            if toks[k - 1].text in self.lex.titles and len(w) >= 5 and not is_def(w) \
                    and w.endswith(("ها", "هم", "هما", "ته", "ايه")) and w not in self.stop and not self.is_cue(w):
                # (a real pronoun, not a folded ة: "خارجيته"، "وزرائه"، "دفاعها"; not "المالية")
                return self._def_chain(toks, k + 1, end)  # "وزير خارجيته مايك بومبيو"، "رئيس وزرائها" (53 in the
                # corpus): an indefinite title's genitive, possessed by whom the sentence is about
        return self._def_chain(toks, k, end)

    def _title_genitive(self, toks: list[Token], k: int, end: int, w: str, title: str) -> int | None:
        """An indefinite title is in construct, so the indefinite word after it is a genitive with its own, never a
        first name: "أمين سر اللجنة التنفيذية"، "مدرب فريق القوة الجوية"، "أستاذة علم النفس"، "رجل أعمال سعودي"
        (an honorific may stand before a name: "معالي محمد …"). Where the genitive ends, or None."""
        if self.lex.titles.get(title, "-") == "-" or not w or is_def(w) or k + 1 >= end \
                or (w in self.stop and w not in self.lex.organizations) or w in self.joiners \
                or w in self.lex.titles or w in self.lex.adjectives or self.is_cue(w):
            return None
        nxt = toks[k + 1].text
        p_end = self.place_at(toks, k + 1, end)
        if p_end is not None:
            return nisbas_end(toks, p_end, end)  # "ولي عهد أبوظبي"، "ولي عهد السعودية": the genitive's own place
        if nxt in self.lex.adjectives:
            return indefinite_nisbas_end(toks, k + 1, end)
        if nxt.startswith("ال") and is_def(nxt) and not is_nisba(nxt):
            return self._def_chain(toks, k + 1, end)
        if nxt in ("،", ",") and self._plain_name_word(w) and k + 2 < end and self._plain_name_word(toks[k + 2].text):
            return k + 1  # "رئيس ميدياسيت، فيديلي كونفالونييري،": the body's name alone, then the person's set off
        return None

    def _noun_in_ta(self, toks: list[Token], k: int, end: int, w: str, names: int, plain: int, known: set[str],
                    after_title: bool) -> bool:
        """"فرصة جيدة"، "دونالد ترمب تهانيه": a word in ة (or with a pronoun) opening the run, or third in it, is a
        noun, not a name — but after a title, in an apposition or right after the cue "بوجمعة الرميلي"، "، سارة
        ساندرز،"، "وقالت سارة ليا ويتسن" are names; a name in الله is one anywhere: "عبدالله البرقان"."""
        if not w.endswith("ه") or w.endswith("الله") or w in known or w in self.joiners or not (names == 0 or plain >= 2):
            return False
        nxt = toks[k + 1].text if k + 1 < end else ""
        apposition = k > 0 and toks[k - 1].text in ("،", ",") and k + 2 < end and toks[k + 2].text in ("،", ",", ":")
        after_cue = k > 0 and self.is_cue(toks[k - 1].text) and self._plain_run_closes(toks, k + 1, end) \
            and w not in self.documents and w not in self.lex.organizations and w not in self.place_heads \
            and w not in self.construct and w not in self.lex.titles and w not in self.number_words
        # ("وقالت سارة ليا ويتسن، …": a name of plain words that the comma or the content closes)
        return not ((after_title or apposition or after_cue) and names == 0 and nxt and toks[k + 1].is_word
                    and nxt not in self.stop and (not is_def(nxt) or nxt.endswith("ي"))
                    and not (nxt.endswith("ه") and w not in self.given_names))
        # (two words in ة are a noun and its adjective: "رافق الرئيس حماية مكثفة")

    def _plain_run_closes(self, toks: list[Token], k: int, end: int) -> bool:
        """One to three plain words from ``k`` (no article, no ة, no stop word) closed by a comma, a colon, a
        quotation mark or a complementizer."""
        j = k
        while j < min(end, k + 3) and toks[j].is_word and not is_def(toks[j].text) and not toks[j].text.endswith("ه") \
                and toks[j].text not in self.stop:
            j += 1
        return j > k and (j >= end or toks[j].text in ("،", ",", ":") or toks[j].text in self.comp_words
                          or not toks[j].is_word)

    def _name_run(self, toks: list[Token], k: int, end: int, known: set[str], after_title: bool = False) -> int:
        """A personal name: up to three plain tokens, joined by بن/أبو/عبد, with at most one
        definite surname (الكاظمي، أبو الغيط)."""
        start = k
        names = 0
        plain = 0
        last_def = False
        while k < end and (names < 5 or (names < 8 and toks[k - 1].text in self.joiners)):
            # (a joiner asks for its name: "خالد بن سلمان بن عبد العزيز" has six words)
            if names == 0:
                q = self._quoted_name(toks, k, end)
                if q is not None:
                    return q
            if names > 1 and toks[k - 2].text == "ال" and k - 2 >= start:
                break  # "آل الشيخ"، "آل ثاني" (آل folds to ال): the family name ends the name
            if names > 0 and phrase_end(toks, k, end, self.adjuncts) > k:
                break  # "رسول الله صلى الله عليه وسلم"، "ابن باز رحمه الله": a eulogy or an aside ends the name
            if names > 0 and toks[k].text == "-" and self._glued_hyphen(toks, k, end):
                k, names = k + 2, names + 1  # "جان-إيف لودريان"، "مون جاي-إن": one name
                continue
            if toks[k].text == "#" and names > 0 and k + 1 < end and toks[k + 1].is_word \
                    and not (is_def(toks[k + 1].text) and "_" in toks[k + 1].text):
                k += 1  # "مايك #بومبيو": a hashtag on the surname (not "عريقات #المجتمع_الدولي", the object)
                continue
            w = self._word(toks, k, end)
            nxt = toks[k + 1].text if k + 1 < end else ""
            ali = w == "علي" and (self._ali_at(toks, k, w, nxt) or (names > 0 and toks[k].start in self.ali_ya))
            if w == "فان" and names < 2 and (names or self.is_cue(toks[k - 1].text)) and self.van_at(toks, k, end):
                k += 1  # "لويس فان غال"، "روبن فان بيرسي": the Dutch van inside a name, not فإن
                continue
            if w is None or (self._stop_at(toks, k, w) and not ali) or (
                    w in self.construct_titles and names > 0 and (is_def(nxt) or nxt in self.lex.anonymous)) or (
                    w in self.lex.titles and names > 0 and toks[k - 1].text not in self.joiners
                    and not self._surname_title(toks, k, end)):  # ("آل الشيخ": after a joiner it is the family)
                break
            prev = toks[k - 1].text if k > start else ""
            if names == 0 and after_title and w in self.not_alone and w not in known:
                break  # "أكد الأمين العام حرص الأمانة على …": a common noun after the title is no name
            if names > 0 and w[:1] == "و" and w[1:] in self.partitives and w not in known:
                break  # "وانسحب يعقوب وعدد من أعضاء …": و and a partitive join another noun phrase
            if self._outside_name(w, names, known, prev) or \
                    (names == 0 and not ali and (w in self.lex.organizations or w in self.lex.titles)) or \
                    self.place_at(toks, k, end) is not None:
                break
            if w in self.name_parts and names > 0 and (not last_def or (w == "الله" and prev not in self.joiners)):
                # ("الحمد الله"، "الجار الله": a definite word and الله make one family name)
                k += 1  # "صلاح الدين"، "عبد الله": part of the given name
                names += 1
                continue
            if is_def(w) and toks[k].start not in self.hamza_al and not (names == 0 and toks[k].start in self.hamza_il):
                # (a first name may be written إل, "إليزابيث"، "إلياس"; later it is a verbal noun, "إلغاء")
                if not self._definite_in_name(toks, k, end, w, names, known, last_def):
                    break
                k += 1
                names += 1
                last_def = prev not in self.joiners  # "عبد الفتاح السيسي": after عبد it is the given name
                if prev not in self.joiners and nxt != "الله":
                    break  # one surname ends the name
                continue
            if last_def:
                break
            if w not in known and k + 1 < end and toks[k + 1].is_word and (
                    (names > 0 and nxt.endswith("يه") and nxt in self.lex.adjectives)
                    or (w.endswith("ا") and nxt.endswith("يا") and nxt not in known
                        and (names > 0 or nxt[:-1] in self.lex.adjectives))):
                break  # "دونالد ترامب قرارات تنفيذية"، "اللاعب دورا إضافيا": a noun with an indefinite
                # (or accusative) adjective is no name
            if self._noun_in_ta(toks, k, end, w, names, plain, known, after_title):
                break
            if prev in getattr(known, "surnames", known) and prev not in self.joiners and names > 0 and (
                    w not in known or self._two_surnames(prev, w, known)):
                break  # a known surname ends the name: "بومبيو الكونغرس"، "حذر نتنياهو بوتين" (another's surname)
            if plain >= 3 and prev not in self.joiners:
                break
            k += 1
            names += 1
            if w not in self.joiners:
                plain += 1
        return self._regnal_number(toks, start, self._name_tail(toks, start, k, end), end, known)

    def _name_tail(self, toks: list[Token], start: int, k: int, end: int) -> int:
        """Where a name run that stopped at ``k`` ends: after "آل" its family name, whatever the count of words
        ("خالد بن أحمد آل خليفة": 27 corpus speakers had lost it); otherwise never on a joiner (but "آبي" written with
        madda is a surname: "شينزو آبي")."""
        if start < k < end and toks[k - 1].text == "ال" and toks[k].is_word and not is_def(toks[k].text) \
                and toks[k].text not in self.stop and not self.bad_name(toks[k].text):
            return k + 1
        while k > start and toks[k - 1].text in self.joiners and toks[k - 1].start not in self.madda_ab:
            k -= 1
        return k

    @staticmethod
    def _two_surnames(prev: str, w: str, known: set[str]) -> bool:
        """``w`` is the surname of another person the article named, and no name it gave holds the two together
        ("حذر نتنياهو بوتين": subject and object; not "بهروز بوجاني")."""
        if w not in getattr(known, "surnames", ()):
            return False
        pair = f" {prev} {w} "
        return not any(pair in f" {a} " for a in known if " " in a)

    @staticmethod
    def _glued_hyphen(toks: list[Token], k: int, end: int) -> bool:
        """A hyphen at ``k`` glued on both sides to letters joins the parts of one name (not "2010-2011")."""
        return toks[k].text == "-" and 0 < k and k + 1 < end and toks[k + 1].is_word \
            and toks[k - 1].end == toks[k].start and toks[k].end == toks[k + 1].start \
            and toks[k - 1].text[:1].isalpha() and toks[k + 1].text[:1].isalpha()

    def _regnal_number(self, toks: list[Token], start: int, k: int, end: int, known: set[str]) -> int:
        """A monarch's or pope's ordinal belongs to the name after their title ("الملك عبدالله الثاني"، "البابا
        يوحنا بولس الثاني"، "الملك لويس السادس عشر"), though الأول/الثاني are time words elsewhere."""
        if k == start or k >= end or toks[k].text not in self.regnal_ordinals:
            return k
        if (start == 0 or toks[start - 1].text not in self.regnal_titles) and not (
                toks[k].text in known and toks[k - 1].text in known):
            return k  # (without the title, the article must have given the name with its ordinal)
        if toks[k - 1].text not in self.regnal_ordinals:
            k += 1
        if k < end and toks[k].text == "عشر" and toks[k - 1].text in self.regnal_ordinals:
            k += 1
        return k

    def _outside_name(self, w: str, names: int, known: set[str], prev: str) -> bool:
        """Words a personal name never holds: a channel, an anonymous head after the name, a bad name, a
        medium or programme spoken to ("جاسم لبرنامج «…»"), a definite human plural ("جان إيف لودريان
        الصحافيين": the ones told)."""
        return w in self.lex.channels or (w in self.lex.anonymous and names > 0) or self.bad_name(w) or (
            names > 0 and w in self.guests) or (w[-1:] == "ا" and w[:-1] in self.partitives) or (
            w in self.anon_participles) or (
            names > 0 and w[:1] == "ل" and (w[1:] in self.media or w[1:] in self.programmes)) or (
            names > 0 and is_def(w) and w.endswith(("يين", "يون")) and w not in known and (
                names > 1 or prev in known))  # (not a partitive's genitive: "أحد القرويين"، "نصف البريطانيين")

    def _definite_in_name(self, toks: list[Token], k: int, end: int, w: str, names: int, known: set[str],
                          last_def: bool) -> bool:
        """Whether the definite word ``w`` at ``k`` goes on with the name run of ``names`` words before it."""
        prev = toks[k - 1].text if names else ""
        nxt = toks[k + 1].text if k + 1 < end else ""
        if names > 0 and prev in getattr(known, "surnames", ()) and w not in known:
            return False  # "ووصف ماركل اللحظة التي": after a known surname the name is complete
        if names == 0 and w not in known and not (w.endswith("ي") and len(w) > 4):
            return False
        ends_np = self._surname_ends_phrase(w, toks[k + 1] if k + 1 < end else None)
        after_given = (names == 1 and prev in self.given_names or names >= 3 and k >= 2
                       and toks[k - 2].text in ("بن", "ابن", "بنت")) and self._family_name_after_given(w)
        # ("سعود بن إبراهيم الشريم": after a patronymic the definite word is the family name, as after a first name)
        if names > 0 and not (prev in self.joiners or w.endswith("ي") or w in known or ends_np or nxt == "الله"
                              or after_given):
            return False
        return not (last_def and prev not in self.joiners)

    def _family_name_after_given(self, w: str) -> bool:
        """A definite word right after a listed first name is the family name ("محمد الجدعان"، "عادل الجبير"), unless
        it is a title, an institution or place, a time word, a document or a listed adjective ("محمد الأول")."""
        base = strip_article(w)
        return not (self.is_institution(w) or base in self.lex.titles or w in self.time or base in self.documents
                    or w in self.regnal_ordinals
                    or w in self.lex.adjectives
                    or base in self.lex.adjectives or w in self.stop or self.is_action(base))

    def _surname_ends_phrase(self, w: str, after: Token | None) -> bool:
        """The definite word ``w`` after a given name is a surname that ends the phrase: what follows it
        ends a noun phrase, and it is no institution — unless it is only an anonymous head ("يوسف الشاهد")
        right before the content opener, a comma or a setting ("يوسف الشاهد إثر اجتماع")."""
        base = strip_article(w)
        if (after is None or after.text in self.comp_words or after.text in (":", "،", ",")
            or (after.text in self.setting and after.text not in self.comp_words)) \
                and base in self.lex.anonymous and base not in self.lex.organizations and base not in self.lex.titles:
            return True  # "رئيس الحكومة يوسف الشاهد إن": a surname that is also an anonymous head
        return (after is None or not after.is_word or after.text in self.stop or after.text.startswith("ل")
                or after.text in self.adjunct_first or after.text in self.lex.titles) \
            and not w.endswith("ات") and not self.is_institution(w)

    def _partitive(self, toks: list[Token], i: int, end: int, known: set[str]) -> NP | None:
        """"عدد من أهالي المدينة"، "مجموعة كبيرة من الخبراء": the part and its whole are one anonymous source."""
        j = i + 1
        if j < end and toks[j].text in ("كبير", "كبيره", "قليل", "محدود"):
            j += 1
        agr = _PARTITIVE_AGR.get(toks[i].text, "m.pl")
        if j < end and toks[j].text != "من" and toks[i].text in self.construct_partitives:
            d = j
            while d < min(end, j + 3) and toks[d].is_word and not is_def(toks[d].text) and toks[d].text not in self.stop \
                    and not self.bad_name(toks[d].text) and self._construct_word(toks[d].text):
                d += 1  # "بعض مستخدمي مواقع التواصل"، "أحد أبرز قادة الحركة": indefinite nouns in construct first
            if d < end and is_def(toks[d].text) and not toks[d].text.startswith("لل"):
                k = self._def_chain(toks, d, end)  # "بعض المسؤولين البريطانيين"، "إحدى المعلمات في المدرسة"
                return NP(i, k, "anonymous", agr, i, k, toks[i].text) if k > d else None
            if d > j:
                return None
        if j + 1 >= end or toks[j].text != "من":
            return None
        inner = self.parse(toks, j + 1, end, known, None)
        k = inner.end if inner is not None else self._def_chain(toks, j + 1, end)
        if inner is not None and inner.kind == "person" and k == j + 2 and k < end and toks[k].text.startswith("ال") \
                and not is_def(toks[j + 1].text) and toks[j + 1].text not in known:
            k = self._def_chain(toks, k, end)  # "كثيرون من عشاق الفريق الملكي": an indefinite noun in construct
        if k <= j + 1:
            return None
        if k + 1 < end and toks[k].text in ("في", "من") and (is_def(toks[k + 1].text) or (
                k + 2 < end and is_def(toks[k + 2].text) and toks[k + 1].is_word and toks[k + 1].text not in self.stop)):
            k = self._def_chain(toks, k + 1 if is_def(toks[k + 1].text) else k + 2, end)  # "… في قطاع التأمين"
        while k + 1 < end and toks[k].text[:1] == "و" and len(toks[k].text) > 3 and is_def(toks[k].text[1:]):
            k += 1  # "عدد من المشايخ والدعاة"
        return NP(i, k, "anonymous", agr, i, k, toks[i].text)

    def _construct_word(self, w: str) -> bool:
        """An indefinite noun that may head a construct after a partitive: no name, place, verb or particle."""
        return len(w) >= 3 and w.isalpha() and w not in self.given_names and w not in self.places \
            and w not in self.lex.organizations and w[:1] not in "وف"

    def parse(self, toks: list[Token], i: int, end: int, known: set[str], verb_agr: str | None) -> NP | None:
        """The speaker noun phrase starting at token ``i`` (exclusive bound ``end``), or None; a body's
        short name or acronym in parentheses after it belongs to it ("وكالة الأنباء الألمانية (د.ب.أ)")."""
        share = self._share_of(toks, i, end)
        if share is not None:
            return self._share_np(toks, i, share, end, known)
        np_ = self._parse(toks, i, end, known, verb_agr)
        if np_ is not None and np_.kind in ("person", "anonymous"):
            named = self._named_by_passive(toks, np_, end, known)
            if named is not None:
                return named
        if np_ is not None and np_.kind in ("organization", "person", "anonymous") and np_.end - np_.start >= 2:
            e = next((j for j in range(np_.start + 1, np_.end) if (self.scope_phrase_end(toks, j, end) or 0) >= np_.end), None)
            if e is not None:  # "المنظمة المعنية بحقوق الإنسان"، "سحر رجب المتخصصة في …": the remit describes
                # (inside a title, before the name, it is the title's: "الصحافي المختص في الشأن النيابي وليد حسني")
                np_ = NP(np_.start, e, np_.kind, np_.agreement, min(np_.title_end, e), min(np_.name_end, e), np_.head)
        if np_ is not None and np_.kind in ("organization", "person") and np_.end - np_.start >= 2 and any(
                t.text in self.side_definite for t in toks[np_.start + 1:np_.end]):
            first = np_.start + (2 if self.is_institution(toks[np_.start].text) else 1)  # ("فصائل المعارضة": a head's own
            e = next((j for j in range(first, min(np_.end, end - 1)) if self._side_phrase_at(toks, j)
                      and (np_.kind == "organization" or j >= np_.title_end)), None)  # genitive; a title's own
            # side stays in it: "النائبة المحافظة المؤيدة لأوروبا سارة وولاتسون")
            # (a body "التابع لـ" another keeps it: "مجلس حقوق الإنسان التابع للأمم المتحدة" is its name)
            if e is not None:  # "صحيفة آفي المقربة من الحكومة"، "صحيفة "الوطن" الموالية للنظام": the body, not its side
                np_ = NP(np_.start, e, np_.kind, np_.agreement, min(np_.title_end, e), min(np_.name_end, e), np_.head)
        if np_ is not None and np_.kind == "organization" and np_.end + 2 < end and toks[np_.end].text == "(":
            close = next((j for j in range(np_.end + 2, min(end, np_.end + 7)) if toks[j].text == ")"), None)
            inner = toks[np_.end + 1:close] if close is not None else []
            if inner and inner[0].is_word and inner[0].start == toks[np_.end].end and inner[0].text not in self.stop and all(
                    t.is_word or t.text in ".-" for t in inner):
                return NP(np_.start, close + 1, np_.kind, np_.agreement, np_.title_end,
                          max(np_.name_end, close + 1), np_.head)
        return np_

    @functools.cached_property
    def side_definite(self) -> frozenset[str]:
        """The side participles with the article: a cheap first test in ``parse``."""
        return frozenset("ال" + w for w in self.side_participles)

    def _side_phrase_at(self, toks: list[Token], j: int) -> bool:
        """A definite participle of side, belonging or residence with its complement at ``j``: "الموالية للنظام"،
        "المقربة من الحرس"، "المنتمي إلى الاتحاد"، "المقيم في الرياض" (a body "التابع لـ" another keeps it)."""
        w, nxt = toks[j].text, toks[j + 1].text
        base = strip_article(w)
        if not is_def(w) or base not in self.side_participles or w.startswith("التابع"):
            return False
        lam = nxt[:1] == "ل" and nxt not in self.given_names \
            and not (nxt[1:] in self.media or nxt[2:] in _MEDIA_HEADS)  # ("الموالية لإيران"، "للنظام"; not a name,
        # "المعارض لويس فاغنر"، nor the outlet spoken to, "المعارض للصحيفة")
        return nxt == "من" or lam or (nxt == "الي" and base.startswith("منتمي")) or (
            nxt == "في" and base.startswith("مقيم"))

    def share(self, toks: list[Token], i: int, end: int, known: set[str]) -> NP | None:
        """A share of a group opening the phrase at ``i`` ("50 في المئة من المشاركين"), or None."""
        share = self._share_of(toks, i, end)
        return self._share_np(toks, i, share, end, known) if share is not None else None

    def _share_np(self, toks: list[Token], i: int, share: int, end: int, known: set[str]) -> NP | None:
        """"قال 50 في المئة من المشاركين"، "يرى 62% من الاقتصاديين": the share and its group, an unnamed source."""
        group = self._parse(toks, share, end, known, None)
        g_end = group.end if group is not None and group.kind != "organization" else self._def_chain(toks, share, end)
        return NP(i, g_end, "anonymous", "m.pl", i, i, toks[i].text) if g_end > share else None

    @staticmethod
    def _share_of(toks: list[Token], i: int, end: int) -> int | None:
        """The index after "من" when a percentage opens the phrase at ``i`` ("50 في المئة من"، "62% من")."""
        k = i
        if k < end and toks[k].text.isdigit():
            k += 1
            if k + 1 < end and toks[k].text in (".", ",", "٫") and toks[k + 1].text.isdigit():
                k += 2
        if k == i:
            return None
        if k < end and toks[k].text in ("%", "٪"):
            k += 1
        elif k + 1 < end and toks[k].text == "في" and toks[k + 1].text in ("الميه", "المايه"):
            k += 2
        elif k < end and toks[k].text in ("بالميه", "بالمايه"):
            k += 1
        else:
            return None
        return k + 1 if k + 1 < end and toks[k].text == "من" else None

    def _named_by_passive(self, toks: list[Token], np_: NP, end: int, known: set[str]) -> NP | None:
        """"مقيم يدعى مقطر ظاهر"، "شاهد عيان يدعى محمد": an unnamed person (whose phrase may have run over the
        passive) and then the name it introduces: the person is the name, the words before it the title."""
        p = next((j for j in range(np_.start + 1, min(np_.end + 1, end)) if toks[j].text in self.named_passives), None)
        if p is None or p + 1 >= end or not (np_.name_end <= np_.title_end or p == np_.start + 1 or np_.name_end > p):
            return None
        k = self._name_run(toks, p + 1, end, known, after_title=True)
        return NP(np_.start, k, "person", np_.agreement, p + 1, k, np_.head) if k > p + 1 else None

    def scope_phrase_end(self, toks: list[Token], k: int, end: int) -> int | None:
        """After a definite participle of remit and its preposition ("المعنية بحقوق الإنسان"، "المتخصصة في شؤون
        الأسرة"، "المسؤول عن الملف"), where the phrase ends; None if ``k`` opens no such phrase."""
        preps = self.scope_participles.get(strip_article(toks[k].text)) if k + 1 < end and is_def(toks[k].text) else None
        if not preps:
            return None
        nxt = toks[k + 1].text
        if nxt in preps and k + 2 < end and toks[k + 2].is_word:
            j = k + 2
        elif "ب" in preps and nxt[:1] == "ب" and len(nxt) > 2 and toks[k + 1].is_word:
            j = k + 1
        else:
            return None
        g = j + 1  # its object is a noun in construct ("بشؤون كرة القدم") ending on a definite noun, or one word
        while g < min(end, j + 4) and toks[g].is_word and not is_def(toks[g].text) and toks[g].text not in self.stop:
            g += 1
        if g < end and is_def(toks[g].text) and not is_def(toks[j].text):
            return max(self._def_chain(toks, g, end), g + 1)
        return max(self._def_chain(toks, j, end), j + 1)

    def _parse(self, toks: list[Token], i: int, end: int, known: set[str], verb_agr: str | None) -> NP | None:
        """The speaker noun phrase starting at token ``i`` (exclusive bound ``end``), or None. The kinds
        are tried in order of how surely their first word identifies them: a hashtag or quoted name, a
        gazetteer place, a demonstrative, a re-mention or count, a partitive, an anonymous head, a title,
        a document with its issuer, an organization, a bare name, a definite description."""
        self._known = known
        if i + 1 < end and toks[i].text == "#":
            inner = self.parse(toks, i + 1, end, known, verb_agr)  # "#الصين"، "#الولايات_المتحدة"
            return NP(i, inner.end, inner.kind, inner.agreement, i if inner.title_end == i + 1 else inner.title_end,
                      inner.name_end, inner.head) if inner is not None else None
        q = self._quoted_name(toks, i, end)
        if q is not None:
            inner = " ".join(t.text for t in toks[i + 1:q - 1])
            kind = "organization" if inner in self.media or (self.places.get(inner) or ("",))[0] == "organization" \
                else "person"  # ("«رويترز»"، "«تويتر»": an outlet or body in marks, not a person)
            return NP(i, q, kind, verb_agr, i, q, toks[i + 1].text)
        w = self._word(toks, i, end)
        nxt = toks[i + 1].text if i + 1 < end else ""
        if w in self.partitives:  # (بعض is also a stop word: "بعض المسؤولين" still names a source)
            part = self._partitive(toks, i, end, known)
            if part is not None:
                return part
            if w in self.named_bodies and i + 1 < end and toks[i + 1].is_word and not is_def(nxt) \
                    and nxt not in self.stop:
                return self._organization_np(toks, i, end, known, verb_agr, w)  # "مجموعة بولوريه": no partitive
        if w is None or (self._stop_at(toks, i, w) and not self._ali_at(toks, i, w, nxt)
                         and not (nxt in ON_BEHALF and (w in self.lex.titles or w in self.lex.anonymous))):
            return None  # (a participle cue form used as a noun, "متحدثة باسم الشركة", is a title)
        lex = self.lex
        # a place or institution named by the gazetteer
        p_end = self.place_at(toks, i, end)
        if p_end is not None:
            kind, g = self.places[" ".join(t.text for t in toks[i:p_end]).replace("_", " ")]
            if kind == "organization" and (is_def(w) or p_end > i + 1) and p_end < end \
                    and toks[p_end].text.endswith(("ي", "يه")) and self.place_at(toks, p_end, end) is None:
                p_end = nisbas_end(toks, p_end, end)  # "الموساد الإسرائيلي"، "مجلس الأمن الدولي"، "حزب الله
                # اللبناني" (a singular nisba: "تتهم الرياض الحوثيين" is subject and object)
            if kind == "organization" and p_end > i + 1 and p_end < end \
                    and self._purpose_genitive(toks, p_end, end, toks[p_end].text):
                p_end = self._def_chain(toks, p_end + 1, end)  # "الاتحاد الأوروبي لكرة القدم": what the body is for
            return NP(i, p_end, kind, _GENDER_AGR.get(g, verb_agr), i, p_end, w)
        if w in self.demonstratives:
            return self._demonstrative_np(toks, i, end, verb_agr)
        inner = self._determined_np(toks, i, end, known, verb_agr, w)
        if inner is not None:
            return inner
        base = strip_article(w)
        if (w in lex.anonymous or base in lex.anonymous) and w not in lex.titles and not (
                w != base and base in lex.titles and nxt in self.given_names):
            return self._anonymous_np(toks, i, end, known, w)  # (but "الطبيب أحمد عامر": a role, then the name)
        if len(w) > 4 and w.endswith("نا") and (w[:-2] in lex.anonymous or (w.endswith("تنا") and w[:-3] + "ه" in
                                                                             lex.anonymous)):
            # "وأفاد مراسلنا بأن"، "مصادرنا" (88 in the corpus): the outlet's own correspondent or source
            return NP(i, nisbas_end(toks, i + 1, end), "anonymous", verb_agr, i, i, w)
        if w in lex.titles or base in lex.titles or (
                w in self.construct_titles and i + 1 < end and (is_def(nxt) or nxt in lex.anonymous)):
            return self._title_np(toks, i, end, known, verb_agr, w)
        role = self._role_before_name(toks, i, end, known, verb_agr, w, nxt)
        if role is not None:
            return role
        doc = self._document_np(toks, i, end, known, verb_agr, w)
        if doc is not None:
            return doc
        named = self._nisba_then_name(toks, i, end, known, verb_agr, base)
        if named is not None:
            return named
        if w in lex.organizations or base in lex.organizations:
            return self._organization_np(toks, i, end, known, verb_agr, w)
        # a bare name or a known short mention
        if w in known or not is_def(w) or toks[i].start in self.hamza_al:
            return self._bare_name_np(toks, i, end, known, verb_agr, w)
        return self._definite_np(toks, i, end, verb_agr, w)

    def _role_before_name(self, toks: list[Token], i: int, end: int, known: set[str], verb_agr: str | None,
                          w: str, nxt: str) -> NP | None:
        """"كشف البائع سعيد بن سالم أنه"، "وقالت البارونة فرانسيس ديسوزا إن"، "أبدى المتهم عيدان …": a definite
        noun no lexicon lists, right before a listed first name, is the person's role (51 after a cue in the
        corpus, 8 of 10 sampled real, all read wrong before: no quote, or the role kept in the name)."""
        if not (is_def(w) and nxt in self.given_names and w not in known and w not in self.given_names
                and toks[i].start not in self.hamza_al  # (not a name written أل: "وأضافت ألفة يوسف")
                and not is_nisba(w) and strip_article(w) not in self.lex.organizations and w not in self.places
                and strip_article(w) not in self.lex.adjectives and not self.bad_name(nxt)):
            return None
        k = self._name_run(toks, i + 1, end, known, after_title=True)
        if k <= i + 1:
            return None
        return NP(i, k, "person", verb_agr, i + 1, k, w)

    def _demonstrative_np(self, toks: list[Token], i: int, end: int, verb_agr: str | None) -> NP | None:
        """"هذه الوكالة الرسمية": a demonstrative and the definite noun it points at."""
        k = i + 2 if i + 1 < end and is_def(toks[i + 1].text) else i + 1
        k = nisbas_end(toks, k, end)
        if k > i + 1:
            return NP(i, k, "organization", verb_agr, i, k, toks[i + 1].text)
        return None

    def _determined_np(self, toks: list[Token], i: int, end: int, known: set[str], verb_agr: str | None,
                       w: str) -> NP | None:
        """A re-mention ("نفس المصدر") or a count ("3 مصادر مطلعة"): the phrase after the determiner,
        widened to include it. None where neither applies."""
        if w in ("نفس", "ذات") and i + 1 < end and is_def(toks[i + 1].text):
            inner = self.parse(toks, i + 1, end, known, verb_agr)  # "نفس المصدر": a re-mention
            if inner is not None and inner.kind != "person":
                return NP(i, inner.end, inner.kind, inner.agreement, i, inner.name_end, inner.head)
        if w.isdigit() and i + 1 < end and toks[i + 1].text in self.lex.anonymous:
            inner = self.parse(toks, i + 1, end, known, verb_agr)  # "3 مصادر مطلعة"
            if inner is not None:
                return NP(i, inner.end, inner.kind, inner.agreement, i, inner.name_end, inner.head)
        return None

    def _anonymous_np(self, toks: list[Token], i: int, end: int, known: set[str], w: str) -> NP:
        """An anonymous head ("مصادر"، "متحدث") and its modifiers: nisbas, "مطلعة على …", "باسم …",
        a genitive, a place or body after في/من/ب."""
        lex = self.lex
        agr = lex.anonymous.get(w) or lex.anonymous.get(strip_article(w))
        head = w
        if w.endswith(("هم", "هن", "هما")):
            return NP(i, i + 1, "anonymous", agr, i, i + 1, head)  # "أحدهم": a pronoun takes no modifier
        k = self._anonymous_modifiers(toks, i + 1, end, known, w)
        while k + 1 < end and toks[k].text[:1] == "و" and self._coordinated_source(toks[k].text[1:]):
            w = toks[k].text[1:]  # "مسؤولون ودبلوماسيون أوروبيون"، "أطباء ومسعفون": one source of many voices
            k = self._anonymous_modifiers(toks, k + 1, end, known, w)
            agr = "m.pl"
        kind = "organization" if strip_article(head) in self.unnamed_media else "anonymous"
        return NP(i, k, kind, agr, i, k, head)  # ("تقارير صحافية": an unnamed medium, an organization by the guidelines)

    @staticmethod
    def _construct_head(w: str) -> bool:
        """An indefinite head that can govern a definite genitive: a singular or a broken plural (ضابط،
        سكان، شهود، خبراء) can; a sound plural in ون/ين cannot (it would drop its ن: مسؤولو الوزارة), so
        "محللون القرار" is a subject and its object."""
        return not is_def(w) and not w.endswith(("ون", "ين"))

    def _coordinated_source(self, w: str) -> bool:
        """A plural anonymous head ("شهود"، "دبلوماسيون") that "و" can join to the source before it."""
        agr = self.lex.anonymous.get(w)
        return agr is not None and "pl" in agr

    def _anonymous_modifiers(self, toks: list[Token], k: int, end: int, known: set[str], w: str) -> int:
        """The end of the modifiers after the anonymous head ``w`` (at ``k - 1``)."""
        lex = self.lex
        i = k - 1
        while k < end:
            x = self._word(toks, k, end)
            if x is None or x in _RELATIVES:
                break  # ("المصدر الذي رفض الكشف عن اسمه": the relative clause is no modifier)
            if x in ON_BEHALF and k + 1 < end:
                nk = self._def_chain(toks, k, end)  # "متحدث باسم مكتب الرئيس"
                k = self._name_run(toks, nk, end, known) if nk == k + 1 else nk  # "متحدث باسم فانسان بولوريه"
                continue
            if x in self.allegiance and k + 1 < end and toks[k + 1].text[:1] == "ل" and len(toks[k + 1].text) > 3:
                side = k + 1
                k = self.place_at(toks, side, end, glued="ل") or self.place_at(toks, side, end, glued="لل") or k + 2
                if k == side + 1 and not is_def(toks[side].text) and k < end and toks[k].is_word \
                        and toks[k].text not in self.stop:
                    k = self._quoted_name(toks, k, end) or k + 1  # "تابعة لتنظيم داعش": the side's construct name
                while k < end and is_def(toks[k].text) and (is_nisba(toks[k].text) or toks[k].text.startswith("الم")):
                    k += 1  # "مصادر إعلامية موالية للمعارضة السورية المسلحة"، "تابعة لحزب الله": the side
                continue
            if w.endswith("ا") and x.endswith("ا") and (x[:-1] in self.anon_mod or is_nisba(x[:-1])):
                k += 1  # the accusative after لكنّ/إنّ agrees: "مسؤولا سعوديا بارزا"
                continue
            if x in self.time and toks[k - 1].text in self.issued:
                k += 1  # "الصحف السودانية الصادرة اليوم": the day belongs to "issued"
                continue
            if x in self.anon_mod or self._nisba_modifier(toks, k, i, w, x) or (
                    is_def(x) and is_def(w) and not x.startswith("لل") and x not in self.stop
                    and x not in lex.titles):  # (a definite head takes definite
                # adjectives: "المزارعون سياسيين محليين" is a subject and its object)
                k += 1
                if x.startswith("مطلع") and k < end and toks[k].text == "علي":
                    k = self._def_chain(toks, k + 1, end)  # "مصادر مطلعة على القضية"
                continue
            if k == i + 1 and not is_def(w) and not is_def(x) and x not in self.stop and k + 1 < end and \
                    is_def(toks[k + 1].text):
                k = self._def_chain(toks, k + 1, end)  # "خبراء حقوق الإنسان"
                continue
            if k == i + 1 and self._construct_head(w) and self.place_at(toks, k, end) is not None:
                k = self.place_at(toks, k, end) or k  # "أهل اسكتلندا"، "سكان غزة"
                continue
            if k == i + 1 and self._construct_head(w) and is_def(x) and not x.startswith("لل") and x not in self.stop:
                k = self._def_chain(toks, k, end, allow_pp=False)  # "سكان العاصمة"، "شهود العيان"، "خبراء الأرصاد الجوية"
                continue
            if k == i + 1 and w.endswith("و") and w + "ن" in lex.anonymous and x not in self.stop and (
                    (g_end := self._construct_form_genitive(toks, k, end, known, x)) is not None):
                k = g_end  # "محامو عنيسي"، "مراسلو وكالة فرانس برس": the construct form takes its genitive
                continue
            if x in _BODY_PREPS and k + 1 < end and self.place_at(toks, k + 1, end):
                k = self.place_at(toks, k + 1, end) or k + 1
                continue
            if x in ("وفي", "ومن") and k > i + 1 and k + 1 < end and (
                    strip_article(toks[k + 1].text) in lex.organizations or self.place_at(toks, k + 1, end)):
                x = x[1:]  # "مصادر محلية وفي المقاومة": a second modifier joined to the first
            if x in _BODY_PREPS or (x.startswith("ب") and (is_def(x[1:]) or x[1:] in lex.organizations)):
                j = k + 1 if x in _BODY_PREPS else k
                nxt = self._word(toks, j, end) if x in _BODY_PREPS else x[1:]
                if nxt and (strip_article(nxt) not in self.documents or is_def(nxt)) and \
                        strip_article(nxt) not in lex.channels and (  # ("في بيان" is a setting; "المشاركون في الاستطلاع")
                        is_def(nxt) or nxt in lex.organizations or (x == "من" and nxt in self.anon_mod)):
                    body_end = self._modifier_body_end(toks, j, k, end, known, nxt)
                    if body_end is not None:
                        k = body_end
                        continue
                    k = self._def_chain(toks, j + 1, end, allow_pp=False) if j > k else self._def_chain(
                        toks, k + 1, end, allow_pp=False)
                    continue
                if x == "في" and not is_def(w) \
                        and self._construct_field(toks, k + 1, end, known):  # (after an indefinite head only: a
                    # definite one may have run into the object already, "أعلنت العائلة الوفاة في …")
                    g = k + 2  # the genitive: a place, a name the article gave, or a definite chain
                    k = self.place_at(toks, g, end) or (g + 1 if toks[g].text in known else None) \
                        or self._def_chain(toks, g, end, allow_pp=False)
                    k = nisbas_end(toks, k, end)  # "خبراء في شؤون كوريا الشمالية"، "مسؤول من حملة ترامب"
                    continue
            break
        return k

    def _nisba_modifier(self, toks: list[Token], k: int, i: int, w: str, x: str) -> bool:
        """The word ``x`` at ``k`` is a nisba adjective of the anonymous head ``w`` (at ``i``): agreeing in definiteness,
        not a body with ل glued ("لتلفزيون": the one spoken to), and not ب after a definite genitive ("مصدر بالاتحاد
        السعودي لكرة القدم بتلقي …": ب opens a new phrase there)."""
        if not is_nisba(x) or (x[:1] == "ل" and x[1:] in self.lex.organizations) or (is_def(w) and not is_def(x)):
            return False
        return not (x[:1] == "ب" and k > i + 1 and is_def(toks[k - 1].text) and toks[k - 1].start not in self.hamza_al)

    def _construct_form_genitive(self, toks: list[Token], k: int, end: int, known: set[str], x: str) -> int | None:
        """Where the genitive of a plural in construct ("محامو عنيسي"، "مسؤولو مقاطعة أورانج") that starts at ``k``
        ends: a name or body, or a place's kind and its name; None when there is none."""
        inner = self.parse(toks, k, end, known, None)
        if inner is not None and inner.kind != "anonymous":
            return inner.end
        if x in self.place_heads and self._body_own_name(toks, k + 1, end):
            return self._own_name_end(toks, k + 1, end)
        return None

    def _modifier_body_end(self, toks: list[Token], j: int, k: int, end: int, known: set[str], nxt: str) -> int | None:
        """Where a body that an anonymous source belongs to ends when it has its own name: "باحثون في جامعة ويسكونسن
        الأميركية" (after في، at ``j``), "مصدر مسؤول بشرطة عمان السلطانية" (glued ب at ``k``); else None."""
        if nxt not in self.lex.organizations:
            return None
        if j > k:
            body = self.parse(toks, j, end, known, None)
            return body.end if body is not None and body.kind == "organization" and body.end > j + 1 else None
        return self._own_name_end(toks, k + 1, end) if not is_def(nxt) and self._body_own_name(toks, k + 1, end) \
            else None

    def _construct_field(self, toks: list[Token], j: int, end: int, known: set[str]) -> bool:
        """After في, an indefinite noun governing a definite genitive, a place or a name the article gave names the
        source's field or body ("في شؤون كوريا الشمالية"، "في قطاع الإنشاءات"، "في مقاطعة البنجاب"), unless it is a
        channel, a document, a time or a verbal noun ("في بيان الوزارة"، "في تصريحات صحفية"). من is left alone: it
        is often the verb's own ("حذر الباحثون من …"، "طالبت الدول من مواطنيها")."""
        if j + 1 >= end or not toks[j].is_word or not toks[j + 1].is_word:
            return False
        w, nxt = toks[j].text, toks[j + 1].text
        return not is_def(w) and w not in self.stop and w not in self.lex.channels and w not in self.documents \
            and not self.is_action(w) and w not in self.time and w[:1] not in "بلو" \
            and nxt not in self.time \
            and (is_def(nxt) and nxt not in self.stop or nxt in known or self.place_at(toks, j + 1, end) is not None)

    def _nisba_then_name(self, toks: list[Token], i: int, end: int, known: set[str], verb_agr: str | None,
                         base: str) -> NP | None:
        """"البريطانية آيمي فولر"، "الإسباني رافائيل نادال": a definite nationality used as a noun, then a name of two
        words or more: the person, with the nationality as the title. A longer run that nothing closes (no
        opener, mark or known word after it) keeps two words: the verb's object follows ("أعلن الفرنسي تييري
        هنري رغبته …")."""
        if i + 2 >= end or not is_def(toks[i].text) or not (base in self.lex.adjectives or (
                base.endswith("يه") and base[:-1] in self.lex.adjectives)) or not base.endswith(("ي", "يه")):
            return None
        k = self._name_run(toks, i + 1, end, known, after_title=True)
        if k > i + 3 and k < end and toks[k].is_word and toks[k].text not in self.comp_words:
            k = i + 3
        return NP(i, k, "person", verb_agr, i + 1, k, toks[i].text) if k >= i + 3 else None

    def _title_np(self, toks: list[Token], i: int, end: int, known: set[str], verb_agr: str | None,
                  w: str) -> NP:
        """A title chain, then the person's name, then perhaps a second title (and name) after it."""
        lex = self.lex
        base = strip_article(w)
        k = self.title_chain(toks, i, end)
        if k == i + 1 and k < end and not is_def(w) and lex.titles.get(w, "-") != "-" \
                and toks[k].text in lex.adjectives and toks[k].text not in known:
            k = indefinite_nisbas_end(toks, k + 1, end)  # "خبير أمني"، "زعيم كردي سوري بارز": an indefinite
            while k < end and toks[k].text in self.title_adjectives:  # title is never followed by a person's name,
                k += 1  # so the nisbas and adjectives after it are its own, and no name follows them ("رئيس
            if k < end and not toks[k].text.startswith("ال"):  # أميركي متقلب"); its complements may ("قيادي بارز في الحركة";
                k = max(k, self._def_chain(toks, k, end))  # not a definite noun: "يواجه كاتب سعودي التحقيق")
            return NP(i, k, "person", verb_agr or _GENDER_AGR.get(lex.titles[w], None), k, k, w)
        qn = self._quoted_name(toks, k, end)
        if qn is not None and qn < end and toks[qn].is_word and (
                toks[k + 1].text in lex.organizations or strip_article(toks[k + 1].text) in lex.organizations
                or toks[qn].text in lex.organizations or self.place_at(toks, qn, end) is not None):
            # (or "مدير «تحريات» شرطة أبوظبي": a quoted unit, then its body)
            # "زعيم «حزب الله» اللبناني حسن نصر الله": the quoted body is part of the title
            k = qn
            k = nisbas_end(toks, k, end)
            k = max(k, self._def_chain(toks, k, end))
        if k > i and toks[k - 1].text in ON_BEHALF and k < end:
            k = max(self._name_run(toks, k, end, known), k)  # "متحدثة باسم فيسبوك": the body, not her name
        if k + 1 < end and toks[k].text == "/" and toks[k + 1].is_word and self._title_word(toks[k - 1].text):
            k += 1  # "السيد/ يوسف مبيضين"، "الدكتور/ …": a slash between a title word and the name (32 in the corpus)
        title_end = k
        if k + 1 < end and toks[k].text == "#" and toks[k + 1].is_word and not is_def(toks[k + 1].text) \
                and not self.is_institution(toks[k + 1].text) and toks[k + 1].text not in self.platforms \
                and toks[k + 1].text not in self.media:
            k2 = k + 2  # "الفنانة #لطيفة"، "الفنانة المصرية #مي_كساب": the whole name is the hashtag
            if k2 + 1 < end and toks[k2].text in self.joiners and toks[k2 + 1].is_word \
                    and toks[k2 + 1].text not in self.stop and not self.bad_name(toks[k2 + 1].text):
                k2 += 2  # "#سلطان_بن_سحيم آل ثاني"
        else:
            k2 = self._name_run(toks, k, end, known, after_title=True)
        name_end = k2
        g = lex.titles.get(w) or lex.titles.get(base)
        agr = verb_agr if verb_agr else _GENDER_AGR.get(g or "", None)
        if k2 > k and k2 < end and toks[k2].is_word and toks[k2].text in lex.titles \
                and toks[k2].text not in self.counterparts:  # ("… بومبيو نظيره الروسي": his counterpart is the object)
            k3 = self.title_chain(toks, k2, end)
            k4 = self._name_run(toks, k3, end, known, after_title=True)
            first_named = is_def(w) and k2 - k >= 2 and toks[k].text[:1] not in "بلو"
            if k4 > k3 and not first_named and (toks[k3].text[:1] not in "بلو" or toks[k3].text in known):
                # (not "… بجامعة الباحة واستشاري مكافحة العدوى": و opens a second title, not a name)
                # "مستشار خامنئي الدكتور علي أكبر ولايتي": the first name was a genitive, the person comes last
                # (a definite title takes no genitive: after "البروفيسور طارق صالح جمال أستاذ … في جامعة الملك
                # عبدالعزيز" the person is the full name that came first)
                return NP(i, k4, "person", agr, k3, k4, w)
            # trailing title: "النائب إد رويس رئيس لجنة العلاقات الخارجية"، "يالجين اكدوجان نائب رئيس الوزراء"
            k2 = k3
        return NP(i, k2, "person", agr, title_end, name_end, w)

    def _document_np(self, toks: list[Token], i: int, end: int, known: set[str], verb_agr: str | None,
                     w: str) -> NP | None:
        """A document and the body that issued it, as one organization source: "تقرير شركة X"، "بيان
        لوزارة X"، or an issuing clause ("بيان صادر عن X"، "التقرير الذي أعدته X"). None where no
        issuer follows an indefinite document."""
        lex = self.lex
        if strip_article(w) not in self.documents or i + 1 >= end:
            return None
        clause = self.issuing_clause(toks, i, end)
        if clause is not None:
            j, s = clause
            if s is None:
                return NP(i, j, "organization", verb_agr, i, i + 1, w)  # "تقرير صدر حديثا": the document alone
            inner = self.parse(toks, s, end, known, None)
            if inner is None or (inner.end == s + 1 and not is_def(toks[s].text) and (
                    toks[s].text in self.not_alone or toks[s].text in lex.organizations)):
                return None  # an issuer this grammar cannot read ("فريق من خبراء …"، "شركة تدعى …"): the walk decides
            return NP(i, inner.end, "organization", verb_agr, i, inner.end, w)  # "… صادر عن قصر كينغستون"
        if is_def(w):
            return None
        nxt_w = toks[i + 1].text
        org_next = nxt_w in lex.organizations or (nxt_w[:1] == "ل" and nxt_w[1:] in lex.organizations) or (
            is_def(nxt_w) and strip_article(nxt_w) in lex.organizations) or (
            nxt_w in self.media or nxt_w in known)  # ("بلاغ الوزارة"، "تقرير المنظمة"، "إحصاءات رويترز")
        if org_next and nxt_w[:1] == "ل" and nxt_w[1:] in lex.organizations:
            stripped = toks[:i + 1] + [without_lam(toks[i + 1], lex.organizations)] + toks[i + 2:end]
            inner = self.parse(stripped, i + 1, end, known, None)  # "بلاغ لوزارة الداخلية": its ل stands apart
        else:
            inner = self.parse(toks, i + 1, end, known, None) if org_next else None
        if inner is not None and inner.kind == "organization":
            # "تقرير شركة آسيا كابيتال"، "بيان وزارة الخارجية"، "دراسة لجامعة هارفارد": the document and its issuer
            return NP(i, inner.end, "organization", verb_agr, i, inner.end, w)
        k = self.described_end(toks, i + 1, end)
        if k == i + 1:
            return None
        if k < end and toks[k].text[:1] == "ل" and toks[k].text[1:] in lex.organizations:
            # "تقرير حديث لبنك ستاندرد تشارترد": then its issuer, read as if its ل stood apart
            stripped = toks[:k] + [without_lam(toks[k], lex.organizations)] + toks[k + 1:end]
            inner = self.parse(stripped, k, end, known, None)
            if inner is not None and inner.kind == "organization":
                return NP(i, inner.end, "organization", verb_agr, i, inner.end, w)
        return NP(i, k, "organization", verb_agr, i, i + 1, w)

    def described_end(self, toks: list[Token], k: int, end: int) -> int:
        """After a document noun, the end of its indefinite adjectives: "أرقام رسمية"، "تقرير حكومي سري"،
        "دراسة حديثة" (markers.tsv document_adjective)."""
        while k < end and toks[k].is_word and not is_def(toks[k].text) and toks[k].text not in self.stop and (
                (is_nisba(toks[k].text) and (toks[k].text[:1] != "ل" or toks[k].text in self.lex.adjectives))
                or toks[k].text in self.doc_adjectives  # (ل opens the issuer: "دراسة ميدانية لكرسي …", no nisba)
                or (toks[k].text[-1:] == "ه" and toks[k].text[:-1] in self.doc_adjectives)):
            k += 1
        return k

    def issuing_clause(self, toks: list[Token], d: int, end: int) -> tuple[int, int | None] | None:
        """The issuing clause after the document noun at ``d`` ("صادر عن"، "صدر أمس عن"، "أصدرته"، "الذي
        نشرته"): (where its verb and adverbs end, where the issuer begins or None when none is named), or
        None where no such clause follows."""
        j = d + 1
        if j + 1 < end and toks[j].text == "من" and not is_def(toks[d].text) and (
                toks[j + 1].text == "#" or toks[j + 1].text in self.lex.organizations
                or strip_article(toks[j + 1].text) in self.lex.organizations):
            return j + 1, j + 1  # "بيان من وزارة الخارجية"، "بيان من مكتب ماي": the body it came from
        if j + 1 < end and toks[j].text in ("الذي", "التي") and is_def(toks[d].text):
            j += 1
        if j + 2 < end and toks[j].text in self.obtaining and toks[j + 1].text in ("عليه", "عليها"):
            # "تقرير حصلت عليه «الاقتصادية»"، "وثيقة اطلعت عليها «الشرق الأوسط»": the outlet that obtained it
            # (79 after a cue in the corpus), no issuer: the document speaks alone
            k = self._quoted_name(toks, j + 2, end) or self._media_name_at(toks, j + 2, end)
            return (k, None) if k is not None else None
        if j >= end or not (toks[j].text in self.issued or toks[j].text in self.issuing):
            return None
        issued = toks[j].text in self.issued
        j += 1
        while j < end and (toks[j].text in self.time or (toks[j].text in ("،", ",") and not issued)):
            j += 1  # "أصدره مؤخرا، مركز …"، "صدر حديثا"
        if issued:
            return (j + 1, j + 1) if j + 1 < end and toks[j].text in ("عن", "من") else (j, None)
        return (j, j) if j < end and toks[j].is_word else (j, None)

    def _media_name_at(self, toks: list[Token], k: int, end: int) -> int | None:
        """The end of the longest listed outlet name at ``k`` ("نيويورك تايمز", which a name run stops at
        because it begins with a place), or None."""
        for n in (3, 2, 1):
            if k + n <= end and all(t.is_word for t in toks[k:k + n]) and \
                    " ".join(t.text for t in toks[k:k + n]) in self.media:
                return k + n
        return None

    def _organization_np(self, toks: list[Token], i: int, end: int, known: set[str], verb_agr: str | None,
                         w: str) -> NP:
        """An organization head: with indefinite nisbas, an outlet's or body's own name after an
        indefinite head, or its definite complement chain."""
        lex = self.lex
        k = i + 1
        org_agr = _GENDER_AGR.get(lex.organizations.get(w, ""), verb_agr)
        if not is_def(w) and k + 1 < end and toks[k].text == "غير" and is_nisba(toks[k + 1].text) \
                and not is_def(toks[k + 1].text):
            return NP(i, k + 2, "organization", org_agr, i, k + 2, w)  # "منظمة غير حكومية"
        if not is_def(w) and k < end and toks[k].is_word and is_nisba(toks[k].text) and not is_def(toks[k].text) \
                and strip_article(toks[k].text) in self.lex.adjectives:
            k = indefinite_nisbas_end(toks, k, end)  # "صحيفة كويتية"، "مصادر أمنية"
            return NP(i, k, "organization", org_agr, i, k, w)
        if not is_def(w):
            if k + 1 < end and toks[k].is_word and not is_def(toks[k].text) and toks[k].text not in self.stop \
                    and toks[k].text not in lex.organizations and self.place_at(toks, k + 1, end) is not None:
                p_end = self.place_at(toks, k + 1, end) or k + 1  # "وكالة أنباء الإمارات"، "وزارة خارجية قطر"
                p_end = nisbas_end(toks, p_end, end)
                return NP(i, p_end, "organization", org_agr, i, p_end, w)
            p_end = None if w in _MEDIA_HEADS else self.place_at(toks, k, end)
            if p_end is not None:  # "دولة الإمارات العربية المتحدة"، "مفوضية الأمم المتحدة لشؤون اللاجئين"
                p_end = max(p_end, self._def_chain(toks, p_end, end))
                return NP(i, p_end, "organization", org_agr, i, p_end, w)
            # an indefinite head names the outlet right after it: "مجلة فورين بوليسي"، "وكالة «سبوتنيك»"
            qn = self._quoted_name(toks, k, end, longest=8)
            if qn is None and k + 1 < end and toks[k].text == "#" and toks[k + 1].is_word:
                qn = k + 2  # "حركة #طالبان"، "شركة #تويتر"
            if qn is not None:
                qn = nisbas_end(toks, qn, end)  # "وكالة «باس نيوز» الكردية"
                return NP(i, qn, "organization", org_agr, i, qn, w)
            nxt = self._word(toks, k, end)
            if nxt and w in _MEDIA_HEADS and nxt in lex.organizations and nxt not in _MEDIA_HEADS:
                inner = self._organization_np(toks, k, end, known, verb_agr, nxt)
                if inner.end > k + 1:
                    return NP(i, inner.end, "organization", org_agr, i, inner.end, w)  # "موقع حزب الخير": its owner
            if nxt and not is_def(nxt) and nxt not in self.stop and w in _MEDIA_HEADS:
                if nxt in self.construct and k + 1 < end and is_def(toks[k + 1].text):
                    k = max(k + 2, self._def_chain(toks, k + 1, end))  # "وكالة أنباء الشرق الأوسط"
                    return NP(i, nisbas_end(toks, k, end), "organization", org_agr, i, nisbas_end(toks, k, end), w)
                k = self._media_name_at(toks, k, end) or (k + 1 if nxt in self.platforms else None) \
                    or self._name_run(toks, k, end, known)  # ("موقع تويتر": the platform is the body named)
                k = nisbas_end(toks, k, end)  # "صحيفة نيويورك تايمز الأمريكية"
                return NP(i, k, "organization", org_agr, i, k, w)
            construct = k + 1 < end and is_def(toks[k + 1].text) and not is_nisba(toks[k + 1].text)
            if nxt and not is_def(nxt) and nxt not in self.stop and w in self.named_bodies and not construct and \
                    nxt not in lex.organizations and self.place_at(toks, k, end) is None:
                # (but "منظمة حظر الأسلحة الكيميائية": one indefinite word and a definite noun is a construct chain)
                # "شركة آسيا كابيتال الاستثمارية"، "مجموعة بولوريه": a body's own name, then its adjectives
                k = max(self._name_run(toks, k, end, known), k + 1)
                k = nisbas_end(toks, k, end)
                return NP(i, k, "organization", org_agr, i, k, w)
        k = max(k, self._def_chain(toks, i, end)) if not is_def(w) else self._def_chain(toks, k, end)
        qn = self._quoted_name(toks, k, end) if not is_def(w) and k > i + 1 else None
        inner = [t.text for t in toks[k + 1:qn - 1]] if qn is not None else []
        if qn is not None and (qn == end or toks[qn].is_word or toks[qn].text in ("،", ",")) and (
                len(inner) == 1 or (not all(is_def(x) for x in inner) and not any(x in self.stop for x in inner))):
            k = qn  # "شركة الأبحاث «البن كابيتال»"، "وزارة الدفاع الأمريكية "البنتاغون"": the body's own name
            # in marks after its construct (not a quoted object: "نفى النادي "الأخبار المضللة"")
        g = lex.organizations.get(w) or lex.organizations.get(strip_article(w))
        return NP(i, k, "organization", _GENDER_AGR.get(g or "", verb_agr), i, k, w)

    def _bare_name_np(self, toks: list[Token], i: int, end: int, known: set[str], verb_agr: str | None,
                      w: str) -> NP | None:
        """A bare personal name or a known short mention; None for words that only look like one."""
        if not is_def(w) and w.endswith("ه") and not w.endswith("الله") and w not in known and i + 1 < end \
                and is_def(toks[i + 1].text):
            return None  # a construct phrase ("ضرورة الحوار"), not a name (but "عبدالله الحكيم" is one)
        if w == "لي" and not (i + 1 < end and toks[i + 1].is_word and toks[i + 1].text not in self.stop
                               and toks[i + 1].text[-1:] != "ا"):  # ("قال لي منفعلا": an adverb, no name)
            return None  # "وذكر لي أنها"، "يقول لي "…"": "to me", not the name Lee (alone it names nobody)
        if w not in known and w[:1] in ("و", "ف") and len(w) >= 3 and not self._f_name(w) and not (
                (w in self.waw_names or w in self.given_names) and self._name_run(toks, i, end, known) > i + 1):
            return None  # "وختم"، "وفي": a conjunction on a verb or preposition, not a bare name (but
            # "وليد الطبطبائي": a first name in و with its surname)
        if w not in known and w.endswith("ات") and len(w) > 4:
            return None  # "اتهامات": a plural noun, not a name
        if self.spoken_to(w, known):
            return None
        if w not in known and group_plural(w):
            k = i + 1  # "حقوقيون"، "أكاديميون مصريون"، "منشقون": a plural nisba or participle is a group, with its
            while k < end and toks[k].is_word and not is_def(toks[k].text) and is_nisba(toks[k].text):
                k += 1  # own plural adjectives; a noun after it is the verb's object ("اتهم حقوقيون قوات الأمن")
            return NP(i, k, "anonymous", verb_agr, i, i, w)
        k = self._name_run(toks, i, end, known)
        if k == i:
            return None
        return NP(i, k, "person", verb_agr, i, k, w)

    def _definite_np(self, toks: list[Token], i: int, end: int, verb_agr: str | None, w: str) -> NP | None:
        """An unlisted definite word: a document or outlet, a surname in ي, a definite description with
        nisbas, or a lone word right before the content."""
        base = strip_article(w)
        if base in self.documents or base in self.media:
            k = i + 1  # "وأكدت الدراسة"، "وذكرت المذكرة": a document or outlet, never a person
            k = nisbas_end(toks, k, end)
            return NP(i, k, "organization", verb_agr, i, k, w)
        if w.endswith("ي") and len(w) > 4 and not is_nisba(toks[i + 1].text if i + 1 < end else ""):
            return NP(i, i + 1, "person", verb_agr, i, i + 1, w)  # a surname: "وأشار العنزي"
        # a definite description right before the content: "وقال الصياد: «…»"
        k = i + 1
        k = nisbas_end(toks, k, end)
        if k > i + 1 and not is_nisba(w) and not self.is_action(base):
            # "المقاومة الوطنية الأهوازية"، "المعارضة السورية" (but "التعبير الرسمي"، "التحليل الفني": an act, no body)
            return NP(i, k, "organization", verb_agr, i, k, w)
        if k < end and (toks[k].text == ":" or toks[k].text in self.comp_words):
            return NP(i, k, "person", verb_agr, i, k, w)
        return None


def _same_role(role: list[str], title: list[str], skip: frozenset[str] = frozenset()) -> bool:
    """``role`` names the same office as ``title``: the same head and no qualifier of one that the other
    contradicts ("وزير الخارجية" ~ "وزير الخارجية الإيراني"; not "وزير الخارجية الأمريكي"). A shortened
    title keeps the longer one's words in order, less its title adjectives (``skip``) and a genitive's ل
    ("مدير فرع وزارة العمل" ~ "مدير عام فرع وزارة العمل"، "مفوض حقوق الإنسان" ~ "مفوض الأمم المتحدة لحقوق
    الإنسان")."""
    role = [_role_word(w) for w in role if w not in skip]
    title = [_role_word(w) for w in title if w not in skip]
    if not title or not role or role[0] != title[0]:
        return False
    shorter, longer = (role, title) if len(role) <= len(title) else (title, role)
    if longer[:len(shorter)] == shorter:
        return True
    rest = iter(longer[1:])
    return len(shorter) >= 3 and all(w in rest for w in shorter[1:])  # (in order: a subsequence)


def _role_word(w: str) -> str:
    """A title word without its article or a genitive's ل ("لحقوق" → حقوق, "للشؤون" → شؤون)."""
    if w.startswith("لل") and len(w) > 4:
        return w[2:]
    w = strip_article(w)
    return w[1:] if w[:1] == "ل" and len(w) > 4 else w


class Known(set[str]):
    """Name tokens and aliases seen so far in the article, and which tokens ended a name."""

    def __init__(self) -> None:
        super().__init__()
        self.surnames: set[str] = set()
        self.family_names: set[str] = set()  # the last word of a named person's full name ("عبدالحميد المعجل")


@dataclass
class Entity:
    canonical: str
    key: str
    kind: str
    agreement: str | None
    gender: str | None
    title: str | None
    name_tokens: list[str]
    head: str
    title_key: str = ""
    aliases: set[str] = field(default_factory=set)
    last: int = 0
    same_as: "Entity | None" = None   # a document later tied to its issuer speaks for the issuer

    def resolved(self) -> "Entity":
        e = self
        while e.same_as is not None and e.same_as is not e:
            e = e.same_as
        return e


class Register:
    """The sources named so far in one article."""

    #: Searches look at the most recent sources only, so a pathological article with thousands
    #: of "speakers" stays linear; real articles name far fewer.
    WINDOW = 300

    def __init__(self, ordinals: frozenset[str] = frozenset(), documents: frozenset[str] = frozenset(),
                 title_adjectives: frozenset[str] = frozenset(), player_roles: frozenset[str] = frozenset(),
                 honorifics: frozenset[str] = frozenset()) -> None:
        self.ordinals = ordinals           # a monarch's ordinal closes a name but is no surname
        self.player_roles = player_roles   # role words that describe the same player (النجم، المهاجم، اللاعب …)
        self.documents = documents         # "ذات البيان" is the same document, not the last source
        self.title_adjectives = title_adjectives  # "عام"، "أول": left out when a shortened title is matched
        self.honorifics = honorifics       # "سمو"، "معالي": a re-mention by title is matched without them
        self.entities: list[Entity] = []   # pro-drop candidates, oldest first
        self._candidates: set[int] = set()
        self._named: list[Entity] = []     # every entity, narrated names included, for re-mentions
        self._seen: set[int] = set()
        self._keys = Known()
        self._by_key: dict[str, Entity] = {}

    def keys(self) -> "Known":
        """Known name tokens and aliases (kept up to date by ``add`` and ``note``)."""
        return self._keys

    def note(self, e: Entity) -> None:
        """Record an entity's (new) name tokens and aliases after it changed."""
        if id(e) not in self._seen:
            self._seen.add(id(e))
            self._named.append(e)
        self._keys.update(e.name_tokens)
        self._keys.update(e.aliases)
        if e.name_tokens:
            self._keys.surnames.add(e.name_tokens[-1])
            given = [w for w in e.name_tokens if w not in self.ordinals and w != "عشر"]
            if 1 < len(given) < len(e.name_tokens):
                self._keys.surnames.add(given[-1])  # "عبد الله الثاني": "الملك عبد الله" is a full name too
            if e.kind == "person" and len(e.name_tokens) > 1 and e.name_tokens[-1] != "الله":
                self._keys.family_names.add(e.name_tokens[-1])
        elif e.kind == "organization" and " " not in e.key:
            self._keys.surnames.add(e.key)  # a body known by one word ("موبايلي"، "تيسلا") ends a name run like a surname
        self._by_key[e.key] = e  # the most recently noted entity owns a key, as a reversed search would
        for a in e.aliases:
            self._by_key[a] = e

    def _same_role(self, role: str, title_key: str) -> bool:
        """The role word of a re-mention fits the title the person was named with: the same word ("السفير
        الإماراتي" for "السفير …") or two words for the same player ("المهاجم المصري" for "النجم المصري محمد
        صلاح"; markers.tsv player_role), never another office ("المسؤول السعودي" is not "الصحفي السعودي X")."""
        first = title_key.split()[0] if title_key else ""
        return stem(role) == stem(first) or (role in self.player_roles and first in self.player_roles)

    def _recent(self) -> list[Entity]:
        return self._named[-self.WINDOW:]

    def find(self, name_key: str, kind: str, title_key: str, head: str) -> Entity | None:
        if not name_key:
            return None
        if name_key in self._by_key:
            return self._by_key[name_key]
        toks = name_key.split()
        same = len(toks) > 1 and (toks[0] in ("نفس", "ذات") or toks[-1] in ("نفسه", "ذاته", "نفسها", "ذاتها"))
        toks = [t for t in toks if t not in ("نفسه", "ذاته", "نفسها", "ذاتها")]  # "المصدر نفسه"
        if len(toks) > 1 and toks[0] in ("نفس", "ذات"):
            toks = toks[1:]  # "نفس المصدر"
        if not toks:
            return None
        found = self._find(toks, name_key, kind, title_key)
        if found is None and same and is_def(toks[0]) and strip_article(toks[0]) not in self.documents:
            # "وأضاف المصدر نفسه" after "قال باحث يمني …": "the same" source is the last one, whatever its head
            cands = [e for e in self.entities[-self.WINDOW:] if e.key != "الله" and (
                (e.kind == "person" and e.name_tokens) or len(e.key.split()) > 1)]  # (a named source, never a
            # one-word catch-all: "الوزارة"، "هؤلاء")
            found = max(cands, key=lambda e: e.last) if cands else None
        return found

    def _find(self, toks: list[str], name_key: str, kind: str, title_key: str) -> Entity | None:
        if kind in ("person", "anonymous") and len(toks) == 2 and is_def(toks[0]) and is_def(toks[1]) \
                and is_nisba(toks[1]) and not toks[0].endswith(("ون", "ين", "ات")):
            # "وقال المهاجم المصري" after "النجم المصري محمد صلاح": the one named person the article describes
            # with that nationality, whatever the role word (two such persons: no safe choice)
            described = {e.key: e for e in self._recent() if e.kind == "person" and e.name_tokens
                         and toks[1] in e.title_key.split() and self._same_role(toks[0], e.title_key)}
            if len(described) == 1:
                return next(iter(described.values()))
        if kind == "person" and len(toks) == 1 and is_def(toks[0]) and is_nisba(toks[0]):
            for e in reversed(self._recent()):  # "الفلبيني" after "اللاعب الفلبيني X": the person so described
                if e.kind == "person" and e.name_tokens and toks[0] in e.title_key.split():
                    return e
        if kind == "person" and toks:
            for e in reversed(self._recent()):
                if e.kind == "person" and e.name_tokens and len(toks) < len(e.name_tokens) and (
                        " " + name_key + " ") in (" " + " ".join(e.name_tokens) + " "):
                    return e
        if kind == "anonymous" and len(toks) == 1 and is_def(toks[0]):
            for e in reversed(self._recent()):  # "وقال الشاهد" after "رئيس الحكومة يوسف الشاهد": his surname, not
                # "the witness" (a titled name only: an untitled run may have swallowed a noun, "داليتش الأنباء")
                if e.kind == "person" and e.title_key and len(e.name_tokens) > 1 and e.name_tokens[-1] == toks[0]:
                    return e
        # a definite re-mention by head noun: الوكالة ← وكالة الأنباء، المصادر ← مصادر محلية
        if is_def(toks[0]) or toks[0] in ("هذه", "هذا"):
            st = stem(toks[0])
            for e in reversed(self._recent()):
                if e.head and stem(e.head) == st and e.kind in ("organization", "anonymous"):
                    # a differing nationality or qualifier means another body: الحكومة الأردنية ≠ الحكومة الفلسطينية
                    quals = {strip_article(t) for t in toks[1:] if is_nisba(t)}
                    if quals - {strip_article(x) for x in e.key.split()} - {strip_article(a) for al in e.aliases
                                                                           for a in al.split()}:
                        continue
                    return e
            if kind == "anonymous" and len(toks) == 1 and not title_key and not toks[0].endswith(("ون", "ين", "ات")):
                # "وأضاف الطبيب" after "قال الطبيب أحمد عامر": the same role word, singular, is that person
                for e in reversed(self._recent()):
                    if e.kind == "person" and e.name_tokens and e.title_key.split()[:1] == toks:
                        return e
            if kind == "person" and title_key:
                quals = {strip_article(t) for t in title_key.split()[1:] if is_nisba(t)}
                for e in reversed(self._recent()):
                    if quals - {strip_article(x) for x in e.title_key.split()}:
                        continue  # "الرئيس الأمريكي" is not "الرئيس الروماني"
                    if e.title_key and (e.title_key + " ").startswith(title_key + " ") and e.kind == "person":
                        return e
                    if e.title_key and stem(e.title_key.split()[0]) == st and len(toks) <= 2 and e.kind == "person":
                        return e
        return None

    def link_roles(self, given: Any = frozenset()) -> None:
        """After the whole article: a person known only by a role ("وزير الخارجية الإيراني") is the one
        named person the article gives that role to, before or after ("… محمد جواد ظريف"). Ambiguous
        roles stay unlinked."""
        named = [e for e in self._named if e.kind == "person" and e.name_tokens and e.title_key]
        for e in self._named:
            if e.name_tokens or e.same_as is not None or not (e.kind == "person" or (e.kind == "anonymous" and e.title_key)):
                continue  # (an unnamed holder of a listed office is anonymous until a named one is found: "وأوضح معالي
                # وزير الداخلية" after "الشيخ X وزير الداخلية")
            role = e.title_key.split() or e.key.split()
            if not role:
                continue
            found = {id(n): n for n in named if _same_role(role, n.title_key.split(), self.title_adjectives)}
            if not found and len(role) > 1 and role[0] in self.honorifics:  # "سمو نائب خادم الحرمين الشريفين":
                found = {id(n): n for n in named if _same_role(role[1:], n.title_key.split(), self.title_adjectives)}
                # the office after the honorific, when the honorific matched no one
            if len(found) > 1:
                found = self._exact_role(role, found, given)
            if len(found) == 1:
                e.same_as = next(iter(found.values()))

    def _exact_role(self, role: list[str], found: dict[int, "Entity"], given: Any) -> dict[int, "Entity"]:
        """Of several people the role fits, the one named with exactly that office, no qualifier added: "معالي وزير
        الخارجية" is "معالي وزير الخارجية عادل الجبير", not "وزير الخارجية المصري سامح شكري" (the home office)."""
        def bare(words: list[str]) -> list[str]:
            return [_role_word(w) for w in words if w not in self.title_adjectives and w not in self.honorifics]
        want = bare(role)
        return {k: n for k, n in found.items() if bare(n.title_key.split()) == want and k in self._candidates
                and len(n.name_tokens) >= 2 and (n.name_tokens[0] in given or not n.name_tokens[0].endswith("ه"))}
        # (a source the article quoted, not a name read in narration, which may have run into other words)

    def add(self, e: Entity, candidate: bool = True) -> Entity:
        """Register ``e``; only a candidate (a source, not a name merely narrated) may be the speaker of
        a later pro-drop cue."""
        self.note(e)
        if candidate:
            self.candidate(e)
        return e

    def candidate(self, e: Entity) -> None:
        if id(e) not in self._candidates:
            self._candidates.add(id(e))
            self.entities.append(e)

    def resolve_prodrop(self, agreement: str | None, pos: int, exclude: Entity | None = None) -> Entity | None:
        cands = sorted((e for e in self.entities[-self.WINDOW:] if e.key != "الله"), key=lambda e: e.last, reverse=True)
        # (God is quoted by name, "قال الله تعالى", never carried over to a dropped subject: "سائلاً الله أن …")
        if agreement:
            for e in cands:
                if e.agreement == agreement and e is not exclude:
                    return e
            # a feminine singular verb also fits non-human plurals and institutions
            if agreement == "f.sg":
                for e in cands:
                    if e.kind != "person" and e.agreement in (None, "f.sg"):
                        return e
            if agreement in ("m.pl", "m.du", "f.du", "f.pl"):
                for e in cands:
                    if e.agreement and e.agreement.split(".")[1] == agreement.split(".")[1]:
                        return e
                for e in cands:
                    if (e.kind == "anonymous" and e.agreement != "m.sg") or (
                            e.agreement is None and e.kind != "person" and e is not exclude):
                        return e  # a group ("خبراء …") or a body whose number the article never showed
                return None  # "وأكدوا" after a single speaker: a plural nobody named, a gap rather than a guess
            if agreement == "f.sg":
                return next((e for e in cands if e.agreement is None and e.kind == "person"), None)  # ("وتقول"
                # after "قال إيان": a woman the register does not hold, never the man before her)
        return cands[0] if cands else None
