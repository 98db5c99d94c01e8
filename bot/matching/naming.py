"""Which snippets a question names, and what that settles: a comparison asked about one side
only, a comparison beside another named thing, a close call between two candidates."""

from __future__ import annotations

from collections.abc import Sequence

from bot.knowledge.base import KnowledgeBase
from bot.matching.compare import COMPARATIVES, COMPARING
from bot.matching.matcher import Hit
from bot.matching.trust.coverage import Coverage
from bot.matching.trust.vocabulary import NEUTRAL


def _sides(kb: KnowledgeBase, snippet_id: str) -> frozenset[str] | None:
    """The two snippets ``snippet_id`` compares, or None when it compares none."""
    return next((pair for pair, sid in kb.index.pairs.items() if sid == snippet_id), None)


def _spans(kb: KnowledgeBase, snippet_id: str, content: list[str]) -> list[range]:
    """Where ``content`` holds a whole alias or the title of a snippet, as analysed."""
    snippet = kb.snippets[snippet_id]
    found = []
    for name in (snippet.title, *snippet.aliases):
        words = kb.index.content_words(name)
        n = len(words)
        if n:
            found += [
                range(i, i + n) for i in range(len(content) - n + 1) if content[i : i + n] == words
            ]
    return found


def named_whole(kb: KnowledgeBase, snippet_id: str, content: list[str]) -> bool:
    """Whether ``content`` holds a whole alias or the title of a snippet, as analysed."""
    return bool(_spans(kb, snippet_id, content))


def named_only(kb: KnowledgeBase, snippet_id: str, content: list[str]) -> bool:
    """Whether the question's topic words are exactly an alias or the title of a snippet, as
    analysed ("what does llm mean": all it names is "large language model")."""
    asked = _naming(content)
    snippet = kb.snippets[snippet_id]
    return bool(asked) and any(
        _naming(kb.index.content_words(name)) == asked for name in (snippet.title, *snippet.aliases)
    )


def _naming(words: Sequence[str]) -> list[str]:
    """The words that may name something: phrasing left out, but not what a comparison or a
    judgement asks of the term ("downsides of genai" asks more than what genai is)."""
    return [w for w in words if w not in NEUTRAL or w in _ASKS_MORE]


# Phrasing that asks more of a term than what it is: a comparison or a judgement.
_ASKS_MORE = (
    COMPARING
    | COMPARATIVES
    | {"pros", "pro", "cons", "con", "tradeoff", "tradeoffs", "upside", "upsides"}
    | {"downside", "downsides", "relate", "related", "relationship", "between"}
)


def only_named_first(kb: KnowledgeBase, hits: list[Hit], content: list[str]) -> list[Hit]:
    """The hits with the snippet the question names and nothing else first: "what does llm
    mean" shares "large" (of the expanded "llm") and "mean" with the question "what does
    large mean in llm" of another snippet, but names only what-is-llm's alias."""
    if len(hits) < 2 or named_only(kb, hits[0].id, content):
        return hits
    for hit in hits[1:]:
        # Close to the best only: "what can i do with an llm" names what-is-llm's alias as
        # plainly, but the uses snippet's question matches it far better.
        if hit.score >= CLOSE_SHARE * hits[0].score and named_only(kb, hit.id, content):
            return [hit, *(h for h in hits if h is not hit)]
    return hits


CLOSE_SHARE = 0.75  # of the best score, for the snippet the question names to go first


def one_sided(
    kb: KnowledgeBase, coverage: Coverage, snippet_id: str, content: Sequence[str]
) -> bool:
    """Whether ``snippet_id`` compares two snippets and the question names only one."""
    sides = _sides(kb, snippet_id)
    if sides is None:
        return False
    return not all(any(coverage.is_name(w, (side,)) for w in content) for side in sides)


def names_another(kb: KnowledgeBase, snippet_id: str, content: list[str]) -> bool:
    """Whether the question names one side of the comparison ``snippet_id`` and, beside it,
    another snippet by a whole alias or title ("is chat gpt an llm or something different":
    chatgpt beside llms, not llms vs genai)."""
    sides = _sides(kb, snippet_id)
    if sides is None:
        return False
    taken = {i for side in sides for span in _spans(kb, side, content) for i in span}
    if not taken:
        return False
    ours = {snippet_id, *sides}
    # A name inside a side's own ("ai" of "generative ai") is no other thing.
    return any(
        taken.isdisjoint(span)
        for sid in kb.snippets
        if sid not in ours
        for span in _spans(kb, sid, content)
    )


def names_better(kb: KnowledgeBase, content: list[str], hits: Sequence[Hit]) -> bool:
    """A close call the names settle: the question holds a whole alias or the title of the
    best snippet and none of the runner-up's ("large language model definition i can send
    my mom": what-is-llm's alias, not one of llm-applications')."""
    if len(hits) < 2:
        return False
    return named_whole(kb, hits[0].id, content) and not named_whole(kb, hits[1].id, content)


def describes_runner_up(kb: KnowledgeBase, content: list[str], hits: Sequence[Hit]) -> bool:
    """A close call a question asking the name of what it describes settles: it holds a whole
    alias or the title of the runner-up and none of the best snippet's ("there's that setup
    where two neural networks compete, what's it called": the networks describe the thing
    whose name is asked, a GAN): :func:`names_better` for the runner-up."""
    return len(hits) >= 2 and names_better(kb, content, [hits[1], hits[0]])


def names_parallel_best(kb: KnowledgeBase, content: Sequence[str], hits: Sequence[Hit]) -> bool:
    """A close call between parallel snippets the titles settle: the best's and the
    runner-up's titles share a word ("Challenges and risks of generative AI", "Challenges
    and limitations of LLMs"), and the question holds words only the best's title has and
    none of the runner-up's ("main problems with gen ai, misinformation etc")."""
    if len(hits) < 2:
        return False
    best, runner = (set(_naming(kb.index.content_words(kb.snippets[h.id].title))) for h in hits[:2])
    if not best & runner:
        return False
    asked = set(content)
    # Nothing of the runner-up's title is asked, not even a word the two share ("generative"
    # of GANs and of generative AI alike).
    return bool(asked & (best - runner)) and not asked & runner
