"""Does the chosen snippet explain what the question asks about?

Similarity scores reward what a question shares with a snippet, but never notice what the
question asks that the snippet does not cover: "what is a neural network" shares "neural
network" with one GAN example question, "what is a large pizza" shares "large" with the
LLM size snippet. This module weighs each content word of the question by how much it says
about the topic (salience) and by how well the snippet covers it:

- salience of a word the knowledge uses: how few snippets use it (titles, aliases, example
  questions and bodies), so "what", "model" or "ai" weigh little and "gan" a lot; a word
  the knowledge never uses weighs by how rare it is in English (:class:`bot.lexicon.Lexicon`),
  so "pizza" weighs a lot and "thing" or "actually" almost nothing;
- cover of a word by a snippet: 1 in its title or aliases, else the share of its example
  questions using it (full from ``FULL_SHARE``), at least ``BODY_COVER`` when its body uses
  it, unless the question asks what something *is* ("what is a neural network"): a snippet
  that merely mentions the term does not define it.

Words are compared by their Snowball (Porter 2) stems, so "biased" meets "bias" and
"generating" meets "generate"; a misspelt word meets the snippet word it is closest to.

A snippet does not explain the question when the most salient uncovered word outweighs the
most salient covered one, or when most of the salience is uncovered.
"""

from __future__ import annotations

import math
import threading
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import snowballstemmer

from bot.compare import COMPARISON_WORDS
from bot.lexicon import Lexicon
from bot.models import Snippet
from bot.normalize import FILLER_WORDS

FULL_SHARE = 0.25  # a word in a quarter of a snippet's example questions is its subject
BODY_COVER = 0.5  # the body mentions it: covered in part
UNCOVERED_SHARE = 0.6  # more than this share of the salience uncovered: not explained
LEAD = 0.1  # the most salient uncovered word may outweigh the most salient covered one by this
# A match that is both strong and clear ("which foundation models does gen ai rely on")
# leaves more room for words its snippet does not use.
TRUSTED_LEAD = 0.4
TRUSTED_SHARE = 0.75
OTHER_TOPIC = 0.5  # an uncovered word that another snippet is about: known, just not here
SHORT_WEIGHT = 0.3  # at most, for an unknown word of one or two letters ("u", "im")
RESPELL_MIN = 4  # shorter unknown words are abbreviations ("agi"), not typos
MISSING_WEIGHT = 0.3  # an uncovered word weighing this much is named in the reply
# Words that phrase a question rather than name its topic (the last line: as typed in chat).
_PHRASING = """
what whats which who whom why how when where is are was were be been do does did can could
would should will a an the of in on for to it its this that these those my our your their
i we you me us they them he she his her mean means meaning
wat wut wht whta wats hw r u ur ya im ive id dont doesnt isnt arent cant wont didnt pls plz
"""
NEUTRAL = FILLER_WORDS | COMPARISON_WORDS | frozenset(_PHRASING.split())
NEUTRAL_WORDS = tuple(sorted(NEUTRAL))

DEFINING = frozenset({"what", "whats", "wat", "wut", "define", "definition", "meaning"})
DEFINING_SECOND = frozenset({"is", "are", "s", "a", "an", "the", "exactly", "does", "do"})
WORKS = frozenset({"work", "works", "function", "operate"})
BARE_TERM = 2  # a question of this many words or fewer names a term: "neural network"

Analyse = Callable[[str], list[str]]
Respell = Callable[[str], str | None]


def topic_words(words: Sequence[str]) -> list[str]:
    """The words of a question that could name a topic (phrasing words left out)."""
    return [w for w in words if w not in NEUTRAL]


def asks_definition(kept: Sequence[str]) -> bool:
    """Whether a question (its words after filler) asks what something is."""
    content = [w for w in kept if w not in NEUTRAL]
    if len(content) <= BARE_TERM:
        return True
    if len(kept) >= 3 and kept[0] == "how" and kept[1] in {"does", "do"} and kept[-1] in WORKS:
        return True  # "how does a neural network work"
    return bool(kept) and kept[0] in DEFINING and (len(kept) == 1 or kept[1] in DEFINING_SECOND)


class Stems:
    """Snowball English stems, cached per word (the stemmer is not thread-safe)."""

    def __init__(self) -> None:
        self._cache: dict[str, str] = {}
        self._lock = threading.Lock()
        self._stemmer = snowballstemmer.stemmer("english")

    def __call__(self, word: str) -> str:
        found = self._cache.get(word)
        if found is None:
            with self._lock:
                found = self._stemmer.stemWord(word)
            self._cache[word] = found
        return found


@dataclass(frozen=True, slots=True, kw_only=True)
class Verdict:
    """How well one snippet explains one question."""

    explained: bool
    uncovered: float  # salience the snippet leaves unexplained
    covered: float  # salience it explains
    missing: tuple[str, ...]  # runs of uncovered salient words, in question order


