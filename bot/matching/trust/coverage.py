"""Does the chosen snippet explain what the question asks about?

Similarity scores reward what a question shares with a snippet, but never notice what the
question asks that the snippet does not cover: "what is a neural network" shares "network"
with the GAN snippet's title, "what is a large pizza" shares "large" with the LLM size
snippet. This module weighs each topic word of the question by how much it says about the
topic (salience) and by how well the snippet covers it:

- salience of a word the knowledge uses: how few snippets use it in titles, aliases or example
  questions, so "model" or "ai" weigh little and "gan" a lot; a word the knowledge never uses
  weighs by how rare it is in English (:class:`bot.matching.lexicon.Lexicon`), so "pizza" weighs a
  lot
  and "thing" or "actually" almost nothing; never more than its English rarity allows, so
  "large" weighs little even where few snippets use it;
- cover of a word by a snippet: 1 in its title or aliases, else the share of its example
  questions using it (full from ``FULL_SHARE``, half from one question), at least
  ``BODY_COVER`` when its body uses it, unless the question asks what something *is*: a
  snippet that merely mentions a term does not define it.

Words meet by their Snowball stems ("biased" meets "bias"), and a misspelt word by the word it
is closest to. Whether the uncovered part is too much is :mod:`bot.matching.trust.tolerance`'s call.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from bot.matching.lexicon import CHATTY_WEIGHT, Lexicon
from bot.matching.trust.bodies import Bodies
from bot.matching.trust.vocabulary import Stems
from bot.models import Snippet

FULL_SHARE = 0.25  # a word in a quarter of a snippet's example questions is its subject
BODY_COVER = 0.5  # the body mentions it: covered in part
SUMMARY_COVER = 0.75  # the summary uses it: mostly covered
OTHER_TOPIC = 0.35  # an uncovered word that another snippet is about: known, just not here
SHORT_WEIGHT = 0.3  # at most, for an unknown word of one or two letters ("u", "im")
RESPELL_MIN = 4  # shorter unknown words are abbreviations ("agi"), not typos
MISSING_WEIGHT = 0.3  # an uncovered word weighing this much is named in the reply
STRAY_WEIGHT = 0.15  # in a short definition question, even a plain word makes another term
TERM_WORDS = 3  # a definition question this short names one term; longer ones ramble on
HALF = 0.5  # cover from which a word counts as explained
FIELD = frozenset({"in", "within"})
ARTICLES = frozenset({"a", "an", "the"})
# A count or a size ("20 times", "7b, 70b", "128k vs 8k"): it measures what the question is
# about, never names it, so it weighs like chat glue.
NUMBER = re.compile(r"\d+(?:\.\d+)?[kmbt]?")
NUMBER_WEIGHT = 0.05

Analyse = Callable[[str], list[str]]
Respell = Callable[[str], str | None]
Held = tuple[str, frozenset[str]]  # a snippet id and the stems of one of its questions
Sample = tuple[str, tuple[str, ...]]  # a snippet id and the analysed words of one question


@dataclass(frozen=True, slots=True, kw_only=True)
class Verdict:
    """How much of one question's salience some snippets explain, and what they leave."""

    uncovered: float
    covered: float
    top_uncovered: float  # the most salient word left unexplained
    top_covered: float  # the most salient run of adjacent explained words ("context window")
    missing: tuple[str, ...]  # runs of uncovered salient words, in question order
    term_missing: bool = False  # asked what something is, and a salient word is unexplained
    top_other: float = 0.0  # the most salient unexplained name (not English) of another snippet
    other: str = ""  # that name's stem
    other_word: str = ""  # and the word as analysed

    @property
    def share(self) -> float:
        """0-1: the share of the question's salience the snippets explain."""
        total = self.uncovered + self.covered
        return self.covered / total if total > 0 else 0.0


