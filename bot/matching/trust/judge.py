"""One knowledge base's judge: does a snippet explain a question well enough to answer it?"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from bot.matching.lexicon import Lexicon
from bot.matching.matcher import MatchIndex, nearest
from bot.matching.normalize import words as typed_words
from bot.matching.trust.around import set_aside
from bot.matching.trust.aspect import keeps_doing
from bot.matching.trust.beside import asked_subject
from bot.matching.trust.context import Context, context, sentence_kinds
from bot.matching.trust.contrast import disowns_field
from bot.matching.trust.coverage import Coverage
from bot.matching.trust.depicted import depicted
from bot.matching.trust.experienced import human_agent, person_hallucinating
from bot.matching.trust.grammar import MIN_LETTERS, runs
from bot.matching.trust.hobby import model_hobby
from bot.matching.trust.instance import instances, pointed_back
from bot.matching.trust.kinds import TERM_MIN, WordKinds
from bot.matching.trust.makers import makers, owners
from bot.matching.trust.matter import matter, search_finds, search_of
from bot.matching.trust.names import Names
from bot.matching.trust.passing import asked_terms
from bot.matching.trust.produced import invented, made_up, produced
from bot.matching.trust.quoted import examples, messages, searched
from bot.matching.trust.scope import asks_wider, kind_of_ai
from bot.matching.trust.sense import common_noun, field_framed, unsupported
from bot.matching.trust.setting import USE
from bot.matching.trust.talk import figure, owned
from bot.matching.trust.tolerance import Tolerance
from bot.matching.trust.vocabulary import (
    CHAT_Q,
    NEUTRAL_WORDS,
    asks_a_question,
    asks_cause,
    asks_name,
    idiom_words,
    topic_words,
)
from bot.models import Snippet

RESPELL_CUTOFF = 80.0  # one swap or slip in a five-letter word: only to see what it is about
RESPELL_CACHE = 10_000
ANALYSED_WORDS = 50_000  # question words whose analysis a judge remembers
GLUE_WEIGHT = 0.05  # the salience of the most frequent English words (zipf 5.5 and up)
# Above the field's everyday words ("model" 0.053, "ai" 0.067, "data" 0.08, "turn" 0.09).
DESCRIBED_WEIGHT = 0.1
SOLID_LEFT = 0.2  # no unexplained word weighs this much: the snippet explains the question
USE_EXAMPLES = 3  # example questions about putting the term to use, to answer them as a rule


@dataclass(frozen=True, slots=True, kw_only=True)
class Judgement:
    explained: bool
    share: float  # 0-1 of the question's salience explained
    missing: tuple[str, ...]  # what is left unexplained, to name in the reply
    empty: bool  # the words name nothing at all ("vs", "up or down")
    solid: bool  # the check is on and nothing salient is left unexplained
    talk: tuple[str, ...] = ()  # analysed words left out as talk around the topic
    sense: bool = False  # refused: an everyday word attached to the term makes another sense
    # Refused because the question's weightiest word is a coined name of these other snippets.
    named: frozenset[str] = frozenset()
    naming: str = ""  # that coined name, as analysed

    def missing_words(self) -> list[str]:
        """The words of the unexplained phrases ("locker hire" -> "locker", "hire")."""
        return [w for m in self.missing for w in m.split()]

    def talk_words(self) -> set[str]:
        """The words of the phrases left out as talk."""
        return {w for t in self.talk for w in t.split()}


class Judge:
    """Coverage statistics of one knowledge base, plus the tolerance fitted to it (lazily:
    only a question with something uncovered needs it, and fitting loads the word list)."""

    def __init__(
        self,
        snippets: Sequence[Snippet],
        index: MatchIndex,
        lexicon: Lexicon,
        *,
        coverage: Coverage | None = None,
    ) -> None:
        """``coverage``: the snippets' statistics when already made (see
        :meth:`Coverage.updated`), else built here."""
        self._index = index
        self._lexicon = lexicon
        self._coverage = coverage or Coverage.build(snippets, index.content_words)
        self._tolerance: Tolerance | None = None
        self._lock = threading.Lock()
        self._respelt: dict[str, str | None] = {}
        self._raw: frozenset[str] | None = None  # words of the synonyms' multi-word terms
        self._names = Names(snippets, index)
        self._questions = {s.id: s.questions for s in snippets}
        self._bodies = {s.id: s.body for s in snippets}
        self._owners: dict[str, frozenset[tuple[str, str]]] = {}  # see _owned
        self._asks_glue: dict[str, bool] = {}  # see asks_glue
        self._analysed: dict[str, list[str]] = {}  # a question word -> its analysed words
        self._uses: dict[str, bool] = {}  # see _asks_use
        self._kinds_of_ai = {s.id: kind_of_ai(s.title) for s in snippets}

    def _content_words(self, token: str) -> list[str]:
        """:meth:`MatchIndex.content_words` of one word of a question, remembered: chat
        repeats its words, and each question asks about every one of them (bounded)."""
        found = self._analysed.get(token)
        if found is None:
            found = self._index.content_words(token)
            if len(self._analysed) < ANALYSED_WORDS:
                self._analysed[token] = found
        return list(found)

    def _owned(self, snippet_ids: Sequence[str]) -> set[tuple[str, str]]:
        """The possessive pairs the snippets' bodies write (:func:`owners`), remembered per
        snippet."""
        found: set[tuple[str, str]] = set()
        for sid in snippet_ids:
            pairs = self._owners.get(sid)
            if pairs is None:
                pairs = self._owners[sid] = owners(self._bodies.get(sid, ""))
            found |= pairs
        return found

    def weighs(self, words: Sequence[str]) -> bool:
        """Whether any analysed word says more than chat glue ("time", "thing", "give"): a
        word so frequent in English gives no topic unless some snippet's name holds it."""
        coverage, lexicon = self._coverage, self._lexicon
        return any(
            coverage.salience(w, lexicon) > GLUE_WEIGHT or coverage.named_by(coverage.stems(w))
            for w in words
        )

    def asks_glue(self, snippet_id: str) -> bool:
        """Whether a snippet has an example question of chat glue only ("i don't know",
        "what day is it"): the admin expects such questions there, so only it may answer one
        (remembered per snippet: only a glue question's best snippet is ever looked at)."""
        found = self._asks_glue.get(snippet_id)
        if found is None:
            found = self._asks_glue[snippet_id] = any(
                not self.weighs(topic_words(self._index.content_words(q)))
                for q in self._questions.get(snippet_id, ())
            )
        return found

    def __call__(
        self,
        words: Sequence[str],
        snippet_ids: Sequence[str],
        *,
        definition: bool = False,
        trusted: bool = False,
        clear: bool = False,
        asides: Sequence[Sequence[str]] = (),
        question: str = "",
        lenient: bool = False,
    ) -> Judgement:
        """Judge the question's analysed ``words`` against the snippets that would answer.

        Args:
            words: the question's analysed words, in order.
            snippet_ids: the snippets that would answer it.
            definition: the question asks what something is (bodies do not count, and the
                head word of the term must be explained).
            trusted: the match is strong and clear: allow a little more unexplained.
            clear: the snippet leads the runner-up clearly: plain words beside its named
                term, in the term's own clause, are talk too (:func:`context.context`).
            asides: the analysed words of clauses about the asker
                (:func:`bot.matching.trust.clauses.asides`), left out when the snippets explain
                the rest of the question wholly and none of their words.
            question: the question as typed, to see how its everyday words stand to the
                term (:mod:`bot.matching.trust.context`).
            lenient: with its talk left out, the rest need only be explained as any
                question is (the tolerance), not wholly.
        """
        found = self._verdict(
            words,
            snippet_ids,
            definition=definition,
            trusted=trusted,
            clear=clear,
            asides=asides,
            question=question,
            lenient=lenient,
        )
        if found.explained and question and self._in_passing(found, question, snippet_ids):
            # "how does backpropagation work in a neural network": the term asked about is
            # one the snippets only mention, never name or explain.
            return replace(found, explained=False, solid=False)
        return found

    def _in_passing(self, found: Judgement, question: str, snippet_ids: Sequence[str]) -> bool:
        """Whether a word the question asks about (:func:`asked_terms`) is left unexplained
        though the snippets' bodies use it, and only there: it names no snippet, and neither
        their example questions nor their summaries use it ("what is denoising in diffusion"
        is asked in the diffusion snippet's own words)."""
        missing = set(found.missing_words())
        if not missing:
            return False
        coverage = self._coverage

        def in_passing(word: str) -> bool:
            stem = coverage.stems(word)
            asked = coverage.asked.get(stem, {})
            return (
                self._told([word], snippet_ids)
                and not coverage.named_by(stem)
                and not any(asked.get(sid, 0) for sid in snippet_ids)
                and not any(stem in coverage.summaries.get(sid, ()) for sid in snippet_ids)
            )

        return any(
            w in missing and in_passing(w)
            for term in asked_terms(question, self._lexicon.knows)
            for w in self._content_words(term)
        )

    def _verdict(
        self,
        words: Sequence[str],
        snippet_ids: Sequence[str],
        *,
        definition: bool = False,
        trusted: bool = False,
        clear: bool = False,
        asides: Sequence[Sequence[str]] = (),
        question: str = "",
        lenient: bool = False,
    ) -> Judgement:
        """:meth:`__call__` before the check for a term mentioned in passing."""
        if CHAT_Q in words and asks_a_question(question):
            words = [w for w in words if w != CHAT_Q]
        idioms = idiom_words(question)
        if idioms:  # as typed and as analysed ("keywords", "keyword")
            said = idioms | {w for t in idioms for w in self._content_words(t)}
            words = [w for w in words if w not in said]
        sentences = runs(question)
        made = makers(sentences, self._owned(snippet_ids))
        if made:  # "google imagen": who makes it, as the snippet tells
            maker_words = {x for m in made for x in self._content_words(m)}
            words = [w for w in words if w not in maker_words]
        # "use cases beyond chatbots": a snippet's name in what the question sets aside is
        # not asked about (its other words still weigh in a close call: "used for besides
        # making funny pictures" tells applications from the definition).
        off = {
            w
            for t in set_aside(question)
            for w in self._content_words(t)
            if self._coverage.known_term(w, ())
        }
        if off:
            words = [w for w in words if w not in off]
        # "why is deep learning called deep": a word of the snippet's own name of several
        # words, which the synonyms fold into one ("dl"), is its name too.
        words = [
            w for i, w in enumerate(words) if not self._part_of_name(w, snippet_ids, words[:i])
        ]
        # "kept training it on our examples": "keep" before an -ing verb says "go on doing",
        # an aspect of the verb, never a topic.
        parts = self._lexicon.parts
        words = [w for i, w in enumerate(words) if not keeps_doing(words, i, parts)]
        # "year 9s", "the q3 review": when, never what is asked about (plain numbers weigh
        # little in the coverage check already, and a sum may be all a question asks); "my
        # vp": who, in a word too short for the grammar of the context check to see.
        words = [
            w
            for w in words
            if not (
                (figure(w) and not w.isdigit()) or (len(w) < MIN_LETTERS and self._short_person(w))
            )
        ]
        if trusted and question and self._asks_other(question, snippet_ids):
            trusted = False  # no allowance for the very thing asked about
        found = self._judge(words, snippet_ids, definition=definition, trusted=trusted)
        if question and (
            disowns_field(question)
            or model_hobby(question)
            or person_hallucinating(sentences, self._lexicon.names_person)
            or human_agent(sentences)
            or any(asks_wider(question, self._kinds_of_ai.get(s, "")) for s in snippet_ids)
        ):
            # "transformer (not the ai kind)", "my son's model trains need a new
            # transformer": the sense asked about is not the field's; "ai ethics in general"
            # is wider than a snippet on generative AI.
            return replace(found, explained=False, solid=False, sense=True)
        # Everything explained: no word the knowledge never uses, nothing to look at (and the
        # word list stays unloaded).
        if question and not found.empty and found.share < 1.0:
            found = self._in_context(
                found,
                question,
                words,
                snippet_ids,
                definition=definition,
                clear=clear,
                lenient=lenient,
                idioms=idioms,
            )
        # Explained, but with plain words left over: leaving the asides out may explain it
        # wholly, which rescores the question without them (and lowers the bar a little).
        if (
            (found.explained and found.share >= 1.0)
            or found.talk
            or found.empty
            or found.sense
            or not asides
        ):
            return found
        if (
            question
            and any(map(self._holds_thing, asides))
            and self._lone(question, snippet_ids, idioms)
        ):
            # "my left front tire is wearing unevenly, do i need an alignment": beside a lone
            # English term, a thing of the aside tells its sense.
            return found
        rest = list(words)
        for aside in asides:
            if self._coverage.speaks_of(aside, snippet_ids, self._lexicon):
                continue
            for word in aside:
                if word in rest:
                    rest.remove(word)
        if len(rest) == len(words) or not self.names_any(rest, snippet_ids, floor=DESCRIBED_WEIGHT):
            # Only phrasing left ("..., what is that called"): the aside was the question.
            return found
        kept = self._judge(rest, snippet_ids, definition=definition, trusted=trusted)
        return self._without(kept, words, rest, found, lenient=lenient)

    def _in_context(
        self,
        found: Judgement,
        question: str,
        words: Sequence[str],
        snippet_ids: Sequence[str],
        *,
        definition: bool,
        clear: bool,
        lenient: bool = False,
        idioms: frozenset[str] = frozenset(),
    ) -> Judgement:
        """An everyday word attached to the term declines an answer; everyday words around a
        named term, and beside it when the snippet leads clearly, are left out of the check
        (:mod:`bot.matching.trust.context`). ``idioms``: the question's idiom words
        (:func:`idiom_words`), phrasing here too."""
        if self._fitted().off:  # the coverage check is off for this knowledge
            return found
        kind = self._kinds(snippet_ids, idioms)
        seen = context(question, kind, self._lexicon, kind.unknown)
        if seen.task and self.names_any([w for t in seen.task for w in kind.words(t)], snippet_ids):
            # "i use an llm to summarise site notes": a task the snippet speaks of may be
            # why it came first; then it is what the question is about. Unless a name is
            # asked for that (the description is then the topic), its words the snippet never
            # speaks of ("site notes") are the asker's material.
            seen = replace(
                seen,
                task=()
                if asks_name(question)
                else tuple(t for t in seen.task if not self.names_any(kind.words(t), snippet_ids)),
            )
        seen = self._as_told(seen, question, kind)
        if seen.setting and self._asks_use(snippet_ids):
            # "what is generative ai used for in retail": the asker's sector, no sense.
            seen = replace(
                seen,
                attached=tuple(t for t in seen.attached if t not in seen.setting),
                around=seen.around + seen.setting,
            )
        # "how do i fine tune the budget": what the term acts on, unexplained, is its sense.
        unexplained = set(found.missing_words())
        acted_on = tuple(t for t in seen.objects if any(w in unexplained for w in kind.seen(t)))
        if acted_on:
            return replace(found, explained=False, solid=False, missing=acted_on, sense=True)
        if seen.attached:
            # A kind of the term the snippet's own text speaks of ("the click-a-button
            # chatbots we had": its body tells of menus of buttons) is no other sense.
            seen = replace(
                seen,
                attached=tuple(
                    t
                    for t in seen.attached
                    if t in seen.placed
                    or kind(t) == "term"
                    or not self._told(kind.seen(t), snippet_ids)
                ),
            )
        # "best temperature for the kitchen": a thing the snippet leaves unexplained, beside
        # a lone English term, gives it its everyday sense; the tolerance must not let it
        # pass.
        strange = tuple(t for t in seen.things if any(w in unexplained for w in kind.seen(t)))
        if strange and found.explained:
            return replace(found, explained=False, solid=False, missing=strange, sense=True)
        # "what's it called when chatgpt refuses to answer": what the term does is the
        # thing whose name is asked, no talk beside it.
        beside = seen.beside if clear and not asks_name(question) else ()
        talk = seen.around + beside + seen.asker + seen.task
        mine, held = self._askers_own(question, seen, kind, snippet_ids)
        shown = frozenset[str]() if definition else messages(question)
        if shown:
            # "the widget says 'session expired'": the message is what is asked about, never
            # talk around the term; unless the question asks what a term is ("the api error
            # says 'token limit exceeded', what is a token"): then it is where the term was met.
            seen = replace(
                seen,
                around=_less(seen.around, shown),
                asker=_less(seen.asker, shown),
                task=_less(seen.task, shown),
            )
            talk = _less(talk, shown)
            mine = _less(mine, shown)
        if not (seen.attached or talk or mine):
            return found
        if seen.named:
            talk += tuple(t for t in mine if t not in talk)
        if seen.attached:
            # Marked even when refused already: leaving an aside out must not bring the
            # answer back ("best transformers movie? settling an argument").
            missing = seen.attached if found.explained else (*seen.attached, *found.missing)
            return replace(found, explained=False, solid=False, missing=missing, sense=True)
        floor = GLUE_WEIGHT  # what is left without the talk must weigh more to name it
        if not (seen.named or self._folded_name(question, words, snippet_ids)):
            # Nothing names the term ("customer says our assistant invented a refund policy"):
            # only the people the question speaks of, and who asks, are surely talk.
            people = tuple(t for t in seen.around if self._lexicon.names_person(t))
            people += mine
            if asks_name(question):
                # Unless it asks the name of what it describes ("our sop docs looked up
                # first, what's that technique called"): the description is the topic, and
                # the asker's world around it talk as around a named term. What is left
                # must still tell what it is ("when the model turns our call recordings
                # into text, what is that called" leaves only "model", which every snippet
                # speaks of): else the talk was the description.
                # What is theirs is theirs still ("read a photo of a v5 logbook as well as
                # text? what's that called", "looks up our sops first"), and so is what the
                # story of the assistant holds (what it made up, was given, lost or turned)
                # that the knowledge never names ("invents an hmrc manual reference"); such
                # things it does name ("invents a source") are the description.
                people = seen.around + tuple(t for t in mine if t in held or kind.unknown(t))
                floor = DESCRIBED_WEIGHT
            talk = people + tuple(t for t in seen.asker + seen.task if t not in people)
            if not talk:
                return found
        # As often as the talk holds it: a word of talk in one place may be asked about in
        # another ("is a vector db the same as postgis? i store pipes in postgis").
        rest = list(words)
        for token in talk:
            for word in kind.seen(token):
                if word in rest:
                    rest.remove(word)
        if len(rest) == len(words) or not self.names_any(rest, snippet_ids, floor=floor):
            # Nothing of the snippet's left once the talk is out ("what's it called when the
            # bus arrives early"): the talk was the question.
            return found
        kept = self._judge(rest, snippet_ids, definition=definition, trusted=False)
        # Lenient only about words away from the term: one left in the term's own clause
        # may be the other sense ("a neural network in the brain heal after a stroke").
        close = {
            w
            for token in seen.close
            if kind(token) == "everyday" or not self._lexicon.is_word(token)
            for w in kind.seen(token)
        }
        lenient = lenient and not any(w in close for w in kept.missing_words())
        return self._without(kept, words, rest, found, lenient=lenient)

    def _holds_thing(self, words: Sequence[str]) -> bool:
        """Whether analysed ``words`` hold a noun for a thing (no person, trade or
        organisation) that the knowledge never uses ("tire")."""
        lexicon = self._lexicon
        return any(
            common_noun(w, lexicon) and not lexicon.names_group(w) and self._coverage.unused(w)
            for w in words
        )

    def _lone(self, question: str, snippet_ids: Sequence[str], idioms: frozenset[str]) -> bool:
        """Whether the question's only word of the field is a term of one English word
        (:func:`unsupported`)."""
        if self._fitted().off:
            return False
        kind = self._kinds(snippet_ids, idioms)
        return unsupported(sentence_kinds(question, kind), self._lexicon, question)

    def _kinds(self, snippet_ids: Sequence[str], idioms: frozenset[str]) -> WordKinds:
        """The kinds of the question's words, as the snippets would answer it."""
        return WordKinds(
            coverage=self._coverage,
            lexicon=self._lexicon,
            snippet_ids=snippet_ids,
            content_words=self._content_words,
            spoken=self._spoken,
            idioms=idioms,
        )

    def _askers_own(
        self, question: str, seen: Context, kind: WordKinds, snippet_ids: Sequence[str]
    ) -> tuple[tuple[str, ...], frozenset[str]]:
        """The asker's own things the snippets never speak of, and which of them are
        possessed or shown, not found in a story of the assistant (:func:`produced`): after a
        preposition ("the start of my shift handover notes"; :func:`owned`), what a photo of
        theirs shows ("a photo of a v5 logbook"; :func:`depicted`), what they gave the
        assistant and it lost ("i pasted the whole boiler manual in"), what a tool turns into
        something else ("turns every engagement letter into numbers"), and, in a description
        asking why the assistant does something or its name, what it made or was asked for
        ("it gave me three journal references ..., why does it do that"). None beside a lone
        English term, whose sense the things around it tell."""
        if seen.named and seen.lone:
            return (), frozenset()
        sentences = runs(question)
        why = asks_name(question) or asks_cause(question)
        coverage = self._coverage

        def field(token: str) -> bool:
            return any(coverage.known_term(w, ()) for w in kind.words(token))

        shown = [t for tokens in sentences for t in depicted(tokens, kind)]
        shown += [t for tokens in sentences for t in matter(tokens, kind)]
        shown += [t for tokens in sentences for t in search_finds(tokens, kind)]
        own = [
            *(
                t
                for tokens in sentences
                for t in owned(tokens, kind, named=seen.named, field=field)
            ),
            *shown,
        ]
        made = [
            t
            for tokens in sentences
            for t in produced(tokens, kind, made=not seen.named, asked=why)
        ]
        if why and not seen.named and any(invented(tokens, kind) for tokens in sentences):
            made += [t for tokens in sentences for t in made_up(tokens, kind)]
        # What the assistant made up is the asker's example even where the body tells of
        # the like in passing ("invented a refund policy": the body's Air Canada case).
        mine = tuple(
            t
            for t in own + made
            if (t in made or not self._told(kind.words(t), snippet_ids))
            and not any(self._coverage.known_term(w, snippet_ids) for w in kind.words(t))
        )
        return mine, frozenset(own)

    def names_any(
        self, words: Sequence[str], snippet_ids: Sequence[str] = (), *, floor: float = GLUE_WEIGHT
    ) -> bool:
        """Whether any of ``words`` (analysed) names a snippet or is one the snippets explain,
        weighing more than ``floor`` (chat glue by default: "things" of "making things up"
        is not; "model" is)."""
        coverage = self._coverage
        return any(
            coverage.known_term(w, snippet_ids) and coverage.salience(w, self._lexicon) > floor
            for w in words
        )

    def _as_told(self, seen: Context, question: str, kind: Callable[[str], str]) -> Context:
        """The context less what the question's own phrasing says is no other sense."""
        if not seen.named and asks_name(question):
            # Its name unknown to the asker, the thing is described ("the summary of the
            # council meeting quoted the mayor ... is there a name for that"): nothing there
            # qualifies a term, it is all the story.
            story = tuple(t for tokens in runs(question) for t in tokens if kind(t) == "everyday")
            seen = replace(seen, attached=(), around=seen.around + seen.attached + story)
        if seen.attached and field_framed(sentence_kinds(question, kind)):
            # "what is a prompt in ai terms, the box where you type?": the field named, the
            # words beside the term say how the asker sees it, not another sense.
            seen = replace(seen, attached=(), around=seen.around + seen.attached)
        if seen.task:  # "let an llm draft visa guidance": the asker's work, no sense
            seen = replace(seen, attached=tuple(t for t in seen.attached if t not in seen.task))
        idioms = idiom_words(question)
        if idioms:  # "take into account": no account of anything
            seen = replace(seen, attached=tuple(t for t in seen.attached if t not in idioms))
        if seen.named:
            # Quoted everyday phrases ("'leaky faucet'") are examples mentioned, as is a thing
            # asked whether it is one ("is the help bubble on our intranet a chatbot?").
            sentences = runs(question)
            mentioned = examples(question, kind, self._lexicon.is_word)
            mentioned += instances(sentences, kind)
            # ... and what the message described, pointed back at ("is that what people
            # mean by an ai agent?")
            mentioned += pointed_back(sentences, kind)
            # So is what the asker's own search is of ("our recipe search is going to use
            # vector search"): no other sense of the search.
            mentioned += tuple(search_of(sentences, kind))
            # What is typed into a search or found by it is the asker's material, no sense of
            # the term beside it ("searching 'big cat' finds the lion records"); what the rest
            # leaves unexplained still declines ("typing 'reset password' into the chatbot
            # does nothing": "typing").
            found_by = searched(question, kind)
            told = frozenset(mentioned) | frozenset(found_by)
            seen = replace(
                seen,
                attached=tuple(t for t in seen.attached if t not in told),
                around=seen.around + mentioned + found_by,
            )
        return seen

    def _folded_name(self, question: str, words: Sequence[str], snippet_ids: Sequence[str]) -> bool:
        """Whether the synonyms fold a name of several words into one of the snippets' names
        ("reinforcement learning from human feedback"): the question names the term though
        none of its typed words does alone."""
        stems = self._coverage.stems
        typed = {stems(w) for w in typed_words(question)}
        # As analysed without typo fixing ("mixtral" read as "mistral" is no name folded),
        # and a coined name ("rlhf"; "llm" folds into "large language model", whose
        # "model" names many things).
        return any(
            self._coverage.is_name(w, snippet_ids) and not self._lexicon.is_word(w)
            for w in self._content_words(question)
            if w in words and stems(w) not in typed
        )

    @staticmethod
    def _without(
        kept: Judgement,
        words: Sequence[str],
        rest: Sequence[str],
        found: Judgement,
        *,
        lenient: bool = False,
    ) -> Judgement:
        """The judgement of the question without its talk, when the snippets explain all the
        rest (``lenient``: as the tolerance explains any question); else the judgement of the
        whole question."""
        # Lenient, solid with nothing missing stands as the decider takes it: a name of
        # another snippet ("chatbot") left over weighs in the score, not as a word left
        # unexplained (a comparison's check stays strict: a side may be what is left).
        settled = kept.explained or (lenient and kept.solid and not kept.missing)
        if not settled or (kept.missing and not lenient):
            return found
        left = list(rest)
        talk = []
        for word in words:
            if word in left:
                left.remove(word)
            else:
                talk.append(word)
        return replace(kept, talk=tuple(talk))

    def _asks_other(self, question: str, snippet_ids: Sequence[str]) -> bool:
        """Whether what a definition question asks about ("explain dropout in neural
        networks": dropout) is a word the snippets neither name nor explain."""
        for tokens in runs(question):
            for i, token in enumerate(tokens):
                if not asked_subject(tokens, i):
                    continue
                found = self._content_words(token)
                coverage = self._coverage
                if found and not any(
                    coverage.stems.phrasing(w) or coverage.known_term(w, snippet_ids) for w in found
                ):
                    return True
        return False

    def _asks_use(self, snippet_ids: Sequence[str]) -> bool:
        """Whether one of the snippets answers questions about putting its term to use as a
        rule: ``USE_EXAMPLES`` of its example questions hold a word of use (remembered)."""
        for sid in snippet_ids:
            found = self._uses.get(sid)
            if found is None:
                found = self._uses[sid] = (
                    sum(
                        1
                        for q in self._questions.get(sid, ())
                        if not USE.isdisjoint(typed_words(q))
                    )
                    >= USE_EXAMPLES
                )
            if found:
                return True
        return False

    def _told(self, found: Sequence[str], snippet_ids: Sequence[str]) -> bool:
        """Whether the snippets' own bodies use one of a word's analysed forms."""
        coverage = self._coverage
        return any(
            not coverage.stems.phrasing(w)
            and not coverage.body.users(coverage.stems(w)).isdisjoint(snippet_ids)
            for w in found
        )

    def _part_of_name(self, word: str, snippet_ids: Sequence[str], before: Sequence[str]) -> bool:
        """Whether a word is one of a phrase the synonyms fold into a name of the snippets,
        that name said ``before`` it ("deep learning ... why is it called deep"; not
        "reinforcement learning ..., not rlhf": the phrase was never said whole)."""
        coverage = self._coverage
        if coverage.is_name(word, snippet_ids):
            return False
        return any(
            all(t in before and coverage.is_name(t, snippet_ids) for t in target)
            for _, target in self._names.folded_with(word)
        )

    def names_a_snippet(self, words: Sequence[str]) -> bool:
        """Whether analysed ``words`` hold a whole name of any snippet with a word of the
        field's own (salience ``TERM_MIN``; "ai" alone is everywhere, names nothing)."""
        return any(
            self._coverage.salience(words[i], self._lexicon) >= TERM_MIN
            for i in self._names.name_positions(words)
        )

    def names_a_topic(self, words: Sequence[str]) -> bool:
        """Whether analysed ``words`` hold a whole name of several words of any snippet
        ("jailbreaking an llm": "llm" reads as "large language model", three words each too
        plain to say so)."""
        return self._names.holds_name(words)

    def _short_person(self, word: str) -> bool:
        """A word too short for the context check that names people ("vp", "pm"); only a
        word the knowledge never uses is looked up, so "vs" never loads the word lists."""
        coverage = self._coverage
        if coverage.stems.phrasing(word) or not coverage.unused(word):
            return False
        return self._lexicon.names_person(word)

    def _spoken(self, token: str) -> bool:
        """Whether a word is part of a term of several words that synonyms fold into one
        ("machine" of "machine learning"): a word of the domain, though no snippet keeps it."""
        vocab = self._raw
        if vocab is None:
            with self._lock:
                if self._raw is None:
                    found: set[str] = set()
                    for key, target in self._index.folder.table.items():
                        if len(target) == 1 and self._coverage.unused(target[0]):
                            # "agi": a term folded so that its words ("general") are not
                            # read as a covered one's; no snippet keeps it, nor its words.
                            continue
                        for phrase in (key, target):
                            if len(phrase) > 1:
                                found.update(phrase)
                    self._raw = frozenset(found)
                vocab = self._raw
        return token in vocab or token.rstrip("s") in vocab

    def _judge(
        self, words: Sequence[str], snippet_ids: Sequence[str], *, definition: bool, trusted: bool
    ) -> Judgement:
        verdict = self._coverage.judge(
            words,
            snippet_ids,
            self._lexicon,
            definition=definition,
            respell=self._respell,
        )
        empty = verdict.uncovered + verdict.covered <= 0
        if empty or verdict.uncovered == 0:
            return Judgement(explained=not empty, share=1.0, missing=(), empty=empty, solid=True)
        tolerance = self._fitted()
        if tolerance.off:  # this knowledge's own examples leave words unexplained as a rule
            return Judgement(explained=True, share=1.0, missing=(), empty=False, solid=False)
        named = frozenset[str]()
        if verdict.other and verdict.top_other > verdict.top_covered:
            named = self._coverage.named_by(verdict.other)
        return Judgement(
            named=named,
            naming=verdict.other_word if named else "",
            explained=tolerance.allows(verdict, trusted=trusted),
            share=verdict.share,
            missing=verdict.missing,
            empty=False,
            solid=verdict.top_uncovered < SOLID_LEFT and not verdict.term_missing,
        )

    @property
    def coverage(self) -> Coverage:
        return self._coverage

    def warm(self) -> None:
        """Fit the tolerance now rather than on the first question that needs it."""
        self._fitted()

    def _fitted(self) -> Tolerance:
        if self._tolerance is None:
            with self._lock:
                if self._tolerance is None:
                    self._tolerance = Tolerance.fit(self._coverage, self._lexicon, self._respell)
        return self._tolerance

    def _respell(self, word: str) -> str | None:
        """What a misspelt word most likely is: a knowledge word, or a phrasing word."""
        found = self._respelt.get(word, "")
        if found == "":
            found = nearest(word, self._index.vocab, RESPELL_CUTOFF) or nearest(
                word, NEUTRAL_WORDS, RESPELL_CUTOFF
            )
            if len(self._respelt) < RESPELL_CACHE:
                self._respelt[word] = found
        return found


def _less(tokens: Sequence[str], out: frozenset[str]) -> tuple[str, ...]:
    """``tokens`` without those in ``out``, in order."""
    return tuple(t for t in tokens if t not in out)