@dataclass(frozen=True, slots=True, kw_only=True)
class Coverage:
    """Per-word salience and per-snippet cover for one knowledge base."""

    cover: Mapping[str, Mapping[str, float]]  # stem -> snippet id -> cover 0-1
    body: Mapping[str, frozenset[str]]  # stem -> snippets whose bodies use it
    salience: Mapping[str, float]  # stem the knowledge's names and questions use -> 0-1
    named: frozenset[str]  # stems of any snippet's title or aliases
    stems: Stems
    neutral: frozenset[str]  # stems of NEUTRAL words: "explained" phrases like "explain"

    @classmethod
    def build(cls, snippets: Sequence[Snippet], analyse: Analyse) -> Coverage:
        """Index the snippets' words with ``analyse`` (the matcher's word pipeline)."""
        stems = Stems()
        neutral = frozenset(stems(w) for w in NEUTRAL)

        def stemmed(text: str) -> set[str]:
            return {stems(w) for w in analyse(text) if w not in NEUTRAL} - neutral

        cover: dict[str, dict[str, float]] = defaultdict(dict)
        body: dict[str, set[str]] = defaultdict(set)
        users: Counter[str] = Counter()
        named: set[str] = set()
        for s in snippets:
            names = set().union(*(stemmed(n) for n in (s.title, *s.aliases)))
            asked: Counter[str] = Counter()
            for q in s.questions:
                asked.update(stemmed(q))
            n_questions = max(len(s.questions), 1)
            for word in names | set(asked):
                share = 1.0 if word in names else min(1.0, asked[word] / n_questions / FULL_SHARE)
                cover[word][s.id] = share
            for word in stemmed(s.body):
                body[word].add(s.id)
            users.update(names | set(asked))  # bodies use many words they do not explain
            named |= names
        total = len(snippets)
        top = math.log((total + 1) / 0.5)
        salience = {w: math.log((total + 1) / (n + 0.5)) / top for w, n in users.items()}
        return cls(
            cover=cover,
            body={w: frozenset(ids) for w, ids in body.items()},
            salience=salience,
            named=frozenset(named),
            stems=stems,
            neutral=neutral,
        )

    def judge(
        self,
        words: Sequence[str],
        snippet_ids: Sequence[str],
        lexicon: Lexicon,
        *,
        definition: bool = False,
        respell: Respell | None = None,
        trusted: bool = False,
    ) -> Verdict:
        """How well the snippets (together) explain the content ``words`` of a question.

        Args:
            words: the question's analysed words (:meth:`bot.matcher.MatchIndex.tokens`).
            snippet_ids: the snippets that would answer.
            lexicon: English word frequencies, consulted only when something is uncovered,
                so a question the knowledge fully explains never loads the word list.
            definition: the question asks what something is; bodies do not count.
            respell: the known word an unknown, non-English word is a typo of, if any.
            trusted: the match score is strong and clear: allow more uncovered words.
        """
        words = [w for w in words if w not in NEUTRAL and self.stems(w) not in self.neutral]
        stems = [self.stems(w) for w in words]
        covers = [self._cover(w, snippet_ids, definition) for w in stems]
        weights = [self.salience.get(w, -1.0) for w in stems]
        if all(c >= 1.0 for c in covers) and all(x >= 0 for x in weights):
            covered = sum(weights)
            return Verdict(explained=covered > 0, uncovered=0.0, covered=covered, missing=())
        uncovered = covered = top_uncovered = top_covered = 0.0
        runs: list[list[str]] = []
        previous_missing = False
        for word, found in zip(words, stems, strict=True):
            stem = found
            if (
                stem not in self.salience
                and respell is not None
                and len(word) >= RESPELL_MIN
                and not lexicon.is_word(word)
            ):
                fixed = respell(word)
                if fixed is not None and (fixed in NEUTRAL or self.stems(fixed) in self.neutral):
                    continue  # "explian"
                stem = self.stems(fixed) if fixed else stem
            w = self._weight(word, stem, lexicon)
            c = self._cover(stem, snippet_ids, definition)
            left = w * (1 - c) * (OTHER_TOPIC if stem in self.named else 1.0)
            uncovered += left
            covered += w * c
            top_uncovered = max(top_uncovered, left)
            top_covered = max(top_covered, w * c)
            missing = left >= MISSING_WEIGHT
            if missing and previous_missing:
                runs[-1].append(word)
            elif missing:
                runs.append([word])
            previous_missing = missing
        total = uncovered + covered
        lead, share = (TRUSTED_LEAD, TRUSTED_SHARE) if trusted else (LEAD, UNCOVERED_SHARE)
        explained = total > 0 and top_uncovered <= top_covered + lead and uncovered <= share * total
        return Verdict(
            explained=explained,
            uncovered=uncovered,
            covered=covered,
            missing=tuple(" ".join(r) for r in runs),
        )

    def _cover(self, stem: str, snippet_ids: Sequence[str], definition: bool) -> float:
        by = self.cover.get(stem, {})
        found = max((by.get(s, 0.0) for s in snippet_ids), default=0.0)
        if not definition and found < BODY_COVER:
            mentioned = self.body.get(stem, frozenset())
            if any(s in mentioned for s in snippet_ids):
                return BODY_COVER
        return found

    def _weight(self, word: str, stem: str, lexicon: Lexicon) -> float:
        english = lexicon.salience(word)
        known = self.salience.get(stem)
        if known is not None:
            return min(known, english)
        return min(english, SHORT_WEIGHT) if len(word) <= 2 else english
