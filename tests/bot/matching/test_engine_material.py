"""Issue 9, round 41: the asker's own material around a named term, on the bundled knowledge.

Questions written for these tests (none is taken from a question set); each case names the
round and the rule it guards.
"""

from __future__ import annotations

import pytest

from adapters.markup import as_asked
from bot.matching.engine import Engine
from bot.models import Reason, SmallTalk, Status


@pytest.mark.parametrize(
    "question",
    [
        # Round 41: the snippet speaks of part of the task ("in our tone"); the rest of it, the
        # asker's own documents and what the model writes, was left in the check unexplained
        "can we fine tune a model on our archived lesson plans so it writes worksheets in our "
        "tone?",
        "can we fine-tune a model on our previous grant bids so it writes proposals in our tone?",
    ],
)
def test_a_task_the_snippet_speaks_of_leaves_the_askers_material_aside(
    engine: Engine, question: str
) -> None:
    answer = engine.answer(as_asked(question))
    assert (answer.status, answer.ids) == (Status.ANSWER, ("fine-tuning",)), answer.missing


@pytest.mark.parametrize(
    "question",
    [
        # ... and what the term acts on still tells its sense
        "can we fine tune the lighting rig on our old stage cues so it fades in our style?",
    ],
)
def test_a_described_task_or_another_sense_is_still_not_answered(
    engine: Engine, question: str
) -> None:
    assert engine.answer(as_asked(question)).status is not Status.ANSWER


def test_a_described_task_whose_name_is_asked_is_what_is_asked_about(engine: Engine) -> None:
    # ... unless a name is asked for: the description is then what is asked about, and
    # (round 49) the snippet whose own text tells it answers, not the one the task names
    answer = engine.answer(
        as_asked(
            "can you train a model on made-up data instead of real customer records? is there a "
            "name for that?"
        )
    )
    assert answer.ids == ("synthetic-data",)


def test_a_question_asked_through_a_noun_is_answered_before_its_reason(engine: Engine) -> None:
    # Round 41, written for this test: "a plain explanation of what ... is" reported no
    # question, so the reason given after it ("because the drivers think ...") picked the
    # snippet
    answer = engine.answer(
        as_asked(
            "can someone give me a plain explanation of what a large language model actually "
            "is, because the drivers think it's spying on them"
        )
    )
    assert (answer.status, answer.ids) == (Status.ANSWER, ("what-is-llm",))
    # ... the reason still tells another sense of a term that has one
    other = engine.answer(
        as_asked(
            "can someone give me a plain explanation of what a transformer is, because the one "
            "on the pole outside keeps buzzing"
        )
    )
    assert other.status is not Status.ANSWER


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # Round 41, written for this test: a thing described, then "what's that" asked of it,
        # asks its name (the description was judged as a definition question)
        (
            "the technique where people rank the answers and the model learns from the "
            "rankings, what is it",
            "rlhf",
        ),
        ("the setup where the bot reads our docs first then answers, what is it", "rag"),
        # ... as is a kind told at length before "called"
        (
            "what's an image model that starts from noise and cleans it up step by step called",
            "diffusion",
        ),
        ("what is a bot that plans steps and uses tools by itself called", "ai-agents"),
        # ... a description of what we do not cover is still not answered
        ("the thing where a big model teaches a small model to copy it, what's that", None),
        ("the thing where the transformer at the substation hums all night, what's that", None),
    ],
)
def test_a_thing_described_then_asked_what_it_is_asks_its_name(
    engine: Engine, question: str, expected: str | None
) -> None:
    answer = engine.answer(as_asked(question))
    if expected is None:
        assert answer.status is not Status.ANSWER
    else:
        assert (answer.status, answer.ids) == (Status.ANSWER, (expected,))


def test_a_story_of_what_the_bot_told_someone_is_the_askers_example(engine: Engine) -> None:
    # Round 41, written for this test: where the bot is ("on our booking site") and a second
    # thing it made up ("and invented a discount code") were left in the check
    answer = engine.answer(
        as_asked(
            "the bot on our booking site told a guest the pool was open till midnight and "
            "invented a discount code that doesn't exist. why does it do that?"
        )
    )
    assert (answer.status, answer.ids) == (Status.ANSWER, ("hallucination",))
    # ... a question about the site's own settings is still not answered
    other = engine.answer(
        as_asked(
            "the bot on our booking site told a guest the pool was closed, how do i change its "
            "opening hours"
        )
    )
    assert other.status is not Status.ANSWER


