"""The vectorised build and the per-question vector agree; character n-gram codes."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.matching.vectorizer import Vectorizer, gram_codes, question_word_counts

WORD = st.text("abcdez019", min_size=1, max_size=7)
TOKEN = st.one_of(WORD, WORD.map(lambda w: "~" + w), WORD.map(lambda w: "~=" + w + "s"))
DOCS = st.lists(st.lists(TOKEN, min_size=0, max_size=8), min_size=1, max_size=12)


def as_dict(ids: np.ndarray, vals: np.ndarray) -> dict[int, float]:
    return dict(zip(ids.tolist(), vals.tolist(), strict=True))


@settings(max_examples=60, deadline=None)
@given(DOCS, st.sampled_from([(2, 3, 4, 5), (3, 4, 5)]))
def test_each_built_row_is_the_vector_of_its_document(
    docs: list[list[str]], sizes: tuple[int, ...]
) -> None:
    vectorizer, rows = Vectorizer.fit(docs, sizes)
    assert len(rows.indptr) == len(docs) + 1
    for i, doc in enumerate(docs):
        a, b = rows.indptr[i], rows.indptr[i + 1]
        built = as_dict(rows.ids[a:b], rows.values[a:b])
        queried = as_dict(*vectorizer.vector(doc))
        assert built.keys() == queried.keys()
        for k, v in built.items():
            assert abs(v - queried[k]) < 1e-5


def test_unknown_words_count_in_the_norm_but_unknown_marks_do_not() -> None:
    vectorizer, _ = Vectorizer.fit([["large", "model"], ["small", "model"]])
    _, vals = vectorizer.vector(["large", "model"])
    assert abs(float(vals @ vals) - 1.0) < 1e-5
    _, with_mark = vectorizer.vector(["large", "model", "~hey"])
    assert np.allclose(np.sort(with_mark), np.sort(vals))
    _, with_word = vectorizer.vector(["large", "model", "zebra"])
    assert float(with_word @ with_word) < 0.99


def test_gram_codes_stay_inside_each_padded_word() -> None:
    vectorizer, _ = Vectorizer.fit([["ab", "cd"]], (2, 3))
    assert sorted(vectorizer.char_grams()) == sorted(
        [" a", "ab", "b ", " c", "cd", "d ", " ab", "ab ", " cd", "cd "]
    )
    codes, owner = gram_codes(["ab", "cd"], (5,))
    assert len(codes) == 0 and len(owner) == 0


def test_question_word_counts() -> None:
    counts = question_word_counts([[["llm", "model", "llm"], ["model"]], [["gan"]]])
    assert counts[0] == {"llm": 1, "model": 2}
    assert counts[1] == {"gan": 1}
