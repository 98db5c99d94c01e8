"""English word frequencies (wordfreq's "small" English list) and parts of speech
(lemminflect's dictionary), each loaded on first use.

Three jobs:

- the typo fixer must not rewrite a real English word into a knowledge word ("transfer" is
  not a typo of "transformer");
- a word the knowledge does not know counts as salient evidence in proportion to how rare it
  is in English ("pizza" says more about a question than "thing");
- a plain word beside a term that can only be a verb, an adjective or an adverb ("mentioned",
  "risky", "honestly") cannot name another subject; a noun can ("guitar", "basement").

wordfreq's import and list load cost about 0.2 s (lemminflect's about 0.2 s more), so nothing
is loaded until a question has a word the knowledge does not know: ``explainbot ask "llm vs
genai"`` never pays it.
"""

from __future__ import annotations

import math
import threading
from importlib.resources import files

from bot.matching.spelling import american

MIN_ZIPF = 3.0  # the small list's floor: about one use per million words
# Zipf values between which an unknown word goes from fully salient to nearly irrelevant
# ("neural" 3.8: a topic; "pizza" 4.4: half; "thing" 5.7, "actually" 5.5: chat).
SALIENT_ZIPF = 3.5
CHATTY_ZIPF = 5.5
CHATTY_WEIGHT = 0.05
# Pronouns and conjunctions too rare in the frequency list to weigh as chat glue ("none" of
# "none of them exist" weighed 0.285): closed-class words, they never say what is asked.
CLOSED_CLASS = frozenset(
    {"none", "neither", "nor", "whatever", "whoever", "whichever", "whomever", "whose", "whom"}
)
PARTS_CACHE = 50_000


NAMING = frozenset({"NOUN", "PROPN"})  # parts of speech that can name a subject
DESCRIBING = NAMING | {"ADJ"}  # and those that can narrow one ("the electrical kind")
ADVERB = frozenset({"ADV"})


