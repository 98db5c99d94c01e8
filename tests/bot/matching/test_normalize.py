"""Normalization: markup, Unicode look-alikes, filler, plurals and synonyms."""

from __future__ import annotations

import pytest

from bot.matching.normalize import (
    MAX_TOKENS,
    SynonymFolder,
    expand_contractions,
    split_filler,
    stem,
    strip_answer_form,
    strip_filler,
    typed_marks,
    words,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("see https://example.com/x on llm", ["see", "on", "llm"]),
        ("https://example.com/a-b llm", ["llm"]),
    ],
)
def test_links_are_removed(raw: str, expected: list[str]) -> None:
    # Chat platforms' markup is resolved by their adapters (tests/adapters/*/test_markup.py).
    assert words(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "LLM vs GenAI",
        "llm VS genai!!!",
        "\uff2c\uff2c\uff2d vs \uff27\uff45\uff4e\uff21\uff29",  # fullwidth
        "LL\u041c vs G\u0435nAI",  # Cyrillic em and ie
        # mathematical bold
        "\U0001d40b\U0001d40b\U0001d40c vs \U0001d406\U0001d41e\U0001d427\U0001d400\U0001d408",
        "l\u200blm vs genai",  # zero-width space
        "llm... vs. genai?",
    ],
)
def test_case_punctuation_and_look_alikes_fold_to_the_same_words(raw: str) -> None:
    assert words(raw) == ["llm", "vs", "genai"]


def test_look_alikes_that_sound_different_fold_by_shape() -> None:
    # Cyrillic er and es sound like r and s but look like p and c.
    assert words("\u0440ython \u0441ode") == ["python", "code"]
    assert words("\u03c1ython") == ["python"]  # Greek rho


def test_accents_and_apostrophes() -> None:
    assert words("What's a na\u00efve caf\u00e9?") == ["whats", "a", "naive", "cafe"]


def test_long_input_is_cut() -> None:
    assert len(words("llm " * 100_000)) == MAX_TOKENS


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("hey bot, can you explain transformers", ["transformers"]),
        ("hi please tell me about gans thanks", ["gans"]),
        ("could you define llm please", ["llm"]),
        ("explain", ["explain"]),  # nothing else left: keep it
        ("what is a gan", ["what", "is", "a", "gan"]),  # not filler
        # "bot" ending a noun phrase names a kind of bot; after a question it is the bot
        ("what is a faq bot", ["what", "is", "a", "faq", "bot"]),
        ("what is rag bot", ["what", "is", "rag"]),
    ],
)
def test_filler(raw: str, expected: list[str]) -> None:
    assert strip_filler(words(raw)) == expected


def test_split_filler_keeps_what_it_strips() -> None:
    assert split_filler(words("hey bot what is a gan thanks")) == (
        ["what", "is", "a", "gan"],
        ["hey", "bot", "thanks"],
    )


