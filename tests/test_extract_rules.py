"""Extractor behaviour on sentences written for these tests (MSA news style)."""
from __future__ import annotations

import pytest

from quotetrack import extract


from quote_checks import one_quote as one


def test_vso_title_and_name_indirect():
    q = one("وقال وزير الخارجية الفرنسي جان إيف لودريان إن المفاوضات ستستأنف الأسبوع المقبل.")
    assert q.type == "indirect"
    assert q.cue == "قال" and q.cue_lemma == "قال"
    assert q.speaker == "جان إيف لودريان"
    assert q.title == "وزير الخارجية الفرنسي"
    assert q.gender == "m" and q.speaker_kind == "person"
    assert q.content.startswith("إن المفاوضات") and q.content.endswith("المقبل")


def test_feminine_verb_gives_gender_and_pro_drop_follows_agreement():
    text = ("وقالت المتحدثة باسم الحكومة سلمى الخطيب إن الميزانية ستقر قريبا. "
            "وقال وزير المالية سامر حداد إن العجز تراجع. وأضافت أن الرواتب لن تتأثر.")
    qs = extract(text)
    assert [q.cue for q in qs] == ["قالت", "قال", "أضافت"]
    assert qs[0].gender == "f"
    # "وأضافت" is feminine: it skips the nearer masculine speaker
    assert qs[2].speaker == qs[0].speaker and qs[2].mention is None
    assert qs[2].rule.endswith("prodrop")


def test_hal_participle_splits_two_quotes_same_speaker():
    qs = extract("وأكد رئيس البلدية كريم منصور أن المياه ستعود غدا، مشيرا إلى أن الأعطال أصلحت.")
    assert [q.cue for q in qs] == ["أكد", "مشيرا"]
    assert qs[1].speaker == qs[0].speaker == "كريم منصور"
    assert qs[0].content.endswith("غدا")
    assert qs[1].content.startswith("إلى أن")


def test_direct_quote_after_colon_guillemets():
    q = one("وقال المتحدث باسم الجيش في بيان: «لن نسمح بتكرار الهجوم».")
    assert q.type == "direct"
    assert q.content == "لن نسمح بتكرار الهجوم"
    assert q.channel is not None and "بيان" in q.channel


@pytest.mark.parametrize("opening,closing", [("“", "”"), ("”", "“"), ('"', '"'), ("«", "»")])
def test_direct_quote_in_every_mark_style(opening: str, closing: str):
    q = one(f"وأضاف الوزير {opening}الوضع تحت السيطرة تماما{closing}.")
    assert q.type == "direct"
    assert q.content == "الوضع تحت السيطرة تماما"


def test_mixed_quote_keeps_the_fragment():
    q = one('وقالت الوزارة إن الهجوم "انتهاك صارخ للقانون الدولي" ولن يمر دون رد.')
    assert q.type == "mixed"
    assert '"انتهاك صارخ للقانون الدولي"' in q.content
    assert q.speaker_kind == "organization"


def test_anonymous_source_with_anonymity_clause():
    q = one("وقال مسؤول عسكري، طلب عدم الكشف عن هويته، إن القوات انسحبت من البلدة.")
    assert q.speaker_kind == "anonymous"
    assert q.anonymous
    assert q.content.startswith("إن القوات")


def test_intermediary_nuqila_an():
    q = one("ونقلت صحيفة الغارديان عن مصادر دبلوماسية قولها إن الاجتماع أرجئ.")
    assert q.speaker == "مصادر دبلوماسية"
    assert q.speaker_kind == "anonymous"
    assert q.via is not None and "الغارديان" in q.via


def test_addressee_outlet_is_via_not_speaker():
    q = one("وقال مسؤول في وزارة النفط لوكالة رويترز إن الإنتاج سيعود إلى طبيعته.")
    assert "مسؤول" in q.speaker
    assert q.via is not None and "رويترز" in q.via


