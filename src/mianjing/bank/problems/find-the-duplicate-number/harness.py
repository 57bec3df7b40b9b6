"""find-the-duplicate-number harness: calls the submission, then checks that nums was left exactly
as it was given (the statement forbids modifying it) before returning the answer."""

from mianjing.judge.harness import HarnessError


def run(entry, inputs, dtype, seed):
    original = list(inputs["nums"])
    nums = list(original)
    answer = entry(nums)
    if nums != original:
        raise HarnessError("nums was modified: the array must be left as it was given "
                           "(read-only input, O(1) extra space)", verdict="wrong_answer")
    return {"out": answer}
