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

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.matching.lexicon import CHATTY_ZIPF, Lexicon
from bot.matching.trust.amounts import NUMBERS
from bot.matching.trust.around import around_term
from bot.matching.trust.beside import asks, generic_phrase, is_beside, subject, verb_object
from bot.matching.trust.grammar import (
    AUXILIARIES,
    COMPOUND,
    DETERMINERS,
    EVERYDAY,
    LINKING,
    MIN_LETTERS,
    POSSESSIVES,
    PRONOUNS,
    TERM,
    TOPICAL,
    asks_about,
    clauses,
    join_terms,
    possessed,
    reach,
    runs,
)
from bot.matching.trust.sense import thing, trades_ask, unsupported
from bot.matching.trust.service import admin, status
from bot.matching.trust.talk import (
    figure,
    platform_span,
    said,
    sentence_of_talk,
    speaker,
    talk_clauses,
)
from bot.matching.trust.vocabulary import NEUTRAL

# A raw word -> "term" (names the snippet's subject), "domain" (another word of the field:
# some snippet's name, a word the snippet explains, a word English does not know),
# "everyday" (an English word the knowledge never uses), "plain" (an English word the
# knowledge uses in passing), or "" (phrasing, chat glue).
Kind = Callable[[str], str]
TALK_KINDS = frozenset({"everyday", "plain", "domain"})  # what a sentence of talk sets aside
PHRASE = frozenset({"everyday", "plain", ""})  # kinds of the words a noun phrase may cross
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


def _modifies(
    tokens: Sequence[str], kinds: Sequence[str], at: int, describes: Callable[[str], bool]
) -> bool:
    """A noun before the term: after an article or possessive, right before a term word
    ("my body temperature", "the board game tokens"); a word that can only be a verb ends
    the noun phrase ("my friend says gans")."""
    if at == 0 or not _determiner(tokens[at - 1]) or not describes(tokens[at]):
        return False
    if tokens[at] in DEGREE:
        return False  # "a higher temperature": how much of it, not another kind
    i = at + 1
    while i < len(tokens) and (kinds[i] in EVERYDAY or tokens[i].isdigit()):
        if not (tokens[i].isdigit() or describes(tokens[i])) or i - at >= COMPOUND:
            return False  # "my manager keeps saying rag": a verb, not a longer noun
        i += 1
    # "a tier 2 support agent": after a figure (which only a noun phrase holds), a plain
    # word the knowledge shares may close the compound.
    numbered = any(t.isdigit() for t in tokens[at + 1 : i])
    closes = i + 1 < len(tokens) and kinds[i] == "" and kinds[i + 1] == "term"
    if numbered and closes and tokens[i] not in LINKING | NEUTRAL and describes(tokens[i]):
        i += 1
    return i < len(tokens) and kinds[i] == "term"


def _kind_of(tokens: Sequence[str], kinds: Sequence[str], at: int, lexicon: Lexicon | None) -> bool:
    """A noun that opens a compound ending in a term word English knows, right before it or
    joined by "of" ("mixture of experts architecture", "state space models"): a kind of the
    term the snippet need not explain, not talk beside it."""
    if lexicon is None or kinds[at] != "everyday" or not lexicon.can_name(tokens[at]):
        return False
    # After a preposition the compound says what for ("gan for texture generation"), not
    # which kind of the term is asked about.
    if at > 0 and (
        tokens[at - 1] in POSSESSIVES
        or tokens[at - 1] in PHRASE_PREPOSITIONS
        or kinds[at - 1] == "term"
    ):
        return False
    j = at + 1
    if j + 1 < len(tokens) and tokens[j] == "of" and kinds[j + 1] in EVERYDAY:
        j += 2
    return j < len(tokens) and kinds[j] == "term" and lexicon.is_word(tokens[j])


def _object(tokens: Sequence[str], kinds: Sequence[str], term: int, at: int) -> bool:
    """Whether a word qualifies the asker's own thing of the field right after a term word
    used as a verb ("search our pharmacy sop docs"): what the term acts on, not a sense of
    it. "fine tune my guitar" (the thing itself is everyday) and a preposition between
    ("tokens in my wallet") keep it a sense."""
    between = tokens[term + 1 : at]
    if (
        not between
        or between[0] not in POSSESSIVES
        or any(t in PHRASE_PREPOSITIONS for t in between)
    ):
        return False
    return at + 1 < len(tokens) and kinds[at + 1] in {"domain", "plain"}


