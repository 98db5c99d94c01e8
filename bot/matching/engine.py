"""The answer engine: question text in, neutral :class:`Answer` out.

Thread-safe: the engine only reads an immutable :class:`KnowledgeBase`, and :meth:`Engine.swap`
replaces it with one reference assignment, so a question is answered wholly from the old or
wholly from the new knowledge.

Decision: the best snippet is answered when its score reaches ``answer_threshold`` and leads the
runner-up by ``min_margin``; otherwise the candidates above ``suggest_threshold`` become a
did-you-mean; otherwise a polite none. A comparison ("X vs Y") resolves each side on its own and
answers the comparison snippet covering both, or composes one answer from the two snippets.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any

from bot.knowledge.base import KnowledgeBase
from bot.matching.alone import asks_of_before, likens_to_before, names_kind, stands_alone
from bot.matching.compare import comparative, parse_sides, plain
from bot.matching.comparing import compare
from bot.matching.decide import Decider
from bot.matching.described import described
from bot.matching.focus import (
    asked_sentences,
    clause_sides,
    quoted_questions,
    with_quoted_term,
)
from bot.matching.lexicon import Lexicon
from bot.matching.matchconfig import MatchConfig
from bot.matching.matcher import Hit
from bot.matching.normalize import split_filler, strip_answer_form, words
from bot.matching.outcomes import Replies, suggestion
from bot.matching.perkb import PerKnowledge
from bot.matching.pointing import Names, name_table, with_named_term
from bot.matching.smalltalk import asks_joke, pleasantry_first, put_to_bot, small_talk
from bot.matching.trust.choice import EITHER
from bot.matching.trust.clauses import asides, clauses
from bot.matching.trust.coverage import Coverage
from bot.matching.trust.judge import Judge
from bot.matching.trust.vocabulary import asks_definition, asks_name, topic_words
from bot.matching.whom import asks_only_whom
from bot.models import Answer, Reason, SmallTalk, Status, Suggestion

if TYPE_CHECKING:  # imported where used: a one-shot ``ask`` never autocompletes
    from bot.matching.autocomplete import Completer
    from bot.matching.derived import DerivedCache
    from bot.matching.trust.fitted import FittedThreshold
    from bot.matching.trust.threshold import Trials

__all__ = ["Engine", "MatchConfig"]

# A word of a snippet's name this telling ("prompt"; not "thing" or "close", everyday words a
# name happens to hold) makes a naming question ask of that name.
NAMING_SALIENCE = 0.2
DESCRIBED_HITS = 10  # candidates a description question is checked against
RETIRED_S = 5.0  # an answer still on the replaced knowledge this long after a swap is rare
_LIST_WORDS = frozenset({"help", "list", "topics", "topic", "menu", "index", "all", "?"})


class Engine:
    """Answers questions from a swappable knowledge base."""

    def __init__(
        self,
        knowledge: KnowledgeBase,
        *,
        config: MatchConfig | None = None,
        lexicon: Lexicon | None = None,
    ) -> None:
        self._kb = knowledge
        self._config = config or MatchConfig()
        self._lexicon = lexicon or Lexicon()
        self._judges: PerKnowledge[Judge] = PerKnowledge()
        self._completers: PerKnowledge[Completer] = PerKnowledge()
        # The fitted answer threshold (bot.matching.trust.threshold), settling after a reload
        # whose build hands it over later (bot.matching.trust.fitted).
        self._thresholds: PerKnowledge[FittedThreshold] = PerKnowledge()
        self._names: PerKnowledge[Names] = PerKnowledge()  # built when a sentence points
        self._whom: PerKnowledge[bool] = PerKnowledge()  # see _whom_answered
        self._retired_until: float | None = None  # when the replaced ones may go (see swap)

    @property
    def knowledge(self) -> KnowledgeBase:
        return self._kb

    @property
    def config(self) -> MatchConfig:
        return self._config

    def swap(self, knowledge: KnowledgeBase) -> None:
        """Atomically replace the knowledge base (one reference assignment)."""
        # Answers still running on the replaced knowledge find their structures for a few
        # seconds; the prepared ones become current at once (bot.matching.perkb).
        self._retired_until = time.monotonic() + RETIRED_S
        self._kb = knowledge
        for cache in self._caches():
            cache.swap(knowledge)

    def release_replaced(self, *, now: float | None = None) -> None:
        """Drop what the caches held for the knowledge the last swap replaced, once no answer
        can still be on it (``RETIRED_S`` after the swap); answers call it too, and a
        reloader after that time (an idle bot would keep it otherwise)."""
        until = self._retired_until
        if until is not None and (time.monotonic() if now is None else now) > until:
            self._retired_until = None
            for cache in self._caches():
                cache.release()

    def _caches(
        self,
    ) -> tuple[
        PerKnowledge[Judge],
        PerKnowledge[Completer],
        PerKnowledge[FittedThreshold],
        PerKnowledge[bool],
    ]:
        return (self._judges, self._completers, self._thresholds, self._whom)

    def topics(self) -> tuple[Suggestion, ...]:
        """Every snippet, sorted by id, as (id, title, summary)."""
        return tuple(suggestion(s, 100.0) for s in self._kb.snippets.values())

    def explain(self, snippet_id: str) -> Answer:
        """The answer for a snippet chosen by id (a did-you-mean or related button)."""
        kb = self._kb
        snippet = kb.snippets.get(snippet_id)
        if snippet is None:
            return Answer(question=snippet_id, status=Status.NONE, reason=Reason.NO_MATCH)
        return self._replies().answer(snippet_id, (snippet,), 100.0)

    def suggest(self, prefix: str, limit: int = 25) -> tuple[Suggestion, ...]:
        """Autocomplete choices for a partly typed question, best first, at most ``limit``.

        Prefix and word matches first (:mod:`bot.matching.autocomplete`), then fuzzy matches
        from the answer index; never empty while any topic exists.
        """
        self.release_replaced()
        kb = self._kb
        if limit <= 0:
            return ()
        ids = self._completer(kb).rank(prefix, limit)
        if len(ids) < limit and words(prefix):
            index = kb.index
            tokens = index.tokens(prefix, typo_cutoff=self._config.typo_cutoff)
            floor = self._config.suggest_threshold / 2
            ids += [h.id for h in index.search(tokens, limit) if h.score >= floor]
        if not ids:
            return self.topics()[:limit]
        unique = list(dict.fromkeys(ids))[:limit]
        return tuple(suggestion(kb.snippets[i], 100.0) for i in unique)

    def _name_table(self) -> Names:
        kb = self._kb
        return self._names.get(kb, lambda k: name_table(k, self._lexicon.knows))

    def _replies(self) -> Replies:
        return Replies(self._kb, self._config)

    def _completer(self, kb: KnowledgeBase) -> Completer:
        return self._completers.get(kb, self._new_completer, current=kb is self._kb)

    def answer(self, question: str) -> Answer:
        """Answer one question; never raises for any string."""
        found = self._answer(question)
        if found.status is Status.ANSWER or found.reason is Reason.SMALLTALK:
            return found
        if asks_only_whom(question) and not self._whom_answered(self._kb):
            return found  # a sentence of it alone would not be asked whom to turn to either
        # A message of several sentences whose question, asked alone, is answered clearly
        # ("podcast producer here. I pasted a 3 hour transcript and it forgot the start. why
        # does it forget?"): the other sentences dilute the score and bring words the check
        # cannot place. Alone it must clear the bar without the explained discount.
        needed = self._config.answer_threshold + self._config.explained_discount
        # Nothing came close for the whole message: a sentence alone that does come close
        # offers its did-you-mean instead ("why are llm model files so huge? tried to
        # download one on the depot laptop ...").
        offer: Answer | None = None
        for asked in [*asked_sentences(question), *quoted_questions(question)]:
            part = with_quoted_term(question, asked, self._coined_name)
            quoted = part != asked
            if not quoted:
                part = with_named_term(question, asked, self._name_table)
            # Only a sentence naming its kind after "those" needs the rest read for the field.
            field_before = names_kind(part) and self._of_field(question.replace(asked, " "))
            verb = self._lexicon.may_be_verb
            if not stands_alone(
                question,
                part,
                found.missing,
                verb,
                field_before=field_before,
                person=self._lexicon.names_people,
            ):
                continue
            if found.missing and likens_to_before(part):
                continue  # "what's MCP? is that like the context window?": MCP is unexplained
            if asks_of_before(part) and not self._of_field(question.replace(part, " ")):
                # "a child ... was seeing bugs. is that hallucinating?": what it is asked of
                # is nothing of the field, which alone it would forget.
                continue
            alone = self._answer(part)
            # A sentence asking of a term the message quotes ("the demo said it 'uses RAG
            # over your DMS'. what does that mean") names it as plainly as a question can:
            # the answer it gets alone stands, without the higher bar. So does the snippet
            # the whole message was unsure of, its words all explained ("why are llm model
            # files so huge? tried downloading one ... it was like 40GB"), unless the
            # sentence sets two things side by side ("... or do the RAG thing?"), which a
            # comparison of them may answer, or the message asks the name of what it tells
            # ("can you train a model on made-up data? what's that called").
            agrees = (
                found.reason is Reason.UNSURE
                and bool(found.suggestions)
                and found.suggestions[0].id in alone.ids[:1]
                and not EITHER.intersection(words(part))
                and not asks_name(question)
            )
            if alone.status is Status.ANSWER and (alone.score >= needed or quoted or agrees):
                return replace(alone, question=question)
            if offer is None and alone.status is Status.SUGGEST and alone.suggestions:
                offer = replace(alone, question=question)
            elif offer is None and alone.status is Status.ANSWER and self._of_field(part):
                # Not clear enough alone to answer, yet a sentence of the field ("why are
                # llm model files so huge?") is worth offering ("what's that called" is not).
                offer = self._replies().unsure_of(question, alone)
        if found.reason is Reason.NO_MATCH and offer is not None:
            return offer
        unknown = found.reason in {Reason.NO_MATCH, Reason.UNCOVERED}
        if unknown and put_to_bot(question) and not self._of_field(question):
            # "do you ever sleep?", "can you sing?": a question put to the bot about itself,
            # nothing of the field in it, gets the small-talk reply, not "I don't know".
            return self._replies().small_talk(question, SmallTalk.ABOUT_BOT)
        if asks_joke(words(question)):
            return self._replies().small_talk(question, SmallTalk.JOKE)
        # "thanks, that actually made sense for once": likewise.
        opened = pleasantry_first(question) if unknown else None
        if opened is not None and not self._of_field(question):
            return self._replies().small_talk(question, opened)
        return found

    def _coined_name(self, word: str) -> bool:
        """Whether a word English does not know, however rare or inflected, names a topic of
        the knowledge ("agentic"; not "hallucinating", "realignment")."""
        if self._lexicon.knows(word):
            return False
        found = self._kb.index.content_words(word)
        coverage = self._judge(self._kb).coverage
        return bool(found) and all(coverage.named_by(coverage.stems(w)) for w in found)

    def _of_field(self, text: str) -> bool:
        """Whether ``text`` holds a word of some snippet's title or aliases, one not too
        frequent to say so (:meth:`Judge.names_any`)."""
        kb = self._kb
        tokens = kb.index.tokens(
            text, typo_cutoff=self._config.typo_cutoff, keep=self._lexicon.is_word
        )
        return self._judge(kb).names_any(topic_words(plain(tokens)))

    def _answer(self, question: str) -> Answer:
        """:meth:`answer` for the whole message."""
        self.release_replaced()
        kb = self._kb
        cfg = self._config
        replies = Replies(kb, cfg)
        raw = words(question)
        # No words at all: "?" asks for the topics, an emoji alone is a reaction (small talk).
        listing = len(raw) <= 2 and all(w in _LIST_WORDS for w in raw)
        if not question.strip() or (listing and (raw or question.isascii())):
            return replies.topics(question)
        index = kb.index
        analyse = partial(index.tokens, typo_cutoff=cfg.typo_cutoff, keep=self._lexicon.is_word)
        tokens = analyse(question)
        content = plain(tokens)
        hits = index.search(tokens, limit=max(cfg.max_suggestions, 2)) if raw else []
        # A knowledge base may have its own snippet for "hello" or "who made you" (CLINC150's
        # greeting intents): a strong, clear match wins over the built-in small talk.
        strong = bool(hits) and self._trusted(hits)
        chat = None if strong else small_talk(raw, question)
        if chat is not None:
            return replies.small_talk(question, chat)
        if asks_only_whom(question) and not self._whom_answered(kb):
            # "we need a temp for the box office, who do i ask": a person is asked for, which
            # a knowledge base none of whose questions asks so never answers (CLINC150's does:
            # "who do i contact for lost luggage").
            return replies.declined(question)
        if not raw or not (strong or topic_words(content)):  # "vs", "what is it"
            return replies.declined(question)
        judge = self._judge(kb)
        if (
            not strong
            and not judge.weighs(topic_words(content))
            and (not hits or not judge.asks_glue(hits[0].id))
        ):
            return replies.declined(question)  # "what time is it": chat glue names nothing
        parts = clauses(question)
        # An aside that names a topic by a name of several words is no talk about the asker
        # ("jailbreaking an llm - how does it work").
        aside = tuple(
            a
            for a in asides(parts, lambda text: plain(analyse(text)))
            if not judge.names_a_topic(a)
        )
        # Asked of the question without its form ("someone explain what a prompt is").
        plainly = strip_answer_form(question)[0]
        # "what's the word for turning text into numbers" asks the name of a description,
        # which a snippet's body may tell as well as its summary; one holding a name of the
        # knowledge ("the word for a prompt reply to an email") asks of that name.
        definition = asks_definition(split_filler(words(plainly))[0]) and not (
            asks_name(plainly) and not judge.names_any(plain(tokens), floor=NAMING_SALIENCE)
        )
        check = partial(judge, definition=definition, asides=aside, question=plainly)
        sides = parse_sides(tokens)
        # A comparative's second side may run on into the next sentence ("is a vector db
        # the same thing as postgis? i store pipes in postgis"): its clause sets it.
        if sides is not None or comparative(tokens):
            sides = clause_sides(question, analyse) or sides
        if sides is not None:
            coverage = judge.coverage
            compared = compare(
                replies,
                question,
                sides,
                hits,
                check,
                content=content,
                coined=lambda w: not self._lexicon.is_word(w) and coverage.unused(w),
                rare=lambda w: not self._lexicon.is_word(w),
            )
            if compared is not None:
                return compared
        decider = Decider(
            replies,
            coverage=judge.coverage,
            trusted=self._trusted,
            threshold=lambda: self.answer_threshold(kb),
            person=lambda w: self._lexicon.names_person(w) or self._lexicon.names_trade(w),
            lexicon=self._lexicon,
        )
        decided = decider.decide(
            question, hits, tokens, check, analyse=analyse, definition=definition
        )
        if (
            decided.status is Status.ANSWER
            or not asks_name(plainly)
            or judge.names_a_snippet(content)
        ):
            return decided
        # "what's the word for the setup where one network makes fakes and another catches
        # them": the ranker's example questions may not place a description; the snippets'
        # own text may.
        found = described(
            content,
            index.search(tokens, limit=DESCRIBED_HITS),
            coverage=judge.coverage,
            lexicon=self._lexicon,
            compared=frozenset(index.pairs.values()),
            check=partial(check, definition=False),  # a description: bodies tell it too
        )
        return (
            decided
            if found is None
            else replies.answer(question, [kb.snippets[found.id]], found.score)
        )

    def _whom_answered(self, kb: KnowledgeBase) -> bool:
        """Whether an example question of ``kb`` asks whom to turn to."""
        return self._whom.get(kb, _asks_whom, current=kb is self._kb)

    def _trusted(self, hits: Sequence[Hit]) -> bool:
        """A strong and clear best match (``trusted_score`` and ``trusted_margin``)."""
        cfg = self._config
        margin = hits[0].score - (hits[1].score if len(hits) > 1 else 0.0)
        return hits[0].score >= cfg.trusted_score and margin >= cfg.trusted_margin

    def prepare(self, knowledge: KnowledgeBase) -> None:
        """Build, before ``knowledge`` is swapped in, what its first questions would otherwise
        build on the answering path: the explanation statistics and their fitted tolerance
        (10-200 ms, and the English word list on first use) and the autocomplete index. Call
        it off the event loop.

        Both are updated from the last ones built, when there are: only snippets that are not
        there as they are now are read again (a reload that edits one snippet of 100,000
        questions), with the same result as a build from scratch."""
        judge = self._new_judge(knowledge)
        judge.warm()
        # Autocomplete runs on the event loop: its prefix index must not be built there.
        self._completers.prepare(knowledge, self._new_completer(knowledge))
        if self._config.fit_threshold:
            self._thresholds.prepare(knowledge, self._fit(knowledge))
        self._judges.prepare(knowledge, judge)
        # Built now, not when a whom question first comes: till then the structure for the
        # replaced knowledge would stay current and keep that knowledge alive.
        self._whom.prepare(knowledge, _asks_whom(knowledge))

    def _new_judge(self, knowledge: KnowledgeBase) -> Judge:
        """A judge for ``knowledge``, its statistics updated from the latest ones built when
        the synonyms are the same (the new index then analyses unchanged texts as before)."""
        snippets = tuple(knowledge.snippets.values())
        judged = self._judges.latest()
        coverage = None
        if judged is not None and dict(judged[0].synonyms) == dict(knowledge.synonyms):
            old = judged[1].coverage
            coverage = old.updated(snippets, judged[0].snippets, knowledge.index.content_words)
        if coverage is None and knowledge.derived is not None:
            coverage = _stored_coverage(knowledge, knowledge.derived)
        return Judge(snippets, knowledge.index, self._lexicon, coverage=coverage)

    def _new_completer(self, knowledge: KnowledgeBase) -> Completer:
        """The autocomplete index of ``knowledge``, updated from the latest one built."""
        snippets = tuple(knowledge.snippets.values())
        completed = self._completers.latest()
        if completed is not None:
            return completed[1].updated(snippets, completed[0].snippets)
        from bot.matching.autocomplete import Completer

        return Completer.build(snippets)

    def answer_threshold(self, kb: KnowledgeBase | None = None) -> float:
        """The score needed to answer from ``kb`` (default: the current knowledge): the
        configured threshold, or the one fitted to the knowledge base (for a few seconds
        after a reload, the one fitted to the knowledge it replaced: see
        :mod:`bot.matching.trust.fitted`)."""
        kb = kb or self._kb
        if not self._config.fit_threshold:
            return self._config.answer_threshold
        return self._thresholds.get(kb, self._fit, current=kb is self._kb).value

    def threshold_settled(self, kb: KnowledgeBase | None = None, timeout: float = 0.0) -> bool:
        """Whether ``kb``'s (default: the current knowledge's) own fitted threshold is in
        use, waiting up to ``timeout`` seconds for it; True when nothing is fitted."""
        kb = kb or self._kb
        if not self._config.fit_threshold:
            return True
        return self._thresholds.get(kb, self._fit, current=kb is self._kb).wait(timeout)

    def _fit(self, kb: KnowledgeBase) -> FittedThreshold:
        from bot.matching.trust.fitted import FittedThreshold, fit, settle_later

        snippets = tuple(kb.snippets.values())
        pending = kb.pending_trials
        if kb.trials is None and pending is not None:
            latest = self._thresholds.latest()
            if latest is not None and not pending.done():
                # Serve now with the replaced knowledge's threshold; settle when they come.
                fitted = FittedThreshold.provisional(latest[1].value)
                settle_later(fitted, pending, self._config, snippets, kb.synonyms)
                return fitted
            # Nothing to stand in (a start): wait for them (the child's timeout bounds it).
            return FittedThreshold(fit(self._config, snippets, kb.synonyms, pending.result()))
        trials = kb.trials
        if trials is None and kb.derived is not None:
            trials = _stored_trials(kb, kb.derived, self._config.typo_cutoff)
        return FittedThreshold(fit(self._config, snippets, kb.synonyms, trials))

    def _judge(self, kb: KnowledgeBase) -> Judge:
        return self._judges.get(kb, self._new_judge, current=kb is self._kb)


def _asks_whom(kb: KnowledgeBase) -> bool:
    """Whether an example question of ``kb`` asks whom to turn to."""
    return any(asks_only_whom(q) for s in kb.snippets.values() for q in s.questions)


def _stored_coverage(knowledge: KnowledgeBase, derived: DerivedCache) -> Coverage:
    """The trust statistics kept beside the cached index (:mod:`bot.matching.derived`), else
    built and kept there."""
    from bot.matching.trust.coveragefile import KIND, SOURCES, from_doc, to_doc

    snippets = tuple(knowledge.snippets.values())
    analyse = knowledge.index.content_words
    return derived.load_or_make(
        KIND,
        SOURCES,
        read=lambda doc: from_doc(doc, snippets, analyse),
        make=lambda: Coverage.build(snippets, analyse),
        write=to_doc,
    )


def _stored_trials(knowledge: KnowledgeBase, derived: DerivedCache, typo_cutoff: float) -> Trials:
    """The threshold's held-out trials kept beside the cached index, else made (a second
    build) and kept there."""
    from bot.matching.trust.threshold import held_out_trials
    from bot.matching.trust.trialsfile import KIND, SOURCES, from_doc, to_doc

    def read(doc: dict[str, Any]) -> Trials:
        trials = from_doc(doc)
        if trials.typo_cutoff != typo_cutoff:
            raise ValueError("asked with another typo cutoff")
        return trials

    snippets = tuple(knowledge.snippets.values())
    return derived.load_or_make(
        KIND,
        SOURCES,
        read=read,
        make=lambda: held_out_trials(snippets, knowledge.synonyms, typo_cutoff=typo_cutoff),
        write=to_doc,
    )