@pytest.mark.parametrize(
    ("text", "rest", "form"),
    [
        ("generative ai in plain english pls", "generative ai pls", ["in", "plain", "english"]),
        (
            "genai in simple terms, i'm a dispatcher",
            "genai , i'm a dispatcher",
            ["in", "simple", "terms"],
        ),
        ("support vector machines eli5?", "support vector machines ?", ["eli5"]),
        # round 38: the message's own context
        (
            "what does agent mean in this context?",
            "what does agent mean ?",
            ["in", "this", "context"],
        ),
        ("rag in simple terms for my mom", "rag for my mom", ["in", "simple", "terms"]),
        (
            "can someone explain rag? it's for the wiki",
            "explain rag? it's for the wiki",
            ["can", "someone"],
        ),
        ("ok. could anybody tell me what rag is", "ok. tell me what rag is", ["could", "anybody"]),
        # the answer's length
        ("what ChatGPT is. 2 line answer pls", "what ChatGPT is. pls", ["2", "line", "answer"]),
        ("explain rag in one sentence", "explain rag", ["in", "one", "sentence"]),
        ("explain rag in a single sentence", "explain rag", ["in", "a", "single", "sentence"]),
        ("gans in a couple of lines", "gans", ["in", "a", "couple", "of", "lines"]),
        ("rag, in one or two sentences", "rag,", ["in", "one", "or", "two", "sentences"]),
        # Round 50: the answer's layout
        ("risks of gen ai in bullet points pls", "risks of gen ai pls", ["in", "bullet", "points"]),
        (
            "downsides of genai, quick bullet list for the register",
            "downsides of genai, for the register",
            ["quick", "bullet", "list"],
        ),
        (
            "how do i make a bullet list in google docs",
            "how do i make a bullet list in google docs",
            [],
        ),
        # a bullet list made or asked about is no layout of the answer
        ("how do i make a bullet list?", "how do i make a bullet list?", []),
        ("what's a bullet point?", "what's a bullet point?", []),
        # how the asker sees a name
        ("is that just a posh word for chatbot", "is that just a word for chatbot", ["posh"]),
        ("llm, a one-paragraph summary?", "llm, ?", ["a", "one", "paragraph", "summary"]),
        ("one sentence on how tokens work", "one sentence on how tokens work", []),
        # asking how one would put it
        ("how would you define ML", "define ML", ["how", "would", "you"]),
        (
            "dumb q: how do i explain rag to my boss",
            "dumb q: explain rag to my boss",
            ["how", "do", "i"],
        ),
        ("how do i use rag", "how do i use rag", []),  # a how-to, not a definition
        ("how would you sum up rlhf", "rlhf", ["how", "would", "you", "sum", "up"]),
        ("how would you actually define ML", "define ML", ["how", "would", "you", "actually"]),
        ("can you break down rag", "rag", ["can", "you", "break", "down"]),
        ("what\u2019s the deal with llms", "llms", ["whats", "the", "deal", "with"]),
        ("someone tell me what rag is", "tell me what rag is", ["someone"]),
        ("what is a token in the context of crypto", "what is a token in crypto", []),
        ("what is meant by rag", "rag", ["what", "is", "meant", "by"]),
        ("what do people mean by rag", "rag", ["what", "do", "people", "mean", "by"]),
        # set against fine-tuning, retrieval on its own is rag; alone it is any search
        ("fine-tune or use retrieval?", "fine-tune or use rag?", []),
        ("what is retrieval in search engines", "what is retrieval in search engines", []),
        # how many tokens a model can take is its token limit (the context window)
        ("how many tokens can claude handle", "token limit", []),
        ("how many tokens is a page", "how many tokens is a page", []),
        ("the max amount of tokens it can take into account", "token limit", []),
        ("most tokens it will read", "token limit", []),
        ("what is a token", "what is a token", []),
        # the most text a model takes is how much it takes
        ("is there a max amount of text it can take", "is there how much text it can take", []),
        (
            "retrieval-augmented generation or fine tuning",
            "retrieval-augmented generation or fine tuning",
            [],
        ),
        (
            "is there a simple way to explain an llm",
            "an llm",
            ["is", "there", "a", "simple", "way", "to", "explain"],
        ),
        ("explain ml to a total beginner", "explain ml", ["to", "a", "total", "beginner"]),
        ("model trains for beginners", "model trains for beginners", []),  # what is sold
        ("why do llms break down on long docs", "why do llms break down on long docs", []),
        # Round 47 (read sets 98 and 149): a quantity idiom says "lots of"
        ("models trained on heaps of text", "models trained on lots of text", []),
        ("a whole mountain of pdfs", "lots of pdfs", []),
        ("the load of the server", "the load of the server", []),  # no quantity
        # Round 50 (read set 167): with a word of size, or plural
        ("the next word on a massive pile of text", "the next word on lots of text", []),
        ("where do llms get their mountains of text", "where do llms get their lots of text", []),
        ("the pile by the door", "the pile by the door", []),
        # the naming question in the passive the knowledge's questions use
        ("why do ppl call it genai", "why is it called genai", []),
        ("why do they call them foundation models", "why are they called foundation models", []),
        # words of emphasis, before another word
        ("what can an llm actually do", "what can an llm do", ["actually"]),
        ("what even is chatgpt", "what is chatgpt", ["even"]),
        ("is rag any good, really", "is rag any good, really", []),
        # alone it is the question; mid-clause it may be the topic
        ("in simple terms", "in simple terms", []),
        ("in simple terms what is rag", "in simple terms what is rag", []),
    ],
)
def test_a_plain_answer_form_ending_a_clause_is_cut(text: str, rest: str, form: list[str]) -> None:
    cut, found = strip_answer_form(text)
    assert (" ".join(cut.split()), found) == (rest, form)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("models", "model"),
        ("transformers", "transformer"),
        ("queries", "query"),
        ("gans", "gan"),
        ("llms", "llm"),
        ("bias", "bias"),
        ("process", "process"),
        ("its", "its"),
        ("gpt4", "gpt4"),
    ],
)
def test_stem_plurals(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_typed_marks_keep_only_words_the_stemmer_changes() -> None:
    assert typed_marks(["what", "are", "queries", "gpt4", "llms", "bias"]) == [
        "~=queries",
        "~=llms",
    ]


def test_synonyms_fold_variants_to_the_canonical_term_longest_first() -> None:
    folder = SynonymFolder.build(
        {
            "generative ai": ["genai", "gen ai", "generative artificial intelligence"],
            "large language model": ["llm", "llms"],
        }
    )
    assert folder.apply(["what", "is", "genai"]) == ["what", "is", "generative", "ai"]
    assert folder.apply(["gen", "ai", "vs", "llm"]) == [
        "generative", "ai", "vs", "large", "language", "model",
    ]  # fmt: skip
    assert folder.apply(["generative", "artificial", "intelligence"]) == ["generative", "ai"]
    assert folder.apply(["gen", "z"]) == ["gen", "z"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("what is a vector in C++?", ["what", "is", "a", "vector", "in", "cplusplus"]),
        ("c# vs f#", ["csharp", "vs", "fsharp"]),
        ("a c+ grade, abc++ and #c", ["a", "c", "grade", "abc", "and", "c"]),  # no names
        ("a Q&A bot", ["a", "question", "answering", "bot"]),  # not chat's "q" and "a"
        ("r&d", ["r", "d"]),
    ],
)
def test_names_spelt_with_symbols_are_spelt_out(text: str, expected: list[str]) -> None:
    assert words(text) == expected


def test_a_wh_word_fused_with_is_is_spelt_out() -> None:
    assert expand_contractions(words("what's a gan")) == ["what", "is", "a", "gan"]
    assert expand_contractions(words("whats rag")) == ["what", "is", "rag"]
    assert expand_contractions(words("what is rag")) == ["what", "is", "rag"]
    assert expand_contractions(words("wat is rag")) == ["what", "is", "rag"]


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        # Round 50: a model's size, beside talk of models, is its parameter count
        (
            "what does the 70B mean in llama 70B",
            "what does the 70 billion parameters mean in llama 70 billion parameters",
        ),
        (
            "is a 405b model better than a 70b one",
            "is a 405 billion parameters model better than a 70 billion parameters one",
        ),
        (
            "mistral 7b, what's the 7b",
            "mistral 7 billion parameters, what's the 7 billion parameters",
        ),
        # no talk of models, or metres: unchanged
        ("is bus 70b running late today", "is bus 70b running late today"),
        (
            "10m racking for the new model of reach truck",
            "10m racking for the new model of reach truck",
        ),
    ],
)
def test_a_models_size_reads_as_its_parameters(text: str, rest: str) -> None:
    assert strip_answer_form(text)[0] == rest