@pytest.mark.parametrize("text,outlet", [
    ("وبحسب وكالة الأنباء الإيرانية، فقد أكد وزير الخارجية محمد جواد ظريف أمس أن العقوبات سترفع.", "الإيرانية"),
    ("وقال الوزير على قناة الجزيرة إن الحكومة مستعدة للحوار.", "الجزيرة"),
    ("وقالت الوزيرة في مقابلة مع «واشنطن بوست» إن الاتفاق صامد.", "واشنطن بوست"),
    ("وقال رائد خوري في مقابلة مع CNN إن الاقتصاد يتعافى.", "CNN"),
])
def test_via_from_leading_according_settings_and_channels(text: str, outlet: str):
    q = one(text)
    assert q.via is not None and outlet in q.via, q.via


def test_interview_partner_that_is_no_outlet_is_no_via():
    q = one("وقال الرئيس في لقاء مع وفد من رجال الأعمال إن الاقتصاد يتعافى.")
    assert q.speaker == "الرئيس" and q.via is None


def test_pro_drop_continuation_keeps_the_interview_outlet():
    text = ("وقال الوزير أحمد سالم في مقابلة مع وكالة رويترز إن المفاوضات متعثرة. "
            "وأضاف أن الوفد سيعود الأسبوع المقبل.\nوقال إن الحل قريب.")
    qs = extract(text)
    assert [q.speaker for q in qs] == ["أحمد سالم"] * 3
    assert [bool(q.via and "رويترز" in q.via) for q in qs] == [True, True, False]  # a new paragraph: no carry


def test_own_outlet_is_never_via():
    text = "وقال الوزير في حديثه لـ«سبق» إن المشروع سيكتمل العام المقبل."
    assert one(text).via == "سبق"
    assert extract(text, outlet="صحيفة سبق")[0].via is None
    assert extract(text, outlet="الجزيرة")[0].via == "سبق"


def test_contrast_clause_stays_in_the_content_unless_a_new_statement_follows():
    q = one("وقال الوزير إن الصادرات بلغت مليار دولار، في حين بلغت الواردات ثلاثين مليونا فقط.")
    assert q.content.endswith("ثلاثين مليونا فقط")
    qs = extract("وقال الوزير إن الصادرات بلغت مليار دولار، في حين قال النائب سامي حداد إن الرقم مبالغ فيه.")
    assert [q.speaker for q in qs] == ["الوزير", "سامي حداد"]
    assert qs[0].content.endswith("مليار دولار")


def test_relative_clause_verb_that_does_not_agree_has_a_dropped_subject():
    qs = extract("وقال نتانياهو إن القرار صائب. ولم يذكر نتانياهو أسماء الدول الأخرى التي قال إنها تدرس نقل سفاراتها.")
    assert [q.speaker for q in qs] == ["نتانياهو", "نتانياهو"]
    q = one("وقال الناطق إن تصريحات المرشد علي خامنئي، التي أكد فيها أن الحرب مستمرة، مقلقة.")
    assert q.speaker == "الناطق"  # the relative clause sits inside the content: one quote


def test_labelled_quote_belongs_to_the_main_verbs_subject():
    text = ("من جهته، ندد رئيس الوزراء العراقي مصطفى الكاظمي بالضربات التي اعتبرها “انتهاكًا سافرًا للسيادة”. "
            "أما المتحدث باسم الخارجية ناصر كنعاني فقال إن “ما جرى يزعزع أمن المنطقة”.")
    assert [q.speaker for q in extract(text)] == ["مصطفى الكاظمي", "ناصر كنعاني"]


def test_organization_with_a_one_word_name_in_a_title():
    q = one("وأشار رئيس شرطة تورنتو مارك سوندرز إلى أن العمل يبدو متعمدا.")
    assert q.speaker == "مارك سوندرز" and q.title == "رئيس شرطة تورنتو"


