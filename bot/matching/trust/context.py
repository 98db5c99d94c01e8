"""Everyday words beside the term: context around it, or a sense of it we do not explain.

Two failures of the coverage check (:mod:`bot.matching.trust.coverage`) have the same cause,
an ordinary English word the knowledge never uses:

- "my boss keeps talking about embeddings and i nod along, what are they": "boss" and "nod"
  are talk around the term; the question is about embeddings and should be answered;
- "how do i fine tune my guitar", "what is diffusion in chemistry", "best transformers movie":
  the plain word is attached to the term and changes its sense (music, chemistry, films); the
  question must not get a confident answer, however well the snippet names the term.

What tells them apart is grammar, not topic lists: a word *attached* to a term word is joined
to it only by words that link nouns (prepositions, articles, possessives, "and"/"or", "the
ones"), so it qualifies the term; a word separated from it by a verb, a wh-word, a pronoun
or a clause break is talk around it. Only words the knowledge never uses anywhere (titles,
aliases, example questions or bodies) and that are real English words count: a rare
technical word is never "everyday", and a word of the domain is judged by coverage as before.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from bot.matching.alone import opens_asking_of_before
from bot.matching.lexicon import CHATTY_ZIPF, Lexicon
from bot.matching.trust.apart import defined_apart
from bot.matching.trust.around import around_term
from bot.matching.trust.asker import done, introduction, subject_verb
from bot.matching.trust.attached import (
    PHRASE,
    by_position,
    for_a_product,
    kind_of,
    modifies,
    names_a_system,
    object,
    of_thing,
    owner,
    person,
    topic_phrase,
    undergoes,
)
from bot.matching.trust.audience import for_someone
from bot.matching.trust.beside import (
    asks,
    generic_phrase,
    is_beside,
    placed_on_term,
    subject,
    verb_object,
)
from bot.matching.trust.contrast import disowned_at, words_at
from bot.matching.trust.followon import follow_on
from bot.matching.trust.grammar import (
    EVERYDAY,
    LINKING,
    MIN_LETTERS,
    POSSESSIVES,
    PRONOUNS,
    RELATIVE,
    TERM,
    TOPICAL,
    asked,
    asks_about,
    clauses,
    describing,
    join_terms,
    pointed_phrase_end,
    pointed_sentences,
    possessed,
    reach,
    runs,
)
from bot.matching.trust.organisation import organisation
from bot.matching.trust.produced import PLACED
from bot.matching.trust.sense import (
    common_noun,
    of_the_ones,
    pronoun_referents,
    thing,
    trades_ask,
    unsupported,
)
from bot.matching.trust.setting import settings
from bot.matching.trust.talk import (
    figure,
    said,
    sentence_of_talk,
    speaker,
    talk_clauses,
)
from bot.matching.trust.task import examples, listed, tasks
from bot.matching.trust.vocabulary import NEUTRAL

# A raw word -> "term" (names the snippet's subject), "domain" (another word of the field:
# some snippet's name, a word the snippet explains, a word English does not know),
# "everyday" (an English word the knowledge never uses), "plain" (an English word the
# knowledge uses in passing), or "" (phrasing, chat glue).
Kind = Callable[[str], str]
# Comparatives of degree right after the term set it ("the temperature lower"), never a sense.
DEGREE = frozenset(
    {"lower", "higher", "hotter", "colder", "warmer", "cooler", "longer", "shorter", "bigger",
     "smaller", "larger", "less", "more"}
)  # fmt: skip
TALK_KINDS = frozenset({"everyday", "plain", "domain"})  # what a sentence of talk sets aside
PERSONAL = frozenset({"everyday", "plain", "domain"})  # kinds a noun naming people may have


@dataclass(frozen=True, slots=True, kw_only=True)
class Context:
    """The everyday words of a question, by how they stand to its term words."""

    attached: tuple[str, ...]  # qualify a term word: another sense of it
    around: tuple[str, ...]  # talk around the term
    beside: tuple[str, ...] = ()  # talk beside the term, in its own clause
    close: tuple[str, ...] = ()  # the other words of the clauses that hold a term word
    placed: tuple[str, ...] = ()  # attached by their place whatever they are ("is it down")
    # Plain nouns a term used as a verb acts on ("fine tune the budget"): see
    # :func:`bot.matching.trust.beside.verb_object`.
    objects: tuple[str, ...] = ()
    named: bool  # a term word is in the question
    asker: tuple[str, ...] = ()  # a sentence saying who asks ("pharmacist here")
    task: tuple[str, ...] = ()  # what the asker has the tool do (:mod:`.task`)
    # The only word of the field is an English word of its own: the nouns for things in its
    # clause ("temperature for the kitchen"), which tell its sense unless the snippet
    # explains them.
    things: tuple[str, ...] = ()
    # Where the term named is put to use ("used in banking"): :mod:`.setting`.
    setting: tuple[str, ...] = ()
    lone: bool = False  # that only word of the field is an English word of its own


def sentence_kinds(question: str, kind: Kind) -> list[tuple[list[str], list[str]]]:
    """The question's sentences (:func:`runs`), each with the kind of each of its words."""
    found = []
    for tokens in runs(question):
        kinds = [
            "" if t == "," or t in LINKING or t in PRONOUNS or len(t) < MIN_LETTERS else kind(t)
            for t in tokens
        ]
        join_terms(tokens, kinds, kind)
        found.append((tokens, kinds))
    return found


