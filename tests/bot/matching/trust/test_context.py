"""Everyday words beside the term: attached to it (another sense) or talk around it."""

from __future__ import annotations

import pytest

from bot.matching.lexicon import Lexicon
from bot.matching.trust.context import Context, context

# A toy classification, as the judge would give it for a glossary that names these terms.
_TERMS = {"tokens", "token", "diffusion", "tune", "transformers", "gan", "embeddings", "rag"}
_EVERYDAY = {
    "guitar", "chemistry", "board", "movie", "boss", "nod", "lunch", "podcast", "heard",
    "subway", "body", "estate", "electrical", "quick", "sorry", "dumb", "hot",
}  # fmt: skip
_DOMAIN = {"game", "model", "learning"}


def kind(token: str) -> str:
    if token in _TERMS:
        return "term"
    if token in _EVERYDAY:
        return "everyday"
    return "domain" if token in _DOMAIN else ""


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("how do i fine tune my guitar, asking for a friend", "guitar"),
        ("my kid asked, what is diffusion in chemistry", "chemistry"),
        ("tokens, like the ones in a board game", "board"),
        ("best transformers movie to watch tonight", "movie"),
        ("what is gan in the board game go", "board"),
        ("what is a transformers, the electrical kind", "electrical"),
        ("how do i lower my body tokens", "body"),
        ("one hot tokens", "hot"),
    ],
)
def test_a_word_that_qualifies_the_term_is_attached(question: str, word: str) -> None:
    assert word in context(question, kind).attached


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("my boss talks about embeddings and i nod along", ("nod",)),
        ("quick question before lunch, what is rag", ("quick", "lunch")),
        ("what exactly is a gan, heard it on a podcast", ("heard", "podcast")),
        ("sorry if this is dumb but what is rag", ("sorry", "dumb")),
    ],
)
def test_talk_in_another_clause_is_around_the_term(question: str, words: tuple[str]) -> None:
    found = context(question, kind)
    assert found.attached == ()
    assert set(words) <= set(found.around)
    assert found.named


def test_a_preposition_after_the_term_qualifies_it_only_in_a_question_about_it() -> None:
    # "tokens in meetings" here is where someone heard the word, not a sense of it.
    assert context("i keep hearing the word tokens in chemistry", kind).attached == ()
    assert context("what are tokens in chemistry", kind).attached == ("chemistry",)


def test_words_beside_another_topic_word_are_not_around() -> None:
    # "quantum machine learning": the plain word qualifies a word of the field.
    assert context("what is dumb model", kind) == Context(attached=(), around=(), named=False)


_PLAIN = {
    "boss", "keeps", "talking", "risky", "basement", "adjust", "office", "thermostat", "car",
    "needs", "sparse", "friend", "says", "outdated", "cons", "bake", "bread", "honestly",
    "simple",
}  # fmt: skip


def plain_kind(token: str) -> str:
    return "everyday" if token in _PLAIN else kind(token)


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon()


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("how risky is rag", {"risky"}),
        ("what are the cons of rag", {"cons"}),  # the head of "of rag"
        ("my friend says gan is outdated, what is it", {"outdated"}),
        ("what tokens should i bake bread with", {"bake"}),  # a verb names no subject
        ("what is rag in simple terms", {"simple"}),  # qualifies a phrasing word
    ],
)
def test_plain_words_in_the_terms_clause_are_beside_it(
    lexicon: Lexicon, question: str, words: set[str]
) -> None:
    found = context(question, plain_kind, lexicon)
    assert found.attached == ()
    assert words <= set(found.beside), found


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("is the transformers in the basement safe", "basement"),  # its complement
        ("how do i adjust the tokens on the office thermostat", "thermostat"),  # a compound
        ("what are sparse embeddings", "sparse"),  # right before the term
        ("my car needs a fine tune", "car"),  # a statement may be about the car
        ("what tokens should i bake bread with", "bread"),  # a noun after the term
        ("how risky is it to adjust the tokens", "adjust"),  # a verb acting on the term
    ],
)
def test_a_noun_or_adjective_bound_to_the_term_is_not_beside_it(
    lexicon: Lexicon, question: str, word: str
) -> None:
    assert word not in context(question, plain_kind, lexicon).beside


