"""Pleasantries and questions about the bot itself: "thanks!", "hi", "lol", "what can you do".

Chat spellings count as their words: elongated letters ("thaaanks", "heyyy") and messages of
emoji only ("🙏", "👍👍"); asking for help with no topic ("help me") is a question about the
bot.

These get a short friendly reply pointing to ``topics``, never a did-you-mean to a random
snippet. A question is small talk only when every word is small-talk vocabulary, so
"hi, what is a gan" is still a question about GANs.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Sequence

from bot.matching.normalize import kind_of_bot
from bot.matching.normalize import words as split_words
from bot.models import SmallTalk


def _vocabulary(text: str) -> frozenset[str]:
    return frozenset(text.split())


_GREETING = _vocabulary(
    """
    hi hello hey heya hiya hallo hola yo sup wassup gm morning evening afternoon good day
    howdy greetings welcome back bye goodbye cya later night gn whats up test testing ping
    wave waving happy hows it going monday tuesday wednesday thursday friday weekend brb gtg ttyl
    now for have nice great all anyone anybody see soon tomorrow tmrw home talk around wake up
    coffee lunch break meet shift clocking signing logging off
    """
)
_THANKS = _vocabulary(
    """
    thanks thank thx thnx thanx ty tysm tyvm cheers appreciate appreciated kudos grateful it
    much
    """
)
_REACTION = _vocabulary(
    """
    lol lmao lmfao rofl haha hahaha hehe heh ok okay k kk cool nice great awesome amazing neat
    sweet wow whoa perfect excellent brilliant fantastic helpful useful got it gotcha understood
    np sure yes yeah yep yup no nope nah one good bot job work fine ah oh hmm huh i see makes
    sense interesting love this that rock rocks legend well done lovely noted right true fair
    enough wonderful super was very
    gg thumbsup pray joy tada heart fire hand slight smile sweat grin grinning wink clap raised
    hands sorry nvm nevermind never mind my bad oops
    helped helps a lot lots ton tons heaps bunch clear clearer clears thats exactly what needed
    is so the best answer answered answers my question quick fast omg yay woohoo bless not quite
    asked wasnt isnt didnt doesnt in actually quite looking
    wrong incorrect off btw figured out worked working works fixed solved sending send
    sharing share forwarding seriously kinda sorta ill will with
    wild crazy insane nuts hilarious funny epic dope unreal impressive incredible ridiculous
    pretty saved save saves presentation life day smart clever but know handy
    useless unhelpful meh slide deck many ha to at spamming spam bugging bothering questions
    explanation explanations explained explainer agreed agree same lgtm ignore thing on thread
    tell more me worries about forget sounds sound til something ta gonna lie ngl sometimes
    lifesaver lifesavers saver champ star hero genius loads ugh urgh argh sigh bleh
    after vague rubbish slow slower better getting
    earlier yesterday today again last previous reply response
    """
)
# Questions about the bot: only when they also name the bot or "you", or ask what is at the
# other end ("is this a real person").
_ABOUT = _vocabulary(
    """
    what whats which who how hows can could do does did are is am you u your yourself youre bot
    this explain explains know knows cover covers topics topic subjects things stuff answer
    answers help helping use using work works made make built created wrote write person human
    real robot alive sentient machine smart name called an a i me tell list about of the to for
    on with be
    able kind sort questions question ask asking doing up it going actual actually typing
    chatting talking or commands command support supports someone these in shorter longer
    short messages message replies reply exactly something anything type word words just and
    old age remember speak english spanish french german joke jokes at awake learn learns
    kinds sorts types thing things
    store stores keep keeps private privacy our my chats was from
    first time new should like
    answering explaining yesterday earlier last week before
    else other too
    behind listening even there
    used never ever purpose point
    runs maintains owns set setup added invited installed
    """
)
# What the bot runs on, asked of it ("what model are you running on"); "is this model real"
# asks about a model.
_OF_YOU = frozenset(
    {"model", "running", "run", "powered", "built", "based", "language", "languages", "chat"}
    | {"conversation", "conversations"}
)
# Asking for help with no topic ("help me", "can you help pls"): the topics list answers it.
_HELP = frozenset({"help", "helps", "halp"})
_ASKING = frozenset({"please", "pls", "plz", "need", "needed", "some", "me", "us", "i", "we"})
# "what topics can i ask about", "tell me a joke": the bot's, surely.
_MENU = frozenset({"topics", "subjects", "joke", "jokes"})
_NAME = "explainbot"
_YOU = frozenset({"you", "u", "your", "yourself", "youre", "ya", "bot", _NAME})
# Asking what kind of being is on the other end ("is this a real person", "am i talking to a
# human"): the one there is the bot, though the question does not say "you".
_BEING = frozenset({"human", "person", "real", "robot", "alive", "sentient", "machine"})
# "how do i use this", "who made this": the thing here is the bot.
_HERE_BOT = frozenset(
    {"use", "made", "built", "created", "wrote", "work", "works", "runs", "maintains", "owns"}
)
# "are you an ai", "r u a bot": what the one answering is, asked of it directly.
_ARE_YOU = (("are", "you"), ("are", "u"), ("r", "u"))
_WHAT_ONE_IS = _BEING | {
    "ai", "bot", "a", "an", "actual", "actually", "chatgpt", "gpt", "claude", "gemini", "llm",
    "language", "model", "chatbot", "under", "the", "hood", "just", "smarter", "better",
    "faster", "than", "as", "like", "or", "person", "typing", "fast", "quickly", "someone",
    # "... or is someone from IT typing these", "... or is there a human in there"
    "is", "it", "there", "this", "these", "from", "in",
    # "... or is someone typing these answers": what the one there writes
    "writing", "answers", "replies", "messages",
}  # fmt: skip
_HERE = frozenset({"this", "i", "me", "am"})
_LAUGHING = frozenset({"lol", "lmao", "haha", "hahaha", "hehe", "tbh", "ngl", "honestly"})
_WH = frozenset({"who", "what", "whats", "how", "which", "where", "when"})
_FILLER = frozenset(
    {"all", "everyone", "everybody", "team", "folks", "guys", "yall", "there", "again", "so",
     "very", "really", "just", "man", "mate", "today", "tonight", "tbh", "ngl", "honestly",
     "workspace", "server", "channel", "here"}
)  # fmt: skip


_VOCABULARY = _GREETING | _THANKS | _REACTION | _ABOUT | _HELP | _ASKING
_REPEATS = re.compile(r"(.)\1+")
MAX_RUNS = 4  # elongated letters tried per word: 2**4 spellings at most


def unstretch(word: str) -> str:
    """The small-talk word an elongated spelling stands for ("thaaanks", "hellooo",
    "cooool"): each run of a repeated letter is tried once and twice."""
    if word in _VOCABULARY or word in _YOU or word in _FILLER:
        return word
    runs = list(_REPEATS.finditer(word))
    if not runs or len(runs) > MAX_RUNS:
        return word
    for lengths in itertools.product((1, 2), repeat=len(runs)):
        parts: list[str] = []
        last = 0
        for run, n in zip(runs, lengths, strict=True):
            parts += [word[last : run.start()], run.group(1) * n]
            last = run.end()
        variant = "".join(parts) + word[last:]
        if variant in _VOCABULARY or variant in _YOU:
            return variant
    return word


def typed_words(text: str) -> list[str]:
    """The words typed as words: emoji (which normalisation names, "👋" -> "wave") left out."""
    kept = "".join(
        " " if unicodedata.category(c) in {"So", "Sk", "Cf", "Mn"} and not c.isascii() else c
        for c in text
    )
    return split_words(kept)


def small_talk(words: Sequence[str], text: str = "") -> SmallTalk | None:
    """The kind of small talk the (lower-case ASCII) words are, or None for a real question.

    Args:
        words: the message's words (:func:`bot.matching.normalize.words`).
        text: the message as typed: one with no words but something in it (an emoji, "+1")
            is a reaction.
    """
    if text and not text.isascii():
        words = typed_words(text)  # a message of emoji only is a reaction
    if not words:
        return SmallTalk.REACTION if text.strip() else None
    # A bare figure, one word beside it at most, reacts ("+1", "10/10", "testing 1 2 3");
    # among more words it may be what is asked ("what do i have on 12/03").
    bare = sum(not w.isdigit() for w in words) <= 1
    words = _without_meaning(_without_degree(words))
    content = [
        "ok" if bare and w.isdigit() else unstretch(w) for w in words if unstretch(w) not in _FILLER
    ]
    if not content:
        return SmallTalk.GREETING
    # The bot addressed by its name ("@explainbot what can you do"): the name says "you".
    addressed = _NAME in content and len(set(content)) > 1
    content = [w for w in content if w != _NAME] if addressed else content
    if all(w in _THANKS or w in _REACTION or w in _YOU for w in content):
        if any(w in _THANKS - {"it", "much"} for w in content):
            return SmallTalk.THANKS
        if any(w in _REACTION for w in content):
            return SmallTalk.REACTION
    if all(w in _GREETING or w in _YOU for w in content):
        return _greeting(content)
    if all(w in _GREETING or w in _THANKS or w in _REACTION or w in _YOU for w in content):
        if any(w in _THANKS - {"it", "much"} for w in content):
            return SmallTalk.THANKS  # "thanks, bye"
        reacted = _greeting(content)
        return reacted if reacted is SmallTalk.FAREWELL else SmallTalk.REACTION
    if _signing(content, text):
        return _greeting(content)
    if _compared(content):
        return SmallTalk.REACTION
    # "are you a real person or a bot lol": a reaction may close it.
    asking = list(itertools.dropwhile(lambda w: w in _HELLO, content))  # "yo, are you ..."
    if tuple(asking[:2]) in _ARE_YOU and all(
        w in _WHAT_ONE_IS or w in _LAUGHING for w in asking[2:]
    ):
        return SmallTalk.ABOUT_BOT
    if any(kind_of_bot(content, i) for i in range(len(content))):
        return None  # "what's a support bot": a kind of bot, not this one
    here = any(w in _HERE for w in content) and any(w in _BEING or w in _HERE_BOT for w in content)
    you = addressed or any(w in _YOU for w in content)
    # Praise beside a question put to the bot ("you're pretty helpful, who built you?") is
    # still about the bot.
    asked = you and any(w in _WH for w in content)
    praise = _THANKS | _REACTION if asked else frozenset()
    if (here or you or any(w in _HELP or w in _MENU for w in content)) and all(
        w in _ABOUT
        or w in _GREETING
        or w in _HELP
        or w in _ASKING
        or w in praise
        or (you and w in _OF_YOU)
        for w in content
    ):
        return SmallTalk.ABOUT_BOT
    return None


# The bot praised against something ("lol you're smarter than our booking system"): however
# the rest runs, a remark about the bot, no question.
_YOU_ARE = (("youre",), ("you", "are"), ("ur",), ("u", "are"))
_BETTER = frozenset(
    {"smarter", "better", "faster", "quicker", "nicer", "funnier", "cleverer", "clearer"}
    | {"kinder", "friendlier", "politer", "sharper", "wiser"}
)
_COMPARED_WORDS = 8  # what it is set against, at most
_COMPARED_ASKS = frozenset({"why", "is", "are", "does", "do", "can", "could", "explain"})
# How much ("way smarter", "so much better", "a lot faster").
_HOW_MUCH = frozenset(
    {"way", "much", "a", "lot", "heaps", "loads", "already", "actually", "def"}
    | {"definitely", "probably", "even", "far"}
)


def _compared(content: Sequence[str]) -> bool:
    """Whether the words praise the bot against something (``_YOU_ARE``, a word of
    ``_BETTER``, "than"), after any laugh or reaction, and ask nothing after it."""
    rest = list(itertools.dropwhile(lambda w: w in _LAUGHING or w in _REACTION, content))
    for you in _YOU_ARE:
        if tuple(rest[: len(you)]) == you:
            said = list(itertools.dropwhile(lambda w: w in _HOW_MUCH, rest[len(you) :]))
            against = said[2:]
            return (
                len(said) >= 2
                and said[0] in _BETTER
                and said[1] == "than"
                and len(against) <= _COMPARED_WORDS
                # "you're smarter than an llm? what is an llm": a question follows
                and not any(w in _WH or w in _COMPARED_ASKS for w in against)
            )
    return False


# Signing off ("bye all", "clocking off, night"), unless the message also says hello.
_FAREWELL = frozenset(
    {"bye", "goodbye", "cya", "later", "night", "gn", "ttyl", "gtg", "brb", "off", "heading"}
    | {"signing", "clocking", "logging"}
)
_HELLO = frozenset(
    {"hi", "hello", "hey", "heya", "hiya", "hallo", "hola", "yo", "sup", "gm", "morning"}
    | {"howdy", "greetings", "welcome", "whats", "hows"}
)


def _greeting(content: Sequence[str]) -> SmallTalk:
    """A greeting, or a farewell when the message signs off and says no hello."""
    leaving = any(w in _FAREWELL for w in content) and not any(w in _HELLO for w in content)
    return SmallTalk.FAREWELL if leaving else SmallTalk.GREETING


# "a bit useless", "a little slow": how much, before the word that reacts.
_DEGREE = frozenset({"bit", "little", "tad"})


# "not quite what i meant", "that's not what i asked": what the asker wanted, reacted to.
_MEANT = frozenset({"meant", "wanted", "asked", "needed", "was", "after", "looking", "for"})


def _without_meaning(words: Sequence[str]) -> list[str]:
    """The words less "what i" before a verb of wanting ("wasn't quite what i meant")."""
    drop = {
        j
        for i in range(len(words) - 2)
        if words[i] == "what" and words[i + 1] == "i" and words[i + 2] in _MEANT
        for j in (i, i + 1, i + 2)
    }
    return [w for i, w in enumerate(words) if i not in drop]


# What the bot is, as praise measures it ("smart for a robot").
_WHAT_BOT_IS = frozenset({"bot", "robot", "ai", "machine", "computer", "chatbot"})


def _without_degree(words: Sequence[str]) -> list[str]:
    """The words less "a bit" (or "a little", "a tad") before another word, and less "for a
    robot" (or "for a bot", "for an ai") after praise ("you're pretty smart for a robot")."""
    drop = {
        j
        for i in range(len(words) - 2)
        if words[i] == "a" and words[i + 1] in _DEGREE
        for j in (i, i + 1)
    }
    drop |= {
        j
        for i in range(1, len(words) - 2)
        if words[i - 1] in _REACTION
        and words[i] == "for"
        and words[i + 1] in {"a", "an"}
        and words[i + 2] in _WHAT_BOT_IS
        for j in (i, i + 1, i + 2)
    }
    return [w for i, w in enumerate(words) if i not in drop]


