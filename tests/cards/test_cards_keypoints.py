"""Offline key-point matching, Chinese and English."""

from __future__ import annotations

from mianjing.cards.keypoints import features, match, score, stem

ZH_POINTS = ["分片优化器状态、梯度和参数", "每张卡的模型状态降为 1/N", "通信量约为数据并行的 1.5 倍"]
EN_POINTS = ["shards optimizer states, gradients and parameters", "per-GPU model states fall to 1/N",
             "about 1.5x the communication of data parallelism"]


def _hits(answer, points):
    return [m.hit for m in match(answer, points)]


def test_chinese_reordered_wording_is_matched():
    answer = "ZeRO-3 把参数、梯度、优化器状态都切分到各张卡上"
    assert _hits(answer, ZH_POINTS) == [True, False, False]


def test_chinese_several_points():
    answer = "优化器状态、梯度、参数全部分片，每张卡只存 1/N 的模型状态，代价是通信量变成数据并行的1.5倍"
    assert _hits(answer, ZH_POINTS) == [True, True, True]


def test_chinese_unrelated_answer_matches_nothing():
    assert _hits("我不太清楚，好像是做推理加速的", ZH_POINTS) == [False, False, False]


def test_english_inflections_meet():
    answer = "It partitions the optimizer state, the gradient and the parameter tensors across GPUs"
    assert _hits(answer, EN_POINTS)[0] is True
    assert stem("sharding") == stem("sharded") == stem("shards") == "shard"
    assert stem("optimisers") == stem("optimizer")
    assert stem("losses") == stem("loss") == "loss"
    assert stem("batches") == "batch"


def test_english_unrelated_answer_matches_nothing():
    assert _hits("It is a library for serving models with paged attention", EN_POINTS) == [False, False, False]


def test_empty_answer_matches_nothing():
    assert _hits("", ZH_POINTS + EN_POINTS) == [False] * 6
    assert _hits("   ", EN_POINTS) == [False] * 3


def test_english_terms_inside_chinese():
    points = ["GQA 让多组 query 头共享一组 KV 头"]
    assert _hits("GQA 就是把 query 头分组，每组共享同一组 KV 头", points) == [True]
    assert _hits("MHA 每个头都有自己的 K 和 V", points) == [False]


def test_full_width_and_case_are_normalised():
    assert features("ＫＶ Cache") == features("kv cache")


def test_numbers_weigh_more_than_short_words():
    # the distinctive number decides: 16 bytes vs 12 bytes
    point = "each parameter costs 16 bytes"
    assert score("each parameter costs 16 bytes", point) == 1.0
    assert match("16 bytes per parameter", [point])[0].hit
    # same words, wrong number: the number's extra weight keeps it below the threshold
    assert not match("12 bytes per parameter", [point])[0].hit
    assert score("12 bytes per parameter", point) < score("16 bytes per parameter", point)


def test_threshold_controls_hits():
    answer = "优化器状态分片"
    loose = match(answer, ZH_POINTS[:1], threshold=0.3)[0]
    strict = match(answer, ZH_POINTS[:1], threshold=0.9)[0]
    assert loose.score == strict.score and 0.3 <= loose.score < 0.9
    assert loose.hit and not strict.hit


def test_chinese_changed_word_and_function_characters():
    point = "方差大使 softmax 饱和、梯度变小"
    # "饱和" holds 和, a function character: it must still count; "很小" for "变小" is forgiven
    assert match("点积方差太大会让 softmax 饱和，梯度很小", [point])[0].hit
    # sharing only softmax and function characters is not a mention
    assert not match("softmax 的输出和为 1，是一个概率分布", [point])[0].hit


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_TEXT = st.text(alphabet=st.sampled_from(list("abcdefgh xyz 0123 注意力头缓存梯度的和是，、")), max_size=40)


@settings(max_examples=200, deadline=None)
@given(answer=_TEXT, point=_TEXT)
def test_score_is_a_share(answer, point):
    s = score(answer, point)
    assert 0.0 <= s <= 1.0
    if features(point):
        assert score(point, point) == 1.0
        # an answer that contains the point mentions all of it, whatever else it says
        assert score(answer + " " + point, point) == 1.0
