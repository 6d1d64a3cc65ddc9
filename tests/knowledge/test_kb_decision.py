"""The decision's logistic fit: the column-wise gradient descent is the plain one, exactly."""

from __future__ import annotations

import math
import random

from gateway.knowledge.decision import _ITERATIONS, _L2, _RATE, FEATURES, Logistic


def plain_fit(rows: list[tuple[list[float], bool]]) -> Logistic:
    """Gradient descent written as the obvious loop over rows, then features (the oracle)."""
    columns = list(zip(*(r for r, _ in rows), strict=True))
    means = tuple(sum(c) / len(c) for c in columns)
    scales = tuple(
        math.sqrt(sum((v - m) ** 2 for v in c) / len(c)) or 1.0
        for c, m in zip(columns, means, strict=True)
    )
    data = [([(v - m) / s for v, m, s in zip(r, means, scales, strict=True)], y) for r, y in rows]
    weights = [0.0] * (len(FEATURES) + 1)
    for _ in range(_ITERATIONS):
        gradient = [0.0] * len(weights)
        for x, y in data:
            value = weights[0] + sum(w * v for w, v in zip(weights[1:], x, strict=True))
            error = (0.0 if value < -30 else 1.0 / (1.0 + math.exp(-value))) - float(y)
            gradient[0] += error
            for i, v in enumerate(x, 1):
                gradient[i] += error * v
        for i in range(len(weights)):
            penalty = _L2 * weights[i] if i else 0.0
            weights[i] -= _RATE * (gradient[i] / len(data) + penalty)
    return Logistic(tuple(weights), means, scales)


def test_fit_gives_the_plain_loops_weights_bit_for_bit() -> None:
    rng = random.Random(7)
    noisy = [([rng.random() for _ in FEATURES], rng.random() < 0.3) for _ in range(300)]
    # Separable rows with an outlier drive some rows far below -30 (the sigmoid's floor).
    separable = [
        ([float(y) * 5 + rng.random() * 0.1, *(rng.random() for _ in FEATURES[1:])], y)
        for y in (rng.random() < 0.5 for _ in range(200))
    ]
    separable.append(([-500.0, *([0.5] * (len(FEATURES) - 1))], False))
    for rows in (noisy, separable):
        fitted = Logistic.fit(rows)
        assert fitted == plain_fit(rows)
        assert len({round(fitted.probability(r), 6) for r, _ in rows}) > 2
