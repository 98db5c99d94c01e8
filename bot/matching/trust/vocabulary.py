"""Which words of a question phrase it, which name its topic, and Snowball stems of both."""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence

import snowballstemmer

from bot.matching.compare import ALIKE, COMPARISON_WORDS
from bot.matching.normalize import FILLER_WORDS
from bot.matching.spelling import american
from bot.matching.trust.grammar import CLAUSE_OPENERS, NAMED_KINDS

# Words that phrase a question rather than name its topic: question words, pronouns, chat
# spellings and abbreviations ("tbh", "ppl"), and the words that ask how to explain rather
# than what ("definition", "in a nutshell", "eli5", "for beginners", "what does x stand for").
_PHRASING = """
what whats which who whom why how when where is are was were be been do does did can could
would should will a an the of in on for to it its this that these those my our your their
i we you me us they them he she his her mean means meaning
wat wut wht whta wats hw r u ur ya im ive id dont doesnt isnt arent cant wont didnt pls plz
tbh tho tbf ngl imo imho idk btw rn lol lmao haha omg smth sth ppl pl someone anyone somebody
qq bc cuz coz besides except english wtf wth eod eow tmrw tmr tmrow 2moro
definition definitions explanation explained explaining gist nutshell eli5 eli tldr tl dr
summary overview basics intro introduction simple simplest plain layman laymans dummies
beginner beginners newbie newbies noob refer refers stand stands actually exactly basically
give remind show nah yeah yep yup nope ok okay hmm um uh waht hwo ugh urgh argh sigh
meme memes hype hyped fad buzzword buzzwords gimmick metaphor analogy wise ballpark roughly
approx approximately via overall incl apart aside opposed unlike
paragraph paragraphs para glance primer recap rundown cheatsheet knack acronym acronyms
tech technology ish math maths jargon overblown overrated overhyped underrated
considered dead meh phrase expression
wasnt werent havent hasnt hadnt shouldnt wouldnt couldnt mustnt neednt
"""
# Adjectives that say a thing is the ordinary kind ("a normal chatbot", "a regular faq bot"):
# they never make another sense of what they qualify.
_ORDINARY = """
regular ordinary traditional classic conventional typical usual
"""
NEUTRAL = (
    FILLER_WORDS | COMPARISON_WORDS | frozenset(_PHRASING.split()) | frozenset(_ORDINARY.split())
)
NEUTRAL_WORDS = tuple(sorted(NEUTRAL))

DEFINING = frozenset({"what", "whats", "wat", "wut", "define", "definition", "meaning"})
DEFINING_SECOND = frozenset({"is", "are", "s", "a", "an", "the", "exactly", "does", "do"})
# What may follow a wh-word that ends a question about the term named before it.
POINTING = frozenset({"is", "are", "s", "it", "that", "this", "they", "those", "them", "even"})
TAIL_WORDS = 4
WORKS = frozenset({"work", "works", "function", "operate"})
SETTING_PREPOSITIONS = frozenset({"in", "inside", "within", "for", "under", "behind"})
BARE_TERM = 2  # a question of this many words or fewer names a term: "neural network"


CHAT_Q = "q"  # chat's "question": "quick q", "dumb q but ..."
# "q" standing alone before a break, a phrasing word or the end ("quick q: what is ...") is
# chat's "question"; before a word it may name something ("q-learning", "q learning").
_CHAT_Q = re.compile(
    r"(?:^|[^\w-])q(?:\s*[:?!,.;]|\s+[-\u2013\u2014]|\s*$|\s+(\w+))", re.IGNORECASE
)