def can_describe(lexicon: Lexicon | None, token: str) -> bool:
    """Whether ``token`` may describe a thing (any word, without a lexicon to tell)."""
    return lexicon is None or lexicon.can_describe(token)


def set_apart(
    sentences: Sequence[tuple[list[str], list[str]]],
    lexicon: Lexicon | None,
    unknown: Callable[[str], bool] | None = None,
) -> tuple[set[int], list[str]]:
    """The sentences that are no talk, whatever their words, and the nouns they refer to
    (:func:`told_before`) or a term's "it" stands for (:func:`pronoun_referents`); also a
    bare noun phrase the next sentence asks how works by a pronoun: what is asked ("voice
    biometrics for caller authentication - how does it work")."""
    asked_of, referred = told_before(sentences, lexicon)
    referred += pronoun_referents(sentences, lexicon, unknown)
    # "what's mixture of experts? heard some big llm uses it": what is asked (:mod:`.apart`).
    for at, (tokens, kinds) in enumerate(sentences):
        if defined_apart(sentences, at):
            asked_of.add(at)
            referred += [t for t, k in zip(tokens, kinds, strict=True) if k == "everyday"]
    pointed = pointed_sentences([tokens for tokens, _ in sentences])
    return asked_of | {at for at in pointed if "term" not in sentences[at][1]}, referred


def told_before(
    sentences: Sequence[tuple[list[str], list[str]]], lexicon: Lexicon | None
) -> tuple[set[int], list[str]]:
    """The sentences that name nothing of the field, followed by one asking whether that is
    its term ("a child with a high fever was seeing bugs. is that hallucinating?"), and their
    everyday nouns: what the term is asked of, not talk; unexplained, another sense of it."""
    if lexicon is None:
        return set(), []
    found, nouns = set[int](), list[str]()
    for at, ((tokens, kinds), (after, after_kinds)) in enumerate(itertools.pairwise(sentences)):
        if (
            not any(k in TOPICAL for k in kinds)
            # "the admin team wants a bot that logs into the catch portal ... is that an ai
            # agent?": what a clause tells an ai tool does is of the tool; its things are
            # its task
            and not _tool_told(tokens)
            and "term" in after_kinds
            and opens_asking_of_before(after)
        ):
            found.add(at)
            nouns += [
                t
                for t, k in zip(tokens, kinds, strict=True)
                if k == "everyday" and common_noun(t, lexicon)
            ]
    return found, nouns


def _tool_told(tokens: Sequence[str]) -> bool:
    """Whether an ai tool is told of by a clause of what it does ("a bot that logs into")."""
    return any(
        token in PLACED and at + 1 < len(tokens) and tokens[at + 1] in RELATIVE
        for at, token in enumerate(tokens)
    )


def everyday(lexicon: Lexicon, word: str) -> bool:
    """A real English word, but not one so frequent it is chat glue ("thing", "right")."""
    return lexicon.is_word(word) and lexicon.zipf(word) < CHATTY_ZIPF


