"""English word frequencies from wordfreq."""

from __future__ import annotations

from bot.matching.lexicon import Lexicon


def test_real_words_and_typos() -> None:
    lexicon = Lexicon()
    assert lexicon.is_word("transfer") and lexicon.is_word("pizza")
    assert not lexicon.is_word("diffrence") and not lexicon.is_word("transfomer")


def test_chat_spellings_and_stemmed_plurals_are_found() -> None:
    lexicon = Lexicon()
    assert lexicon.zipf("arent") >= lexicon.zipf("aren't") > 4
    assert lexicon.zipf("businesse") == lexicon.zipf("businesses") > 3


def test_salience_falls_with_how_common_a_word_is() -> None:
    lexicon = Lexicon()
    assert lexicon.salience("horoscope") == 1.0
    assert lexicon.salience("neural") > lexicon.salience("pizza") > lexicon.salience("thing")
    assert lexicon.salience("the") < 0.1


def test_parts_of_speech_tell_a_noun_from_a_verb_or_an_adjective() -> None:
    lexicon = Lexicon()
    assert lexicon.can_name("guitar") and lexicon.can_name("basement")
    assert not lexicon.can_name("mentioned") and not lexicon.can_name("risky")
    assert lexicon.can_describe("risky") and lexicon.can_describe("electrical")
    assert not lexicon.can_describe("honestly") and not lexicon.can_describe("says")


def test_a_gerund_and_an_unknown_word_may_name_something() -> None:
    lexicon = Lexicon()
    assert lexicon.can_name("coaching")  # "nlp coaching": the -ing form of a verb is a noun
    assert lexicon.can_name("kubernetes") and lexicon.can_describe("qwertyuiop")
