"""English word frequencies from wordfreq."""

from __future__ import annotations

from bot.matching.lexicon import CHATTY_WEIGHT, Lexicon


def test_real_words_and_typos() -> None:
    lexicon = Lexicon()
    assert lexicon.is_word("transfer") and lexicon.is_word("pizza")
    assert not lexicon.is_word("diffrence") and not lexicon.is_word("transfomer")


def test_chat_spellings_and_stemmed_plurals_are_found() -> None:
    lexicon = Lexicon()
    assert lexicon.zipf("arent") >= lexicon.zipf("aren't") > 4
    assert lexicon.zipf("businesse") == lexicon.zipf("businesses") > 3


def test_closed_class_words_weigh_as_chat_glue() -> None:
    # Round 45: "none of them exist" weighed "none" as a rare noun (0.285), which left a
    # story of made-up references unexplained
    lexicon = Lexicon()
    for word in ("none", "whose", "whom", "neither", "whatever"):
        assert lexicon.salience(word) == CHATTY_WEIGHT
    assert lexicon.salience("numbers") > CHATTY_WEIGHT


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
    assert lexicon.may_be_verb("mentions") and lexicon.may_be_verb("tax")
    assert not lexicon.may_be_verb("literary") and not lexicon.may_be_verb("hospital")


def test_words_the_dictionary_knows_only_as_adverbs() -> None:
    lexicon = Lexicon()
    assert lexicon.adverb("totally") and lexicon.adverb("realistically")
    # "early" and "daily" may also qualify or name a thing
    assert not lexicon.adverb("early") and not lexicon.adverb("daily")
    assert not lexicon.adverb("model")


def test_a_gerund_and_an_unknown_word_may_name_something() -> None:
    lexicon = Lexicon()
    assert lexicon.can_name("coaching")  # "nlp coaching": the -ing form of a verb is a noun
    assert lexicon.can_name("kubernetes") and lexicon.can_describe("qwertyuiop")


def test_nouns_that_name_people_come_from_wordnet() -> None:
    lexicon = Lexicon()
    for word in ("aunt", "analysts", "vendor", "coworker", "ceo", "boss", "intern", "vp"):
        assert lexicon.names_person(word), word
    # not people: things, verbs and adjectives first, or a role software gives a name to
    for word in ("guitar", "pilot", "senior", "server", "agent", "teacher", "dropout", "docs"):
        assert not lexicon.names_person(word), word
    # a trade may name the other sense a question means ("my nurse says my temperature is high")
    assert lexicon.names_trade("nurse") and lexicon.names_trade("electricians")
    assert not lexicon.names_person("nurse") and not lexicon.names_trade("aunt")
