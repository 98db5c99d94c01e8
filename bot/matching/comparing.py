"""The comparison path: "X vs Y (vs Z)" answered side by side, no side dropped silently."""

from __future__ import annotations

from collections.abc import Callable, Container, Sequence
from dataclasses import replace

from bot.knowledge.base import KnowledgeBase
from bot.matching.compare import VERDICTS, Side, defines_first_side, plain
from bot.matching.matcher import Hit
from bot.matching.normalize import FILLER_MARK
from bot.matching.normalize import words as typed_words
from bot.matching.outcomes import Replies
from bot.matching.trust.grammar import ARTICLES, POSSESSIVES
from bot.matching.trust.judge import Judgement
from bot.matching.trust.vocabulary import topic_words
from bot.models import Answer

Check = Callable[..., Judgement]  # Judge with the question's definition flag bound
WITHIN_SHARE = 0.3  # of a side's salience its best snippet explains, to be about it
# Words of a side that names or lists other things ("autoregressive image generators",
# "plain old tf-idf / bm25 keyword search"); a longer one tells a story, whose rare word is no
# thing compared.
LISTED_SIDE = 8
ASKS_OF_LIMIT = 10  # hits searched for one snippet's score
ASKS_OF_GAIN = 10.0  # points the words beside the sides add to another snippet's score
# Prepositions that open a trailing phrase of purpose or setting ("for a faq bot").
_SETTING = frozenset({"for", "in", "at", "on", "within"})


def compare(
    replies: Replies,
    question: str,
    sides: Sequence[Side],
    hits: list[Hit],
    check: Check,
    *,
    content: Sequence[str] = (),
    coined: Callable[[str], bool] = lambda word: False,
    rare: Callable[[str], bool] = lambda word: False,
) -> Answer | None:
    """The comparison snippet covering a pair, plus the other sides' snippets; None when the
    question is better answered as a plain one.

    A side no snippet explains is named in the reply ("I don't have an explanation for cnn").
    ``coined`` tells a name that neither English nor the knowledge knows ("mamba"): a side
    holding one is another thing compared, never talk; ``rare`` a word too rare for common
    English ("autoregressive"): one left unexplained on a side makes it another thing even
    within a known side's topic.
    """
    kb, cfg = replies.kb, replies.config
    if genus_side(sides, typed_words(question)):
        return None  # "a foundation model vs just a model": what makes the one, asked plainly
    found: list[Hit] = []
    unknown: list[str] = []
    # The best snippets of the unknown sides, and whether every such side is about its best
    # snippet (a side of another sense, or barely explained, is another thing compared).
    unknown_best: set[str] = set()
    all_within = True
    qualified = False  # an unknown side holds a rare word its snippet leaves unexplained
    first_unknown = False  # the first side is one of them
    for n, side in enumerate(sides):
        hit, verdict, words = _resolve(kb, side, check)
        if verdict.empty:
            return None  # a side with nothing in it: "vs", "up or down"
        if _only_set_against(sides, n, verdict):
            continue
        if n == len(sides) - 1 and not verdict.explained:
            hit, verdict, words = _for_purpose(
                kb, side, check, content=content, found=found, resolved=(hit, verdict, words)
            )
        # A rare name left unexplained ("bm25 keyword search" beside embeddings) is another
        # thing compared, however little else the side holds; not a version ("gpt 4o").
        odd = any(rare(w) and w[:1].isalpha() for w in verdict.missing_words())
        if hit and verdict.explained and not odd:
            found.append(hit[0])
        else:
            unknown.append(" ".join(words))
            first_unknown |= n == 0
            # A side largely about a known side's snippet is no other thing compared; another
            # sense of its term ("transformer vs diffusion in chemistry") is.
            if verdict.share >= WITHIN_SHARE and not verdict.sense:
                unknown_best.update(h.id for h in hit)
                qualified |= len(words) <= LISTED_SIDE and odd
            else:
                all_within = False
    if unknown:
        if not found:
            return None  # nothing known on either side: the plain path decides
        known = tuple(dict.fromkeys(h.id for h in found))
        if all(
            not any(rare(w) or coined(w) for w in side.split())
            and check(side.split(), known).explained
            for side in unknown
        ):
            # "a base model vs the chat version": the known side's snippet explains the
            # other, in common words, too (its best match elsewhere, "chatbots", explains it
            # less); a question within its topic, for the plain path to judge as a whole. A
            # rare name its body mentions ("lora", "dpo") is another thing compared.
            return None
        if all_within and unknown_best and unknown_best <= set(known) and not qualified:
            # Both sides are about one snippet ("modern ai chatbots vs the old rule based
            # ones that popped up on websites"): a question within its topic, for the plain
            # path to judge as a whole.
            return None
        named = any(coined(w) for side in unknown for w in side.split())
        # The side a question asks the definition of is what it asks, never talk.
        defined = first_unknown and defines_first_side(typed_words(question), sides[0])
        if named or defined or not _talk(check(list(content), known)):
            return replies.uncovered(question, unknown, [*found, *hits])
        # What looked like a side is talk after the comparison ("ai vs ml vs deep learning
        # quick version pls, intern asked me"): the known sides' snippets explain the rest.
        if len(known) < 2:
            return None
        found = [next(h for h in found if h.id == i) for i in known]
    if len({h.id for h in found}) < len(found):
        apart = _unexplained_apart(sides, found, check)
        if apart:
            # "loss function vs cost function": one snippet for both sides ("function
            # calling"), yet it explains nothing of what tells them apart.
            return replies.uncovered(question, apart, [*found, *hits])
        return None
    score = min(h.score for h in found)
    if score < cfg.suggest_threshold:
        return None
    top, ids = (hits[0] if hits else None), {h.id for h in found}
    if (
        len(found) == 2
        and top is not None
        and top.id not in ids
        and top.score > score
        and top.id not in set(kb.index.pairs.values())
    ):
        return None  # "what came first, llm or genai": a plain snippet fits better
    used = _cover_pairs(kb, [h.id for h in found])
    if len(used) == 1 or score >= cfg.answer_threshold:
        if len(used) == 1 and _another_asked(replies, hits, content, sides, ids | {used[0]}):
            return None
        whole = max((h.score for h in hits if h.id == used[0]), default=0.0)
        composed = replies.answer(question, [kb.snippets[i] for i in used], max(score, whole))
        return replace(composed, confidence=score / 100.0)  # every side resolved this well
    # One side is unsure: offer the sides first.
    return replies.did_you_mean(question, [*found, *(h for h in hits if h.id not in ids)])