# "good morning from the night shift desk", "ok bye, back to shelving", "bye, heading out on
# patrol": a greeting or a farewell, then where the asker is or goes; nothing is asked.
_ASKS = frozenset(
    {"what", "whats", "how", "why", "which", "who", "explain", "explained", "vs", "versus"}
)
# Another sentence or clause after where the asker is may ask something ("hey from the data
# team, quick q about embeddings").
_MORE_AFTER = re.compile(r"(?:\bfrom|\bback to|\bheading|\boff to)\b.*?[,.;:!]\s*(\w.*)")
MAX_WHENCE = 6  # words of where the asker is: more may hold a question
# What may close such a message after a break, saying how the asker's day goes ("good morning
# from the night shift, nearly home time").
_DAY = frozenset(
    {"nearly", "almost", "finally", "home", "time", "done", "over", "long", "night", "day"}
    | {"week", "shift", "busy", "quiet", "one", "another"}
)


def _signing(content: Sequence[str], text: str) -> bool:
    """Whether the message greets or signs off, then only says where the asker is."""
    more = _MORE_AFTER.search(text.lower())
    if "?" in text or (
        more is not None
        and not all(
            w in _DAY or w in _GREETING or w in _REACTION or w in _FILLER
            for w in split_words(more.group(1))
        )
    ):
        return False
    for at, word in enumerate(content):
        if word in {"from", "heading"} or (
            word in {"back", "off"} and content[at + 1 : at + 2] == ["to"]
        ):
            head, rest = content[:at], content[at + 1 :]
            return (
                bool(head)
                and any(w in _GREETING for w in head)
                and all(w in _GREETING or w in _THANKS or w in _REACTION for w in head)
                and 0 < len(rest) <= MAX_WHENCE
                and not any(w in _ASKS or w in _ASKING or w in _HELP for w in rest)
            )
    return False


