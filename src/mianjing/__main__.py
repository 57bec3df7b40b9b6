"""`python -m mianjing ...` is the `mianjing` command (useful where the console script is not on PATH)."""

from .cli.entry import main

if __name__ == "__main__":
    main()
