"""Cases for paged-attention: the worked example, a context that exactly fills its blocks, a context
of one token, MQA and GQA head sharing, a block table in reverse order, and seeded random pools where
sequences own shuffled, non-contiguous blocks and every unused slot holds large garbage values."""

import numpy as np

from mianjing.problems.case import Case


def _pool(rng, lens, block_size, h, h_kv, d, spare=3, shuffle=True):
    """A physical pool shared by all sequences, block tables padded with -1, garbage elsewhere."""
    need = [(n + block_size - 1) // block_size for n in lens]
    num_blocks = sum(need) + spare
    ids = rng.permutation(num_blocks) if shuffle else np.arange(num_blocks)
    max_blocks = max(need) + int(rng.integers(0, 2))
    tables = -np.ones((len(lens), max_blocks), dtype=np.int64)
    at = 0
    for b, n in enumerate(need):
        tables[b, :n] = ids[at:at + n]
        at += n
    # garbage everywhere, then real (unit-scale) keys and values in the slots that are in use
    k = rng.standard_normal((num_blocks, block_size, h_kv, d)) * 5.0 + 3.0
    v = rng.standard_normal((num_blocks, block_size, h_kv, d)) * 5.0 - 3.0
    for b, n in enumerate(lens):
        for p in range(n):
            blk, slot = tables[b, p // block_size], p % block_size
            k[blk, slot] = rng.standard_normal((h_kv, d))
            v[blk, slot] = rng.standard_normal((h_kv, d))
    return {"q": rng.standard_normal((len(lens), h, d)), "k_cache": k, "v_cache": v, "block_tables": tables,
            "context_lens": np.array(lens, dtype=np.int64), "scale": None}


def cases(rng: np.random.Generator) -> list[Case]:
    ex = {
        "q": np.array([[[1.0, 0.0]]]),
        "k_cache": np.array([[[[0.0, 1.0]], [[9.0, 9.0]]],     # block 0: token 2, then an unused slot
                             [[[9.0, 9.0]], [[9.0, 9.0]]],     # block 1: not this sequence's
                             [[[1.0, 0.0]], [[2.0, 0.0]]]]),   # block 2: tokens 0 and 1
        "v_cache": np.array([[[[5.0, 6.0]], [[9.0, 9.0]]],
                             [[[9.0, 9.0]], [[9.0, 9.0]]],
                             [[[1.0, 2.0]], [[3.0, 4.0]]]]),
        "block_tables": np.array([[2, 0]], dtype=np.int64),
        "context_lens": np.array([3], dtype=np.int64),
        "scale": 1.0,
    }
    out = [Case("example-1", ex, hidden=False)]
    out.append(Case("edge-full-blocks", _pool(rng, [8, 4], 4, 2, 2, 8), note="contexts that exactly fill their blocks"))
    out.append(Case("edge-one-token", _pool(rng, [1, 6], 4, 2, 1, 8), note="a context of one token"))
    out.append(Case("edge-mqa", _pool(rng, [5, 9, 3], 4, 4, 1, 8), note="one kv head shared by 4 query heads"))
    out.append(Case("edge-gqa", _pool(rng, [7, 11], 4, 6, 2, 8), note="6 query heads over 2 kv heads"))
    rev = _pool_from_table(rng, np.array([[4, 3, 2, 1, 0]], dtype=np.int64), [10], 2, 2, 2, 4)
    out.append(Case("edge-reversed-table", rev, note="logical block i lives in physical block n-1-i"))
    x = _pool(rng, [6, 13], 8, 4, 2, 16)
    x["scale"] = 0.1
    out.append(Case("edge-custom-scale", x, note="an explicit scale"))
    for k in range(6):
        b = int(rng.integers(1, 5))
        bs = int(rng.choice([2, 4, 8]))
        h_kv = int(rng.choice([1, 2]))
        h = h_kv * int(rng.choice([1, 2, 3]))
        lens = [int(n) for n in rng.integers(1, 30, size=b)]
        out.append(Case(f"random-{k + 1}", _pool(rng, lens, bs, h, h_kv, int(rng.choice([4, 8, 16])),
                                                  spare=int(rng.integers(0, 4)))))
    return out


def _pool_from_table(rng, tables, lens, block_size, h, h_kv, d):
    num_blocks = int(tables.max()) + 1
    k = rng.standard_normal((num_blocks, block_size, h_kv, d)) * 5.0 + 3.0
    v = rng.standard_normal((num_blocks, block_size, h_kv, d)) * 5.0 - 3.0
    for b, n in enumerate(lens):
        for p in range(n):
            k[tables[b, p // block_size], p % block_size] = rng.standard_normal((h_kv, d))
            v[tables[b, p // block_size], p % block_size] = rng.standard_normal((h_kv, d))
    return {"q": rng.standard_normal((len(lens), h, d)), "k_cache": k, "v_cache": v, "block_tables": tables,
            "context_lens": np.array(lens, dtype=np.int64), "scale": None}
