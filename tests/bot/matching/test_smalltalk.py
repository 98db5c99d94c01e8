"""Small talk is recognised only when every word is small talk."""

from __future__ import annotations

import pytest

from bot.matching.normalize import words
from bot.matching.smalltalk import asks_joke, pleasantry_first, put_to_bot, small_talk
from bot.models import SmallTalk as Chat


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("thanks!", Chat.THANKS),
        ("cool thanks", Chat.THANKS),
        ("thank you so much", Chat.THANKS),
        ("hi", Chat.GREETING),
        ("hello bot", Chat.GREETING),
        ("gm everyone", Chat.GREETING),
        ("lol", Chat.REACTION),
        ("nice one", Chat.REACTION),
        ("what can you explain", Chat.ABOUT_BOT),
        ("what topics do you cover", Chat.ABOUT_BOT),
        ("what else do you know about?", Chat.ABOUT_BOT),  # round 34
        ("can you do other topics too?", Chat.ABOUT_BOT),
        # round 39: what the bot is for, asked by someone new to it
        ("what's the point of you", Chat.ABOUT_BOT),
        ("never used this bot before, what are you for", Chat.ABOUT_BOT),
        ("are you a person", Chat.ABOUT_BOT),
        ("whats up", Chat.GREETING),
        ("ping", Chat.GREETING),
        ("sorry my bad", Chat.REACTION),
        ("nvm", Chat.REACTION),
        ("thx that helped a lot", Chat.THANKS),
        ("thank you that actually helped", Chat.THANKS),
        # Round 43: when it was said does not make it a question
        ("you got that wrong yesterday", Chat.REACTION),
        ("are you an ai", Chat.ABOUT_BOT),  # what the one answering is, asked of it
        ("r u a bot", Chat.ABOUT_BOT),
        ("are you a bot or a person typing really fast", Chat.ABOUT_BOT),
        ("hey there! first time using this, how do i ask you something", Chat.ABOUT_BOT),
        ("are you actually a real person", Chat.ABOUT_BOT),
        ("that's exactly what i needed", Chat.REACTION),
        ("you're the best", Chat.REACTION),
        ("how's it going", Chat.GREETING),
        ("happy friday", Chat.GREETING),
        # who is on the other end, though the question does not say "you"
        ("is this an actual human typing", Chat.ABOUT_BOT),
        ("am i talking to a real person", Chat.ABOUT_BOT),
        ("are you a real person or a bot", Chat.ABOUT_BOT),
        ("that wasnt very helpful tbh", Chat.REACTION),
        ("you're the best bot in this workspace", Chat.REACTION),
        ("are you chatgpt under the hood?", Chat.ABOUT_BOT),
        ("how do i use you? just type a question?", Chat.ABOUT_BOT),
        ("how do i use you, just type explain and a word?", Chat.ABOUT_BOT),
        ("ha that's wild", Chat.REACTION),
        # what the bot answers or remembers, asked of it (round 31)
        ("what kind of questions are you good at answering?", Chat.ABOUT_BOT),
        ("do you remember what i asked you yesterday?", Chat.ABOUT_BOT),
        ("hello bot, nice to meet you", Chat.REACTION),
        # Round 36: signing off gets a goodbye, not a hello; thanks beside it are thanks
        ("bye", Chat.FAREWELL),
        ("good night all", Chat.FAREWELL),
        ("gtg, ttyl", Chat.FAREWELL),
        ("thanks, bye", Chat.THANKS),
        ("hi, bye", Chat.GREETING),
        # Round 37: who is behind the bot, whether it listens
        ("are you a bot or is there a human behind this", Chat.ABOUT_BOT),
        ("is there a person behind this bot", Chat.ABOUT_BOT),
        ("are you even listening", Chat.ABOUT_BOT),
    ],
)
def test_small_talk(text: str, kind: Chat) -> None:
    assert small_talk(words(text)) is kind