@pytest.mark.parametrize(
    "question",
    [
        # Round 41, written for this test: the runner-up whose examples ask of the product
        # went first, but at its own low score, so nothing was answered
        "our florist asked how midjourney works, something about removing noise?",
        "my nephew asked how midjourney works, something about noise?",
    ],
)
def test_the_runner_up_asked_of_a_named_product_answers_as_surely(
    engine: Engine, question: str
) -> None:
    answer = engine.answer(as_asked(question))
    assert (answer.status, answer.ids) == (Status.ANSWER, ("diffusion",))


def test_a_named_products_own_settings_are_still_not_answered(engine: Engine) -> None:
    assert engine.answer(as_asked("how does midjourney billing work")).status is not Status.ANSWER


@pytest.mark.parametrize(
    "question",
    [
        # Round 41, written for this test: the records searched by meaning, and the keywords
        # it is told apart from, were left in the check unexplained
        "what are embeddings and how would they help us search old safety bulletins by "
        "meaning instead of exact keywords?",
        "what are embeddings, could they help us find similar warranty claims by meaning "
        "rather than keywords",
    ],
)
def test_what_is_searched_by_meaning_is_the_askers_own(engine: Engine, question: str) -> None:
    answer = engine.answer(as_asked(question))
    assert (answer.status, answer.ids) == (Status.ANSWER, ("embeddings",)), answer.missing


def test_a_sentence_naming_what_the_whole_message_was_unsure_of_answers(engine: Engine) -> None:
    # Round 41, written for this test: the asking sentence alone names rlhf, the snippet the
    # whole message offered (its words all explained); it had to clear the higher bar
    answer = engine.answer(
        as_asked(
            "how did they get chatgpt to be so polite? is it all those thumbs up / thumbs down "
            "clicks?"
        )
    )
    assert (answer.status, answer.ids) == (Status.ANSWER, ("rlhf",))
    # ... not a sentence setting two things side by side, which a comparison may answer
    other = engine.answer(
        as_asked(
            "school IT again: to make a bot that knows our staff handbook, do we train it on "
            "the handbook or do the RAG thing? which one"
        )
    )
    assert other.ids != ("rag",)
    # ... nor the description of a thing whose name the message asks
    named = engine.answer(
        as_asked(
            "can you train a model on made-up data instead of real records? what's that called"
        )
    )
    assert named.ids != ("training-data",)


@pytest.mark.parametrize(
    "question", ["do you ever sleep?", "can you sing?", "what's your favourite colour?"]
)
def test_a_question_put_to_the_bot_about_itself_is_small_talk(
    engine: Engine, question: str
) -> None:
    # Round 41, written for this test: these got "I don't know about sing"
    assert engine.answer(as_asked(question)).reason is Reason.SMALLTALK


@pytest.mark.parametrize(
    "question",
    [
        # Round 44, written for this test: these got "I don't know about noticeboard"
        "thank you, printing this out for the noticeboard",
        "thanks!! you just won me an argument with dave",
        "bye for now, good luck with the audit tomorrow",
    ],
)
def test_a_pleasantry_then_a_remark_is_small_talk(engine: Engine, question: str) -> None:
    assert engine.answer(as_asked(question)).reason is Reason.SMALLTALK


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("thanks, now explain embeddings", "embeddings"),
        ("ok thanks, and fine-tuning?", "fine-tuning"),
    ],
)
def test_a_pleasantry_before_a_term_still_asks_it(
    engine: Engine, question: str, expected: str
) -> None:
    assert engine.answer(as_asked(question)).ids == (expected,)


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        # ... not a term asked after, which the reply names as not covered
        ("do you cover qlora?", "qlora"),
        ("what is quantization, do you know?", "quantization"),
        ("can you explain quantization?", "quantization"),
    ],
)
def test_a_term_asked_of_the_bot_is_still_named_as_not_covered(
    engine: Engine, question: str, missing: str
) -> None:
    answer = engine.answer(as_asked(question))
    assert answer.reason is Reason.UNCOVERED
    assert missing in answer.missing


@pytest.mark.parametrize(
    "question", ["how do i upload files to chatgpt", "how do i export my chats from claude"]
)
def test_operating_an_app_is_not_what_a_term_means(engine: Engine, question: str) -> None:
    # Round 41, written for this test: answered with the chatgpt and llm-examples snippets
    assert engine.answer(as_asked(question)).status is not Status.ANSWER


@pytest.mark.parametrize(
    "question",
    [
        "chatgpt invented a court ruling for my brief 😬 why would it do that",
        "the support bot invented a refund policy we don't have 😬 why does that happen??",
    ],
)
def test_what_the_assistant_made_up_is_the_askers_example_though_the_body_tells_of_it(
    engine: Engine, question: str
) -> None:
    # Round 42: "ruling", "refund" are words the hallucination snippet's body uses in
    # passing; left out of the asker's example for that, they were unexplained: did-you-means
    assert engine.answer(as_asked(question)).ids == ("hallucination",)


