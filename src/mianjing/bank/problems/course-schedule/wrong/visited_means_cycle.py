"""DFS from every course with one visited set: reaching any visited course is taken as a cycle,
although in a DAG two paths may lead to the same course."""


def can_finish(num_courses: int, prerequisites: list[list[int]]) -> bool:
    needs = [[] for _ in range(num_courses)]
    for course, before in prerequisites:
        needs[course].append(before)
    visited = set()

    def dfs(c):
        if c in visited:
            return False
        visited.add(c)
        return all(dfs(b) for b in needs[c])

    for c in range(num_courses):
        if c not in visited and not dfs(c):
            return False
    return True