# A short question put to the bot about itself ("do you ever sleep?", "can you sing?"), which
# the vocabulary above does not hold: the engine replies as to small talk when it also names
# nothing of the field.
ABOUT_BOT_WORDS = 8
_BOT_ADDRESSED = frozenset({"you", "your", "u", "ur", "yourself", "youre"})
_ASKING_OPENERS = frozenset(
    {"do", "does", "can", "could", "are", "r", "will", "would", "what", "whats", "who", "how"}
    | {"have", "did", "is", "where", "when", "why"}
)
_WHAT = frozenset({"what", "whats", "which"})
# A term asked to be explained: the reply should name what the bot does not cover.
_EXPLAINING = frozenset(
    {"explain", "define", "definition", "mean", "means", "meaning", "stand", "stands"}
    | {"know", "heard", "cover", "covers", "teach"}  # "do you know about mixture of experts"
)


# "hello bot how r u": a greeting and the bot called by name before the question ("whats",
# "hows" ask).
_CALLING = (_HELLO - {"whats", "hows"}) | {"bot", _NAME} | _FILLER
# "are you a bot or is this dan messing about": what the one answering is, then another
# guess at who is there, in this many words at most.
ALTERNATIVE_WORDS = 12


def _asks_what_one_is(said: Sequence[str]) -> bool:
    """Whether the words ask what the one answering is ("are you a bot"), then "or"."""
    if tuple(said[:2]) not in _ARE_YOU or "or" not in said:
        return False
    return all(w in _WHAT_ONE_IS for w in said[2 : said.index("or")])