def test_glued_waw_on_a_word_that_only_starts_an_according_phrase_does_not_end_the_content():
    q = one("وأضاف الوزير أن التمرد يشكل اعتداء على حق الشعوب، وعلى الأخص حرية الشعب اليمني في اختيار نظامه.")
    assert q.content.endswith("في اختيار نظامه")
    q = extract("وأضاف الوزير أن التمرد يشكل اعتداء على حق الشعوب، وبحسب الوزارة فإن الحل سياسي.")[0]
    assert q.content.endswith("حق الشعوب")


def test_carrier_then_bare_verbal_noun_then_speaker():
    q = one("ونقلت الصحف تأكيد الرئيس السيسي أن المملكة ومصر هما جناحا الأمن القومي.")
    assert q.speaker == "السيسي" and q.via == "الصحف" and q.content.startswith("أن المملكة")


def test_dropped_subject_goes_to_the_one_known_person_named_in_its_sentence():
    text = ("وقال فريغر أنينغ إن الهجرة يجب أن تتوقف. وقال السناتور ديرين هينش إن الخطاب مسيء. "
            "وعلى الرغم من الانتقادات لم يشعر أنينغ بالأسف وأكد أنه لم يكن يعلم.")
    assert [q.speaker for q in extract(text)] == ["فريغر أنينغ", "ديرين هينش", "فريغر أنينغ"]


def test_adverbial_participle_and_its_object_are_not_the_speaker():
    qs = extract("وقال دمرداش إن السلام مهم. وأضاف مخاطبا رئيس الوزراء أحمد داود أوغلو «قد يتشكل ائتلاف وقد لا يتشكل».")
    assert [q.speaker for q in qs] == ["دمرداش", "دمرداش"]
    q = one("وقالت ماريا زاخاروفا إن موسكو سترد.")
    assert q.speaker == "ماريا زاخاروفا"  # a name in م…ا followed by a surname stays a name


def test_subject_before_a_relative_clause_and_comma_then_verb():
    q = one("وحتى بولين هانسون التي تقود حزب أمة واحدة الذي يدعو إلى وقف الهجرة، رأت أن أنينغ ذهب بعيدا جدا.")
    assert q.speaker == "بولين هانسون"
    q = one("لكن ترامب، الذي عارض الاتفاق بشدة، قال يوم الثلاثاء إنه معيب.")
    assert q.speaker == "ترامب"


def test_fronted_subject_makes_the_noun_after_the_verb_its_object():
    q = one("لكن موسكو انتقدت الولايات المتحدة لعدم قيامها بالتنسيق مع سوريا.")
    assert q.speaker == "موسكو" and q.content.startswith("الولايات المتحدة")
    q = one("ولكن الحكومة السورية نفت استخدامها للأسلحة الكيميائية.")
    assert q.speaker == "الحكومة السورية" and q.content.startswith("استخدامها")


def test_verb_inside_a_trailing_according_phrase_makes_one_quote():
    qs = extract("قررت رومانيا نقل سفارتها إلى القدس، وفق ما أعلن ليفيو دراغنيا رئيس الحزب الحاكم الخميس.")
    assert [(q.speaker, q.content) for q in qs] == [("ليفيو دراغنيا", "قررت رومانيا نقل سفارتها إلى القدس")]


def test_an_after_a_modal_is_not_the_cues_complementizer():
    assert extract("وأدلى كيري بشهادته في مجلس الشيوخ ومن المقرر أن يتحدث وزير الدفاع أمام المشرعين.") == []


def test_leading_according_content_ends_before_the_next_statement():
    qs = extract("وبحسب السفير قوطالي فإن الحديث يدور عن إنشاء مركز صناعي في تونس، إذ قال: «اتفقنا على إقامة شراكة».")
    assert [(q.speaker, q.content) for q in qs] == [
        ("قوطالي", "فإن الحديث يدور عن إنشاء مركز صناعي في تونس"), ("قوطالي", "اتفقنا على إقامة شراكة")]


