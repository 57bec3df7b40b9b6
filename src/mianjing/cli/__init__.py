"""The command line: each module registers one group of commands. No module here imports torch."""
