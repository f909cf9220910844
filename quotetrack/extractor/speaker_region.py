"""The words between a cue and its content opener, read as a whole.

Arabic news puts a small set of constituents between a reporting verb and أن/إن/":"/a quote:
the subject noun phrase (title + name, a body, an anonymous source), appositions set off by
commas (the name after its title, the title after the name), an addressee (لـ«الشرق الأوسط»،
لرويترز، للصحفيين، له), a setting (في بيان، خلال مؤتمر صحفي), an according phrase (بحسب X),
time words, an anonymity clause (طلب عدم الكشف عن اسمه) and short asides. This reader finds
the opener first, then parses everything before it into those constituents. If any word is
left that none of them accounts for, it gives up and the token walk in ``attribute`` reads the
clause instead: a region either parses whole or not at all, so a guess never becomes a speaker.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .speaker_phrase import NP, ON_BEHALF, is_def, is_nisba, nisbas_end, strip_article

if TYPE_CHECKING:
    from .attribute import Attributor, Slots
    from .lexicon import VerbForm

#: The opener must come within this many tokens of the cue.
MAX_REGION = 30
_SEPARATORS = frozenset({"،", ",", "؛", ";", "(", ")", "-", "–"})
_PRONOUN_ADDRESSEES = frozenset({"له", "لها", "لهم", "لهما", "لنا", "لكم", "لهن"})  # not لي: also the name Lee
_SKIP = frozenset({"فيه", "فيها", "عنه", "عنها", "بالقول", "قايلا", "قايله", "ايضا", "كذلك", "بدوره", "بدورها",
                   "من جهته", "من جهتها"})
_ADJUNCT_PREPS = frozenset({"في", "من", "خلال", "امام", "لدي", "عقب", "اثناء", "بعد", "قبل", "داخل", "امس"})


@dataclass
class _Constituents:
    nps: list[tuple[int, NP]]      # (chunk number, NP) in order
    via: str | None = None
    channel: str | None = None
    anonymous: bool = False
    title: tuple[int, int] | None = None   # an apposition of title words
    source: NP | None = None               # the NP after a citing phrase (نقلا عن، على لسان)
    according: list[int] = field(default_factory=list)  # token indices of according phrases read here


class RegionReader:
    """Reads the speaker region of one cue with the attributor's lexicons and helpers."""

    def __init__(self, a: "Attributor"):
        self.a = a
        m = a.lex.markers
        self.adjunct_phrases = [p.split() for p in m["adjunct_phrase"]]
        self.citing = frozenset(m["citing"])
        self.outlet_roles = frozenset(m["outlet_role"])
        self.unnamed_heads = frozenset(m["unnamed_head"])

    # ----------------------------------------------------------------- opener
    def noun_participle(self, j: int) -> bool:
        """A participle cue form used as a noun: "متحدثة باسم الشركة"، "قالت متحدثة …" (a title or an
        anonymous head after a cue or before باسم), not "متحدثا عن …"."""
        a, toks = self.a, self.a.toks
        w = toks[j].text
        if j + 1 < len(toks) and toks[j + 1].text in ON_BEHALF:
            return True
        if w not in a.lex.titles and w not in a.lex.anonymous:
            return False
        return j > 0 and a._cue_info(toks[j - 1]) is not None

    def opener(self, idx: int, end_idx: int, vf: "VerbForm") -> tuple[int, bool, bool] | None:
        """(index, after a colon, by the verb's own preposition) of the content opener of the cue at
        ``idx``: a complementizer, a preposition + complementizer, a colon, a quotation mark that opens
        speech (not a short quoted name followed by more words), or the preposition that opens a
        noun-phrase content ("دعا X إلى …"، "ندد X بـ…"، "تحدث X عن …"). None where another cue or the
        reach limit comes first."""
        a, toks = self.a, self.a.toks
        rule = a.lex.np_lemmas.get(vf.lemma_key)
        prep = rule.preposition if rule else None
        j, limit = idx + 1, min(end_idx, idx + 1 + MAX_REGION)
        by_prep = None  # the verb's own preposition: taken only when no complementizer follows it
        closed = False
        q_open, cue_words = a.q_open, a._cue_info_cache  # (read per token: _quote_at_token and _cue_info inlined)
        while j < limit:
            t = toks[j]
            q = q_open.get(t.start)
            if q is not None:
                after = a._tok_index(q.close) + 1
                inner = sum(1 for x in toks[j + 1:after - 1] if x.is_word)
                if (inner <= 3 or (inner <= 6 and (self._titled(toks[j + 1].text) or self._body_head(toks[j - 1].text)))) \
                        and after < end_idx and (
                        toks[after].is_word or toks[after].text in _SEPARATORS
                        or (toks[after].text == ":" and (toks[j - 1].text in ("ل", "لـ")
                                                          or (self._body_head(toks[j - 1].text) and (
                                                              j == idx + 2 or (toks[j - 2].text in ("علي", "في", "عبر")
                                                                               and toks[j + 1].text in a.np.platforms)))
                                                          or (toks[j - 1].text[:1] == "ل" and (
                                                              toks[j - 1].text[1:] in a.programmes
                                                              or toks[j - 1].text[1:] in a.media_heads))))):
                    # (“لـ"سبق": …”، “لقناة "الإخبارية": …”: the outlet spoken to, then the colon; "وأضافت شركة
                    # «موبايلي»: «…»": the subject's name right after the verb, then the colon; "على موقع «تويتر»:": where)
                    j = after  # a quoted name: «الشرق الأوسط»، "المهندس عبدالعزيز آل حسن"
                    continue
                if by_prep is not None:
                    return by_prep, False, True
                return (j, False, False) if j > idx + 1 else None
            w = t.text
            if by_prep is None:
                if w in a.pat.comp_words and not (j - 1 > idx and toks[j - 1].text in a.not_comp_before) \
                        and not (a.np.van_at(toks, j, end_idx) and (
                            j - 2 <= idx or toks[j - 1].text in a.np.given_names)):  # ("لويس فان غال": a name)
                    return j, False, False
                if vf.lemma_key == "رفض" and w in a.declined_opening and j > idx + 1:
                    return j, False, False  # "ورفض المسؤول الحديث عن …"، "رفضت شركة فيسبوك التعليق": the
                    # declining (no statement) opens here, not an adjective of the speaker (39 in the corpus)
                if w in a.pat.comp_preps and j + 1 < end_idx and toks[j + 1].text in a.pat.comp_words \
                        and not a.np.ali_closes_name(toks, j):
                    return j, False, False
                if w == ":":
                    return (j + 1, True, False) if j + 1 < end_idx else None
            if t.is_word and cue_words.get(w, t) is not None and a._cue_info(t) is not None \
                    and not self.noun_participle(j):  # (a word cached as no cue is none: no call)
                break  # another statement starts
            if prep and (by_prep is None or (closed and (w == prep or self._name_in_commas(by_prep)))) \
                    and self.opens_content(j, prep):
                by_prep, closed = j, False  # "دعا X إلى …"، "طالب X بـ…" — unless "… بصفاقس أنيس كمون أن" follows;
                # after a comma it moves on: "أعربت مصر، في بيان صادر عن الخارجية، عن …"، and past a name
                # that only looked glued: "أشاد الرئيس، فلاديمير بوتن، في مقابلة، بنظيره"
            elif by_prep is not None and (w in a.pat.comp_words or w == ":"):
                return None  # a complementizer after the preposition: the walk decides
            elif by_prep is not None and w in ("،", ","):
                closed = True
            j += 1
        return (by_prep, False, True) if by_prep is not None else None

    def _body_head(self, w: str) -> bool:
        """An indefinite body's head, whose own name may follow it in quotes ("جريدة "ذا تايمز أوف إسرائيل"")."""
        return not is_def(w) and (w in self.a.lex.organizations or w in self.a.media)

    def _name_in_commas(self, j: int) -> bool:
        """Token ``j`` (a word glued to a one-letter preposition) ends an apposition: an indefinite word
        between a plain word and a comma ("، فلاديمير بوتن،"), the surname of a name, not a content."""
        toks = self.a.toks
        return (0 < j < len(toks) - 1 and not is_def(toks[j].text[1:]) and toks[j + 1].text in ("،", ",")
                and toks[j - 1].is_word and not is_def(toks[j - 1].text))

    def opens_content(self, j: int, prep: str) -> bool:
        """Token ``j`` is the verb's content preposition, alone or glued ("إلى"، "باقتحام"), not the
        name Ali (على/علي fold alike), باسم, an according phrase or an adverb."""
        a, toks = self.a, self.a.toks
        w = toks[j].text
        nxt = toks[j + 1].text if j + 1 < len(toks) else ""
        if w == "علي" and a.np._ali_name(w, nxt) and (not (j > 0 and a._cue_info(toks[j - 1]) is not None) or (
                a.np.ali_distinct and toks[j].start in a.np.ali_ya)):
            return False  # "علي لاريجاني" — but "وشدد على حرص …" right after the verb is the preposition, unless
            # the article writes the preposition على and this word علي: "أكد علي حسين باكير بأن"
        if w == "علي" and nxt in a.np.not_after_ali:
            return False  # "أكد مجلس الجامعة على مستوى المندوبين …": a set phrase, not the verb's على
        if w == prep:
            return True
        if w in ("بمناسبه", "بجانب", "برفقه", "بصحبه"):
            return False  # "وعد الرئيس، بمناسبة خطاب الاستقلال، بتعديل …": an occasion or company (but "طالبت
            # بحضور اللاعب": the presence is what was demanded)
        return (len(prep) == 1 and w.startswith(prep) and len(w) > 3 and w not in ON_BEHALF
                and w not in _SKIP and w not in a.np.stop and w not in a.np.places and w not in a.reg.keys()
                and a._phrase_at(toks, j, a.according) == j)  # (not "بريطانيا"، "بومبيو": a place or a name)

    # ------------------------------------------------------------- constituents
    def _constituents(self, k: int, stop: int, agr: str | None, objects: bool = False) -> _Constituents | None:
        """The region [k, stop) as noun phrases and adjuncts, or None when a word is left over. With
        ``objects`` (an object-first verb), a plain noun phrase after the subject is read as its object."""
        a, toks = self.a, self.a.toks
        c = _Constituents([])
        known = a.reg.keys()
        chunk = 0
        first = k  # (a quoted name alone is the subject only right after the verb)
        while k < stop:
            t = toks[k]
            w = t.text
            if w in _SEPARATORS:
                if w in ("،", ",") and k + 1 < stop and toks[k + 1].text in a.relative:
                    nk = a._skip_relative(k + 1, stop + 1)  # "، الذي …،"
                    if nk is None or nk > stop:
                        return None
                    k = nk
                    continue
                chunk += 1
                k += 1
                if k < stop and c.nps and self._named(c.nps[0][1]) and self._titled(toks[k].text):
                    end = self._to_separator(k, stop)  # "X، رئيس مجلس إدارة …،": an apposition of title words
                    c.title = c.title or (k, end)
                    k = end
                continue
            share = a.np.share(toks, k, stop, known)
            if share is not None:  # "قال 50 في المئة من المشاركين إن": the share speaks (no time or figure adjunct)
                c.nps.append((chunk, share))
                k = share.end
                continue
            nk = self._adjunct(k, stop, c, bool(c.nps))
            if nk > k:
                k = nk
                continue
            if c.nps and self._title_only(c.nps[-1][1]) and c.nps[-1][1].end == k and w[:1] == "ل" and len(w) > 3:
                k = self._to_separator(k, stop)  # "رئيس الاتحاد الكويتي لأصحاب مكاتب العمالة": the title's complement
                continue
            np_ = self._quoted_np(k, stop, k == first, agr) or self._apposed_name(k, stop, c, chunk, agr) \
                or a.np.parse(toks, k, stop, known, agr)
            if np_ is not None and np_.kind == "anonymous" and toks[np_.start].text in self.outlet_roles:
                np_ = self._with_outlet(np_, stop, c)
            if np_ is not None and self._named(np_) and np_.title_end > np_.start and \
                    toks[np_.title_end].text[:1] == "ل" and np_.end < stop and toks[np_.end].is_word:
                # "رئيس الاتحاد الكويتي لأصحاب مكاتب العمالة، خالد الدخنان،": what follows the title with ل is its
                # complement, not a name; the name comes as an apposition
                c.nps.append((chunk, NP(np_.start, np_.title_end, "person", np_.agreement, np_.title_end,
                                        np_.title_end, np_.head)))
                k = self._to_separator(np_.end, stop)
                continue
            if (np_ is None or np_.end <= k) and not c.nps and (k + 1 == stop or toks[k + 1].text in _SEPARATORS) \
                    and self._lone_name(w):
                # "وأكدت أصالة أن"، "قال جرينبلات، حسب …": a one-word name, whatever its ending
                np_ = NP(k, k + 1, "person", agr, k, k + 1, w)
            if (np_ is None or np_.end <= k) and objects and c.nps and t.is_word and w not in a.np.stop:
                end = max(a.np._def_chain(toks, k + 1, stop), k + 1)  # "منظمات المجتمع الدولي"
                np_ = NP(k, end, "organization", None, k, end, w)
            if np_ is None or np_.end <= k:
                return None  # a word no constituent accounts for
            c.nps.append((chunk, np_))
            k = np_.end
        return c

    def _adjunct(self, k: int, stop: int, c: _Constituents, after_np: bool) -> int:
        """The index after an adjunct at ``k`` (recording via, channel, anonymity), or ``k``."""
        a, toks = self.a, self.a.toks
        w = toks[k].text
        if w in _PRONOUN_ADDRESSEES or w in _SKIP or (w == "لي" and k + 1 == stop):
            return k + 1  # ("لي" right before the opener: "وذكر لي أنها", to me; elsewhere also the name Lee)
        qn = a.np._quoted_name(toks, k, stop)
        if qn == k + 3 and toks[k + 1].text.endswith("يا") and toks[k + 1].text not in a.reg.keys():
            return qn  # a quoted adverb: "نفت الثلاثاء "قطعيا" أن" (not a name in ا: "وقالت «ماركا» إن")
        if qn is not None and k > 0 and (toks[k - 1].text in a.programmes or toks[k - 1].text in a.settings
                                          or toks[k - 1].text in ("علي", "مع")):
            return qn  # "في برنامج «بوليتيكا»"، "عبر «بوليتيكا»": where it was said, not who said it
        if w in ("ل", "لـ") and k + 1 < stop:
            qn = a.np._quoted_name(toks, k + 1, stop)
            if qn is not None:  # "لـ«الشرق الأوسط»"
                c.via = c.via or a.orig(toks[k + 2].start, toks[qn - 2].end)
                return qn
        if w.startswith("ل") and len(w) >= 3:
            v, nk = a._addressee_span(k, stop)
            if nk > k:
                c.via = c.via or v
                nk = nisbas_end(toks, nk, stop)  # "لصحيفة "القبس" الكويتية"
                return nk
        if not after_np and len(w) >= 5 and w[0] == "م" and w[-1] == "ا" and w not in a.reg.keys() and \
                w not in a.time and \
                not (w.endswith("نا") and w[:-2] in a.lex.anonymous) and a._adverbial_next(k + 1, stop):
            obj = a.np.parse(toks, k + 1, stop, a.reg.keys(), None)  # "مخاطبا رئيس الوزراء"، "موجها كلامه"
            return obj.end if obj is not None else k + 1
        kk = a._phrase_at(toks, k, a.time_phrases)
        if kk > k:
            return kk
        kk = a.np.time_span_end(toks, k, stop)
        if kk > k:
            return kk  # "أوائل هذا العام"، "مطلع الأسبوع": then "الماضي" or the next slot
        if a._phrase_at(toks, k, self.adjunct_phrases) > k:
            return self._to_separator(k, stop)  # "ردا على سؤال حول …"، "في معرض رده على …"
        if w in a.time or (w.isdigit() and not (k + 1 < stop and toks[k + 1].text in a.lex.anonymous)):
            return k + 1
        ak = a._phrase_at(toks, k, a.anonymity)
        if ak > k:
            c.anonymous = True
            while ak < stop and toks[ak].is_word and ak - k < 7 and toks[ak].text not in a.relative:
                ak += 1  # "هويته"، "عن اسمه"، "لأنه غير مخول بالحديث"
            return ak
        kk = a._phrase_at(toks, k, a.according)
        if kk > k and kk < stop:
            np_ = a.np.parse(toks, kk, stop, a.reg.keys(), None)
            if np_ is not None:
                c.according.append(k)
                if " ".join(t.text for t in toks[k:kk]) in self.citing:
                    c.source = c.source or np_  # "قالت شبكة X، نقلا عن طبيب المنتخب، إن": the doctor spoke, X carried it
                else:
                    c.via = c.via or a._span_text(np_.start, np_.end)  # "قال جعجع، بحسب الوكالة، إن"
                return np_.end
        platform = a.platform_at(k, stop)
        if platform is not None:
            c.channel = c.channel or toks[platform[0]].text  # "على تويتر"، "عبر «فيسبوك»": where it was posted
            return platform[1]
        if w in ("علي", "عبر") and k + 1 < stop and strip_article(toks[k + 1].text) in a.media_heads:
            v, nk = a._media_np(k + 1, stop, strip_l=False)  # "على قناة «أنتينا 3»"، "عبر موقع تويتر"
            if v:
                c.via = c.via or v
                return nk
        if after_np and w in a.np.guests:
            ch, nk = a._guest_setting(k, stop)  # "قال X ضيف بوليتيكا إن"
            if nk > k:
                c.channel = c.channel or ch
                return nk
        if w in a.settings:
            ch, nk, v = a._setting(k, stop)
            if nk > k + 1:
                c.channel = c.channel or ch
                c.via = c.via or v
                return nk
        if after_np and w in _ADJUNCT_PREPS and k + 1 < stop:
            nk = a.np.place_at(toks, k + 1, stop) or a.np._def_chain(toks, k + 1, stop)
            if nk > k + 1:
                return nk  # "من موقع الحادث"، "في المؤتمر"
        return k

    def _apposed_name(self, k: int, stop: int, c: _Constituents, chunk: int, agr: str | None) -> NP | None:
        """"قال القيادي في الجبهة، الجيلاني الهمامي إن"، "المدير الجهوي للتجارة، محمد الحبيب الجملي إن": after a
        title and its comma, two to four name-like words that run up to the content opener are the person's name,
        its closing comma left out (35 such sentences in ../shared/corpus, most read wrong before: the title alone,
        or the name cut where the parser's name run stops)."""
        if not (chunk and c.nps and 2 <= stop - k <= 4 and self._title_only(c.nps[-1][1])
                and self.a.toks[k - 1].text in ("،", ",")):
            return None
        if not all(self._name_like(t.text) for t in self.a.toks[k:stop]) or self.a.toks[k].text in self.a.lex.titles:
            return None
        return NP(k, stop, "person", agr, k, stop, self.a.toks[k].text)

    def _name_like(self, w: str) -> bool:
        """A word that may stand in a personal name: no particle, verb, time word, lexicon head or adjective."""
        a = self.a
        return (len(w) >= 2 and w.isalpha() and w not in a.np.stop and not a.np.bad_name(w)
                and not a.np.is_institution(w) and w not in a.time and w not in a.lex.adjectives
                and strip_article(w) not in a.lex.adjectives
                and (w in a.lex.given_names or w[:1] not in "وف") and not a.np.spoken_to(w, a.reg.keys()))

    def _lone_name(self, w: str) -> bool:
        """A plain word that no lexicon claims and that is no particle, verb or definite noun."""
        a = self.a
        return (len(w) >= 3 and w.isalpha() and not w.startswith("ال") and w not in a.np.stop
                and not a.np.bad_name(w) and not a.np.is_institution(w) and w[:1] not in "وف"
                and not a.np.spoken_to(w, a.reg.keys()))

    def _strong(self, np_: NP) -> bool:
        """A speaker phrase the lexicons vouch for: a body, an anonymous source, a place, a titled or
        already known person."""
        return np_.kind != "person" or np_.title_end > np_.start or self.a.toks[np_.start].text in self.a.reg.keys()

    def _affiliation(self, np_: NP) -> bool:
        """A lone definite nisba read as a surname ("الجمهوري"، "الديمقراطي"): before a name it is an
        affiliation."""
        w = self.a.toks[np_.start].text
        return np_.end == np_.start + 1 and w.startswith("ال") and w.endswith("ي")

    def _title_only(self, np_: NP) -> bool:
        return np_.kind == "person" and np_.name_end == np_.title_end

    def _quoted_np(self, k: int, stop: int, first: bool = False, agr: str | None = None) -> NP | None:
        """A title and name inside quotation marks ("المهندس عبدالعزيز آل حسن"), read as one phrase; ``first`` (right
        after the verb, whose agreement is ``agr``), a quoted source's name alone."""
        a, toks = self.a, self.a.toks
        q = a._quote_at_token(k)
        if q is None:
            return None
        close = a._tok_index(q.close)
        if close >= stop or close - k > 7:
            return None
        if not self._titled(toks[k + 1].text):
            return self._quoted_source(k, close, stop, agr) if first else None
        inner = a.np.parse(toks, k + 1, close, a.reg.keys(), None)
        if inner is None or inner.end != close or not self._named(inner):
            return None
        return NP(k, close + 1, inner.kind, inner.agreement, inner.title_end, inner.name_end, inner.head)

    def _quoted_source(self, k: int, close: int, stop: int, agr: str | None) -> NP | None:
        """"وقالت «ماركا» إن"، "تقول «واشنطن بوست» إن": one or two quoted words right before the content opener, the
        whole region after the verb, are its subject (a paper, agency or firm by its name alone, so an organization),
        as in the walker's reading; not after a verb of naming (اعتبر، وصف، سمى), whose quoted word is what it was
        called."""
        a, toks = self.a, self.a.toks
        words = toks[k + 1:close]
        if close + 1 != stop or not 1 <= len(words) <= 2 or not all(t.is_word and t.text not in a.np.stop for t in words) \
                or (info := a._cue_info(toks[k - 1])) is None or info[1].lemma_key in ("اعتبر", "وصف", "سمي") \
                or any(t.text in a.reg.keys() for t in words):
            return None  # (a name the article has given is read as it was: "وأكد «عسيري» أن")
        return NP(k, close + 1, "organization", agr, k, close + 1, toks[k + 1].text)  # (mostly a paper or firm)

    def _with_outlet(self, np_: NP, stop: int, c: _Constituents) -> NP:
        """"مراسل فرانس24"، "مراسل بي بي سي": a reporter's outlet belongs to the source and carried it."""
        a = self.a
        if np_.end >= stop:
            return np_
        w = a.toks[np_.end].text
        if not (a._names_medium(np_.end, stop) or w in a.np.media_first or w.rstrip("0123456789") in a.np.media_first):
            return np_
        v, end = a._media_np(np_.end, stop, strip_l=False)
        if not v or end <= np_.end:
            return np_
        c.via = c.via or v
        return NP(np_.start, end, np_.kind, np_.agreement, np_.title_end, end, np_.head)

    def _titled(self, w: str) -> bool:
        lex = self.a.lex
        return w in lex.titles or (w[:1] == "و" and w[1:] in lex.titles) or w in ("احد", "احدي")

    def _apposition_only(self, k: int, stop: int, agr: str | None) -> "_Constituents | None":
        """"وقال قائممقام منطقة سوران بمحافظة أربيل، كرمانج عزت، في تصريحات …، إن": words the grammar cannot
        read before a name set off by commas; the name in commas is the speaker, those words its title, and
        what follows the second comma must be adjuncts."""
        toks = self.a.toks
        first = self._to_separator(k, stop)
        if first >= stop or first == k or toks[first].text not in ("،", ",") or first - k > 10:
            return None
        if strip_article(toks[k].text) in self.unnamed_heads:
            return None  # "كشف مصدر قريب من الكاتب، جمال خاشقجي، …": the name in commas is the one it is close to
        np_ = self.a.np.parse(toks, first + 1, stop, self.a.reg.keys(), agr)
        if np_ is None or np_.kind != "person" or np_.title_end != np_.start or np_.name_end - np_.start < 2 \
                or np_.end >= stop or toks[np_.end].text not in ("،", ",") or any(
                    self.a._cue_info(t) is not None or self.a._publication_verb(t.text) or self.a.np.bad_name(t.text)
                    for t in toks[np_.start:np_.end]):
            return None  # (not a clause in commas: "استطلاع أجراه معهد …، نشرت نتائجه، الخميس، أن")
        rest = self._constituents(np_.end + 1, stop, agr) if np_.end + 1 < stop else _Constituents([])
        if rest is None or rest.nps:
            return None
        rest.nps = [(1, np_)]
        rest.title = (k, first)
        return rest

    def _to_separator(self, k: int, stop: int) -> int:
        toks = self.a.toks
        while k < stop and toks[k].text not in _SEPARATORS:
            k += 1
        return k

    # ----------------------------------------------------------------- speaker
    @staticmethod
    def _named(np_: NP) -> bool:
        return np_.kind == "person" and np_.name_end > np_.title_end

    def _nisba_alone(self, np_: NP) -> bool:
        """A lone definite nisba ("(اليميني)"، "، الأمريكي،"): a label of what came before, not a name."""
        toks = self.a.toks
        w = toks[np_.title_end].text
        return np_.name_end - np_.title_end == 1 and is_def(w) and is_nisba(w) and np_.end == np_.name_end and (
            np_.end >= len(toks) or not toks[np_.end].is_word)  # (not "الباجي قايد السبسي": more name follows)

    def _speaker(self, nps: list[tuple[int, NP]]) -> tuple[NP | None, NP | None]:
        """(speaker NP, title NP) from the region's noun phrases: the first one, unless it is a bare
        title or role noun and a name follows it as an apposition or after its complements."""
        if not nps:
            return None, None
        chunk0, first = nps[0]
        if len(nps) > 1 and first.kind == "person" and (first.title_end > first.start or self._affiliation(first)):
            nxt = nps[1][1]
            if nps[1][0] == chunk0 and nxt.start == first.end and self._named(nxt) and nxt.title_end == nxt.start \
                    and nxt.name_end - nxt.start >= 2 and first.name_end == first.end \
                    and self.a.toks[nxt.start].text not in self.a.np.joiners \
                    and self.a.toks[nxt.start].text[:1] not in "بل":
                # "رئيس مجلس إدارة سكرتارية عربال الدائمة محمد علي النقي"، "الجمهوري جون بينر": the title ran on
                # past what the parser reads as a name; the last name of the run is the person
                return nxt, first
        if self._named(first) or first.kind == "organization" or (
                first.kind == "anonymous" and strip_article(self.a.toks[first.start].text) in self.unnamed_heads) \
                or self._speaks_for_person(first):
            return first, None  # ("مصدر مقرب من الرئيس، X،": X is whom the source is close to; "متحدث باسم رئيسة
            # الوزراء، تيريزا ماي،": she is whom the spokesman speaks for)
        prev = first
        for chunk, np_ in nps[1:]:
            # a name after a bare title, behind its complements ("الرقيب في شرطة «ويتشيتا» بول كيمبل") or
            # as an apposition; after an anonymous head only as an apposition ("مراسل بي بي سي، ستيفن ماكدونيل،")
            if self._named(np_) and (chunk > chunk0 or first.kind == "person" or np_.title_end > np_.start) \
                    and not self._nisba_alone(np_):
                return np_, first
            if np_.kind == "person" and not (prev.kind == "person" and chunk == chunk0 and np_.start == prev.end
                                             and np_.title_end > np_.start):
                break  # a second title without a name: no safe choice (but titles stacked right after the
                # first one describe the same person: "المستشار بالديوان الملكي المشرف العام على …، X،")
            prev = np_
        return first, None

    def _speaks_for_person(self, np_: "NP") -> bool:
        """An indefinite spokesman for a person's office ("متحدث باسم رئيسة الوزراء"): a name after it is that
        person's (but "المتحدث باسم الرئيس، نبيل أبو ردينة،": the spokesman the article names)."""
        toks = self.a.toks
        return np_.kind == "anonymous" and not is_def(toks[np_.start].text) and any(
            toks[b].text == "باسم" and strip_article(toks[b + 1].text) in self.a.lex.titles
            for b in range(np_.start, np_.end - 1))

    def agreeing_body(self, vf: "VerbForm", np_: "NP", idx: int) -> bool:
        """"وهددت موسكو بطرد …"، "ودعت الصين إلى …": a feminine verb and a feminine place or body right
        after it are subject and verb (a dropped subject would leave the verb no reason to be feminine
        more often than not). A masculine verb that opens its sentence or clause agrees with a body listed
        as masculine ("ودعا مجلس الأمن إلى …"، "كما دعا المجلس وزارة الخارجية إلى …"; not "دعا المجتمع
        الدولي إلى …", an addressee, nor "انتقد … وحث الكونغرس على …", a verb sharing the subject of the
        one before it); a person stays ambiguous."""
        if np_.kind != "organization":
            return False
        if vf.agreement == "f.sg":
            return self.a.np.feminine(self.a.toks, np_)
        toks = self.a.toks
        opens = idx in self.a.sentence_heads or (idx > 0 and (toks[idx - 1].text in ("،", ",", "كما") or
                                                              self.a._phrase_at(toks, idx - 1, self.a.clause_breaks) == idx))
        if not (opens and vf.agreement == "m.sg" and self.a.np.listed_gender(toks, np_) == "m"):
            return False
        # a man named in this sentence or the one before may be the dropped subject ("قال خاشقجي …
        # وطالب الغرب بتكرار …"): then the body stays the object
        pos = toks[idx].start
        prev_start = self.a.sents.bounds(max(0, self.a.sents.bounds(pos)[0] - 2))[0]
        prior = self.a.reg.resolve_prodrop("m.sg", pos)
        return prior is None or prior.kind != "person" or prior.last < prev_start

    def read(self, idx: int, vf: "VerbForm", end_idx: int) -> "Slots | None":
        """The slots of the cue at ``idx`` when its whole region parses, else None."""
        from .attribute import Slots

        found = self.opener(idx, end_idx, vf)
        if found is None or found[0] <= idx + 1:
            return None
        content_k, colon, by_prep = found
        stop = content_k - 1 if colon else content_k
        rule = self.a.lex.np_lemmas.get(vf.lemma_key)
        c = self._constituents(idx + 1, stop, vf.agreement, objects=by_prep and rule is not None and rule.object_first)
        if c is None and not by_prep:
            c = self._apposition_only(idx + 1, stop, vf.agreement)
        if c is None:
            return None
        if rule is not None and rule.object_first and c.nps and vf.agreement == "m.sg" and \
                c.nps[0][1].start == idx + 1 and c.nps[0][1].kind == "organization" and \
                self.a.np.listed_gender(self.a.toks, c.nps[0][1]) == "f":
            return None  # "وحذر طهران من أنها …": a masculine verb and a feminine body after it disagree, so the
            # body is the object and the speaker is dropped
        if by_prep and not c.nps:
            # "وكان لافروف دعا خلال المفاوضات إلى …": only adjuncts; the speaker is before the verb or dropped
            return Slots(None, c.via, c.channel, c.anonymous, content_k, colon, None, None, c.title)
        if by_prep and rule is not None and rule.object_first and idx > 0 and \
                self.a.toks[idx - 1].text in ("الذي", "التي", "الذين"):
            # "ميركل التي دعت الحكومة التركية إلى …": the relative's antecedent is the subject, so the noun
            # after the verb is its object and opens the content
            k0 = c.nps[0][1].start if c.nps else content_k
            return Slots(None, c.via, c.channel, c.anonymous, k0, colon, None, None, c.title)
        if by_prep:
            rule = self.a.lex.np_lemmas[vf.lemma_key]
            heads = [np_ for _, np_ in c.nps if np_ is c.nps[0][1] or self.a.toks[np_.start].text[:1] != "و"]
            # ("السعودية والإمارات والبحرين": nouns joined by و are one constituent)
            if not c.nps or (rule.object_first and len(heads) == 1 and (rule.object_required or (
                    c.nps[0][1].kind != "anonymous" and not self.agreeing_body(vf, c.nps[0][1], idx)))):
                return None  # "حث الحكومة على …"، "اتهم زعيم المعارضة بـ…": the noun may be the object
                # (but a group or unnamed source, "وحذر المتظاهرون من …", speaks)
            if not any(self._strong(np_) for _, np_ in c.nps):
                return None  # "يؤكد حرص القيادتين على": no noun the lexicons vouch for as a speaker
            if not rule.keep_preposition and self.a.toks[content_k].text == rule.preposition:
                content_k += 1
        self.a.region_according.update(c.according)  # read as the cue's via or source: no quote of their own
        speaker, title_np = self._speaker(c.nps)
        if c.source is not None:
            if speaker is not None and speaker.kind == "organization":
                c.via = c.via or self.a._span_text(speaker.start, speaker.end)
            speaker, title_np = c.source, None
        if by_prep and speaker is not None and self.a.lex.np_lemmas[vf.lemma_key].object_first:
            obj = next((np_ for _, np_ in c.nps if np_.start >= speaker.end and (
                np_.kind != "person" or self._named(np_))), None)  # (a title after the name is no object)
            if obj is not None:
                content_k = obj.start  # "اتهمت الحكومة إسرائيل بارتكاب …": the object opens the content
        title = c.title
        if title_np is not None and speaker is not None and title_np.end <= speaker.start:
            title = (title_np.start, title_np.end)
        if title is None and speaker is not None and self._named(speaker):
            after = next((np_ for _, np_ in c.nps if np_.start == speaker.end), None)
            if after is not None and after.kind in ("person", "anonymous") and after.title_end > after.start \
                    and after.name_end == after.title_end and self.a.toks[after.start].text in self.a.lex.titles:
                title = (after.start, after.end)  # "كريس فيليرز المتحدث باسم بوينغ": a later "المتحدث" is him
        return Slots(speaker, c.via, c.channel, c.anonymous, content_k, colon, None, None, title)