def test_a_bot_doing_something_else_to_a_refund_is_not_a_hallucination(engine: Engine) -> None:
    question = "the support bot sent a customer a refund twice, why does that happen"
    assert engine.answer(as_asked(question)).status is not Status.ANSWER


@pytest.mark.parametrize(
    "question",
    ["what's backpropagation in a neural network", "what's gradient descent in a neural network"],
)
def test_whats_asks_what_a_term_is_as_what_is_does(engine: Engine, question: str) -> None:
    # Round 42: "what's" was no definition question, and a term the snippet never names
    # passed on a strong score; "what is backpropagation ..." was declined
    assert engine.answer(as_asked(question)).status is not Status.ANSWER
    assert engine.answer(as_asked(question.replace("what's", "what is"))).status is not (
        Status.ANSWER
    )


@pytest.mark.parametrize(
    "question",
    [
        "how does backpropagation work in a neural network",
        "how does dropout work in neural networks",
        "how does beam search work in llms",
    ],
)
def test_how_a_term_works_in_a_setting_asks_about_the_term(engine: Engine, question: str) -> None:
    # Round 43 (read set 104): the setting's snippet was the answer though it never names the
    # term asked about; "how does attention work in a transformer" is still answered
    assert engine.answer(as_asked(question)).status is not Status.ANSWER
    assert engine.answer(as_asked("how does attention work in a transformer")).ids == (
        "transformer",
    )


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "<@U0ABCDEF> quick one before the branch managers meeting: someone keeps saying "
            '"large language model" and I nodded along but honestly what is it?',
            "what-is-llm",
        ),
        (
            "IT here. vendor proposal mentions 'embeddings' and 'vector search' for the digital "
            "archive. plain english pls",
            "embeddings",
        ),
        (
            "sales keep pitching 'ai agents' to every client in the review, what are they",
            "ai-agents",
        ),
    ],
)
def test_a_quoted_name_asked_about_is_the_question(
    engine: Engine, question: str, expected: str
) -> None:
    # Round 43 (read set 104): the story of where the name was heard put another snippet
    # first, or left its words unexplained: no answer
    assert engine.answer(as_asked(question)).ids == (expected,)


@pytest.mark.parametrize(
    "question",
    [
        'the printer screen says "tokens low" every morning, what does that mean',
        "the router has a 'temperature' alarm on the server room sensor, what does that mean?",
        'someone keeps saying "large language model" pricing went up, how much do we pay?',
        "my manager uses 'LLM' and 'gen AI' interchangeably in every meeting. are they the same",
    ],
)
def test_a_quoted_name_in_another_sense_or_question_is_not_asked_about(
    engine: Engine, question: str
) -> None:
    answer = engine.answer(as_asked(question))
    wrong = {("tokens",), ("temperature",), ("what-is-llm",), ("what-is-genai",)}
    assert answer.ids not in wrong


@pytest.mark.parametrize(
    "question",
    [
        "what's MCP, the model context protocol thing? is that like the context window?",
        "what's a vector clock? is it like a vector database?",
    ],
)
def test_likening_an_unexplained_thing_to_a_term_is_not_asked_alone(
    engine: Engine, question: str
) -> None:
    # Round 43 (read set 104): "is that like the context window?", answered alone, was
    # answered by the context window snippet, though the message asks what MCP is
    assert engine.answer(as_asked(question)).status is not Status.ANSWER
    question = "our bot looks up the wiki before it answers. is that like rag?"
    assert engine.answer(as_asked(question)).ids == ("rag",)


def test_where_a_control_sits_in_an_app_is_declined(engine: Engine) -> None:
    # Round 43 (read set 121): the temperature snippet answered where the playground's
    # slider is; what the setting does is still answered
    question = "where's the slider to change the temperature in the azure openai playground?"
    assert engine.answer(as_asked(question)).status is not Status.ANSWER
    question = "what does the temperature slider in the playground do"
    assert engine.answer(as_asked(question)).ids == ("temperature",)


def test_a_description_asked_by_name_may_be_told_by_a_body(engine: Engine) -> None:
    # Round 43 (read set 121): "what's the word for" was taken for a definition question,
    # where only summaries count; "sentence" is in the body alone
    question = (
        "what's the word for turning a sentence into a list of numbers so that things with "
        "similar meaning end up close together?"
    )
    assert engine.answer(as_asked(question)).ids == ("embeddings",)
    # a name of the knowledge in it is still asked of as a definition
    question = "what's the word for a prompt reply to an email"
    assert engine.answer(as_asked(question)).status is not Status.ANSWER


