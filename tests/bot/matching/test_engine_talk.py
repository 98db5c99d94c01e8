"""Issue 9, rounds 8-21: talk about the asker, counts, answer forms, typos, other senses and
small talk on the bundled knowledge.

Questions written for these tests (none is taken from a question set): a chatty on-topic
question is answered, what only looks like one is not. Each case names the round and the
rule it guards.
"""

from __future__ import annotations

import pytest

from adapters.markup import as_asked
from bot.matching.engine import Engine
from bot.models import Reason, Status

# Answered with one of the expected snippets.
ANSWERED = [
    # Round 8: a count or size of the asker's
    ("tokens, we burn through like 40k a day, what are they", {"tokens"}),
    ("can we fine tune something on 5 yrs of chat logs", {"fine-tuning"}),
    # the form of the answer, whom it is for
    ("what is rlhf, the short version", {"rlhf"}),
    ("can you do a few lines on embeddings for my onboarding deck", {"embeddings"}),
    (
        "explain rag vs fine tuning for a non technical exec audience, 3 lines max",
        {"rag-vs-fine-tuning"},
    ),
    # a sentence of someone's doings beside the question
    (
        "sorry for the ramble, the review ran long and half the room left confused. is "
        "deep learning a kind of machine learning",
        {"ai-ml-dl"},
    ),
    (
        "we were arguing about it over coffee with the design folks and nobody knew: are "
        "transformers a type of neural network",
        {"transformer"},
    ),
    (
        "new designer started today and she asked me something i could not answer: is "
        "deep learning just machine learning with more layers",
        {"ai-ml-dl"},
    ),
    # chat's "or nah", one slip in a word
    ("is chatgpt an llm or nah", {"chatgpt", "llm-vs-genai", "what-is-llm"}),
    ("what are ai agnets", {"ai-agents"}),
    # Round 9: the little words of a phrase of talk go with it ("for my", "in one")
    ("genai in one sentence, for my grandad", {"what-is-genai"}),
    # an audience by name is talk in any request
    ("some llm use cases for a legal audience", {"llm-applications"}),
    # a comparison ends with its clause
    ("genai vs llms, are they the same or not really", {"llm-vs-genai"}),
    # Round 38: "interchangeable" phrases a comparison
    ("my lead keeps calling gen ai and llms interchangeable. are they?", {"llm-vs-genai"}),
    ("are genai and llm synonymous", {"llm-vs-genai"}),
    # Round 38: an accounts clerk is who asks, no service's account
    ("rag in plain words please, im on the accounts team", {"rag"}),
    # Round 38: a label too short for the grammar, or with no stop typed after it
    ("CS team here, why does the ai make stuff up sometimes?", {"hallucination"}),
    ("pharmacist here why does the ai make stuff up sometimes?", {"hallucination"}),
    # Round 38: "in this context" is the message's, no context window
    ("what does token mean in this context?", {"tokens"}),
    # Round 38: a comparative right after the term sets it, no sense of it
    ("what does setting the temperature lower actually do to the answers", {"temperature"}),
    # Round 38: the ordinary kind of a compared term is the term
    (
        "so what exactly is the difference between an ai agent and a normal chatbot",
        {"ai-agents", "chatbots"},
    ),
    # Round 38: an answer's length counted in pieces
    ("two sentence explanation of large language models please", {"what-is-llm"}),
    # Round 38: the sector a term is put to use in, for snippets about its use
    ("how is gen ai used in banking", {"genai-applications"}),
    ("genai adoption in manufacturing", {"genai-adoption"}),
    ("what can llms do in hospitality", {"llm-applications"}),
    # Round 38: a job asked of the tool, then what such tools do: the job is an example
    (
        "could an llm summarise our shift handover logs or draft the rota emails? what kinds "
        "of jobs are they good for",
        {"llm-applications"},
    ),
    (
        "can a language model help us translate the safety briefings for the night crew? what "
        "are these things normally used for",
        {"llm-applications"},
    ),
    # knowledge written for gaps found in round 9
    ("what is a knowledge cutoff", {"llm-challenges"}),
    ("how many params does a big llm have", {"large-in-llm"}),
    # Round 11: how much of the term, not which sense
    ("would a lower temperature make the answers less random", {"temperature"}),
    # where the term is used, on a platform the knowledge speaks of (round 47: not where in a
    # named app, which the explanation does not tell)
    ("how do i set temperature for each api call, or in the playground", {"temperature"}),
    # knowledge written for gaps found in round 11
    ("semantic search vs keyword search, which one for our help center", {"embeddings"}),
    ("what can generative ai do for marketing teams", {"genai-applications"}),
    # Round 15: people (WordNet's noun.person) are who asks, wherever they stand
    ("our cfo keeps asking what rlhf is", {"rlhf"}),
    ("my niece in year 10 wants to know how neural networks work", {"neural-network"}),
    # who or what says the term, and where it came up
    (
        "the analyst report says foundation models are the next big thing, what are they",
        {"foundation-models"},
    ),
    ("the q3 roadmap review mentioned multimodal models, what are they", {"multimodal"}),
    ("the consultant kept saying rag in the workshop, what is it", {"rag"}),
    # knowledge written for gaps found in round 15
    ("is alexa a chatbot", {"chatbots"}),
    # Round 16: how to answer ("without any math", "-ish"), the ordinary kind of a term
    ("explain embeddings without any math", {"embeddings"}),
    ("how are llms trained, roughly step by step-ish", {"training-data", "pre-training"}),
    # knowledge written for gaps found in round 16
    ("how come the model can't tell how many r's are in strawberry", {"tokens"}),
    ("we hit the token limit pasting a whole contract, what now", {"context-window"}),
    # Round 17: with its talk left out, the rest need only pass the tolerance, when what is
    # left unexplained stands away from the term's clause
    (
        "qa lead here, running a pilot on ai image tools. what is a diffusion model, at a "
        "level i could explain to testers",
        {"diffusion"},
    ),
    (
        "accountant on the finance team, reviewing our ai bill. it says billed per token, "
        "what is a token",
        {"tokens"},
    ),
    # Round 18: where the term came up ("over breakfast", "at dinner")
    ("my dad asked what an llm is over breakfast and i blanked", {"what-is-llm"}),
    # Round 20: "real or overhyped" phrases the question
    ("llm hallucinations, real problem or overhyped?", {"hallucination"}),
    # Round 21: the question of a message of several sentences, asked alone, clears the bar
    # without the explained discount
    (
        "how much text can an llm take in at once? finance wants to drop a 90 page audit "
        "report into it",
        {"context-window"},
    ),
    # a sentence that opens with a word that asks, its mark dropped
    (
        "finance wants to drop a 90 page audit report into it. how much text can an llm take "
        "in at once",
        {"context-window"},
    ),
    # Round 32: what the asker has the tool do is their work, not a sense of the term
    (
        "tax clerk here. before we let an llm draft payroll letters, why can't we fully trust it?",
        {"llm-challenges"},
    ),
    ("before I let an llm write our tenancy notices, what is it weak at?", {"llm-challenges"}),
    # what the tool does for the asker in a clause of purpose is their work too
    ("how do i word a prompt so the model writes decent menu blurbs?", {"prompt-engineering"}),
    # "i'm the <trade> analyst and ...": who asks, whatever words name the trade
    (
        "I'm the depot data analyst and people keep using AI, machine learning and deep "
        "learning interchangeably in meetings. How do the three actually relate?",
        {"ai-ml-dl"},
    ),
    # Round 33: a label naming the asker's team; what people do in a clause opened by
    # "before"; the task of a tool that "one" stands in for
    (
        "treasurer again: before the trustees approve any gen AI use, what are the main "
        "downsides? copyright, fake content, that sort of thing",
        {"genai-challenges"},
    ),
    (
        "legal team: what are the main risks of LLMs we should check before letting one draft "
        "client letters?",
        {"llm-challenges"},
    ),
    # Round 33: a role in a group at work is who speaks
    (
        "the committee chair quoted a Gartner figure about how many enterprises will be using "
        "generative AI by 2026. how widespread is adoption really?",
        {"genai-adoption"},
    ),
    # Round 33: the data a model is trained on is the asker's own
    (
        "could we fine tune a model on our pump fault logs so it writes the service reports in "
        "our house format?",
        {"fine-tuning"},
    ),
    (
        "should we use RAG or fine tuning to make the bot answer from our kennel price list and "
        "booking policies?",
        {"rag-vs-fine-tuning"},
    ),
    # Round 48 review: a ranking reported, not asked ("... is the best chatbot"), is talk
    ("chatgpt is the best chatbot, so what is chatgpt exactly", {"chatgpt"}),
    (
        "my friend says midjourney is the best image generator, how does it work",
        {"diffusion"},
    ),
]

