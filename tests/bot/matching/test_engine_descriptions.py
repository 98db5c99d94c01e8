"""Issue 9, rounds 30-34 and 37: descriptions asked by name or told in a snippet's summary
words, what a clause asks about, a sentence asking whether what was told before is the term,
what "it" or "that" points at, and phrasing words; on the bundled knowledge.

Questions written for these tests (none is taken from a question set); each answered one was
declined before the rule its comment names, and each declined one was answered (except where
the comment says it guards a rule's edge).
"""

from __future__ import annotations

import pytest

from bot.matching.engine import Engine
from bot.models import Status

ANSWERED = [
    # Round 51 (was declined since round 33, when hallucination answered it): the
    # description retells the RAG summary, found among all snippets
    (
        "Hi! I'm an account manager at the firm. We have hundreds of client brand books. "
        "Someone suggested a setup where the AI first looks up the relevant book and then "
        "answers from it. What is that approach called?",
        "rag",
    ),
    # Round 46: in a description asking a name, what the assistant made up that the
    # knowledge never speaks of, and what the asker owns, are the asker's example
    (
        "the ai made up a BSI standard number that doesn't exist and cited it like it was "
        "real. what's that called?",
        "hallucination",
    ),
    (
        "what's it called when the AI just invents a DVLA form reference that doesn't exist?",
        "hallucination",
    ),
    (
        "can it read a screenshot of the rota together with my typed message? is there a word "
        "for that",
        "multimodal",
    ),
    # ... and what a clause tells an ai tool does, before "is that <term>?", is its task
    (
        "the depot wants a bot that logs into the fuel portal, pulls the week's receipts and "
        "fills in the mileage sheet. is that an ai agent?",
        "ai-agents",
    ),
    # ... and what the term, named, is told to do in a statement
    (
        "next year we'll have an 'agent' that logs into sage, pulls the payroll and drafts the "
        "journals on its own. what is that? an ai that plans steps and uses tools by itself?",
        "ai-agents",
    ),
    # ... and so is what a tool turns into something else
    (
        "our new search turns every probate letter into a long list of numbers so similar "
        "letters sit close together. what's that list of numbers called?",
        "embeddings",
    ),
    # a description restating a snippet's summary, its name asked, however its example
    # questions score it (round 32)
    (
        "simple units in layers, their connection weights learned from examples: is there a "
        "name for that?",
        "neural-network",
    ),
    # a name asked of a description that names the runner-up only to describe (round 32)
    (
        "two neural networks compete, one forges images and one spots the forgeries. what's "
        "that called?",
        "gan",
    ),
    # the gen AI risks summary names misinformation and legal issues (round 31)
    ("misinformation and copyright worries with generative ai, quick summary?", "genai-challenges"),
    # the "large" summary says the files are big because the parameters are many (round 31)
    ("is an llm called large because of its file size or something else?", "large-in-llm"),
    # the RLHF summary says what the tuning is for: helpful, polite and safe (round 31)
    ("how do they train chatgpt to be polite and turn down dodgy requests?", "rlhf"),
    # the open-weights summary names the laptop a downloaded model runs on (round 31)
    ("could we run an open model on a laptop instead of calling the api?", "open-weights"),
    # the GAN summary tells of fakes and of spotting them (round 31)
    (
        "what do you call two neural networks competing, one making fake photos and the "
        "other spotting the fakes?",
        "gan",
    ),
    # the talk left out, a name of another snippet ("chatbot") left over weighs in the score
    # and is no word left unexplained (round 31)
    (
        "why does the chatbot give a different answer every time i ask the same question "
        "about shipping fees?",
        "temperature",
    ),
    # "considered", "dead": a judgement asked of the term, phrasing (round 31)
    ("is a 13B parameter model considered large for a language model?", "large-in-llm"),
    ("are gans dead now that everyone uses diffusion?", "diffusion-vs-gan"),
    # an adverb no snippet uses says how, not what is asked about (round 31)
    (
        "why does the assistant totally forget what i told it earlier in the thread?",
        "context-window",
    ),
    # "a knack to": how the question is put, not what it asks about (round 31)
    ("is there a knack to writing prompts?", "prompt-engineering"),
    ("night porter here 🙂 is there a knack to writing prompts?", "prompt-engineering"),
    # "known" picks which limitations, no other sense of them
    ("what are the known limitations of large language models?", "llm-challenges"),
    # a description asked by name uses words of its own: explained within the tolerance
    # earns the explained discount
    (
        "is there a term for the area of AI that lets computers read and write human language?",
        "nlp",
    ),
    # the clause asking the definition, alone, put training data first though the whole
    # question scores the multimodal snippet far higher
    (
        "what do you call a model trained on pictures and text together, so it can describe "
        "a photo?",
        "multimodal",
    ),
    # "what's that technique called", "rather than from memory": phrasing; the words naming
    # which of the asker's documents are theirs
    (
        "we want the assistant to check our warranty claim documents first and answer from "
        "them rather than from memory. what's that technique called?",
        "rag",
    ),
    (
        "could the bot search our own menu docs first and answer from them? what's that "
        "approach called?",
        "rag",
    ),
    # a description asked by name, no term in it: nothing qualifies a term, it is the story
    (
        "the AI recap of the staff meeting included a quote from my manager that she never "
        "said. is there a name for when it invents things?",
        "hallucination",
    ),
    # the GAN snippet tells that one network makes fakes and the other spots them
    (
        "is there a name for the setup where two networks compete, one faking images and the "
        "other spotting them?",
        "gan",
    ),
    # "following on from" sets the earlier topic aside: no comparison snippet for it
    ("following on from the diffusion thing, what's a GAN then?", "gan"),
    # nothing salient left unexplained, though many small words are: the score decides
    ("what kind of data was gpt-4 trained on?", "training-data"),
    ("where do the training data for these chatbots come from", "training-data"),
    # a strong, clear lead is not overturned by the name of the question's subject (this
    # was answered from the chatbots snippet)
    (
        "why does the chatbot give me a different answer each time I ask the very same question?",
        "temperature",
    ),
    # "what do u call": a name asked, and "call" names no tool calling
    (
        "what do u call the thing where you keep training a model on your own examples so it "
        "writes like us",
        "fine-tuning",
    ),
    # what the asker asks the tool about is talk
    (
        "why does chatgpt give me a different answer every time I ask the same question about "
        "escrow holdbacks?",
        "temperature",
    ),
    # a description asked by name, no term named: its everyday words are the story
    (
        "the AI wrote a memo that cited a bylaw that doesn't exist. what's the term for that?",
        "hallucination",
    ),
    # Round 33: the description restates the tokens summary, though the check took its
    # words for talk around the agents snippet that led
    (
        "what do you call the little chunks, like bits of words, that a model reads and writes?",
        "tokens",
    ),
    # Round 33: "one" or "it" of the term quoted before, asked alone
    (
        "night dispatcher here, the vendor deck keeps saying 'large language model'. what "
        "exactly is one?",
        "what-is-llm",
    ),
    (
        "hey, I'm a groundskeeper and the planning team keeps saying 'RAG' in every meeting. "
        "what does it actually mean?",
        "rag",
    ),
    # Round 33: the clause asking a definition names another snippet only by one of its
    # names whole ("weights" is no name of open weights)
    (
        "Process engineer here. I know PID loops but not this: how does a neural net actually "
        "learn, what are the 'weights'?",
        "neural-network",
    ),
    # Round 33: a description asked by name, explained and clear of the runner-up, needs
    # only the score of a did-you-mean
    (
        "volunteer lead: could a bot look up our volunteer handbook first and then answer from "
        "it, instead of guessing? what's that approach called?",
        "rag",
    ),
    # an edge: a story that names the field before "is that ...?" is asked of
    (
        "the chatbot said our shop opens on sundays but it doesn't. is that a hallucination?",
        "hallucination",
    ),
    # Round 36: the asker's own things after a preposition ("the end of my stocktake
    # list", "read from our own cleaning rotas") are talk in a description
    (
        "why does the assistant lose the end of my stocktake list when i paste it all in? is "
        "there a limit on how much it takes at once",
        "context-window",
    ),
    # what the assistant made, in a story asking why it does so: an example
    ("chatgpt gave me a wrong date for easter, why does it do that", "hallucination"),
    ("it gave me a link to a page that doesn't exist, why", "hallucination"),
    # ... not when the question asks about the thing made (a guard: "what does that mean")
    ("the ai wrote our product descriptions, do we own the copyright", "genai-challenges"),
    # "the specials board or a pdf": a board, no verb whose subject is "specials"
    (
        "can it read a photo of the specials board or a pdf of the menu? is that what "
        "multimodal means",
        "multimodal",
    ),
    (
        "is there a way to make the ai read from our own cleaning rotas before it answers "
        "instead of guessing",
        "rag",
    ),
    # Round 37: a name asked is one term's: the comparison of RAG with fine-tuning, which the
    # question does not name, is no runner-up to RAG
    (
        "the new assistant looks up our knowledge base articles first and then answers from "
        "them. is there a name for that?",
        "rag",
    ),
    # Round 37: questions telling a term in its summary's words, pointers to a term named or
    # quoted before, and senses a word in front or an "it" gives
    # the RLHF summary: tuning that makes chatbots helpful, polite and safe
    (
        "how do they get these models to be polite and safe? someone said people score the replies",
        "rlhf",
    ),
    ("how do they make the model polite and safe, is it people ranking its answers?", "rlhf"),
    # "in the chatgpt sense" says which sense; it is no word of another term
    ("what are tokens in the chatgpt sense?", "tokens"),
    # ... and "it" is the model when no thing of the asker's is named
    ("our assistant writes like a robot, can we fine tune it on our emails", "fine-tuning"),
    # the RAG summary: looks up documents and answers from them. Until this round a test in
    # test_engine_listeners.py kept it a did-you-mean, not having asked the name
    (
        "the support bot should look up the relevant documents first and hand them to the "
        "model so it answers from them.",
        "rag",
    ),
    # "it" stands for the phrase quoted before it, so the asker's job is not asked about
    (
        "I run the props store and the planners keep saying 'generative AI' in meetings. What "
        "actually is it, in simple terms?",
        "what-is-genai",
    ),
    (
        "I look after the hives, not a tech person. Our beekeeping club newsletter keeps going "
        "on about generative AI. What does that even mean?",
        "what-is-genai",
    ),
    (
        "I run the pottery kiln room. The guild magazine keeps going on about large language "
        "models. What exactly are they?",
        "what-is-llm",
    ),
    # Round 39: retold in three words or more of the summary, clear of the runner-up, a
    # question explained wholly needs only a did-you-mean's score
    (
        "how do they make these models polite and safe? i was told humans rank answers or "
        "something",
        "rlhf",
    ),
    # ... and the term doing what a "why" question asks the cause of steps back, all but level
    # with a snippet explaining the whole question (it was answered by the actor's snippet)
    (
        "why do ai chatbots make things up? it told a caller our office opens at 5am",
        "hallucination",
    ),
    (
        "why do AI assistants make stuff up? it told a guest the pool is open all night",
        "hallucination",
    ),
    # ... though a role or an organisation in the aside is no thing, and "in ai" names the field
    ("we are a small charity, what is temperature in ai", "temperature"),
    ("i'm a nurse, what is a token", "tokens"),
    # ... and a choice asked between two ways ("should we ... or ..."), one named, the other
    # described, is still the comparison's (it stepped back for naming one side only)
    ("do i need to retrain the model or can it just read our latest docs?", "rag-vs-fine-tuning"),
    # ... and a size on disk ("40gb") is how much, never what is asked
    ("why are llm files like 40gb, is that the parameters?", "large-in-llm"),
    # ... and a product whose name the runner-up's examples ask of too, asked how it works,
    # is the runner-up's (it was the tools snippet's: "midjourney" is its alias)
    ("how does midjourney work", "diffusion"),
    ("florist here, we used midjourney for a flyer. how does it actually work?", "diffusion"),
    ("is midjourney generative ai?", "genai-examples"),
    # Round 45: ... or asked in words that snippet's examples use and the tools snippet's do
    # not ("kind", "model", "noise"), when its title names the product (the tools snippet
    # lists it by alias only); not the product's own snippet ("what is chatgpt and who
    # makes it": "make" is asked of hallucination, but the chatgpt snippet is titled so)
    ("midjourney - what kind of model is it under the hood", "diffusion"),
    ("midjourney under the hood, is it the noise thing?", "diffusion"),
    ("what's the tech behind midjourney and dall-e, the noise thing?", "diffusion"),
    ("is midjourney generative ai or something else", "genai-examples"),
    ("what is chatgpt and who makes it", "chatgpt"),
    # ... nor a snippet whose own title names the term asked about (the VAE comparison's
    # title names VAEs too, and its examples ask of them)
    ("ok and what's a variational autoencoder then? it came up in an article", "vae"),
    # ... and the fine-tuning summary says "existing", as people describe it (declined before:
    # "existing" was the description's one unexplained word)
    (
        "if we took an existing model and trained it a bit more on our 200 repair notes so it "
        "writes in our house style, what's that called?",
        "fine-tuning",
    ),
    # ... and a slide or a call the term was shown or said "on" is where, as "in a deck" is
    ("what does foundation model mean on the vendor's slide", "foundation-models"),
    # ... and a thing of the asker's asked whether it is one is an example of the term
    ("is the widget on our billing site a chatbot", "chatbots"),
]