@pytest.mark.parametrize("text,speaker,via", [
    ("وقال ستروميا لبي بي سي إن البيانات تظهر ذلك.", "ستروميا", "بي بي سي"),
    ("وقال الوزير لسكاي نيوز عربية إن الوضع مستقر.", "الوزير", "سكاي نيوز"),
])
def test_addressee_outlet_of_several_words(text: str, speaker: str, via: str):
    q = one(text)
    assert (q.speaker, q.via) == (speaker, via)


def test_representatives_seat_is_part_of_the_title():
    q = one("وقال النائب عن القدس أحمد عطون إن الاحتلال يصعد.")
    assert (q.speaker, q.title) == ("أحمد عطون", "النائب عن القدس")


def test_definite_remention_of_a_carrier_resolves_to_it():
    text = ("وذكرت صحيفة الوطن الكويتية أن الاسم سيتغير. ونقلت صحيفة عكاظ السعودية عن مصدر مسؤول قوله إن التسجيل "
            "ممنوع. ولفتت الصحيفة إلى أن الطفلة بصحة جيدة.")
    assert "عكاظ" in extract(text)[-1].speaker


def test_not_ruling_out_is_a_statement_but_not_saying_is_not():
    qs = extract("وقال ترامب إن الحوار ممكن. ولم يستبعد ترامب عقد لقاء قمة في وقت لاحق.")
    assert [(q.speaker, q.content) for q in qs][-1] == ("ترامب", "عقد لقاء قمة في وقت لاحق")
    assert extract("ولم يقل الوزير إن الحوار ممكن.") == []


def test_light_verbs_with_a_speech_noun():
    q = one("من جهته، قدم الرئيس الأميركي دونالد ترمب تهانيه إلى فرنسا بعد فوزها بكأس العالم.")
    assert (q.speaker, q.cue, q.content) == ("دونالد ترمب", "قدم", "تهانيه إلى فرنسا بعد فوزها بكأس العالم")
    q = one("من جانبه، تقدم وزير الخارجية رياض المالكي بالشكر للسعودية لدعوتها لهذا الاجتماع.")
    assert q.speaker == "رياض المالكي" and q.content.startswith("بالشكر")
    assert extract("وقدم وزير الخارجية سامح شكري عرضا للأوضاع. وتقدم الجيش نحو المدينة.") == []


@pytest.mark.parametrize("tail", ["وذلك في إشارة إلى الاتفاق", "في إشارة إلى الاتفاق", "لكنه حذر من التسرع"])
def test_quote_after_the_cue_then_narration_is_direct(tail: str):
    q = extract(f"وقال الوزير “كان الأسد شريكا شرعيا في تدمير الأسلحة” {tail}.")[0]  # ("لكنه حذر" is a 2nd)
    assert (q.type, q.content) == ("direct", "كان الأسد شريكا شرعيا في تدمير الأسلحة")


def test_anonymity_clause_without_commas_before_the_content():
    q = one("وقال عقيد في شرطة محافظة الأنبار طلب عدم كشف هويته إن الوضع صعب.")
    assert (q.speaker, q.speaker_kind, q.content) == ("عقيد في شرطة محافظة الأنبار", "anonymous", "إن الوضع صعب")


def test_more_stance_verbs_and_repeated_statements():
    q = one("وتعجّب الخبير إبراهيم آل مرعي من عدم مقدرة الولايات المتحدة على السيطرة.")
    assert (q.speaker, q.cue, q.content) == ("إبراهيم آل مرعي", "تعجّب", "عدم مقدرة الولايات المتحدة على السيطرة")
    qs = extract("وقال الخبير: الشعب متلاحم، مكرراً قوله بأنه من اللازم رفع الحس الأمني.")
    assert [q.cue for q in qs] == ["قال", "مكرراً"] and qs[1].content.startswith("بأنه")