# Answered, and with this snippet first.
ANSWERED_FIRST = [
    # Round 54: a described thing pointed back at, asked whether it is what the term means
    (
        "we're trialling a thing that books the assessor by itself: checks the calendar, looks up"
        " the claim, emails the customer. is that what people mean by an ai agent?",
        "ai-agents",
    ),
    # Round 54: a choice between two terms, then what it is for
    (
        "diffusion or gan for generating botanical style illustrations for the shop, which one's"
        " better and why",
        "diffusion-vs-gan",
    ),
    ("vae or gan for generating fake images of damaged barcode labels", "gan-vs-vae"),
    # Round 54: a pair one of a comparison's own questions compares ("rag or training")
    ("rag vs training, which keeps answers current?", "rag-vs-fine-tuning"),
    # Round 54: the plan an agent makes, after "what a", is no vendor's plan
    ("in an ai agent, what a plan lets the agent do", "ai-agents"),
    # Round 54: "a bit" says how much, no bit of anything
    (
        "why is the language model's info sometimes out of date or a bit biased? can i trust it",
        "llm-challenges",
    ),
    # Round 54: "info" is information, as the snippets word it
    ("why do llms give outdated or biased info sometimes", "llm-challenges"),
    # Round 54: a word set aside by a sense is still asked about when named before it
    ("explain ai agents, not the travel agent kind", "ai-agents"),
    ("what's rlhf, not the general reinforcement learning stuff", "rlhf"),
    # Round 53: the prompt-engineering summary says a prompt is what you type
    (
        "how do i word what i type so it writes the weekly menu board properly instead of waffling",
        "prompt-engineering",
    ),
    # Round 53: what is typed into a search or found by it is no sense of the term beside it
    (
        "how does the new help search find 'hamstring stretch' when i typed 'back of my leg feels "
        "tight'? someone said it turns text into a list of numbers",
        "embeddings",
    ),
    # Round 53: what the asker's own search is of is their material, no sense of "search"
    ("our recipe search is going to use vector search, how does that work", "embeddings"),
    # Round 53: what people spoken of as a pronoun say is talk about the term
    ("what are embeddings and why do ppl always mention vector search with them", "embeddings"),
    # Round 53: a summary restated, though its snippet is fifth by its example questions
    (
        "what's the name for a big model pretrained on everything that you then adapt for lots "
        "of different jobs?",
        "foundation-models",
    ),
    # Round 53: "what's that called" alone scores against example questions that ask a name
    (
        "could we take an existing model and train it some more on our old maintenance logs so "
        "it writes like us? what's that called",
        "fine-tuning",
    ),
    # Round 52: what a search finds ("similar indemnity clauses") is the asker's material
    (
        "how does 'search by meaning' work? our doc system finds similar indemnity clauses even "
        "when the wording is totally different",
        "embeddings",
    ),
    # Round 52: "that setup where ... what's the name?" asks the name of the description
    (
        "that setup where one network makes fakes and a second one tries to catch them out... "
        "what's the name?",
        "gan",
    ),
    # Round 52: "kept training it": "keep" before an -ing verb is aspect, no topic word
    (
        "if we took an existing model and kept training it on a few thousand of our own "
        "pharmacy Q&A examples, what's that called?",
        "fine-tuning",
    ),
    (
        "our photographer keeps calling the image generator \"the llm\". I don't think that's "
        "right? are all gen ai tools llms?",
        "llm-vs-genai",
    ),
    # Round 52: a description the snippet leads by far, one word told by its body alone
    (
        "turning sentences into lists of numbers so similar ones sit near each other - what's "
        "that called",
        "embeddings",
    ),
    # Round 52: the llm-challenges body says memorised text is "spat out" word for word
    (
        "can a language model be biased or spit out its training data word for word",
        "llm-challenges",
    ),
    # Round 52: the GAN told as a forger and a detective (the 2014 paper's own analogy)
    (
        "two networks, one forging pictures and the other trying to catch the forgeries, what's "
        "that setup called?",
        "gan",
    ),
    (
        "two neural nets, one forges images and the other tries to catch the forgeries. what's "
        "that setup called",
        "gan",
    ),
    # Round 52: the prompt-engineering body says a vague request gets a generic answer
    ("chatgpt keeps giving me generic answers, how do i prompt it better", "prompt-engineering"),
    # Round 52: "the arrangement notes i pasted in": the asker's material, no subject
    (
        "<@U0ABC123> why does the assistant forget the first half of the arrangement notes i "
        "pasted in? is there some max amount of text it can hold at once",
        "context-window",
    ),
    # Round 52: "for a dispensary assistant who's ...": whom the explanation is for
    (
        "neural network in plain english please, for a dispensary assistant who's never done "
        "any maths",
        "neural-network",
    ),
    ("which plan is better for our docs, rag or fine tuning", "rag-vs-fine-tuning"),
    ("which plan gives better results for our docs, rag or fine tuning", "rag-vs-fine-tuning"),
    ("what plan does an ai agent follow, how does it decide steps", "ai-agents"),
    ("what is artificial intelligence in general", "ai-ml-dl"),
    # Round 52: "the phrase X", "the word X": the term named as words, no other sense
    ("what does the phrase foundation model mean", "foundation-models"),
    ("what does the expression foundation model mean", "foundation-models"),
    ("our vendor keeps using the word agent for their bot, what is an ai agent", "ai-agents"),
    (
        "how should i phrase my prompt so the assistant writes shorter product blurbs",
        "prompt-engineering",
    ),
    # Round 52: "a leading X" picks which of the term's cases, as "the main X" does
    ("which are the leading large language models", "llm-examples"),
    (
        "whats a foundation model, the vendor's deck says theirs is built on a leading "
        "foundation model",
        "foundation-models",
    ),
    # Round 50: a product the body lists, held up to the term, is still the term's question
    ("is qwen open weights? can we host it ourselves", "open-weights"),
    ("qwen, is it open weights?", "open-weights"),
    ("deepseek, is that an open weights model", "open-weights"),
    ("is pinecone a vector database for embeddings", "embeddings"),
    # Round 50: who makes it, as the body says, after the name
    ("what's llama from meta", "llm-examples"),
    ("what's llama, the meta model", "llm-examples"),
    # Round 50: rolling it out is deploying it, no topic
    (
        "partners want to know the risks of generative ai before we roll anything out across "
        "our 4 offices. quick summary?",
        "genai-challenges",
    ),
    # Round 50: "a massive pile of", "mountains of" say how much, never what
    ("where do llms get their mountains of training text from", "training-data"),
    # Round 50: a model's size is its parameter count
    ("mistral 7b - what's the 7b", "large-in-llm"),
    ("is a 405b model better than a 70b one", "large-in-llm"),
    # Round 50: the answer's layout is no topic
    ("risks of gen ai in bullet points pls", "genai-challenges"),
    ("why do chatbots make things up, short bullet list", "hallucination"),
    # Round 50: what an email or a chat is about is the asker's material
    (
        "the bot made up a quote in an email about our opening hours, why does it do that",
        "hallucination",
    ),
    # Round 51: the place a tool is put to use ("at a bakery", "in a law firm like ours") and
    # the jobs listed after the question of use are the asker's examples
    (
        "what can llms be used for at a bakery? thinking allergen labels, supplier emails, "
        "that sort of thing",
        "llm-applications",
    ),
    (
        "what are llms good for in a law firm like ours? drafting contracts? summarising "
        "depositions?",
        "llm-applications",
    ),
    (
        "could an llm help us translate our safety leaflets and summarise incident reports? "
        "what are the typical uses",
        "llm-applications",
    ),
    # Round 51: "underneath" closing a clause asks what powers the product, no topic
    ("what model does chatgpt run on underneath?", "chatgpt"),
    # Round 51: a word of the term's name, quoted as the snippet's title quotes it
    ("what's so 'large' about large language models? large compared to what?", "large-in-llm"),
    # Round 51: a description whose name is asked, told by a close candidate's summary in
    # the words the best left out as talk ("adapted")
    (
        "big model pretrained on everything, then adapted to loads of jobs, what's it called",
        "foundation-models",
    ),
    (
        "a single big model pretrained on everything, later adapted to lots of different jobs: "
        "is there a name for that",
        "foundation-models",
    ),
    (
        "can we make up fake-but-realistic sensor readings to test the new dashboard with? "
        "what's that called",
        "synthetic-data",
    ),
    # ... but not by one that explains far less of it ("page numbers" are what embeddings'
    # summary tells of)
    (
        "asked it for sources for my essay on Nijinsky and it gave me 3 books with authors and "
        "page numbers. none of them exist. is there a word for that?",
        "hallucination",
    ),
    # Round 51: a quote in what someone said does not take over a question asked of another
    # named term; a quote asked of ("what is it") still does
    ('is chatgpt the real ai or just an app? my uncle says it runs on "GPT"', "chatgpt"),
    ('someone said "rlhf" in standup, what is it?', "rlhf"),
    # Round 51: what the models would make, when one is used instead of the other
    (
        "for generating fake solder-joint defect images, why does everyone use diffusion "
        "models now instead of GANs?",
        "diffusion-vs-gan",
    ),
    # Round 51: a close call between parallel snippets that the title and the words settle
    # for the runner-up
    (
        "We're an architecture practice so copyright is a big worry for us. What are the main "
        "risks of using generative AI?",
        "genai-challenges",
    ),
    (
        "we're a publisher so copyright is a real worry. what are the main risks of using "
        "generative AI?",
        "genai-challenges",
    ),
    # Round 51: a description retelling a summary the ranker put nowhere near the top
    (
        "Dispatch team: could we take an existing model and train it a bit more on our own "
        "route notes so it talks like us? what's that called",
        "fine-tuning",
    ),
    (
        "if we took an existing model and trained it a bit more on eight years of our bakery "
        "sales reports, what's that called?",
        "fine-tuning",
    ),
    # Round 50: "the name of the setup where ..." asks the name of what it describes
    (
        "what's the name of the setup where one network makes fakes and another one tries to "
        "catch them",
        "gan",
    ),
    # Round 50: a close call between parallel snippets that the question's term settles
    ("so what are the main problems with gen ai, misinformation etc", "genai-challenges"),
    ("what are the main problems with generative ai, misinformation etc", "genai-challenges"),
    ("are claude, gemini and midjourney all generative ai? what else counts?", "genai-examples"),
    # Round 50: a made-up source, quoted or cited, is what the summary says a hallucination is
    (
        "the assistant gave me a refund rule that doesn't exist and quoted it word for word. "
        "why does it do that",
        "hallucination",
    ),
    # Round 49: a description whose name is asked, told by the snippet's own text
    (
        "if we took an existing model and trained it a bit more on our old support notes, "
        "what's that called",
        "fine-tuning",
    ),
    (
        "is there a trick to wording the instructions so the AI writes better product "
        "descriptions? what's that skill called",
        "prompt-engineering",
    ),
    # Round 49: what is typed into a search or found by it is the asker's example
    (
        "how does vector search match 'cracked pane' with 'broken window glass' when no words "
        "are shared",
        "embeddings",
    ),
    # Round 36: where the term was read ("on the mistral model card", "in the llama paper")
    ("what does sft mean on the mistral model card", "fine-tuning"),
    ("what does rlhf mean in the llama paper", "rlhf"),
    # Round 36: who makes it, as the snippet's body says ("Google's Imagen", "Meta's Llama")
    ("google imagen, what is it", "diffusion"),
    ("what's meta's llama", "llm-examples"),
    # Round 36: doubting, not a stretch of anything
    ("is mistral really open weights or is that a stretch", "open-weights"),
    # Round 36: the asker's own things after a preposition, around a named term of the field
    ("what are the risks of using ai generated images in our gym posters?", "genai-challenges"),
    (
        "what are the risks of using ai generated images in my wedding slideshow?",
        "genai-challenges",
    ),
    # Round 27: "in practice", "in theory": how, not where
    ("what is fine tuning in practice", "fine-tuning"),
    ("what are ai agents in theory", "ai-agents"),
    # the plain kind the term is set against ("vs a normal chatbot") is how it is seen
    ("so is chatgpt just a fancy search engine or what", "chatgpt"),
    # a time of the year the answer is needed in
    ("how do i explain generative ai to my grandpa over christmas", "what-is-genai"),
    # Round 27: an organisation ending the clause is whom the answer serves; words of
    # emphasis ("actually") say nothing of what is asked
    ("what can llms actually do for a ferry company", "llm-applications"),
    ("what are the risks of generative ai for a dental clinic like ours", "genai-challenges"),
    ("rlhf for non tech folks - what is it", "rlhf"),  # people it serves, after "for"
    ("diffusion models for an 8th grade class?", "diffusion"),
    # the asker's own things after the term; a term typed as three words
    ("what are embeddings, and can we search over our recipe archive with them", "embeddings"),
    # "why do they call them ..." asked as the knowledge's "why are they called ..."
    ("why do people call them LARGE language models anyway", "large-in-llm"),
    # what the asker asks about, in a clause of when, is talk ("every time i ask about ...")
    (
        "why does the assistant give a different answer every time i ask the same thing about "
        "parking permits?",
        "temperature",
    ),
    # an occasion someone owns ("in a vendor deck") is where the term came up
    ("spotted fine tuning in a vendor deck, what does it mean", "fine-tuning"),
    # an emoji ends the comparison's clause as a comma would
    ("rag vs fine tuning \U0001f605 editor trying to follow the demo", "rag-vs-fine-tuning"),
    # a bare "that" pointing at a term quoted in the sentence before
    (
        "history teacher here, the textbook update mentions 'retrieval augmented generation'. "
        "what is that?",
        "rag",
    ),
    # Round 47: "ctx" is the context in "ctx window", "ctx size" (knowledge/_synonyms.yaml)
    ("our local model runs with ctx size 4096, what does that mean", "context-window"),
    # Round 47: what the story calls fake is the assistant's invention, its example
    (
        "copilot gave me a made-up standards reference, fake clause number and all. why does "
        "it do that?",
        "hallucination",
    ),
    # Round 47: the runner-up's summary tells what the best leaves unexplained
    (
        "how do they make chatbots polite and safe? i was told humans rank answers or something",
        "rlhf",
    ),
    # Round 47: a name said to exist after the description
    (
        "when people rate the chatbot's answers to train it to be nicer - "
        "there's an acronym for that",
        "rlhf",
    ),
    # Round 47: a phrase of "for" someone closing the request
    ("rag explained simply please, for a bookbinder not an engineer", "rag"),
    # Round 47: a quantity idiom ("tons of", "a mountain of") is "lots of"
    ("why would an llm need tons of parameters", "large-in-llm"),
    # Round 46: the knowledge calls AI the umbrella over machine and deep learning
    ("is deep learning under the ml umbrella or separate", "ai-ml-dl"),
    # products the best snippet's title names, listed by alias only in the runner-up's
    ("midjourney and dall-e: what kind of model powers them under the hood?", "diffusion"),
    # a tie the talk settled: without it, the runner-up that explains it all leads
    ("eli5 llm, the new junior keeps saying it and i nod", "what-is-llm"),
    # a piece of work telling of the term, whose it is and what for
    (
        "the supplier's brochure for the new tills says it's 'built on a foundation model'. "
        "real thing or just hype?",
        "foundation-models",
    ),
    # the things the asker would have the models compared make
    (
        "gans vs diffusion models for generating wallpaper patterns, which is better?",
        "diffusion-vs-gan",
    ),
    ("gan or vae for generating new fabric swatches - which is better?", "gan-vs-vae"),
    # a clause saying what the asker will pass the answer on to
    ("downsides of genai we should warn the marketing team about?", "genai-challenges"),
    ("limits of llms i need to mention in the board paper?", "llm-challenges"),
    # Round 26: a setting may name the field before its head
    ("generative ai use cases for a research lab?", "genai-applications"),
    # the clauses before a "vs" clause are no part of its first side
    ("hey from the data team, llm vs genai", "llm-vs-genai"),
    # what the rest asks of the pair is another snippet's; "which is which" asks nothing else
    ("history q: llms vs generative ai, which one is older", "what-came-first"),
    ("genai or llm, which is which", "llm-vs-genai"),
    # what someone did before the term, and a sentence saying who asks
    ("my mom saw 'gen ai' on the news. what is it?", "what-is-genai"),
    (
        "pharmacist here. the assistant confidently invented a drug interaction that doesn't"
        " exist, is there a name for that?",
        "hallucination",
    ),
    (
        "Helpdesk here. We want the bot to answer from our own KB articles instead of whatever"
        " it memorized from the internet. Is that what people call RAG?",
        "rag",
    ),
    # asking how to define it asks the definition; so do other ways of asking for an account
    ("embarrassing q: how would you define machine learning", "ai-ml-dl"),
    ("how would you sum up rlhf", "rlhf"),
    ("can you break down machine learning", "ai-ml-dl"),
    ("help me understand machine learning", "ai-ml-dl"),
    ("what's the deal with an llm", "what-is-llm"),  # was llm-applications
    ("someone tell me what an llm is", "what-is-llm"),  # was llm-examples
    ("i keep hearing about rag, what is it", "rag"),  # what the asker did: no court hearing
    ("what is an llm in the context of AI", "what-is-llm"),  # was context-window
    ("what is meant by hallucination", "hallucination"),  # "meant" was left unexplained
    ("explain machine learning to a total beginner", "ai-ml-dl"),  # the listener: no topic
    # a question reported after a verb of asking, put as asked
    (
        "teacher on the pilot here \N{WAVING HAND SIGN} my year 9s asked what machine learning"
        " is, how would u put it",
        "ai-ml-dl",
    ),
    # a coined name (fine-tuning's alias "sft") names its snippet even when plain words lift
    # others above it
    ("what does SFT mean in llm training", "fine-tuning"),
    ("what does sft mean in llm papers", "fine-tuning"),
    # the answer's length is no topic
    ("my aunt keeps asking me what ChatGPT is. 2 line answer pls", "chatgpt"),
    # who asks, by trade, when no term of the question is an English word with other senses
    ("as a video editor, what can generative AI actually do for me", "genai-applications"),
    # Round 10: "be" after a subject is no bidding
    ("can an llm be multimodal", "multimodal"),
    ("how do hallucinations happen with rag", "hallucination"),
    # Round 13: "or is that just an analogy" phrases the question
    ("is self attention like human attention or is that just an analogy", "transformer"),
    # "regenerate" in the knowledge
    ("why do i get a new answer each time i hit regenerate", "temperature"),
    # Round 16: a close call the names settle (what-is-llm's alias, whole in the question)
    ("large language model definition i can send my dad", "what-is-llm"),
    # Round 19: a comparison does not answer a question naming one of its sides, after the
    # talk is left out either
    ("is chatgpt an llm or something else? my dad asked me at lunch and i blanked", "chatgpt"),
    # Round 24: the clause that asks the definition, scored alone, names the snippet clearly
    (
        "what is retrieval-augmented generation and why does everyone at this conference "
        "keep saying it",
        "rag",
    ),
    (
        "what is a deepfake and should hr be worried about them in video interviews",
        "genai-examples",
    ),
    # Round 25: a trailing "in simple terms" asks for a plain answer, not "genai in business"
    ("generative ai in simple terms", "what-is-genai"),
    # an emoji ends the sentence of the story; the question after it is asked alone
    (
        "someone sent our payroll team a fake voice note of our ceo asking for gift cards 😬 "
        "what is a deepfake exactly and how are they made?",
        "genai-examples",
    ),
    # what a figure counts ("2 years of ... notes") is the asker's material
    ("is rag or fine tuning better for 2 years of grooming salon notes", "rag-vs-fine-tuning"),
    # "kick it off" is an idiom, never another sense of anything
    (
        "did gen ai exist before large language models or did llms kick it off? settling a bet",
        "what-came-first",
    ),
    # "these tools" names a kind of tool, not a list pointed back at
    (
        "the returns bot told a shopper we take cash refunds by post. we do not. why do these "
        "tools make stuff up?",
        "hallucination",
    ),
    # a topic named before a dash heads the sentence that asks about it
    (
        "embeddings - what are they? search guys mentioned them twice in standup today",
        "embeddings",
    ),
    # asking the room ("can anyone explain") is whom, not what: the sentence alone clears
    (
        "can anyone explain retrieval-augmented generation? our ops lead wants to point it at "
        "the returns wiki",
        "rag",
    ),
    # a snippet named only in the phrase saying whom to explain to is no answer
    ("rag, explain it to a chatbot designer at a credit union", "rag"),
    # a quoted question is asked alone
    (
        'my skip-level asked me "so what is a foundation model exactly" in the lift and i froze. '
        "help me out for next time?",
        "foundation-models",
    ),
    # "that term" is the term quoted before it
    (
        "hi, pharmacy ops here. our vendor says 'retrieval augmented generation' on every "
        "slide. what does that term mean?",
        "rag",
    ),
    # a task of the field after a comparison is what the choice is for
    ("diffusion vs gans for generating level backgrounds, which is better", "diffusion-vs-gan"),
    # "creep into" is an idiom
    ("how does bias creep into a language model", "llm-challenges"),
    # the asker's own use after a comparison is what the choice is for
    ("rag vs fine tuning for my kennel booking helper", "rag-vs-fine-tuning"),
    # a setting on a picturing verb ("look like for a ...")
    ("what does genai adoption look like for a small dental clinic", "genai-adoption"),
    # an adjective "different" compares nothing
    (
        "why is the answer different every time i ask the same thing? is it a sampling setting",
        "temperature",
    ),
    # the clause asking the definition names another snippet than the whole question's
    # best, and that snippet explains the rest as talk
    ("what is an llm, briefly, for a florist who has never used one", "what-is-llm"),
    (
        "what is generative ai, in plain words, for a dental office crew that never used it",
        "what-is-genai",
    ),
    # a clause reporting someone else's doings is an aside
    (
        "genai - what is it, in plain english pls, procurement keeps putting it in every rfp",
        "what-is-genai",
    ),
    # with no term named, the people spoken of are still talk; the snippet's body tells of
    # a chatbot's invented refund policy
    (
        "customer says our assistant invented a refund policy that doesn't exist. what's that "
        "called and why does it happen",
        "hallucination",
    ),
    # what a question sets aside names no topic of it ("beyond", "besides")
    ("give me generative ai use cases beyond chatbots pls", "genai-applications"),
    # a word of the snippet's folded name, said again alone ("deep" of "deep learning")
    ("what is deep learning and why is it called 'deep'", "ai-ml-dl"),
    # both sides of a comparison are about one snippet: the plain path judges it whole
    (
        "how are modern ai chatbots different from the old rule-based one that used to pop up "
        "on our website?",
        "chatbots",
    ),
    # whom to explain to as if the asker were them is talk
    ("can someone explain vector embeddings like im a backend dev", "embeddings"),
    # two regressions the blind sets 23 and 24 showed, after they were measured: a compound
    # after a preposition says what for; only a snippet's name is dropped from a phrase set
    # aside (its other words still settle the close call)
    (
        "diffusion vs GAN for texture generation, which is which and how do they differ?",
        "diffusion-vs-gan",
    ),
    ("what is generative AI actually used for besides making funny pictures", "genai-applications"),
    # the asker's own thing of the field that a term word acts on ("search our ... docs")
    (
        "do we need a vector database to search our pharmacy SOP docs, and what even is one?",
        "embeddings",
    ),
    # "bad at" folds to "limitation" (synonyms), which llm-challenges names
    ("what are llms bad at", "llm-challenges"),
    # "hype or real" weighs a verdict, compares no second topic
    ("agentic workflows 🤔 hype or real", "ai-agents"),
    # a service's settings are where the term is used
    ("what does temperature do in the openai settings", "temperature"),
    # the setting an aspect of the term would serve is talk
    ("llm use cases for a freight dispatch desk?", "llm-applications"),
    ("give me some real genai use cases for a retail chain", "genai-applications"),
    # a kind of the term that the snippet's own body speaks of is no other sense
    (
        "how is a modern virtual assistant different from the click-a-button chatbots we had "
        "on the website back in 2018?",
        "chatbots",
    ),
    # Round 48: the GAN's discriminator "catches" fakes in lay words; its snippet says so
    (
        "the setup where two networks compete, one faking images and the other trying to "
        "catch the fakes",
        "gan",
    ),
    (
        "whats the name for that setup where one network fakes pictures and a second network "
        "tries to catch them",
        "gan",
    ),
    # Round 48: a close call the best's summary settles: it uses the words the runner-up
    # leaves unexplained (chatbots: "polite", "rank")
    ("how do they make chatbots polite and safe? apparently humans rank the answers", "rlhf"),
    # Round 48: a description asked by name that retells the summary ("existing", "model",
    # "training") needs a lower score
    (
        "owner wants to take an existing model and keep training it on our old menus so it "
        "writes in our voice. what's that called",
        "fine-tuning",
    ),
    # ... and the runner-up leaves unexplained only what the best's summary tells, the
    # asker's own notes aside
    (
        "could we take an existing model and train it a bit more on our own call logs so it "
        "writes summaries in our format? what's that called",
        "fine-tuning",
    ),
    # Round 48: diffusion's noise in lay words ("static"), as its summary now says
    (
        "the thing where an image begins as tv static and is cleaned up step by step, "
        "what's that called",
        "diffusion",
    ),
]

