"""Text normalization shared by indexing and querying: what people type -> comparable tokens.

The same steps run over the example questions at load time and over each question asked, so
that both sides meet in one vocabulary: links removed, Unicode folded to plain lower-case
ASCII, punctuation dropped, leading filler ("hey bot, can you explain") split off (the
matcher keeps it as marked, weak evidence), plurals stemmed (the typed form of a stemmed word
is kept as a marked token, see :func:`typed_marks`), and synonym variants folded to their
canonical term.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

# Long input is cut before any heavy work; a question longer than this is not a question.
MAX_CHARS = 600
MAX_TOKENS = 60
# Prefix of a filler token kept as weak evidence ("~hey"): never produced by :func:`words`.
FILLER_MARK = "~"
# Prefix of the typed form of a stemmed word ("~=models"): a marked feature like filler.
TYPED_MARK = FILLER_MARK + "="

# Links say nothing about what is asked. (Chat platforms' own markup, such as mentions, is
# resolved by their adapters before a question reaches the engine.)
_URL = re.compile(r"https?://\S+")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))

# Look-alikes that anyascii would transliterate by sound instead of by shape (Cyrillic
# er is "r" by sound but looks like "p"): Cyrillic and Greek letters shaped like Latin
# ones, and the Latin script g. Applied before case folding. Escaped so that the source
# stays plain ASCII.
_CONFUSABLES = str.maketrans(
    (
        "\u0440\u0420\u0441\u0421\u0443\u0423\u0445\u0425\u0432\u0412\u043d\u041d"
        "\u043a\u041a\u0442\u0422\u043c\u041c\u04bb\u0456\u0406\u0458\u0455\u0501"
        "\u0261\u03bf\u039f\u03c1\u03a1\u03bd\u03c5\u03c7\u03a7\u03c4\u03a4\u03ba"
        "\u039a\u03b9\u0399\u0397\u0392\u0396\u0395\u0391\u03b1\u03b5\u039c\u039d"
    ),
    "pPcCyYxXbBhHkKtTmMhiIjsdgoOpPvuxXtTkKiIHBZEAaeMN",
)

_WORD = re.compile(r"[a-z0-9]+")

# Words that carry no topic when they lead (or end) a question: greetings, the bot's name,
# politeness and request verbs. Stripped only while something else remains.
_FILLER_HEAD = (
    ("hey",), ("hi",), ("hello",), ("yo",), ("ok",), ("okay",), ("so",), ("um",), ("uh",),
    ("hmm",), ("bot",), ("explainbot",), ("please",), ("pls",), ("plz",), ("quick",),
    ("question",), ("can", "you"), ("could", "you"), ("would", "you"), ("will", "you"),
    ("can", "u"), ("explain",), ("define",), ("describe",), ("tell", "me", "about"),
    ("tell", "me"), ("i", "want", "to", "know"), ("i", "d", "like", "to", "know"),
    ("give", "me"), ("me",), ("to",), ("about",), ("briefly",), ("simply",),
)  # fmt: skip
_FILLER_TAIL = frozenset({"please", "pls", "plz", "thanks", "thank", "thx", "you", "bot"})
# How plainly to explain, ending a clause or before whom or what it is for ("generative ai
# in plain english pls, i'm a dispatcher", "... in plain english for the board deck"): the
# form of the answer, no topic ("in" would pull "genai in business" forward). Questions
# only: the indexed texts keep them (moving their words moves the trust samples).
_FORM = re.compile(
    r"(?:\bin (?:plain (?:english|words|language)|simple (?:terms|words)|lay(?:man'?s?)? terms"
    r"|a nutshell)|\bfor dummies|\beli5"
    # "what does agent mean in this context": the message's own context, not the window
    r"|\bin (?:this|that) context"
    # A listener who knows nothing of the field ("explain ml to a total beginner"; not "for
    # beginners", which may name what is sold: "model train sets for beginners").
    r"|\bto (?:a |an |my |our )?(?:total |complete |absolute )?"
    r"(?:beginners?|newbies?"
    r"|noobs?|lay ?(?:person|man|people)|(?:five|5)[- ]year[- ]olds?)"
    # The answer's length ("2 line answer pls", "in one sentence", "a one-paragraph summary").
    r"|\b(?:in )?(?:(?:a|one|two|three|1|2|3|single|short|few|couple(?: of)?)[- ](?:or )?)+"
    r"(?:line|sentence|paragraph|para)s?"
    r"(?: (?:answer|summary|explanation|version|explainer|definition))?"
    # The answer's layout ("in bullet points", "..., quick bullet list for the risk
    # register"): after "in"/"as" or opening a clause, not a thing made ("how do i make a
    # bullet list?", "what's a bullet point?").
    r"|(?:\b(?:as|in) |^|(?<=[,.!?;:\-\u2013\u2014]\s))"
    r"(?:an? )?(?:(?:quick|short|brief) )?bullet(?:ed)? (?:list|points?)"
    r")(?=(?:\s+(?:pls|please|plz))?\s*(?:[,.;:!?)]|$|for\s))"
    # Asking the room, opening a sentence ("can someone explain rag?"): whom, not what.
    r"|(?:^|(?<=[.!?]\s))(?:(?:can|could|would|will) )?(?:some|any) ?(?:one|body)(?= (?:explain|"
    r"tell|define|describe|help|eli5|break))"
    # Asking how one would put it ("how would you define machine learning"): the definition.
    r"|(?:^|(?<=[.!?:]\s))how (?:would|do|should|can|could) (?:you|u|i|we|one) "
    r"(?:(?:actually|really|best|even) )?"
    r"(?:(?=(?:define|describe|explain)\b)|sum(?: it)? up\b|summari[sz]e\b)"
    # Asking to be walked through it ("can you break down rag"): a plain account of it.
    r"|(?:^|(?<=[.!?:]\s))(?:(?:can|could|would) (?:you|u) )?(?:help me understand|walk me "
    r"through|break down|give me the gist of|(?:i )?need a primer on"
    r"|what(?:['\u2019]?s| is) the (?:deal|story) (?:with|behind)"
    r"|what(?:['\u2019]?s| is| are) meant by|what do (?:people|ppl|folks|they|you|u) mean by"
    r"|is there an? (?:simple|easy|quick) way to explain"
    r")(?=\s+\w)"
    # Words of emphasis ("what can an llm actually do", "what even is chatgpt"): how keenly it
    # is asked, never what about.
    r"|\b(?:actually|basically|really|exactly|even)\b(?=\s+\w)"
    # How the asker sees a name ("is that just a posh word for chatbot"): what it names is
    # asked about, not the asker's taste in words.
    r"|(?:(?<=\ba )|(?<=\ban ))(?:[a-z]+ ){1,2}(?=(?:word|name|term) for\b)",
    re.IGNORECASE,
)
_IN_CONTEXT_OF = re.compile(r"\bin (?:the )?context of\b", re.IGNORECASE)
# "fine-tune or use retrieval": set against fine-tuning, retrieval on its own is RAG (alone
# it may be any search, which the knowledge does not cover).
_FINE_TUNING = re.compile(r"\bfine[- ]?tun|\bfinetun", re.IGNORECASE)
_RETRIEVAL = re.compile(r"\bretrieval\b(?![- ]augmented)", re.IGNORECASE)
# "how many tokens can it take in one go", "the max amount of tokens it can take into
# account": the token limit the knowledge names (the context window), not what a token is.
_TOKENS_TAKEN = re.compile(
    r"\b(?:a |the )?(?:limit (?:on|to) )?"
    r"(?:how many |(?:max(?:imum)?|most) (?:(?:amount|number) of )?)tokens "
    r"(?:\w+ ){0,3}?(?:can|could|will) (?:\w+ ){0,2}?"
    r"(?:take|handle|accept|fit|read|process|hold|remember|see)\b(?: into account\b)?",
    re.IGNORECASE,
)
# "is there a max amount of text it can take": how much text, as the knowledge asks it.
_MOST_TEXT = re.compile(
    r"\b(?:(?:a|the) )?(?:max(?:imum)?|most) (?:amount|length) of (text|words|input)\b",
    re.IGNORECASE,
)
# "trained on loads of data", "a mountain of text": a quantity idiom says "lots of", the
# words the knowledge uses; the load, the heap or the mountain is no topic of the question.
_LOTS_OF = re.compile(
    r"\b(?:(?:loads|tons|heaps|masses|piles|stacks|mountains|oodles|shedloads|bucketloads"
    r"|boatloads|truckloads|gazillions|bazillions)"
    r"|an? (?:whole |massive |huge |giant |enormous |vast |big )?"
    r"(?:ton|load|heap|mountain|pile|stack|shedload|bucketload|boatload"
    r"|truckload|bunch|metric ton|massive amount|huge amount|crazy amount|insane amount)) of\b",
    re.IGNORECASE,
)
# A model's size as its name tells it ("llama 70b", "a 7B model"): that many billion
# parameters. Only beside talk of models ("bus 70b" and "room 12b" are no sizes), and never
# "m", which is metres as often as millions ("10m racking").
_SIZE = re.compile(r"\b(\d+(?:\.\d+)?) ?b\b", re.IGNORECASE)
_MODEL_TALK = re.compile(
    r"\b(?:models?|llms?|params?|parameters?|weights|llama|mistral|gpt|qwen|gemma|deepseek"
    r"|hugging ?face)\b",
    re.IGNORECASE,
)
# "why do they call them large language models": the naming question as the passive the
# knowledge's questions use ("why are they called ..."), the verb otherwise unmatched.
_CALL_THEM = re.compile(
    r"\bwhy (?:do|does|did) (?:they|people|ppl|folks|we|you|u|ya) call"
    r" (it|them|this|these|those)\b",
    re.IGNORECASE,
)
_NO_STEM_SUFFIX = ("ss", "us", "is", "as", "os")
# The head phrases by their first word, each list in _FILLER_HEAD order (the first that
# matches wins): a question's first word rules out all the others at once.
_HEAD_BY_FIRST: dict[str, tuple[tuple[str, ...], ...]] = {}
for _phrase in _FILLER_HEAD:
    _HEAD_BY_FIRST[_phrase[0]] = (*_HEAD_BY_FIRST.get(_phrase[0], ()), _phrase)
# Every word of the filler phrases: wherever they stand, they say nothing about the topic.
FILLER_WORDS = frozenset({w for phrase in _FILLER_HEAD for w in phrase} | _FILLER_TAIL)


def strip_links(text: str) -> str:
    """Remove web links (``https://...``) from a question."""
    return _URL.sub(" ", text) if "http" in text else text


def fold(text: str) -> str:
    """Unicode to lower-case ASCII: NFKC, look-alikes, case folding, accents."""
    if text.isascii():  # every step but lower-casing leaves ASCII as it is
        return text.lower()
    # Here: anyascii's import (its tables via importlib.resources) is for non-ASCII text only.
    from anyascii import anyascii

    text = unicodedata.normalize("NFKC", text).translate(_ZERO_WIDTH).translate(_CONFUSABLES)
    # Emoji and other pictographs are not words: anyascii would name them ("\U0001f64f" ->
    # "pray"), and the name would read as a topic word of the question.
    text = "".join(" " if c in _PICTURES or _is_picture(c) else c for c in text)
    return anyascii(text.casefold()).lower()


_PICTURES = frozenset("\ufe0f\u20e3")  # emoji presentation selector, keycap


def _is_picture(char: str) -> bool:
    return not char.isascii() and unicodedata.category(char) in {"So", "Sk"}


def words(text: str) -> list[str]:
    """Lower-case ASCII word tokens of raw text; apostrophes join ("what's" -> "whats"), and
    names spelt with symbols are spelt out ("c++" -> "cplusplus")."""
    text = _spell_symbols(fold(strip_links(text[:MAX_CHARS])).replace("'", ""))
    return _WORD.findall(text)[:MAX_TOKENS]


def all_words(text: str) -> list[str]:
    """Like :func:`words`, without the length caps: for snippet bodies, not questions."""
    return _WORD.findall(_spell_symbols(fold(strip_links(text)).replace("'", "")))


# Names whose symbols the word pattern would drop, leaving a letter that names nothing ("a
# vector in c++" would read "a vector in c").
# "q&a" would read as chat's "q" and an article.
_SYMBOL_NAMES = {"c++": "cplusplus", "c#": "csharp", "f#": "fsharp", "q&a": "question answering"}
_SYMBOLS = re.compile(r"(?<![a-z0-9])(?:c\+\+|c#|f#|q&a)(?![a-z0-9+#])")


def _spell_symbols(text: str) -> str:
    if "+" not in text and "#" not in text and "&" not in text:
        return text
    return _SYMBOLS.sub(lambda m: f" {_SYMBOL_NAMES[m.group(0)]} ", text)


# A wh-word fused with "is" ("what's", typed "whats"), or chat's spelling of "what": the
# indexed questions spell it out ("what is a gan"), and the stem "what" alone would lose the
# "is" they share. "who's" is "who" alone: "a teacher who's never used it" is "who has".
_CONTRACTIONS: dict[str, tuple[str, ...]] = {
    "whats": ("what", "is"),
    "hows": ("how", "is"),
    "whos": ("who",),
    "wheres": ("where", "is"),
    "whens": ("when", "is"),
    "wat": ("what",),
    "wats": ("what", "is"),
}


def expand_contractions(tokens: list[str]) -> list[str]:
    """``tokens`` with :data:`_CONTRACTIONS` spelt out (questions asked; the indexed texts
    keep theirs: spelling those out too moved the fitted threshold and the trust samples for
    a loss on the question sets)."""
    if _CONTRACTIONS.keys().isdisjoint(tokens):
        return tokens
    return [part for t in tokens for part in _CONTRACTIONS.get(t, (t,))]


def split_filler(tokens: Sequence[str]) -> tuple[list[str], list[str]]:
    """Split leading and trailing filler off while at least one token remains.

    Returns:
        The kept tokens, and the filler tokens (head and tail, in order).
    """
    start, end = 0, len(tokens)
    while start < end:
        for phrase in _HEAD_BY_FIRST.get(tokens[start], ()):
            n = len(phrase)
            if end - start > n and tuple(tokens[start : start + n]) == phrase:
                start += n
                break
        else:
            break
    while end - start > 1 and tokens[end - 1] in _FILLER_TAIL and not kind_of_bot(tokens, end - 1):
        end -= 1
    return list(tokens[start:end]), [*tokens[:start], *tokens[end:]]


_BOTS = frozenset({"bot", "bots"})
_ARTICLES = frozenset({"a", "an", "the", "my", "our", "your", "their", "this", "that"})


def kind_of_bot(tokens: Sequence[str], at: int) -> bool:
    """Whether "bot" at ``at`` ends a noun phrase naming a kind of bot ("a faq bot", "our
    support bot"), not the bot addressed ("what is rag bot")."""
    return tokens[at] in _BOTS and at >= 2 and tokens[at - 2] in _ARTICLES


def strip_answer_form(text: str) -> tuple[str, list[str]]:
    """``text`` without a phrase of asking rather than of topic (see ``_FORM``: "in simple
    terms" ending a clause, "can someone explain", "how would you define", "can you break
    down", "to a total beginner"), and that phrase's words; unchanged when it is all there
    is. "In the context of" reads as "in"; "retrieval" set against fine-tuning as "rag";
    "how many tokens can it take" as "token limit"; "loads of", "a mountain of" as "lots
    of"; a model's size ("llama 70b") as "70 billion parameters"."""
    # "what is an llm in the context of ai": the field it is asked in, as "in ai" says it
    # (not the context window).
    text = _IN_CONTEXT_OF.sub("in", text)
    if _FINE_TUNING.search(text):
        text = _RETRIEVAL.sub("rag", text)
    text = _TOKENS_TAKEN.sub("token limit", text)
    text = _MOST_TEXT.sub(r"how much \1", text)
    text = _CALL_THEM.sub(_called, text)
    text = _LOTS_OF.sub("lots of", text)
    if _MODEL_TALK.search(text):
        text = _SIZE.sub(_parameters, text)
    found = _FORM.findall(text)
    if not found:
        return text, []
    rest = _FORM.sub(" ", text)
    if not _WORD.search(rest.lower()):
        return text, []
    return rest, [w for phrase in found for w in words(phrase)]


def _parameters(found: re.Match[str]) -> str:
    """ "70b" -> "70 billion parameters"."""
    return f"{found.group(1)} billion parameters"


def _called(found: re.Match[str]) -> str:
    """ "why do they call it" -> "why is it called"; "... call them" -> "why are they called"."""
    return "why is it called" if found.group(1).lower() in {"it", "this"} else "why are they called"


def strip_filler(tokens: Sequence[str]) -> list[str]:
    """Drop leading and trailing filler while at least one token remains."""
    return split_filler(tokens)[0]


def stem(token: str) -> str:
    """Light plural stemming: models -> model, queries -> query; short words stay."""
    if len(token) <= 3 or not token.isalpha():
        return token
    if token.endswith("ies") and len(token) > 4:
        return token[:-3] + "y"
    if token.endswith("s") and not token.endswith(_NO_STEM_SUFFIX):
        return token[:-1]
    return token


def typed_marks(tokens: Sequence[str]) -> list[str]:
    """The typed form of each word that :func:`stem` changes, marked: "models" -> "~=models".

    Keeps the plural as extra evidence (and spelling for character n-grams) while synonyms,
    typo fixing and comparisons work on the stems.
    """
    return [TYPED_MARK + t for t in tokens if stem(t) != t]


@dataclass(frozen=True, slots=True)
class SynonymFolder:
    """Rewrites variant phrases (token tuples) to their canonical tokens, longest first."""

    table: Mapping[tuple[str, ...], tuple[str, ...]]
    longest: int
    firsts: frozenset[str] = frozenset()  # first tokens of the variants: others pass through

    @classmethod
    def build(cls, synonyms: Mapping[str, Iterable[str]]) -> SynonymFolder:
        table: dict[tuple[str, ...], tuple[str, ...]] = {}
        for canonical, variants in sorted(synonyms.items()):
            target = tuple(stem(t) for t in words(canonical))
            if not target:
                continue
            for variant in variants:
                key = tuple(stem(t) for t in words(variant))
                if key and key != target:
                    table.setdefault(key, target)
        return cls(
            table=table,
            longest=max((len(k) for k in table), default=0),
            firsts=frozenset(k[0] for k in table),
        )

    def apply(self, tokens: Sequence[str]) -> list[str]:
        if not self.table or self.firsts.isdisjoint(tokens):  # most texts: nothing to fold
            return list(tokens)
        out: list[str] = []
        i = 0
        while i < len(tokens):
            if tokens[i] not in self.firsts:
                out.append(tokens[i])
                i += 1
                continue
            for n in range(min(self.longest, len(tokens) - i), 0, -1):
                target = self.table.get(tuple(tokens[i : i + n]))
                if target is not None:
                    out.extend(target)
                    i += n
                    break
            else:
                out.append(tokens[i])
                i += 1
        return out
