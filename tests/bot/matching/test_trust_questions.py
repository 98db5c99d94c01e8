"""Issue 9's question sets: near-domain, off-topic, small talk and chatty on-topic questions.

All the sets here have been tuned on (``trust_dev.yaml`` from the start,
``trust_questions.yaml`` and ``trust_holdout.yaml`` in later rounds, ``trust_holdout3`` to
``trust_holdout29``, ``31`` to ``75``, ``77`` to ``80`` one or more a round since round 5,
each after it was the held-out measure), so they are regression guards, not a held-out
measure. The blind sets (after round 37: ``76``, ``81`` and up) have no bar here: they
are measured, never read; a blind set gets its bar in the round it is read (``44``, ``45``,
``52``, ``55`` in round 30, ``46`` and ``47`` in round 31, ``53`` and ``54`` in round 32,
``58`` and ``59`` in round 33, ``64``, ``65``, ``72`` and ``77`` in round 34, ``68`` and
``69`` in round 35, ``73`` and ``78`` in round 36, ``79`` and ``80`` in round 37, and
later ones as the comments in ``BARS`` name them).
The figures themselves are printed (``pytest -s``) and quoted in bench/README.md. A wrong
confident answer is what the bars are strictest about.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from adapters.markup import as_asked
from bot.matching.engine import Engine
from bot.matching.questionset import KINDS, Verdict, load_cases, run, summary

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
# Per set: the share of near-domain / off-topic questions not answered and of small talk
# answered kindly (at least), of on-topic questions answered with the wrong snippet (at
# most) and with the right one (at least; the rest get a did-you-mean). The bars sit just
# under what was measured after round 14 (bench/README.md), as a regression guard; all thirteen
# sets are spent (tuned on), so they are no held-out measure, and several bars are still
# below issue 9's targets (98% right with none wrong, 98% of near-domain not answered).
# ``trust_holdout13.yaml`` is round 14's held-out measure: bench/trust.py runs it for counts
# only, and it has no bars here until a later round has tuned on it.
BARS = {
    # Round 14 (2026-12-02): 122 / 125 right, 0 wrong; 163 / 170 near-domain not answered.
    "trust_dev.yaml": {"near": 0.95, "off": 1.0, "smalltalk": 1.0, "wrong": 0.0, "right": 0.96},
    # 101 / 104 right, 0 wrong; 165 / 168 near-domain not answered; 20 / 20 small talk.
    "trust_holdout.yaml": {
        "near": 0.98,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.97,
    },
    # 113 / 114 right, 0 wrong; 110 / 113 near-domain not answered; 21 / 21 small talk.
    "trust_holdout3.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.99,
    },
    # 123 / 130 right, 0 wrong; 110 / 110 near-domain not answered; 21 / 21 small talk.
    "trust_holdout4.yaml": {
        "near": 1.0,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.93,
    },
    # 119 / 129 right, 0 wrong; 114 / 117 near-domain not answered; 21 / 21 small talk.
    "trust_holdout5.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.92,
    },
    # Round 7's held-out measure, tuned on since round 8: 115 / 122 right, 0 wrong; 95 / 95
    # near-domain and 25 / 25 off-topic not answered; 20 / 20 small talk.
    "trust_holdout6.yaml": {
        "near": 1.0,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.94,
    },
    # Round 8's held-out measure (122 / 137 right, 1 wrong before round 9), tuned on since:
    # 128 / 137 right, 0 wrong; 86 / 91 near-domain not answered; 23 / 23 small talk.
    "trust_holdout7.yaml": {
        "near": 0.94,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.92,
    },
    # Round 9's held-out measure (131 / 137 right, 1 wrong, 85 / 92 near-domain not
    # answered, 20 / 22 small talk before round 10), tuned on since: 134 / 137 right,
    # 0 wrong; 90 / 92 near-domain not answered; 22 / 22 small talk.
    "trust_holdout8.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.96,
    },
    # Round 10's held-out measure (115 / 135 right, 0 wrong, 88 / 93 near-domain not
    # answered, 22 / 22 small talk before round 11), tuned on since: 119 / 135 right,
    # 0 wrong; 88 / 93 near-domain not answered; 22 / 22 small talk.
    "trust_holdout9.yaml": {
        "near": 0.94,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.88,
    },
    # Round 11's held-out measure (121 / 134 right, 0 wrong, 85 / 92 near-domain not
    # answered, 20 / 22 small talk before round 12), tuned on since: 122 / 134 right,
    # 0 wrong; 90 / 92 near-domain not answered; 20 / 22 small talk.
    "trust_holdout10.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 0.9,
        "wrong": 0.0,
        "right": 0.9,
    },
    # Round 12's held-out measure (113 / 130 right, 2 wrong, 92 / 92 near-domain not
    # answered, 19 / 23 small talk before round 13), tuned on since: 118 / 130 right,
    # 2 wrong (a GAN named for a diffusion model's pictures; "what are llms bad at" answered
    # with what an LLM is); 92 / 92 near-domain not answered until round 21, 91 / 92 since
    # (its question asked alone, "prompt injection - how do attackers get around a system
    # prompt?", answers with prompting); 22 / 23 small talk.
    "trust_holdout11.yaml": {
        "near": 0.98,
        "off": 1.0,
        "smalltalk": 0.95,
        "wrong": 0.02,
        "right": 0.9,
    },
    # Round 13's held-out measure (123 / 139 right, 1 wrong, 95 / 96 near-domain not
    # answered, 18 / 22 small talk before round 14), tuned on since: 124 / 139 right,
    # 1 wrong ("genai in plain english for the board deck pls" answered with the uses of
    # generative AI); 94 / 96 near-domain not answered (round 15's knowledge edits moved
    # "how do i turn off chat history in chatgpt settings" over the line to temperature);
    # 21 / 22 small talk.
    "trust_holdout12.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 0.95,
        "wrong": 0.01,
        "right": 0.88,
    },
    # Round 14's held-out measure (115 / 132 right, 0 wrong before round 14; 121 / 132 on
    # round 14's code), tuned on since round 15: 123 / 132 right, 0 wrong; 91 / 91
    # near-domain not answered; 21 / 22 small talk.
    "trust_holdout13.yaml": {
        "near": 1.0,
        "off": 1.0,
        "smalltalk": 0.95,
        "wrong": 0.0,
        "right": 0.92,
    },
    # A second blind set written after round 14's code (116 / 131 right on it), tuned on
    # since round 15: 124 / 131 right, 0 wrong; 92 / 93 near-domain not answered; 20 / 22
    # small talk.
    "trust_holdout14.yaml": {
        "near": 0.98,
        "off": 1.0,
        "smalltalk": 0.9,
        "wrong": 0.0,
        "right": 0.94,
    },
    # Round 15's held-out measure (117 / 130 right, 0 wrong, 87 / 90 near-domain not
    # answered, 20 / 22 small talk on the round-start and round-15 code alike), tuned on
    # since round 16: 125 / 130 right, 0 wrong; 87 / 90 near-domain not answered; 22 / 22
    # small talk.
    "trust_holdout15.yaml": {
        "near": 0.96,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.95,
    },
    # Round 16's held-out measure (121 / 147 right, 0 wrong, 91 / 93 near-domain not
    # answered, 18 / 22 small talk on round 16's code), tuned on since round 17: 125 / 147
    # right, 0 wrong; 92 / 93 near-domain not answered; 22 / 22 small talk.
    "trust_holdout16.yaml": {
        "near": 0.98,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.84,
    },
    # Round 17's held-out measure (109 / 131 right, 0 wrong, 90 / 93 near-domain not
    # answered, 20 / 22 small talk on the session's starting code; 113 / 131, 91 / 93 and
    # 21 / 22 on round 17's), tuned on since round 18: 114 / 131 right, 0 wrong; 92 / 93
    # near-domain not answered; 22 / 22 small talk.
    "trust_holdout17.yaml": {
        "near": 0.98,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.86,
    },
    # Round 18's held-out measure (109 / 130 right, 3 wrong, 86 / 87 near-domain not
    # answered, 18 / 21 small talk on the session's starting code; 114 / 130, 2 wrong,
    # 86 / 87 and 19 / 21 on round 18's), tuned on since round 19: 115 / 130 right, 1 wrong
    # ("what does the 70B mean in 'llama 70B'?" answered with the examples of LLMs);
    # 86 / 87 near-domain not answered; 21 / 21 small talk.
    "trust_holdout18.yaml": {
        "near": 0.98,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.01,
        "right": 0.88,
    },
    # Round 19's held-out measure (119 / 145 right, 1 wrong, 90 / 93 near-domain not
    # answered, 18 / 20 small talk on the session's starting code; 121 / 145, 2 wrong,
    # 90 / 93 and 18 / 20 on round 19's), tuned on since round 20: 122 / 145 right, 1 wrong
    # ("what are LLMs bad at, honestly": what an LLM is, as with the starting code);
    # 90 / 93 near-domain not answered; 20 / 20 small talk.
    "trust_holdout19.yaml": {
        "near": 0.96,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.01,
        "right": 0.84,
    },
    # 45 / 49 right, 0 wrong; 96 / 96 near-domain not answered; 20 / 20 small talk.
    # Round 24 (2026-12-03): sets 20 and 21 (the blind measures of rounds 20 and 21, tuned
    # on since) and 22 (this round's blind set, written before it): 119 / 131 right, 1 wrong,
    # near 80 / 81; 119 / 135, 0 wrong, near 80 / 81; 95 / 100, 0 wrong, near 79 / 80.
    "trust_holdout20.yaml": {
        "near": 0.98,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.01,
        "right": 0.90,
    },
    "trust_holdout21.yaml": {
        "near": 0.98,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.87,
    },
    "trust_holdout22.yaml": {
        "near": 0.98,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.94,
    },
    # Round 25 (2026-12-03): sets 23-26, each measured blind first (bench/README.md), then
    # read: 99 / 100 right, 0 wrong, near 78 / 80; 95 / 100, 0 wrong, near 80 / 80; 99 / 100,
    # 0 wrong, near 78 / 80; 100 / 100, 0 wrong, near 80 / 80.
    "trust_holdout23.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 0.93,
        "wrong": 0.0,
        "right": 0.98,
    },
    "trust_holdout24.yaml": {
        "near": 0.98,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.94,
    },
    "trust_holdout25.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.98,
    },
    "trust_holdout26.yaml": {
        "near": 0.98,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.99,
    },
    # Set 27 (round 25's second blind set, then read): 97 / 100 right, 0 wrong, near 79 / 80,
    # off-topic 14 / 15 ("parking garage B closed tomorrow?" answers open-weights).
    "trust_holdout27.yaml": {
        "near": 0.98,
        "off": 0.93,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.95,
    },
    # Set 28 (round 25's fourth blind set, read in round 26): 98 / 100 right, 0 wrong.
    "trust_holdout28.yaml": {
        "near": 0.98,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.98,
    },
    # Set 29 (round 25's third blind set, read in round 26): 72 / 75 right, 1 wrong ("why do AI
    # chatbots make stuff up? it told a patron ..." answers chatbots), near 58 / 60.
    "trust_holdout29.yaml": {
        "near": 0.95,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.014,
        "right": 0.96,
    },
    # Set 31 (round 26's blind set, read in round 27): 59 / 60 right, 0 wrong; 60 / 60 since
    # round 28 ("fine-tune or use retrieval" is RAG against fine-tuning).
    "trust_holdout31.yaml": {
        "near": 1.0,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.98,
    },
    # Set 32 (round 27's blind set, its failures read in round 28): 59 / 60 right, 0 wrong.
    "trust_holdout32.yaml": {
        "near": 1.0,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.98,
    },
    # Set 33 (round 27's second blind set, read after one measure): 60 / 60 right, 0 wrong.
    "trust_holdout33.yaml": {
        "near": 1.0,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.98,
    },
    # Set 34 (round 27's third blind set, read after one measure): 56 / 60 right, 0 wrong,
    # near 48 / 48 (46 before the comparatives of round 27); 58 / 60 since round 28.
    "trust_holdout34.yaml": {
        "near": 1.0,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.96,
    },
    # Set 35 (round 27's blind set, its failures read in round 28): 60 / 60 right, 0 wrong,
    # small talk 11 / 11 (10 before "what should I ask you" was small talk).
    "trust_holdout35.yaml": {
        "near": 1.0,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.98,
    },
    # Round 28 (2026-12-04): sets 36, 37, 39 and 41, each measured blind first
    # (bench/README.md), then read: 56 / 60 right (52 / 1 wrong blind), near 48 / 48;
    # 57 / 60 (54), near 48 / 48; 60 / 60 (59), near 48 / 48 (45); 58 / 60 (58), near 46 / 48
    # (the Macbeth scene "where he's hallucinating" and voice biometrics "can deepfakes fool
    # it" are still answered).
    "trust_holdout36.yaml": {
        "near": 1.0,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.93,
    },
    "trust_holdout37.yaml": {
        "near": 1.0,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.95,
    },
    "trust_holdout39.yaml": {
        "near": 1.0,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.98,
    },
    "trust_holdout41.yaml": {
        "near": 0.95,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.96,
    },
    # Round 29 (2026-12-04): round 28's blind sets 38, 40, 42, 43 and this round's 48-51, 56
    # and 57, each measured blind first (bench/README.md), then read: on-topic right after
    # (before) 60 (58), 60 (58), 60 (56), 59 (58), 59 (55), 57 (54), 58 (56), 60 (57), 58
    # (57), 55 (53) of 60, none wrong; near-domain 48, 48, 47, 47, 48, 48, 48, 48, 48, 48 of 48.
    "trust_holdout38.yaml": {
        "near": 1.0,
        "off": 1.0,
        "smalltalk": 0.9,
        "wrong": 0.0,
        "right": 0.98,
    },
    "trust_holdout40.yaml": {
        "near": 1.0,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.98,
    },
    "trust_holdout42.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.98,
    },
    "trust_holdout43.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.96,
    },
    "trust_holdout44.yaml": {
        "near": 1.0,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.93,
    },
    "trust_holdout45.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.93,
    },
    "trust_holdout52.yaml": {
        "near": 1.0,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.9,
    },
    "trust_holdout55.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.91,
    },
    "trust_holdout60.yaml": {
        "near": 1.0,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.93,
    },
    "trust_holdout61.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.96,
    },
    "trust_holdout62.yaml": {
        "near": 1.0,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.02,  # the risks of generative AI answered from the LLM snippet
        "right": 0.9,
    },
    "trust_holdout63.yaml": {
        "near": 0.95,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.04,
        "right": 0.9,
    },
    # Round 31: 46 and 47 read after two rounds blind; 66 and 67 written to be read (two
    # questions of slack on the right answers, one on near-domain).
    "trust_holdout46.yaml": {
        "near": 0.95,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.95,
    },
    "trust_holdout47.yaml": {
        "near": 0.95,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.95,
    },
    "trust_holdout66.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.02,  # a neural net's 'weights', after talk of PLCs, answered as open weights
        "right": 0.91,
    },
    "trust_holdout67.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.85,
    },
    # Round 32: 53 and 54 read after three rounds blind; 70 and 71 written to be read (two
    # questions of slack on the right answers, one on near-domain).
    "trust_holdout53.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.9,
    },
    "trust_holdout54.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.96,
    },
    "trust_holdout70.yaml": {
        "near": 0.95,  # tokens for the staff coffee machine answered as LLM tokens
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.88,
    },
    "trust_holdout71.yaml": {
        "near": 0.95,  # setting up a vector index in postgres answered with embeddings
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.95,
    },
    # Round 33: 58 and 59 read after five rounds blind; 74 and 75 written to be read (two
    # questions of slack on the right answers, one on near-domain where some is answered).
    "trust_holdout58.yaml": {
        "near": 0.97,  # bm25 keyword search vs embeddings answered with embeddings
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.96,
    },
    "trust_holdout59.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.95,
    },
    "trust_holdout74.yaml": {
        "near": 0.95,  # the still's temperature; which vector database to pick
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.85,
    },
    "trust_holdout75.yaml": {
        "near": 0.95,  # which vector database to pick
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.9,
    },
    # Round 34: 64 and 65 read after six rounds blind, 72 and 77 after two (two questions of
    # slack on the right answers).
    "trust_holdout64.yaml": {
        "near": 1.0,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.93,
    },
    "trust_holdout65.yaml": {
        "near": 1.0,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.93,
    },
    "trust_holdout72.yaml": {
        "near": 1.0,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.83,
        # five declines offer no right snippet (descriptions of fine-tuning, RAG,
        # multimodal and embeddings in the asker's words, which score under the bar)
        "unoffered": 5,
    },
    "trust_holdout77.yaml": {
        "near": 1.0,
        "off": 1.0,
        "smalltalk": 1.0,
        # one wrong: "take an existing model and train it a bit more on our support tickets
        # so it talks like our agents" is answered from ai-agents
        "wrong": 0.02,
        "right": 0.86,
    },
    # Round 35: 68 and 69 read after four rounds blind (two questions of slack on the right
    # answers).
    "trust_holdout68.yaml": {
        "near": 1.0,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.95,
    },
    "trust_holdout69.yaml": {
        "near": 1.0,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.96,
    },
    # Round 36: 73 and 78 read after five and four rounds blind (two questions of slack on
    # the right answers).
    "trust_holdout73.yaml": {
        "near": 1.0,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.86,
    },
    "trust_holdout78.yaml": {
        "near": 1.0,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.93,
    },
    # Round 37: 79 and 80 read after five rounds blind (two questions of slack on the right
    # answers).
    "trust_holdout79.yaml": {
        "near": 1.0,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.91,
    },
    "trust_holdout80.yaml": {
        "near": 1.0,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.91,
    },
    # Round 38: 81, 82 and 83 read after four rounds blind (two questions of slack on the
    # right answers; 82 and 83 each keep the one wrong answer they had when read).
    "trust_holdout81.yaml": {
        "near": 1.0,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.88,
    },
    "trust_holdout82.yaml": {
        "near": 0.95,
        "off": 1.0,
        "smalltalk": 0.9,
        "wrong": 0.02,
        "right": 0.9,
    },
    "trust_holdout83.yaml": {
        "near": 1.0,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.02,
        "right": 0.85,
    },
    # Round 39: 84 and 85 read after five rounds blind (two questions of slack on the right
    # answers).
    "trust_holdout84.yaml": {
        "near": 1.0,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.86,
    },
    "trust_holdout85.yaml": {
        "near": 1.0,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.9,
    },
    # Set 86, read later in round 39 after five rounds blind (its one wrong answer kept).
    "trust_holdout86.yaml": {
        "near": 1.0,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.02,
        "right": 0.88,
    },
    # Round 40: 87 and 88 read after five rounds blind (two questions of slack on the right
    # answers; 87's near-domain wrong answer, a vector database to pick, kept).
    "trust_holdout87.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.93,
    },
    "trust_holdout88.yaml": {
        "near": 1.0,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.93,
    },
    # Round 41: 89 and 90 read after six rounds blind (58 / 60 each at the end of the round,
    # two questions of slack on the right answers; 90's two near-domain wrong answers, a
    # vector database to buy and a CNN, kept).
    "trust_holdout89.yaml": {
        "near": 1.0,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.93,
    },
    "trust_holdout90.yaml": {
        "near": 0.95,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.93,
    },
    # Round 42: 91 (blind seven rounds) and 103 (blind one round) read at the start, 115 and
    # 116 written this round to the same brief and read at once; two questions of slack on
    # the right answers, one on near-domain (116's one wrong answer kept: "are all
    # generative AI tools LLMs? like the image generator ..." answered genai-examples).
    "trust_holdout91.yaml": {
        "near": 1.0,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.9,
    },
    "trust_holdout103.yaml": {
        "near": 0.95,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.91,
    },
    "trust_holdout115.yaml": {
        "near": 0.95,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.88,
    },
    "trust_holdout116.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.02,
        "right": 0.86,
    },
    # Round 43: 92 and 104 (the oldest blind sets of each brief) read at the start, 121 and
    # 122 written this round to the same brief and read at once; two questions of
    # slack on the right answers, one on near-domain (the wrong answers kept: "what's the
    # tech behind midjourney and dall-e, the noise thing?" and "midjourney - what kind of
    # model is it under the hood" answered genai-examples, which calls them diffusion-based).
    "trust_holdout92.yaml": {
        "near": 0.95,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.91,
    },
    "trust_holdout104.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.02,
        "right": 0.95,
    },
    "trust_holdout121.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.02,
        "right": 0.85,
        # four descriptions no snippet's words reach, declined with no did-you-mean
        "unoffered": 4,
    },
    "trust_holdout122.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.88,
    },
    # Round 44: 93 and 105 (the oldest blind sets of each brief left) read at the start,
    # 127-130 written this round to the same brief and read at once; two questions of
    # slack on the right answers, one on near-domain (the wrong answer kept: "midjourney
    # under the hood... something about starting from noise and cleaning it up?" answered
    # genai-examples, which calls it diffusion-based).
    "trust_holdout93.yaml": {
        "near": 0.95,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.93,
    },
    "trust_holdout105.yaml": {
        "near": 0.95,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.91,
    },
    "trust_holdout127.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.93,
    },
    "trust_holdout128.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.91,
    },
    "trust_holdout129.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.9,
    },
    "trust_holdout130.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.02,
        "right": 0.83,
    },
    # Round 45: 95 and 106 (the oldest blind sets of each brief left) read at the start,
    # 135 and 136 written this round to the same brief and read at once; two questions of
    # slack on the right answers, one on near-domain (the wrong answer kept: "for generating
    # fake wafer-map defect images, why does everyone use diffusion models now instead of
    # GANs?" answered gan, "map" taken for another sense of the comparison).
    "trust_holdout95.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.81,
    },
    "trust_holdout106.yaml": {
        "near": 0.95,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.02,
        "right": 0.88,
    },
    "trust_holdout135.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.9,
    },
    "trust_holdout136.yaml": {
        "near": 0.95,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.93,
    },
    # ... and 137 and 138, written later this round to the same brief and read at once (the
    # wrong answers kept: "whether chat gpt is a language model or a product ... which is
    # it?" answered llm-examples, "can we make up fake-but-realistic meter readings to test
    # the new billing system" answered hallucination).
    "trust_holdout137.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.02,
        "right": 0.93,
    },
    "trust_holdout138.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.02,
        "right": 0.86,
    },
    # Round 46: 97 and 107 (the oldest blind sets of each brief left) read at the start, 143
    # and 144 written this round to the same brief and read at once; two questions of slack
    # on the right answers, one on near-domain (the wrong answer kept: "what's 'large' about
    # a large language model? large compared to what" answered what-is-llm).
    "trust_holdout97.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.86,
    },
    "trust_holdout107.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.95,
    },
    "trust_holdout143.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.91,
    },
    "trust_holdout144.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.02,
        "right": 0.93,
    },
    # Round 47: 98 and 108 (the oldest blind sets of each brief left) read at the start, 149
    # and 150 written this round to the same brief and read at once; two questions of slack
    # on the right answers, one on near-domain (the wrong answer kept: "is chatgpt the actual
    # ai or just the app? my nephew says it runs on "GPT"" answers the LLM examples).
    "trust_holdout98.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.88,
    },
    "trust_holdout108.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.91,
    },
    "trust_holdout149.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.02,
        "right": 0.9,
    },
    "trust_holdout150.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.86,
    },
    # Round 48: 99 and 109 (the oldest blind sets of each brief left) read at the start, 155
    # and 156 written this round to the same brief and read at once; two questions of slack
    # on the right answers, one on near-domain and one on declines offering nothing right
    # where over the usual 3 (set 99's wrong answer kept: "is Stable Diffusion generative AI?
    # and Claude?" answers diffusion, not the examples).
    "trust_holdout99.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.02,
        "right": 0.76,
        "unoffered": 5,
    },
    "trust_holdout109.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.93,
    },
    "trust_holdout155.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.9,
    },
    "trust_holdout156.yaml": {
        "near": 0.95,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.86,
    },
    # Round 49: 100 and 110 (the oldest blind sets left of each brief) read at the start, 161
    # and 162 written this round to the same brief and read at once; same slack as above.
    "trust_holdout100.yaml": {
        "near": 0.95,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.9,
    },
    "trust_holdout110.yaml": {
        "near": 0.93,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.93,
    },
    "trust_holdout161.yaml": {
        "near": 0.93,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.93,
    },
    "trust_holdout162.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.91,
    },
    # Round 50: 101 and 111 (the oldest blind sets left of each brief) read at the start, 167
    # and 168 written this round to the same brief and read at once; same slack as above.
    "trust_holdout101.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.96,
    },
    "trust_holdout111.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.9,
    },
    "trust_holdout167.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.93,
    },
    "trust_holdout168.yaml": {
        "near": 0.95,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.96,
    },
    # Round 51: 102 and 112 (the oldest blind sets left of each brief) read at the start, 173
    # and 174 written this round to the same brief and read at once; same slack as above.
    "trust_holdout102.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.88,
    },
    "trust_holdout112.yaml": {
        "near": 0.95,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.95,
    },
    "trust_holdout173.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.88,
    },
    "trust_holdout174.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.95,
    },
    # Round 52: 113 and 114 (the last blind sets of the rewritten brief) read at the start,
    # 179 and 180 written this round to the same brief and read at once; same slack as above.
    "trust_holdout113.yaml": {
        "near": 0.95,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.95,
    },
    "trust_holdout114.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.93,
    },
    "trust_holdout179.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.96,
    },
    "trust_holdout180.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.93,
    },
    # Round 53: 117 and 118 (the oldest blind sets) read at the start, 185 and 186 written
    # this round to the same brief and read at once; same slack as above.
    "trust_holdout117.yaml": {
        "near": 0.93,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.88,
    },
    "trust_holdout118.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.95,
    },
    "trust_holdout185.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.9,
    },
    "trust_holdout186.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        # "is ai generated stuff a problem for fake news and deepfakes?" answered from the
        # examples snippet (it names deepfakes), not the risks one
        "wrong": 0.02,
        "right": 0.91,
    },
    # Round 54: 119 and 120 (now the oldest blind sets) read at the start, 191 and 192
    # written this round to the same brief and read at once; same slack as above.
    "trust_holdout119.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.88,
    },
    "trust_holdout120.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.9,
    },
    "trust_holdout191.yaml": {
        "near": 0.95,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.93,
    },
    "trust_holdout192.yaml": {
        "near": 0.97,
        "off": 1.0,
        "smalltalk": 1.0,
        # "/explain midjourney" answered from the examples snippet (it names Midjourney as a
        # generative AI tool); the set expects the diffusion snippet, whose title names it too
        "wrong": 0.02,
        "right": 0.95,
    },
    "trust_holdout48.yaml": {
        "near": 1.0,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.96,
    },
    "trust_holdout49.yaml": {
        "near": 1.0,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.93,
    },
    "trust_holdout50.yaml": {
        "near": 1.0,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.95,
    },
    "trust_holdout51.yaml": {
        "near": 1.0,
        "off": 1.0,
        "smalltalk": 0.9,
        "wrong": 0.0,
        "right": 0.98,
    },
    "trust_holdout56.yaml": {
        "near": 1.0,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.95,
    },
    "trust_holdout57.yaml": {
        "near": 1.0,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.9,
    },
    "trust_questions.yaml": {
        "near": 1.0,
        "off": 1.0,
        "smalltalk": 1.0,
        "wrong": 0.0,
        "right": 0.89,
    },
}
# Declined on-topic questions whose did-you-mean offers no right snippet: at most this share
# of the set's on-topic questions, or this many (or a set's own "unoffered" count). (A share
# of the declined ones, as before round 21, failed a set for answering more of its offered
# ones.)
MIN_CASES = 120  # the blind sets of rounds 26-28 hold 130 questions each
MAX_UNOFFERED = 0.03
MAX_UNOFFERED_COUNT = 3


@pytest.mark.parametrize("name", sorted(BARS))
def test_trust_question_set(engine: Engine, name: str) -> None:
    cases = load_cases(FIXTURES / name)
    assert len(cases) >= MIN_CASES
    known = set(engine.knowledge.snippets)
    assert all(c.expect <= known for c in cases), "expected ids missing from the knowledge"
    outcomes = run(cases, lambda q: engine.answer(as_asked(q)))
    table = summary(outcomes)
    lines = [name]
    for kind in KINDS:
        counts = table[kind]
        total = sum(counts.values())
        lines.append(
            f"  {kind:<9} {total:3d}: right {counts[Verdict.RIGHT]}, wrong {counts[Verdict.WRONG]}"
            f", declined {counts[Verdict.DECLINED]}"
        )
    report = "\n".join(lines)
    print(report)
    failures = [o for o in outcomes if o.verdict is not Verdict.RIGHT]
    detail = "\n".join(
        f"{o.verdict.value:<8} {o.case.kind:<9} {o.case.question!r} -> "
        f"{o.answer.status.value} {'+'.join(o.answer.ids)} {o.answer.reason.value}"
        for o in failures
    )
    bars = BARS[name]
    for kind in ("near", "off", "smalltalk"):
        counts = table[kind]
        assert counts[Verdict.RIGHT] >= bars[kind] * sum(counts.values()), f"{report}\n{detail}"
    on = table["on"]
    assert on[Verdict.WRONG] <= bars["wrong"] * sum(on.values()), f"{report}\n{detail}"
    assert on[Verdict.RIGHT] >= bars["right"] * sum(on.values()), f"{report}\n{detail}"
    # A declined on-topic question still offers a snippet that answers it.
    declined = [o for o in outcomes if o.verdict is Verdict.DECLINED]
    offered = [o for o in declined if o.case.expect & {s.id for s in o.answer.suggestions}]
    unoffered = len(declined) - len(offered)
    allowed = max(MAX_UNOFFERED * sum(on.values()), bars.get("unoffered", MAX_UNOFFERED_COUNT))
    assert unoffered <= allowed, f"{report}\n{detail}"