# Not answered: another sense, an uncovered side, a service's accounts.
NOT_ANSWERED = [
    # Round 54: a snippet named only in the sense the question sets aside
    "reinforcement learning in general, not the rlhf chatbot stuff. how does it work?",
    "computer vision, not the chatbot stuff. what is it?",
    "speech recognition, not the llm kind. how does it work?",
    "computer vision, not your chatbot stuff. what is it?",
    "computer vision, not those chatbot things. what is it?",
    "computer vision, not the chatbot's stuff. what is it?",
    # Round 54: asked whether a described everyday thing is the term, with no asking after
    # what the term means ("is that what people mean by ...")
    "the grey box on the pole outside is humming. is that an ai transformer?",
    # Round 54: a tool asked for, for a job of the asker's
    "we need to anonymise the incident reports before we send them on, any tool for that?",
    # Round 54: a choice between a covered and an uncovered term, and what it is for
    "knowledge graph or vector db for our search",
    # Round 54: where a setting sits in a named app, its settings page or playground
    "how do i raise the context window limit in the claude settings page? can't find the toggle",
    "how do I change the temperature slider in the openai playground, it's greyed out",
    # Round 54: which of a vendor's plans does what, named between "which" and "plan"
    "which chatgpt plan lets us share chats across the team and what does it cost",
    "which claude plan gives the biggest context window?",
    "how do i fix our recipe search, it returns nothing",
    "what's a Monte Carlo tree search? the card game AI uses it",
    # Round 53: whom to turn to is all a message asks, whatever its account names
    "we need a temp for the box office over christmas, who do i ask",
    "cold store 2 temperature reading -14, should be -18 \N{FREEZING FACE} who do I call?",
    # Round 52: a regular expression folds to "regex", which no snippet covers
    "can an llm write a regular expression for me",
    "we keep training the seasonal staff every year, is there a faster way",
    "why does the receipt printer spit out blank pages",
    # Round 52: "a chat about the rota": the chat is the everyday one, its matter no material
    "quick chat about the sim rota at 3? 🙂",
    "quick chat about the delivery rota at 2?",
    # Round 52: which of a vendor's plans gives more, or what its upgrade costs
    "our context window for the claude api keeps hitting the limit - which plan upgrade gives "
    "a bigger one and how much is it?",
    "which plan gives us a bigger context window on claude",
    "plan prices for chatgpt team?",
    "plan upgrade for a bigger context window on claude?",
    # Round 52: AGI, which no snippet covers, is no "artificial intelligence" with a word inside
    "what is artificial general intelligence",
    "how far are we from general artificial intelligence",
    "what's the difference between a general power of attorney and a durable one? client "
    "wants to appoint her son as agent",
    # Round 52: a question clause of its own ("when will we get agi?") is no aside
    "when will we get AGI? is chatgpt close to it",
    # Round 52: guards for "phrase"/"expression" as phrasing and "the word X" as a name
    "what does the phrase 'hold short' mean on the taxiway",
    "the word game tokens at the arcade, how many per pound",
    "gene expression data, can an llm analyse it",
    # Round 52: guards for "leading"/"popular" as which-of words: another sense stays one
    "who is the leading transformer manufacturer for substations",
    "a leading temperature sensor brand for the cold room?",
    "what's a popular embedding technique for tile on a wall",
    # Round 51: ... but not one telling of something else in a few of its words
    "is there a name for when we take existing staff and keep training them a bit more on "
    "our own examples",
    "what do you call it when a dog already trained gets a bit more training on our own commands",
    # Round 51: "what does that mean" right after a short phrase asks of the phrase
    "the llm keeps timing out on our gpu box. quantization? what does that mean",
    # Round 51: a bare phrase asked of by "what is it" is the term asked, never talk
    "batch normalization — what is it in deep learning",
    "gradient clipping - what is it in machine learning",
    # Round 51: a runner-up that its title names settles nothing when the best explains none
    "returns chat queue is 40 deep, can we put another agent on live chat this afternoon?",
    # Round 51: the words asking a name tell no candidate's summary; nor does a description
    # of something else
    "our chef pretrained the new hires on everything then adapted them to different stations, "
    "is there a name for that",
    "what's the name for a big survey adapted to lots of different jobs",
    # Round 51: a quoted word of the asker's own, whatever a title quotes
    "our 'large' print run for the llm launch flyers, who signs off the proof?",
    # Round 51: jobs listed after a question of use set aside no sense of the term
    "what are transformers good for in a substation like ours? stepping down the voltage, "
    "that sort of thing",
    "what is a rag good for at a cleaning company? dusting shelves? polishing brass?",
    # Round 50: a term the snippets only mention in passing is not explained by them
    "how does backpropagation update the weights in a neural network",
    "backpropagation in neural networks, can someone explain it simply",
    "what's bm25, do we still need it if we have vector search",
    "is bm25 better than vector search for our help centre",
    # Round 50 review: a bullet list made or asked about is no layout of the answer
    "how do i make a bullet list?",
    "what's a bullet point?",
    # Round 50: "is a X the same as a Y" compares X with Y; it does not hold X up to Y
    "is a bloom filter the same as a vector database",
    # Round 50: "similar to" compares too, and names the uncovered side
    "is a bloom filter similar to an embedding",
    # Round 50: what a meeting is about is the asker's material, yet no term's other sense
    "the meeting about the transformer upgrade at the substation, when is it",
    "is bus 70b running late today",
    # Round 49: what a service caps per user is its account, not the context window
    "gemini keeps saying i've hit my usage limit, how long do i wait",
    # Round 49: a failure message a tool shows is what is asked about
    "the chatbot widget says 'session expired' after five minutes, how do i change the timeout",
    "gpu says 'cuda out of memory' while fine tuning, what do i change",
    # Round 47: a training term for people new at work is another sense
    "how long does the pre-training for new drivers take",
    "what goes in the pre-training for new volunteers at the shop",
    # Round 47: beside a lone English term, a noun the knowledge uses tells its sense too
    "how do i install python on windows",
    "how do i take a screenshot on windows",
    # Round 47: where a value is set in an app or an api, or which part of the app holds it
    "where do we adjust temperature in the gemini api",
    "which tab of the playground has the temperature slider",
    "how can i set temperature in the anthropic api",
    "how do i set the temperature in the claude console",
    # Round 46: a clause of passing the answer on after a thing outside the field, or one
    # of using the term's thing, leaves the question as it was
    "what are the risks of the new boiler that we should flag to the landlord",
    "fine tuning we would need to budget for, how much does it cost on azure?",
    # Round 46: a sentence asking what other words mean, likened to the term after it
    # (round 47: with the likened subject left out)
    "what's quantization? same thing as tokens?",
    "what's mixture of experts? heard some big llm uses it",
    "what is speculative decoding? does chatgpt use it",
    # Round 32: a task for the tool is talk only where the rest asks of the field
    "we use an llm to tag tickets, how do I export the tickets to excel?",
    # Round 38: "interchangeable" phrases a comparison, "interchange" names a thing
    "what is the multimodal interchange they are building by the bus station",
    # Round 38: beside a lone English term, a thing of the label tells its sense
    "arcade attendant here how many tokens for a game",
    # Round 38: a comparative after a lone term, with the thing it tells of
    "the cold room temperature higher than it should be, who do i call",
    # Round 38: a sector of use is talk only for a snippet about use
    "how are neural networks used in fraud detection",
    "how are tokens used in arcades",
    # Round 38: a place after the tool is no job of it; the later question asks of another
    "can a neural network in the brain regrow after a stroke? how do they heal",
    # Round 27: a lone English term keeps the sense an organisation may give it
    "how many tokens does our bowling league get for the arcade",
    "what are tokens in our practice",  # with a determiner, a place
    "context for the team over the holidays",  # a season may still tell a lone term's sense
    "my landlord wrote 'alignment' on the lease notes. what is that?",
    "the agent at the vendor demo was rude",  # a lone English term: the occasion may tell
    # Round 27: a comparative's other side, uncovered, is named ("better than", "same as")
    "is a vae better than a normalizing flow",
    "is a vector database the same thing as elasticsearch? we keep our logs in elasticsearch",
    "what temperature should the server room be for a company our size",
    # Round 26: the context check reads the question without its form of asking
    "someone explain what a prompt is in a court hearing",
    "help me understand the temperature settings on my oven",
    "what is a token in the context of crypto",  # read as "in crypto"
    # Round 8: another language's vector or token, not an embedding
    "how do i use a vector in c++",
    "what is a c# token",
    "what is temperature, in physics",
    "what is a token, in crypto",
    # Round 10: "be" bids a term word as an adjective
    "please be prompt for the design review at 3",
    "pls be prompt tomorrow, the vendor call starts at 9",
    # a noun compound before the term names another kind of agent
    "how do i become a level 3 support agent",
    # a phrase with nobody acting in it is what the question is about
    "ocr for scanned receipts, which tool",
    # Round 11: Stripe's tokens are payment tokens, "in the stripe api" no mere place of use
    "what is a token in the stripe api",
    # Round 12: "the context for the offsite" is the occasion's context, not the term
    "whats the context for the offsite on friday, anyone have the slides",
    # a yes/no question is no sentence of talk: "ppo" stays an uncovered side
    "rlhf vs ppo, is ppo taking over?",
    # accounts and keys of a service
    "where do i find my api key for claude",
    "how do i reset the password on my chatgpt account",
    # Round 15: a person asked about, an ordinal's "which", a trade that names the sense
    "who is the ceo of openai",
    "what temperature should the 3rd floor be at",
    "my nurse says my temperature is high, should i worry",
    "the electrician says the transformer hums",
    # a restated sense after the term: "the ... thing"
    "my coach mentioned nlp, the neurolinguistic programming thing, is it real",
    # Round 16: no discount for explaining every word when the question names no term of it
    "what time is the all hands",
    # Round 17: a word left unexplained in the term's own clause may be the other sense
    "can a neural network in the brain regrow after an injury",
    # what a service charges per million tokens; a feature switched off in an app's settings
    "what does the claude api charge per million tokens",
    "how do i disable chat memory in the gemini app settings",
    # Round 18: "how much" asks a price too
    "claude pricing: how much per million tokens for haiku",
    # Round 20: a strong comparison match does not answer a question naming something else
    # ("chatgpt", not one of llms vs genai's sides)
    "is chat gpt an llm or something different?",
    # Round 21: "a normal temperature" keeps its sense (round 16's "a normal chatbot" rule
    # let the question asked alone through; dropped)
    "my kid is sick. what's a normal temperature?",
    # a question pointing into another sentence is not asked alone ("are these all llms"
    # alone is what an LLM is, not which models are LLMs)
    "mistral, qwen, phi. are these all llms? making a table for procurement",
    # Round 23: what a definition asks about is never talk, nor allowed as the one extra
    # word a strong match may leave unexplained
    "what is a cnn in deep learning",
    "explain dropout in neural networks",
    # a vendor's plans, rollout and rate limits
    "claude pro vs team plan, what's the price difference",
    "is gemini available in the EU yet",
    "what's the rate limit on the claude api? we keep getting 429",
    # a side holding a name neither English nor the knowledge knows is another thing
    # compared, never talk after the comparison
    "transformers vs mamba / state space models — will mamba replace them",
    # Round 24: who the asker is may tell the other sense
    "i'm a structural engineer, how deep should a foundation be",
    # a side its best snippet explains little of is another thing compared
    "nlp vs computer vision",
    "synthetic data vs differential privacy for sharing customer data",
    # an aside naming a topic by a name of several words is no talk ("llm" reads
    # as "large language model", three words too plain alone)
    "jailbreaking an llm — how does it work",
    # part of a folded name counts as the name only after the whole name was said
    "reinforcement learning (the game playing kind, not rlhf) how does it work",
    # a setting phrase hangs on a word apart from the term, never on the term's
    # own compound ("weights open")
    "are the free weights open at the gym on sundays",
    # a noun opening a compound that ends in the term names another kind of it
    "mixture of experts architecture - how does routing between experts work?",
    # the definition's clause scored alone must name the snippet and be explained by it
    "what is feature engineering and why does our data scientist keep bringing it up",
    "what is a pipeline, we use jenkins",
    # Round 25: a snippet explaining under a fifth of what the question weighs
    "k means: how to pick k",
    # a gerund the knowledge never uses names no task of the field after a comparison
    "transformers vs diffusion for heating the lab",
    # what a term used as a verb acts on, unexplained, is its sense
    "how do i fine tune the budget",
    # "unsupervised" is no misspelt "supervised" (which fine-tuning's body speaks of)
    "unsupervised vs supervised ml, quick summary?",
    # Round 26: a lone English term and things the knowledge never speaks of around it
    "a transformer blew on our street, is the office on backup power?",
    "parking garage B closed tomorrow?",
    # Round 36: ... but not in the documents of something the knowledge never names
    "what does temperature mean in the stripe docs",
    # Round 36: ... but not right after the term, where they may give it another sense
    "how do i clean the context window of my car windscreen",
    "the thermostat in meeting room 2 is stuck on 16 degrees, who can change the temperature?",
]

