"""Runnable checks for the RAG cards: retrieval scoring, fusion, chunking and evaluation metrics.

Pure Python and numpy; each function recomputes a claim from its definition and asserts.
"""

from __future__ import annotations

import math


def rrf_fusion() -> None:
    """Reciprocal rank fusion (Cormack et al. 2009): score(d) = sum over rankers of 1/(k + rank(d)),
    k = 60. It uses ranks only, so BM25 scores and cosine similarities need no common scale; a
    document ranked well by both lists beats one ranked first by one list and absent from the other."""
    k = 60
    bm25 = ["d1", "d2", "d3", "d4"]
    dense = ["d3", "d5", "d2", "d1"]

    def rrf(lists):
        s: dict[str, float] = {}
        for lst in lists:
            for rank, d in enumerate(lst, start=1):
                s[d] = s.get(d, 0.0) + 1.0 / (k + rank)
        return sorted(s.items(), key=lambda kv: -kv[1])

    fused = rrf([bm25, dense])
    order = [d for d, _ in fused]
    assert abs(dict(fused)["d3"] - (1 / 63 + 1 / 61)) < 1e-15
    assert order == ["d3", "d1", "d2", "d5", "d4"], order  # ranks (3,1) > (1,4) > (2,3) > (-,2) > (4,-)
    assert abs(dict(fused)["d1"] - (1 / 61 + 1 / 64)) < 1e-15
    assert dict(fused)["d5"] < dict(fused)["d1"]  # 2nd in one list only < 1st and 4th
    # invariance to monotone rescaling of the raw scores: only ranks enter
    raw = {"d1": 12.0, "d2": 9.0, "d3": 7.5, "d4": 1.0}
    rescaled = {d: math.exp(v / 3) for d, v in raw.items()}
    assert sorted(raw, key=lambda d: -raw[d]) == sorted(rescaled, key=lambda d: -rescaled[d])


def bm25_term_frequency_saturates() -> None:
    """BM25 term weight idf * tf (k1 + 1) / (tf + k1 (1 - b + b dl/avgdl)) rises with tf but never
    exceeds idf (k1 + 1): repeating a keyword has diminishing returns; longer documents are
    penalised through b (k1 = 1.2, b = 0.75 are the usual defaults)."""
    k1, b = 1.2, 0.75
    N, df = 1000, 10
    idf = math.log((N - df + 0.5) / (df + 0.5) + 1)  # the Lucene form, always positive

    def w(tf, dl, avgdl=100.0):
        return idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * dl / avgdl))

    vals = [w(tf, 100) for tf in (1, 2, 3, 4, 5, 6, 7, 8, 1000)]
    assert all(x < y for x, y in zip(vals, vals[1:]))
    gains = [y - x for x, y in zip(vals[:-1], vals[1:-1])]  # consecutive tf = 1..8
    assert all(g2 < g1 for g1, g2 in zip(gains, gains[1:]))  # diminishing returns
    assert vals[-1] < idf * (k1 + 1) and vals[-1] > 0.99 * idf * (k1 + 1)
    assert w(3, 300) < w(3, 100) < w(3, 50)  # length normalisation
    assert abs(w(1, 100) - idf) < 1e-12  # tf=1 in an average-length doc scores exactly idf


def cosine_equals_dot_on_normalised_vectors() -> None:
    """With L2-normalised embeddings, inner product = cosine similarity, and ranking by L2 distance
    is the same as ranking by cosine (||a-b||^2 = 2 - 2 cos) -- why vector stores let you pick IP on
    normalised vectors."""
    import numpy as np

    rng = np.random.default_rng(0)
    q = rng.normal(size=64)
    docs = rng.normal(size=(50, 64))
    cos = docs @ q / (np.linalg.norm(docs, axis=1) * np.linalg.norm(q))
    qn = q / np.linalg.norm(q)
    dn = docs / np.linalg.norm(docs, axis=1, keepdims=True)
    assert np.allclose(dn @ qn, cos)
    l2 = np.sum((dn - qn) ** 2, axis=1)
    assert np.allclose(l2, 2 - 2 * cos)
    assert list(np.argsort(-cos)) == list(np.argsort(l2))
    # without normalisation, inner product ranking can differ from cosine
    docs2 = docs * rng.uniform(0.1, 10, size=(50, 1))
    assert list(np.argsort(-(docs2 @ q))) != list(np.argsort(-cos))


def sliding_window_chunk_count() -> None:
    """Fixed-size chunks of size s with overlap o over L tokens: n = ceil((L - o) / (s - o)) chunks
    (L > s), each step advancing s - o tokens; overlap costs index size ~ s/(s-o)."""

    def chunk(tokens, s, o):
        assert 0 <= o < s
        out, start = [], 0
        while True:
            out.append(tokens[start : start + s])
            if start + s >= len(tokens):
                return out
            start += s - o

    for L, s, o in ((1000, 256, 32), (512, 512, 0), (2049, 512, 64), (10_000, 300, 50)):
        toks = list(range(L))
        chunks = chunk(toks, s, o)
        expected = 1 if L <= s else math.ceil((L - o) / (s - o))
        assert len(chunks) == expected, (L, s, o, len(chunks), expected)
        assert set(t for c in chunks for t in c) == set(toks)  # nothing lost
        assert all(len(c) <= s for c in chunks)
        for a, b in zip(chunks, chunks[1:]):
            assert a[-o:] == b[:o] if o else a[-1] + 1 == b[0]
    # 256-token chunks with 32 overlap store ~256/224 = 1.14x the tokens
    total = sum(len(c) for c in chunk(list(range(100_000)), 256, 32))
    assert 1.13 < total / 100_000 < 1.15


def retrieval_metrics() -> None:
    """Recall@k = relevant found in the top k / all relevant; MRR = mean of 1/rank of the first
    relevant hit; nDCG@k = DCG@k / ideal DCG@k with DCG = sum rel_i / log2(i + 1)."""
    queries = [
        (["a", "b", "c", "d", "e"], {"c": 1, "x": 1}),  # first relevant at 3, one of two found
        (["p", "q", "r", "s", "t"], {"p": 3, "s": 1}),  # graded relevance
        (["m", "n", "o", "u", "v"], {"z": 1}),  # missed
    ]

    def recall(rank, rel, k):
        return len([d for d in rank[:k] if d in rel]) / len(rel)

    def rr(rank, rel):
        for i, d in enumerate(rank, 1):
            if d in rel:
                return 1 / i
        return 0.0

    def ndcg(rank, rel, k):
        dcg = sum(rel.get(d, 0) / math.log2(i + 1) for i, d in enumerate(rank[:k], 1))
        ideal = sorted(rel.values(), reverse=True)[:k]
        idcg = sum(g / math.log2(i + 1) for i, g in enumerate(ideal, 1))
        return dcg / idcg

    assert recall(*queries[0], k=5) == 0.5 and recall(*queries[1], k=5) == 1.0 and recall(*queries[2], 5) == 0
    mrr = sum(rr(r, g) for r, g in queries) / 3
    assert abs(mrr - (1 / 3 + 1 + 0) / 3) < 1e-12
    n2 = ndcg(*queries[1], k=5)
    assert abs(n2 - (3 + 1 / math.log2(5)) / (3 + 1 / math.log2(3))) < 1e-12
    assert ndcg(["s", "p"], {"p": 3, "s": 1}, 2) < ndcg(["p", "s"], {"p": 3, "s": 1}, 2) == 1.0
    # the evaluation card's worked numbers
    assert round(mrr, 3) == 0.444 and round(n2, 3) == 0.945