@pytest.mark.parametrize(
    "text",
    [
        "hi, what is a gan",
        "thanks, and what is rag?",
        "can you explain ai",
        "what can ai do",
        "what is a test set",
        "what is a robot",
        "is this model real",
        "what do i have going on for 12/03/2019",  # figures among words may be asked about
        "who made this model",
        "are you an ai expert",  # asks about the asker's topic, not what the bot is
        "are you able to explain ai",
        "what is a word embedding",
        "what is the hood of a car",
        "explain rag and fine tuning",
        "how to use rag",
        "what did you explain yesterday about rag",
        "what is a bit",  # a bit named, not a degree
        "is anyone even listening to the model",
        "are you listening to the podcast",
        "what's behind the token limit",
        # ... not with a question after it, nor a comparison of two terms
        "you're smarter than an llm? what is an llm",
        "you are better than chatgpt, is that because of rlhf",
        "is rag better than fine tuning",
        "",
    ],
)
def test_questions_are_not_small_talk(text: str) -> None:
    assert small_talk(words(text)) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("thaaanks", Chat.THANKS),
        ("heyyy", Chat.GREETING),
        ("hellooo bot", Chat.GREETING),
        ("cooool thx", Chat.THANKS),
        ("thank youuuu so muchhh", Chat.THANKS),
        ("🙏", Chat.REACTION),
        ("🤔", Chat.REACTION),  # any emoji-only message, whatever its name
        ("👍👍", Chat.REACTION),
        ("hiii 👋", Chat.GREETING),
        ("help me", Chat.ABOUT_BOT),
        ("can you help pls", Chat.ABOUT_BOT),
    ],
)
def test_chat_spellings_count_as_their_words(text: str, kind: Chat) -> None:
    assert small_talk(words(text), text) is kind


@pytest.mark.parametrize(
    "text", ["help with rag", "whaaat is a gan", "🤔 what is rag", "sheeep", "café"]
)
def test_chat_spellings_do_not_hide_a_question(text: str) -> None:
    assert small_talk(words(text), text) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("you're awesome, seriously", Chat.REACTION),
        ("hmm that answer was kinda wrong tbh", Chat.REACTION),
        ("thanks, i'll share this with my team", Chat.THANKS),
        ("that answer was useless tbh", Chat.REACTION),
        ("perfect for the slide, many thanks", Chat.THANKS),
        ("so handy, thanks", Chat.THANKS),
        ("handy, nice one", Chat.REACTION),
        # Round 32: "a bit" or "a little" only says how much
        ("ngl youre a bit useless sometimes", Chat.REACTION),
        ("that was a little unhelpful tbh", Chat.REACTION),
        # Round 33
        ("you're a lifesaver 🙌", Chat.REACTION),
        ("hmm that wasn't quite what I meant, never mind", Chat.REACTION),
        # Round 34: a groan is a reaction
        ("ugh that answer was useless", Chat.REACTION),
        ("sigh, not quite what i asked", Chat.REACTION),
        ("hmm not what i was after", Chat.REACTION),
        ("this bot is rubbish", Chat.REACTION),
        ("you're slow today", Chat.REACTION),
        ("you're getting better at this", Chat.REACTION),
        ("not quite what i was looking for", Chat.REACTION),
        ("thanks, that helped loads", Chat.THANKS),
        # Round 45 (read set 136): the bot praised against anything
        ("lol you're smarter than our booking system", Chat.REACTION),
        ("you are way faster than our it helpdesk", Chat.REACTION),
        # Round 46 (read sets 97, 107): the last answer judged; who writes the answers
        ("tbh that last answer was pretty useless", Chat.REACTION),
        ("your last reply was useless tbh", Chat.REACTION),
        ("are you a bot or is someone from IT typing these answers lol", Chat.ABOUT_BOT),
    ],
)
def test_praise_feedback_and_sharing_are_small_talk(text: str, kind: Chat) -> None:
    assert small_talk(words(text)) is kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("good morning from the night shift dispatch desk", Chat.GREETING),
        ("ok bye, back to shelving", Chat.FAREWELL),
        ("hello from london", Chat.GREETING),
        ("you're pretty helpful, who built you?", Chat.ABOUT_BOT),
        # Round 32: where the asker heads off to; a laugh after asking what the bot is
        ("right, bye all, heading out to the depot", Chat.FAREWELL),
        ("cya, off to the allotment", Chat.FAREWELL),
        ("r u a human or a bot haha", Chat.ABOUT_BOT),
        ("gg, cheers", Chat.THANKS),
        # Round 33: how the asker's day goes, after a break
        ("good morning from the night shift, nearly home time", Chat.GREETING),
        ("hi from the lab, long day", Chat.GREETING),
        # Round 36: clocking off a shift is a farewell
        ("bye all, clocking off", Chat.FAREWELL),
        ("signing off for the weekend", Chat.FAREWELL),
        ("off shift now, night", Chat.FAREWELL),
    ],
)
def test_greeting_from_somewhere_and_praise_with_a_question(text: str, kind: Chat) -> None:
    assert small_talk(words(text), text) is kind