def test_thanks_for_an_earlier_answer_is_small_talk(engine: Engine) -> None:
    # Round 43: "earlier" was a word no reply knew: "I don't know"
    answer = engine.answer(as_asked("thank you so much for the explanation earlier!"))
    assert (answer.reason, answer.small_talk) == (Reason.SMALLTALK, SmallTalk.THANKS)


def test_a_best_that_explains_next_to_nothing_is_no_rival(engine: Engine) -> None:
    # Round 43 (read set 122): the chatbots snippet led by 2.9 points explaining a quarter of
    # the question; the rlhf snippet explains all of it
    question = (
        "how do they make chatbots polite and safe - something about humans ranking the answers?"
    )
    assert engine.answer(as_asked(question)).ids == ("rlhf",)
    question = (
        "how do they make the chatbot on our website polite to customers, where are its settings"
    )
    assert engine.answer(as_asked(question)).status is not Status.ANSWER


def test_a_name_does_not_settle_a_close_call_another_candidate_explains_wholly(
    engine: Engine,
) -> None:
    # Round 42 (read set 91): "deepfakes" is the examples snippet's alias, which settled a
    # call 1.3 points apart; it left "misinformation" unexplained, the challenges snippet
    # explains every word
    question = "deepfakes and misinformation... what are the main dangers of gen ai"
    assert engine.answer(as_asked(question)).ids == ("genai-challenges",)


@pytest.mark.parametrize(
    "question", ["tell me an ai joke", "tell me a joke, it's been a long night watch"]
)
def test_a_joke_asked_for_no_snippet_answers_is_small_talk(engine: Engine, question: str) -> None:
    # Round 42: "I don't have an explanation for joke yet"
    answer = engine.answer(as_asked(question))
    assert (answer.reason, answer.small_talk) == (Reason.SMALLTALK, SmallTalk.JOKE)


@pytest.mark.parametrize(
    "question",
    [
        "who set up the rag pipeline for the wiki",
        "who installed the new vector database",
        "the chatbot on our website is broken again, who maintains it",
    ],
)
def test_who_looks_after_a_system_here_is_no_term_explained(engine: Engine, question: str) -> None:
    # Round 42: answered with the rag, embeddings and chatbots snippets
    assert engine.answer(as_asked(question)).status is not Status.ANSWER


def test_who_made_a_thing_of_the_field_is_still_its_history(engine: Engine) -> None:
    assert engine.answer(as_asked("who makes chatgpt")).ids == ("chatgpt",)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("apart from hallucinations, what are the other problems with llms", "llm-challenges"),
        ("apart from chatbots, what are llms used for", "llm-applications"),
    ],
)
def test_the_best_snippet_named_where_the_question_sets_it_aside_steps_back(
    engine: Engine, question: str, expected: str
) -> None:
    # Round 42: "apart from hallucinations" put the hallucination snippet first and
    # answered; only a comparison snippet was searched again without what is set aside
    assert engine.answer(as_asked(question)).ids == (expected,)


def test_a_snippet_set_aside_is_no_answer_to_the_rest(engine: Engine) -> None:
    question = "apart from transformers, what other neural network architectures exist"
    assert engine.answer(as_asked(question)).ids != ("transformer",)


def test_the_assistant_named_in_a_story_of_what_it_made_up_is_talk(engine: Engine) -> None:
    # Round 42 (read set 116): "copilot", which no snippet explains, was left unexplained
    question = (
        "copilot just made up a building regs clause that doesn't exist 🙃 why does it do that"
    )
    assert engine.answer(as_asked(question)).ids == ("hallucination",)


@pytest.mark.parametrize(
    "question",
    [
        "a caller says she's been hallucinating since changing medication, what's the protocol",
        "he's hallucinating from the fever, is that dangerous",
    ],
)
def test_a_person_hallucinating_is_the_medical_sense(engine: Engine, question: str) -> None:
    # Round 42: answered with the hallucination snippet ("hallucinating" is no word of the
    # English list, so the check for a term of one English word never saw it)
    assert engine.answer(as_asked(question)).status is not Status.ANSWER


@pytest.mark.parametrize(
    "question",
    ["can i speak to a human agent instead of the bot", "can i talk to a real support agent"],
)
def test_a_person_at_a_help_desk_is_no_ai_agent(engine: Engine, question: str) -> None:
    # Round 42: answered with the ai-agents snippet
    assert engine.answer(as_asked(question)).status is not Status.ANSWER


