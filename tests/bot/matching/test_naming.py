"""Which snippets a question names (bot/matching/naming.py), on the bundled knowledge."""

from __future__ import annotations

from bot.knowledge.base import KnowledgeBase
from bot.matching.compare import plain
from bot.matching.engine import Engine
from bot.matching.matcher import Hit
from bot.matching.naming import (
    describes_runner_up,
    named_only,
    named_whole,
    names_another,
    names_better,
    names_parallel_best,
    one_sided,
    only_named_first,
)
from bot.models import Status


def _content(kb: KnowledgeBase, question: str) -> list[str]:
    return plain(kb.index.tokens(question, typo_cutoff=100.0))


def test_a_whole_alias_or_title_names_its_snippet(engine: Engine) -> None:
    kb = engine.knowledge
    assert named_whole(kb, "what-is-llm", _content(kb, "large language model definition"))
    assert not named_whole(kb, "llm-applications", _content(kb, "large language model uses"))


def test_a_comparison_asked_about_one_side(engine: Engine) -> None:
    kb = engine.knowledge
    coverage = engine._judge(kb).coverage
    assert one_sided(kb, coverage, "llm-vs-genai", _content(kb, "is chatgpt an llm"))
    assert not one_sided(kb, coverage, "llm-vs-genai", _content(kb, "llm vs genai"))
    assert not one_sided(kb, coverage, "what-is-llm", _content(kb, "is chatgpt an llm"))


def test_a_comparison_beside_another_named_thing(engine: Engine) -> None:
    kb = engine.knowledge
    assert names_another(kb, "llm-vs-genai", _content(kb, "is chatgpt an llm or not"))
    # "ai-ml-dl" is named by "ai", but inside "generative ai", a side's own name
    assert not names_another(kb, "llm-vs-genai", _content(kb, "is an llm generative ai"))


def test_the_names_settle_a_close_call(engine: Engine) -> None:
    kb = engine.knowledge
    content = _content(kb, "large language model definition i can send my dad")
    close = [Hit(id="what-is-llm", score=30.0), Hit(id="llm-applications", score=29.0)]
    assert names_better(kb, content, close)
    assert not names_better(kb, content, list(reversed(close)))
    assert not names_better(kb, content, close[:1])


def test_a_description_with_the_runner_ups_name_settles_a_close_call(engine: Engine) -> None:
    # Round 32: asking the name of what it describes, the question names the runner-up only
    # to describe (two neural networks), so the unnamed best snippet wins the close call.
    kb = engine.knowledge
    content = _content(kb, "two neural networks compete, one forges images, what's that called")
    close = [Hit(id="gan", score=31.0), Hit(id="neural-network", score=30.0)]
    assert describes_runner_up(kb, content, close)
    assert not describes_runner_up(kb, content, list(reversed(close)))  # the best is named
    assert not describes_runner_up(kb, content, close[:1])


def test_the_titles_of_parallel_snippets_settle_a_close_call(engine: Engine) -> None:
    # Round 50: two snippets about the same facet of two terms ("Challenges ... of generative
    # AI", "Challenges ... of LLMs"): the question names only the best's term.
    kb = engine.knowledge
    content = _content(kb, "what are the main problems with gen ai, misinformation etc")
    close = [Hit(id="genai-challenges", score=48.9), Hit(id="llm-challenges", score=46.1)]
    assert names_parallel_best(kb, content, close)
    assert not names_parallel_best(kb, content, list(reversed(close)))
    assert not names_parallel_best(kb, content, close[:1])
    # Titles that share nothing are no parallel pair.
    apart = [Hit(id="genai-challenges", score=48.9), Hit(id="diffusion", score=46.1)]
    assert not names_parallel_best(kb, content, apart)
    # A word both titles share, asked, settles nothing ("generative" of GANs and of gen AI).
    shared = _content(kb, "what are people using generative ai for besides emails")
    pair = [Hit(id="genai-adoption", score=30.6), Hit(id="gan", score=28.4)]
    assert not names_parallel_best(kb, shared, pair)
    # Naming the runner-up's own term too settles nothing.
    both = _content(kb, "main problems with gen ai and llms, misinformation etc")
    assert not names_parallel_best(kb, both, close)


def test_a_question_naming_only_a_snippet_puts_it_first(engine: Engine) -> None:
    kb = engine.knowledge
    content = _content(kb, "what does llm mean")
    assert named_only(kb, "what-is-llm", content)
    assert not named_only(kb, "large-in-llm", content)
    # "downsides" asks more of genai than what it is
    assert not named_only(kb, "what-is-genai", _content(kb, "downsides of genai"))
    hits = [Hit(id="large-in-llm", score=67.0), Hit(id="what-is-llm", score=56.0)]
    assert [h.id for h in only_named_first(kb, hits, content)] == ["what-is-llm", "large-in-llm"]


def test_what_an_abbreviation_means_is_its_definition(engine: Engine) -> None:
    # "llm" expands to "large language model", whose "large" and "mean" are the words of
    # large-in-llm's "what does large mean in llm?"
    for question in ("what does llm mean", "what does 'llm' mean?", "llm - what does it mean"):
        found = engine.answer(question)
        assert (found.status, found.ids) == (Status.ANSWER, ("what-is-llm",)), question
    assert engine.answer("what does large mean in llm").ids == ("large-in-llm",)


def test_a_snippet_scored_far_below_stays_behind(engine: Engine) -> None:
    # "what can i do with an llm" names what-is-llm's alias as plainly, but the uses
    # snippet's question matches it far better (and it asks no definition)
    kb = engine.knowledge
    content = _content(kb, "what can i do with an llm")
    hits = [Hit(id="llm-applications", score=86.8), Hit(id="what-is-llm", score=41.4)]
    assert only_named_first(kb, hits, content) == hits
    assert engine.answer("what can i do with an llm").ids == ("llm-applications",)