def _owner(tokens: Sequence[str], kinds: Sequence[str], at: int, lexicon: Lexicon | None) -> bool:
    """A noun that is the subject right after "what <term> <auxiliary>" ("what temperature
    should the snow guns run at", "which model is the forklift"): whose the term is, so a
    thing the knowledge never uses gives it another sense ("what temperature should i use"
    has a pronoun there)."""
    if lexicon is None or kinds[at] != "everyday" or not lexicon.can_name(tokens[at]):
        return False
    i = at - 1
    while (
        i >= 0
        and at - i <= COMPOUND + 1
        and (
            tokens[i] in DETERMINERS
            or (
                kinds[i] in PHRASE
                and tokens[i] not in AUXILIARIES
                and lexicon.can_describe(tokens[i])
            )
        )
    ):
        i -= 1
    if i < 2 or tokens[i] not in AUXILIARIES or kinds[i - 1] != "term":
        return False
    j = i - 1
    while j > 0 and kinds[j - 1] == "term":
        j -= 1
    return j > 0 and tokens[j - 1] in {"what", "which"}


# Prepositions that open a phrase of place, purpose or topic after a noun (narrower than
# grammar.PREPOSITIONS, which also holds the "to" of an infinitive and "like"/"as").
PHRASE_PREPOSITIONS = frozenset({"in", "on", "at", "for", "of", "with", "from", "about", "by"})


def _person(
    tokens: Sequence[str], kinds: Sequence[str], at: int, lexicon: Lexicon, *, trades: bool = False
) -> bool:
    """A noun naming people, not right after a term word: "a prompt engineer" is a job
    of the field, "my aunt" or "the vendor" is who asks or speaks (and, given ``trades``,
    "the video editor")."""
    word = tokens[at]
    people = lexicon.names_person(word) or (trades and lexicon.names_trade(word))
    return people and (at == 0 or kinds[at - 1] != "term")


def _determiner(token: str) -> bool:
    """An article, a possessive or a number ("one hot encoding": a quantifier opens a noun
    phrase as an article does)."""
    return token in DETERMINERS or token in NUMBERS


# Adjectives of degree: they say how much of the term, never which sense ("a higher
# temperature", "a bigger context window").
DEGREE = frozenset({
    "high", "higher", "highest", "low", "lower", "lowest", "big", "bigger", "biggest", "small",
    "smaller", "smallest", "long", "longer", "longest", "short", "shorter", "max", "maximum",
    "min", "minimum", "default",
})  # fmt: skip
# Prepositions that, right after the term, say what it is about ("context on the meeting",
# "hallucinations with a high fever"): the phrase narrows it whoever asks.
TOPIC_PREPOSITIONS = frozenset({"on", "about", "of", "with"})
BIDDING = frozenset({"please", "pls", "plz", "kindly", "always", "just"})


def _topic_phrase(tokens: Sequence[str], term: int, at: int) -> bool:
    """Whether ``tokens[at]`` ends a phrase opened by a topic preposition right after the
    term, with only articles and adjectives between ("context on the meeting i missed"); a
    possessive keeps it the asker's ("rag with our confluence pages")."""
    between = tokens[term + 1 : at]
    if not between or between[0] not in TOPIC_PREPOSITIONS:
        return False
    return not any(t in POSSESSIVES for t in between)


def _by_position(
    tokens: Sequence[str],
    kinds: Sequence[str],
    at: int,
    unknown: Callable[[str], bool] | None,
    *,
    talking: bool,
) -> bool | None:
    """True when a word's place attaches it to the term whatever it is (a state of the
    service: "is chatgpt down"; a bidding: "be prompt"), False when its place makes it talk
    (where the term is used; a clause of talk; a word the knowledge never uses, not even
    English, where an everyday word would be talk: "for my onboarding deck"), else None."""
    if status(tokens, kinds, at) or _bidden(tokens, kinds, at) or admin(tokens, at):
        return True
    if _known_platform(tokens, kinds, at, unknown):
        return False
    if talking and (kinds[at] in EVERYDAY or kinds[at] == "domain"):
        return False
    unused = kinds[at] == "domain" and unknown is not None and unknown(tokens[at])
    if unused and around_term(tokens, kinds, at):
        return False
    return None


def _known_platform(
    tokens: Sequence[str], kinds: Sequence[str], at: int, unknown: Callable[[str], bool] | None
) -> bool:
    """A word of a phrase naming where the term is used, on a platform the knowledge speaks
    of ("in the openai api"; not "in the stripe api", another sense of token)."""
    if unknown is None or kinds[at] in {"term", ""}:
        return False
    span = platform_span(tokens, at)
    if span is None:
        return False
    names = [i for i in range(span[0] + 1, span[1]) if kinds[i]]
    return bool(names) and all(kinds[i] == "domain" and not unknown(tokens[i]) for i in names)


