"""The channel between controller and worker: length-framed JSON plus `.npy` arrays. Never pickle.

A message is  [u32 total length][u32 header length][header JSON][u64 len][npy bytes]...
The header is {"kind": ..., "body": <JSON with arrays replaced by {"__npy__": i}>, "n": count}.
Decoding is strict: sizes capped, every byte accounted for (trailing bytes reject the frame),
arrays loaded with allow_pickle=False and only bool/int/uint/float dtypes accepted.
"""

from __future__ import annotations

import io
import json
import math
import os
import struct
from typing import Any

MAX_MESSAGE = 256 * 1024 * 1024  # bytes; a result above this is "output too large"
MAX_JSON = 16 * 1024 * 1024
MAX_DEPTH = 64
_ALLOWED_KINDS = "biuf"


class WireError(Exception):
    """A frame broke the protocol: the worker's message is not trusted and the case fails."""


def _is_array(value: Any) -> bool:
    # numpy is imported only when an array is about: the CLI's client side never needs it
    return type(value).__module__ == "numpy" and type(value).__name__ == "ndarray"


def _encode_body(value: Any, arrays: list[bytes], depth: int = 0) -> Any:
    if depth > MAX_DEPTH:
        raise WireError("value nested too deeply")
    if _is_array(value):
        import numpy as np

        if value.dtype.kind not in _ALLOWED_KINDS or value.dtype.fields is not None:
            raise WireError(f"array dtype {value.dtype} is not allowed")
        buf = io.BytesIO()
        np.save(buf, value if value.flags.c_contiguous else value.copy(), allow_pickle=False)
        arrays.append(buf.getvalue())
        return {"__npy__": len(arrays) - 1}
    if isinstance(value, dict):
        if "__npy__" in value:
            raise WireError("'__npy__' is a reserved key")
        return {str(k): _encode_body(v, arrays, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_encode_body(v, arrays, depth + 1) for v in value]
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return {"__float__": repr(value)} if not math.isfinite(value) else value
    raise WireError(f"cannot send a value of type {type(value).__name__}")


def encode(kind: str, body: Any) -> bytes:
    arrays: list[bytes] = []
    header = json.dumps({"kind": kind, "body": _encode_body(body, arrays), "n": len(arrays)}).encode()
    parts = [struct.pack(">I", len(header)), header]
    for a in arrays:
        parts += [struct.pack(">Q", len(a)), a]
    payload = b"".join(parts)
    if len(payload) > MAX_MESSAGE:
        raise WireError(f"message of {len(payload)} bytes exceeds the {MAX_MESSAGE}-byte cap")
    return struct.pack(">I", len(payload)) + payload


def _load_npy(raw: bytes) -> Any:
    import numpy as np

    try:
        arr = np.load(io.BytesIO(raw), allow_pickle=False)
    except Exception as exc:  # noqa: BLE001 - any parse failure is a protocol error
        raise WireError(f"bad array frame: {exc}") from None
    if not isinstance(arr, np.ndarray) or type(arr) is not np.ndarray:
        raise WireError("array frame did not decode to a plain ndarray")
    if arr.dtype.kind not in _ALLOWED_KINDS or arr.dtype.fields is not None:
        raise WireError(f"array dtype {arr.dtype} is not allowed")
    return arr


def _decode_body(value: Any, arrays: list[Any], used: set[int], depth: int = 0) -> Any:
    if depth > MAX_DEPTH:
        raise WireError("value nested too deeply")
    if isinstance(value, dict):
        if set(value) == {"__npy__"}:
            i = value["__npy__"]
            if type(i) is not int or not 0 <= i < len(arrays) or i in used:
                raise WireError("bad array reference")
            used.add(i)
            return arrays[i]
        if set(value) == {"__float__"}:
            v = value["__float__"]
            if v not in ("nan", "inf", "-inf"):
                raise WireError("bad float escape")
            return float(v)
        return {k: _decode_body(v, arrays, used, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode_body(v, arrays, used, depth + 1) for v in value]
    return value


def decode(payload: bytes) -> tuple[str, Any]:
    """Decode one message payload (without its outer length prefix)."""
    try:
        if len(payload) < 4:
            raise WireError("short frame")
        (hlen,) = struct.unpack_from(">I", payload, 0)
        if hlen > MAX_JSON or 4 + hlen > len(payload):
            raise WireError("bad header length")
        try:
            header = json.loads(payload[4 : 4 + hlen].decode("utf-8"))
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:
            raise WireError(f"bad header: {exc}") from None
        if not isinstance(header, dict) or set(header) != {"kind", "body", "n"}:
            raise WireError("bad header fields")
        kind, n = header["kind"], header["n"]
        if not isinstance(kind, str) or type(n) is not int or not 0 <= n <= 4096:
            raise WireError("bad header values")
        pos = 4 + hlen
        arrays = []
        for _ in range(n):
            if pos + 8 > len(payload):
                raise WireError("truncated array length")
            (alen,) = struct.unpack_from(">Q", payload, pos)
            pos += 8
            if pos + alen > len(payload):
                raise WireError("truncated array")
            arrays.append(_load_npy(payload[pos : pos + alen]))
            pos += alen
        if pos != len(payload):
            raise WireError("trailing bytes after the last array")
        used: set[int] = set()
        body = _decode_body(header["body"], arrays, used)
        if len(used) != n:
            raise WireError("unreferenced array frames")
        return kind, body
    except RecursionError:
        raise WireError("value nested too deeply") from None


# ---------------------------------------------------------------- blocking fd I/O

def send(fd: int, kind: str, body: Any) -> None:
    data = memoryview(encode(kind, body))
    while data:
        n = os.write(fd, data)
        data = data[n:]


def read_exact(fd: int, n: int) -> bytes:
    chunks, got = [], 0
    while got < n:
        b = os.read(fd, min(n - got, 1 << 20))
        if not b:
            raise EOFError("channel closed")
        chunks.append(b)
        got += len(b)
    return b"".join(chunks)


def recv(fd: int, max_bytes: int = MAX_MESSAGE) -> tuple[str, Any]:
    (length,) = struct.unpack(">I", read_exact(fd, 4))
    if length > max_bytes:
        raise WireError(f"message of {length} bytes exceeds the cap")
    return decode(read_exact(fd, length))
