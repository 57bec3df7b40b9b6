"""Calculators for the numbers questions: pure functions returning a value plus its derivation.

Modules: `params` (exact parameter counts), `lora` (trainable parameters as PEFT counts them), `zero`
(ZeRO paper and DeepSpeed estimators), `kv` (KV cache), `train` and `infer` (memory per GPU),
`presets` (shipped model configs), `units` (GB vs GiB), `verify` (published numbers) and `measure`
(real PyTorch measurements; the only module that imports torch, inside its functions).
None of them prints.
"""
