"""The five checks an independent review found unable to fail, as they stood before the rewrite.

Kept verbatim so the detector in mianjing.cards.check_lint is tested on the real defects."""


import math


import numpy as np


# from reports/checks.py
DSV3 = dict(
    layers=61, hidden=7168, heads=128, head_dim=128, d_c=512, d_cq=1536, rope_dim=64,
    dense_layers=3, shared=1, routed=256, top_k=8, expert_ffn=2048, dense_ffn=18432, vocab=129280,
)


# from reports/checks.py
def _mla_cache_elems_per_token_per_layer(d_c: int, rope_dim: int) -> int:
    # what MLA keeps per token: the compressed KV latent c_t^{KV} and the shared decoupled RoPE key k_t^R
    c_kv = np.zeros(d_c)
    k_rope = np.zeros(rope_dim)
    return c_kv.size + k_rope.size


# from reports/checks.py
def minimax_hybrid_layout() -> None:
    """80 layers, one softmax layer after every 7 lightning layers: 10 softmax layers, KV cache 1/8 of all-softmax."""
    layers = ["softmax" if (i + 1) % 8 == 0 else "lightning" for i in range(80)]
    n_soft = layers.count("softmax")
    assert n_soft == 10 and layers[7] == "softmax" and layers[-1] == "softmax"
    assert n_soft / len(layers) == 1 / 8


# from reports/checks.py
def qwen25_context_stages() -> None:
    """Turbo: 32K -> 64K -> 128K -> 256K in four stages; YaRN + DCA give 4x at inference (128K, and 1M for Turbo)."""
    stages = [32768 * 2**i for i in range(4)]
    assert stages == [32768, 65536, 131072, 262144]
    assert 32768 * 4 == 131072 and stages[-1] * 4 == 1048576
    # each Turbo stage: 40% of sequences at the stage's maximum length, 60% shorter
    mix = {"at_max": 0.4, "shorter": 0.6}
    assert abs(sum(mix.values()) - 1.0) < 1e-12


# from fundamentals/checks.py
def cuda_grid_indexing() -> None:
    """CUDA C++ Programming Guide §2.2: i = blockIdx.x·blockDim.x + threadIdx.x with ceil(n/blockDim) blocks
    covers every element once; a block runs as warps of 32 threads."""
    import numpy as np

    for n, block in [(1000, 256), (1 << 20, 1024), (37, 32)]:
        grid = (n + block - 1) // block
        block_idx = np.repeat(np.arange(grid), block)
        thread_idx = np.tile(np.arange(block), grid)
        i = block_idx * block + thread_idx
        active = i[i < n]  # the `if (i < n)` guard
        assert np.array_equal(np.sort(active), np.arange(n))
        assert grid * block - n < block  # fewer than one block of idle threads
    # grid-stride loop with a fixed grid covers everything too
    n, block, grid = 10_000, 128, 8
    hits = np.zeros(n, dtype=int)
    for tid in range(grid * block):
        hits[np.arange(tid, n, grid * block)] += 1
    assert (hits == 1).all()
    # warps: a 1000-thread block is 32 warps, the last with 8 active lanes
    assert -(-1000 // 32) == 32 and 1000 - 31 * 32 == 8
    # arithmetic intensity: fp32 vector add = 1 FLOP per 12 bytes; n×n fp32 matmul = 2n³ / (3·4n²) = n/6
    assert abs(1 / 12 - 0.083) < 1e-3
    n = 4096
    assert round(2 * n**3 / (3 * 4 * n**2)) == 683


# from finetuning/checks.py
def lora_vs_full_memory_7b() -> None:
    """LoRA on all linear layers of a Llama-2-7B-shaped model (hidden 4096, MLP 11008, 32 layers):
    per layer r * (4 * (4096 + 4096) + 3 * (4096 + 11008)) = 78,080 r parameters, so r = 16 gives
    ~40.0M (0.59% of 6.74B). The formula is first checked against PEFT's own count on a scaled-down
    block targeting the seven projections (lm_head left out). Model-state memory: full fine-tuning 16 B/param ->
    ~108 GB; LoRA (bf16 frozen base + 16 B per LoRA param) ~14.1 GB; QLoRA (NF4 + double-quant
    constants) ~4.1 GB, before activations."""
    import torch

    def per_layer(r, h, i):
        return r * (4 * (h + h) + 3 * (h + i))

    try:
        from peft import LoraConfig, get_peft_model
    except Exception:
        LoraConfig = None
    if LoraConfig is not None:
        h, i, r = 32, 86, 4

        class Block(torch.nn.Module):
            def __init__(self):
                super().__init__()
                self.q_proj, self.k_proj = torch.nn.Linear(h, h, bias=False), torch.nn.Linear(h, h, bias=False)
                self.v_proj, self.o_proj = torch.nn.Linear(h, h, bias=False), torch.nn.Linear(h, h, bias=False)
                self.gate_proj, self.up_proj = torch.nn.Linear(h, i, bias=False), torch.nn.Linear(h, i, bias=False)
                self.down_proj = torch.nn.Linear(i, h, bias=False)
                self.lm_head = torch.nn.Linear(h, 10, bias=False)  # not a target: stays frozen, no LoRA

            def forward(self, x):
                a = self.o_proj(self.q_proj(x) + self.k_proj(x) + self.v_proj(x))
                return self.lm_head(self.down_proj(self.gate_proj(a) * self.up_proj(a)))

        targets = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]
        model = get_peft_model(Block(), LoraConfig(r=r, lora_alpha=8, target_modules=targets))
        trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
        assert trainable == per_layer(r, h, i), (trainable, per_layer(r, h, i))
    n_total = 6.74e9
    lora = 32 * per_layer(16, 4096, 11008)
    assert lora == 39_976_960
    assert round(100 * lora / n_total, 2) == 0.59
    full_gb = 16 * n_total / 1e9
    lora_gb = (2 * n_total + 16 * lora) / 1e9
    qlora_gb = (n_total * (4 + 0.127) / 8 + 16 * lora) / 1e9
    assert round(full_gb) == 108 and round(lora_gb, 1) == 14.1 and round(qlora_gb, 1) == 4.1, (full_gb, lora_gb, qlora_gb)