SMALL_TALK = [
    # Round 49: praise measured by what the bot is
    "pretty fast for a machine",
    "you're really clever for a robot lol",
    # Round 26: a greeting or farewell and where the asker is; praise beside a question to it
    "good morning from the night shift dispatch desk \N{HOT BEVERAGE}",
    "ok bye, back to shelving",
    "you're pretty helpful, who built you?",
    # Round 8
    "are you an ai",
    "r u a bot",
    "thank you that actually helped a lot",
    # Round 9: feedback and questions about the bot
    "that answer was wrong",
    "nvm figured it out",
    "are you chatgpt",
    # Round 10: goodbyes
    "bye for now",
    "have a great weekend all",
    # Round 13: requests about the bot
    "what commands do you support",
    "can you answer in shorter messages",
    # Round 16: reactions and what the bot is
    "lol that's insane",
    "what are you exactly",
    # Round 17
    "you're pretty smart for a bot",
    "hello? anyone there",
    "thank you so much, this saved my presentation",
    # Round 18
    "see you tomorrow all",
    # Round 19
    "hello?? anyone home",
    "not quite what i asked but ok",
    # Round 20
    "good night, talk tomorrow",
    # Round 23
    "that answer was useless tbh",
    "are you chatgpt under the hood?",
    # Round 24: praise "at this"; apologies for the questions
    "you're actually pretty good at this",
    "sorry for spamming you with questions today",
    # praise of the answer, agreement, bare figures, questions about the bot itself
    "great explanation, thanks",
    "agreed",
    "lgtm",
    "+1",
    "10/10",
    "testing 1 2 3",
    "is this thing on?",
    "anyone around?",
    "how old are you",
    "what are you good at?",
    "what model are you running on?",
    "are you smarter than chatgpt?",
    "tell me a joke",
    "interesting, tell me more",
    "no worries",
    "sorry about that",
    "forget it",
    "sounds good",
    "TIL",
    "you awake?",
    "how do i use this",
    "who made this",
    "do you learn from our chats",
    "what language do you speak",
    "tell me something interesting",
    "how was your weekend",
    # seen in round 24's blind sets after they were measured
    "<@U0EXPLAIN> what kinds of things can you explain?",
    "you're pretty useful, not gonna lie",
    "ok that makes sense now, ta",
    "how do I use this thing? just type /explain and a word?",
]