@pytest.mark.parametrize("text,speaker", [
    ("وأشارت وسائل إعلام بريطانية إلى أن قيمة الصفقة تصل إلى مليار.", "وسائل إعلام بريطانية"),
    ("وذكرت وسائل الإعلام المحلية أن الحادث وقع أمس.", "وسائل الإعلام المحلية"),
])
def test_unnamed_media_are_one_anonymous_source(text: str, speaker: str):
    q = one(text)
    assert (q.speaker, q.speaker_kind) == (speaker, "anonymous")


def test_title_after_the_name_and_titles_in_construct_with_a_country():
    q = one("انتقدت تشوي سون هوي نائبة وزير خارجية كوريا الشمالية مايك بنس لمقارنته كوريا الشمالية بليبيا.")
    assert q.speaker == "تشوي سون هوي" and q.content.startswith("مايك بنس")
    q = one("وقال وزير خارجية روسيا سيرغي لافروف إن الحل سياسي.")
    assert (q.speaker, q.title) == ("سيرغي لافروف", "وزير خارجية روسيا")


def test_adverbs_addressees_and_imperatives_are_not_speakers():
    q = one("وقال آبي لنواب البرلمان إن الاقتصاد يتعافى.")
    assert q.speaker == "آبي"
    q = one("ونفى أردوغان مرارا ارتكاب مخالفات.")
    assert q.speaker == "أردوغان" and q.content.endswith("ارتكاب مخالفات")
    assert extract("اقرأ أيضا: ما الذي يعنيه ذلك.") == []


def test_trailing_attribution_as_only_attribution():
    q = one("وارتفع عدد الضحايا إلى عشرين شخصا، بحسب وزارة الصحة.")
    assert q.cue == "بحسب"
    assert q.speaker == "وزارة الصحة"
    assert q.content.endswith("شخصا")


def test_trailing_attribution_repeat_makes_no_second_quote():
    qs = extract("وقالت الوكالة إن القصف استهدف مخزنا للذخيرة، حسب الوكالة.")
    assert len(qs) == 1
    assert qs[0].content.endswith("للذخيرة")


def test_quote_then_speaker_order():
    q = one("«الوضع الإنساني كارثي»، قال مدير المستشفى سامي الخطيب.")
    assert q.type == "direct"
    assert q.content == "الوضع الإنساني كارثي"
    assert q.speaker == "سامي الخطيب"


def test_later_surname_resolves_to_full_name():
    qs = extract("وقال المبعوث الأممي هانس فيشر إن الجولة المقبلة ستعقد في جنيف. وأوضح فيشر أن الطرفين وافقا.")
    assert len(qs) == 2
    assert qs[1].speaker == "هانس فيشر"
    assert qs[1].mention == "فيشر"


def test_definite_remention_resolves_to_organization():
    qs = extract("وقالت وكالة الأنباء الرسمية إن القوات دخلت المدينة. وأضافت الوكالة أن الأهالي بدأوا العودة.")
    assert len(qs) == 2
    assert qs[1].speaker == qs[0].speaker == "وكالة الأنباء الرسمية"


@pytest.mark.parametrize("text", [
    "ولم يعلق البيت الأبيض على التقرير.",
    "ولم يقل أي مسؤول إن الزيارة ألغيت.",
    "وشن التحالف غارات على مواقع تنظيم «الدولة الإسلامية» في ريف المحافظة.",
    "وتأكدت الشرطة من هوية المشتبه به في الذكرى الأولى لاستقالة رئيس البلدية.",
    "ويذكر أن المدينة شهدت احتجاجات واسعة العام الماضي.",
    "ومن المتوقع أن يعلن الرئيس خطة جديدة الشهر المقبل.",
])
def test_no_false_positives(text: str):
    assert extract(text) == []


