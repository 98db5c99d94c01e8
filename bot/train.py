"""Discriminative refinement of snippet centroids (an averaged multiclass perceptron).

Centroids alone treat every word of a snippet's questions as evidence for it; a few passes of
perceptron updates over the example questions move weight onto the words that tell similar
snippets apart. Weights start at the centroids, so scores stay on the cosine scale, and the
result is averaged over all steps (stable, deterministic). Only run when the dense
feature x snippet matrix fits ``MAX_CELLS``; larger knowledge bases keep plain centroids.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from bot.features import Floats, Ints, SparseRows

MAX_CELLS = 40_000_000  # 160 MB of float32 at most
EPOCHS = 8
RATE = 0.15
MARGIN = 0.4


def refine(
    questions: SparseRows,
    labels: Ints,
    centroids: SparseRows,
    n_features: int,
    n_snippets: int,
) -> npt.NDArray[np.float32] | None:
    """Feature x snippet weights, or None when too large or nothing to separate.

    Args:
        questions: one row per example question (CSR).
        labels: the snippet of each question.
        centroids: one row per snippet (CSR), the starting weights.
        n_features: number of features.
        n_snippets: number of snippets.
    """
    if n_snippets < 2 or n_features * n_snippets > MAX_CELLS or len(labels) == 0:
        return None
    weights = np.zeros((n_features, n_snippets), dtype=np.float32)
    for s in range(n_snippets):
        a, b = centroids.indptr[s], centroids.indptr[s + 1]
        weights[centroids.ids[a:b], s] = centroids.values[a:b]
    # Averaged perceptron: avg = weights - pending / steps, updates stamped with the step.
    pending = np.zeros_like(weights)
    order = np.random.default_rng(0).permutation(len(labels))
    step = 1
    for _ in range(EPOCHS):
        for i in order.tolist():
            a, b = questions.indptr[i], questions.indptr[i + 1]
            ids = questions.ids[a:b]
            vals = questions.values[a:b]
            scores: Floats = vals @ weights[ids]
            y = int(labels[i])
            truth = scores[y]
            scores[y] = -np.inf
            rival = int(np.argmax(scores))
            if truth - scores[rival] < MARGIN:
                delta = RATE * vals
                weights[ids, y] += delta
                weights[ids, rival] -= delta
                pending[ids, y] += step * delta
                pending[ids, rival] -= step * delta
            step += 1
    weights -= pending / np.float32(step)
    return weights