@pytest.mark.parametrize(("question", "expected"), ANSWERED)
def test_chatty_on_topic_questions_are_answered(
    engine: Engine, question: str, expected: set[str]
) -> None:
    answer = engine.answer(as_asked(question))
    assert answer.status is Status.ANSWER, answer
    assert set(answer.ids) & expected, answer.ids


@pytest.mark.parametrize(("question", "expected"), ANSWERED_FIRST)
def test_these_are_answered_with_this_snippet_first(
    engine: Engine, question: str, expected: str
) -> None:
    answer = engine.answer(as_asked(question))
    assert answer.status is Status.ANSWER, answer
    assert answer.ids[0] == expected


@pytest.mark.parametrize("question", NOT_ANSWERED)
def test_another_sense_or_an_uncovered_side_is_not_answered(engine: Engine, question: str) -> None:
    assert engine.answer(as_asked(question)).status is not Status.ANSWER


@pytest.mark.parametrize("question", SMALL_TALK)
def test_small_talk_gets_a_friendly_reply(engine: Engine, question: str) -> None:
    answer = engine.answer(as_asked(question))
    assert answer.reason is Reason.SMALLTALK, answer
    assert answer.status is Status.NONE


def test_an_invoice_is_no_account_question(engine: Engine) -> None:
    # Round 12: invoices and refunds stay talk ("i keep seeing them on my invoice"), never
    # an account question. Round 26: beside a lone English term ("tokens") with no other
    # word of the field, a thing the knowledge never speaks of may tell another sense
    # ("arcade tokens"), so the reply offers the snippet rather than answering. Round 29:
    # an invoice is a bill, which the tokens snippet speaks of (APIs bill by the token).
    answer = engine.answer(as_asked("can you explain tokens, i keep seeing them on my invoice"))
    assert answer.status is Status.ANSWER and answer.ids == ("tokens",)
    other = engine.answer(as_asked("can you explain tokens, i keep seeing them on my arcade card"))
    assert other.status is Status.SUGGEST
    assert [s.id for s in other.suggestions][:1] == ["tokens"]