_MERELY = frozenset({"just", "simply", "only", "merely"})


def _plain_way(side: Side) -> bool:
    """Whether a side is only a way of doing something ("just asking chatgpt something")."""
    return len(side) > 1 and side[0] in _MERELY and side[1].endswith("ing")


def _only_set_against(sides: Sequence[Side], n: int, verdict: Judgement) -> bool:
    """Whether side ``n`` of two is the plain way of doing it, which no snippet explains
    wholly: only what the other side is set against ("an agent vs just asking chatgpt
    something"), not another thing compared ("vs just using a base model")."""
    return (
        len(sides) == 2
        and _plain_way(sides[n])
        and not _plain_way(sides[1 - n])
        and not verdict.solid
    )


# Words that set a side up as the plain kind of another ("just a model", "normal ai").
_PLAIN_KIND = frozenset(
    {"just", "normal", "regular", "plain", "ordinary", "standard", "simple", "basic", "any"}
    | {"other", "old", "usual", "traditional", "classic", "general", "generic", "whole"}
)


def genus_side(sides: Sequence[Side], typed: Sequence[str]) -> bool:
    """Whether one side is the plain kind another side narrows, every word of it in that
    side, and called plain as typed ("a foundation model vs just a model", "generative ai
    vs normal ai"): the question asks what sets the narrower one apart, not two things side
    by side ("ai vs generative ai" still compares two topics). ``typed``: the question's
    words as typed."""
    if len(sides) != 2:
        return False
    one, two = (set(plain(side)) - _PLAIN_KIND - ARTICLES for side in sides)
    return any(
        kind and kind < other and _called_plain(kind, typed)
        for kind, other in ((one, two), (two, one))
    )


def _called_plain(kind: set[str], typed: Sequence[str]) -> bool:
    """Whether a plain-kind word comes just before a word of ``kind`` ("just a model")."""
    return any(
        word in _PLAIN_KIND and any(t.startswith(k) for t in typed[i + 1 : i + 3] for k in kind)
        for i, word in enumerate(typed)
    )


_Resolved = tuple[list[Hit], Judgement, list[str]]


def _resolve(kb: KnowledgeBase, side: Side, check: Check) -> _Resolved:
    """A side's best snippet, its judgement and the side's plain words."""
    words = plain(side)
    hit = kb.index.search(side, 1, plain_only=True)
    verdict = check(words, (hit[0].id,) if hit else ())
    if not verdict.explained:
        # Searched without its phrasing words: "just a" of "just a faq bot" matches the
        # agents snippet's "is an ai agent just a chatbot".
        hit, verdict = _without_phrasing(kb, side, words, check) or (hit, verdict)
    return hit, verdict, words


def _without_phrasing(
    kb: KnowledgeBase, side: Side, words: list[str], check: Check
) -> tuple[list[Hit], Judgement] | None:
    """The side's best snippet searched by its topic words alone, when it explains them."""
    named = [t for t in side if t.startswith(FILLER_MARK) or topic_words([t])]
    if len(named) == len(side) or not topic_words(words):
        return None
    hit = kb.index.search(named, 1, plain_only=True)
    verdict = check(words, (hit[0].id,) if hit else ())
    return (hit, verdict) if hit and verdict.explained else None