NOT_ANSWERED = [
    # Round 46: ... but not where the rest names nothing the snippet explains
    "what's the word for when our spreadsheet rounds the VAT figures wrong",
    "what's the term when the payroll system looks up our tax codes first",
    # ... while a story of someone else's before it is what the term is asked of
    "a child with a high fever was seeing bugs on the wall. is that hallucinating?",
    # Round 45: a phrase before a comma that "how does it ..." asks about is what is asked,
    # no talk (the weights made it open-weights'); and "that" after a short bare phrase
    # ending in a name stands for the whole phrase (it was what-is-llm's)
    "gradient descent, how does it actually find the weights",
    "mixture of experts llms - what does that mean",
    # ... but not in fewer words of it ("model" and "train" of the training data summary)
    "where could i buy a model train set for my daughter",
    "any good shop for a model train set? it's for my nephew",
    "when's gpt-5 coming out? any rumours",
    # ... and an aside holding a thing is not left out beside a lone English term: it tells
    # the term's sense (answered before round 39)
    "my back tyre keeps wearing on one side, do i need an alignment?",
    "what is a token, i'm a stamp collector",
    # Round 33: the clause describing the setup is the question, no talk: what little is
    # left without it is no question about hallucination (it was answered so; round 51
    # answers it with RAG, whose summary it retells: see ANSWERED)
    # asking the name of what the term does, that deed is what is asked, no talk beside the
    # term (round 32): refusals are not what the ChatGPT snippet explains
    "what's it called when chatgpt refuses to answer?",
    # a close call in a question asking a name: the snippet it names is what describes, not
    # what is asked (round 32)
    "what do you call a chatbot that can take actions with tools?",
    # ... but the talk is left out only as often as it is talk: the second "mongodb" is
    # where the asker keeps things, the first a side compared
    "is a vector database the same thing as mongodb? i keep customer orders in mongodb",
    "is a 40 kg parcel considered large for the van?",
    "is the fax machine dead now?",
    # the adverb weighs nothing; the oven still gives temperature its everyday sense
    "is the oven temperature wildly off?",
    # the knack is phrasing; the proofer still gives temperature its everyday sense
    "is there a knack to tuning the temperature on the proofer?",
    # what a clause asks about ("what's an epoch") is the question, however far from the term
    "what's an epoch when you're training a model?",
    "what's a checkpoint when you're fine-tuning a model?",
    # "is that ...?" after a story naming nothing of the field: the story gives the sense
    "a kid in my class keeps seeing things at night. is that hallucinating?",
    "my nan says she sees her old cat in the hallway. is that a hallucination?",
    # asked by name, the story left out leaves nothing of the snippet: the story was the
    # question (both were answered, from pre-training and hallucination)
    "what's it called when the bus arrives early and leaves before the timetable?",
    "what's it called when a patient sees things that aren't there?",
    # whoever "is hallucinating" is what the question is about
    "our star witness is basically hallucinating things that never happened. how do we "
    "handle that at trial?",
    "the old man upstairs is hallucinating events that never happened, who do we call?",
    # Round 34: a description told as talk or set aside leaves only "model" or "ai", which
    # every snippet speaks of, and the naming phrase: the description was the question (both
    # were answered from hallucination)
    "when the model turns speech from our call recordings into text, what is that called",
    "the model gives a score for how sure it is about our invoice totals, what is that called",
    # a step is a kind of thing whose name is asked: its description is the question
    # (quantization; it was answered from open-weights)
    "what's the step where the model weights get rounded to fewer bits",
    # ... but a possessed thing that is the subject of what is asked is the question
    "is there a cap on how much my inbox holds at once",
    "the model gave me a confidence score of 0.9, what does that mean",
    # Round 37 (see above)
    # "it" that the term acts on stands for the thing named before, when nothing else of the
    # field is named: another sense of the term
    "my guitar sounds off, how do i fine tune it",
    "the van route is too long, how do we fine tune it",
    # a short definition question whose term has a word in front that no name or example
    # question of the snippet holds ("step"): another term, as "vision transformer" is
    "what is a step-up transformer",
    "what's a step down transformer for",
    # ... and a quoted phrase of another trade stays what is asked
    "I run the paint shop and the foreman keeps saying 'two-pack lacquer'. what actually is it?",
    # the talk left out, one word of its own is left ("issues"): a stray word, no description
    "parking permit for the hospital car park, who issues them?",
    # everyday look-alikes of the same shape share no summary words
    "how do they make the self checkout machines polite and safe, i heard humans test them?",
    "how do they make the kids' toys safe, do humans check each one",
]


# Round 38: "is that the same as X?" asks of the term named or quoted before it
ANSWERED += [
    (
        "our vendor keeps saying their product runs on a large language model. is that the same "
        "as generative ai?",
        "llm-vs-genai",
    ),
]

# Each question with the snippet that answers it, or None where nothing may.
CASES = [*ANSWERED, *((question, None) for question in NOT_ANSWERED)]


@pytest.mark.parametrize(("question", "expected"), CASES)
def test_what_is_answered(engine: Engine, question: str, expected: str | None) -> None:
    found = engine.answer(question)
    answered = found.ids if found.status is Status.ANSWER else ()
    assert answered == ((expected,) if expected else ()), (found.status, found.missing)


# A name asked of what a term does, the term right after "when": its snippet is no answer
# (round 38; the chatbots snippet answered the first). The name of what it does may be.
ACTORS = [
    (
        "when the chatbot says something totally made up but sounds sure of itself, is there a "
        "word for that",
        "chatbots",
    ),
]


@pytest.mark.parametrize(("question", "actor"), ACTORS)
def test_the_term_doing_what_is_named_is_no_answer(
    engine: Engine, question: str, actor: str
) -> None:
    found = engine.answer(question)
    assert not (found.status is Status.ANSWER and actor in found.ids)
