from mianjing.judge.policy import scan

RULES = ["torch.nn.functional.scaled_dot_product_attention", "torch.nn.functional.layer_norm"]


def rules_hit(code, rules=RULES):
    return [v.rule for v in scan(code, rules)]


def test_aliases_are_resolved():
    assert rules_hit("import torch.nn.functional as F\ny = F.scaled_dot_product_attention(q, k, v)\n")
    assert rules_hit("from torch.nn import functional as G\nG.layer_norm(x, (4,))\n")
    assert rules_hit("from torch.nn.functional import layer_norm as ln\nln(x, (4,))\n")
    assert rules_hit("import torch\ntorch.nn.functional.layer_norm(x, (3,))\n")


def test_honest_code_is_not_flagged():
    code = "import torch\nimport torch.nn.functional as F\ny = F.softmax(x, -1)\nlayer_norm = 3\n"
    assert rules_hit(code) == []


def test_attr_and_syntax_rules():
    rules = ["attr:sqrt", "syntax:pow_fraction"]
    assert rules_hit("import math\nmath.sqrt(2)\n", rules) == ["attr:sqrt"]
    assert rules_hit("x = y.sqrt()\n", rules) == ["attr:sqrt"]
    assert rules_hit("from math import sqrt\n", rules) == ["attr:sqrt"]
    assert rules_hit("r = x ** 0.5\n", rules) == ["syntax:pow_fraction"]
    assert rules_hit("r = x ** (1 / 2)\n", rules) == ["syntax:pow_fraction"]
    assert rules_hit("r = pow(x, 0.5)\n", rules) == ["syntax:pow_fraction"]
    assert rules_hit("r = x ** 2\n", rules) == []
    assert rules_hit("sqrt = 3\ny = sqrt + 1\n", rules) == []  # a variable of that name is fine
    assert rules_hit("y = sqrt(2)\n", rules) == ["attr:sqrt"]


def test_messages_name_the_line():
    (v,) = scan("a = 1\nb = a ** 0.5\n", ["syntax:pow_fraction"])
    assert v.line == 2 and "line 2" in v.message()


def test_imports_from_a_forbidden_package():
    assert rules_hit("from transformers.models.llama import modeling_llama\n", ["transformers"]) == ["transformers"]
    assert rules_hit("import transformers\n", ["transformers"]) == ["transformers"]
