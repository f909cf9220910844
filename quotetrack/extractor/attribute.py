"""Link cues, speakers and content into quotes (on normalized text).

Three passes over an article:
1. every cue verb/participle: speaker after it (VSO), before it (SVO, أما … فـ),
   or carried over (pro-drop, ḥāl participles); content from the complementizer,
   the colon, the quotation mark, or the object noun phrase, to the clause end;
2. "according to" phrases (حسب، وفق، نقلا عن، على حد تعبيره) that carry the only
   attribution of their sentence;
3. quoted spans still unattributed: a cue right after them ("…"، قال فلان), a
   labelling verb right before them (التي اعتبرها "…").
Everything here indexes the normalized text; pipeline.py maps offsets back.
"""
from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable
from typing import Any
from dataclasses import dataclass

import regex

from .lexicon import Lexicon, NpLemma, VerbForm, bare_verbal_nouns
from .cues import Patterns, split_cue
from .memo import remember
from .normalize import fold, has_hamza
from .quotemarks import QUOTE_CHARS, QuotedSpan
from .name_shape import NameShape
from .speaker_region import RegionReader
from .speaker_phrase import (NP, ON_BEHALF, Entity, Known, NPParser, Register, is_def, is_nisba, nisbas_end,
                             phrase_end, phrase_index, strip_article, without_lam)
from .sentences import Sentences, Token


#: Reported content runs at most this many tokens; longer "sentences" are run-on text.
MAX_CLAUSE_TOKENS = 250


_ARABIC_WORD = regex.compile(r"^\p{Arabic}+$")
_HARAKAT = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"  # short vowels, tanween, shadda, sukun


@dataclass
class RawQuote:
    start: int
    end: int
    type: str
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    lemma: str | None
    stance: str | None
    entity: Entity | None
    mention: tuple[int, int] | None
    via: str | None
    channel: str | None
    rule: str
    anonymous_hint: bool = False


@dataclass
class Slots:
    """What the words between a cue and its content hold."""
    mention_np: NP | None
    via: str | None
    channel: str | None
    anon_hint: bool
    content_k: int | None
    colon: bool
    source_np: NP | None    # "نقل … عن X": the source, the carrier being the subject
    topic: NP | None        # "أما X فقال": the topic is the speaker
    title_span: tuple[int, int] | None = None  # token range of a title set apart from the name


#: Verdicts of a stage of the cue-to-content walk (``None``: the stage does not read this word).
_GO = True
_STOP = False


@dataclass
class _SlotWalk:
    """Where the walk from a cue to its content stands (token ``k``) and the slots filled so far, so
    that each construction on the way can be read by its own stage method."""
    idx: int
    pfx: str
    vf: VerbForm
    s_start: int
    end_idx: int
    prev_tok: str
    np_rule: NpLemma | None   # the cue's noun-phrase-content rule
    light: tuple[str, ...] | None  # a light verb's speech-noun stems
    known: Known
    topic: NP | None
    k: int
    mention_np: NP | None = None
    via: str | None = None
    channel: str | None = None
    anon_hint: bool = False
    content_k: int | None = None
    colon: bool = False
    source_np: NP | None = None   # for نقل … عن X
    title_span: tuple[int, int] | None = None  # a title right after the name ("X المتحدث باسم Y")
    steps: int = 0


#: Head nouns of outlet names (folded): what follows them is the outlet's name.
MEDIA_HEADS = frozenset({"وكاله", "صحيفه", "قناه", "موقع", "مجله", "اذاعه", "تلفزيون", "شبكه", "محطه", "شاشه"})


_NOUN_ENDINGS = ("", "ه", "ها", "هم", "هما", "ته", "تها", "تهم")  # a said noun's endings: its pronoun
# a light verb's noun may also be indefinite accusative or plural ("أصدر تحذيرا"، "وجه اتهامات"): not a renewed
# object (جدّد), where "استعداداً" after "مدربين جدد" (new coaches) is no statement
_LIGHT_ENDINGS = _NOUN_ENDINGS + ("ا", "ات", "اته", "اتها", "اتهم")


_RELATIVE_PRONOUNS = frozenset({"التي", "الذي", "اللذين", "الذين"})
# words that count the noun after them ("150 ألف طالب")
_LINE_CLOSERS = frozenset('.!?؟"”»:)…\'')  # what ends a line of body text (a headline ends with none)
_GLUED_LAM_HEADS = frozenset({"وفقا", "ووفقا", "طبقا", "وطبقا"})  # (folded: وفقاً is وفقا)
_OWN_WORDS_HEADS = frozenset({"حسب", "بحسب", "علي", "وفق"})  # (folded: على is علي) before "تعبيره"، "قوله" …
_OWN_WORDS_NOUNS = ("تعبير", "قول", "وصف", "رأي", "كلام")
_COUNT_WORDS = frozenset({"الف", "الاف", "مليون", "ملايين", "عشرات", "مئات"})  # (folded: آلاف is الاف)
# ما with its prepositions before a labelling verb ("ما وصفته X بأنها …")
_LABEL_RELATIVES = frozenset({"ما", "مما", "بما", "لما", "فيما"})
# ما before a verb that carries its pronoun ("وهو ما أكده الرئيس"): a cue of its own
_MA_RELATIVES = frozenset({"ما", "مما", "ومما", "وما"})
#: Words after which a verb opens their relative clause, so a و on it is the stem's own letter ("ما ورد"، "الذي
#: وصل"), never "and" (121 "ما/لما/بما/الذي ورد" in the corpus, read as "وردّ" before)
_RELATIVE_HEADS = _MA_RELATIVES | {"لما", "بما", "الذي", "التي", "والذي", "والتي"}
_UNSEEN = object()  # a word not in a cache yet
_LIGHT_NOUN_ENDS = ("لكن", "لكنه", "لكنها", "ولكن", "ولكنه", "ولكنها")  # where a light verb's noun phrase ends
# a subject pronoun before a cue ("فهو اعتبر أن"، "وهي تقول إن"): the speaker is whom it refers to
_SUBJECT_PRONOUNS = frozenset({"هو", "وهو", "فهو", "هي", "وهي", "فهي", "هم", "وهم", "فهم"})
# ... and the words that carry one before a present cue ("لكنها تقول إن"، "وهو يؤكد أن": 34 in the corpus, none read)
_PRONOUN_SUBJECTS = _SUBJECT_PRONOUNS | {"لكنه", "لكنها", "ولكنه", "ولكنها", "لكنهم", "ولكنهم"}
_CLAUSE_PUNCT = frozenset({".", "،", ",", "؛", ";", "؟", "?", "!"})  # what ends a cue's clause before its colon


def _bare(name: str) -> str:
    """A name without the marks around it and without hashtag syntax: «سبق» → سبق، #الولايات_المتحدة →
    الولايات المتحدة."""
    return name.strip("\"«»“”„ #").replace("#", "").replace("_", " ")


def _speech_noun(w: str, stems: tuple[str, ...], endings: tuple[str, ...] = _LIGHT_ENDINGS) -> bool:
    """``w`` is one of the speech nouns ``stems`` ("بالشكر"، "تهانيه"، "التعازي"), not a name that
    merely begins like one ("شكري")."""
    forms = (w, w[1:]) if w[:1] in "بو" and len(w) > 3 else (w,)  # ("وقوفه" is a noun of its own, not و + قوفه)
    return any(core.startswith(s) and core[len(s):] in endings for core in map(strip_article, forms) for s in stems)


