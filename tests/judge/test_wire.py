import io
import json
import struct

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mianjing.judge import wire

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-2**62, 2**62) | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8).filter(lambda k: k != "__npy__" and k != "__float__"), children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=60, deadline=None)
@given(json_values)
def test_json_values_round_trip(value):
    kind, body = wire.decode(wire.encode("result", {"v": value})[4:])
    assert kind == "result" and body == {"v": value}


@pytest.mark.parametrize("arr", [
    np.arange(12, dtype=np.float32).reshape(3, 4), np.array([True, False]), np.zeros((0, 3)),
    np.array(7, dtype=np.int64), np.array([np.nan, np.inf, -np.inf]),
])
def test_arrays_round_trip_exactly(arr):
    _, body = wire.decode(wire.encode("r", {"a": arr, "b": [arr, 1.5]})[4:])
    for got in (body["a"], body["b"][0]):
        assert type(got) is np.ndarray and got.dtype == arr.dtype and got.shape == arr.shape
        np.testing.assert_array_equal(got, arr)
    assert body["b"][1] == 1.5


def test_non_finite_python_floats_survive():
    _, body = wire.decode(wire.encode("r", [float("nan"), float("inf")])[4:])
    assert np.isnan(body[0]) and body[1] == float("inf")


def test_object_arrays_are_refused_on_both_sides():
    with pytest.raises(wire.WireError):
        wire.encode("r", np.array([{}], dtype=object))
    buf = io.BytesIO()
    np.save(buf, np.array([{"x": 1}], dtype=object), allow_pickle=True)
    raw = buf.getvalue()
    header = json.dumps({"kind": "r", "body": {"__npy__": 0}, "n": 1}).encode()
    payload = struct.pack(">I", len(header)) + header + struct.pack(">Q", len(raw)) + raw
    with pytest.raises(wire.WireError):
        wire.decode(payload)


def _frame(header: dict, *arrays: bytes, trailing: bytes = b"") -> bytes:
    h = json.dumps(header).encode()
    out = struct.pack(">I", len(h)) + h
    for a in arrays:
        out += struct.pack(">Q", len(a)) + a
    return out + trailing


def test_trailing_bytes_reject_the_frame():
    with pytest.raises(wire.WireError, match="trailing"):
        wire.decode(_frame({"kind": "r", "body": 1, "n": 0}, trailing=b"\x00"))


@pytest.mark.parametrize("header", [
    {"kind": "r", "body": {"__npy__": 0}, "n": 0},  # reference to a missing array
    {"kind": "r", "body": 1, "n": -1},
    {"kind": 3, "body": 1, "n": 0},
    {"kind": "r", "body": 1},
    {"kind": "r", "body": {"__float__": "1e999"}, "n": 0},
])
def test_malformed_headers(header):
    with pytest.raises(wire.WireError):
        wire.decode(_frame(header))


def test_unreferenced_or_truncated_arrays():
    buf = io.BytesIO()
    np.save(buf, np.ones(3))
    raw = buf.getvalue()
    with pytest.raises(wire.WireError, match="unreferenced"):
        wire.decode(_frame({"kind": "r", "body": 1, "n": 1}, raw))
    full = _frame({"kind": "r", "body": {"__npy__": 0}, "n": 1}, raw)
    with pytest.raises(wire.WireError):
        wire.decode(full[:-5])


def test_garbage_and_deep_nesting():
    for junk in (b"", b"\x00\x00", b"\xff" * 40):
        with pytest.raises(wire.WireError):
            wire.decode(junk)
    deep = _frame({"kind": "r", "body": 0, "n": 0}).replace(b'"body": 0', b'"body": ' + b"[" * 5000 + b"]" * 5000)
    with pytest.raises(wire.WireError):
        wire.decode(deep)


def test_oversized_message_is_refused(monkeypatch):
    monkeypatch.setattr(wire, "MAX_MESSAGE", 1000)
    with pytest.raises(wire.WireError):
        wire.encode("r", np.zeros(1000))
