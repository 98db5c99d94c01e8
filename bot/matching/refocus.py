"""Which part of a question to decide on, when another part picks the wrong snippet: the
phrase naming whom to explain to left out, the clause that asks the definition alone, or the
name the question quotes.

Each step takes the knowledge base, a test of whether a word names a snippet
(:meth:`bot.matching.trust.coverage.Coverage.is_name`) and the question's hits, and returns
the hits to decide on, or None (or the hits unchanged) when it does not apply.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from bot.knowledge.base import KnowledgeBase
from bot.matching.compare import plain
from bot.matching.comparing import Check
from bot.matching.focus import CLAUSE_END, defining_clause, first_defining, without
from bot.matching.matcher import Hit
from bot.matching.naming import named_whole
from bot.matching.normalize import strip_links, words
from bot.matching.trust.asker import INTRODUCING
from bot.matching.trust.audience import spoken_to
from bot.matching.trust.grammar import QUOTED, runs, split_sentences
from bot.matching.trust.judge import Judgement

Names = Callable[[str, Sequence[str]], bool]  # whether a word names one of the snippets
Analyse = Callable[[str], list[str]]


def without_listeners(
    kb: KnowledgeBase,
    question: str,
    *,
    hits: list[Hit],
    tokens: list[str],
    analyse: Analyse,
    person: Callable[[str], bool],
) -> tuple[list[Hit], list[str]]:
    """ "retrieval augmented generation, explain it to a chatbot designer", "councillor's
    assistant here. ...": the phrases naming who listens or who asks say nothing of the
    topic; when leaving them out puts another snippet first, the question less them (hits
    and tokens) is decided instead."""
    if not hits:
        return hits, tokens
    listeners = spoken_to(question, person)
    if not listeners:
        return hits, tokens
    after = _after_intro(question, listeners)
    if after is None:
        rest = without(tokens, plain(analyse(" ".join(listeners))))
    else:
        # Analysed anew, the question proper opens the message: "can you explain" of "i'm a
        # nurse - can you explain genai" is then a request, not words to match.
        text, others = after
        rest = without(analyse(text), plain(analyse(" ".join(others))))
    top = hits[0].id
    focused = kb.index.search(rest, len(hits))
    if not focused or focused[0].id == top:
        return hits, tokens
    return focused, rest


def _after_intro(question: str, listeners: list[str]) -> tuple[str, list[str]] | None:
    """The message after an opening sentence that only says who asks ("i'm a nurse - ..."),
    with the other listeners; None when the listeners do not open the message."""
    parts = split_sentences(question)
    if len(parts) < 2:
        return None
    intro = [w for run in runs(parts[0]) for w in run if w not in INTRODUCING]
    if not intro or listeners[: len(intro)] != intro:
        return None
    return question[question.find(parts[1]) :], listeners[len(intro) :]


def defined_first(
    kb: KnowledgeBase,
    names: Names,
    question: str,
    *,
    hits: list[Hit],
    content: list[str],
    check: Check,
    analyse: Analyse,
) -> tuple[list[Hit], Judgement] | None:
    """ "what is generative ai, in simple terms, for a sales team that never used it": the
    clause asking the definition, scored alone, names another snippet, which explains the
    whole question once its talk is left out; that snippet goes first (with its judgement)."""
    found = first_defining(kb, question, analyse, len(hits))
    if found is None or not hits or found[0][0].id == hits[0].id:
        return None
    clause_hits, clause = found
    best = clause_hits[0]
    if best.score < hits[0].score:
        return None
    if not any(names(w, (best.id,)) for w in plain(clause)):
        return None
    # The clause names the snippet by one of its names whole: "what are the 'weights'" is no
    # question about open weights.
    asked = set(plain(clause))
    if not any(
        set(plain(analyse(alias))) <= asked for alias in kb.snippets[best.id].aliases if alias
    ):
        return None
    again = check(content, (best.id,), definition=True, clear=True, lenient=True)
    if not (again.explained and again.solid and again.talk):
        return None
    # Scored as the clause alone, as when the whole question scores it lower: the rest of
    # the question is talk the snippet's check has placed.
    there = next((h for h in hits if h.id == best.id), best)
    ordered = [max(there, best, key=lambda h: h.score), *(h for h in hits if h.id != best.id)]
    return ordered, again


def defining_clause_hits(
    kb: KnowledgeBase,
    names: Names,
    question: str,
    *,
    top: Hit,
    limit: int,
    check: Check,
    analyse: Analyse,
) -> list[Hit] | None:
    """ "what is rag and why does everyone at this conference keep saying it": the clause
    that asks the definition, scored alone, when it names the snippet's term and the snippet
    explains all of it ("what is feature engineering" does not qualify)."""
    found = defining_clause(kb, question, analyse, top, limit)
    if found is None:
        return None
    hits, tokens = found
    content = plain(tokens)
    if not any(names(w, (top.id,)) for w in content):
        return None
    verdict = check(content, (top.id,), definition=True, question="", asides=())
    return hits if verdict.explained and verdict.solid else None


# A closing clause that asks only what the quoted phrase is ("what is it actually", "what
# does that mean", "plain english pls").
POINTED_ASK = frozenset(
    {"what", "whats", "is", "are", "s", "does", "do", "mean", "means", "explain", "plain"}
    | {"english", "actually", "exactly", "honestly", "even", "then", "about", "pls", "please"}
)
POINTERS = frozenset({"it", "that", "this", "they", "those", "them", "english"})


def asks_of_quote(question: str) -> str:
    """The closing clause of ``question`` when it only points back, else ""."""
    parts = [p for p in CLAUSE_END.split(strip_links(question)) if p and p.strip()]
    said = words(parts[-1]) if parts else []
    if said and not POINTERS.isdisjoint(said) and all(w in POINTED_ASK | POINTERS for w in said):
        return parts[-1]
    return ""


def quoted_first(
    kb: KnowledgeBase,
    question: str,
    *,
    hits: list[Hit],
    content: list[str],
    check: Check,
    analyse: Analyse,
    english: Callable[[str], bool],
) -> tuple[list[Hit], Judgement] | None:
    """'someone keeps saying "large language model" and I nodded along, what is it': the
    phrase the question quotes, scored alone, names a snippet by one of its names whole; that
    snippet goes first (with its judgement) when it explains the whole question once its
    talk is left out. The rest of a long question can put another snippet first by its
    plain words. When the question closes by only asking what it is ("what is it", "plain
    english pls"), the rest tells where the phrase was heard: the phrase and the ask are
    judged alone, unless the story gives the phrase another sense. Quotes naming two snippets
    ("'LLM' and 'gen AI' interchangeably") compare them: no one of them goes first."""
    # Per quote naming a snippet: its best hit, the quote as typed, and whether it is that
    # name and nothing else.
    named: list[tuple[Hit, str, bool]] = []
    for typed in QUOTED.findall(question):
        tokens = analyse(typed)
        found = kb.index.search(tokens, len(hits)) if tokens else []
        if not found:
            continue
        best, quoted = found[0], set(plain(tokens))
        names = [set(plain(analyse(a))) for a in kb.snippets[best.id].aliases if a]
        if any(name <= quoted for name in names):
            # The name and nothing else ("tokens", not "tokens low" on a printer's screen),
            # and not a lone English word, whose sense the story may tell ("the psychiatrist
            # mentioned 'hallucinating'").
            lone = len(typed.split()) < 2 and typed.islower() and english(typed.strip())
            named.append((best, typed, quoted in names and not lone))
    if len({hit.id for hit, _, _ in named}) != 1 or not hits:
        return None
    best, quote, _ = max(named, key=lambda n: n[0].score)
    if _asked_of_another(kb, question, best.id, hits, analyse):
        return None
    exact = any(is_name for _, _, is_name in named)
    ask = asks_of_quote(question) if exact else ""
    if best.id == hits[0].id and not ask:
        return None
    again = check(content, (best.id,), definition=True, clear=True, lenient=True)
    if ask and not again.explained and not again.sense:
        # Asked only what the phrase is: the rest tells where it was heard, so the phrase
        # and the ask are what the snippet must explain (another sense of it still counts).
        again = check(plain(analyse(f"{quote} {ask}")), (best.id,), definition=True)
    if not (again.explained and again.solid):
        return None
    there = next((h for h in hits if h.id == best.id), best)
    ordered = [max(there, best, key=lambda h: h.score), *(h for h in hits if h.id != best.id)]
    return ordered, again


def _asked_of_another(
    kb: KnowledgeBase, question: str, quoted: str, hits: Sequence[Hit], analyse: Analyse
) -> bool:
    """Whether a question the asker puts, with no quote in it, names another candidate whole:
    "is chatgpt the actual ai or just the app? my nephew says it runs on 'GPT'" asks of
    ChatGPT; the quote tells what the nephew said."""
    for asked in ASKED.findall(question):
        if QUOTED.search(asked):
            continue
        content = plain(analyse(asked))
        if any(h.id != quoted and named_whole(kb, h.id, content) for h in hits):
            return True
    return False


# A sentence that asks: up to a question mark.
ASKED = re.compile(r"[^?.!]*\?")