def _words_by_lemma(phrases: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """"lemma word" rows of markers.tsv as lemma -> its words."""
    out: dict[str, set[str]] = {}
    for p in phrases:
        lemma, word = p.split()
        out.setdefault(lemma, set()).add(word)
    return {k: frozenset(v) for k, v in out.items()}


def _stems_by_lemma(phrases: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """"lemma noun" rows of markers.tsv as lemma -> the nouns' stems (without a final ه/ة, so a pronoun may follow)."""
    out: dict[str, tuple[str, ...]] = {}
    for p in phrases:
        lemma, stem_ = p.split()
        out[lemma] = out.get(lemma, ()) + (stem_.rstrip("ه"),)
    return out


def _name_alike_forms(lex: Lexicon) -> frozenset[str]:
    """Bare forms of the verbs that speak only before a colon (markers.tsv colon_speech): they are names too
    ("زلماي خليل زاد"، "واصل الشمالي"), so a name run reads on over them."""
    lemmas = frozenset(lex.markers["colon_speech"])
    return frozenset(f for f, vf in lex.verbs.items() if vf.lemma_key in lemmas)


class Attributor:
    def __init__(self, lex: Lexicon, pat: Patterns):
        self.lex = lex
        self.pat = pat
        self.cue_forms = set(lex.verbs) - _name_alike_forms(lex)
        self._cue_cache: dict[str, tuple[str, VerbForm] | None] = {}
        self._cue_info_cache: dict[str, tuple[str, VerbForm] | None] = {}
        self._title_cache: dict[str, bool] = {}
        self._plain_cache: dict[str, bool] = {}
        self._opener_cache: dict[str, bool] = {}  # word -> a title word or first name (_note_names_until)
        self._phrase_index: dict[int, dict[str, list[list[str]]]] = {}
        self.media_heads = MEDIA_HEADS
        self.region = RegionReader(self)
        self.shape = NameShape(lex)
        self.np = NPParser(lex, self.cue_forms, pat.comp_words,
                           lambda w: self._cue_word(w) is not None and (w in self.cue_forms or w not in lex.verbs))
        m = lex.markers
        self.time = set(m["time"])
        self.time_phrases = [p.split() for p in m["time_phrase"]]
        self.clause_breaks = [p.split() for p in m["clause_break"]]
        self.np_content_breaks = [p.split() for p in m["np_content_break"]]
        self.lemma_preps = {p.split()[0]: p.split()[1] for p in m["lemma_preposition"]}  # lemma -> its preposition
        self.vote_manner = frozenset(m["vote_manner"])
        self.manner_adverbs = frozenset(m["manner_adverb"])  # "نفت روسيا بشدة هذه الاتهامات": not the content
        self.addressee_verbs = frozenset(m["addressee_verb"])
        self.norms = frozenset(m["norm"])
        self.divine_names = frozenset(m["divine_name"])
        self.document_parts = frozenset(m["document_part"])
        self.document_adverbs = frozenset(m["document_adverb"])
        self.divine_epithets = frozenset(m["divine_epithet"])
        self.cue_breaks = [p.split() for p in m["clause_break_if_cue"]]
        self.according = sorted((p.split() for p in m["according"]), key=len, reverse=True)
        self.according_first = {p[0] for p in self.according}
        self.according_starts = self.according_first | {"و" + w for w in self.according_first}
        self.relative = set(m["relative"])
        self.anonymity = [p.split() for p in m["anonymity"]]
        self.settings = set(m["setting"])
        self._read_closed_classes(m)
        self.needs_prep = {p.split()[0]: p.split()[1] for p in m["needs_preposition"]}
        self.document_cues = set(m["document_cue"])
        self.platforms = set(m["platform"])
        self.programmes = set(m["programme"])
        self.publication_verbs = set(m["publication_verb"])
        self.noun_homographs = set(m["noun_homograph"])
        self.maqsura_passives = frozenset(m["maqsura_passive"])
        self.honorifics = frozenset(m["honorific_pronoun"])
        self.clause_initial_cues = frozenset(m["clause_initial_cue"])
        self.present_np_lemmas = frozenset(m["present_np_content"])
        self.passive_alike = frozenset(m["passive_alike"])
        self.player_roles = frozenset(m["player_role"])
        self.source_preps: dict[str, list[list[str]]] = {}  # lemma -> the prepositions (phrases) before its source
        for p in m["source_preposition"]:
            self.source_preps.setdefault(p.split()[0], []).append(p.split()[1:])
        self.needs_source = frozenset(m["needs_source"])
        self.bare_speech = [p.split() for p in m["bare_speech"]]
        self.noun_before_lam = set(m["noun_before_lam"])
        self.light_nouns = _stems_by_lemma(m["light_verb"])  # light-verb lemma -> stems of its speech nouns
        self.said_objects = _stems_by_lemma(m["said_object"])  # lemma -> stems of the said nouns it must act on
        self.needs_comp = set(m["needs_complementizer"])
        self.needs_subject = set(m["needs_subject"])
        self.declined = frozenset(m["declined_comment"])
        self.declined_opening = frozenset(m["declined_opening"])
        self.addressee_heads = frozenset(m["addressee_head"])
        self.naming_heads = set(m["naming_head"])
        self.documents = set(m["document"])
        self.continuation_lemmas = frozenset(m["continuation_lemma"])
        self.prepositions = {"من", "في", "علي", "عن", "الي", "منذ", "بعد", "قبل", "خلال", "حول", "ضد", "مع", "عند",
                             "لدي", "حتي", "بين", "دون", "نحو"}
        # "إلا أن" (however), "قبل أن"/"بعد أن" (before/after): أن there opens no reported clause
        self.not_comp_before = {"الا", "والا", "قبل", "بعد", "منذ", "حتي", "بدل", "بدلا", "لمجرد", "قبيل"} \
            | set(m["modal_before_an"])
        self.negation = set(m["negation"])
        self.negation_kept = set(m["negation_kept"])
        self.writer_voice = set(m["writer_voice"])
        self.aspect_verbs = frozenset(m["aspect_verb"])  # "ومضى يقول": the present cue after them reports
        self.media = set(lex.media)
        self.bare_nouns = bare_verbal_nouns(lex.verbs)

    # ---------------------------------------------------------------- helpers
    def _read_closed_classes(self, m: dict[str, tuple[str, ...]]) -> None:
        """Closed classes (markers.tsv) the speaker's grammar reads: time settings no title holds (بعد، خلال); place
        heads a royal eponym may follow (جامعة الملك …); lemmas counted only with their hamza written (رأى); words
        after which the subject precedes its verb (لكن، كان; إلا/غير/بيد/كما before أن); prepositions inside a
        subject's words; "the latter" (الأخير); cue forms that start a compound noun (رد فعل); subjects and
        openings with which a lemma says nothing (أدان محكمة، تحدّث مع)."""
        self.time_settings, self.place_heads = frozenset(m["time_setting"]), frozenset(m["place_head"])
        self.hamza_lemmas, self.preverbal_openers = frozenset(m["hamza_written"]), frozenset(m["preverbal_opener"])
        self.an_particles, self.subject_preps = frozenset(m["an_particle"]), frozenset(m["complementizer_prep"])
        self.latter_words = frozenset(m["latter"])
        self.compound_nouns = [tuple(p.split()) for p in m["compound_noun"]]
        self.unsaid_subjects = _words_by_lemma(m["unsaid_subject"])  # "أدان محكمة": the court convicts
        self.unsaid_openings = _words_by_lemma(m["unsaid_opening"])  # "تحدّث مع": a conversation held
        self.question_openers = _words_by_lemma(m["question_opener"])  # "تساءل عما إذا"، "تساءل هل"
        self.said_items = frozenset(m["said_item"]) | frozenset(m["document"])  # "بيانا تقول فيه": described
        self.item_issuing = frozenset(m["item_issuing"])  # "أصدرت الشركة بيانا تقول فيه": the company
        self.clause_openers = frozenset(m["clause_opener"])  # "كما هاجمت X …": the verb after it is the main one
        self.honorific_titles = frozenset(m["honorific_title"])  # "سمو نائب …": matched by the title after it
        self.subjectless = frozenset(m["subjectless_verb"])  # "فيما يتعلق"، "كما تم": no agent follows
        self.colon_lemmas = frozenset(m["colon_speech"])  # "وواصل: «…»" speaks; "واصلت القوات تقدمها" does not
        self.pointer_objects = frozenset(m["pointer_object"])  # "واصفا ذلك بقوله: «…»": the words after it speak

    def _phrase_at(self, toks: list[Token], k: int, phrases: list[list[str]]) -> int:
        """The index after the longest listed phrase starting at token ``k`` (``k`` when none)."""
        index = self._phrase_index.get(id(phrases))
        if index is None:
            index = self._phrase_index[id(phrases)] = phrase_index(phrases)
        if k >= len(toks) or toks[k].text not in index:
            return k  # (most words open no listed phrase: answered without the call)
        return phrase_end(toks, k, len(toks), index)

    def _cue_info(self, tok: Token) -> tuple[str, VerbForm] | None:
        """(prefix, verb form) when the token is a cue whatever its context; forms that are also
        prepositions (بين، عبر) and light verbs (قدّم) count only through ``_cue_at``."""
        info = self._cue_info_cache.get(tok.text, _UNSEEN)  # (_cue_word's cache read here: one call less)
        if info is _UNSEEN:
            info = self._cue_word(tok.text)
        if info is not None and (self._maqsura_passive(tok, info[0]) or self._written_as_noun(tok, info)):
            return None  # (how this occurrence is written: "ويُدعى"، "رأي"، "فرات")
        if info is not None and info[1].lemma_key in self.colon_lemmas and not self._colon_follows(tok, info[0]):
            return None  # (no colon after it: "وواصل الشمالي" in a list of names, "زادت الأسعار")
        return info

    def _cue_word(self, w: str) -> tuple[str, VerbForm] | None:
        """The part of ``_cue_info`` that depends on the word alone (cached: asked ~200 times an article)."""
        try:
            return self._cue_info_cache[w]
        except KeyError:
            pass
        info = None
        if not (w in self.needs_comp or w in self.needs_prep):
            info = self._raw_cue_info(Token(w, 0, len(w)))
            if info is not None and info[1].lemma_key in self.light_nouns:
                info = None
        return remember(self._cue_info_cache, w, info)

    def _maqsura_passive(self, tok: Token, pfx: str) -> bool:
        """"ويُدعى جارود راموس": written with final ى, the passive "is named", not يدّعي "claims" (markers.tsv
        maqsura_passive), in an article that writes ى apart from ي."""
        return tok.text[len(pfx):] in self.maqsura_passives and self.np.ali_distinct \
            and self.orig(tok.start, tok.end).rstrip(_HARAKAT).endswith("ى")

    def _written_as_noun(self, tok: Token, info: tuple[str, VerbForm]) -> bool:
        """How this occurrence is written shows another word. A past form whose lexicon spelling ends in ى, written with
        ي in an article that writes ى apart, is the noun ("رأي" opinion، "نفي" denial: 83 such quotes on the corpus);
        a form of a hamza_written lemma (markers.tsv) without its hamza is a name ("فرات"، "شيانغ راي": 19); a
        form ending in ة written with ه, where the article writes ة, is a noun with its pronoun ("مقره" its
        headquarters، "مضيفه" his host: 188 such words in the corpus, none a cue)."""
        pfx, vf = info
        written = self.orig(tok.start, tok.end).rstrip(_HARAKAT)[len(pfx):]
        if vf.pos == "past" and vf.form.endswith("ى") and written.endswith("ي") and self.np.ali_distinct:
            return True
        if vf.form.endswith("ة") and written.endswith("ه") and self.ta_distinct:
            return True
        return vf.lemma_key in self.hamza_lemmas and has_hamza(vf.form) and not has_hamza(written)  # (يرى has none)

    def _complementizer_at(self, k: int, end: int) -> bool:
        """Token ``k`` opens a complementizer clause: أن/إن, or a preposition then one ("إلى أن"، "بأن" apart)."""
        toks, comp = self.toks, self.pat.comp_words
        return toks[k].text in comp or (toks[k].text in self.pat.comp_preps and k + 1 < end and toks[k + 1].text in comp)

    def _cue_at(self, idx: int) -> tuple[str, VerbForm] | None:
        """The cue at token ``idx``, checking the context that homograph forms need."""
        toks = self.toks
        w = toks[idx].text
        if w in self.needs_comp and "\u0651" in self.orig(toks[idx].start, toks[idx].end):
            if not any(t.text in self.pat.comp_words for t in toks[idx + 1:idx + 20]):
                return None  # written with its shadda ("وبيّن جوزيف شيبرد طالب ورئيس … أن"): the verb
        elif w in self.needs_comp:
            if not any(t.text in self.pat.comp_words for t in toks[idx + 1:idx + 9]):
                return None  # "بين فرنسا وكرواتيا": the preposition, not بيّن
            nxt = toks[idx + 1] if idx + 1 < len(toks) else None
            if nxt is None or not (nxt.text in self.pat.comp_words or self._strong_np_at(idx + 1)
                                   or self._name_before_comp(idx + 1)):
                return None  # "بين العام 2012 و2017 أن": still the preposition
            if nxt.text not in self.pat.comp_words and self._coordinated_after(idx + 1):
                return None  # "التوترات بين الغرب وروسيا، قال X إن": "between" two
        elif w in self.needs_prep:
            need = self.needs_prep[w]
            if not any(t.text == need for t in toks[idx + 1:idx + 14]):
                return None  # "عبر حسابه": the preposition, not the verb عبّر
        info = self._raw_cue_info(toks[idx])
        if info is not None and (self._maqsura_passive(toks[idx], info[0]) or self._written_as_noun(toks[idx], info)):
            return None
        if info is not None and idx + 1 < len(toks) and any(
                w[len(info[0]):] == a and toks[idx + 1].text.startswith(b) for a, b in self.compound_nouns):
            return None  # "رد فعل" (a reaction, "رد فعلهن"): a noun, not ردّ "replied"
        if info is not None and not info[0] and w in self.clause_initial_cues and idx not in self.sentence_heads \
                and "\u0651" not in self.orig(toks[idx].start, toks[idx].end):
            return None  # "دفع ثمن …": the noun "price", not ثمّن "praised" (markers.tsv clause_initial_cue)
        if info is not None and info[1].pos == "past" and self._written_passive(idx, info[0]):
            return None  # "وأُعلن منح الجائزة"، "كُتب على الجدار"، "اتُّهم": the passive names no speaker
        if info is not None and info[1].lemma_key in self.light_nouns:
            stems = self.light_nouns[info[1].lemma_key]
            if not any(_speech_noun(t.text, stems) for t in toks[idx + 1:idx + 11]):
                return None  # "قدم مساعدات"، "تقدم الجيش": no speech noun, no statement
        if info is not None and info[1].lemma_key in self.said_objects:
            stems = self.said_objects[info[1].lemma_key]
            if not any(_speech_noun(t.text, stems, _NOUN_ENDINGS) or t.text in self.pat.comp_words or t.text == ":"
                       or t.start in self.q_open for t in toks[idx + 1:idx + 15]):
                return None  # "جددت إدارة النادي عقد اللاعب": a contract renewed, nothing said (but "جدد أن …"، "تابع
                # ترامب: «…»")
        if info is not None and info[1].pos == "part" and not info[0] and idx > 0 \
                and toks[idx - 1].text in ("غير", "وغير"):
            return None  # "تقارير غير مؤكدة"، "مفاجأة غير متوقعة": negated, the participle is an adjective
        if info is not None and info[1].lemma_key in self.colon_lemmas and not self._colon_follows(toks[idx], info[0]):
            return None  # "زاد عدد القتلى"، "واصلت القوات تقدمها": nothing said
        if info is None and idx > 0 and toks[idx - 1].text in _MA_RELATIVES:
            info = self._cue_with_pronoun(w)  # "وهو ما أكده الرئيس السيسي بأن …": the verb carries the pronoun of "ما"
        return info

    def _described_item(self, idx: int, s_start: int) -> int | None:
        """The document or said item (markers.tsv document, said_item) that a present cue right after it describes
        ("بيانا تقول فيه إن"، "مقالا لوزير الخارجية يقول إنه"): its index, within six words before the cue and
        with فيه/فيها or a complementizer after the cue; None otherwise."""
        toks = self.toks
        if idx + 1 >= len(toks) or not (toks[idx + 1].text in ("فيه", "فيها")
                                        or toks[idx + 1].text in self.pat.comp_words):
            return None
        for j in range(idx - 1, max(self._tok_index(s_start), idx - 7) - 1, -1):
            w = strip_article(toks[j].text)
            if (w in self.said_items or (w.endswith("ا") and w[:-1] in self.said_items)) and not (
                    w.endswith("ه") and not self.orig(toks[j].start, toks[j].end).endswith("ة")) and not (
                    j > 0 and (toks[j - 1].text in self.prepositions or toks[j - 1].text[1:] in self.prepositions)):
                return j  # (not "نشره" "published it", folded like نشرة; not "بعد التحقيق تبين": it turned out)
            if not toks[j].is_word or self._cue_info(toks[j]) is not None or toks[j].text in _RELATIVE_PRONOUNS:
                return None
        return None

    def _item_issuer(self, d: int, idx: int, s_start: int) -> Entity | None:
        """Who speaks in the item at ``d`` that the cue at ``idx`` describes: its issuer ("بيان لوزارة X"، "بيان صادر
        عن X"، "مقالا لوزير الخارجية وليام هيغ"), else the subject of an issuing verb before it ("أصدرت الشركة بيانا"),
        else a document itself ("نشرة غير رسمية تقول إن"); None for a said item nobody is named for."""
        toks, known = self.toks, self.reg.keys()
        item = self.np.parse(toks, d, idx, known, None)
        issuer = self._issuer_np(d, item.end) if item is not None else None
        if issuer is not None and issuer.start > d:
            return self._issuer_entity(issuer)
        for k in {d + 1, item.end if item is not None else d + 1}:  # ("مقال طويل لوكالة …": after its adjective)
            if k < idx and toks[k].text[:1] == "ل" and len(toks[k].text) > 3 \
                    and not self.np.is_action(toks[k].text[1:]):
                np_ = self._lam_stripped(k, lambda: self.np.parse(self.toks, k, idx, known, None))
                if np_ is not None and np_.end == idx:
                    return self._lam_stripped(k, lambda: self._entity_for(np_, None))
        for j in range(self._tok_index(s_start), d):
            w = toks[j].text
            if w in self.item_issuing or (w[:1] == "و" and w[1:] in self.item_issuing):
                subj = self.np.parse(toks, j + 1, d, known, None)
                if subj is not None and subj.end <= d:
                    return self._entity_for(subj, None)
        if strip_article(toks[d].text) in self.documents:  # (the document alone: "نشرة غير رسمية")
            return self._entity_for(item or NP(d, d + 1, "organization", None, d, d + 1, toks[d].text), None)
        return None

    def _colon_follows(self, tok: Token, pfx: str) -> bool:
        """The cue opens its clause (after و, punctuation or the sentence start: not "زلماي خليل زاد") and a
        complementizer or a quotation mark follows at once, or a colon within six words of its clause ("وواصل سهم
        «ميدغلف» هبوطه": a name in marks, nothing said)."""
        idx = self._tok_index(tok.start)
        if idx >= len(self.toks) or self.toks[idx].start != tok.start:
            return False  # (a word read out of this text's tokens)
        if not pfx and idx > 0 and self.toks[idx - 1].is_word and idx not in self.sentence_heads:
            return False
        if idx + 1 < len(self.toks) and (self.toks[idx + 1].text in self.pat.comp_words
                                         or self.toks[idx + 1].start in self.q_open):
            return True  # "وزاد أن …"، "وأكملت «…»" (but "وزادت صدمة ماكاي أن": what grew)
        for t in self.toks[idx + 1:idx + 8]:
            if t.text == ":":
                return True
            if t.text in _CLAUSE_PUNCT:
                return False
        return False

    def _cue_with_pronoun(self, w: str) -> tuple[str, VerbForm] | None:
        """A bare past cue with an object pronoun glued on ("أكده"، "أكدها"), as after "ما"."""
        if not w.endswith(("ه", "ها")):
            return None
        base = w[:-2] if w.endswith("ها") else w[:-1]
        info = self._raw_cue_info(Token(base, 0, len(base)))
        if info is not None and (info[1].pos != "past" or info[0]):
            info = None
        return info

    def _written_passive(self, idx: int, pfx: str) -> bool:
        """A past cue written with a damma on its first letter ("أُعلن"، "ذُكر"، "وُصف") or, in a form that opens with
        ا, on the letter after its ت ("اتُّهم"): the passive voice, which only vocalized text shows."""
        word = self.orig(self.toks[idx].start, self.toks[idx].end)
        if "\u064f" not in word:
            return False  # (most text is not vocalized)
        letters = [(ch, word[i + 1:i + 3]) for i, ch in enumerate(word) if "\u0621" <= ch <= "\u064a"]
        letters = letters[len(pfx):]
        if not letters:
            return False
        at = 1 if letters[0][0] in "اإأ" and len(letters) > 2 and letters[1][0] == "ت" else 0
        return "\u064f" in letters[at][1][:2] if at < len(letters) else False

    def _coordinated_after(self, k: int) -> bool:
        """The noun phrase at ``k`` is followed by a second one joined by و ("بين الغرب وروسيا")."""
        np_ = self.np.parse(self.toks, k, len(self.toks), self.reg.keys(), None)
        return np_ is not None and np_.end < len(self.toks) and self.toks[np_.end].text[:1] == "و" \
            and len(self.toks[np_.end].text) > 2 and self._cue_info(self.toks[np_.end]) is None

    def _name_before_comp(self, k: int) -> bool:
        """A personal name right before a complementizer ("وبين العنزي أن"، "وبين أحمد العنزي أن"): بيّن written
        without its shadda, since the preposition's "بين X وY" coordinates two."""
        np_ = self.np.parse(self.toks, k, len(self.toks), self.reg.keys(), None)
        return np_ is not None and np_.kind == "person" and np_.end < len(self.toks) \
            and self.toks[np_.end].text in self.pat.comp_words \
            and not any(t.text.startswith("و") or t.text in ("منهم", "منهن", "منهما") or (
                is_def(t.text) and t.text.endswith(("ين", "ون", "ات", "ان"))) for t in self.toks[np_.start:np_.end])
        # (not a group: "بين الطالبات أنها"، "بين الطرفين أن")

    def _strong_np_at(self, k: int) -> bool:
        """A speaker phrase the lexicons vouch for (a titled person, a body, an anonymous source, a place)."""
        np_ = self.np.parse(self.toks, k, len(self.toks), self.reg.keys(), None)
        return np_ is not None and (np_.kind != "person" or np_.title_end > np_.start)

    def _raw_cue_info(self, tok: Token) -> tuple[str, VerbForm] | None:
        w = tok.text
        try:
            return self._cue_cache[w]
        except KeyError:
            pass
        m = split_cue(w, self.pat.forms) if len(w) < 40 and w[0].isalpha() else None
        res = (m[0], self.lex.verbs[m[1]]) if m else None
        if res is not None:
            pfx, vf = res
            # ب only on verbal nouns ("بدعوته"), ل/س only on present tense and nouns
            if ("ب" in pfx and vf.pos != "noun") or ("س" in pfx and vf.pos != "impf") or \
                    ("ل" in pfx and vf.pos not in ("impf", "noun")):
                res = None
        return remember(self._cue_cache, w, res)

    # ------------------------------------------------------------- main pass
    def run(self, text: str, toks: list[Token], quotes: list[QuotedSpan], sents: Sentences,
            orig: "Callable[[int, int], str]", hamza_al: set[int], ali_ya: set[int] | None = None,
            ali_distinct: bool = True, hamza_il: set[int] | None = None, ta_distinct: bool = True) -> list[RawQuote]:
        """The quotes of one article. ``hamza_al``: offsets of the words the original writes أل (a name
        such as "ألكسندر", where the folded text shows the article ال); ``ali_ya``: of علي written with
        ي, the name Ali (the preposition على folds to the same word); ``ali_distinct``: the article writes
        the preposition على with ى somewhere, so its علي is the name even before a definite word; ``hamza_il``:
        of the words written إل (never the article); ``ta_distinct``: the article writes ة apart from ه."""
        self.orig = orig
        self.ta_distinct = ta_distinct
        self.text = text
        self.toks = toks
        self.starts = [t.start for t in toks]
        self.quotes = quotes
        self.q_open = {q.open: q for q in quotes}
        self.q_opens = [q.open for q in quotes]
        self.sents = sents
        self.reg = Register(frozenset(self.np.regnal_ordinals), frozenset(self.documents),
                            frozenset(self.np.title_adjectives), self.player_roles, self.honorific_titles)
        self.np.hamza_al = hamza_al
        self.np.hamza_il = hamza_il or set()
        self.np.ali_ya = ali_ya or set()
        self.np.ali_distinct = ali_distinct
        self.np.hamza_fa = {t.start for t in toks if t.text == "فان" and "إ" in orig(t.start, t.end)}  # (فإن)
        self.np.madda_ab = {t.start for t in toks if t.text[:2] == "اب" and orig(t.start, t.start + 1) == "آ"}
        self.sentence_heads = self._sentence_heads()
        self.issuers: dict[str, Entity] = {}
        self._word_counts: Counter[str] | None = None  # the article's words, counted when first asked
        self.region_according: set[int] = set()  # according phrases a cue's speaker region already read   # document noun -> its issuer, from "بيان صادر عن X"/"بيان لX"
        out: list[RawQuote] = []
        used_quotes: set[int] = set()
        consumed_until = -1
        idx, n_toks = 0, len(toks)
        qk, guard = -1, -1  # qk: the last quote opened at or before the token; guard: see _next_free
        plain_words, sentence_heads = self._plain_cache, self.sentence_heads
        while idx < n_toks:  # skips whole quotes and consumed clauses by bisection, not token by token
            if toks[idx].start >= guard:  # (a token before the next quote's mark needs no check)
                idx, qk, guard = self._next_free(idx, qk, consumed_until)
                if idx >= n_toks:
                    break
            tok = toks[idx]
            idx += 1
            if not tok.is_word:
                continue
            plain = plain_words.get(tok.text)
            if plain is None:
                plain = self._plain_word(tok.text)
            if plain and (idx < 2 or toks[idx - 2].text not in _MA_RELATIVES):
                if idx - 1 in sentence_heads:  # (most words: no cue, name or according phrase to read)
                    self._note_subject(idx - 1)
                continue
            info = self._cue_at(idx - 1)
            if info is None:
                if idx - 1 in self.sentence_heads:
                    self._note_subject(idx - 1)
                if self._is_title(tok.text) or tok.text in self.np.given_names:
                    self._note_name(idx - 1)  # (a first name opens a name too: "وكان مقتدى الصدر قد التقى …")
                if tok.text in self.according_starts:
                    self._note_according(idx - 1)
                continue
            rq = self._quote_at_cue(idx - 1, info, out)
            if rq is None:
                continue
            out.append(rq)
            self._note_names_until(idx, rq.end)
            consumed_until, guard = rq.end, -1  # cues inside the content are reported speech within it
            for q in self._quotes_between(rq.start - 1, rq.end + 2):
                if q.close <= rq.end + 1:
                    used_quotes.add(q.open)
        return self._after_cues(out, used_quotes)

    def _after_cues(self, out: list[RawQuote], used_quotes: set[int]) -> list[RawQuote]:
        """The passes that need every cue's quote: according phrases, settings, bare vias, orphan quotes, role
        links, headlines; then the quotes in text order without duplicates."""
        out.extend(self._according(out))
        self._settings_after(out)
        self._name_bare_vias(out)
        out.extend(self._orphan_quotes(out, used_quotes))
        out = [r for r in out if not self._quotes_a_name(r)]
        self.reg.link_roles(self.np.given_names)
        heads = self._headlines()
        if heads:
            out = [r for r in out if not any(a <= r.start < b for a, b in heads)]
        out.sort(key=lambda r: r.start)
        return self._dedupe(out)

    def _next_free(self, idx: int, qk: int, consumed_until: int) -> tuple[int, int, int]:
        """From token ``idx``, the first token outside the consumed clause and the quoted spans, the last quote opened
        at or before it (``qk``), and the offset before which the tokens after it need no such check: the next
        quote's mark (right after an opening mark, the next token)."""
        toks, starts, quotes, q_opens = self.toks, self.starts, self.quotes, self.q_opens
        while idx < len(toks):
            start = toks[idx].start
            if start < consumed_until:
                idx = bisect.bisect_left(starts, consumed_until, idx)
                continue
            while qk + 1 < len(q_opens) and q_opens[qk + 1] <= start:
                qk += 1
            if qk >= 0 and quotes[qk].open < start < quotes[qk].close:  # inside a quoted span
                idx = bisect.bisect_left(starts, quotes[qk].close, idx + 1)
                continue
            if qk >= 0 and start < quotes[qk].close:
                return idx, qk, start + 1  # (the opening mark itself: the words after it are inside)
            return idx, qk, q_opens[qk + 1] if qk + 1 < len(q_opens) else len(self.text) + 1
        return idx, qk, -1

    def _note_names_until(self, idx: int, end: int) -> None:
        """Names in the speaker's region and in what was said (from token ``idx`` to offset ``end``) are known too."""
        toks, plain_words, openers = self.toks, self._plain_cache, self._opener_cache
        for j in range(idx, min(bisect.bisect_left(self.starts, end, idx), len(toks))):
            w = toks[j].text
            if plain_words.get(w):
                continue  # (plain: no name)
            opener = openers.get(w)  # (a title word or first name, cached: _is_title and the names asked once)
            if opener is None:
                opener = remember(openers, w, self._is_title(w) or w in self.np.given_names)
            if opener:
                self._note_name(j)

    def _name_bare_vias(self, out: list[RawQuote]) -> None:
        """A via that is an outlet's bare head ("الصحيفة"، "وكالة"، "قناة": 217 on the corpus) takes the name of the
        nearest outlet with that head the article gave before it ("… وكالة أنباء الأناضول … وأشار صويلو" → the
        agency): the bare head says which kind of outlet, not which one."""
        toks, starts = self.toks, self.starts
        for r in out:
            if not r.via or len(r.via.split()) != 1:
                continue
            head = strip_article(fold(r.via.strip("\"«»“”")))
            if head not in MEDIA_HEADS:
                continue
            at = bisect.bisect_left(starts, r.start)
            for j in range(at - 1, max(-1, at - 400), -1):
                w = toks[j].text.removeprefix("ل") if toks[j].text[:2] != "لل" else toks[j].text
                if w != head:
                    continue  # (the outlet's first, full mention has its indefinite head: "وكالة الأنباء …")
                name, _ = self._media_np(j, len(toks), strip_l=True)
                if name and len(name.split()) > 1:
                    r.via = name
                    break

    def _headlines(self) -> list[tuple[int, int]]:
        """Short lines that close with no punctuation in an article whose lines mostly close with it: headlines,
        sub-heads and links to other stories ("الأمم المتحدة تدعو إلى ضبط النفس"، "قد يهمك| …": about 95 quotes
        in the corpus), which the writer does not attribute (GUIDELINES: headlines are not quotes). A line that
        opens with و/ف/كما or with a reporting verb goes on the narration and is kept."""
        text, lines, a = self.text, [], 0
        for line in text.split("\n"):
            if line.strip():
                lines.append((a, a + len(line), line.strip()))
            a += len(line) + 1
        closed = [x for x in lines if x[2][-1] in _LINE_CLOSERS]
        if len(lines) < 3 or len(closed) < 0.6 * len(lines):
            return []  # (an article that closes few lines: its short lines are text, not headlines)
        return [(a, b) for a, b, line in lines if line[-1] not in _LINE_CLOSERS and len(line.split()) <= 15
                and line[:1] not in ("و", "ف") and not line.startswith("كما")
                and self._cue_word(line.split()[0]) is None]  # ("اعترف في الأخير أنه …": a verb
        # first is narration; headlines put the noun first)

    def _inside_quote(self, pos: int) -> bool:
        return self._quote_around(pos) is not None

    def _quote_around(self, pos: int) -> QuotedSpan | None:
        """The quoted span strictly enclosing ``pos`` (its marks excluded), if any."""
        k = bisect.bisect_right(self.q_opens, pos) - 1
        if k >= 0 and self.quotes[k].open < pos < self.quotes[k].close:
            return self.quotes[k]
        return None

    def _quote_at_token(self, k: int) -> QuotedSpan | None:
        if k < len(self.toks):
            return self.q_open.get(self.toks[k].start)
        return None

    def _tok_index(self, pos: int) -> int:
        return bisect.bisect_left(self.starts, pos)

    # ------------------------------------------------------------------ cues
    def _quote_at_cue(self, idx: int, info: tuple[str, VerbForm], prev: list[RawQuote]) -> RawQuote | None:
        """The quote opened by the cue at token ``idx``: the cue's gate, the slots after it (speaker
        phrase, adjuncts, content opener), the speaker, then the content."""
        pfx, vf = info
        if not self._cue_speaks(idx, pfx, vf):
            return None
        s_start, s_end = self.sents.bounds(self.toks[idx].start)
        end_idx = self._tok_index(s_end)
        if idx > 0 and self.toks[idx - 1].text == "كما" and (said := self._as_cue_said(idx, pfx, vf, s_start, end_idx,
                                                                                      prev)) is not None:
            return said
        slots = self._read_slots(idx, pfx, vf, s_start, end_idx)
        if slots.content_k is None or slots.content_k >= end_idx:
            return None
        if vf.lemma_key in self.needs_source and slots.source_np is None:
            return None  # "وعلمت الصحيفة أن …": the outlet's own finding, no one's statement
        if not self._lemma_preposition_ok(idx, vf, slots.content_k, end_idx):
            return None  # "عبروا نهر "إيفروس"": عبّر expresses only with عن (else "crossed", "through")
        entity, mention_span, how = self._speaker_of(idx, pfx, vf, s_start, slots, prev)
        if entity is not None and entity.key == "الله" and vf.lemma_key in ("دعا", "سال"):
            # "داعيا الله تعالى أن يتغمدهم"، "سائلاً الله": God is whom the prayer addresses; the one praying speaks
            entity, mention_span = self.reg.resolve_prodrop(vf.agreement, self.toks[idx].start, exclude=entity), None
            how = ""
        if mention_span is None and self.toks[idx].text in self.needs_subject:
            return None  # "ويعتقد أن …": impersonal without its subject
        if mention_span is None and self._relative_np_content(idx):
            return None  # "الانتخابات التي عبرت عن …": no antecedent that speaks, no speaker to carry over
        if entity is not None and strip_article(entity.head or "") in self.unsaid_subjects.get(vf.lemma_key, ()):
            return None  # "أدانت المحكمة المتهم" (convicted)، "أظهرت لقطات أن" (showed): no one's statement
        if entity is None:
            if mention_span is None:
                return None
            how = ".unnamed"  # the words naming the speaker are no name (a fragment): a gap, not a guess
        else:
            self._own_document(idx, slots.content_k, entity)
        return self._quote_from(idx, pfx, vf, slots, entity, mention_span, how, end_idx, s_end, prev)

    def _after_honorific(self, idx: int, vf: VerbForm, end_idx: int) -> "Slots | None":
        """"وأكد سموه في تصريح … أن"، "وطالب معاليه المجتمع الدولي بالتدخل": the honorific is the subject (carried
        over from the person named before), so the words after it are adjuncts, then the content; a noun
        phrase there is the verb's object and opens the content. None where the region cannot be read (the
        general walk decides)."""
        whole = self._region_of_object(idx + 1, vf, end_idx)
        if whole is None:
            toks = self.toks
            if vf.lemma_key in self.lex.np_lemmas and self._cue_info(toks[idx + 2]) is None and not any(
                    t.text in self.pat.comp_words for t in toks[idx + 2:end_idx]):
                return Slots(None, None, None, False, idx + 2, False, None, None)  # a noun-phrase content follows
        return whole

    def _region_of_object(self, k: int, vf: VerbForm, end_idx: int) -> "Slots | None":
        """The region after token ``k`` read whole, for a cue whose subject is already given (an honorific, a verb
        ending): a noun phrase found there is the verb's object and opens the content, never the speaker."""
        whole = self.region.read(k, vf, end_idx)
        if whole is not None and whole.mention_np is not None:
            whole.content_k, whole.mention_np = whole.mention_np.start, None
        return whole

    def _subject_in_verb(self, idx: int, vf: VerbForm, end_idx: int) -> "Slots | None":
        """"وأعلنوا قطع الطريق"، "ودعوا الحكومة إلى …"، "قالوا خلالها إن": a verb with a plural or dual ending
        carries its subject (a subject after the verb leaves it singular: "وقال المحتجون"), so the noun after it is
        its object or an adjunct, never the speaker (254 such verbs before a word other than the complementizer in
        the corpus; 29 quotes took that word as their speaker). The speaker is the one carried over (pro-drop)."""
        toks = self.toks
        whole = self._region_of_object(idx, vf, end_idx)
        if whole is not None:
            return whole
        ck = self._comp_ahead(idx + 1, end_idx, reach=6)
        if ck is not None:
            return Slots(None, None, None, False, ck, False, None, None)
        if vf.lemma_key in self.lex.np_lemmas and self._cue_info(toks[idx + 1]) is None:
            return Slots(None, None, None, False, idx + 1, False, None, None)  # the object opens the content
        return None

    def _as_cue_said(self, idx: int, pfx: str, vf: VerbForm, s_start: int, end_idx: int,
                     prev: list[RawQuote]) -> RawQuote | None:
        """"…، كما أعلن وزير النقل." (63 in the corpus): "as X said" closing a sentence attributes the clause before
        its comma, like a trailing according phrase; the speaker and a time word may follow, nothing else."""
        toks = self.toks
        if pfx or vf.pos != "past" or idx < 3 or toks[idx - 1].text != "كما" or toks[idx - 2].text not in ("،", ","):
            return None
        np_ = title = self.np.parse(toks, idx + 1, end_idx, self.reg.keys(), vf.agreement)
        if np_ is None:
            return None
        if np_.kind == "person" and np_.name_end == np_.title_end and np_.end + 1 < end_idx \
                and toks[np_.end].text in ("،", ","):
            app = self.np.parse(toks, np_.end + 1, end_idx, self.reg.keys(), vf.agreement)
            if app is not None and app.kind == "person" and app.name_end > app.title_end:
                np_ = app  # "…، كما أعلن وزير الدفاع الأميركي، جيمس ماتيس، الأربعاء."
        if not self.region._strong(title):
            return None  # (a speaker the lexicons or the article vouch for: not "…، كما أضاف أوباميانغ هدفين")
        j = np_.end
        while j < end_idx and (toks[j].text in self.time or toks[j].text in ("،", ",")):
            j += 1
        if j < end_idx and toks[j].is_word:
            return None  # (more follows: "…، كما أعلن X أن …" is read as a cue)
        a, b = s_start, toks[idx - 2].start
        while b > a and self.text[b - 1] in " \n،,":
            b -= 1
        if b - a < 8 or any(r.start < b and a < r.end for r in prev[-8:]):
            return None
        entity = self._entity_for(np_, vf)
        if entity is None:
            return None
        self._title_before_apposition(entity, title, np_)
        mention = (toks[np_.start].start, toks[np_.end - 1].end)
        tok = toks[idx]
        return RawQuote(a, b, "indirect", tok.text, tok.start, tok.end, vf.lemma, vf.stance, entity, mention,
                        None, None, "cue.past.trailing")

    def _in_relative_in_commas(self, idx: int, pfx: str) -> bool:
        """The cue opens a relative clause set off by a comma ("، الذي يقول محللون"، "، التي أكدت")."""
        toks = self.toks
        return not pfx and idx > 1 and toks[idx - 1].text in ("الذي", "التي", "الذين") \
            and toks[idx - 2].text in ("،", ",")

    def _light_noun_end(self, k: int, cstart: int, cend: int) -> int:
        """A light verb's noun phrase runs over commas that set off a time, an apposition or a reason ("وجه تهمة
        … لبوفون، الجمعة، بسبب …"); it ends at a comma before a verb or a clause break ("، واتهمهم"، "، حيث")."""
        narrative = self.lex.narrative_verbs
        toks = self.toks
        for j in range(k + 1, min(self._tok_index(cend), len(toks) - 1)):
            if toks[j].text not in ("،", ",") or toks[j].start <= cstart:
                continue
            w = toks[j + 1].text
            base = w[1:] if w[:1] in "وف" and len(w) > 3 else w
            bare = base[:-2] if base.endswith(("ها", "هم")) else base[:-1] if base.endswith("ه") else base  # (واتهمه)
            if self._cue_info(toks[j + 1]) is not None or w in narrative or base in narrative \
                    or base in self.cue_forms or bare in self.cue_forms \
                    or self._phrase_at(toks, j + 1, self.clause_breaks) > j + 1:
                return self._end_before(cstart, toks[j].start)
        return cend

    def _cut_at_first(self, k: int, cstart: int, cend: int, stops: tuple[str, ...], quoted_too: bool = False) -> int:
        """Where the first of ``stops`` after token ``k`` cuts the content [cstart, cend), spaces before it left out;
        one inside quotation marks cuts only when ``quoted_too``."""
        for t in self.toks[k + 1:self._tok_index(cend)]:
            if t.text in stops and t.start > cstart and (quoted_too or self._quote_around(t.start) is None):
                return self._end_before(cstart, t.start)
        return cend

    def _end_before(self, cstart: int, pos: int) -> int:
        """Where content that is cut at ``pos`` ends: before the spaces that precede it."""
        while pos > cstart and self.text[pos - 1] == " ":
            pos -= 1
        return pos

    def _cue_speaks(self, idx: int, pfx: str, vf: VerbForm) -> bool:
        """False where the cue word reports nothing: future, negated, writer's voice, a noun after a
        preposition or عدم, a relative clause about a thing."""
        toks = self.toks
        tok = toks[idx]
        if "س" in pfx:
            return False  # future: not (yet) said
        prev_tok = toks[idx - 1].text if idx > 0 else ""
        if (prev_tok in self.negation and vf.lemma_key not in self.negation_kept) or prev_tok in ("هل",):
            return False
        before_ma = toks[idx - 2].text if idx > 1 else ""
        if prev_tok in self.according_first or (prev_tok == "ما" and (
                before_ma in self.according_first or before_ma[1:] in self.according_first)):
            return False  # "…، وفق ما أعلن X"، "حسبما ذكرت": a trailing attribution, read by the according pass
        if tok.text in self.writer_voice or prev_tok in self.writer_voice and prev_tok not in ("سبق",):
            return False
        if vf.pos == "part" and (pfx or self.region.noun_participle(idx)):
            return False  # "متحدثة باسم الشركة": the noun, not the participle
        if (vf.pos == "part" or (vf.pos == "past" and vf.agreement == "m.du")) and self._accusative_adjective(idx, vf):
            return False  # "تقدما لافتا"، "مستقبلا واعدا"، "مجالا رحبا": the adjective of the noun before it
        if vf.pos == "noun":
            nxt = toks[idx + 1].text if idx + 1 < len(toks) else ""
            if tok.text == "بالقول" and idx + 2 < len(toks) and (
                    toks[idx + 1].start in self.q_open or (nxt in ("،", ",") and (
                        toks[idx + 2].text in self.pat.comp_words or toks[idx + 2].start in self.q_open))):
                return True  # "ومضى جابر بالقول "…""، "ومضت المصادر بالقول، إن …": بالقول only ever opens speech
            if not (nxt in self.pat.comp_words or nxt in self.pat.comp_preps or nxt == ":"
                    or (idx + 1 < len(toks) and toks[idx + 1].start in self.q_open
                        and tok.text.endswith(("ه", "ها", "هم")) and vf.lemma_key not in ("وصف", "اعتبر", "سمي"))):
                return False  # "تصريحاته الأخيرة": a noun, not a report (but "عن مصدر قوله "…"" is one)
        if vf.pos in ("past", "impf", "part") and not pfx and (prev_tok in self.prepositions or (
                prev_tok[:1] in ("و", "ف") and prev_tok[1:] in self.prepositions and prev_tok[1:] != "من")):
            return False  # "على الرغم من نفي الوزير"، "من خلال متابعة"، "وفي رد على سؤال": after a
            # preposition it is the noun (but "ومن قال": "and whoever said")
        nxt = toks[idx + 1].text if idx + 1 < len(toks) else ""
        if tok.text[len(pfx):] in self.noun_homographs and not is_def(nxt) and nxt in self.lex.adjectives \
                and nxt not in self.lex.anonymous and nxt not in self.lex.titles:
            return False  # "لقي طالب سعودي مصرعه": the noun "student" and its adjective, not طالب "demanded"
        if not pfx and (tok.text in self.noun_homographs or vf.pos == "part") and (
                prev_tok.isdigit() or prev_tok in _COUNT_WORDS):
            return False  # "150 ألف طالب لجوء"، "إخلاء سبيل 11 متهما": a counted noun, not a verb or a ḥāl
        if not pfx and self.np.masdar.match(prev_tok) and not prev_tok.endswith("ء") \
                and self.sents.bounds(tok.start)[0] < tok.start:
            return False  # "استطلاع رأي"، "تعطيل كشف": the genitive of a verbal noun, not a verb (a verbal noun in
            # ـاء may head a relative clause: "في اعتداء اتهمت بريطانيا روسيا بالوقوف وراءه")
        if not pfx and vf.lemma_key == "تابع" and nxt.startswith("ل") and idx > 0 and toks[idx - 1].is_word:
            return False  # "طقماً تابعاً لمليشيا الحوثي"، "فصائل تابعة لها": "belonging to", not "continued"
        if tok.text in self.noun_before_lam and nxt in ("له", "لها", "لهم", "لهما"):
            return False  # "تتخذ من دبي مقرا لها": the noun (headquarters), not the participle
        if prev_tok in ("لما", "مما", "بما"):
            return self._labelling_clause(idx - 1, len(toks))  # "لما وصف بأنه": a passive label, nobody speaks
            # (but "لما وصفه القاضي بأنه …" has its subject)
        if prev_tok == "او" and idx > 1 and self.np.is_action(toks[idx - 2].text):
            return False  # "تأكيد أو نفي المعلومة"، "قبول أو رفض الاتفاق": joined to a verbal noun, it is one
        if prev_tok in ("عدم", "بعدم", "لعدم", "وعدم"):
            return False  # "عدم مقدرة الولايات المتحدة": after عدم it is a noun
        if prev_tok in _RELATIVE_PRONOUNS:
            return self._relative_reports(idx)
        return True

    def _accusative_adjective(self, idx: int, vf: VerbForm) -> bool:
        """A participle in ـا right after an indefinite accusative noun, with no comma between and nothing after it
        that opens speech (a complementizer, a preposition, a colon, a quote, an object pronoun or ب), agrees with that
        noun: "شهدت المدينة تقدما لافتا منذ …"، "حضورا لافتا"، "مستقبلا واعدا" (not "… بيانا مؤكدا فيه أن …")."""
        toks = self.toks
        if idx == 0 or idx + 1 >= len(toks) or not toks[idx].text.endswith("ا"):
            return False
        prev, nxt = toks[idx - 1], toks[idx + 1]
        w = prev.text
        if not (prev.is_word and len(w) > 3 and w.endswith("ا") and not w.endswith(("ها", "هما", "نا"))
                and w[:1] not in "بل" and not is_def(w)
                and w not in self.np.places and w not in self.reg.keys() and self._cue_info(prev) is None):
            return False
        rule = self.lex.np_lemmas.get(vf.lemma_key)
        own = rule.preposition if rule is not None and rule.preposition else ""
        return not (nxt.text in self.pat.comp_words or (own and self._opens_with_prep(nxt.text, own))
                    or (nxt.text in self.pat.comp_preps and idx + 2 < len(toks) and toks[idx + 2].text in self.pat.comp_words)
                    or nxt.text in (":", "فيه", "فيها") or nxt.start in self.q_open or nxt.text.startswith(("ايا", "ب")))

    def _comp_follows(self, idx: int) -> bool:
        """A complementizer right after the cue at ``idx``, or after its preposition ("أشار إلى أن")."""
        toks = self.toks
        nxt = toks[idx + 1].text
        return nxt in self.pat.comp_words or (nxt in self.pat.comp_preps and toks[idx + 2].text in self.pat.comp_words)

    def _relative_reports(self, idx: int) -> bool:
        """A cue inside a relative clause reports a statement when its own complement follows: a
        complementizer ("الذي قال إن")، one after a short adverbial ("الذي وعد في المقابل بأن")، or the
        cue's preposition before a noun ("الذي أشار إلى وجود"). A preposition with a pronoun ("التي
        أعلنت عنها النقابات") makes the clause about a thing."""
        toks = self.toks
        if idx + 2 >= len(toks):
            return False
        if self._comp_follows(idx):
            return True
        nxt, after = toks[idx + 1].text, toks[idx + 2]
        if nxt in self.pat.comp_preps and nxt not in ("في", "من") and after.is_word \
                and after.text not in self.prepositions:
            return True  # (after من the verb is passive: "التي رفضت من الاتحاد")
        if self._object_then_preposition(idx):
            return True  # "ميركل التي دعت الحكومة التركية إلى …"، "المالكي الذي اتهم المملكة بدعم …"
        k = idx + 2 if nxt in ("فيه", "فيها", "خلاله", "خلالها") else idx + 1
        known = self.reg.keys()
        np_ = self.np.parse(toks, k, min(len(toks), k + 10), known, None)
        if np_ is not None and np_.end < len(toks) and toks[np_.end].text in self.pat.comp_words and (
                np_.kind != "person" or np_.title_end > np_.start or all(t.text in known for t in toks[k:np_.end])):
            return True  # "المدينة التي قال الجيش إنه استعادها"، "الرسالة التي قال فيها الوزير إن": its own subject
        return (nxt in self.prepositions or nxt in self.time) and \
            self._comp_ahead(idx + 1, min(len(toks), idx + 5), reach=4) is not None

    def _object_then_preposition(self, idx: int) -> bool:
        """The cue at ``idx`` takes an object before its own preposition (lemmas.tsv object_first) and a
        noun phrase then that preposition follow it: "دعت الحكومة إلى"، "اتهم المملكة بدعم"."""
        toks = self.toks
        info = self._cue_info(toks[idx])
        rule = self.lex.np_lemmas.get(info[1].lemma_key) if info is not None else None
        if rule is None or not rule.object_first or not rule.preposition:
            return False
        np_ = self.np.parse(toks, idx + 1, min(len(toks), idx + 8), self.reg.keys(), None)
        return np_ is not None and np_.end < len(toks) and self.region.opens_content(np_.end, rule.preposition)

    def _relative_np_content(self, idx: int) -> bool:
        """A relative-clause cue whose complement is no complementizer ("الذي أشار إلى وجود …"، "الذي وعد
        في المقابل بأن"): only its antecedent can be the speaker, and only a phrase that names one."""
        toks = self.toks
        return 0 < idx < len(toks) - 2 and toks[idx - 1].text in _RELATIVE_PRONOUNS and not self._comp_follows(idx)

    def _read_slots(self, idx: int, pfx: str, vf: VerbForm, s_start: int, end_idx: int) -> "Slots":
        """Walk the words after the cue to the content opener, filling the speaker, via, channel and
        anonymity slots on the way. Each word is offered to the stages in ``_walk_stages`` in order (the
        order is the precedence between constructions); the first that reads it decides whether the
        walk goes on or stops there."""
        toks = self.toks
        prev_tok = toks[idx - 1].text if idx > 0 else ""
        lemma_key = vf.lemma_key
        if lemma_key in self.document_cues:
            return self._document_slots(idx, end_idx)
        known = self.reg.keys()
        agr = vf.agreement
        topic = None
        if idx + 2 < end_idx and toks[idx + 1].text in self.honorifics and vf.pos in ("past", "impf"):
            after = self._after_honorific(idx, vf, end_idx)
            if after is not None:
                return after
        if vf.pos in ("past", "impf") and agr.endswith((".pl", ".du")) and idx + 1 < end_idx:
            carried = self._subject_in_verb(idx, vf, end_idx)
            if carried is not None:
                return carried
        if "ف" in pfx or prev_tok in ("فقد", "فانه", "فانها"):
            topic = self._svo(idx, "ف", s_start, known, agr)  # "أما X فقال"، "أما X فقد رأى"
        elif self._kana_subject(idx, prev_tok, s_start, known, agr) is not None:
            # "وكان الحوثيون قد أعلنوا استهداف …"، "وكانت مصادر أكدت نبأ …": the subject came first, all after is content
            topic = self._kana_subject(idx, prev_tok, s_start, known, agr)
            whole = self.region.read(idx, vf, end_idx) if vf.pos not in ("noun", "part") else None
            if whole is not None and whole.mention_np is None:
                whole.topic = topic  # "… قد أكد لـ"الجوهرة" أنه": the region holds only adjuncts
                return whole
        elif lemma_key not in self.source_preps and vf.pos not in ("noun", "part") and "ل" not in pfx:
            rule = self.lex.np_lemmas.get(lemma_key)
            svo = self._svo(idx, "", s_start, known, agr) if rule is not None and rule.object_first and not pfx \
                and idx + 1 < end_idx and self._fronted_subject(idx, s_start, known, agr) else None
            if svo is not None and self.region._strong(svo):
                # "الصحف تدعو السلطات الفرنسية إلى …"، "المعارضة تطالب الحكومة بـ…": the subject opens the
                # sentence, so the noun after the verb is its object and opens the content (not an adverb
                # read as a bare name: "إقليمياً حذرت صحف باكستان")
                return Slots(None, None, None, False, idx + 1, False, None, svo)
            whole = self.region.read(idx, vf, end_idx)
            if whole is not None:
                return self._given_name_closing(
                    idx, self._name_closing_titles(idx, whole, end_idx, agr), end_idx, agr)
        s = _SlotWalk(idx, pfx, vf, s_start, end_idx, prev_tok, self.lex.np_lemmas.get(lemma_key),
                      self.light_nouns.get(lemma_key), known, topic, k=idx + 1)
        stages = self._walk_stages()
        while s.k < end_idx and s.steps < 40:
            s.steps += 1
            for stage in stages:
                verdict = stage(s)
                if verdict is not None:
                    break
            if verdict is _STOP:
                break
        return self._given_name_closing(idx, self._name_closing_titles(
            idx, Slots(s.mention_np, s.via, s.channel, s.anon_hint, s.content_k, s.colon, s.source_np, topic,
                       s.title_span), end_idx, agr), end_idx, agr)

    def _name_closing_titles(self, idx: int, slots: "Slots", end_idx: int, agr: str | None) -> "Slots":
        """"وقال أستاذ طب وجراحة العيون المشارك الدكتور محمد العيسى إن …"، "وأكد مؤسس الشركة الدكتور سامي العلي
        أن …": a run of title words the grammar could not read right after the cue, then a definite title and
        a name that close the region at the complementizer or colon. The person is that name; the phrase read
        before it (a bare title, or words of the title taken for a name) only describes them."""
        toks = self.toks
        np_, k = slots.mention_np, slots.content_k
        info = self._cue_info(toks[idx])
        if info is not None and info[1].lemma_key in self.addressee_verbs:
            return slots  # "أبلغ الوزير الرئيس الفرنسي إيمانويل ماكرون أن …": the one told closes the region
        if np_ is None or k is None or k >= end_idx or np_.kind not in ("person", "anonymous") or np_.start > idx + 3 \
                or not self.np._title_word(toks[idx + 1].text) or (
                    np_.title_end > np_.start and np_.name_end > np_.title_end
                    and not any(t.text[:1] == "و" for t in toks[np_.title_end + 1:np_.name_end])):
            return slots  # (a "name" with و inside, "أستاذ طب وجراحة", was the title's complement)
        rule = self.lex.np_lemmas.get(info[1].lemma_key) if info is not None else None
        own_prep = rule is not None and not rule.object_first and rule.preposition == toks[k].text
        if not (slots.colon or own_prep or self._complementizer_at(k, end_idx)):
            return slots  # (an object may close the region of "هنأ"، "حث"، "دعا"; "شدد X على" is the verb's own)
        stop = self._before_medium(idx, k - 1 if slots.colon else k)
        if stop > np_.end and toks[stop - 1].text in ("،", ","):
            stop -= 1
        if stop - np_.end < 3 or any(not t.is_word for t in toks[np_.end:stop]):
            return slots  # (the title's body may hold its own prepositions: "لهيئة الأمر بالمعروف والنهي عن المنكر")
        for h in range(stop - 3, np_.end - 1, -1):
            w = toks[h].text
            if not (is_def(w) and w in self.lex.titles):
                continue
            if w in self.np.eponym_titles and not is_def(toks[h - 1].text):
                break  # "بمدينة الملك سعود الطبية"، "جامعة الملك عبدالعزيز": a place or body named after a royal
            cand = self.np.parse(toks, h, stop, self.reg.keys(), agr)
            if cand is not None and cand.kind == "person" and cand.end == stop and cand.name_end - cand.title_end >= 2:
                return Slots(cand, slots.via, slots.channel, slots.anon_hint, k, slots.colon, slots.source_np,
                             slots.topic, (idx + 1, h))
            break  # only the last definite title before the name
        return slots

    def _eponym_head(self, w: str) -> bool:
        """An indefinite body or place (glued ب/ل/و aside) that a royal's name may follow: "جامعة"، "مدينة"، "مستشفى"."""
        base = w[1:] if w[:1] in "بلو" and len(w) > 3 else w
        return not is_def(base) and (base in self.lex.organizations or base in self.place_heads)

    def _not_a_title_word(self, w: str) -> bool:
        """A word no title holds: a preposition of time (بعد، خلال، أثناء; not في or لدى: "الخبير في تصميم الحفلات"،
        "سفير لدى"; a time adverb may close a title: "مدير العمليات في سرت آنذاك"), من/عن (a source's kin: "مصادر
        مقربة من الرئيس السابق علي عبد الله صالح" names whom they are close to), a relative, a finite verb,
        a counterpart (بنظيرته)."""
        return w in self.time_settings or w in self.relative or w in self.lex.narrative_verbs or w in ("من", "عن") \
            or (self._cue_word(w) is not None and w not in self.maqsura_passives) or w in self.np.counterparts \
            or (w[:1] in "بل" and w[1:] in self.np.counterparts)  # ("أحد السكان يدعى …": "is named", a title)

    def _before_medium(self, idx: int, stop: int) -> int:
        """Where a speaker's words end before the opener at ``stop``: at the medium it spoke to, if one stands
        between (a name ends there: "… العقيد عبد الباسط البحر لوكالة الأنباء اليمنية (سبأ) أن")."""
        toks = self.toks
        return next((j for j in range(idx + 2, stop) if toks[j].text[:1] == "ل" and self._is_media(toks, j)), stop)

    def _given_name_closing(self, idx: int, slots: "Slots", end_idx: int, agr: str | None) -> "Slots":
        """"وقال لاعب خط وسط المنتخب الروسي أنطون ميرانتشوك:"، "وقال صانع ألعاب فريق الأهلي ياسر الفهمي إن": words of a
        title the grammar cannot read, right after the cue, that end at a listed first name whose name runs to the
        opener: that name is the speaker and the words before it its title (502 corpus quotes had a first name left
        between their speaker and the content, most of them such a name)."""
        toks = self.toks
        np_, k = slots.mention_np, slots.content_k
        if np_ is None or k is None or k >= end_idx or np_.start != idx + 1 or np_.kind not in ("person", "anonymous") \
                or (np_.name_end > np_.title_end and toks[np_.title_end].text in self.np.given_names) \
                or (np_.kind == "person" and np_.title_end == np_.start):
            return slots  # (a name that opens the region is the speaker: "وقال علي عبدالله صالح إن")
        if not (slots.colon or toks[k].start in self.q_open or self._complementizer_at(k, end_idx)):
            return slots
        stop = self._before_medium(idx, k - 1 if slots.colon else k)
        if stop > idx + 1 and toks[stop - 1].text in ("،", ","):
            stop -= 1
        if stop - (idx + 1) > 14 or any(not t.is_word for t in toks[idx + 1:stop]):
            return slots
        first = toks[np_.title_end].text if np_.name_end > np_.title_end else ""
        if np_.kind == "person" and np_.name_end - np_.title_end >= 2 and np_.end == stop and (
                first in self.np.given_names or first.startswith(("عبد", "ابو")) or first in self.reg.keys()):
            return slots  # a name read to the opener from a first name stays whole ("… عبدالرقيب سيف الأسودي"; but
            # not "مدير فنون أبها أحمد السروي", whose name begins at أحمد)
        if np_.kind == "anonymous" and strip_article(toks[np_.start].text) in self.region.unnamed_heads:
            return slots  # a source is unnamed: a name after "مصدر مطلع على التحقيقات في اختفاء …" is the topic's
        for h in range(max(idx + 2, stop - 6), stop - 1):
            if any(self._not_a_title_word(toks[j].text) for j in range(idx + 1, h)):
                return slots  # ("قال الوزير الاثنين بعد محادثات جمعته بنظيرته الفرنسية فرانسواز نيسين إن": the name
                # stands in an adjunct, not in the speaker's title)
            if h - 2 > idx and toks[h - 1].text in self.np.eponym_titles and self._eponym_head(toks[h - 2].text):
                continue  # ("بجامعة الملك عبدالعزيز": a body named after a king; not "بالمكتب الشيخ أحمد قاسم")
            if (toks[h].text in self.np.given_names or (toks[h].text == "علي" and h + 1 < stop and self.np.ali_distinct
                                                          and toks[h].start in self.np.ali_ya)) and all(
                    self.region._name_like(t.text) or t.text in self.np.joiners or t.text == "علي"
                    for t in toks[h:stop]):  # ("علي بن موسى زعلة"، "منى بنت سليمان الوهيبي": the whole name)
                if h - 1 > idx + 1 and toks[h - 1].text == "علي":
                    h -= 1  # ("… اليمني السابق علي عبدالله صالح")
                if h - 1 > idx + 1 and toks[h - 1].text in ("ابو", "ابي", "ام"):
                    h -= 1  # a kunya: "أبو أحمد الحريتاني"
                while h - 2 > idx + 1 and toks[h - 1].text in self.np.joiners and (
                        toks[h - 2].text in self.np.given_names or toks[h - 2].text == "علي"
                        or self.region._name_like(toks[h - 2].text)):
                    h -= 2
                return Slots(NP(h, stop, "person", agr, h, stop, toks[h].text), slots.via, slots.channel,
                             slots.anon_hint, k, slots.colon, slots.source_np, slots.topic, (idx + 1, h))
        return slots

    def _document_slots(self, idx: int, end_idx: int) -> "Slots":
        """"وجاء في البيان أن …"، "وجاء في التقرير: …": the noun phrase after في is the speaker (a document speaks for
        its issuer once the article names one). Read also: a part of the document first ("في نهاية التقرير"), its
        issuer with ل ("في بلاغ لوزارة الداخلية أن")، "أيضا" before the opener, and a spoken medium's speaker ("في
        مداخلة الوزير أن" → the minister). Anything else after جاء ("جاء في المرتبة الثانية") reports nothing."""
        toks = self.toks
        none = Slots(None, None, None, False, None, False, None, None)
        if idx + 2 >= end_idx or toks[idx + 1].text != "في":
            return none
        j = idx + 2
        if toks[j].text in self.document_parts and j + 1 < end_idx:
            j += 1  # "في نهاية التقرير"، "في نص البيان"
        head = strip_article(toks[j].text)
        np_ = self.np.parse(toks, j, end_idx, self.reg.keys(), None)
        if np_ is not None and np_.kind != "person" and np_.end > j + 1:
            pass  # "في بيان صادر عن القصر"، "في دراسة أجرتها جامعة ملبورن": the document and its issuing clause
        elif head in self.documents:
            k = j + 1  # "في نشرة خاصة للمعهد الوطني"، "في بلاغ لوزارة الداخلية": the document, its adjectives, its issuer
            if not is_def(toks[j].text) and k < end_idx and is_def(toks[k].text):
                k = max(self.np._def_chain(toks, k, end_idx), k + 1)  # "في بيان الجيش": the issuer in construct
            while k < end_idx and toks[k].is_word and is_def(toks[k].text) == is_def(toks[j].text) and (
                    toks[k].text in self.lex.adjectives or is_nisba(toks[k].text)):
                k += 1
            if k < end_idx and toks[k].text[:1] == "ل" and len(toks[k].text) > 3:
                k = max(self.np._def_chain(toks, k, end_idx), k + 1)
            np_ = NP(j, k, "organization", None, j, k, toks[j].text)
        elif head in self.lex.channels and j + 1 < end_idx:
            np_ = self.np.parse(toks, j + 1, end_idx, self.reg.keys(), None)  # "في مداخلة الوزير": who spoke in it
            if np_ is None or np_.kind != "person":
                return none
        elif np_ is None or np_.kind == "person":
            return none  # ("جاء في فيلم …"، "جاء في كتاب X": no body or source we can name)
        k = np_.end
        while k < end_idx and (toks[k].text in ("،", ",") or toks[k].text in self.document_adverbs):
            k += 1  # "وجاء في البيان أيضا أن"
        if k >= end_idx:
            return none
        if toks[k].text == ":":
            return Slots(np_, None, None, False, k + 1, True, None, None)
        if toks[k].text in self.pat.comp_words or self._quote_around(toks[k].end) is not None:
            return Slots(np_, None, None, False, k, False, None, None)
        return none

    def _walk_stages(self) -> tuple[Callable[["_SlotWalk"], bool | None], ...]:
        """The stages of the cue-to-content walk, highest precedence first (the last always stops)."""
        return (self._walk_quote_mark, self._walk_opener, self._walk_bare_speech, self._walk_echo_say,
                self._walk_comma_aside, self._walk_time, self._walk_channel, self._walk_carrier_aside, self._walk_filler, self._walk_relative,
                self._walk_source_chain, self._walk_adverbial, self._walk_fronted_subject,
                self._walk_title_after_name, self._walk_anonymity, self._walk_speech_noun,
                self._walk_dropped_subject_prep, self._walk_speaker_np, self._walk_side_phrase,
                self._walk_joint_subject, self._walk_np_content, self._walk_fallback)

    def _walk_quote_mark(self, s: "_SlotWalk") -> bool | None:
        """A quotation mark: a one- or two-word quoted name right after the cue is the speaker, and so is a quoted
        body's name of up to six words ("وأعلنت «حركة أحرار الشام الإسلامية» أمس"); any other quoted span opens the
        content."""
        toks, k, end_idx = self.toks, s.k, s.end_idx
        q = self._quote_at_token(k)
        if q is None:
            return None
        # a one- or two-word quoted name right after the cue is the speaker, not content
        n_inner = sum(1 for x in toks[k + 1:self._tok_index(q.close)] if x.is_word)
        after = self._tok_index(q.close) + 1
        body = k + 1 < end_idx and toks[k + 1].text in self.lex.organizations and n_inner <= 6  # «حركة أحرار …» أمس
        if s.mention_np is None and (n_inner <= 2 or body) and after < end_idx and (
                toks[after].is_word or toks[after].text == ":") and s.vf.lemma_key not in ("اعتبر", "وصف", "سمي"):
            s.mention_np = NP(k, after, "organization" if body else "person", s.vf.agreement, k, after, toks[k + 1].text)
            s.k = after
            return _GO
        s.content_k = k
        return _STOP

    def _walk_opener(self, s: "_SlotWalk") -> bool | None:
        """A complementizer (أن، إن), a preposition glued before one (بأن), or a colon opens the content."""
        toks, k, end_idx = self.toks, s.k, s.end_idx
        w = toks[k].text
        if w in self.pat.comp_words and not (toks[k - 1].text in self.not_comp_before and k - 1 > s.idx) \
                and not (k == s.idx + 1 and self.np.van_at(toks, k, end_idx)):  # ("وأوضح فان غال أنه": a name)
            s.content_k = k
            return _STOP
        if w in self.pat.comp_preps and k + 1 < end_idx and toks[k + 1].text in self.pat.comp_words \
                and not self.np.ali_closes_name(toks, k):
            s.content_k = k
            return _STOP
        if w == ":":
            s.content_k = k + 1
            s.colon = True
            return _STOP
        if w in self.question_openers.get(s.vf.lemma_key, ()) and (w != "ما" or (
                k + 1 < end_idx and toks[k + 1].text == "اذا")):
            s.content_k = k  # "تساءلت الصحيفة ما إذا كان …": an indirect question (markers.tsv question_opener)
            return _STOP
        return None

    def _walk_echo_say(self, s: "_SlotWalk") -> bool | None:
        """"وأضاف مسهور يقول: «…»"، "وكتب ترامب على تويتر يقول: …": a present يقول/تقول after the speaker repeats
        the saying; the content opens after it."""
        if s.mention_np is None or s.k + 1 >= s.end_idx:
            return None
        info = self._cue_info(self.toks[s.k])
        if info is None or info[0] or info[1].lemma_key != "قال" or info[1].pos != "impf":
            return None
        nxt = self.toks[s.k + 1]
        if nxt.text != ":" and nxt.start not in self.q_open and nxt.text not in self.pat.comp_words:
            return None
        s.k += 1
        return _GO

    def _walk_bare_speech(self, s: "_SlotWalk") -> bool | None:
        """"وقال تم الجلوس مع …"، "وقال الوزير لن نسمح …": after a verb of saying (and its subject, if any), a
        word that only opens a clause of the speaker's own (markers.tsv bare_speech) starts the content."""
        if s.vf.pos not in ("past", "impf") or s.vf.lemma_key not in ("قال", "اضاف", "تابع"):
            return None
        k = s.k
        if self.toks[k].text in ("،", ",") and k + 1 < s.end_idx:
            k += 1  # "وقال لـ«الاقتصادية»، للأسف هناك …": after the addressee and its comma
        if self._phrase_at(self.toks, k, self.bare_speech) == k:
            return None
        s.content_k = k
        return _STOP

    def _walk_comma_aside(self, s: "_SlotWalk") -> bool | None:
        """A comma, dash or bracket: a comma right before the complementizer, or an aside set off by
        punctuation (a parenthetical, a relative clause, an apposition holding the name, a setting or
        an addressee) that the walk steps over."""
        toks, k, end_idx = self.toks, s.k, s.end_idx
        w = toks[k].text
        if w in ("،", ",") and k + 1 < end_idx and self._complementizer_at(k + 1, end_idx):
            s.k = k + 1  # "أحمد قطان، أنه …"
            return _GO
        if w not in ("،", ",", "-", "(", ")"):
            return None
        known, agr = s.known, s.vf.agreement
        setting = k + 1 < end_idx and toks[k + 1].text in self.settings
        nk = self._skip_parenthetical(k, end_idx, reach=32 if setting else 16)  # ("، في تصريح قبل انطلاق
        # أشغال المجلس الذي يشارك فيه ممثلو الجمعية في كل من …، إن": a setting may run long)
        if nk is None and w in ("،", ",") and k + 1 < end_idx and toks[k + 1].text in self.relative:
            nk = self._skip_relative(k + 1, end_idx)  # "، الذي قدم مع ابنه من ولاية اوهايو …"
        if nk is None:
            found = self._opening_ahead(k + 1, end_idx, reach=12)  # "، صاحب محل في الشارع لبي بي سي إنه"
            if found is not None:
                for j in range(k + 1, found[0]):
                    v = self._addressee(j, found[0])  # "…، ووفقا لوكالة «تسنيم»، أن"
                    if v:
                        s.via = s.via or v
                        break
            if found is None and s.np_rule is not None and s.mention_np is not None and w in ("،", ",") \
                    and k + 1 < end_idx and toks[k + 1].is_word and s.vf.pos == "past" and (
                        (s.idx + 1 == s.mention_np.start and self.region._strong(s.mention_np))
                        or (s.title_span is not None and s.title_span[0] == s.idx + 1)) \
                    and not toks[s.mention_np.start].text.endswith("ا"):
                # (or its title first and the name in commas: "أكد وزير البترول، طارق الملا، الخميس، توقيع …")
                s.content_k = k + 1  # "أدان الأمير X الرئيس العام لرعاية الشباب، العمل الإرهابي …": a
                # past verb's speaker phrase (one the lexicons vouch for) ends at the comma and the verb's
                # noun-phrase content follows
                return _STOP
            if found is not None and s.mention_np is not None:
                s.content_k, s.colon = found
                mention_np = s.mention_np
                if mention_np.kind == "person" and mention_np.name_end == mention_np.title_end:
                    app = self.np.parse(toks, k + 1, s.content_k, known, agr)
                    if app is not None and app.kind == "person" and app.name_end > app.title_end:
                        s.mention_np = app  # "وأشار رئيس شرطة تورنتو، مارك سوندرز إلى أن"
            return _STOP
        anon_aside = any(self._phrase_at(toks, j, self.anonymity) > j for j in range(k + 1, nk))
        if anon_aside:
            s.anon_hint = True
        if k + 1 < nk and setting:
            ch, _, v = self._setting(k + 1, nk)  # "، في بيان صادر عن وزارة الخارجية،"
            s.channel = s.channel or ch
            s.via = s.via or v
        # the phrase the apposition may name: the source after "نقل … عن" when the comma closes it, else the speaker
        source = s.source_np is not None and s.source_np.end <= k <= s.source_np.end + 2 and all(
            is_def(t.text) for t in toks[s.source_np.end:k])  # ("عن المتحدث باسم الجيش السوري الحر،")
        mention_np = s.source_np if source else s.mention_np
        if not anon_aside and (mention_np is not None and mention_np.kind in ("person", "anonymous") and
                               mention_np.name_end == mention_np.title_end
                               or (mention_np is not None and mention_np.kind == "anonymous")):
            a0 = k + 2 if toks[k + 1].text in ("هو", "هي") else k + 1  # "زميل آخر له، هو آري بلف،"
            app = self.np.parse(toks, a0, nk, known, None if source else agr)
            if app is not None and app.kind == "person" and app.name_end > app.title_end \
                    and not any(toks[j].start in self.q_open for j in range(app.end, nk)):
                # "رئيس لجنة …، الدكتور هادي اليامي،": the name is in the apposition (not "، تلقت «الشرق الأوسط» نسخة
                # منه،": a clause about an outlet); "نقلت الوكالة عن وكيل وزارة الصحة، علي الوليدي، أن": the source's
                if source:
                    s.source_np = app
                else:
                    if s.title_span is None:
                        s.title_span = (mention_np.start, mention_np.end)  # so a later "الرئيس الإيراني" is him
                    s.mention_np = app
        for j in range(k + 1, nk):
            v = self._addressee(j, nk)
            if v:
                s.via = v
        s.k = nk
        return _GO

    def _walk_time(self, s: "_SlotWalk") -> bool | None:
        """Time phrases and words, dates and numbers (not a count of anonymous sources) are stepped over."""
        toks, k, end_idx = self.toks, s.k, s.end_idx
        w = toks[k].text
        kk = max(self._phrase_at(toks, k, self.time_phrases), self.np.time_span_end(toks, k, end_idx))
        if kk > k:
            s.k = kk
            return _GO
        if (w in self.time and toks[k].start not in self.np.hamza_al) or w == "/" or (
                w.isdigit() and not (k + 1 < end_idx and toks[k + 1].text in self.lex.anonymous)):
            s.k = k + 1
            return _GO
        return None

    def _walk_channel(self, s: "_SlotWalk") -> bool | None:
        """Where and to whom it was said: an outlet (على قناة …), a setting (في بيان …), an addressee
        (لوكالة …) fill the via and channel slots."""
        toks, k, end_idx = self.toks, s.k, s.end_idx
        w = toks[k].text
        platform = self.platform_at(k, end_idx)
        if platform is not None:
            s.channel = s.channel or toks[platform[0]].text  # "على تويتر"، "على «فيسبوك»": where it was posted
            s.k = platform[1]
            return _GO
        if w in ("علي", "عبر") and k + 1 < end_idx and strip_article(toks[k + 1].text) in MEDIA_HEADS:
            v, nk = self._media_np(k + 1, end_idx, strip_l=False)  # "قال على قناة «أنتينا 3» إن"
            if v:
                s.via = s.via or v
                s.k = nk
                return _GO
        if w in self.np.guests and s.mention_np is not None:
            ch, nk = self._guest_setting(k, end_idx)
            if nk > k:  # "قال X ضيف بوليتيكا اليوم إن": the programme it was said on
                s.channel = s.channel or ch
                s.k = nk
                return _GO
        if w in self.settings:
            ch, nk, v = self._setting(k, end_idx)
            if nk > k:
                s.channel = s.channel or ch
                s.via = s.via or v
                s.k = nk
                return _GO
        if w in ("ل", "لـ") and k + 1 < end_idx:
            qn = self.np._quoted_name(toks, k + 1, end_idx, longest=8)
            if qn is not None:  # "وقال لـ«الاقتصادية»، …": the outlet spoken to
                s.via = s.via or self.orig(toks[k + 2].start, toks[qn - 2].end)
                s.k = qn
                return _GO
        v, nk = self._addressee_span(k, end_idx)
        if nk > k:
            s.via = s.via or v
            s.k = nk
            return _GO
        return None

    def _walk_carrier_aside(self, s: "_SlotWalk") -> bool | None:
        """"كما نقلت عنه وكالة تاس": the carrier named in an aside is the via."""
        toks, k, end_idx = self.toks, s.k, s.end_idx
        w = toks[k].text
        if w in ("كما", "حسبما", "وفقما") and k + 1 < end_idx and self._cue_info(toks[k + 1]) is not None and \
                self._cue_info(toks[k + 1])[1].lemma_key in ("نقل", "ذكر", "اورد", "افاد", "اعلن"):
            j = k + 2
            if j < end_idx and toks[j].text in ("عنه", "عنها", "عنهم"):
                j += 1
            mnp = self.np.parse(toks, j, end_idx, s.known, None)
            if mnp is not None:
                s.via = s.via or self._span_text(mnp.start, mnp.end)  # "كما نقلت عنه وكالة تاس"
                s.k = mnp.end
                return _GO
        return None

    def _walk_filler(self, s: "_SlotWalk") -> bool | None:
        """Pronoun objects and "بالقول"/"قائلا" between cue and content carry nothing."""
        if self.toks[s.k].text in ("فيه", "فيها", "عنه", "عنها", "بالقول", "قايلا", "قايله"):
            s.k += 1
            return _GO
        return None

    def _walk_relative(self, s: "_SlotWalk") -> bool | None:
        """A relative clause after the speaker ("الذي …") is stepped over; the walk stops where it cannot."""
        if self.toks[s.k].text in self.relative and s.mention_np is not None:
            nk = self._skip_relative(s.k, s.end_idx)
            if nk is None:
                return _STOP
            s.k = nk
            return _GO
        return None

    def _walk_source_chain(self, s: "_SlotWalk") -> bool | None:
        """"نقل X عن Y قوله": the subject is the carrier, the source after عن (or the statement's owner)
        is the speaker."""
        toks, k, end_idx = self.toks, s.k, s.end_idx
        w = toks[k].text
        lemma_key = s.vf.lemma_key
        if lemma_key == "نقل" and s.source_np is None and s.mention_np is not None and w in self.bare_nouns:
            # "ونقلت الصحف تأكيد الرئيس السيسي أن …": the carrier, then the statement and its speaker
            np2 = self.np.parse(toks, k + 1, end_idx, s.known, None)
            if np2 is not None and (np2.kind != "person" or np2.title_end > np2.start):
                s.source_np = np2  # (a titled person or a body: "تصريحات أصدرها مكتب …" names no speaker here)
                s.k = np2.end
                return _GO
        preps = self.source_preps.get(lemma_key)
        after = self._phrase_at(toks, k, preps) if preps is not None and s.source_np is None else k
        if after > k:  # "نقل X عن Y"، "نقلت X على لسان Y"، "علمت X من Y"
            np2 = self.np.parse(toks, after, end_idx, s.known, None)
            if np2 is not None:
                s.source_np = np2
                s.k = np2.end
                return _GO
        if w in ("قوله", "قولها", "قولهم", "قولهما") and s.source_np is not None:
            s.k = k + 1
            return _GO
        return None

    def _walk_adverbial(self, s: "_SlotWalk") -> bool | None:
        """An adverbial participle (مخاطبا) and its object are not the speaker."""
        toks, k, end_idx = self.toks, s.k, s.end_idx
        t = toks[k]
        w = t.text
        if s.mention_np is None and len(w) >= 5 and w[0] == "م" and w[-1] == "ا" and w not in s.known and \
                self._cue_info(t) is None and k > s.idx and self._adverbial_next(k + 1, end_idx):
            # "وأضاف مخاطبا رئيس الوزراء …: «…»": an adverbial participle and its object, not the speaker
            obj = self.np.parse(toks, k + 1, end_idx, s.known, None)
            s.k = obj.end if obj is not None else k + 1
            return _GO
        return None

    def _walk_fronted_subject(self, s: "_SlotWalk") -> bool | None:
        """A subject before the verb (opening the sentence, or after لكن/كان: "وكانت الشرطة، قد أعلنت"): the noun
        phrase right after it is content, not the speaker."""
        vf = s.vf
        if s.mention_np is None and s.topic is None and s.np_rule is not None and not s.pfx and vf.pos == "past" and (
                (s.k == s.idx + 1 and self._fronted_subject(s.idx, s.s_start, s.known, vf.agreement))
                or self._comma_set_subject(s)):  # (after the comma-set subject, past a time too: "في وقت سابق")
            # "لكن موسكو انتقدت الولايات المتحدة لعدم …": the subject came first, so what follows is content
            s.content_k = s.k
            return _STOP
        return None

    def _comma_set_subject(self, s: "_SlotWalk") -> bool:
        """A subject after كان/لكن set off by a comma before the verb ("وكانت الشرطة السويدية، قد أعلنت")."""
        toks, j = self.toks, s.idx - 1
        if j > 0 and toks[j].text in ("قد", "فقد"):
            j -= 1
        return j > 0 and toks[j].text in ("،", ",") \
            and self._preverbal_span(s.idx, s.pfx, s.vf, s.s_start) is not None

    def _walk_title_after_name(self, s: "_SlotWalk") -> bool | None:
        """A title right after the speaker's name belongs to the speaker and is stepped over."""
        toks, k = self.toks, s.k
        mention_np = s.mention_np
        if mention_np is not None and k == mention_np.end and toks[k].text in self.lex.titles and \
                mention_np.kind == "person" and mention_np.name_end > mention_np.title_end:
            # "دعا صلاح الدين دمرداش زعيم حزب الشعوب … أمس حزب العمال إلى …": a title after the name
            s.k = max(self.np.title_chain(toks, k, s.end_idx), k + 1)
            s.title_span = (k, s.k)  # (so "المتحدث" later is this person: "كريس فيليرز المتحدث باسم بوينغ")
            return _GO
        return None

    def _walk_anonymity(self, s: "_SlotWalk") -> bool | None:
        """An anonymity clause after the speaker marks the speaker anonymous and is stepped over."""
        toks, k, end_idx = self.toks, s.k, s.end_idx
        ak = self._phrase_at(toks, k, self.anonymity)
        if ak > k and s.mention_np is not None:
            # "وقال عقيد في الشرطة طلب عدم كشف هويته إن …": an anonymity clause, then the content
            s.anon_hint = True
            k = ak
            while k < end_idx and toks[k].is_word and toks[k].text not in self.pat.comp_words and \
                    toks[k].text not in self.pat.comp_preps and k - ak < 4:
                k += 1  # "هويته"، "عن اسمه"، "لأنه غير مخول بالحديث"
            s.k = k
            return _GO
        return None

    def _walk_speech_noun(self, s: "_SlotWalk") -> bool | None:
        """A light verb's speech noun opens the content."""
        if s.light and _speech_noun(self.toks[s.k].text, s.light):
            s.content_k = s.k  # "وقدم تعازيه لعائلة …": the speech noun opens the content
            return _STOP
        return None

    def _walk_dropped_subject_prep(self, s: "_SlotWalk") -> bool | None:
        """The verb's own preposition right after it opens the content, the subject dropped."""
        toks, k = self.toks, s.k
        w = toks[k].text
        np_rule = s.np_rule
        if s.mention_np is None and s.topic is None and np_rule is not None and np_rule.preposition and \
                k == s.idx + 1 and w not in s.known and self._opens_with_prep(w, np_rule.preposition) and \
                self._phrase_at(toks, k, self.according) == k and w not in ON_BEHALF and not (
                    w != np_rule.preposition and self._subject_head(w)):
            s.content_k = k  # "فيما طالب بإيجاد مواقع …": the content right after the verb, the subject dropped
            # (not "وأفاد بيان الوزارة أن"، "وأفادت بعثة الأمم المتحدة": a head noun that begins with ب)
            return _STOP
        return None

    def _walk_speaker_np(self, s: "_SlotWalk") -> bool | None:
        """The noun phrase after the verb is the speaker (VSO), unless it is the object of a verb whose
        speaker is dropped."""
        toks, k, end_idx = self.toks, s.k, s.end_idx
        w = toks[k].text
        np_rule, light, vf = s.np_rule, s.light, s.vf
        if not (s.mention_np is None and s.topic is None and vf.pos != "part" and "ل" not in s.pfx and
                not (np_rule and np_rule.preposition and w == np_rule.preposition)):
            return None
        # (a ḥāl participle or "ليضيف" shares the main clause's subject: what follows is content)
        np_ = self.np.parse(toks, k, end_idx, s.known, vf.agreement)
        if np_ is not None and light:
            cut = next((j for j in range(np_.start + 1, np_.end) if _speech_noun(toks[j].text, light)), None)
            if cut is not None:  # "وقدم نتانياهو الشكر لغواتيمالا": the name ends before the noun
                np_ = NP(np_.start, cut, np_.kind, np_.agreement, min(np_.title_end, cut),
                         min(np_.name_end, cut), np_.head)
        if np_ is None or np_.end <= k:
            return None
        w0 = toks[np_.start].text
        if w0.endswith("ا") and (w0[:-1] in self.np.partitives or w0[:-1] in self.np.construct_partitives):
            s.content_k = k  # "ودعت الجمعية عددا من الفنانين"، "يتحدث كثيرا عن": an accusative after the verb is its
            return _STOP  # object or an adverb, never its subject
        after = self._coordinated_end(np_.end, end_idx) if np_rule is not None and np_rule.object_required \
            else np_.end  # ("اتهم السعودية والإمارات والبحرين بـ…": one object)
        if (np_rule is not None and np_rule.object_first and np_rule.preposition and after < end_idx
                and not self._carries_object(toks[s.idx].text[len(s.pfx):])  # ("وصفته الصحافة بـ…": the subject)
                and (np_rule.object_required or (np_.kind != "person" and not self.region.agreeing_body(vf, np_, s.idx)))
                and (self._opens_with_prep(toks[after].text, np_rule.preposition)
                     or (np_rule.object_required and self._preposition_ahead(after, end_idx, np_rule.preposition)))
                and k == s.idx + 1):
            # "وحث الحكومة على …"، "وحذر كوريا الشمالية من …": the object, the speaker is dropped
            s.content_k = k
            return _STOP
        if np_rule is not None and np_rule.preposition and len(np_rule.preposition) == 1 and \
                np_.kind == "person" and np_.name_end - np_.title_end >= 3 and np_.name_end == np_.end and \
                toks[np_.end - 1].text.startswith(np_rule.preposition):
            # "طالب الخبير إبراهيم آل مرعي بحجب …": the glued preposition opens the content
            np_ = NP(np_.start, np_.end - 1, np_.kind, np_.agreement, np_.title_end, np_.end - 1, np_.head)
        s.mention_np = np_
        s.k = np_.end
        return _GO

    def _carries_object(self, w: str) -> bool:
        """The verb form (without its prefix) carries an object pronoun ("وصفته"، "اعتبرتها"): the noun after it, if
        any, is its subject."""
        return any(w.endswith(suf) and w[:-len(suf)] in self.lex.verbs for suf in ("هما", "ها", "هم", "ه"))

    def _coordinated_end(self, j: int, end_idx: int) -> int:
        """The index after the nouns joined by و that follow a noun ending before token ``j`` ("السعودية
        والإمارات والبحرين"): places, or definite words with their nisbas."""
        toks = self.toks
        while j < end_idx and toks[j].text[:1] == "و" and (toks[j].text[1:] in self.np.places or (
                is_def(toks[j].text[1:]) and not self._cue_info(toks[j]))):
            j = nisbas_end(toks, j + 1, end_idx)
        return j

    def _preposition_ahead(self, j: int, end_idx: int, prep: str) -> bool:
        """A prepositional phrase (one word, and places glued to ب/ل after it), then the verb's own
        preposition (alone, glued, or on أن: "بأنها"): "اتهم الدول المشاركة في مقاطعة بقطر بأنها …" (the
        phrase is the object's complement). Another noun after the phrase is the object itself ("اتهمت
        السفيرة في بيان روسيا بحماية …"), and the noun before is the subject."""
        toks = self.toks
        if j + 1 >= end_idx or toks[j].text not in self.prepositions:
            return False  # (a noun after the first one is the object: "واتهم ترامب الأوروبيين بالإخفاق")
        n = j + 2  # one word after the preposition ("في مقاطعة"; not "في بيان روسيا": a setting, then the object)
        if strip_article(toks[j + 1].text) in self.lex.channels:
            return False
        while n < end_idx and toks[n].text[:1] in "بل" and toks[n].text[1:] in self.np.places:
            n += 1  # "بقطر"
        if n >= end_idx:
            return False
        w = toks[n].text
        return self.region.opens_content(n, prep) or (w[:1] == prep and w[1:] in self.pat.comp_words)

    def _walk_side_phrase(self, s: "_SlotWalk") -> bool | None:
        """The side a body takes, right after it ("صحيفة الوطن الموالية للحكومة"، "وكالة فارس المقربة من الحرس
        الثوري"), describes the speaker and is stepped over."""
        toks, k, np_ = self.toks, s.k, s.mention_np
        w = toks[k].text
        if np_ is not None and k == np_.end and w in ("باسمه", "باسمها", "باسمهم"):
            return self._own_behalf(s)
        if np_ is None or k + 1 >= s.end_idx or not is_def(w) or (k != np_.end and not self.np._side_phrase_at(toks, k)):
            return None  # (a side phrase may follow the title set after the name: "دمرطاش زعيم الحزب الموالي للأكراد")
        scope = self.np.scope_phrase_end(toks, k, s.end_idx)
        if scope is not None:
            s.k = scope  # "المنظمة المعنية بحقوق الإنسان": what the speaker deals with, stepped over too
        elif strip_article(w) not in self.np.side_participles:
            return None
        elif toks[k + 1].text in ("من", "الي", "في") and self.np._side_phrase_at(toks, k):  # ("المنتمي إلى"، "المقيم في")
            inner = self.np.parse(toks, k + 2, s.end_idx, s.known, None)
            s.k = inner.end if inner is not None else k + 2
        elif toks[k + 1].text[:1] == "ل" and len(toks[k + 1].text) > 2:
            s.k = max(self.np._def_chain(toks, k + 1, s.end_idx), k + 2)
        else:
            return None
        if s.k < s.end_idx and toks[s.k].text in ("،", ","):
            s.k += 1  # (the comma closes the side phrase; what follows is no aside: "…، إلى احتمال …")
        return _GO

    def _own_behalf(self, s: "_SlotWalk") -> bool | None:
        """"وأعرب الملك باسمه واسم شعب وحكومة المملكة عن …": "in his own name and that of …" is stepped over, up to
        the verb's own preposition or a complementizer."""
        toks, prep = self.toks, s.np_rule.preposition if s.np_rule is not None else None
        for j in range(s.k + 1, min(s.end_idx, s.k + 14)):
            w = toks[j].text
            if w in ("،", ",") and prep and j + 1 < s.end_idx and self._opens_with_prep(toks[j + 1].text, prep):
                continue  # ("باسمه واسم شعب المملكة، عن …": the comma before the verb's own preposition)
            if w in self.pat.comp_words or w in (":", "،", ",") or toks[j].start in self.q_open or (
                    prep and self._opens_with_prep(w, prep)):
                s.k = j
                return _GO
        return None

    def _walk_joint_subject(self, s: "_SlotWalk") -> bool | None:
        """"وقالت الولايات المتحدة وتركيا إنهما …"، "وأعلنت السعودية والإمارات، في بيان مشترك، أن": a second body
        joined by و right after the first, before the content or a comma, makes one joint speaker."""
        toks, k, np_ = self.toks, s.k, s.mention_np
        if np_ is None or np_.kind != "organization" or k != np_.end or toks[k].text[:1] != "و" \
                or len(toks[k].text) < 4 or s.content_k is not None or np_.start != s.idx + 1 \
                or s.vf.pos not in ("past", "impf"):
            return None
        end, members = k, 1
        while end < s.end_idx and toks[end].text[:1] == "و" and len(toks[end].text) >= 4:
            other = self._joined_body(end, s)  # "الولايات المتحدة وكندا ودول أوروبية"
            if other is None:
                break
            end, members = other.end, members + 1
        if members == 1 or end >= s.end_idx:
            return None
        nxt = toks[end].text
        if not (nxt in ("،", ",", ":") or toks[end].start in self.q_open or self._complementizer_at(end, s.end_idx)
                or (s.np_rule is not None and toks[end].is_word)):
            return None  # (with a noun-phrase content the content follows: "أعلنت الولايات المتحدة وكندا طرد …")
        s.mention_np = NP(np_.start, end, "organization", "f.du" if members == 2 else "m.pl", np_.start, end,
                          np_.head)  # (a dual or plural for later dropped subjects: "وأكدتا"، "وقالوا")
        s.k = end
        return _GO

    def _joined_body(self, k: int, s: "_SlotWalk") -> NP | None:
        """The body or group joined by the و glued to token ``k`` ("وكندا"، "والعديد من الدول الغربية"), or None."""
        toks = self.toks
        seg = [Token(toks[k].text[1:], toks[k].start + 1, toks[k].end)] + toks[k + 1:s.end_idx]  # (a slice: linear)
        other = self.np.parse(seg, 0, len(seg), s.known, None)
        if other is None or other.kind not in ("organization", "anonymous") or k + other.end >= s.end_idx:
            return None
        return NP(k + other.start, k + other.end, other.kind, other.agreement, k + other.title_end,
                  k + other.name_end, other.head)

    def _listed_head(self, np_: NP) -> bool:
        """A speaker phrase whose first word a lexicon lists (a body, place, anonymous source or title) or the
        article has named: not a definite description read as a body ("الأعمال الإجرامية")."""
        w = self.toks[np_.start].text
        base = strip_article(w)
        lex = self.lex
        return np_.title_end > np_.start or w in self.reg.keys() or base in lex.organizations \
            or w in lex.organizations or base in lex.anonymous or w in lex.anonymous \
            or self.np.place_at(self.toks, np_.start, np_.end) is not None

    def _walk_np_content(self, s: "_SlotWalk") -> bool | None:
        """A verb whose content is a noun phrase: the content opens here (after its own preposition),
        or at a complementizer a little further on."""
        toks, k, end_idx = self.toks, s.k, s.end_idx
        w = toks[k].text
        np_rule = s.np_rule
        present_vso = s.vf.pos == "impf" and s.pfx == "و" and s.vf.lemma_key in self.present_np_lemmas \
            and s.mention_np is not None and self._listed_head(s.mention_np)
        # ("وتنفي روسيا أي ضلوع …": a stance held now, its subject named; markers.tsv present_np_content)
        if np_rule is None or not (s.vf.pos != "impf" or s.prev_tok in self.negation or present_vso):
            return None  # ("لم يستبعد X عقد لقاء"; a bare present with no subject is narration: "وهذا يؤكد ضرورة …")
        if k + 2 < end_idx and self.np.said_possessed(w) and (toks[k + 1].text == ":" or (
                toks[k + 1].start in self.q_open and s.vf.lemma_key in self.continuation_lemmas)):
            # (but "أعلن دعمه "غير المشروط" لـ…": the support is the statement)
            colon = toks[k + 1].text == ":"  # "وتابع حديثه: «…»": the talk, then what it said
            s.content_k, s.colon = k + 1 + colon, colon
            return _STOP
        ck = None if w in self.pat.comp_preps or self._own_action_opens(k, np_rule.preposition, end_idx) \
            else self._comp_ahead(k, end_idx)
        if ck is not None:
            s.content_k = ck  # "كشفت مصادر مطلعة على القضية، في تصريحات خاصة، أن …"
            return _STOP
        if w in ("بشان", "حول", "بخصوص") and np_rule.preposition in ("الي", "عن"):
            # "وأشار بخصوص مدى تعاون الإدارة معه إلى …": the topic, then the verb's own preposition
            pk = next((j for j in range(k + 2, min(end_idx, k + 14))
                       if toks[j].text == np_rule.preposition), None)
            if pk is not None:
                k, w = pk, toks[pk].text
        if np_rule.preposition and w == np_rule.preposition and not np_rule.keep_preposition:
            s.content_k = k + 1
        else:
            s.content_k = k
        return _STOP

    def _own_action_opens(self, k: int, prep: str, end_idx: int) -> bool:
        """"ووعد ترامب يوم الاثنين بتحرك قوي … الذي يشتبه أنه": the verb's own one-letter preposition glued on a
        verbal noun opens the content, whatever complementizer stands further on (it belongs to a clause inside);
        a seat or place ("بوزارة"، "بمحافظة") and a conjunction before أن ("باعتبار أن") do not."""
        w = self.toks[k].text
        if not prep or len(prep) != 1 or w[:1] != prep or len(w) < 4 or (
                k + 1 < end_idx and self.toks[k + 1].text in self.pat.comp_words):
            return False
        base = strip_article(w[1:])
        if self.np.is_institution(w[1:]) or self.np.is_institution(base) or base in self.np.place_heads:
            return False
        return self.np.is_action(w) or self.np.is_action(base) or self.np.masdar_possessed.match(base) is not None
        # (after ب a تفعّل/تفاعل shape is the verbal noun, never the verb: "بتحرك"، "بتعاون")

    def _walk_fallback(self, s: "_SlotWalk") -> bool | None:
        """Stuck on words the parser cannot read: the content opens a little further on, and a short
        run of words before a complementizer right after the verb is the speaker."""
        toks, k, end_idx = self.toks, s.k, s.end_idx
        # stuck on words the parser cannot read: the content opens a little further on
        # ("وأخبر بومبيو الكونغرس بأن"، "في إجابة حول سؤال … إن"، "وأضاف في حديثه لمحطة سي بي سي \"…\"")
        found = self._opening_ahead(k, end_idx)
        if found is not None:
            s.content_k, s.colon = found
            content_k, colon = found
            if s.mention_np is None and k == s.idx + 1 and 0 < content_k - k <= 4 and not colon and \
                    toks[content_k].text in self.pat.comp_words | self.pat.comp_preps \
                    and not self.np.spoken_to(toks[k].text, s.known) and not self.np.said_possessed(toks[k].text) \
                    and all(
                    toks[j].is_word and toks[j].text not in self.np.stop and self._cue_info(toks[j]) is None
                    for j in range(k, content_k)):
                # the subject is whatever stands between the verb and its complementizer, up to an
                # addressee ("قال آبي لنواب البرلمان إن")
                stop = next((j for j in range(k + 1, content_k) if toks[j].text[:1] == "ل"
                             and self.np.bad_name(toks[j].text)), content_k)
                s.mention_np = NP(k, stop, "person", s.vf.agreement, k, stop, toks[k].text)
            elif s.mention_np is None and k == s.idx + 1 and s.vf.pos in ("past", "impf") and "ل" not in s.pfx \
                    and (t := self._title_after_name_run(k, content_k)) is not None:
                # "قالت روضة القرافي رئيسة جمعية القضاة إن": unlisted words, then a title that runs to the opener
                s.mention_np = NP(k, content_k, "person", s.vf.agreement, k, t, toks[k].text)
            elif s.mention_np is None and k == s.idx + 1 and s.vf.pos in ("past", "impf") and "ل" not in s.pfx:
                b = self._name_run_end(k, content_k)
                if b is not None:  # "وقال غرينبلات في بيان:"، "قال رومينيغه في مؤتمر صحافي": a name the
                    # lexicons do not hold, right after the verb and closed by its setting
                    s.mention_np = NP(k, b, "person", s.vf.agreement, k, b, toks[k].text)
        return _STOP

    def _title_after_name_run(self, k: int, content_k: int) -> int | None:
        """Where a name of two or three words nobody listed ends, right after a finite cue, when a listed title
        follows it and runs, all words, to the complementizer: "قالت روضة القرافي رئيسة جمعية القضاة إن". A first
        word ending in ة or ا is taken only when listed ("فاطمة"); the rest must have a name's shape."""
        toks = self.toks
        opener = self._complementizer_at(content_k, len(toks)) or (
            toks[content_k].start in self.q_open and self.np._quoted_name(toks, content_k, len(toks)) is None) or (
            content_k > 0 and toks[content_k - 1].text == ":")  # ("… بالمنظمة "إذا كانت …"": a quote opens it too)
        if not opener or content_k - k > 14 or any(
                not t.is_word or t.text in self.np.stop for t in toks[k:content_k]):
            return None
        t = next((j for j in range(k + 2, min(k + 4, content_k)) if strip_article(toks[j].text) in self.lex.titles), None)
        if t is None or not self._name_word(toks[k]) or not all(
                self._name_word(toks[j]) or (toks[k].text in self.np.given_names and j < t - 1
                                             and toks[j].text.endswith("ا") and not is_def(toks[j].text))
                for j in range(k + 1, t)):
            return None  # (a middle name in ا after a listed first name: "سارة ليا ويتسن")
        return t

    def _name_run_end(self, k: int, content_k: int) -> int | None:
        """Where a run of one to three unlisted, indefinite words right after a finite cue ends, when a setting
        closes it (في، a glued ل، a comma, a time word, a colon) before the content: the run is the verb's subject
        (VSO), read as a name. None when the run holds anything a name cannot (a definite or listed word, a verb,
        a particle, a case ending)."""
        toks = self.toks
        b = k
        while b < content_k and b - k < 4 and toks[b].is_word and toks[b].text not in self.np.stop \
                and not (toks[b].text[:1] == "ل" and self.np.bad_name(toks[b].text)):
            b += 1
        if not 1 <= b - k <= 3 or b >= content_k:
            return None
        closer = toks[b].text
        if not (closer in ("في", "،", ",", ":") or (closer in self.time and (is_def(closer) or closer == "امس"))
                or (closer[:1] == "ل" and self.np.bad_name(closer))):
            return None  # (a month is no closer: "قال دي مايو")
        if not all(self._name_word(toks[j]) for j in range(k, b)):
            return None
        if self.shape.fragment_reason(self.orig(toks[k].start, toks[b - 1].end)):
            return None
        return b

    def _name_word(self, tok: Token) -> bool:
        """A word that may stand in a name nobody listed: a listed first name, or a word with none of a common
        noun's marks: no article or glued preposition (بالتركية، وصرخة), no ة or short plural ات (حديقة، بيانات; but
        "غرينبلات"), no و before a past verb (وتكررت), no possessive pronoun (مكتبه، محاموه، مدربهم), no verbal-noun
        pattern (استطلاع، تصنيع), no case ending, and no word the lexicons list (titles, sources, bodies, documents,
        adjectives, verbs)."""
        w = tok.text
        if w in self.np.given_names:
            return True
        written = self.orig(tok.start, tok.end).rstrip(_HARAKAT)
        lex = self.lex
        return len(w) > 2 and not is_def(w) and not w.startswith(("بال", "لل", "وال", "فال", "كال")) \
            and not written.endswith(("ة", "ها", "هم", "هما", "ته", "وه", "ا")) \
            and not (written.endswith("ات") and (len(w) < 8 or self.np.is_action(w[:-2]) or w[:-2] in self.documents)) \
            and not (w[:1] == "و" and len(w) > 4 and w.endswith("ت")) \
            and not (w[:1] in "وبل" and len(w) > 3 and (w[1:] in lex.titles or self.np.is_action(w[1:]))) \
            and not self.np.is_action(w) and self._cue_info(tok) is None and w not in lex.narrative_verbs \
            and w not in self.cue_forms \
            and w not in lex.titles and w not in lex.anonymous and w not in lex.organizations \
            and w not in lex.adjectives and w not in self.documents and w not in self.np.not_alone \
            and not (w.endswith("ه") and (w[:-1] in lex.titles or w[:-1] in lex.organizations
                                          or w[:-1] in lex.anonymous)) \
            and not self.np.said_possessed(w)  # ("وواصل حديثه:": the talk)

    def _speaker_of(self, idx: int, pfx: str, vf: VerbForm, s_start: int, slots: "Slots",
                    prev: list[RawQuote]) -> tuple[Entity | None, tuple[int, int] | None, str]:
        """The speaker: explicit (VSO), the source of a نقل … عن chain, SVO before the cue, or carried
        over (pro-drop). Sets ``slots.via`` where the speaker's carrier is found on the way."""
        toks = self.toks
        lemma_key = vf.lemma_key
        known = self.reg.keys()
        agr = vf.agreement
        mention_np, source_np, topic, via = slots.mention_np, slots.source_np, slots.topic, slots.via
        if vf.pos == "part" and mention_np is not None and lemma_key not in self.source_preps:
            mention_np = None  # a ḥāl participle takes no subject after it: "معتبرا "خدعة" بأن …"، "واصفا «قوى سوداء»
            # بنشر …": what follows is its object; the one speaking is the clause's, carried over
        # the speaker: explicit (VSO), source of a chain, SVO before the cue, or carried over
        mention_span: tuple[int, int] | None = None
        entity: Entity | None = None
        how = ""  # how the speaker was found, for the rule name
        if lemma_key in self.source_preps and source_np is not None:
            if mention_np is not None:
                via = self._span_text(mention_np.start, mention_np.end)
                if mention_np.kind == "organization":
                    self._entity_for(mention_np, None)  # "… ولفتت الصحيفة إلى أن": the carrier, named again
            entity = self._entity_for(source_np, None)
            mention_span = (toks[source_np.start].start, toks[source_np.end - 1].end)
        elif topic is not None:
            entity = self._entity_for(topic, vf)
            mention_span = (toks[topic.start].start, toks[topic.end - 1].end)
        elif mention_np is not None and (svo := self._subject_over_unlisted(idx, pfx, vf, s_start, slots)):
            entity = self._entity_for(svo, vf)
            mention_span = (toks[svo.start].start, toks[svo.end - 1].end)
        elif mention_np is not None:
            entity = self._entity_for(mention_np, vf)
            mention_span = (toks[mention_np.start].start, toks[mention_np.end - 1].end)
            if entity is not None and slots.title_span is not None and not entity.title:
                self._give_title(entity, *slots.title_span)  # "X، رئيس …،" / "أمين عام …، الفريق X"
        elif vf.pos == "noun" and "ب" not in pfx and (found := self._source_before(idx, s_start)) is not None and (
                vf.lemma_key == "قال" or found[1] is not None):  # ("عبر عن شكوك بقوله": "by saying" is the subject's)
            # "نقلت وكالة X عن مصدر مطلع … قوله إن": the speaker is what follows عن, the carrier is via
            # (another speech noun, "تأكيده"، "تشديده", only after a نقل verb)
            src, carrier = found
            how = ".source"
            entity = self._entity_for(src, None)
            mention_span = (toks[src.start].start, toks[src.end - 1].end)
            via = via or carrier
        elif vf.pos == "impf" and not pfx and (d := self._described_item(idx, s_start)) is not None and (
                item_speaker := self._item_issuer(d, idx, s_start)) is not None:
            # "أصدرت الشركة بيانا تقول فيه إنها …"، "نشرت مقالا لوزير الخارجية يقول إنه …": the present cue
            # describes the document: its issuer speaks, or the main clause's subject
            how, entity = ".document", item_speaker
        elif toks[idx].text == "بالقول" and (subj := self._clause_subject(idx, s_start, known)) is not None:
            entity = self._entity_for(subj, None)
            mention_span = (toks[subj.start].start, toks[subj.end - 1].end)
        else:
            svo = self._svo(idx, pfx, s_start, known, agr) if vf.pos != "noun" and not (
                vf.pos == "part" and toks[idx - 1].text in QUOTE_CHARS) else None  # (a noun's speaker is its
            # possessor, carried over: "كما أن قوله «…»"; a ḥāl after a closing mark shares the clause's speaker:
            # "تعد «تجارية» و«ليست تجارب حقيقية» منوها": the quoted words are no subject)
            if svo is not None:
                entity = self._entity_for(svo, vf)
                mention_span = (toks[svo.start].start, toks[svo.end - 1].end)
            elif (span := self._preverbal_span(idx, pfx, vf, s_start)) is not None:
                a, e = span  # a subject the grammar places before the verb, though its words are not all read
                if toks[e].text in self.preverbal_openers and toks[a].text[:1] == "و" and len(toks[a].text) > 3 \
                        and self.np.parse(toks, a, e, known, agr) is None:
                    return self._read_with(a, Token(toks[a].text[1:], toks[a].start + 1, toks[a].end), lambda: (
                        self._speaker_of(idx, pfx, vf, s_start, slots, prev)))  # "والإمارات كانت قد ذكرت": the
                    # subject read without the و glued on it
                head = self.np.parse(toks, a, e, known, agr)
                if head is not None and head.start == a and (head.end == e or self._read_head(head, known)):
                    entity = self._entity_for(head, vf)
                    mention_span = (toks[a].start, toks[head.end - 1].end)
                elif e == a + 1 and toks[a].text in self.latter_words:
                    entity = self._carried_speaker(idx, pfx, vf, s_start, prev)  # "لكن الأخير نفى": the last one
                else:
                    words = self._subject_words(a, e, agr, known)
                    entity = self._entity_for(words, vf) if words is not None else None
                    mention_span = (toks[a].start, toks[e - 1].end)
            else:
                entity = self._carried_speaker(idx, pfx, vf, s_start, prev)
        slots.via = via
        return entity, mention_span, how

    def _subject_over_unlisted(self, idx: int, pfx: str, vf: VerbForm, s_start: int, slots: "Slots") -> NP | None:
        """"لكن ميركل رفضت إمكانية أن …": the subject stands before the verb, so the words nobody listed after it
        (a verbal noun read as a name) are its object, not a second subject."""
        known = self.reg.keys()
        if slots.mention_np is None or slots.title_span is not None or vf.pos == "noun" \
                or not self._unlisted_name(slots.mention_np, known):
            return None
        svo = self._svo(idx, pfx, s_start, known, vf.agreement)
        return svo if svo is not None and self.toks[svo.start].text[:1] not in "بلك" else None

    def _unlisted_name(self, np_: NP, known: set[str]) -> bool:
        """A personal name of which no word is listed or known to the article: no title, given name or name heard
        before."""
        return np_.kind == "person" and np_.title_end == np_.start and not (
            np_.end < len(self.toks) and self.toks[np_.end].text in ("،", ",")) and not any(
            self.toks[j].text in self.np.given_names or self.toks[j].text in known for j in range(np_.start, np_.end))

    def _subject_words(self, a: int, e: int, agr: str | None, known: set[str]) -> NP | None:
        """The kind of a subject the grammar places before its verb but cannot read: by its head, a listed first
        name inside it (a title, then the name: "مبعوث الأمم المتحدة إلى اليمن مارتن غريفيث"), or the shape of its
        words (words the article named before: a name, "فالفيردي"; a definite plural: a group, "المدعين العامين", or
        findings, "التوقعات"; a document, "الحصيلة السابقة"). None when no reading is safe: unlisted words the article
        never named ("ربعهم فقط"، "أدلة لاحقة"، "المنطق") are a gap, not a guess."""
        toks = self.toks
        words = [t.text for t in toks[a:e]]
        base = strip_article(words[0])
        bare = base[:-1] if base.endswith("ا") and len(base) > 3 else base  # the accusative after لكنّ: "عددا"
        lex = self.lex
        if bare in lex.anonymous or base in lex.anonymous or bare in self.np.partitives:
            return NP(a, e, "anonymous", agr, a, e, words[0])
        given = next((k for k in range(a, e) if toks[k].text in self.np.given_names and k > a), None)
        if given is not None and e - given <= 4 and (base in lex.titles or is_def(words[0])):
            return NP(a, e, "person", agr, given, e, words[0])
        if base in lex.organizations or base in lex.media:
            return NP(a, e, "organization", agr, a, e, words[0])
        if base in lex.titles:
            return NP(a, e, "anonymous", agr, a, e, words[0])
        if e - a <= 3 and all(w in known or w in self.np.given_names for w in words):
            return NP(a, e, "person", agr, a, e, words[0])  # a name the article gave before ("فالفيردي")
        if is_def(words[0]) and e - a <= 4 and len(base) > 4 and base.endswith(("ون", "ين")):
            return NP(a, e, "anonymous", agr, a, e, words[0])  # a group: "المدعين العامين في الولاية"
        if is_def(words[0]) and e - a <= 4 and (base in self.documents or (base.endswith("ات") and len(base) > 4)):
            return NP(a, e, "organization", agr, a, e, words[0])  # a document or findings: "التوقعات"، "الحصيلة"
        return None

    def _read_head(self, np_: NP, known: set[str]) -> bool:
        """A noun phrase read short of its subject's end still names the speaker: a body or an unnamed source by its
        head ("المعهد الوطني" of "… للبراكين"), or a person by a name the article or the first names know; a run
        of unlisted words ("كبير مسؤولي" of "… مكافحة الإرهاب") names nobody."""
        if np_.kind in ("organization", "anonymous"):
            return True
        names = [t.text for t in self.toks[np_.title_end:np_.name_end]]
        return np_.kind == "person" and bool(names) and (names[0] in self.np.given_names or all(n in known for n in names))

    def _preverbal_span(self, idx: int, pfx: str, vf: VerbForm, s_start: int) -> tuple[int, int] | None:
        """The words between a particle that wants a nominal subject (لكن، إلا أن، غير أن، بيد أن، كما أن) or the
        auxiliary كان and a finite cue right after them: "لكن المعهد الوطني للبراكين أكد"، "وكان خفر السواحل
        الإيطالي قد أعلن"; or the words that open the sentence before كان ("والإمارات كانت قد ذكرت"). They are the
        verb's subject even where the noun-phrase grammar cannot read them all, so the cue is no pro-drop (about 300
        corpus quotes took the last speaker instead). After a sentence-opening كان they may end on a comma ("وكان
        السفير القطري محمد العمادي، قد قال")."""
        if pfx or vf.pos not in ("past", "impf"):
            return None
        toks = self.toks
        lo = self._tok_index(s_start)
        e = idx - 1 if idx - 1 > lo and toks[idx - 1].text in ("قد", "فقد") else idx
        comma = e - 1 > lo and toks[e - 1].text in ("،", ",")  # "وكان السفير القطري محمد العمادي، قد قال"
        e -= comma
        if not comma and e - 1 > lo and toks[e - 1].text in self.preverbal_openers and toks[e - 1].text[:1] != "و" \
                and e - 1 - lo <= 6 and all(t.is_word and t.text not in self.np.stop and self._cue_info(t) is None
                        and t.text not in self.lex.narrative_verbs for t in toks[lo:e - 1]):
            return lo, e - 1  # "والإمارات كانت قد ذكرت أن": the subject opens the sentence, before كان
        for a in range(e - 1, max(lo, e - 8) - 1, -1):
            w = toks[a].text
            if w in self.preverbal_openers or (w in ("ان", "أن") and a > lo and toks[a - 1].text in self.an_particles):
                if comma and a > lo:
                    return None  # (a subject set off by a comma only after a كان/لكن that opens the sentence: not
                    # "… التي كانت تتلقى الدعم من الولايات المتحدة، أكد بومبيو")
                return (a + 1, e) if a + 1 < e else None
            if not toks[a].is_word or w in self.lex.narrative_verbs or self._cue_info(toks[a]) \
                    or self._inside_quote(toks[a].start) or (w in self.np.stop and not (
                        w in self.subject_preps and a > lo and toks[a - 1].text not in self.preverbal_openers)):
                return None  # (a preposition may link the subject's words, "كبير مسؤولي … في بريطانيا", but not
                # open the clause: "لكن في وقت لاحق أعلن الوزير" puts its subject after the verb)
        return None

    def _clause_subject(self, idx: int, s_start: int, known: set[str]) -> NP | None:
        """"وختم الوزير حديثه بالقول إن"، "ومضت المصادر بالقول": the one saying is the subject of the
        verb that opens the clause (VSO), the noun phrase right after it."""
        toks = self.toks
        lo = self._tok_index(s_start)
        c = idx - 1
        while c > lo and toks[c - 1].text not in ("،", ",", ":", "؛"):
            c -= 1
        if c + 1 >= idx or not toks[c].is_word or self._cue_info(toks[c]) is not None:
            return None
        np_ = self.np.parse(toks, c + 1, idx, known, None)
        return np_ if np_ is not None and np_.kind in ("person", "anonymous", "organization") else None

    def _lemma_preposition_ok(self, idx: int, vf: VerbForm, content_k: int, end_idx: int) -> bool:
        """A cue that speaks only with its preposition (markers.tsv lemma_preposition) has it in its clause, or opens a
        complementizer: "عبّر عن"، "خلص إلى أن"، "أقر أن" — not "عبروا نهر". A glued ب must open the content
        ("أقر بأن"، "أقر بالهزيمة"، "أقر بوجود نقص"), and not as the manner of a vote ("أقر الكنيست بقراءة أولى مشروع
        قانون"، "أقر البرلمان القانون بالإجماع": approved, markers.tsv vote_manner)."""
        prep = self.lemma_preps.get(vf.lemma_key)
        toks = self.toks
        if prep is None or toks[content_k].text in self.pat.comp_words:
            return True
        if len(prep) == 1:
            if toks[content_k - 1].text == ":" or self._quote_at_token(content_k) is not None:
                return True  # "أقرت ماي: «أعتقد أن …»": what was said, quoted
            w = toks[content_k].text
            return w.startswith(prep) and len(w) > 2 and w[1:] not in self.vote_manner
        return any(t.text == prep or (t.text.startswith(prep) and t.text[len(prep):] in ("ه", "ها", "هم", "هما"))
                   for t in toks[idx + 1:min(end_idx, content_k + 12)])

    def _carried_speaker(self, idx: int, pfx: str, vf: VerbForm, s_start: int,
                         prev: list[RawQuote]) -> Entity | None:
        """A cue with no speaker of its own (pro-drop): a ḥāl participle, a noun or "ليضيف" shares the
        sentence's last speaker or its main subject; a finite verb takes a name before it in the
        sentence, else the register's most recent source that agrees."""
        tok = self.toks[idx]
        agr = vf.agreement
        same = []  # quotes of this sentence so far (the newest are at the end of ``prev``)
        for r in reversed(prev):
            if r.start < s_start:
                break
            if r.entity is not None and r.end <= tok.start + 2:
                same.insert(0, r)
        if vf.pos in ("part", "noun") or "ل" in pfx:
            if same:
                return same[-1].entity
            return self._agreeing_main_subject(s_start, idx, agr) or self.reg.resolve_prodrop(agr, tok.start)
        named = None if same else self._named_before(s_start, idx, agr)
        if named is None and not same and pfx == "و" and idx == self._tok_index(s_start) \
                and vf.lemma_key not in self.continuation_lemmas:
            named = self._narrated_subject_before(s_start, agr, prev)
        if named is None and not same and idx > self._tok_index(s_start) + 2 and (pfx == "و" or (
                not pfx and self.toks[idx - 1].text in ("،", ",")
                and self.toks[self._tok_index(s_start)].text in self.clause_openers)):
            subj = self._main_subject(s_start, idx, self.reg.keys())  # "رد المندوب الروسي على …، وقال إنه"
            if subj is not None and (subj.agreement is None or agr is None or subj.agreement[0] == agr[0]):
                named = self._entity_for(subj, vf)
        return named or self.reg.resolve_prodrop(agr, tok.start)

    def _quote_from(self, idx: int, pfx: str, vf: VerbForm, slots: "Slots", entity: Entity | None,
                    mention_span: tuple[int, int] | None, how: str, end_idx: int, s_end: int,
                    prev: list[RawQuote]) -> RawQuote | None:
        """The content of the cue's clause, typed, with its checks; the RawQuote."""
        toks = self.toks
        tok = toks[idx]
        lemma_key = vf.lemma_key
        content_k, colon, anon_hint = slots.content_k, slots.colon, slots.anon_hint
        via, channel, mention_np = slots.via, slots.channel, slots.mention_np
        assert content_k is not None
        if mention_span is None and vf.pos == "impf" and not pfx and how != ".document" and not (
                idx > 0 and (toks[idx - 1].text in self.aspect_verbs or (
                    toks[idx - 1].text in _PRONOUN_SUBJECTS and self._opens_statement(idx + 1)))):
            return None  # "… ينفي الشبهات": a bare present tense with no subject is narration (not "ومضى يقول")
        if entity is not None:
            if anon_hint and entity.kind == "person" and not entity.name_tokens:
                entity.kind = "anonymous"
            entity.last = tok.start
        if lemma_key in self.light_nouns:  # "وجه X انتقادات إلى Y بسبب تأكيدات الأخير بأن …": the noun is the statement
            nk = next((j for j in range(idx + 1, content_k) if _speech_noun(toks[j].text, self.light_nouns[lemma_key])),
                      None)
            content_k, colon = (nk, False) if nk is not None else (content_k, colon)
        while content_k + 2 < end_idx and toks[content_k].text in self.manner_adverbs and toks[content_k + 1].is_word:
            content_k += 1  # "نفت روسيا بشدة هذه الاتهامات": the adverb says how, the content follows it
        qtype, cstart, cend = self._content(content_k, end_idx, s_end, colon, vf.agreement)
        if cstart is not None and qtype == "indirect" and self._in_relative_in_commas(idx, pfx):
            cend = self._cut_at_first(content_k, cstart, cend, ("،", ","))  # "وأثار الهجوم، الذي يقول محللون أنه سيكون أكبر
            # معركة، المخاوف …": the relative clause, and what it reports, end at its closing comma
        if cstart is not None and lemma_key in self.light_nouns:
            # a light verb's content is its noun phrase: it ends at a comma before a verb or a clause break, or at
            # "لكن…"
            cend = self._cut_at_first(content_k, cstart, self._light_noun_end(content_k, cstart, cend),
                                      _LIGHT_NOUN_ENDS, quoted_too=True)
        if cstart is None or cend - cstart < 2:
            return None
        if qtype == "direct" and not colon and len(self.text[cstart:cend].split()) < 2:
            return None  # a quoted name ("وكالة الأنباء الرسمية "سانا""), not a statement
        if toks[content_k].end >= cend and self.np.said_possessed(toks[content_k].text):
            return None  # "وتابع شيعان حديثه قائلا: …": the talk alone (the participle's quote says it)
        if self._points_ahead(content_k, cend):
            return None  # "واصفا ذلك بقوله: «…»": the quote after بقوله is the statement
        if toks[content_k].text in ("بها", "به", "بهم", "عليها", "عليه", "اليها", "اليه", "منها", "منه", "عنها", "عنه"):
            return None  # "… التي دعت إليها المرجعية وطالب بها المواطنون": a relative clause, not a statement
        if qtype != "direct" and toks[content_k].text not in self.pat.comp_words and self._labels_quote(content_k, cend):
            return None  # "ندد بالضربات التي اعتبرها “…”": the labelled quote is the statement
        # "رفض التعليق": declining to comment is not a statement
        body = self.text[cstart:cend]
        if body.strip() in self.declined or (vf.lemma_key == "رفض" and toks[content_k].text in self.declined_opening):
            return None  # ("رفض تأكيد أو نفي المعلومة": declining to speak)
        if toks[content_k].text in self.unsaid_openings.get(vf.lemma_key, ()):
            return None  # "تحدث هاتفيا مع الرئيس": a conversation held, nothing said (markers.tsv unsaid_opening)
        cue_text = tok.text[len(pfx):]
        if mention_span is None and via is None and prev and entity is not None and prev[-1].entity is entity and \
                prev[-1].via and \
                "\n" not in self.text[prev[-1].end:tok.start]:
            via = prev[-1].via  # "وقال في مقابلة مع وكالة X إن … وأضاف أن …": the same interview, same carrier
        return RawQuote(cstart, cend, qtype, cue_text, tok.start + len(pfx), tok.end, vf.lemma, vf.stance, entity,
                        mention_span, via, channel, f"cue.{vf.pos}" + (".colon" if colon else "")
                        + (how or (".svo" if mention_np is None and mention_span else ""))
                        + (".prodrop" if mention_span is None else ""), anon_hint)

    def _opens_statement(self, k: int) -> bool:
        """A complementizer (after its preposition: "إلى أن"), a colon or a quotation mark at token ``k``: what a
        present cue after a pronoun reports ("لكنها تقول إن"), not its passive ("وهو يُعتبر هدفا") or a topic."""
        toks = self.toks
        return k < len(toks) and (toks[k].text == ":" or toks[k].start in self.q_open
                                  or self._complementizer_at(k, len(toks)))

    def _quotes_between(self, a: int, b: int) -> list[QuotedSpan]:
        """Quoted spans opening at or after ``a`` and closed before ``b`` (quotes are sorted)."""
        lo = bisect.bisect_left(self.q_opens, a)
        hi = bisect.bisect_left(self.q_opens, b)
        return [q for q in self.quotes[lo:hi] if q.close < b]

    def _is_name_quote(self, q: QuotedSpan) -> bool:
        """A short quote right after a naming noun (اسم "نوفيتشوك"، عملية «عاصفة الحزم») names something."""
        if len(self.text[q.open + 1:q.close].split()) > 3:
            return False
        k = self._tok_index(q.open) - 1
        while k >= 0 and self.toks[k].text in ("ب", "بـ", "ـ", "ل", "لـ"):
            k -= 1
        if k < 0:
            return False
        w = self.toks[k].text
        if w in self.naming_heads or strip_article(w) in self.naming_heads or (
                w[:1] in "بلو" and strip_article(w[1:]) in self.naming_heads):
            return True
        inner = self._quoted_words(q)  # "وكانت «الشرق الأوسط» نقلت"، "اعتبر "خلفان" أن": a known name in marks
        return inner in self.np.media or strip_article(inner) in self.lex.organizations or (
            inner in self.lex.places) or (" " in inner and inner in self.reg.keys()) or (
            " " not in inner and inner in self.reg.keys() and inner not in self.lex.titles and len(inner) > 3)

    def _quotes_a_name(self, r: RawQuote) -> bool:
        """A direct quote whose marks hold a name ("لمراسلة «الجوهرة أف أم»"، "وكانت «الشرق الأوسط» نقلت"):
        nobody said it (806 direct quotes of one to three words on the corpus, about a third of them names)."""
        if r.type != "direct" or r.end - r.start > 60:
            return False
        return any(q.inner[0] <= r.start and r.end <= q.inner[1] and self._is_name_quote(q)
                   for q in self._quotes_between(r.start - 3, r.end + 3))

    def _quoted_words(self, q: QuotedSpan) -> str:
        """The folded words inside a quoted span, joined by spaces."""
        k0, k1 = self._tok_index(q.open + 1), self._tok_index(q.close)
        return " ".join(t.text for t in self.toks[k0:k1] if t.is_word)

    def _is_term_quote(self, q: QuotedSpan) -> bool:
        """A quoted span that marks a name or a term inside reported speech, so it does not make the
        content mixed (../shared/eval/GUIDELINES.md): a name (_is_name_quote), or one word that is definite
        or is no indefinite predicate ("«التطرف»"، "تنظيم «داعش»"، "طائرات «إيرباص»"; but "«مفبركة»"، "«خطيرا»", an
        indefinite word in ة or the accusative ا, is the speaker's own word). On the two gold files and the helper
        sets, 36 such one-word fragments sit in indirect content and 13 in mixed."""
        if self._is_name_quote(q):
            return True
        words = self.orig(q.open + 1, q.close).split()  # (the original letters: folding makes ة a ه)
        if len(words) != 1:
            return False
        w = words[0].strip(".،,!؟?")
        return w.startswith("ال") or not w.endswith(("ة", "ا", "اً", "ى"))

    def _labels_quote(self, k: int, end: int) -> bool:
        toks = self.toks
        j = k
        while j < len(toks) and toks[j].start < end:
            info = self._cue_info(toks[j]) if toks[j].is_word else None
            if info is not None and info[1].lemma_key in ("اعتبر", "وصف", "سمي"):
                n = j + 1
                while n < len(toks) and toks[n].text in ("ب", "بـ", "ـ"):
                    n += 1
                if n < len(toks) and toks[n].start in self.q_open:
                    return True
            j += 1
        return False

    def _sentence_heads(self) -> set[int]:
        """Index of each sentence's first word, after a leading "من جانبه،"-style phrase."""
        toks = self.toks
        heads: set[int] = set()
        prev_end = 0
        for end in self.sents.ends:
            lo = self._tok_index(prev_end)
            prev_end = end
            if lo >= len(toks) or toks[lo].start >= end:
                continue
            k = self._phrase_at(toks, lo, self.time_phrases)
            if k < len(toks) and toks[k].text in ("،", ","):
                k += 1
            heads.add(k)
        return heads

    def _source_before(self, idx: int, s_start: int) -> tuple[NP, str | None] | None:
        """For "قوله": the NP after the last "عن" of the sentence before it, and the outlet after "نقل"."""
        toks = self.toks
        lo = self._tok_index(s_start)
        for j in range(idx - 1, max(lo, idx - 16) - 1, -1):
            if toks[j].text == "عن" and not self._inside_quote(toks[j].start):  # (not "«… عن دعم …» … قوله")
                src = self.np.parse(toks, j + 1, idx, self.reg.keys(), None)
                if src is None:
                    return None
                carrier = None
                for c in range(lo, j):
                    info = self._cue_info(toks[c])
                    if info is not None and info[1].lemma_key == "نقل":
                        mnp = self.np.parse(toks, c + 1, j, set(), None)
                        if mnp is not None:
                            carrier = self._span_text(mnp.start, mnp.end)
                            if mnp.kind == "organization":
                                self._entity_for(mnp, None)  # a later "الصحيفة" is this carrier
                        break
                return src, carrier
        return None

    def _note_subject(self, idx: int) -> None:
        """At the first word of a sentence whose verb is not a cue ("من جانبه، تقدم وزير الخارجية رياض
        المالكي بالشكر"), remember its titled subject: a later "واقترح أن" refers to it."""
        if idx not in self.sentence_heads:
            return
        toks = self.toks
        tok = toks[idx]
        s_start, s_end = self.sents.bounds(tok.start)
        np_ = self.np.parse(toks, idx + 1, self._tok_index(s_end), self.reg.keys(), None)
        if np_ is not None and np_.kind == "person" and np_.title_end > np_.start and np_.name_end > np_.title_end:
            e = self._entity_for(np_, None)
            if e is not None:
                e.last = tok.start

    def _note_name(self, idx: int) -> None:
        """At a title word or a listed first name (the caller checks): a name anywhere in narration ("التقى الرئيس
        الأمريكي دونالد ترامب …"، "وكان مقتدى الصدر قد التقى …") enters the register without recency: a later short mention
        ("ترامب") resolves to the full name and ends a name run, but no pro-drop cue picks it over a speaker."""
        toks = self.toks
        if idx > 0 and self._is_title(toks[idx - 1].text):
            return  # inside a title chain already read from its first word
        np_ = self.np.parse(toks, idx, min(len(toks), idx + 16), self.reg.keys(), None)
        if np_ is not None and np_.kind in ("person", "anonymous") and np_.name_end == np_.title_end:
            self._note_apposed_name(np_)
            return
        if np_ is None or np_.kind != "person" or np_.name_end - np_.title_end < 2:
            return
        nxt = toks[np_.end] if np_.end < len(toks) else None
        if nxt is None or not nxt.is_word or nxt.text in self.np.stop or nxt.text in self.prepositions or (
                nxt.text[:1] == "و" and self.np.bad_name(nxt.text)) or nxt.text in self.lex.narrative_verbs:
            # ("… دونالد ترامب والزعيم الكوري"، "وكان بوريس جونسون سارع إلى …": a verb of narration follows its subject)
            self._entity_for(np_, None, narrated=True)  # only a name the text closes off: "… ماكرون مؤتمرا صحفيا" is no name

    def _note_apposed_name(self, title_np: NP) -> None:
        """"أشرفت وزيرة الطاقة، هالة شيخ روحه، على …": a bare title in narration with a name of two words or more set
        off by commas after it; the person enters the register with that title, so a later "الوزيرة" is her."""
        toks = self.toks
        k = title_np.end
        if k + 2 >= len(toks) or toks[k].text not in ("،", ","):
            return
        app = self.np.parse(toks, k + 1, min(len(toks), k + 8), self.reg.keys(), None)
        if app is None or app.kind != "person" or app.title_end != app.start or app.name_end - app.start < 2 \
                or app.end >= len(toks) or toks[app.end].text not in ("،", ","):
            return
        e = self._entity_for(app, None, narrated=True)
        if e is not None and not e.title:
            self._give_title(e, title_np.start, title_np.end)

    def _note_according(self, k: int) -> None:
        """At an "according to" phrase in the text's order: its source enters the register as a speaker now, so a
        later pro-drop cue can refer to it ("…، وفقا لرئيسة لجنة نوبل بيريت ريس-أندرسن. وأضافت أن …"); the quote
        of the phrase itself is read after the cues (``_according``), which finds the same entity."""
        hit = self._according_phrase(k)
        if hit is None:
            return
        toks = self.toks
        end_idx = self._tok_index(self.sents.bounds(toks[k].start)[1])
        source = self._according_source(hit[0], end_idx, toks[k].start)
        if source is None or source[2] is None:
            return
        np_ = source[2]
        if self._names_no_source(np_) or not self.region._strong(np_) \
                or (np_.kind == "person" and np_.name_end == np_.title_end) or self._medium_np(np_) \
                or strip_article(toks[np_.start].text) in self.documents:
            return  # (only a source the lexicons vouch for: a norm or a bare common noun names nobody, a bare title
            # waits for the reading that resolves it, and an outlet or document mostly carries others' words)
        e = self._entity_for(np_, source[0])
        if e is not None:
            e.last = toks[k].start

    def _kana_subject(self, idx: int, prev_tok: str, s_start: int, known: set[str], agr: str | None) -> NP | None:
        """The subject of "كان X (قد) <cue>": before the cue, after كان (489 in the corpus)."""
        svo = self._svo(idx, "", s_start, known, agr)
        if svo is None:
            return None
        if prev_tok == "قد":
            return svo
        before = self.toks[svo.start - 1].text if svo.start > 0 else ""
        if before in ("،", ",") and self.toks[self._tok_index(s_start)].text in ("كان", "وكان", "كانت", "وكانت"):
            return svo  # "وكان رئيس وزراء العراق، حيدر العبادي، كشف": the name in commas after the title
        return svo if before in ("كان", "وكان", "كانت", "وكانت") and svo.end == idx else None

    def _plain_word(self, w: str) -> bool:
        """``w`` is never a cue in any context but after "ما" (``_cue_at`` is None), no title or first name and
        no "according to" opener: the main pass only asks whether it heads a sentence (cached)."""
        return remember(self._plain_cache, w, not (
            w in self.needs_comp or w in self.needs_prep or self._raw_cue_info(Token(w, 0, len(w))) is not None
            or self._is_title(w) or w in self.np.given_names or w in self.according_starts))

    def _is_title(self, w: str) -> bool:
        """A title word, with or without its article (cached: asked of every word of every article)."""
        hit = self._title_cache.get(w)
        return hit if hit is not None else remember(
            self._title_cache, w, w in self.lex.titles or strip_article(w) in self.lex.titles)

    def _fronted_subject(self, idx: int, s_start: int, known: set[str], agr: str | None) -> bool:
        """A subject right before the verb, opening its sentence or after لكن/بينما/فيما ("لكن موسكو
        انتقدت …"), so the noun phrase after the verb is its object."""
        svo = self._svo(idx, "", s_start, known, agr)
        if svo is None or svo.end != idx:
            return False
        lo = self._tok_index(s_start)
        before = self.toks[svo.start - 1].text if svo.start > lo else ""
        first = self.toks[svo.start].text
        if before == "ان" and svo.start - 2 >= lo and self.toks[svo.start - 2].text in ("غير", "الا", "والا", "بيد"):
            before = "لكن"  # "غير أن روسيا تتهم مقاتلي المعارضة بـ…": but, then the subject
        return before in ("", "لكن", "ولكن", "بينما", "فيما", "وبينما", "وفيما") and first not in self.according_first \
            and first not in ("هكذا", "كذلك", "بدوره", "بدورها", "ايضا", "حينها", "عندها") \
            and not first.startswith(("حسب", "وفق"))

    def _adverbial_next(self, j: int, end_idx: int) -> bool:
        """What follows an accusative word in م…ا reads as its object or modifier ("مخاطبا رئيس
        الوزراء"، "موجها كلامه"، "مرارا وبشدة"), not as the surname of a name ("ماريا زاخاروفا")."""
        if j >= end_idx or not self.toks[j].is_word:
            return True
        w = self.toks[j].text
        return (is_def(w) or w in self.lex.titles or w in self.np.stop or w in self.pat.comp_words
                or w.endswith(("ه", "ها", "هم")) or w[0] in "وب")

    def _narrated_subject_before(self, s_start: int, agr: str | None, prev: list[RawQuote]) -> Entity | None:
        """"ووصل ترامب إلى سنغافورة. وقال إن …": a sentence-initial cue with its subject dropped, after a sentence of
        narration (no quote of its own) whose main verb has a named subject that agrees: that subject speaks, not
        the last speaker before the narration."""
        if s_start < 2:
            return None
        p_start, p_end = self.sents.bounds(s_start - 2)
        if p_start >= s_start or any(p_start <= r.start < s_start or p_start <= (r.cue_start or -1) < s_start
                                     for r in prev[-64:]):  # (the newest only: a long article stays linear)
            return None
        subj = self._main_subject(p_start, self._tok_index(p_end), self.reg.keys())
        if subj is None or subj.kind != "person" or subj.name_end == subj.title_end:
            return None
        e = self._entity_for(subj, None, narrated=True)
        if e is None or (agr and e.agreement and e.agreement != agr) or (agr and not agr.endswith(".sg")):
            return None
        return e

    def _named_before(self, s_start: int, idx: int, agr: str | None) -> Entity | None:
        """The one known person named earlier in the cue's own sentence, outside quotes, when the
        cue's subject is dropped: "ولم يشعر أنينغ بالأسف، وأكد أنه …" is Anning's statement."""
        toks = self.toks
        by_word: dict[str, Entity] = {}
        lex = self.lex
        for e in self.reg._recent():
            if e.kind == "person" and e.name_tokens and (agr is None or e.agreement in (None, agr)):
                w = e.name_tokens[-1]
                if len(w) >= 3 and w not in self.np.stop and w not in self.time and w not in lex.titles and \
                        strip_article(w) not in lex.adjectives and w not in lex.anonymous and w not in ("اخر", "اخري", "اخرون"):
                    by_word.setdefault(w, e)  # a name, not a word that ended a badly read one ("آخر"، "على")
        if not by_word:
            return None
        found: set[int] = set()
        hit = None
        for j in range(self._tok_index(s_start), idx):
            w = toks[j].text
            e = by_word.get(w) or (by_word.get(w[1:]) if w[:1] in ("و", "ل") else None)
            if e is not None and not self._inside_quote(toks[j].start):
                found.add(id(e))
                hit = e
        return hit if len(found) == 1 else None

    def _agreeing_main_subject(self, s_start: int, idx: int, agr: str | None) -> Entity | None:
        """The main verb's subject as the speaker of a participle or noun cue later in its sentence, when the cue
        agrees with it ("الرسالة …، مشيرين": no; someone else, or nobody, said it)."""
        subj = self._main_subject(s_start, idx, self.reg.keys())
        main = self._entity_for(subj, None) if subj is not None else None
        if main is not None and agr and main.agreement and main.agreement != agr and not (
                agr == "f.sg" and main.kind != "person" or (agr.endswith(".sg") and main.kind == "organization")):
            return None
        return main

    def _main_subject(self, s_start: int, idx: int, known: set[str]) -> NP | None:
        """The subject of a sentence's main verb when that verb is not a cue ("قدم الرئيس الأميركي
        دونالد ترمب تهانيه …، معتبرا أن …"): a titled person, an organization or an anonymous source
        right after the sentence's first word."""
        toks = self.toks
        lo = self._tok_index(s_start)
        k = self._phrase_at(toks, lo, self.time_phrases)
        if k < idx and toks[k].text in ("،", ","):
            k += 1
        if k + 2 < idx and toks[k].text in self.clause_openers and toks[k + 1].text not in self.subjectless \
                and self._cue_info(toks[k + 1]) is None:
            k += 1  # "كما هاجمت الصحافة الروسية الأمر، ووصفته"، "فيما زوّد الأمير X اللاعبين …، أكد أن"
        if k + 1 >= idx:
            return None
        np_ = self.np.parse(toks, k + 1, idx, known, None)
        if np_ is not None and any(t.text.isdigit() for t in toks[np_.start:np_.end]):
            np_ = None  # "وليل 15-16 أيار": a date, not the verb and its subject
        if np_ is None and k == lo:
            # "وليل 15-16 أيار/مايو، أصدرت لجنة الانضباط بيانا أفادت فيه": a leading adverbial the time
            # phrases do not list, set off by a comma; the main verb follows it
            c = next((j for j in range(lo, min(idx - 2, lo + 9)) if toks[j].text in ("،", ",")), None)
            if c is not None and self._cue_info(toks[c + 1]) is None:
                k = c + 1
                np_ = self.np.parse(toks, k + 1, idx, known, None)
        e = np_.end if np_ is not None else idx
        while e < min(idx, np_.end + 2 if np_ is not None else idx) and is_def(toks[e].text):
            e += 1  # an adjective the title chain left: "وزيرة الخارجية الأسبق،"
        if np_ is not None and np_.kind == "person" and np_.name_end == np_.title_end and e < idx and \
                toks[e].text in ("،", ","):
            app = self.np.parse(toks, e + 1, idx, known, None)  # "طرحت وزيرة الخارجية الأسبق، هيلاري كلينتون،"
            if app is not None and app.kind == "person" and app.name_end > app.title_end:
                return app
        if np_ is None or (np_.kind == "person" and np_.title_end == np_.start and not (
                toks[np_.start].text in QUOTE_CHARS and np_.end < idx and toks[np_.end].text[:-1] in self.documents)
                and not (all(t.text in known for t in toks[np_.start:np_.end])
                         and toks[np_.end - 1].text in getattr(known, "surnames", ()))):
            return None  # (a bare word may be a common noun; a name in marks that issues a document is one:
            # "أصدرت "برغر كينغ" بيانا تقول فيه", and so is a name the article has given: "وبدا ترامب …، مبررا")
        return np_

    def _span_text(self, a: int, b: int) -> str:
        return self.orig(self.toks[a].start, self.toks[b - 1].end)

    def _skip_parenthetical(self, k: int, end_idx: int, reach: int = 16) -> int | None:
        """From a comma, the index after the matching comma (a short aside), or None."""
        toks = self.toks
        opener = toks[k].text
        closer = {"(": ")", "-": "-"}.get(opener)
        j = k + 1
        while j < min(end_idx, k + reach):
            w = toks[j].text
            if closer and w == closer:
                return j + 1
            if not closer and w in ("،", ","):
                return j + 1
            nj = self._past_quoted_name(j, end_idx)
            if nj is not None:
                j = nj  # "، تلقت «الشرق الأوسط» نسخة منه،": an outlet's name in marks inside the aside
                continue
            if w in self.pat.comp_words or w == ":" or toks[j].start in self.q_open:
                # the aside ends where the content starts: "، لرويترز، إن" handled by caller
                if not closer:
                    return j if j > k + 1 and opener in ("،", ",") and self._aside_ok(k + 1, j) else None
                return None
            j += 1
        return None

    def _aside_ok(self, a: int, b: int) -> bool:
        """An aside that runs up to the complementizer without a closing comma ("، الثلاثاء إن")."""
        return b - a <= 3

    def _past_quoted_name(self, j: int, end_idx: int) -> int | None:
        """The index after a short name in quotation marks opening at token ``j`` and followed by a word
        (the name of an outlet or body inside an aside or a relative clause), or None."""
        q = self.q_open.get(self.toks[j].start)
        if q is None or len(self.text[q.open + 1:q.close].split()) > 3:
            return None
        after = self._tok_index(q.close) + 1
        return after if after < end_idx and self.toks[after].is_word else None

    def _skip_relative(self, k: int, end_idx: int) -> int | None:
        j = k + 1
        while j < min(end_idx, k + 24):
            t = self.toks[j]
            if t.text in ("،", ","):
                return j + 1
            nj = self._past_quoted_name(j, end_idx)
            if nj is not None:
                j = nj  # a quoted name inside the clause: "عضوا في "حزب أمة واحدة""
                continue
            if t.text in self.pat.comp_words or t.text == ":" or t.start in self.q_open:
                return j
            j += 1
        return None

    def _setting(self, k: int, end_idx: int) -> tuple[str | None, int, str | None]:
        """A setting PP (في بيان، خلال مؤتمر صحفي، في مقابلة مع وكالة X): (channel, next index, via)."""
        toks = self.toks
        if k + 1 >= end_idx:
            return None, k, None
        head = toks[k + 1].text
        ch = self.lex.channels.get(head) or self.lex.channels.get(strip_article(head))
        if ch is None and (owned := self._possessed_document(head)) is not None:
            ch = self.lex.channels.get(owned)  # "في تقريرها": the speaker's own report
        if ch is None and head in self.programmes:
            ch = head
        if ch is None and toks[k].text == "في" and head in self.np.stop:
            return None, k, None
        j = k + 2
        via = None
        qn = self.np._quoted_name(toks, j, end_idx, longest=8) if head in self.programmes else None
        if qn is not None:  # "في برنامج "60 دقيقة"": the programme that carried it
            via, j = self.orig(toks[j + 1].start, toks[qn - 2].end), qn
        closed = False  # an opener, a comma, a complementizer or a cue ended the setting
        is_document = strip_article(head) in self.np.documents or self._possessed_document(head) is not None
        while j < end_idx and j < k + 14:
            w = toks[j].text
            platform = self.platform_at(j, end_idx)
            if platform is not None:
                j = platform[1]  # "في صفحتها على «فيسبوك»"
                continue
            if w in self.pat.comp_words or w == ":" or w in ("،", ",") or toks[j].start in self.q_open:
                closed = True
                break
            if w in self.relative:
                nj = self._skip_relative(j, end_idx)  # "في الرسالة التي نشرها البيت الأبيض:"
                if nj is None:
                    break
                j = nj
                continue
            if w in self.pat.comp_preps and j + 1 < end_idx and toks[j + 1].text in self.pat.comp_words:
                closed = True
                break
            if self._cue_info(toks[j]) is not None and toks[j].text not in self.lex.channels:
                closed = True
                break
            if w in self.time and is_document and self._noun_after_time(j, end_idx):
                break  # "أكدت الوزارة في بيان الأربعاء مقتل …": the document's time ends it, its content follows
            with_prep = w in ("مع", "الي")  # "في مقابلة مع …"، "في تصريحات إلى «الوطن»"; else "لصحيفة …"
            if (with_prep and self._names_medium(j + 1, end_idx)) or w.startswith("ل") and self._is_media(toks, j):
                v, nk = self._media_np(j + 1 if with_prep else j, end_idx, strip_l=not with_prep)
                if v:
                    via = v
                    j = nk
                    continue
            j += 1
        if not closed and ch is not None and via is None and is_document:
            j = self._channel_end(k, end_idx)  # "أعلنت الوزارة في بيان لها مقتل 3 متظاهرين": no opener
            # follows, so the content (a noun phrase) starts after the channel and its issuing clause
        text = self.orig(toks[k + 1].start, toks[j - 1].end) if j > k + 1 else None
        issuer = self._issuer_np(k + 1, j)
        if issuer is not None:
            self.issuers[strip_article(head)] = self._issuer_entity(issuer)  # "في بيان صادر عن وزارة الخارجية"
        return (text if ch else None), j, via

    def _noun_after_time(self, j: int, end_idx: int) -> bool:
        """The time words at ``j`` are followed by a plain noun: no date, preposition, particle or cue, so the
        noun opens what was said rather than continuing the setting."""
        toks = self.toks
        if not (is_def(toks[j].text) or toks[j].text == "امس"):
            return False  # "في بيان مساء أول من أمس": only a named day ends the setting
        while j < end_idx and toks[j].text in self.time:
            j += 1
        if j >= end_idx or not toks[j].is_word:
            return False
        w = toks[j].text
        return not (w[:1].isdigit() or w[:1] in "بلك" or w in self.np.stop or w in self.prepositions or w in self.relative
                    or w in self.pat.comp_words or self._cue_info(toks[j]) is not None)

    def _guest_setting(self, k: int, end_idx: int) -> tuple[str | None, int]:
        """After the speaker, "ضيف/ضيفة (برنامج) X" at ``k``: the programme X, quoted or one word, is where it was
        said (its channel). Returns (programme, next index), or (None, k)."""
        toks = self.toks
        j = k + 1
        if j < end_idx and toks[j].text in self.programmes:
            j += 1
        qn = self.np._quoted_name(toks, j, end_idx, longest=8)
        if qn is not None:
            return self.orig(toks[j + 1].start, toks[qn - 2].end), qn
        if j < end_idx and toks[j].is_word and toks[j].text not in self.np.stop and not self._cue_info(toks[j]):
            return toks[j].text, j + 1
        return None, k

    def _channel_end(self, k: int, end_idx: int) -> int:
        """The end of "في بيان" (at ``k``) with its own words only: its adjectives, a pronoun ("له")، a platform,
        an issuing clause and its issuer ("أصدرته الوزارة"، "صادر عن X")، time words."""
        toks = self.toks
        j = k + 2
        while j < end_idx and toks[j].is_word and (is_nisba(toks[j].text) or toks[j].text in ("مشترك", "مقتضب")):
            j += 1  # "في بيان رسمي"، "في بيان مشترك"
        if j < end_idx and toks[j].text in ("له", "لها", "لهم"):
            j += 1
        platform = self.platform_at(j, end_idx)
        if platform is not None:
            return platform[1]  # "في تغريدة على تويتر"
        if j < end_idx and toks[j].text in self.relative:
            nj = self._skip_relative(j, end_idx)  # "في بيانها الذي أصدرته على إثر الحادثة،"
            if nj is not None:
                return nj
        clause = self.np.issuing_clause(toks, j - 1, end_idx)
        if clause is not None:
            j = clause[0]
            if clause[1] is not None:
                issuer = self.np.parse(toks, clause[1], end_idx, self.reg.keys(), None)
                j = issuer.end if issuer is not None else j
        while j < end_idx and toks[j].text in self.time:
            j += 1
        return j

    def platform_at(self, k: int, end_idx: int) -> tuple[int, int] | None:
        """"على تويتر"، "عبر «فيسبوك»" at token ``k``: (the platform's index, the index after the phrase)."""
        toks = self.toks
        if k + 1 >= end_idx or toks[k].text not in ("علي", "عبر"):
            return None  # (the bound first: "وقال في بيان" ends the text)
        p = k + 2 if toks[k + 1].text in QUOTE_CHARS else k + 1
        if p >= end_idx or toks[p].text not in self.platforms:
            return None
        return p, (p + 2 if p + 1 < end_idx and toks[p + 1].text in QUOTE_CHARS else p + 1)

    def _medium_np(self, np_: NP) -> bool:
        """The phrase names an outlet: a media head (وكالة، صحيفة …) or a listed outlet name."""
        toks = self.toks
        head = toks[np_.start].text
        return strip_article(head) in MEDIA_HEADS or head in self.media or \
            " ".join(t.text for t in toks[np_.start:np_.end]) in self.media

    def _settings_after(self, found: list[RawQuote]) -> None:
        """"جاء ذلك في حوار مع X في مجلة «اليمامة»" (157 "جاء ذلك في/خلال" in the corpus): what came before
        was said there, so the earlier quotes of the speaker of the last one take that channel and via
        where they have none."""
        toks = self.toks
        for k in range(len(toks) - 3):
            if toks[k].text not in ("جاء", "وجاء") or toks[k + 1].text != "ذلك" or toks[k + 2].text not in ("في", "خلال"):
                continue
            before = [r for r in found if r.end <= toks[k].start and r.entity is not None]
            if not before:
                continue
            end_idx = self._tok_index(self.sents.bounds(toks[k].start)[1])
            channel, _, via = self._setting(k + 2, end_idx)
            if channel is not None:  # the channel noun and its adjectives ("حوار"، "مؤتمر صحفي"), not the whole phrase
                e = k + 4
                while e < min(end_idx, k + 6) and toks[e].is_word and is_nisba(toks[e].text):
                    e += 1
                channel = self._span_text(k + 3, e)
            if via is None:
                j = next((j for j in range(k + 3, end_idx) if strip_article(toks[j].text) in MEDIA_HEADS
                          and toks[j - 1].text in ("في", "مع", "علي", "عبر", "ل")), None)
                via = self._media_np(j, end_idx, strip_l=False)[0] if j is not None else None
            speaker = max(before, key=lambda r: r.end).entity
            for r in before:
                if r.entity is speaker:
                    r.channel = r.channel or channel
                    r.via = r.via or via

    def _carrier_after(self, j: int, end_idx: int) -> str | None:
        """The outlet in "… أوردته وكالة الأنباء" / "… نقلته صحيفة X" right after a document."""
        toks = self.toks
        if j < end_idx and toks[j].text in ("اوردته", "اوردتها", "نقلته", "نقلتها", "نشرته", "نشرتها", "بثته", "بثتها"):
            np_ = self.np.parse(toks, j + 1, end_idx, set(), None)
            if np_ is not None:
                return self._span_text(np_.start, np_.end)
        return None

    def _issuer_np(self, d: int, end: int) -> NP | None:
        """The issuer named after a document noun at ``d``: "بيان صادر عن X"، "بيان لوزارة X"; None where
        the document names none ("تقرير صدر حديثا")."""
        toks = self.toks
        if d >= end or strip_article(toks[d].text) not in self.documents:
            return None
        clause = self.np.issuing_clause(toks, d, end)
        if clause is not None:  # "بيان صادر عن X"، "تقرير أصدرته X"، "التقرير الذي أعدته X"
            return self.np.parse(toks, clause[1], end, self.reg.keys(), None) if clause[1] is not None else None
        j = self.np.described_end(toks, d + 1, end) if not is_def(toks[d].text) else d + 1  # ("تقرير حديث لـ…")
        if j < end and not is_def(toks[d].text) and (toks[j].text in self.lex.organizations or (
                is_def(toks[j].text) and strip_article(toks[j].text) in self.lex.organizations)):
            np_ = self.np.parse(toks, j, end, self.reg.keys(), None)  # "تقرير شركة X"، "بيان وزارة الخارجية"
            if np_ is not None and np_.kind == "organization":
                return np_
        if j < end and not is_def(toks[d].text) and (toks[j].text in self.np.media or toks[j].text in self.reg.keys()):
            np_ = self.np.parse(toks, j, end, self.reg.keys(), None)  # "إحصاءات رويترز"، "إحصائيات غوغل" once named
            if np_ is not None and np_.kind == "organization" and np_.start == j:
                return np_
        if j < end and self._lam_body(toks[j].text):
            # "بيان لوزارة الخارجية"، "بيان للسفارة": read the organization without its ل
            np_ = self._lam_stripped(j, lambda: self.np.parse(self.toks, j, end, self.reg.keys(), None))
            if np_ is not None and np_.kind == "organization":
                return np_
        return None

    def _named_body_before(self, k: int) -> NP | None:
        """For a body named by its bare definite head ("الشركة"، "الوزارة"، "الصحيفة"), the nearest body the article
        named earlier with that head and its own name ("شركة أبل"، "وزارة الصحة السعودية"), read where it stands
        (in narration too, where no cue registered it): the full name a researcher counts, not the catch-all."""
        toks = self.toks
        w = toks[k].text
        head = strip_article(w)
        if not is_def(w) or head not in self.lex.organizations or head in self.documents:
            return None
        for j in range(k - 1, max(-1, k - 250), -1):
            t = toks[j].text
            if t == head or (t[:1] in ("و", "ب", "ل") and t[1:] == head):
                np_ = self.np.parse(toks, j, len(toks), self.reg.keys(), None) if t == head else \
                    self._lam_stripped(j, lambda: self.np.parse(self.toks, j, len(self.toks), self.reg.keys(), None)) \
                    if t[0] == "ل" else None
                last = toks[np_.end - 1].text if np_ is not None else ""
                second = toks[j + 1].text if j + 1 < len(toks) else ""
                if np_ is not None and np_.kind == "organization" and np_.end > j + 1 and last not in \
                        self.np.construct and not self.np.is_action(last) and not second.startswith("ل") \
                        and not (is_nisba(second) and not is_def(second)) \
                        and not any(t.text.isdigit() for t in toks[j:np_.end]):
                    return np_  # (not a description: "مجلس وزاري"، "لجنة للتحقق"، "شركة لصناعة السيارات")
                return None  # (the nearest mention decides: a bare "شركة", or one cut before its genitive,
                # "شرطة مقاطعة"، "مكتب إعادة", names none)
        return None

    def _issuer_entity(self, issuer: NP) -> Entity | None:
        """The register's entity for a document's issuer, read without the ل glued to it ("لوزارة الخارجية")."""
        w = self.toks[issuer.start].text
        if not self._lam_body(w):
            return self._entity_for(issuer, None)
        e = self._lam_stripped(issuer.start, lambda: self._entity_for(issuer, None))
        self._mend_lam_canonical(issuer.start, e)
        return e

    def _lam_body(self, w: str) -> bool:
        """A body's head with ل glued to it ("لوزارة") or ل and the article ("للسفارة")."""
        return w[:1] == "ل" and (w[1:] in self.lex.organizations or (w[:2] == "لل" and (
            w[2:] in self.lex.organizations or "ال" + w[2:] in self.lex.organizations)))  # ("للبيت الأبيض"، "للأمم")

    def _own_document(self, idx: int, content_k: int, speaker: Entity) -> None:
        """"وأفاد البنك المركزي في تقريره …": a document the speaker calls its own is the speaker's, so a
        later "وأشار التقرير" speaks for it."""
        toks = self.toks
        lo = self._tok_index(self.sents.bounds(toks[idx].start)[0])
        for j in [*range(idx + 1, content_k), *range(max(lo + 1, idx - 10), idx)]:  # (or a fronted "وفي بيان
            # نشرته …، أعلن X", a few words before the verb: a longer look back would make long sentences quadratic)
            doc = self._possessed_document(toks[j].text)
            nxt = toks[j + 1].text if j + 1 < len(toks) else ""
            if doc is None and toks[j].text in self.documents and toks[j - 1].text in ("في", "عبر", "وفي") and \
                    not ((nxt[:1] == "ل" and nxt not in ("له", "لها", "لهم", "لهما")) or nxt in ("صادر", "عن")):
                doc = toks[j].text  # "قالت الوزارة في بيان إن": a statement with no other issuer is hers (and
                # "في بيان لها": hers by name)
            if doc is not None:
                self._tie_documents(doc, speaker)
                return

    def _possessed_document(self, w: str) -> str | None:
        """The document noun of "تقريره"، "بيانها"، "دراستهم" (folded), else None."""
        for suffix in ("هما", "ها", "هم", "ه"):
            if w.endswith(suffix) and len(w) > len(suffix) + 2:
                stem = w[:-len(suffix)]
                stem = stem[:-1] + "ه" if stem.endswith("ت") else stem  # دراست-ه → دراسه
                if stem in self.documents:
                    return stem
        return None

    def _tie_documents(self, head: str, issuer: Entity) -> None:
        """Once a document is named with its issuer ("تقرير شركة X"), the same document mentioned bare
        before ("قال تقرير اقتصادي إن") and after ("وأشار التقرير إلى") speaks for the issuer."""
        self.issuers[head] = issuer
        for e in self.reg._recent():
            if e is not issuer and e.same_as is None and e.kind == "organization" and strip_article(e.head) == head \
                    and not any(w[:1] == "ل" for w in e.key.split()[1:]):  # ("بيان للسفارة" has its own issuer)
                e.same_as = issuer

    def _media_via(self, np_: NP) -> str | None:
        """The phrase of ``np_`` when it names an outlet ("وكالة الأنباء الإيرانية"، "الغارديان"), else None."""
        toks = self.toks
        w = toks[np_.start].text
        words = " ".join(t.text for t in toks[np_.start:np_.end])
        if strip_article(w) in self.media or w in self.media or words in self.media:
            return self._span_text(np_.start, np_.end)
        return None

    def _names_medium(self, j: int, end_idx: int) -> bool:
        """Token ``j`` opens an outlet's name: a medium head or name ("قناة"، "رويترز") or a short
        quoted name ("«واشنطن بوست»"); "مع رؤساء التحرير" / "مع وفد" name no medium."""
        if j >= end_idx:
            return False
        w = self.toks[j].text
        if w in self.programmes:
            return self.np._quoted_name(self.toks, j + 1, end_idx, longest=8) is not None  # "مع برنامج "60 دقيقة""
        return w in self.media or strip_article(w) in self.media or (w.isascii() and w[:1].isupper()) or \
            self.np._quoted_name(self.toks, j, end_idx) is not None  # "في مقابلة مع CNN"

    def _is_media(self, toks: list[Token], j: int) -> bool:
        w = toks[j].text
        base = w[1:] if w.startswith("ل") and not w.startswith("لل") else ("ال" + w[2:] if w.startswith("لل") else w)
        if base in self.media or strip_article(base) in self.media:
            return True
        if w in ("لـ", "ل") or w.endswith("ـ"):
            return True
        for n in (1, 2):  # a name of several words: "لبي بي سي"، "لسكاي نيوز"
            if j + n < len(toks) and " ".join([base] + [t.text for t in toks[j + 1:j + n + 1]]) in self.media:
                return True
        return False

    def _media_np(self, j: int, end_idx: int, strip_l: bool) -> tuple[str | None, int]:
        toks = self.toks
        if j >= end_idx:
            return None, j
        w = toks[j].text
        qn = self.np._quoted_name(toks, j, end_idx)
        if qn is not None:  # "مع «واشنطن بوست»": the name inside the marks
            return self.orig(toks[j + 1].start, toks[qn - 2].end), qn
        start_char = toks[j].start + (1 if strip_l and w.startswith("ل") and not w.startswith("لل") else 0)
        if strip_l and w.startswith("لل"):
            start_char = toks[j].start + 2
        k = j + 1
        # quoted outlet name after the head: وكالة «سبوتنيك»
        qn = self.np._quoted_name(toks, k, end_idx, longest=8)
        if qn is not None:
            qn = nisbas_end(toks, qn, end_idx)  # "لمحطة "سي ان ان" التركية"
            return self.orig(start_char, toks[qn - 1].end), qn
        base = w[1:] if strip_l and w.startswith("ل") else w
        if strip_article(base) in MEDIA_HEADS:
            while k < end_idx and k < j + 5 and toks[k].is_word and toks[k].text not in self.np.stop and \
                    toks[k].text not in self.time and self._cue_info(toks[k]) is None:
                k += 1
        else:
            for n in (3, 2, 1):  # the longest listed name: "بي بي سي" before "بي"
                if j + n <= end_idx and all(t.is_word for t in toks[j + 1:j + n]) and \
                        " ".join([base] + [t.text for t in toks[j + 1:j + n]]) in self.media:
                    k = j + n
                    break
        text = self.orig(start_char, toks[k - 1].end)
        return (text or None), k

    def _addressee(self, j: int, end_idx: int) -> str | None:
        v, nk = self._addressee_span(j, end_idx)
        return v if nk > j else None

    def _addressee_span(self, k: int, end_idx: int) -> tuple[str | None, int]:
        """"لوكالة رويترز"، "لرويترز"، "للصحفيين": (via or None, next index)."""
        toks = self.toks
        w = toks[k].text
        if not w.startswith("ل") or len(w) < 3:
            return None, k
        if self._is_media(toks, k) and w not in ("لـ",):
            return self._media_np(k, end_idx, strip_l=True)
        base = w[1:]
        if base in self.region.outlet_roles and k + 1 < end_idx:
            v, nk = self._media_np(k + 1, end_idx, strip_l=False)  # "لمراسل «الجوهرة أف أم»"، "لمراسل رويترز"
            if v and self._names_medium(k + 1, end_idx):
                return v, nk
        if w.startswith("لل") or base in self.lex.organizations or base in self.lex.titles or \
                base in self.lex.anonymous or base in self.addressee_heads:
            # an addressee that is not a medium: "للصحفيين"، "للكونجرس"، "للجنة الشؤون الخارجية"
            nk = self.np._def_chain(toks, k + 1, end_idx, allow_pp=False)
            return None, nk
        return None, k

    def _svo(self, idx: int, pfx: str, s_start: int, known: set[str], agr: str | None) -> NP | None:
        """A subject before the verb: "مصادر محلية قالت"، "أما X فقال"، "X، الذي شدد"."""
        toks = self.toks
        lo = self._tok_index(s_start)
        if "ف" in pfx:
            for j in range(idx - 1, max(lo - 1, idx - 32), -1):
                if toks[j].text in ("اما", "واما"):
                    np_ = self.np.parse(toks, j + 1, idx, known, agr)
                    return np_
            return None
        if pfx:
            return None
        j = idx - 1
        if j >= lo and toks[j].text in _SUBJECT_PRONOUNS:
            return None  # "فهو اعتبر"، "وهي تقول": the pronoun's referent speaks, carried over
        if j > lo and idx + 1 < len(toks) and toks[idx + 1].text in ("فيه", "فيها") and toks[j].is_word \
                and not is_def(toks[j].text):
            # "أصدرت وزارة الدفاع بيانا قالت فيه إن …": a clause on the statement the main verb's subject issued
            return self._main_subject(s_start, idx, known)
        if j >= lo and toks[j].text in ("فقد", "قد"):
            j -= 1
        if j >= lo and toks[j].text in ("الذي", "التي", "والذي", "والتي"):
            rel_f = toks[j].text.endswith("التي")
            resumptive = idx + 1 < len(toks) and toks[idx + 1].text in ("فيها", "فيه", "خلالها", "خلاله")
            if agr and agr.endswith(".sg") and agr.startswith("f") != rel_f and not resumptive:
                # "الدول التي قال إنها …": the verb does not agree with التي, so its subject is dropped
                # (but "تصريحات خامنئي التي أكد فيها أن": the statement's author, read below)
                return None
            if self._carries_object(toks[idx].text[len(pfx):]):
                return None  # "الملاحظات التي اعتبرتها …": the relative is the verb's object, its subject is dropped
            if toks[j].text in ("والذي", "والتي"):
                # "أبو سليم، الذي يرفض …، والذي يقول": the second relative shares the first one's antecedent
                first = next((r for r in range(j - 1, max(lo, j - 40) - 1, -1)
                              if toks[r].text == toks[j].text[1:]), None)
                if first is not None:
                    j = first
            end = j
            if end - 1 >= lo and toks[end - 1].text in ("،", ","):
                end -= 1
            while end - 1 > lo and (toks[end - 1].text in self.time or toks[end - 1].text.isdigit()):
                end -= 1  # "… سيرغي ريابكوف الأسبوع الماضي الذي أكد"
            restrictive = end == j and self._relative_np_content(idx)  # no comma: "الأرقام التي تشير إلى"
            for a in range(max(lo, end - 8), end):
                if a > lo and is_def(toks[a].text) and is_def(toks[a - 1].text) and toks[a - 1].is_word:
                    continue  # "الانتخابات البلدية الأخيرة، التي": a definite word after one is its adjective
                np_ = self.np.parse(toks, a, end, known, agr)
                if np_ is not None and np_.end == end:
                    if restrictive and np_.kind == "person" and np_.title_end == np_.start and not all(
                            t.text in known for t in toks[np_.start:np_.end]):
                        return None  # a common noun and its restrictive relative, not a named speaker
                    return np_
            return None
        if j >= lo and toks[j].text in ("،", ",") and j - lo <= 30:
            found = self._fronted_apposition(lo, j, known, agr)
            if found is not None:
                return found
        # walk back to a clause opener: sentence start, comma, أن/إن/لكن/إلا أن
        end = j + 1
        for a in range(max(lo, end - 10), end):  # (a body with its quoted name: "شركة السكك الحديد الحكومية "دويتشه بان"")
            prev = toks[a - 1].text if a > lo else ""
            if a > lo and prev in self.pat.comp_words and prev.endswith(("ه", "ها", "هم", "هما")):
                continue  # "إلا أنه استرسل قائلا": the pronoun is the subject, the next word its verb
            if a > lo and not (prev in ("،", ",", "ان", "بينما", "فيما", ".", ":", "ف", "و")
                               or prev in self.preverbal_openers or prev in self.pat.comp_words
                               or prev in self.writer_voice):
                continue
            np_ = self.np.parse(toks, a, end, known, agr)
            if np_ is not None and np_.end == end:
                return np_
        return None

    def _fronted_apposition(self, lo: int, j: int, known: set[str], agr: str | None) -> NP | None:
        """A named subject set off by commas before its verb, at the sentence's start or after "إلا أن" and
        its kin: "X، …، قال"، "X التي …، رأت"، "إلا أن رئيس مجلس النواب، نبيه بري، أعرب"."""
        toks = self.toks
        starts = [lo + 1 if toks[lo].text in ("وحتي", "حتي", "بل") or toks[lo].text in self.preverbal_openers
                  else lo]  # ("وكان رئيس وزراء العراق، حيدر العبادي، كشف": 76 "كان X، Y، (قد) cue" in the corpus)
        starts += [r + 1 for r in range(lo + 1, j - 1) if toks[r].text == "ان"
                   and toks[r - 1].text in ("الا", "والا", "غير", "بيد")]
        for a in starts:
            np_ = self.np.parse(toks, a, j, known, agr)
            if np_ is None or np_.end >= j or np_.kind != "person":
                continue
            nxt = toks[np_.end].text
            if np_.name_end > np_.title_end:
                if nxt in ("،", ","):
                    return np_
                if nxt in ("الذي", "التي") and (not agr or not agr.endswith(".sg") or
                                                agr.startswith("f") == (nxt == "التي")):
                    return np_  # "وحتى بولين هانسون التي تقود حزب أمة واحدة …، رأت أن"
            elif a > lo and nxt in ("،", ","):
                name = self.np.parse(toks, np_.end + 1, j, known, agr)  # the title, then the name in commas
                if name is not None and name.end == j and name.kind == "person" and name.name_end > name.title_end:
                    return name
        return None

    # -------------------------------------------------------------- entities
    def _entity_for(self, np_: NP, vf: VerbForm | None, narrated: bool = False) -> Entity | None:
        """The register's entity for a speaker phrase (found or added), or None when the phrase has no
        name's shape: fragments never enter the register, so no later pro-drop inherits them."""
        toks = self.toks
        if np_.start > 0 and self._according_glued_lam(np_.start - 1) is not None:
            # "ووفقاً للمتحدث الرسمي فإن …، مشيراً": the source of "وفقا لـ"، read past its glued ل
            e = self._lam_stripped(np_.start, lambda: self._entity_for(np_, vf, narrated))
            self._mend_lam_canonical(np_.start, e)
            return e
        if self.shape.fragment_reason(self.orig(toks[np_.start].start, toks[np_.end - 1].end)):
            return None
        if self._speech_noun_of_a_name(np_):
            return None
        return self._entity_of(np_, vf, narrated)

    def _speech_noun_of_a_name(self, np_: NP) -> bool:
        """"وتشير تعليقات أوباما إلى أنه …": a verbal noun heading a "person" with no title (تعليقات، تقديرات،
        مراجعة …; 47 corpus quotes) is what someone said or did, not a name: no entity, so the register never
        gives "تعليقات أوباما" to a later "قال أوباما" (a listed first name, "مباركة"، "تسنيم", stays a name)."""
        toks = self.toks
        w = toks[np_.start].text
        return np_.kind == "person" and np_.title_end == np_.start and np_.end - np_.start >= 2 \
            and w not in self.np.given_names and not w.startswith("ال") and self.np.is_action(w)

    def _entity_of(self, np_: NP, vf: VerbForm | None, narrated: bool) -> Entity | None:
        toks = self.toks
        head = strip_article(toks[np_.start].text)
        if head in self.documents:
            issuer = self._issuer_np(np_.start, np_.end)
            if issuer is not None and issuer.start > np_.start:
                e = self._issuer_entity(issuer)  # "بيان لوزارة الخارجية" speaks for the ministry
                if e is not None:
                    self._tie_documents(head, e)
                return e
            if issuer is None and self.np.issuing_clause(toks, np_.start, np_.end) is not None:
                np_ = NP(np_.start, np_.start + 1, np_.kind, np_.agreement, np_.start, np_.start + 1, np_.head)
            if np_.end - np_.start == 1 and head in self.issuers:
                return self.issuers[head]  # "وأكد البيان" after "في بيان صادر عن وزارة الخارجية"
        o = self.orig
        full = o(toks[np_.start].start, toks[np_.end - 1].end)
        title = o(toks[np_.start].start, toks[np_.title_end - 1].end) if np_.title_end > np_.start else None
        name_toks = [t.text for t in toks[np_.title_end:np_.name_end] if t.is_word]
        name = o(toks[np_.title_end].start, toks[np_.name_end - 1].end) if np_.name_end > np_.title_end else None
        if name:
            name = _bare(name)
        if np_.kind != "person":
            name_toks = []
            title = None
            name = None
        title_key = " ".join(t.text for t in toks[np_.start:np_.title_end] if t.is_word)
        if name and title_key.partition(" ")[0] in self.np.counterparts:
            # "نظيره الأمريكي جون كيري": a counterpart is no title of his own; his nationality still describes him
            title, title_key = None, " ".join(title_key.split()[1:])
        key = " ".join(name_toks) if name_toks else " ".join(t.text for t in toks[np_.start:np_.end] if t.is_word)
        words = key.split()
        if words and words[0] in self.divine_names and all(
                x in self.divine_names or x in self.divine_epithets for x in words[1:]):
            key, name, name_toks, full = "الله", "الله", ["الله"], "الله"  # "قال تعالى": God, one speaker
        found = self.reg.find(key, np_.kind, title_key, np_.head)
        if found is None and np_.kind == "organization" and np_.end == np_.start + 1:
            named = self._named_body_before(np_.start)
            if named is not None:  # "وقالت الشركة" after "شركة أبل"
                w0 = toks[named.start].text
                found = self._lam_stripped(named.start, lambda: self._entity_of(named, None, narrated=True)) \
                    if self._lam_body(w0) and w0 not in self.lex.organizations \
                    else self._entity_of(named, None, narrated=True)  # ("لجنة" is a head of its own)
                self._mend_lam_canonical(named.start, found)
        gender = None
        if vf is not None and np_.kind == "person" and vf.agreement in ("m.sg", "f.sg"):
            gender = vf.agreement[0]
        elif np_.kind == "person" and name_toks and self.np.given_names.get(name_toks[0]) in ("m", "f"):
            gender = self.np.given_names[name_toks[0]]  # no verb to agree with: the first name tells
        if found is not None:
            found.aliases.add(" ".join(t.text for t in toks[np_.start:np_.end] if t.is_word))
            if np_.kind == "person" and name and len(name_toks) > len(found.name_tokens) and found.kind == "person":
                found.name_tokens = name_toks
                found.canonical = name
                found.key = key
            if title and not found.title:
                found.title = title
                found.title_key = title_key
            if gender and not found.gender:
                found.gender = gender
            if gender and not found.agreement:
                found.agreement = f"{gender}.sg"  # first met without a verb ("نقلت الوكالة عن كيم قوله")
            self.reg.note(found)
            if not narrated:
                self.reg.candidate(found)
            return found
        agreement = np_.agreement
        if np_.kind == "person" and gender:
            agreement = f"{gender}.sg"
        scope = self.np.scope_phrase_end(toks, np_.end, len(toks)) if np_.end == np_.start + 1 and np_.end < len(toks) \
            and strip_article(toks[np_.end].text) not in self.np.age_participles else None
        if scope is not None:  # "اللجنة المكلفة بالتحقيق" that no named body answers: its remit says which
            full = o(toks[np_.start].start, toks[scope - 1].end)
            key = " ".join(t.text for t in toks[np_.start:scope] if t.is_word)
        canonical = name if (np_.kind == "person" and name) else _bare(full)
        e = Entity(canonical=canonical, key=key, kind=np_.kind, agreement=agreement, gender=gender,
                   title=title, name_tokens=name_toks, head=np_.head, title_key=title_key)
        e.aliases.add(" ".join(t.text for t in toks[np_.start:np_.end] if t.is_word))
        return self.reg.add(e, candidate=not narrated)

    # --------------------------------------------------------------- content
    def _content(self, k: int, end_idx: int, s_end: int, colon: bool,
                 agr: str | None = None) -> tuple[str, int | None, int]:
        """Type and [start, end) of the content opening at token ``k``; ``agr``: the cue's agreement."""
        toks = self.toks
        text = self.text
        start = toks[k].start
        q = self.q_open.get(start)
        w0 = toks[k].text
        noun_phrase = q is None and not colon and not self._complementizer_at(k, len(toks))
        end = self._clause_end(k, end_idx, s_end, agr, noun_phrase)
        if q is not None:
            a, b = q.inner
            rest = text[min(b + 1, len(text)):end].strip(" .،,؛;!?؟…\n") if b < end else ""
            after = text[b + 1:b + 3].lstrip(" ")
            if b >= end - 2 or not rest or b + 1 >= end or after[:1] in ("،", ",", ".", "؛"):
                return "direct", a, b
            j = self._tok_index(b + 1)
            if j + 1 < end_idx and (self._phrase_at(toks, j, self.clause_breaks) > j
                                    or self._phrase_at(toks, j, self.according) > j
                                    or (toks[j].text[:1] == "و" and self._phrase_at_glued(j, self.according))
                                    or self._starts_hal(j, after_quote=True)):
                return "direct", a, b  # "وقال “…” وذلك في إشارة إلى …": narration resumes after the quote
            return "mixed", start, max(end, b + 1)
        # strip trailing punctuation and spaces
        while end > start and text[end - 1] in " \n.،,؛;:!?؟…":
            end -= 1
        inner = [qq for qq in self._quotes_between(start, end + 1) if not self._is_name_quote(qq)]
        kk = k
        while kk < len(toks) and (toks[kk].text in self.pat.comp_preps or toks[kk].text in self.pat.comp_words
                                  or toks[kk].text in ("ب", "بـ", "ـ", ":")) and kk - k < 3:
            kk += 1
        if inner and kk > k and kk < len(toks) \
                and toks[kk].start == inner[0].open and len(inner) == 1 and inner[0].close >= end - 1:
            # "قال إن “…”": the whole content is quoted
            return "direct", inner[0].inner[0], inner[0].inner[1]
        if inner:
            first = inner[0]
            # "أن "…"" where the quote is the whole content after the complementizer
            if colon and first.open == start:
                return "direct", first.inner[0], first.inner[1]
            if all(self._is_term_quote(qq) for qq in inner):
                return "indirect", start, end  # the marks set off a name or term, not the speaker's words
            return "mixed", start, end
        return "indirect", start, end

    def _clause_end(self, k: int, end_idx: int, s_end: int, agr: str | None = None, noun_phrase: bool = False) -> int:
        """Where reported content ends: sentence end, or a clause break, a new cue, an attribution.
        ``agr``, the agreement of the cue that opened the content, tells its speaker's next statement
        ("…، بين أن") from a report inside the content ("إن نجم البوب، جاستن بيبر، أعلن أنه"). A content
        that is a ``noun_phrase`` (no complementizer) also ends where a clause of the writer's starts."""
        toks, quotes, q_opens = self.toks, self.quotes, self.q_opens
        cue_words = self._cue_info_cache  # (a word cached as no cue is none here either; an unseen one is asked)
        j = k + 1
        end_idx = min(end_idx, k + MAX_CLAUSE_TOKENS)  # bounded: a run-on "sentence" cannot make this quadratic
        while j < end_idx:
            t = toks[j]
            qk = bisect.bisect_right(q_opens, t.start) - 1  # (``_quote_around``, inlined: asked of every word)
            if qk >= 0 and quotes[qk].open < t.start < quotes[qk].close:
                j = bisect.bisect_left(self.starts, quotes[qk].close, j + 1)  # on to the closing mark
                continue
            w = t.text
            if w in ("،", ",", "؛", ";", "-"):
                n = j + 1
                if n < end_idx:
                    nw = toks[n].text
                    if self._phrase_at(toks, n, self.according) > n or (
                            self._phrase_at(toks, n, self.clause_breaks) > n and not self._other_but(nw, agr)) \
                            or (nw in _GLUED_LAM_HEADS and self._according_glued_lam(n) is not None):
                        return t.start  # ("…، وفقا لصحيفة وول ستريت جورنال": its ل glued to the source)
                    nn = self._phrase_at(toks, n, self.cue_breaks)
                    if nn > n and (any(self._cue_info(x) is not None for x in toks[nn:min(nn + 3, end_idx)])
                                   or (j > 0 and toks[j - 1].text in QUOTE_CHARS
                                       and not (nn < end_idx and toks[nn].text in self.pat.comp_words))):
                        return t.start  # "، في حين قال الوزير إن …" / "إن «…»، في حين …": narration resumes
                    if nw.startswith("و") and self._phrase_at_glued(n, self.according):
                        return t.start
                    info = self._cue_at(n)  # (with its context: "، بين أن" is the verb)
                    if info is not None and (info[1].pos == "part" or info[0] in ("ل", "ول") or info[0] == "و"):
                        return t.start
                    if info is not None and info[1].pos == "past" and not info[0] and n + 1 < end_idx \
                            and (self._strong_np_at(n + 1) or toks[n + 1].text == "ل"
                                 or (toks[n + 1].text in self.pat.comp_words and info[1].agreement == agr
                                     and info[1].stance != "evaluative" and not self._apposition_before(k, j))):
                        return t.start  # "فيما أبدى X مخاوفهم …، قال (لـ«…») وكيل الوزارة …": another speaker;
                        # "وفيما أوضح أن …، بين أن …": the same speaker's next statement
                    if nw in ("لكنه", "لكنها", "ولكنه", "كما") and n + 1 < end_idx and self._cue_info(toks[n + 1]):
                        return t.start
                    if nw in self.negation and nw.startswith("و") and n + 1 < end_idx and self._cue_info(toks[n + 1]):
                        return t.start  # "…، ولم يستبعد أن …"، "…، ولم يعلق": the writer's next clause
            elif w.startswith("و") and t.is_word and toks[j - 1].text not in _RELATIVE_HEADS:
                # (after ما/الذي the و is the stem's: "كل ما ورد في التقرير" is "what was mentioned", not "وردّ")
                info = self._cue_info(t) if cue_words.get(w, t) is not None else None  # (no cue word: no call)
                if info is not None and info[0].startswith("و") and info[1].pos in ("past", "impf"):
                    return toks[j - 1].end
            elif w == "ثم" and j + 1 < end_idx and (then := self._cue_info(toks[j + 1])) is not None \
                    and then[1].pos in ("past", "impf") and not then[0]:
                return toks[j - 1].end  # "… قبل إقلاعها، ثم زعم أن …": the next statement
            elif w in ("الا", "غير") and j + 2 < end_idx and toks[j + 1].text in ("انه", "انها", "انهم") \
                    and self._cue_info(toks[j + 2]) is not None:
                return toks[j - 1].end  # "أكد أن (كل شيء متوفر) في الجيش إلا أنه أقر بوجود …": the next statement
            elif t.is_word and j + 1 < end_idx and cue_words.get(w, t) is not None \
                    and self._starts_hal(j, after_quote=toks[j - 1].text in QUOTE_CHARS):  # (no cue word: no call)
                return toks[j - 1].end  # "… داعش مشيرا إلى أن …"، "…،" مضيفاً: "…"، "إن علاقته بماي "متينة" رافضا
                # التعليق": after a closing mark a participle cue opens the next clause whatever follows it
            elif w in ("فيما", "بينما", "وفيما", "وبينما") and j + 1 < end_idx and (
                    j > k + 1 or toks[k].text not in self.pat.comp_words) and (
                    self._cue_info(toks[j + 1]) or (j + 2 < end_idx and self._cue_info(toks[j + 2]))):
                return toks[j - 1].end  # "… فيما طالب الناطق باسمه …": a new statement (but "إنه فيما يصر …، فإن": the
                # content's own fronted clause)
            elif w == "(" and j + 2 < end_idx and toks[j + 1].text in self.media:
                return t.start
            elif w in _OWN_WORDS_HEADS and self._own_words_at(j, end_idx):
                return toks[j - 1].end  # "… إضراب عام في الجهة حسب قولهم": the speaker's own wording, not content
            elif w[:1] == "ب" and j + 1 < end_idx and self._says_next(j):
                return toks[j - 2].end if toks[j - 1].text in ("،", ",") and j - 1 > k else toks[j - 1].end
            elif noun_phrase and self._narration_after_np(j, end_idx):
                return toks[j - 2].end if toks[j - 1].text in ("،", ",") else toks[j - 1].end
                # "أبدى الأهالي مخاوفهم من تزايد الحالات بعد أن سجلت …"، "أكدت نبأ اعتقاله، كما نشر ناشطون …"
            elif w in _LABEL_RELATIVES and self._labelling_clause(j, end_idx):
                p = j - 1 if toks[j - 1].text in self.prepositions and j - 1 > k else j
                return toks[p - 1].end  # "… والتقى مع شي خلال ما وصفتها الوكالة بأنها …": another source's label
            j += 1
        if end_idx < len(toks) and toks[end_idx].start < s_end:
            return toks[end_idx - 1].end
        return s_end

    def _points_ahead(self, content_k: int, cend: int) -> bool:
        """The content from token ``content_k`` to ``cend`` is only a pointer (ذلك، إياها، على ذلك) to the speaker's
        words that follow "بقوله:"."""
        toks = self.toks
        j = content_k
        while j < len(toks) and toks[j].end <= cend:
            if toks[j].text not in self.pointer_objects:
                return False
            j += 1
        return j < len(toks) and j > content_k and self._says_next_at(j)

    def _says_next_at(self, j: int) -> bool:
        """``_says_next`` at token ``j`` or after the comma at ``j``."""
        if self.toks[j].text in ("،", ","):
            j += 1
        return j + 1 < len(self.toks) and self.toks[j].text[:1] == "ب" and self._says_next(j)

    def _says_next(self, j: int) -> bool:
        """"… جاهز لتجربة جديدة بقوله: «…»": a verbal noun of saying with ب and the speaker's pronoun, then a
        colon or an opening mark, introduces the speaker's next statement in their own words (as "، مضيفا" does):
        the content before it ends there."""
        nxt = self.toks[j + 1]
        at = bisect.bisect_left(self.q_opens, nxt.start)
        if not (nxt.text == ":" or (at < len(self.q_opens) and self.q_opens[at] == nxt.start)):
            return False
        info = self._cue_info(self.toks[j])
        return info is not None and info[0] in ("ب", "وب") and info[1].pos == "noun" and info[1].lemma_key == "قال"

    def _own_words_at(self, j: int, end_idx: int) -> bool:
        """"حسب تعبيره"، "على حد قولها"، "بحسب وصفهم" (41 in the corpus, 25 of them left inside a content): a
        pointer back to the speaker's own words closes what they said."""
        toks = self.toks
        n = j + 1
        if toks[j].text == "علي":
            if n >= end_idx or toks[n].text != "حد":
                return False
            n += 1
        if n >= end_idx:
            return False
        w = toks[n].text
        return any(w.startswith(noun) and w[len(noun):] in ("ه", "ها", "هم", "هما") for noun in _OWN_WORDS_NOUNS)

    @staticmethod
    def _other_but(w: str, agr: str | None) -> bool:
        """"، لكنها" after a masculine speaker's content (or "، لكنه" after a feminine one's): "but it/she" is
        what the content is about, so the speaker's clause goes on; the speaker's own gender is the writer
        turning to them ("قال إن …، لكنه لم يوضح")."""
        pron = {"لكنه": "m", "لكنها": "f"}.get(w)
        return pron is not None and agr is not None and agr.endswith(".sg") and agr[0] != pron

    def _narration_after_np(self, j: int, end_idx: int) -> bool:
        """After a content that is a noun phrase ("أعلن النادي تجديد عقد اللاعب"، "أبدى X مخاوفه من …"), a
        subordinate or contrasting clause is the writer's (markers.tsv np_content_break: "بعد أن"، "لكن"،
        "غير أن" …; 75 of 14,262 such contents in the corpus ran on into one), unless it is the "not only …
        but also" of the noun phrase itself ("ولكن أيضا")."""
        toks = self.toks
        n = self._phrase_at(toks, j, self.np_content_breaks)
        if n == j or (toks[j].text == "كما" and toks[j - 1].text not in ("،", ",")):
            return False  # ("، كما نشر ناشطون": after a comma only; "كما هو الحال" is part of the phrase)
        return not (n < end_idx and toks[n].text in ("ايضا", "كذلك"))

    def _labelling_clause(self, j: int, end_idx: int) -> bool:
        """"ما وصفته وكالة شينخوا بأنها …"، "لما وصفه القاضي بأنه …": at token ``j`` (ما and its preposition) a
        labelling verb with an object pronoun that points back to ما, its own subject, then its complementizer:
        a statement of that subject (14 in the corpus), not a word of the sentence's own (passive "لما وصف بأنه"
        has no subject)."""
        toks = self.toks
        if j + 3 >= end_idx:
            return False
        v = toks[j + 1]
        info = self._cue_info(v) if v.is_word else None
        if info is None or info[1].lemma_key not in ("وصف", "اعتبر") or info[0] or not v.text.endswith(("ه", "ها", "هم")):
            return False
        c = self._comp_ahead(j + 2, end_idx, reach=9)
        if c is None or c == j + 2:
            return False
        subj = self.np.parse(toks, j + 2, c, self.reg.keys(), info[1].agreement)
        return subj is not None and toks[j + 2].text[:1] != "ب"  # ("مما وصفه بالادعاء بأن": the label, no subject)

    def _apposition_before(self, k: int, j: int) -> bool:
        """The comma at ``j`` closes a name set off by commas ("إن زعيم كوريا، كيم جونغ أون، قال"): the
        verb after it has that subject, inside the content opened at ``k``."""
        toks = self.toks
        p = next((c for c in range(j - 1, max(k, j - 6) - 1, -1) if toks[c].text in ("،", ",")), None)
        if p is None:
            return False
        np_ = self.np.parse(toks, p + 1, j, self.reg.keys(), None)
        return np_ is not None and np_.end == j

    def _subject_head(self, w: str) -> bool:
        """A noun that heads a speaker's phrase (a document, body, title or anonymous head), never a preposition
        glued to a word."""
        return w in self.documents or w in self.lex.organizations or w in self.lex.titles or w in self.lex.anonymous

    @staticmethod
    def _opens_with_prep(w: str, prep: str) -> bool:
        return w == prep or (len(prep) == 1 and w.startswith(prep) and len(w) > 2)

    def _opening_ahead(self, k: int, end_idx: int, reach: int = 15) -> tuple[int, bool] | None:
        """(index, after a colon) of the first complementizer, colon or opening quote within reach,
        provided no other cue or quote stands before it."""
        toks = self.toks
        j = k - 1
        while j + 1 < min(end_idx, k + reach):
            j += 1
            t = toks[j]
            if t.start in self.q_open:
                qn = self.np._quoted_name(toks, j, end_idx, longest=8) if j > k and toks[j - 1].text in ("ل", "لـ") \
                    else None
                if qn is not None and qn < end_idx:
                    j = qn - 1  # "… ل"الرياض" ان": the outlet spoken to, not the content
                    continue
                return j, False
            if t.text == ":":
                return (j + 1, True) if j + 1 < end_idx else None
            if t.text in self.pat.comp_words and not (j > 0 and toks[j - 1].text in self.not_comp_before):
                if j == k and self.np.van_at(toks, j, end_idx) and self._cue_info(toks[j - 1]) is not None:
                    return None  # "وأوضح فان غال أنه": a name the grammar cannot read, no content before it
                return (j - 1 if j > k and toks[j - 1].text in self.pat.comp_preps else j), False
            if t.is_word and self._cue_info(t) is not None:
                return None
        return None

    def _comp_ahead(self, k: int, end_idx: int, reach: int = 25) -> int | None:
        """The complementizer of this clause when only a PP or aside separates it from ``k``."""
        toks = self.toks
        for j in range(k, min(end_idx, k + reach)):
            t = toks[j]
            if t.start in self.q_open or t.text == ":":
                return None
            if t.text in self.pat.comp_words and not (j > 0 and toks[j - 1].text in self.not_comp_before):
                if j > k and toks[j - 1].text in self.pat.comp_preps and not self.np.ali_closes_name(toks, j - 1):
                    return j - 1
                return j
            if j > k and self._cue_info(t) is not None:
                return None
        return None

    def _starts_hal(self, j: int, after_quote: bool = False) -> bool:
        """A ḥāl participle cue directly followed by its complement, a colon or a quote; right after a closing
        quotation mark, with any complement ("وقال "…" مؤكدا الأمل في …": the quote ended there)."""
        info = self._cue_info(self.toks[j])
        if info is None or info[1].pos != "part" or info[0] or self._accusative_adjective(j, info[1]):
            return False  # (not "سجلت حضورا لافتا في السوق": the adjective of the noun before it)
        if after_quote and j + 1 < len(self.toks) and self.toks[j + 1].is_word:
            return True
        n = self.toks[j + 1]
        if n.text in ("قوله", "قولها", "قولهم", "قولهما", "بالقول") and j + 2 < len(self.toks):
            n = self.toks[j + 2]  # "مكرراً قوله بأنه …"، "مستطردا بالقول: …"
        return (n.text in self.pat.comp_words or n.text in self.pat.comp_preps or n.text == ":"
                or n.start in self.q_open or self._own_preposition_after(j, info[1]))

    def _own_preposition_after(self, j: int, vf: VerbForm) -> bool:
        """"… داعيا للفقيد بالرحمة"، "… داعيا الجميع إلى الهدوء"، "… مطالبا بوقف الحرب": the participle's own
        preposition (lemmas.tsv) right after it, or after its object, so the participle opens the next statement
        even with no comma before it (122 contents on the corpus ran on over such a participle)."""
        rule = self.lex.np_lemmas.get(vf.lemma_key)
        toks = self.toks
        if rule is None or not rule.preposition or j + 1 >= len(toks) or toks[j].text.endswith(("ه", "ة")) \
                or vf.lemma_key in self.passive_alike:
            return False  # (a feminine form, or a participle written like its passive, may be a predicate: "الدولة
            # مطالبة بضبط …"، "إذا كنت مطالبا بقول …"، "تسلمت مصريا متهما بخطف …": markers.tsv passive_alike)
        p, w = rule.preposition, toks[j + 1].text
        if w == p or (len(p) == 1 and w.startswith(p) and len(w) > 3 and not is_def(w[1:])):
            return True
        return rule.object_first and is_def(w) and any(t.text == p for t in toks[j + 2:min(len(toks), j + 5)])

    def _phrase_at_glued(self, n: int, phrases: list[list[str]]) -> bool:
        """A listed phrase at token ``n`` whose first word carries a glued و ("وحسب"، "وعلى حد تعبيره");
        every word must match, not only the first ("وعلى الأخص" is no "على حد تعبيره")."""
        toks = self.toks
        w = toks[n].text[1:]
        return any(p[0] == w and n + len(p) <= len(toks) and all(toks[n + i].text == p[i] for i in range(1, len(p)))
                   for p in phrases)

    # ------------------------------------------------------------ according
    def _according(self, found: list[RawQuote]) -> list[RawQuote]:
        """Quotes whose only attribution is an "according to" phrase (حسب، وفق، نقلا عن، على حد
        تعبيره): trailing, the content is the clause before it; leading, the clause after it."""
        out: list[RawQuote] = []
        starts = self.according_starts
        self._found_sorted = sorted(found, key=lambda r: r.start)  # (searched by position: a long article stays linear)
        self._found_starts = [r.start for r in self._found_sorted]
        for k, t in enumerate(self.toks):
            if t.text not in starts or k in self.region_according:
                continue
            hit = self._according_phrase(k)
            if hit is not None:
                self._according_at(k, hit, found, out)
                continue
            hit = self._according_glued_lam(k)
            if hit is None:
                continue
            n = len(out)
            self._lam_stripped(hit[0], lambda: self._according_at(k, hit, found, out, lam=True))
            if len(out) > n:  # the source read as if its ل stood apart: "وفقا للأمم المتحدة" → "الأمم المتحدة"
                self._mend_lam_canonical(hit[0], out[-1].entity)
        return out

    def _lam_stripped(self, j: int, read: Callable[[], Any]) -> Any:
        """What ``read`` returns with token ``j`` read without its glued ل ("للأمم" as "الأمم"، "لوزارة" as
        "وزارة"): offsets stay those of the article."""
        return self._read_with(j, without_lam(self.toks[j], self.lex.organizations), read)

    def _read_with(self, j: int, tok: Token, read: Callable[[], Any]) -> Any:
        """What ``read`` returns with token ``j`` read as ``tok`` (a glued letter taken off; offsets the article's)."""
        toks = self.toks
        self.toks = toks[:j] + [tok] + toks[j + 1:]
        try:
            return read()
        finally:
            self.toks = toks

    def _mend_lam_canonical(self, j: int, e: Entity | None) -> None:
        """A name first met after "لل" at token ``j`` is cut from the article as "لأمم المتحدة": give it back
        its article (only a name that opens with that very word: an entity met earlier, a committee whose
        report "وفقا للتقرير" names, keeps its own)."""
        tok = self.toks[j]
        if e is not None and tok.text.startswith("لل") and without_lam(tok, self.lex.organizations).text[:2] == "ال" \
                and e.canonical.split(" ")[0] == self.orig(tok.start + 1, tok.end):
            e.canonical = "ا" + e.canonical

    def _names_no_source(self, np_: NP) -> bool:
        """The phrase after "according to" names a norm ("وفقا للقانون"، "وفق البرنامج التالي") or bare figures, not
        a source: the according reader and the register both ask."""
        return strip_article(self.toks[np_.start].text) in self.norms or self._bare_figures(np_)

    def _bare_figures(self, np_: NP) -> bool:
        """"وفقا للمعلومات الإحصائية"، "بحسب الأرقام": figures or data named by a definite noun and its
        adjectives alone, whose issuer the phrase does not give: no source (with an issuer, "بيانات وزارة
        الصحة"، the issuer speaks)."""
        toks = self.toks
        w = toks[np_.start].text
        return is_def(w) and (strip_article(w) in self.documents or strip_article(w) == "معلومات") and \
            strip_article(w) not in ("بيان", "تقرير", "دراسه", "رساله", "وثيقه", "مذكره", "بلاغ", "استطلاع") and \
            all(is_def(t.text) and strip_article(t.text) not in self.lex.organizations
                for t in toks[np_.start + 1:np_.end])  # (its adjectives: "الإحصائية" folds like no nisba)

    def _found_near(self, a: int, b: int) -> list[RawQuote]:
        """The cue quotes that start before ``b`` and end after ``a`` (the 40 nearest by start: quotes are short)."""
        i = bisect.bisect_left(self._found_starts, b)
        return [r for r in self._found_sorted[max(0, i - 40):i] if r.end > a]

    def _according_before_content(self, at: int, np_: NP, end_idx: int, found: list[RawQuote]) -> bool:
        """"أكد رئيس المنظمة، علي أكبر صالحي، ووفقا لوكالة تسنيم، أن …": a phrase between a cue's subject and
        its complementizer names the outlet that carried the statement, not a statement of its own."""
        toks = self.toks
        j = np_.end + (1 if np_.end < end_idx and toks[np_.end].text in ("،", ",") else 0)
        if j >= end_idx or toks[j].text not in self.pat.comp_words:
            return False
        for r in self._found_near(toks[j].start, toks[j].start + 1):
            if at <= r.start <= toks[j].start < r.end and (r.cue_start or 0) < at and r.entity is not None:
                if not r.via:
                    r.via = self._span_text(np_.start, np_.end)
                r.start = toks[j].start  # (the content opens at the complementizer, not at the phrase)
                if r.type == "mixed" and not [q for q in self._quotes_between(r.start, r.end)
                                              if not self._is_term_quote(q)]:
                    r.type = "indirect"  # (the marks were the outlet's name in the phrase)
                return True
        return False

    def _according_glued_lam(self, k: int) -> tuple[int, bool] | None:
        """"وفقا للأمم المتحدة"، "طبقا لبيان الوزارة"، "ووفقا لإحصاءات …" (1,826 in the corpus): the phrase's ل is
        glued to the source's first word, so no phrase of markers.tsv matches; returns (the source's token,
        whether و is glued to the phrase), or None."""
        toks = self.toks
        w = toks[k].text
        if w not in _GLUED_LAM_HEADS or k + 1 >= len(toks) or self._inside_quote(toks[k].start):
            return None
        glued = w[1:] in _GLUED_LAM_HEADS  # ("ووفقا": و glued to the phrase)
        nxt = toks[k + 1]
        if not nxt.is_word or len(nxt.text) < 4 or nxt.text[0] != "ل" or nxt.start != toks[k].end + 1 \
                or nxt.text in ("لما", "لذلك", "لهذا", "لهذه"):
            return None
        return k + 1, glued

    def _according_at(self, k: int, hit: tuple[int, bool], found: list[RawQuote], out: list[RawQuote],
                      lam: bool = False) -> None:
        """The quote of the "according to" phrase at token ``k`` ending before ``hit[0]``, if any, added to out."""
        toks = self.toks
        t = toks[k]
        kk, glued = hit
        phrase = self.orig(t.start + (1 if glued else 0), toks[kk - 1].end)
        s_start, s_end = self.sents.bounds(t.start)
        end_idx = self._tok_index(s_end)
        prev = toks[k - 1].text if k > 0 else ""
        source = self._according_source(kk, end_idx, t.start)
        if source is None:
            return
        vf, j, np_, entity, mention = source
        if np_ is not None and (self._names_no_source(np_) or (
                lam and np_.kind == "person" and not self.region._strong(np_))):
            return  # "وفقا للقانون"، "حسب أحكام الدستور": in accordance with a norm, nobody speaks (and after
            # a glued ل an unknown bare "name" is a common noun: "وفقاً لأحكام اتفاقية فيينا")
        if np_ is not None and self._according_before_content(t.start, np_, end_idx, found):
            return
        via = None
        chain = self._according_chain(np_, vf, mention, end_idx) if np_ is not None else None
        middle = self._according_middle(k, np_, s_start, end_idx)
        if middle is not None:
            np_, mention = middle, (toks[middle.start].start, toks[middle.end - 1].end)
            content = self._according_leading(middle.end, middle, end_idx, s_end, found, out)
        elif prev in ("،", ",") or (k > 0 and toks[k - 1].end <= t.start and prev not in (".", "\n") and k > self._tok_index(s_start)):
            content = self._according_trailing(k, phrase, np_, s_start, end_idx, found, out)
        elif k == self._tok_index(s_start) or prev in ("و", "ف"):
            lead = chain[0] if chain is not None else np_
            if lead is not None and lead.end < end_idx and (self._relative_after_source(lead) or (
                    is_def(toks[lead.end].text) and strip_article(toks[lead.end].text) in self.np.side_participles)):
                comma = next((c for c in range(lead.end + 1, min(end_idx, lead.end + 14))
                              if toks[c].text in ("،", ",")), None)  # "وبحسب شبكة روداو المقربة من الحزب، فقد"،
                # "وبحسب المسؤول الذي فضل عدم ذكر اسمه، فإن"، "ووفقا لوثيقة تقدمت بها فيينا …، يجب"
                if comma is not None:
                    lead = NP(lead.start, comma, lead.kind, lead.agreement, lead.title_end, lead.name_end, lead.head)
            content = self._according_leading(j, lead, end_idx, s_end, found, out)
        else:
            return
        if content is None or self._ends_on_cue(*content[:2], found):
            return  # ("وتابع قائلا وفقا لما نشرته البعثة: «…»": the phrase carries the cue's own quote)
        a, b, qtype = content
        if chain is not None and middle is None:
            np_, mention, via = chain  # the one cited after "نقلته X عن"، "نقلا عن" speaks; X carried it
        if entity is None and np_ is not None:
            entity = self._entity_for(np_, vf)
            self._title_before_apposition(entity, source[2], np_)
        if entity is None:
            return
        entity.last = t.start
        cue = phrase.split()[0] if phrase.split()[0] in ("حسب", "بحسب", "حسبما", "وفق", "وفقا", "وفقاً", "طبقا",
                                                          "نقلا", "نقلاً", "استنادا", "استناداً") else phrase
        out.append(RawQuote(a, b, qtype, cue, t.start + (1 if glued else 0), toks[kk - 1].end, None,
                            "neutral", entity, mention, via, None, "according"))

    def _ends_on_cue(self, a: int, b: int, found: list[RawQuote]) -> bool:
        """The span [a, b) before a trailing according phrase ends on a cue that has its own quote ("وتابع قائلا"،
        "حيث قال فيها"): the statement follows the phrase, which only says where the cue's quote was found."""
        toks = self.toks
        j = self._tok_index(b) - 1
        while j >= 0 and toks[j].start >= a and not toks[j].is_word:
            j -= 1
        if j >= 0 and toks[j].start >= a and toks[j].text in ("فيه", "فيها"):
            j -= 1
        last = [t for t in toks[max(0, j - 1):j + 1] if t.start >= a]  # (a cue and its participle: "وتابع قائلا")
        return any(r.cue_start is not None and t.start <= r.cue_start < t.end for t in last for r in found)

    def _relative_after_source(self, np_: NP) -> bool:
        """A relative clause follows an according phrase's source: الذي/التي …, or after an indefinite source a verb
        that opens one ("وثيقة تقدمت بها فيينا")."""
        w = self.toks[np_.end].text
        return w in self.relative or (not is_def(self.toks[np_.end - 1].text) and w in self.lex.narrative_verbs
                                      and self._cue_info(self.toks[np_.end]) is None)  # (a cue has its own subject)

    def _according_chain(self, np_: NP, vf: VerbForm | None, mention: tuple[int, int] | None, end_idx: int
                         ) -> tuple[NP, tuple[int, int] | None, str | None]:
        """Past the source of an according phrase: "… نقلته وكالة رويترز عن مصادر طبية"، "… قاله مسؤول نقلا عن
        الشرطة": the one cited after عن speaks and the first is the carrier (via); "حسبما صرح المتحدث باسم الرئاسة،
        بسام راضي": a name in commas after a bare title is the person. (speaker NP, mention, via)"""
        toks = self.toks
        e = np_.end
        at = None
        if e + 1 < end_idx and toks[e].text == "عن" and vf is not None and vf.lemma_key == "نقل":
            at = e + 1
        elif e + 2 < end_idx and toks[e].text in ("نقلا", "نقلاً") and toks[e + 1].text == "عن":
            at = e + 2
        if at is not None:
            src = self.np.parse(toks, at, end_idx, self.reg.keys(), None)
            if src is not None and src.kind in ("person", "anonymous", "organization"):
                return src, (toks[src.start].start, toks[src.end - 1].end), self._span_text(np_.start, np_.end)
        if np_.kind in ("person", "anonymous") and np_.name_end == np_.title_end and e + 1 < end_idx \
                and toks[e].text in ("،", ","):
            name = self.np.parse(toks, e + 1, end_idx, self.reg.keys(), None)
            if name is not None and name.kind == "person" and name.name_end > name.title_end \
                    and name.title_end == name.start and (name.end >= end_idx or not toks[name.end].is_word):
                return name, (toks[name.start].start, toks[name.end - 1].end), None
        return np_, mention, None

    def _according_phrase(self, k: int) -> tuple[int, bool] | None:
        """The "according to" phrase at token ``k`` (outside quotes): the token after it, and whether its
        first word has و glued on ("وبحسب")."""
        toks = self.toks
        t = toks[k]
        w = t.text
        glued = w[0] == "و" and w[1:] in self.according_first
        if not (glued or w in self.according_first) or self._inside_quote(t.start):
            return None
        kk = self._phrase_at(toks, k, self.according)
        if kk == k and glued:
            fake = w[1:]
            for p in self.according:
                if p[0] == fake and all(k + j < len(toks) and toks[k + j].text == p[j] for j in range(1, len(p))):
                    kk = k + len(p)
                    break
        if kk == k:
            return None
        return kk, glued

    def _publication_verb(self, w: str) -> bool:
        """A verb of publishing, bare or with the object pronoun that points back to ما ("ما أوردته")."""
        return w in self.publication_verbs or (w.endswith("ها") and w[:-2] in self.publication_verbs) \
            or (w.endswith("ه") and w[:-1] in self.publication_verbs)

    def _according_source(self, j: int, end_idx: int, at: int) -> tuple[
            VerbForm | None, int, NP | None, Entity | None, tuple[int, int] | None] | None:
        """Who the phrase ending before token ``j`` names: a cue verb on the way sets the agreement, a
        possessive noun (على حد تعبيره، قوله) points back to the last speaker, else a noun phrase.
        Returns (cue form, token after the cue, the NP, the entity, the mention), or None if nobody."""
        toks = self.toks
        # "حسب ما أفادت وكالة X" / "حسبما نقلت X عن Y"
        vf = None
        after_ma = j > 0 and toks[j - 1].text in ("ما", "حسبما", "وفقما", "لما")  # the phrase itself ends on ما
        # (or on لما: "وفقا لما أعلنت عنه X"، "وفقا لما نشره X")
        if j < end_idx and toks[j].text == "ما":
            after_ma = True
            j += 1
        if j < end_idx and self._cue_info(toks[j]) is None and toks[j].text.endswith(("ه", "ها", "نا")):
            base = toks[j].text[:-2] if toks[j].text.endswith(("ها", "نا")) else toks[j].text[:-1]
            info = self._cue_word(base)
            if info is not None and info[1].pos == "past" and toks[j - 1].text in ("ما", "لما", "بما"):
                vf = info[1]  # "بحسب ما قاله مسؤولون": the verb carries the object pronoun
                j += 1
        if j < end_idx and not (after_ma and toks[j].text in ("ورد", "جاء", "وردت")) and self._cue_info(toks[j]):
            vf = self._cue_info(toks[j])[1]
            j += 1
        if after_ma and vf is not None and vf.lemma_key != "نقل" and j + 1 < end_idx \
                and toks[j].text in ("به", "بها", "عنه", "عنها"):
            j += 1  # "وفق ما صرحت به متحدثة"، "حسب ما أفادنا به"، "بحسب ما أعلنت عنه الوزارة": the pronoun is ما's
        found_in = after_ma and j + 2 < end_idx and toks[j].text in ("ورد", "جاء", "وردت") \
            and toks[j + 1].text in ("في", "علي")
        if found_in:
            # "بحسب ما ورد في صحيفة «عكاظ»"، "وفق ما جاء في وثيقة رسمية"، "حسب ما جاء على لسان الوزير" (122 in the
            # corpus): where it was found, or whose tongue it came from, is the source (ورد is not "وردّ" here)
            j += 3 if toks[j + 1].text == "علي" and toks[j + 2].text == "لسان" else 2
        if after_ma and vf is None and not found_in:
            if j < end_idx and self._publication_verb(toks[j].text):
                j += 1  # "حسب ما نشرت(ه) صحيفة X": the outlet that published it
            else:
                return None  # "بحسب ما أملى عليه فهمه": according to what a clause says, not to a source
        pron = toks[j].text if j < end_idx else ""
        if pron in ("تعبيره", "تعبيرها", "قوله", "قولها", "وصفه", "وصفها", "تعبيرهم", "قولهم"):
            entity = self.reg.resolve_prodrop("f.sg" if pron.endswith("ها") else "m.sg", at)
            return vf, j, None, entity, None
        said = pron in ("قول", "تعبير") and j + 1 < end_idx and toks[j + 1].is_word
        if said:
            j += 1  # "على حد قول نتانياهو"، "بحسب قول الصيادين": whose saying it is
        said = said or (j > 0 and toks[j - 1].text in ("قول", "تعبير"))  # (or the phrase ends on it)
        np_ = self.np.parse(toks, j, end_idx, self.reg.keys(), vf.agreement if vf else None)
        if np_ is None or (not said and self._unvouched_word(np_)):
            return None  # (a saying vouches for whose it is: "على حد قول نتانياهو")
        app = self._apposed_source_name(np_, end_idx)
        if app is not None:  # "بحسب المتحدث باسم القوات المسلحة، العميد أبو الفضل شكارجي": the name in the apposition
            e = self._entity_for(app, None)
            if e is not None and not e.title:
                self._give_title(e, np_.start, np_.end)
            return vf, j, app, None, (toks[app.start].start, toks[app.end - 1].end)
        return vf, j, np_, None, (toks[np_.start].start, toks[np_.end - 1].end)

    def _apposed_source_name(self, np_: NP, end_idx: int) -> NP | None:
        """A bare title as an according phrase's source with a name of two words or more after its comma, closed by
        the sentence's end or another comma: the name is the source."""
        toks = self.toks
        k = np_.end
        if np_.kind not in ("person", "anonymous") or np_.name_end != np_.title_end or k + 2 >= end_idx \
                or toks[k].text not in ("،", ","):
            return None
        app = self.np.parse(toks, k + 1, end_idx, self.reg.keys(), None)
        if app is None or app.kind != "person" or app.name_end - app.title_end < 2 or (
                app.end < end_idx and toks[app.end].text not in ("،", ",", ".")):
            return None
        return app

    def _unvouched_word(self, np_: NP) -> bool:
        """A "person" of one plain word that no lexicon, first name or earlier mention vouches for: after an
        according phrase it is mostly a common noun ("بحسب مستوى …"، "وفق بلاغ"، "حسب تقييم"، "وفقا لما صرفت":
        about 150 such sources on the corpus against some 40 surnames, nearly all already in the register), so
        it names nobody. A sound plural stays: an unnamed group ("بحسب مراقبين"، "وفق متعاملين")."""
        if np_.kind != "person" or np_.end != np_.start + 1 or np_.title_end != np_.start:
            return False
        w = self.toks[np_.start].text
        if w in self.reg.keys() or w in self.np.given_names or (len(w) >= 5 and w.endswith(("ين", "ون"))) \
                or strip_article(w) in self.documents or w in self.media or not _ARABIC_WORD.match(w):
            return False  # (a document speaks for its issuer, "وفق بلاغ لوزارة …"; a Latin name is one: "CNN")
        if self._word_counts is None:
            self._word_counts = Counter(t.text for t in self.toks)
        return self._word_counts[w] < 3  # (a name the article keeps using is one: "ترامب"، "زيدان")

    def _according_trailing(self, k: int, phrase: str, np_: NP | None, s_start: int, end_idx: int,
                            found: list[RawQuote], out: list[RawQuote]) -> tuple[int, int, str] | None:
        """A trailing phrase ("…، وفق بيان لوزارة الخارجية"): the content is the clause before it (from
        the sentence start, a semicolon, or past a leading adverbial). Where the sentence already has its
        attribution, the phrase only adds the carrier or the document to it, and None is returned."""
        toks = self.toks
        t = toks[k]
        prev = toks[k - 1].text if k > 0 else ""
        # trailing: the content is the clause before it
        near = self._found_near(s_start, t.start + 2)
        if any(r.start >= s_start and r.end <= t.start + 1 and r.end >= toks[k - 1].start - 2 for r in near):
            # a repeat of the sentence's own attribution; "نقلا عن" still names the intermediary
            if np_ is not None:
                carrier = self._carrier_after(np_.end, end_idx)
                for r in near:
                    if r.start >= s_start and r.end <= t.start + 1:
                        if (phrase.startswith(("نقلا", "نقلاً")) or self._medium_np(np_)) and not r.via:
                            r.via = self._span_text(np_.start, np_.end)  # "…، حسب ما ذكرت وكالة رويترز"
                        elif carrier and not r.via:
                            r.via = carrier  # "، وفق بيان لوزارة الخارجية أوردته وكالة الأنباء"
                        doc = strip_article(toks[np_.start].text)
                        if doc in self.documents and not r.channel:
                            r.channel = self._span_text(np_.start, np_.start + 1)
            return None
        a = s_start
        semi = max(self.text.rfind("؛", s_start, t.start), self.text.rfind(";", s_start, t.start))
        if semi >= 0:
            a = semi + 1
            while a < t.start and self.text[a] == " ":
                a += 1
        # skip a leading adverbial phrase ending in a comma: "ففي فبراير الماضي، قتل ..."
        lo = self._tok_index(a)
        for m in range(lo, min(k, lo + 6)):
            if toks[m].text in ("،", ","):
                if toks[lo].text.startswith(("في", "ف", "وفي", "ومن", "من")):
                    a = toks[m + 1].start
                break
        # a quoted clause before it
        b = toks[k - 1].start if prev in ("،", ",") else t.start
        if prev not in ("،", ",") and np_ is not None and np_.end < end_idx and toks[np_.end].is_word \
                and toks[np_.end].text not in self.pat.comp_words and toks[np_.end].text not in self.relative \
                and len(phrase.split()) == 1 and self._cue_info(toks[np_.end]) is None:
            # "فيما وصل عدد الإصابات وفقا لوزارة الصحة إلى 1071 حالة": set inside its clause, the phrase
            # attributes the whole clause, from its comma to its end
            for m in range(k - 1, self._tok_index(a) - 1, -1):
                if toks[m].text in ("،", ","):
                    a = toks[m + 1].start
                    break
            b = self._clause_end(np_.end - 1, end_idx, self.sents.bounds(t.start)[1])
        while b > a and self.text[b - 1] in " \n،,.":
            b -= 1
        if b - a < 8:
            return None
        if self._cue_and_subject(self._tok_index(a), k - 1 if prev in ("،", ",") else k):
            return None  # "وقالت صحيفة X نقلا عن مصادر": the cue's own subject and source, no statement
        inner = [q for q in self.quotes if a <= q.open and q.close <= b]
        qtype = "indirect"
        if inner and inner[0].open <= a + 1 and inner[-1].close >= b - 1 and len(inner) == 1:
            qtype, (a, b) = "direct", inner[0].inner
        elif any(not self._is_term_quote(q) for q in inner):
            qtype = "mixed"
        if any(r.start < b and a < r.end for r in found + out):
            return None
        return a, b, qtype

    def _cue_and_subject(self, lo: int, hi: int) -> bool:
        """Tokens ``lo``..``hi`` are only a reporting verb, its subject and settings or time words ("وذكرت
        المنظمة في تقرير"، "وقالت وكالة تاس"): a clause that states nothing of its own."""
        toks = self.toks
        info = self._cue_info(toks[lo]) if lo < hi else None
        if info is None or info[1].pos not in ("past", "impf"):
            return False
        np_ = self.np.parse(toks, lo + 1, hi, self.reg.keys(), info[1].agreement)
        j = np_.end if np_ is not None else lo + 1
        while j < hi:
            w = toks[j].text
            if w in ("،", ",", "-") or w in self.time:
                j += 1
            elif w in self.settings and (setting := self._setting(j, hi))[0] is not None:
                j = max(setting[1], j + 1)
            else:
                return False
        return np_ is not None

    def _title_before_apposition(self, entity: Entity | None, title_np: NP | None, name_np: NP) -> None:
        """"وبحسب وزير الشؤون الإسلامية، عبد اللطيف آل الشيخ،": the bare title before the name in commas is the
        person's title, so a later "وقال الوزير" resolves to the name."""
        if entity is None or entity.kind != "person" or entity.title or title_np is None or title_np is name_np \
                or title_np.kind != "person" or title_np.name_end != title_np.title_end or title_np.end > name_np.start:
            return
        self._give_title(entity, title_np.start, title_np.end)

    def _give_title(self, entity: Entity, a: int, b: int) -> None:
        """The words of tokens [a, b) are ``entity``'s title: shown as written, keyed by its words."""
        entity.title = self._span_text(a, b)
        entity.title_key = " ".join(t.text for t in self.toks[a:b] if t.is_word)

    def _according_middle(self, k: int, np_: NP | None, s_start: int, end_idx: int) -> NP | None:
        """A phrase set in the middle of its clause, after no more than three words and closed by a
        comma ("واستهدفت الغارات، بحسب مصادر محلية، مدينة …"، "وترجع تفاصيل الواقعة، بحسب مدير …، العقيد
        …، حينما …"): what was reported is the longer part after it. Returns the source (the name in an
        apposition after a bare title), or None where the phrase is no such middle."""
        toks = self.toks
        lo = self._tok_index(s_start)
        before = [x for x in toks[lo:k] if x.is_word]
        if np_ is None or not 2 <= len(before) <= 3:
            return None
        c = next((n for n in range(np_.end, min(end_idx, np_.end + 4)) if toks[n].text in ("،", ",")), None)
        if c is None or c + 1 >= end_idx or any(not x.is_word or self._cue_info(x) for x in toks[np_.end:c]):
            return None  # (the source's own complements may run on to the comma: "… التحريات والمباحث الجنائية،")
        src = np_ if c == np_.end else NP(np_.start, c, np_.kind, np_.agreement, np_.title_end,
                                           max(np_.name_end, c) if np_.name_end > np_.title_end else np_.name_end,
                                           np_.head)
        app = self.np.parse(toks, c + 1, end_idx, self.reg.keys(), None)
        if app is not None and app.kind == "person" and app.name_end > app.title_end and app.end < end_idx \
                and toks[app.end].text in ("،", ",") and np_.kind != "organization":
            src = app  # "بحسب مدير إدارة التحريات، العقيد الدكتور راشد محمد بورشيد،"
        after = [x for x in toks[src.end:end_idx] if x.is_word]
        if len(after) < 5 or after[0].text in self.relative or after[0].text in ("في", "خلال", "عبر", "امس"):
            return None  # ("…، وفق المؤسسة، التي لم تعرف …"، "…، في تقرير …": the source's own clause or setting)
        return src

    def _according_leading(self, j: int, np_: NP | None, end_idx: int, s_end: int,
                           found: list[RawQuote], out: list[RawQuote]) -> tuple[int, int, str] | None:
        """A leading phrase ("وبحسب السفير فإن …"): the content is the clause after it. Where that clause
        is already a quote, an outlet named in the phrase becomes its carrier, and None is returned."""
        toks = self.toks
        # leading: "وبحسب السفير فإن ..."
        e_k = np_.end if np_ is not None else j + 1
        while e_k < end_idx and toks[e_k].text in ("،", ",", "فقد", "قد"):
            e_k += 1
        if e_k < end_idx and toks[e_k].text in self.relative and np_ is not None \
                and strip_article(toks[np_.start].text) not in self.documents:
            e_k = next((j for j in range(e_k + 1, min(end_idx, e_k + 20)) if toks[j].text == "فان"), end_idx)
            # "وبحسب صحيفة X التي تصدر في هونغ كونغ فإن …": the source's relative clause runs to فإن
        if e_k >= end_idx or toks[e_k].text in self.relative:
            return None  # ("وبحسب المعلومات التي جمعتها «العربية نت» فإن …": the source's own clause, no content)
        a = toks[e_k].start
        b = self._clause_end(e_k - 1, end_idx, s_end)  # "وبحسب السفير فإن …، إذ قال: «…»"
        while b > a and self.text[b - 1] in " \n.،,؛;!?؟…":
            b -= 1
        if any(r.start < b and a < r.end for r in self._found_near(a, b) + out[-8:]):
            medium = self._media_via(np_) if np_ is not None else None
            for r in self._found_near(a, b):
                if medium and r.via is None and r.start < b and a < r.end and (r.cue_start or 0) >= a:
                    r.via = medium  # "وبحسب وكالة الأنباء الإيرانية، فقد أكد ظريف أن …": the outlet carried it
            return None
        return a, b, "indirect"

    # -------------------------------------------------------- orphan quotes
    def _orphan_quotes(self, found: list[RawQuote], used: set[int]) -> list[RawQuote]:
        """Quoted spans no cue pass claimed: attributed by a cue right after them, a labelling verb right
        before them, or as the continuation of the previous speaker's quote."""
        text = self.text
        out: list[RawQuote] = []
        spans = sorted((r.start, r.end) for r in found)
        starts = [a for a, _ in spans]
        for q in self.quotes:
            if q.open in used or self._is_name_quote(q):
                continue
            a, b = q.inner
            i = bisect.bisect_right(starts, b)  # spans starting before the quote ends; check the nearest
            if any(spans[j][0] <= a < spans[j][1] or spans[j][0] < b <= spans[j][1]
                   for j in range(max(0, i - 3), i)):
                continue
            words = len(text[a:b].split())
            r = self._orphan_then_cue(q, words)
            if r is None:
                r = self._orphan_labelled(q, words, found)
            if r is not None:
                out.append(r)
                continue
            # a whole paragraph in quotes right after another quote by a known speaker: it goes on
            para_start = text.rfind("\n", 0, q.open) + 1
            if text[para_start:q.open].strip() == "" and words >= 6:
                prevq = [r for r in found + out if r.end <= q.open and r.entity is not None]
                last = max(prevq, key=lambda r: r.end) if prevq else None  # (found is not in text order)
                if last is not None and q.open - last.end < 400 and last.type in ("direct", "mixed"):
                    out.append(RawQuote(a, b, "direct", None, None, None, None, None, last.entity, None,
                                        None, None, "quote.continued"))
        return out

    def _orphan_then_cue(self, q: QuotedSpan, words: int) -> RawQuote | None:
        """A cue right after the quote: "…"، قال فلان / "…" يقول فلان."""
        toks = self.toks
        a, b = q.inner
        # after the quote: "…"، قال فلان / "…" يقول فلان
        k = self._tok_index(q.close + 1)
        period = False
        while k < len(toks) and toks[k].text in ("،", ",", ".", "-"):
            period = period or toks[k].text == "."
            k += 1
        ma = k + 2 < len(toks) and toks[k].text in ("هذا", "ذلك", "هذه", "وهذا") and toks[k + 1].text == "ما"
        if ma:
            k += 2  # "«…»، هذا ما قاله روبسون" (the verb carries the pronoun of ما)
        elif k + 1 < len(toks) and toks[k].text == "هكذا":
            k += 1  # "«…»، هكذا قال الوزير"
        info = (self._cue_at(k) if ma else self._cue_info(toks[k])) if k < len(toks) else None
        if info is not None and period and info[0]:
            info = None  # "”. واضافت …" opens a new sentence; it does not attribute the quote before it
        if info is not None and words >= 2 and info[1].pos in ("past", "impf") and "س" not in info[0]:
            s_start, s_end = self.sents.bounds(toks[k].start)
            end_idx = self._tok_index(s_end)
            np_ = self.np.parse(toks, k + 1, end_idx, self.reg.keys(), info[1].agreement)
            if np_ is not None:
                e = self._entity_for(np_, info[1])
                m = (toks[np_.start].start, toks[np_.end - 1].end)
            else:
                e = self.reg.resolve_prodrop(info[1].agreement, q.open)
                m = None
            if e is not None:
                e.last = toks[k].start
                return RawQuote(a, b, "direct", toks[k].text[len(info[0]):], toks[k].start + len(info[0]),
                                toks[k].end, info[1].lemma, info[1].stance, e, m, None, None,
                                "quote.then_cue")
        return None

    def _orphan_labelled(self, q: QuotedSpan, words: int, found: list[RawQuote]) -> RawQuote | None:
        """A labelling verb right before the quote: "التي اعتبرها "…""، "ما وصفه بـ"…""; the speaker is the
        sentence's last speaker or its main verb's subject."""
        toks = self.toks
        a, b = q.inner
        # before the quote: "التي اعتبرها "…""، "ما وصفه بـ"…""
        k = self._tok_index(q.open) - 1
        while k >= 0 and toks[k].text in ("ب", "بـ", "ـ", "ل", "كـ", "بانه", "بانها", "بانهم"):
            k -= 1
        if k < 0:
            return None
        info = self._cue_info(toks[k])
        if info is None:
            return self._labelled_by_subject(q, k, words)
        if info is not None and info[1].lemma_key in ("اعتبر", "وصف", "سمي", "قال", "اضاف", "تابع", "اكد"):
            pv = toks[k - 1].text if k > 0 else ""
            if info[1].lemma_key in ("اعتبر", "وصف", "سمي") or pv in ("ما", "التي", "الذي"):
                s_start, _ = self.sents.bounds(q.open)
                same = [r for r in found if r.entity is not None and s_start - 1 <= r.start < q.open]
                e = None
                if same:
                    e = same[-1].entity
                else:
                    # "ندد رئيس الوزراء مصطفى الكاظمي بالضربات التي اعتبرها “…”": the main verb's subject
                    subj = self._main_subject(s_start, k, self.reg.keys())
                    e = self._entity_for(subj, None) if subj is not None else \
                        self.reg.resolve_prodrop(info[1].agreement, q.open)
                if e is not None and words >= 1:
                    return RawQuote(a, b, "direct", toks[k].text[len(info[0]):], toks[k].start + len(info[0]),
                                    toks[k].end, info[1].lemma, info[1].stance, e, None, None, None,
                                    "quote.labelled")
        return None

    def _labelled_by_subject(self, q: QuotedSpan, k: int, words: int) -> RawQuote | None:
        """"ما اعتبرته المعارضة "…""، "ما وصفها الوزير بـ"…"": a labelling verb whose object pronoun points
        back to ما (or a relative), then its own subject, then the label. The words between the verb and
        the quote must be one noun phrase the lexicons vouch for and that agrees with the verb, or the
        reading is left alone ("ما اعتبره الاتفاق "السيء"": the noun is the verb's second object)."""
        toks = self.toks
        for v in range(k - 1, max(-1, k - 7), -1):
            t = toks[v]
            if not t.is_word:
                return None
            info = self._cue_info(t)
            if info is None:
                continue
            if info[1].lemma_key not in ("اعتبر", "وصف", "سمي") or info[1].pos not in ("past", "impf") or \
                    v == 0 or toks[v - 1].text not in ("ما", "بما", "لما", "مما", "التي", "الذي", "الذين", "من"):
                return None
            np_ = self.np.parse(toks, v + 1, k + 1, self.reg.keys(), info[1].agreement)
            if np_ is None or np_.end != k + 1 or not self.region._strong(np_) or \
                    (np_.agreement and info[1].agreement and np_.agreement != info[1].agreement):
                return None
            e = self._entity_for(np_, info[1])
            if e is None or words < 1:
                return None
            a, b = q.inner
            return RawQuote(a, b, "direct", t.text[len(info[0]):], t.start + len(info[0]), t.end, info[1].lemma,
                            info[1].stance, e, (toks[np_.start].start, toks[np_.end - 1].end), None, None,
                            "quote.labelled")
        return None

    def _dedupe(self, qs: list[RawQuote]) -> list[RawQuote]:
        out: list[RawQuote] = []
        for r in qs:  # sorted by start; kept quotes never overlap, so the last one reaches furthest
            if r.end <= r.start:
                continue
            if out and r.start < out[-1].end:
                continue
            out.append(r)
        return out