def _bidden(tokens: Sequence[str], kinds: Sequence[str], at: int) -> bool:
    """Whether a term word is bidden as an adjective: "be" opening a clause, after "please"
    at most ("please be prompt for standup"), then the word with no article."""
    if kinds[at] != "term" or at == 0 or tokens[at - 1] != "be":
        return False
    i = at - 2
    while i >= 0 and tokens[i] in BIDDING:
        i -= 1
    return i < 0 or tokens[i] == ","


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
    named = False
    asking = asks(question, [t for tokens in runs(question) for t in tokens])

    def describes(token: str) -> bool:
        return lexicon is None or lexicon.can_describe(token)

    sentences = sentence_kinds(question, kind)
    term_named = any("term" in kinds for _, kinds in sentences)
    trades = lexicon is not None and term_named and trades_ask(sentences, lexicon)
    for tokens, kinds in sentences:
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

        clause = clauses(tokens)
        term_clauses = {clause[i] for i, k in enumerate(kinds) if k == "term"}
        close += [
            t for i, t in enumerate(tokens) if clause[i] in term_clauses and kinds[i] != "term"
        ]
        talking = talk_clauses(
            tokens, kinds, clause, term_clauses, unknown=unknown, lexicon=lexicon
        )
        for i, token in enumerate(tokens):
            named |= kinds[i] == "term"
            if token in PRONOUNS and lexicon is not None and kind(token) in EVERYDAY:
                beside.append(token)  # "everybody", "people": never the subject asked about
            placed_by = _by_position(tokens, kinds, i, unknown, talking=clause[i] in talking)
            if placed_by is not None:
                (by_place if placed_by else around).append(token)
                continue
            if kinds[i] in PERSONAL and (
                figure(token)
                or (lexicon is not None and speaker(tokens, kinds, i, lexicon.names_trade))
                or (lexicon is not None and said(tokens, kinds, i, lexicon.names_trade))
                or (lexicon is not None and _person(tokens, kinds, i, lexicon, trades=trades))
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
                and describes(token)
                and not generic_phrase(tokens, kinds, i, lexicon)
                and not _object(tokens, kinds, term, i)
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
            )
            # A thing the knowledge never speaks of acting on the term ("can a high fever
            # cause hallucinations") is what the question is about; someone of the asker's
            # ("my friend says gans ...") is only the one who spoke of it.
            acting = (
                lexicon is not None
                and kinds[i] == "everyday"
                and lexicon.can_name(token)
                and not possessed(tokens, i)
                and subject(tokens, kinds, i, lexicon)
            )
            if around_term(tokens, kinds, i):
                around.append(token)  # the explanation's audience, what it is not, its size
            elif (
                (
                    qualifies
                    and (
                        not preposition
                        or asks_about(tokens, term)
                        or _topic_phrase(tokens, term, i)
                    )
                )
                or placed
                or acting
                or _modifies(tokens, kinds, i, describes)
                or _kind_of(tokens, kinds, i, lexicon)
                or _owner(tokens, kinds, i, lexicon)
            ):
                attached.append(token)
            elif (
                clause[i] not in term_clauses
                and reach(tokens, kinds, i, -1, TOPICAL)[0] < 0
                and reach(tokens, kinds, i, 1, TOPICAL)[0] < 0
            ):
                around.append(token)
            elif lexicon is not None and is_beside(tokens, kinds, i, lexicon, asking):
                beside.append(token)
    # "a transformer blew on our street", "parking garage B closed tomorrow?": the only word
    # of the field is an English word of its own, so the things named around it, which the
    # knowledge never speaks of, tell its sense; they are no talk.
    lone = lexicon is not None and unsupported(sentences, lexicon, question)
    return Context(
        attached=tuple(by_place + attached),
        around=tuple(t for t in around if not (lone and thing(t, lexicon, unknown))),
        beside=tuple(t for t in beside if not (lone and thing(t, lexicon, unknown))),
        close=tuple(close),
        placed=tuple(by_place),
        objects=tuple(
            token
            for tokens, kinds in sentences
            for i, token in enumerate(tokens)
            if lexicon is not None and verb_object(tokens, kinds, i, lexicon)
        ),
        named=named,
    )
