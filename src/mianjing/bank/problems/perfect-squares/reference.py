"""DP over 0..n: fewest[m] = 1 + min(fewest[m - s] for each square s <= m), because an optimal sum
for m ends with some square s. Lagrange's four-square theorem bounds every answer by 4."""


def num_squares(n: int) -> int:
    squares = [k * k for k in range(1, int(n ** 0.5) + 2) if k * k <= n]
    fewest = [0] + [4] * n  # 4 is always achievable (Lagrange), so it is a safe starting bound
    for m in range(1, n + 1):
        for s in squares:
            if s > m:
                break
            if fewest[m - s] + 1 < fewest[m]:
                fewest[m] = fewest[m - s] + 1
    return fewest[n]
