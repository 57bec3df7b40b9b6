"""Updates one list in place from the right and appends that same list object for every row: the
answer holds num_rows references to the last row."""


def generate(num_rows: int) -> list[list[int]]:
    row = [1]
    rows = [row]
    for _ in range(num_rows - 1):
        for j in range(len(row) - 1, 0, -1):
            row[j] += row[j - 1]
        row.append(1)
        rows.append(row)
    return rows