def test_diacritics_and_tatweel_do_not_break_matching_and_offsets_stay_original():
    text = "وَقَالَــت الوزارةُ إنَّ الوضعَ مستقرٌّ."
    q = one(text)
    assert q.cue == "قَالَــت"
    assert q.content == "إنَّ الوضعَ مستقرٌّ"
    assert text[q.start:q.end] == q.content


def test_multi_paragraph_direct_quote_is_one_quote():
    text = "وقال الصياد: «كنا نخرج إلى البحر قبل الفجر.\n«اليوم لا نستطيع الابتعاد عن الشاطئ»."
    q = one(text)
    assert q.type == "direct"
    assert q.content.startswith("كنا نخرج") and q.content.endswith("الشاطئ")


def test_every_quote_has_a_rule_and_stance_for_verbs():
    qs = extract("وحذر الأمين العام للمنظمة من أن الوضع ينذر بكارثة. ونفت الحكومة أن تكون قواتها قصفت المدينة.")
    assert [q.stance for q in qs] == ["warning", "denial"]
    assert all(q.rule for q in qs)


@pytest.mark.parametrize("text,speaker,title", [
    ("وقال الرئيس السيسي إن مصر لن تتراجع عن موقفها.", "السيسي", "الرئيس"),
    ("وقال الرئيس الروماني كلاوس يوهانيس إن القرار لم يتخذ بعد.", "كلاوس يوهانيس", "الرئيس الروماني"),
    ("وقال السفير التونسي لدى روسيا علي قوطالي إن الاتفاق جاهز.", "علي قوطالي", "السفير التونسي لدى روسيا"),
])
def test_title_and_name_split(text: str, speaker: str, title: str):
    q = one(text)
    assert q.speaker == speaker
    assert q.title == title


def test_object_before_preposition_is_not_the_speaker():
    qs = extract("وقال وزير الداخلية سامر حداد إن الوضع مستقر. وحث الحكومة على الإسراع في صرف التعويضات.")
    assert len(qs) == 2
    assert qs[1].speaker == "سامر حداد"
    assert qs[1].content.startswith("الحكومة على")


def test_homograph_preposition_is_not_a_cue():
    assert extract("ونشر الوزير فيديو عبر حسابه على تويتر يظهر الحادث.") == []


def test_between_is_not_the_verb_bayyana():
    assert extract("وجرت المباراة بين فرنسا وكرواتيا في موسكو أمس.") == []
    q = one("وبين الوزير أن المشروع سينتهي العام المقبل.")
    assert q.cue_lemma == "بيّن" and q.content.startswith("أن المشروع")


def test_ma_plus_verb_with_object_pronoun():
    q = one("وتعمقت العلاقات بين البلدين، وهو ما أكده الرئيس السيسي في كلمته بأن مصر والسعودية معا.")
    assert q.cue == "أكده"
    assert q.speaker == "السيسي"
    assert q.content.startswith("بأن مصر")


def test_intermediary_inside_the_cue_zone():
    q = one('وقال الرئيس كما نقلت عنه وكالة تاس الروسية "نجحنا في تنظيم البطولة".')
    assert q.type == "direct"
    assert q.speaker == "الرئيس"
    assert q.via is not None and "تاس" in q.via


def test_hal_participle_after_a_non_cue_main_verb_takes_its_subject():
    text = ("وقال وزير الرياضة عادل سالم إن البطولة نجحت. "
            "من جانبه، قدم الرئيس الأميركي دونالد ترمب تهانيه إلى فرنسا، معتبرا أن لاعبيها قدموا أداء رائعا.")
    qs = extract(text)
    assert [q.cue for q in qs] == ["قال", "قدم", "معتبرا"]  # the light verb "قدم تهانيه" is a statement too
    assert [q.speaker for q in qs[1:]] == ["دونالد ترمب", "دونالد ترمب"]
    assert qs[1].content == "تهانيه إلى فرنسا"


