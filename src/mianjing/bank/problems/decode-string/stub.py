def decode_string(s: str) -> str:
    """Expand every k[text] in s into text repeated k times (brackets may nest)."""
    raise NotImplementedError