def test_a_verb_ends_the_noun_phrase_before_the_term(lexicon: Lexicon) -> None:
    assert "friend" not in context("my friend says gans", plain_kind, lexicon).attached
    assert context("my body tokens", kind, lexicon).attached == ("body",)
    # An adverb after the term is no sense of it; a noun is.
    assert context("are tokens honestly", plain_kind, lexicon).attached == ()
    assert context("best transformers movie", kind, lexicon).attached == ("movie",)


def test_without_a_lexicon_nothing_is_beside() -> None:
    assert context("how risky is rag", plain_kind).beside == ()


@pytest.mark.parametrize(
    ("question", "attached"),
    [
        ("is rag down right now", ("down",)),
        ("gan offline again?", ("offline",)),
        ("is the gan model down", ("down",)),
        ("can you break down rag", ()),  # a particle of the verb, before the term
        ("tokens down to the byte", ()),  # a preposition
        # round 42: over a copula too, wherever the clause opens ("chatgpt is down for me")
        ("my boss says rag is down", ("down",)),
    ],
)
def test_a_state_predicated_of_the_term_is_no_sense_we_explain(
    question: str, attached: tuple[str, ...]
) -> None:
    # Whether a service runs right now ("is chatgpt down") is no explanation's subject.
    assert context(question, kind).attached == attached


def test_a_topic_preposition_right_after_the_term_narrows_it(lexicon: Lexicon) -> None:
    # "on", "about", "of", "with" right after the term: the phrase is what the term is
    # about, whoever asks ("can you give me context on the meeting i missed").
    assert "movie" in context("can you give me tokens on the movie", kind, lexicon).attached
    # a possessive keeps the phrase the asker's
    assert context("can you give me tokens on my movie", kind, lexicon).attached == ()


# Round 15's words, as a knowledge base that never uses them would kind them.
_ROUND15 = {
    "analysts", "aunt", "cto", "wants", "engineer", "gartner", "report", "vendor", "deck",
    "product", "mentioned", "workshop", "plain", "words",
}  # fmt: skip


def round15_kind(token: str) -> str:
    return "everyday" if token in _ROUND15 else plain_kind(token)


@pytest.mark.parametrize(
    ("question", "people"),
    [
        ("my boss keeps talking about embeddings, what are they", {"boss"}),
        ("my friend says gan is outdated, what is it", {"friend"}),
        ("our analysts asked for rag in plain words", {"analysts"}),
        ("explain tokens to my aunt", {"aunt"}),
        ("the cto wants diffusion explained", {"cto"}),  # a title WordNet lacks
    ],
)
def test_people_are_talk_wherever_they_stand(
    lexicon: Lexicon, question: str, people: set[str]
) -> None:
    # Round 15: a noun naming people (WordNet's noun.person) is who asks, wants or speaks,
    # never what the question is about.
    found = context(question, round15_kind, lexicon)
    assert found.attached == ()
    assert people <= set(found.around), found


def test_a_person_after_the_term_names_a_job_of_the_field(lexicon: Lexicon) -> None:
    # "a rag engineer" is a job, which the term's snippet does not explain.
    assert "engineer" not in context("what does a rag engineer do", round15_kind, lexicon).around


@pytest.mark.parametrize(
    ("question", "speakers"),
    [
        ("the gartner report keeps saying diffusion, what is that", {"gartner", "report"}),
        ("vendor deck says their product is rag, what does that mean", {"vendor", "deck"}),
        # the verb of saying goes with its speaker
        ("my boss keeps talking about embeddings, what are they", {"boss", "keeps", "talking"}),
    ],
)
def test_who_or_what_says_the_term_is_talk(
    lexicon: Lexicon, question: str, speakers: set[str]
) -> None:
    # Round 15: the noun phrase that opens its clause before a verb of saying.
    found = context(question, round15_kind, lexicon)
    assert speakers <= set(found.around), found