def put_to_bot(question: str) -> bool:
    """Whether a short question is put to the bot ("you", "your") and asks no term to be
    explained ("can you explain quantization" names what the bot does not cover, which the
    reply should say). A greeting or the bot's name before it is left out (``_CALLING``)."""
    said = list(itertools.dropwhile(lambda w: w in _CALLING, split_words(question)))
    longest = ALTERNATIVE_WORDS if _asks_what_one_is(said) else ABOUT_BOT_WORDS
    if not said or len(said) > longest or not _BOT_ADDRESSED.intersection(said):
        return False
    if not (question.rstrip().endswith("?") or said[0] in _ASKING_OPENERS):
        return False
    if _EXPLAINING.intersection(said):
        return False
    # "what is quantization, do you know?" asks of a thing; "what's your ..." of the bot.
    return not any(
        w in _WHAT and (i + 1 == len(said) or said[i + 1] not in _BOT_ADDRESSED)
        for i, w in enumerate(said)
    )


# Asking for a joke, a pun, a riddle or a limerick ("tell me an ai joke", "got any good
# jokes? long shift", "got any plant puns?", "make me laugh"): whatever else the message
# says of the asker's day or names of the field, nothing is asked to be explained, unless a
# word of explaining or asking is there too ("why is that joke funny", "explain the
# strawberry joke"). The engine asks it of a message no snippet answered: a knowledge base
# may have a snippet of jokes of its own (CLINC150's tell_joke).
_JOKES = frozenset({"joke", "jokes", "pun", "puns", "riddle", "riddles", "limerick", "limericks"})
_JOKE_ASKING = frozenset(
    {"tell", "telling", "got", "have", "know", "share", "hear", "give", "crack", "want", "need"}
    | {"any", "another", "more", "please", "pls", "plz"}
)
JOKE_REACH = 4  # words from the asking word to "joke" (or another word of _JOKES)
_FUNNY = (("make", "me", "laugh"), ("make", "us", "laugh"), ("something", "funny"))
_NOT_A_JOKE = frozenset(
    {"explain", "explained", "define", "mean", "means", "meaning", "difference", "vs"}
    | {"versus", "why", "how", "what", "whats", "which", "is", "are", "does", "did"}
)


