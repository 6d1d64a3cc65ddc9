"""The ru and uk dictionaries load light and read every word as pymorphy3's own would."""

from __future__ import annotations

from gateway.knowledge import dictionaries, morphology


def test_packed_paradigm_suffixes_read_as_pymorphy3_wrote_them() -> None:
    # The analysers keep each dictionary's suffixes packed in one string (2.3 MiB of
    # Python strings less in a process that answers); every index reads the same suffix.
    from pymorphy3.opencorpora_dict.storage import load_dict

    for lang in ("ru", "uk"):
        dictionary = dictionaries.analyser(lang).dictionary
        written = load_dict(dictionary.path).suffixes
        assert isinstance(dictionary.suffixes, dictionaries.PackedStrings)
        assert dictionary._data.suffixes is dictionary.suffixes
        assert len(dictionary.suffixes) == len(written)
        assert list(dictionary.suffixes) == written
        assert dictionary.suffixes[-1] == written[-1]
        assert dictionary.suffixes[3:6] == written[3:6]
    # and the forms built from them: a lexeme, a normal form
    analyser = dictionaries.analyser("ru")
    assert [p.word for p in analyser.parse("принтера")[0].lexeme][:3] == [
        "принтер",
        "принтера",
        "принтеру",
    ]
    assert analyser.parse("сетевые")[0].normal_form == "сетевой"


def test_packed_paradigms_read_as_pymorphy3_wrote_them() -> None:
    # The analysers keep each dictionary's paradigms in one array (ru 3,456 and uk 5,008
    # arrays of their own before: ~0.65 MiB more in a process that answers); every index
    # reads the same numbers, and the words built from them are the same.
    from pymorphy3.opencorpora_dict.storage import load_dict

    for lang in ("ru", "uk"):
        dictionary = dictionaries.analyser(lang).dictionary
        written = load_dict(dictionary.path).paradigms
        assert isinstance(dictionary.paradigms, dictionaries.PackedParadigms)
        assert dictionary._data.paradigms is dictionary.paradigms
        assert len(dictionary.paradigms) == len(written)
        assert [list(p) for p in dictionary.paradigms] == [list(p) for p in written]
        assert list(dictionary.paradigms[-1]) == list(written[-1])
        assert [list(p) for p in dictionary.paradigms[2:4]] == [list(p) for p in written[2:4]]
    analyser = dictionaries.analyser("uk")
    assert analyser.parse("принтера")[0].normal_form == "принтер"
    assert [p.word for p in analyser.parse("мережі")[0].lexeme][:2] == ["мережа", "мережі"]
    assert morphology.verb_grammemes("перезагрузил", "ru") >= {"VERB", "past"}


def test_readings_are_ordered_by_pymorphy3s_own_probabilities() -> None:
    # The ru analyser reads P(t|w) from pymorphy3's table loaded without its completion
    # guide (1 MiB less in a process that answers): every reading of a word gets the same
    # score, in the same order, so the same lemma, as with pymorphy3's own estimator.
    import dawg
    import pymorphy3
    from pymorphy3.units import KnownSuffixAnalyzer

    ours = dictionaries.analyser("ru")
    assert not isinstance(ours.prob_estimator.p_t_given_w, dawg.CompletionDAWG)
    assert dictionaries.analyser("uk").prob_estimator is None  # uk has no table, as before

    def known(units: list[object]) -> list[object]:
        return [u for u in units if not isinstance(u, KnownSuffixAnalyzer)]

    units = [known(u) if isinstance(u, list) else u for u in known(pymorphy3.lang.ru.DEFAULT_UNITS)]
    stock = pymorphy3.MorphAnalyzer(lang="ru", units=units)
    assert stock.prob_estimator is not None
    words = [
        *("стали", "печать", "принтера", "почту", "пароль", "сети", "мыла", "вина", "мой"),
        *("знаю", "войти", "ключи", "окна", "доступа", "белка", "уже", "как", "где", "все"),
        *("роутер", "сервер", "ноутбук", "заблокировали", "учетная", "запись", "экран"),
    ]
    for word in words:
        theirs = [(p.normal_form, str(p.tag), p.score) for p in stock.parse(word)]
        assert [(p.normal_form, str(p.tag), p.score) for p in ours.parse(word)] == theirs
    assert {p.score for p in ours.parse("стали")} != {1.0}  # the scores are the table's