@pytest.mark.parametrize(
    ("question", "fused"),
    [
        ("who's on call this week", "whos"),
        ("why shouldnt i trust an llm for legal advice", "shouldnt"),
    ],
)
def test_a_fused_wh_word_or_negated_modal_is_never_named_as_missing(
    engine: Engine, question: str, fused: str
) -> None:
    # "I don't have an explanation for “whos” yet" named a word of the question's grammar.
    answer = engine.answer(as_asked(question))
    assert fused not in " ".join(answer.missing).split()


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # Round 40, written for this test: what the asker's own bot looks up, right after the
        # two named terms, was taken for another sense of them
        ("rag or fine tuning for our formulary lookup bot?", Status.ANSWER),
        ("rag vs fine-tuning for our claims triage assistant", Status.ANSWER),
        # ... a phrase whose head is no tool of the field still tells the sense
        ("what temperature for our cold room", Status.SUGGEST),
    ],
)
def test_the_askers_own_tool_after_a_named_term_is_talk(
    engine: Engine, question: str, expected: Status
) -> None:
    answer = engine.answer(as_asked(question))
    assert answer.status is expected, answer.missing


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # Round 40, written for this test: a bare "that" asks of the coined term quoted
        # before it; the story around it (the rota, the diary) no longer declines it
        (
            "the locum agency rep says their new rostering assistant is 'agentic' and can "
            "swap our on-call shifts by itself. what does that actually mean?",
            Status.ANSWER,
        ),
        (
            "our payroll vendor keeps saying the new timesheet checker is 'agentic'. what does "
            "that mean?",
            Status.ANSWER,
        ),
        # ... never of an English word the story gives another sense
        (
            "the mechanic said the car needs 'realignment'. what does that mean?",
            Status.SUGGEST,
        ),
        (
            "the psychiatrist mentioned 'hallucinating' when talking about grandad. what does "
            "that mean",
            Status.SUGGEST,
        ),
    ],
)
def test_a_bare_that_asks_of_the_coined_term_quoted(
    engine: Engine, question: str, expected: Status
) -> None:
    answer = engine.answer(as_asked(question))
    assert answer.status is expected, (answer.ids, answer.missing)