@pytest.mark.parametrize(
    "text",
    [
        "hey from the data team, quick q about embeddings",  # another clause follows
        "hi from the ML team, what is RAG",
        "hello from sales team need rag explained",
        "morning from the infra team, transformers pls",
        "good morning from the night shift?",  # asked
        "bye, heading out, what is rag",
        "off to the meeting, how do embeddings work",
        "morning from the night shift, temperature in the cold room is high",
        "signing off, what is rlhf",
        "clocking off soon, quick one on tokens",
    ],
)
def test_a_greeting_from_somewhere_does_not_hide_a_question(text: str) -> None:
    assert small_talk(words(text), text) is None


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        # Round 41: a short question put to the bot about itself
        ("do you ever sleep?", True),
        ("what's your favourite colour?", True),
        ("you awake?", True),
        # ... not a term asked after, a question to no one, or a long message
        ("what is quantization, do you know?", False),
        ("do you cover qlora?", False),
        ("can you explain quantization?", False),
        ("does the printer sleep?", False),
        ("can you tell me why the quarterly sales report in the shared drive looks odd?", False),
        # Round 48: a greeting and the bot's name before it; who else might be typing
        ("hiya bot how r u", True),
        ("hey explainbot, are you awake", True),
        ("r u a bot or is this kev winding us up", True),
        ("hey bot, what is quantization, do you know", False),
        ("are you a bot or can you explain what quantization is", False),
        ("are you a bot or is this someone from the it team typing all these replies to us", False),
    ],
)
def test_a_short_question_put_to_the_bot(question: str, asked: bool) -> None:
    assert put_to_bot(question) is asked


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tell me an ai joke", True),
        ("got any good jokes? long shift", True),
        ("tell me a joke, it's been a long night watch", True),
        ("make me laugh, it's been a rough day", True),
        ("joke please", True),
        # Round 47 (read set 108): a pun, a riddle or a limerick is a joke asked for
        ("any good puns about bowling?", True),
        ("give us a riddle for the quiz night", True),
        ("what is a limerick", False),
        # something asked to be explained beside the joke
        ("why is the strawberry joke about chatgpt funny", False),
        ("explain the joke about tokens", False),
        ("is the turing test a joke now", False),
        ("what does joke mean", False),
    ],
)
def test_a_joke_asked_for(text: str, expected: bool) -> None:
    # Round 42: a joke asked for beside anything but small talk was "I don't know about joke"
    assert asks_joke(words(text)) is expected


@pytest.mark.parametrize(
    "text",
    [
        "who runs this bot",
        "who maintains you",
        "who owns this",
        # round 42 (read set 103): "set" was no word of small talk
        "who are you and who set you up in this channel",
    ],
)
def test_who_looks_after_the_bot_is_about_it(text: str) -> None:
    assert small_talk(words(text)) is Chat.ABOUT_BOT


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # Round 44, written for this test: a pleasantry, a break, a remark that asks nothing
        ("thanks, printing this out for the noticeboard", Chat.THANKS),
        ("cheers! my boss finally stopped asking me", Chat.THANKS),
        ("ty - sending this to the new starters", Chat.THANKS),
        ("night all, mind the ice on the car park", Chat.FAREWELL),
        ("morning all, another wet one out there", Chat.GREETING),
        ("great, exactly the bit I was missing", Chat.REACTION),
        # ... but not when the remark asks or bids, or no pleasantry opens it
        ("thanks, anyone know when the canteen opens", None),
        ("morning all, is the lift fixed yet", None),
        ("thanks, now send me the rota", None),
        ("thanks, so rag is just search first?", None),
        ("the printer, it is jammed again", None),
        ("thanks", None),  # no remark: small_talk itself answers it
    ],
)
def test_a_pleasantry_then_a_remark(text: str, kind: Chat | None) -> None:
    assert pleasantry_first(text) is kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # Round 44, written for this test: the bot addressed by its name, typed as text
        ("@explainbot are you a real person or a bot", Chat.ABOUT_BOT),
        ("@explainbot what can you do", Chat.ABOUT_BOT),
        ("explainbot, who made you", Chat.ABOUT_BOT),
        ("yo explainbot are you chatgpt under the hood", Chat.ABOUT_BOT),
        ("@explainbot thanks!", Chat.THANKS),
        ("@explainbot what is rag", None),
        ("@explainbot are you in the office tomorrow, need the van keys", None),
    ],
)
def test_the_bot_addressed_by_its_name(text: str, kind: Chat | None) -> None:
    assert small_talk(words(text), text) is kind


@pytest.mark.parametrize(
    "text",
    [
        # Round 44, written for this test: "are you ..., or is someone else there"
        "r u a bot or is there a human in there",
        "are you a bot or is someone from it typing these",
    ],
)
def test_are_you_or_is_someone_else_is_about_the_bot(text: str) -> None:
    assert small_talk(words(text), text) is Chat.ABOUT_BOT