@dataclass(frozen=True, slots=True, kw_only=True)
class Coverage:
    """Word statistics of one knowledge base (see the module docstring)."""

    asked: Mapping[str, Mapping[str, int]]  # stem -> snippet id -> questions using it
    names: Mapping[str, frozenset[str]]  # snippet id -> stems of its title and aliases
    sizes: Mapping[str, int]  # snippet id -> number of example questions
    body: Bodies  # stem -> snippets whose bodies use it (read on first need)
    users: Mapping[str, int]  # stem -> snippets using it in names or questions
    named: frozenset[str]  # stems of any snippet's title or aliases
    total: int  # snippets
    stems: Stems
    samples: tuple[Sample, ...]  # example questions to calibrate on (bot.matching.trust.tolerance)
    summaries: Mapping[str, frozenset[str]]  # snippet id -> stems of its one-line summary

    @classmethod
    def build(
        cls, snippets: Sequence[Snippet], analyse: Analyse, *, samples: int = 600
    ) -> Coverage:
        """Count the snippets' words, analysed with ``analyse`` (the matcher's pipeline).

        Args:
            snippets: the knowledge.
            analyse: text to the matcher's words (synonyms folded, light stemming).
            samples: example questions kept, evenly spread, for calibration.
        """
        stems = Stems()
        stemmed = _stemmer(analyse, stems)
        asked: dict[str, dict[str, int]] = defaultdict(dict)
        users: Counter[str] = Counter()
        names: dict[str, frozenset[str]] = {}
        summaries: dict[str, frozenset[str]] = {}
        held: list[Sample] = []
        every = max(1, sum(len(s.questions) for s in snippets) // max(samples, 1))
        n = 0
        for s in snippets:
            names[s.id] = frozenset().union(*(stemmed(x) for x in (s.title, *s.aliases)))
            summaries[s.id] = stemmed(s.summary)
            counts: Counter[str] = Counter()
            for q in s.questions:
                words = analyse(q)
                counts.update(stemmed(words))
                if n % every == 0 and len(s.questions) > 1:
                    held.append((s.id, tuple(words)))
                n += 1
            for word, count in counts.items():
                asked[word][s.id] = count
            users.update(names[s.id] | set(counts))  # bodies use many words they do not explain
        return cls(
            asked=asked,
            names=names,
            sizes={s.id: len(s.questions) for s in snippets},
            body=Bodies(snippets, stemmed),
            users=users,
            named=frozenset().union(*names.values()) if names else frozenset(),
            total=len(snippets),
            stems=stems,
            samples=tuple(held[:samples]),
            summaries=summaries,
        )

    def updated(
        self,
        snippets: Sequence[Snippet],
        old: Mapping[str, Snippet],
        analyse: Analyse,
        *,
        samples: int = 600,
    ) -> Coverage:
        """The statistics :meth:`build` makes of ``snippets``, from these (built from ``old``,
        by id, analysed the same way): only snippets that are not in ``old`` as they are now
        are analysed (a reload of 100,000 questions that edits one snippet: milliseconds
        instead of seconds). The mappings shared with this coverage are copied where they
        change, never changed: this one may still be judging."""
        stems = Stems()
        stemmed = _stemmer(analyse, stems)
        by_id = {s.id: s for s in snippets}
        gone = [s for i, s in old.items() if by_id.get(i) is not s and by_id.get(i) != s]
        came = [s for i, s in by_id.items() if old.get(i) is not s and old.get(i) != s]
        asked: dict[str, Mapping[str, int]] = dict(self.asked)
        copied: dict[str, dict[str, int]] = {}  # stems whose snippet counts change

        def counts_of(word: str) -> dict[str, int]:
            found = copied.get(word)
            if found is None:
                found = copied[word] = dict(asked.get(word, {}))
            return found

        users = Counter(self.users)
        names = dict(self.names)
        sizes = dict(self.sizes)
        summaries = dict(self.summaries)
        for s in gone:
            name, counts = _contributions(s, analyse, stemmed)
            for word in counts:
                del counts_of(word)[s.id]
            for word in name | set(counts):
                users[word] -= 1
                if users[word] <= 0:
                    del users[word]
            del names[s.id], sizes[s.id], summaries[s.id]
        for s in came:
            names[s.id], counts = _contributions(s, analyse, stemmed)
            for word, count in counts.items():
                counts_of(word)[s.id] = count
            users.update(names[s.id] | set(counts))
            sizes[s.id] = len(s.questions)
            summaries[s.id] = stemmed(s.summary)
        for word, found in copied.items():
            if found:
                asked[word] = found
            else:
                del asked[word]
        return Coverage(
            asked=asked,
            names=names,
            sizes=sizes,
            body=self.body.updated(snippets, stemmed, gone, came),
            users=users,
            named=frozenset().union(*names.values()) if names else frozenset(),
            total=len(snippets),
            stems=stems,
            samples=_samples(snippets, analyse, samples),
            summaries=summaries,
        )

    def judge(
        self,
        words: Sequence[str],
        snippet_ids: Sequence[str],
        lexicon: Lexicon,
        *,
        definition: bool = False,
        respell: Respell | None = None,
        held_out: Held | None = None,
    ) -> Verdict:
        """How well the snippets (together) explain the topic ``words`` of a question.

        Args:
            words: the question's analysed words (:meth:`bot.matching.matcher.MatchIndex.tokens`).
            snippet_ids: the snippets that would answer.
            lexicon: English word frequencies, consulted only when something is uncovered,
                so a question the knowledge fully explains never loads the word list.
            definition: the question asks what something is; bodies do not count.
            respell: the known word an unknown, non-English word is a typo of, if any.
            held_out: judge as if this example question were not in the knowledge.
        """
        fields = _fields(words)
        # Where a phrasing word stood between two kept words: a run of missing words named
        # in the reply stops there ("offsite, who's handling catering" names "offsite" and
        # "handling catering", not one phrase).
        broken: list[bool] = []
        gap = False
        for typed in words:
            if self.stems.phrasing(typed):
                gap = True
            else:
                broken.append(gap)
                gap = False
        words = [w for w in words if not self.stems.phrasing(w)]
        stems = [self.stems(w) for w in words]
        covers = [self._cover(s, snippet_ids, definition, held_out) for s in stems]
        if (
            held_out is None
            and all(c >= 1.0 for c in covers)
            and all(s in self.users for s in stems)
        ):
            covered = sum(self._known(s, None) or 0.0 for s in stems)
            return Verdict(
                uncovered=0.0, covered=covered, top_uncovered=0.0, top_covered=covered, missing=()
            )
        uncovered = covered = top_uncovered = top_covered = top_other = run = 0.0
        other_stem = other_word = ""
        runs: list[list[str]] = []
        previous_missing = stray = False
        for word, first, gap_before in zip(words, stems, broken, strict=True):
            stem = first
            if (
                stem not in self.users
                and respell is not None
                and len(word) >= RESPELL_MIN
                and not lexicon.is_word(word)
            ):
                fixed = respell(word)
                if fixed is not None and self.stems.phrasing(fixed):
                    continue  # "explian"
                stem = self.stems(fixed) if fixed else stem
            w = self._weight(word, stem, lexicon, held_out)
            c = self._cover(stem, snippet_ids, definition, held_out)
            other = stem in self.named
            left = w * (1 - c) * (OTHER_TOPIC if other else 1.0)
            # A coined name or abbreviation of another snippet ("sft", "rlhf") is
            # unambiguous; an English word may share a stem by chance ("mechanically").
            if other and not lexicon.is_word(word) and w * (1 - c) > top_other:
                top_other, other_stem, other_word = w * (1 - c), stem, word
            uncovered += left
            covered += w * c
            top_uncovered = max(top_uncovered, left)
            run = run + w * c if c >= HALF else 0.0  # a term of several words counts whole
            top_covered = max(top_covered, run, w * c)
            missing = left >= MISSING_WEIGHT
            # "embeddings in ml": a name of the field the term is asked in is no other term.
            field = word in fields and stem in self.named
            stray |= left >= STRAY_WEIGHT and c < HALF and not field
            if missing and previous_missing and not gap_before:
                runs[-1].append(word)
            elif missing:
                runs.append([word])
            previous_missing = missing
        return Verdict(
            uncovered=uncovered,
            covered=covered,
            top_uncovered=top_uncovered,
            top_covered=top_covered,
            missing=tuple(" ".join(r) for r in runs),
            # A definition question names one term: any salient word left over makes it
            # another term ("convolutional neural network") or another field ("in chemistry").
            term_missing=definition and stray and len(words) <= TERM_WORDS,
            top_other=top_other,
            other=other_stem,
            other_word=other_word,
        )

    def speaks_of(self, words: Sequence[str], snippet_ids: Sequence[str], lexicon: Lexicon) -> bool:
        """Whether any salient topic word is explained by the snippets or is some snippet's
        name (a plain word such as "not" says nothing either way)."""
        for word in words:
            stem = self.stems(word)
            if self.stems.phrasing(word) or self._weight(word, stem, lexicon, None) < STRAY_WEIGHT:
                continue
            if stem in self.named or self._cover(stem, snippet_ids, False, None) >= HALF:
                return True
        return False

    def is_name(self, word: str, snippet_ids: Sequence[str]) -> bool:
        """Whether an analysed word is in the title or an alias of one of the snippets."""
        stem = self.stems(word)
        return any(stem in self.names.get(sid, ()) for sid in snippet_ids)

    def named_by(self, stem: str) -> frozenset[str]:
        """The snippets whose title or aliases hold a stem."""
        return frozenset(sid for sid, names in self.names.items() if stem in names)

    def known_term(self, word: str, snippet_ids: Sequence[str]) -> bool:
        """Whether an analysed word names some snippet, or the snippets explain it."""
        stem = self.stems(word)
        return stem in self.named or self._cover(stem, snippet_ids, True, None) >= HALF

    def salience(self, word: str, lexicon: Lexicon) -> float:
        """0-1: how much an analysed word says about the question's topic."""
        return self._weight(word, self.stems(word), lexicon, None)

    def summary_share(
        self,
        words: Sequence[str],
        snippet_id: str,
        lexicon: Lexicon,
        *,
        talk: Sequence[str] = (),
    ) -> float:
        """0-1: the weight of the analysed ``words`` that a snippet's one-line summary (or its
        names) uses, of the weight of all of them (phrasing left out): how nearly a question
        restates the snippet's own account of its term. A word of ``talk`` (the asker's
        world) the summary does not use weighs nothing."""
        total = found = 0.0
        summary = self.summaries.get(snippet_id, frozenset())
        names = self.names.get(snippet_id, frozenset())
        for word in words:
            if self.stems.phrasing(word):
                continue
            stem = self.stems(word)
            used = stem in summary or stem in names
            if word in talk and not used:
                continue
            weight = self._weight(word, stem, lexicon, None)
            total += weight
            if used:
                found += weight
        return found / total if total else 0.0

    def summary_words(self, words: Sequence[str], snippet_id: str) -> int:
        """How many distinct words (stems, phrasing left out) of the analysed ``words`` a
        snippet's one-line summary uses."""
        return len(self._content_stems(words) & self.summaries.get(snippet_id, frozenset()))

    def summary_uses_all(self, words: Sequence[str], snippet_id: str) -> bool:
        """Whether a snippet's one-line summary uses every word (stems, phrasing left out) of
        the analysed ``words``."""
        return self._content_stems(words) <= self.summaries.get(snippet_id, frozenset())

    def _content_stems(self, words: Sequence[str]) -> set[str]:
        stems = self.stems
        return {stems(w) for w in words if not stems.phrasing(w)}

    def unused(self, word: str) -> bool:
        """Whether the knowledge never uses an analysed word, not even in a body."""
        stem = self.stems(word)
        return stem not in self.users and not self.body.users(stem)

    def held(self, sample: Sample) -> Held:
        """A sample as :meth:`judge` takes it to leave the question out."""
        sid, words = sample
        return sid, frozenset(self.stems(w) for w in words if not self.stems.phrasing(w))

    def _count(self, stem: str, sid: str, held_out: Held | None) -> int:
        count = self.asked.get(stem, {}).get(sid, 0)
        if held_out is not None and held_out[0] == sid and stem in held_out[1]:
            count -= 1
        return count

    def _cover(
        self, stem: str, snippet_ids: Sequence[str], definition: bool, held_out: Held | None
    ) -> float:
        best = 0.0
        for sid in snippet_ids:
            if stem in self.names.get(sid, ()):
                return 1.0
            size = self.sizes.get(sid, 0) - (held_out is not None and held_out[0] == sid)
            count = self._count(stem, sid, held_out)
            share = min(1.0, count / max(size, 1) / FULL_SHARE)
            if count > 0:
                share = max(share, HALF)  # one example question is the admin's word for it
            if not definition and share < BODY_COVER and sid in self.body.users(stem):
                share = BODY_COVER
            if stem in self.summaries.get(sid, ()):
                share = max(share, SUMMARY_COVER)  # the admin's one-line account of the term
            best = max(best, share)
        return best

    def _known(self, stem: str, held_out: Held | None) -> float | None:
        """Salience from how few snippets use the stem; None when none does."""
        users = self.users.get(stem, 0)
        if held_out is not None and stem in held_out[1]:
            sid = held_out[0]
            if stem not in self.names.get(sid, ()) and self._count(stem, sid, held_out) <= 0:
                users -= 1  # the held-out question was its snippet's only use of the word
        if users <= 0:
            return None
        return math.log((self.total + 1) / (users + 0.5)) / math.log((self.total + 1) / 0.5)

    def _weight(self, word: str, stem: str, lexicon: Lexicon, held_out: Held | None) -> float:
        known = self._known(stem, held_out)
        if known is None and NUMBER.fullmatch(word):
            return NUMBER_WEIGHT
        if known is not None:
            return min(known, lexicon.salience(word))
        # An adverb no snippet uses says how ("forgets totally", "realistically"), never
        # what is asked about; one a snippet uses may still be its term's ("confidently").
        english = CHATTY_WEIGHT if lexicon.adverb(word) else lexicon.salience(word)
        return min(english, SHORT_WEIGHT) if len(word) <= 2 else english


def _fields(words: Sequence[str]) -> frozenset[str]:
    """The words right after "in" (articles between): the field a question is asked in."""
    found = set()
    after = False
    for word in words:
        if after and word not in ARTICLES:
            found.add(word)
        after = word in FIELD or (after and word in ARTICLES)
    return frozenset(found)


def _stemmer(analyse: Analyse, stems: Stems) -> Callable[[str | list[str]], frozenset[str]]:
    def stemmed(text: str | list[str]) -> frozenset[str]:
        found = analyse(text) if isinstance(text, str) else text
        return frozenset(stems(w) for w in found if not stems.phrasing(w))

    return stemmed


def _contributions(
    s: Snippet, analyse: Analyse, stemmed: Callable[[str | list[str]], frozenset[str]]
) -> tuple[frozenset[str], Counter[str]]:
    """One snippet's name stems and, per stem, how many of its questions use it."""
    name = frozenset().union(*(stemmed(x) for x in (s.title, *s.aliases)))
    counts: Counter[str] = Counter()
    for q in s.questions:
        counts.update(stemmed(analyse(q)))
    return name, counts


def _samples(snippets: Sequence[Snippet], analyse: Analyse, samples: int) -> tuple[Sample, ...]:
    """The example questions :meth:`Coverage.build` keeps for calibration (the same ones)."""
    every = max(1, sum(len(s.questions) for s in snippets) // max(samples, 1))
    held: list[Sample] = []
    n = 0
    for s in snippets:
        k = len(s.questions)
        if k > 1:
            # The questions at positions n..n+k-1 that are multiples of ``every``.
            for at in range(-(-n // every) * every, n + k, every):
                held.append((s.id, tuple(analyse(s.questions[at - n]))))
            if len(held) >= samples:
                break
        n += k
    return tuple(held[:samples])