def context(
    question: str,
    kind: Kind,
    lexicon: Lexicon | None = None,
    unknown: Callable[[str], bool] | None = None,
) -> Context:
    """Sort the everyday words of ``question``: attached to a term word that follows them
    ("fine tune my guitar", "transformers movie", "diffusion in chemistry"), around the term
    (linked to no term or knowledge word at all), or, given the ``lexicon`` to tell nouns
    from verbs, beside the term in its own clause (:func:`is_beside`).

    ``unknown`` tells a word the knowledge never uses: a clause that asks nothing and names no
    word of the knowledge is talk around the term, whatever its words ("need one slide for
    the exec offsite monday").
    """
    attached, by_place = list[str](), list[str]()  # by_place: attached by where they stand
    around, beside, close = list[str](), list[str](), list[str]()
    asking = asks(question, [t for tokens in runs(question) for t in tokens])

    describes = partial(can_describe, lexicon)
    sentences = sentence_kinds(question, kind)
    term_named = any("term" in kinds for _, kinds in sentences)
    trades = lexicon is not None and term_named and trades_ask(sentences, lexicon)
    # The only word of the field is an English word of its own: the things around it tell its
    # sense (see below), and an organisation named there may be one of them.
    lone = lexicon is not None and unsupported(sentences, lexicon, question)

    skipped, referred = set_apart(sentences, lexicon, unknown)
    disowned = disowned_at(sentences)  # the clauses setting a sense aside: talk, whatever
    for at, (tokens, kinds) in ((a, s) for a, s in enumerate(sentences) if a not in skipped):
        if not any(k in TOPICAL for k in kinds):
            # A sentence of its own that names nothing of the field ("need one slide for the
            # exec offsite monday", "mine get garbage back"): talk about the asker's world.
            around += [t for t, k in zip(tokens, kinds, strict=True) if k in EVERYDAY]
            continue
        if term_named and lexicon is not None and sentence_of_talk(tokens, kinds, lexicon, unknown):
            # Another sentence names the term; this one tells of someone's doings and asks
            # nothing ("the review ran long and half the room left confused").
            around += [t for t, k in zip(tokens, kinds, strict=True) if k in TALK_KINDS]
            continue

        def phrase(at: int, tokens: Sequence[str] = tokens, kinds: Sequence[str] = kinds) -> bool:
            """Another word of the noun phrase an attached word ends ("new" york, "lack" of
            sleep): a plain noun or adjective, not a phrasing word or a pronoun."""
            token = tokens[at]
            return (
                lexicon is not None
                and kinds[at] in PHRASE
                and token not in NEUTRAL
                and token not in PRONOUNS
                and lexicon.is_word(token)
                and describes(token)
            )

        clause, fronted = clauses(tokens), pointed_phrase_end(tokens)
        term_clauses = {clause[i] for i, k in enumerate(kinds) if k == "term"}
        close += [
            t for i, t in enumerate(tokens) if clause[i] in term_clauses and kinds[i] != "term"
        ]
        talking = talk_clauses(
            tokens, kinds, clause, term_clauses, unknown=unknown, lexicon=lexicon
        )
        for i, token in enumerate(tokens):
            if token in PRONOUNS and lexicon is not None and kind(token) in EVERYDAY:
                beside.append(token)  # "everybody", "people": never the subject asked about
            # "tokens explained pls, the ones for the car wash": the lone term's sense.
            placed_by = (
                True
                if lone and kinds[i] in EVERYDAY and of_the_ones(tokens, kinds, i)
                else by_position(tokens, kinds, i, unknown, talking=clause[i] in talking)
            )
            if placed_by is not None:
                (by_place if placed_by else around).append(token)
                continue
            if kinds[i] in PERSONAL and (
                figure(token)
                or (
                    lexicon is not None
                    and speaker(tokens, kinds, i, lexicon.names_trade, field=not lone)
                )
                or (lexicon is not None and said(tokens, kinds, i, lexicon.names_trade))
                or (lexicon is not None and subject_verb(tokens, kinds, i, lexicon))
                or (
                    lexicon is not None
                    and person(tokens, kinds, i, lexicon, trades=trades)
                    and not undergoes(tokens, kinds, i)
                )
                # "..., for a farrier not a programmer": whom the explanation is for
                or (lexicon is not None and for_someone(tokens, kinds, i, lexicon.names_person))
            ):
                # "my aunt", "the vendor", "our analysts", "q3", "year 9s": who or when, not what
                around.append(token)
                continue
            if kinds[i] not in EVERYDAY:
                continue
            term, preposition = reach(tokens, kinds, i, -1, TERM, over=phrase)
            while term > 0 and kinds[term - 1] == "term":
                term -= 1  # where a term of several words starts ("pre training")
            # A verb or an adverb after the term ("deepfakes honestly") is no sense of it.
            qualifies = (
                kinds[i] == "everyday"
                and term >= 0
                # "set the temperature lower": how much of it, no sense of it
                and not (token in DEGREE and i > 0 and kinds[i - 1] == "term")
                and describes(token)
                and not generic_phrase(tokens, kinds, i, lexicon)
                and not object(tokens, kinds, term, i)
            )
            # A question about the term "in my car": a possessed thing the knowledge only
            # mentions in passing gives it another sense just as well (not "in simple terms").
            placed = (
                lexicon is not None
                and term >= 0
                and preposition
                and any(t in POSSESSIVES for t in tokens[term + 1 : i])
                and lexicon.can_name(token)
                and asks_about(tokens, term)
            ) or (lone and of_thing(tokens, term, i, lexicon))
            # A thing the knowledge never speaks of acting on the term ("can a high fever
            # cause hallucinations") is what the question is about; someone of the asker's
            # ("my friend says gans ...") is only the one who spoke of it.
            acting = (
                lexicon is not None
                and kinds[i] == "everyday"
                and lexicon.can_name(token)
                and not possessed(tokens, i)
                and subject(tokens, kinds, i, lexicon)
            ) or undergoes(tokens, kinds, i)
            if (
                around_term(tokens, kinds, i, None if lone else lexicon)
                or (at, i) in disowned
                or (
                    term_named
                    and not lone
                    and lexicon is not None
                    and organisation(tokens, kinds, i, lexicon)
                )
            ):
                # The explanation's audience, what it is not, its size, whom it serves.
                around.append(token)
            elif (
                (
                    qualifies
                    and (
                        not preposition or asks_about(tokens, term) or topic_phrase(tokens, term, i)
                    )
                    and (lone or not for_a_product(tokens, term, i))
                )
                or placed
                or acting
                or (
                    (modifies(tokens, kinds, i, describes) or kind_of(tokens, kinds, i, lexicon))
                    # "the judgment search uses vector search": which product, no sense
                    and (lone or not names_a_system(tokens, kinds, i))
                )
                or owner(tokens, kinds, i, lexicon)
            ):
                attached.append(token)
            elif (
                clause[i] not in term_clauses
                # "gradient descent, how does it actually find the weights": what "it" asks
                # about, as a sentence of its own would be (set_apart).
                and i >= fronted
                # "what's an epoch when you're training a model": what a clause asks about
                # is the question, however far from the term.
                and not asked(tokens, i)
                and not describing(tokens, clause, i)
                and reach(tokens, kinds, i, -1, TOPICAL)[0] < 0
                and reach(tokens, kinds, i, 1, TOPICAL)[0] < 0
            ):
                around.append(token)
            elif (
                lexicon is not None
                and is_beside(tokens, kinds, i, lexicon, asking)
                # beside a lone English term, a thing placed on it tells its sense ("how do i
                # install python on windows"), though the knowledge uses the word
                and not (lone and placed_on_term(tokens, kinds, i))
            ):
                beside.append(token)
    # "a transformer blew on our street", "parking garage B closed tomorrow?": the only word
    # of the field is an English word of its own, so the things named around it, which the
    # knowledge never speaks of, tell its sense; they are no talk.
    # "i keep hearing", "(not the big electrical box)": no thing telling the sense asked.
    did = done(sentences, lexicon) | words_at(sentences, disowned) if lone else set()
    return Context(
        attached=tuple(by_place + attached + referred),
        around=tuple(
            t for t in around if not (lone and thing(t, lexicon, unknown) and t not in did)
        )
        + (
            ()
            if lone
            else (
                *examples(sentences),
                *follow_on(sentences),
                *(listed(sentences, lexicon.is_word) if lexicon else ()),
            )
        ),
        beside=tuple(t for t in beside if not (lone and thing(t, lexicon, unknown))),
        close=tuple(close),
        placed=tuple(by_place),
        objects=tuple(
            token
            for tokens, kinds in sentences
            for i, token in enumerate(tokens)
            if lexicon is not None and verb_object(tokens, kinds, i, lexicon)
        ),
        named=term_named,
        things=tuple(
            t
            for t in close
            if lone
            and common_noun(t, lexicon)
            and t not in PRONOUNS
            and t not in did
            and not (lexicon is not None and lexicon.may_be_verb(t))
        ),
        asker=tuple(
            t
            for tokens, kinds in sentences
            for t, k in list(zip(tokens, kinds, strict=True))[
                : introduction(
                    tokens,
                    kinds,
                    lexicon.names_person if lexicon and len(sentences) > 1 else None,
                )
            ]
            # "cs team here", "gp receptionist here": a word too short for the grammar's
            # kinds is who asks too, when it weighs as a word of its own.
            if (k in TALK_KINDS or (not k and len(t) < MIN_LETTERS and kind(t) in TALK_KINDS))
            # Beside a lone English term, a thing of the label tells its sense ("arcade
            # attendant here, how many tokens for a game").
            and not (lone and thing(t, lexicon, unknown))
        ),
        task=tuple(tasks(sentences)),
        setting=() if lone else tuple(settings(sentences)),
        lone=lone,
    )
