"""Content checks on the bundled knowledge (issue 10): shape, facts and links.

Each check is a function from snippets to a list of problems, so that the tests can show it
both passes on ``knowledge/`` and fails on a deliberately broken copy.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from pathlib import Path

import pytest

from bot.knowledge.loader import load_knowledge, scan_knowledge
from bot.models import Snippet

KNOWLEDGE = Path(__file__).resolve().parents[2] / "knowledge"

# The fixed plan of 40 snippet ids (knowledge v2, issue 10).
EXISTING_IDS = frozenset(
    {
        "chatgpt", "foundation-models", "gan-vs-vae", "gan", "genai-adoption",
        "genai-applications", "genai-challenges", "genai-examples", "large-in-llm",
        "llm-applications", "llm-challenges", "llm-examples", "llm-vs-genai", "multimodal",
        "synthetic-data", "training-data", "transformer", "vae", "what-came-first",
        "what-is-genai", "what-is-llm",
    }
)  # fmt: skip
NEW_IDS = frozenset(
    {
        "nlp", "chatbots", "prompt-engineering", "ai-ml-dl", "neural-network", "diffusion",
        "diffusion-vs-gan", "tokens", "context-window", "hallucination", "pre-training",
        "fine-tuning", "rag", "rag-vs-fine-tuning", "embeddings", "rlhf", "ai-agents",
        "open-weights", "temperature",
    }
)  # fmt: skip

# A `related` link that is not returned, with the reason it stays one-way.
ONE_WAY = {
    ("chatgpt", "llm-challenges"): "ChatGPT's caveats lead to the general LLM limits page, "
    "which is about every LLM, not ChatGPT",
    ("foundation-models", "what-is-genai"): "the broad definition need not send readers to "
    "the narrower term",
    ("foundation-models", "what-is-llm"): "same: what-is-llm already links larger topics",
    ("genai-adoption", "llm-applications"): "adoption points to concrete uses; the list of "
    "uses does not need the business forecast",
    ("llm-applications", "llm-examples"): "uses lead to model names; model names lead to "
    "definitions instead",
    ("llm-applications", "llm-challenges"): "uses lead to risks; the risks page links the "
    "deeper causes (hallucination, RAG) instead",
    ("what-came-first", "what-is-genai"): "history leads to the definition; the definition "
    "links the comparison (llm-vs-genai), which links history",
}

SEED_TITLES = (
    "Large language models vs generative AI: key differences to understand",
    "Generative AI vs. LLM—What Came First?",
    "What is the difference between generative AI and LLM?",
)
YEAR = re.compile(r"\b(19|20)\d\d\b")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[A-Z*\"(])")

Check = Callable[[Mapping[str, Snippet]], list[str]]


@pytest.fixture(scope="module")
def snippets() -> Mapping[str, Snippet]:
    return load_knowledge(KNOWLEDGE).snippets


# --- helpers ----------------------------------------------------------------------------------


def _plain(markdown: str) -> str:
    """Markdown without emphasis, code marks or link targets, on one line."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = text.replace("**", "").replace("`", "")
    text = re.sub(r"(?<!\w)\*(?!\s)([^*]+)\*", r"\1", text)
    return " ".join(text.split())


def _blocks(body: str) -> list[str]:
    """Paragraphs and list items of a body, as plain text."""
    return [_plain(b) for b in re.split(r"\n\s*\n|\n\s*(?=[-*] |\d+\. )", body) if b.strip()]


def _sentences(snippet: Snippet) -> list[str]:
    """Summary and body split into sentences; list items and paragraphs end a sentence."""
    out: list[str] = []
    for block in [_plain(snippet.summary), *_blocks(snippet.body)]:
        out.extend(s for s in SENTENCE_END.split(block) if s.strip())
    return out


def _each_sentence(snippets: Mapping[str, Snippet], pattern: str) -> Iterable[tuple[str, str]]:
    rx = re.compile(pattern, re.IGNORECASE)
    for sid, snippet in snippets.items():
        for sentence in _sentences(snippet):
            if rx.search(sentence):
                yield sid, sentence


def _has(pattern: str, text: str) -> bool:
    return re.search(pattern, text, re.IGNORECASE) is not None


# --- shape ------------------------------------------------------------------------------------


def test_every_snippet_loads_cleanly() -> None:
    scan = scan_knowledge(KNOWLEDGE)
    assert not scan.problems, "\n".join(map(str, scan.problems))
    assert {s.id for s in scan.snippets} == EXISTING_IDS | NEW_IDS


def check_bold_first_line(snippets: Mapping[str, Snippet]) -> list[str]:
    """The body's first line is one bold sentence and nothing else."""
    problems = []
    for sid, s in snippets.items():
        first = s.body.strip().splitlines()[0].strip()
        m = re.fullmatch(r"\*\*([^*]+)\*\*", first)
        if m is None:
            problems.append(f"{sid}: first line is not one bold span: {first[:80]!r}")
            continue
        inner = m.group(1).strip()
        if inner[-1] not in ".!?":
            problems.append(f"{sid}: bold first line does not end a sentence: {inner[-40:]!r}")
        if len(SENTENCE_END.split(inner)) != 1:
            problems.append(f"{sid}: bold first line holds more than one sentence")
    return problems


def check_shape_of_new(snippets: Mapping[str, Snippet]) -> list[str]:
    """New snippets: 8+ questions incl. a short keyword form, aliases, sized like the rest."""
    problems = []
    for sid in sorted(NEW_IDS & set(snippets)):
        s = snippets[sid]
        if len(s.questions) < 8:
            problems.append(f"{sid}: only {len(s.questions)} example questions")
        if not any(len(q.split()) <= 4 and "?" not in q for q in s.questions):
            problems.append(f"{sid}: no short keyword form among the questions")
        if not s.aliases:
            problems.append(f"{sid}: no aliases")
        if not s.related:
            problems.append(f"{sid}: no related snippets")
    for sid, s in snippets.items():
        if not 500 <= len(s.body) <= 1600:
            problems.append(f"{sid}: body is {len(s.body)} characters (chat answer: 500-1600)")
    return problems


def check_sources(snippets: Mapping[str, Snippet]) -> list[str]:
    """Every source is a seed article, a dated paper or doc, or has a link."""
    problems = []
    for sid, s in snippets.items():
        if not s.sources:
            problems.append(f"{sid}: no sources")
        for src in s.sources:
            if src.title in SEED_TITLES or YEAR.search(src.title) or src.url:
                continue
            problems.append(f"{sid}: source {src.title!r} has neither a year nor a link")
    return problems


def check_related(snippets: Mapping[str, Snippet]) -> list[str]:
    """Every related link is returned, or listed in ONE_WAY with its reason."""
    problems = []
    for sid, s in snippets.items():
        for rid in s.related:
            target = snippets.get(rid)
            if target is None:
                problems.append(f"{sid}: related id {rid!r} does not exist")
            elif sid not in target.related and (sid, rid) not in ONE_WAY:
                problems.append(f"{sid} -> {rid}: not returned and not justified in ONE_WAY")
    for sid, rid in ONE_WAY:
        if sid in snippets and rid not in snippets[sid].related:
            problems.append(f"ONE_WAY lists {sid} -> {rid}, which is no longer a link")
    return problems


# --- facts of issue 10 part 1 -----------------------------------------------------------------


def check_foundation_models(snippets: Mapping[str, Snippet]) -> list[str]:
    """GANs/VAEs are never called foundation models without saying that use is loose."""
    problems = [
        f"{sid}: GAN/VAE called a foundation model: {sentence!r}"
        for sid, sentence in _each_sentence(snippets, r"foundation model")
        if _has(r"\b(GAN|VAE|generative adversarial|variational auto)", sentence)
        and not _has(r"\b(not|loose|loosely|some (articles|writers))\b", sentence)
    ]
    fm = snippets.get("foundation-models")
    if fm is not None and not (_has(r"\b2021\b", fm.body) and _has(r"Stanford", fm.body)):
        problems.append("foundation-models: does not give the 2021 Stanford (CRFM) meaning")
    return problems


def check_parameter_counts(snippets: Mapping[str, Snippet]) -> list[str]:
    """No 'tens of billions' as the top; every parameter count in large-in-llm has a year."""
    problems = [
        f"{sid}: dated size claim: {sentence!r}"
        for sid, sentence in _each_sentence(snippets, r"tens of billions")
    ]
    for sid, sentence in _each_sentence(snippets, r"\d\s*(million|billion)\b"):
        if sid == "large-in-llm":
            counts = re.findall(r"\d[\d.,]*\s*(?:million|billion)", sentence, re.IGNORECASE)
            years = YEAR.findall(sentence)
            if len(years) < len(counts):
                problems.append(f"{sid}: a parameter count without its year: {sentence!r}")
    return problems


def check_encoder_only(snippets: Mapping[str, Snippet]) -> list[str]:
    """BERT/RoBERTa are never said to write or generate; any snippet naming them says
    encoder-only."""
    problems = []
    writes = r"\b(writes?|writing|wrote|generat\w*|repl(y|ies)|chat\w*)\b"
    negated = r"\b(not|n't|rather than|instead of|encoder-only|reads? text)\b"
    for sid, sentence in _each_sentence(snippets, r"\b(ro)?bert\b"):
        if _has(writes, sentence) and not _has(negated, sentence):
            problems.append(f"{sid}: BERT/RoBERTa described as generating: {sentence!r}")
    for sid, s in snippets.items():
        text = f"{s.summary}\n{s.body}"
        if _has(r"\b(ro)?bert\b", text) and not _has(r"encoder-only", text):
            problems.append(f"{sid}: names BERT/RoBERTa without saying encoder-only")
    return problems


def check_image_generators(snippets: Mapping[str, Snippet]) -> list[str]:
    """DALL-E and Midjourney are diffusion models, never filed with GANs/VAEs/LLMs."""
    problems = [
        f"{sid}: DALL-E/Midjourney beside GANs/VAEs/LLMs without diffusion: {sentence!r}"
        for sid, sentence in _each_sentence(snippets, r"dall-e|midjourney")
        if _has(r"\b(GANs?|VAEs?|LLMs?|language models?)\b", sentence)
        and not _has(r"diffusion", sentence)
    ]
    for sid in ("genai-examples", "diffusion", "diffusion-vs-gan"):
        if sid not in snippets:
            continue
        # The paragraph or list item naming them says diffusion ("Stable Diffusion" aside).
        said = [b.replace("Stable Diffusion", "") for b in _blocks(snippets[sid].body)]
        if not any(_has(r"dall-e|midjourney", b) and _has("diffusion", b) for b in said):
            problems.append(f"{sid}: DALL-E/Midjourney not described as diffusion models")
    return problems


MEMORISATION = r"memori[sz]|reproduce|word for word|close to individual training"
NO_COPY_GUARANTEE = (
    r"without (copying|reproducing)|not cop(y|ies) (of )?(it|them)|rather than cop(y|ying)"
    r"|but not copies|never cop(y|ies)|similar but not identical"
)


def check_memorisation(snippets: Mapping[str, Snippet]) -> list[str]:
    """No 'without copying' guarantee; the snippets that said it now mention memorisation."""
    problems = [
        f"{sid}: guarantees no copying: {sentence!r}"
        for sid, sentence in _each_sentence(snippets, NO_COPY_GUARANTEE)
    ]
    for sid in ("what-is-genai", "training-data", "vae", "genai-challenges"):
        if sid in snippets and not _has(MEMORISATION, snippets[sid].body):
            problems.append(f"{sid}: does not mention that models can reproduce training data")
    return problems


def check_issue_details(snippets: Mapping[str, Snippet]) -> list[str]:
    """The remaining part-1 items, one assertion each."""
    problems = []

    def need(sid: str, pattern: str, why: str, *, field: str = "body") -> None:
        s = snippets.get(sid)
        if s is not None and not _has(pattern, getattr(s, field)):
            problems.append(f"{sid}: {why}")

    def forbid(sid: str, pattern: str, why: str, *, field: str = "body") -> None:
        s = snippets.get(sid)
        if s is not None and _has(pattern, getattr(s, field)):
            problems.append(f"{sid}: {why}")

    text_only = r"only (with )?text|text[- ]only|work only"
    forbid("llm-challenges", text_only, "summary says text-only", field="summary")
    need("llm-challenges", r"multimodal", "text limit given without the multimodal caveat")
    for year in ("2013", "2014", "2017", "2018", "2022"):
        need("what-came-first", rf"\b{year}\b", f"timeline lacks {year}")
    need("what-came-first", r"came first", "summary does not answer", field="summary")
    need("gan-vs-vae", r"encoder and a decoder", "does not say a VAE is two networks")
    for word in ("sharp", "stab", "latent", "speed|fast"):
        need("gan-vs-vae", word, f"trade-off {word!r} missing")
    for stage in (r"next token", r"instruction", r"RLHF"):
        need("training-data", stage, f"training at a glance lacks {stage!r}")
    need("synthetic-data", r"crop|flip|rotat", "data augmentation by transforming real data")
    need("synthetic-data", r"generat", "data augmentation by generating new data")
    need("genai-adoption", r"forecast", "Gartner figure not called a forecast", field="summary")
    need("genai-adoption", r"2023", "Gartner figure without its year", field="summary")
    for sid, sentence in _each_sentence(snippets, r"80%"):
        if not _has(r"forecast|quotes", sentence):
            problems.append(f"{sid}: the 80% figure is not framed as a forecast: {sentence!r}")
    for sid, sentence in _each_sentence(snippets, r"speech synthesis|text-to-speech|\bspeech\b"):
        if _has(r"\bLLMs?\b", sentence) and not _has(r"dedicated|rather than|not\b", sentence):
            problems.append(f"{sid}: speech generation attributed to an LLM: {sentence!r}")
    for _sid, sentence in _each_sentence({"llm-examples": snippets["llm-examples"]}, "ChatGPT"):
        if not _has(r"\bnot\b|behind|runs on", sentence):
            problems.append(f"llm-examples: ChatGPT named as a model: {sentence!r}")
    return problems


# Near-domain terms no snippet covers (TOPICS.md): the bot must decline them, so no snippet
# may invite them through its example questions or aliases (its body may mention them).
NOT_COVERED = (
    r"\bq?lora\b|quantiz|distillation|\bcnns?\b|convolutional|\brnns?\b|\blstm|backprop"
    r"|gradient descent|overfitting|\bagi\b|mixture of experts|\bmcp\b|context protocol"
    r"|prompt injection|text[- ]to[- ]speech|speech recognition|computer vision"
    r"|transfer learning|federated|knowledge graph|random forest|k-means"
)


def check_not_covered_terms(snippets: Mapping[str, Snippet]) -> list[str]:
    return [
        f"{sid}: invites a topic we do not cover: {text!r}"
        for sid, s in snippets.items()
        for text in (*s.questions, *s.aliases, s.title)
        if _has(NOT_COVERED, text)
    ]


CHECKS: dict[str, Check] = {
    "bold first line": check_bold_first_line,
    "shape of new snippets": check_shape_of_new,
    "sources": check_sources,
    "related links": check_related,
    "foundation models": check_foundation_models,
    "parameter counts": check_parameter_counts,
    "BERT encoder-only": check_encoder_only,
    "image generators": check_image_generators,
    "memorisation": check_memorisation,
    "issue details": check_issue_details,
    "not-covered terms": check_not_covered_terms,
}


@pytest.mark.parametrize("name", list(CHECKS))
def test_bundled_knowledge_passes(name: str, snippets: Mapping[str, Snippet]) -> None:
    problems = CHECKS[name](snippets)
    assert not problems, "\n".join(problems)


# --- each check fails on a deliberately broken copy ---------------------------------------------


def _edit(snippets: Mapping[str, Snippet], sid: str, **changes: object) -> dict[str, Snippet]:
    out = dict(snippets)
    out[sid] = replace(out[sid], **changes)  # type: ignore[arg-type]
    return out


def _body(snippets: Mapping[str, Snippet], sid: str, extra: str) -> dict[str, Snippet]:
    return _edit(snippets, sid, body=snippets[sid].body.rstrip() + "\n\n" + extra + "\n")


BROKEN: list[tuple[str, Callable[[Mapping[str, Snippet]], dict[str, Snippet]]]] = [
    ("bold first line", lambda k: _edit(k, "gan", body="**A GAN.** It has two nets.\n")),
    ("bold first line", lambda k: _edit(k, "rag", body="**RAG looks up. Then it answers.**\n")),
    ("bold first line", lambda k: _edit(k, "vae", body="A VAE is a model.\n")),
    ("shape of new snippets", lambda k: _edit(k, "rag", questions=k["rag"].questions[:7])),
    ("shape of new snippets", lambda k: _edit(k, "tokens", aliases=())),
    (
        "shape of new snippets",
        lambda k: _edit(k, "embeddings", questions=("what are embeddings used for?",) * 9),
    ),
    ("shape of new snippets", lambda k: _body(k, "nlp", "x" * 1200)),
    (
        "sources",
        lambda k: _edit(k, "rlhf", sources=(replace(k["rlhf"].sources[0], title="A blog"),)),
    ),
    ("related links", lambda k: _edit(k, "embeddings", related=("rag", "nlp", "tokens"))),
    ("foundation models", lambda k: _body(k, "vae", "VAEs are foundation models of gen AI.")),
    (
        "foundation models",
        lambda k: _edit(k, "foundation-models", body="**Foundation models power gen AI.**\n"),
    ),
    ("parameter counts", lambda k: _body(k, "what-is-llm", "The biggest have tens of billions.")),
    ("parameter counts", lambda k: _body(k, "large-in-llm", "Some models have 540 billion.")),
    ("BERT encoder-only", lambda k: _body(k, "chatgpt", "BERT writes a reply like ChatGPT.")),
    ("BERT encoder-only", lambda k: _body(k, "nlp", "Examples are BERT and GPT.")),
    ("image generators", lambda k: _body(k, "gan", "DALL-E and Midjourney are GANs.")),
    (
        "image generators",
        lambda k: _edit(k, "genai-examples", body="**DALL-E and Midjourney make images.**\n"),
    ),
    ("memorisation", lambda k: _body(k, "gan", "It creates new images without copying them.")),
    ("memorisation", lambda k: _edit(k, "vae", body="**A VAE decodes latent points.**\n")),
    ("issue details", lambda k: _edit(k, "llm-challenges", summary="LLMs work only with text.")),
    ("issue details", lambda k: _body(k, "genai-applications", "Speech synthesis uses LLMs.")),
    ("issue details", lambda k: _body(k, "genai-adoption", "80% of companies will use it.")),
    ("issue details", lambda k: _body(k, "llm-examples", "The list includes ChatGPT.")),
    ("issue details", lambda k: _edit(k, "what-came-first", summary="GenAI is the parent.")),
    ("issue details", lambda k: _edit(k, "synthetic-data", body="**Generated data.**\n")),
    ("not-covered terms", lambda k: _edit(k, "fine-tuning", aliases=("lora",))),
    (
        "not-covered terms",
        lambda k: _edit(k, "prompt-engineering", questions=("what is prompt injection",)),
    ),
]


@pytest.mark.parametrize(
    ("name", "breaker"), BROKEN, ids=[f"{n}-{i}" for i, (n, _) in enumerate(BROKEN)]
)
def test_check_fails_on_a_broken_copy(
    name: str,
    breaker: Callable[[Mapping[str, Snippet]], dict[str, Snippet]],
    snippets: Mapping[str, Snippet],
) -> None:
    assert CHECKS[name](breaker(snippets)), f"{name!r} did not notice the break"


def test_every_check_is_shown_to_fail() -> None:
    assert {name for name, _ in BROKEN} == set(CHECKS)