def asks_joke(words: Sequence[str]) -> bool:
    """Whether a message asks the bot for a joke (and nothing to be explained)."""
    if not _NOT_A_JOKE.isdisjoint(words):
        return False
    for at, word in enumerate(words):
        if word in _JOKES and (
            at == 0 or not _JOKE_ASKING.isdisjoint(words[max(0, at - JOKE_REACH) : at])
        ):
            return True
    return any(
        tuple(words[i : i + len(phrase)]) == phrase for phrase in _FUNNY for i in range(len(words))
    )


# "thanks, that actually made sense for once", "good night, break a leg everyone": a
# pleasantry, a break, then a remark that asks nothing. The engine asks it of a message no
# snippet answered and that names nothing of the field.
_OPENING = re.compile(r"^\s*(.+?)(?:[,.;:!]+|\s[-\u2013\u2014]+)\s+(\S.*)$", re.DOTALL)
_PLEASANTRIES = frozenset(
    {SmallTalk.THANKS, SmallTalk.GREETING, SmallTalk.FAREWELL, SmallTalk.REACTION}
)
# Words that ask or bid in the remark ("thanks, anyone know when the canteen opens", "cheers,
# now send me the rota"): then something is wanted.
_REMARK_ASKS = _ASKS | _HELP | _ASKING - {"i", "we", "me", "us"} | _EXPLAINING | {
    "when", "where", "anyone", "anybody", "someone", "somebody", "tell", "send", "show",
    "give", "difference", "does", "do", "can", "could", "should", "would", "whether", "if",
}  # fmt: skip
# Words opening the remark that make it a question without a mark ("morning all is the lift
# fixed yet").
_ASKING_FIRST = frozenset({"is", "are", "was", "were", "will", "did", "has", "have", "any"})
MAX_REMARK = 12  # words: a longer remark may carry a request worded as a statement


def pleasantry_first(text: str) -> SmallTalk | None:
    """The small talk a message opens with, when what follows its first break only remarks
    (no question mark, no word that asks or bids)."""
    if "?" in text:
        return None
    found = _OPENING.match(text)
    if found is None:
        return None
    head, remark = found.group(1), split_words(found.group(2))
    kind = small_talk(split_words(head), head)
    if kind not in _PLEASANTRIES or not remark or len(remark) > MAX_REMARK:
        return None
    if remark[0] in _ASKING_FIRST or not _REMARK_ASKS.isdisjoint(remark):
        return None
    return kind
