"""Which words of a question to score: its talk left out, its asking sentence alone, the
clause that holds its comparison.

Chatty questions score low against a snippet's example questions because every extra word
dilutes the match. Once the judge (:mod:`bot.matching.trust.judge`) has told what is talk,
the engine scores again on what is left; these helpers pick that part out.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Sequence

from bot.knowledge.base import KnowledgeBase
from bot.matching.compare import COMPARING, VS, Side, comparative, parse_sides, plain
from bot.matching.matcher import Hit
from bot.matching.normalize import TYPED_MARK, stem, strip_links, words
from bot.matching.pointing import DOES_IT_MEAN, IS_IT_LIKE, WHAT_IS
from bot.matching.trust.grammar import PICTURE_BREAK, QUOTED, REQUEST, split_sentences
from bot.matching.trust.vocabulary import DEFINING, DEFINING_SECOND, WORKS, topic_words


def clause_sides(question: str, analyse: Callable[[str], list[str]]) -> tuple[Side, ...] | None:
    """The sides of a comparison, read up to the end of the clause that completes it ("llm vs
    genai, are they the same thing or not"): what follows is no part of its last side; what
    comes before stays ("which came first, genai or llms" asks no comparison)."""
    parts = [m.end() for m in CLAUSE_BREAK.finditer(question)]
    if not parts:
        return None
    if parts[-1] < len(question):
        parts.append(len(question))  # the last clause, unended
    start = 0
    for end in parts:
        tokens = analyse(question[:end])
        # Named comparisons only: "x or y" so cut is too often a question of another kind
        # ("agentic workflows: hype or real?").
        if COMPARING.isdisjoint(tokens) and not comparative(tokens):
            start = end
            continue
        # "hey from the data team, llm vs genai": a clause of its own that sets its sides
        # with "vs" leaves the clauses before it out of the first side.
        own = analyse(question[start:end]) if start else []
        if not VS.isdisjoint(own):
            found = parse_sides(own)
            if found is not None:
                return found
        sides = parse_sides(tokens)
        if sides is not None:
            return sides
    return None


# An emoji ends a clause as a comma would ("ML vs DL vs AI \N{SHRUG} trying to follow a webinar").
CLAUSE_BREAK = re.compile(
    r"[,;!?]+|(?<!\d):+|:+(?!\d)|\s[-\u2013\u2014]+\s|\.(?:\s|$)"
    r"|[\U0001F300-\U0001FAFF\u2600-\u27BF]+"
)
# What opens a phrase of talk: prepositions, possessives, numbers ("for my mom", "in one
# sentence"; not "to", which may open a verb).
PHRASE_OPENERS = frozenset(
    {"for", "in", "on", "at", "with", "about", "of", "my", "our", "your", "his", "her"}
    | {"their", "one", "two", "three", "few"}
)


# What a sentence that only asks a name or how it works says besides its phrasing.
NAME_WORDS = frozenset({"called", "call", "name", "term", "word", "acronym"})


def asking_sentence(
    kb: KnowledgeBase, question: str, analyse: Callable[[str], list[str]], top: Hit, limit: int
) -> list[Hit] | None:
    """The hits of the one sentence of ``question`` that puts ``top``'s snippet first with a
    higher score, the best such; None when none does (or the question is one sentence)."""
    sentences = split_sentences(question)
    if len(sentences) < 2:
        return None
    best: list[Hit] | None = None
    for tokens in map(analyse, sentences):
        if set(topic_words(plain(tokens))) <= NAME_WORDS | WORKS:
            # "what's that called", "why does it do that", "which is it?" tell nothing of what
            # they ask about: what they score against example questions phrased the same way
            # says nothing either.
            continue
        found = kb.index.search(tokens, limit)
        if found and found[0].id == top.id and found[0].score > (best or [top])[0].score:
            best = found
    return best


# Where a definition's clause ends: a break, or a conjunction that opens a second question
# ("what is rag and why does everyone keep saying it").
# "and" ends a clause only before one of its own ("what is a deepfake and should hr worry");
# between nouns it joins what one clause asks about ("the risks and challenges of gen ai").
_AND_CLAUSE = (
    r"what|whats|why|how|when|where|who|which|is|are|was|were|do|does|did|can|could|should"
    r"|would|will|i|im|we|you|they|it|its|there|thats|this"
)
CLAUSE_END = re.compile(
    r"[,;!?()\[\]]+|\s[-\u2013\u2014]+\s|\.(?:\s|$)|\s(?:but|so)\s"
    rf"|\sand\s(?=(?:{_AND_CLAUSE})\b)|{PICTURE_BREAK}",
    re.IGNORECASE,
)


def defining_clause(
    kb: KnowledgeBase, question: str, analyse: Callable[[str], list[str]], top: Hit, limit: int
) -> tuple[list[Hit], list[str]] | None:
    """The hits and analysed words of the clause that asks what something is ("what is a
    deepfake" of "what is a deepfake and should hr worry"), scored alone, when it puts
    ``top``'s snippet first with a higher score; None otherwise (or when the question is that
    one clause)."""
    found = first_defining(kb, question, analyse, limit)
    if found and found[0][0].id == top.id and found[0][0].score > top.score:
        return found
    return None


# "my year 9s asked what machine learning is": a question reported after a verb of asking or
# knowing, put as asked ("what is machine learning").
REPORTED = re.compile(
    r"\b(?:(?:asked|asking|asks|ask|know|knows|wondering|wondered|wonders|explain|tell)"
    # "a plain explanation of what ... is": the same question, asked through a noun
    r"|(?:explanation|explainer|rundown|overview|breakdown)\s+of)"
    r"\s+(?:(?:me|us|them|him|her)\s+)?"
    # where it was asked ("asked me over coffee what ..."): a short phrase of place or time
    r"(?:(?:over|at|during|in|after|on)\s+(?:\S+\s+){0,2}?\S+\s+)?"
    r"what\s+(?P<term>(?:\S+\s+){0,3}?\S+)\s+(?:(?:actually|exactly|really)\s+)?"
    r"(?P<verb>is|are|means|stands\s+for)(?:\s+(?:please|pls|plz))?\s*$",
    re.I,
)


# "generative ai in plain english please": a term, then how simply to tell what it is.
PLAINLY = re.compile(
    r"^\s*(?!(?:explain\w*|it|this|that|please|pls|can|could)\b)"
    r"(?P<term>(?:\S+\s+){0,3}?\S+)\s+"
    r"(?:in\s+(?:plain|simple|layman'?s?|normal)\s+(?:english|terms|words|language)"
    r"|explained(?:\s+simply)?|for\s+dummies)"
    r"(?:\s+(?:please|pls|plz|thanks|ty))?\s*$",
    re.I,
)


def direct(clause: str) -> str:
    """``clause`` with a question it reports put as asked, or a term asked in plain words put
    as "what is" it; unchanged when it does neither."""
    plainly = PLAINLY.search(clause)
    if plainly is not None:
        return f"what is {plainly['term']}"
    found = REPORTED.search(clause)
    if found is None:
        return clause
    verb = found["verb"].lower()
    if verb in {"is", "are"}:
        return f"what {verb} {found['term']}"
    return f"what does {found['term']} {'mean' if verb == 'means' else 'stand for'}"


def first_defining(
    kb: KnowledgeBase, question: str, analyse: Callable[[str], list[str]], limit: int
) -> tuple[list[Hit], list[str]] | None:
    """The hits and analysed words of the first clause that asks what something is, scored
    alone; None when there is none (or the question is that one clause)."""
    parts = [p for p in CLAUSE_END.split(strip_links(question)) if p.strip()]
    if len(parts) < 2 and (not parts or direct(parts[0]) == parts[0]):
        return None  # one clause asks as the whole question does, unless it reports it
    for part in map(direct, parts):
        if DEFINING.isdisjoint(words(part)[:4]):
            continue  # analysing is the cost: a clause that asks opens with its word
        tokens = analyse(part)
        if len(tokens) < 2 or tokens[0] not in DEFINING or tokens[1] not in DEFINING_SECOND:
            continue
        found = kb.index.search(tokens, limit)
        return (found, tokens) if found else None
    return None


MAX_SENTENCES = 4  # a longer message is a post, not a question with some context


def asked_sentences(question: str) -> list[str]:
    """The sentences of a message of two to ``MAX_SENTENCES`` that end in a question mark or
    open with a word that asks ("what", "how", "explain": chat drops the mark), each as
    typed; none for a single sentence. A bracketed aside ("Tomasz (PACS) here.") does not
    make a message a post."""
    parts = split_sentences(question)
    if len(parts) > MAX_SENTENCES:
        question = BRACKETED.sub(" ", question)
        parts = split_sentences(question)
    if not 2 <= len(parts) <= MAX_SENTENCES:
        return []
    found = []
    at = 0
    heading = -1  # where a heading before a dash starts ("GANs — what are they?")
    for part in parts:
        start = question.find(part, at)
        if start < 0:
            continue
        opens = start
        if heading >= 0 and DASH.search(question[at:start]):
            opens = heading  # the heading names what the sentence asks about
        heading = start if len(part.split()) <= MAX_HEADING else -1
        at = start + len(part)
        first = part.split(maxsplit=1)[:1]
        # As words() reads it: "what's" opens a request as "whats" does.
        if question[at : at + 1] == "?" or (
            first and APOSTROPHES.sub("", first[0].lower()) in REQUEST
        ):
            found.append(question[opens:at])
    return found


DASH = re.compile(r"\s[-\u2013\u2014]+\s")
APOSTROPHES = re.compile("['\u2019]")
BRACKETED = re.compile(r"\([^()]{0,60}\)")
MAX_HEADING = 3  # words of a topic named before a dash


def without(tokens: Sequence[str], talk: Sequence[str]) -> list[str]:
    """The analysed tokens less the words of ``talk`` (and their typed forms, "~=wants"), and
    less the little words that open a phrase of talk ("for my" of "for my mom", "in one" of
    "in one sentence"): left in, they would still score ("what is gen ai used for")."""
    left = set(talk)
    kept: list[str] = []
    for t in tokens:
        if t in left or (t.startswith(TYPED_MARK) and stem(t[len(TYPED_MARK) :]) in left):
            while kept and kept[-1] in PHRASE_OPENERS:
                kept.pop()
            continue
        kept.append(t)
    return kept


# "what does that term mean", "what is that?": the sentence points at a term quoted before it.
POINTER = re.compile(
    r"\b(?:that|this|the) (?:term|word|phrase|acronym|buzzword|name)\b"
    r"|" + DOES_IT_MEAN + r"|" + IS_IT_LIKE + r"|(?<=\bwhat )(?:that|this|it)(?= means\b)"
    # "'large language model'. what actually is one?": one of what was quoted
    # "... keeps saying 'generative AI'. What actually is it, in simple terms?": likewise
    r"|" + WHAT_IS + r"(?:one|it)(?=(?:\s+(?:actually|really|exactly))?\s*[?.!,]|\s*$)"
    r"|(?<=\bwhat is )(?:that|this)(?=\s*[?.!]|\s*$)|(?<=\bwhats )(?:that|this)(?=\s*[?.!]|\s*$)",
    re.I,
)
BARE = frozenset({"that", "this", "it", "one"})


def with_quoted_term(
    question: str, sentence: str, coined: Callable[[str], bool] = lambda word: False
) -> str:
    """``sentence`` with "that term" (or word, phrase, acronym) replaced by the last term
    quoted before it in ``question`` ("the vendor says 'conversational AI' on every slide.
    what does that term mean?"); unchanged when it points at nothing quoted. ``coined``
    tells a word English does not know that names a topic of the knowledge: a bare "that"
    may point at one quoted alone ("the rep says it's 'agentic'. what does that mean"; not
    "the psychiatrist said 'hallucinating'", "the mechanic said 'realignment'")."""
    pointer = POINTER.search(sentence)
    before = question[: max(question.find(sentence), 0)]
    quoted: list[str] = QUOTED.findall(before)
    if not quoted:
        return sentence
    quote = quoted[-1]
    if pointer is None:
        return _by_its_head(sentence, quote)
    # A bare "that" may point at a lone English word quoted in another sense ("my landlord
    # wrote 'alignment' on the lease. what is that?"): only a phrase or an acronym stands in.
    if (
        pointer.group().lower() in BARE
        and len(quote.split()) < 2
        and quote.islower()
        and not coined(quote.strip(string.punctuation))
    ):
        return sentence
    return sentence[: pointer.start()] + quote + sentence[pointer.end() :]


# Words of a quoted name a sentence may name by one end: its last word, or the first of two.
HEAD_QUOTE_WORDS = (2, 3)
_ASKS_WHAT_HEAD = re.compile(r"\b(?:what(?:'?s| is| are)|whats)\s+(?:an?\s+|the\s+)?(\w+)", re.I)


def _by_its_head(sentence: str, quote: str) -> str:
    """``sentence`` asking what one end of the quoted name is ("someone wants an 'ai agent'
    ... what is an agent exactly", "'prompt payment' ... what's a prompt") with that word as
    quoted, whole; else unchanged."""
    said = quote.split()
    if not HEAD_QUOTE_WORDS[0] <= len(said) <= HEAD_QUOTE_WORDS[1]:
        return sentence
    asked = _ASKS_WHAT_HEAD.search(sentence)
    forms: set[str] = set()
    for end in (said[0], said[-1]) if len(said) == 2 else (said[-1],):
        word = end.strip(string.punctuation).lower()
        forms |= {word, word + "s"}
    if asked is None or asked.group(1).lower() not in forms:
        return sentence
    return sentence[: asked.start(1)] + quote + sentence[asked.end(1) :]


def quoted_questions(question: str) -> list[str]:
    """The questions quoted in a message ('the CFO asked me "so what IS ChatGPT exactly" in
    the lift'): a quote of three words or more holding a word that asks."""
    return [
        quote
        for quote in QUOTED.findall(question)
        if len(quote.split()) >= 3 and not REQUEST.isdisjoint(words(quote))
    ]