def test_people_said_to_be_the_term_give_it_no_other_sense(engine: Engine) -> None:
    # Round 40, written for this test: "every vendor is" read as the subject acting on the
    # quoted term, so the sentence asking of it was not answered alone
    answer = engine.answer(
        as_asked(
            "the regional ed-tech bulletin says every vendor is 'built on a foundation "
            "model'. what does that mean?"
        )
    )
    assert (answer.status, answer.ids) == (Status.ANSWER, ("foundation-models",))
    # ... a thing said to be it still tells its sense
    other = engine.answer(as_asked("the arcade is 'tokens only' on fridays. what does that mean?"))
    assert other.status is not Status.ANSWER


def test_what_the_asker_pasted_in_is_their_material(engine: Engine) -> None:
    # Round 40, written for this test: the tenancy agreement pasted in was taken for what the
    # question asks about
    answer = engine.answer(
        as_asked(
            "why does the assistant lose track when we paste the whole 30 page tenancy "
            "agreement in? fine for the first few answers"
        )
    )
    assert (answer.status, answer.ids) == (Status.ANSWER, ("context-window",))
    # ... pasting into something of no field asks nothing of it
    other = engine.answer(as_asked("why does excel crash when i paste the whole stock sheet in?"))
    assert other.status is not Status.ANSWER


