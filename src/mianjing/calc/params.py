"""Exact parameter counts from a Hugging Face style `config.json`.

Covers the decoder-only families interviews ask about: Llama / Mistral / Qwen2 / Qwen3 (dense, GQA,
tied or untied embeddings, explicit `head_dim`, q/k/v biases, q/k norms), Mixtral / Qwen3-MoE (routed
experts) and DeepSeek-V3 (MLA attention, shared + routed experts, dense first layers, the MTP module).

Counts are what `transformers` builds from the same config (the tests instantiate the models on the
meta device and compare): every `nn.Parameter` once, buffers (rotary tables, DeepSeek's
`e_score_correction_bias`) not counted, a tied output head counted once. Buffers a checkpoint stores
(DeepSeek-V3's router bias) are reported on their own `buffers` line ("stored tensors").

Conventions, stated once:
- embedding = input embedding matrix + the output head when it is untied (Kaplan et al. 2020 leave
  both out of "non-embedding" parameters); non_embedding = total - embedding.
- active = parameters one token passes through: total minus the routed experts it does not use.
- DeepSeek-V3's multi-token-prediction (MTP) module is reported on its own, never in `total`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .units import CalcError


@dataclass(frozen=True)
class Arch:
    """The fields of a config the counts depend on, normalised across model families."""

    name: str
    model_type: str
    vocab: int
    hidden: int
    layers: int
    heads: int
    kv_heads: int
    head_dim: int
    intermediate: int  # dense MLP width
    tie: bool
    qkv_bias: bool
    o_bias: bool
    mlp_bias: bool
    qk_norm: bool
    # MoE (experts == 0 means dense)
    experts: int = 0
    top_k: int = 0
    moe_intermediate: int = 0
    shared_intermediate: int = 0  # width of the always-on shared expert MLP (0 = none)
    shared_gate: bool = False  # Qwen2-MoE's sigmoid gate on the shared expert
    moe_layers: tuple[int, ...] = ()
    # MLA (kv_lora_rank == 0 means ordinary multi-head / grouped-query attention)
    q_lora_rank: int = 0
    kv_lora_rank: int = 0
    qk_nope_dim: int = 0
    qk_rope_dim: int = 0
    v_head_dim: int = 0
    mtp_layers: int = 0
    router_bias: bool = False  # DeepSeek-V3's e_score_correction_bias buffer per MoE layer (noaux_tc routing)
    max_position: int = 0
    torch_dtype: str = "bfloat16"
    assumptions: tuple[str, ...] = field(default=())

    @property
    def is_moe(self) -> bool:
        return self.experts > 0

    @property
    def is_mla(self) -> bool:
        return self.kv_lora_rank > 0

    @property
    def attention_kind(self) -> str:
        if self.is_mla:
            return "MLA"
        if self.kv_heads == self.heads:
            return "MHA"
        if self.kv_heads == 1:
            return "MQA"
        return "GQA"


def _need(cfg: dict, *keys: str) -> None:
    missing = [k for k in keys if cfg.get(k) is None]
    if missing:
        raise CalcError(f"config is missing required field(s): {', '.join(missing)}")


def _pos_int(cfg: dict, key: str, default: int | None = None) -> int:
    v = cfg.get(key, default)
    if isinstance(v, bool) or not isinstance(v, int) or v < 0:
        raise CalcError(f"config field {key!r} must be a non-negative integer, got {v!r}")
    return v


def arch_from_config(cfg: dict, name: str = "model") -> Arch:
    """Normalise a config dict; raise CalcError with the missing / bad fields."""
    if not isinstance(cfg, dict):
        raise CalcError("config must be a JSON object")
    mt = str(cfg.get("model_type", "")).lower()
    _need(cfg, "vocab_size", "hidden_size", "num_hidden_layers", "num_attention_heads")
    vocab = _pos_int(cfg, "vocab_size")
    hidden = _pos_int(cfg, "hidden_size")
    layers = _pos_int(cfg, "num_hidden_layers")
    heads = _pos_int(cfg, "num_attention_heads")
    if min(vocab, hidden, layers, heads) == 0:
        raise CalcError("vocab_size, hidden_size, num_hidden_layers and num_attention_heads must be positive")
    kv_heads = _pos_int(cfg, "num_key_value_heads", heads) if cfg.get("num_key_value_heads") is not None else heads
    if kv_heads == 0 or heads % kv_heads:
        raise CalcError(f"num_attention_heads ({heads}) must be a multiple of num_key_value_heads ({kv_heads})")
    assumptions: list[str] = []
    if cfg.get("head_dim") is not None:
        head_dim = _pos_int(cfg, "head_dim")
    else:
        if hidden % heads:
            raise CalcError(f"hidden_size ({hidden}) is not divisible by num_attention_heads ({heads}); "
                            "give head_dim explicitly")
        head_dim = hidden // heads
    known = {"llama", "mistral", "qwen2", "qwen3", "mixtral", "qwen3_moe", "qwen2_moe", "deepseek_v3", "deepseek_v2"}
    if mt not in known:
        assumptions.append(f"model_type {mt or '(none)'!r} is not one mianjing knows; counted as a "
                           "Llama-style decoder (RMSNorm, SwiGLU MLP)")
    # tie_word_embeddings when absent: False for every family here (their config classes' default),
    # True otherwise (transformers' PretrainedConfig default).
    if "tie_word_embeddings" in cfg and cfg["tie_word_embeddings"] is not None:
        tie = bool(cfg["tie_word_embeddings"])
    else:
        tie = mt not in known
        if tie:
            assumptions.append("tie_word_embeddings not given: assumed tied (transformers' generic default)")
    attention_bias = bool(cfg.get("attention_bias", False))
    if mt == "qwen2" or mt == "qwen2_moe":
        qkv_bias, o_bias = True, False  # Qwen2 hard-codes bias on q/k/v only
    else:
        qkv_bias = o_bias = attention_bias
    mlp_bias = bool(cfg.get("mlp_bias", False))
    qk_norm = mt in ("qwen3", "qwen3_moe")

    experts = top_k = moe_inter = shared_inter = 0
    shared_gate = False
    moe_layers: tuple[int, ...] = ()
    n_exp = cfg.get("num_local_experts") or cfg.get("n_routed_experts") or cfg.get("num_experts") or 0
    if n_exp:
        experts = int(n_exp)
        _need(cfg, "num_experts_per_tok")
        top_k = _pos_int(cfg, "num_experts_per_tok")
        if not 0 < top_k <= experts:
            raise CalcError(f"num_experts_per_tok ({top_k}) must be between 1 and the number of experts ({experts})")
        if mt in ("deepseek_v3", "deepseek_v2"):
            _need(cfg, "moe_intermediate_size")
            moe_inter = _pos_int(cfg, "moe_intermediate_size")
            shared_inter = moe_inter * int(cfg.get("n_shared_experts") or 0)
            first = int(cfg.get("first_k_dense_replace", 0))
            freq = int(cfg.get("moe_layer_freq", 1)) or 1
            moe_layers = tuple(i for i in range(layers) if i >= first and i % freq == 0)
        elif mt in ("qwen3_moe", "qwen2_moe"):
            _need(cfg, "moe_intermediate_size")
            moe_inter = _pos_int(cfg, "moe_intermediate_size")
            step = int(cfg.get("decoder_sparse_step", 1)) or 1
            only = set(cfg.get("mlp_only_layers") or [])
            moe_layers = tuple(i for i in range(layers) if i not in only and (i + 1) % step == 0)
            if mt == "qwen2_moe":
                shared_inter = int(cfg.get("shared_expert_intermediate_size") or 0)
                shared_gate = shared_inter > 0
        else:  # Mixtral: every layer is MoE, experts as wide as intermediate_size
            _need(cfg, "intermediate_size")
            moe_inter = _pos_int(cfg, "intermediate_size")
            moe_layers = tuple(range(layers))
    dense_needed = len(moe_layers) < layers
    if dense_needed:
        _need(cfg, "intermediate_size")
    intermediate = int(cfg.get("intermediate_size") or 0)

    q_lora = kv_lora = nope = rope = vdim = 0
    if cfg.get("kv_lora_rank"):
        _need(cfg, "kv_lora_rank", "qk_rope_head_dim", "qk_nope_head_dim", "v_head_dim")
        q_lora = int(cfg.get("q_lora_rank") or 0)
        kv_lora = _pos_int(cfg, "kv_lora_rank")
        nope = _pos_int(cfg, "qk_nope_head_dim")
        rope = _pos_int(cfg, "qk_rope_head_dim")
        vdim = _pos_int(cfg, "v_head_dim")
        head_dim = nope + rope
        kv_heads = heads  # MLA expands the latent to one K and V per head
    mtp = int(cfg.get("num_nextn_predict_layers") or 0)
    return Arch(
        name=name, model_type=mt, vocab=vocab, hidden=hidden, layers=layers, heads=heads, kv_heads=kv_heads,
        head_dim=head_dim, intermediate=intermediate, tie=tie, qkv_bias=qkv_bias, o_bias=o_bias,
        mlp_bias=mlp_bias, qk_norm=qk_norm, experts=experts, top_k=top_k, moe_intermediate=moe_inter,
        shared_intermediate=shared_inter, shared_gate=shared_gate, moe_layers=moe_layers,
        q_lora_rank=q_lora, kv_lora_rank=kv_lora, qk_nope_dim=nope, qk_rope_dim=rope, v_head_dim=vdim,
        mtp_layers=mtp, router_bias=bool(n_exp) and cfg.get("topk_method") == "noaux_tc",
        max_position=int(cfg.get("max_position_embeddings") or 0),
        torch_dtype=str(cfg.get("torch_dtype") or cfg.get("dtype") or "bfloat16"),
        assumptions=tuple(assumptions),
    )


# ---- the pieces, each a (count, formula-with-numbers) -------------------------------------------------

@dataclass(frozen=True)
class Linear:
    """One weight matrix (as `nn.Linear(d_in, d_out)`) in a named group, `n` copies per layer."""

    name: str
    d_in: int
    d_out: int
    bias: bool = False
    group: str = "attention"  # attention | mlp | shared | experts | router

    @property
    def count(self) -> int:
        return self.d_in * self.d_out + (self.d_out if self.bias else 0)


def attention_linears(a: Arch) -> list[Linear]:
    h = a.hidden
    if a.is_mla:
        qk = a.qk_nope_dim + a.qk_rope_dim
        out = []
        if a.q_lora_rank:
            out += [Linear("q_a_proj", h, a.q_lora_rank, a.qkv_bias), Linear("q_b_proj", a.q_lora_rank, a.heads * qk)]
        else:
            out += [Linear("q_proj", h, a.heads * qk)]
        out += [
            Linear("kv_a_proj_with_mqa", h, a.kv_lora_rank + a.qk_rope_dim, a.qkv_bias),
            Linear("kv_b_proj", a.kv_lora_rank, a.heads * (a.qk_nope_dim + a.v_head_dim)),
            Linear("o_proj", a.heads * a.v_head_dim, h, a.o_bias),
        ]
        return out
    d = a.head_dim
    return [
        Linear("q_proj", h, a.heads * d, a.qkv_bias),
        Linear("k_proj", h, a.kv_heads * d, a.qkv_bias),
        Linear("v_proj", h, a.kv_heads * d, a.qkv_bias),
        Linear("o_proj", a.heads * d, h, a.o_bias),
    ]


def attention_norms(a: Arch) -> int:
    """Norms inside attention: MLA's latent norms, Qwen3's per-head q/k norms."""
    if a.is_mla:
        return (a.q_lora_rank if a.q_lora_rank else 0) + a.kv_lora_rank
    return 2 * a.head_dim if a.qk_norm else 0


def mlp_linears(h: int, width: int, bias: bool, group: str) -> list[Linear]:
    return [Linear("gate_proj", h, width, bias, group), Linear("up_proj", h, width, bias, group),
            Linear("down_proj", width, h, bias, group)]


def expert_count(a: Arch) -> int:
    """Parameters of one routed expert (a SwiGLU MLP of width moe_intermediate)."""
    return 3 * a.hidden * a.moe_intermediate


@dataclass
class Component:
    name: str
    count: int
    formula: str


@dataclass
class ParamReport:
    arch: Arch
    total: int
    embedding: int
    non_embedding: int
    active: int
    components: list[Component]
    mtp: int  # DeepSeek-V3 MTP module, own parameters (embedding and head shared with the main model)
    mtp_stored: int  # the same as stored in the checkpoint (with its own copy of embedding and head)
    largest_layer: int  # largest single module's own parameters (DeepSpeed's largest_layer_params)
    steps: list[str]
    buffers: int = 0  # persistent buffers the main model's checkpoint stores besides its parameters
    buffers_formula: str = ""

    def to_json(self) -> dict:
        a = self.arch
        doc = {
            "model": a.name, "model_type": a.model_type, "attention": a.attention_kind,
            "total": self.total, "embedding": self.embedding, "non_embedding": self.non_embedding,
            "active": self.active, "largest_layer": self.largest_layer,
            "components": [{"name": c.name, "count": c.count, "formula": c.formula} for c in self.components],
            "tied_embeddings": a.tie,
            "convention": "embedding = input embedding + untied output head; active = total - unused routed experts",
        }
        if a.mtp_layers:
            doc["mtp"] = self.mtp
            doc["mtp_stored"] = self.mtp_stored
        if self.buffers:
            doc["stored_buffers"] = self.buffers
            doc["stored_tensors_total"] = self.total + self.buffers
            doc["stored_buffers_formula"] = self.buffers_formula
        if a.assumptions:
            doc["assumptions"] = list(a.assumptions)
        return doc


def _layer_dense_or_moe(a: Arch, i: int) -> bool:
    return i in set(a.moe_layers)


def decoder_layer_count(a: Arch, moe: bool) -> int:
    """Parameters of one decoder layer (attention + norms + MLP or MoE block)."""
    n = sum(x.count for x in attention_linears(a)) + attention_norms(a) + 2 * a.hidden
    if moe:
        n += a.experts * expert_count(a) + a.experts * a.hidden  # experts + router
        if a.shared_intermediate:
            n += 3 * a.hidden * a.shared_intermediate + (a.hidden if a.shared_gate else 0)
    else:
        n += sum(x.count for x in mlp_linears(a.hidden, a.intermediate, a.mlp_bias, "mlp"))
    return n


def count_params(a: Arch) -> ParamReport:
    h, V, L = a.hidden, a.vocab, a.layers
    n_moe = len(a.moe_layers)
    n_dense = L - n_moe
    comps: list[Component] = []
    steps: list[str] = []

    emb = V * h
    comps.append(Component("embed_tokens", emb, f"vocab × hidden = {V:,} × {h:,}"))

    att = attention_linears(a)
    att_layer = sum(x.count for x in att)
    terms = " + ".join(
        f"{x.name} {x.d_in:,}×{x.d_out:,}" + (f"+{x.d_out:,}" if x.bias else "") for x in att
    )
    comps.append(Component("attention", att_layer * L, f"{L} layers × ({terms}) = {L} × {att_layer:,}"))
    an = attention_norms(a)
    norms_layer = 2 * h + an
    norm_terms = f"2 × hidden {h:,}" + (
        f" + latent norms {a.q_lora_rank:,}+{a.kv_lora_rank:,}" if a.is_mla
        else (f" + q/k norms 2 × {a.head_dim}" if an else ""))
    comps.append(Component("norms", norms_layer * L + h, f"{L} layers × ({norm_terms}) + final norm {h:,}"))

    if n_dense:
        mlp = mlp_linears(h, a.intermediate, a.mlp_bias, "mlp")
        mlp_layer = sum(x.count for x in mlp)
        comps.append(Component("mlp (dense)", mlp_layer * n_dense,
                               f"{n_dense} layers × 3 × hidden × intermediate = {n_dense} × 3 × {h:,} × {a.intermediate:,}"
                               + (" + biases" if a.mlp_bias else "")))
    if n_moe:
        e = expert_count(a)
        comps.append(Component("experts (routed)", n_moe * a.experts * e,
                               f"{n_moe} layers × {a.experts} experts × 3 × {h:,} × {a.moe_intermediate:,}"))
        comps.append(Component("router", n_moe * a.experts * h, f"{n_moe} layers × {a.experts} × {h:,}"))
        if a.shared_intermediate:
            sh = 3 * h * a.shared_intermediate + (h if a.shared_gate else 0)
            comps.append(Component("experts (shared)", n_moe * sh,
                                   f"{n_moe} layers × 3 × {h:,} × {a.shared_intermediate:,}"
                                   + (f" + gate {h:,}" if a.shared_gate else "")))
    head = 0 if a.tie else V * h
    comps.append(Component("lm_head", head, "tied to embed_tokens (counted once)" if a.tie
                           else f"hidden × vocab = {h:,} × {V:,}"))

    total = sum(c.count for c in comps)
    embedding = emb + head
    unused = n_moe * (a.experts - a.top_k) * expert_count(a) if n_moe else 0
    active = total - unused

    # largest single module's own parameters, as DeepSpeed's model_to_params walks modules
    candidates = [emb, head] + [x.count for x in att]
    if n_dense:
        candidates += [x.count for x in mlp_linears(h, a.intermediate, a.mlp_bias, "mlp")]
    if n_moe:
        # transformers >= 5 keeps all experts of a layer in one module (fused 3-D weights)
        candidates += [a.experts * e, a.experts * h]
        if a.shared_intermediate:
            candidates += [h * a.shared_intermediate]
    largest = max(candidates)

    mtp = mtp_stored = 0
    if a.mtp_layers:
        # per MTP module: enorm + hnorm + eh_proj (2h -> h) + one MoE decoder layer + its final norm;
        # embedding and output head are shared with the main model (stored again in the checkpoint).
        per = 2 * h + 2 * h * h + decoder_layer_count(a, moe=bool(n_moe)) + h
        mtp = a.mtp_layers * per
        mtp_stored = mtp + a.mtp_layers * 2 * V * h

    steps.append(f"embedding = {V:,} × {h:,} = {emb:,}")
    steps.append(f"per layer attention = {terms} = {att_layer:,}")
    if a.is_mla:
        steps.append("MLA: queries through a rank-{} bottleneck, keys and values through a rank-{} latent "
                     "plus a {}-dim shared RoPE key".format(a.q_lora_rank or "full", a.kv_lora_rank, a.qk_rope_dim))
    elif a.kv_heads != a.heads:
        steps.append(f"{a.attention_kind}: {a.heads} query heads share {a.kv_heads} key/value heads of dim "
                     f"{a.head_dim}, so k_proj and v_proj are {a.heads // a.kv_heads}× smaller than q_proj")
    for c in comps[2:]:
        steps.append(f"{c.name} = {c.formula} = {c.count:,}")
    steps.append(f"total = {' + '.join(f'{c.count:,}' for c in comps if c.count)} = {total:,}")
    steps.append(f"embedding (input + {'tied' if a.tie else 'untied'} head) = {embedding:,}; "
                 f"non-embedding = {total:,} − {embedding:,} = {total - embedding:,}")
    if n_moe:
        steps.append(f"active per token = total − {n_moe} MoE layers × ({a.experts} − {a.top_k}) unused experts × "
                     f"{expert_count(a):,} = {total:,} − {unused:,} = {active:,}")
    if a.mtp_layers:
        steps.append(f"MTP module (not in total) = {a.mtp_layers} × (2 norms + eh_proj 2×{h:,}×{h:,} + one decoder "
                     f"layer {decoder_layer_count(a, bool(n_moe)):,} + norm) = {mtp:,}; "
                     f"as stored with its own embedding and head copies: {mtp_stored:,}")
    buffers, buffers_formula = 0, ""
    if a.router_bias and n_moe:
        # noaux_tc routing adds a per-expert bias to the router scores; it is registered as a buffer in
        # transformers and stored in the checkpoint next to the router weight, but is not trained by SGD
        buffers = n_moe * a.experts
        buffers_formula = (f"e_score_correction_bias: {n_moe} MoE layers × {a.experts} experts = {buffers:,} values "
                           "(a persistent buffer, not a parameter)")
        steps.append(f"stored tensors besides the parameters: {buffers_formula}; parameters + buffers = "
                     f"{total + buffers:,}"
                     + (f" (the MTP module's own MoE layer stores {a.mtp_layers * a.experts:,} more)" if a.mtp_layers else ""))
    return ParamReport(a, total, embedding, total - embedding, active, comps, mtp, mtp_stored, largest, steps,
                       buffers, buffers_formula)


def params_from_config(cfg: dict, name: str = "model") -> ParamReport:
    return count_params(arch_from_config(cfg, name))
