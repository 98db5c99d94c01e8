"""Template probes: covered terms under many ways of asking, plus near-domain look-alikes.

Usage: .venv/bin/python bench/probes.py [--knowledge DIR] [--show]

Written by the lead after reading the engine, so these are tuning data, never a held-out
measure (the blind sets under tests/fixtures are that). Each covered term is asked under
every opener of two families ("ways of asking for an account", "who asks and why"); an answer
is right when its first snippet is the term's. The near-domain list must not be answered.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from bot.knowledge.loader import load_knowledge
from bot.matching.engine import Engine
from bot.models import Status
from bot.settings import bundled_knowledge_dir

TERMS = {
    "rag": "rag", "embeddings": "embeddings", "machine learning": "ai-ml-dl",
    "a transformer": "transformer", "rlhf": "rlhf", "fine tuning": "fine-tuning",
    "the context window": "context-window", "hallucinations": "hallucination",
    "a diffusion model": "diffusion", "generative ai": "what-is-genai", "an llm": "what-is-llm",
    "tokenization": "tokens", "a vae": "vae", "prompt engineering": "prompt-engineering",
    "open weights models": "open-weights", "foundation models": "foundation-models",
    "synthetic data": "synthetic-data", "ai agents": "ai-agents",
}  # fmt: skip
ASKING = (
    "what's the deal with {t}", "can you break down {t}", "help me understand {t}",
    "i keep hearing about {t}, what is it", "wtf is {t}", "could you walk me through {t}",
    "what do people mean by {t}", "whats {t} all about", "quick explainer on {t}",
    "any idea what {t} is", "i don't get {t}", "need a primer on {t}", "{t} 101",
    "is there a simple way to explain {t}", "what is {t} and why should i care",
    "so what is {t} anyway", "someone tell me what {t} is", "give me the gist of {t}",
    "{t} in a nutshell", "how would you sum up {t}",
)  # fmt: skip
WHO = (
    "nurse manager here, what is {t}?", "as a billing clerk, what's {t}?",
    "my supervisor asked me what {t} is and i blanked", "{t}? asking for the QA team",
    "I'm a level artist - can you explain {t} simply",
    "game designer here \N{WAVING HAND SIGN} quick one: what is {t}",
    "our producer keeps mentioning {t}. what is it", "explain {t} to a total beginner",
    "what is {t} in the context of AI", "ELI5 {t} pls",
    "trying to understand {t} for a team meeting tomorrow",
    "i saw {t} in a vendor deck, what does it mean",
    "{t} - what is it and why does everyone talk about it", "in one paragraph, what is {t}",
    "hey, newbie here. what's {t}?",
)  # fmt: skip
NEAR = (
    "what's the deal with the parking garage", "help me understand my payslip",
    "can you break down the q3 numbers", "walk me through the expense policy",
    "need a primer on kubernetes", "how would you define a random forest",
    "give me the gist of the transformer movie plot", "what's the deal with tokens at the arcade",
    "help me understand the temperature settings on my oven",
    "can you break down how a power transformer works",
    "someone explain what a prompt is in a court hearing",
    "how would you sum up the diffusion of innovations theory",
    "the transformer in the conference room is buzzing",
    "what's the temperature in the board meeting room",
    "can we get more context at the sales kickoff", "the agent at the vendor demo was rude",
    "how do i transfer a patient to another ward", "what temperature should the vaccine fridge be",
    "the npc agent keeps walking into walls", "how many loot tokens do players get per level",
    "our 3d model of the castle has broken normals", "what's the prompt payment discount",
    "how do neurons in the brain learn", "what's a base model car cost these days",
    "what is a vector in math", "what is overfitting in machine learning",
    "gradient boosting vs random forest", "lora vs full fine tuning", "what is mixture of experts",
    "model train sets for beginners", "how do i explain model trains to a beginner",
)  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--knowledge", type=Path, default=bundled_knowledge_dir())
    parser.add_argument("--show", action="store_true", help="list wrong and declined questions")
    args = parser.parse_args()
    engine = Engine(load_knowledge(args.knowledge))
    for name, openers in (("ways of asking", ASKING), ("who asks and why", WHO)):
        right = wrong = declined = 0
        for opener in openers:
            for term, expected in TERMS.items():
                question = opener.format(t=term)
                answer = engine.answer(question)
                if answer.status is not Status.ANSWER:
                    declined += 1
                    verdict = "declined"
                elif answer.ids[0] == expected:
                    right += 1
                    continue
                else:
                    wrong += 1
                    verdict = f"wrong ({answer.ids[0]})"
                if args.show:
                    print(f"  {verdict:10} {question}")
        total = right + wrong + declined
        print(f"{name}: {total} questions: right {right}, wrong {wrong}, declined {declined}")
    answered = [q for q in NEAR if engine.answer(q).status is Status.ANSWER]
    print(f"near-domain: {len(NEAR)} questions: answered {len(answered)}")
    for question in answered if args.show else ():
        print(f"  answered   {question}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