def test_a_sentence_asking_of_the_quoted_term_needs_no_higher_bar(engine: Engine) -> None:
    # Round 40, written for this test: asked alone as "can you explain what uses RAG over
    # your document store means", the sentence was answered, but under the bar a sentence
    # alone had to clear; the quote names the term as plainly as a question can
    answer = engine.answer(
        as_asked(
            "the records vendor said their assistant 'uses RAG over your document store'. "
            "can you explain what that means in simple terms?"
        )
    )
    assert (answer.status, answer.ids) == (Status.ANSWER, ("rag",))


def test_the_jobs_listed_after_like_are_the_askers_examples(engine: Engine) -> None:
    # Round 40, written for this test: the jobs listed were taken for what is asked about
    answer = engine.answer(
        as_asked(
            "what can a large language model realistically do for an audit team, like "
            "sampling invoices or summarising findings?"
        )
    )
    assert (answer.status, answer.ids) == (Status.ANSWER, ("llm-applications",))
    # ... beside a term of one English word they tell its sense
    other = engine.answer(
        as_asked("what can a transformer do for our substation, like stepping down the voltage?")
    )
    assert other.status is not Status.ANSWER


def test_what_the_askers_product_serves_is_no_sense_of_the_term(engine: Engine) -> None:
    # Round 40, written for this test: "kids" in "for a kids' museum guide app" was taken as
    # qualifying the term
    answer = engine.answer(
        as_asked(
            "multimodal ai for a kids' museum guide app: what does that term cover? images "
            "and voice?"
        )
    )
    assert (answer.status, answer.ids) == (Status.ANSWER, ("multimodal",))