@pytest.mark.parametrize(
    "question",
    [
        # Round 44, written for this test: what the asker asked the assistant about is the
        # story's, though the question names its term ("a different answer")
        "why does chatgpt give me a different answer each time i ask it about the shipping rota",
        "why is the answer never the same when i ask copilot about our holiday policy? what's"
        " the randomness setting",
    ],
)
def test_what_the_assistant_was_asked_about_is_the_askers_own(
    engine: Engine, question: str
) -> None:
    assert engine.answer(as_asked(question)).ids == ("temperature",)


@pytest.mark.parametrize(
    "question",
    [
        # Round 44, written for this test: what the photo shows is the asker's material
        "can the new models take a photo of a delivery note and understand it? what's the term",
        "what do you call a model that understands a photo of a whiteboard and text together?",
    ],
)
def test_what_a_photo_shows_is_the_askers_own(engine: Engine, question: str) -> None:
    assert engine.answer(as_asked(question)).ids == ("multimodal",)


def test_taking_a_photo_of_something_is_still_not_a_term(engine: Engine) -> None:
    answer = engine.answer(as_asked("how do i take a screenshot of the booking system on a mac"))
    assert answer.status is not Status.ANSWER


@pytest.mark.parametrize(
    "question",
    [
        # Round 44, written for this test: AI ethics in general is wider than generative AI's
        "general ai ethics question: should we use ai to score job applicants?",
        "ai ethics in general - where do we even start with a policy",
    ],
)
def test_ai_in_general_is_wider_than_a_snippet_on_generative_ai(
    engine: Engine, question: str
) -> None:
    answer = engine.answer(as_asked(question))
    assert answer.status is Status.SUGGEST
    assert answer.suggestions[0].id == "genai-challenges"


def test_a_kind_of_ai_asked_of_in_general_is_still_answered(engine: Engine) -> None:
    question = "what are the risks of generative ai in general?"
    assert engine.answer(as_asked(question)).ids == ("genai-challenges",)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # Round 44, written for this test: what the asker gave the assistant is theirs in
        # any question, not only in a why-question
        (
            "pasted our whole 40 page site diary into the bot and by the end it had forgotten"
            " the first few pages. is there a max amount it reads at once?",
            "context-window",
        ),
        (
            "pasted the rota into chatgpt and it invented two shifts that don't exist, is that"
            " a hallucination?",
            "hallucination",
        ),
    ],
)
def test_what_was_given_to_the_assistant_is_the_askers_in_any_question(
    engine: Engine, question: str, expected: str
) -> None:
    assert engine.answer(as_asked(question)).ids == (expected,)


@pytest.mark.parametrize(
    ("question", "answered"),
    [
        # Round 44, written for this test: a quoted name, then what its last word is
        (
            "the brochure says the scanner uses a 'neural network' to spot defects on the"
            " line. what's a network in this case?",
            True,
        ),
        # ... which the quote may tell is another sense
        (
            "the electrician said we need a 'step-down transformer' for the imported ovens."
            " what's a transformer?",
            False,
        ),
        ("the hr memo talks about 'prompt payment' of invoices. what's a prompt?", False),
    ],
)
def test_a_term_asked_as_a_quote_named_it(engine: Engine, question: str, answered: bool) -> None:
    assert (engine.answer(as_asked(question)).status is Status.ANSWER) is answered


def test_what_is_it_actually_after_a_quote_asks_of_the_quote(engine: Engine) -> None:
    # Round 44, written for this test
    question = (
        'the sales team keep saying "just chatgpt it" about every customer email. what is it'
        " actually, a search engine?"
    )
    assert engine.answer(as_asked(question)).ids == ("chatgpt",)


def test_a_speaker_where_they_work_is_no_sense_of_the_term(engine: Engine) -> None:
    # Round 44, written for this test: it went to llm-challenges ("office" made the
    # definition another sense)
    question = "everyone in the office says 'large language model' now. what is it really?"
    assert engine.answer(as_asked(question)).ids == ("what-is-llm",)


@pytest.mark.parametrize(
    ("question", "answered"),
    [
        # Round 44 (read set 127): the field named after the term, the words beside it say
        # how the asker sees it
        ("what is a prompt in AI terms, the box where you type?", True),
        # ... without it they may tell another sense; "ai" before a term may be a name
        ("what is a transformer, the grey box on the pole outside?", False),
        ("does anyone have an AI ethics policy template for the charity?", False),
    ],
)
def test_a_term_put_in_the_field_has_no_other_sense(
    engine: Engine, question: str, answered: bool
) -> None:
    assert (engine.answer(as_asked(question)).status is Status.ANSWER) is answered