@pytest.mark.parametrize("text,speaker", [
    ("ومن جهته أكد الناطق الرسمي باسم حركة نداء تونس بوجمعة الرميلي أنه تم الاتفاق.", "بوجمعة الرميلي"),
    ("وقال المتحدث باسم حركة حماس فوزي برهوم إن الاحتلال يتحمل المسؤولية.", "فوزي برهوم"),
])
def test_spokesperson_of_a_named_body(text: str, speaker: str):
    assert one(text).speaker == speaker


def test_quoted_name_inside_indirect_content_keeps_it_indirect():
    q = one('وقالت الوزارة إن بريطانيا اختارت اسم "نوفيتشوك" لأنه يبدو روسيا.')
    assert q.type == "indirect"


def test_illa_anna_is_not_a_complementizer():
    qs = extract("وعلى الرغم من أن الاتفاق ينفي الشبهات، إلا أن روايته تناقض الرواية الرسمية.")
    assert qs == []


def test_leading_adverbial_is_not_a_speaker():
    text = "وقال الخبير الأمني إبراهيم آل مرعي إن الخطر قائم. وفي ذات السياق أكد أنه لا يمكن تجاهل التهديد."
    qs = extract(text)
    assert [q.speaker for q in qs] == ["إبراهيم آل مرعي", "إبراهيم آل مرعي"]
    assert qs[1].mention is None


def test_document_speaks_for_its_issuer_and_carrier_is_via():
    qs = extract("وأعربت مصر، في بيان صادر عن وزارة الخارجية، عن إدانتها الشديدة للهجوم. "
                 "وأكد البيان رفض مصر القاطع لاستخدام القوة.")
    assert len(qs) == 2
    assert qs[0].channel is not None and qs[0].channel.startswith("بيان")
    assert qs[1].speaker == "وزارة الخارجية" and qs[1].mention == "البيان"
    q = one("وأدانت سوريا “العدوان الأميركي السافر”، وفق بيان لوزارة الخارجية أوردته وكالة الأنباء السورية.")
    assert q.type == "direct" and q.via == "وكالة الأنباء السورية" and q.channel == "بيان"


def test_genitive_name_in_a_title_then_the_person():
    q = one("وقال مستشار خامنئي الدكتور علي أكبر ولايتي: إن المفاوضات انتهت.")
    assert q.speaker == "علي أكبر ولايتي"


def test_subject_of_a_non_cue_sentence_takes_the_following_pro_drop():
    text = ("بدوره، دعا وزير الدولة أنور قرقاش إلى تحقيق دولي. "
            "من جانبه، تقدم وزير الخارجية الفلسطيني رياض المالكي بالشكر للسعودية. "
            "واقترح أن تستدعي الدول العربية سفراءها.")
    qs = extract(text)
    assert qs[-1].cue == "اقترح" and qs[-1].speaker == "رياض المالكي"


def test_coordinated_titles_are_not_names():
    q = one("وقال المستشار أحمد الفضالي رئيس تيار الاستقلال ورئيس حزب السلام إن العلاقات متينة.")
    assert q.speaker == "أحمد الفضالي"


def test_verbal_noun_with_possessive_speaker():
    text = "وقال السيناتور فريغر أنينغ إن الهجرة مرتفعة. كما أثار استياء المعارضة بدعوته إلى منع دخول المهاجرين."
    qs = extract(text)
    assert [q.cue for q in qs] == ["قال", "دعوته"]
    assert qs[1].speaker == "فريغر أنينغ" and qs[1].content.startswith("إلى منع")
    assert extract("وأثارت تصريحاته الأخيرة جدلا واسعا.") == []


def test_number_before_anonymous_source_and_complement_of_mutalia():
    q = one("وكشفت 3 مصادر مطلعة على القضية، في تصريحات خاصة، أن المحققين أنهوا عملهم.")
    assert q.speaker_kind == "anonymous"
    assert q.speaker.startswith("3 مصادر مطلعة")
    assert q.content.startswith("أن المحققين")