# Kinds of thing a question describes before asking its name ("what's the setup where ...").
_DESCRIBED = "|".join(NAMED_KINDS)
# Phrasing idioms, their content word in the group: only the whole idiom phrases the
# question ("how does rag work under the hood"; "the hood of my car" is a car's; "did llms
# kick it off").
_IDIOMS = (
    re.compile(r"\bunder\s+the\s+(hood)\b", re.IGNORECASE),
    re.compile(r"\b(kick(?:s|ed|ing)?)\s+(?:[a-z]+\s+){0,3}?off\b", re.IGNORECASE),
    re.compile(r"\b(creep(?:s|ing)?|crept)\s+in(?:to)?\b", re.IGNORECASE),  # "bias creeps in"
    # "before we roll anything out": deploying it, whatever rolls
    re.compile(r"\b(roll(?:s|ed|ing)?)\s+(?:[a-z]+\s+){0,2}?out\b", re.IGNORECASE),
    # "what does rag mean in practice": how, with no determiner ("in our practice" is a place).
    re.compile(r"\bin\s+(practice|theory|general|reality|short)\b", re.IGNORECASE),
    # "a neural network at a really basic level": how deep to explain, not a level of it
    re.compile(
        r"\bat\s+(?:a|an|the)\s+(?:(?:very|really|most|super|pretty|more)\s+)?"
        r"(?:basic|high|simple|general|conceptual|fundamental|beginner|intuitive)\s+(level)\b",
        re.IGNORECASE,
    ),
    # "putting an llm in front of customers": deploying it, whatever it is
    re.compile(r"\b(put(?:s|ting)?)\s+(?:\S+\s+){1,4}?in\s+front\s+of\b", re.IGNORECASE),
    # "how much text it can take into account": consider, whatever the account
    re.compile(r"\b(?:tak(?:e|es|ing|en)|took)\s+(?:\S+\s+){0,4}?into\s+(account)\b", re.I),
    # "answer from the documents rather than from memory": recalled, whatever remembers it
    re.compile(r"\b(?:than|instead\s+of|not)\s+from\s+(memory)\b", re.IGNORECASE),
    # "is genai worth it for a business our size": whether to, not a worth of the term
    re.compile(r"\b(worth)\s+(?:it|the\s+(?:money|cost|effort|hype|bother))\b", re.IGNORECASE),
    re.compile(r"\bworth\s+the\s+(money|cost|effort|hype|bother)\b", re.IGNORECASE),
    # "out of date or a bit biased", "a bit of a stretch": how much, no bit of data ("what is
    # a bit in computing" names one; "train it a bit more" is kept whole: more training)
    re.compile(
        r"\ba\s+(?:little\s+|tiny\s+|wee\s+)?(bit)\s+"
        r"(?!(?:in|on|of\s+data|and|or|vs|versus|mean|means|is|are|the|a|an|like|different"
        r"|more|less|further|longer)\b)[a-z]",
        re.IGNORECASE,
    ),
    # "is llama open source or is that a stretch": doubting, not a stretch of anything
    re.compile(r"\b(?:is\s+(?:that|it|this)|bit\s+of)\s+a\s+(stretch)\b", re.IGNORECASE),
    # "or is GPT the model underneath it": what powers the thing, wherever it sits
    re.compile(
        r"\b(?:model|models|engine|llm|llms|tech|technology)\s+(underneath|beneath|behind)\b",
        re.IGNORECASE,
    ),
    # "what's it built on underneath", "the thing underneath it": what powers it, wherever
    # it sits ("underneath the desk", "underneath that desk" place a thing: "that", "this"
    # and "all" stand alone only closing the clause)
    re.compile(
        r"\b(underneath|beneath)(?=\s+(?:it|them)\b|\s+all\s+of\b"
        r"|(?:\s+(?:all\s+)?(?:that|this|all))?\s*(?:[?.!,;]|$))",
        re.IGNORECASE,
    ),
    # "search by meaning, not just keywords": what searching by meaning is told apart from
    re.compile(
        r"\bmeaning,?\s+(?:and\s+)?(?:not|instead\s+of|rather\s+than)\s+"
        r"(?:(?:just|only|exact|matching|the|plain)\s+)*(key\s?words?)\b",
        re.IGNORECASE,
    ),
    # "what are tokens in the chatgpt sense": which sense, not a sense of anything
    re.compile(r"\bin\s+(?:the|a|an|its)\s+(?:[\w-]+\s+){0,2}?(sense)\b", re.IGNORECASE),
    # "what's that technique called": the kind of thing whose name is asked
    re.compile(
        r"\bwhat(?:['\u2019]?s| is| are)? (?:that|this|it|these|those) "
        r"(technique|techniques|approach|method|methods|process|setup|trick|concept|idea|"
        r"pattern|practice|thing|things|technology|tech|behaviou?r|phenomenon|problem) called\b",
        re.IGNORECASE,
    ),
    # "what's the setup where two networks compete": the kind of thing whose name is asked
    re.compile(
        rf"\bwhat(?:['\u2019]?s| is) the (?:ai |ml )?({_DESCRIBED}) (?:where|when)\b", re.IGNORECASE
    ),
)


