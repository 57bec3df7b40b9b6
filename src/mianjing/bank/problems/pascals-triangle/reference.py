"""Each row starts and ends with 1; every inner entry is the sum of the two entries above it:
row[j] = prev[j - 1] + prev[j]. A new list per row, so rows never share storage."""


def generate(num_rows: int) -> list[list[int]]:
    rows = [[1]]
    for _ in range(num_rows - 1):
        prev = rows[-1]
        row = [1]  # the left edge
        for j in range(1, len(prev)):
            row.append(prev[j - 1] + prev[j])  # the two entries above position j
        row.append(1)  # the right edge
        rows.append(row)
    return rows
