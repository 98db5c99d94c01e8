"""Where an answer would serve: a phrase naming an organisation that ends its clause."""

from __future__ import annotations

from bot.matching.lexicon import Lexicon
from bot.matching.trust.organisation import organisation

LEXICON = Lexicon()


def _at(words: str, kinds: dict[str, str], word: str) -> bool:
    tokens = words.split()
    found = [kinds.get(t, "") for t in tokens]
    return organisation(tokens, found, tokens.index(word), LEXICON)


def test_an_organisation_after_the_term_is_whom_the_answer_serves() -> None:
    kinds = {"llms": "term", "bus": "everyday"}
    assert _at("what can llms do for a bus company", kinds, "bus")
    # "like ours" and "our size" may end the phrase
    assert _at("what can llms do for a bus company like ours", kinds, "bus")
    assert _at("is genai worth it for a bus business our size", {"genai": "term"}, "bus")
    # in another sentence than the term
    assert _at("what is realistic for a bus company", {}, "bus")
    # people, after "for" with no determiner
    assert _at("gen ai for non tech folks", {"gen": "term", "ai": "term"}, "folks")
    assert _at("gen ai for non tech folks", {"gen": "term", "ai": "term"}, "non")
    assert not _at("gen ai in non tech folks", {"gen": "term", "ai": "term"}, "folks")


def test_the_askers_own_things_after_the_term_are_talk() -> None:
    kinds = {"rag": "term", "archive": "everyday"}
    assert _at("how does rag stop made up answers about our own archive", kinds, "archive")
    assert _at("can we run rag over our archive", kinds, "archive")
    # a place of one's own may tell another sense ("the temperature settings on my oven")
    kinds = {"temperature": "term", "oven": "everyday"}
    assert not _at("the temperature settings on my oven", kinds, "oven")


def test_no_organisation_no_setting() -> None:
    kinds = {"tokens": "term", "arcade": "everyday"}
    assert not _at("how many tokens do we get for the arcade", kinds, "arcade")
    # the phrase must end the clause: more words after the organisation ask about it
    kinds = {"llms": "term", "bus": "everyday", "fares": "everyday"}
    assert not _at("what can llms do for a bus company fares", kinds, "bus")
    # nothing of the field inside the phrase, and the term before it, not after
    kinds = {"llms": "term", "bus": "everyday", "data": "domain"}
    assert not _at("what can llms do for a data company", kinds, "data")
    assert not _at("for a bus company what can llms do", {"llms": "term"}, "bus")


def test_the_committed_list_names_organisations() -> None:
    lexicon = LEXICON
    assert lexicon.names_group("company")
    assert lexicon.names_group("teams")  # by its noun lemma
    assert lexicon.names_group("hospital")  # an organisation in its second sense
    assert lexicon.names_group("org")  # a workplace word WordNet 3.0 lacks
    assert not lexicon.names_group("arcade")
    assert not lexicon.names_group("aunt")  # a person, not a group


def test_the_organisations_size_is_no_topic() -> None:
    # Round 39: "size" is a word of the knowledge, yet "a mid-size org" says whom the
    # answer serves.
    kinds = {"adoption": "term", "mid": "domain", "size": "domain", "org": "everyday"}
    words = "what does adoption usually look like in a mid size org"
    assert _at(words, kinds, "mid")
    assert _at(words, kinds, "org")
    # another word of the field there still tells what is asked
    kinds = {"adoption": "term", "data": "domain", "org": "everyday"}
    assert not _at("what does adoption look like in a data org", kinds, "org")