class Lexicon:
    """Zipf frequencies and parts of speech of English words; thread-safe, loads once."""

    def __init__(self) -> None:
        self._zipf: dict[str, float] | None = None
        self._lock = threading.Lock()
        self._parts: dict[str, frozenset[str]] = {}
        self._seen: dict[str, float] = {}  # word -> zipf, as computed
        self._pos_lock = threading.Lock()
        self._persons: dict[str, str] | None = None  # a noun -> "person" or "trade"
        self._no_person: set[str] = set()  # words whose noun lemma names no one, as looked up

    def _table(self) -> dict[str, float]:
        table = self._zipf
        if table is None:
            with self._lock:
                if self._zipf is None:
                    from wordfreq import get_frequency_dict

                    freqs = get_frequency_dict("en", wordlist="small")
                    self._zipf = {w: math.log10(f) + 9.0 for w, f in freqs.items() if f > 0}
                table = self._zipf
        return table

    def zipf(self, word: str) -> float:
        """Uses per billion words on a log scale (0 for a word not in the list).

        Chat drops apostrophes and our stemmer drops plural endings, so "arent", "im" and
        "businesse" are looked up as "aren't", "i'm" and "businesses" too.
        """
        found = self._seen.get(word)
        if found is not None:
            return found
        table = self._table()
        variants = [word, word + "s", word + "es"]
        variants += [f"{word[:i]}'{word[i:]}" for i in range(max(1, len(word) - 3), len(word))]
        found = max((table.get(v, 0.0) for v in variants), default=0.0)
        if len(self._seen) < PARTS_CACHE:  # bounded: questions bring any word
            self._seen[word] = found
        return found

    def is_word(self, word: str) -> bool:
        """A real, reasonably common English word (not a typo), or an adverb the dictionary
        knows however rare ("conceptually")."""
        return self.zipf(word) >= MIN_ZIPF or self.rare_adverb(word)

    def knows(self, word: str) -> bool:
        """Whether English knows a word at all, however rare or inflected ("llama", an animal
        too; "hallucinating"), unlike a coined term ("agentic") or a product's name."""
        return self.is_word(word) or bool(self.parts(word))

    def rare_adverb(self, word: str) -> bool:
        """An "-ly" word too rare for the frequency list that the dictionary knows only as an
        adverb ("conceptually"): it says how, never what a question is about."""
        return word.endswith("ly") and self.zipf(word) < MIN_ZIPF and self.parts(word) == ADVERB

    def adverb(self, word: str) -> bool:
        """Whether the dictionary knows a word only as an adverb ("totally", "realistically")."""
        return self.parts(word) == ADVERB

    def salience(self, word: str) -> float:
        """0-1: how much an unknown word says about what the question is about; a British
        spelling says as much as its American twin ("organisation" as "organization"), and a
        closed-class word (``CLOSED_CLASS``) as little as chat glue."""
        if word in CLOSED_CLASS:
            return CHATTY_WEIGHT
        z = self.zipf(word)
        us = american(word)
        if us != word:
            z = max(z, self.zipf(us))
        if z < MIN_ZIPF and self.rare_adverb(word):
            return CHATTY_WEIGHT
        if z <= SALIENT_ZIPF:
            return 1.0
        span = (CHATTY_ZIPF - z) / (CHATTY_ZIPF - SALIENT_ZIPF)
        return max(CHATTY_WEIGHT, min(1.0, span))

    def parts(self, word: str) -> frozenset[str]:
        """The parts of speech an English word can be ("NOUN", "VERB", "ADJ", "ADV", ...),
        from lemminflect's dictionary (why: a maintained English lemma lexicon with parts of
        speech; hand lists would miss most words); empty for a word it does not know."""
        found = self._parts.get(word)
        if found is None:
            with self._pos_lock:  # lemminflect loads its tables on first call, unguarded
                from lemminflect import getAllLemmas

                found = frozenset(getAllLemmas(word))
            if "VERB" in found and word.endswith("ing"):
                found |= {"NOUN"}  # a gerund names an activity: "nlp coaching"
            if len(self._parts) < PARTS_CACHE:
                self._parts[word] = found
        return found

    def names_person(self, word: str) -> bool:
        """Whether a word is a noun that names people ("aunt", "analysts", "vendor"): WordNet's
        ``noun.person`` class, as ``scripts/build_person_nouns.py`` extracts it, less the
        trades (:meth:`names_trade`)."""
        return self._person_class(word) == "person"

    def names_trade(self, word: str) -> bool:
        """Whether a word names people by a trade that may be another sense of a term ("my
        nurse says my temperature is high", "the electrician says the transformer hums")."""
        return self._person_class(word) == "trade"

    def names_group(self, word: str) -> bool:
        """Whether a word names people organised for work ("company", "team", "clinic"):
        WordNet's organization.n.01 and below, as the same script extracts them."""
        return self._person_class(word) == "group"

    def names_people(self, word: str) -> bool:
        """Whether a word names people or people organised for work ("vendor", "company")."""
        return self.names_person(word) or self.names_group(word)

    def _person_class(self, word: str) -> str | None:
        classes = self._persons
        if classes is None:
            with self._lock:
                if self._persons is None:
                    text = files("bot.matching").joinpath("wordlists/person_nouns.txt").read_text()
                    rows = (line.split() for line in text.splitlines())
                    self._persons = {
                        row[0]: row[1] if len(row) > 1 else "person"
                        for row in rows
                        if row and not row[0].startswith("#")
                    }
                classes = self._persons
        found = classes.get(word)
        if found is not None or word in self._no_person:
            return found
        with self._pos_lock:
            from lemminflect import getLemma

            lemmas = getLemma(word, upos="NOUN")
        found = next((classes[lemma] for lemma in lemmas if lemma in classes), None)
        if found is None and len(self._no_person) < PARTS_CACHE:  # bounded, as parts()
            self._no_person.add(word)
        return found

    def can_name(self, word: str) -> bool:
        """Whether a word may be a noun: a word the dictionary does not know may be a name."""
        found = self.parts(word)
        return not found or bool(found & NAMING)

    def can_describe(self, word: str) -> bool:
        """Whether a word may be a noun or an adjective (not only a verb or an adverb)."""
        found = self.parts(word)
        return not found or bool(found & DESCRIBING)

    def may_be_verb(self, word: str) -> bool:
        """Whether the dictionary knows a word as a verb ("mentions", "tax")."""
        return "VERB" in self.parts(word)