def _for_purpose(
    kb: KnowledgeBase,
    side: Side,
    check: Check,
    *,
    content: Sequence[str],
    found: Sequence[Hit],
    resolved: _Resolved,
) -> _Resolved:
    """The last side, unexplained, resolved without a trailing phrase of purpose ("finetuning
    vs rag for a faq bot", "llm vs genai for an exec audience"): what the comparison is for is
    no side (but "transformer vs diffusion in chemistry" is another sense of diffusion). The
    phrase must speak of what the knowledge knows, or be talk to the judge of the whole
    question ("for cooking dinner" may make the whole question another one). ``resolved``
    (hit, verdict, words) unchanged when it does not apply."""
    verdict = resolved[1]
    short = _purposeless(side)
    if not short or (verdict.sense and not _own(side[len(short) :], kb.index.known)):
        return resolved  # "transformer vs diffusion in chemistry": another sense
    found_short = kb.index.search(short, 1, plain_only=True)
    judged = check(plain(short), (found_short[0].id,) if found_short else ())
    if not (found_short and judged.explained and judged.solid):
        return resolved
    rest = topic_words(side[len(short) :])
    with_short = tuple(dict.fromkeys(h.id for h in (*found, found_short[0])))
    if (
        all(w in kb.index.known for w in rest)
        or _own(side[len(short) :], kb.index.known)
        or _talk(check(list(content), with_short))
    ):
        return found_short, judged, plain(short)
    return resolved


def _purposeless(side: Side) -> list[str] | None:
    """The last side without a trailing phrase of purpose or setting ("rag for a faq bot",
    "fine tuning in practice"), or None when it has none."""
    for i, token in enumerate(side):
        if i > 0 and token in _SETTING:
            return list(side[:i])
    return None


def _own(phrase: Sequence[str], known: Container[str]) -> bool:
    """Whether a trailing phrase names the asker's own use ("for our pharmacy formulary
    bot", "for my team's wiki") or a task of the field the choice is for ("for generating
    texture art": a verb the knowledge uses; "for heating the lab" is no such task): never
    another sense of a side."""
    if len(phrase) < 2 or phrase[0] != "for":
        return False
    task = phrase[1].endswith("ing") and phrase[1] in known
    return (len(phrase) > 2 and phrase[1] in POSSESSIVES) or task


def _unexplained_apart(sides: Sequence[Side], found: Sequence[Hit], check: Check) -> list[str]:
    """The sides resolved to the same snippet whose own words, those the other sides do not
    share, that snippet explains none of: what the question compares is not covered."""
    if len(found) != len(sides):
        return []
    apart: list[str] = []
    for n, (side, hit) in enumerate(zip(sides, found, strict=True)):
        others = {w for m, other in enumerate(sides) if m != n for w in plain(other)}
        # "same thing?" of "context length vs token limit - same thing?" is no side's own
        own = [w for w in plain(side) if w not in others and w not in VERDICTS]
        same = [h for m, h in enumerate(found) if m != n and h.id == hit.id]
        if same and topic_words(own):
            verdict = check(own, (hit.id,))
            if not verdict.empty and verdict.share == 0.0:
                apart.append(" ".join(own))
    return apart


def _talk(whole: Judgement) -> bool:
    """Whether the judge of the whole question finds it explained once its talk is left out
    (:attr:`Judgement.talk`): what is left over of a side is talk, not another thing."""
    return whole.explained and bool(whole.talk)


def _cover_pairs(kb: KnowledgeBase, ids: list[str]) -> list[str]:
    """The snippets answering a comparison of ``ids``: comparison snippets for pairs first."""
    left = list(ids)
    used: list[str] = []
    for a in ids:
        for b in ids:
            covering = kb.index.pairs.get(frozenset((a, b)))
            if a in left and b in left and a != b and covering is not None:
                used.append(covering)
                left = [i for i in left if i not in {a, b}]
    return used + left


def _another_asked(
    replies: Replies,
    hits: Sequence[Hit],
    content: Sequence[str],
    sides: Sequence[Side],
    ids: set[str],
) -> bool:
    """Whether the whole question leads clearly to a snippet other than the comparison's
    ``ids`` through what it asks beside the sides ("llms vs generative ai, which one is
    older"); ``ids`` holds the sides' snippets and the pair's comparison snippet."""
    cfg = replies.config
    top = hits[0] if hits else None
    if top is None or top.id in ids or top.score < cfg.answer_threshold:
        return False
    pair = max((h.score for h in hits if h.id in ids), default=0.0)
    return top.score - pair >= cfg.trusted_margin and _asks_of(replies.kb, content, sides, top.id)


def _asks_of(kb: KnowledgeBase, content: Sequence[str], sides: Sequence[Side], sid: str) -> bool:
    """Whether the question's words beside its sides are what lead to snippet ``sid``: its
    score on the whole ``content`` beats its score on the sides alone by a trusted margin
    ("which one is older" does; "which is which" adds nothing)."""
    in_sides = {w for side in sides for w in plain(side)}
    if not topic_words([w for w in content if w not in in_sides]):
        return False
    alone: list[str] = []
    for side in sides:
        alone += [*(["vs"] if alone else []), *side]
    whole = max(
        (h.score for h in kb.index.search(content, ASKS_OF_LIMIT) if h.id == sid), default=0.0
    )
    bare = max((h.score for h in kb.index.search(alone, ASKS_OF_LIMIT) if h.id == sid), default=0.0)
    return whole - bare >= ASKS_OF_GAIN
