"""How an everyday word stands to a term word by its place in the sentence: a noun that
qualifies the term ("my body temperature", "the board game tokens"), a kind or an owner of
it, what a term used as a verb acts on, or a word placed where it is talk whatever it is
(:func:`bot.matching.trust.context.context` sorts a question's words with these)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.matching.lexicon import Lexicon
from bot.matching.trust.amounts import NUMBERS
from bot.matching.trust.around import around_term
from bot.matching.trust.grammar import (
    AUXILIARIES,
    COMPOUND,
    DETERMINERS,
    EVERYDAY,
    LINKING,
    POSSESSIVES,
)
from bot.matching.trust.newcomers import trained_newcomers
from bot.matching.trust.service import admin, status
from bot.matching.trust.talk import (
    platform_span,
)
from bot.matching.trust.vocabulary import NEUTRAL

PHRASE = frozenset({"everyday", "plain", ""})  # kinds of the words a noun phrase may cross


def modifies(
    tokens: Sequence[str], kinds: Sequence[str], at: int, describes: Callable[[str], bool]
) -> bool:
    """A noun before the term: after an article or possessive, right before a term word
    ("my body temperature", "the board game tokens"); a word that can only be a verb ends
    the noun phrase ("my friend says gans")."""
    if at == 0 or not determiner(tokens[at - 1]) or not describes(tokens[at]):
        return False
    if tokens[at] in DEGREE or tokens[at] in WHICH_OF:
        return False  # "a higher temperature": how much of it, not another kind
    if tokens[at] in NAMING_NOUNS and at + 1 < len(tokens) and kinds[at + 1] == "term":
        return False  # "the phrase 'foundation models'": the term named as words, no kind
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


# What a system does with the field's thing ("the judgment search uses vector search").
EMPLOYING = frozenset({"uses", "runs", "relies", "supports", "offers", "does", "has"})


def names_a_system(tokens: Sequence[str], kinds: Sequence[str], at: int) -> bool:
    """Whether a noun before a term word names a system that employs the field's thing,
    named again after the verb ("the judgment search uses 'vector search over embeddings'"):
    which product, not another sense of the term."""
    i = at + 1
    while i < len(tokens) and kinds[i] == "term":
        i += 1
    return i > at + 1 and i < len(tokens) and tokens[i] in EMPLOYING and "term" in kinds[i + 1 :]


# What the asker builds with the term ("multimodal ai for a kids' picture-book app"): the
# words before such a head say what the product serves, no sense of the term.
PRODUCTS = frozenset(
    {"app", "apps", "site", "website", "platform", "tool", "product", "service", "portal"}
    | {"dashboard", "bot", "chatbot", "assistant", "system", "feature", "plugin", "widget"}
)
PRODUCT_REACH = 4  # words between the purpose's preposition and the product's name, at most


def for_a_product(tokens: Sequence[str], term: int, at: int) -> bool:
    """Whether a word after the term sits in a purpose phrase ("for a ...") whose head names
    a software product ("multimodal ai for a kids' picture-book app")."""
    if "for" not in tokens[term + 1 : at]:
        return False
    return any(t in PRODUCTS for t in tokens[at + 1 : at + 1 + PRODUCT_REACH])


# "the witness is basically hallucinating": a state the subject is in, then how plainly.
BEING_IN = frozenset({"is", "was", "are", "were", "keeps", "kept", "started", "s"})
PLAINLY = frozenset(
    {"basically", "just", "totally", "clearly", "literally", "probably", "actually", "really"}
    | {"definitely", "always", "still", "obviously", "kind", "sort", "of"}
)


def undergoes(tokens: Sequence[str], kinds: Sequence[str], at: int) -> bool:
    """Whether an everyday noun is the subject of the term as a verb in its -ing form ("their
    key witness is basically hallucinating"): whoever or whatever does it is what the question
    is about, so a thing of no field gives the term another sense."""
    if kinds[at] != "everyday":
        return False
    j = at + 1
    if j >= len(tokens) or tokens[j] not in BEING_IN:
        return False
    j += 1
    while j < len(tokens) and tokens[j] in PLAINLY:
        j += 1
    return j < len(tokens) and kinds[j] == "term" and tokens[j].endswith("ing")


def kind_of(tokens: Sequence[str], kinds: Sequence[str], at: int, lexicon: Lexicon | None) -> bool:
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


def of_thing(tokens: Sequence[str], term: int, at: int, lexicon: Lexicon | None) -> bool:
    """A thing right after "<term> of|for <determiner>" ("the context of this book", "the
    context for this meeting"): of a lone English term, the thing gives it its everyday
    sense."""
    return (
        lexicon is not None
        and term >= 0
        and at == term + 3
        and tokens[term + 1] in {"of", "for"}
        and tokens[term + 2] in DETERMINERS
        and lexicon.can_name(tokens[at])
    )


def object(tokens: Sequence[str], kinds: Sequence[str], term: int, at: int) -> bool:
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


def owner(tokens: Sequence[str], kinds: Sequence[str], at: int, lexicon: Lexicon | None) -> bool:
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


def person(
    tokens: Sequence[str], kinds: Sequence[str], at: int, lexicon: Lexicon, *, trades: bool = False
) -> bool:
    """A noun naming people, not right after a term word: "a prompt engineer" is a job
    of the field, "my aunt" or "the vendor" is who asks or speaks (and, given ``trades``,
    "the video editor")."""
    word = tokens[at]
    people = (
        lexicon.names_person(word)
        or (trades and lexicon.names_trade(word))
        # "the board chair", "the team lead": a role in a group of people at work
        or (word in ROLES and at > 0 and lexicon.names_group(tokens[at - 1]))
    )
    return people and (at == 0 or kinds[at - 1] != "term")


# Roles named after the group they serve in ("board chair", "team lead", "union rep").
ROLES = frozenset(
    {"chair", "chairs", "lead", "leads", "head", "heads", "rep", "reps", "member", "members"}
)


def determiner(token: str) -> bool:
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
# Adjectives that pick which of the term's cases, never a sense ("the known limitations",
# "the main risks", "the usual examples").
WHICH_OF = frozenset({
    "known", "main", "usual", "typical", "common", "major", "obvious", "leading", "popular",
    "famous", "mainstream",
})  # fmt: skip
# Nouns that name the term as words ("keeps using the phrase 'foundation models'").
NAMING_NOUNS = frozenset({"phrase", "word", "expression", "buzzword", "acronym", "abbreviation"})
# Prepositions that, right after the term, say what it is about ("context on the meeting",
# "hallucinations with a high fever"): the phrase narrows it whoever asks.
TOPIC_PREPOSITIONS = frozenset({"on", "about", "of", "with"})
BIDDING = frozenset({"please", "pls", "plz", "kindly", "always", "just"})


def topic_phrase(tokens: Sequence[str], term: int, at: int) -> bool:
    """Whether ``tokens[at]`` ends a phrase opened by a topic preposition right after the
    term, with only articles and adjectives between ("context on the meeting i missed"); a
    possessive keeps it the asker's ("rag with our confluence pages")."""
    between = tokens[term + 1 : at]
    if not between or between[0] not in TOPIC_PREPOSITIONS:
        return False
    return not any(t in POSSESSIVES for t in between)


def by_position(
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
    if status(tokens, kinds, at) or bidden(tokens, kinds, at) or admin(tokens, at):
        return True
    if trained_newcomers(tokens, kinds, at):
        return True  # "pre-training for new riders": people are trained, another sense
    if known_platform(tokens, kinds, at, unknown):
        return False
    if talking and (kinds[at] in EVERYDAY or kinds[at] == "domain"):
        return False
    if ours(tokens, kinds, at):
        return False
    unused = kinds[at] == "domain" and unknown is not None and unknown(tokens[at])
    if unused and around_term(tokens, kinds, at):
        return False
    return None


def ours(tokens: Sequence[str], kinds: Sequence[str], at: int) -> bool:
    """A word between a possessive and a word of the field ("our sop documents", "our port
    tariff documents", "our own listing docs"): which of the asker's things, not what is
    asked about ("our api token" may be another sense of the term, which is no word of the
    field)."""
    if kinds[at] not in OWN_KINDS:
        return False
    start = at
    while start > 0 and at - start < COMPOUND and kinds[start - 1] in OWN_KINDS:
        start -= 1
    if start > 0 and tokens[start - 1] == "own":
        start -= 1
    end = at + 1
    while end < len(tokens) and end - at < COMPOUND and kinds[end] in EVERYDAY:
        end += 1
    after, after_kind = (tokens[end + 1], kinds[end + 1]) if end + 1 < len(tokens) else ("", "")
    return (
        start > 0
        and tokens[start - 1] in POSSESSIVES
        and end < len(tokens)
        and kinds[end] == "domain"
        # "my bike needs some fine tuning": a verb, with its object after, ends no noun
        and not (after in DETERMINERS or after in QUANTIFIERS or after_kind == "term")
    )


OWN_KINDS = frozenset({"domain", "everyday", "plain"})  # what may name which of the asker's things
QUANTIFIERS = frozenset({"some", "any", "more", "less", "no", "much", "many", "every", "each"})


def known_platform(
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


def bidden(tokens: Sequence[str], kinds: Sequence[str], at: int) -> bool:
    """Whether a term word is bidden as an adjective: "be" opening a clause, after "please"
    at most ("please be prompt for standup"), then the word with no article."""
    if kinds[at] != "term" or at == 0 or tokens[at - 1] != "be":
        return False
    i = at - 2
    while i >= 0 and tokens[i] in BIDDING:
        i -= 1
    return i < 0 or tokens[i] == ","