def idiom_words(question: str) -> frozenset[str]:
    """The content words of phrasing idioms in ``question`` ("hood" of "under the hood",
    "kicked" of "kicked things off"), lower-case."""
    return frozenset(m.group(1).lower() for pattern in _IDIOMS for m in pattern.finditer(question))


def asks_a_question(question: str) -> bool:
    """Whether the question calls itself a "q" ("quick q: what is a transformer")."""
    for found in _CHAT_Q.finditer(question):
        after = found.group(1)
        if after is None or after.lower() in NEUTRAL or after.lower() in CLAUSE_OPENERS:
            return True
    return False


# Asking for the name of what the question describes ("what's that technique called", "is
# there a name for when it invents things", "what do you call it when ...").
_ASKS_NAME = re.compile(
    r"\bwhat(?:['\u2019]?s| is| are)? (?:that|this|it|they|these|those)(?: \w+){0,3} called\b"
    r"|\b(?:is there|what(?:['\u2019]?s| is)) (?:a|an|the) (?:name|term|word|acronym) for\b"
    # "what's the name of the setup where ...": of a kind of thing (not "of the guy that
    # runs openai"), told after it
    r"|\bwhat(?:['\u2019]?s| is) the (?:name|term|word) of (?:the|a|an|that|this)"
    rf" (?:[\w-]+ )?(?:{_DESCRIBED}) (?:where|when|that|which)\b"
    # "... human language? there's an acronym for it": told, then its name said to exist
    r"|\bthere(?:['\u2019]?s| is) (?:a|an) (?:\w+ )?(?:name|term|word|acronym) for"
    r" (?:it|that|this|them)\b"
    r"|\bwhat (?:do|would) (?:you|u|we|people|they) call\b"
    rf"|\bwhat(?:['\u2019]?s| is) the (?:{_DESCRIBED}) (?:where|when)\b"
    # "what's the branch of AI called that ...": a kind of thing, then its name asked
    r"|\bwhat(?:['\u2019]?s| is| are) the (?:\w+ ){1,3}?called (?:that|when|where|which)\b"
    # "the thing where two networks compete ... - what's that", "... . the name?", "... -
    # term?": described first, then asked, or only its name or term after a break
    # ("that setup where ... what's the name?" too)
    rf"|^\W*(?:so |ok |and )?(?:the|that|this) (?:{_DESCRIBED}) (?:where|when)\b.*"
    r"(?:\bwhat(?:['\u2019]?s| is) (?:that|this|it)"
    r"|(?:[.?!,]| -) *(?:what(?:['\u2019]?s| is) )?(?:its |the )?(?:name|term))\W*$"
    # "what's a big model pre-trained on broad data ... called": a kind, told, then named
    r"|^\W*what(?:['\u2019]?s| is) an? (?:[\w-]+ ){3,}called\W*$",
    re.IGNORECASE,
)


def asks_name(question: str) -> bool:
    """Whether a question asks for the name of what it describes."""
    return _ASKS_NAME.search(question) is not None