def test_an_occasion_the_term_came_up_at_is_talk(lexicon: Lexicon) -> None:
    # Round 15: "in the workshop", "at lunch": where the term came up; "context on the
    # meeting" (a topic preposition) still narrows it.
    assert "lunch" in context("my boss mentioned rag at lunch", round15_kind, lexicon).around
    assert "movie" in context("can you give me tokens on the movie", kind, lexicon).attached


def test_a_meeting_the_answer_is_needed_for_is_talk(lexicon: Lexicon) -> None:
    # Round 31: "for a team meeting", as "for the board memo"; "the context for the
    # meeting" still names a thing of the occasion.
    def meeting_kind(token: str) -> str:
        return "everyday" if token in {"meeting", "tomorrow"} else kind(token)

    found = context("trying to understand rag for a team meeting tomorrow", meeting_kind, lexicon)
    assert "meeting" in found.around


def test_close_holds_the_other_words_of_the_terms_clauses(lexicon: Lexicon) -> None:
    # Round 17: what the judge may not be lenient about (a word there may be the other sense).
    found = context("qa lead here, how does rag heal after a stroke", round15_kind, lexicon)
    assert {"heal", "stroke"} <= set(found.close)
    assert not {"qa", "lead", "here", "rag"} & set(found.close)


def test_the_subject_after_what_term_and_an_auxiliary_owns_the_term(lexicon: Lexicon) -> None:
    # whose tokens they are: a thing the knowledge never uses gives the term another sense
    assert "guitar" in context("what tokens does the guitar need", kind, lexicon).attached
    assert "subway" in context("which tokens should the old subway take", kind, lexicon).attached
    # a pronoun there is the asker
    assert context("what tokens should i use", kind, lexicon).attached == ()


def test_a_plain_noun_a_term_used_as_a_verb_acts_on_is_its_object(lexicon: Lexicon) -> None:
    def kinds(token: str) -> str:
        return "plain" if token in {"budget", "customer", "sees"} else kind(token)

    assert context("how do i tune the budget", kinds, lexicon).objects == ("budget",)
    assert context("we are tune the q3 budget", kinds, lexicon).objects == ("budget",)
    # a term used as a noun acts on nothing
    assert context("the tokens the customer sees", kinds, lexicon).objects == ()


# A story told without a word of the field, then "is that <term>?".
_STORY = {"child", "fever", "bugs", "wall", "parents", "seeing", "high", "ring"}


def story_kind(token: str) -> str:
    if token in {"hallucinating", "hallucination"}:
        return "term"
    if token in {"chatbot"}:
        return "domain"
    return "everyday" if token in _STORY else ""


def test_what_the_term_is_asked_of_is_no_talk(lexicon: Lexicon) -> None:
    # Round 30: the sentence told before "is that hallucinating?" holds what is asked of;
    # its nouns give the term its sense (the child's fever), they are not talk around it.
    found = context(
        "a child with a high fever was seeing bugs on the wall. is that hallucinating?",
        story_kind,
        lexicon,
    )
    assert {"fever", "wall"} <= set(found.attached), found
    assert not {"fever", "wall"} & set(found.around)
    # a sentence naming a word of the field tells of that; nothing is taken as the sense
    found = context(
        "the chatbot said the wall was pink. is that hallucinating?", story_kind, lexicon
    )
    assert "wall" not in found.attached
    # a story not asked of stays talk
    found = context(
        "a child with a high fever was seeing bugs. what is hallucinating?", story_kind, lexicon
    )
    assert "fever" in found.around
    assert "fever" not in found.attached


def test_who_speaks_of_the_term_does_not_act_on_it(lexicon: Lexicon) -> None:
    # Round 44, written for this test: "the office says" is where its speakers are; "the
    # office heating trips the transformer" would act on it
    def office_kind(token: str) -> str:
        return "everyday" if token in {"office", "says", "keeps", "saying"} else kind(token)

    for question in (
        "everyone in the office says rag now, what is it?",
        "everyone in the office keeps saying rag, what is it?",
    ):
        assert "office" not in context(question, office_kind, lexicon).attached
