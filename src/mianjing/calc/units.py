"""Byte units, spelled out: GB = 10**9 bytes, GiB = 2**30 bytes. Never a bare "G".

Every calculator works in integer bytes; these helpers only parse user input and format output.
"""

from __future__ import annotations

import re

GB = 10**9
GiB = 2**30

_UNITS = {
    "b": 1,
    "kb": 10**3, "mb": 10**6, "gb": 10**9, "tb": 10**12,
    "kib": 2**10, "mib": 2**20, "gib": 2**30, "tib": 2**40,
}

# Bytes per element of the dtypes the calculators accept.
DTYPE_BYTES = {"fp32": 4, "float32": 4, "bf16": 2, "bfloat16": 2, "fp16": 2, "float16": 2, "fp8": 1, "int8": 1}


class CalcError(ValueError):
    """Bad input for a calculator: the message is shown to the user as is (exit status 2)."""


def parse_size(text: str) -> int:
    """'80GiB' -> 85899345920, '80GB' -> 80000000000. The unit is required: '80G' is ambiguous."""
    m = re.fullmatch(r"\s*([0-9]+(?:\.[0-9]+)?)\s*([A-Za-z]+)\s*", str(text))
    if not m:
        raise CalcError(f"cannot read the size {text!r}: write a number and a unit, e.g. 80GiB or 80GB")
    number, unit = m.group(1), m.group(2).lower()
    if unit not in _UNITS:
        raise CalcError(
            f"unknown unit {m.group(2)!r} in {text!r}: use GB (10^9 bytes) or GiB (2^30 bytes), "
            "MB/MiB, TB/TiB (a bare 'G' is ambiguous)"
        )
    value = float(number) * _UNITS[unit]
    if value <= 0:
        raise CalcError(f"size {text!r} must be positive")
    return int(round(value))


def dtype_bytes(name: str) -> int:
    try:
        return DTYPE_BYTES[name.lower()]
    except KeyError:
        raise CalcError(f"unknown dtype {name!r}: choose from bf16, fp16, fp32, fp8") from None


def fmt_bytes(n: int | float) -> str:
    """'15.93 GiB (17.11 GB)': both units, so nobody has to guess."""
    n = float(n)
    if abs(n) >= GiB / 10:
        return f"{n / GiB:,.2f} GiB ({n / GB:,.2f} GB)"
    if abs(n) >= 2**20:
        return f"{n / 2**20:,.2f} MiB ({n / 10**6:,.2f} MB)"
    if abs(n) >= 2**10:
        return f"{n / 2**10:,.2f} KiB ({n / 10**3:,.2f} kB)"
    return f"{int(n):,} bytes"


def fmt_count(n: int | float) -> str:
    """'32,763,876,352 (32.76 B)'."""
    n = int(n)
    if abs(n) >= 10**9:
        short = f"{n / 10**9:.2f} B"
    elif abs(n) >= 10**6:
        short = f"{n / 10**6:.2f} M"
    elif abs(n) >= 10**3:
        short = f"{n / 10**3:.2f} K"
    else:
        return f"{n:,}"
    return f"{n:,} ({short})"