# Asking the cause: "why", "how come", "what's going on when it does that", "what makes it do
# that", "what causes that" (not "what makes a good prompt", "is it going on strike").
_ASKS_CAUSE = re.compile(
    r"\bwhy\b|\bhow come\b|\bwhat(?:['\u2019]?s| is) going on\b|\bwhat causes\b"
    r"|\bwhat makes (?:it|them|that|this|the (?:bot|ai|model|assistant))\b",
    re.IGNORECASE,
)


def asks_cause(question: str) -> bool:
    """Whether a question asks why something happens, in any of the ways above."""
    return _ASKS_CAUSE.search(question) is not None


_WHEN_ACTOR = re.compile(r"\bwhen\s+(?:(?:the|an?|our|my|your|this|that)\s+)?([a-z][\w-]*)")


def actors_when(question: str) -> list[str]:
    """The words doing what a "when" clause tells ("when the chatbot says ...": "chatbot")."""
    return _WHEN_ACTOR.findall(question.lower())


_WHY_ACTOR = re.compile(
    r"\bwhy\s+(?:do|does|did|would|will|can|could)\s+"
    r"(?:(?:the|an?|our|my|your|this|that|these|those)\s+)?([a-z][\w-]*)(?:\s+([a-z][\w-]*))?"
)


def actors_why(question: str) -> list[str]:
    """The words that may be doing what a "why does ..." question asks the cause of ("why do
    ai chatbots make stuff up": "ai", "chatbots")."""
    return [w for pair in _WHY_ACTOR.findall(question.lower()) for w in pair if w]


def topic_words(words: Sequence[str]) -> list[str]:
    """The words of a question that could name a topic (phrasing words left out)."""
    return [w for w in words if w not in NEUTRAL]


def asks_definition(kept: Sequence[str]) -> bool:
    """Whether a question (its words after filler) asks what something is."""
    if kept[:1] == ["why"]:
        return False  # "why do chatbots hallucinate": a cause, however few its words
    if kept[:1] == ["whats"]:
        kept = ["what", "is", *kept[1:]]  # "what's dropout in ...", as "what is" asks it
    if len(topic_words(kept)) <= BARE_TERM:
        return True
    if len(kept) >= 3 and kept[0] == "how" and kept[1] in {"does", "do"}:
        if kept[-1] in WORKS:
            return True  # "how does a neural network work"
        # "how does backpropagation work in a neural network": the setting after "work" is
        # where the named thing works, not what is asked.
        at = next((i for i, w in enumerate(kept[3:], 3) if w in WORKS), 0)
        named = any(w not in POINTING for w in kept[2:at])
        if named and kept[at + 1 : at + 2] and kept[at + 1] in SETTING_PREPOSITIONS:
            return True  # "how does it work for our rota" names nothing
    if bool(kept) and kept[0] in DEFINING and (len(kept) == 1 or kept[1] in DEFINING_SECOND):
        return True
    # "graph neural networks, what are they": the question names the term, then asks.
    tail = kept[-TAIL_WORDS:]
    for at, word in enumerate(tail):
        if word in DEFINING and at > 0 and all(w in POINTING for w in tail[at + 1 :]):
            return True
    return False


class Stems:
    """Snowball (Porter 2) English stems of words in American spelling (:func:`american`:
    "summarising" is "summarizing"), cached per word; ``neutral`` holds the stems of
    phrasing words, so "explained" phrases a question like "explain" does (not those of
    :data:`~bot.matching.compare.ALIKE`).

    snowballstemmer (why: the maintained Porter 2 implementation) is not thread-safe, hence
    the lock.
    """

    def __init__(self) -> None:
        self._cache: dict[str, str] = {}
        self._lock = threading.Lock()
        self._stemmer = snowballstemmer.stemmer("english")
        self.neutral = frozenset(self(w) for w in NEUTRAL if w not in ALIKE)

    def __call__(self, word: str) -> str:
        found = self._cache.get(word)
        if found is None:
            with self._lock:
                found = self._stemmer.stemWord(american(word))
            self._cache[word] = found
        return found

    def phrasing(self, word: str) -> bool:
        return word in NEUTRAL or self(word) in self.neutral
