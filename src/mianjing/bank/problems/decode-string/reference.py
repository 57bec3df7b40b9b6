"""One scan with a stack. `current` is the text of the innermost open bracket (or of the top level),
`count` the number being read. '[' saves (the text so far, its repeat count) and starts fresh; ']'
repeats the finished inner text and appends it to the saved outer text."""


def decode_string(s: str) -> str:
    stack: list[tuple[str, int]] = []  # (text before the bracket, how often the bracket repeats)
    current, count = "", 0
    for ch in s:
        if ch.isdigit():
            count = count * 10 + int(ch)  # counts can have several digits
        elif ch == "[":
            stack.append((current, count))
            current, count = "", 0
        elif ch == "]":
            before, times = stack.pop()
            current = before + current * times
        else:
            current += ch
    return current