def test_title_in_construct():
    q = one("ومن جهة أخرى، قال وزير حقوق الإنسان عزالدين الأصبحي، إن الانتهاكات مستمرة.")
    assert q.speaker == "عزالدين الأصبحي" and q.title == "وزير حقوق الإنسان"


def test_nuqila_an_with_quoted_outlet_name():
    q = one("ونقلت وكالة «باس نيوز» الكردية عن مصدر مطلع في رئاسة الإقليم قوله إن الاتصال جرى أمس.")
    assert q.speaker_kind == "anonymous" and q.speaker.startswith("مصدر مطلع")
    assert q.via is not None and "باس نيوز" in q.via


def test_apposition_with_huwa_gives_the_name():
    q = one("وقال زميل آخر له، هو آري بلف، إن المشتبه به كان منعزلا.")
    assert q.speaker == "آري بلف"


def test_country_object_of_warned_is_not_the_speaker():
    text = "وقال الرئيس الأميركي دونالد ترامب إن الجيش جاهز. وحذر كوريا الشمالية من أي عمل طائش."
    qs = extract(text)
    assert [q.speaker for q in qs] == ["دونالد ترامب", "دونالد ترامب"]
    assert qs[1].content.startswith("كوريا الشمالية")


@pytest.mark.parametrize("text,speaker", [
    ("ومن جانبه قال زعيم «حزب الله» اللبناني حسن نصر الله امس إن الحزب يثق بالدعم.", "حسن نصر الله"),
    ("وأكدت وزارة خارجية جنوب أفريقيا أن أحد مواطنيها قتل.", "وزارة خارجية جنوب أفريقيا"),
    ("وقالت حكومة إقليم كردستان إنها تحتاج إلى المال.", "حكومة إقليم كردستان"),
    ("كشفت صحيفة كويتية، الجمعة، أن الاجتماع تأجل.", "صحيفة كويتية"),
])
def test_bodies_and_their_leaders(text: str, speaker: str):
    assert one(text).speaker == speaker


def test_verb_form_after_a_preposition_is_a_noun():
    assert extract("وعلى الرغم من نفي وزير الخارجية الإيراني محمد ظريف لهذه التقارير استمر الجدل.") == []


def test_same_source_remention():
    qs = extract("وقال مصدر أمني إن الهجوم وقع فجرا. وقال نفس المصدر إن التحقيق مستمر.")
    assert [q.speaker for q in qs] == ["مصدر أمني", "مصدر أمني"]


@pytest.mark.parametrize("text,speaker", [
    ("وكشف رئيس وزراء إسرائيل أن إيران توسع نطاق صواريخها.", "رئيس وزراء إسرائيل"),
    ("ويرى خبير التغذية البريطاني، ريانون لامبيت، أن البيض مفيد.", "ريانون لامبيت"),
    ("وأكد مدرب المنتخب جورج ايفانوف أن الفريق قادر على الفوز.", "جورج ايفانوف"),
])
def test_more_titles(text: str, speaker: str):
    assert one(text).speaker == speaker


def test_bayna_needs_a_speaker_after_it():
    assert extract("وفي التقرير الذي تناول الفترة بين العام 2012 و2017 أن المواطنين يتمتعون بمعدلات.") == []


def test_set_phrases_and_relative_clauses_are_not_statements():
    assert extract("وردا على سؤال بشأن الانتخابات، ابتسم الوزير.") == []
    # a cue verb inside a relative clause ("التي نادت بها") neither starts a quote nor ends the one it sits in
    text = "وقال وزير المالية أحمد سالم إن الحكومة ستنفذ الإصلاحات التي نادت بها المرجعية."
    assert [(q.speaker, q.content) for q in extract(text)] == [
        ("أحمد سالم", "إن الحكومة ستنفذ الإصلاحات التي نادت بها المرجعية")]
