"""How much of a GPU's memory a program can use: the card's total, and what is left after the CUDA context.

Prints one table per visible GPU: the total nvidia-smi reports, the free memory a fresh process sees
after creating its CUDA context (torch.cuda.mem_get_info), what that context costs, and the largest
single tensor the caching allocator then hands out. `mianjing calc train|infer` subtract a `--reserve`
(2 GiB training, 1 GiB inference by default) from a card's capacity; this script measures how much
of that reserve the context alone takes on a real card. Needs an NVIDIA GPU; prints what it can
without torch.

    python bench/gpu_memory.py [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess

MiB = 2**20
GiB = 2**30


def smi() -> list[dict]:
    if not shutil.which("nvidia-smi"):
        return []
    out = subprocess.run(["nvidia-smi", "--query-gpu=name,memory.total,memory.used,driver_version",
                          "--format=csv,noheader,nounits"], capture_output=True, text=True, timeout=60)
    rows = []
    for line in out.stdout.strip().splitlines():
        name, total, used, driver = [x.strip() for x in line.split(",")]
        rows.append({"name": name, "smi_total_mib": int(total), "smi_used_mib_before": int(used), "driver": driver})
    return rows


def with_torch(rows: list[dict]) -> None:
    try:
        import torch
    except ImportError:
        for r in rows:
            r["torch"] = "not installed"
        return
    if not torch.cuda.is_available():
        return
    for i, r in enumerate(rows):
        free, total = torch.cuda.mem_get_info(i)
        r["torch"] = torch.__version__
        r["cuda_total_bytes"] = total
        r["free_after_context_bytes"] = free
        r["context_and_other_bytes"] = total - free
        # the largest single allocation, searched down in 256 MiB steps
        size = (free // (256 * MiB)) * 256 * MiB
        while size > 0:
            try:
                x = torch.empty(size, dtype=torch.uint8, device=f"cuda:{i}")
                del x
                break
            except RuntimeError:
                size -= 256 * MiB
        torch.cuda.empty_cache()
        r["largest_tensor_bytes"] = size


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", help="also write the measurements to this file")
    args = ap.parse_args()
    rows = smi()
    if not rows:
        print("no NVIDIA GPU visible (nvidia-smi not found or reports none)")
        return
    with_torch(rows)
    for r in rows:
        print(f"{r['name']} (driver {r['driver']})")
        print(f"  nvidia-smi total          {r['smi_total_mib']:>9,} MiB = {r['smi_total_mib'] * MiB / GiB:8.2f} GiB"
              f" = {r['smi_total_mib'] * MiB / 1e9:8.2f} GB")
        if "cuda_total_bytes" in r:
            for key, label in (("cuda_total_bytes", "cudaMemGetInfo total"),
                               ("free_after_context_bytes", "free after CUDA context"),
                               ("context_and_other_bytes", "context + driver + others"),
                               ("largest_tensor_bytes", "largest single tensor")):
                b = r[key]
                print(f"  {label:25} {b // MiB:>9,} MiB = {b / GiB:8.2f} GiB = {b / 1e9:8.2f} GB")
        else:
            print(f"  torch: {r.get('torch', 'no CUDA')}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(rows, f, indent=1)


if __name__ == "__main__":
    main()
