"""Closed vocabularies of the trust check (bot/matching/trust/vocabulary.py)."""

from __future__ import annotations

import pytest

from bot.matching.trust.vocabulary import (
    actors_when,
    actors_why,
    asks_cause,
    asks_name,
    idiom_words,
)


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("how does rag work under the hood", {"hood"}),
        ("did llms kick it off", {"kick"}),
        # Round 50 (read set 111): rolling something out is deploying it
        ("the risks before we roll anything out", {"roll"}),
        ("how are others rolling out gen ai", {"rolling"}),
        ("a roll of tape", set()),
        ("who kicked things off, gans or vaes", {"kicked"}),
        ("risks of putting a chatbot in front of patients", {"putting"}),
        ("or did llms kick the whole thing off", {"kick"}),
        ("how does bias creep into llms", {"creep"}),
        ("how much text can it take into account", {"account"}),
        # Round 41: what searching by meaning is told apart from
        ("search old notes by meaning, not just keywords", {"keywords"}),
        ("find them by meaning rather than exact keywords", {"keywords"}),
        ("which keywords should the seo page target", set()),
        ("does it take the whole thread into account", {"account"}),
        ("how do i open a savings account", set()),
        ("answer from our docs rather than from memory", {"memory"}),
        ("what's that technique called", {"technique"}),
        ("what is this approach called?", {"approach"}),
        ("what's the setup where two networks compete", {"setup"}),
        ("what is the process for a refund", set()),
        # memory asked about, or a name of the field before "called"
        ("how much memory does a 7b model need", set()),
        ("what's that rag thing called", set()),
        # Round 33: how deep to explain
        ("what is a neural network, at a really basic level?", {"level"}),
        ("explain embeddings at a high level", {"level"}),
        # not the whole idiom: the words may be what is asked about
        ("what happens at the token level", set()),
        ("what level of access do agents get", set()),
        ("how do i open the hood of my car", set()),
        ("kick scooter for the office", set()),
        # Round 34: whether to, not a worth of anything
        ("is genai worth it for a firm our size", {"worth"}),
        ("is rag worth the bother for 50 docs", {"worth", "bother"}),
        # Round 36: doubting a claim
        ("is llama open source or is that a stretch", {"stretch"}),
        ("calling it ai is a bit of a stretch", {"bit", "stretch"}),
        ("how far can a stretch limo go", set()),
        # Round 37: what powers a thing, and a kind of thing qualified as AI's
        ("or is gpt the model underneath it", {"underneath"}),
        ("which llm behind the assistant", {"behind"}),
        ("is there a cat underneath the van", set()),
        # Round 51: "underneath" at the end of a clause, or before a pronoun, is what powers it
        ("who makes chatgpt and what's it built on underneath", {"underneath"}),
        ("is gpt the thing underneath it?", {"underneath"}),
        ("what's beneath, exactly", {"beneath"}),
        ("the leak underneath the sink", set()),
        ("the leak underneath that sink", set()),  # "that" a determiner, no pronoun
        ("is gpt underneath all that?", {"underneath"}),
        ("what's the ai setup where two networks compete", {"setup"}),
        ("what are tokens in the chatgpt sense", {"sense"}),
        ("is that a token in the arcade sense?", {"sense"}),
        ("does it make sense to fine-tune", set()),
        ("what is the net worth of openai", set()),
        # Round 54 (read set 155): "a bit" says how much
        ("why is it out of date or a bit biased", {"bit"}),
        ("the answers are a little bit random", {"bit"}),
        ("what is a bit in computing", set()),
        ("is a bit the same as a byte", set()),
        ("train it a bit more on our notes", set()),  # more training, kept whole
    ],
)
def test_idioms_are_found_whole(question: str, words: set[str]) -> None:
    assert idiom_words(question) == words


@pytest.mark.parametrize(
    ("question", "asking"),
    [
        ("looks docs up first, what's that technique called?", True),
        ("is there a name for when it invents things", True),
        ("what do you call it when a model keeps training", True),
        ("whats the term for that", True),
        ("image generators that start from noise, what are they called?", True),
        ("it starts from noise and removes it. what's that kind of model called?", True),
        ("what's the setup where two neural networks compete?", True),
        ("what is the setup for the demo", False),
        ("what's the branch of AI called that reads and writes language?", True),
        ("what is the thing called when a bot makes stuff up", True),
        # naming the thing, or a call of another kind
        ("what is rag called in german", False),
        ("who called the meeting", False),
        ("what is the file called", False),  # the name of a thing at hand
        # Round 41: the thing described first, then "what's that" asked of it
        ("the thing where two networks compete, one faking images - what's that", True),
        # Round 52 (read sets 138, 162): "that setup where ...", then "what's the name?"
        ("that setup where one network makes fakes... what's the name?", True),
        ("that setup where two neural nets fight... name?", True),
        ("that thing where the transformer hums, what's the name of the engineer", False),
        ("so the setup where the bot reads our docs first, what is it?", True),
        ("the thing is, what's that", False),  # nothing described
        ("the thing where we meet, what's that room number", False),  # not asked of it
        # ... and a kind told at length, then "called" at the end
        ("what's a model you can download and run yourself called", True),
        ("what's a model called", False),  # nothing told of it
        ("what's a large model of a ship called, asking for my club", False),
        # Round 47 (read set 149): a name said to exist, after the description
        ("reads and writes human language, there's an acronym for it", True),
        ("models that rate answers - there's a fancy term for that", True),
        ("is there an acronym for the field that reads language", True),
        ("there's a word missing in the slide", False),
        # Round 47 (read set 150): described first, then only "name?"
        ("the thing where the bot reads our files first. the name?", True),
        ("the setup where one network fakes and one spots fakes - term?", True),
        ("the thing where we log in, name and password?", False),
        ("the thing where the chatbot remembers what i told it long-term", False),
        # Round 50 (read set 111): the name "of" a kind of thing, told after it
        ("whats the name of the setup where one network fakes images", True),
        ("what's the word of the thing where the ai makes stuff up", True),
        ("what's the name of the AI technique that looks up documents first", True),
        ("what's the name of the guy that runs openai", False),  # a person, no kind of thing
        ("what's the name of the cafe where we had the offsite", False),
    ],
)
def test_a_question_asking_for_a_name(question: str, asking: bool) -> None:
    assert asks_name(question) is asking


def test_the_word_doing_what_a_when_clause_tells() -> None:
    assert actors_when("whats it called when the chatbot invents a source") == ["chatbot"]
    assert actors_when("is there a word for when an llm plans steps") == ["llm"]
    assert actors_when("what is rag") == []


def test_who_does_what_a_why_question_asks_the_cause_of() -> None:
    # Round 39: the first two words after "why do(es)" and a determiner
    assert actors_why("why do AI chatbots make stuff up?") == ["ai", "chatbots"]
    assert actors_why("so why does the assistant invent things") == ["assistant", "invent"]
    assert actors_why("what is a chatbot") == []


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("why does it do that", True),
        ("how come it does that", True),
        ("what's going on when it does that", True),
        ("what makes it do that", True),
        ("what causes that", True),
        ("what is that called", False),
        ("what makes a good prompt", False),
        ("is chatgpt going on strike", False),
    ],
)
def test_asking_the_cause(text: str, asks: bool) -> None:
    # Round 45 (read set 106): "what's going on when it does that" asks why
    assert asks_cause(text) is asks
